"""Clear errors (issue 13, section 6): an unusable store exits 4 with one line, a store in a
read-only directory can be served, and brief.md carries no HTML from articles."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()
ARTICLE = {"id": "a1", "source": "Test Ledger", "published": "2026-01-02", "title": "A title",
           "text": "The council of Elmsworth met on Tuesday to vote on the budget. " * 6}  # fmt: skip


def _corpus(tmp_path: Path, record: dict[str, str] = ARTICLE) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _brief(tmp_path: Path, store: Path) -> tuple[int, str]:
    args = ["brief", str(_corpus(tmp_path)), "--out", str(tmp_path / "out"), "--store", str(store), "-q"]
    result = runner.invoke(app, args)
    return result.exit_code, result.output


def test_a_directory_as_store_exits_4(tmp_path: Path) -> None:
    code, output = _brief(tmp_path, tmp_path)
    assert code == 4 and "is a directory" in output and "Traceback" not in output


def test_a_file_that_is_not_sqlite_exits_4(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("these are not the bytes of an SQLite database\n" * 20)
    code, output = _brief(tmp_path, junk)
    assert code == 4 and "not a Rashomon store" in output


NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
needs_nobody = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv to act as another user"
)


@pytest.fixture()
def shared_dir() -> Iterator[Path]:
    """A directory user nobody can read (pytest's own tmp_path is root's alone), removed after."""
    base = Path(tempfile.mkdtemp())
    os.chmod(base, 0o755)
    yield base
    shutil.rmtree(base)


def _as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NOBODY, sys.executable, *args], capture_output=True, text=True, timeout=300, check=False)


@needs_nobody
def test_a_store_in_a_read_only_directory_exits_4_and_can_be_served(shared_dir: Path) -> None:
    ro = shared_dir / "ro"  # root's, 0755: nobody cannot create files in it (root could)
    ro.mkdir(mode=0o755)
    corpus = _corpus(shared_dir)
    store = ro / "s.db"
    assert _brief(shared_dir, store)[0] == 0  # root writes it
    out = shared_dir / "out2"
    out.mkdir()
    os.chmod(out, 0o777)
    added = _as_nobody("-m", "rashomon", "brief", str(corpus), "--out", str(out), "--store", str(store), "-q")
    assert added.returncode == 4, added.stderr
    assert "read-only" in added.stderr and "Traceback" not in added.stderr
    created = _as_nobody("-m", "rashomon", "brief", str(corpus), "--out", str(out), "--store", str(ro / "new.db"), "-q")
    assert created.returncode == 4 and "read-only" in created.stderr
    read = f"from rashomon.store import Store; print(Store.open({str(store)!r}, read_only=True).stories().total)"
    served = _as_nobody("-c", read)
    assert served.returncode == 0 and served.stdout.strip() == "1", served.stderr


def test_brief_md_carries_no_html_from_articles(tmp_path: Path) -> None:
    hostile = dict(ARTICLE, title="<script>alert(1)</script> Budget vote", source="<img src=x onerror=alert(2)>",
                   text="Mayor Rowe said: \"<img src=x onerror=alert(3)> we will [vote](javascript:alert(4)).\" "
                   + ARTICLE["text"])  # fmt: skip
    args = ["brief", str(_corpus(tmp_path, hostile)), "--out", str(tmp_path / "o"), "-f", "md", "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "o" / "brief.md").read_text(encoding="utf-8").lower()
    assert "<script" not in text and "<img" not in text
    assert re.search(r"(?<!\\)\]\(", text) is None  # no link: every bracket is escaped
    assert "budget vote" in text
