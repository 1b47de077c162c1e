"""`rashomon watch` against a local server: one poll of N pages (time fetching vs adding), a second
poll of the unchanged feed (a 304), and a 100 MB page stopped at the size cap (peak RSS).

The pages are the demo's own fictional articles, each made distinct by a numbered paragraph.
Run: `python bench/bench_watch.py [--pages 200] [--out bench/results_watch.json]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rashomon.store import Store
from rashomon.watch import loop
from rashomon.watch.fetch import Fetcher
from rashomon.watch.settings import WatchSettings
from rashomon.watch.state import WatchState

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo" / "html"
CHUNK = b"<p>" + b"x" * 65_529 + b"</p>"


def pages(count: int) -> dict[str, bytes]:
    """`count` distinct pages (a numbered paragraph after the headline; no shared canonical link)."""
    demo = [p.read_bytes().replace(b"canonical", b"alternate") for p in sorted(DEMO.glob("*.html"))]
    extra = "</h1><p>Update {n}: the council met again on day {n} of the inquiry into the recall.</p>"
    return {f"/a/{n}": demo[n % len(demo)].replace(b"</h1>", extra.format(n=n).encode(), 1) for n in range(count)}


def serve(routes: dict[str, bytes], sent: dict[str, int]) -> str:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/huge":
                self._huge()
                return
            body = routes.get(self.path)
            etag = '"feed-1"'
            if body is None or self.headers.get("If-None-Match") == etag:
                self.send_response(404 if body is None else 304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def _huge(self) -> None:
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(100_000_000 // len(CHUNK)):
                    self.wfile.write(CHUNK)
                    sent["huge"] = sent.get("huge", 0) + len(CHUNK)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {p}</title><link>{base}{p}</link></item>" for p in paths)
    return f'<rss version="2.0"><channel><title>Bench</title>{items}</channel></rss>'.encode()


def timed_polls(base: str, db: str, settings: WatchSettings) -> list[dict[str, float | int]]:
    adding = [0.0]
    real = loop.add_to_store

    def add(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            adding[0] += time.perf_counter() - started

    loop.add_to_store = add  # type: ignore[assignment]
    store, state = Store.open(db), WatchState(db)
    polls = []
    for _ in range(2):
        adding[0] = 0.0
        started = time.perf_counter()
        result = loop.poll(store, state, [base + "/feed.xml"], settings=settings)
        total = time.perf_counter() - started
        polls.append({"fetched": result.fetched, "added": result.added, "unchanged": result.unchanged,
                      "failed": result.failed, "seconds": round(total, 2), "adding_seconds": round(adding[0], 2),
                      "fetching_seconds": round(total - adding[0], 2)})  # fmt: skip
    loop.add_to_store = real
    return polls


def huge_page(base: str, sent: dict[str, int], cap: int) -> dict[str, object]:
    async def fetch() -> object:
        async with Fetcher(WatchSettings(host_interval=0.0)) as fetcher:
            return await fetcher.fetch(base + "/huge", cap)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    outcome = asyncio.run(fetch())
    seconds = round(time.perf_counter() - started, 2)
    growth = round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024, 1)
    return {"cap_bytes": cap, "outcome": getattr(outcome, "reason", "fetched"), "seconds": seconds,
            "server_sent_mb": round(sent.get("huge", 0) / 1e6, 1), "peak_rss_growth_mb": growth}  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--out", default="")
    args = parser.parse_args(argv)
    routes, sent = pages(args.pages), {}
    base = serve(routes, sent)
    routes["/feed.xml"] = feed(base, list(routes))
    settings = WatchSettings(host_interval=0.0)  # defaults otherwise: 2 requests in flight per host
    huge = huge_page(base, sent, settings.max_page_bytes)  # first: the peak RSS is this fetch's alone
    with tempfile.TemporaryDirectory() as tmp:
        polls = timed_polls(base, str(Path(tmp) / "watch.db"), settings)
    report = {"pages": args.pages, "polls": polls, "huge_page": huge,
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}  # fmt: skip
    print(json.dumps(report, indent=2))
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
