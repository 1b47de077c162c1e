"""The Spark runner: the local runner's stage functions, distributed where the work is.

What runs where, and why it gives the local runner's brief (see README.md for the table):

- ingest + clean: `mapPartitions` over the input files; each task reads its files with
  `read_inputs` and cleans with `clean_article`. Ids are made unique in input order on the
  driver (from ids alone), boilerplate is learnt source by source in parallel and broadcast.
  Every record carries its input position, so wherever order matters it is the local order.
- duplicates: MinHash band keys joined in Spark propose candidates; the local `find_duplicates`
  decides inside the candidate components (`dedup.py`).
- stories: blocking + merge, as `group_stories` does it locally. The driver sorts the articles'
  (date, id) keys and cuts the stream into blocks; one task per block counts its terms, then one
  task per block runs `group_block` with the counts of all blocks before it, and the driver
  merges the blocks' stories (`merge_blocks`), one lead article and one centroid per story.
- reuse, originality, briefs: one task per story runs `find_reuse`, `originality` and
  `brief_story` on that story's articles (the local runner also looks for reuse only within a
  story, so originality, which counts an article's copied sentences, is per story too).
- the final `Brief` on the driver (`assemble_brief`), from metadata, ids and links only.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pyspark import RDD, SparkContext, StorageLevel
from pyspark.sql import SparkSession

from rashomon.config import CleanConfig, Config, StoriesConfig
from rashomon.guard import StoryOutcome
from rashomon.pipeline import Progress, assemble_outcomes, duplicates_by_story, story_index
from rashomon.records import (
    Article,
    Brief,
    DuplicateGroup,
    RawArticle,
    Rejected,
    ReuseLink,
    Story,
)
from rashomon.spark.dedup import find_duplicates_spark
from rashomon.spark.inputs import Position, list_input_files, read_files, unique_ids
from rashomon.spark.session import spark_session

Numbered = tuple[Position, Article]
# Enough tasks to balance the cores, few enough that the per-task overhead (~0.1-0.2 s in local
# mode: scheduling, a Python worker round-trip, a job per partition when streaming to the driver)
# stays small against the work: at least FILES_PER_TASK files (or articles) per task, at most
# TASKS_PER_CORE tasks per core (measured on local[2]: 4 per core was slower than 2).
TASKS_PER_CORE = 2
FILES_PER_TASK = 200


@dataclass(slots=True)
class StageTimes:
    """Seconds per stage, filled in by `run_on` (for the benchmark); each finished stage is also
    reported to `progress` as (stage, 1, 1) so the CLI can show where a Spark run is."""

    seconds: dict[str, float] = field(default_factory=dict)
    progress: Progress | None = None
    _start: float = field(default_factory=time.perf_counter)

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + now - self._start, 3)
        self._start = now
        if self.progress is not None:
            self.progress(stage, 1, 1)


def run_spark(
    paths: Sequence[str],
    config: Config,
    master: str = "local[2]",
    parquet_dir: str | None = None,
    progress: Progress | None = None,
) -> Brief:
    """The brief of `paths` computed on Spark (`master` as for spark-submit).

    The session is stopped at the end unless it was already running (spark-submit, tests).
    Raises ValueError for stdin ("-"), which cannot be split across executors.
    """
    existing = SparkSession.getActiveSession()
    session = existing or spark_session(master)
    try:
        return run_on(session, paths, config, parquet_dir, StageTimes(progress=progress))
    finally:
        if existing is None:
            session.stop()


def run_on(
    session: SparkSession,
    paths: Sequence[str],
    config: Config,
    parquet_dir: str | None = None,
    times: StageTimes | None = None,
) -> Brief:
    """`run_spark` on a given session; `times` collects seconds per stage."""
    times = times or StageTimes()
    articles, rejected, cleaned = prepare_on(session, paths, config, times)
    brief = analyse_on(session, articles, rejected, config, parquet_dir, times)
    cleaned.unpersist()
    return brief


def prepare_on(
    session: SparkSession, paths: Sequence[str], config: Config, times: StageTimes
) -> tuple[RDD[Numbered], list[Rejected], RDD[Any]]:
    """Read and clean on Spark: the numbered articles, the rejects, and the cached RDD the
    articles come from (to unpersist once they are analysed)."""
    files, rejected = list_input_files(paths, config.ingest)
    raws, read_rejects, cached = read_spark(session.sparkContext, files, config)
    rejected.extend(read_rejects)
    times.lap("ingest")
    articles, clean_rejects, cleaned = clean_spark(raws, config)
    rejected.extend(clean_rejects)
    cached.unpersist()
    times.lap("clean")
    return articles, rejected, cleaned


def analyse_on(
    session: SparkSession,
    articles: RDD[Numbered],
    rejected: Sequence[Rejected],
    config: Config,
    parquet_dir: str | None,
    times: StageTimes,
) -> Brief:
    """`pipeline.analyse` on Spark: duplicates, stories, reuse, originality and briefs, guarded as
    `pipeline.analyse` is (a failed batch stage: the articles failing `check_article` are
    rejected, and the rest analysed again)."""
    try:
        return _analyse_once(session, articles, rejected, config, parquet_dir, times)
    except Exception:
        checked = articles.map(lambda pa: (pa[0], pa[1], _check(pa[1], config)))
        checked.persist(StorageLevel.MEMORY_AND_DISK)
        failed = checked.flatMap(lambda pac: [pac[2]] if pac[2] is not None else []).collect()
        if not failed:
            checked.unpersist()
            raise
    kept = checked.filter(lambda pac: pac[2] is None).map(lambda pac: (pac[0], pac[1]))
    try:
        return _analyse_once(session, kept, [*rejected, *failed], config, parquet_dir, times)
    finally:
        checked.unpersist()


def _check(article: Article, config: Config) -> Rejected | None:
    from rashomon.guard import check_article, guarded

    outcome = guarded("analysis", article.path, lambda: check_article(article, config))
    return outcome if isinstance(outcome, Rejected) else None


def _analyse_once(
    session: SparkSession,
    articles: RDD[Numbered],
    rejected: Sequence[Rejected],
    config: Config,
    parquet_dir: str | None,
    times: StageTimes,
) -> Brief:
    duplicates = find_duplicates_spark(articles, config.provenance)
    times.lap("duplicates")

    compact = articles.map(lambda pa: (pa[0], _metadata(pa[1]))).toLocalIterator()
    outline = [a for _, a in sorted(compact, key=lambda pa: pa[0])]
    stories = stories_spark(articles, outline, config)
    times.lap("stories")

    reuse, outcomes, shares = reuse_and_briefs(articles, stories, duplicates, config)
    times.lap("reuse+briefs")

    brief = assemble_outcomes(outline, stories, outcomes, duplicates, reuse, shares, rejected)
    times.lap("assemble")
    if parquet_dir is not None:
        from rashomon.spark.tables import write_tables

        write_tables(session, brief, articles, parquet_dir, config.provenance)
        times.lap("parquet")
    return brief


def read_spark(
    sc: SparkContext, files: Sequence[str], config: Config
) -> tuple[RDD[tuple[Position, RawArticle]], list[Rejected], RDD[Any]]:
    """Raw articles (ids unique over the whole input), the read rejects, and the cached RDD the
    raw articles come from (to unpersist once they are cleaned).

    Reading runs one task per group of files (a WARC file cannot be split); when the files hold
    many more articles than that gives tasks, the articles are spread over more partitions.
    """
    slices = partitions_for(sc, len(files))
    base = os.getcwd()  # relative inputs are read from here, wherever the executor runs
    items = sc.parallelize(list(enumerate(files)), slices).mapPartitions(
        lambda part: read_files(part, config.ingest, base)
    )
    items.persist(StorageLevel.MEMORY_AND_DISK)
    outline = items.map(lambda pi: pi[1] if isinstance(pi[1], Rejected) else (pi[0], pi[1].id)).collect()
    rejected = [item for item in outline if isinstance(item, Rejected)]
    renamed = sc.broadcast(unique_ids((item for item in outline if not isinstance(item, Rejected)), files))
    raws = items.flatMap(_raws).map(lambda pr: (pr[0], _renamed(pr[1], renamed.value.get(pr[0]))))
    width = partitions_for(sc, len(outline) - len(rejected))
    if raws.getNumPartitions() < width:
        raws = raws.repartition(width)
    return raws, rejected, items


def partitions_for(sc: SparkContext, articles: int) -> int:
    """Partitions for `articles` records: FILES_PER_TASK of them at least, TASKS_PER_CORE per core
    at most."""
    return max(1, min(articles // FILES_PER_TASK, sc.defaultParallelism * TASKS_PER_CORE))


def _rejects(item: tuple[Position, object]) -> list[Rejected]:
    return [item[1]] if isinstance(item[1], Rejected) else []


def _raws(item: tuple[Position, object]) -> list[tuple[Position, RawArticle]]:
    return [(item[0], item[1])] if isinstance(item[1], RawArticle) else []


def _articles(item: tuple[Position, object]) -> list[Numbered]:
    return [(item[0], item[1])] if isinstance(item[1], Article) else []


def _renamed(raw: RawArticle, new_id: str | None) -> RawArticle:
    return raw if new_id is None else replace(raw, id=new_id)


def clean_spark(
    raws: RDD[tuple[Position, RawArticle]], config: Config
) -> tuple[RDD[Numbered], list[Rejected], RDD[Any]]:
    """`clean_batch` in Spark: the cleaned articles, the cleaning rejects, and the cached RDD the
    articles come from (to unpersist at the end of the run).

    Ids are already unique (`read_spark`), so `clean_batch`'s "first of a repeated id" rule has
    nothing to do here.
    """
    sc = raws.context
    boilerplate = sc.broadcast(learn_boilerplate_spark(raws, config.clean))
    results = raws.mapPartitions(lambda part: _clean_part(part, config, boilerplate.value))
    results.persist(StorageLevel.MEMORY_AND_DISK)
    clean_rejects = results.flatMap(_rejects).collect()
    return results.flatMap(_articles), clean_rejects, results


def learn_boilerplate_spark(raws: RDD[tuple[Position, RawArticle]], config: CleanConfig) -> frozenset[str]:
    """`learn_boilerplate` source by source in parallel.

    The clean stage counts a line per source (`source.lower()`, articles without a source or
    text do not count), so the union of what each source's articles teach is what one call over
    all of them learns. Only the text and source travel through the shuffle, not the HTML.
    """
    from rashomon.clean import learn_boilerplate

    learnt = (
        raws.flatMap(lambda pr: _line_source(pr[1]))
        .groupByKey(raws.getNumPartitions())
        .map(lambda kv: learn_boilerplate(list(kv[1]), config))
        .collect()
    )
    return frozenset().union(*learnt) if learnt else frozenset()


def _line_source(raw: RawArticle) -> list[tuple[str, RawArticle]]:
    if not raw.source or not raw.text:
        return []
    return [(raw.source.lower(), RawArticle(id=raw.id, path=raw.path, text=raw.text, source=raw.source))]


def _clean_part(
    part: Iterable[tuple[Position, RawArticle]], config: Config, boilerplate: frozenset[str]
) -> Iterator[tuple[Position, Article | Rejected]]:
    from rashomon.guard import clean_one

    for position, raw in part:
        yield position, clean_one(raw, config, boilerplate)


def _metadata(article: Article) -> Article:
    """What the driver keeps of an article: its metadata, for the final brief."""
    return replace(article, text="", sentences=(), dropped=())


def _story_input(article: Article) -> Article:
    """What grouping needs of an article: text (its terms) and first sentence (a fallback title)."""
    return replace(article, sentences=article.sentences[:1], dropped=())


def stories_spark(articles: RDD[Numbered], outline: Sequence[Article], config: Config) -> list[Story]:
    """`group_stories` in two parallel passes over the same blocks: every block's term counts,
    then every block grouped with the counts of all blocks before it; the driver merges. The
    same blocks, counts and merge as the local runner, so the same stories."""
    from rashomon.stories.blocks import block_bounds, group_block, merge_blocks
    from rashomon.stories.stream import stream_order

    ordered = sorted(outline, key=stream_order)
    bounds = block_bounds(len(ordered), config.stories)
    if not bounds:
        return []
    block_of = articles.context.broadcast(
        {article.id: block for block, (start, end) in enumerate(bounds) for article in ordered[start:end]}
    )
    keyed = articles.map(lambda item: (block_of.value[item[1].id], _story_input(item[1])))
    keyed.persist(StorageLevel.MEMORY_AND_DISK)
    counting = config.stories
    counted = keyed.mapPartitions(lambda part: _count_by_block(part, counting))
    counts = dict(counted.reduceByKey(_add_counts, len(bounds)).collect())
    # Each block's own counts travel once; a task adds up those of the blocks before its own.
    shared = articles.context.broadcast([counts[block] for block in range(len(bounds))])

    def grouped(block: int, members: Iterable[Article]) -> Any:
        return group_block(sorted(members, key=stream_order), config.stories, block, _before(shared.value, block))

    blocks = keyed.groupByKey(len(bounds)).map(lambda kv: grouped(kv[0], kv[1])).collect()
    keyed.unpersist()
    block_of.unpersist()
    shared.unpersist()
    return merge_blocks(blocks, config.stories)


def _count_by_block(
    part: Iterable[tuple[int, Article]], config: StoriesConfig
) -> Iterator[tuple[int, tuple[int, Counter[str]]]]:
    """Term counts per block of one partition's articles (only counts cross the shuffle)."""
    from rashomon.stories.blocks import count_terms

    members: dict[int, list[Article]] = {}
    for block, article in part:
        members.setdefault(block, []).append(article)
    for block, articles in members.items():
        yield block, count_terms(articles, config)


def _add_counts(a: tuple[int, Counter[str]], b: tuple[int, Counter[str]]) -> tuple[int, Counter[str]]:
    a[1].update(b[1])
    return a[0] + b[0], a[1]


def _before(counts: Sequence[tuple[int, Counter[str]]], block: int) -> tuple[int, Counter[str]]:
    """Documents and term counts of all blocks before `block`."""
    documents, frequency = 0, Counter[str]()
    for own_documents, own_frequency in counts[:block]:
        documents += own_documents
        frequency.update(own_frequency)
    return documents, frequency


def reuse_and_briefs(
    articles: RDD[Numbered], stories: Sequence[Story], duplicates: Sequence[DuplicateGroup], config: Config
) -> tuple[list[ReuseLink], list[StoryOutcome], dict[str, float]]:
    """One task per story: its reuse links, its articles' originality and its brief, returned
    in the local runner's story order.

    Reuse is only looked for within a story (as locally), so originality, which only counts the
    links where an article is the copy, can be computed story by story too.
    """
    sc = articles.context
    order = {story.id: n for n, story in enumerate(stories)}
    story_of = story_index(stories)
    groups_of = duplicates_by_story(duplicates, story_of)
    shared_story_of = sc.broadcast(story_of)
    by_id = sc.broadcast({s.id: s for s in stories})
    shared_groups = sc.broadcast(groups_of)
    done = (
        articles.filter(lambda pa: pa[1].id in shared_story_of.value)
        .map(lambda pa: (shared_story_of.value[pa[1].id], pa[1]))
        .groupByKey(articles.getNumPartitions())
        .map(lambda kv: _story_work(by_id.value[kv[0]], kv[1], shared_groups.value.get(kv[0], []), config))
        .collect()
    )
    done.sort(key=lambda work: order[work[3]])
    shares = {article: share for _, _, part, _ in done for article, share in part.items()}
    return [link for links, _, _, _ in done for link in links], [outcome for _, outcome, _, _ in done], shares


def _story_work(
    story: Story, members: Iterable[Article], groups: Sequence[DuplicateGroup], config: Config
) -> tuple[list[ReuseLink], StoryOutcome, dict[str, float], str]:
    from rashomon.guard import brief_guarded
    from rashomon.provenance import find_reuse, originality

    by_id = {a.id: a for a in members}
    ordered = [by_id[a] for a in story.article_ids]
    links = find_reuse(ordered, config.provenance)
    shares = originality(ordered, links, config.provenance)
    return links, brief_guarded(story, ordered, links, list(groups), config), shares, story.id
