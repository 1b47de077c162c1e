"""The Spark runner in local mode: same brief as the local runner, and bad inputs end in `rejected`.

One local[2] session serves the whole module (starting Spark costs seconds); each corpus is run
once per engine and the tests compare the results.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from repo_paths import DEMO, SEEDS

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession  # noqa: E402

from rashomon.config import Config  # noqa: E402
from rashomon.pipeline import run  # noqa: E402
from rashomon.records import Brief, to_dict  # noqa: E402
from rashomon.spark.runner import StageTimes, run_on  # noqa: E402
from rashomon.spark.session import spark_session  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = spark_session("local[2]")
    yield session
    session.stop()


def comparable(brief: Brief) -> dict[str, Any]:
    """The brief without its creation time, the only field allowed to differ between engines."""
    data = to_dict(brief)
    data.pop("created")
    return data


@pytest.fixture(scope="module")
def demo_briefs(spark: SparkSession, tmp_path_factory: pytest.TempPathFactory) -> tuple[Brief, Brief, Path]:
    if not DEMO.is_dir():
        pytest.skip("examples/demo is absent")
    parquet = tmp_path_factory.mktemp("parquet")
    local = run(DEMO, Config()).brief
    distributed = run_on(spark, [str(DEMO)], Config(), parquet_dir=str(parquet))
    return local, distributed, parquet


def test_demo_stories_reuse_and_summaries_match_the_local_runner(demo_briefs: tuple[Brief, Brief, Path]) -> None:
    local, distributed, _ = demo_briefs
    assert [(s.id, s.articles) for s in distributed.stories] == [(s.id, s.articles) for s in local.stories]
    assert [to_dict(s.reuse) for s in distributed.stories] == [to_dict(s.reuse) for s in local.stories]
    assert [to_dict(s.summary) for s in distributed.stories] == [to_dict(s.summary) for s in local.stories]
    assert any(s.reuse for s in local.stories), "the demo has copies: reuse must not be trivially empty"
    assert comparable(distributed) == comparable(local)


def test_demo_corrupt_file_is_rejected_not_fatal(demo_briefs: tuple[Brief, Brief, Path]) -> None:
    _, distributed, _ = demo_briefs
    assert any(r.path.endswith("broken.html.gz") for r in distributed.rejected)
    assert len(distributed.articles) >= 10


def test_parquet_tables_hold_the_brief(spark: SparkSession, demo_briefs: tuple[Brief, Brief, Path]) -> None:
    _, distributed, parquet = demo_briefs
    articles = spark.read.parquet(str(parquet / "articles.parquet"))
    assert sorted(r.id for r in articles.select("id").collect()) == sorted(a.id for a in distributed.articles)
    stories = spark.read.parquet(str(parquet / "stories.parquet")).collect()
    assert {r.id: r.short for r in stories} == {s.id: s.summary.short.text for s in distributed.stories}
    reuse = spark.read.parquet(str(parquet / "reuse.parquet"))
    assert reuse.count() == sum(len(link.sentences) for s in distributed.stories for link in s.reuse)
    claims = spark.read.parquet(str(parquet / "claims.parquet"))
    assert claims.count() == sum(len(g.figures) for s in distributed.stories for g in s.claims)
    assert spark.read.parquet(str(parquet / "rejected.parquet")).count() == len(distributed.rejected)
    shared = spark.read.parquet(str(parquet / "shared_sentences.parquet")).collect()
    articles_per_print: dict[str, set[str]] = {}
    for row in shared:
        articles_per_print.setdefault(row.fingerprint, set()).add(row.article)
    assert articles_per_print and all(len(ids) >= 2 for ids in articles_per_print.values())
    copied = {(link.copy, r.copy_index) for s in distributed.stories for link in s.reuse for r in link.sentences
              if r.kind == "verbatim"}
    assert copied <= {(row.article, row.sentence_index) for row in shared}


def test_stories_in_small_blocks_match_the_local_runner(spark: SparkSession) -> None:
    """Blocks of 3 demo articles: Spark's parallel counting and grouping of blocks, then the merge
    on the driver, give the local runner's blocks, counts and merge, hence the same brief."""
    if not DEMO.is_dir():
        pytest.skip("examples/demo is absent")
    config = Config()
    config = replace(config, stories=replace(config.stories, block_size=3))
    local = run(DEMO, config).brief
    distributed = run_on(spark, [str(DEMO)], config)
    assert comparable(distributed) == comparable(local)
    assert max(len(s.articles) for s in local.stories) > 3, "a story must span blocks for the merge to matter"


def test_seeds_match_the_local_runner(spark: SparkSession) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    local = run(SEEDS, Config()).brief
    reported: list[str] = []
    times = StageTimes(progress=lambda stage, done, total: reported.append(stage))
    distributed = run_on(spark, [str(SEEDS)], Config(), times=times)
    assert comparable(distributed) == comparable(local)
    assert {"ingest", "clean", "duplicates", "stories", "reuse+briefs"} <= set(times.seconds)
    assert reported == list(times.seconds)


ARTICLE = (
    "The harbour authority of Brellin said on Monday that the new ferry terminal would open in "
    "June, two years later than planned, after engineers found cracks in the main pier.\n\n"
    "The delay will cost the city about 40 million crowns, the authority's director told reporters, "
    "adding that passengers would keep using the old terminal until then.\n\n"
    "Opposition councillors called for an inquiry into how the cracks were missed during the first "
    "inspection of the pier last spring."
)


def test_corrupt_inputs_end_in_rejected_and_ids_stay_unique(spark: SparkSession, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "terminal.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "truncated.html.gz").write_bytes(gzip.compress(b"<html><body>" + b"x" * 500)[:30])
    (tmp_path / "a" / "garbage.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "b" / "records.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": ARTICLE}) + "\n{not json\n", encoding="utf-8"
    )
    (tmp_path / "b" / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    local = run(tmp_path, Config()).brief
    distributed = run_on(spark, [str(tmp_path)], Config())
    rejected = {Path(r.path.split("#")[0].split(":line")[0]).name for r in distributed.rejected}
    assert {"truncated.html.gz", "garbage.txt", "records.jsonl", "empty.html"} <= rejected
    assert sorted(a.id for a in distributed.articles) == ["ok-1", "terminal", "terminal-2"]
    assert comparable(distributed) == comparable(local)
