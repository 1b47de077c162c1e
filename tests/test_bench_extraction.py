"""bench/bench_extraction.py: the benchmark's own scoring, and a short run when its data is here.

trafilatura's evaluation pages are third-party text and never enter the repository: the run below
needs RASHOMON_TRAFILATURA_EVAL to name a folder holding its tests/evaldata.json, eval/ and cache/
(see the script's docstring) and skips otherwise.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from repo_paths import ROOT

sys.path.insert(0, str(ROOT))
from bench.bench_extraction import Page, count, main  # noqa: E402

EVAL = os.environ.get("RASHOMON_TRAFILATURA_EVAL")


def test_snippets_count_after_the_same_normalisation_on_both_sides() -> None:
    page = Page("u", "f", b"", ["the “quoted”  words", "missing part"], ["Subscribe now"])
    counts = count(page, 'Text with the "quoted" words\nand nothing else.')
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (1, 0, 1, 1)
    assert count(page, None).fn == 2
    assert count(page, "Subscribe now, the “quoted” words").scores() == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


@pytest.mark.skipif(not EVAL, reason="RASHOMON_TRAFILATURA_EVAL not set (trafilatura's evaluation data)")
def test_a_short_run_scores_both_sides_and_explains_every_loss(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = main([str(EVAL), "--limit", "25", "--out", str(out)])
    assert json.loads(out.read_text(encoding="utf-8"))["pages"] == result["pages"] == 25
    for side in ("trafilatura", "rashomon"):
        assert 0.5 < result["scores"][side]["f1"] <= 1
    assert all(loss["reason"] for loss in result["lost_gold"])
    assert all(set(loss) == {"file", "snippet", "snippet_chars", "reason"} for loss in result["lost_gold"])
    assert all(loss["snippet"].isdigit() for loss in result["lost_gold"])  # positions, no page text
