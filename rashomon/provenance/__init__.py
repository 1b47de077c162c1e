"""Provenance: near-duplicate articles, sentence reuse, who copied whom, originality."""

from rashomon.provenance.minhash import find_duplicates
from rashomon.provenance.originality import originality
from rashomon.provenance.sentence_reuse import find_reuse

__all__ = ["find_duplicates", "find_reuse", "originality"]
