"""`Store`: the SQLite file that keeps articles and the latest brief between runs.

One `Store` may be shared by the threads of a web server: each thread gets its own connection
(sqlite3 connections must not be shared across threads), all in autocommit mode so that every
write runs in an explicit transaction of its own. WAL mode lets readers go on while a writer
commits.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from rashomon.records import Article, ArticleInfo, Brief, Sentence, StoryBrief
from rashomon.store import articles as article_table
from rashomon.store import briefs, queries
from rashomon.store.schema import migrate, schema_version
from rashomon.store.views import ArticleView, SearchResult, StoryPage

# How long a writer waits for another writer's lock before giving up; a whole brief is saved in
# well under a second, so 30 s only ever runs out when something is truly stuck.
BUSY_TIMEOUT_MS = 30_000


class Store:
    """Articles (append-only, deduplicated by content) and the derived brief of one corpus."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()

    @classmethod
    def open(cls, path: str) -> Store:
        """Open (creating and migrating as needed) the store at `path`."""
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        store = cls(path)
        migrate(store._conn())
        return store

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode survives a killed process (only power loss can drop the last commits).
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close this thread's connection (other threads' close when they end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn())

    # ---- articles ----
    def add_articles(self, articles: Sequence[Article]) -> int:
        """Add articles not stored yet; returns how many were new. Each commits on its own."""
        conn = self._conn()
        return sum(1 for article in articles if article_table.insert_article(conn, article))

    def articles(self) -> list[Article]:
        """Every stored article, sorted by (published, id)."""
        return article_table.all_articles(self._conn())

    def count_articles(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ---- the derived brief ----
    def save_brief(self, brief: Brief) -> None:
        """Replace the stored brief (all derived tables) in one transaction."""
        briefs.write_brief(self._conn(), brief)

    def load_brief(self) -> Brief | None:
        return briefs.read_brief(self._conn())

    # ---- reads for the web ----
    def stories(self, page: int = 1, per_page: int = 20) -> StoryPage:
        return queries.story_page(self._conn(), page, per_page)

    def story(self, story_id: str) -> StoryBrief | None:
        return briefs.read_story(self._conn(), story_id)

    def article(self, article_id: str) -> ArticleView | None:
        return queries.article_view(self._conn(), article_id)

    def search(self, text: str, limit: int = 50) -> SearchResult:
        return queries.search(self._conn(), text, limit)

    def source_of(self, article_id: str) -> str | None:
        return queries.source_of(self._conn(), article_id)

    def sentences(self, article_id: str) -> tuple[Sentence, ...]:
        """The sentences of one article (following an alias), empty when unknown."""
        conn = self._conn()
        resolved = article_table.resolve_id(conn, article_id)
        return () if resolved is None else article_table.load_sentences(conn, resolved)

    def article_infos(self, article_ids: Sequence[str]) -> dict[str, ArticleInfo]:
        """The brief's line for each of `article_ids` that has one."""
        conn = self._conn()
        found = (briefs.read_article_info(conn, aid) for aid in dict.fromkeys(article_ids))
        return {info.id: info for info in found if info is not None}
