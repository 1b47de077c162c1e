"""`rashomon brief --store`: adding articles in several runs equals one run over all of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from brief_checks import load_brief
from repo_paths import DEMO
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()


def stories_of(directory: Path) -> list[list[str]]:
    return sorted(sorted(s["articles"]) for s in load_brief(directory)["stories"])


def test_two_incremental_runs_give_the_stories_of_one_run(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in DEMO.iterdir():
        target = first if path.name in ("html", "stream.jsonl") else second
        (shutil.copytree if path.is_dir() else shutil.copy)(path, target / path.name)
    db = str(tmp_path / "r.db")
    assert runner.invoke(app, ["brief", str(first), "--out", str(tmp_path / "a"), "--store", db, "-q"]).exit_code == 0
    assert runner.invoke(app, ["brief", str(second), "--out", str(tmp_path / "b"), "--store", db, "-q"]).exit_code == 0
    assert runner.invoke(app, ["brief", str(first), str(second), "--out", str(tmp_path / "c"), "-q"]).exit_code == 0
    assert len(load_brief(tmp_path / "b")["articles"]) == 13
    assert stories_of(tmp_path / "b") == stories_of(tmp_path / "c")


def test_adding_the_same_articles_again_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    for out in ("a", "b"):
        result = runner.invoke(app, ["brief", str(DEMO), "--out", str(tmp_path / out), "--store", db, "-q"])
        assert result.exit_code == 0, result.output
    a, b = (json.loads((tmp_path / o / "brief.json").read_text()) for o in ("a", "b"))
    a.pop("created")
    b.pop("created")
    assert a["articles"] == b["articles"] and a["stories"] == b["stories"]
