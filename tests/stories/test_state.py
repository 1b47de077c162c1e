"""The grouper's memory: the recent-vector window and which stories are open to an article."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from rashomon.stories.evidence import StoryEvidence
from rashomon.stories.state import RecentUnits, StoryState, StoryTable


def test_recent_window_is_the_last_vectors_in_story_order_after_wrapping() -> None:
    units = RecentUnits(window=4, dimensions=3)
    for index in range(11):
        units.set(index, np.full(3, float(index), dtype=np.float32), index + 1)
        low, window = units.recent(index + 1)
        assert low == max(0, index + 1 - 4)
        assert window[:, 0].tolist() == [float(i) for i in range(low, index + 1)]
        assert window.flags["C_CONTIGUOUS"]
    units.set(8, np.full(3, -1.0, dtype=np.float32), 11)  # a story in the window changes
    assert units.recent(11)[1][:, 0].tolist() == [7.0, -1.0, 9.0, 10.0]


def _table(spans: list[tuple[date | None, date | None]]) -> StoryTable:
    table = StoryTable()
    for n, (first, last) in enumerate(spans):
        evidence = StoryEvidence.empty(3)
        evidence.first, evidence.last = first, last
        table.append(StoryState(f"s{n}", [f"a{n}"], "", evidence))
    return table


def test_open_stories_are_those_the_window_reaches_whatever_the_calendar() -> None:
    day = date(2030, 5, 10)
    spans = [
        (day - timedelta(days=5), day),  # begun too early
        (day - timedelta(days=4), day - timedelta(days=4)),  # at the window's first day
        (day, day + timedelta(days=4)),  # ends at its last day
        (day, day + timedelta(days=5)),  # ends too late
        (None, None),  # undated: always open
        (date.min, date.min),
        (date.max, date.max),
    ]
    table = _table(spans)
    assert table.open_among(range(len(spans)), day, 4) == [1, 2, 4]
    assert table.open_among(range(len(spans)), None, 4) == list(range(len(spans)))
    assert table.open_among(range(len(spans)), date.min + timedelta(days=1), 4) == [4, 5]
    assert table.open_among(range(len(spans)), date.max, 4) == [4, 6]
    for when in (day, date.min, date.max):  # the same as counting the days apart
        expected = [
            i
            for i, (first, last) in enumerate(spans)
            if first is None or last is None or ((when - first).days <= 4 and (last - when).days <= 4)
        ]
        assert table.open_among(range(len(spans)), when, 4) == expected
