"""Linking a story to the same event's story in other languages.

An article joins the story most like it, and an article in Korean is most like the Korean reports:
once two languages' reports of one event have each formed a story, every later article joins its
own language's one, and the event stays split (on the dev stream, merging such splits would take
B-cubed recall from 0.75 to 0.86). So whenever a story grows, it is compared with the nearest
stories (by mean vector) written in none of its languages, on evidence of the two stories as
wholes: their mean vectors, their closest articles, the days and figures both name, their dates and
years. A logistic model learnt on story pairs of the dev stream (`links.json`, fitted by
`bench/train_story_links.py`) says whether they tell one event; the later story then joins the
earlier one (Miranda et al. 2018 link monolingual clusters across languages the same way).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from rashomon.stories.decision import JoinModel, model_from
from rashomon.stories.evidence import MAX_GAP_DAYS, StoryEvidence, day_gap
from rashomon.stories.state import StoryTable

LINK_FEATURES = (
    "encoder",
    "encoder_best",
    "encoder_margin",
    "days_shared",
    "days_apart",
    "figures",
    "gap",
    "undated",
    "year",
    "size",
)
MODEL_PATH = Path(__file__).with_name("links.json")


def shares_day(one: StoryEvidence, other: StoryEvidence) -> bool:
    return any(day in other.days for day in one.days)


def link_features(one: StoryEvidence, other: StoryEvidence, cosine: float, margin: float) -> tuple[float, ...]:
    """`LINK_FEATURES` of two stories; `cosine` of their unit mean vectors, `margin` how far it is
    above the next nearest candidate's."""
    best = float(np.max(np.stack(one.members) @ np.stack(other.members).T)) if one.members and other.members else 0.0
    shared = shares_day(one, other)
    gap = day_gap(one, other)
    one_year, other_year = one.year(), other.year()
    year = 0.0 if one_year is None or other_year is None else (1.0 if one_year == other_year else -1.0)
    return (
        cosine,
        best,
        margin,
        1.0 if shared else 0.0,
        1.0 if one.days and other.days and not shared else 0.0,
        float(min(3, len(one.figures & other.figures))),
        min(gap, MAX_GAP_DAYS) / 7.0 if gap is not None else 0.0,
        1.0 if gap is None else 0.0,
        year,
        math.log1p(min(one.size, other.size)),
    )


# The link model has the join model's form: logistic weights over standardised features.
LinkModel = JoinModel


@lru_cache(maxsize=4)
def load_link_model(path: str = str(MODEL_PATH)) -> LinkModel | None:
    """The model in `path` (None when absent: stories are then not linked)."""
    file = Path(path)
    if not file.exists():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    if tuple(data["features"]) != LINK_FEATURES:
        raise ValueError(f"{path} was fitted on features {data['features']}, not {list(LINK_FEATURES)}")
    return model_from(data)


def _specific(figure: str) -> bool:
    """A figure of three significant digits or more ("n:179", "n:11,300"), which two reports of
    different events rarely share by chance, unlike round ones ("n:100", "n:2,000", "n:50")."""
    digits = figure[2:].replace(",", "").replace(".", "").strip("0")
    return len(digits) >= 3


def spans_fit(one: StoryEvidence, other: StoryEvidence, window_days: int) -> bool:
    """Two dated stories fit in one when together they span at most `window_days`."""
    if one.first is None or one.last is None or other.first is None or other.last is None:
        return True
    return (max(one.last, other.last) - min(one.first, other.first)).days <= window_days


def link_candidates(
    story: StoryEvidence, near: Sequence[tuple[int, float]], stories: StoryTable, window_days: int
) -> list[tuple[int, tuple[float, ...]]]:
    """The stories among `near` (index, cosine; the nearest by mean vector) that `story` may be
    linked with, and their `LINK_FEATURES`: not empty, written in none of its languages, spanning
    at most `window_days` together with it, of the same year when both are dated, and anchored in
    the event: they name a common day of the month, or both are dated and share a figure, or
    (undated) share two `_specific` figures (a Korean and an English crash story both give 179
    dead and 181 aboard; undated stories sharing round ones, 100 and 50, were other events). The encoder
    alone never links (undated, it put one country's election with another's: on the dev stream's
    held-out halves, without these conditions links cost up to 0.07 F1, with them none is lost).
    An undated story's year is only the year its texts name, most often an earlier one's (the last
    election's: a Korean election story "of 1997" was kept from its Japanese reports), so it does
    not keep stories apart."""
    languages = story.languages
    found = []
    for i, cosine in near:
        other = stories[i].evidence
        if not stories[i].article_ids or not languages or not other.languages or languages & other.languages:
            continue
        dated = story.first is not None and other.first is not None
        shared = story.figures & other.figures
        anchored = shares_day(story, other) or (bool(shared) if dated else sum(map(_specific, shared)) >= 2)
        if not spans_fit(story, other, window_days) or not anchored:
            continue
        if dated and story.year() != other.year():
            continue
        runner_up = max((c for j, c in near if j != i), default=0.0)
        found.append((i, link_features(story, other, cosine, cosine - runner_up)))
    return found


def nearest_others(units: np.ndarray, low: int, unit: np.ndarray, count: int) -> list[tuple[int, float]]:
    """The `count` rows of `units` (story indexes from `low`) nearest `unit`, with their cosines."""
    if not len(units) or not unit.any():
        return []
    similarity = units @ unit
    k = min(count, len(similarity))
    top = np.argpartition(-similarity, k - 1)[:k]
    ranked = sorted(top.tolist(), key=lambda i: (-float(similarity[i]), i))
    return [(low + int(i), float(similarity[i])) for i in ranked]
