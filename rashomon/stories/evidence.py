"""The evidence that an article belongs to a story, as a few numbers a calibrated model weighs.

Following Miranda et al. 2018 ("Multilingual Clustering of Streaming News"), an article is compared
with a story on several kinds of evidence, each measured on its own, and a logistic model learnt
on labelled pairs (`decision.py`) turns them into the probability that they tell one story:

- `encoder`: cosine of the article's multilingual title+lead vector with the story's mean vector
  (the only evidence that crosses scripts);
- `terms`: cosine of the typed TF-IDF vectors (names, keywords, numbers, dates);
- `names`: how rare the names they share are (a shared "China" says little, a shared minister's
  name a lot): the summed log inverse document frequency of their three rarest shared names;
- `figures`: how many uncommon figures they share (not years, not days of a month);
- `encoder_best`: the best cosine with one of the story's recent articles (a story told in
  two languages has two clusters of vectors, and its mean sits between them);
- `salient`: the share of the article's five strongest names (or words of uncased scripts)
  that the story holds: a story about Ishiba shares "LDP" and "runoff" with one about Kishida,
  not its protagonist;
- `span`: days from the story's first article (a story that would run past a week is usually
  two events chained by their follow-ups);
- `year`: +1 when the article's year (its date's, else the year its text names most) is the
  story's, -1 when it is another (an election of 2021 against that of 2024, both undated), 0
  when either is unknown;
- `gap`: days between the article and the story's dates (0 inside them), when both are dated;
- `undated`: no date on one side, so `gap` says nothing;
- `cross`: the article's language is none of the story's;
- `size`: how many articles the story holds (a big story shares some name with anything);
- `keys`: across languages only, how rare the name keys they share are (`keys.py`: a name's
  consonants in classes of like sounds, so `Zelensky`, `زيلينسكي` and `ゼレンスキー` meet where
  their transliterations do not; held-out F1 on the dev stream 0.861 -> 0.864 dated, 0.839 ->
  0.845 undated; counted for pairs in one language too, and kept out of the TF-IDF cosine, it
  cost 0.005 dated on 20 folds: there the names themselves meet);
- `days_shared` / `days_apart`: the article names a day of the month that the story's articles
  name / both name days and none is shared (`days.py`: the date evidence of undated pages, in any
  language; a vote and its runoff, or two attacks a day apart, name different days);
- `*_margin`: how far this story's `encoder_best`, `terms` and `names` are above the best of the
  article's other candidate stories: evidence is strong when it singles one story out (held-out
  average precision of the pair decision on the dev stream 0.74 without them, 0.84 with them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

import numpy as np

FEATURES = (
    "encoder",
    "encoder_cross",
    "encoder_best",
    "terms",
    "names",
    "salient",
    "figures",
    "gap",
    "span",
    "year",
    "undated",
    "cross",
    "size",
    "days_shared",
    "days_apart",
    "keys",
    "encoder_margin",
    "terms_margin",
    "names_margin",
)
# The features measured against the other candidates of the same article (see `with_margins`).
MARGINS = (("encoder_margin", "encoder_best"), ("terms_margin", "terms"), ("names_margin", "names"))
MAX_GAP_DAYS = 30  # beyond a month, farther apart says nothing more
STORY_MEMBERS = 16  # member vectors a story keeps (its most recent) for `encoder_best`
STORY_NAMES = 400  # names a story keeps (its most frequent), so long stories stay small


@dataclass(slots=True, frozen=True)
class ArticleEvidence:
    """What is compared of one article (or of the story part a block found, when merging)."""

    vector: np.ndarray  # unit, or zero when the article could not be encoded
    names: frozenset[str]
    figures: frozenset[str]
    first: date | None
    last: date | None
    languages: frozenset[str]
    size: int = 1
    year: int | None = None
    days: frozenset[int] = frozenset()  # days of the month its text names (`days.mentioned_days`)


@dataclass(slots=True)
class StoryEvidence:
    """What a story keeps of its articles for comparing: the sum of their vectors, the counts of
    their names, their figures, dates and languages."""

    vector_sum: np.ndarray
    names: dict[str, int] = field(default_factory=dict)
    figures: set[str] = field(default_factory=set)
    first: date | None = None
    last: date | None = None
    languages: set[str] = field(default_factory=set)
    size: int = 0
    years: dict[int, int] = field(default_factory=dict)
    members: list[np.ndarray] = field(default_factory=list)
    days: dict[int, int] = field(default_factory=dict)
    _unit: np.ndarray | None = None

    @classmethod
    def empty(cls, dimensions: int) -> StoryEvidence:
        return cls(np.zeros(dimensions, dtype=np.float32))

    @classmethod
    def of(cls, article: ArticleEvidence) -> StoryEvidence:
        """The evidence of a story of this one article (or block part)."""
        return cls(
            vector_sum=article.vector * article.size,
            names=dict.fromkeys(article.names, article.size),
            figures=set(article.figures),
            first=article.first,
            last=article.last,
            languages=set(article.languages),
            size=article.size,
            years={} if article.year is None else {article.year: article.size},
            members=[article.vector] if article.vector.any() else [],
            days=dict.fromkeys(article.days, 1),
        )

    def add(self, article: ArticleEvidence) -> None:
        self.absorb(StoryEvidence.of(article))

    def absorb(self, other: StoryEvidence) -> None:
        """Take in another story's evidence (the two turned out to tell one event)."""
        self.vector_sum += other.vector_sum
        self._unit = None
        self.members = [*self.members, *other.members][-STORY_MEMBERS:]
        for name, count in other.names.items():
            self.names[name] = self.names.get(name, 0) + count
        if len(self.names) > STORY_NAMES:
            kept = sorted(self.names.items(), key=lambda item: (-item[1], item[0]))[:STORY_NAMES]
            self.names = dict(kept)
        self.figures.update(other.figures)
        for day in (other.first, other.last):
            if day is not None:
                self.first = day if self.first is None else min(self.first, day)
                self.last = day if self.last is None else max(self.last, day)
        self.languages.update(other.languages)
        self.size += other.size
        for year, count in other.years.items():
            self.years[year] = self.years.get(year, 0) + count
        for named, count in other.days.items():
            self.days[named] = self.days.get(named, 0) + count

    def year(self) -> int | None:
        """The year most of its articles are of (the latest among equals)."""
        return max(self.years, key=lambda y: (self.years[y], y)) if self.years else None

    def unit(self) -> np.ndarray:
        if self._unit is None:
            self._unit = unit(self.vector_sum)
        return self._unit


def unit(vector: np.ndarray) -> np.ndarray:
    """`vector` scaled to length 1 (a zero vector stays zero: nothing was encoded)."""
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


class Dated(Protocol):
    @property
    def first(self) -> date | None: ...

    @property
    def last(self) -> date | None: ...


def day_gap(one: Dated, other: Dated) -> int | None:
    """Days between two spans of dates (an article's, a story's; 0 when they overlap); None if
    either is undated."""
    if one.first is None or one.last is None or other.first is None or other.last is None:
        return None
    if one.first > other.last:
        return (one.first - other.last).days
    if other.first > one.last:
        return (other.first - one.last).days
    return 0


def name_rarity(shared: Sequence[float]) -> float:
    """Evidence of shared names: the summed IDF of the three rarest, each less the 1 that smooths
    IDF (a name in every article counts for nothing)."""
    return sum(max(0.0, idf - 1.0) for idf in sorted(shared, reverse=True)[:3])


def pair_features(
    article: ArticleEvidence,
    story: StoryEvidence,
    terms_cosine: float,
    shared_name_idf: list[float],
    salient: float,
    shared_key_idf: Sequence[float] = (),
) -> tuple[float, ...]:
    """The `FEATURES` of one article against one story, in that order (without the margins).
    `salient` is the share of the article's strongest names that the story holds; the IDF of the
    names they share, and of the names' keys (`keys.py`)."""
    encoder = float(article.vector @ story.unit()) if article.vector.any() else 0.0
    best = max((float(article.vector @ member) for member in story.members), default=0.0)
    cross = 1.0 if article.languages and story.languages and not article.languages & story.languages else 0.0
    gap = day_gap(article, story)
    span = (article.last - story.first).days if article.last and story.first else 0
    story_year = story.year()
    year = 0.0 if article.year is None or story_year is None else (1.0 if article.year == story_year else -1.0)
    days_shared = any(day in story.days for day in article.days)
    return (
        encoder,
        encoder * cross,
        best,
        terms_cosine,
        name_rarity(shared_name_idf),
        salient,
        float(min(3, len(article.figures & story.figures))),
        min(gap, MAX_GAP_DAYS) / 7.0 if gap is not None else 0.0,
        min(abs(span), MAX_GAP_DAYS) / 7.0,
        year,
        1.0 if gap is None else 0.0,
        cross,
        math.log1p(story.size),
        1.0 if days_shared else 0.0,
        1.0 if article.days and story.days and not days_shared else 0.0,
        name_rarity(shared_key_idf) * cross,
    )


def with_margins(
    scored: list[tuple[int, tuple[float, ...]]], floors: Sequence[float] = (0.0,) * len(MARGINS)
) -> list[tuple[int, tuple[float, ...]]]:
    """Each candidate's features (`pair_features`) followed by its `MARGINS`: how far above the
    best of the other candidates it is on that feature. The best of the others is the column's
    best, or its second best for the candidate holding the best; for a candidate alone, the
    `floors` (one per margin, what a typical story not the article's gives: `decision.JoinModels`),
    so that it is measured against a typical other story, not against nothing."""
    columns = [FEATURES.index(of) for _, of in MARGINS]
    tops = []
    for column, floor in zip(columns, floors, strict=True):
        ranked = sorted(range(len(scored)), key=lambda p: -scored[p][1][column])[:2]
        values = [scored[p][1][column] for p in ranked]
        best = values[0] if values else floor
        second = values[1] if len(values) > 1 else floor
        tops.append((ranked[0] if ranked else -1, best, second))
    out = []
    for position, (index, features) in enumerate(scored):
        margins = tuple(
            features[column] - (second if position == holder else best)
            for column, (holder, best, second) in zip(columns, tops, strict=True)
        )
        out.append((index, features + margins))
    return out
