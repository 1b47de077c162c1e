"""Adding articles posted as JSON Lines: validate, run them through ingest and clean, re-brief.

Validation happens here, before the pipeline sees anything, so a malformed body is a 400 that
names the line, and nothing is written unless every line is a JSON object. The re-brief runs
over the whole store because a new article can join, split or re-date existing stories.
"""

from __future__ import annotations

import io
import json
import threading
from dataclasses import dataclass

from rashomon.config import Config
from rashomon.records import Rejected
from rashomon.store import Store

MAX_LINES = 10_000


class BadUpload(ValueError):
    """The posted body is not usable JSON Lines; the message says which line and why."""


class PipelineMissing(RuntimeError):
    """The pipeline functions this needs are not available in this installation."""


@dataclass(slots=True, frozen=True)
class AddResult:
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


_WRITE_LOCK = threading.Lock()


def add_jsonl(store: Store, body: bytes, config: Config) -> AddResult:
    """Ingest, clean and store the posted articles, then re-brief the store.

    One writer at a time: two posts re-briefing at once would each save a brief missing the
    other's articles.
    """
    text = check_jsonl(body)
    try:
        from rashomon.pipeline import clean_batch, read_all, rebuild_store_brief
    except ImportError as error:
        raise PipelineMissing(f"pipeline unavailable: {error}") from error
    received = sum(1 for line in text.splitlines() if line.strip())
    with _WRITE_LOCK:
        try:
            raws, read_rejects = read_all(["-"], config, stdin=io.StringIO(text))
            articles, clean_rejects = clean_batch(raws, config)
            added = store.add_articles(articles)
            previous = store.load_brief()
            earlier = previous.rejected if previous else ()
            rejected = tuple(dict.fromkeys([*earlier, *read_rejects, *clean_rejects]))
            brief = rebuild_store_brief(store, config, rejected)
        except ImportError as error:  # a stage the pipeline imports lazily is not installed
            raise PipelineMissing(f"pipeline unavailable: {error}") from error
    return AddResult(received, added, tuple([*read_rejects, *clean_rejects]), len(brief.stories))


def add_inputs(store: Store, paths: list[str], config: Config) -> AddResult:
    """Ingest files or directories into the store at start-up (`create_app(inputs=...)`)."""
    try:
        from rashomon.pipeline import clean_batch, read_all, rebuild_store_brief
    except ImportError as error:
        raise PipelineMissing(f"pipeline unavailable: {error}") from error
    with _WRITE_LOCK:
        try:
            raws, read_rejects = read_all(paths, config)
            articles, clean_rejects = clean_batch(raws, config)
            added = store.add_articles(articles)
            brief = rebuild_store_brief(store, config, [*read_rejects, *clean_rejects])
        except ImportError as error:
            raise PipelineMissing(f"pipeline unavailable: {error}") from error
    return AddResult(len(raws), added, tuple([*read_rejects, *clean_rejects]), len(brief.stories))
