"""What an article is about, as a bag of typed terms: names, keywords, numbers and dates.

Stories are told with the same names, figures and dates whatever the outlet or the language,
so those are the strongest evidence that two articles belong together (Miranda et al. 2018
weigh entities, lemmas and dates separately for the same reason). Every term is transliterated
to ASCII (`anyascii` when installed, else accent stripping), so `Магнитогорск`, `Magnitogorsk`
and `मुल्तान`/`Multan` meet in one term: that is how articles in other languages find their
story without a translation model. Numbers with two or more digits are language-neutral
anchors too.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from rashomon.config import StoriesConfig
from rashomon.provenance.spin import PHRASE_ALIASES, TOKEN_ALIASES
from rashomon.provenance.transliterate import transliterate
from rashomon.records import Article
from rashomon.stories.keys import ABJAD, katakana_keys, name_key, uncased_key
from rashomon.text.lexicon import INDEX_STOP_WORDS as STOPWORDS
from rashomon.text.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, plural_stem
from rashomon.text.numbers import word_value

# Letters plus the combining marks that Python's \\w leaves out (Indic vowel signs, Thai,
# Arabic harakat), so a Hindi word is one token and not three fragments. Not digits: Chinese,
# Japanese and Korean write a figure against its counter ("1002人", "179명"), and it must come
# out as the number an English report gives (dev stream, 20 x 2-fold CV: dated F1 +0.009).
_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff\u0e00-\u0e7f])"
_WORD = re.compile(rf"\d+(?:[.,]\d+)*|{_LETTER}+(?:['’-]{_LETTER}+)*", re.UNICODE)
_MONTHS = frozenset(MONTHS)
_SHORT_MONTHS = MONTH_ABBREVIATIONS
# Capitalised words that begin sentences or name days carry no story identity.
_NOT_NAMES = (
    STOPWORDS
    | _MONTHS
    | frozenset(WEEKDAYS)
    | {
        "mr",
        "mrs",
        "ms",
        "dr",
        "said",
        "says",
        "according",
        "image",
        "photo",
        "read",
        "more",
        "share",
        "click",
    }
)


@dataclass(slots=True, frozen=True)
class TermBag:
    """Weighted term counts of one article (before IDF)."""

    weights: dict[str, float]


@lru_cache(maxsize=200_000)
def _normalise_token(word: str) -> str:
    token = transliterate(word).lower().strip("'-")
    token = re.sub(r"[^a-z0-9'-]", "", token)
    if token.endswith("'s"):
        token = token[:-2]
    return TOKEN_ALIASES.get(token, token)


def _apply_phrase_aliases(text: str) -> str:
    lowered = text.lower()
    for phrase, canonical in PHRASE_ALIASES:
        if phrase in lowered:
            text = re.sub(re.escape(phrase), canonical.upper(), text, flags=re.IGNORECASE)
    return text


_SENTENCE_START = frozenset(".!?:;\n\"“”'‘’«»()[]-–—|•")


def _starts_sentence(text: str, position: int) -> bool:
    """True when only spaces separate `position` from a sentence boundary (or the text start)."""
    index = position - 1
    while index >= 0 and text[index] in " \t\xa0":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_START


@dataclass(slots=True, frozen=True)
class _Word:
    token: str
    written: str
    capitalised_inside: bool  # capitalised, not at a sentence start: a name
    capitalised_initial: bool  # capitalised at a sentence start: a name only if seen inside too


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    for match in _WORD.finditer(text):
        written = match.group()
        token = _normalise_token(written)
        if not token:
            continue
        upper = written[:1].isupper()
        initial = _starts_sentence(text, match.start())
        words.append(_Word(token, written, upper and not initial, upper and initial))
    return words


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _uncased_terms(written: str, token: str, prefix: int) -> list[str]:
    """Terms of a word in a script without case. Hindi or Thai words count as names (`e:`):
    transliterated, they are what meets a Latin-script article's names (`मुल्तान`/`Multan`).
    Arabic and Hebrew words are `u:` terms: those scripts write no short vowels, so their
    transliterations meet no Latin name, and taking every word for a name made any two Arabic
    articles share "rare names" (dev stream dated B3 F1 0.809 -> 0.815 without). Chinese,
    Japanese and Korean write a phrase as one run: its character bigrams, each transliterated,
    are `u:` terms (not names: nothing marks a name there), so `北京市` meets `北京` and Japanese
    kanji meet Chinese."""
    if ABJAD.search(written):
        return ["u:" + token]
    if not _CJK.search(written):
        return ["e:" + token[:prefix]]
    letters = [c for c in written if not c.isspace()]
    if len(letters) < 2:
        return ["u:" + token]
    bigrams = (_normalise_token(a + b) for a, b in zip(letters, letters[1:], strict=False))
    return ["u:" + bigram for bigram in bigrams if bigram]


def rare_figures(weights: Mapping[str, float]) -> frozenset[str]:
    """The article's numbers that identify an event when another article gives them too: not
    years (1900-2100) and not numbers up to 31 (days of a month, "29일"), which any story of the
    period shares."""
    found = set()
    for term in weights:
        if term.startswith("n:"):
            digits = term[2:].replace(",", "").replace(".", "")
            if digits.isdigit() and (len(digits) > 4 or (int(digits) > 31 and not 1900 <= int(digits) <= 2100)):
                found.add(term)
    return frozenset(found)


def main_year(weights: Mapping[str, float], published: str | None) -> int | None:
    """The article's year: its date's, else the year (1900-2100) its text names most (the latest
    among equals), else None."""
    if published and published[:4].isdigit():
        return int(published[:4])
    years = [(w, int(t[2:])) for t, w in weights.items() if t[:2] == "n:" and t[2:].isdigit() and len(t) == 6]
    years = [(w, y) for w, y in years if 1900 <= y <= 2100]
    return max(years)[1] if years else None


def extract_terms(article: Article, config: StoriesConfig) -> TermBag:
    """Typed terms of the title and text: `e:` names, `k:` keywords, `n:` numbers, `d:` dates,
    `s:` name keys.

    A capitalised word inside a sentence is a name; at a sentence start it is a name only
    when the article also writes it capitalised inside a sentence (`Shimon Peres, the ...`),
    so sentence-initial `The`, `Die` or `Cyclone` do not pass for names. Words of scripts
    without case are names too (what survives transliteration as a cross-lingual anchor),
    except Chinese, Japanese and Korean runs, which become `u:` bigrams (`_uncased_terms`).
    Names are cut to `config.name_prefix` letters. Every name, Arabic, Hebrew or Korean word and
    katakana run also gives its cross-script key (`s:`, `keys.py`). Each type of term is
    weighted as `config` says.
    """
    text = _apply_phrase_aliases(f"{article.title or ''}\n{article.text}")
    words = _words(text)
    names = {w.token for w in words if w.capitalised_inside}
    counts: Counter[str] = Counter()
    previous = ""
    for word in words:
        token = word.token
        if token[0].isdigit():
            number = token.replace(",", "")
            if len(number) >= 2:
                counts["n:" + number] += 1
            if previous in _MONTHS or previous in _SHORT_MONTHS:
                counts[f"d:{_SHORT_MONTHS.get(previous, previous)}-{number}"] += 1
            previous = token
            continue
        value = word_value(token)
        token = str(value) if value is not None else token
        previous = token
        if token in STOPWORDS or len(token) < 3:
            continue
        if not word.written.isascii() and word.written.lower() == word.written.upper():
            counts.update(_uncased_terms(word.written, token, config.name_prefix))
            key = uncased_key(word.written)
            if key:
                counts["s:" + key] += 1
            continue
        is_name = word.capitalised_inside or (word.capitalised_initial and token in names)
        if token not in _NOT_NAMES and is_name:
            counts["e:" + token[: config.name_prefix]] += 1
            key = name_key(word.written)
            if key:
                counts["s:" + key] += 1
        else:
            counts["k:" + plural_stem(token)] += 1
    counts.update("s:" + key for key in katakana_keys(text))
    weight = {
        "e": config.entity_weight,
        "u": config.entity_weight,
        "n": config.number_weight,
        "d": config.date_weight,
        "s": config.key_weight,
    }
    return TermBag(
        {term: weight.get(term[0], config.keyword_weight) * (1.0 + math.log(count)) for term, count in counts.items()}
    )
