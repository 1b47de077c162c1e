"""Spark with a store: `add_to_store` with the `SparkEngine` gives the local engine's store brief.

The demo corpus is added in two runs, so the second re-brief analyses articles of both runs
(read back from the store) on Spark.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession  # noqa: E402
from repo_paths import DEMO  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from rashomon.adding import add_to_store  # noqa: E402
from rashomon.clean.export import article_record  # noqa: E402
from rashomon.cli import app  # noqa: E402
from rashomon.pipeline import run  # noqa: E402
from rashomon.records import Brief, to_dict  # noqa: E402
from rashomon.spark.engine import SparkEngine  # noqa: E402
from rashomon.spark.session import spark_session  # noqa: E402
from rashomon.store import Store  # noqa: E402
from rashomon.stories.stream import stream_order  # noqa: E402

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def halves(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo's articles, cleaned once, in two JSON Lines halves in time order: a store places
    articles in the order they come, so a later half that held earlier articles would be placed
    late (README, "Incremental updates"), where Spark re-briefs everything in time order."""
    if not DEMO.is_dir():
        pytest.skip("examples/demo is absent")
    root = tmp_path_factory.mktemp("halves")
    fields = ("id", "url", "title", "published", "source", "language", "text")
    articles = sorted(run(DEMO).articles, key=stream_order)
    records = [{k: article_record(a)[k] for k in fields} for a in articles]
    paths = root / "first.jsonl", root / "second.jsonl"
    for path, part in zip(paths, (records[:6], records[6:]), strict=True):
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    return paths


def comparable(brief: Brief) -> dict[str, Any]:
    data = to_dict(brief)
    data.pop("created")
    return data


def test_spark_and_local_engines_build_the_same_store_brief(
    spark: SparkSession, halves: tuple[Path, Path], tmp_path: Path
) -> None:
    local_store, spark_store = Store.open(str(tmp_path / "l.db")), Store.open(str(tmp_path / "s.db"))
    engine = SparkEngine(spark)
    for half in halves:
        local = add_to_store(local_store, half)
        distributed = add_to_store(spark_store, half, engine=engine)
        assert (distributed.cleaned, distributed.added) == (local.cleaned, local.added)
        assert distributed.rejected == local.rejected
    assert comparable(distributed.brief) == comparable(local.brief)
    stored = spark_store.load_brief()
    assert stored is not None
    assert [(s.id, s.articles) for s in stored.stories] == [(s.id, s.articles) for s in distributed.brief.stories]


def test_the_cli_uses_the_store_with_the_spark_engine(spark: SparkSession, tmp_path: Path) -> None:
    if not DEMO.is_dir():
        pytest.skip("examples/demo is absent")
    db = str(tmp_path / "r.db")
    args = ["brief", str(DEMO), "--engine", "spark", "--store", db, "--out", str(tmp_path / "out"), "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert Store.open(db).count_articles() == 13
    assert SparkSession.getActiveSession() is not None  # the test's session was reused, not stopped
