"""`rashomon eval stories` on a labelled stream: scores by hand, errors, the report, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from repo_paths import DEVSET, DEVSTREAM
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.eval.clustering import Losses, b_cubed_losses, b_cubed_scored, intruders, joined_by_language, pairwise
from rashomon.eval.errors import UNLABELLED, worst_merges, worst_splits
from rashomon.eval.stories import b_cubed
from rashomon.eval.stream import is_labelled_stream
from rashomon.eval.stream_eval import BASELINE, NO_ENCODER, OURS, report_json, run_stream_eval
from rashomon.eval.stream_report import format_stream_report

FIXTURES = Path(__file__).parent / "fixtures"
STREAM, UNRELATED = FIXTURES / "mini_stream.jsonl", FIXTURES / "mini_unrelated.jsonl"
runner = CliRunner()

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y"}
PREDICTED = {"a": "1", "b": "1", "c": "2", "d": "2"}


def test_b_cubed_without_intruders_is_plain_b_cubed() -> None:
    items = ["a", "b", "c", "d"]
    ours, plain = b_cubed_scored(GOLD, PREDICTED, items), b_cubed(GOLD, PREDICTED, items)
    assert (ours.precision, ours.recall, ours.f1) == (plain.precision, plain.recall, plain.f1)


def test_an_intruder_costs_precision_not_recall() -> None:
    predicted = {**PREDICTED, "u": "2"}  # an unrelated article joins story 2 (c, d)
    score = b_cubed_scored(GOLD, predicted, ["a", "b", "c", "d"])
    # precision: a,b 2/2; c,d 1/3 -> (2 + 2/3) / 4
    assert score.precision == pytest.approx((2 + 2 / 3) / 4, abs=1e-4)
    assert score.recall == b_cubed(GOLD, PREDICTED, ["a", "b", "c", "d"]).recall
    assert intruders(GOLD, predicted) == 1


def test_pairwise_by_hand() -> None:
    # predicted pairs: (a,b) right, (c,d) wrong -> P 1/2; gold pairs ab ac bc -> R 1/3
    score = pairwise(GOLD, PREDICTED, ["a", "b", "c", "d"])
    assert (score.precision, score.recall) == (0.5, pytest.approx(1 / 3, abs=1e-4))
    with_intruder = pairwise(GOLD, {**PREDICTED, "u": "2"}, ["a", "b", "c", "d"])
    assert with_intruder.precision == pytest.approx(1 / 4)  # pairs ab | cd cu du
    assert pairwise({"a": "x"}, {"a": "1"}, ["a"]).f1 == 1.0  # no pairs at all


def test_joined_by_language_by_hand() -> None:
    # story x (a, b, c) is split: a and b in "1", c alone in "3"; story y has one article only
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    predicted = {"a": "1", "b": "1", "c": "3", "d": "1"}
    languages = {"a": "en", "b": "en", "c": "ko", "d": "en"}
    assert joined_by_language(gold, predicted, languages) == {"en": (2, 2), "ko": (0, 1)}
    # a tie between two parts goes to the smaller story id, whatever the order of the input
    tied = {"a": "2", "b": "1", "c": "1", "d": "4"}
    assert joined_by_language({"a": "x", "b": "x"}, tied, languages) == {"en": (1, 2)}


def test_b_cubed_losses_by_hand() -> None:
    # story 1 = a b (x) with d, a single page (y): lone; story 2 = c (x) with e (z): mixed
    gold = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z", "f": "z"}
    predicted = {"a": "1", "b": "1", "d": "1", "c": "2", "e": "2", "f": "3"}
    languages = {"a": "en", "b": "ko", "c": "en", "d": "en", "e": "en", "f": "fr"}
    losses = b_cubed_losses(gold, predicted, languages)
    # lone: a and b 1/3 each, d 2/3; mixed: c and e 1/2 each (over 6 articles)
    assert (losses.lone, losses.mixed) == (round(4 / 3 / 6, 4), round(1 / 6, 4))
    # x is split (a b | c): a misses c (en: within), b misses c (across), c misses a (within)
    # and b (across); z is split (e | f, en and fr): across for both
    assert (losses.within, losses.across) == (round(2 / 3 / 6, 4), round(5 / 3 / 6, 4))


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from(["en", "ko", "ar"])), min_size=1, max_size=14
    )
)
def test_b_cubed_losses_add_up_to_what_b_cubed_misses(rows: list[tuple[int, int, str]]) -> None:
    ids = [f"a{i}" for i in range(len(rows))]
    gold = {i: f"g{g}" for i, (g, _, _) in zip(ids, rows, strict=True)}
    predicted = {i: f"p{p}" for i, (_, p, _) in zip(ids, rows, strict=True)}
    languages = {i: language for i, (_, _, language) in zip(ids, rows, strict=True)}
    losses, score = b_cubed_losses(gold, predicted, languages), b_cubed_scored(gold, predicted, ids)
    assert min(losses.lone, losses.mixed, losses.within, losses.across) >= 0
    assert losses.lone + losses.mixed == pytest.approx(1 - score.precision, abs=3e-4)
    assert losses.within + losses.across == pytest.approx(1 - score.recall, abs=3e-4)


def test_worst_merges_and_splits_by_hand() -> None:
    members = {"1": ["a", "b"], "2": ["c", "d", "u"]}
    (merge,) = worst_merges(GOLD, members, limit=5)
    assert (merge.kind, merge.story, merge.cost) == ("merge", "2", 3)
    assert {p.label for p in merge.parts} == {"x", "y", UNLABELLED}
    (split,) = worst_splits(GOLD, {**PREDICTED, "u": "2"}, limit=5)
    assert (split.story, split.cost) == ("x", 2)
    assert split.parts[0].article_ids == ("a", "b") and split.parts[1].also == (UNLABELLED, "y")


def test_the_format_is_told_by_the_first_line() -> None:
    assert is_labelled_stream(str(STREAM))
    assert not is_labelled_stream(str(Path(__file__).parents[1] / "fixtures" / "stories" / "mini_clusters.jsonl"))


def test_report_on_our_fixture_stream() -> None:
    report = run_stream_eval(str(STREAM), [str(UNRELATED)], multiples=(0.0, 0.5), worst=3)
    assert [p.name for p in report.passes] == ["dated", "undated"]
    for one_pass in report.passes:
        assert (one_pass.articles, one_pass.gold_stories, one_pass.rejected) == (6, 3, 0)
        assert [run.name for run in one_pass.systems] == [OURS, NO_ENCODER, BASELINE]
        assert one_pass.systems[0].b_cubed.f1 == 1.0 and one_pass.systems[0].pairwise.f1 == 1.0
    assert report.passes[0].dated == 6
    assert report.unrelated_pool == 3
    assert [(p.pass_name, p.multiple, p.unrelated) for p in report.sweep] == [
        ("dated", 0.0, 0),
        ("dated", 0.5, 3),
        ("undated", 0.0, 0),
        ("undated", 0.5, 3),
    ]
    data = report_json(report)
    assert "titles" not in data and "Velmora" not in json.dumps(data)
    text = format_stream_report(report)
    assert "single-pass tf-idf" in text and "density sweep" in text and "worst splits" in text
    assert "in their story's main part, by language:" in text
    assert data["passes"][0]["systems"][0]["languages"]  # type: ignore[index]
    # a perfect grouping loses nothing, and the report says so in its parts
    assert report.passes[0].systems[0].losses == Losses(0.0, 0.0, 0.0, 0.0)
    assert "precision lost 0.000 (lone articles 0.000, stories mixed 0.000)" in text
    assert data["passes"][0]["systems"][0]["losses"] == {"lone": 0.0, "mixed": 0.0, "within": 0.0, "across": 0.0}  # type: ignore[index]


def test_cli_on_a_labelled_stream(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(
        app, ["eval", "stories", str(STREAM), str(UNRELATED), "--sweep", "0,0.5", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "== dated pass" in result.output and "== undated pass" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {p["name"] for p in data["passes"]} == {"dated", "undated"}


def test_cli_usage_errors() -> None:
    clusters = Path(__file__).parents[1] / "fixtures" / "stories" / "mini_clusters.jsonl"
    assert runner.invoke(app, ["eval", "stories", str(clusters)]).exit_code == 2  # devset needs distractors
    assert runner.invoke(app, ["eval", "stories", str(STREAM), "--sweep", "1,x"]).exit_code == 2


def test_devstream_report_shape() -> None:
    """The real stream: the report has every part (its numbers are in bench/results_stream_eval.json)."""
    if not (DEVSTREAM / "stream.jsonl").exists() or not (DEVSET / "distractors.jsonl").exists():
        pytest.skip("../shared/devstream is not here")
    report = run_stream_eval(
        str(DEVSTREAM / "stream.jsonl"), [str(DEVSET / "distractors.jsonl")], multiples=(0.0, 0.02), worst=2
    )
    assert [p.name for p in report.passes] == ["dated", "undated"]
    for one_pass in report.passes:
        assert one_pass.articles >= 400 and one_pass.gold_stories >= 100
        assert len(one_pass.systems) == 3
        for run in one_pass.systems:
            for score in (run.b_cubed, run.pairwise):
                assert 0.0 <= score.precision <= 1.0 and 0.0 <= score.recall <= 1.0
            assert len(run.merges) <= 2 and len(run.splits) <= 2
    assert report.passes[0].dated > report.passes[1].dated
    assert len(report.sweep) == 4 and report.sweep[1].unrelated == 9
