"""The read queries behind the pages: story list, article with its copied sentences, search.

A story's "last update" is when the store received its latest article (`articles.added_at`),
computed here over `story_articles` and `articles` rather than kept on the stories, so the
writers of briefs need not know about it.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime

from rashomon.store.articles import format_utc, get_article
from rashomon.store.briefs import read_article_info, read_links
from rashomon.store.views import (
    ArticleAdded,
    ArticleView,
    CopiedSentence,
    Facets,
    SearchHit,
    SearchResult,
    SnippetPart,
    StoryFilter,
    StoryPage,
    StoryRow,
    StoryUpdates,
)

# Control characters as snippet markers: they survive FTS5 untouched and never appear in the
# cleaned text we index, so splitting on them cannot be confused by article content.
_OPEN, _CLOSE = "\x02", "\x03"
MAX_QUERY_TERMS = 16


# What `since` accepts: an ISO date, or date and time, with an optional offset (UTC without one).
SINCE_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?$"
)
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def since_stamp(text: str) -> str:
    """A `since` (see SINCE_PATTERN) as a stored stamp, so it compares with `added_at` as text.

    A time that is no calendar time ("2026-02-31") is compared as written, its offset ignored,
    rather than refused: every value the API documents as valid gets an answer. Raises
    ValueError for text that does not match the pattern.
    """
    text = text.strip()
    match = re.fullmatch(SINCE_PATTERN[1:-1], text)
    if match is None:
        raise ValueError(f"not an ISO date or time: {text!r}")
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T"))
        return format_utc(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    except (ValueError, OverflowError):
        hour, minute, second, fraction, _ = match.groups()
        return f"{text[:10]}T{hour or '00'}:{minute or '00'}:{second or '00'}.{(fraction or '').ljust(6, '0')}Z"


def story_filter(
    since: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    language: str | None = None,
    outlet: str | None = None,
) -> StoryFilter:
    """A checked `StoryFilter` from a query's strings (blank is no filter); ValueError if bad."""
    return StoryFilter(
        since=since_stamp(since) if since and since.strip() else None,
        date_from=_day(date_from),
        date_to=_day(date_to),
        language=(language or "").strip() or None,
        outlet=(outlet or "").strip() or None,
    )


def _day(text: str | None) -> str | None:
    """A YYYY-MM-DD date, compared with the stored dates as text (so none is refused)."""
    if not text or not text.strip():
        return None
    if re.fullmatch(DAY_PATTERN[1:-1], text.strip()) is None:
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    return text.strip()


_STORIES_OF = "u.story_id IN (SELECT x.story_id FROM articles y JOIN story_articles x ON x.article_id = y.id WHERE {})"


def _where(story_filter: StoryFilter) -> tuple[str, list[object]]:
    """The list's WHERE clause. A filter on articles is an indexed lookup of the matching articles
    mapped to their stories (`story_articles_article`), so it costs what it matches: one article
    must match date, language and outlet together. `since` is about the story as a whole."""
    article: list[str] = []
    params: list[object] = []
    if story_filter.date_from:
        article.append("y.published >= ?")
        params.append(story_filter.date_from)
    if story_filter.date_to:  # any time that day: "~" sorts after the "T" or " " of a datetime
        article.append("y.published < ?")
        params.append(story_filter.date_to + "~")
    if story_filter.language:
        article.append("y.language = ?")
        params.append(story_filter.language)
    if story_filter.outlet:
        article.append("y.source = ?")
        params.append(story_filter.outlet)
    clauses = [_STORIES_OF.format(" AND ".join(article))] if article else []
    if story_filter.since:
        clauses.append("u.updated > ?")
        params.append(story_filter.since)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def story_page(conn: sqlite3.Connection, page: int, per_page: int, story_filter: StoryFilter) -> StoryPage:
    """Stories last updated first, read in the order of `story_updated_order` (see schema.py):
    those with no recorded update (stored before `added_at`) after them; then by newest
    publication date (undated last) and id, so paging is stable.

    Unfiltered or by `since` only, a page reads its rows from the index and the total is a count
    of it. Filtered by articles, the matching stories are all sorted anyway, so the total comes
    with them (one pass over the filter's lookups, not two), counted apart only past the end.
    """
    where, params = _where(story_filter)
    f = story_filter
    sorts_all = bool(f.date_from or f.date_to or f.language or f.outlet)  # `since` alone is an index range
    total_column = ", COUNT(*) OVER ()" if sorts_all else ", 0"
    rows = conn.execute(
        f"SELECT u.story_id, s.title, s.newest, s.short_text, u.updated{total_column} FROM story_updated u "
        f"JOIN stories s ON s.id = u.story_id{where} "
        "ORDER BY u.updated DESC, u.newest DESC, u.story_id LIMIT ? OFFSET ?",
        (*params, per_page, (page - 1) * per_page),
    ).fetchall()
    if sorts_all and rows:
        total = int(rows[0][5])
    else:
        total = int(conn.execute(f"SELECT COUNT(*) FROM story_updated u{where}", params).fetchone()[0])
    since = story_filter.since
    items = tuple(
        _story_row(conn, sid, title, newest, short, updated, since) for sid, title, newest, short, updated, _ in rows
    )
    return StoryPage(items=items, page=page, per_page=per_page, total=total, filter=story_filter)


def _story_row(
    conn: sqlite3.Connection,
    sid: str,
    title: str,
    newest: str | None,
    short: str,
    updated: str | None,
    since: str | None,
) -> StoryRow:
    outlets = conn.execute(
        "SELECT DISTINCT COALESCE(i.source, a.source) FROM story_articles s "
        "LEFT JOIN article_info i ON i.id = s.article_id LEFT JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY s.pos",
        (sid,),
    ).fetchall()
    count, new, added_since = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(a.added_at = ?), 0), COALESCE(SUM(a.added_at > ?), 0) FROM story_articles s "
        "LEFT JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?",
        (updated, since, sid),
    ).fetchone()
    return StoryRow(
        id=sid,
        title=title,
        newest=newest,
        articles=int(count),
        outlets=tuple(str(o[0]) for o in outlets if o[0]),
        short=short,
        updated=updated,
        new_articles=int(new),
        added_since=None if since is None else int(added_since),
    )


def story_updates(conn: sqlite3.Connection, story_id: str, since: str | None) -> StoryUpdates:
    """When each of a story's articles came, which came in its latest update and which after `since`."""
    rows = conn.execute(
        "SELECT s.article_id, a.added_at FROM story_articles s LEFT JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY s.pos",
        (story_id,),
    ).fetchall()
    stamps = [str(t) for _, t in rows if t is not None]
    updated = max(stamps) if stamps else None
    articles = tuple(
        ArticleAdded(
            str(aid),
            None if t is None else str(t),
            t is not None and t == updated,
            t is not None and since is not None and str(t) > since,
        )
        for aid, t in rows
    )
    return StoryUpdates(
        updated=updated,
        new_articles=sum(a.latest for a in articles),
        since=since,
        added_since=None if since is None else sum(a.since for a in articles),
        articles=articles,
    )


# The outlets offered as choices in the list's filter: the most prolific, a datalist not a dump.
MAX_FACET_OUTLETS = 200


def facets(conn: sqlite3.Connection) -> Facets:
    """The languages and main outlets of the stored articles, and the latest update (index scans)."""
    languages = tuple(str(x) for (x,) in conn.execute("SELECT DISTINCT language FROM articles ORDER BY language"))
    outlets = tuple(
        str(x)
        for (x,) in conn.execute(
            "SELECT source FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY COUNT(*) DESC, source "
            "LIMIT ?",
            (MAX_FACET_OUTLETS,),
        )
    )
    latest = conn.execute("SELECT MAX(added_at) FROM articles").fetchone()[0]
    return Facets(languages, outlets, None if latest is None else str(latest))


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
