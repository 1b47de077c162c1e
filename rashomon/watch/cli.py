"""`rashomon watch`: the command over `watch.loop` (arguments, console output, exit codes)."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rashomon.cli_common import EXIT_OUTPUT, EXIT_USAGE, ConfigFile, err_console, fail, load_settings

if TYPE_CHECKING:
    from rashomon.config import Config
    from rashomon.watch.loop import Report
    from rashomon.watch.settings import WatchSettings

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """Seconds of `10m`, `90s`, `1h`, `1.5h` or a bare number of seconds; a usage error otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value.lower())
    seconds = float(match.group(1)) * _UNITS[match.group(2)] if match else 0.0
    if seconds <= 0:
        raise fail(f"--every {value!r}: give a duration such as 90s, 10m or 1h", EXIT_USAGE)
    return seconds


def watch(
    sources: Annotated[
        list[str], typer.Argument(help="RSS/Atom feeds, news sitemaps (or sitemap indexes), OPML lists: URLs or files.")
    ],
    store: Annotated[str, typer.Option(help="SQLite store to add the articles to (created if absent).")],
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option(help="Poll once and exit.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a connection or a read.")] = 20.0,
    host_interval: Annotated[float, typer.Option(help="Seconds between two requests to one host.")] = 1.0,
    per_host: Annotated[int, typer.Option(help="Requests in flight to one host.")] = 2,
    retries: Annotated[int, typer.Option(help="Retries on timeouts, connection errors, 5xx and 429.")] = 3,
    backoff: Annotated[float, typer.Option(help="First retry's wait in seconds (doubles each retry).")] = 1.0,
    max_page_bytes: Annotated[int, typer.Option(help="Pages larger than this are not fetched.")] = 5_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or log lines.")] = False,
    config_file: ConfigFile = None,
) -> None:
    """Follow feeds, news sitemaps and OPML lists; fetch the new articles and add them to the store.

    Each URL is fetched once; failures are recorded in the store and never stop the loop.
    Ctrl-C stops cleanly; a restart goes on where it stopped.
    """
    from rashomon.watch.settings import WatchSettings

    config = load_settings(config_file)
    seconds = parse_every(every)
    for source in sources:
        if not source.lower().startswith(("http://", "https://")) and not Path(source).is_file():
            raise fail(f"{source}: not an http(s) URL nor a file", EXIT_USAGE)
    if min(timeout, per_host, max_page_bytes) <= 0 or min(host_interval, retries, backoff) < 0:
        raise fail("--timeout, --per-host and --max-page-bytes must be positive; the others not negative", EXIT_USAGE)
    settings = WatchSettings(
        timeout=timeout, deadline=timeout * 3, retries=retries, backoff=backoff,
        host_interval=host_interval, per_host=per_host, max_page_bytes=max_page_bytes,
    )  # fmt: skip
    try:
        _run(sources, store, seconds, once, settings, config, quiet)
    except KeyboardInterrupt:
        err_console.print("stopped: fetched pages not yet added are kept and added at the next start")
        raise typer.Exit(130 if once else 0) from None


def _run(
    sources: list[str], store_path: str, every: float, once: bool, settings: WatchSettings, config: Config, quiet: bool
) -> None:
    from rashomon.store import Store, StoreUnusable, store_problem
    from rashomon.watch.loop import PollResult, watch
    from rashomon.watch.state import WatchState

    try:
        db = Store.open(store_path)
        state = WatchState(store_path, settings.attempts)
    except StoreUnusable as error:
        raise fail(str(error), EXIT_OUTPUT) from error
    except sqlite3.Error as error:
        raise fail(store_problem(store_path, error), EXIT_OUTPUT) from error

    def summary(result: PollResult) -> None:
        if not quiet:
            err_console.print(
                f"{time.strftime('%Y-%m-%d %H:%M:%S')} poll: {result.sources} sources ({result.unchanged} unchanged), "
                f"{result.new_links} new links, "
                f"{result.fetched} fetched, {result.added} added, {result.duplicates} duplicates, "
                f"{result.rejected} rejected, {result.failed} failed",
                highlight=False,
            )

    try:
        with _only_watcher(store_path), _console_report(quiet) as report:
            watch(db, state, sources, every, once, config, settings, report, on_poll=summary)
    finally:
        state.close()
        db.close()


@contextmanager
def _only_watcher(store_path: str) -> Iterator[None]:
    """Hold `STORE.watch-lock` while watching: two watchers on one store would fetch the same
    URLs. The lock is the kernel's (flock), so a killed watcher never leaves it behind."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no guard
        yield
        return
    with open(f"{store_path}.watch-lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise fail(
                f"store {store_path} is already being watched by another `rashomon watch`", EXIT_OUTPUT
            ) from error
        yield


@contextmanager
def _console_report(quiet: bool) -> Iterator[Report]:
    """Log lines and progress bars on stderr (none with --quiet)."""
    from rashomon.cli import progress_bars
    from rashomon.watch.loop import Report

    if quiet:
        yield Report()
        return

    def log(message: str) -> None:  # stamped: a watcher's log is read hours later
        err_console.print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {message}", highlight=False, markup=False)

    with progress_bars(True) as progress:
        yield Report(log, progress)  # type: ignore[arg-type]
