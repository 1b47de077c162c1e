"""The tense of the clause around a date expression: does "on Monday" point back or forward?

A bare weekday is ambiguous; English settles it with the verb of its clause, and so do we:

- **future** when the clause has a future marker ("will", "is due to", "is scheduled to", "plans
  to") -> the coming such day ("next Monday" is settled by its own word, "the next day" is no future);
- **past** when it has a past verb ("told", "was", "reached", "has demanded") -> the most recent
  such day, the publication day included;
- **present** when it has neither. A present-tense verb with a point in time is the scheduled
  ("timetable") future of news copy: "Lawmakers meet in emergency session on Monday" -> the coming
  Monday. Historic present for past events is rare in news bodies, and headlines (where it is
  common) carry no weekdays worth resolving.

Only the clause holds the answer: quoted speech is blanked first (a "will" inside a quotation
is the speaker's tense, not the reporting verb's: `Marovec told a news conference on Thursday:
"We will search"` is a past Thursday), then the sentence is cut at ";", ":" and commas that
start a new clause ("..., the company told TechPulse on Wednesday" is past even when the main
clause says "will ship"). A clause without any verb (a fronted "On Monday, ...") takes the tense
of the sentence.
"""

from __future__ import annotations

import re

FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|upcoming|scheduled|due to|plans? to|planned|is to|are to|"
    r"going to|expected to|set to|intends? to|aims? to)\b",
    re.I,
)
IRREGULAR_PAST = set(
    re.findall(
        r"\S+",
        """
        was were had did said told met held went gave took made spoke came left began brought thought
        found saw ran fell rose stood sent spent kept led lost won fought struck broke wrote drove flew
        grew knew sought caught paid sold bought built fled hid shot slept stuck swore tore threw
        understood woke wore became felt heard meant sat got forgot ate drank rang sang sank swam
        burst put set hit cut shut hurt spread cost
    """,
    )
)
_NOT_PAST = set(
    re.findall(
        r"\S+",
        """
        need speed hundred red bed seed feed proceed exceed succeed indeed shed bleed breed
        embed greed deed weed steed reed bred
    """,
    )
)
# "Governor X, speaking at a news conference on Thursday, promised ..." - a participle clause
# between commas borrows the tense of the sentence, so commas only cut before a new subject.
_CLAUSE_CUT = re.compile(
    r"[;:]|,\s+(?=(?:and|but|while|as|after|before|when|the|a|an|[A-Z])\b)|\s+and\s+(?=[a-z]+\s+\w+ed\b)"
)
# Words that make no clause of their own: a phrase of only these takes the sentence's tense.
_FRAME_WORDS = set(
    re.findall(
        r"\S+",
        """
        on in at by the a an of late early last this that evening morning night afternoon noon midnight
        and but or until since from to
    """,
    )
)


def blank_quotes(text: str) -> str:
    """`text` with quoted speech replaced by spaces (offsets kept)."""
    return re.sub(r"[\"“„«][^\"”“»]*[\"”“»]?", lambda m: " " * len(m.group(0)), text)


def _tense_of(words: str) -> str | None:
    if FUTURE.search(words):
        return "future"
    for low in re.findall(r"\b[a-z']+\b", words):  # lowercase only: "Ahmed" and "Said" are names
        if low in IRREGULAR_PAST or (len(low) > 3 and low.endswith("ed") and low not in _NOT_PAST):
            return "past"
    return None


def clause_tense(text: str, start: int, end: int) -> str:
    """future | past | present: the tense of the clause of `text` that holds `text[start:end]`."""
    plain = blank_quotes(text)
    cuts = [0, *(m.start() for m in _CLAUSE_CUT.finditer(plain)), len(plain)]
    left = max(c for c in cuts if c <= start)
    right = min((c for c in cuts if c >= end), default=len(plain))
    clause = plain[left:start] + " " + plain[end:right]
    found = _tense_of(clause)
    if found is None and all(w in _FRAME_WORDS for w in re.findall(r"\b[a-z]+\b", clause)):
        found = _tense_of(plain[:start] + " " + plain[end:])  # a verbless fronted phrase
    return found or "present"
