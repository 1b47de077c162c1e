"""Rules of issue 16's fifth pass, each on invented sentences: Russian collective numerals, ages
and number signs, a breakdown after a colon, "в том числе", a verb past an aside, hospital and
condition words, attackers and crowds; CJK lists; Arabic "فقدوا"."""

from __future__ import annotations

from facts_helpers import make_article

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.records import Claim, Sentence


def claims(code: str, *sentences: str) -> list[Claim]:
    article = make_article("x5", "placeholder", source="outlet.example")
    article.sentences = tuple(Sentence("x5", i, s) for i, s in enumerate(sentences))
    article.language = code
    return extract_claims(annotate(article))


def found(code: str, sentence: str) -> list[tuple[float | None, str]]:
    return [(c.low, c.quantity) for c in claims(code, sentence)]


def test_russian_collective_numerals_count_people() -> None:
    assert found("ru", "Семеро рабочих и двое охранников были убиты ночью.") == [(7, "killed"), (2, "killed")]
    assert found("ru", "Погибли семь человек, в том числе пятеро детей.") == [(7, "killed"), (5, "killed")]


def test_russian_ages_and_latin_number_signs_are_not_figures() -> None:
    assert found("ru", "Двое рабочих были убиты 23-летним стрелком.") == [(2, "killed")]
    assert found("ru", "Траур по жертвам трагедии в лицее N 48.") == []


def test_a_breakdown_after_a_colon_counts_the_same_quantity() -> None:
    got = found("ru", "Погибли шесть человек: три мальчика, две девочки и водитель.")
    assert got == [(6, "killed"), (3, "killed"), (2, "killed")]
    # a list that follows no colon keeps the old caution about number words
    assert found("ru", "Погибли шесть человек, три района закрыты.") == [(6, "killed")]


def test_the_verb_past_an_aside_says_what_is_counted() -> None:
    got = found("ru", "Также 14 человек, большинство из которых школьники, в результате взрыва пострадали.")
    assert got == [(14, "wounded")]


def test_russian_hospital_condition_attackers_and_crowd_words() -> None:
    assert found("ru", "12 детей и трое взрослых попали в больницу.") == [(12, "wounded"), (3, "wounded")]
    got = found("ru", "По словам министра, четыре рабочих находятся в тяжелом состоянии, еще трое — в крайне тяжелом.")
    assert got == [(4, "wounded"), (3, "wounded")]
    assert found("ru", "Полиция сообщила, что нападавших было трое.") == [(3, "attackers")]
    assert found("ru", "К зданию устремились тысячи горожан с цветами.") == [(2000, "crowd")]


def test_a_cjk_list_item_does_not_take_the_next_items_word() -> None:
    assert found("ja", "政府は2日、死者が1056人、負傷者は900人を超えたと明らかにした。") == [
        (1056, "killed"),
        (901, "wounded"),
    ]


def test_arabic_went_missing() -> None:
    assert found("ar", "وأعلنت السلطات أن أكثر من 300 شخص فقدوا في السيول.") == [(301, "missing")]


def read(*sentences: str, title: str | None = None) -> list[tuple[float | None, float | None, str, str]]:
    article = make_article("x6", "placeholder", source="outlet.example", title=title)
    article.sentences = tuple(Sentence("x6", i, s) for i, s in enumerate(sentences))
    article.language = "en"
    return [(c.low, c.high, c.quantity, c.claimant) for c in extract_claims(annotate(article))]


def test_english_forecasts_of_a_toll_are_figures_with_the_projected_hedge() -> None:
    found = claims(
        "en",
        "The governor said the toll could climb to 5,000 in the valley.",
        "Experts fear the final toll could reach into the hundreds.",
        "The agency says the death toll could surpass 300.",
        "A study put it plainly: the death toll could range between 1,000 and 5,000.",
    )
    assert [(c.low, c.high, c.quantity) for c in found] == [
        (5000, 5000, "killed"),
        (200, 999, "killed"),
        (301, None, "killed"),
        (1000, 5000, "killed"),
    ]
    assert all("projected" in c.hedges for c in found)
    assert found[1].claimant == "Experts"


def test_english_toll_verbs_reach_past_a_decimal_and_a_long_phrase() -> None:
    got = read("The toll from a 6.1 magnitude quake in the north on Monday is at least 300, officials said.")
    assert got == [(300, None, "killed", "officials")]


def test_english_missing_accounted_for_and_pulled_from_the_rubble() -> None:
    got = read(
        "The number of residents who are unaccounted for rose to 88.",
        "She said 70 people are now accounted for.",
        "Rescuers said 12 people were pulled from the debris.",
    )
    assert [(low, quantity) for low, _, quantity, _ in got] == [(88, "missing"), (70, "accounted for"), (12, "rescued")]


def test_english_one_death_and_a_toll_of_one() -> None:
    got = read(
        "Police confirmed at least one death.", "But authorities cautioned that the death toll of one would rise."
    )
    assert got == [(1, None, "killed", "Police"), (1, 1, "killed", "authorities")]


def test_english_lists_by_place_and_among_those_counted() -> None:
    got = read(
        "At least 20 bodies were found in the north, 14 in Kardal, and 9 in Ubin.",
        "Among those injured, 32 are from the capital and 40 are from Ubin.",
    )
    assert [(low, quantity) for low, _, quantity, _ in got] == [
        (20, "killed"),
        (14, "killed"),
        (9, "killed"),
        (32, "wounded"),
        (40, "wounded"),
    ]


def test_a_relative_pronoun_speaks_for_what_it_follows() -> None:
    got = read("The forecast was echoed by the Ubin Survey, which estimates the death toll could surpass 1,000.")
    assert got == [(1001, None, "killed", "Ubin Survey")]


def test_a_headline_that_names_its_source_gives_it() -> None:
    got = read("Nothing more.", title="Flood toll could reach 9,000 in the valley, governor says")
    assert got == [(9000, 9000, "killed", "governor")]
    # a headline without a source stays the outlet's own
    assert read("Nothing more.", title="Flood toll could reach 9,000 in the valley") == [
        (9000, 9000, "killed", "headline of x6")
    ]


def claimants(code: str, sentence: str) -> list[tuple[float | None, str]]:
    return [(c.low, c.claimant) for c in claims(code, sentence)]


def test_sources_in_the_lexicon_languages() -> None:
    assert claimants("ru", "По официальным данным, погибли пять человек.") == [(5, "официальным данным")]
    assert claimants("ja", "警察によれば、死者12人が確認された。") == [(12, "警察")]
    assert claimants("zh", "根據衛生部公佈的最新統計數據,死亡人數達到56人。") == [(56, "衛生部")]
    assert claimants("ar", "تشير التقديرات الأولية إلى وفاة ما لا يقل عن 300 شخص.") == [(300, "التقديرات الأولية")]
    assert claimants("ar", "وحذر مسؤولون من أن الحصيلة قد تصل إلى 900 قتيل.") == [(900, "مسؤولون")]


def test_a_year_like_number_before_a_counter_is_a_figure() -> None:
    assert found("zh", "死亡人數達到2056人。") == [(2056, "killed")]
    assert found("zh", "2019年的地震造成5人死亡。") == [(5, "killed")]


def test_english_regime_reports_citing_and_a_toll_put_in_a_place() -> None:
    assert read("At least 96 bodies were recovered, according to the regime.") == [(96, None, "killed", "regime")]
    got = read("The toll has soared to 1,300 as search efforts go on, Reuters reports citing the Red Cross.")
    assert got == [(1300, 1300, "killed", "Red Cross")]
    assert read("Health authorities put the death toll in Kardal at 5,500.") == [
        (5500, 5500, "killed", "Health authorities")
    ]


def test_unnamed_reports_are_not_a_side_of_a_conflict() -> None:
    from rashomon.brief.claims.ledger import build_ledger

    def missing(value: float, high: float | None, who: str, index: int) -> Claim:
        return Claim("missing", "", str(int(value)), value, high, who, (), "r1", index, "...", None)

    crescent = missing(9001, None, "الهلال الأحمر", 0)
    assert not any(g.conflict for g in build_ledger([crescent, missing(20, 99, "تقارير", 1)], [], [], []))
    # a named source in its place is a side
    assert any(g.conflict for g in build_ledger([crescent, missing(20, 99, "وزارة الصحة", 1)], [], [], []))


def test_a_dash_breakdown_and_kinds_of_pupils_and_teachers() -> None:
    got = [
        (c.low, c.quantity, c.subject)
        for c in claims("ru", "Погибли шесть человек — двое учителей и четверо школьников.")
    ]
    assert got == [(6, "killed", ""), (2, "killed", "teachers"), (4, "killed", "pupils")]
    assert found("ru", "Стрелок убил в школе пять человек.") == [(5, "killed")]


def test_english_units_shares_and_a_toll_far_back() -> None:
    assert read("A 1,000-bed hospital in the capital has become a mass casualty area.") == []
    share = claims("en", "About 75 percent of buildings in some districts were destroyed, a resident said.")
    assert [(c.low, c.quantity) for c in share] == [(75, "percent")]
    far = "The death toll from the floods that struck the whole eastern valley could reach 9,000 in the town alone."
    assert [(low, quantity) for low, _, quantity, _ in read(far)] == [(9000, "killed")]


def test_english_places_of_a_count_and_a_dash_ends_the_subject() -> None:
    got = [(c.low, c.subject) for c in claims("en", "Among those injured, 32 are from Kardal and 40 are from Ubin.")]
    assert got == [(32, "Kardal"), (40, "Ubin")]
    assert [c.subject for c in claims("en", "The toll could reach 9,000 in the city of Ubin alone.")] == ["Ubin"]
    dash = claims("en", "The number of people who are missing increased to 159 — far higher than before.")
    assert [(c.low, c.subject) for c in dash] == [(159, "")]


def test_a_part_out_of_a_whole_counts_what_happened_to_the_part() -> None:
    long = "Sadly, five out of the six members of the crew of the small patrol aircraft were killed in the crash."
    got = [(c.low, c.quantity, c.subject) for c in claims("en", long)]
    assert got[0] == (5, "killed", "members")  # the verb far past the whole "six"
    assert [c.subject for c in claims("en", "Two of the three hostages were freed.")][0] == "hostages"


def test_a_couple_dozen_and_a_toll_raised_from() -> None:
    assert [(c.low, c.high) for c in claims("en", "He saw a couple dozen casualties.")] == [(24, 24)]
    got = read("At least 74 people died, the governor said, raising the toll from 29.")
    assert [(low, quantity) for low, _, quantity, _ in got] == [(74, "killed"), (29, "killed")]


def test_a_list_item_told_by_its_place_and_places_are_not_carried() -> None:
    got = [
        (c.sentence_index, c.low, c.subject)
        for c in claims(
            "es",
            "La tormenta deja 95 víctimas mortales: 92 en Valencia, con dos en Cuenca y uno en Málaga.",
            "Hay 12 muertos más.",
        )
    ]
    assert (0, 2, "Cuenca") in got and (0, 1, "Málaga") in got
    assert (1, 12, "") in got  # where the last count was made is not whom the next one counts


def test_names_with_an_arabic_particle_and_trailing_reports() -> None:
    first = "Lina el-Sayed, the charity's director, told reporters that a further 300 people are missing."
    assert [c.claimant for c in claims("en", first)] == ["Lina el-Sayed"]
    second = "The governor of Ubin, Karim al-Masri, said the tally could climb to 900."
    assert [c.claimant for c in claims("en", second)] == ["Karim al-Masri"]
    third = "Reporters who reached the station counted at least 20 dead, the Post reports."
    assert [c.claimant for c in claims("en", third)] == ["Post"]
    assert claimants("ja", "地元メディアは、作業員5人が死亡したと伝えた。") == [(5, "地元メディア")]


def test_a_forecast_is_grouped_apart_from_the_counts() -> None:
    from rashomon.brief.claims.ledger import build_ledger

    found = claims("en", "At least 40 people died, officials said.", "The governor said the toll could reach 900.")
    groups = {(g.subject, tuple(f.low for f in g.figures)) for g in build_ledger(found, [], [], [])}
    assert any("forecast" in subject and lows == (900,) for subject, lows in groups)
    assert not any(40 in lows and 900 in lows for _, lows in groups)


def test_english_subjects_skip_confirmed_and_stop_at_given_and_passed() -> None:
    assert [c.subject for c in claims("en", "Ubin counted 694 confirmed deaths.")] == [""]
    assert [c.subject for c in claims("en", "Of those aboard, 179 passed away.")] == [""]
    assert [c.subject for c in claims("en", "The toll could climb to 900 given the damage.")] == [""]


def test_not_accounted_for_the_missing_include_and_counts_of_videos() -> None:
    got = read("Her husband, three children and a neighbour are also not accounted for.")
    assert [(low, quantity) for low, _, quantity, _ in got] == [(3, "missing")]
    got = read("The missing include at least 34 Jewish people.")
    assert [(low, quantity) for low, _, quantity, _ in got] == [(34, "missing")]
    assert read("Dozens of videos shared online showed people trapped by the water.") == []
