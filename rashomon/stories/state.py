"""The grouper's memory behind small interfaces: its stories, term index, document frequencies,
recent story vectors and closing schedule.

These classes hold it in memory (a batch, a Spark block). `store/grouping.py` subclasses them to
read and write a store's tables instead, loading only what an article's comparison touches, so
an add to a store continues the very online pass a one-shot run over the same articles makes,
at a cost that does not grow with the store.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from rashomon.stories.evidence import StoryEvidence


@dataclass(slots=True)
class StoryState:
    """One story as the grouper keeps it."""

    id: str
    article_ids: list[str]
    title: str
    evidence: StoryEvidence
    centroid: Counter[str] = field(default_factory=Counter)
    # Length of the centroid's TF-IDF vector, and the stream length when it was computed.
    norm: float | None = None
    norm_at: int = 0
    blocks: set[int] = field(default_factory=set)  # blocks its parts came from (when merging)
    lead: dict[str, float] = field(default_factory=dict)  # weights of its first article


Dates = tuple[date | None, date | None]
_LAST_DAY = date.max.toordinal()


class StoryTable:
    """The stories by index, in the order they started."""

    def __init__(self) -> None:
        self._rows: list[StoryState] = []

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: int) -> StoryState:
        return self._rows[index]

    def __iter__(self) -> Iterator[StoryState]:
        return iter(self._rows)

    def append(self, story: StoryState) -> None:
        self._rows.append(story)

    def dates(self, index: int) -> Dates:
        """(first, last) date of a story: what deciding whether it is open needs."""
        evidence = self._rows[index].evidence
        return evidence.first, evidence.last

    def open_among(self, indexes: Iterable[int], when: date | None, window_days: int) -> list[int]:
        """The stories among `indexes` (in their order) still open to an article dated `when`: begun
        at most `window_days` before it and ending at most `window_days` after it (undated sides are
        always open). The window's ends are computed once, so a story costs two date comparisons:
        this runs for every story an article's terms hit, most of them long closed."""
        if when is None:
            return list(indexes)
        day = when.toordinal()
        earliest = date.fromordinal(min(max(day - window_days, 1), _LAST_DAY))
        latest = date.fromordinal(min(max(day + window_days, 1), _LAST_DAY))
        kept = []
        for index in indexes:
            first, last = self.dates(index)
            if first is None or last is None or (first >= earliest and last <= latest):
                kept.append(index)
        return kept

    def prefetch(self, indexes: Iterable[int]) -> None:
        """Make `dates` of these stories cheap (a stored table reads them in one query)."""

    def changed(self, index: int) -> None:
        """The story at `index` was changed in place (a stored table writes it back)."""

    def renormed(self, index: int) -> None:
        """Only the cached norm of the story at `index` changed (a stored table writes just that)."""


class Postings:
    """Term -> the stories that took it into their centroid, in the order they took it.

    Only the `keep` most recent of a term are ever read (`GrouperConfig.postings_read`), so a
    list is cut back to them once it holds twice as many: the index stays bounded however long
    the stream, without a rebuild that would read every story."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self._lists: dict[str, list[int]] = {}

    def recent(self, term: str) -> list[int]:
        return self._lists.get(term, [])[-self.keep :]

    def add(self, term: str, index: int) -> None:
        entries = self._lists.setdefault(term, [])
        entries.append(index)
        if len(entries) > 2 * self.keep:
            del entries[: -self.keep]

    def prefetch(self, terms: Iterable[str]) -> None:
        """Make `recent` of these terms cheap (a stored index reads them in one query)."""


class Frequencies:
    """Document frequencies of the terms of the articles seen so far."""

    def __init__(self) -> None:
        self.documents = 0
        self._counts: Counter[str] = Counter()

    def __getitem__(self, term: str) -> int:
        return self._counts[term]

    def prime(self, documents: int, frequency: Mapping[str, int]) -> None:
        self.documents += documents
        self._counts.update(frequency)

    def add_document(self, terms: Iterable[str]) -> None:
        self.documents += 1
        self._counts.update(terms)

    def prefetch(self, terms: Iterable[str]) -> None:
        """Make these terms' counts cheap (a stored table reads them in one query)."""

    def as_dict(self) -> dict[str, int]:
        return dict(self._counts)


class RecentUnits:
    """The unit mean vectors of the `window` most recently started stories (the only ones the
    nearest-vector search reads), in a ring: memory stays 2 x `window` vectors whatever the stream.

    Each vector is written twice, at `index % window` and `window` rows further, so the window
    is always one contiguous slice of the ring, read without a copy (a copy of 2,000 vectors on
    each of an article's two searches was a tenth of the grouping time)."""

    def __init__(self, window: int, dimensions: int) -> None:
        self.window = max(1, window)
        self._ring = np.zeros((2 * self.window, dimensions), dtype=np.float32)

    def set(self, index: int, unit: np.ndarray, count: int) -> None:
        """Record story `index`'s unit vector, `count` stories existing; older ones are not kept."""
        if index >= count - self.window:
            row = index % self.window
            self._ring[row] = unit
            self._ring[row + self.window] = unit

    def recent(self, count: int) -> tuple[int, np.ndarray]:
        """(index of the first, vectors) of the stories in the window, in story order (a view:
        read it before the next `set`)."""
        low = max(0, count - self.window)
        start = low % self.window
        return low, self._ring[start : start + count - low]


class Closing:
    """When open stories close: a heap of (last date, story), popped as the clock passes them."""

    def __init__(self) -> None:
        self._heap: list[tuple[date, int]] = []

    def push(self, last: date, index: int) -> None:
        heapq.heappush(self._heap, (last, index))

    def due(self, clock: date, window_days: int) -> list[tuple[date, int]]:
        """The entries more than `window_days` before `clock`, removed."""
        popped = []
        while self._heap and (clock - self._heap[0][0]).days > window_days:
            popped.append(heapq.heappop(self._heap))
        return popped


@dataclass(slots=True)
class Memory:
    """Everything one online pass remembers between articles."""

    stories: StoryTable
    postings: Postings
    frequencies: Frequencies
    units: RecentUnits
    closing: Closing
    clock: date | None = None  # the latest publication date seen

    @classmethod
    def fresh(cls, postings_read: int, vector_window: int, dimensions: int) -> Memory:
        return cls(
            StoryTable(), Postings(postings_read), Frequencies(), RecentUnits(vector_window, dimensions), Closing()
        )
