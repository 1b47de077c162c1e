"""The conflict flag's score: right leniently, and right by the pair its reason names."""

from __future__ import annotations

from rashomon.brief.claims.ledger import build_ledger
from rashomon.eval.claims_conflicts import StoryLedger, score_conflicts
from rashomon.eval.claims_gold import Gold, GoldFigure, GoldGroup
from rashomon.records import Claim


def claim(value: float, who: str, article: str, sentence: int) -> Claim:
    return Claim("wounded", "", str(int(value)), value, value, who, (), article, sentence, f"s{sentence}", "2031-02-03")


def gold_figure(value: float, article: str, sentence: int, group: str) -> GoldFigure:
    return GoldFigure(article, sentence, "", value, value, "wounded", "people", None, (), group)


def test_a_flag_is_right_by_its_reason_only_when_the_pair_it_names_disagrees() -> None:
    # one report sets a hospital's 60 beside a newspaper's 120 (different groups in the gold),
    # while a true disagreement (52 against 143) sits in the same ledger group
    claims = [
        claim(120, "a newspaper", "r1", 0),
        claim(60, "a hospital", "r1", 1),
        claim(52, "the rebels", "r2", 0),
        claim(143, "a daily", "r3", 0),
    ]
    golds = [
        gold_figure(120, "r1", 0, "all"),
        gold_figure(60, "r1", 1, "hospital"),
        gold_figure(52, "r2", 0, "side"),
        gold_figure(143, "r3", 0, "side"),
    ]
    gold = Gold(
        {"r1": ("st", "en"), "r2": ("st", "en"), "r3": ("st", "en")},
        frozenset(),
        tuple(golds),
        (GoldGroup("st", "side", "conflict", "rebels against a daily"), GoldGroup("st", "all", "agree", "")),
    )
    groups = build_ledger(claims, [], [], [])
    (flagged,) = [g for g in groups if g.conflict]
    assert "120" in flagged.reason and "60" in flagged.reason
    score = score_conflicts(gold, {"st": StoryLedger(groups, dict(enumerate(golds)), claims, [])})
    assert (score.flagged, score.right, score.named_right, score.gold, score.found) == (1, 1, 0, 1, 1)
    # a flag naming the true pair is right both ways
    same = [claim(52, "the rebels", "r2", 0), claim(143, "a daily", "r2", 1)]
    golds2 = [gold_figure(52, "r2", 0, "side"), gold_figure(143, "r2", 1, "side")]
    groups2 = build_ledger(same, [], [], [])
    score2 = score_conflicts(gold, {"st": StoryLedger(groups2, dict(enumerate(golds2)), same, [])})
    assert (score2.flagged, score2.right, score2.named_right) == (1, 1, 1)


def test_a_chinese_person_counter_is_a_generic_subject() -> None:
    from rashomon.eval.claims_gold import same_subject

    assert same_subject("人", "", "zh") and same_subject("명", "", "ko")
    assert not same_subject("人", "firefighters", "zh")


def test_a_gold_revision_counts_as_shown_only_in_an_unflagged_series() -> None:
    # the same source's toll moving from 4 to 13 in two reports: a revision
    claims = [claim(4, "the ministry", "r1", 0), claim(13, "the ministry", "r2", 0)]
    golds = [gold_figure(4, "r1", 0, "toll"), gold_figure(13, "r2", 0, "toll")]
    gold = Gold(
        {"r1": ("st", "en"), "r2": ("st", "en")},
        frozenset(),
        tuple(golds),
        (GoldGroup("st", "toll", "revision", "4 then 13"),),
    )
    groups = build_ledger(claims, [], [], [])
    assert not any(g.conflict for g in groups) and groups[0].series
    score = score_conflicts(gold, {"st": StoryLedger(groups, dict(enumerate(golds)), claims, [])})
    assert (score.revisions, score.series, score.flagged) == (1, 1, 0)
    # two sources in one report: flagged, so the revision is not shown as one
    sides = [claim(4, "the ministry", "r1", 0), claim(13, "a daily", "r1", 1)]
    golds2 = [gold_figure(4, "r1", 0, "toll"), gold_figure(13, "r1", 1, "toll")]
    groups2 = build_ledger(sides, [], [], [])
    score2 = score_conflicts(gold, {"st": StoryLedger(groups2, dict(enumerate(golds2)), sides, [])})
    assert (score2.revisions, score2.series, score2.flagged, score2.right) == (1, 0, 1, 0)
