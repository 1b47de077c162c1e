"""Figures in sentences: which number counts which quantity, and when two accounts disagree.

The long brief must not tell one fact twice ("12 killed" in two wordings) and must set conflicting
accounts side by side ("12 killed" beside "27 dead"). Both need to know, per sentence, which
figure is given for which kind of count. The claims stage does this thoroughly (claimants,
hedges, intervals); the summary needs only this light version, which keeps it independent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Per counted quantity, the figures a sentence gives for it: {"dead": {"12"}}.
Figures = dict[str, set[str]]

# Words that name a counted quantity, by family: "killed" and "death toll" count the same thing.
_QUANTITY_FAMILIES = {
    "dead": r"kill|dead|death|died|dies|toll|fatalit|bodies",
    "hurt": r"wound|injur|hurt|casualt",
    "missing": r"missing",
    "held": r"arrest|detain",
    "moved": r"evacuat|displac|homeless",
}
_QUANTITY = re.compile(
    "|".join(f"(?P<{family}>{words})" for family, words in _QUANTITY_FAMILIES.items()), re.IGNORECASE
)
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(re.findall(r"\w+", "zero one two three four five six seven eight nine ten eleven twelve"))
}
_TOKEN = re.compile(r"[\w.'’-]+|[,;:()]")
# A figure counts the word it stands next to within one clause: "At least 60 people were killed
# when two bombers ..." counts 60 dead, not two. Commas end a clause too ("killed 58, wounding 78").
_CLAUSE_ENDS = frozenset(
    {",", ";", ":", "(", ")", "when", "while", "after", "before", "as", "because", "but", "and", "since"}
)
# How many words apart a figure and the word it counts may be: "killed at least 58" (3),
# "several dozens of Russian citizens were wounded" (5).
_FIGURE_WINDOW = 5


def _number(token: str) -> str | None:
    word = token.lower().strip(".")
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word[:1].isdigit() and re.fullmatch(r"\d[\d,.]*", word):
        return word.replace(",", "")
    if word in ("dozen", "dozens", "scores", "hundreds", "thousands"):
        return word.rstrip("s")
    return None


def _figure_near(tokens: Sequence[str], at: int) -> str | None:
    """The number nearest to tokens[at] within its clause and the window, or None."""
    best: tuple[int, str] | None = None
    for step in (-1, 1):
        for distance in range(1, _FIGURE_WINDOW + 1):
            j = at + step * distance
            if not 0 <= j < len(tokens) or tokens[j].lower() in _CLAUSE_ENDS:
                break
            number = _number(tokens[j])
            if number is not None:
                if best is None or distance < best[0]:
                    best = (distance, number)
                break
    return best[1] if best else None


def figures(text: str) -> Figures:
    """Per counted quantity, the figures written next to it ("at least 58" killed -> {"dead": {"58"}})."""
    tokens = _TOKEN.findall(text)
    found: Figures = {}
    for i, token in enumerate(tokens):
        match = _QUANTITY.match(token)
        if match is None:
            continue
        number = _figure_near(tokens, i)
        if number is not None:
            found.setdefault(str(match.lastgroup), set()).add(number)
    return found


def disagree(a: Figures, b: Figures) -> bool:
    return any(not (a[f] & b[f]) for f in a.keys() & b.keys())


def agree(a: Figures, b: Figures) -> bool:
    return any(a[f] & b[f] for f in a.keys() & b.keys())


@lru_cache(maxsize=16384)
def counted(text: str) -> Figures:
    """`figures(text)`, remembered: the long summary compares every chosen sentence with every
    candidate, and orders them by comparing pairs again. Shared: read it, never change it."""
    return figures(text)


def conflicts(a: str, b: str) -> bool:
    """Two sentences that count the same kind of thing with different figures."""
    return disagree(counted(a), counted(b))


def restates(a: str, b: str) -> bool:
    """Two sentences that give the same figure for the same kind of thing: one fact, told twice."""
    return agree(counted(a), counted(b))
