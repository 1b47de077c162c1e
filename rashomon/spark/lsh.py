"""MinHash band keys for the Spark duplicate join, with the local path's hashing.

Spark finds near-duplicate candidates by a join on band keys instead of an in-memory LSH index:
two articles that share one band key are candidates, then the local `find_duplicates` decides
within each candidate component. The signatures and the band shape are the local ones, taken
from `rashomon.provenance.minhash` (`shingles`, `minhash_of`, `band_keys`), so Spark sees
exactly the candidates the local banding sees.
"""

from __future__ import annotations

from datasketch import MinHash

from rashomon.config import ProvenanceConfig
from rashomon.provenance.minhash import band_keys, minhash_of, shingles
from rashomon.records import Article


def article_minhash(article: Article, config: ProvenanceConfig) -> MinHash:
    """The article's MinHash as `find_duplicates` computes it."""
    return minhash_of(shingles(article.text, config.shingle_size), config.num_perm)


def article_band_keys(article: Article, config: ProvenanceConfig) -> list[str]:
    """One key per band ("band:key"): articles sharing any key are duplicate candidates, exactly
    when the local banding (`find_duplicates`) pairs them."""
    keys = band_keys(article_minhash(article, config), config)
    return [f"{band}:{int(key)}" for band, key in enumerate(keys)]
