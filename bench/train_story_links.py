"""Fit the cross-language story link model (`rashomon/stories/links.json`) on a labelled stream.

The grouper runs over the stream with its join model and a link teacher: every time a story
grows, it is compared with the nearest stories written in none of its languages (as `links.py`
does), each comparison's features are recorded with whether the two stories are mostly of one
gold story, and they are linked if so. A logistic regression on those rows (features
standardised, no threshold set by hand: stories are linked at even odds) is the model. Both passes
of the stream are used, dated and undated.

Held-out check, in the same run: stories split in two halves by a hash of their label; join and
link models fitted on one half group the other half alone, with and without links, both ways:

    python -m bench.train_story_links ../shared/devstream/stream.jsonl [--write-model]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from bench.train_story_decision import fit as fit_joins
from bench.train_story_decision import fit_one, model_data, teacher_rows
from rashomon.config import Config
from rashomon.eval.clustering import b_cubed_scored
from rashomon.eval.stream import load_labelled_stream
from rashomon.records import Article
from rashomon.stories import decision, links
from rashomon.stories.encoder import encode_articles
from rashomon.stories.grouper import StoryGrouper
from rashomon.stories.stream import stream_order

RESULTS = Path(__file__).resolve().parent / "results_story_links.json"


def run(
    articles: Sequence[Article],
    vectors: Mapping[str, np.ndarray],
    config: Config,
    teacher: Mapping[str, str] | None = None,
    model: links.LinkModel | None = None,
    linked: bool = True,
    joins: decision.JoinModels | None = None,
) -> StoryGrouper:
    grouper = StoryGrouper(config.stories, models=joins)
    grouper.link_teacher = teacher
    grouper.link_model = model if linked else None
    for article in sorted(articles, key=stream_order):
        grouper.add(article, vectors[article.id])
    return grouper


def fit(rows: list[tuple[tuple[float, ...], bool]]) -> links.LinkModel:
    """The join model's fit (standardised logistic regression) on link rows."""
    x = np.array([r[0] for r in rows], dtype=float)
    return fit_one(x, np.array([r[1] for r in rows], dtype=int))


def score(grouper: StoryGrouper, gold: Mapping[str, str]) -> list[float]:
    predicted = {a: s.id for s in grouper.stories() for a in s.article_ids}
    result = b_cubed_scored(dict(gold), predicted, list(gold))
    return [round(result.precision, 3), round(result.recall, 3), round(result.f1, 3)]


def half_of(label: str) -> int:
    return hashlib.sha1(label.encode()).digest()[0] % 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stream")
    parser.add_argument("--write-model", action="store_true", help="write rashomon/stories/links.json")
    args = parser.parse_args(argv)
    config = Config()
    rows: list[tuple[tuple[float, ...], bool]] = []
    held_out: dict[str, object] = {}
    for name in ("dated", "undated"):
        stream = load_labelled_stream(args.stream, config, dated=name == "dated")
        encoded = encode_articles(stream.articles, config.stories)
        vectors = {a.id: encoded[i] for i, a in enumerate(stream.articles)}
        rows += run(stream.articles, vectors, config, teacher=stream.gold).link_rows
        halves = [[a for a in stream.articles if half_of(stream.gold[a.id]) == h] for h in (0, 1)]
        for test in (0, 1):
            train = halves[1 - test]
            # both models fitted on the other half only: the join model, then the links over it
            joins = fit_joins(teacher_rows(train, stream.gold, vectors, config))
            model = fit(run(train, vectors, config, teacher=stream.gold, joins=joins).link_rows)
            gold = {a.id: stream.gold[a.id] for a in halves[test]}
            held_out[f"{name} half {test}"] = {
                "articles": len(gold),
                "without links": score(run(halves[test], vectors, config, linked=False, joins=joins), gold),
                "with links": score(run(halves[test], vectors, config, model=model, joins=joins), gold),
            }
    model = fit(rows)
    report = {
        "stream": args.stream,
        "features": list(links.LINK_FEATURES),
        "rows": len(rows),
        "positives": sum(1 for _, same in rows if same),
        "weights": dict(zip(links.LINK_FEATURES, model.weights, strict=True)),
        "intercept": model.intercept,
        "held_out": held_out,
        "fitted": datetime.now(UTC).strftime("%Y-%m-%d"),
    }
    RESULTS.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    if args.write_model:
        data = {
            "features": list(links.LINK_FEATURES),
            **model_data(model),
            "fitted_on": f"{Path(args.stream).parent.name}/{Path(args.stream).name}, dated and undated passes",
            "rows": report["rows"],
            "positives": report["positives"],
            "fitted": report["fitted"],
        }
        links.MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
