"""Tell an input's format from its first bytes, not from its name.

Crawls and exports are full of misnamed files (`.html` that is gzip, `.txt` that is a WARC,
feeds saved as `.xml` or without extension); trusting the extension is how tools fail silently.
The extension only breaks ties between HTML and plain text when the content is ambiguous.
"""

from __future__ import annotations

import contextlib
import json
import re

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 65_536

_FEED_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_RE = re.compile(
    rb"<(!doctype\s+html|html|head|body|article|p|div|br|title|meta|span|h1|h2|section)[\s/>]", re.IGNORECASE
)
_HTML_TAG_RE = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_NOT_CONTROL = bytes(range(32, 256)) + b"\t\n\x0c\r"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_PROLOG_RE = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\]\s*)?>)", re.IGNORECASE | re.DOTALL)


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def is_warc(head: bytes) -> bool:
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def looks_binary(head: bytes) -> bool:
    """True for bytes that are no text in any encoding we read.

    NUL bytes (outside UTF-16, which starts with a BOM) or many C0 control characters mean an
    image, a PDF, a zip or random bytes; such files are rejected rather than extracted.
    """
    sample = head[:8192]
    if not sample or sample.startswith(_BOMS[1:]):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > len(sample) * 0.05


def sniff_text_format(head: bytes, name: str = "") -> str:
    """Format of a decompressed, non-WARC input: `rss`, `jsonl`, `html` or `text`."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if start.startswith(b"{") or looks_like_jsonl(head, complete=len(head) < SNIFF_BYTES):
        return "jsonl"
    if (start.startswith(b"<?xml") or start.startswith(b"<")) and _FEED_RE.search(start[:2048]):
        return "rss"
    if start.startswith(b"<") and _FEED_RE.match(head, _after_prolog(head)):
        return "rss"
    if start.startswith(b"<") and _HTML_RE.search(start):
        return "html"
    tags = len(_HTML_TAG_RE.findall(start))
    if _HTML_RE.search(start) and tags >= 3:
        return "html"
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")) and tags >= 1:
        return "html"
    return "text"


def looks_like_jsonl(head: bytes, complete: bool) -> bool:
    """At least half the non-blank lines of `head` are JSON objects (and one is).

    A JSON Lines file whose first line is damaged, or is a header, a bare array or a comment, is
    still JSON Lines: reading it as one plain-text article of raw JSON would lose every record
    silently, while reading it as JSON Lines rejects just the odd lines, each with its number.
    Prose, markup and feeds never have half their lines parse as JSON objects. When `head` is
    a cut prefix (`complete` false) its last line may be cut too: it counts if it opens an object.
    """
    lines = [line for line in head.splitlines() if line.strip()]
    objects = 0
    for index, line in enumerate(lines):
        if not line.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
            continue
        if not complete and index == len(lines) - 1:
            objects += 1
            continue
        with contextlib.suppress(ValueError, RecursionError):
            objects += isinstance(json.loads(line.decode("utf-8", errors="replace").lstrip("\ufeff")), dict)
    return objects > 0 and 2 * objects >= len(lines)


def _after_prolog(head: bytes) -> int:
    """Where the first element starts, past the XML declaration, comments and a DOCTYPE of any size.

    A feed that declares its entities in its DOCTYPE pushes `<rss>` kilobytes down; looking for
    it only in the first 2 KB read such feeds as plain text.
    """
    position = 0
    while match := _PROLOG_RE.match(head, position):
        position = match.end()
    return len(head) - len(head[position:].lstrip())
