"""What a watched document links to: the articles of an RSS/Atom feed or a news sitemap, and the
further sources of an OPML list or a sitemap index. Pure functions over bytes: `fetch.py` gets them.

XML is parsed without entities or network access (a feed is untrusted input); anything that is
not OPML or a sitemap is handed to feedparser, which reads RSS 0.9x-2.0, RDF and Atom.
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from typing import Any

import feedparser
from lxml import etree

from rashomon.watch.urls import absolute

_GZIP = b"\x1f\x8b"


@dataclass(slots=True, frozen=True)
class Link:
    """An article page a source links to, with what the source says of it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass(slots=True, frozen=True)
class Discovery:
    """What one source document holds: article links, further sources to read, or a problem."""

    kind: str  # "feed", "sitemap", "sitemap index", "opml"
    links: tuple[Link, ...] = ()
    sources: tuple[str, ...] = ()
    problem: str | None = None  # why nothing could be read (the document is then a failure)


def discover(body: bytes, base_url: str, limit: int) -> Discovery:
    """The links and sources of a document fetched from `base_url` (gzip is undone up to `limit` bytes)."""
    if body.startswith(_GZIP):
        body = gunzip(body, limit)
    root = _xml_root(body)
    name = etree.QName(root).localname.lower() if root is not None else ""
    if name == "opml":
        found = (absolute(base_url, o.get("xmlUrl") or o.get("xmlurl")) for o in root.iter("{*}outline"))  # type: ignore[union-attr]
        return _found(Discovery("opml", sources=_unique(found)))
    if name == "sitemapindex":
        found = (absolute(base_url, _text(s, "loc")) for s in root.iter("{*}sitemap"))  # type: ignore[union-attr]
        return _found(Discovery("sitemap index", sources=_unique(found)))
    if name == "urlset":  # an empty news sitemap is a quiet day, not a failure
        return Discovery("sitemap", links=_sitemap_links(root, base_url))
    return _feed(body, base_url)


def _found(discovery: Discovery) -> Discovery:
    if discovery.links or discovery.sources:
        return discovery
    return Discovery(discovery.kind, problem=f"{discovery.kind} lists nothing")


def _xml_root(body: bytes) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None


def _sitemap_links(root: Any, base_url: str) -> tuple[Link, ...]:
    """A sitemap's `<url>`s; Google News sitemaps add `<news:title>` and `<news:publication_date>`."""
    links: dict[str, Link] = {}
    for entry in root.iter("{*}url"):
        url = absolute(base_url, _text(entry, "loc"))
        if url and url not in links:
            links[url] = Link(url, _text(entry, "news/{*}title"), _text(entry, "news/{*}publication_date"))
    return tuple(links.values())


def _feed(body: bytes, base_url: str) -> Discovery:
    parsed = feedparser.parse(body)
    links: dict[str, Link] = {}
    for entry in parsed.get("entries") or []:
        url = absolute(base_url, entry.get("link"))
        if url and url not in links:
            links[url] = Link(url, entry.get("title") or None, _entry_date(entry))
    if links:
        return Discovery("feed", links=tuple(links.values()))
    problem = parsed.get("bozo_exception")
    detail = f" ({' '.join(str(problem).split())[:80]})" if problem else ""
    if parsed.get("version") and not parsed.get("entries"):
        return Discovery("feed")  # an empty feed: nothing new, nothing wrong
    if parsed.get("entries"):
        return Discovery("feed", problem="feed links to no article")
    return Discovery("feed", problem=f"not a feed, news sitemap or OPML list{detail}")


def _text(element: Any, path: str) -> str | None:
    found = element.find(f"{{*}}{path}")
    text = found.text if found is not None else None
    return text.strip() or None if text else None


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", value)  # feedparser gives UTC
    return None


def _unique(urls: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(u for u in urls if u))


def gunzip(body: bytes, limit: int) -> bytes:
    """A gzipped sitemap's bytes, at most `limit` of them (a small file can inflate a thousandfold)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return inflater.decompress(body, limit)
    except zlib.error:
        return body
