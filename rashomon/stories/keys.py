"""Name keys that meet across scripts: a name's consonants, in a few classes of like sounds.

Transliterated, `Zelensky`, `زيلينسكي` (`zylynsky`), `ゼレンスキー` (`zerensuki`) and `젤렌스키`
(`jellenseuki`) are four spellings, and the names they give (`features.py`) never meet: Arabic
writes no short vowels, Japanese has no l, Korean no f. Their consonants, each put in its class
(lips b f p v, tongue-back and hissing c g j k q s x z, teeth d t, liquids l r, nasals m n;
vowels, h, w and y dropped, repeats merged), give one key, `KRNK`. Soundex (Russell, 1918) keys
English names the same way; the classes here are coarser, so that the sounds one script lacks
fall in with the ones it writes for them. A key says little alone (there are 1,680 keys),
so the grouper weighs a shared key by its rarity, as it weighs names.

Keys are taken from the words that can be names: capitalised words inside a sentence (cased
scripts), every word of Arabic or Hebrew (no case to tell names) without its article, every
Korean word, and Japanese katakana runs (how Japanese writes foreign names).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rashomon.provenance.transliterate import transliterate

_CLASSES = {
    **dict.fromkeys("bfpv", "B"),
    **dict.fromkeys("cgjkqsxz", "K"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("lr", "R"),
    **dict.fromkeys("mn", "N"),
}
KEY_LENGTH = 5  # classes kept (dev stream: 5 tells cross-language pairs apart better than 4)
MIN_LENGTH = 3  # fewer consonants match too many words to be evidence
ABJAD = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# Korean particles of one syllable, written on the word they follow (`젤렌스키는`: "Zelensky" + topic).
_PARTICLES = frozenset("은는이가을를의에도와과로")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")


@lru_cache(maxsize=100_000)
def name_key(word: str) -> str | None:
    """The key of one written word (None when it has fewer than `MIN_LENGTH` consonants)."""
    classes: list[str] = []
    for letter in transliterate(word).lower():
        sound = _CLASSES.get(letter)
        if sound is not None and (not classes or classes[-1] != sound):
            classes.append(sound)
    return "".join(classes[:KEY_LENGTH]) if len(classes) >= MIN_LENGTH else None


def uncased_key(written: str) -> str | None:
    """The key of a word of a script without case, if that script's words may be names: Arabic
    or Hebrew (the Arabic article `ال` removed) and Korean; None for others (Chinese, Thai...)."""
    if ABJAD.search(written):
        if written.startswith("ال") and len(written) > 4:
            written = written[2:]
        return name_key(written)
    if _HANGUL.search(written):
        if len(written) > 2 and written[-1] in _PARTICLES:
            written = written[:-1]
        return name_key(written)
    return None


def katakana_keys(text: str) -> set[str]:
    """Keys of the katakana runs of `text`."""
    keys = (name_key(run.group()) for run in _KATAKANA.finditer(text))
    return {key for key in keys if key}
