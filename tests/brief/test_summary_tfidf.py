"""The summary's TF-IDF matrix is scikit-learn's, bit for bit (it is computed without the estimator)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from repo_paths import ROOT
from sklearn.feature_extraction.text import TfidfVectorizer

from rashomon.brief.summary.encoder import MAX_TERMS, TfidfEncoder, _terms, story_tfidf

FERRY = ROOT / "tests" / "fixtures" / "brief_summary" / "ferry_story.json"


def _reference(texts: list[str]) -> np.ndarray:
    vectoriser = TfidfVectorizer(analyzer=_terms, sublinear_tf=True, max_features=MAX_TERMS, dtype=np.float32)
    return np.asarray(vectoriser.fit_transform(texts).toarray(), dtype=np.float32)


def _stories() -> list[list[str]]:
    """Sentence lists shaped like a story's: repeats, copies, empty and stop-word-only texts."""
    articles = json.loads(FERRY.read_text(encoding="utf-8"))["articles"]
    sentences = [line for a in articles for paragraph in a["paragraphs"] for line in paragraph]
    rng = np.random.default_rng(7)
    lists = [sentences, sentences[:5] + sentences[:5], ["", "the of and", *sentences[:3]]]
    for size in (1, 2, 9, 40):
        lists.append([sentences[i] for i in rng.integers(0, len(sentences), size)])
    lists.append(["ferry ferry ferry ferry capsized capsized", "ferry", "Ferry lake storm 12 19 140"])
    return lists


@pytest.mark.parametrize("case", range(len(_stories())))
def test_matrix_is_scikit_learns_bit_for_bit(case: int) -> None:
    texts = _stories()[case]
    mine, reference = story_tfidf(texts), _reference(texts)
    assert mine.dtype == reference.dtype == np.float32
    assert mine.shape == reference.shape
    assert mine.tobytes() == reference.tobytes()


def test_more_terms_than_the_cap_keep_scikit_learns_choice() -> None:
    texts = [" ".join(f"term{n}x{k}" for k in range(60)) for n in range(90)]  # 5,400 distinct terms
    mine = story_tfidf(texts)
    assert mine.shape == (90, MAX_TERMS)
    assert mine.tobytes() == _reference(texts).tobytes()


def test_no_term_at_all_is_a_value_error_and_zero_rows() -> None:
    with pytest.raises(ValueError):
        story_tfidf(["", "the of and"])
    assert TfidfEncoder().encode(["", "the of and"]).tolist() == [[0.0], [0.0]]
