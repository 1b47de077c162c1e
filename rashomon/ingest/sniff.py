"""Tell an input's format from its first bytes, not from its name.

Crawls and exports are full of misnamed files (`.html` that is gzip, `.txt` that is a WARC,
feeds saved as `.xml` or without extension); trusting the extension is how tools fail silently.
The extension only breaks ties between HTML and plain text when the content is ambiguous.
"""

from __future__ import annotations

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
    if start.startswith(b"{"):
        return "jsonl"
    if (start.startswith(b"<?xml") or start.startswith(b"<")) and _FEED_RE.search(start[:2048]):
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
