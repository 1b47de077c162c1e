"""One poll: read the sources, fetch the new links, add the pages; and the loop that repeats it.

Fetching is asynchronous (many hosts at once, each paced, see `fetch.py`); adding is the usual
synchronous `add_to_store`, run between batches of pages. Every outcome is written to the
watch tables as it happens (`state.py`), so Ctrl-C or a kill at any point loses nothing: pages
fetched but not added are kept and added at the next start.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from rashomon.adding import add_to_store
from rashomon.config import Config
from rashomon.ingest.encoding import charset_from_content_type, decode_bytes
from rashomon.pipeline import Progress, no_progress
from rashomon.store import StaleBrief, Store
from rashomon.watch.feeds import Link, discover
from rashomon.watch.fetch import Failure, Fetcher, Page, RobotsCache, Validators
from rashomon.watch.settings import WatchSettings
from rashomon.watch.state import WatchState
from rashomon.watch.urls import canonical_of, normalise

# An OPML list may name sitemap indexes that name sitemaps: deeper nesting is a loop or a trap.
MAX_DEPTH = 3
_PAGE_TYPES = ("html", "xml", "text/plain")


def _silent(message: str) -> None:
    """No log lines (the Python API's default)."""


@dataclass(slots=True, frozen=True)
class Report:
    """Where a poll tells what it does: one-line log messages and progress counts."""

    log: Callable[[str], None] = _silent
    progress: Progress = no_progress


@dataclass(slots=True)
class PollResult:
    """What one poll did."""

    sources: int = 0  # source documents read (changed or not)
    unchanged: int = 0  # of those, answered 304 Not Modified
    new_links: int = 0  # article URLs seen for the first time
    fetched: int = 0  # pages fetched
    duplicates: int = 0  # of those, an article already fetched under another URL
    failed: int = 0  # sources and pages that could not be fetched or read
    added: int = 0  # articles new to the store
    rejected: int = 0  # pages the store refused (no article text, ...)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason) of this poll


def is_local(source: str) -> bool:
    return not source.lower().startswith(("http://", "https://"))


def poll(
    store: Store,
    state: WatchState,
    sources: Sequence[str],
    config: Config | None = None,
    settings: WatchSettings | None = None,
    report: Report | None = None,
    robots: RobotsCache | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> PollResult:
    """Read `sources` (URLs, or local files), fetch what they link to that was never fetched, add it."""
    config, settings, report = config or Config(), settings or WatchSettings(), report or Report()
    result = PollResult()
    add_kept(store, state, config, report, result)  # pages an interrupted run fetched but did not add
    fetcher = Fetcher(settings, robots, transport)
    asyncio.run(_poll(fetcher, store, state, sources, config, report, result))
    return result


def watch(
    store: Store,
    state: WatchState,
    sources: Sequence[str],
    every: float,
    once: bool = False,
    config: Config | None = None,
    settings: WatchSettings | None = None,
    report: Report | None = None,
    on_poll: Callable[[PollResult], None] | None = None,
) -> None:
    """Poll every `every` seconds (from the start of one poll to the next) until interrupted."""
    robots = RobotsCache()
    while True:
        started = time.monotonic()
        try:
            result = poll(store, state, sources, config, settings, report, robots)
        except Exception as error:  # noqa: BLE001 -- a poll that breaks (a locked store, a bug) is logged; the next one runs
            if once:
                raise
            (report or Report()).log(f"poll failed: {type(error).__name__}: {error}")
            result = None
        if on_poll is not None and result is not None:
            on_poll(result)
        if once:
            return
        time.sleep(max(0.0, every - (time.monotonic() - started)))


async def _poll(
    fetcher: Fetcher,
    store: Store,
    state: WatchState,
    sources: Sequence[str],
    config: Config,
    report: Report,
    result: PollResult,
) -> None:
    settings = fetcher.settings
    async with fetcher:
        await _read_sources(fetcher, state, sources, report, result)
        due = state.due(limit=1_000_000)
        done = 0
        for start in range(0, len(due), settings.batch):
            batch = due[start : start + settings.batch]
            for task in asyncio.as_completed([_fetch_page(fetcher, state, link, report, result) for link in batch]):
                await task
                done += 1
                report.progress("fetch", done, len(due))
            add_kept(store, state, config, report, result)


async def _read_sources(
    fetcher: Fetcher, state: WatchState, sources: Sequence[str], report: Report, result: PollResult
) -> None:
    """Every source, then the sources they list (OPML feeds, sitemap index entries), level by level."""
    seen: set[str] = set()
    level = [_source_key(s) for s in sources]
    for _ in range(MAX_DEPTH + 1):
        level = [s for s in dict.fromkeys(level) if s not in seen]
        if not level:
            return
        seen.update(level)
        found = await asyncio.gather(*(_read_source(fetcher, state, s, report, result) for s in level))
        level = [child for children in found for child in children]


def _source_key(source: str) -> str:
    if is_local(source):
        return str(Path(source).resolve())
    return normalise(source) or source


async def _read_source(
    fetcher: Fetcher, state: WatchState, source: str, report: Report, result: PollResult
) -> list[str]:
    """Read one source and record its links; returns the sources it lists."""
    settings = fetcher.settings
    if is_local(source):
        page: Page | Failure = _read_file(source, settings.max_feed_bytes)
    else:
        page = await fetcher.fetch(source, settings.max_feed_bytes, state.validators(source))
    if isinstance(page, Failure):
        _source_failed(state, source, page.reason, report, result)
        return state.children(source)  # a failing OPML list still has the feeds it listed
    result.sources += 1
    if page.not_modified:
        result.unchanged += 1
        state.source_unchanged(source)
        report.log(f"unchanged {source}")
        return state.children(source)
    found = discover(page.body, page.url if not is_local(source) else "", settings.max_feed_bytes)
    if found.problem is not None:
        _source_failed(state, source, found.problem, report, result)
        return []
    new = state.source_read(source, found.kind, page.validators, found.links, found.sources)
    result.new_links += new
    listed = f", {len(found.sources)} sources" if found.sources else ""
    report.log(f"read {found.kind} {source}: {len(found.links)} links, {new} new{listed}")
    return list(found.sources)


def _read_file(path: str, limit: int) -> Page | Failure:
    try:
        with open(path, "rb") as handle:
            body = handle.read(limit + 1)
    except OSError as error:
        return Failure(path, f"cannot read: {error.strerror or error}", transient=True)
    if len(body) > limit:
        return Failure(path, f"too large: over the cap of {limit:,} bytes", transient=False)
    return Page(path, body, None, Validators())


def _source_failed(state: WatchState, source: str, reason: str, report: Report, result: PollResult) -> None:
    state.source_failed(source, reason)
    result.failed += 1
    result.failures.append((source, reason))
    report.log(f"failed {source}: {reason}")


async def _fetch_page(fetcher: Fetcher, state: WatchState, link: Link, report: Report, result: PollResult) -> None:
    """Fetch one article page and keep it (or record why not, or whose duplicate it is)."""
    page = await fetcher.fetch(link.url, fetcher.settings.max_page_bytes)
    try:
        _keep_page(state, link, page, report, result)
    except (ValueError, TypeError, LookupError) as error:  # a page that breaks decoding: its own failure
        _page_failed(
            state,
            link.url,
            Failure(link.url, f"unreadable page: {type(error).__name__}: {error}", False),
            report,
            result,
        )


def _keep_page(state: WatchState, link: Link, page: Page | Failure, report: Report, result: PollResult) -> None:
    if isinstance(page, Page) and page.content_type and not any(t in page.content_type for t in _PAGE_TYPES):
        page = Failure(link.url, f"not a web page: {page.content_type.split(';')[0]}", transient=False)
    if isinstance(page, Page) and page.not_modified:
        page = Failure(link.url, "HTTP 304 to an unconditional request", transient=False)
    if isinstance(page, Failure):
        _page_failed(state, link.url, page, report, result)
        return
    html = decode_bytes(page.body, charset_from_content_type(page.content_type))
    record: dict[str, Any] = {"url": page.url, "html": html}
    record.update({k: v for k, v in (("title", link.title), ("published", link.published)) if v})
    digest = hashlib.sha256(page.body).hexdigest()
    same_as = state.fetched(link.url, page.url, digest, canonical_of(html, page.url), record)
    result.fetched += 1
    if same_as is not None:
        result.duplicates += 1
        report.log(f"duplicate {link.url}: the same article as {same_as}")


def _page_failed(state: WatchState, url: str, failure: Failure, report: Report, result: PollResult) -> None:
    again = state.failed(url, failure.reason, failure.transient)
    result.failed += 1
    result.failures.append((url, failure.reason))
    report.log(f"failed {url}: {failure.reason}{' (will try again next poll)' if again else ''}")


def add_kept(store: Store, state: WatchState, config: Config, report: Report, result: PollResult) -> None:
    """Add the pages kept in the watch tables to the store, then mark them added (or rejected).

    A page is marked only after `add_to_store` returned, so its article is committed first; if
    the add fails or another writer keeps the brief stale, the pages stay kept for the next poll.
    """
    with tempfile.TemporaryDirectory(prefix="rashomon-watch-") as tmp:
        path = str(Path(tmp) / "watch.jsonl")
        urls: list[str] = []
        with open(path, "w", encoding="utf-8") as out:
            for url, record in state.kept_pages():
                out.write(record + "\n")
                urls.append(url)
        if not urls:
            return
        try:
            added = add_to_store(store, [path], config, progress=report.progress)
        except (StaleBrief, sqlite3.Error, OSError, ValueError) as error:
            report.log(f"could not add {len(urls)} pages (kept for the next poll): {error}")
            return
    rejects = _rejects_by_line(path, [(r.path, r.reason) for r in added.rejected])
    for number, url in enumerate(urls, start=1):
        if number in rejects:
            state.rejected(url, rejects[number])
            result.rejected += 1
            result.failures.append((url, rejects[number]))
            report.log(f"rejected {url}: {rejects[number]}")
    state.added(url for number, url in enumerate(urls, start=1) if number not in rejects)
    result.added += added.added
    report.log(f"added {added.added} articles ({len(urls) - len(rejects)} pages, {len(rejects)} rejected)")


def _rejects_by_line(path: str, rejects: Sequence[tuple[str, str]]) -> dict[int, str]:
    """The reason for each rejected line of the JSON Lines file at `path`."""
    line = re.compile(re.escape(path) + r":line (\d+)")
    found: dict[int, str] = {}
    for where, reason in rejects:
        match = line.match(where)
        if match:
            found.setdefault(int(match.group(1)), reason)
    return found
