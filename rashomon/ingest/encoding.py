"""Decode the bytes of an input into text, guessing the charset when it is not UTF-8.

Old news sites and exports still serve latin-1 / cp1252; rejecting them would lose real
articles, and decoding them as UTF-8 with replacement would lose every accented letter.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Detectors sometimes pick an exotic single-byte code page for short Western text; news in
# those code pages is rarer than cp1252 mis-detected, so we prefer cp1252 when it decodes.
_WESTERN = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso-8859-1", "iso8859_15", "ascii", "utf_8"}


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of `data`: BOM, then UTF-8, then the declared charset, then a detector's guess."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start > len(data) - 4:  # a cut inside the last character: keep the rest
            return data[: err.start].decode("utf-8")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    guess = from_bytes(data[:200_000]).best()
    encoding = guess.encoding if guess is not None else None
    if encoding is None or encoding.lower() not in _WESTERN:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            if encoding is None:
                return data.decode("latin-1")
    assert encoding is not None
    return data.decode(encoding, errors="replace")


def charset_from_content_type(content_type: str | None) -> str | None:
    """The `charset=` parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
