"""Ingest: any news input in (text, HTML, WARC, RSS/Atom, JSON Lines, gzip of these, folders),
RawArticle or Rejected out, never an exception.

`read_inputs` is the edge of the pipeline: it is the only stage that touches files. Formats are
sniffed from content (see `sniff.py`); each input ends as articles or as a Rejected whose path
points at it (`#record N` inside a WARC, `:line N` inside JSON Lines, `#entry N` in a feed).
"""

from __future__ import annotations

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
from rashomon.ingest.sniff import SNIFF_BYTES, looks_like_jsonl
from rashomon.ingest.walk import display_path, walk_inputs
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

    `-` reads JSON Lines from `stdin` (or, when it does not look like JSON Lines, one pasted
    article). `progress`, if given, is called with the number of input bytes read so far since
    its last call; with `input_bytes(paths)` as the total it drives a progress bar. Inputs are
    listed before any is read, so that ids do not depend on the order of `paths`.
    """
    listed = [(name, list(list_inputs([name], config)) if name != "-" else []) for name in paths]
    ids = IdRegistry()
    ids.know_files(display_path(item) for _, items in listed for item in items if isinstance(item, Path))
    for name, items in listed:
        if name == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, config, ids)
            continue
        for item in items:
            if isinstance(item, Path):
                yield from _guarded(item, config, ids, progress)
                continue
            yield item


def list_inputs(paths: Sequence[str], config: IngestConfig) -> Iterator[Path | Rejected]:
    """The files `read_inputs` reads, in its order, and the inputs it rejects unread.

    Directories are walked recursively in sorted order; names matching `skip_names`, hidden
    below the root, symlinks that leave the directory and anything but regular files are
    rejected (see `walk.py`). The Spark runner lists its inputs with this too, so both runners
    read the same files in the same order. "-" (stdin) is not a file and is left to the caller.
    """
    yield from walk_inputs(list(paths), config)


def input_bytes(paths: Sequence[str], config: IngestConfig | None = None) -> int:
    """Total size of the files `read_inputs(paths)` will read: the total of a progress bar."""
    total = 0
    for item in list_inputs([name for name in paths if name != "-"], config or IngestConfig()):
        if isinstance(item, Path):
            total += item.stat().st_size
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
        yield Rejected(display_path(path), f"unreadable: {type(err).__name__}{': ' + detail if detail else ''}")


def _read_stdin(stream: IO[str], config: IngestConfig, ids: IdRegistry) -> Iterator[RawArticle | Rejected]:
    """JSON Lines when the first lines look like them (see `looks_like_jsonl`), else one article."""
    lines = iter(stream)
    head: list[str] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= SNIFF_BYTES:
            break
    text = "".join(head)
    if not text.strip():
        yield Rejected(STDIN, "empty: nothing on standard input")
    elif looks_like_jsonl(text.encode("utf-8", errors="surrogatepass"), complete=True):
        yield from read_jsonl(itertools.chain(head, lines), STDIN, config, ids)
    else:
        yield read_plaintext(text + "".join(lines), STDIN, ids.claim_derived("stdin"))
