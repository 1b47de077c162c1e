"""Reading inputs inside Spark executors: one task reads many files, each with `read_inputs`.

The driver only lists file paths (cheap, even for a day of Common Crawl News); the bytes are read
where the task runs, so WARC files stream through an executor and never pass through the driver.
Every item carries its position (file number, record number), so the Spark runner can restore
the local runner's order wherever order matters (first of a repeated id, story grouping).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from rashomon.config import IngestConfig
from rashomon.ingest import list_inputs
from rashomon.ingest.ids import IdRegistry, id_from_path
from rashomon.records import RawArticle, Rejected

Position = tuple[int, int]
"""(file number in the sorted listing, record number within that file)."""

# Position of the rejection of a whole file that broke mid-way: after its readable records.
_FILE_FAILURE = 1 << 40


def list_input_files(paths: Sequence[str], config: IngestConfig) -> tuple[list[str], list[Rejected]]:
    """Files under `paths` in the order `read_inputs` reads them (`rashomon.ingest.list_inputs`),
    and the inputs it would reject without reading (skipped names, missing paths). Stdin ("-")
    cannot be split across executors, so it is refused."""
    if "-" in paths:
        raise ValueError("the Spark engine reads files, not stdin: write the JSON Lines to a file")
    files: list[str] = []
    rejected: list[Rejected] = []
    for item in list_inputs(paths, config):
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            files.append(str(item))
    return files, rejected


def unique_ids(numbered_ids: Iterable[tuple[Position, str]], files: Sequence[str] = ()) -> dict[Position, str]:
    """New ids for the records whose id differs from the one the executor gave (position -> new id).

    Each executor reads its files with its own id registry, so two files named `index.html` in
    two folders both come back as `index`. Locally, `read_inputs` settles which of them is
    `index` and which `index-2` by their absolute paths, whatever order they were given in
    (`IdRegistry.know_files`), and ids derived from a file's stem (`index-3` for a JSON Lines
    record, `-e3` for a feed entry, `-r3` for a WARC record without URL) follow. Given `files` (the
    listing, by file number), the stems are settled the same way here; the ids are then claimed
    in input order, as one local `read_inputs` over all files claims them.
    """
    settled = IdRegistry()
    settled.know_files(files)
    registry = IdRegistry()
    renamed: dict[Position, str] = {}
    for position, given in sorted(numbered_ids):
        wanted = _on_settled_stem(given, files[position[0]], settled) if files else given
        candidate = registry.claim_derived(wanted)
        if candidate != given:
            renamed[position] = candidate
    return renamed


def _on_settled_stem(given: str, path: str, settled: IdRegistry) -> str:
    """`given` (an executor's id for a record of the file at `path`) on the file's settled stem."""
    plain, stem = id_from_path(path), settled.stem(path)
    derived = given == plain or (given.startswith(plain) and re.fullmatch(r"-[er]?\d+", given[len(plain) :]))
    if plain == stem or not derived:
        return given
    return stem + given[len(plain) :]


def read_files(
    numbered: Iterable[tuple[int, str]], config: IngestConfig, base: str | None = None
) -> Iterator[tuple[Position, RawArticle | Rejected]]:
    """`mapPartitions` body: every record of every file, or a `Rejected` for what cannot be read.

    `read_inputs` already turns bad records into `Rejected`; the broad catch is the last line of
    defence so that one corrupt file (a truncated gzip, a bug in a parser) never fails the job.
    A relative path is read from `base` (the driver's working directory: an executor on a
    cluster runs elsewhere) and reported as given, as the local runner reports it.
    """
    from rashomon.ingest import read_inputs

    for file_number, path in numbered:
        where = os.path.join(base, path) if base and not os.path.isabs(path) else path
        try:
            for record, item in enumerate(read_inputs([where], config)):
                if where != path and item.path.startswith(where):
                    item = replace(item, path=path + item.path[len(where) :])
                yield (file_number, record), item
        except Exception as error:  # noqa: BLE001 - see docstring: a file must not fail the job
            reason = f"unreadable: {type(error).__name__}: {error}".splitlines()[0][:300]
            yield (file_number, _FILE_FAILURE), Rejected(path=path, reason=reason)
