"""A local HTTP server for the watch tests (no internet): routes are set per test.

Each route answers with a `Reply` or a function of the request giving one. The server counts
requests per path, remembers the headers it was sent, tracks how many requests were in flight at
once per path prefix, and generates big bodies lazily, counting how many bytes it managed to send.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from repo_paths import DEMO

PAGES = sorted((DEMO / "html").glob("*.html"))  # our own fictional articles


@dataclass
class Reply:
    status: int = 200
    body: bytes | Callable[[], Iterable[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)  # when the request arrived


class Site:
    """The routes and what the server saw."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[Seen] = []
        self.sent: Counter[str] = Counter()  # body bytes written per path
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        self.url = ""

    def __call__(self, path: str) -> str:
        return self.url + path

    def page(self, path: str, html: bytes, **headers: str) -> None:
        self.routes[path] = Reply(200, html, {"Content-Type": "text/html; charset=utf-8", **headers})

    def reply(self, seen: Seen) -> Reply:
        route = self.routes.get(seen.path)
        if route is None:
            return Reply(404, b"not found")
        return route(seen) if callable(route) else route


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
            with site.lock:
                site.hits[self.path] += 1
                site.requests.append(seen)
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
            self.counted = True
            try:
                self._answer(site.reply(seen))
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (a capped body, a timeout)
            finally:
                self._done()

        def _done(self) -> None:
            """A request stops counting as in flight before its answer is written: the client may
            send its next one as soon as the answer is read, which can be before this thread
            gets back from writing it (counting to the end measured two at once for one)."""
            if self.counted:
                self.counted = False
                with site.lock:
                    site.in_flight -= 1

        def _answer(self, reply: Reply) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            self._done()
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if isinstance(reply.body, bytes):
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            chunks = [reply.body] if isinstance(reply.body, bytes) else reply.body()
            for chunk in chunks:
                self.wfile.write(chunk)
                with site.lock:
                    site.sent[self.path] += len(chunk)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    server.daemon_threads = True
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def rss(site: Site, items: Iterable[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title) items on `site`."""
    entries = "".join(
        f"<item><title>{title}</title><link>{site(path)}</link>"
        f"<pubDate>Fri, 14 Mar 2025 0{n}:00:00 GMT</pubDate></item>"
        for n, (path, title) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{entries}</channel></rss>'.encode()
    )


def conditional_feed(body: Callable[[], bytes]) -> Callable[[Seen], Reply]:
    """A feed route with ETag and Last-Modified that answers 304 when the client has the current body."""

    def route(seen: Seen) -> Reply:
        current = body()
        etag = f'"{hash(current) & 0xFFFFFFFF:x}"'
        if seen.headers.get("if-none-match") == etag:
            return Reply(304, b"")
        headers = {
            "Content-Type": "application/rss+xml",
            "ETag": etag,
            "Last-Modified": "Fri, 14 Mar 2025 10:00:00 GMT",
        }
        return Reply(200, current, headers)

    return route


def page_bytes(path: Path) -> bytes:
    return path.read_bytes()
