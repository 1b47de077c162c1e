"""The real command in a child process: Ctrl-C stops it cleanly, and after a kill a restart loses
and duplicates nothing. The child is stopped while a slow page holds its first batch open."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import PAGES, Reply, Seen, Site, rss
from repo_paths import ROOT

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"), pytest.mark.slow]


def start(site: Site, db: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "rashomon", "watch", site("/feed.xml"), "--store", str(db)]
    command += ["--timeout", "5", "--host-interval", "0", "--retries", "0", *extra]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def serve_with_a_slow_page(site: Site) -> tuple[list[str], threading.Event, threading.Event]:
    """Four pages; the last answers only after the others were fetched (its request is seen first)."""
    paths = [f"/story/{n}" for n in range(len(PAGES))]
    for path, page in zip(paths[:-1], PAGES, strict=False):
        site.page(path, page.read_bytes())
    waiting = threading.Event()
    release = threading.Event()

    def slow(seen: Seen) -> Reply:
        waiting.set()
        release.wait(10)
        return Reply(200, PAGES[-1].read_bytes(), {"Content-Type": "text/html"})

    site.routes[paths[-1]] = slow
    site.routes["/feed.xml"] = Reply(200, rss(site, [(p, p) for p in paths]))
    return paths, waiting, release


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(str(u) for (u,) in conn.execute("SELECT url FROM articles"))


def wait_for_kept_pages(db: Path, waiting: threading.Event, count: int) -> None:
    """Until the watcher asked for the slow page and kept the `count` quick ones in the store."""
    assert waiting.wait(60), "the watcher never asked for the slow page"
    for _ in range(1200):
        with contextlib.suppress(sqlite3.OperationalError), sqlite3.connect(db) as conn:
            if conn.execute("SELECT count(*) FROM watch_urls WHERE status = 'fetched'").fetchone() == (count,):
                return
        threading.Event().wait(0.05)
    raise AssertionError("the quick pages were never kept")


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_stopped_mid_batch_then_restarted_loses_and_duplicates_nothing(
    site: Site, tmp_path: Path, how: signal.Signals
) -> None:
    paths, waiting, release = serve_with_a_slow_page(site)
    db = tmp_path / "live.db"
    child = start(site, db, "--every", "1h")
    try:
        wait_for_kept_pages(db, waiting, len(paths) - 1)
        child.send_signal(how)
        _, stderr = child.communicate(timeout=60)
    finally:
        release.set()
        if child.poll() is None:
            child.kill()
    if how == signal.SIGINT:
        assert child.returncode == 0, stderr
        assert "stopped" in stderr
    else:
        assert child.returncode == -signal.SIGKILL

    restart = start(site, db, "--once", "-q")
    _, stderr = restart.communicate(timeout=120)
    assert restart.returncode == 0, stderr
    assert stored(db) == sorted(site(p) for p in paths)
    assert [site.hits[p] for p in paths[:-1]] == [1, 1, 1]  # kept pages were not fetched again
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert dict(conn.execute("SELECT status, count(*) FROM watch_urls GROUP BY status")) == {"added": 4}
