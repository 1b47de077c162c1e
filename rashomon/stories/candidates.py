"""The stories an article is compared with: a few, found through two bounded indexes, never all.

An inverted index from term to story is probed with the article's strongest terms and names and
read from its most recent end; and the `vector_candidates` stories whose mean vector is nearest
the article's are taken among the `vector_window` most recent. Both are bounded, so the cost per
article stays flat however long the stream.
"""

from __future__ import annotations

import heapq
from collections import Counter

from rashomon.config import StoriesConfig
from rashomon.stories.evidence import ArticleEvidence
from rashomon.stories.links import nearest_others
from rashomon.stories.state import Memory


def find_candidates(
    memory: Memory, config: StoriesConfig, vector: dict[str, float], evidence: ArticleEvidence, exhaustive: bool
) -> tuple[list[int], list[int]]:
    """The open stories worth a full comparison (every open story if `exhaustive`: the reference
    that the benchmark measures blocking against); and, for a dated article, the other stories
    the same indexes find (up to `vector_candidates`): closed ones, or open ones that
    `max_candidates` left out. Those are not joined, but the margins
    measure the candidates against them too (`evidence.with_margins`): a Japanese party vote alone
    with a German election two days before is then not that story's by the whole of a likeness
    that the earlier votes share as well."""
    stories, when = memory.stories, evidence.first
    if exhaustive:
        return stories.open_among(range(len(stories)), when, config.window_days), []
    probes = sorted(vector, key=lambda t: (-vector[t], t))[: config.probe_terms]
    anchors = [t for t in vector if t[0] in "end"]
    probes += sorted(anchors, key=lambda t: (-vector[t], t))[: config.probe_anchors]
    memory.postings.prefetch(probes)
    hits: Counter[int] = Counter()
    for term in probes:
        hits.update(memory.postings.recent(term))
    # the open stories with the most hits (most of those hit are long closed: dropped before ranking)
    stories.prefetch(hits)
    found = sorted(stories.open_among(hits, when, config.window_days), key=lambda i: (-hits[i], i))
    del found[max(0, config.max_candidates) :]
    nearest = nearest_stories(memory, config, evidence)
    stories.prefetch(nearest)
    found += stories.open_among([i for i in nearest if i not in hits], when, config.window_days)
    if when is None:  # every story is open to an undated article
        return found, []
    taken = set(found)
    most_hit = heapq.nsmallest(config.vector_candidates, hits, key=lambda i: (-hits[i], i))
    closed = [i for i in dict.fromkeys(nearest + most_hit) if i not in taken and stories[i].article_ids]
    return found, closed[: config.vector_candidates]


def nearest_stories(memory: Memory, config: StoriesConfig, evidence: ArticleEvidence) -> list[int]:
    """The `vector_candidates` stories whose mean vector is nearest the article's, among the
    `vector_window` most recent."""
    count = len(memory.stories)
    if not evidence.vector.any() or not count or config.vector_candidates <= 0:
        return []
    low, units = memory.units.recent(count)
    return [i for i, _ in nearest_others(units, low, evidence.vector, config.vector_candidates)]
