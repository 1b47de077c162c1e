"""WARC and WARC.gz (Common Crawl News): HTTP responses with HTML, streamed record by record.

warcio's ArchiveIterator reads from the open file object, so memory does not grow with the
file; only `response` records are articles. Each record is addressed as `path#record N`
(N counts every record from 1, as `warcio index` does).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rashomon.config import IngestConfig
from rashomon.ingest.build import from_html, valid_url
from rashomon.ingest.encoding import charset_from_content_type, decode_bytes
from rashomon.ingest.html import declared_charset
from rashomon.ingest.ids import IdRegistry, id_from_url
from rashomon.records import RawArticle, Rejected

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RECORD_START_RE = re.compile(rb"\x1f\x8b\x08|(?<=\n)WARC/1\.[01]\r?\n")
_SCAN_BYTES = 1 << 20
_HEADER_BYTES = 1 << 16  # no WARC record header is this long


def read_warc(stream: IO[bytes], path: str, config: IngestConfig, ids: IdRegistry) -> Iterator[RawArticle | Rejected]:
    """Articles of a WARC stream (gzip per record or plain; warcio detects which).

    A record warcio cannot parse is reported, then reading resumes at the next record header
    found after it (a gzip member that starts with `WARC/`, or a `WARC/1.x` line), so one
    damaged record loses only itself.
    """
    number = 0
    start: int | None = stream.tell()
    while start is not None:
        stream.seek(start)
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            try:
                record = next(records)
            except StopIteration:
                if _unread_bytes(stream, archive.offset):
                    number += 1
                    yield Rejected(f"{path}#record {number}", "broken WARC record: truncated at the end of the file")
                return
            except Exception as err:  # noqa: BLE001 -- warcio raises many kinds on a damaged record
                number += 1
                cut = _header_cut_at(stream, max(archive.offset, start))
                reason = f"its header is cut off at byte {cut}, where the file ends" if cut else _describe(err)
                yield Rejected(f"{path}#record {number}", f"broken WARC record: {reason}")
                resume = _next_record_start(stream, max(archive.offset, start) + 1)
                start = resume if resume is not None and resume > start else None
                break
            number += 1
            if record.rec_type != "response":
                continue
            where = f"{path}#record {number}"
            try:
                yield _article(record, where, path, number, config, ids)
            except Exception as err:  # noqa: BLE001 -- one bad record must not end the file
                yield Rejected(where, f"broken WARC record: {_describe(err)}")


def _unread_bytes(stream: IO[bytes], offset: int) -> bool:
    """Bytes left after the last record warcio read: a record cut short at the end of the file."""
    end = stream.seek(0, 2)
    stream.seek(offset)
    return bool(stream.read(64).strip(b"\r\n\x00")) if end > offset else False


def _header_cut_at(stream: IO[bytes], offset: int) -> int | None:
    """The file's size when the record starting at `offset` ends inside its header, else None.

    warcio then fails on whatever header it misses (an AttributeError on a None URI): a reason
    nobody can act on, when the truth is that the file was cut short, as a download can be.
    """
    end = stream.seek(0, 2)
    if end - offset > _HEADER_BYTES:
        return None
    stream.seek(offset)
    head = stream.read(_HEADER_BYTES)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head)
        except zlib.error:
            return None
    return None if b"\r\n\r\n" in head or b"\n\n" in head else end


def _next_record_start(stream: IO[bytes], position: int) -> int | None:
    """Offset of the first WARC record header at or after `position`, None when there is none."""
    overlap = 16
    offset = position
    while True:
        stream.seek(offset)
        chunk = stream.read(_SCAN_BYTES)
        if not chunk:
            return None
        for match in _RECORD_START_RE.finditer(chunk):
            candidate = offset + match.start()
            if _is_record_start(stream, candidate):
                return candidate
        if len(chunk) < _SCAN_BYTES:
            return None
        offset += len(chunk) - overlap


def _is_record_start(stream: IO[bytes], offset: int) -> bool:
    stream.seek(offset)
    head = stream.read(4096)
    if head.startswith(b"WARC/"):
        return True
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _article(
    record: object, where: str, path: str, number: int, config: IngestConfig, ids: IdRegistry
) -> RawArticle | Rejected:
    url = valid_url(record.rec_headers.get_header("WARC-Target-URI"))  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None:
        return Rejected(where, "not HTML: response record without HTTP headers")
    status = http.get_statuscode()
    if status != "200":
        return Rejected(where, f"skipped: HTTP status {status}")
    content_type = http.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return Rejected(where, f"not HTML: {_short(content_type or 'no content type', 40)}")
    body = record.content_stream().read(config.max_html_bytes)  # type: ignore[attr-defined]
    missing = _missing_bytes(record)
    if missing:
        length = record.length  # type: ignore[attr-defined]
        return Rejected(where, f"truncated WARC record: {missing} of its {length} bytes are missing")
    if not body.strip():
        return Rejected(where, "empty: response has no body")
    charset = charset_from_content_type(content_type) or declared_charset(body)
    html = decode_bytes(body, charset)
    article_id = ids.claim_derived(id_from_url(url) if url else f"{ids.stem(path)}-r{number}")
    return from_html(html, article_id=article_id, path=where, config=config, fmt="warc", url=url)


def _missing_bytes(record: object) -> int:
    """How many bytes of the record's Content-Length the file does not hold (0 for a whole record).

    warcio hands out a cut record's bytes as if they were all of it: the page's text would end
    mid-sentence and nobody would know. The rest of the record is read (and dropped) to see
    whether it is all there, as warcio reads it anyway to reach the next record.
    """
    raw = record.raw_stream  # type: ignore[attr-defined]
    while raw.read(_SCAN_BYTES):
        pass
    return max(0, int(getattr(raw, "limit", 0) or 0))


def _describe(err: Exception) -> str:
    if isinstance(err, (ArchiveLoadFailed, ValueError, OSError, EOFError)):
        return _short(f"{type(err).__name__}: {err}")
    return _short(f"warcio could not parse it ({type(err).__name__})")


def _short(message: str, limit: int = 80) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
