"""RSS and Atom feeds: each entry is an article (content, else summary; link; date).

Entries carry HTML fragments, usually too short for trafilatura's article extractor, so their
block elements are turned into lines directly with lxml.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html
from lxml.etree import ParserError

from rashomon.ingest.build import from_text, valid_url
from rashomon.ingest.ids import IdRegistry, id_from_url
from rashomon.records import RawArticle, Rejected

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
}


def read_feed(data: bytes, path: str, ids: IdRegistry) -> Iterator[RawArticle | Rejected]:
    """Articles of one feed document; a feed with no entries is one Rejected."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f": {' '.join(str(problem).split())[:80]}" if problem else ""
        yield Rejected(path, f"no text: feed has no entries{detail}")
        return
    source = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        where = f"{path}#entry {number}"
        try:
            yield _article(entry, where, path, number, source, ids)
        except Exception as err:  # noqa: BLE001 -- one bad entry must not end the feed
            detail = " ".join(f"{type(err).__name__}: {err}".split())[:80]
            yield Rejected(where, f"unreadable entry: {detail}")


def _article(
    entry: Any, where: str, path: str, number: int, source: str | None, ids: IdRegistry
) -> RawArticle | Rejected:
    contents = entry.get("content") or []
    markup = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = fragment_text(markup or "")
    url = valid_url(entry.get("link") or None)  # a bad link loses the link, not the entry
    article_id = ids.claim_derived(id_from_url(url) if url else f"{ids.stem(path)}-e{number}")
    return from_text(
        text,
        article_id=article_id,
        path=where,
        fmt="rss",
        url=url,
        title=entry.get("title") or None,
        published=_date(entry),
        source=source,
        author=entry.get("author") or None,
    )


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment with one line per block element."""
    if "<" not in markup:
        return markup
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return markup
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", value)  # feedparser gives UTC
    return None
