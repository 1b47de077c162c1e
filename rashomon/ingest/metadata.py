"""Page metadata (title, site name, author, date, canonical URL) read from meta tags by regex.

The title is chosen among the page's candidates by `titles.py`, which says where it came from.

trafilatura's own metadata pass (`with_metadata=True`) costs as much as a third of its whole
extraction (author search, htmldate's extensive scan); publishers put what we need in a handful
of meta tags and JSON-LD keys, so we read those directly and ask htmldate only when a page has
no machine-readable date. Measured in bench/bench_ingest.py.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from htmldate import find_date

from rashomon.ingest.titles import TitleCandidate, choose_title

# Tag names spelled out in both cases instead of re.IGNORECASE, which would stop the regex engine
# from skipping ahead to each `<`; the same matches (for `i` and `k`, IGNORECASE also takes İ ı K).
# Openings only: the rest of a tag is found with str.find (see `_tags`), so that a page of tags
# that never close costs one scan, not one scan per tag.
_META_RE = re.compile(r"<[mM][eE][tT][aA]\s")
_LINK_RE = re.compile("<[lL][iI\u0130\u0131][nN][kK\u212a]\\s")
# The look-behind makes a name start only where a word starts: without it a long word with no
# `=` after it was tried again from each of its letters (quadratic in a huge attribute).
_ATTR_RE = re.compile(r"(?<![\w:.-])([a-zA-Z_:][\w:.-]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_TITLE_OPEN_RE = re.compile(r"<title", re.IGNORECASE)
_TITLE_CLOSE_RE = re.compile(r"</title>", re.IGNORECASE)
_H1_OPEN_RE = re.compile(r"<h1", re.IGNORECASE)
_H1_CLOSE_RE = re.compile(r"</h1>", re.IGNORECASE)
_HEAD_END_RE = re.compile(r"</[hH][eE][aA][dD]>")  # case-sensitive: a literal prefix makes it a fast scan
_JSONLD_DATE_RE = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{8,40})\"")
_JSONLD_AUTHOR_RE = re.compile(r"\"author\"\s*:\s*(?:\[\s*)?\{[^{}]*?\"name\"\s*:\s*\"([^\"]{2,80})\"")
_ITEMPROP_RE = re.compile(r"itemprop=[\"']datePublished[\"']")
_ITEMPROP_VALUE_RE = re.compile(r"(?:content|datetime)=[\"']([^\"']+)")

_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "article.published", "datepublished",
    "pubdate", "publishdate", "publish-date", "published-date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    "og:pubdate", "publication_date", "citation_publication_date",
)  # fmt: skip
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
_HEAD_CHARS = 200_000


@dataclass(slots=True, frozen=True)
class PageMetadata:
    title: str | None = None
    sitename: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    title_source: str = "none"


def page_metadata(html: str, url: str | None = None, body: str | None = None) -> PageMetadata:
    """What the page says about itself; htmldate (fast mode) only when no meta tag gives a date."""
    head = html[:_HEAD_CHARS]
    end = _head_end(head)
    metas = _meta_values(head[: end if end > 0 else len(head)])
    sitename = _first(metas, _SITE_KEYS)
    date = _first(metas, _DATE_KEYS) or _search(_JSONLD_DATE_RE, head) or _itemprop_date(head)
    if date is None:
        try:
            # Without the URL: htmldate would return a date in its path (`/2024/11/08/`) as the
            # page's own, and it would pass for metadata; cleaning weighs a URL date against the
            # dates the text mentions instead.
            date = find_date(html[:_HEAD_CHARS], url=None, extensive_search=False, original_date=True)
        except (ValueError, TypeError, AttributeError, OverflowError):
            date = None
    author = _first(metas, _AUTHOR_KEYS)
    if author is None or author.startswith("http"):
        author = _search(_JSONLD_AUTHOR_RE, head)
    title, title_source = _title(metas, head, sitename, url, body)
    return PageMetadata(
        title=title,
        title_source=title_source,
        sitename=sitename.lstrip("@") if sitename else None,
        author=author,
        date=date,
        url=_canonical(head) or metas.get("og:url"),
    )


def _head_end(head: str) -> int:
    """Where `</head>` starts, in any letter case; -1 when the page has none.

    The same index as `head.lower().find("</head>")` without lower-casing a whole page (a third
    of this module's time): no character other than ASCII h, e, a, d matches them ignoring case,
    and only U+0130 changes length when lower-cased, so a page holding it takes the slow way.
    """
    if "\u0130" in head:
        return head.lower().find("</head>")
    match = _HEAD_END_RE.search(head)
    return match.start() if match else -1


def _meta_values(head: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for tag in _tags(head, _META_RE):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR_RE.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = _clean(attrs.get("content"))
        if key and content and key not in values:
            values[key] = content
    return values


def _canonical(head: str) -> str | None:
    for tag in _tags(head, _LINK_RE):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR_RE.findall(tag)}
        if attrs.get("rel", "").lower() == "canonical" and attrs.get("href", "").startswith("http"):
            return html_lib.unescape(attrs["href"])
    return None


def _title(
    metas: dict[str, str], head: str, sitename: str | None, url: str | None, body: str | None
) -> tuple[str | None, str]:
    """(headline, where it came from): meta tags, then `<h1>`, then `<title>` (see ingest.titles)."""
    candidates = [TitleCandidate(metas.get(key), key) for key in _TITLE_KEYS]
    candidates.append(TitleCandidate(_clean(_element_text(head, _H1_OPEN_RE, _H1_CLOSE_RE)), "h1"))
    candidates.append(TitleCandidate(_clean(_element_text(head, _TITLE_OPEN_RE, _TITLE_CLOSE_RE)), "title"))
    host = urlsplit(url).hostname if url else None
    return choose_title(candidates, body, sitename.lstrip("@") if sitename else None, host)


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((values[k] for k in keys if values.get(k)), None)


def _search(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(html_lib.unescape(_strip_tags(value)).split())
    return text or None


def _tags(html: str, opening: re.Pattern[str]) -> Iterator[str]:
    """Each tag that `opening` starts, up to its `>` (what `opening` + `[^>]*>` finds, linearly).

    When one has no `>` after it, none after it has either: the search stops there.
    """
    position = 0
    while match := opening.search(html, position):
        end = html.find(">", match.end())
        if end < 0:
            return
        yield html[match.start() : end + 1]
        position = end + 1


def _element_text(html: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> str | None:
    """Text between the first opening tag and the closing tag after it (`<h1[^>]*>(.*?)</h1>`).

    Found with one forward scan each: the regex scanned to the end of the page from every
    unclosed `<h1>`, minutes for a page of them. An unclosed first tag means no later one closes.
    """
    match = opening.search(html)
    if match is None:
        return None
    end = html.find(">", match.end())
    close = closing.search(html, end + 1) if end >= 0 else None
    return html[end + 1 : close.start()] if close else None


def _strip_tags(value: str) -> str:
    """`value` with each tag (`<[^>]+>`) made a space, without rescanning after an unclosed `<`."""
    if "<" not in value:
        return value
    parts: list[str] = []
    position = 0
    while (start := value.find("<", position)) >= 0:
        end = value.find(">", start + 1)
        if end < 0:
            break
        if end == start + 1:  # `<>` is no tag
            parts.append(value[position : start + 1])
            position = start + 1
            continue
        parts.append(value[position:start] + " ")
        position = end + 1
    parts.append(value[position:])
    return "".join(parts)


def _itemprop_date(head: str) -> str | None:
    """The date of the first tag with `itemprop="datePublished"` and a content or datetime.

    What `itemprop=["']datePublished["'][^>]*?(?:content|datetime)=["']([^"']+)` finds, looking
    only within each tag once: if one occurrence finds no value before its `>`, no later
    occurrence before that `>` can, so the search resumes after it.
    """
    position = 0
    while match := _ITEMPROP_RE.search(head, position):
        end = head.find(">", match.end())
        # Up to and with the `>`: the value may start at it, as the regex allowed.
        value = _ITEMPROP_VALUE_RE.search(head, match.end(), end + 1 if end >= 0 else len(head))
        if value:
            return _ITEMPROP_VALUE_RE.match(head, value.start()).group(1)  # type: ignore[union-attr]
        if end < 0:
            return None
        position = end + 1
    return None
