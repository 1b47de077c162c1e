"""`rashomon eval claims`: the gold file, the matching rules, and the command on real coverage."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from repo_paths import DEVSTREAM, ROOT
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.eval.claims_gold import (
    GoldFigure,
    intervals_match,
    load_gold,
    same_claimant,
    same_counted,
    same_subject,
)

GOLD = ROOT / "tests" / "data" / "claims_gold" / "gold.jsonl"
STREAM = DEVSTREAM / "stream.jsonl"
runner = CliRunner()


def figure(low: float | None, high: float | None) -> GoldFigure:
    return GoldFigure("a", 0, "", low, high, "killed", "people", None, (), "g")


def test_the_gold_set_is_as_large_as_the_issue_asks_and_holds_no_text() -> None:
    gold = load_gold(GOLD)
    assert len(gold.articles) >= 40 and len({s for s, _ in gold.articles.values()}) >= 4
    assert len({lang for _, lang in gold.articles.values()}) >= 3
    assert {g.relation for g in gold.groups} == {"conflict", "revision", "agree"}
    stories = {s for s, _ in gold.articles.values()}
    assert {g.story for g in gold.groups} <= stories
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert not {"text", "sentence_text", "title"} & set(row)  # ids and labels only
        assert all(len(str(v)) < 200 for v in row.values())


def test_unknown_lines_are_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"kind": "figures"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind"):
        load_gold(bad)
    assert runner.invoke(app, ["eval", "claims", str(bad), "--stream", str(GOLD)]).exit_code == 2


def test_intervals_match_exactly_or_by_a_shared_bound() -> None:
    assert intervals_match(figure(12, 12), 12.0, 12.0) == 2
    assert intervals_match(figure(1_280_000, 1_280_000), 1.28 * 1e6, 1.28 * 1e6) == 2  # float rounding
    assert intervals_match(figure(20, 99), 24, 99) == 1  # "dozens" read a little differently
    assert intervals_match(figure(12, None), 12, 12) == 1
    assert intervals_match(figure(12, 12), 13, 13) == 0
    assert intervals_match(figure(20, 99), 100, 200) == 0


def test_claimant_counted_and_subject_rules() -> None:
    voices = {"outlet.example", "a-1"}
    assert same_claimant(None, "outlet.example", voices) and same_claimant(None, "headline of a-1", voices)
    assert not same_claimant(None, "police", voices) and not same_claimant("police", "outlet.example", voices)
    assert same_claimant("interior ministry", "France's interior ministry", voices)
    assert same_claimant("Павел Кириленко", "главы Донецкой областной администрации Павла Кириленко", voices)
    assert same_claimant("消防当局", "消防当局は30日", voices)
    assert not same_claimant("CGT", "police", voices)
    assert same_counted("killed_or_injured", "casualties") and not same_counted("killed", "wounded")
    assert same_subject("people", "") and same_subject("US soldiers", "American soldiers")
    # a gold subject in the article's words is read through that language's lexicon
    assert same_subject("colombianos", "Colombian", "es") and not same_subject("colombianos", "American", "es")
    assert same_subject("человек", "", "ru") and same_subject("US marines", "American soldiers")
    assert same_subject("firefighter", "firefighters") and not same_subject("firefighter", "residents")
    assert not same_subject("US soldiers", "civilians")
    # a gold subject naming only the quantity ("death toll", "死者") counts nobody in particular
    assert same_subject("death toll", "") and same_subject("死者", "", "ja") and same_subject("المفقودين", "", "ar")
    assert not same_subject("death toll Derna", "") and not same_subject("death toll", "Russian soldiers")
    assert same_counted("accounted_for", "accounted for")


@pytest.mark.skipif(not STREAM.exists(), reason="../shared/devstream is not here")
def test_eval_claims_scores_the_code_beside_a_baseline_and_hides_held_out_sentences(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = runner.invoke(
        app, ["eval", "claims", str(GOLD), "--stream", str(STREAM), "--worst", "5", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "drifted" not in result.output  # every gold sentence still hashes the same
    code, baseline = json.loads(out.read_text(encoding="utf-8"))
    assert code["overall"]["gold"] == baseline["overall"]["gold"] == len(load_gold(GOLD).figures)
    for name in ("precision", "recall", "claimant"):
        assert 0 <= code["overall"][name] <= 1
    assert {"dev", "held-out"} <= set(code["splits"])
    held_out = load_gold(GOLD).held_out
    printed = re.findall(r"^(?:invented|missed|claimant|counted|subject)\s+(\S+)", result.output, re.M)
    assert printed and not set(printed) & held_out
    assert "conflict flag:" in result.output
    splits = code["conflict"]["splits"]  # flags counted apart for dev and held-out events
    assert set(splits) == set(code["splits"])
    assert sum(s["flagged"] for s in splits.values()) == code["conflict"]["flagged"]
