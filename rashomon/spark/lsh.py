"""MinHash band keys for the Spark duplicate join, with the local path's hashing.

Spark finds near-duplicate candidates by a join on band keys instead of an in-memory LSH index:
two articles that share one band key are candidates, then the local `find_duplicates` decides
within each candidate component. The signatures and the band shape must be the local ones
(`rashomon.provenance.minhash`: word shingles of `spin.raw_tokens`, datasketch MinHash with
seed 1, LSH at `duplicate_threshold - 0.2`), or Spark would see other candidates.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from datasketch import MinHash
from datasketch.lsh import _optimal_param

from rashomon.config import ProvenanceConfig
from rashomon.provenance.minhash import shingles
from rashomon.records import Article


def article_minhash(article: Article, config: ProvenanceConfig) -> MinHash:
    """The article's MinHash as `find_duplicates` computes it."""
    sketch = MinHash(num_perm=config.num_perm, seed=1)
    sketch.update_batch([g.encode("utf-8") for g in sorted(shingles(article.text, config.shingle_size))])
    return sketch


def lsh_threshold(config: ProvenanceConfig) -> float:
    """The candidate threshold of the local LSH: lower than the final one, the exact Jaccard
    decides borderline pairs."""
    return max(0.3, config.duplicate_threshold - 0.2)


@lru_cache(maxsize=8)
def band_shape(config: ProvenanceConfig) -> tuple[int, int]:
    """(bands, rows) as datasketch's MinHashLSH picks them for the local index (a numerical
    optimisation worth caching: it costs more than hashing an article)."""
    bands, rows = _optimal_param(lsh_threshold(config), config.num_perm, 0.5, 0.5)
    return int(bands), int(rows)


def band_keys(article: Article, config: ProvenanceConfig) -> list[str]:
    """One key per band: articles sharing any key are duplicate candidates, exactly when the
    local LSH index would return them for each other."""
    values = article_minhash(article, config).hashvalues
    bands, rows = band_shape(config)
    keys = []
    for band in range(bands):
        chunk = values[band * rows:(band + 1) * rows].tobytes()
        keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=12).hexdigest()}")
    return keys
