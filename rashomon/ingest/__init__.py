"""Ingest: any news input in (text, HTML, WARC, RSS/Atom, JSON Lines, gzip of these, folders),
RawArticle or Rejected out, never an exception.

`read_inputs` is the edge of the pipeline: it is the only stage that touches files. Formats are
sniffed from content (see `sniff.py`); each input ends as articles or as a Rejected whose path
points at it (`#record N` inside a WARC, `:line N` inside JSON Lines, `#entry N` in a feed).
"""

from __future__ import annotations

import fnmatch
import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

from rashomon.config import IngestConfig
from rashomon.ingest.files import read_file
from rashomon.ingest.ids import IdRegistry
from rashomon.ingest.jsonl import read_jsonl
from rashomon.ingest.plaintext import read_plaintext
from rashomon.records import RawArticle, Rejected

__all__ = ["input_bytes", "list_inputs", "read_inputs", "reason_class", "summarise_rejections"]

STDIN = "<stdin>"


def read_inputs(
    paths: Sequence[str],
    config: IngestConfig,
    stdin: IO[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[RawArticle | Rejected]:
    """Every article of every input, in a stable order (directories walked sorted, recursively).

    `-` reads JSON Lines from `stdin` (or, when it does not start with `{`, one pasted article).
    `progress`, if given, is called with the number of input bytes read so far since its last
    call; with `input_bytes(paths)` as the total it drives a progress bar.
    """
    ids = IdRegistry()
    for name in paths:
        if name == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, config, ids)
            continue
        for item in list_inputs([name], config):
            if isinstance(item, Path):
                yield from _guarded(item, config, ids, progress)
                continue
            if progress is not None and Path(item.path).is_file():
                progress(Path(item.path).stat().st_size)
            yield item


def list_inputs(paths: Sequence[str], config: IngestConfig) -> Iterator[Path | Rejected]:
    """The files `read_inputs` reads, in its order, and the inputs it rejects unread.

    Directories are walked recursively in sorted order; names matching `skip_names`, or hidden
    below the root, are skipped. The Spark runner lists its inputs with this too, so both runners
    read the same files in the same order. "-" (stdin) is not a file and is left to the caller.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in _walk(path):
                if _skipped(child, path, config):
                    yield Rejected(str(child), "skipped: not an article (name matches skip_names)")
                else:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Rejected(name, "not found: no such file or directory")


def input_bytes(paths: Sequence[str]) -> int:
    """Total size of the files `read_inputs(paths)` will read: the total of a progress bar."""
    total = 0
    for name in paths:
        path = Path(name)
        if path.is_dir():
            total += sum(child.stat().st_size for child in _walk(path))
        elif path.is_file():
            total += path.stat().st_size
    return total


def summarise_rejections(rejected: Sequence[Rejected]) -> dict[str, int]:
    """Count of rejections by reason class (the part of the reason before the colon), largest first."""
    counts = Counter(reason_class(r.reason) for r in rejected)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def reason_class(reason: str) -> str:
    """`"invalid JSON: Expecting value ..."` -> `"invalid JSON"`."""
    return reason.split(":", 1)[0].strip() or "unknown"


def _guarded(
    path: Path, config: IngestConfig, ids: IdRegistry, progress: Callable[[int], None] | None
) -> Iterator[RawArticle | Rejected]:
    """read_file, with any unforeseen failure turned into a Rejected for that file."""
    try:
        yield from read_file(path, config, ids, progress)
    except Exception as err:  # noqa: BLE001 -- the edge: one bad file must never stop the batch
        detail = " ".join(str(err).split())[:80]
        yield Rejected(str(path), f"unreadable: {type(err).__name__}{': ' + detail if detail else ''}")


def _walk(root: Path) -> Iterator[Path]:
    for child in sorted(root.rglob("*")):
        if child.is_file():
            yield child


def _skipped(child: Path, root: Path, config: IngestConfig) -> bool:
    parts = child.relative_to(root).parts
    return any(part.startswith(".") for part in parts) or any(
        fnmatch.fnmatch(child.name, pattern) for pattern in config.skip_names
    )


def _read_stdin(stream: IO[str], config: IngestConfig, ids: IdRegistry) -> Iterator[RawArticle | Rejected]:
    lines = iter(stream)
    leading, first = 0, None
    for line in lines:
        if line.strip():
            first = line
            break
        leading += 1
    if first is None:
        yield Rejected(STDIN, "empty: nothing on standard input")
    elif first.lstrip().startswith("{"):
        yield from read_jsonl(itertools.chain([""] * leading, [first], lines), STDIN, config, ids)
    else:
        text = first + "".join(lines)
        yield read_plaintext(text, STDIN, ids.claim_derived("stdin"))
