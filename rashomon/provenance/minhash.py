"""Near-duplicate articles (mirrors, re-posts) with MinHash LSH over word shingles.

The same article re-posted on another site differs in boilerplate, a headline tweak or a
typo; its word 5-shingles still overlap almost entirely. LSH finds candidate pairs without
comparing all pairs; each candidate is then checked with the exact Jaccard of the shingle sets,
so the LSH's approximation can only lose a pair, never invent one. Counting sources later uses
these groups, not pages.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from functools import lru_cache
from typing import TypeVar

import numpy as np
from datasketch import MinHash

from rashomon.config import ProvenanceConfig
from rashomon.provenance.spin import raw_tokens
from rashomon.records import Article, DuplicateGroup


def shingles(text: str, size: int) -> frozenset[str]:
    """Word `size`-grams of the folded text; a text shorter than `size` words is one shingle."""
    words = raw_tokens(text)
    if len(words) <= size:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    """A seed-1 MinHash whose permutations (and hashing scheme) every sketch reuses: drawing
    them once per article cost more than hashing its shingles, and gives the same values."""
    return MinHash(num_perm=num_perm, seed=1)


def minhash_of(grams: frozenset[str], num_perm: int) -> MinHash:
    """The MinHash of a shingle set; the Spark band join uses it too, so both paths agree."""
    template = _template(num_perm)
    sketch = MinHash(num_perm=num_perm, seed=1, permutations=template.permutations, scheme=template.scheme)
    sketch.update_batch([g.encode("utf-8") for g in grams])  # a minimum: the order does not matter
    return sketch


def shingle_hashes(grams: frozenset[str]) -> np.ndarray:
    """The shingles as sorted unique 64-bit hashes (stable across processes, unlike `hash`)."""
    return np.unique(np.fromiter((_hash64(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams)))


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique hash arrays (`shingle_hashes`)."""
    if not a.size or not b.size:
        return 0.0
    shared = np.intersect1d(a, b, assume_unique=True).size
    return float(shared / (a.size + b.size - shared))


def lsh_threshold(config: ProvenanceConfig) -> float:
    """The candidate threshold of the LSH index: lower than the final one (by `lsh_margin`, not
    below `lsh_floor`), so the exact Jaccard decides borderline pairs."""
    return max(config.lsh_floor, config.duplicate_threshold - config.lsh_margin)


@lru_cache(maxsize=8)
def band_shape(config: ProvenanceConfig) -> tuple[int, int]:
    """(bands, rows) for `lsh_threshold`, as datasketch's MinHashLSH picks them (cached: the search
    costs more than hashing an article)."""
    return band_split(lsh_threshold(config), config.num_perm)


def band_split(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows), bands * rows <= num_perm, that minimise false positives plus false negatives.

    Two sketches of Jaccard s share some band with probability P(s) = 1 - (1 - s^rows)^bands. The
    error is the area under P below `threshold` (pairs paired wrongly) plus the area above P beyond
    it (pairs missed), equally weighted: MinHashLSH's own criterion. P is a polynomial of degree
    bands * rows <= num_perm, so Gauss-Legendre with num_perm // 2 + 1 nodes integrates it exactly.
    """
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    below, below_weights = (nodes + 1) * threshold / 2, weights * threshold / 2
    above, above_weights = threshold + (nodes + 1) * (1 - threshold) / 2, weights * (1 - threshold) / 2
    best, least = (0, 0), math.inf
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_positive = below_weights @ (1 - (1 - below**rows) ** bands)
            false_negative = above_weights @ ((1 - above**rows) ** bands)
            error = 0.5 * false_positive + 0.5 * false_negative
            if error < least:
                best, least = (bands, rows), float(error)
    return best


def band_keys(sketch: MinHash, config: ProvenanceConfig) -> np.ndarray:
    """One 64-bit key per LSH band of the sketch: two articles that share a key in the same band
    are duplicate candidates. The Spark join uses these keys too, so both paths see the same
    candidates; a key collision can only add a candidate, which the exact check then drops."""
    bands, rows = band_shape(config)
    values = sketch.hashvalues
    return np.array([_hash64(values[b * rows : (b + 1) * rows].tobytes()) for b in range(bands)], dtype=np.uint64)


def _shared_band_pairs(keys: np.ndarray) -> set[tuple[int, int]]:
    """Index pairs (lower first) whose keys are equal in some band (column) of `keys`: LSH banding
    as a sort per band, which holds 8 bytes per article and band instead of an index of sets."""
    pairs: set[tuple[int, int]] = set()
    for band in range(keys.shape[1]):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], len(ordered)]
        for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            members = sorted(int(i) for i in order[start:end])
            pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1 :])
    return pairs


def _candidates(articles: Sequence[Article], config: ProvenanceConfig) -> set[tuple[int, int]]:
    """The index pairs that share an LSH band (at a lower threshold than the final one, so the
    exact check decides borderline pairs).

    Only each article's band keys are kept (not its MinHash nor an LSH index of sets: at 100k
    articles those took over a gigabyte), and they are remembered (`_band_keys_of`): the local
    runner looks for duplicates in the whole batch and again within each story.
    """
    bands, _ = band_shape(config)
    keys = np.zeros((len(articles), bands), dtype=np.uint64)
    for index, article in enumerate(articles):
        keys[index] = _band_keys_of(article.text, config)
    return _shared_band_pairs(keys)


_V = TypeVar("_V")
# Band keys by a digest of (settings, text); the text itself is not held. ~250 bytes an entry:
# 25 MB keep every article of a 100k batch. Shingle hashes (a few KB an article) are needed for
# candidates only, and the last 8,192 are kept. The oldest entry leaves first.
_BAND_KEYS: dict[bytes, bytes] = {}
_BAND_KEYS_KEPT = 100_000
_HASHES: dict[bytes, np.ndarray] = {}
_HASHES_KEPT = 8192


def _text_key(text: str, config: ProvenanceConfig) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{config.shingle_size} {config.num_perm} {band_shape(config)}\n".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.digest()


def _band_keys_of(text: str, config: ProvenanceConfig) -> np.ndarray:
    """`band_keys` of the text's shingles, remembered (see `_BAND_KEYS`)."""

    def compute() -> bytes:
        return band_keys(minhash_of(shingles(text, config.shingle_size), config.num_perm), config).tobytes()

    return np.frombuffer(_remembered(_BAND_KEYS, _BAND_KEYS_KEPT, _text_key(text, config), compute), dtype=np.uint64)


def _hashes_of(text: str, config: ProvenanceConfig) -> np.ndarray:
    """`shingle_hashes` of the text's shingles, remembered (see `_HASHES`)."""
    return _remembered(
        _HASHES, _HASHES_KEPT, _text_key(text, config), lambda: shingle_hashes(shingles(text, config.shingle_size))
    )


def _remembered(memo: dict[bytes, _V], most: int, key: bytes, compute: Callable[[], _V]) -> _V:
    """`memo[key]`, computed and kept if absent, dropping the oldest entry when full; another
    thread (the web server's) may change the dict at the same time."""
    found = memo.get(key)
    if found is None:
        found = compute()
        if len(memo) >= most:
            with suppress(RuntimeError, StopIteration):
                memo.pop(next(iter(memo)), None)
        memo[key] = found
    return found


def _canonical_key(article: Article) -> tuple[bool, str, str, int, str]:
    """Earliest publication first (undated last; on one day, a known time before none), then the
    most complete text, then id."""
    return (
        article.published is None,
        article.published or "",
        article.published_time or "~",
        -len(article.text),
        article.id,
    )


Node = TypeVar("Node", int, str)


def connected(edges: Iterable[tuple[Node, Node]]) -> dict[Node, Node]:
    """Node -> the smallest node of its connected component, for every node on an edge
    (union-find). The local path links article positions, the Spark driver article ids."""
    parent: dict[Node, Node] = {}

    def root(node: Node) -> Node:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in edges:
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {node: root(node) for node in list(parent)}


def find_duplicates(articles: Sequence[Article], config: ProvenanceConfig) -> list[DuplicateGroup]:
    """Groups of near-duplicate articles; each names its canonical article and its mirrors.

    `similarity` is the lowest exact Jaccard between the canonical article and a mirror, so a
    reader sees how loose the weakest member is.
    """
    # Shingle hashes (8 bytes a shingle) only for the few articles that are candidates at all.
    candidates = _candidates(articles, config)
    hashes: dict[int, np.ndarray] = {}
    for a in sorted({i for pair in candidates for i in pair}):
        hashes[a] = _hashes_of(articles[a].text, config)
    edges: list[tuple[int, int]] = []
    for a, b in sorted(candidates):
        if jaccard(hashes[a], hashes[b]) >= config.duplicate_threshold:
            edges.append((a, b))
    components: dict[int, list[int]] = {}
    for node, component in sorted(connected(edges).items()):
        components.setdefault(component, []).append(node)
    groups = [group_of([articles[i] for i in members], [hashes[i] for i in members]) for members in components.values()]
    return sorted(groups, key=lambda g: g.canonical)


def group_of(members: Sequence[Article], hashes: Sequence[np.ndarray]) -> DuplicateGroup:
    """The group of one component of near-duplicates (each with its shingle hashes): the canonical
    article first by `_canonical_key`, its mirrors, and the lowest Jaccard between them."""
    ordered = sorted(range(len(members)), key=lambda i: _canonical_key(members[i]))
    canonical = ordered[0]
    similarity = min(jaccard(hashes[canonical], hashes[i]) for i in ordered[1:])
    return DuplicateGroup(
        canonical=members[canonical].id,
        mirrors=tuple(members[i].id for i in ordered[1:]),
        similarity=round(similarity, 3),
    )
