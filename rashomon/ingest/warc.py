"""WARC and WARC.gz (Common Crawl News): HTTP responses with HTML, streamed record by record.

warcio's ArchiveIterator reads from the open file object, so memory does not grow with the
file; only `response` records are articles. Each record is addressed as `path#record N`
(N counts every record from 1, as `warcio index` does). A record warcio cannot parse ends the
file: the stream position after a broken record is unknown, so the rest is reported, not guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rashomon.config import IngestConfig
from rashomon.ingest.build import from_html
from rashomon.ingest.encoding import charset_from_content_type, decode_bytes
from rashomon.ingest.html import declared_charset
from rashomon.ingest.ids import IdRegistry, id_from_path, id_from_url
from rashomon.records import RawArticle, Rejected

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: IO[bytes], path: str, config: IngestConfig, ids: IdRegistry
) -> Iterator[RawArticle | Rejected]:
    """Articles of a WARC stream (gzip per record or plain; warcio detects which)."""
    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if record.rec_type != "response":
                continue
            yield _article(record, f"{path}#record {number}", path, number, config, ids)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as err:
        where = f"{path}#record {number + 1}"
        yield Rejected(where, f"broken WARC record: {_short(str(err))} (rest of file skipped)")


def _article(
    record: object, where: str, path: str, number: int, config: IngestConfig, ids: IdRegistry
) -> RawArticle | Rejected:
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
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
    if not body.strip():
        return Rejected(where, "empty: response has no body")
    charset = charset_from_content_type(content_type) or declared_charset(body)
    html = decode_bytes(body, charset)
    article_id = ids.claim_derived(id_from_url(url) if url else f"{id_from_path(path)}-r{number}")
    return from_html(html, article_id=article_id, path=where, config=config, fmt="warc", url=url)


def _short(message: str, limit: int = 80) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
