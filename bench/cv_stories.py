"""Repeated two-fold cross-validation of the story stage on a labelled stream, by story.

One split of the stories into two halves (`train_story_decision.py`'s held-out check) moves by
±0.02 F1 when a single large story flips, which is as much as most changes are worth. Here the
stories are split in two by a seeded hash of their label, `--seeds` times: for each half, the
join model and then the link model are fitted on the other half's articles only (both passes,
dated and undated, as the shipped models are), the half is grouped alone, and B-cubed P/R/F1
is scored; the single-pass TF-IDF baseline groups the same half in the same run. The means over
all folds (and the spread of F1) go to `bench/results_story_cv.json`:

    python -m bench.cv_stories ../shared/devstream/stream.jsonl [--seeds 20] [--thresholds 0.6,0.7]

`--thresholds` groups each held-out half again with the same fitted models at other decision
thresholds (joins and links alike): the precision/recall frontier that a threshold alone can reach,
which is what a target of precision and F1 together is measured against.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from bench import train_story_links
from bench.train_story_decision import fit, score, teacher_rows
from rashomon.config import Config
from rashomon.eval.stream import load_labelled_stream
from rashomon.records import Article
from rashomon.stories.baseline import group_stories_single_pass
from rashomon.stories.encoder import encode_articles

RESULTS = Path(__file__).resolve().parent / "results_story_cv.json"
PASSES = ("dated", "undated")


def half(label: str, seed: int) -> int:
    return hashlib.sha1(f"{seed}:{label}".encode()).digest()[0] % 2


def fold(
    passes: Mapping[str, tuple[Sequence[Article], Mapping[str, str]]],
    vectors: Mapping[str, Mapping[str, np.ndarray]],
    config: Config,
    seed: int,
    test: int,
    thresholds: Sequence[float] = (),
) -> dict[str, dict[str, list[float]]]:
    """B-cubed (P, R, F1) of Rashomon (at its threshold, then at each of `thresholds`) and of the
    baseline on half `test` of each pass, with both models fitted on the other half."""
    train = {n: [a for a in arts if half(gold[a.id], seed) != test] for n, (arts, gold) in passes.items()}
    joins = fit([group for n in PASSES for group in teacher_rows(train[n], passes[n][1], vectors[n], config)])
    link_rows = []
    for n in PASSES:
        link_rows += train_story_links.run(train[n], vectors[n], config, teacher=passes[n][1], joins=joins).link_rows
    link = train_story_links.fit(link_rows)
    scores: dict[str, dict[str, list[float]]] = {}
    for n, (arts, gold) in passes.items():
        tested = [a for a in arts if half(gold[a.id], seed) == test]
        labels = {a.id: gold[a.id] for a in tested}
        ours = train_story_links.score(
            train_story_links.run(tested, vectors[n], config, model=link, joins=joins), labels
        )
        base = score(group_stories_single_pass(tested, config.stories), labels)
        scores[n] = {"rashomon": ours, "tfidf_baseline": [base.precision, base.recall, base.f1]}
        for threshold in thresholds:
            at = replace(config, stories=replace(config.stories, join_threshold=threshold))
            grouped = train_story_links.run(tested, vectors[n], at, model=link, joins=joins)
            scores[n][f"rashomon at {threshold:g}"] = train_story_links.score(grouped, labels)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stream")
    parser.add_argument("--seeds", type=int, default=20, help="how many random two-fold splits")
    parser.add_argument("--json", default=str(RESULTS), help="where to write the means")
    parser.add_argument("--thresholds", default="", help="other decision thresholds to score, e.g. 0.6,0.7")
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    started = time.perf_counter()
    config = Config()
    passes: dict[str, tuple[Sequence[Article], Mapping[str, str]]] = {}
    vectors: dict[str, dict[str, np.ndarray]] = {}
    for n in PASSES:
        stream = load_labelled_stream(args.stream, config, dated=n == "dated")
        passes[n] = (stream.articles, stream.gold)
        encoded = encode_articles(stream.articles, config.stories)
        vectors[n] = {a.id: encoded[i] for i, a in enumerate(stream.articles)}
    found: dict[str, dict[str, list[list[float]]]] = {n: {} for n in PASSES}
    for seed in range(args.seeds):
        for test in (0, 1):
            for n, systems in fold(passes, vectors, config, seed, test, thresholds).items():
                for system, scored in systems.items():
                    found[n].setdefault(system, []).append(scored)
    report: dict[str, object] = {
        "stream": args.stream,
        "folds": 2 * args.seeds,
        "measured": datetime.now(UTC).strftime("%Y-%m-%d"),
        "seconds": round(time.perf_counter() - started, 1),
    }
    for n in PASSES:
        for system, rows in found[n].items():
            values = np.array(rows)
            mean = values.mean(axis=0)
            report[f"{n} {system}"] = {
                "precision": round(float(mean[0]), 3),
                "recall": round(float(mean[1]), 3),
                "f1": round(float(mean[2]), 3),
                "f1_sd": round(float(values[:, 2].std()), 3),
            }
            print(f"{n:8} {system:17} P {mean[0]:.3f} R {mean[1]:.3f} F1 {mean[2]:.3f} (sd {values[:, 2].std():.3f})")
    Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
