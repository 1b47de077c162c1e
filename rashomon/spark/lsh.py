"""MinHash band keys for the Spark duplicate join, with the local path's hashing.

Spark finds near-duplicate candidates by a join on band keys instead of an in-memory LSH index:
two articles that share one band key are candidates, then the local `find_duplicates` decides
within each candidate component. The signatures and the band shape are the local ones, taken
from `rashomon.provenance.minhash` (`shingles`, `minhash_of`, `lsh_threshold`), so Spark sees
exactly the candidates the local index sees.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from datasketch import MinHash
from datasketch.lsh import _optimal_param

from rashomon.config import ProvenanceConfig
from rashomon.provenance.minhash import lsh_threshold, minhash_of, shingles
from rashomon.records import Article


def article_minhash(article: Article, config: ProvenanceConfig) -> MinHash:
    """The article's MinHash as `find_duplicates` computes it."""
    return minhash_of(shingles(article.text, config.shingle_size), config.num_perm)


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
