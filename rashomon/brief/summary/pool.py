"""The pool of summary-worthy sentences of one story, with copies collapsed and citations known.

Every summariser ranks the same pool, so that methods differ only in how they score. Building
the pool is where provenance matters: a sentence and its copies (found by `find_reuse`, by
near-duplicate article groups, or by being nearly identical) form one *group*; the group is
represented by the original's wording, cites the original first, and counts once when we ask
how many independent articles report something.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rashomon.brief.summary.encoder import SentenceEncoder, TfidfEncoder
from rashomon.brief.summary.sentences import rejection, rewrite, word_count
from rashomon.config import BriefConfig
from rashomon.records import Article, DuplicateGroup, ReuseLink

_NON_WORD = re.compile(r"\W+")


@dataclass(slots=True, frozen=True)
class Unit:
    """One usable sentence of one article."""

    article_id: str
    index: int  # Sentence.index in its article
    position: int  # rank among the article's usable sentences: 0 is the lead
    text: str  # lightly rewritten
    raw: str
    words: int


@dataclass(slots=True)
class Pool:
    """Usable sentences of a story, their vectors and their copy groups."""

    units: tuple[Unit, ...]
    vectors: np.ndarray  # one L2-normalised row per unit
    group: tuple[int, ...]  # group id of each unit; copies share one
    representatives: tuple[int, ...]  # per group: the unit whose wording we use (the original)
    citations: tuple[tuple[str, ...], ...]  # per group: article ids, original first
    article_ids: tuple[str, ...]  # articles that contributed units (mirrors excluded)
    published: dict[str, str]  # article id -> ISO date ("" when unknown)


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _mirrors(articles: Sequence[Article], duplicates: Sequence[DuplicateGroup]) -> dict[str, str]:
    """Mirror id -> canonical id, for mirrors whose canonical is in this story."""
    present = {a.id for a in articles}
    return {
        mirror: group.canonical
        for group in duplicates
        if group.canonical in present
        for mirror in group.mirrors
        if mirror in present and mirror != group.canonical
    }


def _units(articles: Sequence[Article], skip: set[str], per_article: int) -> list[Unit]:
    """Usable sentences, at most `per_article` of each article (of its first 2 * `per_article`);
    articles in another language are left out when the story has English ones, since the summary
    is written in English. A story told only in other languages is summarised in them."""
    english = any(a.language == "en" for a in articles)
    maybe_english = english or any(a.language == "und" for a in articles)
    units: list[Unit] = []
    for article in articles:
        if article.id in skip or (english and article.language not in ("en", "und")):
            continue
        position = 0
        for sentence in article.sentences[: per_article * 2]:
            if position >= per_article:
                break
            text = rewrite(sentence.text)
            if rejection(text, english=maybe_english) is not None:
                continue
            units.append(Unit(article.id, sentence.index, position, text, sentence.text, word_count(text)))
            position += 1
    return units


def build_pool(
    articles: Sequence[Article],
    reuse: Sequence[ReuseLink],
    duplicates: Sequence[DuplicateGroup],
    encoder: SentenceEncoder,
    config: BriefConfig,
) -> Pool:
    """Collect usable sentences, group copies, choose each group's original and its citations."""
    mirror_of = _mirrors(articles, duplicates)
    units = _units(articles, set(mirror_of), config.max_sentences_per_article)
    texts = [u.text for u in units]
    vectors = encoder.encode(texts) if units else np.zeros((0, 1))
    # Copies are found by their words, whatever encoder ranks the sentences: a neural encoder
    # puts paraphrases as close as copies, and paraphrases are independent support.
    lexical = vectors if isinstance(encoder, TfidfEncoder) or not units else TfidfEncoder().encode(texts)
    group, copied = _copy_groups(units, reuse, lexical, config.copy_similarity)
    originality = _originality(articles, set(mirror_of), TfidfEncoder(), config)
    representatives, citations = _originals(units, group, copied, articles, mirror_of, originality)
    return Pool(
        units=tuple(units),
        vectors=vectors,
        group=group,
        representatives=tuple(representatives),
        citations=tuple(citations),
        article_ids=tuple(dict.fromkeys(u.article_id for u in units)),
        published={a.id: a.published or "" for a in articles},
    )


def _copy_groups(
    units: Sequence[Unit], reuse: Sequence[ReuseLink], lexical: np.ndarray, copy_similarity: float
) -> tuple[tuple[int, ...], set[int]]:
    """The group id of each unit (a sentence and its copies share one, numbered in order of first
    appearance), and the units that a reuse link names as copies."""
    where = {(u.article_id, u.index): i for i, u in enumerate(units)}
    copied: set[int] = set()
    sets = _UnionFind(len(units))
    for link in reuse:
        for pair in link.sentences:
            copy_unit = where.get((link.copy, pair.copy_index))
            original_unit = where.get((link.original, pair.original_index))
            if copy_unit is not None:
                copied.add(copy_unit)
            if copy_unit is not None and original_unit is not None:
                sets.union(copy_unit, original_unit)
    if len(units) > 1:
        similarity = lexical @ lexical.T
        for i, j in zip(*np.nonzero(np.triu(similarity, k=1) >= copy_similarity), strict=True):
            if units[i].article_id != units[j].article_id:
                sets.union(int(i), int(j))
    roots = [sets.find(i) for i in range(len(units))]
    group_of_root = {root: n for n, root in enumerate(dict.fromkeys(roots))}
    return tuple(group_of_root[r] for r in roots), copied


def _originals(
    units: Sequence[Unit],
    group: Sequence[int],
    copied: set[int],
    articles: Sequence[Article],
    mirror_of: dict[str, str],
    originality: dict[str, float],
) -> tuple[list[int], list[tuple[str, ...]]]:
    """Per group, the unit whose wording the brief uses and the articles it cites, original first:
    a unit no link names as a copy, then the more original article, the earlier, the earlier in
    the story, the earlier in its article."""
    published = {a.id: a.published or "" for a in articles}
    rank = {a.id: n for n, a in enumerate(articles)}

    def preference(i: int) -> tuple[bool, float, str, int, int]:
        unit = units[i]
        date = published[unit.article_id] or "9999"
        original = originality.get(unit.article_id, 0.0)
        return (i in copied, -original, date, rank[unit.article_id], unit.index)

    members_of: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        members_of.setdefault(g, []).append(i)
    representatives: list[int] = []
    citations: list[tuple[str, ...]] = []
    for group_id in range(len(members_of)):
        members = sorted(members_of[group_id], key=preference)
        representatives.append(members[0])
        cited = list(dict.fromkeys(units[i].article_id for i in members))
        citations.append(tuple(cited) + _mirror_citations(cited, units[members[0]].text, articles, mirror_of))
    return representatives, citations


def _originality(
    articles: Sequence[Article], skip: set[str], encoder: SentenceEncoder, config: BriefConfig
) -> dict[str, float]:
    """Share of each article's sentences (all of them, quotes included) found in no other article.

    Used only to break ties when no reuse link says who copied whom: an article stitched from
    other outlets' sentences has a low share, so its wording loses to the others'. All sentences
    count, not only summary-worthy ones, because a copier copies quotes too.
    """
    read = config.max_sentences_per_article
    sentences = [(a.id, s.text) for a in articles if a.id not in skip for s in a.sentences[:read]]
    if not sentences:
        return {}
    vectors = encoder.encode([text for _, text in sentences])
    owner = np.array([article_id for article_id, _ in sentences])
    elsewhere = ((vectors @ vectors.T >= config.copy_similarity) & (owner[:, None] != owner[None, :])).any(axis=1)
    return {article_id: float(1.0 - elsewhere[owner == article_id].mean()) for article_id in dict.fromkeys(owner)}


def _mirror_citations(
    cited: Sequence[str], text: str, articles: Sequence[Article], mirror_of: dict[str, str]
) -> tuple[str, ...]:
    """Mirrors of cited articles that carry the sentence too (they were left out of the pool)."""
    wanted = _key(text)
    by_id = {a.id: a for a in articles}
    return tuple(
        mirror
        for mirror, canonical in mirror_of.items()
        if canonical in cited and wanted and wanted in _key(by_id[mirror].text)
    )
