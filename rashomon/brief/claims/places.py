"""Where a figure was counted, in languages read by a lexicon: "A Paris, 22 personnes ont été
interpellées", "la province d'Al Haouz (542 décès)", "245.000 à Marseille".

A crowd of one city and a toll of one province are other quantities than the nation's, and the
ledger compares a figure only with figures of the same group: the place becomes the subject, as
"245,000 in Marseille" does in English. Read in three places only, where a reader is sure the place
frames the figure: a sentence opening with it ("Dans la capitale, ... 700.000 selon la CGT et
81.000 pour la préfecture": every figure of it), a place with the figure in parentheses after
it, and a place right after the figure. "Dos mujeres han muerto en Perú" names where, but counts
women: the place does not follow the figure itself, so the subject stays the women.
"""

from __future__ import annotations

import re

from rashomon.text.languages import Lexicon
from rashomon.text.numbers import Mention

# the capital, named by its common noun ("dans la capitale", "en la capital", "в столице")
_CAPITAL = re.compile(r"capitale?|Hauptstadt|столиц\w*", re.I)


def _name(place: str) -> str:
    return "capital" if _CAPITAL.fullmatch(place) else place


def sentence_place(text: str, lex: Lexicon) -> str:
    """The place a sentence opens with, before a comma: it frames every figure of the sentence."""
    if not lex.places:
        return ""
    m = re.match(rf"\s*(?:{lex.places})\s*,", text)
    return _name(m.group("place")) if m else ""


def figure_place(text: str, figure: Mention, begin: int, lex: Lexicon) -> str:
    """The place of one figure: "X (N ...)" or "N à X", inside the figure's own stretch."""
    if not lex.places:
        return ""
    before = text[begin : figure.start]
    if text[max(0, figure.start - 1) : figure.start] == "(" or before.rstrip().endswith("("):
        m = re.search(rf"(?:{lex.places})\s*\(\s*$", before)
        if m:
            return _name(m.group("place"))
    m = re.match(rf"\s*(?:{lex.places})", text[figure.end :])
    return _name(m.group("place")) if m else ""
