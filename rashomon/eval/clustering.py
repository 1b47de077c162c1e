"""Scores of a grouping against gold labels: B-cubed and pairwise precision, recall and F1.

B-cubed (Bagga & Baldwin 1998) averages over articles, so a big story and a single page weigh
the same per article; pairwise counts pairs, so big stories dominate. They disagree most when
one large story is merged or split, which is why the stream evaluation reports both.

Only labelled articles are scored, but a predicted story's size counts every article of the
stream in it: an unrelated article that joins a labelled story (an intruder) costs that story's
articles precision, as a reader of the merged brief pays for it. Unrelated articles grouped with
each other cost nothing here (they are not labelled: two of them may well be one story).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class PRF:
    """Precision, recall and F1, rounded to 4 places."""

    precision: float
    recall: float
    f1: float


def _prf(precision: float, recall: float) -> PRF:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(round(precision, 4), round(recall, 4), round(f1, 4))


def b_cubed_scored(gold: Mapping[str, str], predicted: Mapping[str, str], scored: Sequence[str]) -> PRF:
    """B-cubed over the `scored` (labelled) articles; predicted stories count all their members.

    `predicted` maps every article of the stream to its story; `gold` maps the scored ones.
    Without unrelated articles in the stream this is plain B-cubed.
    """
    if not scored:
        return PRF(0.0, 0.0, 0.0)
    story_size = Counter(predicted.values())
    gold_size = Counter(gold[item] for item in scored)
    cell = Counter((gold[item], predicted[item]) for item in scored)
    precision = recall = 0.0
    for item in scored:
        overlap = cell[(gold[item], predicted[item])]
        precision += overlap / story_size[predicted[item]]
        recall += overlap / gold_size[gold[item]]
    return _prf(precision / len(scored), recall / len(scored))


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str], scored: Sequence[str]) -> PRF:
    """Pairwise precision and recall over the scored articles (pairs with an intruder are false).

    A predicted pair is right when both articles are labelled with the same story; a stream of
    single pages only has no pairs, and then precision and recall are 1 by convention.
    """
    story_size = Counter(predicted.values())
    cell = Counter((gold[item], predicted[item]) for item in scored)
    gold_size = Counter(gold[item] for item in scored)
    together = sum(_pairs(n) for n in cell.values())
    scored_stories = {predicted[item] for item in scored}
    predicted_pairs = sum(_pairs(story_size[story]) for story in scored_stories)
    gold_pairs = sum(_pairs(n) for n in gold_size.values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return _prf(precision, recall)


@dataclass(slots=True, frozen=True)
class Losses:
    """Where B-cubed falls short of 1, in parts that add up to 1 - P and 1 - R (rounded to 4).

    `lone`: precision lost where an article of a one-article gold story (a single page, a near miss
    such as a digest) shares a story with another article; `mixed`: lost where articles of two
    stories of two or more are together. `within`: recall lost between articles of one story in
    one language; `across`: between articles of one story in different languages. They tell
    whether to work on near misses, on merges, or on linking languages."""

    lone: float
    mixed: float
    within: float
    across: float


def b_cubed_losses(gold: Mapping[str, str], predicted: Mapping[str, str], languages: Mapping[str, str]) -> Losses:
    """`Losses` of plain B-cubed over the articles of `gold` (all in `predicted`)."""
    items = [item for item in gold if item in predicted]
    if not items:
        return Losses(0.0, 0.0, 0.0, 0.0)
    gold_size = Counter(gold[item] for item in items)
    story_size = Counter(predicted[item] for item in items)
    singles = Counter(predicted[item] for item in items if gold_size[gold[item]] == 1)  # per story
    cell = Counter((gold[item], predicted[item]) for item in items)
    in_language = Counter((gold[item], languages.get(item, "und")) for item in items)
    cell_language = Counter((gold[item], predicted[item], languages.get(item, "und")) for item in items)
    lone = mixed = within = across = 0.0
    for item in items:
        label, story, language = gold[item], predicted[item], languages.get(item, "und")
        wrong = story_size[story] - cell[(label, story)]
        alone = wrong if gold_size[label] == 1 else singles[story]
        lone += alone / story_size[story]
        mixed += (wrong - alone) / story_size[story]
        missed = gold_size[label] - cell[(label, story)]
        missed_here = in_language[(label, language)] - cell_language[(label, story, language)]
        within += missed_here / gold_size[label]
        across += (missed - missed_here) / gold_size[label]
    count = len(items)
    return Losses(*(round(value / count, 4) for value in (lone, mixed, within, across)))


def joined_by_language(
    gold: Mapping[str, str], predicted: Mapping[str, str], languages: Mapping[str, str]
) -> dict[str, tuple[int, int]]:
    """Per language: of the articles whose gold story has two or more of them, how many sit in
    that story's main part (the predicted story holding most of its articles; ties by story id),
    and how many there are. What "every article joins its story whatever its language" asks:
    B-cubed averages it away when one language's reports form a story of their own."""
    members: dict[str, list[str]] = {}
    for item in gold:
        if item in predicted:
            members.setdefault(gold[item], []).append(item)
    counts: dict[str, list[int]] = {}
    for items in members.values():
        if len(items) < 2:
            continue
        parts = Counter(predicted[item] for item in items)
        main = min(parts, key=lambda story: (-parts[story], story))
        for item in items:
            count = counts.setdefault(languages.get(item, "und"), [0, 0])
            count[0] += predicted[item] == main
            count[1] += 1
    return {language: (joined, total) for language, (joined, total) in sorted(counts.items())}


def intruders(gold: Mapping[str, str], predicted: Mapping[str, str]) -> int:
    """How many unlabelled articles (absent from `gold`) sit in a story with a labelled one."""
    labelled_stories = {predicted[item] for item in gold if item in predicted}
    return sum(1 for item, story in predicted.items() if item not in gold and story in labelled_stories)
