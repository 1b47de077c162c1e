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
# UTF-8 read as Latin-1 or cp1252 turns every accented letter into a lead character (Â to ô)
# followed by a continuation character (U+0080 to U+00BF, or what cp1252 puts there: € ™ œ …).
# ftfy's own detector costs about a millisecond on a long text; this cheap test finds every text
# it could flag among those (a correct text rarely has the pair), so it runs only on them.
_MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


_REPLACED_RE = re.compile("[" + "".join(chr(code) for code in _QUOTES) + "]")


def _straighten(text: str) -> str:
    """`text.translate(_QUOTES)`, at the cost of the characters replaced: `str.translate` with a
    table looks up every character in Python, a third of cleaning's time on long pages."""
    return _REPLACED_RE.sub(lambda match: _QUOTES[ord(match.group())] or "", text)


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
        text = _straighten(text)
        if _MOJIBAKE_HINT_RE.search(text) and badness.is_bad(text):
            text = _straighten(_CONTROL_RE.sub("", ftfy.fix_text(text, normalization="NFC")))
        text = unicodedata.normalize("NFC", text)
    # One substitution over the whole text (the spaces class holds no line end), then strip each line.
    return "\n".join([line.strip() for line in _SPACES_RE.sub(" ", text).split("\n")])
