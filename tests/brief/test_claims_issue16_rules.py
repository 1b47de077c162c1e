"""Rules of issue 16's third pass, each on invented sentences: where a figure was counted
(places), and the lexicons holding no event's own place names."""

from __future__ import annotations

from facts_helpers import make_article

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.brief.claims.ledger import build_ledger
from rashomon.records import Claim, Sentence
from rashomon.text.languages import lexicon


def claims(code: str, *sentences: str, source: str = "outlet.example", aid: str = "x1") -> list[Claim]:
    article = make_article(aid, "placeholder", source=source)
    article.sentences = tuple(Sentence(aid, i, s) for i, s in enumerate(sentences))
    article.language = code
    return extract_claims(annotate(article))


def subjects(code: str, *sentences: str) -> dict[float | None, str]:
    return {c.low: c.subject for c in claims(code, *sentences)}


def test_a_sentence_opening_with_a_place_counts_that_place() -> None:
    assert subjects("fr", "A Grenoble, 14 personnes ont été interpellées.") == {14: "Grenoble"}
    # every figure of the sentence, and the capital by its common noun
    found = subjects("fr", "Dans la capitale, on compte 90.000 manifestants selon la CGT et 12.000 selon la police.")
    assert found == {90_000: "capital", 12_000: "capital"}
    assert subjects("es", "En Cartagena, 31 personas fueron detenidas.") == {31: "Cartagena"}


def test_a_place_before_the_figure_in_parentheses_or_right_after_it() -> None:
    found = subjects("fr", "Le bilan est lourd dans la province de Tiznit (212 morts) et la province d'Ifrane (47).")
    assert found == {212: "Tiznit", 47: "Ifrane"}
    assert subjects("es", "Marcharon 40.000 en Sevilla según los organizadores.") == {40_000: "Sevilla"}


def test_where_people_died_does_not_replace_who_is_counted() -> None:
    # the place follows the counted noun and the verb, not the figure: the subject is the women
    assert subjects("es", "Tres mujeres murieron en Cádiz tras la tormenta.") == {3: "women"}
    assert subjects("fr", "Selon la CGT, 50 000 personnes ont défilé.") == {50_000: ""}


def test_a_city_count_is_compared_with_the_same_city_only() -> None:
    said = claims(
        "fr",
        "Au niveau national, 1,1 million de manifestants selon le ministère.",
        "A Grenoble, 30.000 manifestants selon le syndicat et 8.000 selon la préfecture.",
    )
    groups = build_ledger(said, [], [], [])
    city = next(g for g in groups if g.subject == "grenoble")
    assert {f.low for f in city.figures} == {30_000, 8_000} and city.conflict
    national = [g for g in groups if g is not city]
    assert all(1_100_000 in {f.low for f in g.figures} and not g.conflict for g in national)


def test_lexicons_name_no_place_of_any_event() -> None:
    """Who is counted is a kind of person, never a town of one event's coverage."""
    for code in ("es", "fr", "ja"):
        lex = lexicon(code)
        assert lex is not None
        words = " ".join(rx for rx, _ in lex.subjects)
        for place in ("Paiporta", "Valencia", "Letur", "Haouz", "Chichaoua", "Paris", "海保"):
            assert place not in words, (code, place)


def read(code: str, *sentences: str) -> set[tuple[str, float | None, float | None, str]]:
    return {(c.quantity, c.low, c.high, c.claimant) for c in claims(code, *sentences)}


def test_spanish_one_is_a_count_only_beside_a_counted_word() -> None:
    assert read("es", "La policía detuvo a un sospechoso en Quito.") == {("arrested", 1, 1, "outlet.example")}
    assert read("es", "Una mujer resultó herida en el choque.") == {("wounded", 1, 1, "outlet.example")}
    # the article of "una playa" counts nobody
    assert read("es", "Tres bañistas murieron ahogados en una playa de Manta.") == {("killed", 3, 3, "outlet.example")}


def test_feminine_counted_words_and_listed_ages() -> None:
    assert read("es", "Once personas fueron detenidas tras los disturbios.") == {("arrested", 11, 11, "outlet.example")}
    # "de 19 y 52 años" are ages, not two more victims
    assert read("es", "Las víctimas, dos hermanos de 19 y 52 años, murieron en el acto.") == {
        ("killed", 2, 2, "outlet.example")
    }


def test_percent_ranges_are_each_candidates_own_share() -> None:
    said = claims(
        "es",
        "La candidata Marta Quiroga obtuvo entre el 41,2% y 43,5% de los votos, según el tribunal electoral.",
        "Su rival, Tomás Ledesma Ruiz, logró entre el 30,1% y 32,0% de los votos, según el tribunal electoral.",
    )
    found = {(c.quantity, c.low, c.high, c.subject) for c in said}
    assert found == {
        ("percent", 41.2, 43.5, "votos Marta Quiroga"),
        ("percent", 30.1, 32.0, "votos Tomás Ledesma Ruiz"),
    }
    # two candidates' shares are two quantities, never a conflict
    assert not any(g.conflict for g in build_ledger(said, [], [], []))


def test_tens_of_thousands_and_no_money_in_europe() -> None:
    assert read("es", "Decenas de miles de manifestantes marcharon por la avenida.") == {
        ("protesters", 20_000, 99_999, "outlet.example")
    }
    assert read("fr", "Des dizaines de milliers de manifestants ont défilé.") == {
        ("protesters", 20_000, 99_999, "outlet.example")
    }
    # "Unión Europea" holds "euro" but pays nothing
    assert read("es", "En el proyecto participaron 12 socios de la Unión Europea.") == set()


def test_a_group_made_of_the_figure_counts_attackers() -> None:
    found = read("es", "La célula que atacó el cuartel estaba integrada por 9 hombres y dos mujeres, dijo la fiscalía.")
    assert found == {("attackers", 9, 9, "fiscalía"), ("attackers", 2, 2, "fiscalía")}
    # a group of tourists made of people is not an attack
    assert read("es", "El grupo de turistas estaba formado por 14 jubilados.") == set()


def test_spanish_zeros_and_a_trailing_present_tense_source() -> None:
    assert ("killed", 0, 0, "outlet.example") in read("es", "Por ahora no hay informaciones de fallecidos en la isla.")
    found = read("es", "Los fallecidos son cuatro pescadores, informa el diario local El Faro.")
    assert found == {("killed", 4, 4, "diario local El Faro")}


def said(value: float, who: str, article: str, sentence: str, subject: str = "", quantity: str = "killed") -> Claim:
    return Claim(quantity, subject, str(int(value)), value, value, who, (), article, 0, sentence, "2031-05-04")


def test_a_toll_rising_in_the_present_tense_is_a_revision() -> None:
    claims_ = [
        said(30, "ayuntamiento", "r1", "El ayuntamiento cifra en 30 los muertos."),
        said(41, "protección civil", "r2", "La cifra de muertos sube a 41, según protección civil."),
    ]
    (group,) = build_ledger(claims_, [], [], [])
    assert not group.conflict and [step.value_text for step in group.series] == ["30", "41"]
    # the same two figures told without a word of movement are two sides of the same day
    claims_[1] = said(41, "protección civil", "r2", "Protección civil cuenta 41 muertos.")
    assert build_ledger(claims_, [], [], [])[0].conflict


def test_the_newest_toll_of_a_series_is_no_side() -> None:
    claims_ = [
        said(12, "the governor", "r1", "Twelve people died, the governor said."),
        said(19, "the fire service", "r2", "The latest toll from the fire service is 19 dead."),
    ]
    assert not build_ledger(claims_, [], [], [])[0].conflict


def test_figures_naming_nobody_are_not_compared_when_named_groups_exist() -> None:
    unnamed = [
        said(120, "a newspaper", "r1", "120 were wounded, a newspaper said.", quantity="wounded"),
        said(60, "a hospital", "r2", "A hospital received 60 wounded.", quantity="wounded"),
    ]
    # alone, two claimants' exact counts of one day disagree
    assert build_ledger(unnamed, [], [], [])[0].conflict
    # beside counts of named soldiers and children, the unnamed ones may count either: no same group
    soldiers = said(9, "the army", "r3", "Nine soldiers were wounded.", subject="soldiers", quantity="wounded")
    children = said(5, "a doctor", "r4", "Five children were wounded.", subject="children", quantity="wounded")
    groups = build_ledger([*unnamed, soldiers, children], [], [], [])
    assert len(groups) == 3 and not any(g.conflict for g in groups)


def test_a_figure_continuing_the_one_before_counts_the_same_people() -> None:
    sentence = "أسفر الهجوم عن مقتل 11 جنديا أمريكيا وإصابة 16 آخرين."
    found = {(c.quantity, c.low, c.subject) for c in claims("ar", sentence)}
    assert found == {("killed", 11, "American soldiers"), ("wounded", 16, "American soldiers")}
    found = {(c.quantity, c.low, c.subject) for c in claims("es", "Murieron 4 policías y 9 resultaron heridos.")}
    assert found == {("killed", 4, "police officers"), ("wounded", 9, "police officers")}


def by_value(code: str, *sentences: str) -> dict[float | None, str]:
    return {c.low: c.subject for c in claims(code, *sentences)}


def test_a_condition_is_who_is_counted_and_the_next_clause_is_not() -> None:
    found = by_value("zh", "截至晚上8時，共有65人送院，其中9人危殆，14人嚴重。")
    assert found == {65: "hospitalised", 9: "critical", 14: "serious"}
    # the firefighter of the next clause does not name who the 31 injured are
    assert by_value("zh", "火災造成7死31傷，包括一名消防員殉職。")[31] == ""
    assert by_value("fr", "Le bilan fait état de 40 blessés, dont 6 dans un état critique.")[6] == "critical"


def test_a_generic_person_word_is_not_the_previous_figures_noun() -> None:
    found = by_value("zh", "死者包括兩名警員，另有逾80人失聯。")
    assert found[2] == "police officers" and found[81] == ""  # "逾80": more than 80


def test_korean_names_who_is_counted_before_the_figure() -> None:
    found = by_value("ko", "버스에는 승객 41명과 승무원 3명이 타고 있었다.")
    assert found == {41: "passengers", 3: "crew"}
    # a part of a whole counts the whole's people
    found = by_value("ko", "탑승객 58명 중 구조된 5명을 제외한 53명이 숨졌다.")
    assert found[5] == "people aboard"


def test_a_sourced_figure_about_counts_continues_what_sources_were_counting() -> None:
    found = read(
        "fr",
        "La journée a réuni 900.000 manifestants selon la CGT.",
        "A Lille, 12 personnes ont été interpellées.",
        "A Nantes, les chiffrages divergent entre 40.000 selon la CGT et 9.000 pour la préfecture.",
    )
    # the outlet's own arrests between do not change what the sources' counts are about
    assert ("protesters", 40_000, 40_000, "CGT") in found and ("protesters", 9_000, 9_000, "préfecture") in found
    # without a word for counts, a bare figure counts nothing
    bare = read("fr", "La marche a réuni 5.000 manifestants selon la CGT.", "Il y avait 7.000 à Caen, dit la police.")
    assert not any(v == 7_000 for _, v, _, _ in bare)


def test_spanish_and_french_compound_number_words() -> None:
    assert read("es", "Treinta y cuatro personas murieron en el incendio.") == {("killed", 34, 34, "outlet.example")}
    assert read("fr", "Vingt et une personnes ont été blessées.") == {("wounded", 21, 21, "outlet.example")}
    assert read("fr", "Quarante-trois personnes ont été interpellées.") == {("arrested", 43, 43, "outlet.example")}
    assert read("es", "Murió una persona y otras diecisiete resultaron heridas.") == {
        ("killed", 1, 1, "outlet.example"),
        ("wounded", 17, 17, "outlet.example"),
    }


def test_spanish_claimants_of_the_present_perfect_and_appositions() -> None:
    assert read("es", "Hay 140 desaparecidos, ha dicho el consejero de Interior.") == {
        ("missing", 140, 140, "consejero de Interior")
    }
    assert read("es", "El Gobierno insular ha elevado a 23 el número de fallecidos.") == {
        ("killed", 23, 23, "Gobierno insular")
    }
    (found,) = read("es", "La alcaldesa, Irene Solís, ha confirmado la muerte de 5 vecinos.")
    assert "Irene Solís" in found[3]
    # the count is not the source: the centre that gives it is
    assert read("es", "Los muertos son 12, según el último balance del servicio de emergencias.") == {
        ("killed", 12, 12, "servicio de emergencias")
    }


def test_more_spanish_ways_of_counting() -> None:
    assert read("es", "Hay 30 personas en paradero desconocido.") == {("missing", 30, 30, "outlet.example")}
    found = read("es", "Al menos una decena de vecinos sigue sin localizar.")
    assert found == {("missing", 10, None, "outlet.example")}
    assert read("es", "Más de 800 personas han sido realojadas.") == {("displaced", 801, None, "outlet.example")}
    assert read("es", "Las autoridades elevaron este jueves a 51 la cifra de fallecidos.") == {
        ("killed", 51, 51, "autoridades")
    }
    # a number word before a unit measures, it does not count
    assert read("es", "Las olas de dos metros arrastraron a las víctimas.") == set()


def test_a_source_opening_a_contrast_is_the_other_sides() -> None:
    found = read("es", "La cifra oficial de muertos es de 64, mientras que los vecinos hablan de 150 muertos.")
    assert found == {("killed", 64, 64, "outlet.example"), ("killed", 150, 150, "vecinos")}


def test_a_breakdown_in_parentheses_counts_the_same_quantity() -> None:
    found = read("ko", "소방당국은 사망자 64명(남 30명, 여 34명)을 확인했다고 밝혔다.")
    assert {(q, lo) for q, lo, _, _ in found} == {("killed", 64), ("killed", 30), ("killed", 34)}


def test_aircraft_models_count_nobody_and_a_body_speaks_through_fangmian() -> None:
    assert read("zh", "一架載有88人的波音757客機墜毀。") == {("aboard", 88, 88, "outlet.example")}
    assert read("es", "El cohete Ariane 6 despegó con la sonda a bordo.") == set()
    found = read("zh", "據報道，河北應急管理廳方面表示，事故造成12人死亡。")
    assert found == {("killed", 12, 12, "河北應急管理廳")}
