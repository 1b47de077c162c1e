"""Near-duplicate detection as a Spark join on MinHash band keys.

The join only proposes candidates; the decision stays with the local `find_duplicates`, run on
each connected component of the candidate graph. A component is small (a story's mirrors), so
the expensive part (signatures, the join) is spread over the cluster while the result is the
local runner's, group for group.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyspark import RDD

from rashomon.config import ProvenanceConfig
from rashomon.provenance.minhash import connected
from rashomon.records import Article, DuplicateGroup
from rashomon.spark.inputs import Position
from rashomon.spark.lsh import article_band_keys

Numbered = tuple[Position, Article]


def _bucket_edges(members: Iterable[str]) -> Iterator[tuple[str, str]]:
    """A star from the bucket's first member: the same components as all pairs, linear size,
    so a bucket of 10,000 identical pages costs 10,000 edges, not 50 million."""
    ordered = sorted(set(members))
    for other in ordered[1:]:
        yield ordered[0], other


def candidate_edges(articles: RDD[Numbered], config: ProvenanceConfig) -> list[tuple[str, str]]:
    """Pairs of article ids that share a band key (the LSH candidates), as a join in Spark."""
    width = articles.getNumPartitions()
    keyed = articles.flatMap(lambda item: [(key, item[1].id) for key in article_band_keys(item[1], config)])
    buckets = keyed.groupByKey(width).filter(lambda kv: len(kv[1]) > 1)  # type: ignore[arg-type]
    return buckets.flatMap(lambda kv: _bucket_edges(kv[1])).distinct(width).collect()


def _decide(components: Iterable[tuple[str, Iterable[Numbered]]], config: ProvenanceConfig) -> list[DuplicateGroup]:
    """`find_duplicates` once over all the components of a partition.

    Components are closed under the LSH candidate relation, so no candidate pair crosses two of
    them and one call over their union gives the union of the per-component results, while
    building one LSH index per partition instead of one per component.
    """
    from rashomon.provenance import find_duplicates

    members = [item for _, group in components for item in group]
    return find_duplicates([article for _, article in sorted(members, key=lambda item: item[0])], config)


def find_duplicates_spark(articles: RDD[Numbered], config: ProvenanceConfig) -> list[DuplicateGroup]:
    """The local `find_duplicates`, run on candidate components; sorted by canonical id as the
    local list is."""
    # Only ids of candidate articles reach the driver: a few bytes per mirror, never the texts.
    component_of = connected(candidate_edges(articles, config))
    if not component_of:
        return []
    shared = articles.context.broadcast(component_of)
    grouped = (
        articles.filter(lambda item: item[1].id in shared.value)
        .map(lambda item: (shared.value[item[1].id], item))
        .groupByKey(articles.getNumPartitions())
        .mapPartitions(lambda part: _decide(part, config))
        .collect()
    )
    return sorted(grouped, key=lambda g: g.canonical)
