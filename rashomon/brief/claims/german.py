"""Numeric claims of a German article, with the same meaning rules as the English ones.

A story told in several languages must not lose the figures of its German outlets: "mindestens
zwölf Tote" is the same death toll as "at least 12 killed". This is the English reader
(`claims`) in small: figures with their modifiers ("mindestens", "mehr als", "bis zu", "rund"),
German number formats ("3.000", "2,5 Millionen") and number words (text2num's German), the
counted event from the words around the figure, the claimant from "nach Angaben des X",
"X spricht von", "sagte X" or the outlet's own voice. Quantity names are the English ones, so
the ledger groups both languages together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from rashomon.records import Article, Claim
from rashomon.text.lexicon import GERMAN_MONTHS

_UNITS = (
    "null ein eins eine einen zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig "
    "vierzig fünfzig sechzig siebzig achtzig neunzig hundert tausend"
)
_WORD = r"(?:\w*(?:" + "|".join(_UNITS.split()) + r")\w*)"
_NUMBER = rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?|{_WORD})(?:\s+(?:Millionen|Million|Milliarden|Milliarde|Tausend))?"
_MODIFIERS: tuple[tuple[str, str], ...] = (
    (r"mindestens|wenigstens", "atleast"),
    (r"mehr als|über", "more"),
    (r"bis zu|höchstens", "max"),
    (r"rund|etwa|ungefähr|knapp|fast|nahezu|circa|ca\.", "approx"),
)
_FIGURE = re.compile(
    rf"(?:\b(?P<mod>{'|'.join(rx for rx, _ in _MODIFIERS)})\s+)?\b(?P<num>{_NUMBER})\b"
    rf"(?!\.\s*(?:{'|'.join(GERMAN_MONTHS)}))",
    re.I,
)
_EVENTS: tuple[tuple[str, str], ...] = (
    ("killed", r"Tote[n]?|Todesopfer|getötet|ums Leben|starben|gestorben|tot"),
    ("wounded", r"[Vv]erletzte[n]?|verletzt"),
    ("missing", r"[Vv]ermisste[n]?|vermisst"),
    ("displaced", r"evakuiert|obdachlos|Evakuierte[n]?"),
)
_SCALES = {"million": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "tausend": 1e3}


@dataclass(slots=True, frozen=True)
class _Figure:
    text: str
    low: float | None
    high: float | None
    start: int
    end: int
    hedges: tuple[str, ...]


def _value(number: str) -> float | None:
    """ "3.000" -> 3000, "2,5 Millionen" -> 2500000, "zwölf" -> 12."""
    parts = number.split()
    scale = _SCALES.get(parts[-1].lower(), 1.0) if len(parts) > 1 else 1.0
    head = parts[0]
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", head):
        return float(head.replace(".", "")) * scale
    if re.fullmatch(r"\d+(?:,\d+)?", head):
        return float(head.replace(",", ".")) * scale
    try:
        return float(text2num(head.lower(), "de")) * scale
    except ValueError:
        return None


def find_figures(text: str) -> list[_Figure]:
    """Figures of a German sentence, years and dates excluded."""
    found = []
    for m in _FIGURE.finditer(text):
        number = m.group("num")
        value = _value(number)
        if value is None or re.fullmatch(r"(?:19|20)\d\d", number) or number.lower() in ("ein", "eine", "einen"):
            continue
        kind = next((k for rx, k in _MODIFIERS if m.group("mod") and re.fullmatch(rx, m.group("mod"), re.I)), "")
        low, high = {
            "atleast": (value, None),
            "more": (value + 1 if value.is_integer() else value, None),
            "max": (None, value),
        }.get(kind, (value, value))
        hedges = ("approximately",) if kind == "approx" else ()
        found.append(_Figure(m.group(0), low, high, m.start(), m.end(), hedges))
    return found


def _quantity(text: str, figure: _Figure) -> str | None:
    after = text[figure.end :]
    if re.match(r"\s*(?:Dollar|Euro|US-Dollar|Franken)\b", after):
        return "money"
    window = " ".join(re.split(r"[.;:]\s", after, maxsplit=1)[0].split()[:8])
    before = text[: figure.start][-60:]
    hits = [(m.start(), q) for q, rx in _EVENTS if (m := re.search(rf"\b(?:{rx})\b", window))]
    if hits:
        return min(hits)[1]
    if re.search(r"\b(?:Todesopfer|Toten|Tote)\b[^.]{0,60}$", before):
        return "killed"  # "die Zahl der Todesopfer ist ... auf mindestens zwölf gestiegen"
    return None


def _claimant(text: str, voice: str) -> str:
    according = re.search(r"\b[Nn]ach (?P<who>offiziellen) Angaben|\b[Nn]ach Angaben (?:des|der) (?P<org>[\w-]+)", text)
    if according:
        org = according.group("org") or ""
        return "officials" if according.group("who") else re.sub(r"(?<=ium)s$|(?<=amt)s$|(?<=amt)es$", "", org)
    speaks = re.search(r"\b(?:Die |Der |Das )?(?P<who>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)*)\s+spricht von\b", text)
    if speaks:
        return speaks.group("who")
    said = re.search(r"\b(?:sagte|erklärte|teilte)\s+(?P<who>(?:[A-ZÄÖÜ][\w-]+\s*){1,4})", text)
    return said.group("who").strip() if said else voice


def _subject(text: str, figure: _Figure, quantity: str) -> str:
    if quantity == "money":
        fund = re.search(r"\b(\w*(?:fonds|Entschädigung\w*|Hilfe\w*))\b", text, re.I)
        return fund.group(1) if fund else ""
    return "people" if re.match(r"\s*(?:Menschen|Personen|Einwohner)\b", text[figure.end :]) else ""


def extract_claims_de(article: Article) -> list[Claim]:
    """Every numeric claim of a German `article` (its title included), in reading order."""
    voice = article.source or article.id
    units = ([(-1, article.title)] if article.title else []) + [(s.index, s.text) for s in article.sentences]
    claims = []
    for index, text in units:
        for figure in find_figures(text):
            quantity = _quantity(text, figure)
            if quantity is None:
                continue
            claims.append(
                Claim(
                    quantity=quantity,
                    subject=_subject(text, figure, quantity),
                    value_text=figure.text,
                    low=figure.low,
                    high=figure.high,
                    claimant=f"headline of {article.id}" if index < 0 else _claimant(text, voice),
                    hedges=figure.hedges,
                    article_id=article.id,
                    sentence_index=index,
                    sentence=text,
                    date=article.published,
                )
            )
    return claims
