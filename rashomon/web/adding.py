"""Adding articles posted as JSON Lines: validate, then `add_to_store` (ingest, clean, re-brief).

Validation happens here, before the pipeline sees anything, so a malformed body is a 400 that
names the line, and nothing is written unless every line is a JSON object. The re-brief runs
over the whole store because a new article can join, split or re-date existing stories.
"""

from __future__ import annotations

import asyncio
import io
import json
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rashomon.config import Config
from rashomon.records import Rejected
from rashomon.store import Store

if TYPE_CHECKING:
    from rashomon.adding import AddResult

MAX_LINES = 10_000


class BadUpload(ValueError):
    """The posted body is not usable JSON Lines; the message says which line and why."""


class PipelineMissing(RuntimeError):
    """The pipeline functions this needs are not available in this installation."""


@dataclass(slots=True, frozen=True)
class AddResponse:
    """The JSON answer to POST /api/articles."""

    received: int  # non-blank lines posted
    added: int  # articles new to the store
    rejected: tuple[Rejected, ...]
    stories: int  # stories in the rebuilt brief


def check_jsonl(body: bytes) -> str:
    """The body as text once every non-blank line is a JSON object with text or html, in valid UTF-8."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadUpload(f"body is not UTF-8 (byte {error.start})") from error
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        count += 1
        if count > MAX_LINES:
            raise BadUpload(f"more than {MAX_LINES} lines; post in smaller batches")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadUpload(f"line {number}: not JSON ({error.msg})") from error
        except RecursionError as error:
            raise BadUpload(f"line {number}: JSON nested too deeply") from error
        if not isinstance(record, dict):
            raise BadUpload(f"line {number}: expected a JSON object, got {type(record).__name__}")
        if not any(isinstance(record.get(k), str) and record[k].strip() for k in ("text", "html")):
            raise BadUpload(f'line {number}: an article needs a non-empty "text" or "html" string')
        try:
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as error:
            raise BadUpload(f"line {number}: text with an unpaired surrogate") from error
    if count == 0:
        raise BadUpload("empty body: post one JSON object per line")
    return text


# Serialises the adds of this process (the `Adder`'s worker, or start-up inputs) so that they do
# not waste work re-briefing against each other. Correctness does not rest on it: across
# processes (several uvicorn workers, the Adder's worker), `add_to_store` saves a brief only if
# the store did not change since its articles were read.
_WRITE_LOCK = threading.Lock()


def add_jsonl(store: Store, body: bytes, config: Config) -> AddResponse:
    """Validate the posted JSON Lines, then add them with `add_to_store`.

    `received` counts the non-blank lines posted; `rejected` is this post's rejects (the stored
    brief lists them too, with those of earlier adds).
    """
    text = check_jsonl(body)
    received = sum(1 for line in text.splitlines() if line.strip())
    result = _add(store, ["-"], config, io.StringIO(text))
    return AddResponse(received, result.added, result.rejected, result.stories)


def add_inputs(store: Store, paths: list[str], config: Config) -> AddResponse:
    """Ingest files or directories into the store at start-up (`create_app(inputs=...)`).

    `received` counts the articles cleaned plus the inputs rejected.
    """
    result = _add(store, paths, config, None)
    received = result.cleaned + len(result.rejected)
    return AddResponse(received, result.added, result.rejected, result.stories)


class Adder:
    """Runs POSTed adds one at a time in a worker process, off the server's event loop and GIL.

    The pipeline is CPU-bound Python: in a thread of the server it would hold the GIL for seconds
    and every read waited behind it. The worker opens the store by path (SQLite's locks and the
    revision check in `add_to_store` keep it safe beside other writers); an in-memory store
    exists only in this process, so its adds run in a thread instead.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    async def add(self, body: bytes, config: Config) -> AddResponse:
        if self.store.path == ":memory:":
            return await asyncio.to_thread(add_jsonl, self.store, body, config)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor(), add_jsonl_at, self.store.path, body, config)
        except BrokenProcessPool as error:  # the worker died (killed, out of memory): start anew next time
            self.close()
            raise PipelineMissing(f"the adding worker process stopped: {error}") from error

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server has threads (and SQLite connections) a fork would copy.
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


# The worker's store, opened once per worker process and path.
_WORKER_STORES: dict[str, Store] = {}


def add_jsonl_at(store_path: str, body: bytes, config: Config) -> AddResponse:
    """`add_jsonl` on the store at `store_path`: what the `Adder`'s worker process runs."""
    store = _WORKER_STORES.get(store_path)
    if store is None:
        store = _WORKER_STORES[store_path] = Store.open(store_path)
    return add_jsonl(store, body, config)


def _add(store: Store, paths: list[str], config: Config, stdin: io.StringIO | None) -> AddResult:
    try:
        from rashomon.adding import add_to_store
    except ImportError as error:
        raise PipelineMissing(f"pipeline unavailable: {error}") from error
    with _WRITE_LOCK:
        try:
            return add_to_store(store, paths, config, stdin=stdin, skip_unchanged=True)
        except ImportError as error:  # a stage the pipeline imports lazily is not installed
            raise PipelineMissing(f"pipeline unavailable: {error}") from error
