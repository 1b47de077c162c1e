"""The store keeps the stories' encoder vectors: adding articles encodes only the new ones, and the
stories are the same as with fresh vectors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rashomon.adding import add_to_store
from rashomon.config import Config
from rashomon.records import Article, Sentence
from rashomon.store import Store
from rashomon.stories import encoder
from rashomon.stories.encoder import cached_vectors, encode_articles, lead_key, lead_text


def _write(folder: Path, name: str, title: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    filler = " Officials said more details would be given at a news conference later in the day."
    path.write_text(f"{title}\n\n{body}{filler}\n", encoding="utf-8")
    return path


class _Counting:
    def __init__(self, model: Any) -> None:
        self.model, self.texts = model, 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts += sum(1 for t in texts if t not in encoder.FILLER)  # small batches are filled up
        return self.model.encode(texts)


def test_adding_encodes_only_the_new_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _Counting(encoder._model())
    monkeypatch.setattr(encoder, "_model", lambda: counting)
    store = Store.open(str(tmp_path / "s.db"))
    first = _write(tmp_path / "one", "a", "Ferry fire off Estmark kills five", "Five people died on the Saint Ilona.")
    _write(tmp_path / "one", "b", "Brennick council approves library budget", "The council voted nine to four.")
    add_to_store(store, [first.parent], Config())
    assert counting.texts == 2
    _write(tmp_path / "two", "c", "Quillon Labs launches Aurin-1 satellite", "The satellite left Kellstad on Monday.")
    later = add_to_store(store, [tmp_path / "two"], Config())
    assert counting.texts == 3  # the stored two came from the store
    fresh = Store.open(str(tmp_path / "fresh.db"))
    again = add_to_store(fresh, [tmp_path / "one", tmp_path / "two"], Config())
    assert [s.articles for s in later.brief.stories] == [s.articles for s in again.brief.stories]


def test_cached_vectors_equal_fresh_ones(tmp_path: Path) -> None:
    article = Article("x", "x", "Five people died in a ferry fire off Estmark.", (Sentence("x", 0, "Five died."),))
    config = Config().stories
    fresh = encode_articles([article], config)
    store = Store.open(str(tmp_path / "s.db"))
    with cached_vectors(store):
        encode_articles([article], config)
        cached = encode_articles([article], config)
    assert np.array_equal(fresh, cached)
    assert set(store.get_vectors([lead_key(lead_text(article, config.encoder_chars))])) == {
        lead_key(lead_text(article, config.encoder_chars))
    }
