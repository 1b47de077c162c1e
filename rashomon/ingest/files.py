"""Open one input file, sniff what it holds and hand it to the right reader.

This is the edge where bytes become records: every failure here turns into a Rejected with the
file's path and a one-line reason, never into an exception that stops the batch.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from rashomon.config import IngestConfig
from rashomon.ingest.build import from_html
from rashomon.ingest.encoding import decode_bytes
from rashomon.ingest.feed import read_feed
from rashomon.ingest.html import declared_charset
from rashomon.ingest.ids import IdRegistry
from rashomon.ingest.jsonl import read_jsonl, record_lines
from rashomon.ingest.plaintext import read_plaintext
from rashomon.ingest.sniff import SNIFF_BYTES, is_gzip, is_warc, looks_binary, sniff_text_format
from rashomon.ingest.walk import display_path
from rashomon.ingest.warc import read_warc
from rashomon.records import RawArticle, Rejected

Item = RawArticle | Rejected
Progress = Callable[[int], None]


def read_file(path: Path, config: IngestConfig, ids: IdRegistry, progress: Progress | None = None) -> Iterator[Item]:
    """Articles of one file, whatever its format (sniffed from its first bytes).

    `progress` hears how many bytes of the file have been read, as they are read (record by
    record inside a WARC), so that a progress bar moves on one huge file too.
    """
    where = display_path(path)
    reported = 0
    # O_NONBLOCK: a FIFO put in place of the file after listing must not block the batch.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    status = os.fstat(descriptor)
    size = status.st_size
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        yield Rejected(where, "skipped: not a regular file")
    elif size == 0:
        os.close(descriptor)
        yield Rejected(where, "empty: file is empty")
    else:
        with os.fdopen(descriptor, "rb") as handle:
            for item in _read_open(handle, path, size, config, ids):
                if progress is not None and not handle.closed and handle.tell() > reported:
                    progress(handle.tell() - reported)
                    reported = handle.tell()
                yield item
    if progress is not None:
        progress(max(0, size - reported))


def _read_open(handle: IO[bytes], path: Path, size: int, config: IngestConfig, ids: IdRegistry) -> Iterator[Item]:
    where = display_path(path)
    head = handle.read(SNIFF_BYTES)
    if is_gzip(head):
        yield from _read_gzip(handle, path, config, ids)
        return
    if is_warc(head):
        handle.seek(0)
        yield from read_warc(handle, where, config, ids)
        return
    if sniff_text_format(head, path.name) == "jsonl":
        handle.seek(0)
        yield from read_jsonl(record_lines(handle, config.max_record_bytes), where, config, ids)
        return
    if size > config.max_file_bytes:
        yield Rejected(where, f"too large: {size // 1_000_000} MB is over max_file_bytes")
        return
    data = head + handle.read()
    yield from read_content(data, where, display_path(path.name), config, ids)


def _read_gzip(handle: IO[bytes], path: Path, config: IngestConfig, ids: IdRegistry) -> Iterator[Item]:
    """A gzip file: WARC.gz is streamed by warcio, anything else is decompressed (up to a limit)."""
    where = display_path(path)
    handle.seek(0)
    try:
        inner_head = zlib.decompressobj(wbits=31).decompress(handle.read(SNIFF_BYTES), 64)
    except zlib.error as err:
        yield Rejected(where, f"corrupt gzip: {' '.join(str(err).split())[:80]}")
        return
    handle.seek(0)
    if is_warc(inner_head):
        yield from read_warc(handle, where, config, ids)
        return
    try:
        with gzip.GzipFile(fileobj=handle) as unzipped:
            data = unzipped.read(config.max_file_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        yield Rejected(where, f"corrupt gzip: {' '.join(str(err).split())[:80]}")
        return
    if len(data) > config.max_file_bytes:
        yield Rejected(where, "too large: decompressed content is over max_file_bytes")
        return
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    yield from read_content(data, where, display_path(name), config, ids)


def read_content(data: bytes, where: str, name: str, config: IngestConfig, ids: IdRegistry) -> Iterator[Item]:
    """Articles of a whole (decompressed, non-WARC) input held in memory."""
    if not data.strip():
        yield Rejected(where, "empty: only whitespace")
        return
    if looks_binary(data):
        yield Rejected(where, "binary: not text")
        return
    kind = sniff_text_format(data[:SNIFF_BYTES], name)
    if kind == "jsonl":
        yield from read_jsonl(decode_bytes(data).splitlines(), where, config, ids)
    elif kind == "rss":
        yield from read_feed(data, where, ids)
    elif kind == "html":
        html = decode_bytes(data, declared_charset(data))
        article_id = ids.claim_derived(ids.stem(where, name))
        yield from_html(html, article_id=article_id, path=where, config=config, fmt="html")
    else:
        text = decode_bytes(data)
        if _mostly_garbage(text):
            yield Rejected(where, "binary: not text")
            return
        yield read_plaintext(text, where, ids.claim_derived(ids.stem(where, name)))


def _mostly_garbage(text: str) -> bool:
    """Replacement and control characters dominate: bytes that only decoded by force."""
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return bad > len(sample) * 0.05
