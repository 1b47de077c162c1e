"""Adding articles posted as JSON Lines: validate, then `add_to_store` (ingest, clean, re-brief).

Validation happens here, before the pipeline sees anything, so a malformed body is a 400 that
names the line, and nothing is written unless every line is a JSON object. The re-brief runs
over the whole store because a new article can join, split or re-date existing stories.
"""

from __future__ import annotations

import io
import json
import threading
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


# Serialises the adds of this process so that they do not waste work re-briefing against each
# other. Correctness does not rest on it: across processes (several uvicorn workers),
# `add_to_store` saves a brief only if the store did not change since its articles were read.
_WRITE_LOCK = threading.Lock()


def add_jsonl(store: Store, body: bytes, config: Config) -> AddResponse:
    """Validate the posted JSON Lines, then add them with `add_to_store`.

    `received` counts the non-blank lines posted; `rejected` is this post's rejects (the stored
    brief lists them too, with those of earlier adds).
    """
    text = check_jsonl(body)
    received = sum(1 for line in text.splitlines() if line.strip())
    result = _add(store, ["-"], config, io.StringIO(text))
    return AddResponse(received, result.added, result.rejected, len(result.brief.stories))


def add_inputs(store: Store, paths: list[str], config: Config) -> AddResponse:
    """Ingest files or directories into the store at start-up (`create_app(inputs=...)`).

    `received` counts the articles cleaned plus the inputs rejected.
    """
    result = _add(store, paths, config, None)
    received = result.cleaned + len(result.rejected)
    return AddResponse(received, result.added, result.rejected, len(result.brief.stories))


def _add(store: Store, paths: list[str], config: Config, stdin: io.StringIO | None) -> AddResult:
    try:
        from rashomon.adding import add_to_store
    except ImportError as error:
        raise PipelineMissing(f"pipeline unavailable: {error}") from error
    with _WRITE_LOCK:
        try:
            return add_to_store(store, paths, config, stdin=stdin)
        except ImportError as error:  # a stage the pipeline imports lazily is not installed
            raise PipelineMissing(f"pipeline unavailable: {error}") from error
