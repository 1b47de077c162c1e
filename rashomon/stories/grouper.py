"""Online story grouping: articles arrive in time order and join a story or start one.

Each article is a TF-IDF vector over typed terms (`features.extract_terms`), with document
frequencies counted over the stream so far. A story keeps the summed term weights of its
articles (its centroid, cut to its strongest terms so that comparing stays cheap however long
the story grows). An article is compared only with the stories that share one of its most
distinctive terms (an inverted index from term to story, probed with the article's top terms
and read from the most recent end), never with all stories: cost per article stays flat as
the stream grows (the bounds are `StoriesConfig.probe_terms` and its neighbours). It joins the
most similar open story above `join_threshold`, else starts its own. A story closes when
`window_days` pass without a new article; its centroid is then cut to a short summary (only
undated articles can still join it), which keeps memory per story small on long streams.

Determinism (what incremental runs rely on): `group_stories` (in `blocks.py`, which cuts the
stream into blocks and merges their stories) sorts articles by (undated last, published, id)
and feeds them one by one, so the stories are a function of the set of articles alone. A store
that adds articles re-runs `group_stories` over all stored articles and gets the same stories
as one run over everything.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from rashomon.clean.language import language_identifier
from rashomon.config import StoriesConfig
from rashomon.records import Article, Story
from rashomon.stories.features import extract_terms


@dataclass(slots=True)
class _StoryState:
    id: str
    article_ids: list[str]
    title: str
    centroid: Counter[str] = field(default_factory=Counter)
    last_date: date | None = None
    languages: set[str] = field(default_factory=set)
    # Length of the centroid's TF-IDF vector (all terms; anchors only), and the stream length
    # when it was computed.
    norm: float | None = None
    anchor_norm: float | None = None
    norm_at: int = 0
    first_date: date | None = None
    blocks: set[int] = field(default_factory=set)  # blocks its parts came from (when merging)
    lead: dict[str, float] = field(default_factory=dict)  # weights of its first article


@dataclass(slots=True, frozen=True)
class BlockStory:
    """A story found within one block of the stream, with what merging blocks needs: its summed
    term weights (cut as the grouper cuts them), languages and first and last dates."""

    id: str
    article_ids: tuple[str, ...]
    title: str
    centroid: dict[str, float]
    lead: dict[str, float]  # term weights of the article that started it
    languages: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    block: int


@dataclass(slots=True, frozen=True)
class Block:
    """What grouping one block yields: its stories, and its document frequencies (merging
    weighs terms by the frequencies of the whole stream, as the last articles of one pass do)."""

    index: int
    parts: tuple[BlockStory, ...]
    documents: int
    document_frequency: dict[str, int]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def story_id(first_article_id: str) -> str:
    """Stable story id derived from the article that started it."""
    return "story-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:10]


def stream_order(article: Article) -> tuple[bool, str, str]:
    """The order articles are fed in: dated first by date, undated after; ties by id."""
    return (article.published is None, article.published or "", article.id)


class StoryGrouper:
    """Groups a time-ordered stream of articles into stories, one article at a time."""

    def __init__(self, config: StoriesConfig, exhaustive: bool = False) -> None:
        """`exhaustive` compares every article with every open story instead of the index's
        candidates: the reference that the benchmark measures blocking against."""
        self.config = config
        self.exhaustive = exhaustive
        self._documents = 0
        self._document_frequency: Counter[str] = Counter()
        self._stories: list[_StoryState] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._term_languages: dict[str, set[str]] = {}
        self._clock: date | None = None  # the latest publication date seen
        self._closing: list[tuple[date, int]] = []  # heap of (last date, story) to compact
        self._posting_entries = 0
        self._stale_entries = 0
        self.comparisons = 0  # article-story similarities computed so far (for the benchmark)

    def prime(self, documents: int, frequency: Mapping[str, int]) -> None:
        """Count the document frequencies of `documents` articles seen elsewhere (the blocks
        before this one, or all blocks when merging), without placing them."""
        self._documents += documents
        self._document_frequency.update(frequency)

    def _idf(self, term: str) -> float:
        return math.log((1 + self._documents) / (1 + self._document_frequency[term])) + 1.0

    def _is_anchor(self, term: str) -> bool:
        """Numbers and dates always; a name once it has been written in two languages, so a
        German article's capitalised common nouns do not dilute its cross-lingual vector."""
        return term[0] in "nd" or (term[0] == "e" and len(self._term_languages.get(term, ())) >= 2)

    def _vector(self, weights: dict[str, float], anchors_only: bool = False) -> dict[str, float]:
        vector = {
            term: weight * self._idf(term)
            for term, weight in weights.items()
            if not anchors_only or self._is_anchor(term)
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {term: v / norm for term, v in vector.items()}

    def _is_open(self, story: _StoryState, when: date | None) -> bool:
        if when is None or story.last_date is None:
            return True
        return abs((when - story.last_date).days) <= self.config.window_days

    def _candidates(self, vector: dict[str, float], anchors: dict[str, float], when: date | None) -> list[int]:
        if self.exhaustive:
            return [i for i, story in enumerate(self._stories) if self._is_open(story, when)]
        config = self.config
        probes = sorted(vector, key=lambda t: (-vector[t], t))[: config.probe_terms]
        probes += sorted(anchors, key=lambda t: (-anchors[t], t))[: config.probe_anchors]
        hits: Counter[int] = Counter()
        for term in probes:
            for index in self._postings.get(term, [])[-config.postings_read :]:
                hits[index] += 1
        ranked = sorted(hits, key=lambda i: (-hits[i], i))
        return [i for i in ranked if self._is_open(self._stories[i], when)][: config.max_candidates]

    def _story_norm(self, story: _StoryState, anchors_only: bool = False) -> float:
        """Length of the story's TF-IDF centroid, cached until the story changes or the stream
        grows by `stale_idf`: summing over every centroid term for every comparison would cost
        more than everything else together, and the norm drifts slowly with the IDF."""
        if story.norm is None or self._documents > story.norm_at * (1 + self.config.stale_idf):
            story.norm = self._norm(story.centroid, anchors_only=False)
            story.anchor_norm = None
            story.norm_at = self._documents
        if not anchors_only:
            return story.norm
        if story.anchor_norm is None:
            story.anchor_norm = self._norm(story.centroid, anchors_only=True)
        return story.anchor_norm

    def _norm(self, weights: Counter[str], anchors_only: bool) -> float:
        total = sum((w * self._idf(t)) ** 2 for t, w in weights.items() if not anchors_only or self._is_anchor(t))
        return math.sqrt(total) or 1.0

    def _cosine(self, scaled: dict[str, float], story: _StoryState, anchors_only: bool) -> tuple[float, bool]:
        """Cosine of an article with the story centroid under the current IDF, and whether they
        share a name (the condition for a cross-lingual match). `scaled` is the unit article
        vector already multiplied by each term's IDF once more, so that the dot product with
        the centroid's raw counts needs no lookups per story."""
        dot, shares_name = 0.0, False
        centroid = story.centroid
        for term, weight in scaled.items():
            count = centroid.get(term)
            if count:
                dot += weight * count
                shares_name = shares_name or term[0] == "e"
        return dot / self._story_norm(story, anchors_only), shares_name

    def _match(
        self, scaled: dict[str, float], scaled_anchors: dict[str, float], languages: frozenset[str], story: _StoryState
    ) -> float:
        """How well the article fits the story, as a multiple of the threshold that applies.

        Within a language the full cosine decides, provided article and story share a name:
        two fires in one week share every keyword of a fire report but not their town or
        people. (On the devset and seeds every join shares a name anyway; on the templated
        bench corpus this raised B-cubed precision at 1k from 0.835 to 0.878.) Across languages
        keywords cannot meet, so the cosine over anchors alone (names, numbers, dates) is
        measured against its own threshold; whichever passes by the larger margin counts.
        Figures alone are too common to carry a match across languages either.
        """
        cosine, shares_name = self._cosine(scaled, story, anchors_only=False)
        score = cosine / self.config.join_threshold if shares_name else 0.0
        if languages and story.languages and not languages & story.languages:
            anchor_score, shares_name = self._cosine(scaled_anchors, story, anchors_only=True)
            if shares_name:
                score = max(score, anchor_score / self.config.cross_lingual_threshold)
        return score

    def add(self, article: Article) -> str:
        """Place one article; returns the id of the story it joined or started."""
        language = article_language(article)
        when = _parse_date(article.published)
        languages = frozenset() if language == "und" else frozenset({language})
        weights = extract_terms(article, self.config).weights
        return self._place((article.id,), weights, languages, when, when, article.title or _lead(article), None)

    def add_part(self, part: BlockStory) -> str:
        """Place a story found in one block (see `blocks.merge_blocks`): it joins the most similar open
        story holding no part of the same block (the block's own grouping already kept those
        apart), else starts one. It is compared by the article that started it, as one online
        pass would have compared that article. Returns the id of the story joined or started."""
        return self._place(
            part.article_ids,
            part.centroid,
            frozenset(part.languages) - {"und"},
            _parse_date(part.first_date),
            _parse_date(part.last_date),
            part.title,
            part.block,
            probe=part.lead,
        )

    def _place(
        self,
        ids: Sequence[str],
        weights: dict[str, float],
        languages: frozenset[str],
        when: date | None,
        last: date | None,
        title: str,
        block: int | None,
        probe: dict[str, float] | None = None,
    ) -> str:
        """Place `ids` with summed `weights`; `probe` (default: `weights`) is what is compared with
        the stories. Document frequencies are counted for articles, fixed when merging."""
        if block is None:
            self._documents += 1
            self._document_frequency.update(weights.keys())
        for language in languages:
            for term in weights:
                if term[0] == "e":
                    seen = self._term_languages.setdefault(term, set())
                    if len(seen) < 2:
                        seen.add(language)
        vector = self._vector(probe or weights)
        anchors = self._vector(probe or weights, anchors_only=True)
        best, best_score = -1, 1.0
        scaled = {term: weight * self._idf(term) for term, weight in vector.items()}
        scaled_anchors = {term: weight * self._idf(term) for term, weight in anchors.items()}
        for index in self._candidates(vector, anchors, when):
            if block is not None and block in self._stories[index].blocks:
                continue
            self.comparisons += 1
            score = self._match(scaled, scaled_anchors, languages, self._stories[index])
            if score >= best_score and (best < 0 or score > best_score):
                best, best_score = index, score
        if best < 0:
            best = len(self._stories)
            self._stories.append(_StoryState(story_id(ids[0]), [], title, first_date=when, lead=probe or weights))
        self._join(best, ids, weights, last)
        self._stories[best].languages.update(languages)
        if block is not None:
            self._stories[best].blocks.add(block)
        return self._stories[best].id

    def _join(self, index: int, ids: Sequence[str], weights: dict[str, float], when: date | None) -> None:
        story = self._stories[index]
        story.article_ids.extend(ids)
        before = set(story.centroid)
        story.centroid.update(weights)
        self._shrink(story, self.config.centroid_terms)
        for term in set(story.centroid) - before:
            self._postings[term].append(index)
            self._posting_entries += 1
        if when is not None and (story.last_date is None or when > story.last_date):
            story.last_date = when
            heapq.heappush(self._closing, (when, index))
        if when is not None and (self._clock is None or when > self._clock):
            self._clock = when
            self._compact_closed()

    def _shrink(self, story: _StoryState, terms: int) -> None:
        story.norm = None
        if len(story.centroid) > terms:
            kept = sorted(story.centroid.items(), key=lambda item: (-item[1], item[0]))[:terms]
            self._stale_entries += len(story.centroid) - terms
            story.centroid = Counter(dict(kept))

    def _compact_closed(self) -> None:
        """Cut the centroids of stories that the window has closed, and drop index entries
        that point at terms those stories no longer hold once they make up half the index."""
        assert self._clock is not None
        while self._closing and (self._clock - self._closing[0][0]).days > self.config.window_days:
            last, index = heapq.heappop(self._closing)
            if self._stories[index].last_date == last:  # else the story has a later entry
                self._shrink(self._stories[index], self.config.closed_terms)
        if self._stale_entries * 2 > self._posting_entries > 0:
            self._postings = defaultdict(list)
            for index, story in enumerate(self._stories):
                for term in story.centroid:
                    self._postings[term].append(index)
            self._posting_entries = sum(len(p) for p in self._postings.values())
            self._stale_entries = 0

    def stories(self) -> list[Story]:
        return [Story(s.id, tuple(s.article_ids), s.title) for s in self._stories]

    def block(self, index: int) -> Block:
        """The stories so far as block `index`, for `blocks.merge_blocks`."""
        parts = tuple(
            BlockStory(
                id=s.id,
                article_ids=tuple(s.article_ids),
                title=s.title,
                centroid=dict(s.centroid),
                lead=s.lead,
                languages=tuple(sorted(s.languages)),
                first_date=s.first_date.isoformat() if s.first_date else None,
                last_date=s.last_date.isoformat() if s.last_date else None,
                block=index,
            )
            for s in self._stories
        )
        return Block(index, parts, self._documents, dict(self._document_frequency))


def article_language(article: Article) -> str:
    """The clean stage's language, or a guess by py3langid when it said "und"."""
    if article.language != "und":
        return article.language
    language, _ = language_identifier().classify(article.text[:2000])
    return str(language)


def _lead(article: Article) -> str:
    first = article.sentences[0].text if article.sentences else article.text
    return first[:120]
