"""Each stored article's reading (`annotate`), kept so that an update re-briefs a touched story
from its older articles' stored readings instead of reading them again.

A reading is keyed by the article's content and the settings that shape it (quotes, limits): an
article cleaned anew, or another configuration, misses and is read again.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping, Sequence

from rashomon.annotate import AnnotatedArticle
from rashomon.annotate.codec import decode, encode
from rashomon.config import Config
from rashomon.records import Article


def reading_key(article: Article, config: Config) -> str:
    parts = [article.id, article.title or "", article.published or "", article.text]
    parts += [repr(config.brief.quotes), repr(config.limits)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def load(conn: sqlite3.Connection, articles: Sequence[Article], config: Config) -> dict[str, AnnotatedArticle]:
    """The stored readings of `articles`, by article id (those not stored are left out)."""
    keys = {reading_key(a, config): a for a in articles}
    found: dict[str, AnnotatedArticle] = {}
    listed = list(keys)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        query = f"SELECT key, data FROM annotations WHERE key IN ({','.join('?' * len(chunk))})"
        for key, data in conn.execute(query, chunk):
            article = keys[str(key)]
            found[article.id] = decode(str(data), article)
    return found


def save(conn: sqlite3.Connection, readings: Mapping[str, AnnotatedArticle], config: Config) -> None:
    rows = [(reading_key(r.article, config), encode(r)) for r in readings.values()]
    conn.executemany("INSERT OR REPLACE INTO annotations (key, data) VALUES (?, ?)", rows)
