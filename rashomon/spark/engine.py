"""`SparkEngine`: `add_to_store` with the stages on Spark (`rashomon brief --engine spark --store`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from pyspark import StorageLevel
from pyspark.sql import SparkSession

from rashomon.clean.learned import LineEvidence, Origin
from rashomon.config import Config
from rashomon.pipeline import Progress
from rashomon.records import Article, Brief, Rejected
from rashomon.spark.runner import Numbered, StageTimes, analyse_on, partitions_for, prepare_on
from rashomon.spark.session import spark_session


@dataclass(slots=True, frozen=True)
class SparkEngine:
    """The `rashomon.adding.Engine` that runs the stages on Spark, for `add_to_store`.

    `prepare` reads and cleans on the executors and brings the articles to the driver, which
    writes them to the store (SQLite lives there); `analyse` sends the store's articles back out,
    numbered in the order given, so the brief is the local runner's.
    """

    session: SparkSession
    parquet_dir: str | None = None

    def prepare(
        self, paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress, evidence: LineEvidence
    ) -> tuple[list[Article], list[Rejected], dict[str, Origin]]:
        """Read and clean on the executors. Repeated lines are learned from this batch alone (the
        store's `evidence` is not used on Spark yet), so no origins are given."""
        if "-" in paths:
            raise ValueError("the Spark engine reads files, not standard input")
        articles, rejected, cleaned = prepare_on(self.session, paths, config, StageTimes(progress=progress))
        ordered = [a for _, a in sorted(articles.collect(), key=lambda pa: pa[0])]
        cleaned.unpersist()
        return ordered, rejected, {}

    def analyse(
        self, articles: Sequence[Article], rejected: Sequence[Rejected], config: Config, progress: Progress
    ) -> Brief:
        sc = self.session.sparkContext
        numbered: list[Numbered] = [((n, 0), a) for n, a in enumerate(articles)]
        rdd = sc.parallelize(numbered, partitions_for(sc, len(numbered)))
        rdd.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            return analyse_on(self.session, rdd, rejected, config, self.parquet_dir, StageTimes(progress=progress))
        finally:
            rdd.unpersist()


@contextmanager
def spark_engine(master: str = "local[2]", parquet_dir: str | None = None) -> Iterator[SparkEngine]:
    """A `SparkEngine` on the active session, or on a new one stopped on exit (as `run_spark`)."""
    existing = SparkSession.getActiveSession()
    session = existing or spark_session(master)
    try:
        yield SparkEngine(session, parquet_dir)
    finally:
        if existing is None:
            session.stop()
