"""Rules of issue 16's seventh pass, each on invented sentences: attribution structures that fresh
pages used and the claims reader missed (French "Selon"/"fait état de", German "laut", Chinese
bulletins, Russian "по данным" before a clause, named sources in headlines)."""

from __future__ import annotations

from facts_helpers import claimants_of as claimants


def test_a_sentence_opening_with_a_capital_selon_names_the_source() -> None:
    assert claimants("fr", "Selon le ministère des Urgences, 10 personnes ont été tuées.") == {
        10: "ministère des Urgences"
    }
    assert claimants("fr", "D'après la préfecture, 12 personnes ont été blessées.") == {12: "préfecture"}


def test_fait_etat_de_names_whoever_opens_the_clause() -> None:
    found = claimants("fr", "Le chef des pompiers de la région, Paul Martin, fait état de 12 morts.")
    assert found == {12: "Paul Martin"}
    assert claimants("fr", "Le service de secours de Bretagne a fait état sur Twitter d'un bilan de 8 morts.") == {
        8: "service de secours de Bretagne"
    }
    found = claimants("fr", "Le bilan monte : la gendarmerie locale fait état ce lundi de 40 morts et de 300 blessés.")
    assert found == {40: "gendarmerie locale", 300: "gendarmerie locale"}


def test_a_present_verb_after_a_quotation_names_the_source_after_it() -> None:
    found = claimants("fr", "« Blessés d'abord » rapporte la sécurité civile qui dénombre 2 000 familles sinistrées.")
    assert found == {2000: "sécurité civile"}


def test_a_count_word_after_selon_is_nobodys_claim() -> None:
    found = claimants("fr", "Un incendie qui a fait d'après un premier bilan provisoire 60 morts et 90 blessés.")
    assert found == {60: "outlet.example", 90: "outlet.example"}


def test_laut_names_the_source_in_german() -> None:
    assert claimants("de", "Laut Polizei wurden fünf Menschen schwer verletzt.") == {5: "Polizei"}
    assert claimants("de", "Drei Menschen starben laut Angaben der Stadtverwaltung am Abend.") == {3: "Stadtverwaltung"}


def test_po_dannym_before_a_clause_is_not_a_source() -> None:
    found = claimants("ru", "По предварительным данным на борту находились пять пассажиров, все они погибли.")
    assert found == {5: "outlet.example"}


def test_chinese_bulletins_name_the_body_that_issued_them() -> None:
    found = claimants("zh", "昨晚發生車禍。廣州警方13日公布稱事故導致12人死亡、20人受傷。")
    assert found == {12: "廣州警方", 20: "廣州警方"}
    found = claimants("zh", "廣州市公安局13日傍晚發布通報,以「惡性案件」形容。通報稱,事故導致12人死亡、20人受傷。")
    assert found == {12: "廣州市公安局", 20: "廣州市公安局"}  # the bulletin alone is its issuer
    found = claimants("zh", "2日,廣州市公安局发布警情通报,事故致12人死亡,20人受伤。")
    assert found == {12: "廣州市公安局", 20: "廣州市公安局"}
    assert claimants("zh", "昨晚發生車禍,官方通報指,事件致12人死亡、20人受傷。") == {12: "官方", 20: "官方"}


def test_a_headline_that_names_its_source_gives_it() -> None:
    assert claimants("zh", "事故現場。", title="12死20伤,广州警方通报驾车冲撞案件") == {12: "警方", 20: "警方"}
    assert claimants("ru", "Авария.", title="СК: пять человек погибли при пожаре") == {5: "СК"}
    # a rubric or a topic is not a source, and an exclamation closes the figures' sentence before the source
    assert claimants("ru", "Авария.", title="ВИДЕО: пять человек погибли при пожаре") == {5: "headline of x1"}
    assert claimants("de", "Unfall.", title="Sturm: Mindestens neun Tote") == {9: "headline of x1"}
    found = claimants("zh", "事故現場。", title="12人死亡,20人受伤!广州警方通报一起案件")
    assert found == {12: "headline of x1", 20: "headline of x1"}


def test_family_members_told_is_the_family_not_the_listener() -> None:
    found = claimants("en", "A drone strike killed 10 civilians in town, family members told The Courier on Friday.")
    assert found == {10: "family members"}


def test_an_aside_between_commas_does_not_hide_the_speaker() -> None:
    assert claimants("en", "The police, however, assure that there were 81,000 protesters.") == {81_000: "police"}


def test_an_outlet_that_reports_citing_a_body_passes_the_figure_on() -> None:
    found = claimants("en", "The toll has risen to 1,300 dead, The Daily Courier reports citing the Red Cross.")
    assert found == {1_300: "Red Cross"}
    # a body that speaks, citing data, keeps its own figure
    assert claimants("en", "The toll is 50 dead, the ministry said, citing hospital data.") == {50: "ministry"}


def test_a_source_opening_a_unit_of_several_sentences_covers_them_until_another_is_named() -> None:
    found = claimants("ru", "По официальным данным, погибли девять человек. 18 детей попали в больницу.")
    assert found == {9: "официальным данным", 18: "официальным данным"}
    found = claimants("ja", "消防によれば、少なくとも40人が死亡した。病院では5人が治療を受けている。")
    assert found == {40: "消防", 5: "消防"}
    # a source named in between takes over, and one that does not open the unit carries nothing
    found = claimants("ru", "По официальным данным, погибли девять человек. По словам врачей, 18 детей ранены.")
    assert found[18] == "врачей"
    found = claimants("ru", "Вчера, по официальным данным, погибли девять человек. 18 детей попали в больницу.")
    assert found[18] == "outlet.example"
