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


def _figures(text: str) -> frozenset[str]:
    """The sentence's numbers of two or more digits, separators dropped (214,000 = 214.000)."""
    grouped = _DIGIT_GROUP.sub(r"\1", text)  # "214 000" is one figure, as "214,000" is
    found = (re.sub(r"[^0-9]", "", transliterate(m.group())) for m in _WORD.finditer(grouped) if m.group()[0].isdigit())
    return frozenset(digits for digits in found if len(digits) >= 2)


def _encodable(article: Article, config: ProvenanceConfig) -> list[tuple[int, str]]:
    if not encoded_language(article) or article.language in ("", "und"):
        return []
    long_enough = [
        (s.index, s.text)
        for s in article.sentences
        if len(s.text.split()) >= 4 or (not s.text.isascii() and len(s.text) >= 12)
    ]
    return long_enough[: config.translation_sentences]


def match_encoded_translations(
    articles: Sequence[Article], config: ProvenanceConfig | None = None
) -> list[TranslationMatch]:
    """Sentence pairs from articles in different languages whose encoder vectors are at least
    `config.translation_encoder_similarity` alike and that give the same figures (when either
    gives any); each sentence of the later article is matched with its closest sentence in the
    earlier one. Nothing is encoded unless the articles hold two languages or more."""
    config = config or ProvenanceConfig()
    sentences = [_encodable(article, config) for article in articles]
    languages = {articles[i].language for i, found in enumerate(sentences) if found}
    if len(languages) < 2 or config.translation_sentences <= 0:
        return []
    vectors = encode_texts([text for found in sentences for _, text in found])
    starts = [0]
    for found in sentences:
        starts.append(starts[-1] + len(found))
    matches: list[TranslationMatch] = []
    for b, found_b in enumerate(sentences):
        for a in range(b):
            if not found_b or not sentences[a] or articles[a].language == articles[b].language:
                continue
            similarity = vectors[starts[b] : starts[b + 1]] @ vectors[starts[a] : starts[a + 1]].T
            for row, (index_b, text_b) in enumerate(found_b):
                column = int(similarity[row].argmax())
                index_a, text_a = sentences[a][column]
                score = float(similarity[row, column])
                if score >= config.translation_encoder_similarity and _figures(text_a) == _figures(text_b):
                    matches.append(TranslationMatch(a, index_a, b, index_b, round(score, 3)))
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
