"""The local runner: chains the stages over records, shows progress, collects rejects.

The stages are plain functions (see `records.py`); this module only decides their order and
where the I/O happens, so `spark/` can run the very same functions on a cluster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from threadpoolctl import threadpool_limits

from rashomon import __version__
from rashomon.clean import learn_boilerplate
from rashomon.config import Config
from rashomon.guard import StoryOutcome, brief_guarded, clean_one, screen, without
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

Progress = Callable[[str, int, int | None], None]
"""Called as progress(stage, done, total) so the CLI can draw bars; the runner never prints."""


def no_progress(stage: str, done: int, total: int | None) -> None:
    return None


def read_all(
    paths: Sequence[str], config: Config, stdin: IO[str] | None = None, progress: Progress = no_progress
) -> tuple[list[RawArticle], list[Rejected]]:
    """Read every input; bad ones become `Rejected`, nothing stops the batch.

    Progress of the "read" stage is counted in input bytes, so a single large WARC moves the bar.
    """
    raws: list[RawArticle] = []
    rejected: list[Rejected] = []
    for chunk, rejects in read_chunks(paths, config, stdin, progress, size=None):
        raws += chunk
        rejected += rejects
    return raws, rejected


def read_chunks(
    paths: Sequence[str], config: Config, stdin: IO[str] | None, progress: Progress, size: int | None
) -> Iterator[tuple[list[RawArticle], list[Rejected]]]:
    """`read_all` a `size` articles at a time (all at once when None), so a caller that stores as
    it goes never holds the whole corpus."""
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
        if size is not None and len(raws) >= size:
            yield raws, rejected
            raws, rejected = [], []
    yield raws, rejected


def clean_batch(
    raws: Sequence[RawArticle],
    config: Config,
    progress: Progress = no_progress,
    boilerplate: frozenset[str] | None = None,
) -> tuple[list[Article], list[Rejected]]:
    """Learn each source's repeated lines (unless `boilerplate` gives them), then clean every article.

    Ids must be unique in the output; a repeated id (the same input given twice) keeps its
    first article, so re-running over overlapping inputs is idempotent.
    """
    if boilerplate is None:
        boilerplate = learn_boilerplate(raws, config.clean)
    articles: list[Article] = []
    rejected: list[Rejected] = []
    seen: set[str] = set()
    for n, raw in enumerate(raws, start=1):
        progress("clean", n, len(raws))
        if raw.id in seen:
            continue
        article = clean_one(raw, config, boilerplate)
        if isinstance(article, Rejected):
            rejected.append(article)
            continue
        seen.add(raw.id)
        articles.append(article)
    return articles, rejected


def analyse(
    articles: Sequence[Article],
    rejected: Sequence[Rejected],
    config: Config,
    progress: Progress = no_progress,
) -> Brief:
    """Everything after cleaning: duplicates, stories, reuse, originality and per-story briefs.

    Never stopped by one article: when a stage over the whole batch raises, every article is run
    through `guard.check_article`, those that fail are rejected and the batch is analysed again
    without them (a store that holds such an article heals this way). A failure no article
    explains is a bug and is raised. Each story's brief is guarded too (`guard.brief_guarded`).

    Numpy's BLAS runs on one thread here: the matrices of a story are small, and a second
    thread mostly spins waiting for work (the brief stage used ~1.6x its wall time in CPU).
    """
    with threadpool_limits(limits=1, user_api="blas"):
        try:
            return _analyse_once(articles, rejected, config, progress)
        except Exception:
            kept, failed = screen(articles, config)
            if not failed:
                raise
        return _analyse_once(kept, [*rejected, *failed], config, progress)


def _analyse_once(
    articles: Sequence[Article], rejected: Sequence[Rejected], config: Config, progress: Progress
) -> Brief:
    by_id = {a.id: a for a in articles}
    progress("duplicates", 0, 1)
    duplicates = find_duplicates(articles, config.provenance)
    progress("duplicates", 1, 1)
    progress("stories", 0, 1)
    stories = group_stories(articles, config.stories)
    progress("stories", 1, 1)
    # Reuse is searched within each story, so each story's links are kept with it: no pass over
    # all links (or all duplicate groups) per story.
    # Originality is per article (its sentences, the links naming it the copy), so it is taken
    # story by story too, while the story's sentence tokens are still in `spin`'s memo.
    story_of = story_index(stories)
    links_of: dict[str, list[ReuseLink]] = {}
    shares: dict[str, float] = {}
    for n, story in enumerate(stories, start=1):
        members = [by_id[a] for a in story.article_ids]
        links_of[story.id] = find_reuse(members, config.provenance)
        shares.update(originality(members, links_of[story.id], config.provenance))
        progress("reuse", n, len(stories))
    shares.update(originality([a for a in articles if a.id not in story_of], [], config.provenance))
    groups_of = duplicates_by_story(duplicates, story_of)
    reuse = [link for story in stories for link in links_of[story.id]]
    outcomes: list[StoryOutcome] = []
    for n, story in enumerate(stories, start=1):
        members = [by_id[a] for a in story.article_ids]
        outcomes.append(brief_guarded(story, members, links_of[story.id], groups_of.get(story.id, []), config))
        progress("brief", n, len(stories))
    return assemble_outcomes(articles, stories, outcomes, duplicates, reuse, shares, rejected)


def assemble_outcomes(
    articles: Sequence[Article],
    stories: Sequence[Story],
    outcomes: Sequence[StoryOutcome],
    duplicates: Sequence[DuplicateGroup],
    reuse: Sequence[ReuseLink],
    shares: dict[str, float],
    rejected: Sequence[Rejected],
) -> Brief:
    """`assemble_brief` of guarded story briefs: the articles a story's guard rejected are left
    out of the articles, stories, duplicates and reuse (both runners use it)."""
    removed = frozenset().union(*(o.removed for o in outcomes))
    briefs = [o.brief for o in outcomes if o.brief is not None]
    extra = [r for o in outcomes for r in o.rejected]
    if removed:
        articles = [a for a in articles if a.id not in removed]
        stories = [Story(b.id, b.articles, b.title, b.joins) for b in briefs]
        duplicates = without(duplicates, removed)
        reuse = [link for link in reuse if link.original not in removed and link.copy not in removed]
    return assemble_brief(articles, stories, briefs, duplicates, reuse, shares, [*rejected, *extra])


def story_index(stories: Sequence[Story]) -> dict[str, str]:
    """Article id -> the id of its story."""
    return {a: story.id for story in stories for a in story.article_ids}


def duplicates_by_story(
    duplicates: Sequence[DuplicateGroup], story_of: dict[str, str]
) -> dict[str, list[DuplicateGroup]]:
    """Each story's duplicate groups (a group belongs to its canonical's story), indexed once
    instead of filtering every group once per story; both runners use it."""
    groups_of: dict[str, list[DuplicateGroup]] = {}
    for group in duplicates:
        groups_of.setdefault(story_of.get(group.canonical, ""), []).append(group)
    return groups_of


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
    story_of = story_index(stories)
    mirror_of = {m: g.canonical for g in duplicates for m in g.mirrors}
    infos = tuple(
        article_info(a, shares.get(a.id, 1.0), story_of.get(a.id), mirror_of.get(a.id))
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


def article_info(article: Article, share: float, story: str | None, mirror_of: str | None) -> ArticleInfo:
    """What the brief lists of one article (both runners and the store's updates use it)."""
    return ArticleInfo(
        id=article.id,
        url=article.url,
        source=article.source,
        title=article.title,
        published=article.published,
        date_source=article.date_source,
        language=article.language,
        originality=round(share, 3),
        story=story,
        mirror_of=mirror_of,
        path=article.path,
        cut=article.cut,
    )


@dataclass(slots=True, frozen=True)
class RunResult:
    """What `run` returns: the brief, the cleaned articles it was made from, and the inputs
    rejected on the way (also listed in `brief.rejected`)."""

    brief: Brief
    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...]


PathArg = str | os.PathLike[str]

# Directories that never hold a news corpus and that a recursive walk would take hours over (or
# hang in: /proc and /dev hold endless pseudo-files). A typo like `run("/")` must fail at once.
_SYSTEM_TREES = tuple(Path(p) for p in ("/proc", "/sys", "/dev"))


def input_paths(paths: PathArg | Iterable[PathArg]) -> list[str]:
    """`paths` as a list of path strings; one `str` or `PathLike` is one path, never its characters.

    Raises TypeError for bytes and non-path values, and ValueError for a directory whose walk
    would read a whole system: a filesystem root, the home directory itself, or /proc, /sys, /dev
    and what is under them. A missing path is not an error here: like any unreadable input, it
    ends in `rejected` and the run goes on. "-" stays "-" (JSON Lines on stdin).
    """
    if isinstance(paths, (str, os.PathLike)):
        items: list[object] = [paths]
    elif isinstance(paths, (bytes, bytearray)):
        raise TypeError("paths must be str or os.PathLike, not bytes: decode it first (os.fsdecode)")
    elif isinstance(paths, Iterable):
        items = list(paths)
    else:
        raise TypeError(f"paths must be a path or an iterable of paths, not {type(paths).__name__}")
    names = []
    for item in items:
        name = os.fspath(item) if isinstance(item, (str, os.PathLike)) else item
        if not isinstance(name, str):
            raise TypeError(f"each path must be str or os.PathLike, not {type(name).__name__}: {name!r}")
        _refuse_system_tree(name)
        names.append(name)
    return names


def _refuse_system_tree(name: str) -> None:
    """A whole filesystem, the home folder or a system tree is a slip, never a folder of articles.

    A path that cannot even be looked at (under a folder the user may not enter) is left to the
    readers, which report it as rejected like any other unreadable input.
    """
    path = Path(name)
    try:
        if name == "-" or not path.is_dir():
            return
    except OSError:
        return
    resolved = path.resolve()
    if resolved.parent == resolved or resolved == Path(os.path.expanduser("~")).resolve():
        raise ValueError(f"refusing to read {name}: it is {resolved}, a whole filesystem; pass the folder of articles")
    if any(resolved == tree or tree in resolved.parents for tree in _SYSTEM_TREES):
        raise ValueError(f"refusing to read {name}: {resolved} is a system folder, not articles")


def run(
    paths: PathArg | Iterable[PathArg],
    config: Config | None = None,
    stdin: IO[str] | None = None,
    progress: Progress = no_progress,
) -> RunResult:
    """Read, clean and analyse `paths` (one path or several; files or folders, read recursively).

    Inputs that cannot be read, missing paths included, are reported in `rejected` and the run
    goes on, as `rashomon brief` does; see `input_paths` for what raises instead.
    """
    names = input_paths(paths)
    config = config or Config()
    raws, rejected = read_all(names, config, stdin, progress)
    articles, clean_rejects = clean_batch(raws, config, progress)
    raws.clear()  # the raw texts are not needed any more; free them before analysis
    brief = analyse(articles, [*rejected, *clean_rejects], config, progress)
    return RunResult(brief, tuple(articles), (*rejected, *clean_rejects))
