"""Turn what a reader found (text or HTML plus metadata) into a RawArticle or a Rejected.

Shared by every reader so that HTML pages from files, WARC records, feeds and JSON Lines are
extracted and described the same way.
"""

from __future__ import annotations

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
    extracted = extract_html(html, url=url, limits=config)
    if extracted is None:
        return Rejected(path, "no text: HTML has no extractable text")
    url = url or extracted.url
    date = published or extracted.date
    return RawArticle(
        id=article_id,
        path=path,
        text=extracted.text,
        url=url,
        title=title or extracted.title,
        published=date,
        date_source="metadata" if date else None,
        source=source or extracted.sitename or host_of(url),
        language=language,
        author=extracted.author,
        format=fmt,
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
    return RawArticle(
        id=article_id,
        path=path,
        text=text,
        url=url,
        title=title,
        published=published,
        date_source="metadata" if published else None,
        source=source or host_of(url),
        language=language,
        author=author,
        format=fmt,
    )
