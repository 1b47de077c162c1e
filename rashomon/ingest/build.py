"""Turn what a reader found (text or HTML plus metadata) into a RawArticle or a Rejected.

Shared by every reader so that HTML pages from files, WARC records, feeds and JSON Lines are
extracted and described the same way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from rashomon.config import IngestConfig
from rashomon.ingest.html import extract_html
from rashomon.records import RawArticle, Rejected


def host_of(url: str | None) -> str | None:
    """`www.example.com` -> `example.com`: the outlet when nothing better names it."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return (host[4:] if host.startswith("www.") else host) or None


def valid_url(url: str | None) -> str | None:
    """`url`, or None when it cannot be parsed (`http://[oops`, a port out of range).

    The article is kept without its URL: its text is fine, and every later step (the id, the
    outlet's host, the link in the brief, the web page) would fail on the URL one by one. We
    drop it rather than reject the record because a reader wants the story, not the link; when
    the URL would have given the id, the id comes from the file and the record number instead.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url)
        _ = parts.hostname, parts.port
    except ValueError:
        return None
    return url


def printable(text: str | None) -> str | None:
    """`text` with lone surrogates (JSON's `"\\ud800"`, undecodable file names) made U+FFFD.

    Python strings may hold them, UTF-8 cannot: the first writer downstream would raise
    UnicodeEncodeError and stop the batch. A valid pair written as two escapes is joined.
    """
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", errors="surrogatepass").decode("utf-16", errors="replace")
    return text


def from_html(
    html: str,
    *,
    article_id: str,
    path: str,
    config: IngestConfig,
    fmt: str,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    language: str | None = None,
) -> RawArticle | Rejected:
    """Extract a page; input metadata (JSONL fields, feed entries) wins over the page's own."""
    url = valid_url(url)
    extracted = extract_html(html, url=url, limits=config)
    if extracted is None:
        return Rejected(path, "no text: HTML has no extractable text")
    url = url or valid_url(extracted.url)
    date = published or extracted.date
    return _printable_article(
        RawArticle(
            id=article_id,
            path=path,
            text=extracted.text,
            url=url,
            title=title or extracted.title,
            title_source="input" if title else extracted.title_source,
            published=date,
            date_source="metadata" if date else None,
            source=source or extracted.sitename or host_of(url),
            language=language,
            author=extracted.author,
            format=fmt,
        )
    )


def from_text(
    text: str,
    *,
    article_id: str,
    path: str,
    fmt: str,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    language: str | None = None,
    author: str | None = None,
) -> RawArticle | Rejected:
    """A plain-text article; only rejected when there is no text at all (cleaning judges the rest)."""
    if not text.strip():
        return Rejected(path, "empty: no text")
    url = valid_url(url)
    return _printable_article(
        RawArticle(
            id=article_id,
            path=path,
            text=text,
            url=url,
            title=title,
            title_source="input" if title else None,
            published=published,
            date_source="metadata" if published else None,
            source=source or host_of(url),
            language=language,
            author=author,
            format=fmt,
        )
    )


_TEXT_FIELDS = ("id", "path", "text", "url", "title", "published", "source", "language", "author")


def _printable_article(article: RawArticle) -> RawArticle:
    """`article` with every text field `printable` (the common case costs one encode per field)."""
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        fixed = printable(value)
        if fixed is not value:
            changes[name] = fixed
    return replace(article, **changes) if changes else article
