"""Repair and normalise text so that the same sentence is the same string in every article.

Mojibake (`Russiaâ€™s`) is repaired by ftfy; NFC makes composed and decomposed accents equal;
curly quotes become straight ones (`"` and `'`) because outlets differ only in typography and
later stages compare sentences across outlets; odd spaces (no-break, thin, zero-width) become
plain spaces or vanish.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

_QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    }
)  # fmt: skip
_SPACES_RE = re.compile(r"[ \t\f\v]+")


def normalise_text(text: str) -> str:
    """ftfy-repaired, NFC, straight-quoted text with single spaces and `\\n` line ends."""
    text = ftfy.fix_text(text, normalization="NFC")
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))
