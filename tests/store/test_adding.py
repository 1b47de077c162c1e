"""`add_to_store`: one rule for rejects, and no lost update when two processes add at once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest
from store_factory import numbered_article

from rashomon.adding import AddResult, add_to_store
from rashomon.config import Config
from rashomon.pipeline import Progress
from rashomon.records import Article, ArticleInfo, Brief, Cited, Rejected, StoryBrief, Summary
from rashomon.store import Store


def _one_story_each(articles: Sequence[Article], rejected: Sequence[Rejected]) -> Brief:
    stories = tuple(
        StoryBrief(f"s-{a.id}", a.title or a.id, (a.id,), Summary(Cited("x.", (a.id,)), ()), (), (), (), ())
        for a in articles
    )
    infos = tuple(
        ArticleInfo(a.id, a.url, a.source, a.title, a.published, a.date_source, a.language, 1.0, f"s-{a.id}")
        for a in articles
    )
    return Brief(infos, stories, tuple(sorted(rejected, key=lambda r: (r.path, r.reason))))


@dataclass(slots=True)
class ScriptedEngine:
    """Prepares fixed articles; its first analysis waits until the other writer has read the store
    too, so both briefs are computed before either is saved: the second save must conflict."""

    articles: tuple[Article, ...]
    label: str
    barrier: Any
    analyses: list[int] = field(default_factory=list)

    def prepare(
        self, paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress, evidence: object
    ) -> tuple[list[Article], list[Rejected], dict[str, object]]:
        return list(self.articles), [Rejected(f"{self.label}.bin", "unreadable")], {}

    def analyse(
        self, articles: Sequence[Article], rejected: Sequence[Rejected], config: Config, progress: Progress
    ) -> Brief:
        if not self.analyses:
            self.barrier.wait(timeout=60)
        self.analyses.append(len(articles))
        return _one_story_each(articles, rejected)


def _writer(path: str, first: int, label: str, barrier: Any, attempts: Any) -> None:
    engine = ScriptedEngine(tuple(numbered_article(n) for n in range(first, first + 5)), label, barrier)
    add_to_store(Store.open(path), [], Config(), engine=engine)
    attempts.put((label, len(engine.analyses)))


def test_two_processes_adding_at_once_lose_no_update(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    Store.open(path).close()
    context = multiprocessing.get_context("fork")
    barrier, attempts = context.Barrier(2), context.Queue()
    writers = [
        context.Process(target=_writer, args=(path, first, label, barrier, attempts))
        for first, label in ((0, "a"), (100, "b"))
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0
    brief = Store.open(path).load_brief()
    assert brief is not None
    expected = {numbered_article(n).id for n in (*range(5), *range(100, 105))}
    assert {a.id for a in brief.articles} == expected
    assert {r.path for r in brief.rejected} == {"a.bin", "b.bin"}
    counts = dict(attempts.get(timeout=10) for _ in writers)
    assert max(counts.values()) >= 2  # whoever saved second had read a stale store and re-briefed


def _write_articles(directory: Path, names: Sequence[str]) -> None:
    directory.mkdir()
    for n, name in enumerate(names):
        (directory / f"{name}.txt").write_text(
            f"Ferry crews in Port {name.title()} end their strike\n\n"
            f"The ferry crews of Port {name.title()} ended a {n + 2}-day strike on Tuesday, the operator said. "
            "Crossings to the island will resume on Wednesday morning with extra sailings.\n\n"
            f"About {n + 3}00 passengers had been stranded, a spokeswoman for the port told reporters.",
            encoding="utf-8",
        )


def test_the_stored_brief_lists_every_run_s_rejects_and_the_result_this_run_s(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    _write_articles(tmp_path / "one", ["alder", "birch"])
    _write_articles(tmp_path / "two", ["cedar"])
    gone, lost = str(tmp_path / "gone.txt"), str(tmp_path / "lost.txt")
    first: AddResult = add_to_store(store, [tmp_path / "one", gone])
    second = add_to_store(store, [str(tmp_path / "two"), gone, lost])
    assert [r.path for r in first.rejected] == [gone]
    assert [r.path for r in second.rejected] == [gone, lost]
    assert [r.path for r in second.brief.rejected] == [gone, lost]  # deduplicated, sorted
    assert (first.cleaned, first.added, second.cleaned, second.added) == (2, 2, 1, 1)
    assert len(second.brief.articles) == 3
    assert store.load_brief() == second.brief
    again = add_to_store(store, tmp_path / "two")  # a single PathLike; nothing new
    assert (again.added, again.rejected, len(again.brief.rejected)) == (0, (), 2)


def test_a_read_only_store_refuses_adding(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    Store.open(path).close()
    with pytest.raises(ValueError, match="read-only"):
        add_to_store(Store.open(path, read_only=True), [])
