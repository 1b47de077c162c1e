"""Main text and metadata of an HTML page, via trafilatura (and its baseline as fallback).

trafilatura gives the best main-text extraction among open tools on news pages (its own
benchmark); we ask it for one line per paragraph, no comments, and tables as text: on some pages
(standings, timetables, specifications) the table is the article, and a table beside the story
is judged line by line by cleaning like any other block. Metadata (title,
author, site name, date, canonical URL) comes from `metadata.py`, which reads meta tags at a
fraction of the cost of trafilatura's metadata pass and asks htmldate when no tag has a date.
When trafilatura finds no article (short pages, odd markup) its `baseline` extractor still
gets the paragraphs.
"""

from __future__ import annotations

import logging
import re
from copy import copy
from dataclasses import dataclass
from functools import lru_cache

import trafilatura
from trafilatura.baseline import baseline
from trafilatura.settings import Extractor

from rashomon.config import IngestConfig
from rashomon.ingest.metadata import page_metadata

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_HEAVY_OPEN_RE = re.compile(
    r"<(script|style|noscript|svg|template)\b|<!--|data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+", re.IGNORECASE
)
_HEAVY_CLOSE_RE = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript", "svg", "template")
}
_BLOCK_RE = re.compile(r"<(?:div|p|li|td|tr|section|span|a|ul|article|h[1-6])[\s>]", re.IGNORECASE)
# Below this size stripping scripts gains nothing: trafilatura drops them itself, fast enough.
_STRIP_ABOVE_CHARS = 200_000
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None
    url: str | None = None
    title_source: str = "none"


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in a `<meta>` tag, used when it is not UTF-8."""
    match = _META_CHARSET_RE.search(head[:4096])
    return match.group(1).decode("ascii", errors="replace") if match else None


def extract_html(html: str, url: str | None = None, limits: IngestConfig | None = None) -> Extracted | None:
    """Paragraph text and metadata of a page; None when the page has no text at all.

    Big pages are first stripped of scripts and styles and cut (see IngestConfig): a 50 MB
    page costs seconds, not hours.
    """
    limits = limits or IngestConfig()
    page = html  # metadata (JSON-LD dates live in <script>) is read from the page as it came
    html = html[: limits.max_html_bytes]
    if len(html) > _STRIP_ABOVE_CHARS:
        html = strip_heavy(html)[: limits.max_markup_bytes]
    html, blocks = _cut_blocks(html, limits.max_extraction_blocks)
    if not html.strip():
        return None
    text = _main_text(html, blocks, limits, url)
    if not text:
        return None
    meta = page_metadata(page, url, body=text)
    return Extracted(
        text=text,
        title=meta.title,
        author=meta.author,
        sitename=meta.sitename,
        date=meta.date,
        url=meta.url,
        title_source=meta.title_source,
    )


def _main_text(html: str, blocks: int, limits: IngestConfig, url: str | None) -> str | None:
    """trafilatura's text of the page, never from fast mode when the normal mode can run.

    A page over `fast_extraction_blocks` is extracted in normal mode from its first
    `fast_extraction_blocks` elements (the story sits near the top; the cost stays that of an
    ordinary page): fast mode over the whole page returned a site's menu, 1,202 words, for a
    story of 103. Fast mode is the fallback when that finds nothing; trafilatura's baseline
    the last resort.
    """
    fast = blocks > limits.fast_extraction_blocks
    if fast:
        head, _ = _cut_blocks(html, limits.fast_extraction_blocks)
        text = _trafilatura_text(head, False, url)
        if text:
            return text
    return _trafilatura_text(html, fast, url) or _baseline_text(html)


def _trafilatura_text(html: str, fast: bool, url: str | None) -> str | None:
    try:
        document = trafilatura.bare_extraction(html, options=_options(fast, url))
    except (ValueError, TypeError, AttributeError):
        return None
    text = document.text if document is not None and not isinstance(document, dict) else None
    return text if text and text.strip() else None


def strip_heavy(html: str) -> str:
    """`html` without scripts, styles, SVG, templates, comments and base64 data URIs.

    What `<(script|...)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->` removes, in time linear in the page: that
    regex scans to the end of the page from every opening tag that is never closed, so a page of
    unclosed `<script>` tags took minutes. Here each closing tag is looked for once from each
    opening, and a kind of element found unclosed is never looked for again (none of its
    later openings can be closed either); unclosed elements stay, as the regex left them.
    """
    kept: list[str] = []
    unclosed: set[str] = set()
    position = 0
    for match in _HEAVY_OPEN_RE.finditer(html):
        if match.start() < position:
            continue  # inside an element already removed
        kind = (match.group(1) or match.group(0)[:4]).lower()
        end = -1 if kind in unclosed else _heavy_end(html, match, kind)
        if end < 0:
            unclosed.add(kind)
            continue
        kept.append(html[position : match.start()])
        position = end
    kept.append(html[position:])
    return "".join(kept)


def _heavy_end(html: str, match: re.Match[str], kind: str) -> int:
    """End of the element, comment or data URI that `match` opens; -1 when it is never closed."""
    if kind == "<!--":
        close = html.find("-->", match.end())
        return close + 3 if close >= 0 else -1
    if kind not in _HEAVY_CLOSE_RE:
        return match.end()  # a data URI: the match is all of it
    tag_end = html.find(">", match.end())
    closing = _HEAVY_CLOSE_RE[kind].search(html, tag_end + 1) if tag_end >= 0 else None
    return closing.end() if closing else -1


@lru_cache(maxsize=2)
def _template(fast: bool) -> Extractor:
    return Extractor(output_format="python", fast=fast, comments=False, tables=True)


def _options(fast: bool, url: str | None) -> Extractor:
    """trafilatura's options for one page: one paragraph a line, no comments, tables as text.

    Building an Extractor reads trafilatura's config file settings anew (about 60 µs, 2 % of an
    extraction); a copy of a template built once, with the page's URL set the way the
    Extractor's constructor sets it, is the same object at a tenth of the cost.
    """
    options = copy(_template(fast))
    source = url or None
    options.url = url
    options.source = source and source.encode("utf-8", "replace").decode("utf-8")
    return options


def _cut_blocks(html: str, limit: int) -> tuple[str, int]:
    """(markup cut after about `limit` elements, estimated number of elements kept).

    Half the number of `<` is the estimate (an element has an opening and a closing tag): one
    `str.count`, where counting block tags by regex costs ten times more; the regex only runs
    to find the cut on the rare page that needs one.
    """
    estimate = html.count("<") // 2
    if estimate <= limit:
        return html, estimate
    count = 0
    for match in _BLOCK_RE.finditer(html):
        count += 1
        if count > limit:
            return html[: match.start()], limit
    return html, count


def _baseline_text(html: str) -> str | None:
    """trafilatura's baseline: paragraphs of pages its main extractor gives up on."""
    try:
        _, text, _ = baseline(html)
    except (ValueError, TypeError, AttributeError):
        return None
    return text if text.strip() else None
