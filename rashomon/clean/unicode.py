"""Repair and normalise text so that the same sentence is the same string in every article.

Mojibake (`Russiaâ€™s`) is repaired by ftfy; NFC makes composed and decomposed accents equal;
curly quotes become straight ones (`"` and `'`) because outlets differ only in typography and
later stages compare sentences across outlets; odd spaces (no-break, thin, zero-width) become
plain spaces or vanish.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy
from ftfy import badness

_QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
        "\u2028": "\n", "\u2029": "\n",
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    }
)  # fmt: skip
# A run of spaces and tabs that is not already one plain space (the only runs `normalise_text` changes):
# a text with single spaces between words then costs one scan and no substitution.
_SPACES_RE = re.compile(r"(?: [ \t\f\v]|[\t\f\v])[ \t\f\v]*")
_ENTITY_RE = re.compile(r"&(#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


def normalise_text(text: str) -> str:
    """ftfy-repaired, NFC, straight-quoted text with single spaces and `\\n` line ends.

    ftfy's full `fix_text` costs about a millisecond per article, so it runs only on text its
    own detector (`badness.is_bad`) finds mojibake in; the cheap parts of its work (HTML
    entities in plain text, control characters) are done here directly.
    """
    if "&" in text and "<" not in text and _ENTITY_RE.search(text):
        text = html.unescape(text)
    text = _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.isascii():
        text = text.translate(_QUOTES)
        if badness.is_bad(text):
            text = _CONTROL_RE.sub("", ftfy.fix_text(text, normalization="NFC")).translate(_QUOTES)
        text = unicodedata.normalize("NFC", text)
    # One substitution over the whole text (the spaces class holds no line end), then strip each line.
    return "\n".join([line.strip() for line in _SPACES_RE.sub(" ", text).split("\n")])
