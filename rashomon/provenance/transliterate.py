"""Any script to ASCII, so that names written in other alphabets can be compared.

`anyascii` (ISC licence) covers every script: `Магнитогорск` -> `Magnitogorsk`, `मुल्तान` ->
`multan`. Without it, only accents are stripped and other scripts stay as they are: story
grouping and translation matching then lose their cross-script anchors but keep working.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable


def accent_fold(text: str) -> str:
    """`Ezzór` -> `Ezzor`: the fallback when no transliterator is installed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _load() -> Callable[[str], str]:
    try:
        from anyascii import anyascii
    except ImportError:
        return accent_fold
    return anyascii  # type: ignore[no-any-return]


transliterate = _load()
