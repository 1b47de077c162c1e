"""Shares, seats and results tables in the lexicon languages: what an election report counts.

An election is told in figures that carry no event word of their own, so the generic reader
(`multilingual`) asks here:

- **a share**: a figure followed by the language's percent word, even past a parenthesis that
  gives the last election's share ("25,7 (2017: 20,5) Prozent": both are shares), or by its
  word for percentage points ("ein Plus von 5,7 Punkten");
- **not a figure at all**: a threshold ("unter der Hürde von 5 %", "пятипроцентный барьер"), the
  size of a body told with its article ("die Verteilung der 735 Sitze": the Bundestag's seats,
  not a party's), and in any report a count of things ("13 694 maisons sont détruites");
- **a results table**: short lines "SPD: 206" under a heading that says what they count
  ("Gewonnene Sitze im Bundestag", "Die Verteilung der Sitze sieht so aus:"); each line counts
  what its heading names, and its label says whose it is.
"""

from __future__ import annotations

import re

from rashomon.text.languages import Lexicon
from rashomon.text.numbers import Mention

# a parenthesis between a figure and its percent word holds a past share: "25,7 (2017: 20,5) Prozent"
_ASIDE = r"(?:\s*\([^()]{1,25}\))?\s*\)?"


def is_share(text: str, figure: Mention, lex: Lexicon) -> bool:
    """The figure is a share or a change of share ("58,3%", "25,7 (2017: 20,5) Prozent")."""
    words = f"|{lex.percent}" if lex.percent else ""
    if "%" in figure.text or "％" in figure.text:
        return True  # "50%を超えた": the mark passed, read with its modifier
    if lex.percent and re.fullmatch(lex.percent, figure.text):
        return True  # a dual that is its own unit: "بنقطتين" (by two points)
    return bool(re.compile(rf"{_ASIDE}\s*(?:%|％|٪{words})", re.I).match(text, figure.end))


# Whose a share, a vote count or a seat count is, when a CJK report does not say it in a way the
# reader can name ("48.6%", "1639만4815표", "108석"): one subject per quantity, and never a side of a
# conflict, since two such figures are more likely two candidates' than two sources' disagreement.
UNNAMED_WHOSE = {"percent": "share", "votes": "candidate", "seats": "party"}
# ... nor is a count's progress, which moves through the night ("94.43% 개표", then 100%)
NOT_SIDES = frozenset(UNNAMED_WHOSE.values()) | {"count progress"}


def claim_quantity(quantity: str) -> str:
    """The name a claim carries for what it counts. Votes a candidate receives are read as `votes`
    (whose they are, like a share: "1,639만표" is Yoon's) and an assembly's members who vote as
    `voted` (who they are, like a toll), but both are votes cast and the ledger calls both `voted`:
    the groups stay apart by their subject (a candidate's name, "candidate", "lawmakers")."""
    return "voted" if quantity == "votes" else quantity


# a CJK counter of people: votes and seats are counted in 票/표/席/석, never in 人/名/명/位
_PEOPLE_COUNTER = re.compile(r"\s*(?:人|名|명|位)")


def not_counted(text: str, figure: Mention, quantity: str | None, lex: Lexicon) -> bool:
    """A threshold ("Hürde von 5 %"), a body's own size ("der 735 Sitze") or a count of things
    ("13 694 maisons sont détruites", `Lexicon.things`): no claim."""
    if lex.things and quantity != "percent" and re.match(rf"\s*(?:{lex.things})\b", text[figure.end :], re.I):
        return True
    if quantity in ("votes", "seats") and lex.cjk and _PEOPLE_COUNTER.match(text, figure.end):
        return True  # "两人得票率", "2人が党員票で": the candidates themselves, counted in people
    before = text[max(0, figure.start - 40) : figure.start]
    if lex.entitled and re.search(rf"(?:{lex.entitled})\s*$", before):
        return True  # "يحق لـ48.7 مليون ناخب": the electorate, a population
    if lex.thresholds and quantity in ("percent", "seats", "votes"):
        after = text[figure.end : figure.end + 40]
        if re.search(rf"(?:{lex.thresholds})\s*$", before, re.I) or re.match(rf"\W{{0,3}}(?:{lex.thresholds})", after):
            return True
    return bool(quantity == "seats" and lex.definite and re.search(rf"(?<!\w)(?:{lex.definite})\s+$", before, re.I))


_LABEL = re.compile(r"\s*(?P<label>[^\W\d][^:–—]{0,40}?)\s*[:–—]\s*$")


def table_label(text: str, figures: list[Mention]) -> str:
    """The label of a line of a results table ("SPD: 206", "DIE LINKE: 4,9 % (unter ...)"): a
    figure right after a short label and a colon, then at most a unit and a parenthesis; "" for
    any other unit."""
    m = _LABEL.fullmatch(text[: figures[0].start]) if figures else None
    rest = text[figures[0].end :] if figures else ""
    if not m or not re.fullmatch(r"\s*(?:%|％|[^\W\d]{1,12})?\.?\s*(?:\(.*\))?\s*", rest):
        return ""
    return m.group("label")


def heading_quantity(text: str, lex: Lexicon) -> str | None:
    """What a heading over a results table counts ("Gewonnene Sitze im Bundestag", "Die Verteilung
    der Sitze sieht so aus:"): a short unit with no full stop, or one that opens a list with a
    colon, naming a counted word; None for any other unit."""
    heading = text.rstrip().endswith(":") or (len(text) <= 80 and not re.search(r"[.!?。]\s*$", text))
    if not heading:
        return None
    found = [(m.start(), q) for q, rx in lex.events if (m := re.search(rf"(?<!\w)(?:{rx})", text, re.I))]
    return min(found)[1] if found else None


# a party: an acronym ("SPD", "AfD", "CDU/CSU"), a quoted name («Зеленые»), or a capitalised noun
# with its article ("die Grünen", "Die Linke", "the Conservatives")
_PARTY = re.compile(
    r"«[^»]{2,40}»|\"[^\"]{2,40}\"|\b[A-ZÄÖÜ][A-Za-zÄÖÜ]*[A-ZÄÖÜ]\w*(?:/[A-ZÄÖÜ]{2,}\w*)?\b"
    r"|\b(?:[Dd]ie|[Dd]er|[Tt]he)\s+(?P<noun>[A-ZÄÖÜ]\w+)"
)


_POINTS = re.compile(
    r"\s*(?:Prozentpunkte?n?|Punkte?n?|percentage points?|points de pourcentage|puntos porcentuales|"
    r"процентн\w* пункт\w*|%?\s*(?:포인트|ポイント)|%\s*p(?![A-Za-z])|個百分點|个百分点)",  # "8.27%p로"
    re.I,
)


def share_of(text: str, figure: Mention, begin: int) -> str:
    """What a share is of, and whose: "Xóchitl Gálvez ha obtenido el 27% de los votos" is "votos
    Xóchitl Gálvez", "die FDP mit 11,5 Prozent" is "FDP", "die Grünen 118" (seats) "Grünen": each
    candidate's or party's share is its own quantity, not a rival figure; a share of the last
    election ("24,1 (2017: 32,9) Prozent") is marked with its year, apart from this one's."""
    of = r"\s*%?\s*(?:de|des|du|of|der)\s+(?:(?:los|las|la|el|les|the|die)\s+)?([^\W\d_]+)"
    what = re.match(of, text[figure.end :])
    past = re.search(r"\(\s*((?:19|20)\d\d)\s*:\s*$", text[: figure.start])  # "(2017: 20,5)": the last election's
    lead = text[: past.start()] if past else text[begin : figure.start]
    names = re.findall(r"[A-ZÁÉÍÓÚÀÂÈÊÔÇ][\w'-]+(?:\s+[A-ZÁÉÍÓÚÀÂÈÊÔÇ][\w'-]+)+", lead)
    parties = [m.group("noun") or m.group(0).strip('«»"') for m in _PARTY.finditer(lead)]
    whose = re.sub(r"^(?:The|Die|Der|Das)\s+", "", names[-1]) if names else parties[-1] if parties else ""
    gain = "points" if _POINTS.match(text, figure.end) else ""  # a change of share, apart from the share
    parts = ((what.group(1) if what else ""), whose, past.group(1) if past else "", gain)
    return " ".join(part for part in parts if part)


def share_subject(text: str, figure: Mention, begin: int, lex: Lexicon, quantity: str) -> str:
    """Whose a share, a vote count or a seat count is (`share_of`); in CJK, the count's progress and
    the turnout apart from the shares (`share_kind`), and one unnamed subject per quantity when the
    report names nobody the reader can read (`UNNAMED_WHOSE`)."""
    if not lex.share_kinds:
        return share_of(text, figure, begin)
    kind = share_kind(text, figure, lex) if quantity == "percent" else ""
    return kind or share_of(text, figure, begin) or UNNAMED_WHOSE[quantity]


def share_kind(text: str, figure: Mention, lex: Lexicon) -> str:
    """What a percentage is when a word beside it says so (`Lexicon.share_kinds`): "count progress"
    for "94.43% 개표", "開票率99.2%", "在已统计完毕的99%的选票中", "turnout" for "투표율 역시 77.2%";
    "" for a candidate's share or anything else. The word stands inside the figure's clause, a few
    characters before it (past no other figure) or right after it."""
    before = re.split(r"[,，、。;；]|\d%", text[max(0, figure.start - 10) : figure.start])[-1]
    after = re.split(r"[,，、。;；]", text[figure.end : figure.end + 7])[0]
    return next((kind for rx, kind in lex.share_kinds if re.search(rx, before) or re.search(rx, after)), "")
