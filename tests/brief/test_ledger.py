"""The conflicts ledger: quantities never merged, copies collapse into one origin, conflicts flagged."""

from __future__ import annotations

from facts_helpers import fixture_article, make_article, seed_articles

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.brief.claims.ledger import build_ledger, subject_class
from rashomon.records import Claim, DuplicateGroup, ReusedSentence, ReuseLink


def claim(
    article: str,
    value: str,
    low: float | None,
    high: float | None,
    quantity: str = "killed",
    subject: str = "people",
    claimant: str = "police",
    index: int = 0,
    date: str | None = "2018-02-08",
) -> Claim:
    sentence = f"{claimant} said {value} {subject} were {quantity}."
    return Claim(quantity, subject, value, low, high, claimant, (), article, index, sentence, date)


def test_different_quantities_are_never_merged() -> None:
    groups = build_ledger(
        [
            claim("a", "12", 12, 12),
            claim("a", "80", 80, 80, quantity="wounded"),
            claim("b", "40", None, 40, quantity="missing"),
        ],
        [],
        [],
        [],
    )
    assert sorted(g.quantity for g in groups) == ["killed", "missing", "wounded"]
    assert not any(g.conflict for g in groups)


def test_conflicting_figures_are_flagged_with_low_best_high() -> None:
    groups = build_ledger(
        [
            claim("a", "12", 12, 12),
            claim("b", "at least 12", 12, None),
            claim("c", "27", 27, 27, claimant="opposition"),
            claim("d", "12", 12, 12, claimant="ministry"),
        ],
        [],
        [],
        [],
    )
    (group,) = groups
    assert group.conflict
    assert (group.low, group.best, group.high) == (12, 12, 27)
    twelve = next(f for f in group.figures if f.value_text == "12")
    assert (
        twelve.articles == ("a", "d")
        and twelve.origins == 2
        and set(twelve.claimants) == {"police", "ministry"}
    )


def test_conflict_says_why() -> None:
    claims = [claim("c", "27", 27, 27, claimant="opposition"), claim("d", "12", 12, 12, claimant="ministry")]
    (group,) = build_ledger(claims, [], [], [])
    assert group.conflict and "opposition gives 27" in group.reason and "ministry gives 12" in group.reason
    assert "same day (2018-02-08)" in group.reason


def test_a_later_figure_is_a_revision_shown_as_a_series() -> None:
    (group,) = build_ledger(
        [
            claim("a", "296", 296, 296, claimant="ministry", date="2023-09-09"),
            claim("b", "2,012", 2012, 2012, claimant="officials", date="2023-09-10"),
            claim("c", "632", 632, 632, claimant="ministry", date="2023-09-09"),
        ],
        [],
        [],
        [],
    )
    assert not group.conflict and group.reason == ""
    assert [(r.date, r.value_text) for r in group.series] == [
        ("2023-09-09", "296"), ("2023-09-09", "632"), ("2023-09-10", "2,012")
    ]


def test_same_claimant_or_own_voice_is_no_disagreement() -> None:
    same = [claim("a", "4", 4, 4, claimant="Pentagon"), claim("b", "13", 13, 13, claimant="Pentagon")]
    assert not build_ledger(same, [], [], [])[0].conflict
    article = make_article("a", "Four soldiers were killed.", source="wire.example")
    own = [claim("a", "4", 4, 4, claimant="wire.example"), claim("b", "13", 13, 13)]
    assert not build_ledger(own, [article], [], [])[0].conflict


def test_two_claimants_in_one_report_conflict_even_undated() -> None:
    both = [claim("a", "1.28 million", 1.28e6, 1.28e6, "protesters", claimant="interior ministry", date=None),
            claim("a", "3.5 million", 3.5e6, 3.5e6, "protesters", claimant="CGT", date=None, index=1)]
    (group,) = build_ledger(both, [], [], [])
    assert group.conflict and "same report (a)" in group.reason
    apart = [both[0], claim("b", "3.5 million", 3.5e6, 3.5e6, "protesters", claimant="CGT", date=None)]
    assert not build_ledger(apart, [], [], [])[0].conflict  # undated, apart: read as an update


def said(claim_: Claim, sentence: str) -> Claim:
    return Claim(*(sentence if f == "sentence" else getattr(claim_, f) for f in Claim.__dataclass_fields__))


def test_a_toll_rising_through_one_day_is_a_revision() -> None:
    morning = claim("a", "4", 4, 4, claimant="Taiwanese government", date="2024-04-03")
    evening = claim("b", "9", 9, 9, claimant="fire agency", date="2024-04-03")
    assert build_ledger([morning, evening], [], [], [])[0].conflict  # nothing says the count moved
    stamped = said(morning, "The four deaths were confirmed in a noon update, the government said.")
    running = said(evening, "At least nine people have died so far, the fire agency said.")
    for pair in ([stamped, evening], [morning, running]):
        (group,) = build_ledger(pair, [], [], [])
        assert not group.conflict and [r.value_text for r in group.series] == ["4", "9"]
    rose = said(evening, "The toll rose to 9, the fire agency said.")
    assert not build_ledger([morning, rose], [], [], [])[0].conflict


def test_a_toll_raised_in_one_report_is_a_revision_but_a_crowd_count_said_later_is_a_side() -> None:
    raised = [
        said(claim("a", "174", 174, None, claimant="Emil Dardak"), "At least 174 died, Dardak said, raising the toll."),
        said(claim("a", "129", 129, 129, claimant="police", index=1), "Police had counted 129."),
    ]
    assert not build_ledger(raised, [], [], [])[0].conflict
    crowd = [
        said(claim("a", "700,000", 7e5, 7e5, "protesters", claimant="CGT"), "700,000 marched, the CGT said."),
        said(claim("a", "81,000", 81e3, 81e3, "protesters", claimant="police", index=1), "Police later said 81,000."),
    ]
    assert build_ledger(crowd, [], [], [])[0].conflict


def test_agreeing_figures_are_no_conflict() -> None:
    (group,) = build_ledger([claim("a", "at least 12", 12, None), claim("b", "12", 12, 12)], [], [], [])
    assert not group.conflict


def test_copies_and_mirrors_are_not_independent_origins() -> None:
    original = claim("a", "27", 27, 27)
    copy = claim("b", "27", 27, 27)
    mirror = claim("c", "27", 27, 27)
    link = ReuseLink("a", "b", (ReusedSentence(0, 0, original.sentence, copy.sentence, 1.0, "verbatim"),), "")
    duplicates = [DuplicateGroup("a", ("c",), 0.95)]
    (group,) = build_ledger([original, copy, mirror], [], [link], duplicates)
    assert group.figures[0].origins == 1 and group.figures[0].articles == ("a", "b", "c")
    (independent,) = build_ledger([original, copy, mirror], [], [], [])
    assert independent.figures[0].origins == 3


def test_subject_classes() -> None:
    assert subject_class("Russian and CIS nationals", "killed") == "Russian citizens"
    assert subject_class("pro-government militia", "killed") == "pro-government fighters"
    assert subject_class("militia", "killed") == "pro-government fighters"
    assert subject_class("Russian mercenaries", "killed") == "Russian mercenaries"
    assert subject_class("people", "attacking force") == ""
    assert subject_class("people", "killed") == "people"


def test_fixture_ledger() -> None:
    wire = fixture_article("storm_wire.txt", published="2024-05-10")
    courier = fixture_article("storm_courier.txt", published="2024-05-11")
    claims = extract_claims(annotate(wire)) + extract_claims(annotate(courier))
    groups = build_ledger(claims, [wire, courier], [], [])
    killed = next(g for g in groups if g.quantity == "killed" and g.subject == "people")
    assert killed.conflict and killed.low == 14 and killed.high == 40
    assert {g.quantity for g in groups} >= {"killed", "wounded", "displaced", "missing"}


# --- the reference articles (EXPECTED.md section 2) ---------------------------------------------


def test_seed_ledger_reproduces_the_expected_table() -> None:
    articles = seed_articles()
    claims = [c for a in articles for c in extract_claims(annotate(a))]
    groups = build_ledger(claims, articles, [], [])
    by_key = {(g.quantity, g.subject): g for g in groups}
    russians = by_key[("killed", "Russian citizens")]
    assert russians.conflict and russians.best == 5
    values = {f.value_text.lower() for f in russians.figures}
    assert {"five", "tens", "hundreds", "several dozen"} <= values
    five = next(f for f in russians.figures if f.value_text == "five")
    assert len(five.articles) >= 4
    mercenaries = by_key[("killed", "Russian mercenaries")]
    assert {f.value_text for f in mercenaries.figures} == {"up to 200", "more than 200"}
    militia = by_key[("killed", "pro-government fighters")]
    assert {f.low for f in militia.figures} == {100}
    force = by_key[("attacking force", "")]
    assert force.conflict and {f.value_text for f in force.figures} == {"more than 500", "250 to 300"}
    wounded = by_key[("wounded", "Russian citizens")]
    assert len(wounded.figures) == 1 and len(wounded.figures[0].articles) == 4


def test_the_reason_names_the_figures_set_side_by_side() -> None:
    claims = [
        claim("a", "700,000", 7e5, 7e5, "protesters", claimant="CGT", index=6),
        claim("a", "245,000", 245e3, 245e3, "protesters", claimant="unions", index=9),
        claim("a", "30,000", 30e3, 30e3, "protesters", claimant="police", index=9),
    ]
    (group,) = build_ledger(claims, [], [], [])
    assert group.conflict and group.reason.startswith("unions gives 245,000, police gives 30,000")


def test_crowds_of_two_cities_are_two_groups_and_an_earlier_count_no_side() -> None:
    from rashomon.brief.claims.subjects import subject_of
    from rashomon.text.numbers import find_mentions

    text = "There were 182,000 in Brennick according to the unions (26,000 according to the police)."
    assert subject_of(text, find_mentions(text)[0]) == "Brennick"
    cities = [
        claim("a", "245,000", 245e3, 245e3, "protesters", subject="Marseille", claimant="unions"),
        claim("a", "30,000", 30e3, 30e3, "protesters", subject="Marseille", claimant="police"),
        claim("a", "120,000", 120e3, 120e3, "protesters", subject="Toulouse", claimant="unions", index=1),
    ]
    groups = build_ledger(cities, [], [], [])
    assert sorted(g.subject for g in groups) == ["marseille", "toulouse"]
    assert [g.conflict for g in groups if g.subject == "marseille"] == [True]
    earlier = said(claim("a", "2.5 million", 2.5e6, 2.5e6, "protesters", claimant="unions"), "Unions had counted 2.5m.")
    now = claim("a", "1.28 million", 1.28e6, 1.28e6, "protesters", claimant="ministry", index=1)
    assert not build_ledger([earlier, now], [], [], [])[0].conflict
