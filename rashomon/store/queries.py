"""The read queries behind the pages: story list, article with its copied sentences, search."""

from __future__ import annotations

import re
import sqlite3

from rashomon.store.articles import get_article
from rashomon.store.briefs import read_article_info, read_links
from rashomon.store.views import (
    ArticleView,
    CopiedSentence,
    SearchHit,
    SearchResult,
    SnippetPart,
    StoryPage,
    StoryRow,
)

# Control characters as snippet markers: they survive FTS5 untouched and never appear in the
# cleaned text we index, so splitting on them cannot be confused by article content.
_OPEN, _CLOSE = "\x02", "\x03"
MAX_QUERY_TERMS = 16


def story_page(conn: sqlite3.Connection, page: int, per_page: int) -> StoryPage:
    """Stories newest first (undated last), ties broken by id so paging is stable."""
    total = int(conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])
    rows = conn.execute(
        "SELECT id, title, newest, short_text FROM stories ORDER BY newest DESC NULLS LAST, id LIMIT ? OFFSET ?",
        (per_page, (page - 1) * per_page),
    ).fetchall()
    items = tuple(_story_row(conn, sid, title, newest, short) for sid, title, newest, short in rows)
    return StoryPage(items=items, page=page, per_page=per_page, total=total)


def _story_row(conn: sqlite3.Connection, sid: str, title: str, newest: str | None, short: str) -> StoryRow:
    outlets = conn.execute(
        "SELECT DISTINCT COALESCE(i.source, a.source) FROM story_articles s "
        "LEFT JOIN article_info i ON i.id = s.article_id LEFT JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY s.pos",
        (sid,),
    ).fetchall()
    count = int(conn.execute("SELECT COUNT(*) FROM story_articles WHERE story_id = ?", (sid,)).fetchone()[0])
    return StoryRow(
        id=sid,
        title=title,
        newest=newest,
        articles=count,
        outlets=tuple(str(o[0]) for o in outlets if o[0]),
        short=short,
    )


def source_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute(
        "SELECT COALESCE((SELECT source FROM article_info WHERE id = ?), (SELECT source FROM articles WHERE id = ?))",
        (article_id, article_id),
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def article_view(conn: sqlite3.Connection, article_id: str) -> ArticleView | None:
    """An article with the sentences it took from earlier ones and those later ones took from it."""
    article = get_article(conn, article_id)
    if article is None:
        return None
    aid = article.id
    copied_from = tuple(
        CopiedSentence(
            s.copy_index,
            s.copy_text,
            link.original,
            source_of(conn, link.original),
            s.original_index,
            s.original_text,
            s.similarity,
            s.kind,
        )
        for link in read_links(conn, "copy = ?", (aid,))
        for s in link.sentences
    )
    copied_by = tuple(
        CopiedSentence(
            s.original_index,
            s.original_text,
            link.copy,
            source_of(conn, link.copy),
            s.copy_index,
            s.copy_text,
            s.similarity,
            s.kind,
        )
        for link in read_links(conn, "original = ?", (aid,))
        for s in link.sentences
    )
    info = read_article_info(conn, aid) or read_article_info(conn, article_id)
    return ArticleView(article=article, info=info, copied_from=copied_from, copied_by=copied_by)


def fts_query(text: str) -> str:
    """A safe FTS5 query from free text: each word a quoted phrase, all required.

    Users type words, not FTS5 syntax; quoting every token means no input can raise a syntax
    error (`AND`, `"`, `*`, `NEAR(` are just words), so search never fails with a 500.
    """
    terms = re.findall(r"\w+", text)[:MAX_QUERY_TERMS]
    return " ".join(f'"{t}"' for t in terms)


def _snippet_parts(snippet: str) -> tuple[SnippetPart, ...]:
    parts: list[SnippetPart] = []
    for chunk in snippet.split(_OPEN):
        matched, _, rest = chunk.partition(_CLOSE) if _CLOSE in chunk else ("", "", chunk)
        if matched:
            parts.append(SnippetPart(matched, True))
        if rest:
            parts.append(SnippetPart(rest, False))
    return tuple(parts)


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> SearchResult:
    """Full-text search over titles and bodies, best match first (bm25)."""
    query = fts_query(text)
    if not query:
        return SearchResult(query=text, hits=())
    rows = conn.execute(
        "SELECT a.id, a.title, a.source, a.published, i.story, "
        f"snippet(articles_fts, -1, '{_OPEN}', '{_CLOSE}', '…', 24) "
        "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
        "LEFT JOIN article_info i ON i.id = a.id "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    hits = tuple(
        SearchHit(
            article_id=aid,
            title=title,
            source=source,
            published=published,
            story=story,
            snippet=_snippet_parts(snippet),
        )
        for aid, title, source, published, story, snippet in rows
    )
    return SearchResult(query=text, hits=hits)
