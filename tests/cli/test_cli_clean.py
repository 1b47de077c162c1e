"""`rashomon clean PATH... --out FILE.jsonl`, run through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from repo_paths import DEMO
from typer.testing import CliRunner

from rashomon.clean.export import EXPORT_FIELDS
from rashomon.cli import app

runner = CliRunner()


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_clean_exports_the_demo_corpus(tmp_path: Path) -> None:
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(app, ["clean", str(DEMO), str(tmp_path / "missing.txt"), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    articles = read_lines(out)
    assert len(articles) >= 10
    assert all(tuple(a) == EXPORT_FIELDS for a in articles)
    assert len({a["id"] for a in articles}) == len(articles)
    for article in articles:
        assert article["text"] == "\n\n".join(article["paragraphs"])  # type: ignore[arg-type]
        assert all(set(d) == {"line", "reason"} and d["reason"] for d in article["dropped"])  # type: ignore[union-attr]
    sources = {a["title_source"] for a in articles}
    known = {"og:title", "twitter:title", "dc.title", "headline", "h1", "title", "input", "first line", "none"}
    assert sources <= known
    dropped = [d for a in articles for d in a["dropped"]]  # type: ignore[union-attr]
    assert dropped, "the demo pages hold boilerplate that cleaning removes"
    rejected = read_lines(tmp_path / "clean.rejected.jsonl")
    assert {r["path"] for r in rejected} >= {str(tmp_path / "missing.txt")}
    assert any("gzip" in str(r["reason"]) for r in rejected)  # the demo's broken.html.gz


def test_clean_uses_the_same_cleaning_as_brief(tmp_path: Path) -> None:
    from rashomon.pipeline import run

    out = tmp_path / "clean.jsonl"
    assert runner.invoke(app, ["clean", str(DEMO), "--out", str(out), "-q"]).exit_code == 0
    exported = {a["id"]: a["text"] for a in read_lines(out)}
    ran = run([str(DEMO)])
    assert exported == {a.id: a.text for a in ran.articles}


def test_exit_codes(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "none.jsonl"
    assert runner.invoke(app, ["clean", str(empty), "--out", str(out), "-q"]).exit_code == 3
    assert out.read_text(encoding="utf-8") == ""
    strict = runner.invoke(app, ["clean", str(DEMO), "--out", str(tmp_path / "s.jsonl"), "--strict", "-q"])
    assert strict.exit_code == 5  # the demo holds a broken gzip on purpose
    assert runner.invoke(app, ["clean", str(DEMO), "-q"]).exit_code == 2  # --out is required
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    assert runner.invoke(app, ["clean", str(DEMO), "--out", str(blocked / "a.jsonl"), "-q"]).exit_code == 4


def test_out_dash_prints_json_lines(tmp_path: Path) -> None:
    result = runner.invoke(app, ["clean", str(DEMO / "txt"), "--out", "-", "-q"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines and all("text" in line for line in lines)
