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
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
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


def _mostly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 with replacements, when it is UTF-8 with a few broken bytes.

    A page pasted together from UTF-8 parts with one stray latin-1 byte failed strict decoding
    and went to the detector, which read all of it as Mac Roman (`Fundacjńô`). Text in a
    single-byte code page rarely forms valid multi-byte UTF-8 sequences, so when those
    outnumber the broken ones ten to one the page is UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - broken
    return text if valid >= 10 * broken else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The `charset=` parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
