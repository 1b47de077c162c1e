"""A JSON Lines record over `max_record_bytes` is rejected without being read whole (issue 13, §2).

A 1 GB record once reached 17 GB of memory; the reader now asks the file for at most the limit
(plus one byte) of a line, then skips the rest in chunks. The records around it are read.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

from rashomon.config import IngestConfig
from rashomon.ingest import read_inputs
from rashomon.ingest.jsonl import Oversized, record_lines
from rashomon.records import RawArticle, Rejected

TEXT = "The council of Brellin met on Monday to discuss the repair of the old harbour wall. " * 3


def _write(path: Path, huge_bytes: int) -> None:
    records = [
        {"id": "before", "text": TEXT},
        {"id": "huge", "text": "harbour " * (huge_bytes // 8)},
        {"id": "after", "text": TEXT},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_an_oversized_record_is_rejected_and_its_neighbours_read(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    _write(path, 4_000_000)  # a few MB, against a limit of 100 KB
    items = list(read_inputs([str(path)], replace(IngestConfig(), max_record_bytes=100_000)))
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["before", "after"]
    (rejected,) = [i for i in items if isinstance(i, Rejected)]
    assert rejected.path.endswith("export.jsonl:line 2")
    assert rejected.reason.startswith("too large: a record of 4,")
    assert "max_record_bytes (100,000)" in rejected.reason


def test_the_default_limit_reads_the_same_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    _write(path, 4_000_000)
    items = list(read_inputs([str(path)], IngestConfig()))
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["before", "huge", "after"]


class _Watched(io.BytesIO):
    """A byte stream that remembers the largest read asked of it."""

    largest = 0

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        line = super().readline(size)
        _Watched.largest = max(_Watched.largest, len(line))
        return line


def test_no_read_holds_more_than_the_limit_or_a_chunk() -> None:
    data = b'{"text": "a"}\n' + b"x" * 5_000_000 + b'\n{"text": "b"}\n'
    lines = list(record_lines(_Watched(data), limit=1_000))
    assert lines == ['{"text": "a"}\n', Oversized(5_000_001), '{"text": "b"}\n']
    assert _Watched.largest <= 1 << 20


def test_lines_split_as_in_text_mode() -> None:
    data = '\ufeff{"a": 1}\r\n{"b": "é"}\r{"c": 3}'.encode() + b"\xff\n"
    assert list(record_lines(io.BytesIO(data), limit=1_000)) == ['{"a": 1}\n', '{"b": "é"}\n', '{"c": 3}\ufffd\n']


def test_a_record_of_exactly_the_limit_is_read() -> None:
    line = b'{"text": "' + b"x" * 80 + b'"}'
    limit = len(line)
    assert list(record_lines(io.BytesIO(line + b"\n" + line), limit)) == [line.decode() + "\n", line.decode()]
    assert list(record_lines(io.BytesIO(line + b"x\n"), limit)) == [Oversized(limit + 2)]


def test_lines_already_in_memory_are_held_to_the_limit_too() -> None:
    from rashomon.ingest.ids import IdRegistry
    from rashomon.ingest.jsonl import read_jsonl

    lines = [json.dumps({"id": "small", "text": TEXT}) + "\n", json.dumps({"id": "big", "text": "é" * 600}) + "\n"]
    config = replace(IngestConfig(), max_record_bytes=1_000)
    items = list(read_jsonl(lines, "-", config, IdRegistry()))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Rejected"]
    assert items[1].path == "-:line 2"
