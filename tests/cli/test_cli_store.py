"""`rashomon brief --store`: adding articles in several runs equals one run over all of them."""

from __future__ import annotations

import json
from pathlib import Path

from brief_checks import load_brief
from repo_paths import DEMO
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()


def stories_of(directory: Path) -> list[list[str]]:
    return sorted(sorted(s["articles"]) for s in load_brief(directory)["stories"])


def _demo_halves(tmp_path: Path) -> tuple[Path, Path]:
    """The demo's articles cleaned once, as JSON Lines, cut in two halves in time order."""
    export = tmp_path / "all.jsonl"
    assert runner.invoke(app, ["clean", str(DEMO), "--out", str(export), "-q"]).exit_code == 0
    fields = ("id", "url", "title", "published", "source", "language", "text")
    records = [{k: r[k] for k in fields} for r in map(json.loads, export.read_text().splitlines())]
    records.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))
    halves = tmp_path / "early.jsonl", tmp_path / "late.jsonl"
    for path, part in zip(halves, (records[:6], records[6:]), strict=True):
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    return halves


def test_two_incremental_runs_give_the_stories_of_one_run(tmp_path: Path) -> None:
    early, late = _demo_halves(tmp_path)
    db = str(tmp_path / "r.db")
    assert runner.invoke(app, ["brief", str(early), "--out", str(tmp_path / "a"), "--store", db, "-q"]).exit_code == 0
    assert runner.invoke(app, ["brief", str(late), "--out", str(tmp_path / "b"), "--store", db, "-q"]).exit_code == 0
    one = str(tmp_path / "one.db")
    both = ["brief", str(early), str(late), "--out", str(tmp_path / "c"), "--store", one, "-q"]
    assert runner.invoke(app, both).exit_code == 0
    assert len(load_brief(tmp_path / "b")["articles"]) == 13
    assert stories_of(tmp_path / "b") == stories_of(tmp_path / "c")
    b, c = load_brief(tmp_path / "b"), load_brief(tmp_path / "c")
    assert b["stories"] == c["stories"]


def test_articles_that_arrive_late_are_placed_and_earlier_stories_never_move(tmp_path: Path) -> None:
    """The later half first, then the earlier: each early article is placed against the stories as
    they are (its story may differ from a run in time order), but every article is in exactly one
    story, and the stories of the first run keep their articles and ids."""
    early, late = _demo_halves(tmp_path)
    db = str(tmp_path / "r.db")
    assert runner.invoke(app, ["brief", str(late), "--out", str(tmp_path / "a"), "--store", db, "-q"]).exit_code == 0
    assert runner.invoke(app, ["brief", str(early), "--out", str(tmp_path / "b"), "--store", db, "-q"]).exit_code == 0
    first, final = load_brief(tmp_path / "a"), load_brief(tmp_path / "b")
    placed = [a for s in final["stories"] for a in s["articles"]]
    assert sorted(placed) == sorted(a["id"] for a in final["articles"]) and len(placed) == 13
    story_of = {a: s["id"] for s in final["stories"] for a in s["articles"]}
    for story in first["stories"]:
        assert {story_of[a] for a in story["articles"]} == {story["id"]}


def test_adding_the_same_articles_again_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    for out in ("a", "b"):
        result = runner.invoke(app, ["brief", str(DEMO), "--out", str(tmp_path / out), "--store", db, "-q"])
        assert result.exit_code == 0, result.output
    a, b = (json.loads((tmp_path / o / "brief.json").read_text()) for o in ("a", "b"))
    a.pop("created")
    b.pop("created")
    assert a["articles"] == b["articles"] and a["stories"] == b["stories"]


def test_brief_with_a_store_and_no_inputs_writes_the_stores_brief(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    added = runner.invoke(app, ["brief", str(DEMO), "--out", str(tmp_path / "a"), "--store", db, "-q"])
    assert added.exit_code == 0, added.output
    again = runner.invoke(app, ["brief", "--store", db, "--out", str(tmp_path / "b"), "-q", "--format", "json,md"])
    assert again.exit_code == 0, again.output
    a, b = (json.loads((tmp_path / o / "brief.json").read_text()) for o in ("a", "b"))
    assert a["articles"] == b["articles"] and a["stories"] == b["stories"] and len(b["articles"]) == 13
    assert (tmp_path / "b" / "brief.md").exists()
    nothing = runner.invoke(app, ["brief", "--out", str(tmp_path / "c")])
    assert nothing.exit_code == 2 and "--store" in nothing.output
