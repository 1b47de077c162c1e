"""The reference case end to end: `rashomon brief ../shared/seeds/*.txt` (EXPECTED.md)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from brief_checks import load_brief, seed_paths
from repo_paths import SEEDS
from typer.testing import CliRunner

from rashomon.cli import app

NOISE = ["READ MORE", "Adjust Comment Print", "Enjoying ad-free content", "A Message from The Moscow Times",
         "Henry Patton / Flickr", "More news: Amazon", "Ammar Safarjalani", "REUTERS/", "Remind me",
         "Latest News", "Support us"]


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("seeds")
    result = CliRunner().invoke(app, ["brief", *map(str, seed_paths()), "--out", str(out), "-q",
                                      "--format", "json,md,html"])
    assert result.exit_code == 0, result.output
    return load_brief(out)


def test_one_story_with_all_five_articles(seed_brief: dict[str, Any]) -> None:
    assert len(seed_brief["stories"]) == 1
    assert sorted(seed_brief["stories"][0]["articles"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_short_summary_is_whole_cited_sentences(seed_brief: dict[str, Any]) -> None:
    short = seed_brief["stories"][0]["summary"]["short"]
    assert short["citations"] and set(short["citations"]) <= set(seed_brief["stories"][0]["articles"])
    assert re.match(r"^[A-Z\"“]", short["text"]) and short["text"].rstrip()[-1] in ".!?\"”"
    assert len(short["text"].split()) <= 60


def test_no_noise_line_reaches_any_story(seed_brief: dict[str, Any]) -> None:
    told = json.dumps(seed_brief["stories"]).lower()
    assert [n for n in NOISE if n.lower() in told] == []


def test_publication_dates_come_with_their_source(seed_brief: dict[str, Any]) -> None:
    by_id = {a["id"][:3]: a for a in seed_brief["articles"]}
    assert (by_id["000"]["published"], by_id["000"]["date_source"]) == ("2018-02-20", "crawl-line")
    assert (by_id["001"]["published"], by_id["001"]["date_source"]) == ("2018-02-20", "dateline")

