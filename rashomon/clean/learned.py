"""Repeated lines learned across batches: what makes `--store` runs independent of how inputs are split.

A line is boilerplate when it recurs in `repeated_line_min_articles` articles of one source. Learned
within one batch, that depends on which articles the batch holds: half a corpus misses lines the
whole corpus learns, the cleaned text differs, and so did the article's identity. A store therefore
keeps, for every article it holds, the count of its learnable lines (`LineEvidence`), and each
batch learns from those counts plus its own new articles. An article's identity is its `Origin`:
a hash of the raw input, taken before any learned line is removed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rashomon.clean.boilerplate import learnable_keys
from rashomon.config import CleanConfig
from rashomon.records import RawArticle


@dataclass(slots=True, frozen=True)
class Origin:
    """An article's batch-independent identity and the learnable line keys of its raw text."""

    identity: str
    lines: frozenset[str]


@dataclass(slots=True, frozen=True)
class LineEvidence:
    """What a store has learned: articles per line key, over the articles whose origins it holds."""

    counts: Mapping[str, int] = field(default_factory=dict)
    origins: frozenset[str] = frozenset()


def origin_of(raw: RawArticle) -> Origin:
    """The identity of `raw` (outlet, address, headline, date and raw text; not its id or path,
    so the same file read from another folder is the same article) and its learnable lines."""
    identity = ["raw", raw.source, raw.url, raw.title, raw.published, raw.text or "", "" if raw.text else raw.html]
    digest = hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
    return Origin(digest, learnable_keys(raw.source, raw.text or ""))


def learn_with_evidence(
    raws: Sequence[RawArticle], config: CleanConfig, evidence: LineEvidence
) -> tuple[frozenset[str], dict[str, Origin]]:
    """The lines learned from `evidence` plus the batch's new articles, and each raw id's Origin.

    A raw whose origin the store already counted, or that appears twice in the batch, counts once:
    so offering the same inputs again, or half of them and then all of them, learns what one batch
    of all of them learns.
    """
    origins: dict[str, Origin] = {}
    fresh: dict[str, frozenset[str]] = {}
    for raw in raws:
        origin = origin_of(raw)
        origins.setdefault(raw.id, origin)  # a repeated id keeps its first article, as `clean_batch` does
        if origin.identity not in evidence.origins:
            fresh.setdefault(origin.identity, origin.lines)
    counts = Counter(evidence.counts)
    for lines in fresh.values():
        counts.update(lines)
    learned = frozenset(key for key, n in counts.items() if n >= config.repeated_line_min_articles)
    return learned, origins
