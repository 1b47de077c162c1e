"""What the watcher remembers, in the store's own SQLite file: its `watch_*` tables.

- `watch_sources`: each feed, sitemap or OPML list read, with its ETag/Last-Modified (conditional
  GET) and, for OPML lists and sitemap indexes, which sources it listed (`parent`).
- `watch_urls`: each article URL ever seen and where it stands: `pending` (to fetch), `fetched`
  (its page is kept in `watch_pages`, not yet added), `added`, `rejected` (the store refused the
  page), `duplicate` (the same article as `same_as`), `failed` (with the last reason).
- `watch_failures`: every failure, with its URL, reason and time.

Order makes a restart safe: a source's new links are stored as `pending` in the same transaction
as its validators (a kill cannot leave a 304 hiding links never fetched); a page is kept before
it is added; a URL becomes `added` only after `add_to_store` committed its article. A kill
between those steps leaves a kept page, added again from the same bytes at the next start, which
the store recognises (its identity is a hash of the input), so nothing is lost or stored twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from rashomon.watch.feeds import Link
from rashomon.watch.fetch import Validators

TABLES = (
    """CREATE TABLE IF NOT EXISTS watch_sources (
        url TEXT PRIMARY KEY,
        parent TEXT,
        kind TEXT,
        etag TEXT,
        last_modified TEXT,
        checked TEXT,
        problem TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS watch_urls (
        url TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        title TEXT,
        published TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        final_url TEXT,
        canonical TEXT,
        body_hash TEXT,
        same_as TEXT,
        seen TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS watch_urls_status ON watch_urls (status, seen)",
    "CREATE INDEX IF NOT EXISTS watch_urls_hash ON watch_urls (body_hash)",
    "CREATE INDEX IF NOT EXISTS watch_urls_canonical ON watch_urls (canonical)",
    "CREATE TABLE IF NOT EXISTS watch_pages (url TEXT PRIMARY KEY, record TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS watch_failures (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
)
# A page stands for the same article as an earlier one when its bytes or its address are the same.
_SAME_ARTICLE = (
    "SELECT url FROM watch_urls WHERE status IN ('fetched', 'added') AND url != ?"
    " AND (body_hash = ? OR canonical = ? OR final_url = ?) ORDER BY seen, url LIMIT 1"
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class WatchState:
    """The watcher's tables in the store file at `path` (its own connection, autocommit)."""

    def __init__(self, path: str, attempts: int = 3) -> None:
        self.attempts = attempts
        self._conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA busy_timeout = 30000")
        self._conn.execute("PRAGMA journal_mode = WAL")
        with self._write():
            for statement in TABLES:
                self._conn.execute(statement)

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    # ---- sources ----
    def validators(self, url: str) -> Validators:
        row = self._conn.execute("SELECT etag, last_modified FROM watch_sources WHERE url = ?", (url,)).fetchone()
        return Validators(*row) if row else Validators()

    def children(self, url: str) -> list[str]:
        """The sources an OPML list or sitemap index listed when it was last read."""
        rows = self._conn.execute("SELECT url FROM watch_sources WHERE parent = ? ORDER BY url", (url,))
        return [str(u) for (u,) in rows]

    def source_read(
        self, url: str, kind: str, validators: Validators, links: Iterable[Link], children: Iterable[str]
    ) -> int:
        """Record a source as read: its new links (pending), its children, its validators, at once.
        Returns how many links were new."""
        stamp = now()
        with self._write() as conn:
            new = 0
            for link in links:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO watch_urls (url, source, title, published, status, seen, updated)"
                    " VALUES (?, ?, ?, ?, 'pending', ?, ?)",
                    (link.url, url, link.title, link.published, stamp, stamp),
                )
                new += cursor.rowcount
            conn.execute("UPDATE watch_sources SET parent = NULL WHERE parent = ?", (url,))
            for child in children:
                conn.execute(
                    "INSERT INTO watch_sources (url, parent) VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET parent = ?",
                    (child, url, url),
                )
            self._source_row(conn, url, kind, validators, None, stamp)
        return new

    def source_unchanged(self, url: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE watch_sources SET checked = ?, problem = NULL WHERE url = ?", (now(), url))

    def source_failed(self, url: str, reason: str) -> None:
        stamp = now()
        with self._write() as conn:
            conn.execute("INSERT INTO watch_failures (url, reason, at) VALUES (?, ?, ?)", (url, reason, stamp))
            conn.execute(
                "INSERT INTO watch_sources (url, checked, problem) VALUES (?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET checked = ?, problem = ?",
                (url, stamp, reason, stamp, reason),
            )

    @staticmethod
    def _source_row(
        conn: sqlite3.Connection, url: str, kind: str, validators: Validators, problem: str | None, stamp: str
    ) -> None:
        conn.execute(
            "INSERT INTO watch_sources (url, kind, etag, last_modified, checked, problem) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET kind = ?, etag = ?, last_modified = ?, checked = ?, problem = ?",
            (url, kind, validators.etag, validators.last_modified, stamp, problem)
            + (kind, validators.etag, validators.last_modified, stamp, problem),
        )

    # ---- article URLs ----
    def due(self, limit: int) -> list[Link]:
        """Pending URLs, oldest first."""
        rows = self._conn.execute(
            "SELECT url, title, published FROM watch_urls WHERE status = 'pending' ORDER BY seen, url LIMIT ?", (limit,)
        )
        return [Link(*row) for row in rows]

    def fetched(
        self, url: str, final_url: str, body_hash: str, canonical: str | None, record: dict[str, Any]
    ) -> str | None:
        """Keep a fetched page for adding, unless it is an article already fetched under another
        URL: then the URL is marked a duplicate and that URL is returned."""
        stamp = now()
        with self._write() as conn:
            row = conn.execute(_SAME_ARTICLE, (url, body_hash, canonical or final_url, final_url)).fetchone()
            status, same_as = ("duplicate", str(row[0])) if row else ("fetched", None)
            conn.execute(
                "UPDATE watch_urls SET status = ?, final_url = ?, canonical = ?, body_hash = ?, same_as = ?,"
                " reason = NULL, updated = ? WHERE url = ?",
                (status, final_url, canonical or final_url, body_hash, same_as, stamp, url),
            )
            if same_as is None:
                conn.execute(
                    "INSERT OR REPLACE INTO watch_pages (url, record) VALUES (?, ?)",
                    (url, json.dumps(record, ensure_ascii=False)),
                )
        return same_as

    def failed(self, url: str, reason: str, transient: bool) -> bool:
        """Record a failed fetch; True when the URL will be tried again at a later poll."""
        stamp = now()
        with self._write() as conn:
            conn.execute("INSERT INTO watch_failures (url, reason, at) VALUES (?, ?, ?)", (url, reason, stamp))
            conn.execute(
                "UPDATE watch_urls SET attempts = attempts + 1, reason = ?, updated = ?,"
                " status = CASE WHEN ? AND attempts + 1 < ? THEN 'pending' ELSE 'failed' END WHERE url = ?",
                (reason, stamp, transient, self.attempts, url),
            )
            row = conn.execute("SELECT status FROM watch_urls WHERE url = ?", (url,)).fetchone()
        return bool(row and row[0] == "pending")

    def kept_pages(self) -> Iterator[tuple[str, str]]:
        """(url, JSON Lines record) of pages fetched and not yet added, oldest first, one at a time."""
        rows = self._conn.execute(
            "SELECT p.url, p.record FROM watch_pages p JOIN watch_urls u ON u.url = p.url ORDER BY u.seen, u.url"
        )
        return ((str(u), str(r)) for u, r in rows)

    def added(self, urls: Iterable[str]) -> None:
        self._settle(urls, "added", None)

    def rejected(self, url: str, reason: str) -> None:
        self._settle([url], "rejected", reason)

    def _settle(self, urls: Iterable[str], status: str, reason: str | None) -> None:
        stamp = now()
        with self._write() as conn:
            for url in urls:
                conn.execute(
                    "UPDATE watch_urls SET status = ?, reason = ?, updated = ? WHERE url = ?",
                    (status, reason, stamp, url),
                )
                conn.execute("DELETE FROM watch_pages WHERE url = ?", (url,))
                if reason is not None:
                    conn.execute("INSERT INTO watch_failures (url, reason, at) VALUES (?, ?, ?)", (url, reason, stamp))

    # ---- reading back ----
    def statuses(self) -> dict[str, int]:
        rows = self._conn.execute("SELECT status, count(*) FROM watch_urls GROUP BY status")
        return {str(s): int(n) for s, n in rows}

    def failures(self) -> list[tuple[str, str]]:
        """Every failure recorded, (url, reason), oldest first."""
        return [(str(u), str(r)) for u, r in self._conn.execute("SELECT url, reason FROM watch_failures ORDER BY id")]

    def url_status(self, url: str) -> tuple[str, str | None] | None:
        row = self._conn.execute("SELECT status, coalesce(same_as, reason) FROM watch_urls WHERE url = ?", (url,))
        found = row.fetchone()
        return (str(found[0]), found[1]) if found else None
