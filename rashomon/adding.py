"""`add_to_store`: read and clean inputs, add them to a store, bring its brief up to date.

The one way articles get into a store: `rashomon brief --store` (local or Spark), the web's
POST /api/articles and its start-up inputs all call it, so they treat rejects alike.

Rejected inputs: the stored brief lists the rejects of every run that added to the store
(deduplicated; the brief covers all the store's articles, so it reports everything that failed
on the way in), while `AddResult.rejected` is this run's rejects only (what `--strict` and the
web's response speak about).

Concurrency: several processes may add to one store at once. Each article is stored in its own
transaction; a local update then places every article stored and not yet placed (its own and
any other writer's) and rewrites their stories in one write transaction, so writers take turns
and none overwrites another's articles or stories. A whole re-brief (Spark) saves only if the
store's revision is still the one its articles were read at (checked inside the write lock, see
`Store.save_brief`); otherwise it re-reads and re-briefs, up to MAX_ATTEMPTS times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Protocol

from rashomon.clean.learned import LineEvidence, Origin, learn_with_evidence, origin_of
from rashomon.config import Config
from rashomon.guard import screen
from rashomon.pipeline import PathArg, Progress, analyse, clean_batch, input_paths, no_progress, read_all, read_chunks
from rashomon.records import Article, Brief, Rejected
from rashomon.store import StaleBrief, Store
from rashomon.stories.encoder import cached_vectors
from rashomon.updating import update_store

Prepared = tuple[list[Article], list[Rejected], dict[str, Origin]]

# Raw articles read, cleaned and stored at a time by a local add (bounds its memory).
STREAM_CHUNK = 5000

# Each attempt is lost only to another writer that committed meanwhile, so some writer always
# succeeds; a handful of attempts covers a few web workers posting at the same moment.
MAX_ATTEMPTS = 8


class Engine(Protocol):
    """Where the stages run: the local runner (`LOCAL`) or Spark (`spark.engine.SparkEngine`)."""

    def prepare(
        self, paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress, evidence: LineEvidence
    ) -> Prepared:
        """Read and clean the inputs: the articles in input order, the rejects, and each article's
        `Origin` by id. `evidence` is the repeated lines the store has learned; an engine that does
        not learn from the store (Spark) ignores it and gives no origins."""
        ...

    def analyse(
        self, articles: Sequence[Article], rejected: Sequence[Rejected], config: Config, progress: Progress
    ) -> Brief:
        """The brief of `articles` (in the order given), listing `rejected`."""
        ...


@dataclass(slots=True, frozen=True)
class LocalEngine:
    """The stages in this process (`rashomon.pipeline`)."""

    def prepare(
        self, paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress, evidence: LineEvidence
    ) -> Prepared:
        """Read and clean here, learning repeated lines from `evidence` and the batch (so an
        article is cleaned, and known, alike whatever batch it comes in: `clean/learned.py`)."""
        raws, read_rejects = read_all(paths, config, stdin, progress)
        learned, origins = learn_with_evidence(raws, config.clean, evidence)
        articles, clean_rejects = clean_batch(raws, config, progress, boilerplate=learned)
        return articles, [*read_rejects, *clean_rejects], {a.id: origins[a.id] for a in articles}

    def analyse(
        self, articles: Sequence[Article], rejected: Sequence[Rejected], config: Config, progress: Progress
    ) -> Brief:
        return analyse(articles, rejected, config, progress)


LOCAL = LocalEngine()


@dataclass(slots=True, frozen=True)
class AddResult:
    """What an add did; the store's brief is read from the store when asked for."""

    store: Store
    cleaned: int  # articles read and cleaned from this run's inputs
    added: int  # of those, how many were new to the store
    rejected: tuple[Rejected, ...]  # this run's rejects only
    briefed: int = 0  # stories briefed again (all of them when the whole store was re-briefed)

    @property
    def brief(self) -> Brief:
        """The brief of everything the store holds, as saved (read whole: costs as much as the store)."""
        brief = self.store.load_brief()
        if brief is None:
            raise StaleBrief(f"store {self.store.path} holds no brief")
        return brief

    @property
    def stories(self) -> int:
        return self.store.count_stories()


def add_to_store(
    store: Store,
    paths: PathArg | Iterable[PathArg],
    config: Config | None = None,
    *,
    stdin: IO[str] | None = None,
    progress: Progress = no_progress,
    engine: Engine = LOCAL,
    skip_unchanged: bool = False,
) -> AddResult:
    """Read and clean `paths` ("-" reads JSON Lines from `stdin`), add the articles, update the brief.

    Locally the update is incremental (`updating.update_store`): only the stories the new
    articles touch are briefed again. Another engine (Spark) re-briefs everything the store holds
    (`rebrief`). Paths are checked as `pipeline.run` checks them. Raises ValueError for a
    read-only store. `skip_unchanged` is kept for callers that asked for it: an add that changes
    nothing briefs nothing either way.
    """
    if store.read_only:
        raise ValueError(f"store {store.path} is open read-only: articles cannot be added")
    names = input_paths(paths)
    config = config or Config()
    if engine is LOCAL:
        return _add_locally(store, names, config, stdin, progress)
    prepared, rejected, origins = engine.prepare(names, config, stdin, progress, store.line_evidence())
    # Nothing is stored before it has passed every per-article stage: a stored article that
    # breaks one would be rejected again by every later re-brief.
    articles, failed = screen(prepared, config)
    rejected = [*rejected, *failed]
    stored = store.store_articles(articles, origins)
    if skip_unchanged and not (stored.added or stored.updated) and brief_is_current(store, rejected):
        return AddResult(store, len(articles), 0, tuple(rejected))
    brief = rebrief(store, rejected, config, engine, progress)
    return AddResult(store, len(articles), stored.added, tuple(rejected), len(brief.stories))


def _add_locally(
    store: Store, names: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress
) -> AddResult:
    """Read, clean and store the inputs `STREAM_CHUNK` articles at a time (each chunk learns the
    repeated lines the store has counted so far, its own included), then update the brief once:
    the corpus is never held whole, whatever its size."""
    cleaned, added = 0, 0
    rejected: list[Rejected] = []
    updated: list[str] = []
    for raws, read_rejects in read_chunks(names, config, stdin, progress, STREAM_CHUNK):
        evidence = store.line_evidence([origin_of(raw) for raw in raws])
        learned, origins = learn_with_evidence(raws, config.clean, evidence)
        articles, clean_rejects = clean_batch(raws, config, progress, boilerplate=learned)
        raws.clear()
        # Nothing is stored before it has passed every per-article stage: a stored article that
        # breaks one would be rejected again by every later update.
        kept, failed = screen(articles, config)
        stored = store.store_articles(kept, {a.id: origins[a.id] for a in kept})
        cleaned, added = cleaned + len(kept), added + stored.added
        rejected += [*read_rejects, *clean_rejects, *failed]
        updated += stored.updated_ids
    update = update_store(store, config, rejected, progress, refreshed=updated)
    return AddResult(store, cleaned, added, tuple(rejected), update.briefed)


def rebrief(
    store: Store,
    rejected: Sequence[Rejected] = (),
    config: Config | None = None,
    engine: Engine = LOCAL,
    progress: Progress = no_progress,
) -> Brief:
    """Brief everything `store` holds and save it, unless another writer got in first (then again).

    Grouping is a deterministic function of the articles in (published, id) order, so adding
    articles in several runs gives the same stories as one run over all of them.
    """
    config = config or Config()
    for _ in range(MAX_ATTEMPTS):
        contents = store.contents()
        kept = tuple(dict.fromkeys([*contents.rejected, *rejected]))
        with cached_vectors(store):  # stored articles are not encoded again
            brief = engine.analyse(contents.articles, kept, config, progress)
        try:
            store.save_brief(brief, expected_revision=contents.revision)
        except StaleBrief:
            continue
        return brief
    raise StaleBrief(f"the store kept changing through {MAX_ATTEMPTS} re-briefs; add again to re-brief it")


def brief_is_current(store: Store, rejected: Sequence[Rejected]) -> bool:
    """Whether the stored brief already says all a re-brief would: it covers every stored article
    and lists every one of `rejected`. Then adding nothing new needs no re-brief."""
    return store.brief_covers_all() and set(rejected) <= set(store.stored_rejects())
