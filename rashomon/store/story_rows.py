"""Replacing some stories of the stored brief, inside the caller's transaction: what an
incremental add writes (`rashomon/updating.py`), where `briefs.write_brief` replaces all of it.

Rows are ordered when read (stories by size then id, articles by id, rejects by path), never by
the order they were written in, so a brief written story by story reads back as one written whole.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from rashomon import __version__
from rashomon.records import BRIEF_SCHEMA_VERSION, ArticleInfo, Rejected, StoryBrief
from rashomon.store.briefs import newest_date, write_infos, write_story
from rashomon.store.schema import BUMP_REVISION, DERIVED_TABLES

# Child tables first: their rows point at the story's.
_BY_STORY = (
    "DELETE FROM reused_sentences WHERE link_id IN (SELECT id FROM reuse_links WHERE story_id = ?)",
    "DELETE FROM reuse_links WHERE story_id = ?",
    "DELETE FROM figures WHERE group_id IN (SELECT id FROM claim_groups WHERE story_id = ?)",
    "DELETE FROM claim_groups WHERE story_id = ?",
    "DELETE FROM summary_sentences WHERE story_id = ?",
    "DELETE FROM story_articles WHERE story_id = ?",
    "DELETE FROM quotes WHERE story_id = ?",
    "DELETE FROM timeline WHERE story_id = ?",
    "DELETE FROM duplicates WHERE story_id = ?",
    "DELETE FROM entities WHERE story_id = ?",
    "DELETE FROM stories WHERE id = ?",
)


def delete_stories(conn: sqlite3.Connection, story_ids: Sequence[str]) -> None:
    for statement in _BY_STORY:
        conn.executemany(statement, [(sid,) for sid in story_ids])


def delete_all_stories(conn: sqlite3.Connection) -> None:
    """Every story's rows and every article's info (a replay writes them all again); the rejects
    and the brief's metadata stay."""
    for table in DERIVED_TABLES:
        if table not in ("rejected", "brief_meta"):
            conn.execute(f"DELETE FROM {table}")


def replace_stories(
    conn: sqlite3.Connection,
    stories: Sequence[StoryBrief],
    gone: Sequence[str],
    infos: Sequence[ArticleInfo],
    rejected: Sequence[Rejected],
) -> None:
    """Replace the rows of `stories` (and drop those of `gone`), upsert `infos`, add the rejects
    not listed yet, and bump the revision; when that is nothing, write nothing. The caller holds
    the write transaction."""
    known = set(conn.execute("SELECT path, reason FROM rejected").fetchall())
    fresh = [r for r in dict.fromkeys(rejected) if (r.path, r.reason) not in known]
    if not (stories or gone or infos or fresh):
        return
    delete_stories(conn, [*gone, *(s.id for s in stories)])
    published = {a.id: a.published for a in infos}
    for story in stories:
        write_story(conn, -len(story.articles), story, newest_date(story, published))
    conn.executemany("DELETE FROM article_info WHERE id = ?", [(a.id,) for a in infos])
    write_infos(conn, infos)
    start = int(conn.execute("SELECT COALESCE(MAX(pos), -1) + 1 FROM rejected").fetchone()[0])
    conn.executemany(
        "INSERT INTO rejected (pos, path, reason) VALUES (?, ?, ?)",
        [(start + n, r.path, r.reason) for n, r in enumerate(fresh)],
    )
    meta = {"generator": f"rashomon {__version__}", "created": datetime.now(UTC).replace(microsecond=0).isoformat()}
    conn.executemany("INSERT OR REPLACE INTO brief_meta (key, value) VALUES (?, ?)", meta.items())
    version = str(BRIEF_SCHEMA_VERSION)
    conn.execute("INSERT OR IGNORE INTO brief_meta (key, value) VALUES ('schema_version', ?)", (version,))
    conn.execute(BUMP_REVISION)
