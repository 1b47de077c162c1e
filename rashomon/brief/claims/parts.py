"""Figures that are not a side of a disagreement, whoever gives them.

The ledger (`brief.claims.ledger`) flags a conflict when two claimants give one quantity of one
group incompatible figures. A wrong flag is worse than a missed one, so a figure is kept out of
that comparison when the sentence itself says it counts something else than the whole:

- a part of a larger count: "three of the dead children", "including seven children", "dont 17",
  "منهم 200", "6人のうち5人" (the 5), or any figure of a sentence opening on the total it splits
  ("Of them, 17 ... and 9 ...", "Из них ...");
- a count of a kind the sentence singles out: "concealed 139 deaths", "瞒报139人";
- a toll told by a vague word ("several dead", "des dizaines de morts"): an impression, not a
  count a source stands by (a forecast, "could reach hundreds", still is a side);
- a step of a count the sentence tells moving: "the toll sat at 99 for days before officials
  announced 302" (one claimant, two values, a word of sequence): both are steps of a series.

And two figures of one report are sides only when they stand in one passage (a few sentences):
a report that sets two counts against each other does it there, and figures further apart in it
answer different questions (the day's toll in the lead, a part of it told later); counts of who
was aboard, only in one sentence (two sentences may count two vehicles).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rashomon.records import Claim

# words right before a figure that make it a part of a count: "including seven", "dont 17"
_PART_BEFORE = re.compile(
    r"(?:\bincluding|\bamong them|\bamong whom|\bof whom|\bof them|\bdont|\bparmi (?:eux|elles|lesquels|lesquelles)|"
    r"\bentre ellos|\bentre ellas|\bincluid[oa]s?|\bincluyendo|\bdarunter|\bdavon|в том числе|из них|среди них|"
    r"منهم|من بينهم|بينهم|其中|包括|のうち|うち)\s*[:,،、]?\s*$",
    re.I,
)
# words right after a figure that make it a part of a count: "three of the dead", "deux d'entre eux"
_PART_AFTER = re.compile(
    r"^\s*(?:of (?:the|them|those|these|whom)\b|d'entre (?:eux|elles)|de (?:ellos|ellas|entre)\b|"
    r"из (?:них|числа)|من(?:هم| بين))",
    re.I,
)
# a count of a kind the sentence singles out: concealed deaths are not the toll
_SUBSET = re.compile(
    r"conceal|under-?report|unreported|withheld|covered up|cover-?up|dissimul|ocult|verschwieg|vertuscht|"
    r"скрыл|скрыт|أخف|تستر|瞒报|谎报|隐瞒|迟报|漏报|隠蔽",
    re.I,
)
# words of sequence: a sentence telling one count at two moments
_SEQUENCE = re.compile(
    r"\b(?:before|until|then|afterwards|from \S+ to)\b|\bavant\b|\bpuis\b|\bantes\b|\bdespués\b|\bluego\b|"
    r"\bbevor\b|\bdann\b|\bnachdem\b|до того|затем|потом|قبل|ثم|之前|然后|此后|后来|前に|その後|이후|전에",
    re.I,
)
PASSAGE = 3  # sentences: how far apart two sides of one report may stand


def _where(claim: Claim) -> int:
    value = claim.value_text.strip()
    return claim.sentence.find(value) if value else -1


# a sentence opening on a total it splits: "Sur ce total, 17 ... 9 ... et 3 ...", "Of them, ..."
_OF_TOTAL = re.compile(
    r"^\W*(?:sur ce total|of (?:this|that|the) total|of (?:them|those|these)\b|among them|parmi eux|"
    r"del total|de ellos|de ese total|davon|darunter|из них|среди них|من بينهم|منهم|其中|そのうち|이 가운데|이 중)",
    re.I,
)


def is_part(claim: Claim) -> bool:
    """The figure counts a part of a larger count, or a kind the sentence singles out."""
    if _OF_TOTAL.search(claim.sentence):
        return True
    at = _where(claim)
    if at < 0:
        return False
    before = claim.sentence[:at]
    after = claim.sentence[at + len(claim.value_text.strip()) :]
    if _PART_BEFORE.search(before[-30:]) or _PART_AFTER.search(after[:20]):
        return True
    return bool(_SUBSET.search(before[-40:] + " " + after[:30]))


def is_impression(claim: Claim, tolls: set[str] | frozenset[str]) -> bool:
    """A toll told by a vague word ("several dead", "des dizaines", "сотни"), not a count: an
    early impression a source does not stand by against a count (a forecast still is a side)."""
    return (
        claim.quantity in tolls
        and "projected" not in claim.hedges
        and claim.low is not None
        and claim.high is not None
        and claim.low < claim.high
        and not re.search(r"\d", claim.value_text)
    )


def stepped(claims: Sequence[Claim]) -> set[int]:
    """Positions of claims that are steps of a count one sentence tells moving: one claimant
    giving two values of one quantity in a sentence with a word of sequence."""
    by_sentence: dict[tuple[str, int, str, str], list[int]] = defaultdict(list)
    for n, c in enumerate(claims):
        by_sentence[(c.article_id, c.sentence_index, c.quantity, c.claimant.casefold())].append(n)
    steps: set[int] = set()
    for members in by_sentence.values():
        values = {(claims[n].low, claims[n].high) for n in members}
        if len(values) >= 2 and _SEQUENCE.search(claims[members[0]].sentence):
            steps.update(members)
    return steps


def one_passage(a: Claim, b: Claim) -> bool:
    """Two figures of one report close enough to be set against each other. Counts of who was
    aboard belong to a vehicle the subject does not name: told in two sentences of one report
    they count two vehicles as often as not (a collision: each aircraft's crew), so only one
    sentence sets them side by side."""
    if a.quantity == "aboard" and a.sentence_index != b.sentence_index:
        return False
    return abs(a.sentence_index - b.sentence_index) <= PASSAGE
