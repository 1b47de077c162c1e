"""The timeline compares a date with the events of its own days only: counted, never timed."""

from __future__ import annotations

import datetime as dt

import pytest

from rashomon.annotate import annotate
from rashomon.brief import timeline
from rashomon.config import TimelineConfig
from rashomon.records import Article, Sentence
from rashomon.text.dates import find_dates


def _article(days: int) -> Article:
    months = ("January", "March", "May", "July", "September", "November")
    sentences = [
        Sentence("a", n, f"The Velmar harbour board met on {months[n // 28 % 6]} {n % 28 + 1}, {2000 + n // 168}.", 0)
        for n in range(days)
    ]
    sentences.append(Sentence("a", days, "The board met again in March 2000 to discuss the harbour.", 1))
    text = " ".join(s.text for s in sentences)
    return Article(id="a", path="a.txt", text=text, sentences=tuple(sentences), published="2030-01-01")


def test_each_date_meets_the_events_of_its_days(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = timeline._overlap

    def counted(a: set[str], b: set[str]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(timeline, "_overlap", counted)
    events = timeline.build_timeline([annotate(_article(600))])
    assert len(events) == 600  # 600 days; the month mention joins its best day
    assert calls < 100  # 180,000 when every date was compared with every event
    (joined,) = [e for e in events if "March 2000" in e.expressions]
    assert joined.date.startswith("2000-03-")


class _Watched:
    """A date mention that counts how often its date is read."""

    reads = 0

    def __init__(self, day: dt.date) -> None:
        self._day = day
        self.precision = "day"

    @property
    def iso(self) -> str:
        _Watched.reads += 1
        return self._day.isoformat()

    @property
    def first(self) -> dt.date:
        _Watched.reads += 1
        return self._day


def test_events_of_other_days_are_never_looked_at() -> None:
    index = timeline._Events()
    for n in range(5_000):
        index.add(timeline._Event(_Watched(dt.date(2000, 1, 1) + dt.timedelta(days=n)), "x", {"harbour"}))  # type: ignore[arg-type]
    _Watched.reads = 0
    (mention,) = find_dates("The board met on 3 March 2001.", dt.date(2030, 1, 1))
    timeline._home(index, mention, {"board"}, TimelineConfig())
    assert _Watched.reads == 0  # reading each event's date per mention was quadratic
