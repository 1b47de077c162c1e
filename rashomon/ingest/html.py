"""Main text and metadata of an HTML page, via trafilatura (and its baseline as fallback).

trafilatura gives the best main-text extraction among open tools on news pages (its own
benchmark); we ask it for one line per paragraph, no comments and no tables, with metadata
(title, author, site name, date: trafilatura already runs htmldate for the date). When it finds
no article (short pages, odd markup) its `baseline` extractor still gets the paragraphs, and
htmldate alone is asked for the date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from trafilatura.baseline import baseline

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None
    url: str | None = None


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag, used when it is not UTF-8."""
    match = _META_CHARSET_RE.search(head[:4096])
    return match.group(1).decode("ascii", errors="replace") if match else None


def extract_html(html: str, url: str | None = None, max_chars: int | None = None) -> Extracted | None:
    """Paragraph text and metadata of a page; None when the page has no text at all."""
    if max_chars is not None and len(html) > max_chars:
        html = html[:max_chars]
    if not html.strip():
        return None
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, AttributeError):
        document = None
    if document is not None and not isinstance(document, dict) and (document.text or "").strip():
        return Extracted(
            text=document.text or "",
            title=document.title or None,
            author=document.author or None,
            sitename=document.sitename or None,
            date=document.date or None,
            url=document.url or None,
        )
    return _fallback(html, url)


def _fallback(html: str, url: str | None) -> Extracted | None:
    """Baseline text plus htmldate's date, for pages trafilatura's main extractor gives up on."""
    try:
        _, text, _ = baseline(html)
    except (ValueError, TypeError, AttributeError):
        return None
    if not text.strip():
        return None
    try:
        date = find_date(html, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError, AttributeError):
        date = None
    return Extracted(text=text, title=_title_of(html), date=date)


_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _title_of(html: str) -> str | None:
    match = _TITLE_RE.search(html[:100_000])
    title = re.sub(r"\s+", " ", match.group(1)).strip() if match else ""
    return title or None
