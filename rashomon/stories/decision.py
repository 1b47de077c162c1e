"""The join decision: a logistic model over `evidence.FEATURES`, learnt on labelled pairs.

`decision.json` beside this file holds the weights that `bench/train_story_decision.py` fits
on the dev stream (article against story-so-far, every candidate the grouper would compare, in
stream order), with where they came from. Nothing here is set by hand: an article joins the
most probable candidate story when its probability reaches `StoriesConfig.join_threshold`
(0.5 by default: the model's own even odds).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rashomon.stories.evidence import FEATURES, MARGINS

MODEL_PATH = Path(__file__).with_name("decision.json")
# What each feature is evidence of, as the brief names it ("" for none: a story's size is not).
EVIDENCE = {
    "encoder": "encoder",
    "encoder_cross": "encoder",
    "encoder_best": "encoder",
    "terms": "terms",
    "names": "names",
    "salient": "names",
    "figures": "figures",
    "gap": "dates",
    "span": "dates",
    "year": "dates",
    "undated": "dates",
    "cross": "language",
    "size": "",
    "days_shared": "dates",
    "days_apart": "dates",
    "keys": "names",
    "encoder_margin": "encoder",
    "terms_margin": "terms",
    "names_margin": "names",
}


@dataclass(slots=True, frozen=True)
class JoinModel:
    """Logistic weights per feature; `mean` and `scale` standardise the features first."""

    weights: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def logit(self, features: tuple[float, ...]) -> float:
        return self.intercept + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale, strict=True)
        )

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.logit(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def reasons(self, features: tuple[float, ...], count: int = 3) -> tuple[str, ...]:
        """The kinds of evidence that spoke most for the join (`EVIDENCE`), strongest first: those
        whose part of the logit is above what an average pair gets."""
        parts = [
            (w * (x - m) / s, EVIDENCE[name])
            for name, w, x, m, s in zip(FEATURES, self.weights, features, self.mean, self.scale, strict=True)
        ]
        reasons: list[str] = []
        for part, reason in sorted(parts, reverse=True):
            if part > 0 and reason and reason not in reasons:
                reasons.append(reason)
        return tuple(reasons[:count])


@dataclass(slots=True, frozen=True)
class JoinModels:
    """The model for pairs where both sides have an encoder vector, and the one fitted without the
    encoder's features, for articles the encoder cannot read (a script it was not trained on, or
    `encoder = "none"`): they are joined on names, figures, terms and dates alone."""

    encoder: JoinModel
    no_encoder: JoinModel
    # Per `evidence.MARGINS`: the value a typical other story gives on the feature the margin is
    # taken on (the median over the training comparisons with stories not the article's).
    floors: tuple[float, ...] = (0.0,) * len(MARGINS)


def model_from(data: dict[str, Any]) -> JoinModel:
    """A model from its JSON form (weights, intercept, mean, scale; a zero scale reads as 1)."""

    def floats(key: str) -> tuple[float, ...]:
        return tuple(float(x) for x in data[key])

    return JoinModel(
        floats("weights"), float(data["intercept"]), floats("mean"), tuple(s or 1.0 for s in floats("scale"))
    )


@lru_cache(maxsize=4)
def load_models(path: str = str(MODEL_PATH)) -> JoinModels:
    """The models in `path`; their features must be `evidence.FEATURES`, in order."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} was fitted on features {data['features']}, not {list(FEATURES)}")
    floors = tuple(float(data.get("floors", {}).get(of, 0.0)) for _, of in MARGINS)
    return JoinModels(model_from(data["models"]["encoder"]), model_from(data["models"]["no_encoder"]), floors)
