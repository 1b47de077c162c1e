"""Short and long summaries of a story, every sentence citing the articles it comes from.

Extractive on purpose: each summary sentence is an article's sentence (lightly rewritten), so a
citation can always be checked. Following sumy, summarisers share one interface (`Summariser`:
score the sentences of a pool) and differ only in how they score; selection, citations and
ordering are common. The default, `SupportSummariser`, rests on what WCEP-style news
summarisation rewards: what many independent outlets report (cross-document support, with
copies counted once), what is central to the story, and what leads an article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from rashomon.brief.sentence_encoder import make_encoder
from rashomon.brief.summary_pool import Pool, build_pool
from rashomon.config import BriefConfig
from rashomon.records import Article, Cited, DuplicateGroup, ReuseLink, Story, Summary


class Summariser(Protocol):
    """Scores each unit of a pool; higher means more worth summarising. Only group representatives
    are ever selected, so a scorer may leave the other units' scores arbitrary."""

    name: str

    def score(self, pool: Pool) -> np.ndarray: ...


def _article_centroid(pool: Pool) -> np.ndarray:
    """Mean of per-article mean vectors, so that a long article does not outweigh a short one."""
    article_index = {a: n for n, a in enumerate(pool.article_ids)}
    means = np.zeros((len(pool.article_ids), pool.vectors.shape[1]))
    counts = np.zeros(len(pool.article_ids))
    for unit, vector in zip(pool.units, pool.vectors, strict=True):
        means[article_index[unit.article_id]] += vector
        counts[article_index[unit.article_id]] += 1
    means /= np.maximum(counts, 1)[:, None]
    centroid = means.mean(axis=0)
    norm = np.linalg.norm(centroid)
    result: np.ndarray = centroid / norm if norm else centroid
    return result


def _lead(pool: Pool) -> np.ndarray:
    """1 for an article's first usable sentence, decaying as 1/(1+position): news puts the
    essentials first. A group takes the best position any of its copies has."""
    best: dict[int, int] = {}
    for unit, g in zip(pool.units, pool.group, strict=True):
        best[g] = min(best.get(g, unit.position), unit.position)
    return np.array([1.0 / (1.0 + best[g]) for g in pool.group])


def _support(pool: Pool) -> np.ndarray:
    """Soft cross-document support: over the other articles, the mean of the best similarity any
    of their sentences has with this one. Articles holding a copy of the sentence are left out,
    so a copied sentence counts once however often it was copied."""
    if len(pool.article_ids) < 2:
        return np.zeros(len(pool.units))
    similarity = pool.vectors @ pool.vectors.T
    article_index = np.array([pool.article_ids.index(u.article_id) for u in pool.units])
    best = np.zeros((len(pool.units), len(pool.article_ids)))
    for a in range(len(pool.article_ids)):
        columns = article_index == a
        best[:, a] = similarity[:, columns].max(axis=1)
    holders = np.zeros_like(best, dtype=bool)
    group = np.array(pool.group)
    for i in range(len(pool.units)):
        holders[i, np.unique(article_index[group == group[i]])] = True
    best[holders] = 0.0
    others = (~holders).sum(axis=1)
    result: np.ndarray = best.sum(axis=1) / np.maximum(others, 1)
    return result


@dataclass(slots=True)
class CentroidSummariser:
    """Similarity to the story centroid: the classic multi-document baseline (Radev et al.)."""

    name: str = "centroid"

    def score(self, pool: Pool) -> np.ndarray:
        result: np.ndarray = pool.vectors @ _article_centroid(pool)
        return result


@dataclass(slots=True)
class CentroidLeadSummariser:
    """Centroid similarity boosted by lead position."""

    name: str = "centroid+lead"

    def score(self, pool: Pool) -> np.ndarray:
        result: np.ndarray = (pool.vectors @ _article_centroid(pool)) * (1.0 + _lead(pool))
        return result


@dataclass(slots=True)
class SupportSummariser:
    """Cross-document support and centrality, boosted by lead position.

    The two similarity terms are on the same scale (cosines), so they are simply added; the lead
    boost at most doubles a score, which lets a well-supported lead sentence win without
    letting an off-topic lead beat the story's core.
    """

    name: str = "support"

    def score(self, pool: Pool) -> np.ndarray:
        centrality = pool.vectors @ _article_centroid(pool)
        result: np.ndarray = (centrality + _support(pool)) * (1.0 + _lead(pool))
        return result


SUMMARISERS: dict[str, type[CentroidSummariser | CentroidLeadSummariser | SupportSummariser]] = {
    "centroid": CentroidSummariser,
    "centroid+lead": CentroidLeadSummariser,
    "support": SupportSummariser,
}


def make_summariser(name: str) -> Summariser:
    if name not in SUMMARISERS:
        raise ValueError(f"unknown summariser {name!r}; known: {', '.join(sorted(SUMMARISERS))}")
    return SUMMARISERS[name]()


# Two sentences whose cosine is above this say the same thing: the second adds nothing.
_REDUNDANT = 0.5


def _ranked_groups(pool: Pool, scores: np.ndarray) -> list[int]:
    return sorted(range(len(pool.representatives)), key=lambda g: -scores[pool.representatives[g]])


def select_short(pool: Pool, scores: np.ndarray, max_words: int, max_sentences: int = 1) -> list[int]:
    """The best sentence that fits, then (when allowed) more that fit and are not redundant."""
    chosen: list[int] = []
    used = 0
    for g in _ranked_groups(pool, scores):
        unit = pool.representatives[g]
        words = pool.units[unit].words
        if used + words > max_words:
            continue
        if any(pool.vectors[unit] @ pool.vectors[pool.representatives[c]] >= _REDUNDANT for c in chosen):
            continue
        chosen.append(g)
        used += words
        if len(chosen) >= max_sentences:
            break
    return chosen


# In the long brief, sentences closer than this to one already chosen repeat it (looser than
# _REDUNDANT: the long brief should cover developments, not restate the lead eight ways).
_LONG_REDUNDANT = 0.35


def select_long(pool: Pool, scores: np.ndarray, first: Sequence[int], count: int) -> list[int]:
    """Maximal marginal relevance (relevance minus closeness to what is chosen), with one
    exception: a sentence that repeats a chosen one but gives *other figures* for the same
    quantity is a conflicting account and is taken, once per chosen sentence, to sit beside it."""
    chosen = list(first)
    partnered: set[int] = set()
    top = max(float(scores.max()), 1e-9) if len(scores) else 1.0
    candidates = set(range(len(pool.representatives))) - set(chosen)

    def text(g: int) -> str:
        return pool.units[pool.representatives[g]].text

    def value(g: int) -> float:
        vector = pool.vectors[pool.representatives[g]]
        closeness = [(float(vector @ pool.vectors[pool.representatives[c]]), c) for c in chosen]
        overlap, nearest = max(closeness, default=(0.0, -1))
        relevance = float(scores[pool.representatives[g]]) / top
        if overlap >= _LONG_REDUNDANT:
            if nearest in partnered or not conflicts(text(nearest), text(g)):
                return -math.inf
            return relevance  # a conflicting account: judged on relevance alone
        return 0.5 * relevance - 0.5 * overlap

    while len(chosen) < count and candidates:
        best = max(sorted(candidates), key=value)
        if value(best) == -math.inf:
            break
        vector = pool.vectors[pool.representatives[best]]
        for c in chosen:
            if float(vector @ pool.vectors[pool.representatives[c]]) >= _LONG_REDUNDANT:
                partnered.update((c, best))
        chosen.append(best)
        candidates.discard(best)
    return chosen


# Words that name a counted quantity, by family: "killed" and "death toll" count the same thing.
_QUANTITY_FAMILIES = {
    "dead": re.compile(r"\b(?:kill|dead|death|died|dies|toll|fatalit|bodies)", re.IGNORECASE),
    "hurt": re.compile(r"\b(?:wound|injur|hurt|casualt)", re.IGNORECASE),
    "missing": re.compile(r"\bmissing\b", re.IGNORECASE),
    "held": re.compile(r"\b(?:arrest|detain)", re.IGNORECASE),
    "moved": re.compile(r"\b(?:evacuat|displac|homeless)", re.IGNORECASE),
}
_NUMBER = re.compile(
    r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds|thousands)\b",
    re.IGNORECASE,
)


def _figures(text: str) -> tuple[set[str], set[str]]:
    quantities = {family for family, pattern in _QUANTITY_FAMILIES.items() if pattern.search(text)}
    numbers = {m.group(1).lower() for m in _NUMBER.finditer(text)}
    return quantities, numbers


def conflicts(a: str, b: str) -> bool:
    """Two sentences that count the same kind of thing with different figures."""
    quantities_a, numbers_a = _figures(a)
    quantities_b, numbers_b = _figures(b)
    return (
        bool(quantities_a & quantities_b) and bool(numbers_a) and bool(numbers_b) and numbers_a != numbers_b
    )


def order_by_time(pool: Pool, groups: Sequence[int]) -> list[int]:
    """Publication order (earliest citing article), then position in it; then each conflicting
    account is pulled up beside the first account it disagrees with, so they read side by side."""

    def when(g: int) -> tuple[str, int]:
        dates = [pool.published.get(a, "") or "9999" for a in pool.citations[g]]
        return (min(dates), pool.units[pool.representatives[g]].position)

    ordered = sorted(groups, key=when)
    result: list[int] = []
    pending = list(ordered)
    while pending:
        head = pending.pop(0)
        result.append(head)
        text = pool.units[pool.representatives[head]].text
        partners = [g for g in pending if conflicts(text, pool.units[pool.representatives[g]].text)]
        for partner in partners:
            pending.remove(partner)
            result.append(partner)
    return result


def _cited(pool: Pool, group: int) -> Cited:
    return Cited(text=pool.units[pool.representatives[group]].text, citations=pool.citations[group])


def _fallback(story: Story, articles: Sequence[Article]) -> Cited:
    """When no sentence passes the checks, say so honestly with the story title rather than
    presenting page furniture as a summary."""
    cited = tuple(a.id for a in articles)
    return Cited(text=story.title or "", citations=cited)


def long_count(pool: Pool, config: BriefConfig) -> int:
    """The brief grows slowly with the material: the square root of the number of distinct
    usable sentences, within the configured bounds (a story of 25 sentences gets 5, of 100 gets 10)."""
    wanted = math.ceil(math.sqrt(len(pool.representatives)))
    return max(config.long_min_sentences, min(config.long_max_sentences, wanted))


def summarise_pool(pool: Pool, summariser: Summariser, config: BriefConfig) -> tuple[list[int], list[int]]:
    """Group ids of the short summary and of the long brief (in reading order)."""
    if not pool.units:
        return [], []
    scores = summariser.score(pool)
    short = select_short(pool, scores, config.short_max_words, config.short_max_sentences)
    long = select_long(pool, scores, short[:1], long_count(pool, config))
    return short, order_by_time(pool, long)


def summarise(
    story: Story,
    articles: Sequence[Article],
    reuse: Sequence[ReuseLink],
    duplicates: Sequence[DuplicateGroup],
    config: BriefConfig,
) -> Summary:
    """Short (one or two sentences) and long (5-10 sentences in time order) summaries of a story."""
    members = set(story.article_ids)
    in_story = [a for a in articles if a.id in members] or list(articles)
    in_story.sort(
        key=lambda a: (a.published or "9999", story.article_ids.index(a.id) if a.id in members else 0)
    )
    pool = build_pool(in_story, reuse, duplicates, make_encoder(config.encoder), config.copy_similarity)
    short, long = summarise_pool(pool, make_summariser(config.summariser), config)
    if not short:
        return Summary(short=_fallback(story, in_story), long=())
    short_text = " ".join(pool.units[pool.representatives[g]].text for g in short)
    short_citations = tuple(dict.fromkeys(a for g in short for a in pool.citations[g]))
    return Summary(short=Cited(short_text, short_citations), long=tuple(_cited(pool, g) for g in long))
