"""Online story grouping: articles arrive in time order and join a story or start one.

Each article is compared with a few candidate stories on several kinds of evidence
(`evidence.FEATURES`: its multilingual title+lead vector, typed TF-IDF terms, rare shared names
and their cross-script keys, shared figures, the time gap, the languages) and a logistic model
learnt on labelled pairs (`decision.py`) gives the probability that they tell one story. It joins
the most probable candidate when that reaches `join_threshold`, else starts its own story.

Candidates come from two bounded indexes, never from all stories (`candidates.py`), so the cost
per article stays flat as the stream grows. A story keeps the
summed term weights of its articles (its centroid, cut to its strongest terms) and closes when
`window_days` pass without a new article; its centroid is then cut to a short summary (only
undated articles can still join it).

A growing story may also be linked with the same event's story in other languages (`links.py`):
articles join the story most like them, so two languages' reports would stay two stories.

Determinism (what incremental runs rely on): `group_stories` (in `blocks.py`, which cuts the
stream into blocks and merges their stories) sorts articles by (undated last, published, id)
and feeds them one by one, so the stories are a function of the set of articles alone.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date

import numpy as np

from rashomon.config import StoriesConfig
from rashomon.records import Article, Join, Story
from rashomon.stories.candidates import find_candidates
from rashomon.stories.decision import JoinModel, JoinModels, load_models
from rashomon.stories.encoder import DIMENSIONS, encode_articles
from rashomon.stories.evidence import (
    FEATURES,
    ArticleEvidence,
    StoryEvidence,
    pair_features,
    unit,
    with_margins,
)
from rashomon.stories.features import extract_terms
from rashomon.stories.links import link_candidates, load_link_model, nearest_others
from rashomon.stories.parts import Block, BlockStory, block_story
from rashomon.stories.state import Memory, StoryState
from rashomon.stories.stream import article_evidence, lead_line, parse_date, story_id

_NAMES, _SALIENT, _CROSS = (FEATURES.index(name) for name in ("names", "salient", "cross"))
Features = tuple[float, ...]
Scored = list[tuple[int, Features]]  # stories (their indexes) and the article's features against each
# With a teacher, one article's comparisons: the candidates' features (the open candidates, then
# the closed stories that count in the margins), the gold story's position, the open count.
Group = tuple[list[Features], int, int]


class StoryGrouper:
    """Groups a time-ordered stream of articles into stories, one article at a time."""

    def __init__(
        self,
        config: StoriesConfig,
        exhaustive: bool = False,
        teacher: Mapping[str, str] | None = None,
        memory: Memory | None = None,
        models: JoinModels | None = None,
    ) -> None:
        """`exhaustive` compares every article with every open story instead of the candidates:
        the reference that the benchmark measures blocking against. `teacher` (article id to gold
        story) places every article in its gold story and records each comparison's features
        in `groups`: what `bench/train_story_decision.py` fits the model on. `memory` is where
        the pass keeps its state (`state.Memory`; a store's, to continue its pass). `models` replaces
        `decision.json`'s (what the training script scores)."""
        self.config = config
        self.exhaustive = exhaustive
        # A teacher needs no model (it is what fits one, when the features change).
        self.models: JoinModels | None = models or (load_models() if teacher is None else None)
        self.teacher = teacher
        self.groups: list[Group] = []  # with a teacher, every article's comparisons
        self.joins: dict[str, Join] = {}
        self._gold_story: dict[str, int] = {}
        memory = memory or Memory.fresh(config.postings_read, config.vector_window, DIMENSIONS)
        self.memory = memory
        self._frequencies = memory.frequencies
        self._stories = memory.stories
        self._units = memory.units
        self._postings = memory.postings
        self._closing = memory.closing
        self.comparisons = 0  # article-story comparisons so far (for the benchmark)
        self.placed = -1
        self.link_model = load_link_model() if teacher is None else None
        # With a link teacher (article id to gold story), every link comparison is recorded in
        # `link_rows` with whether the two stories are mostly of one gold story, and linked if so.
        self.link_teacher: Mapping[str, str] | None = None
        self.link_rows: list[tuple[tuple[float, ...], bool]] = []
        self.moved: list[tuple[str, int]] = []  # articles a link moved, and their new story's index
        self.emptied: list[int] = []  # stories a link emptied into another

    def prime(self, documents: int, frequency: Mapping[str, int]) -> None:
        """Count the document frequencies of `documents` articles seen elsewhere (the blocks
        before this one, or all blocks when merging), without placing them."""
        self._frequencies.prime(documents, frequency)

    def _idf(self, term: str) -> float:
        frequencies = self._frequencies
        return math.log((1 + frequencies.documents) / (1 + frequencies[term])) + 1.0

    def _vector(self, weights: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
        """The unit TF-IDF vector of `weights`, and the IDF of each of its terms."""
        idf = {term: self._idf(term) for term in weights}
        vector = {term: weight * idf[term] for term, weight in weights.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {term: v / norm for term, v in vector.items()}, idf

    def _is_open(self, index: int, when: date | None) -> bool:
        return bool(self._stories.open_among([index], when, self.config.window_days))

    def _story_norm(self, index: int) -> float:
        """Length of the story's TF-IDF centroid, cached until the story changes or the stream
        grows by `stale_idf`: the IDF drifts slowly, and summing over every centroid term for
        every comparison would cost more than everything else together."""
        story, documents = self._stories[index], self._frequencies.documents
        if story.norm is None or documents > story.norm_at * (1 + self.config.stale_idf):
            self._frequencies.prefetch(story.centroid)
            total = sum((w * self._idf(t)) ** 2 for t, w in story.centroid.items())
            story.norm = math.sqrt(total) or 1.0
            story.norm_at = documents
            self._stories.renormed(index)
        return story.norm

    def _features(
        self,
        scaled: dict[str, float],
        evidence: ArticleEvidence,
        index: int,
        salient: Sequence[str],
        idf: Mapping[str, float],
    ) -> tuple[float, ...]:
        """`evidence.FEATURES` of the article against one story. `scaled` is the unit TF-IDF
        vector multiplied by each term's IDF once more, so the dot product with the centroid's
        raw weights needs no lookups per story. `idf` holds the IDF of the article's terms."""
        story = self._stories[index]
        centroid = story.centroid
        dot = sum(weight * centroid[term] for term, weight in scaled.items() if term in centroid)
        names: list[float] = []
        keys: list[float] = []  # the names' cross-script keys (`keys.py`)
        for name in evidence.names:
            if name in story.evidence.names:
                (keys if name[0] == "s" else names).append(idf[name] if name in idf else self._idf(name))
        held = sum(1 for term in salient if term in centroid) / len(salient) if salient else 0.0
        return pair_features(evidence, story.evidence, dot / self._story_norm(index), names, held, keys)

    def add(self, article: Article, vector: np.ndarray | None = None) -> str:
        """Place one article (with its encoder vector, when the caller encoded a batch); returns
        the id of the story it joined or started."""
        weights = extract_terms(article, self.config).weights
        if vector is None:
            vector = encode_articles([article], self.config)[0]
        evidence = article_evidence(article, weights, vector)
        return self._place((article.id,), weights, evidence, article.title or lead_line(article), None)

    def add_part(self, part: BlockStory) -> str:
        """Place a story found in one block (see `blocks.merge_blocks`): it joins the most probable
        open story holding no part of the same block (the block's own grouping already kept those
        apart), else starts one. Its terms are compared by the article that started it, as one
        online pass would have compared that article. Returns the id of the story joined or started."""
        vector = part.vector_sum if part.vector_sum is not None else np.zeros(DIMENSIONS, dtype=np.float32)
        evidence = ArticleEvidence(
            vector=unit(vector),
            names=frozenset(part.names),
            figures=frozenset(part.figures),
            first=parse_date(part.first_date),
            last=parse_date(part.last_date),
            languages=frozenset(part.languages) - {"und"},
            size=len(part.article_ids),
            year=part.year,
            days=frozenset(part.days),
        )
        return self._place(part.article_ids, part.centroid, evidence, part.title, part.block, part.lead)

    def _place(
        self,
        ids: Sequence[str],
        weights: dict[str, float],
        evidence: ArticleEvidence,
        title: str,
        block: int | None,
        probe: dict[str, float] | None = None,
    ) -> str:
        """Place `ids` with summed `weights`; `probe` (default: `weights`) is what is compared with
        the stories. Document frequencies are counted for articles, fixed when merging."""
        self._frequencies.prefetch(weights)
        if block is None:
            self._frequencies.add_document(weights.keys())
        vector, idf = self._vector(probe or weights)
        scaled = {term: weight * idf[term] for term, weight in vector.items()}
        salient = sorted((t for t in vector if t[0] in "eu"), key=lambda t: (-vector[t], t))[:5]

        def features_of(index: int) -> Features:
            return self._features(scaled, evidence, index, salient, idf)

        scored = []
        candidates, closed = find_candidates(self.memory, self.config, vector, evidence, self.exhaustive)
        for index in candidates:
            story = self._stories[index]
            if story.article_ids and (block is None or block not in story.blocks):  # empty: linked away
                self.comparisons += 1
                scored.append((index, features_of(index)))
        others = [(index, features_of(index)) for index in closed] if scored else []
        best = self._decide(ids[0], scored, features_of, evidence, others)
        if best < 0:
            best = len(self._stories)
            label = self.teacher.get(ids[0]) if self.teacher else None
            started = StoryState(story_id(ids[0]), [], title, StoryEvidence.empty(DIMENSIONS), lead=probe or weights)
            self._stories.append(started)
            if label is not None:
                self._gold_story[label] = best
        self._join(best, ids, weights, evidence)
        best = self._link(best)
        self.placed = best  # the index of the story joined or started (what a stored pass records)
        if block is not None:
            self._stories[best].blocks.add(block)
            self._stories.changed(best)
        return self._stories[best].id

    def _decide(
        self,
        first: str,
        scored: Scored,
        features_of: Callable[[int], Features],
        evidence: ArticleEvidence,
        closed: Scored,
    ) -> int:
        """The story to join (-1: a new one): the most probable candidate if the model gives it at
        least `join_threshold`; with a teacher, the gold story, recording every comparison. The
        `closed` stories (and their features) count only in the candidates' margins."""
        if self.teacher is not None:
            gold = self._gold_story.get(self.teacher.get(first, ""), -1)
            if gold >= 0 and all(index != gold for index, _ in scored):
                scored.append((gold, features_of(gold)))
            others = [features for i, features in closed if i != gold]
            position = next((p for p, (index, _) in enumerate(scored) if index == gold), -1)
            self.groups.append(([features for _, features in scored] + others, position, len(scored)))
            return gold
        best, best_probability = -1, self.config.join_threshold
        reasons: tuple[str, ...] = ()
        names_anyone = any(name[0] == "e" for name in evidence.names)  # not its names' keys (`s:`)
        assert self.models is not None
        for index, features in with_margins(scored + list(closed), self.models.floors)[: len(scored)]:
            if not self._may_join(features, names_anyone):
                continue
            model = self._model(self._stories[index], features)
            probability = model.probability(features)
            if probability >= best_probability and (best < 0 or probability > best_probability):
                best, best_probability, reasons = index, probability, model.reasons(features)
        if best >= 0:
            self.joins[first] = Join(first, round(best_probability, 3), reasons)
        return best

    @staticmethod
    def _may_join(features: tuple[float, ...], names_anyone: bool) -> bool:
        """In one language, an article that names anyone joins only a story that shares a name
        with it: two reports from one template (a fire in one town, a fire in another) share
        every other word. (Across languages names may be written apart; the model decides.)"""
        shares_name = features[_NAMES] > 0 or features[_SALIENT] > 0
        same_language = features[_CROSS] == 0
        return shares_name or not same_language or not names_anyone

    def _model(self, story: StoryState, features: tuple[float, ...]) -> JoinModel:
        """The encoder's model when both sides have a vector, else the one fitted without it."""
        assert self.models is not None
        if features[0] != 0.0 and story.evidence.vector_sum.any():
            return self.models.encoder
        return self.models.no_encoder

    def _join(self, index: int, ids: Sequence[str], weights: dict[str, float], evidence: ArticleEvidence) -> None:
        story = self._stories[index]
        story.article_ids.extend(ids)
        before = set(story.centroid)
        story.centroid.update(weights)
        self._shrink(story, self.config.centroid_terms)
        for term in set(story.centroid) - before:
            self._postings.add(term, index)
        last = story.evidence.last
        story.evidence.add(evidence)
        self._units.set(index, story.evidence.unit(), len(self._stories))
        self._stories.changed(index)
        when = story.evidence.last
        if when is not None and when != last:
            self._closing.push(when, index)
        if when is not None and (self.memory.clock is None or when > self.memory.clock):
            self.memory.clock = when
            self._compact_closed()

    def _link(self, index: int) -> int:
        """Join the story at `index` with the same event's story in other languages, if the link
        model finds one (see `links.py`); returns the index of the story it now is part of."""
        story = self._stories[index]
        if (self.link_model is None and self.link_teacher is None) or not story.evidence.vector_sum.any():
            return index
        low, units = self._units.recent(len(self._stories))
        near = nearest_others(units, low, story.evidence.unit(), self.config.vector_candidates + 1)
        near = [(i, cosine) for i, cosine in near if i != index]
        self._stories.prefetch([i for i, _ in near])
        best, best_probability = -1, self.config.join_threshold
        for i, features in link_candidates(story.evidence, near, self._stories, self.config.window_days):
            if self.link_teacher is not None:
                same = self._gold_of(story) == self._gold_of(self._stories[i])
                self.link_rows.append((features, same))
                probability = 1.0 if same else 0.0
            else:
                assert self.link_model is not None
                probability = self.link_model.probability(features)
            if probability >= best_probability and (best < 0 or probability > best_probability):
                best, best_probability = i, probability
        if best < 0:
            return index
        keep, gone = min(index, best), max(index, best)
        self._absorb(keep, gone)
        return keep

    def _gold_of(self, story: StoryState) -> str:
        assert self.link_teacher is not None
        labels = Counter(self.link_teacher.get(i, i) for i in story.article_ids)
        return labels.most_common(1)[0][0]

    def _absorb(self, index: int, other: int) -> None:
        """Story `other` becomes part of story `index` (it is left empty, and never compared again)."""
        story, taken = self._stories[index], self._stories[other]
        self.moved += [(article_id, index) for article_id in taken.article_ids]
        story.article_ids.extend(taken.article_ids)
        before = set(story.centroid)
        story.centroid.update(taken.centroid)
        self._shrink(story, self.config.centroid_terms)
        for term in set(story.centroid) - before:
            self._postings.add(term, index)
        story.evidence.absorb(taken.evidence)
        self._units.set(index, story.evidence.unit(), len(self._stories))
        self._stories.changed(index)
        taken.article_ids.clear()
        taken.centroid = Counter()
        taken.evidence = StoryEvidence.empty(DIMENSIONS)
        self._units.set(other, taken.evidence.unit(), len(self._stories))
        self._stories.changed(other)
        self.emptied.append(other)

    @staticmethod
    def _shrink(story: StoryState, terms: int) -> None:
        story.norm = None
        if len(story.centroid) > terms:
            kept = sorted(story.centroid.items(), key=lambda item: (-item[1], item[0]))[:terms]
            story.centroid = Counter(dict(kept))

    def _compact_closed(self) -> None:
        """Cut the centroids of stories that the window has closed to a short summary (the term
        index keeps pointing at them for the terms they dropped: reading it costs the same)."""
        assert self.memory.clock is not None
        for last, index in self._closing.due(self.memory.clock, self.config.window_days):
            story = self._stories[index]
            if story.evidence.last == last:  # else the story has a later entry
                self._shrink(story, self.config.closed_terms)
                self._stories.changed(index)

    def add_joins(self, joins: Sequence[Join]) -> None:
        """Joins made elsewhere (within the blocks whose parts are merged here)."""
        self.joins.update((join.article_id, join) for join in joins)

    def _joins(self, story: StoryState) -> tuple[Join, ...]:
        return tuple(self.joins[i] for i in story.article_ids if i in self.joins)

    def stories(self) -> list[Story]:
        return [Story(s.id, tuple(s.article_ids), s.title, self._joins(s)) for s in self._stories if s.article_ids]

    def block(self, index: int) -> Block:
        """The stories so far as block `index`, for `blocks.merge_blocks`."""
        parts = tuple(block_story(s, index, self._joins(s)) for s in self._stories if s.article_ids)
        return Block(index, parts, self._frequencies.documents, self._frequencies.as_dict())
