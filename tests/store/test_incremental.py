"""An update touches only what new articles touch, and adds in many batches equal one add
(issue 17: "100 batches give the same stories as one batch")."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from rashomon import pipeline
from rashomon.adding import add_to_store
from rashomon.clean.export import article_record
from rashomon.records import Brief
from rashomon.store import Store
from rashomon.stories.grouper import stream_order

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
