"""Bounded loopback load test of the web server: story pages and API briefs, read concurrently.

Starts `rashomon.web.cli.serve` in a subprocess on 127.0.0.1 (a free port), then runs
`--clients` threads for `--seconds`, each with its own keep-alive connection, cycling through
every story page and every `/api/stories/{id}` brief of the store. Reports requests/s, p50/p99
latency and errors, and writes bench/results_web.json. The goal on the 2-core reference machine
is >= 200 req/s with p99 < 200 ms and no errors; client and server share those cores, so the
figure is a floor, not the server's ceiling.

Without `--store`, the demo corpus is briefed into bench/work/web-demo.db first.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results_web.json"
GOAL_RPS = 200.0
GOAL_P99_MS = 200.0


@dataclass(slots=True)
class Outcome:
    phase: str  # "warm": repeated URLs, served from the response cache; "cold": every URL unique
    seconds: float
    clients: int
    requests: int
    errors: int
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    by_kind: dict[str, dict[str, float]]
    urls: int
    stories: int
    store: str
    server_workers: int
    cpu_count: int | None
    python: str
    goal: str
    goal_met: bool


def demo_store(path: Path) -> Path:
    """Brief examples/demo into a fresh store (the same data the browser tests use)."""
    from rashomon.adding import add_to_store
    from rashomon.store import Store

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store.open(str(path))
    add_to_store(store, ROOT / "examples" / "demo")
    store.close()
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(store: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    code = (
        "import sys, uvicorn\n"
        "from rashomon.web.app import create_app\n"
        "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
        "log_level='warning', access_log=False)\n"
    )
    if workers > 1:  # several processes need an import string, so go through the factory option
        os.environ["RASHOMON_STORE"] = str(store)
        code = (
            "import os, sys, uvicorn\n"
            "uvicorn.run('rashomon.web.app:app_from_environment', factory=True, host='127.0.0.1', "
            "port=int(sys.argv[2]), workers=int(sys.argv[3]), log_level='warning', access_log=False)\n"
        )
    return subprocess.Popen([sys.executable, "-c", code, str(store), str(port), str(workers)], cwd=ROOT)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("server did not start in time")


def targets(base: str) -> list[tuple[str, str]]:
    """(kind, url) for every story page and API brief, plus the list page and list API."""
    items: list[dict[str, object]] = []
    page = 1
    while True:
        body = httpx.get(f"{base}/api/stories", params={"page": page, "per_page": 100}).json()
        items.extend(body["items"])
        if len(items) >= body["total"] or not body["items"]:
            break
        page += 1
    urls = [("list page", base + "/"), ("list api", base + "/api/stories")]
    for item in items:
        urls.append(("story page", f"{base}/stories/{item['id']}"))
        urls.append(("story api", f"{base}/api/stories/{item['id']}"))
    return urls


def load(
    urls: list[tuple[str, str]], clients: int, seconds: float, cold: bool = False
) -> tuple[list[tuple[str, float]], int]:
    """Each client cycles through `urls`; `cold` adds a unique query parameter to every request
    so that nothing comes from the response cache and every page is rendered afresh."""
    latencies: list[tuple[str, float]] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client(offset: int) -> None:
        nonlocal errors
        mine: list[tuple[str, float]] = []
        failed = 0
        with httpx.Client(timeout=10) as session:
            n = offset
            while time.perf_counter() < stop_at:
                kind, url = urls[n % len(urls)]
                if cold:
                    url = f"{url}?cold={offset}-{n}"
                n += 1
                started = time.perf_counter()
                try:
                    response = session.get(url)
                    ok = response.status_code == 200 and len(response.content) > 0
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                if ok:
                    mine.append((kind, elapsed))
                else:
                    failed += 1
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="store to serve (default: brief the demo corpus)")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)

    store = Path(args.store) if args.store else demo_store(ROOT / "bench" / "work" / "web-demo.db")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(store, port, args.workers)
    outcomes = []
    try:
        wait_ready(base, server)
        urls = targets(base)
        load(urls, 2, 1.0)  # warm-up: first renders, SQLite page cache
        for phase in ("warm", "cold"):
            started = time.perf_counter()
            latencies, errors = load(urls, args.clients, args.seconds, cold=phase == "cold")
            elapsed = time.perf_counter() - started
            outcomes.append(summarise(phase, latencies, errors, elapsed, urls, store, args))
    finally:
        server.terminate()
        server.wait(timeout=30)
    Path(args.out).write_text(json.dumps({o.phase: asdict(o) for o in outcomes}, indent=2) + "\n", encoding="utf-8")
    for outcome in outcomes:
        print(
            f"web ({outcome.phase}): {outcome.requests_per_second} req/s, p50 {outcome.p50_ms} ms, "
            f"p99 {outcome.p99_ms} ms, {outcome.errors} errors over {outcome.seconds}s with "
            f"{args.clients} clients ({'goal met' if outcome.goal_met else 'goal NOT met'}: {outcome.goal})"
        )
    return 0


def summarise(
    phase: str,
    latencies: list[tuple[str, float]],
    errors: int,
    elapsed: float,
    urls: list[tuple[str, str]],
    store: Path,
    args: argparse.Namespace,
) -> Outcome:
    times = [t for _, t in latencies]
    by_kind = {
        kind: {
            "requests": float(len(ts)),
            "p50_ms": round(1000 * statistics.median(ts), 2),
            "p99_ms": round(1000 * percentile(ts, 0.99), 2),
        }
        for kind in sorted({k for k, _ in latencies})
        for ts in [[t for k, t in latencies if k == kind]]
    }
    rps = len(latencies) / elapsed
    p99 = 1000 * percentile(times, 0.99)
    return Outcome(
        phase=phase,
        seconds=round(elapsed, 2),
        clients=args.clients,
        requests=len(latencies),
        errors=errors,
        requests_per_second=round(rps, 1),
        p50_ms=round(1000 * percentile(times, 0.5), 2),
        p90_ms=round(1000 * percentile(times, 0.9), 2),
        p99_ms=round(p99, 2),
        max_ms=round(1000 * max(times, default=float("nan")), 2),
        by_kind=by_kind,
        urls=len(urls),
        stories=sum(1 for kind, _ in urls if kind == "story page"),
        store=str(store.relative_to(ROOT)) if store.is_relative_to(ROOT) else str(store),
        server_workers=args.workers,
        cpu_count=os.cpu_count(),
        python=platform.python_version(),
        goal=f">= {GOAL_RPS:.0f} req/s, p99 < {GOAL_P99_MS:.0f} ms, 0 errors",
        goal_met=rps >= GOAL_RPS and p99 < GOAL_P99_MS and errors == 0,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
