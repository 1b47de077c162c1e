"""Who copied whom: the direction of each pair of articles that share sentences.

Publication time decides when both articles have a date and the dates differ. Most copies have
no trustworthy date (content farms strip it), so the text must speak, strongest evidence first:

0. a near-duplicate page (mirror) copies its group's canonical page (see `minhash`);
1. a dateline or an agency credit ("MOSCOW, Feb. 20 (Xinhua) --") marks the reporting outlet;
2. stitching: an article already known to copy from several other articles copies here too
   (decided in rounds, so each round's findings feed the next);
3. the article with the larger share of sentences found nowhere else is the original (not
   between two known stitchers: a sentence they share most likely comes from a third page);
4. a dated article precedes an undated one;
5. input order, said plainly, when nothing else tells them apart.

Each decision carries its evidence as a short phrase so the brief can show why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rashomon.config import ProvenanceConfig
from rashomon.records import Article

_AGENCY_CREDIT = re.compile(
    r"\((?:Xinhua|Reuters|AP|AFP|dpa|DPA|ANI|PTI|IANS|UPI|TASS|Sputnik|Bloomberg|Anadolu|EFE|ANSA|Kyodo|Yonhap)\)"
    r"|\([A-Z][A-Za-z]{1,12}\) ?(?:--|—|–)"
    r"|^[A-Z][A-Z .'-]{2,40}, [A-Z][a-z]{2,8}\.? \d{1,2} ?(?:\(|--|—|–)",
    re.MULTILINE,
)


@dataclass(slots=True, frozen=True)
class Direction:
    original: str
    copy: str
    evidence: str


@dataclass(slots=True, frozen=True)
class ArticleEvidence:
    """What the text says about one article, independent of any particular pair."""

    published: str | None
    published_time: str | None
    credited: bool
    unique_share: float
    order: int


def has_credit(article: Article) -> bool:
    """A dateline or agency credit near the top marks the outlet that reported the story."""
    head = article.text[:400]
    return article.dateline is not None or _AGENCY_CREDIT.search(head) is not None


def _by_dates(a: str, b: str, evidence: Mapping[str, ArticleEvidence]) -> Direction | None:
    """Earlier day wins; on the same day, the earlier time when both pages give one (UTC ISO)."""
    da, db = evidence[a].published, evidence[b].published
    if da and db and da[:10] != db[:10]:
        return Direction(a, b, "published earlier") if da < db else Direction(b, a, "published earlier")
    ta, tb = evidence[a].published_time, evidence[b].published_time
    if ta and tb and ta != tb:
        earlier, later = (a, b) if ta < tb else (b, a)
        return Direction(earlier, later, "published earlier that day")
    return None


def _by_mirror(a: str, b: str, canonical_of: Mapping[str, str]) -> Direction | None:
    """A near-duplicate page copies its group's canonical page (earliest, then most complete)."""
    if canonical_of.get(b) == a:
        return Direction(a, b, "mirror of the canonical page")
    if canonical_of.get(a) == b:
        return Direction(b, a, "mirror of the canonical page")
    return None


def _by_credit(a: str, b: str, evidence: Mapping[str, ArticleEvidence]) -> Direction | None:
    ca, cb = evidence[a].credited, evidence[b].credited
    if ca != cb:
        return Direction(a, b, "dateline/agency credit") if ca else Direction(b, a, "dateline/agency credit")
    return None


def _by_stitching(a: str, b: str, sources: Mapping[str, set[str]]) -> Direction | None:
    na = len(sources.get(a, set()) - {b})
    nb = len(sources.get(b, set()) - {a})
    if na == nb:
        return None
    copy, original, count = (a, b, na) if na > nb else (b, a, nb)
    return Direction(original, copy, f"stitched from {count} other article{'s' if count != 1 else ''}")


def _by_unique_share(a: str, b: str, evidence: Mapping[str, ArticleEvidence], margin: float) -> Direction | None:
    ua, ub = evidence[a].unique_share, evidence[b].unique_share
    if abs(ua - ub) < margin:
        return None
    return Direction(a, b, "more sentences of its own") if ua > ub else Direction(b, a, "more sentences of its own")


def _by_fallback(a: str, b: str, evidence: Mapping[str, ArticleEvidence]) -> Direction:
    ea, eb = evidence[a], evidence[b]
    if bool(ea.published) != bool(eb.published):
        return Direction(a, b, "dated, the other not") if ea.published else Direction(b, a, "dated, the other not")
    if (ea.order, a) <= (eb.order, b):
        return Direction(a, b, "first in input order (no other evidence)")
    return Direction(b, a, "first in input order (no other evidence)")


def gather_evidence(
    articles: Sequence[Article], shared_sentences: Mapping[str, set[int]]
) -> dict[str, ArticleEvidence]:
    """Per-article evidence; `shared_sentences` holds the indices of each article's sentences
    found in some other article."""
    evidence: dict[str, ArticleEvidence] = {}
    for order, article in enumerate(articles):
        total = max(1, len(article.sentences))
        shared = len(shared_sentences.get(article.id, set()))
        evidence[article.id] = ArticleEvidence(
            published=article.published,
            published_time=article.published_time,
            credited=has_credit(article),
            unique_share=1.0 - shared / total,
            order=order,
        )
    return evidence


def orient_pairs(
    pairs: Sequence[tuple[str, str]],
    evidence: Mapping[str, ArticleEvidence],
    canonical_of: Mapping[str, str] | None = None,
    config: ProvenanceConfig | None = None,
) -> dict[tuple[str, str], Direction]:
    """The direction of every unordered pair `(a, b)`; deterministic for a given input.

    `canonical_of` maps each mirror (near-duplicate page) to its group's canonical page.
    """
    canonical_of = canonical_of or {}
    margin = (config or ProvenanceConfig()).unique_share_margin
    decided: dict[tuple[str, str], Direction] = {}
    for pair in pairs:
        found = _by_dates(*pair, evidence) or _by_mirror(*pair, canonical_of) or _by_credit(*pair, evidence)
        if found:
            decided[pair] = found
    while True:
        sources: dict[str, set[str]] = {}
        for direction in decided.values():
            sources.setdefault(direction.copy, set()).add(direction.original)
        round_findings = {}
        for pair in pairs:
            if pair not in decided:
                found = _by_stitching(*pair, sources)
                if found:
                    round_findings[pair] = found
        if not round_findings:
            break
        decided.update(round_findings)
    copiers = {direction.copy for direction in decided.values()}
    for pair in pairs:
        if pair in decided:
            continue
        a, b = pair
        # Two stitchers that share a sentence most likely both took it from a page we do not
        # have: how much each wrote itself says nothing about the other, so skip that rule.
        both_stitch = a in copiers and b in copiers
        unique = None if both_stitch else _by_unique_share(a, b, evidence, margin)
        decided[pair] = unique or _by_fallback(a, b, evidence)
    return decided
