"""A batch prepared for a store: cleaned with the repeated lines the store has learned so far.

`add_to_store` calls `prepare_for`. An engine that can learn from the store (`LearnsFromStore`, the
local runner) cleans the batch with the lines learned from the stored articles plus the batch's new
ones, and says which input each article came from (its `Origin`), so that the store knows an
article again whatever batch it comes in and updates it when its cleaning improved (see
`clean/learned.py`). Another engine (Spark) prepares the batch on its own, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Protocol, runtime_checkable

from rashomon.clean.learned import LineEvidence, Origin, learn_with_evidence
from rashomon.config import Config
from rashomon.pipeline import Progress, clean_batch, read_all
from rashomon.records import Article, Rejected
from rashomon.store import Store

Prepared = tuple[list[Article], list[Rejected], dict[str, Origin]]


@runtime_checkable
class LearnsFromStore(Protocol):
    """An engine whose `prepare_learned` cleans with a store's `LineEvidence`."""

    def prepare_learned(
        self, paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress, evidence: LineEvidence
    ) -> Prepared: ...


class PreparesBatch(Protocol):
    def prepare(
        self, paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress
    ) -> tuple[list[Article], list[Rejected]]: ...


def prepare_for(
    store: Store,
    engine: PreparesBatch,
    paths: Sequence[str],
    config: Config,
    stdin: IO[str] | None,
    progress: Progress,
) -> Prepared:
    """The batch's articles, rejects and origins (by article id; empty when the engine gives none)."""
    if isinstance(engine, LearnsFromStore):
        return engine.prepare_learned(paths, config, stdin, progress, store.line_evidence())
    articles, rejected = engine.prepare(paths, config, stdin, progress)
    return articles, rejected, {}


def prepare_locally(
    paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress, evidence: LineEvidence
) -> Prepared:
    """Read and clean in this process, learning repeated lines from `evidence` and the batch."""
    raws, read_rejects = read_all(paths, config, stdin, progress)
    learned, origins = learn_with_evidence(raws, config.clean, evidence)
    articles, clean_rejects = clean_batch(raws, config, progress, boilerplate=learned)
    return articles, [*read_rejects, *clean_rejects], {a.id: origins[a.id] for a in articles}


def brief_is_current(store: Store, rejected: Sequence[Rejected]) -> bool:
    """Whether the stored brief already says all a re-brief would: it covers every stored article
    and lists every one of `rejected`. Then adding nothing new needs no re-brief."""
    return store.brief_covers_all() and set(rejected) <= set(store.stored_rejects())
