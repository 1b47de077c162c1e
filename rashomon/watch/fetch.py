"""Polite HTTP: robots.txt, per-host concurrency and pacing, timeouts, retries with backoff, and
caps on body size and redirects. Every outcome is a `Page` or a `Failure`, never an exception,
so one bad URL cannot stop a poll.

Redirects are followed by hand (not by httpx) so that each hop is checked against its own host's
robots.txt and limits, and so that a loop is named as one.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from rashomon.watch.settings import ROBOTS_AGENT, WatchSettings
from rashomon.watch.urls import normalise, origin_of

_ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB


@dataclass(slots=True, frozen=True)
class Validators:
    """What a server said to tell, next time, whether a document changed (conditional GET)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        sent = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in sent.items() if value}


@dataclass(slots=True, frozen=True)
class Page:
    """A fetched document (or, with `not_modified`, the news that it has not changed)."""

    url: str  # where it was finally found, after redirects
    body: bytes = b""
    content_type: str | None = None
    validators: Validators = Validators()
    not_modified: bool = False


@dataclass(slots=True, frozen=True)
class Failure:
    """Why `url` could not be fetched; a `transient` failure may succeed at a later poll."""

    url: str
    reason: str
    transient: bool


class Refused(Exception):
    """A fetch that must not be retried now (4xx, too large, redirect loop, robots.txt)."""

    def __init__(self, reason: str, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


class Retry(Exception):
    """A fetch worth trying again after a pause (5xx, 429); `after` is the server's Retry-After."""

    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.after = after


@dataclass(slots=True)
class RobotsCache:
    """robots.txt rules by origin, kept between polls (`WatchSettings.robots_ttl`)."""

    rules: dict[str, tuple[RobotFileParser, float]] = field(default_factory=dict)

    def get(self, origin: str, now: float, ttl: float) -> RobotFileParser | None:
        found = self.rules.get(origin)
        return found[0] if found is not None and now - found[1] < ttl else None


def parse_robots(text: str | None) -> RobotFileParser:
    """Rules from a robots.txt body; None (no robots.txt, a 4xx) allows everything."""
    rules = RobotFileParser()
    rules.parse(text.splitlines() if text is not None else [])  # no rules: everything allowed
    rules.modified()  # marks the rules as read: can_fetch refuses everything until then
    return rules


def retry_after(value: str | None, cap: float) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), at most `cap`."""
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value.strip()), cap)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(when.timestamp() - time.time(), 0.0), cap)


class Fetcher:
    """One poll's HTTP client (an `async with` block), with the robots rules kept across polls."""

    def __init__(
        self,
        settings: WatchSettings,
        robots: RobotsCache | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.robots = robots if robots is not None else RobotsCache()
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._all = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, tuple[asyncio.Semaphore, asyncio.Lock]] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._robots_down: dict[str, str] = {}  # origin -> why its robots.txt could not be read

    async def __aenter__(self) -> Fetcher:
        timeout = httpx.Timeout(self.settings.timeout)
        headers = {"User-Agent": self.settings.user_agent}
        self._client = httpx.AsyncClient(
            headers=headers, timeout=timeout, follow_redirects=False, transport=self._transport
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def fetch(self, url: str, limit: int, validators: Validators | None = None) -> Page | Failure:
        """`url` with retries and backoff; at most `limit` body bytes."""
        settings = self.settings
        for attempt in range(settings.retries + 1):
            try:
                return await self._follow(url, limit, validators or Validators())
            except Refused as refused:
                return Failure(url, str(refused), refused.transient)
            except httpx.UnsupportedProtocol as error:
                return Failure(url, f"bad URL: {error}", transient=False)
            except (Retry, httpx.TransportError, TimeoutError) as error:
                reason = _reason(error, settings.deadline)
                if attempt == settings.retries:
                    return Failure(url, f"{reason} (after {attempt + 1} tries)", transient=True)
                wait = error.after if isinstance(error, Retry) and error.after is not None else None
                await asyncio.sleep(
                    min(wait if wait is not None else settings.backoff * 2**attempt, settings.max_backoff)
                )
            except (httpx.HTTPError, httpx.InvalidURL) as error:  # a bad URL, an undecodable body
                return Failure(url, f"{type(error).__name__}: {' '.join(str(error).split())[:80]}", transient=False)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _follow(self, url: str, limit: int, validators: Validators) -> Page:
        chain = [url]
        current = url
        for _ in range(self.settings.max_redirects + 1):
            await self._check_robots(current)
            # the deadline runs from the request, not from the wait for a slot behind the host's queue
            async with (
                self._slot(origin_of(current)),
                asyncio.timeout(self.settings.deadline),
                self._stream(current, validators.headers()) as response,
            ):
                if not response.has_redirect_location:
                    return await _page(current, response, limit, self.settings.max_backoff)
                target = normalise(urljoin(current, response.headers.get("location", "")))
            if target is None:
                raise Refused(f"redirect to an unusable address from {current}")
            if target in chain:
                raise Refused(f"redirect loop: {' -> '.join([*chain, target])}")
            chain.append(target)
            current = target
        raise Refused(f"too many redirects (more than {self.settings.max_redirects}) from {url}")

    @asynccontextmanager
    async def _stream(self, url: str, headers: dict[str, str]) -> AsyncIterator[httpx.Response]:
        assert self._client is not None, "Fetcher is used inside `async with`"
        async with self._client.stream("GET", url, headers=headers) as response:
            yield response

    @asynccontextmanager
    async def _slot(self, origin: str) -> AsyncIterator[None]:
        """A request slot on `origin`: at most `per_host` in flight, starts `host_interval` apart."""
        if origin not in self._hosts:
            self._hosts[origin] = (asyncio.Semaphore(self.settings.per_host), asyncio.Lock())
        host, pacing = self._hosts[origin]
        async with host:
            async with pacing:
                loop = asyncio.get_running_loop()
                wait = self._next_start.get(origin, 0.0) - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                interval = max(self.settings.host_interval, self._delays.get(origin, 0.0))
                self._next_start[origin] = loop.time() + interval
            async with self._all:  # taken last: a page queued behind its host never blocks other hosts
                yield

    async def _check_robots(self, url: str) -> None:
        origin = origin_of(url)
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # one robots.txt request per host, however many pages wait for it
            if origin in self._robots_down:  # asked once per poll: the host's other pages wait too
                raise Refused(self._robots_down[origin], transient=True)
            rules = self.robots.get(origin, time.monotonic(), self.settings.robots_ttl)
            if rules is None:
                try:
                    rules = await self._read_robots(origin)
                except Refused as refused:
                    self._robots_down[origin] = str(refused)
                    raise
                self.robots.rules[origin] = (rules, time.monotonic())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            self._delays[origin] = min(float(delay), self.settings.max_backoff)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise Refused("disallowed by robots.txt")

    async def _read_robots(self, origin: str) -> RobotFileParser:
        """The origin's rules: a 4xx means no rules; an unreachable or failing robots.txt means
        none of the site may be fetched for now (RFC 9309, 2.3.1), a transient failure."""
        try:
            async with (
                self._slot(origin),
                asyncio.timeout(self.settings.deadline),
                self._stream(f"{origin}/robots.txt", {}) as response,
            ):
                if 400 <= response.status_code < 500:
                    return parse_robots(None)
                if response.status_code != 200:
                    raise Refused(f"robots.txt answered HTTP {response.status_code}", transient=True)
                body = await _capped(response, _ROBOTS_BYTES, truncate=True)
        except (httpx.TransportError, TimeoutError) as error:
            raise Refused(
                f"robots.txt unreachable: {_reason(error, self.settings.deadline)}", transient=True
            ) from error
        return parse_robots(body.decode("utf-8", errors="replace"))


async def _page(url: str, response: httpx.Response, limit: int, max_wait: float) -> Page:
    status = response.status_code
    if status == 304:
        return Page(url, not_modified=True)
    if status == 429 or status >= 500:
        raise Retry(f"HTTP {status}", retry_after(response.headers.get("retry-after"), max_wait))
    if status != 200:
        raise Refused(f"HTTP {status}")
    body = await _capped(response, limit)
    validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
    return Page(url, body, response.headers.get("content-type"), validators)


async def _capped(response: httpx.Response, limit: int, truncate: bool = False) -> bytes:
    """The body, streamed: reading stops past `limit` bytes, so a huge page never sits in memory."""
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > limit:
        raise Refused(f"too large: {int(declared):,} bytes declared, over the cap of {limit:,}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            if truncate:
                chunks.append(chunk[: limit - size + len(chunk)])
                break
            raise Refused(f"too large: over the cap of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(error: BaseException, deadline: float) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"timeout ({type(error).__name__})"
    if isinstance(error, TimeoutError):
        return f"timeout: not done within {deadline:g} s"
    if isinstance(error, Retry):
        return str(error)
    return f"connection failed ({type(error).__name__}: {' '.join(str(error).split())[:80]})"
