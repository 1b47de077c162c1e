"""The worst merges and splits of a grouping, with ids and titles, so a person can see why.

A merge is a predicted story that holds articles of two or more gold stories; its cost is the
number of wrong pairs in it. A split is a gold story spread over two or more predicted stories;
its cost is the number of its pairs that were not put together. Ranking by pairs puts the errors
that cost pairwise precision and recall first, which are also the ones a reader notices.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

UNLABELLED = "(unrelated)"  # the gold label shown for intruders in a merge


@dataclass(slots=True, frozen=True)
class Part:
    """Some articles of one story: `label` is the gold story (in a merge) or the predicted one
    (in a split); `also` lists the other gold stories that predicted story holds (splits only)."""

    label: str
    article_ids: tuple[str, ...]
    also: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class GroupingError:
    """One merge (`kind` "merge", `story` a predicted story) or one split (`story` a gold one)."""

    kind: str
    story: str
    cost: int  # wrong pairs (merge) or missed pairs (split)
    parts: tuple[Part, ...]


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def _by_label(ids: Sequence[str], label: Mapping[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id in ids:
        groups[label.get(article_id, UNLABELLED)].append(article_id)
    return groups


def worst_merges(gold: Mapping[str, str], members: Mapping[str, Sequence[str]], limit: int) -> list[GroupingError]:
    """Predicted stories (`members`: story id -> article ids) that mix gold stories, worst first.

    Unlabelled articles (intruders) count as one more gold story, each of them on its own.
    """
    merges: list[GroupingError] = []
    for story, ids in members.items():
        groups = _by_label(ids, gold)
        if len(groups) < 2 and UNLABELLED not in groups:
            continue
        if not any(item in gold for item in ids):
            continue
        right = sum(_pairs(len(g)) for label, g in groups.items() if label != UNLABELLED)
        cost = _pairs(len(ids)) - right
        if cost:
            parts = sorted((Part(label, tuple(g)) for label, g in groups.items()), key=lambda p: -len(p.article_ids))
            merges.append(GroupingError("merge", story, cost, tuple(parts)))
    merges.sort(key=lambda e: (-e.cost, e.story))
    return merges[:limit]


def worst_splits(gold: Mapping[str, str], predicted: Mapping[str, str], limit: int) -> list[GroupingError]:
    """Gold stories spread over several predicted stories, worst first; each part says which
    other gold stories its predicted story holds (where the missing articles went)."""
    gold_members = _by_label(sorted(gold), gold)
    story_labels: dict[str, set[str]] = defaultdict(set)
    for article_id, story in predicted.items():
        story_labels[story].add(gold.get(article_id, UNLABELLED))
    splits: list[GroupingError] = []
    for label, ids in gold_members.items():
        parts_of = _by_label(ids, predicted)
        if len(parts_of) < 2:
            continue
        cost = _pairs(len(ids)) - sum(_pairs(len(g)) for g in parts_of.values())
        parts = [Part(story, tuple(g), tuple(sorted(story_labels[story] - {label}))) for story, g in parts_of.items()]
        parts.sort(key=lambda p: -len(p.article_ids))
        splits.append(GroupingError("split", label, cost, tuple(parts)))
    splits.sort(key=lambda e: (-e.cost, e.story))
    return splits[:limit]
