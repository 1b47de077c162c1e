"""An update touches only what new articles touch, and adds in many batches equal one add
(issue 17: "100 batches give the same stories as one batch")."""

from __future__ import annotations

import json
import multiprocessing
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rashomon import pipeline
from rashomon.adding import add_to_store
from rashomon.clean.export import article_record
from rashomon.config import Config
from rashomon.records import Brief
from rashomon.store import Store
from rashomon.stories.stream import stream_order
from rashomon.updating import update_store

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """300 cleaned articles of the generated corpus (many outlets, copies, translations), as JSON
    Lines records in stream order: cleaned once, so every batch reads the same text."""
    sys.path.insert(0, str(BENCH))
    from generate_corpus import generate

    root = tmp_path_factory.mktemp("corpus")
    generate(300, root, seed=3)
    articles = sorted(pipeline.run(root).articles, key=stream_order)
    fields = ("id", "url", "title", "published", "source", "language", "text")
    return [{k: article_record(a)[k] for k in fields} for a in articles]


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _comparable(brief: Brief) -> tuple[object, ...]:
    """The brief but each article's input path (a batch file here, the whole file there)."""
    return tuple(replace(a, path="") for a in brief.articles), brief.stories, brief.rejected


def test_a_hundred_batches_give_the_stories_of_one(tmp_path: Path, records: list[dict[str, object]]) -> None:
    once = Store.open(str(tmp_path / "once.db"))
    add_to_store(once, _write(tmp_path / "all.jsonl", records))
    batched = Store.open(str(tmp_path / "batched.db"))
    size = len(records) // 100
    briefed = []
    for n in range(100):
        batch = records[n * size : (n + 1) * size] if n < 99 else records[n * size :]
        result = add_to_store(batched, _write(tmp_path / f"b{n}.jsonl", batch))
        briefed.append(result.briefed)
    whole, pieces = once.load_brief(), batched.load_brief()
    assert whole is not None and pieces is not None
    assert len(whole.stories) > 30 and any(len(s.articles) >= 5 for s in whole.stories)
    assert any(s.duplicates for s in whole.stories) and any(s.reuse for s in whole.stories)
    assert _comparable(pieces) == _comparable(whole)
    # each batch re-briefed only the stories its articles touched, never the whole store
    assert max(briefed[50:]) < len(whole.stories) / 4


def _adder(path: str, batch: str, barrier: Any) -> None:
    barrier.wait(timeout=60)
    add_to_store(Store.open(path), batch)


def test_two_writers_at_once_lose_nothing(tmp_path: Path, records: list[dict[str, object]]) -> None:
    """A watcher and a web POST adding at the same moment: each update places every article stored
    and not yet placed, under the write lock, so neither loses or overwrites the other's."""
    path = str(tmp_path / "s.db")
    Store.open(path).close()
    halves = [_write(tmp_path / f"{n}.jsonl", records[n::2][:60]) for n in range(2)]
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    writers = [context.Process(target=_adder, args=(path, str(h), barrier)) for h in halves]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=600)
        assert writer.exitcode == 0
    brief = Store.open(path).load_brief()
    assert brief is not None
    expected = {str(r["id"]) for n in range(2) for r in records[n::2][:60]}
    assert {a.id for a in brief.articles} == expected
    placed = [a for s in brief.stories for a in s.articles]
    assert sorted(placed) == sorted(expected)  # each in exactly one story, and every story briefed
    assert all(a.story is not None for a in brief.articles)


def test_articles_stored_by_a_killed_add_are_placed_by_the_next(
    tmp_path: Path, records: list[dict[str, object]]
) -> None:
    """An add killed after storing its articles but before its update committed: the update's
    transaction rolled back whole, and the next update (any add, or `brief --store`) places them."""
    store = Store.open(str(tmp_path / "s.db"))
    add_to_store(store, _write(tmp_path / "a.jsonl", records[:20]))
    orphans = pipeline.run(_write(tmp_path / "b.jsonl", records[20:40])).articles
    store.store_articles(list(orphans))  # stored, never placed
    assert update_store(store, Config()).placed == 20
    brief = store.load_brief()
    assert brief is not None and len(brief.articles) == 40
    assert sorted(a for s in brief.stories for a in s.articles) == sorted(str(r["id"]) for r in records[:40])
    assert update_store(store, Config()).placed == 0


def test_an_update_reads_only_the_new_articles(
    tmp_path: Path, records: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The older articles of a touched story are not read again: their readings (figures, quotes,
    dates, speakers) come back from the store."""
    import rashomon.annotate
    import rashomon.updating

    store = Store.open(str(tmp_path / "s.db"))
    add_to_store(store, _write(tmp_path / "a.jsonl", records[:150]))
    read: list[str] = []
    real = rashomon.annotate.annotate

    def counting(article: Any, *args: Any) -> Any:
        read.append(article.id)
        return real(article, *args)

    monkeypatch.setattr(rashomon.annotate, "annotate", counting)
    monkeypatch.setattr(rashomon.updating, "annotate", counting)
    result = add_to_store(store, _write(tmp_path / "b.jsonl", records[150:170]))
    assert result.added == 20 and result.briefed >= 1
    # each new article is read when screened before it is stored, then for its story; no older one
    assert set(read) == {str(r["id"]) for r in records[150:170]}
