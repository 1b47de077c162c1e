"""`Store`: the SQLite file that keeps articles and the latest brief between runs.

One `Store` may be shared by the threads of a web server: each thread gets its own connection
(sqlite3 connections must not be shared across threads), all in autocommit mode so that every
write runs in an explicit transaction of its own. WAL mode lets readers go on while a writer
commits.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rashomon.records import Article, ArticleInfo, Brief, Rejected, Sentence, StoryBrief
from rashomon.store import articles as article_table
from rashomon.store import briefs, queries
from rashomon.store.schema import migrate, schema_version
from rashomon.store.views import ArticleView, SearchResult, StoryPage

# How long a writer waits for another writer's lock before giving up; a whole brief is saved in
# well under a second, so 30 s only ever runs out when something is truly stuck.
BUSY_TIMEOUT_MS = 30_000


@dataclass(slots=True, frozen=True)
class Contents:
    """What a re-brief reads, from one snapshot: the articles, the revision they were read at
    (for `save_brief`'s check) and the rejects listed by the stored brief."""

    revision: int
    articles: list[Article]
    rejected: tuple[Rejected, ...]


class Store:
    """Articles (append-only, deduplicated by content) and the derived brief of one corpus."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._local = threading.local()

    @classmethod
    def open(cls, path: str, read_only: bool = False) -> Store:
        """Open (creating and migrating as needed) the store at `path`.

        `read_only` connections are opened with SQLite's `mode=ro`, so even a bug in a reader
        (the web server without --allow-add) cannot write: SQLite refuses. The schema is still
        brought up to date first, through one short-lived writable connection. ":memory:" gives
        each thread its own empty database; it is for single-threaded tests.
        """
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        writer = cls(path)
        migrate(writer._conn())
        if not read_only:
            return writer
        writer.close()
        return cls(path, read_only=True)

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            target, uri = self.path, False
            if self.read_only:
                target, uri = Path(self.path).resolve().as_uri() + "?mode=ro", True
            conn = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, uri=uri)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self.read_only:
                conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode survives a killed process (only power loss can drop the last commits).
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every SELECT inside sees the same committed state.

        Without it, a reader running several queries (a story's claims, then its quotes...) while
        `save_brief` commits could mix the old brief with the new one; in WAL mode a read
        transaction pins one snapshot and never blocks the writer. Nested uses join the outer
        one, so a page can read through several methods and still see one state of the store.
        """
        conn = self._conn()
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close this thread's connection (other threads' close when they end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def check_writable(self) -> None:
        """Raise `sqlite3.Error` unless this store can be written (a no-op write, rolled back)."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("UPDATE revision SET n = n WHERE id = 1")
        finally:
            conn.execute("ROLLBACK")

    def revision(self) -> int:
        """A number that changes whenever anything is written (articles or brief)."""
        return int(self._conn().execute("SELECT n FROM revision WHERE id = 1").fetchone()[0])

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
        with self.snapshot() as conn:
            return article_table.all_articles(conn)

    def contents(self) -> Contents:
        """Articles, revision and stored rejects as of one moment (see `save_brief`)."""
        with self.snapshot() as conn:
            revision = int(conn.execute("SELECT n FROM revision WHERE id = 1").fetchone()[0])
            return Contents(revision, article_table.all_articles(conn), briefs.read_rejected(conn))

    def count_articles(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ---- the derived brief ----
    def save_brief(self, brief: Brief, expected_revision: int | None = None) -> None:
        """Replace the stored brief (all derived tables) in one transaction.

        Given `expected_revision` (`Contents.revision` of the articles briefed), raises
        `StaleBrief` and writes nothing when another writer changed the store since.
        """
        briefs.write_brief(self._conn(), brief, expected_revision)

    def load_brief(self) -> Brief | None:
        with self.snapshot() as conn:
            return briefs.read_brief(conn)

    # ---- reads for the web ----
    def stories(self, page: int = 1, per_page: int = 20) -> StoryPage:
        """One page of the story list, newest first (pages count from 1)."""
        if page < 1 or per_page < 1:
            raise ValueError(f"page and per_page must be >= 1, got {page} and {per_page}")
        with self.snapshot() as conn:
            return queries.story_page(conn, page, per_page)

    def story(self, story_id: str) -> StoryBrief | None:
        with self.snapshot() as conn:
            return briefs.read_story(conn, story_id)

    def article(self, article_id: str) -> ArticleView | None:
        with self.snapshot() as conn:
            return queries.article_view(conn, article_id)

    def search(self, text: str, limit: int = 50) -> SearchResult:
        with self.snapshot() as conn:
            return queries.search(conn, text, limit)

    def source_of(self, article_id: str) -> str | None:
        return queries.source_of(self._conn(), article_id)

    def sentences(self, article_id: str) -> tuple[Sentence, ...]:
        """The sentences of one article (following an alias), empty when unknown."""
        with self.snapshot() as conn:
            resolved = article_table.resolve_id(conn, article_id)
            return () if resolved is None else article_table.load_sentences(conn, resolved)

    def article_infos(self, article_ids: Sequence[str]) -> dict[str, ArticleInfo]:
        """The brief's line for each of `article_ids` that has one."""
        with self.snapshot() as conn:
            found = [briefs.read_article_info(conn, aid) for aid in dict.fromkeys(article_ids)]
        return {info.id: info for info in found if info is not None}
