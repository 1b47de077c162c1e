"""JSON Lines: one article per line, `{"id","url","title","published","source","language","text"|"html"}`.

Only `text` or `html` is required. The file is streamed line by line (a 10 GB export never sits
in memory), and a line longer than `IngestConfig.max_record_bytes` is skipped in chunks without
being held whole (`record_lines`). Every bad line becomes its own Rejected (`path:line N`)
without stopping the file: a record that breaks a reader in a way nobody foresaw is rejected
alone, as its own line, too. A URL that cannot be parsed is dropped and the article kept (see
`build.valid_url`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from rashomon.config import IngestConfig
from rashomon.ingest.build import from_html, from_text, printable, valid_url
from rashomon.ingest.ids import IdRegistry, id_from_url
from rashomon.records import RawArticle, Rejected

_FIELDS = ("id", "url", "title", "published", "source", "language", "author")


_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an oversized line
_BOM = b"\xef\xbb\xbf"


@dataclass(slots=True, frozen=True)
class Oversized:
    """A line longer than `max_record_bytes`, skipped: only its length is known."""

    size: int  # bytes, newline included


def record_lines(handle: IO[bytes], limit: int) -> Iterator[str | Oversized]:
    """The lines of a UTF-8 byte stream, decoded, as a text file's universal newlines split them
    (bad bytes replaced, a leading BOM dropped); a line longer than `limit` bytes comes as
    `Oversized` instead, after the rest of it was read and dropped a chunk at a time."""
    first = True
    while line := handle.readline(limit + 1):
        if first and line.startswith(_BOM):
            line = line[len(_BOM) :]
        first = False
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while chunk := handle.readline(_CHUNK):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
            yield Oversized(size)
            continue
        text = line.decode("utf-8", errors="replace")
        if "\r" not in text:
            yield text
            continue
        # "\r\n" and a lone "\r" end lines too, as in a file opened in text mode
        pieces = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        yield from (piece + "\n" for piece in pieces[:-1])
        if pieces[-1]:
            yield pieces[-1]


def read_jsonl(
    lines: Iterable[str | Oversized], path: str, config: IngestConfig, ids: IdRegistry
) -> Iterator[RawArticle | Rejected]:
    """Articles of a JSON Lines stream; blank lines are skipped, bad and oversized ones rejected."""
    limit = config.max_record_bytes
    for number, line in enumerate(lines, start=1):
        where = f"{path}:line {number}"
        if isinstance(line, Oversized) or (len(line) * 4 > limit and _utf8_size(line) > limit):
            size = line.size if isinstance(line, Oversized) else _utf8_size(line)
            yield Rejected(where, f"too large: a record of {size:,} bytes is over max_record_bytes ({limit:,})")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            yield Rejected(where, f"invalid JSON: {_short(str(err))}")
            continue
        if not isinstance(record, dict):
            yield Rejected(where, f"invalid JSON: expected an object, got {type(record).__name__}")
            continue
        try:
            yield _article(record, where, path, number, config, ids)
        except Exception as err:  # noqa: BLE001 -- one bad record must not end the file
            yield Rejected(where, f"unreadable record: {_short(f'{type(err).__name__}: {err}')}")


def _article(
    record: dict[str, Any], where: str, path: str, number: int, config: IngestConfig, ids: IdRegistry
) -> RawArticle | Rejected:
    fields = {name: _string(record.get(name)) for name in _FIELDS}
    text, html = _string(record.get("text")), _string(record.get("html"))
    if not (text and text.strip()) and not (html and html.strip()):
        return Rejected(where, "no text: record has neither text nor html")
    given = printable(fields["id"])
    url = valid_url(fields["url"])
    if given is not None:
        if not ids.claim_exact(given):
            return Rejected(where, f"duplicate id: {_short(given)} was already read")
        article_id = given
    else:
        wanted = id_from_url(url) if url else f"{ids.stem(path)}-{number}"
        article_id = ids.claim_derived(wanted)
    common: dict[str, Any] = {
        "article_id": article_id,
        "path": where,
        "fmt": "jsonl",
        "url": url,
        "title": fields["title"],
        "published": fields["published"],
        "source": fields["source"],
        "language": fields["language"],
    }
    if text and text.strip():
        return from_text(text, author=fields["author"], **common)
    assert html is not None
    return from_html(html, config=config, **common)


def _utf8_size(line: str) -> int:
    return len(line.rstrip("\r\n").encode("utf-8", errors="surrogatepass"))


def _string(value: Any) -> str | None:
    """Field value as text: numbers become strings, anything else (lists, objects) is ignored."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _short(message: str, limit: int = 80) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
