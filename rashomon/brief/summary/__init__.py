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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from rashomon.annotate import dates_in
from rashomon.brief.summary.encoder import content_terms, make_encoder
from rashomon.brief.summary.figures import agree, conflicts, counted, disagree
from rashomon.brief.summary.pool import Pool, build_pool
from rashomon.config import BriefConfig
from rashomon.records import Article, Cited, DuplicateGroup, ReuseLink, Story, Summary
from rashomon.text.dates import parse_iso_date


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


@dataclass(slots=True)
class LexRankSummariser:
    """LexRank (Erkan & Radev 2004) on the pool's own vectors: PageRank over the graph of
    sentences whose cosine passes a threshold. Same idea as sumy's, but it sees copies collapsed
    and noise filtered, so it isolates the ranking from the sentence checks."""

    threshold: float = 0.1
    damping: float = 0.85
    name: str = "lexrank"

    def score(self, pool: Pool) -> np.ndarray:
        n = len(pool.units)
        adjacency = (pool.vectors @ pool.vectors.T >= self.threshold).astype(float)
        adjacency /= np.maximum(adjacency.sum(axis=1, keepdims=True), 1.0)
        rank = np.full(n, 1.0 / max(n, 1))
        for _ in range(100):
            updated = (1 - self.damping) / max(n, 1) + self.damping * (adjacency.T @ rank)
            if np.abs(updated - rank).sum() < 1e-8:
                break
            rank = updated
        result: np.ndarray = rank
        return result


SUMMARISERS: dict[str, type[Summariser]] = {
    "centroid": CentroidSummariser,
    "centroid+lead": CentroidLeadSummariser,
    "lexrank": LexRankSummariser,
    "support": SupportSummariser,
}


def make_summariser(name: str) -> Summariser:
    if name not in SUMMARISERS:
        raise ValueError(f"unknown summariser {name!r}; known: {', '.join(sorted(SUMMARISERS))}")
    return SUMMARISERS[name]()


def _ranked_groups(pool: Pool, scores: np.ndarray) -> list[int]:
    return sorted(range(len(pool.representatives)), key=lambda g: -scores[pool.representatives[g]])


def select_short(pool: Pool, scores: np.ndarray, config: BriefConfig) -> list[int]:
    """The best sentence that fits, then (when allowed) more that fit and are not redundant."""
    max_words, max_sentences = config.short_max_words, config.short_max_sentences
    chosen: list[int] = []
    used = 0
    for g in _ranked_groups(pool, scores):
        unit = pool.representatives[g]
        words = pool.units[unit].words
        if used + words > max_words:
            continue
        vector = pool.vectors[unit]
        if any(vector @ pool.vectors[pool.representatives[c]] >= config.redundant_similarity for c in chosen):
            continue
        chosen.append(g)
        used += words
        if len(chosen) >= max_sentences:
            break
    return chosen


# Within one story, two sentences that give different figures for the same kind of count (dead,
# wounded, missing, ...) are taken as rival accounts of one matter. Word overlap cannot tell a
# rival account from a count of something else ("put the number of dead at 27" shares no word
# with "12 people were killed"); the rare wrong pairing costs less than a missed conflict.


def _novelty(terms: set[str], said: set[str]) -> float:
    return len(terms - said) / len(terms) if terms else 0.0


def select_long(pool: Pool, scores: np.ndarray, first: Sequence[int], count: int, config: BriefConfig) -> list[int]:
    """Maximal marginal relevance (relevance minus closeness to what is chosen) over sentences
    that say something new (`config.min_novelty`); then conflicting accounts: for each chosen
    sentence whose figure another sentence on the same matter contradicts, the most relevant such
    account joins it (beyond `count`, up to `long_max_sentences`), so the brief sets the two side
    by side instead of choosing."""
    limit, weight = config.long_max_sentences, config.relevance_weight
    chosen = list(first)
    top = max(float(scores.max()), 1e-9) if len(scores) else 1.0
    terms = [set(content_terms(pool.units[r].text)) for r in pool.representatives]
    given = [counted(pool.units[r].text) for r in pool.representatives]
    said: set[str] = set().union(*(terms[g] for g in chosen)) if chosen else set()
    candidates = set(range(len(pool.representatives))) - set(chosen)

    near: dict[tuple[int, int], float] = {}  # each pair's cosine, asked again at every step

    def closeness(a: int, b: int) -> float:
        found = near.get((a, b))
        if found is None:
            found = near[(a, b)] = float(pool.vectors[pool.representatives[a]] @ pool.vectors[pool.representatives[b]])
        return found

    def relevance(g: int) -> float:
        return float(scores[pool.representatives[g]]) / top

    def value(g: int) -> float:
        overlap = max((closeness(g, c) for c in chosen), default=0.0)
        if any(agree(given[c], given[g]) for c in chosen):
            return -math.inf  # the same figure again: one fact told twice
        if any(disagree(given[c], given[g]) for c in chosen):
            return -math.inf  # a conflicting account: placed by the pass below, beside its rival
        if _novelty(terms[g], said) < config.min_novelty or overlap >= config.redundant_similarity:
            return -math.inf
        return weight * relevance(g) - (1 - weight) * overlap

    while len(chosen) < count and candidates:
        best = max(sorted(candidates), key=value)
        if value(best) == -math.inf:
            break
        chosen.append(best)
        said |= terms[best]
        candidates.discard(best)
    for claim in list(chosen):
        if len(chosen) >= limit:
            break
        rivals = [
            g
            for g in sorted(candidates)
            if disagree(given[claim], given[g]) and not any(agree(given[c], given[g]) for c in chosen)
        ]
        if rivals:
            rival = max(rivals, key=relevance)
            chosen.append(rival)
            candidates.discard(rival)
    return chosen


def event_date(text: str, published: str | None) -> str:
    """The earliest day or week a sentence speaks of, resolved against its article's publication
    date ("late on Wednesday" in Friday's paper is Wednesday); else the publication date. Bare
    years and months are left out: "fined in 2029", "since December" give background, not the
    time of what the sentence reports."""
    mentions = dates_in(text, parse_iso_date(published))
    precise = [m.first.isoformat() for m in mentions if m.precision in ("day", "week")]
    return min(precise, default=published or "9999")


def order_by_time(pool: Pool, groups: Sequence[int]) -> list[int]:
    """Order of the events the sentences speak of (their earliest date, else the publication
    date), then publication, then position; then each conflicting account is pulled up beside
    the first account it disagrees with, so they read side by side."""

    # An undated article was published near its story's other articles: their earliest date is
    # the best base we have for its "last week" and "Feb. 7".
    story_date = min((d for d in pool.published.values() if d), default=None)

    def when(g: int) -> tuple[str, str, int]:
        unit = pool.units[pool.representatives[g]]
        base = pool.published.get(unit.article_id) or story_date
        published = min(pool.published.get(a, "") or story_date or "9999" for a in pool.citations[g])
        return (event_date(unit.text, base), published, unit.position)

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
    short = select_short(pool, scores, config)
    long = select_long(pool, scores, short[:1], long_count(pool, config), config)
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
    in_story.sort(key=lambda a: (a.published or "9999", story.article_ids.index(a.id) if a.id in members else 0))
    pool = build_pool(in_story, reuse, duplicates, make_encoder(config.encoder), config)
    short, long = summarise_pool(pool, make_summariser(config.summariser), config)
    if not short:
        return Summary(short=_fallback(story, in_story), long=tuple(_cited(pool, g) for g in long))
    short_text = " ".join(pool.units[pool.representatives[g]].text for g in short)
    short_citations = tuple(dict.fromkeys(a for g in short for a in pool.citations[g]))
    return Summary(short=Cited(short_text, short_citations), long=tuple(_cited(pool, g) for g in long))
