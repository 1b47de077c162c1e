"""The conflict flag scored against the gold groups, leniently and by the pair it names.

A flagged group is *right* when two of its figures belong to one gold `conflict` group with
different values (what `eval claims` has reported since issue 16's first pass). It is *right by
its reason* only when the two figures its reason sets side by side ("unions gives 245,000, police
gives 30,000 in the same report") are themselves those two: a group mixing a hospital's count with
a nationwide one, flagged for that pair, is right leniently when a true disagreement happens to
sit in the same group, and wrong by its reason. A denial is judged leniently (it names no pair).
A gold conflict is found when some flagged group holds two of its differing figures, and a gold
revision is shown as a series when some unflagged group holds two of its differing figures in
its dated `series` (the other half of the rule: a later figure is a step, not a side).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rashomon.brief.claims.ledger import conflict_pair, ledger_moments, report_voices
from rashomon.eval.claims_gold import Gold, GoldFigure
from rashomon.records import Article, Claim, ClaimGroup


@dataclass(slots=True, frozen=True)
class StoryLedger:
    """One story's ledger with the claims it was built from and their gold matches (by position)."""

    groups: list[ClaimGroup]
    matched: dict[int, GoldFigure]
    claims: list[Claim]
    articles: list[Article]


@dataclass(slots=True, frozen=True)
class ConflictScore:
    flagged: int
    right: int  # two of its figures are one gold conflict's
    named_right: int  # the pair its reason names is one gold conflict's
    gold: int
    found: int
    revisions: int = 0  # gold `revision` groups
    series: int = 0  # of them, shown as a series: an unflagged group holds two of their values


def in_group(claim: Claim, group: ClaimGroup) -> bool:
    return (
        any(
            claim.article_id in f.articles
            and (claim.low, claim.high) == (f.low, f.high)
            and claim.sentence in f.sentences
            for f in group.figures
        )
        and claim.quantity == group.quantity
    )


def _named_pair_right(ledger: StoryLedger, group: ClaimGroup, conflicts: set[str]) -> bool | None:
    """Whether the pair the group's reason names is one gold conflict's; None for a denial."""
    members = [n for n, c in enumerate(ledger.claims) if in_group(c, group)]
    first: dict[tuple[float | None, float | None], int] = {}
    for n in members:
        first.setdefault((ledger.claims[n].low, ledger.claims[n].high), n)
    # the ledger's own order: claims of one value together, values in order of first appearance
    members.sort(key=lambda n: first[(ledger.claims[n].low, ledger.claims[n].high)])
    voices, updated = report_voices(ledger.articles)
    moments = ledger_moments(ledger.claims)
    pair = conflict_pair([ledger.claims[n] for n in members], voices, updated, moments, (group.quantity, group.subject))
    if pair is None:
        return None
    index = {id(ledger.claims[n]): n for n in members}
    a, b = (ledger.matched.get(index[id(c)]) for c in pair[:2])
    return (
        a is not None
        and b is not None
        and a.group == b.group
        and a.group in conflicts
        and (a.low, a.high) != (b.low, b.high)
    )


def _gold_values(ledger: StoryLedger, group: ClaimGroup) -> dict[str, set[tuple[float | None, float | None]]]:
    """The gold groups a ledger group's figures belong to, with their gold values."""
    values: dict[str, set[tuple[float | None, float | None]]] = defaultdict(set)
    for n, c in enumerate(ledger.claims):
        g = ledger.matched.get(n)
        if g is not None and in_group(c, group):
            values[g.group].add((g.low, g.high))
    return values


def score_conflicts(gold: Gold, ledgers: dict[str, StoryLedger]) -> ConflictScore:
    relation = {(g.story, g.group): g.relation for g in gold.groups if g.story in ledgers}
    conflicts = {k for k, r in relation.items() if r == "conflict"}
    revisions = {k for k, r in relation.items() if r == "revision"}
    flagged = right = named = 0
    found: set[tuple[str, str]] = set()
    series: set[tuple[str, str]] = set()
    for story, ledger in ledgers.items():
        for group in ledger.groups:
            moved = {(story, k) for k, v in _gold_values(ledger, group).items() if len(v) >= 2}
            if not group.conflict:
                series |= moved & revisions if group.series else set()
                continue
            flagged += 1
            hits = {k for s, k in moved & conflicts}
            right += bool(hits)
            found |= {(story, k) for k in hits}
            by_reason = _named_pair_right(ledger, group, {k for s, k in conflicts if s == story})
            named += bool(hits) if by_reason is None else by_reason
    return ConflictScore(flagged, right, named, len(conflicts), len(found), len(revisions), len(series))
