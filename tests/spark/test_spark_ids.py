"""The Spark runner gives the local runner's ids when same-named files come in any argument order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession  # noqa: E402

from rashomon.config import Config, IngestConfig  # noqa: E402
from rashomon.ingest import read_inputs  # noqa: E402
from rashomon.records import RawArticle  # noqa: E402
from rashomon.spark.inputs import list_input_files, unique_ids  # noqa: E402
from rashomon.spark.runner import read_spark  # noqa: E402
from rashomon.spark.session import spark_session  # noqa: E402

pytestmark = pytest.mark.spark

TEXT = "The council of Brellin met on Monday to discuss the repair of the old harbour wall.\n"


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = spark_session("local[2]")
    yield session
    session.stop()


def _tree(root: Path) -> None:
    """Two folders, each with an `index.txt` and a `feed.jsonl` whose records have no id or URL
    (their ids derive from the file's stem: `feed-1`, `feed-2-1`)."""
    for folder in ("a", "b"):
        (root / folder).mkdir(parents=True)
        (root / folder / "index.txt").write_text(f"{folder}: {TEXT}", encoding="utf-8")
        records = [{"title": f"{folder} {n}", "text": f"{folder} {n}: {TEXT}"} for n in (1, 2)]
        (root / folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _local_ids(paths: list[str]) -> dict[str, str]:
    """Local ids by (path, title): which article got which id."""
    return {
        f"{item.path}|{item.title}": item.id
        for item in read_inputs(paths, IngestConfig())
        if isinstance(item, RawArticle)
    }


@pytest.mark.parametrize("order", [("b", "a"), ("a", "b")])
def test_ids_match_the_local_runner_in_any_argument_order(
    spark: SparkSession, tmp_path: Path, order: tuple[str, str]
) -> None:
    _tree(tmp_path)
    paths = [str(tmp_path / folder) for folder in order]
    files, _ = list_input_files(paths, IngestConfig())
    raws, _, cached = read_spark(spark.sparkContext, files, Config())
    spark_ids = {f"{raw.path}|{raw.title}": raw.id for _, raw in raws.collect()}
    cached.unpersist()
    local = _local_ids(paths)
    assert spark_ids == local
    # the folder that sorts first keeps the plain stems, whichever was named first
    assert local[f"{tmp_path / 'a' / 'index.txt'}|None"] == "index"
    assert local[f"{tmp_path / 'b' / 'index.txt'}|None"] == "index-2"
    assert local[f"{tmp_path / 'a' / 'feed.jsonl'}:line 1|a 1"] == "feed-1"
    assert local[f"{tmp_path / 'b' / 'feed.jsonl'}:line 1|b 1"] == "feed-2-1"


def test_unique_ids_settles_stems_by_path() -> None:
    files = ["/x/b/index.txt", "/x/a/index.txt", "/x/b/feed.jsonl", "/x/a/feed.jsonl"]
    executor_ids = [((0, 0), "index"), ((1, 0), "index"), ((2, 0), "feed-1"), ((3, 0), "feed-1")]
    assert unique_ids(executor_ids, files) == {(0, 0): "index-2", (2, 0): "feed-2-1"}
    # without the listing, ids are replayed in position order, as before
    assert unique_ids(executor_ids) == {(1, 0): "index-2", (3, 0): "feed-1-2"}
