"""Figures in a sentence: digits, number words and vague quantities, each as an interval.

A figure is kept as an interval `[low, high]` (None = open end) instead of a single value, so that
"several dozen" and "5" can be compared without pretending either is precise. The vague words map
to the smallest and largest value the word can literally mean:

| wording                          | interval         | why                                         |
|----------------------------------|------------------|---------------------------------------------|
| "a dozen"                        | [12, 12]         |                                             |
| "dozens", "several dozen(s)"     | [24, 99]         | at least two dozen, fewer than a hundred    |
| "tens"                           | [20, 99]         | at least two tens                           |
| "scores"                         | [40, 99]         | at least two scores                         |
| "hundreds", "several hundred"    | [200, 999]       |                                             |
| "thousands", "several thousand"  | [2000, 9999]     |                                             |
| "tens of thousands"              | [20000, 99999]   |                                             |
| "a few", "a handful"             | [2, 5]           |                                             |
| "several"                        | [3, 9]           |                                             |

ACLED codes a vague report as one conservative number ("dozens" -> 12, "hundreds" -> 100) and UCDP
keeps a low/best/high triple; we keep the interval, which contains ACLED's reading of the plural
at its low end and lets the ledger report UCDP-style low/best/high.

Modifiers: "up to 200"/"as many as" -> [None, 200]; "more than 500"/"over" -> [501, None];
"at least 100" -> [100, None]; "fewer than 10" -> [None, 9]; "250 to 300"/"between 250 and 300"
-> [250, 300]; "about/around/some/nearly 100" -> [100, 100] with hedge "approximately";
"an estimated 100" -> [100, 100] with hedge "estimated".

Numbers that are parts of dates, years, times, ages, addresses, ordinals and durations are masked
before scanning: they are never figures. Neither is a run of more than `LimitsConfig.number_digits`
digits (a phone number, an id, or an attack: 400 nines overflow a float).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from text_to_num import text2num

from rashomon.config import LimitsConfig
from rashomon.text.lexicon import MONTH_PATTERN

MONTHS = MONTH_PATTERN + r"\.?"
_WORD_UNITS = re.findall(
    r"\S+",
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
""",
)
_WORD_SCALES = ("hundred", "thousand", "million", "billion")
_TENS = frozenset(_WORD_UNITS[20:])
_ONES = frozenset(_WORD_UNITS[1:10])
_NUMBER_WORD = r"(?:" + "|".join(_WORD_UNITS + list(_WORD_SCALES)) + r")"
_WORD_RUN = rf"\b{_NUMBER_WORD}(?:(?:[\s-]+|\s+and\s+){_NUMBER_WORD})*\b"
# "3,000", and "3 000" as some outlets group thousands with a space
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:million|billion|thousand|mln|bn|m\b|k\b))?"
_PLAIN = rf"(?:(?:{_DIGITS}){_SCALE}|{_WORD_RUN})"

# Vague quantities, longest wording first; the interval is what the words literally allow.
VAGUE: tuple[tuple[str, float, float], ...] = (
    (r"tens of thousands", 20_000, 99_999),
    (r"hundreds of thousands", 200_000, 999_999),
    (r"(?:several|a few) thousands?|thousands", 2000, 9999),
    (r"(?:several|a few) hundreds?|hundreds", 200, 999),
    (r"(?:several|a few) dozens?|dozens", 24, 99),
    (r"half a dozen", 6, 6),
    (r"a couple(?: of)? dozen", 24, 24),
    (r"two dozen", 24, 24),
    (r"three dozen", 36, 36),
    (r"(?:a|one) dozen", 12, 12),
    (r"scores", 40, 99),
    (r"tens", 20, 99),
    (r"a handful|a few", 2, 5),
    (r"several", 3, 9),
)

_I = re.I
_MASKS: tuple[tuple[str, int], ...] = (
    (rf"\b{MONTHS}\s*\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:\s*,?\s*\d{{4}})?", 0),  # Feb. 7, February 15, 2018
    (rf"\b{MONTHS}\s*,?\s*\d{{4}}", 0),  # September 2015
    (r"\b(?:in|since|of|by|until|from|during|before|after)\s+(?:19|20)\d{2}\b", _I),
    (rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?:\s*,?\s*\d{{4}})?", 0),  # 7 March 2018
    (r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", 0),
    # not "$59.99", not "1.27 million"
    (
        r"(?<![$€£])\b\d{1,2}[:.]\d{2}(?!\s*(?:million|billion|thousand|percent|per cent|%))"
        r"\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC|h\b)?",
        _I,
    ),
    (r"\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", _I),
    (r"\b[A-Z][a-z'’-]+,\s*\d{1,3}\s*,(?=\s+(?:a|an|the|who|was|is|has|had|said|[a-z]+s)\b)", 0),  # "Hafeez, 33, was"
    (r"\b\d+-year-old\b|\baged?\s+\d+|\bage of \d+|\b\d+-(?:day|week|month|year|hour|minute)\b", _I),
    (r"\b\d+(?:st|nd|rd|th)\b", _I),
    (r"\b(?:1[89]|20)?\d0s\b", 0),  # decades: "in their 20s", "the 1990s"
    (r"\b\d+\s+(?:[A-Z][a-z]+\s+)+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Square)", 0),
    (r"\b(?:No\.|number|Article|Resolution|Section|Chapter|page|Flight|Route|Highway|Room)\s*\d+", _I),
    # Years, unless a plural noun follows ("2015 migrants", "2000 people").
    (
        r"(?<![\d,.$€£])(?:19\d{2}|20[0-4]\d)(?![\d,])"
        r"(?!\s+(?!was\b|has\b|is\b|as\b)(?:[a-z]+s|people|children|men|women)\b)",
        0,
    ),
    (r"\b[A-Za-z]+-?\d+[A-Za-z]*\b", 0),  # model names: F-16, Su-24, COVID-19, S400
    (r"\b[A-Z][a-z]+[A-Z]\w*\s+\d+\b", 0),  # product names in CamelCase: PowerCell 20, AirPods 3
)
# Durations and measures: "three days", "10 km" are not counts of anything reported.
_UNIT_AFTER = re.compile(
    r"\s*(?:-|\s)?(?:(?:new|more|other|straight|consecutive|additional|full)\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|"
    r"km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|inches|kg|kilograms?|tons?|tonnes?|"
    r"degrees?|times|o'clock|kph|mph|km/h|knots|mm|cm|inches)\b"
    r"|-(?:bed|storey|story|floor|seat|room|acre|page|square)\b",  # "a 1,000-bed hospital" counts beds
    re.I,
)

_BOUNDS: tuple[tuple[str, str, str | None], ...] = (
    # (modifier regex, kind, hedge)
    (r"up to|as many as|at most|no more than|a maximum of", "max", None),
    (r"more than|over|in excess of|upwards of|above|surpass(?:es|ed)?|exceed(?:s|ed)?", "more", None),
    (r"at least|no fewer than|no less than|a minimum of|a minimum", "atleast", None),
    (r"fewer than|less than|under|below", "less", None),
    (
        r"an estimated|estimated|approximately|roughly|about|around|some|approx\.|nearly|almost|close to",
        "approx",
        None,
    ),
)


@dataclass(slots=True, frozen=True)
class Mention:
    """One figure in a text: its wording, interval, character span and the hedges it carries."""

    text: str
    low: float | None
    high: float | None
    start: int
    end: int
    hedges: tuple[str, ...] = ()


MAX_DIGITS = LimitsConfig().number_digits


def parse_plain(text: str, max_digits: int = MAX_DIGITS) -> float | None:
    """The value of one number as written ("1,500", "2.5 million", "twenty-five"), or None (also
    for more than `max_digits` digits)."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d[\d,\u00a0\u202f ]*(?:\.\d+)?)\s*(million|billion|thousand|mln|bn|m|k)?", t)
    if m:
        if sum(c.isdecimal() for c in m.group(1)) > max_digits:
            return None
        try:
            value = float(re.sub(r"[,\s]", "", m.group(1)))
        except ValueError:
            return None
        scale = {"million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}
        return value * scale.get(m.group(2) or "", 1.0)
    words = re.sub(r"[\s-]+", " ", t).replace(" and ", " ")
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


# "million" and "billion" stay words for token comparison: digit figures keep them as words too
# ("5 million").
_WORD_VALUES = {w: text2num(w, "en") for w in (*_WORD_UNITS, "hundred", "thousand")} | {"dozen": 12}


def word_value(word: str) -> int | None:
    """The value of one lower-case number word up to "thousand" ("seven", "forty", "dozen"), else None."""
    return _WORD_VALUES.get(word)


def compound_value(tens: str, ones: str) -> int | None:
    """The number two words write together ("twenty", "seven" -> 27), else None."""
    return text2num(f"{tens} {ones}", "en") if tens in _TENS and ones in _ONES else None


def masked(text: str) -> str:
    """`text` with every date, year, time, age, address, ordinal and model number blanked out.

    The length is kept so that spans found in the masked text index the original.
    """
    if not _ANY_DIGIT.search(text):  # every mask needs a digit (most sentences have none)
        return text
    out = text
    for pattern in _MASK_RX:
        out = pattern.sub(_blank, out)
    return out


_ANY_DIGIT = re.compile(r"\d")
_MASK_RX = tuple(re.compile(pattern, flags) for pattern, flags in _MASKS)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _interval(kind: str | None, value: float) -> tuple[float | None, float | None]:
    integer = value == int(value)
    if kind == "max":
        return None, value
    if kind == "more":
        return value + 1 if integer else value, None
    if kind == "atleast":
        return value, None
    if kind == "less":
        return None, value - 1 if integer else value
    return value, value


def _hedge_for(modifier: str) -> tuple[str, ...]:
    m = modifier.lower()
    if "estimated" in m:
        return ("estimated",)
    if m in (
        "approximately",
        "roughly",
        "about",
        "around",
        "some",
        "approx.",
        "nearly",
        "almost",
        "close to",
    ):
        return ("approximately",)
    return ()


def _bound_regex() -> str:
    return "|".join(f"(?P<{kind}>{rx})" for rx, kind, _ in _BOUNDS)


_RANGE_RX = re.compile(
    rf"(?:\bbetween\s+)?(?:[$€£]\s?)?\b(?P<a>{_PLAIN})\s*(?:to|-|–|and|or)\s*(?:[$€£]\s?)?(?P<b>{_PLAIN})\b",
    re.I,
)
_SINGLE_RX = re.compile(
    rf"(?:\b(?:{_bound_regex()})\s+)?(?P<cur>[$€£]\s?)?(?P<num>{_PLAIN})"
    r"(?P<pct>\s?(?:%|percent\b|per cent\b))?",
    re.I,
)
_VAGUE_RX = re.compile(
    r"(?:\b(?P<mod>up to|more than|at least|as many as|over)\s+)?\b(?P<v>"
    + "|".join(f"(?:{rx})" for rx, _, _ in VAGUE)
    + r")\b",
    re.I,
)


def find_mentions(text: str, max_digits: int = MAX_DIGITS) -> list[Mention]:
    """Every figure in `text`, in order, with overlapping readings resolved longest first; a run of
    more than `max_digits` digits is none."""
    scan = masked(text)
    found: list[Mention] = []
    # the spans taken so far, disjoint and sorted: a new span can only overlap its neighbours
    # (checking it against every span taken was quadratic in a sentence of thousands of figures)
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        at = bisect.bisect_right(taken, (a, b))
        return not (at > 0 and taken[at - 1][1] > a) and not (at < len(taken) and taken[at][0] < b)

    def add(m: Mention) -> None:
        found.append(m)
        bisect.insort(taken, (m.start, m.end))

    for m in _VAGUE_RX.finditer(scan):
        words = m.group("v").lower()
        if words in ("several", "a few") and not _several_counted(words, scan, m.start(), m.end()):
            continue  # "several others", "including several children": too vague; "several people" is [3, 9]
        low: float | None
        high: float | None
        low, high = _vague_interval(words)
        mod = (m.group("mod") or "").lower()
        if mod in ("up to", "as many as"):
            low = None
        elif mod in ("more than", "at least", "over"):
            high = None
        if free(m.start(), m.end()):
            add(Mention(text[m.start() : m.end()], low, high, m.start(), m.end()))
    for m in _RANGE_RX.finditer(scan):
        a: float | None = parse_plain(m.group("a"), max_digits)
        b: float | None = parse_plain(m.group("b"), max_digits)
        sep = scan[m.end("a") : m.start("b")].strip().lower()
        if a is None or b is None or a >= b or (sep == "and" and "between" not in m.group(0).lower()):
            continue
        if _UNIT_AFTER.match(scan, m.end()) or not free(m.start(), m.end()):
            continue
        add(Mention(text[m.start() : m.end()], a, b, m.start(), m.end()))
    for m in _SINGLE_RX.finditer(scan):
        value = parse_plain(m.group("num"), max_digits)
        if value is None or not free(m.start("num"), m.end("num")):
            continue
        if not m.group("pct") and _UNIT_AFTER.match(scan, m.end()):
            continue
        if re.fullmatch(r"one", m.group("num").strip(), re.I) and not _counted_one(scan, m.start("num"), m.end()):
            continue
        kind = next((k for _, k, _ in _BOUNDS if m.group(k)), None)
        modifier = next((m.group(k) for _, k, _ in _BOUNDS if m.group(k)), "")
        low, high = _interval(kind, value)
        add(Mention(text[m.start() : m.end()].strip(), low, high, m.start(), m.end(), _hedge_for(modifier)))
    found.extend(z for z in _zeros(text, scan) if free(z.start, z.end))
    return sorted(found, key=lambda x: x.start)


# "No U.S. coalition casualties", "there were no deaths", "nobody was hurt": a count of zero. Not
# "no reports of casualties" or "no word on deaths", which say nothing is known.
_ZERO_RX = re.compile(
    r"\b(?:no|zero)\b(?=\s+(?:(?!reports?\b|word\b|information\b|details\b|figures?\b)[\w.-]+\s+){0,3}?"
    r"(?:casualties|deaths|fatalities|injuries|dead)\b)"
    r"|\b(?:nobody|no one|none)\b(?=\s+(?:was|were)\s+(?:\w+\s+)?(?:killed|injured|hurt|wounded|harmed)\b)",
    re.I,
)


def _zeros(text: str, scan: str) -> list[Mention]:
    return [Mention(text[m.start() : m.end()], 0.0, 0.0, m.start(), m.end()) for m in _ZERO_RX.finditer(scan)]


# Read at a position of the scanned text (`pattern.match(scan, end)`), never on a copy of the
# rest of it: a copy per figure was quadratic in a long sentence.
_SEVERAL_OF = re.compile(r"\s+(?:dozens?|hundreds?|thousands?)\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|among them|among whom)\s+$", re.I)
def _several_counted(words: str, scan: str, start: int, end: int) -> bool:
    """ "several" before people or what happens to them, not as a part ("including several")."""
    if words != "several" or _SEVERAL_OF.match(scan, end):
        return False
    return bool(_SEVERAL_NOUN.match(scan, end)) and not _INCLUDING.search(scan, max(0, start - 30), start)


# "several people were killed", "Several officials arrested": a noun of people or of what happens
# to them; not "several others", "several of", nor a time or a distance ("several days")
_SEVERAL_NOUN = re.compile(
    r"\s+(?!others?\b|of\b)(?:[a-z]+\s+)?(?:people|persons|civilians|children|soldiers|officials|officers|"
    r"policemen|police officers|"
    r"passengers|workers|members|residents|protesters|demonstrators|migrants|students|journalists|fighters|"
    r"militants|troops|tourists|victims|bodies|deaths|dead|injured|wounded)\b",
    re.I,
)
_COUNTED = re.compile(
    r"\s+(?!of\b|another\b|day\b|side\b|way\b)[A-Za-z]+(?:\s+[a-z]+)?\s+(?:was|is|has)\b"  # "one SDF member was"
)


# "at least one death", "the death toll of one": a count of one by the word that counts it
_ONE_DEATH = re.compile(r"\s+(?:deaths?|fatalit(?:y|ies)|casualt(?:y|ies)|injur(?:y|ies)|dead)\b", re.I)
_TOLL_OF = re.compile(r"\b(?:toll|tally|count)\s+(?:of|at|is|was|stood at|stands at|rose to)\s+$", re.I)


def _counted_one(scan: str, start: int, end: int) -> bool:
    """ "one" is a figure only before a counted noun ("one soldier", "one death") or as a toll ("a
    toll of one"), not in "one of" or "no one"."""
    return bool(
        _COUNTED.match(scan, end) or _ONE_DEATH.match(scan, end) or _TOLL_OF.search(scan, max(0, start - 40), start)
    )


def _vague_interval(words: str) -> tuple[float, float]:
    for rx, low, high in VAGUE:
        if re.fullmatch(rx, words, re.I):
            return low, high
    raise ValueError(words)


def overlaps(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """True when two intervals (None = open end) share at least one value."""
    a_low, a_high = a
    b_low, b_high = b
    if a_high is not None and b_low is not None and a_high < b_low:
        return False
    return not (b_high is not None and a_low is not None and b_high < a_low)
