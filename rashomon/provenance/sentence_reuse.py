"""Sentence-level reuse: which sentences one article shares with another, verbatim or spun.

Each sentence becomes the set of its spin-normalised content tokens (`spin.content_tokens`),
so synonym swaps, `Russian Federation` for `Russia`, `USA` for `U.S.` and small reorderings
leave the set (nearly) unchanged. Candidate pairs come from prefix filtering on an inverted
index: tokens are ordered rarest first, and two sets with Jaccard >= t must share a token among
the first `n - ceil(t * n) + 1` of each, so only those prefixes are indexed and probed. That
finds every pair above the threshold without comparing all pairs. Sentences translated from
another language are found by their names and figures (`translation.py`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.config import ProvenanceConfig
from rashomon.provenance.direction import Direction, gather_evidence, orient_pairs
from rashomon.provenance.minhash import find_duplicates
from rashomon.provenance.spin import content_tokens, raw_tokens
from rashomon.provenance.translation import match_encoded_translations, match_translations
from rashomon.records import Article, ReusedSentence, ReuseLink


@dataclass(slots=True, frozen=True)
class _Fingerprint:
    article: int  # position in the input sequence
    sentence: int  # Sentence.index
    tokens: frozenset[str]


@dataclass(slots=True, frozen=True)
class SentenceMatch:
    """Two sentences of two different articles that say the same thing."""

    article_a: int
    sentence_a: int
    article_b: int
    sentence_b: int
    similarity: float
    translated: bool = False  # matched across languages by anchors (`translation.py`)


def _fingerprints(articles: Sequence[Article], min_tokens: int) -> list[_Fingerprint]:
    prints: list[_Fingerprint] = []
    for position, article in enumerate(articles):
        for sentence in article.sentences:
            tokens = frozenset(content_tokens(sentence.text))
            if len(tokens) >= min_tokens:
                prints.append(_Fingerprint(position, sentence.index, tokens))
    return prints


def _prefix(tokens: frozenset[str], frequency: Counter[str], threshold: float) -> list[str]:
    # rarest first, ties alphabetical: a stable sort by count of the sorted (distinct) tokens
    ordered = sorted(sorted(tokens), key=frequency.__getitem__)
    return ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]


def match_sentences(articles: Sequence[Article], config: ProvenanceConfig) -> list[SentenceMatch]:
    """All pairs of sentences from different articles with token-set Jaccard >= the sentence
    threshold, or >= `short_threshold` for pairs of fewer than `short_union` tokens together:
    two short sentences about one event share its few facts whoever wrote them."""
    threshold = config.sentence_threshold
    short = max(threshold, config.short_threshold)
    prints = _fingerprints(articles, config.min_content_tokens)
    frequency: Counter[str] = Counter(t for p in prints for t in p.tokens)
    # token -> article -> fingerprints: the sentences of a fingerprint's own article are never
    # candidates, and listing them (a long article repeating its sentences) was quadratic
    index: dict[str, dict[int, list[int]]] = defaultdict(dict)
    matches: list[SentenceMatch] = []
    for position, fingerprint in enumerate(prints):
        prefix = _prefix(fingerprint.tokens, frequency, threshold)
        candidates = {
            other
            for token in prefix
            for article, others in index[token].items()
            if article != fingerprint.article
            for other in others
        }
        for other in sorted(candidates):
            earlier = prints[other]
            union = len(earlier.tokens | fingerprint.tokens)
            similarity = len(earlier.tokens & fingerprint.tokens) / union
            if similarity >= (threshold if union >= config.short_union else short):
                matches.append(
                    SentenceMatch(
                        earlier.article,
                        earlier.sentence,
                        fingerprint.article,
                        fingerprint.sentence,
                        round(similarity, 3),
                    )
                )
        for token in prefix:
            index[token].setdefault(fingerprint.article, []).append(position)
    return matches


def match_excerpts(articles: Sequence[Article], size: int) -> list[SentenceMatch]:
    """Pairs of sentences from different articles where one is the other's verbatim beginning or
    end, at least `size` words long (a copy with a clause cut, whose token Jaccard with the source
    falls with the length of the cut); found through an index of each sentence's first and last
    `size` words, so no pair is compared blindly."""
    # first (last) words -> earlier articles -> their sentences: earlier because each article is
    # indexed after it was probed, so its own sentences (a long article repeating one sentence
    # thousands of times) are never listed
    heads: dict[tuple[str, ...], list[tuple[int, int, tuple[str, ...], str]]] = defaultdict(list)
    tails: dict[tuple[str, ...], list[tuple[int, int, tuple[str, ...], str]]] = defaultdict(list)
    matches: list[SentenceMatch] = []
    for position, article in enumerate(articles):
        mine: list[tuple[tuple[str, ...], tuple[str, ...], tuple[int, int, tuple[str, ...], str]]] = []
        for sentence in article.sentences:
            words = tuple(raw_tokens(sentence.text))
            if len(words) < size:
                continue
            head, tail = words[:size], words[-size:]
            seen: set[tuple[int, int]] = set()
            for other, other_index, other_words, earlier in [*heads.get(head, ()), *tails.get(tail, ())]:
                if (other, other_index) in seen or len(other_words) == len(words):
                    continue
                shorter, longer = sorted((words, other_words), key=len)
                if longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter:
                    seen.add((other, other_index))
                    a, b = frozenset(content_tokens(earlier)), frozenset(content_tokens(sentence.text))
                    similarity = len(a & b) / len(a | b) if a | b else 1.0
                    matches.append(SentenceMatch(other, other_index, position, sentence.index, round(similarity, 3)))
            mine.append((head, tail, (position, sentence.index, words, sentence.text)))
        for head, tail, entry in mine:
            heads[head].append(entry)
            tails[tail].append(entry)
    return matches


def _kind(original: str, copy: str) -> str:
    return "verbatim" if raw_tokens(original) == raw_tokens(copy) else "spun"


@dataclass(slots=True, frozen=True)
class _Source:
    article: str
    sentence: int
    similarity: float
    translated: bool


def _best_sources(
    matches: Sequence[SentenceMatch],
    articles: Sequence[Article],
    directions: dict[tuple[str, str], Direction],
) -> dict[tuple[str, int], _Source]:
    """For each copied sentence, the one sentence it was taken from.

    A sentence found in three articles matches in all three pairs; the copy is traced to its
    closest match (a same-language match before a translation), and among equals to the
    sentence that is not itself a copy (the root), so a chain A -> B -> C is reported as such
    and not as two copies of B.
    """
    candidates: dict[tuple[str, int], list[_Source]] = defaultdict(list)
    for match in matches:
        a, b = articles[match.article_a].id, articles[match.article_b].id
        direction = directions[(a, b) if a < b else (b, a)]
        ends = {a: match.sentence_a, b: match.sentence_b}
        candidates[(direction.copy, ends[direction.copy])].append(
            _Source(direction.original, ends[direction.original], match.similarity, match.translated)
        )
    return {
        copied: min(
            sources,
            key=lambda s: (s.translated, -s.similarity, (s.article, s.sentence) in candidates, s.article, s.sentence),
        )
        for copied, sources in candidates.items()
    }


def _matches(articles: Sequence[Article], config: ProvenanceConfig) -> list[SentenceMatch]:
    """Every matching pair of sentences: similar token sets, verbatim excerpts, translations."""
    by_anchors = match_translations(articles, config)
    seen = {(m.article_a, m.sentence_a, m.article_b, m.sentence_b) for m in by_anchors}
    by_encoder = [
        m
        for m in match_encoded_translations(articles, config)
        if (m.article_a, m.sentence_a, m.article_b, m.sentence_b) not in seen
    ]
    translations = [
        SentenceMatch(m.article_a, m.sentence_a, m.article_b, m.sentence_b, m.similarity, translated=True)
        for m in [*by_anchors, *by_encoder]
    ]
    similar = match_sentences(articles, config)
    excerpts = match_excerpts(articles, config.excerpt_words)
    # the few excerpt pairs are looked up among the similar ones, not the other way round: a
    # set of every similar pair held a tuple per match (millions for long repetitive articles)
    cut = {(m.article_a, m.sentence_a, m.article_b, m.sentence_b) for m in excerpts}
    found = {key for m in similar if (key := (m.article_a, m.sentence_a, m.article_b, m.sentence_b)) in cut}
    kept = [m for m in excerpts if (m.article_a, m.sentence_a, m.article_b, m.sentence_b) not in found]
    return [*similar, *kept, *translations]


def compared_sets(articles: Sequence[Article], canonical_of: dict[str, str]) -> list[list[int]]:
    """The positions matched together: every article that is not a mirror, then each mirror
    with its canonical alone.

    A mirror repeats its canonical's sentences, so comparing it with every other article found
    each sentence again in every copy: k mirrors of an n-sentence article gave k^2 * n matches
    (20 mirrors of 60 KB took 820 s and 15 GB). Its sentences are traced to the canonical,
    which holds them all, and the canonical's links to the other articles stand for the group.
    """
    first = {article.id: position for position, article in reversed(list(enumerate(articles)))}
    mirrors = {
        position: first[canonical_of[article.id]]
        for position, article in enumerate(articles)
        if canonical_of.get(article.id, article.id) != article.id and canonical_of[article.id] in first
    }
    core = [position for position in range(len(articles)) if position not in mirrors]
    return [core, *(sorted((canonical, mirror)) for mirror, canonical in sorted(mirrors.items()))]


def find_reuse(articles: Sequence[Article], config: ProvenanceConfig) -> list[ReuseLink]:
    """One link per pair of articles that share sentences, oriented original -> copy.

    Direction is decided per pair of articles (`direction.orient_pairs`); each copied sentence
    is then traced to a single source sentence. Mirrors are matched with their canonical only
    (`compared_sets`), so a group of k copies costs k times one article, not k^2.
    """
    canonical_of = {m: g.canonical for g in find_duplicates(articles, config) for m in g.mirrors}
    matches: list[SentenceMatch] = []
    for positions in compared_sets(articles, canonical_of):
        subset = [articles[p] for p in positions]
        matches.extend(
            SentenceMatch(positions[m.article_a], m.sentence_a, positions[m.article_b], m.sentence_b, m.similarity,
                          m.translated)
            for m in _matches(subset, config)
            if subset[m.article_a].id != subset[m.article_b].id
        )
    pairs: set[tuple[str, str]] = set()
    shared: dict[str, set[int]] = defaultdict(set)
    for match in matches:
        a, b = articles[match.article_a].id, articles[match.article_b].id
        pairs.add((a, b) if a < b else (b, a))
        shared[a].add(match.sentence_a)
        shared[b].add(match.sentence_b)
    directions = orient_pairs(sorted(pairs), gather_evidence(articles, shared), canonical_of, config)
    texts = {(a.id, s.index): s.text for a in articles for s in a.sentences}
    by_link: dict[tuple[str, str], list[ReusedSentence]] = defaultdict(list)
    for (copy, copy_index), source in _best_sources(matches, articles, directions).items():
        original_text, copy_text = texts[(source.article, source.sentence)], texts[(copy, copy_index)]
        kind = "translation" if source.translated else _kind(original_text, copy_text)
        by_link[(source.article, copy)].append(
            ReusedSentence(source.sentence, copy_index, original_text, copy_text, source.similarity, kind)
        )
    links: list[ReuseLink] = []
    for (original, copy), reused in sorted(by_link.items()):
        reused.sort(key=lambda r: (r.copy_index, r.original_index))
        pair = (original, copy) if original < copy else (copy, original)
        links.append(ReuseLink(original, copy, tuple(reused), directions[pair].evidence))
    return links
