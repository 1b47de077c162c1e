"""Conflict rules of issue 16's fourth pass, on invented claims and sentences: sources written in
other scripts are told apart, an initial or earlier count is a step, and a count that names
nobody continues who the sentence before counted."""

from __future__ import annotations

from facts_helpers import make_article

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.brief.claims.ledger import build_ledger, claimant_key
from rashomon.records import Claim, Sentence


def said(value: float, high: float | None, who: str, sentence: str, index: int, article: str = "r1") -> Claim:
    return Claim("killed", "Afghan", str(int(value)), value, high, who, (), article, index, sentence, None)


def test_two_sources_in_arabic_or_russian_script_are_two_claimants() -> None:
    # the alias table keys Latin script only: both names used to key to "", one claimant
    assert claimant_key("حركة طالبان") != claimant_key("الحكومة الافغانية السابقة")
    assert claimant_key("МВД по Татарстану") == claimant_key("МВД  по  Татарстану.")
    assert claimant_key("the Interior Ministry") == claimant_key("Interior ministry") != ""
    taliban = said(20, 20, "حركة طالبان", "قتل 20 أفغانيا بحسب حركة طالبان.", 0)
    government = said(61, None, "الحكومة الافغانية السابقة", "الحكومة تقول ان عدد القتلى تجاوز 60.", 1)
    (group,) = build_ledger([taliban, government], [], [], [])
    assert group.conflict and "حركة طالبان" in group.reason and "الحكومة" in group.reason
    assert {c for f in group.figures for c in f.claimants} == {"حركة طالبان", "الحكومة الافغانية السابقة"}
    # one source giving two figures is a revision, in any script
    again = said(61, None, "حركة طالبان", "حركة طالبان تقول ان عدد القتلى تجاوز 60.", 1)
    (group,) = build_ledger([taliban, again], [], [], [])
    assert not group.conflict


def test_an_initial_or_earlier_count_in_the_same_report_is_a_step_not_a_side() -> None:
    minister = said(61, None, "a government minister", "The floods killed over 60 people, a minister said.", 1)
    initial = "The initial toll logged by police puts the provisional number of victims at 51, the centre said."
    centre = said(51, 51, "the emergency centre", initial, 2)
    assert not any(g.conflict for g in build_ledger([minister, centre], [], [], []))
    earlier = said(51, 51, "the emergency centre", "Earlier, the emergency centre counted 51 victims.", 2)
    assert not any(g.conflict for g in build_ledger([minister, earlier], [], [], []))
    # the same two sources without a word of time are sides
    plain = said(51, 51, "the emergency centre", "The emergency centre counts 51 victims.", 2)
    assert any(g.conflict for g in build_ledger([minister, plain], [], [], []))


def claims(code: str, *sentences: str) -> list[Claim]:
    article = make_article("x1", "placeholder", source="outlet.example")
    article.sentences = tuple(Sentence("x1", i, s) for i, s in enumerate(sentences))
    article.language = code
    return extract_claims(annotate(article))


def test_a_count_naming_nobody_continues_who_the_sentence_before_counted() -> None:
    found = {
        (c.sentence_index, c.low): c.subject
        for c in claims("ru", "Погибли 9 детей, сообщил Минздрав.", "По данным МВД, число погибших превысило 12.")
    }
    assert found == {(0, 9): "children", (1, 12): "children"}
    found = {
        (c.sentence_index, c.low): c.subject
        for c in claims(
            "ar",
            "أسفر الهجوم عن مقتل 11 جنديا أمريكيا.",
            "وقالت الحكومة إن عدد القتلى تجاوز 30.",
            "وقال مسؤول إن 40 شخصا قتلوا.",
        )
    }
    # "40 people" names its own (generic) subject; a sentence two back is not continued
    assert found[(1, 31)] == "American soldiers" and found[(2, 40)] == ""
    # the carried subject is only the sentence right before's
    found = {
        (c.sentence_index, c.low): c.subject
        for c in claims("ru", "Погибли 9 детей.", "В городе прошел митинг.", "Число погибших превысило 12.")
    }
    assert found[(2, 12)] == ""


def toll(value: float, quantity: str, subject: str, who: str, article: str, date: str | None = None) -> Claim:
    sentence = f"{who} said {int(value)} {subject} were {quantity}."
    return Claim(quantity, subject, str(int(value)), value, value, who, (), article, 0, sentence, date)


def test_undated_reports_at_one_stage_of_a_moving_count_are_sides() -> None:
    early = toll(4, "killed", "American soldiers", "the Pentagon", "r0")  # the soldiers' toll moved: 4, then 13
    first = [
        toll(13, "killed", "American soldiers", "officials", "r1"),
        toll(52, "wounded", "Afghans", "the Taliban", "r1"),
    ]
    second = [
        toll(13, "killed", "American soldiers", "a captain", "r2"),
        toll(143, "wounded", "Afghans", "a daily", "r2"),
    ]
    groups = build_ledger([early, *first, *second], [], [], [])
    (flagged,) = [g for g in groups if g.conflict]
    assert flagged.quantity == "wounded" and "when both reports count 13" in flagged.reason
    assert "the Taliban" in flagged.reason and "a daily" in flagged.reason
    # reports at different stages of the soldiers' toll (4 against 13): the wounded count moved
    behind = [toll(4, "killed", "American soldiers", "officials", "r1"), first[1]]
    assert not any(g.conflict for g in build_ledger([early, *behind, *second], [], [], []))
    # a count that never moved pins no stage
    assert not any(g.conflict for g in build_ledger([*first, *second], [], [], []))
    # dated reports of two days are two days, whatever they share
    dated = [
        toll(13, "killed", "American soldiers", "officials", "r1", "2021-08-26"),
        toll(52, "wounded", "Afghans", "the Taliban", "r1", "2021-08-26"),
    ]
    later = [
        toll(13, "killed", "American soldiers", "a captain", "r2", "2021-08-28"),
        toll(143, "wounded", "Afghans", "a daily", "r2", "2021-08-28"),
    ]
    assert not any(g.conflict for g in build_ledger([early, *dated, *later], [], [], []))
