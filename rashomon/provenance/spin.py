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
from functools import lru_cache

from rashomon.text.aliases import DEMONYMS, NAMES, TRANSLITERATIONS
from rashomon.text.lexicon import INDEX_STOP_WORDS, MONTH_ABBREVIATIONS
from rashomon.text.numbers import compound_value, word_value


def _phrase_aliases() -> tuple[tuple[str, str], ...]:
    """Spellings of more than one word (or with dots) -> the name's token, longest first.

    They are rewritten on the lowered text before tokenising, so that `russian federation` and
    `russia` become the same single token, and `u.s. central command` is CENTCOM before `u.s.` is US.
    """
    pairs = {(s, n.token) for n in (*NAMES, *TRANSLITERATIONS) for s in n.spellings if not s.isalpha()}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair)))


def _name_tokens() -> dict[str, str]:
    """One-word spellings and the people-adjective ("american", "russians") -> the name's token."""
    tokens = {s: n.token for n in NAMES for s in n.spellings if s.isalpha() and s != n.token}
    for name in NAMES:
        adjective = DEMONYMS.get(name.display, "").lower()
        if adjective:
            tokens[adjective] = name.token
            if adjective.endswith("an"):
                tokens[adjective + "s"] = name.token
    return tokens


PHRASE_ALIASES = _phrase_aliases()
# Acronyms that spell a word ("IS") are read before folding, while they are still capitals.
_ACRONYMS = {a: n.token for n in NAMES for a in n.acronyms if a.lower() != n.token}
_ACRONYM_RE = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, _ACRONYMS)) + r")(?![\w])")

# Single-token aliases and the synonyms spinners reach for; both sides map to one token.
_SYNONYMS: dict[str, str] = {
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

TOKEN_ALIASES: dict[str, str] = _name_tokens() | MONTH_ABBREVIATIONS | _SYNONYMS
# The tokens of the United States, the United Kingdom and the United Nations are stop words
# (the pronoun "us", French "un"); `content_tokens` keeps them. The pronoun "us" is folded to the
# same token: a reused sentence quoting "us" compares equal to its copy either way.
_COUNTRY_TOKENS = frozenset({"us", "uk", "un"})

# Hyphens split words: `U.S.-led` and `US -led` must both give `us`, `led`.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})


def fold(text: str) -> str:
    """Lower-case, unify quote characters and strip accents, so `Deir Ezzor` and `Deir Ezzór`
    and curly vs straight quotes never make two copies of one sentence differ."""
    if text.isascii():  # the common case, and every step below leaves ASCII as it is but `lower`
        return text.lower()
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


def canonical_tokens(text: str) -> list[str]:
    """All words of `text` with aliases, synonyms and number words mapped to one form each
    ("twenty-seven" and "twenty seven" give one token, "27", as the figure does)."""
    tokens: list[str] = []
    previous = ""
    for word in _TOKEN_RE.findall(_apply_phrases(fold(_ACRONYM_RE.sub(_acronym_token, text)))):
        token = word.strip(".'-")
        compound = compound_value(previous, token)
        if compound is not None:
            tokens[-1] = str(compound)
            previous = ""
            continue
        previous = token
        if token[:1].isdigit() and "," in token:
            token = token.replace(",", "")
        if token.endswith("'s"):
            token = token[:-2]
        token = TOKEN_ALIASES.get(token, token)
        value = word_value(token)
        token = str(value) if value is not None else token
        if token.isdecimal():
            token = _plain_digits(token)
        if token:
            tokens.append(token)
    return tokens


def _plain_digits(token: str) -> str:
    """A run of decimal digits (any script's: "٣" too) as ASCII without leading zeros ("007" ->
    "7"). Not `int()`: it refuses dingbat digits ("➊" is a digit but not decimal, so it never
    gets here) and numbers longer than Python's int-string limit."""
    digits = "".join(str(unicodedata.decimal(c)) for c in token).lstrip("0")
    return digits or "0"


def _acronym_token(match: re.Match[str]) -> str:
    return f" {_ACRONYMS[match.group()]} "


def content_tokens(text: str) -> list[str]:
    """Canonical tokens without stopwords: what sentence similarity is measured on."""
    return list(_content_tokens(text))


# A story's sentences are tokenised by the reuse search and again by originality, right after:
# the last few thousand sentences are remembered (keyed by the sentence, not by whole articles).
@lru_cache(maxsize=8192)
def _content_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in canonical_tokens(text) if t in _COUNTRY_TOKENS or t not in INDEX_STOP_WORDS)
