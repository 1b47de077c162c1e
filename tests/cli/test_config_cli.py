"""`rashomon config` and `--config FILE`, run through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from repo_paths import DEMO
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.config import Config

runner = CliRunner()


def test_config_prints_the_defaults_as_toml_that_loads_back(tmp_path: Path) -> None:
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("[ingest]\n# ")
    saved = tmp_path / "settings.toml"
    saved.write_text(result.stdout, encoding="utf-8")
    assert Config.from_toml(saved) == Config()
    again = runner.invoke(app, ["config", "--config", str(saved)])
    assert again.exit_code == 0 and again.stdout == result.stdout


def test_config_shows_what_a_file_overrides(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[stories]\njoin_threshold = 0.5\n[brief]\nsummariser = 'lexrank'\n", encoding="utf-8")
    result = runner.invoke(app, ["config", "--config", str(settings)])
    assert result.exit_code == 0, result.output
    assert "join_threshold = 0.5\n" in result.stdout and 'summariser = "lexrank"\n' in result.stdout
    assert "window_days = 4\n" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["config"],
        ["brief", str(DEMO), "--out", "-"],
        ["serve", "--store", str(DEMO / "no.db")],
        ["eval", "stories", "a.jsonl", "b.jsonl"],
        ["eval", "summaries", "a.jsonl"],
    ],
)
def test_a_bad_config_file_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[stories]\njoin_treshold = 0.5\n", encoding="utf-8")
    if command[0] == "serve":  # serve checks its store first: give it one
        store = tmp_path / "rashomon.db"
        store.write_bytes(b"")
        command = ["serve", "--store", str(store)]
    result = runner.invoke(app, [*command, "--config", str(settings)])
    assert result.exit_code == 2, result.output
    assert "stories.join_treshold" in result.stderr
    assert "Traceback" not in result.output


def test_brief_with_a_stricter_join_threshold_finds_more_stories(tmp_path: Path) -> None:
    default = runner.invoke(app, ["brief", str(DEMO), "--out", "-", "--quiet"])
    settings = tmp_path / "settings.toml"
    settings.write_text("[stories]\njoin_threshold = 0.99\n", encoding="utf-8")
    strict = runner.invoke(app, ["brief", str(DEMO), "--out", "-", "--quiet", "--config", str(settings)])
    assert default.exit_code == 0 and strict.exit_code == 0, strict.output
    assert len(json.loads(strict.stdout)["stories"]) > len(json.loads(default.stdout)["stories"])
