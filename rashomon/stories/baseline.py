"""The peer every story grouper is measured against: single-pass TF-IDF clustering.

The classic topic-detection baseline (Allan et al. 1998): plain word TF-IDF vectors, each
article joins the closest existing cluster centroid when the cosine is at least 0.2, else
starts a cluster. Same call signature as `group_stories`, so the evaluation runs both on the
same articles in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from rashomon.config import StoriesConfig
from rashomon.records import Article, Story
from rashomon.stories.stream import story_id, stream_order

BASELINE_THRESHOLD = 0.2


def group_stories_single_pass(
    articles: Sequence[Article], config: StoriesConfig, threshold: float = BASELINE_THRESHOLD
) -> list[Story]:
    """Single-pass clustering over TF-IDF (IDF from the whole input, as the baseline is usually run)."""
    del config  # the baseline has no settings of ours: it is the fixed reference point
    ordered = sorted(articles, key=stream_order)
    if not ordered:
        return []
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{a.title or ''}\n{a.text}" for a in ordered])
    dense = matrix.toarray()
    sums: list[np.ndarray] = []
    members: list[list[str]] = []
    for row, article in zip(dense, ordered, strict=True):
        best, best_score = -1, threshold
        for index, total in enumerate(sums):
            norm = float(np.linalg.norm(total)) or 1.0
            score = float(row @ total) / norm
            if score >= best_score and (best < 0 or score > best_score):
                best, best_score = index, score
        if best < 0:
            sums.append(row.copy())
            members.append([article.id])
        else:
            sums[best] += row
            members[best].append(article.id)
    return [Story(story_id(ids[0]), tuple(ids)) for ids in members]
