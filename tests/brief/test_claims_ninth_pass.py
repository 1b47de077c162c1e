"""Rules of issue 16's ninth pass, each on invented sentences: an election told in German (seats,
shares, results tables, gains in points, thresholds and the size of a body), German tolls ("fünf
Schwerverletzte", "mehrere", "einen Sitz"), a bench's unanimous vote in several languages, and
German claimants ("wie X am Montag mitteilte", a name in apposition)."""

from __future__ import annotations

from facts_helpers import claimants_of, claims_of


def counted(code: str, *sentences: str) -> dict[float | None, str]:
    """What each figure of these sentences counts, by its low value."""
    return {c.low: c.quantity for c in claims_of(code, *sentences)}


def subjects(code: str, *sentences: str) -> dict[float | None, str]:
    return {c.low: c.subject for c in claims_of(code, *sentences)}


def test_a_partys_seats_are_counted_in_german() -> None:
    assert counted("de", "Die Blauen erhalten 120 Sitze, die Roten 80.") == {120: "seats", 80: "seats"}
    assert counted("de", "Zudem zieht die ABP mit 45 Sitzen ins Parlament ein.") == {45: "seats"}
    assert counted("de", "Die Partei gewinnt mindestens zwei Direktmandate im Norden.") == {2: "seats"}


def test_a_seat_told_with_an_article_is_one() -> None:
    assert counted("de", "Die Minderheitenpartei erhält nach einer Sonderregel einen Sitz.") == {1: "seats"}
    assert counted("de", "Auch der Bauernbund zieht mit einem Mandat ein.") == {1: "seats"}
    # German puts an article before every noun: a knife or a crowd is not one of anything counted
    assert counted("de", "Ein Mann fuhr mit einem Auto in eine Menschenmenge.") == {}
    assert counted("de", "Er ging mit einem Messer auf Besucher los.") == {}


def test_the_size_of_a_body_is_not_a_partys_seats() -> None:
    assert counted("de", "Die Verteilung der 600 Sitze im Parlament sieht so aus:") == {}


def test_a_results_table_counts_what_its_heading_names() -> None:
    found = claims_of("de", "Gewonnene Sitze im Landtag", "ABP: 61", "Die Blauen: 40", "Sonstige: 2")
    assert [(c.low, c.quantity, c.subject) for c in found] == [
        (61, "seats", "ABP"),
        (40, "seats", "Die Blauen"),  # a table's label is kept as written
        (2, "seats", "Sonstige"),
    ]
    # the same lines after a sentence that counts nothing are no figures
    assert counted("de", "Die Wahl verlief ruhig.", "ABP: 61") == {}


def test_a_share_before_the_last_elections_share_in_parentheses() -> None:
    found = claims_of("de", "Die ABP erreicht 30,2 (2017: 28,1) Prozent.")
    assert [(c.low, c.quantity, c.subject) for c in found] == [
        (30.2, "percent", "ABP"),
        (28.1, "percent", "ABP 2017"),
    ]


def test_a_gain_in_points_is_a_change_of_share_not_a_score() -> None:
    assert subjects("de", "Sie erzielen ein Plus von 4,2 Punkten.") == {4.2: "points"}
    assert counted("de", "Die Partei gewinnt mehr als 3 Prozentpunkte hinzu.") == {4: "percent"}
    assert counted("de", "Die Mannschaft liegt mit 3 Punkten vorn.") == {}


def test_a_threshold_is_not_a_share() -> None:
    assert counted("de", "DIE BLAUEN: 4,1 % (unter Hürde von 5 %)") == {4.1: "percent"}


def test_each_partys_share_names_the_party() -> None:
    found = subjects("de", "Die Roten steigen mit 17,4 Prozent auf, gefolgt von der FDP mit 9,1 Prozent.")
    assert found == {17.4: "Roten", 9.1: "FDP"}


def test_german_tolls_of_seriously_wounded_several_and_death() -> None:
    assert counted("de", "Darüber hinaus gibt es fünf Schwerverletzte.") == {5: "wounded"}
    found = claims_of("de", "Er hinterließ zwei Tote und mehrere Schwerverletzte.")
    assert [(c.low, c.high, c.quantity) for c in found] == [(2, 2, "killed"), (3, 9, "wounded")]
    assert counted("de", "Zwei Menschen werden getötet, vier weitere schwer verletzt.") == {2: "killed", 4: "wounded"}
    assert counted("de", "Vier Menschen fanden bei dem Unglück den Tod.") == {4: "killed"}
    assert counted("de", "Am Bahnhof sticht ein Mann auf mehrere Menschen ein.") == {3: "wounded"}
    assert counted("de", "Die Ärzte kämpfen um das Leben von sechs Menschen.") == {6: "wounded"}


def test_a_unanimous_bench_is_a_vote() -> None:
    assert counted("de", "Alle neun Richter gaben der Klage einstimmig statt.") == {9: "voted"}
    assert counted("ko", "법원은 재판관 9명 전원일치 의견으로 청구를 인용했다.") == {9: "voted"}
    assert counted("en", "The chief justice said the ruling has the agreement of all nine justices.") == {9: "voted"}


def test_more_than_in_a_share_of_districts_in_russian() -> None:
    found = claims_of("ru", "Комиссия подсчитала голоса более чем в 80 процентах округов.")
    assert [(c.low, c.high, c.quantity) for c in found] == [(81, None, "percent")]


def test_german_claimants_past_a_day_and_in_apposition() -> None:
    assert claimants_of("de", "Sie kommt auf 30,2 Prozent, wie die Wahlleiterin am Dienstag mitteilte.") == {
        30.2: "Wahlleiterin"
    }
    sentence = "Anna Beispiel, eine der Helferinnen, berichtete, dass drei Menschen verletzt wurden."
    assert claimants_of("de", sentence) == {3: "Anna Beispiel"}


def test_seats_in_the_other_languages_and_what_is_not_a_partys_seats() -> None:
    assert counted("fr", "Le Parti bleu obtient 131 sièges.") == {131: "seats"}
    assert counted("fr", "La majorité absolue de 289 sièges n'est pas atteinte.") == {}
    assert counted("fr", "Les 577 sièges de l'Assemblée sont renouvelés.") == {}
    assert counted("es", "El partido azul logra 120 escaños.") == {120: "seats"}
    assert counted("ru", "Партия получила 206 мест в парламенте.") == {206: "seats"}
    assert counted("ko", "여당은 108석을 얻었다.") == {108: "seats"}
    assert counted("ko", "재석 190명 중 찬성 180명.") == {190: "present", 180: "voted"}
    assert counted("ja", "与党は150議席を獲得した。") == {150: "seats"}
    assert counted("zh", "執政黨獲得180席。") == {180: "seats"}
    assert counted("zh", "共有120名議員出席。") == {120: "present"}


def test_english_seats_and_whose_they_are() -> None:
    found = claims_of("en", "The Conservatives won 121 seats, down from 365.")
    assert [(c.low, c.quantity, c.subject) for c in found][:1] == [(121, "seats", "Conservatives")]
    assert counted("en", "The vote decides all 650 seats in the chamber.") == {}
    assert counted("en", "A party needs 326 seats for a majority.") == {}
    assert counted("en", "The election to the 577-seat assembly was held on Sunday.") == {}


def test_votes_cast_for_a_candidate_are_counted_and_named() -> None:
    found = claims_of("fr", "Jean Exemple a obtenu 1 250 000 voix.")
    assert [(c.low, c.quantity, c.subject) for c in found] == [(1250000, "voted", "Jean Exemple")]
    assert counted("de", "Der Antrag scheiterte mit 300 Stimmen.") == {300: "voted"}
    assert counted("ru", "Кандидат получил 500 тысяч голосов.") == {500000: "voted"}
    assert counted("ko", "후보는 1,200만 표를 얻었다.") == {12000000: "voted"}


def test_two_candidates_votes_are_two_groups_not_a_conflict() -> None:
    from rashomon.brief.claims.ledger import subject_class

    assert subject_class("Ann Example", "votes") != subject_class("Bob Sample", "votes")


def test_a_duration_with_a_half_and_digits_glued_to_a_name_are_no_figures() -> None:
    assert counted("zh", "他在受傷後三個半小時不治。") == {}
    assert counted("zh", "事故造成3人死亡。") == {3: "killed"}
    assert counted("ru", "Ранее Канал42 сообщал, что погибли два человека.") == {2: "killed"}


def test_one_person_told_by_age_in_korean_is_not_a_count() -> None:
    found = counted("ko", "생존자 두 명은 30세 남성 승무원 1명과 41세 여성 승무원 1명이다.")
    assert 1 not in found
    assert counted("ko", "남성 1명(30세)과 여성 1명(41세) 등 모두 2명이 구조됐다.") == {2: "rescued"}


def test_a_count_of_things_is_not_a_count_of_people() -> None:
    assert counted("fr", "Au total, 1 200 maisons sont détruites et 40 personnes sont mortes.") == {40: "killed"}
    assert counted("es", "Las tres provincias más afectadas suman 12 muertos.") == {12: "killed"}
    assert counted("de", "Rund 300 Häuser wurden zerstört, zwei Menschen starben.") == {2: "killed"}
    assert counted("en", "The quake destroyed 1,200 homes and 40 monasteries.") == {}
    assert counted("en", "More than 100 cars were trapped in the tunnel.") == {}


def test_the_sources_who_speak_are_not_counted() -> None:
    assert counted("en", "Two senior officials told reporters that the minister had fled the capital.") == {}
    assert counted("en", "Three sources familiar with the matter said 40 people were killed.") == {40: "killed"}


def test_an_article_before_an_amount_is_not_one() -> None:
    assert counted("fr", "Un nombre élevé de victimes est probable.") == {}
    assert counted("fr", "Un homme a été tué.") == {1: "killed"}


def test_an_arabic_number_word_with_its_scale_and_the_hundreds() -> None:
    found = claims_of("ar", "ارتفع عدد الجرحى إلى أربعة آلاف، من بينهم أربعمئة حالة خطرة.")
    assert [(c.low, c.quantity) for c in found] == [(4000, "wounded"), (400, "wounded")]


def test_several_people_is_a_vague_figure_in_english() -> None:
    found = claims_of("en", "Explosions kill several people in the city.")
    assert [(c.low, c.high, c.quantity) for c in found] == [(3, 9, "killed")]
    assert counted("en", "Several officials were arrested.") == {3: "arrested"}
    assert counted("en", "Several others were hurt.") == {}
    assert counted("en", "The strike killed 10 civilians, including several small children.") == {10: "killed"}


def test_thousands_grouped_with_a_space_in_english() -> None:
    assert counted("en", "Police said 3 000 people were evacuated.") == {3000: "displaced"}


def test_english_counts_past_an_aside_a_second_object_and_named_dead() -> None:
    assert counted("en", "The attack killed 13 soldiers and more than 110 civilians.") == {13: "killed", 111: "killed"}
    assert counted("en", "The storm killed 5 people and 200 homes were flooded.") == {5: "killed"}
    assert counted("en", "Ten members of the family, including seven children, were killed.") == {
        10: "killed",
        7: "killed",
    }
    assert counted("en", "The blast killed Ali, Omar and eight other family members.") == {8: "killed"}


def test_a_count_written_in_two_parts_in_korean_and_chinese() -> None:
    found = claims_of("ko", "김 후보는 48.56%(1639만4815표)를 얻었다.")
    assert [(c.low, c.quantity) for c in found] == [(48.56, "percent"), (16394815, "voted")]
    assert counted("ko", "이 후보는 1,614만 7,738표를 받았다.") == {16147738: "voted"}
    assert counted("zh", "候選人獲得1639萬4815票。") == {16394815: "voted"}


def test_percentage_points_in_korean_and_chinese_are_a_change_of_share() -> None:
    assert subjects("ko", "두 후보의 격차는 0.73%포인트였다.") == {0.73: "points"}
    found = claims_of("zh", "該黨得票率上升5个百分点。")
    assert [(c.low, c.quantity, c.subject) for c in found] == [(5, "percent", "points")]


def test_several_in_french_and_russian_beside_a_counted_word() -> None:
    found = claims_of("fr", "Le séisme a fait plusieurs morts dans le sud.")
    assert [(c.low, c.high, c.quantity) for c in found] == [(3, 9, "killed")]
    assert counted("fr", "Il a évoqué plusieurs pertes en vies humaines.") == {3: "killed"}
    assert counted("fr", "Les secours ont travaillé plusieurs heures.") == {}
    assert counted("ru", "Несколько человек погибли при пожаре.") == {3: "killed"}


def test_french_rescued_and_those_put_out_of_their_homes() -> None:
    assert counted("fr", "Seuls 12 rescapés ont été extraits des décombres.") == {12: "rescued"}
    assert counted("fr", "La catastrophe avait mis à la rue 2 millions d'habitants.") == {2000000: "displaced"}


def test_a_french_toll_listed_by_town_and_department() -> None:
    sentence = (
        "Au total, 20 morts ont été recensés dans le département du Nord-Ouest, 8 dans la ville des Monts, "
        "et 2 dans le département du Sud."
    )
    assert counted("fr", sentence) == {20: "killed", 8: "killed", 2: "killed"}


def test_russian_numbers_in_the_genitive_and_durations_in_words() -> None:
    assert counted("ru", "Из воды подняты тела двух погибших.") == {2: "killed"}
    assert counted("ru", "В течение двух дней спасатели нашли 15 погибших.") == {15: "killed"}


def test_french_claimants_after_the_verb_and_in_apposition() -> None:
    sentence = "Le séisme a fait 30 morts, a indiqué à l'AFP le directeur des secours, Jean Exemple."
    assert "Jean Exemple" in claimants_of("fr", sentence)[30]
    assert claimants_of("fr", "Le ministre, Paul Exemple, a évoqué 12 morts.") == {12: "Paul Exemple"}


def test_several_hundred_is_hundreds_not_several() -> None:
    found = claims_of("de", "Es gab mehrere hundert Verletzte.")
    assert [(c.low, c.high, c.quantity) for c in found] == [(200, 999, "wounded")]
    found = claims_of("fr", "Plusieurs milliers de manifestants ont défilé.")
    assert [(c.low, c.high, c.quantity) for c in found] == [(2000, 9999, "protesters")]


def test_more_election_shapes_in_english_and_the_cjk_lexicons() -> None:
    found = claims_of("en", "She won by a margin of 0.73 percentage points, or about 247,000 votes.")
    assert [(c.low, c.quantity) for c in found] == [(0.73, "percent"), (247000, "voted")]
    assert counted("ko", "재판관 8명 전원 일치로 청구를 인용했다.") == {8: "voted"}
    assert counted("ja", "与党は過半数の233議席を上回る261議席を獲得した。") == {261: "seats"}
    assert counted("zh", "執政黨獲得過半數的226席以上。") == {}
    # a party's seats are its own, not the share named before them
    assert subjects("es", "El partido obtuvo el 33% de los votos y 137 escaños.") == {33: "votos", 137: ""}


def test_two_figures_joined_by_and_share_what_the_second_counts() -> None:
    assert counted("en", "Five soldiers and three civilians were killed.") == {5: "killed", 3: "killed"}
    assert counted("en", "All 169 passengers and seven crew members evacuated safely.") == {
        169: "displaced",
        7: "displaced",
    }
    sentence = "1.2 million people (according to police) and 2.5 million (according to unions) took to the streets."
    assert claimants_of("en", sentence) == {1200000: "police", 2500000: "unions"}
    assert counted("en", "Some 200 homes and 5 people were swept away and killed.") == {5: "killed"}


def test_a_count_broken_down_by_what_it_includes_and_by_nationality() -> None:
    found = claims_of(
        "en",
        "Nine people are missing.",
        "It includes two Argentines, according to the consulate.",
        "Six are Venezuelan citizens, two are Argentine and three are Chilean.",
    )
    assert [(c.low, c.quantity, c.subject) for c in found] == [
        (9, "missing", "people"),
        (2, "missing", "Argentines"),
        (6, "missing", "Venezuelan citizens"),
        (2, "missing", "Argentine"),
        (3, "missing", "Chilean"),
    ]
    assert counted("en", "The match ended. Two are children.") == {}


def test_dead_and_missing_together_are_their_own_count_in_chinese() -> None:
    assert counted("zh", "報告認定,全市因災死亡失蹤120人。") == {120: "killed_or_missing"}
    assert counted("zh", "另有5人失蹤。") == {5: "missing"}


def test_people_driven_from_their_homes_are_still_counted() -> None:
    assert counted("en", "The insurgency has forced more than 2 million people from their homes.") == {
        2000001: "displaced"
    }
    assert counted("en", "About 500 people left their homes to take shelter.") == {500: "displaced"}
    assert counted("en", "The blasts killed over 70 people and left several others injured.") == {71: "killed"}


def test_a_figure_with_a_verb_of_its_own_does_not_share_the_next_ones() -> None:
    sentence = "The toll rose to 128, with 39 victims identified and 89 bodies still unnamed."
    assert counted("en", sentence).get(39) != "killed"
    assert counted("zh", "东航737客机搭载132人。") == {132: "aboard"}
