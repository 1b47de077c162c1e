"""The local runner: chains the stages over records, shows progress, collects rejects.

The stages are plain functions (see `records.py`); this module only decides their order and
where the I/O happens, so `spark/` can run the very same functions on a cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import IO, Protocol

from rashomon import __version__
from rashomon.brief import brief_story
from rashomon.clean import CleanError, clean_article, learn_boilerplate
from rashomon.config import Config
from rashomon.ingest import input_bytes, read_inputs
from rashomon.provenance import find_duplicates, find_reuse, originality
from rashomon.records import (
    Article,
    ArticleInfo,
    Brief,
    DuplicateGroup,
    RawArticle,
    Rejected,
    ReuseLink,
    Story,
    StoryBrief,
)
from rashomon.stories import group_stories


class StoreLike(Protocol):
    """What the runner needs of a store (see `rashomon.store`)."""

    def articles(self) -> list[Article]: ...

    def save_brief(self, brief: Brief) -> None: ...


Progress = Callable[[str, int, int | None], None]
"""Called as progress(stage, done, total) so the CLI can draw bars; the runner never prints."""


def _no_progress(stage: str, done: int, total: int | None) -> None:
    return None


def read_all(
    paths: Sequence[str], config: Config, stdin: IO[str] | None = None, progress: Progress = _no_progress
) -> tuple[list[RawArticle], list[Rejected]]:
    """Read every input; bad ones become `Rejected`, nothing stops the batch.

    Progress of the "read" stage is counted in input bytes, so a single large WARC moves the bar.
    """
    raws: list[RawArticle] = []
    rejected: list[Rejected] = []
    total = input_bytes([p for p in paths if p != "-"]) or None
    done = 0

    def advance(read: int) -> None:
        nonlocal done
        done += read
        progress("read", done, total)

    for item in read_inputs(paths, config.ingest, stdin, progress=advance):
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            raws.append(item)
    return raws, rejected


def clean_batch(
    raws: Sequence[RawArticle], config: Config, progress: Progress = _no_progress
) -> tuple[list[Article], list[Rejected]]:
    """Learn each source's repeated lines, then clean every article.

    Ids must be unique in the output; a repeated id (the same input given twice) keeps its
    first article, so re-running over overlapping inputs is idempotent.
    """
    boilerplate = learn_boilerplate(raws, config.clean)
    articles: list[Article] = []
    rejected: list[Rejected] = []
    seen: set[str] = set()
    for n, raw in enumerate(raws, start=1):
        progress("clean", n, len(raws))
        if raw.id in seen:
            continue
        try:
            article = clean_article(raw, config.clean, boilerplate)
        except CleanError as error:
            rejected.append(Rejected(path=raw.path, reason=str(error)))
            continue
        seen.add(raw.id)
        articles.append(article)
    return articles, rejected


def analyse(
    articles: Sequence[Article],
    rejected: Sequence[Rejected],
    config: Config,
    progress: Progress = _no_progress,
) -> Brief:
    """Everything after cleaning: duplicates, stories, reuse, originality and per-story briefs."""
    by_id = {a.id: a for a in articles}
    progress("duplicates", 0, 1)
    duplicates = find_duplicates(articles, config.provenance)
    progress("duplicates", 1, 1)
    progress("stories", 0, 1)
    stories = group_stories(articles, config.stories)
    progress("stories", 1, 1)
    # Reuse is searched within each story, so each story's links are kept with it: no pass over
    # all links (or all duplicate groups) per story.
    story_of = {a: story.id for story in stories for a in story.article_ids}
    links_of: dict[str, list[ReuseLink]] = {}
    for n, story in enumerate(stories, start=1):
        links_of[story.id] = find_reuse([by_id[a] for a in story.article_ids], config.provenance)
        progress("reuse", n, len(stories))
    groups_of: dict[str, list[DuplicateGroup]] = {}
    for group in duplicates:
        groups_of.setdefault(story_of.get(group.canonical, ""), []).append(group)
    reuse = [link for story in stories for link in links_of[story.id]]
    shares = originality(articles, reuse, config.provenance)
    briefs: list[StoryBrief] = []
    for n, story in enumerate(stories, start=1):
        briefs.append(
            brief_story(
                story,
                [by_id[a] for a in story.article_ids],
                links_of[story.id],
                groups_of.get(story.id, []),
                config,
            )
        )
        progress("brief", n, len(stories))
    return assemble_brief(articles, stories, briefs, duplicates, reuse, shares, rejected)


def assemble_brief(
    articles: Sequence[Article],
    stories: Sequence[Story],
    story_briefs: Sequence[StoryBrief],
    duplicates: Sequence[DuplicateGroup],
    reuse: Sequence[ReuseLink],
    shares: dict[str, float],
    rejected: Sequence[Rejected],
) -> Brief:
    """The output record; stories largest first, then by id, so output order is stable."""
    story_of = {a: s.id for s in stories for a in s.article_ids}
    mirror_of = {m: g.canonical for g in duplicates for m in g.mirrors}
    infos = tuple(
        ArticleInfo(
            id=a.id,
            url=a.url,
            source=a.source,
            title=a.title,
            published=a.published,
            date_source=a.date_source,
            language=a.language,
            originality=round(shares.get(a.id, 1.0), 3),
            story=story_of.get(a.id),
            mirror_of=mirror_of.get(a.id),
            path=a.path,
        )
        for a in sorted(articles, key=lambda a: a.id)
    )
    ordered = sorted(story_briefs, key=lambda b: (-len(b.articles), b.id))
    return Brief(
        articles=infos,
        stories=tuple(ordered),
        rejected=tuple(sorted(rejected, key=lambda r: (r.path, r.reason))),
        generator=f"rashomon {__version__}",
        created=datetime.now(UTC).replace(microsecond=0).isoformat(),
    )


def run(
    paths: Sequence[str],
    config: Config | None = None,
    stdin: IO[str] | None = None,
    progress: Progress = _no_progress,
) -> tuple[Brief, list[Article]]:
    """Read, clean and analyse `paths`; returns the brief and the cleaned articles."""
    config = config or Config()
    raws, rejected = read_all(paths, config, stdin, progress)
    articles, clean_rejects = clean_batch(raws, config, progress)
    raws.clear()  # the raw texts are not needed any more; free them before analysis
    brief = analyse(articles, [*rejected, *clean_rejects], config, progress)
    return brief, articles


def rebuild_store_brief(store: StoreLike, config: Config, rejected: Sequence[Rejected] = ()) -> Brief:
    """Brief everything a store holds and save it there.

    Grouping is a deterministic function of the articles in (published, id) order, so adding
    articles in several runs gives the same stories as one run over all of them.
    """
    brief = analyse(store.articles(), rejected, config)
    store.save_brief(brief)
    return brief
