"""`export_clean`: read and clean inputs as `brief` does and write the articles as JSON Lines.

The same `read_all` and `clean_batch` as the brief (so the same extraction, learned lines and
rejects); nothing after cleaning runs. The rejects go to a second file beside the output,
`NAME.rejected.jsonl` (one `{"path", "reason"}` per line), as the brief lists them in `rejected`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rashomon.clean.export import article_record, rejected_record
from rashomon.config import Config
from rashomon.pipeline import Progress, clean_batch, input_paths, no_progress, read_all
from rashomon.records import Rejected


@dataclass(slots=True, frozen=True)
class ExportResult:
    articles: int
    rejected: tuple[Rejected, ...]
    written: tuple[Path, ...]


def rejected_path(out: Path) -> Path:
    """`articles.jsonl` -> `articles.rejected.jsonl`."""
    return out.with_name(f"{out.stem}.rejected{out.suffix or '.jsonl'}")


def export_clean(
    paths: Sequence[str],
    out: str,
    config: Config,
    stdin: IO[str] | None = None,
    progress: Progress = no_progress,
) -> ExportResult:
    """Clean `paths` into `out` (`-` for standard output); raises OSError when it cannot write."""
    raws, rejected = read_all(input_paths(paths), config, stdin, progress)
    articles, clean_rejects = clean_batch(raws, config, progress)
    rejects = (*rejected, *clean_rejects)
    lines = [json.dumps(article_record(a), ensure_ascii=False) + "\n" for a in articles]
    if out == "-":
        sys.stdout.writelines(lines)
        return ExportResult(len(articles), rejects, ())
    target = Path(out)
    if target.parent != Path(""):
        target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(target, lines)
    side = rejected_path(target)
    _write_atomic(side, [json.dumps(rejected_record(r), ensure_ascii=False) + "\n" for r in rejects])
    return ExportResult(len(articles), rejects, (target, side))


def _write_atomic(target: Path, lines: list[str]) -> None:
    """Write through a temporary file so that a reader never sees half an export."""
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.writelines(lines)
    tmp.replace(target)
