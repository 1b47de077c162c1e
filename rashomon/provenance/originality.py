"""Originality: the share of an article's sentences that were not found earlier elsewhere.

A sentence counts as borrowed when a reuse link names the article as the copy of it. Only
sentences long enough to be matched at all count (`ProvenanceConfig.min_content_tokens`):
otherwise a page padded with short captions would look more original than it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rashomon.config import ProvenanceConfig
from rashomon.provenance.spin import content_tokens
from rashomon.records import Article, ReuseLink

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_CHARACTERS = 12  # about as much said as the minimum content tokens of a spaced language


def originality(
    articles: Sequence[Article], links: Sequence[ReuseLink], config: ProvenanceConfig | None = None
) -> dict[str, float]:
    """Article id -> share in [0, 1] of its matchable sentences that it did not copy (`config`:
    the one reuse was found with; the defaults when None)."""
    min_tokens = (config or ProvenanceConfig()).min_content_tokens
    borrowed: dict[str, set[int]] = defaultdict(set)
    for link in links:
        borrowed[link.copy].update(s.copy_index for s in link.sentences)
    shares: dict[str, float] = {}
    for article in articles:
        # a sentence matched to another article was matchable, whatever its token count; and a
        # Chinese or Japanese sentence (one unspaced run, so one token) counts by its characters
        countable = {
            s.index
            for s in article.sentences
            if len(set(content_tokens(s.text))) >= min_tokens or len(_CJK.findall(s.text)) >= _CJK_CHARACTERS
        }
        countable |= borrowed[article.id] & {s.index for s in article.sentences}
        if not countable:
            shares[article.id] = 1.0
            continue
        copied = len(countable & borrowed[article.id])
        shares[article.id] = round(1.0 - copied / len(countable), 3)
    return shares
