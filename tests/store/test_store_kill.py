"""Killing a writer mid-run, then re-running, gives exactly the store a clean run gives.

A child process adds many articles (one transaction each) and reports each commit on stdout;
once the store holds some of them we SIGKILL it, re-run the same batch, and compare with a store
written in one go: no article lost, none duplicated, full-text index consistent.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from rashomon.store import Store

TOTAL = 1500
KILL_AFTER = 40

WRITER = """
import sys
sys.path[:0] = [{tests!r}, {root!r}]
from store_factory import numbered_article
from rashomon.store import Store

store = Store.open(sys.argv[1])
for n in range({total}):
    added = store.add_articles([numbered_article(n)])
    print(n, added, flush=True)
"""


def _writer(store_path: Path) -> subprocess.Popen[str]:
    here = Path(__file__).resolve().parent
    code = WRITER.format(tests=str(here), root=str(here.parents[1]), total=TOTAL)
    return subprocess.Popen([sys.executable, "-c", code, str(store_path)], stdout=subprocess.PIPE, text=True)


def _rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def _snapshot(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        articles = conn.execute("SELECT id, content_hash, title, text FROM articles ORDER BY id").fetchall()
        sentences = conn.execute("SELECT article_id, idx, text FROM sentences ORDER BY article_id, idx").fetchall()
    return articles, sentences


def test_killed_run_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    killed_path = tmp_path / "killed.db"
    Store.open(str(killed_path)).close()
    child = _writer(killed_path)
    assert child.stdout is not None
    # Wait on the child's commit reports (blocking reads, no sleeps), confirm in the DB, then kill.
    for line in child.stdout:
        if int(line.split()[0]) + 1 >= KILL_AFTER and _rows(killed_path) >= KILL_AFTER:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    committed = _rows(killed_path)
    assert KILL_AFTER <= committed < TOTAL, "the writer must die mid-way for this test to mean anything"

    rerun = _writer(killed_path)
    out, _ = rerun.communicate()
    assert rerun.returncode == 0
    assert sum(int(line.split()[1]) for line in out.splitlines()) == TOTAL - committed

    clean_path = tmp_path / "clean.db"
    clean = _writer(clean_path)
    clean.communicate()
    assert clean.returncode == 0

    assert _rows(killed_path) == TOTAL
    assert _snapshot(killed_path) == _snapshot(clean_path)
    assert Store.open(str(killed_path)).search("harbour report 1499").hits[0].article_id == "art-01499"
