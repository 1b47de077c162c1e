"""Writing and reading the articles table: the store's only growing input.

Idempotency rests on a content hash: the same content offered twice is the same article, whatever
id or path it came with. Each article is committed in its own transaction, so a process killed
mid-run keeps every article it finished and none half-written; a re-run skips them by hash.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable

from rashomon.records import Article, Sentence
from rashomon.store.schema import BUMP_REVISION

ARTICLE_COLUMNS = (
    "id, path, url, title, published, date_source, source, language, author, dateline, dropped, format, text"
)


def content_hash(article: Article) -> str:
    """What makes two articles "the same": outlet, address, headline, date and body.

    The id and input path are left out on purpose: the same file read from another directory,
    or re-numbered by a later run, is still the same article. Two outlets running identical text
    stay two articles (they differ in source/url), because that is what mirror detection is for.
    """
    identity = [article.source, article.url, article.title, article.published, article.text]
    return hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode("utf-8")).hexdigest()


def _free_id(conn: sqlite3.Connection, wanted: str, digest: str) -> str:
    """An id not yet taken: `wanted`, or `wanted~<hash prefix>` when another article holds it."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (wanted,)).fetchone() is None:
        return wanted
    return f"{wanted}~{digest[:12]}"


def insert_article(conn: sqlite3.Connection, article: Article) -> bool:
    """Add one article atomically; returns False when its content is already stored.

    The caller's connection must be in autocommit mode: this opens and commits its own
    `BEGIN IMMEDIATE` transaction, so the hash check and the insert cannot interleave with another
    writer's.
    """
    digest = content_hash(article)
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        if row is not None:
            if row[0] != article.id:
                conn.execute(
                    "INSERT OR IGNORE INTO article_aliases (alias, article_id) VALUES (?, ?)",
                    (article.id, row[0]),
                )
            conn.execute("COMMIT")
            return False
        article_id = _free_id(conn, article.id, digest)
        cursor = conn.execute(
            f"INSERT INTO articles (content_hash, {ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                digest,
                article_id,
                article.path,
                article.url,
                article.title,
                article.published,
                article.date_source,
                article.source,
                article.language,
                article.author,
                article.dateline,
                json.dumps(list(article.dropped), ensure_ascii=False),
                article.format,
                article.text,
            ),
        )
        conn.executemany(
            "INSERT INTO sentences (article_id, idx, paragraph, text) VALUES (?, ?, ?, ?)",
            [(article_id, s.index, s.paragraph, s.text) for s in article.sentences],
        )
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (cursor.lastrowid, article.title or "", article.text),
        )
        conn.execute(BUMP_REVISION)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def article_from_row(row: sqlite3.Row | tuple[object, ...], sentences: Iterable[Sentence]) -> Article:
    """Rebuild an `Article` from a row selected with ARTICLE_COLUMNS (in that order)."""
    aid, path, url, title, published, date_source, source, language, author, dateline, dropped, fmt, text = tuple(row)
    return Article(
        id=str(aid),
        path=str(path),
        text=str(text),
        sentences=tuple(sentences),
        url=_opt(url),
        title=_opt(title),
        published=_opt(published),
        date_source=str(date_source),
        source=_opt(source),
        language=str(language),
        author=_opt(author),
        dateline=_opt(dateline),
        dropped=tuple(json.loads(str(dropped))),
        format=str(fmt),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def load_sentences(conn: sqlite3.Connection, article_id: str) -> tuple[Sentence, ...]:
    rows = conn.execute("SELECT idx, paragraph, text FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,))
    return tuple(Sentence(article_id, int(i), str(t), int(p)) for i, p, t in rows)


def all_articles(conn: sqlite3.Connection) -> list[Article]:
    """Every article, sorted by (published, id) with undated ones first, as SQLite orders NULLs."""
    by_article: dict[str, list[Sentence]] = {}
    for aid, idx, paragraph, text in conn.execute(
        "SELECT article_id, idx, paragraph, text FROM sentences ORDER BY article_id, idx"
    ):
        by_article.setdefault(aid, []).append(Sentence(aid, int(idx), str(text), int(paragraph)))
    rows = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY published, id").fetchall()
    return [article_from_row(row, by_article.get(str(row[0]), ())) for row in rows]


def resolve_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The stored id for `article_id`, following an alias; None when unknown."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None:
        return article_id
    row = conn.execute("SELECT article_id FROM article_aliases WHERE alias = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def get_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    resolved = resolve_id(conn, article_id)
    if resolved is None:
        return None
    row = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (resolved,)).fetchone()
    return article_from_row(row, load_sentences(conn, resolved))
