"""One key per name, whatever the spelling: "Deir ez-Zor", "Deir Ezzor" and "Deir al-Zour" agree.

`canonical_name` is shared by claims, quotes and entities. It applies, in order: the table of
names that no rule can relate (U.S. = USA = United States, CENTCOM = U.S. Central Command, MFA =
Foreign Ministry), then generic rules for transliterated names: case, possessives, a leading "the",
Arabic article particles (al-, el-, ez-, ...) including their assimilated glued form ("Ezzor" =
"ez-Zor"), hyphens, and vowel collapse ("Zour" = "Zor"). Acronyms are related to their expansion
by `is_acronym_of` (initials of the significant words). Provenance's spin normaliser and the story
terms read the same table through each name's one-word `token`.

The table holds no city used as a metonym ("Washington" is also a coach's surname, "Moscow" a town
in Idaho) and no key that is a common word: acronyms that spell a word ("US", "IS", "UN", "MoD",
"EU") match only as written, in capitals or with dots, so "us" and "is" stay words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Name:
    """One thing and the ways news writes it."""

    display: str  # the name briefs show
    token: str  # one lower-case word standing for it where text is compared token by token
    spellings: tuple[str, ...]  # matched in any case
    acronyms: tuple[str, ...] = ()  # matched only as written


NAMES: tuple[Name, ...] = (
    Name(
        "United States",
        "us",
        ("united states", "united states of america", "america", "usa", "u.s.", "u.s", "u.s.a."),
        ("US",),
    ),
    Name("Russia", "russia", ("russia", "russian federation")),
    Name("United Kingdom", "uk", ("united kingdom", "britain", "great britain", "u.k."), ("UK",)),
    Name("United Arab Emirates", "uae", ("united arab emirates",), ("UAE",)),
    Name("United Nations", "un", ("united nations", "u.n."), ("UN",)),
    Name("European Union", "eu", ("european union", "e.u."), ("EU",)),
    Name(
        "U.S. Central Command",
        "centcom",
        (
            "centcom",
            "central command",
            "u.s. central command",
            "us central command",
            "usa central command",
            "united states central command",
        ),
    ),
    Name(
        "Foreign Ministry",
        "mfa",
        ("foreign ministry", "ministry of foreign affairs", "foreign affairs ministry"),
        ("MFA",),
    ),
    Name(
        "Defense Ministry",
        "mod",
        ("defense ministry", "defence ministry", "ministry of defense", "ministry of defence"),
        ("MOD", "MoD"),
    ),
    Name("Pentagon", "pentagon", ("pentagon",)),
    Name("Islamic State", "isis", ("islamic state", "isis", "isil", "daesh"), ("IS",)),
    Name("Syrian Democratic Forces", "sdf", ("syrian democratic forces",), ("SDF",)),
    Name("NATO", "nato", ("nato", "north atlantic treaty organization")),
)

# Spellings of one place that `canonical_name`'s rules already relate; token comparison
# (provenance's spin) cannot apply those rules, so it reads them from here.
TRANSLITERATIONS: tuple[Name, ...] = (
    Name("Deir ez-Zor", "deirezzor", ("deir ez-zor", "deir ezzor", "deir al-zour", "deir al-zor", "deir el-zor")),
)

# Lower-case spelling -> display name; acronym as written -> display name.
ALIASES: dict[str, str] = {s: n.display for n in NAMES for s in (n.display.lower(), *n.spellings)}
ACRONYMS: dict[str, str] = {a: n.display for n in NAMES for a in n.acronyms}

# Country -> the adjective news uses for its people ("its citizens" of Russia = Russian citizens).
DEMONYMS: dict[str, str] = {
    "Russia": "Russian",
    "United States": "American",
    "Syria": "Syrian",
    "Ukraine": "Ukrainian",
    "Israel": "Israeli",
    "Iran": "Iranian",
    "Iraq": "Iraqi",
    "Turkey": "Turkish",
    "China": "Chinese",
    "France": "French",
    "Germany": "German",
    "United Kingdom": "British",
    "Serbia": "Serbian",
    "Lebanon": "Lebanese",
    "Afghanistan": "Afghan",
    "Pakistan": "Pakistani",
    "India": "Indian",
    "Japan": "Japanese",
    "Egypt": "Egyptian",
    "Libya": "Libyan",
    "Yemen": "Yemeni",
    "Saudi Arabia": "Saudi",
    "Jordan": "Jordanian",
    "Belarus": "Belarusian",
    "Poland": "Polish",
}

_PARTICLES = {"al", "el", "ez", "es", "ad", "ed", "as", "an", "ar", "at", "az", "ash", "ath", "adh", "ul"}
_STOP_INITIALS = {"of", "the", "and", "for", "de", "du", "la", "le", "in", "on", "&"}


_POSSESSIVE = re.compile(r"'s\b")
_SPACES = re.compile(r"\s+")


def _plain(text: str) -> str:
    t = text.strip().strip("\"'“”‘’").replace("’", "'")
    t = _POSSESSIVE.sub("", t)
    return _SPACES.sub(" ", t)


def alias_display(text: str) -> str | None:
    """The canonical display name when the table knows `text` as written, else None.

    Pass names as written: "US" is the United States, "us" is not.
    """
    t = re.sub(r"^[Tt]he\s+", "", _plain(text))
    if t in ACRONYMS:
        return ACRONYMS[t]
    return ALIASES.get(t.lower())


def _token_key(token: str) -> str:
    """A spelling-insensitive form of one word: glued article dropped, vowel runs collapsed."""
    t = re.sub(r"[^a-z0-9]", "", token.lower())
    if len(t) > 4:
        t = re.sub(r"^[aeiou]([bcdfghjklmnpqrstvwxz])\1", r"\1", t)  # "ezzor" (ez-Zor), "assad" (as-Sad)
    t = re.sub(r"([a-z])\1+", r"\1", t)
    return re.sub(r"[aeiouy]+", "a", t) if len(t) > 2 else t


@functools.lru_cache(maxsize=16384)
def canonical_name(text: str) -> str:
    """The key under which all spellings of a name agree (lowercase; not for display)."""
    display = alias_display(text)
    t = (display or _plain(text)).lower()
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"(?<=[a-z])\.(?=[a-z])", "", t)  # "u.s" -> "us"
    tokens = [tok for tok in re.split(r"[\s\-‐–]+", t) if tok]
    tokens = [tok for tok in tokens if tok not in _PARTICLES]
    return " ".join(_token_key(tok) for tok in tokens if _token_key(tok))


def initials(text: str) -> str:
    """The acronym a name would have: "Syrian Democratic Forces" -> "SDF"."""
    words = [w for w in re.split(r"[\s\-]+", _plain(text)) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def is_acronym_of(short: str, long: str) -> bool:
    """True when `short` is written in capitals and spells the initials of `long`."""
    s = short.replace(".", "").strip()
    if not (2 <= len(s) <= 8 and s.isupper() and len(long.split()) >= 2):
        return False
    return initials(long) == s


def same_name(a: str, b: str) -> bool:
    """True when two names denote the same thing by the table, the spelling rules or an acronym."""
    if canonical_name(a) == canonical_name(b):
        return True
    return is_acronym_of(a, b) or is_acronym_of(b, a)
