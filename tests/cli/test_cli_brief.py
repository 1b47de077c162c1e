"""The `rashomon brief` contract, run through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from brief_checks import load_brief
from repo_paths import DEMO, ROOT
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()


def article_line(i: int, **extra: str) -> str:
    text = (
        f"The harbour authority of Port Ellery said on Monday that {i + 3} cargo cranes were damaged by the storm. "
        "Engineers will inspect the quay walls this week, officials said. "
        f"Insurance claims are expected to reach {i + 10} million dollars according to the chamber of commerce. "
        "Ferry services to the islands resumed in the afternoon after a six-hour pause."
    )
    row = {"id": f"port-{i}", "url": f"https://example.test/port/{i}", "title": f"Storm damages cranes {i}",
           "published": "2025-04-07", "source": f"outlet{i % 7}.test", "text": text}
    row.update(extra)
    return json.dumps(row)


def test_schema_command_prints_a_valid_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))


def test_brief_of_the_demo_corpus_writes_all_formats(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(DEMO), "--out", str(tmp_path), "--format", "json,md,html"])
    assert result.exit_code == 0, result.output
    brief = load_brief(tmp_path)
    assert len(brief["stories"]) >= 2
    assert any(r["path"].endswith("broken.html.gz") for r in brief["rejected"])
    assert (tmp_path / "brief.md").read_text().startswith("# Rashomon brief")
    html = (tmp_path / "brief.html").read_text()
    assert "<script" not in html.lower()
    for story in brief["stories"]:
        assert story["summary"]["short"]["citations"]
        assert set(story["summary"]["short"]["citations"]) <= set(story["articles"])


def test_jsonl_on_stdin_keeps_given_ids(tmp_path: Path) -> None:
    lines = "\n".join(article_line(i) for i in range(5)) + "\n"
    result = runner.invoke(app, ["brief", "-", "--out", str(tmp_path)], input=lines)
    assert result.exit_code == 0, result.output
    brief = load_brief(tmp_path)
    assert sorted(a["id"] for a in brief["articles"]) == [f"port-{i}" for i in range(5)]
    assert {a for s in brief["stories"] for a in s["articles"]} == {f"port-{i}" for i in range(5)}


def test_a_stream_of_hundreds_of_articles(tmp_path: Path) -> None:
    stream = tmp_path / "stream.jsonl"
    stream.write_text("\n".join(article_line(i) for i in range(300)) + "\n{not json\n")
    result = runner.invoke(app, ["brief", str(stream), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    brief = load_brief(tmp_path / "out")
    assert len(brief["articles"]) == 300
    assert [r["path"] for r in brief["rejected"]] == [f"{stream}:line 301"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(DEMO), "--out", str(tmp_path), "--format", "pdf"])
    assert result.exit_code == 2
    assert "unknown format pdf" in result.output


def test_no_readable_article_exits_3_and_still_reports(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = runner.invoke(app, ["brief", str(bad), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 3
    brief = load_brief(tmp_path / "o")
    assert {r["path"] for r in brief["rejected"]} == {str(bad), str(tmp_path / "missing.txt")}


def test_strict_fails_on_rejects(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(DEMO), "--out", str(tmp_path), "--strict", "-q"])
    assert result.exit_code == 5


def test_unwritable_output_exits_4(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["brief", str(DEMO), "--out", str(blocker / "sub"), "-q"])
    assert result.exit_code == 4
    assert "cannot write" in result.output


def test_console_script_runs_end_to_end(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "rashomon"
    done = subprocess.run([str(exe), "brief", str(DEMO / "txt"), "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"wrote {tmp_path / 'brief.json'}" in done.stdout
    load_brief(tmp_path)


def test_rerun_is_idempotent(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        assert runner.invoke(app, ["brief", str(DEMO), "--out", str(tmp_path / name), "-q"]).exit_code == 0
        brief = load_brief(tmp_path / name)
        brief.pop("created")
        runs.append(brief)
    assert runs[0] == runs[1]
