"""The story grouper's memory kept in a store's tables, so adding articles continues the online
pass where the last add stopped (`stories/state.py` holds the same memory in process).

Only what an article's comparison touches is read: its terms' document frequencies, the posting
lists of its probe terms (their most recent entries), the dates of the stories those name, the
full state of the few candidates, and the unit vectors of the `vector_window` most recent
stories. Closed stories are never read unless an article's evidence points at them. Changes are
written back by `flush`, inside the caller's transaction.

States are JSON plus float32 arrays saved with `numpy.save` (never pickle: a store file is data,
and loading it must not run code); both round-trip exactly, so a state read back compares as the
one kept in memory, and 100 adds give the stories of one.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TypeVar

import numpy as np

from rashomon.config import StoriesConfig
from rashomon.records import Join, Story
from rashomon.stories.evidence import StoryEvidence
from rashomon.stories.state import Closing, Dates, Frequencies, Memory, Postings, RecentUnits, StoryState, StoryTable

_CHUNK = 500  # ids per IN (...) query, under SQLite's variable limit


T = TypeVar("T")


def _chunks(values: Sequence[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def dump_state(story: StoryState) -> tuple[str, bytes]:
    """(JSON, arrays) of a story's state."""
    evidence = story.evidence
    fields = {
        "id": story.id,
        "articles": story.article_ids,
        "title": story.title,
        "centroid": list(story.centroid.items()),
        "blocks": sorted(story.blocks),
        "lead": list(story.lead.items()),
        "names": list(evidence.names.items()),
        "figures": sorted(evidence.figures),
        "first": _iso(evidence.first),
        "last": _iso(evidence.last),
        "languages": sorted(evidence.languages),
        "size": evidence.size,
        "years": list(evidence.years.items()),
        "days": list(evidence.days.items()),
    }
    buffer = io.BytesIO()
    np.save(buffer, np.stack([evidence.vector_sum, *evidence.members]).astype(np.float32), allow_pickle=False)
    return json.dumps(fields, ensure_ascii=False), buffer.getvalue()


def load_state(fields_json: str, arrays: bytes) -> StoryState:
    fields = json.loads(fields_json)
    stacked = np.load(io.BytesIO(arrays), allow_pickle=False)
    evidence = StoryEvidence(
        vector_sum=stacked[0].copy(),
        names={str(n): int(c) for n, c in fields["names"]},
        figures=set(fields["figures"]),
        first=_day(fields["first"]),
        last=_day(fields["last"]),
        languages=set(fields["languages"]),
        size=int(fields["size"]),
        years={int(y): int(c) for y, c in fields["years"]},
        members=[row.copy() for row in stacked[1:]],
        days={int(d): int(c) for d, c in fields.get("days", [])},
    )
    return StoryState(
        id=fields["id"],
        article_ids=list(fields["articles"]),
        title=fields["title"],
        evidence=evidence,
        centroid=Counter({str(t): float(w) for t, w in fields["centroid"]}),
        blocks=set(fields["blocks"]),
        lead={str(t): float(w) for t, w in fields["lead"]},
    )


class StoredStories(StoryTable):
    """Stories read when first asked for, and written back when changed."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self._conn = conn
        self._count = int(conn.execute("SELECT COUNT(*) FROM grouping_stories").fetchone()[0])
        self._loaded: dict[int, StoryState] = {}
        self._dates: dict[int, Dates] = {}
        self.dirty: set[int] = set()
        self.renorms: set[int] = set()

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> StoryState:
        story = self._loaded.get(index)
        if story is None:
            if not 0 <= index < self._count:
                raise IndexError(index)
            query = "SELECT state, arrays, norm, norm_at FROM grouping_stories WHERE idx = ?"
            row = self._conn.execute(query, (index,)).fetchone()
            story = self._loaded[index] = load_state(row[0], row[1])
            story.norm, story.norm_at = row[2], int(row[3])
        return story

    def __iter__(self) -> Iterator[StoryState]:
        raise TypeError("a stored story table is not iterated: read its changed stories")

    def append(self, story: StoryState) -> None:
        self._loaded[self._count] = story
        self.dirty.add(self._count)
        self._count += 1

    def dates(self, index: int) -> Dates:
        story = self._loaded.get(index)
        if story is not None:
            return story.evidence.first, story.evidence.last
        if index not in self._dates:
            self.prefetch([index])
        return self._dates[index]

    def prefetch(self, indexes: Iterable[int]) -> None:
        missing = sorted({i for i in indexes if i not in self._loaded and i not in self._dates})
        for chunk in _chunks(missing):
            query = f"SELECT idx, first, last FROM grouping_stories WHERE idx IN ({_marks(chunk)})"
            for index, first, last in self._conn.execute(query, chunk):
                self._dates[int(index)] = (_day(first), _day(last))

    def changed(self, index: int) -> None:
        self.dirty.add(index)
        self._dates.pop(index, None)

    def renormed(self, index: int) -> None:
        self.renorms.add(index)

    def flush(self) -> None:
        rows = []
        for index in sorted(self.dirty):
            story = self._loaded[index]
            state, arrays = dump_state(story)
            evidence = story.evidence
            unit = evidence.unit().astype(np.float32).tobytes()
            first, last = _iso(evidence.first), _iso(evidence.last)
            rows.append((index, story.id, first, last, story.norm, story.norm_at, unit, state, arrays))
        self._conn.executemany(
            "INSERT OR REPLACE INTO grouping_stories (idx, id, first, last, norm, norm_at, unit, state, arrays) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        norms = [(self[i].norm, self[i].norm_at, i) for i in sorted(self.renorms - self.dirty)]
        self._conn.executemany("UPDATE grouping_stories SET norm = ?, norm_at = ? WHERE idx = ?", norms)
        self.dirty.clear()
        self.renorms.clear()

    def changed_stories(self, indexes: Iterable[int]) -> list[StoryState]:
        return [self[i] for i in sorted(set(indexes))]


class StoredPostings(Postings):
    """The term index as rows in insertion order; `recent` reads a term's last `keep` (those
    stored, then those added since)."""

    def __init__(self, conn: sqlite3.Connection, keep: int) -> None:
        super().__init__(keep)
        self._conn = conn
        self._read: dict[str, list[int]] = {}
        self._added: dict[str, list[int]] = {}
        self._new: list[tuple[str, int]] = []

    def prefetch(self, terms: Iterable[str]) -> None:
        for term in terms:
            if term not in self._read:
                rows = self._conn.execute(
                    "SELECT story FROM grouping_postings WHERE term = ? ORDER BY seq DESC LIMIT ?", (term, self.keep)
                ).fetchall()
                self._read[term] = [int(r[0]) for r in reversed(rows)]

    def recent(self, term: str) -> list[int]:
        self.prefetch([term])
        return [*self._read[term], *self._added.get(term, ())][-self.keep :]

    def add(self, term: str, index: int) -> None:
        self._added.setdefault(term, []).append(index)
        self._new.append((term, index))

    def flush(self) -> None:
        self._conn.executemany("INSERT INTO grouping_postings (term, story) VALUES (?, ?)", self._new)
        self._new.clear()


class StoredFrequencies(Frequencies):
    """Document frequencies read per term when needed; counts changed here are written back."""

    def __init__(self, conn: sqlite3.Connection, documents: int) -> None:
        super().__init__()
        self._conn = conn
        self.documents = documents
        self._known: set[str] = set()
        self._dirty: set[str] = set()

    def __getitem__(self, term: str) -> int:
        if term not in self._known:
            self.prefetch([term])
        return self._counts[term]

    def prefetch(self, terms: Iterable[str]) -> None:
        missing = [t for t in dict.fromkeys(terms) if t not in self._known]
        for chunk in _chunks(missing):
            query = f"SELECT term, n FROM grouping_terms WHERE term IN ({_marks(chunk)})"
            for term, count in self._conn.execute(query, chunk):
                self._counts[str(term)] = int(count)
            self._known.update(chunk)

    def add_document(self, terms: Iterable[str]) -> None:
        listed = list(terms)
        self.prefetch(listed)
        super().add_document(listed)
        self._dirty.update(listed)

    def as_dict(self) -> dict[str, int]:
        raise TypeError("a stored frequency table is not read whole")

    def flush(self) -> None:
        rows = [(term, self._counts[term]) for term in sorted(self._dirty)]
        self._conn.executemany("INSERT OR REPLACE INTO grouping_terms (term, n) VALUES (?, ?)", rows)
        self._dirty.clear()


class StoredClosing(Closing):
    """The closing schedule as rows; `due` pops the entries the clock has passed."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self._conn = conn

    def push(self, last: date, index: int) -> None:
        self._conn.execute("INSERT INTO grouping_closing (day, story) VALUES (?, ?)", (last.isoformat(), index))

    def due(self, clock: date, window_days: int) -> list[tuple[date, int]]:
        cutoff = date.fromordinal(clock.toordinal() - window_days).isoformat()  # more than window_days before
        rows = self._conn.execute(
            "SELECT seq, day, story FROM grouping_closing WHERE day < ? ORDER BY day, story", (cutoff,)
        ).fetchall()
        self._conn.executemany("DELETE FROM grouping_closing WHERE seq = ?", [(r[0],) for r in rows])
        return [(date.fromisoformat(r[1]), int(r[2])) for r in rows]


def load_units(conn: sqlite3.Connection, window: int, dimensions: int, count: int) -> RecentUnits:
    """The recent-vector ring filled from the stored stories' unit vectors."""
    units = RecentUnits(window, dimensions)
    low = max(0, count - units.window)
    for index, blob in conn.execute("SELECT idx, unit FROM grouping_stories WHERE idx >= ?", (low,)):
        units.set(int(index), np.frombuffer(blob, dtype=np.float32), count)
    return units


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM grouping_meta")}


def write_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO grouping_meta (key, value) VALUES (?, ?)", values.items())


def write_members(conn: sqlite3.Connection, placed: Sequence[tuple[str, int]], joins: dict[str, Join]) -> None:
    """Which story each placed article joined, with the join's probability and reasons."""
    rows = []
    for article_id, index in placed:
        join = joins.get(article_id)
        reasons = json.dumps(list(join.reasons)) if join else None
        rows.append((article_id, index, join.probability if join else None, reasons))
    conn.executemany(
        "INSERT OR REPLACE INTO grouping_members (article_id, story, probability, reasons) VALUES (?, ?, ?, ?)", rows
    )


def move_members(conn: sqlite3.Connection, moved: Sequence[tuple[str, int]]) -> None:
    """Articles whose story was linked into another (`StoryGrouper.moved`): their new story."""
    conn.executemany("UPDATE grouping_members SET story = ? WHERE article_id = ?", [(i, a) for a, i in moved])


def read_joins(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, Join]:
    joins: dict[str, Join] = {}
    for chunk in _chunks(article_ids):
        query = (
            "SELECT article_id, probability, reasons FROM grouping_members "
            f"WHERE probability IS NOT NULL AND article_id IN ({_marks(chunk)})"
        )
        for article_id, probability, reasons in conn.execute(query, chunk):
            joins[str(article_id)] = Join(str(article_id), float(probability), tuple(json.loads(reasons)))
    return joins


def clear(conn: sqlite3.Connection) -> None:
    """Forget the grouper's and the duplicate finder's memory: the next update replays them."""
    for table in (
        "grouping_stories",
        "grouping_postings",
        "grouping_terms",
        "grouping_closing",
        "grouping_meta",
        "grouping_members",
        "duplicate_bands",
        "duplicate_members",
    ):
        conn.execute(f"DELETE FROM {table}")


def open_memory(conn: sqlite3.Connection, config: StoriesConfig, dimensions: int) -> Memory:
    """The grouper's memory over the store's tables, as the last update left it."""
    meta = read_meta(conn)
    stories = StoredStories(conn)
    return Memory(
        stories=stories,
        postings=StoredPostings(conn, config.postings_read),
        frequencies=StoredFrequencies(conn, int(meta.get("documents", "0"))),
        units=load_units(conn, config.vector_window, dimensions, len(stories)),
        closing=StoredClosing(conn),
        clock=_day(meta.get("clock")),
    )


def save_memory(conn: sqlite3.Connection, memory: Memory) -> None:
    """Write back what the pass changed in `memory` (from `open_memory`)."""
    for part in (memory.stories, memory.postings, memory.frequencies):
        assert isinstance(part, (StoredStories, StoredPostings, StoredFrequencies))
        part.flush()
    values = {"documents": str(memory.frequencies.documents)}
    if memory.clock is not None:
        values["clock"] = memory.clock.isoformat()
    write_meta(conn, values)


def stories_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, int]:
    """Article id -> index of the story it was placed in (placed articles only)."""
    found: dict[str, int] = {}
    for chunk in _chunks(list(article_ids)):
        query = f"SELECT article_id, story FROM grouping_members WHERE article_id IN ({_marks(chunk)})"
        found.update((str(a), int(s)) for a, s in conn.execute(query, chunk))
    return found


def stored_stories(conn: sqlite3.Connection, indexes: Sequence[int]) -> list[Story]:
    """The stories at `indexes`, as `Story` records with their joins."""
    stories = StoredStories(conn)
    found = []
    for index in indexes:
        state = stories[index]
        joins = read_joins(conn, state.article_ids)
        found.append(
            Story(
                state.id,
                tuple(state.article_ids),
                state.title,
                tuple(joins[a] for a in state.article_ids if a in joins),
            )
        )
    return found
