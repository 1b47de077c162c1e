"""`rashomon eval stories STREAM.jsonl [UNRELATED...]`: story grouping on a labelled stream.

One run gives what deciding on a grouper needs, all on the same articles:
- two passes over the stream, with `published` where the input gives it and without it (real
  inputs are often undated);
- in each pass, our grouper, our grouper without its cross-lingual anchors, and the single-pass
  TF-IDF baseline, each scored with B-cubed and pairwise P/R/F1;
- the worst merges and splits of each system, by id (titles in the text report only), and where
  its B-cubed precision and recall are lost (`clustering.Losses`);
- a density sweep: unrelated real articles added at 0 to 5 times the stream's size, and the
  precision of the labelled articles' stories as they come (see `clustering` for how an
  unrelated article that joins a story is counted).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.config import Config, StoriesConfig
from rashomon.eval.clustering import (
    PRF,
    Losses,
    b_cubed_losses,
    b_cubed_scored,
    intruders,
    joined_by_language,
    pairwise,
)
from rashomon.eval.errors import GroupingError, worst_merges, worst_splits
from rashomon.eval.stories import Grouper
from rashomon.eval.stream import LabelledStream, load_labelled_stream, load_unrelated
from rashomon.records import Article
from rashomon.stories import group_stories
from rashomon.stories.baseline import group_stories_single_pass

DEFAULT_MULTIPLES = (0.0, 0.5, 1.0, 2.0, 5.0)
OURS, NO_ENCODER, BASELINE = "rashomon", "rashomon, no encoder", "single-pass tf-idf (cos 0.2)"


@dataclass(slots=True, frozen=True)
class SystemRun:
    name: str
    b_cubed: PRF
    pairwise: PRF
    stories: int
    seconds: float
    merges: tuple[GroupingError, ...]
    splits: tuple[GroupingError, ...]
    # per language: articles in their story's main part, of those whose story has two or more
    languages: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)
    losses: Losses | None = None  # where B-cubed precision and recall are lost


@dataclass(slots=True, frozen=True)
class PassReport:
    name: str  # "dated" or "undated"
    articles: int
    gold_stories: int
    rejected: int
    dated: int  # articles with a date after cleaning (the undated pass may still find some in the text)
    systems: tuple[SystemRun, ...]


@dataclass(slots=True, frozen=True)
class SweepPoint:
    """One density: `unrelated` articles added to the stream (`multiple` times its size, or fewer
    when the pool runs out), and how one system then scores on the labelled articles."""

    pass_name: str
    system: str
    multiple: float
    unrelated: int
    b_cubed: PRF
    pairwise: PRF
    intruders: int  # unrelated articles that joined a story holding labelled ones
    stories: int


@dataclass(slots=True, frozen=True)
class StreamEvalReport:
    stream: str
    unrelated_paths: tuple[str, ...]
    unrelated_pool: int  # unrelated articles left after cleaning
    passes: tuple[PassReport, ...]
    sweep: tuple[SweepPoint, ...]
    titles: dict[str, str]  # for the text report only; never written to JSON


def systems(config: StoriesConfig) -> list[tuple[str, Grouper, StoriesConfig]]:
    """Our grouper, the same without its multilingual encoder, and the peer, in report order."""
    no_encoder = dataclasses.replace(config, encoder="none")
    return [
        (OURS, group_stories, config),
        (NO_ENCODER, group_stories, no_encoder),
        (BASELINE, group_stories_single_pass, config),
    ]


def _predicted(grouper: Grouper, articles: Sequence[Article], config: StoriesConfig) -> dict[str, str]:
    return {article_id: story.id for story in grouper(articles, config) for article_id in story.article_ids}


def run_system(name: str, grouper: Grouper, stream: LabelledStream, config: StoriesConfig, worst: int) -> SystemRun:
    """Group the stream with one system and score it."""
    started = time.perf_counter()
    predicted = _predicted(grouper, stream.articles, config)
    seconds = round(time.perf_counter() - started, 2)
    scored = [a.id for a in stream.articles]
    members: dict[str, list[str]] = defaultdict(list)
    for article_id in scored:
        members[predicted[article_id]].append(article_id)
    languages = {a.id: a.language for a in stream.articles}
    return SystemRun(
        name=name,
        b_cubed=b_cubed_scored(stream.gold, predicted, scored),
        pairwise=pairwise(stream.gold, predicted, scored),
        stories=len(members),
        seconds=seconds,
        merges=tuple(worst_merges(stream.gold, members, worst)),
        splits=tuple(worst_splits(stream.gold, predicted, worst)),
        languages=joined_by_language(stream.gold, predicted, languages),
        losses=b_cubed_losses(stream.gold, predicted, languages),
    )


def run_pass(name: str, stream: LabelledStream, config: Config, worst: int) -> PassReport:
    runs = tuple(run_system(n, grouper, stream, settings, worst) for n, grouper, settings in systems(config.stories))
    return PassReport(name, len(stream.articles), len(set(stream.gold.values())), stream.rejected, stream.dated, runs)


def sample_unrelated(pool: Sequence[Article], count: int) -> list[Article]:
    """The first `count` of the pool in a fixed pseudo-random order (by id digest): each density
    holds the articles of the one below it, so the sweep adds articles and never swaps them."""
    ordered = sorted(pool, key=lambda a: hashlib.sha1(a.id.encode("utf-8")).hexdigest())
    return ordered[:count]


def sweep_point(
    pass_name: str,
    system: tuple[str, Grouper, StoriesConfig],
    stream: LabelledStream,
    added: Sequence[Article],
    multiple: float,
) -> SweepPoint:
    name, grouper, settings = system
    predicted = _predicted(grouper, [*stream.articles, *added], settings)
    scored = [a.id for a in stream.articles]
    return SweepPoint(
        pass_name=pass_name,
        system=name,
        multiple=multiple,
        unrelated=len(added),
        b_cubed=b_cubed_scored(stream.gold, predicted, scored),
        pairwise=pairwise(stream.gold, predicted, scored),
        intruders=intruders(stream.gold, predicted),
        stories=len(set(predicted.values())),
    )


def density_sweep(
    pass_name: str,
    stream: LabelledStream,
    pool: Sequence[Article],
    config: Config,
    multiples: Sequence[float],
    with_baseline: bool,
) -> list[SweepPoint]:
    """Our grouper (and the baseline when asked: it is quadratic) at each density."""
    chosen = [s for s in systems(config.stories) if s[0] == OURS or (with_baseline and s[0] == BASELINE)]
    points: list[SweepPoint] = []
    for multiple in multiples:
        added = sample_unrelated(pool, round(multiple * len(stream.articles)))
        points.extend(sweep_point(pass_name, system, stream, added, multiple) for system in chosen)
    return points


def run_stream_eval(
    path: str,
    unrelated_paths: Sequence[str] = (),
    config: Config | None = None,
    multiples: Sequence[float] = DEFAULT_MULTIPLES,
    worst: int = 8,
    sweep_baseline: bool = False,
) -> StreamEvalReport:
    """Both passes over the labelled stream at `path`, each with its density sweep."""
    config = config or Config()
    pool = load_unrelated(unrelated_paths, config) if unrelated_paths else []
    passes: list[PassReport] = []
    sweep: list[SweepPoint] = []
    titles: dict[str, str] = {}
    for name, dated in (("dated", True), ("undated", False)):
        stream = load_labelled_stream(path, config, dated=dated)
        titles.update({a.id: _title(a) for a in stream.articles})
        passes.append(run_pass(name, stream, config, worst))
        if pool:
            sweep.extend(density_sweep(name, stream, pool, config, multiples, sweep_baseline))
    return StreamEvalReport(path, tuple(unrelated_paths), len(pool), tuple(passes), tuple(sweep), titles)


def _title(article: Article) -> str:
    """The title, or the start of the text when there is none, on one short line."""
    line = article.title or article.text[:80]
    return " ".join(line.split())[:90]


def report_json(report: StreamEvalReport) -> dict[str, object]:
    """The report as JSON-ready data: ids, labels and scores only (no titles, no text)."""
    data = dataclasses.asdict(report)
    del data["titles"]
    return data
