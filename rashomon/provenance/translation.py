"""Translated sentences, found offline through what a translation cannot change.

Without a translation model, two sentences in different languages can still be recognised as
one sentence when they carry the same names (transliterated to ASCII, so `Магнитогорск` meets
`Magnitogorsk`) and the same figures. That evidence is thin, so the test is strict: at least
`ProvenanceConfig.translation_anchors` shared anchors, at least one name and one figure among
them, and nearly the same anchor sets on both sides. It finds a translated news-agency
paragraph, not a paraphrase.

The multilingual encoder that groups stories (`stories/encoder.py`, USE multilingual v3) finds
the rest (`match_encoded_translations`): a condensed Spanish translation, a Japanese one whose
names are written in katakana. Its evidence is the cosine of the two sentences' vectors, checked
against their figures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rashomon.config import ProvenanceConfig
from rashomon.provenance.transliterate import transliterate
from rashomon.records import Article
from rashomon.stories.encoder import encode_texts, encoded_language
from rashomon.text.lexicon import INDEX_STOP_WORDS

# Names are cut to this many letters, so case endings (`Magnitogorsku`) do not hide them.
NAME_PREFIX = 8

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_DIGIT_GROUP = re.compile(r"(\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))")
_BOUNDARY = frozenset('.!?:;"“”«»()[]-–—')


@dataclass(slots=True, frozen=True)
class TranslationMatch:
    article_a: int
    sentence_a: int
    article_b: int
    sentence_b: int
    similarity: float


# Remembered for the last sentences: the exact and the encoder search both read a story's
# sentences, and copies of a wire story repeat them.
@lru_cache(maxsize=16384)
def anchors(text: str) -> frozenset[str]:
    """Figures of two or more digits and capitalised words inside the sentence (names)."""
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isdigit():
            digits = transliterate(word).replace(",", "")
            if len(digits) >= 2:
                found.add("n:" + digits)
            continue
        if not word[0].isupper():
            continue
        # the last character before the word, spaces skipped: read in place, because copying
        # the text before every word was quadratic in a long sentence
        at = match.start() - 1
        while at >= 0 and text[at].isspace():
            at -= 1
        if at < 0 or text[at] in _BOUNDARY:
            continue
        name = re.sub(r"[^a-z]", "", transliterate(word).lower())[:NAME_PREFIX]
        if len(name) >= 3 and name not in INDEX_STOP_WORDS:
            found.add("e:" + name)
    return frozenset(found)


def _qualifies(shared: frozenset[str], least: int) -> bool:
    kinds = {a[0] for a in shared}
    return len(shared) >= least and kinds == {"e", "n"}


def figures_of(text: str) -> frozenset[str]:
    """The sentence's numbers of two or more digits, separators dropped (214,000 = 214.000)."""
    grouped = _DIGIT_GROUP.sub(r"\1", text)  # "214 000" is one figure, as "214,000" is
    found = (re.sub(r"[^0-9]", "", transliterate(m.group())) for m in _WORD.finditer(grouped) if m.group()[0].isdigit())
    return frozenset(digits for digits in found if len(digits) >= 2)


Encodable = list[tuple[int, str, frozenset[str]]]  # (sentence index, text, marks) per article


@lru_cache(maxsize=16384)
def _marks(text: str) -> frozenset[str]:
    """What a translation keeps of a sentence and a cheap test can see: its figures and names."""
    return frozenset("n:" + figure for figure in figures_of(text)) | {a for a in anchors(text) if a[0] == "e"}


def _encodable(article: Article, config: ProvenanceConfig) -> Encodable:
    """The article's first `translation_sentences` sentences that are long enough and carry a
    figure or a name (the sentences a condensed translation keeps; the others cost encoding and
    rarely match)."""
    if not encoded_language(article) or article.language in ("", "und"):
        return []
    found: Encodable = []
    for sentence in article.sentences:
        if len(found) >= config.translation_sentences:
            break
        text = sentence.text
        if len(text.split()) >= 4 or (not text.isascii() and len(text) >= 12):
            marks = _marks(text)
            if marks:
                found.append((sentence.index, text, marks))
    return found


def _candidates(
    articles: Sequence[Article], sentences: list[Encodable]
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(earlier, later) articles in different languages -> their sentence pairs (row in the later,
    row in the earlier) that could be one translated sentence: the same figures, and a figure or a
    name in common. Only those sentences are encoded."""
    figures = [[frozenset(m for m in marks if m[0] == "n") for _, _, marks in found] for found in sentences]
    out: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for b, found_b in enumerate(sentences):
        for a in range(b):
            if articles[a].language == articles[b].language or not found_b or not sentences[a]:
                continue
            rows = [
                (row, column)
                for row, (_, _, marks_b) in enumerate(found_b)
                for column, (_, _, marks_a) in enumerate(sentences[a])
                if figures[b][row] == figures[a][column] and marks_a & marks_b
            ]
            if rows:
                out[(a, b)] = rows
    return out


def match_encoded_translations(
    articles: Sequence[Article], config: ProvenanceConfig | None = None
) -> list[TranslationMatch]:
    """Sentence pairs from articles in different languages whose encoder vectors are at least
    `config.translation_encoder_similarity` alike, among pairs with the same figures and a figure
    or name in common; each sentence of the later article keeps its closest sentence in the
    earlier one. Only those sentences are encoded: the encoder costs ~3 ms a sentence."""
    config = config or ProvenanceConfig()
    if config.translation_sentences <= 0 or len({a.language for a in articles}) < 2:
        return []
    sentences = [_encodable(article, config) for article in articles]
    candidates = _candidates(articles, sentences)
    needed = sorted(
        {(b, row) for (_, b), rows in candidates.items() for row, _ in rows}
        | {(a, column) for (a, _), rows in candidates.items() for _, column in rows}
    )
    encoded = encode_texts([sentences[i][row][1] for i, row in needed])
    vector = {key: encoded[n] for n, key in enumerate(needed)}
    matches: list[TranslationMatch] = []
    for (a, b), rows in sorted(candidates.items()):
        best: dict[int, tuple[float, int]] = {}
        for row, column in rows:
            score = float(vector[(b, row)] @ vector[(a, column)])
            if score > best.get(row, (-2.0, 0))[0]:
                best[row] = (score, column)
        for row, (score, column) in sorted(best.items()):
            if score >= config.translation_encoder_similarity:
                matches.append(TranslationMatch(a, sentences[a][column][0], b, sentences[b][row][0], round(score, 3)))
    return matches


def match_translations(articles: Sequence[Article], config: ProvenanceConfig | None = None) -> list[TranslationMatch]:
    """Sentence pairs from articles in different known languages that share their anchors
    (`config`: how many and how alike; the defaults when None)."""
    config = config or ProvenanceConfig()
    least = config.translation_anchors
    entries: list[tuple[int, int, str, frozenset[str]]] = []
    for position, article in enumerate(articles):
        if article.language in ("", "und"):
            continue
        for sentence in article.sentences:
            found = anchors(sentence.text)
            if _qualifies(found, least):
                entries.append((position, sentence.index, article.language, found))
    index: dict[str, list[int]] = defaultdict(list)
    matches: list[TranslationMatch] = []
    for number, (position, sentence_index, language, found) in enumerate(entries):
        candidates = {other for anchor in found for other in index[anchor]}
        for other in sorted(candidates):
            other_position, other_sentence, other_language, other_found = entries[other]
            if other_language == language or other_position == position:
                continue
            shared = found & other_found
            similarity = len(shared) / len(found | other_found)
            if _qualifies(shared, least) and similarity >= config.translation_similarity:
                matches.append(
                    TranslationMatch(other_position, other_sentence, position, sentence_index, round(similarity, 3))
                )
        for anchor in found:
            index[anchor].append(number)
    return matches
