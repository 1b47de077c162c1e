"""Writing and reading the articles table: the store's only growing input.

Idempotency rests on an identity hash: the same input offered twice is the same article, whatever
id or path it came with, and whatever else its batch held (the hash is taken from the raw input,
before learned repeated lines are removed; see `clean/learned.py`). Each article is committed in
its own transaction, so a process killed mid-run keeps every article it finished and none
half-written; a re-run skips them by hash.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from rashomon.clean.learned import LineEvidence, Origin
from rashomon.records import Article, Sentence
from rashomon.store.schema import BUMP_REVISION

ARTICLE_COLUMNS = (
    "id, path, url, title, published, date_source, source, language, author, dateline, dropped, format, text, cut,"
    " drop_reasons, title_source, date_flag, published_time"
)


def format_utc(moment: datetime) -> str:
    """The one spelling of a time in the store (`articles.added_at`): UTC, microseconds, "Z".

    Fixed width, so string order is time order and SQL can compare stamps as text.
    """
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_now() -> str:
    """Now, as stored in `added_at` (tests replace this to add batches at chosen times)."""
    return format_utc(datetime.now(UTC))


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


def insert_article(
    conn: sqlite3.Connection, article: Article, origin: Origin | None = None, added_at: str | None = None
) -> str:
    """Add one article atomically: "added", "known" (already stored) or "updated".

    An article is known by its `origin` (a hash of its raw input, see `clean/learned.py`) when the
    runner gives one, else by its cleaned content; a row written before origins existed is still
    found by its cleaned content and takes the origin. A known article whose cleaning changed
    (its batch learned more repeated lines) is updated in place, under its stored id, so the store
    ends as one batch of everything would. The caller's connection must be in autocommit mode:
    this opens and commits its own `BEGIN IMMEDIATE` transaction, so the check and the write
    cannot interleave with another writer's. `added_at` (default: now) is recorded only when the
    article is first stored; a batch passes one stamp for all its articles, so the web can tell
    which articles a story gained in one update.
    """
    digest = content_hash(article)
    identity = origin.identity if origin is not None else digest
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute(
            "SELECT id, content_hash FROM articles WHERE content_hash IN (?, ?)", (identity, digest)
        ).fetchone()
        if row is None:
            _insert(conn, article, identity, added_at or utc_now())
            outcome = "added"
        else:
            if row[0] != article.id:
                conn.execute(
                    "INSERT OR IGNORE INTO article_aliases (alias, article_id) VALUES (?, ?)", (article.id, row[0])
                )
            outcome = "known" if origin is None else _refresh(conn, str(row[0]), str(row[1]), article, identity)
        if origin is not None and (row is None or row[1] != identity):
            _count_lines(conn, origin.lines)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return outcome


def _insert(conn: sqlite3.Connection, article: Article, identity: str, added_at: str) -> None:
    article_id = _free_id(conn, article.id, identity)
    cursor = conn.execute(
        f"INSERT INTO articles (added_at, content_hash, {ARTICLE_COLUMNS}) VALUES ({', '.join(['?'] * 20)})",
        (
            added_at,
            identity,
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
            json.dumps(list(article.cut), ensure_ascii=False),
            *_notes(article),
        ),
    )
    _index(conn, int(cursor.lastrowid or 0), article_id, article)
    conn.execute(BUMP_REVISION)


def _index(conn: sqlite3.Connection, seq: int, article_id: str, article: Article) -> None:
    """The article's sentences and its full-text entry."""
    conn.executemany(
        "INSERT INTO sentences (article_id, idx, paragraph, text) VALUES (?, ?, ?, ?)",
        [(article_id, s.index, s.paragraph, s.text) for s in article.sentences],
    )
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (seq, article.title or "", article.text)
    )


def _notes(article: Article) -> tuple[str, str, str | None, str | None]:
    """The columns of `_CLEANING_NOTES` (schema.py): why lines went, the title's source, date notes."""
    reasons = json.dumps(list(article.drop_reasons), ensure_ascii=False)
    return reasons, article.title_source, article.date_flag, article.published_time


# What cleaning decides; the identity (source, url) and where the input was first read stay.
_CLEANED = ("title", "published", "date_source", "language", "author", "dateline", "dropped", "cut",
            "drop_reasons", "title_source", "date_flag", "published_time", "text")  # fmt: skip


def _refresh(conn: sqlite3.Connection, article_id: str, stored_hash: str, article: Article, identity: str) -> str:
    """Update a known article whose cleaning changed; "updated" or "known"."""
    if stored_hash != identity:
        conn.execute("UPDATE articles SET content_hash = ? WHERE id = ?", (identity, article_id))
    columns = ", ".join(_CLEANED)
    seq, *stored = conn.execute(f"SELECT seq, {columns} FROM articles WHERE id = ?", (article_id,)).fetchone()
    dropped = json.dumps(list(article.dropped), ensure_ascii=False)
    cut = json.dumps(list(article.cut), ensure_ascii=False)
    fresh = [article.title, article.published, article.date_source, article.language, article.author,
             article.dateline, dropped, cut, *_notes(article), article.text]  # fmt: skip
    if list(stored) == fresh:
        return "known"
    conn.execute(
        "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
        (seq, stored[0] or "", stored[-1]),
    )
    conn.execute(f"UPDATE articles SET {', '.join(f'{c} = ?' for c in _CLEANED)} WHERE id = ?", (*fresh, article_id))
    conn.execute("DELETE FROM sentences WHERE article_id = ?", (article_id,))
    _index(conn, int(seq), article_id, article)
    conn.execute(BUMP_REVISION)
    return "updated"


def _count_lines(conn: sqlite3.Connection, keys: Iterable[str]) -> None:
    conn.executemany(
        "INSERT INTO learned_lines (key, articles) VALUES (?, 1)"
        " ON CONFLICT (key) DO UPDATE SET articles = articles + 1",
        [(key,) for key in keys],
    )


def line_evidence(conn: sqlite3.Connection, origins: Sequence[Origin] | None = None) -> LineEvidence:
    """The learned-line counts and the identities of the stored articles (see `clean/learned.py`);
    given the `origins` of a batch, only what cleaning that batch can use: the counts of its lines
    and which of its identities are stored (a store's whole evidence grows with every article)."""
    counts: dict[str, int] = {}
    stored: set[str] = set()
    if origins is None:
        counts.update((str(key), int(n)) for key, n in conn.execute("SELECT key, articles FROM learned_lines"))
        stored.update(str(h) for (h,) in conn.execute("SELECT content_hash FROM articles"))
        return LineEvidence(counts, frozenset(stored))
    keys = sorted({key for origin in origins for key in origin.lines})
    wanted = sorted({origin.identity for origin in origins})
    for start in range(0, max(len(keys), len(wanted)), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT key, articles FROM learned_lines WHERE key IN ({marks})"
        counts.update((str(key), int(n)) for key, n in conn.execute(query, chunk))
        chunk = wanted[start : start + 500]
        query = f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(chunk))})"
        stored.update(str(h) for (h,) in conn.execute(query, chunk))
    return LineEvidence(counts, frozenset(stored))


def article_from_row(row: sqlite3.Row | tuple[object, ...], sentences: Iterable[Sentence]) -> Article:
    """Rebuild an `Article` from a row selected with ARTICLE_COLUMNS (in that order)."""
    values = tuple(row)
    aid, path, url, title, published, date_source, source, language, author, dateline = values[:10]
    dropped, fmt, text, cut, reasons, title_source, date_flag, published_time = values[10:]
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
        cut=tuple(json.loads(str(cut))),
        drop_reasons=tuple(json.loads(str(reasons))),
        title_source=str(title_source),
        date_flag=_opt(date_flag),
        published_time=_opt(published_time),
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


def articles_by_ids(conn: sqlite3.Connection, article_ids: Sequence[str]) -> list[Article]:
    """The stored articles with these ids (unknown ids are skipped), in the order asked."""
    found: dict[str, Article] = {}
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        sentences: dict[str, list[Sentence]] = {}
        query = f"SELECT article_id, idx, paragraph, text FROM sentences WHERE article_id IN ({marks}) ORDER BY idx"
        for aid, idx, paragraph, text in conn.execute(query, chunk):
            sentences.setdefault(str(aid), []).append(Sentence(str(aid), int(idx), str(text), int(paragraph)))
        for row in conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
            found[str(row[0])] = article_from_row(row, sentences.get(str(row[0]), ()))
    return [found[a] for a in article_ids if a in found]


def ids_after(conn: sqlite3.Connection, seq: int) -> list[tuple[int, str]]:
    """(seq, id) of the articles stored after `seq`, in storing order."""
    rows = conn.execute("SELECT seq, id FROM articles WHERE seq > ? ORDER BY seq", (seq,))
    return [(int(s), str(a)) for s, a in rows]
