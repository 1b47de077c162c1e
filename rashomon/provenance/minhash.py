"""Near-duplicate articles (mirrors, re-posts) with MinHash LSH over word shingles.

The same article re-posted on another site differs in boilerplate, a headline tweak or a
typo; its word 5-shingles still overlap almost entirely. LSH finds candidate pairs without
comparing all pairs; each candidate is then checked with the exact Jaccard of the shingle sets,
so the LSH's approximation can only lose a pair, never invent one. Counting sources later uses
these groups, not pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from rashomon.config import ProvenanceConfig
from rashomon.provenance.spin import raw_tokens
from rashomon.records import Article, DuplicateGroup


@dataclass(slots=True, frozen=True)
class _Signature:
    article_id: str
    shingles: frozenset[str]


def shingles(text: str, size: int) -> frozenset[str]:
    """Word `size`-grams of the folded text; a text shorter than `size` words is one shingle."""
    words = raw_tokens(text)
    if len(words) <= size:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def minhash_of(grams: frozenset[str], num_perm: int) -> MinHash:
    """The MinHash of a shingle set; the Spark band join uses it too, so both paths agree."""
    sketch = MinHash(num_perm=num_perm, seed=1)
    sketch.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return sketch


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def lsh_threshold(config: ProvenanceConfig) -> float:
    """The candidate threshold of the LSH index: lower than the final one, so the exact Jaccard
    decides borderline pairs."""
    return max(0.3, config.duplicate_threshold - 0.2)


def _candidate_pairs(signatures: Sequence[_Signature], config: ProvenanceConfig) -> set[tuple[int, int]]:
    """Index pairs that share an LSH bucket (a lower LSH threshold than the final one, so the
    exact check decides borderline pairs)."""
    lsh = MinHashLSH(threshold=lsh_threshold(config), num_perm=config.num_perm)
    pairs: set[tuple[int, int]] = set()
    for index, signature in enumerate(signatures):
        sketch = minhash_of(signature.shingles, config.num_perm)
        for other in lsh.query(sketch):
            pairs.add((int(other), index))
        lsh.insert(str(index), sketch)
    return pairs


def _canonical_key(article: Article) -> tuple[bool, str, str, int, str]:
    """Earliest publication first (undated last; on one day, a known time before none), then the
    most complete text, then id."""
    return (article.published is None, article.published or "", article.published_time or "~", -len(article.text),
            article.id)


def _union_find_groups(size: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(size):
        groups.setdefault(root(i), []).append(i)
    return [members for members in groups.values() if len(members) > 1]


def find_duplicates(articles: Sequence[Article], config: ProvenanceConfig) -> list[DuplicateGroup]:
    """Groups of near-duplicate articles; each names its canonical article and its mirrors.

    `similarity` is the lowest exact Jaccard between the canonical article and a mirror, so a
    reader sees how loose the weakest member is.
    """
    signatures = [_Signature(a.id, shingles(a.text, config.shingle_size)) for a in articles]
    edges: list[tuple[int, int]] = []
    for a, b in sorted(_candidate_pairs(signatures, config)):
        if jaccard(signatures[a].shingles, signatures[b].shingles) >= config.duplicate_threshold:
            edges.append((a, b))
    groups: list[DuplicateGroup] = []
    for members in _union_find_groups(len(articles), edges):
        ordered = sorted(members, key=lambda i: _canonical_key(articles[i]))
        canonical = ordered[0]
        similarity = min(jaccard(signatures[canonical].shingles, signatures[i].shingles) for i in ordered[1:])
        groups.append(
            DuplicateGroup(
                canonical=articles[canonical].id,
                mirrors=tuple(articles[i].id for i in ordered[1:]),
                similarity=round(similarity, 3),
            )
        )
    return sorted(groups, key=lambda g: g.canonical)
