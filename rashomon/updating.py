"""Bring a store's brief up to date with the articles stored since the last update, touching only
what they touch.

The story grouper continues its online pass from the memory the store keeps
(`store/grouping.py`), the duplicate finder looks the new articles up among the stored ones
(`store/dedup.py`), and only the stories that gained an article, or whose duplicate groups
changed, are briefed again and rewritten (`store/story_rows.py`); closed stories are not read.

What a store's stories are: one online pass over its articles in the order they were placed.
Each update places the articles stored since the last one in stream order (dated by date,
undated last, then id), so adding a corpus in any number of batches, each later in time than
the ones before, gives the stories of adding it at once (`tests/store/test_incremental.py`).
An article that arrives late (dated before an article already placed) is placed when it
arrives, against the stories as they are then: its own story may differ from the one a single
pass would give it, and so may the stories of articles placed after it in the same update.
Stories already placed never move. A change of configuration replays the whole pass.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rashomon.annotate import AnnotatedArticle, annotate
from rashomon.config import Config
from rashomon.guard import brief_guarded
from rashomon.pipeline import Progress, article_info, no_progress
from rashomon.provenance import find_reuse, originality
from rashomon.records import Article, ArticleInfo, DuplicateGroup, Rejected, Story, StoryBrief
from rashomon.store import Store, dedup, grouping
from rashomon.store import annotations as stored_readings
from rashomon.store.articles import articles_by_ids
from rashomon.store.story_rows import delete_all_stories, replace_stories
from rashomon.stories import StoryGrouper, decision, links
from rashomon.stories.encoder import DIMENSIONS, cached_vectors, encode_articles
from rashomon.stories.stream import stream_order

# Articles placed per round: the grouper's caches are written back and dropped after each, so
# an update of any size holds about this many articles and the stories they touch.
CHUNK = 2000
BRIEF_CHUNK = 200  # stories briefed, then written, at a time


@dataclass(slots=True, frozen=True)
class Update:
    """What an update did."""

    placed: int  # articles placed into stories
    briefed: int  # stories briefed again
    replayed: bool  # the whole pass was replayed (first update, or the configuration changed)


def fingerprint(config: Config) -> str:
    """What the stored stories and briefs were made with: another configuration, or other story
    models (`stories/decision.json` and `links.json`, refitted when the evidence changes), replays them."""
    return hashlib.sha1(repr(config).encode("utf-8") + _models()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _models() -> bytes:
    """The shipped story models' files, read once per process."""
    return decision.MODEL_PATH.read_bytes() + (links.MODEL_PATH.read_bytes() if links.MODEL_PATH.exists() else b"")


def update_store(
    store: Store,
    config: Config,
    rejected: Sequence[Rejected] = (),
    progress: Progress = no_progress,
    refreshed: Sequence[str] = (),
) -> Update:
    """Place the articles stored since the last update, re-brief the stories they touch and list
    `rejected`, all in one write transaction (other writers wait for it; readers see the brief
    before or after it, never half). `refreshed` are stored articles whose text was cleaned anew:
    their stories are briefed again (they stay in the story they were placed in)."""
    with store.snapshot() as conn:
        pending, _ = _pending(conn, config)
    _encode(store, pending, config)  # outside the write lock: the slow part, kept in the store
    with store.writing() as conn:
        replay = grouping.read_meta(conn).get("config") != fingerprint(config)
        if replay:
            grouping.clear(conn)
            delete_all_stories(conn)
        pending, last = _pending(conn, config)
        touched, roots = _place(store, conn, pending, config, progress)
        grouping.write_meta(conn, {"placed_seq": str(last), "config": fingerprint(config)})
        touched |= _stories_of_groups(conn, roots) | set(grouping.stories_of(conn, refreshed).values())
        briefed = _rebrief(conn, sorted(touched), config, rejected, progress)
    return Update(len(pending), briefed, replay)


def _pending(conn: sqlite3.Connection, config: Config) -> tuple[list[str], int]:
    """Ids of the stored articles not placed yet, in stream order, and the last one's storing number."""
    meta = grouping.read_meta(conn)
    since = int(meta.get("placed_seq", "0")) if meta.get("config") == fingerprint(config) else 0
    rows = conn.execute("SELECT id, published, seq FROM articles WHERE seq > ?", (since,)).fetchall()
    ordered = sorted(rows, key=lambda r: (r[1] is None, r[1] or "", r[0]))
    return [str(r[0]) for r in ordered], max((int(r[2]) for r in rows), default=since)


def _encode(store: Store, ids: Sequence[str], config: Config) -> None:
    with cached_vectors(store):
        for start in range(0, len(ids), CHUNK):
            with store.snapshot() as conn:
                articles = articles_by_ids(conn, ids[start : start + CHUNK])
            encode_articles(articles, config.stories)


def _place(
    store: Store, conn: sqlite3.Connection, ids: Sequence[str], config: Config, progress: Progress
) -> tuple[set[int], set[str]]:
    """Place `ids` (in stream order) into stories and into duplicate groups; returns the indexes
    of the stories that gained articles and the roots of the duplicate groups that changed."""
    touched: set[int] = set()
    roots: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        articles = sorted(articles_by_ids(conn, ids[start : start + CHUNK]), key=stream_order)
        memory = grouping.open_memory(conn, config.stories, DIMENSIONS)
        grouper = StoryGrouper(config.stories, memory=memory)
        with cached_vectors(store):
            vectors = encode_articles(articles, config.stories)
        placed = []
        for n, (article, vector) in enumerate(zip(articles, vectors, strict=True), start=start + 1):
            grouper.add(article, vector)
            placed.append((article.id, grouper.placed))
            progress("stories", n, len(ids))
        touched.update(index for _, index in placed)
        touched.update(grouper.emptied)
        touched.update(index for _, index in grouper.moved)
        grouping.save_memory(conn, memory)
        grouping.write_members(conn, placed, grouper.joins)
        grouping.move_members(conn, grouper.moved)
        roots |= dedup.add_articles(conn, articles, config.provenance)
    return touched, roots


def _stories_of_groups(conn: sqlite3.Connection, roots: set[str]) -> set[int]:
    """The stories holding a member of these duplicate groups (their mirrors and briefs change)."""
    members = [a for ids in dedup.members_of(conn, sorted(roots)).values() for a in ids]
    return set(grouping.stories_of(conn, members).values())


def _rebrief(
    conn: sqlite3.Connection, indexes: Sequence[int], config: Config, rejected: Sequence[Rejected], progress: Progress
) -> int:
    """Brief the stories at `indexes` again and write them, with their articles' infos."""
    pending = list(rejected)
    for start in range(0, max(1, len(indexes)), BRIEF_CHUNK):  # written as it goes: memory stays bounded
        briefs: list[StoryBrief] = []
        infos: list[ArticleInfo] = []
        gone: list[str] = []
        for n, story in enumerate(grouping.stored_stories(conn, indexes[start : start + BRIEF_CHUNK]), start + 1):
            if not story.article_ids:  # linked into another story (`StoryGrouper._link`)
                gone.append(story.id)
                continue
            outcome_brief, story_infos, story_rejects = _brief_one(conn, story, config)
            if outcome_brief is None:
                gone.append(story.id)
            else:
                briefs.append(outcome_brief)
            infos += story_infos
            pending += story_rejects
            progress("brief", n, len(indexes))
        replace_stories(conn, briefs, gone, infos, pending)
        pending = []
    return len(indexes)


def _brief_one(
    conn: sqlite3.Connection, story: Story, config: Config
) -> tuple[StoryBrief | None, list[ArticleInfo], list[Rejected]]:
    members = articles_by_ids(conn, list(story.article_ids))
    links = find_reuse(members, config.provenance)
    groups = dedup.groups_of(conn, list(story.article_ids), config.provenance)
    own = [g for g in groups if g.canonical in set(story.article_ids)]
    outcome = brief_guarded(story, members, links, own, config, _readings(conn, members, config))
    shares = originality(members, links, config.provenance)
    kept = [a for a in members if a.id not in outcome.removed]
    return outcome.brief, [_info(a, story.id, shares.get(a.id, 1.0), groups) for a in kept], list(outcome.rejected)


def _readings(conn: sqlite3.Connection, members: Sequence[Article], config: Config) -> dict[str, AnnotatedArticle]:
    """The members' readings: stored ones read back, the others made now and stored (an article
    that cannot be read is left to the brief's guard)."""
    known = stored_readings.load(conn, members, config)
    fresh = {}
    for article in members:
        if article.id not in known:
            try:
                fresh[article.id] = annotate(article, config.brief.quotes, config.limits)
            except Exception:  # noqa: BLE001 - `brief_guarded` rejects it with its reason
                continue
    stored_readings.save(conn, fresh, config)
    return {**known, **fresh}


def _info(article: Article, story_id: str, share: float, groups: Sequence[DuplicateGroup]) -> ArticleInfo:
    mirror_of = next((g.canonical for g in groups if article.id in g.mirrors), None)
    return article_info(article, share, story_id, mirror_of)
