"""One key per name, whatever the spelling: "Deir ez-Zor", "Deir Ezzor" and "Deir al-Zour" agree.

`canonical_name` is shared by claims, quotes, entities and story grouping. It applies, in order:
a small table of names that no rule can relate (U.S. = USA = United States, CENTCOM = U.S. Central
Command, MFA = Foreign Ministry), then generic rules for transliterated names: case, possessives,
a leading "the", Arabic article particles (al-, el-, ez-, ...) including their assimilated glued
form ("Ezzor" = "ez-Zor"), hyphens, and vowel collapse ("Zour" = "Zor"). Acronyms are related to
their expansion by `is_acronym_of` (initials of the significant words).
"""

from __future__ import annotations

import functools
import re

# Names that denote the same thing but share no spelling; the value is the canonical display name.
ALIASES: dict[str, str] = {
    "u.s.": "United States",
    "u.s": "United States",
    "us": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "the united states": "United States",
    "washington": "United States",
    "russia": "Russia",
    "russian federation": "Russia",
    "the russian federation": "Russia",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "uae": "United Arab Emirates",
    "united arab emirates": "United Arab Emirates",
    "un": "United Nations",
    "u.n.": "United Nations",
    "united nations": "United Nations",
    "eu": "European Union",
    "european union": "European Union",
    "centcom": "U.S. Central Command",
    "u.s. central command": "U.S. Central Command",
    "us central command": "U.S. Central Command",
    "usa central command": "U.S. Central Command",
    "central command": "U.S. Central Command",
    "united states central command": "U.S. Central Command",
    "mfa": "Foreign Ministry",
    "foreign ministry": "Foreign Ministry",
    "ministry of foreign affairs": "Foreign Ministry",
    "foreign affairs ministry": "Foreign Ministry",
    "mod": "Defense Ministry",
    "defense ministry": "Defense Ministry",
    "defence ministry": "Defense Ministry",
    "ministry of defense": "Defense Ministry",
    "ministry of defence": "Defense Ministry",
    "pentagon": "Pentagon",
    "the pentagon": "Pentagon",
    "isis": "Islamic State",
    "isil": "Islamic State",
    "islamic state": "Islamic State",
    "daesh": "Islamic State",
    "is": "Islamic State",
    "sdf": "Syrian Democratic Forces",
    "syrian democratic forces": "Syrian Democratic Forces",
    "nato": "NATO",
    "north atlantic treaty organization": "NATO",
}

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


def _plain(text: str) -> str:
    t = text.strip().strip("\"'“”‘’").replace("’", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"\s+", " ", t)
    return t


def alias_display(text: str) -> str | None:
    """The canonical display name when the alias table knows `text`, else None."""
    t = _plain(text).lower()
    if t in ALIASES:
        return ALIASES[t]
    t = re.sub(r"^the\s+", "", t)
    return ALIASES.get(t)


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


def demonym(name: str) -> str | None:
    """The people-adjective of a country name in any alias ("Russian Federation" -> "Russian")."""
    display = alias_display(name) or _plain(name)
    return DEMONYMS.get(display)
