"""`Store`: the SQLite file that keeps articles and the latest brief between runs.

One `Store` may be shared by the threads of a web server: each thread gets its own connection
(sqlite3 connections must not be shared across threads), all in autocommit mode so that every
write runs in an explicit transaction of its own. WAL mode lets readers go on while a writer
commits.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rashomon.clean.learned import LineEvidence, Origin
from rashomon.records import Article, ArticleInfo, Brief, Rejected, Sentence, StoryBrief
from rashomon.store import articles as article_table
from rashomon.store import briefs, queries
from rashomon.store.schema import MIGRATIONS, SchemaTooNew, migrate, schema_version
from rashomon.store.views import ArticleView, Facets, SearchResult, StoryFilter, StoryPage, StoryUpdates

# How long a writer waits for another writer's lock before giving up; a whole brief is saved in
# well under a second, so 30 s only ever runs out when something is truly stuck.
BUSY_TIMEOUT_MS = 30_000


class StoreUnusable(OSError):
    """The store cannot be opened or written; the message is one line for the person running it."""


def store_problem(path: str, error: BaseException) -> str:
    """One line saying why the store at `path` cannot be used (the CLI exits 4 with it)."""
    text = str(error)
    if path != ":memory:" and Path(path).is_dir():
        return f"store {path} is a directory: give the path of a store file"
    if isinstance(error, SchemaTooNew):
        return f"store {path}: {text}"
    if "not a database" in text or "malformed" in text:
        return f"store {path} is not a Rashomon store (not an SQLite database, or a damaged one)"
    if "readonly" in text or "unable to open" in text or isinstance(error, PermissionError):
        return f"store {path} cannot be written: the file or its directory is read-only ({text})"
    return f"store {path} cannot be used: {text}"


@dataclass(slots=True, frozen=True)
class Stored:
    """What adding a batch changed: articles new to the store, and known ones cleaned anew."""

    added: int
    updated: int
    updated_ids: tuple[str, ...] = ()  # the stored ids of the updated ones (their stories change)


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
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            if read_only:
                return cls._open_read_only(path)
            writer = cls(path)
            migrate(writer._conn())
            return writer
        except StoreUnusable:
            raise
        except (sqlite3.Error, OSError, SchemaTooNew) as error:
            raise StoreUnusable(store_problem(path, error)) from error

    @classmethod
    def _open_read_only(cls, path: str) -> Store:
        """A reader; the schema is migrated first when the file can be written (else it must be current).

        A store in a read-only directory can still be read: SQLite then cannot create the WAL's
        `-shm` file, and the reader falls back to `immutable=1` (nothing can write there anyway).
        """
        writer = cls(path)
        try:
            migrate(writer._conn())
        except sqlite3.OperationalError:
            pass  # cannot be written: read it as it is, if its schema is current (checked below)
        finally:
            writer.close()
        reader = cls(path, read_only=True)
        version = reader.schema_version
        if version > len(MIGRATIONS):
            raise SchemaTooNew(f"store has schema version {version}; this Rashomon knows up to {len(MIGRATIONS)}")
        if version < len(MIGRATIONS):
            raise StoreUnusable(f"store {path} needs an upgrade (schema {version}) but cannot be written")
        return reader

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not self.read_only:
                conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode survives a killed process (only power loss can drop the last commits).
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
        return conn

    def _connect(self) -> sqlite3.Connection:
        timeout = BUSY_TIMEOUT_MS / 1000
        if not self.read_only:
            return sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
        uri = Path(self.path).resolve().as_uri()
        conn = sqlite3.connect(uri + "?mode=ro", isolation_level=None, timeout=timeout, uri=True)
        try:
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        except sqlite3.OperationalError:  # a WAL store in a read-only directory: no -shm can be made
            conn.close()
            conn = sqlite3.connect(uri + "?immutable=1", isolation_level=None, timeout=timeout, uri=True)
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

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (`BEGIN IMMEDIATE`): other writers wait for it, readers keep their
        snapshot, and everything inside commits together or, on any error, not at all."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
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
    def add_articles(self, articles: Sequence[Article], origins: Mapping[str, Origin] | None = None) -> int:
        """Add articles not stored yet; returns how many were new. Each commits on its own."""
        return self.store_articles(articles, origins).added

    def store_articles(self, articles: Sequence[Article], origins: Mapping[str, Origin] | None = None) -> Stored:
        """Add new articles and update known ones whose cleaning changed (`origins`, by article
        id, say which input each came from; see `articles.insert_article`)."""
        conn = self._conn()
        known = origins or {}
        added_at = article_table.utc_now()  # one stamp per batch: the story list's "update"
        outcomes: Counter[str] = Counter()
        updated: list[str] = []
        for article in articles:
            outcome = article_table.insert_article(conn, article, known.get(article.id), added_at)
            outcomes[outcome] += 1
            if outcome == "updated":
                updated.append(article_table.resolve_id(conn, article.id) or article.id)
        return Stored(outcomes["added"], outcomes["updated"], tuple(updated))

    def line_evidence(self, origins: Sequence[Origin] | None = None) -> LineEvidence:
        """What the stored articles teach about repeated lines (`clean/learned.py`): all of it, or
        what cleaning the batch of these `origins` can use."""
        with self.snapshot() as conn:
            return article_table.line_evidence(conn, origins)

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored encoder vectors of `keys` (`stories.encoder.VectorCache`)."""
        found: dict[str, np.ndarray] = {}
        with self.snapshot() as conn:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for key, blob in conn.execute(f"SELECT key, vector FROM lead_vectors WHERE key IN ({marks})", chunk):
                    found[str(key)] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_vectors(self, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep new encoder vectors (a read-only store keeps nothing)."""
        if self.read_only or not vectors:
            return
        rows = [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in vectors.items()]
        self._conn().executemany("INSERT OR IGNORE INTO lead_vectors (key, vector) VALUES (?, ?)", rows)

    def articles(self) -> list[Article]:
        """Every stored article, sorted by (published, id)."""
        with self.snapshot() as conn:
            return article_table.all_articles(conn)

    def contents(self) -> Contents:
        """Articles, revision and stored rejects as of one moment (see `save_brief`)."""
        with self.snapshot() as conn:
            revision = int(conn.execute("SELECT n FROM revision WHERE id = 1").fetchone()[0])
            return Contents(revision, article_table.all_articles(conn), briefs.read_rejected(conn))

    def count_stories(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    def count_articles(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # ---- the derived brief ----
    def save_brief(self, brief: Brief, expected_revision: int | None = None) -> None:
        """Replace the stored brief (all derived tables) in one transaction.

        Given `expected_revision` (`Contents.revision` of the articles briefed), raises
        `StaleBrief` and writes nothing when another writer changed the store since.
        """
        briefs.write_brief(self._conn(), brief, expected_revision)

    def brief_covers_all(self) -> bool:
        """Whether a brief is stored and lists as many articles as the store holds."""
        row = (
            self._conn()
            .execute(
                "SELECT EXISTS (SELECT 1 FROM brief_meta),"
                " (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM article_info)"
            )
            .fetchone()
        )
        return bool(row[0]) and row[1] == row[2]

    def stored_rejects(self) -> tuple[Rejected, ...]:
        """The rejects the stored brief lists."""
        with self.snapshot() as conn:
            return briefs.read_rejected(conn)

    def load_brief(self) -> Brief | None:
        with self.snapshot() as conn:
            return briefs.read_brief(conn)

    # ---- reads for the web ----
    def stories(self, page: int = 1, per_page: int = 20, story_filter: StoryFilter | None = None) -> StoryPage:
        """One page of the story list, last updated first (pages count from 1)."""
        if page < 1 or per_page < 1:
            raise ValueError(f"page and per_page must be >= 1, got {page} and {per_page}")
        with self.snapshot() as conn:
            return queries.story_page(conn, page, per_page, story_filter or StoryFilter())

    def story_updates(self, story_id: str, since: str | None = None) -> StoryUpdates:
        """When each of a story's articles came (`since` a stamp from `queries.since_stamp`)."""
        with self.snapshot() as conn:
            return queries.story_updates(conn, story_id, since)

    def facets(self) -> Facets:
        """The choices of the story list's filters."""
        with self.snapshot() as conn:
            return queries.facets(conn)

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
