"""Spin normalisation: map the wordings a copier swaps in onto one canonical token.

Content farms "spin" the sentences they copy so that a verbatim search misses them:
`Russia` becomes `Russian Federation`, `U.S.` becomes `USA`, `Feb. 7` becomes `February 7`,
`five` becomes `5`, a verb becomes its synonym. Two sentences that differ only by such swaps
must compare equal, so every comparison in provenance runs on the tokens this module yields.
The same normaliser gives the story grouper its name aliases.
"""

from __future__ import annotations

import re
import unicodedata

# Multi-word names first: they are rewritten on the lowered text before tokenising, so that
# `russian federation` and `russia` become the same single token.
PHRASE_ALIASES: tuple[tuple[str, str], ...] = (
    ("russian federation", "russia"),
    ("united states of america", "us"),
    ("united states", "us"),
    ("united kingdom", "uk"),
    ("great britain", "uk"),
    ("u.s.a.", "us"),
    ("u.s.", "us"),
    ("u.k.", "uk"),
    ("u.n.", "un"),
    ("united nations", "un"),
    ("syrian democratic forces", "sdf"),
    ("us central command", "centcom"),
    ("foreign ministry", "mfa"),
    ("ministry of foreign affairs", "mfa"),
    ("deir ez-zor", "deirezzor"),
    ("deir ezzor", "deirezzor"),
    ("deir al-zour", "deirezzor"),
    ("deir al-zor", "deirezzor"),
    ("deir el-zor", "deirezzor"),
)

# Single-token aliases and the synonyms spinners reach for; both sides map to one token.
TOKEN_ALIASES: dict[str, str] = {
    "usa": "us",
    "american": "us",
    "russian": "russia",
    "russians": "russia",
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
    "killed": "kill",
    "kills": "kill",
    "slain": "kill",
    "dead": "kill",
    "died": "kill",
    "deaths": "kill",
    "death": "kill",
    "wounded": "injure",
    "injured": "injure",
    "injuries": "injure",
    "hurt": "injure",
    "said": "say",
    "says": "say",
    "stated": "say",
    "announced": "say",
    "declared": "say",
    "told": "say",
    "admitted": "admit",
    "acknowledged": "admit",
    "confirmed": "admit",
    "nationals": "citizen",
    "citizens": "citizen",
    "national": "citizen",
    "approximately": "about",
    "around": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "big": "large",
    "huge": "large",
    "attack": "strike",
    "attacks": "strike",
    "strikes": "strike",
    "airstrike": "strike",
    "airstrikes": "strike",
    "clashes": "clash",
    "fighting": "clash",
    "battle": "clash",
    "forces": "force",
    "troops": "force",
    "military": "force",
    "military's": "force",
    "begin": "start",
    "began": "start",
    "started": "start",
    "commenced": "start",
}

NUMBER_WORDS: dict[str, str] = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
    "dozen": "12",
}

# Function words carry no evidence of copying; dropping them makes the set similarity
# measure content overlap, and keeps the inverted index small.
_STOPWORD_TEXT = """
a an the and or but if of to in on at by for with from as into onto over under about after
before since than then that this these those there their them they it its it's is are was
were be been being has have had having do does did not no nor so such very can could would
should will shall may might must also just only own same other some any each all both few
more most much many who whom whose which what when where why how he she him her his hers we
us our you your i me my mine ours yours while during against between through up down out off
again further once here s t
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())
# "us" the pronoun collides with "us" the country; the country is what the alias table yields,
# so keep it out of the stopwords for canonical tokens (handled in `content_tokens`).
_COUNTRY_TOKENS = frozenset({"us", "uk", "un"})

# Hyphens split words: `U.S.-led` and `US -led` must both give `us`, `led`.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})


def fold(text: str) -> str:
    """Lower-case, unify quote characters and strip accents, so `Deir Ezzor` and `Deir Ezzór`
    and curly vs straight quotes never make two copies of one sentence differ."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _apply_phrases(text: str) -> str:
    for phrase, canonical in PHRASE_ALIASES:
        if phrase in text:
            text = re.sub(r"(?<![\w.])" + re.escape(phrase) + r"(?!\w)", " " + canonical + " ", text)
    return text


def raw_tokens(text: str) -> list[str]:
    """Words of `text` as written (folded), without any alias mapping: the verbatim test."""
    return _TOKEN_RE.findall(fold(text))


_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_UNITS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})


def canonical_tokens(text: str) -> list[str]:
    """All words of `text` with aliases, synonyms and number words mapped to one form each
    ("twenty-seven" and "twenty seven" give one token, "27", as the figure does)."""
    tokens: list[str] = []
    previous = ""
    for word in _TOKEN_RE.findall(_apply_phrases(fold(text))):
        token = word.strip(".'-")
        if token in _UNITS and previous in _TENS:
            tokens[-1] = str(int(tokens[-1]) + int(NUMBER_WORDS[token]))
            previous = ""
            continue
        previous = token
        if token[:1].isdigit() and "," in token:
            token = token.replace(",", "")
        if token.endswith("'s"):
            token = token[:-2]
        token = TOKEN_ALIASES.get(token, token)
        token = NUMBER_WORDS.get(token, token)
        if token.isdigit():
            token = str(int(token))
        if token:
            tokens.append(token)
    return tokens


def content_tokens(text: str) -> list[str]:
    """Canonical tokens without stopwords: what sentence similarity is measured on."""
    return [t for t in canonical_tokens(text) if t in _COUNTRY_TOKENS or t not in STOPWORDS]
