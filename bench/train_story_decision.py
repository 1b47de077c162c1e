"""Fit the story join model (`rashomon/stories/decision.json`) on a labelled stream.

The grouper runs over the stream in its own order with a teacher (the gold stories): every
article is compared with the candidate stories the grouper would compare it with (plus its gold
story, if blocking missed it), the features of each comparison are recorded with whether it is
the gold story, and the article then joins its gold story. A logistic regression on those rows,
features standardised, is the model: no threshold is set by hand (the grouper joins at even odds).

Both passes of the stream are used, dated and undated, since real inputs come both ways, and
with --devset the devset's events and distractors (undated) too.
Held-out check, in the same run: the stories are split in two halves by a hash of their label;
a model fitted on one half's rows groups the other half alone, and the reverse, and both are
scored with B-cubed P/R/F1 (with the TF-IDF baseline on the same half). The rows and scores go to
`bench/results_story_decision.json`:

    python bench/train_story_decision.py ../shared/devstream/stream.jsonl \
        --devset ../shared/devset/clusters.jsonl [--write-model]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from rashomon.config import Config
from rashomon.eval.clustering import b_cubed_scored
from rashomon.eval.stories import _default_to_article, load_devset
from rashomon.eval.stream import load_labelled_stream
from rashomon.records import Article
from rashomon.stories import decision
from rashomon.stories.baseline import group_stories_single_pass
from rashomon.stories.encoder import encode_articles
from rashomon.stories.evidence import FEATURES, MARGINS, with_margins
from rashomon.stories.grouper import Group, StoryGrouper
from rashomon.stories.stream import stream_order

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results_story_decision.json"


def teacher_rows(
    articles: Sequence[Article], gold: dict[str, str], vectors: dict[str, np.ndarray], config: Config
) -> list[Group]:
    """Every comparison the grouper makes on `articles`, with the gold story placing each."""
    grouper = StoryGrouper(config.stories, teacher=gold)
    for article in sorted(articles, key=stream_order):
        grouper.add(article, vectors[article.id])
    return grouper.groups


def floors_of(groups: Sequence[Group]) -> tuple[float, ...]:
    """Per margin (`evidence.MARGINS`), the median of its feature over the comparisons with a
    story not the article's: what a typical other story gives."""
    columns = [FEATURES.index(of) for _, of in MARGINS]
    others = [features for candidates, gold, _ in groups for p, features in enumerate(candidates) if p != gold]
    if not others:
        return (0.0,) * len(MARGINS)
    return tuple(float(np.median([features[column] for features in others])) for column in columns)


def matrix(groups: Sequence[Group], floors: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """The rows (features and margins) of the open candidates, labelled gold or not."""
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for candidates, gold, opened in groups:
        for position, (_, features) in enumerate(with_margins(list(enumerate(candidates)), floors)[:opened]):
            rows.append(features)
            labels.append(int(position == gold))
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES)), np.array(labels, dtype=int)


def fit(groups: Sequence[Group]) -> decision.JoinModels:
    """The encoder's model, and the model for pairs without vectors (encoder features zeroed),
    with the margins' floors."""
    floors = floors_of(groups)
    x, y = matrix(groups, floors)
    blind = x.copy()
    blind[:, [FEATURES.index(name) for name in FEATURES if name.startswith("encoder")]] = 0.0
    return decision.JoinModels(fit_one(x, y), fit_one(blind, y), floors)


def model_data(model: decision.JoinModel) -> dict[str, object]:
    return {
        "weights": list(model.weights),
        "intercept": model.intercept,
        "mean": list(model.mean),
        "scale": list(model.scale),
    }


def fit_one(x: np.ndarray, y: np.ndarray) -> decision.JoinModel:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    return decision.JoinModel(
        tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), tuple(mean), tuple(scale)
    )


def group_with(model: decision.JoinModels, articles: Sequence[Article], vectors: dict[str, np.ndarray], config: Config):
    grouper = StoryGrouper(config.stories, models=model)
    for article in sorted(articles, key=stream_order):
        grouper.add(article, vectors[article.id])
    return grouper.stories()


def score(stories, gold: dict[str, str]):
    predicted = {article: story.id for story in stories for article in story.article_ids}
    return b_cubed_scored(gold, predicted, list(gold))


def half_of(label: str) -> int:
    return hashlib.sha1(label.encode()).digest()[0] % 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stream")
    parser.add_argument("--devset", help="also fit on the devset's clusters.jsonl (distractors.jsonl beside it)")
    parser.add_argument("--write-model", action="store_true", help="write rashomon/stories/decision.json")
    args = parser.parse_args(argv)
    config = Config()
    started = time.perf_counter()
    passes = {name: load_labelled_stream(args.stream, config, dated=name == "dated") for name in ("dated", "undated")}
    vectors: dict[str, dict[str, np.ndarray]] = {}
    for name, stream in passes.items():
        encoded = encode_articles(stream.articles, config.stories)
        vectors[name] = {a.id: encoded[i] for i, a in enumerate(stream.articles)}
    rows = {name: teacher_rows(s.articles, s.gold, vectors[name], config) for name, s in passes.items()}
    if args.devset:
        articles, gold, _, _ = load_devset(
            args.devset, str(Path(args.devset).with_name("distractors.jsonl")), _default_to_article(config.clean)
        )
        encoded = encode_articles(articles, config.stories)
        rows["devset"] = teacher_rows(articles, gold, {a.id: encoded[i] for i, a in enumerate(articles)}, config)
    groups = [group for found in rows.values() for group in found]
    model = fit(groups)
    x, y = matrix(groups, model.floors)
    floors = dict(zip([of for _, of in MARGINS], model.floors, strict=True))
    report: dict[str, object] = {
        "stream": args.stream,
        "features": list(FEATURES),
        "rows": int(len(y)),
        "positives": int(y.sum()),
        "fitted": datetime.now(UTC).strftime("%Y-%m-%d"),
        "weights": dict(zip(FEATURES, model.encoder.weights, strict=True)),
        "intercept": model.encoder.intercept,
        "floors": floors,
        "training_auc": round(float(roc_auc_score(y, [model.encoder.logit(tuple(r)) for r in x])), 4),
        "held_out": held_out(passes, vectors, config),
        "seconds": round(time.perf_counter() - started, 1),
    }
    RESULTS.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    if args.write_model:
        data = {
            "features": list(FEATURES),
            "models": {"encoder": model_data(model.encoder), "no_encoder": model_data(model.no_encoder)},
            "floors": floors,
            "fitted_on": f"{Path(args.stream).parent.name}/{Path(args.stream).name}, dated and undated passes"
            + (", and the devset's clusters and distractors" if args.devset else ""),
            "rows": int(len(y)),
            "positives": int(y.sum()),
            "fitted": report["fitted"],
        }
        decision.MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


def held_out(passes, vectors, config: Config) -> dict[str, object]:
    """Two-fold by story: fit on one half's rows, group the other half, both ways."""
    scores: dict[str, object] = {}
    for name, stream in passes.items():
        halves = [[a for a in stream.articles if half_of(stream.gold[a.id]) == h] for h in (0, 1)]
        for test in (0, 1):
            train = halves[1 - test]
            model = fit(teacher_rows(train, stream.gold, vectors[name], config))
            articles = halves[test]
            gold = {a.id: stream.gold[a.id] for a in articles}
            ours = score(group_with(model, articles, vectors[name], config), gold)
            base = score(group_stories_single_pass(articles, config.stories), gold)
            scores[f"{name} half {test}"] = {
                "articles": len(articles),
                "ours": [round(ours.precision, 3), round(ours.recall, 3), round(ours.f1, 3)],
                "tfidf_baseline": [round(base.precision, 3), round(base.recall, 3), round(base.f1, 3)],
            }
    return scores


if __name__ == "__main__":
    sys.exit(main())
