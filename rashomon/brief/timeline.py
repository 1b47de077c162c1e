"""The story's timeline: dated sentences of all its articles, the same event merged once.

Each sentence's date expressions are resolved against its article's publication date
(`text.dates`, read once per article by the annotate step). An article without a date borrows
the most common publication date of the story's other articles (they were grouped as one story
because they appeared together); when no article of the story is dated only expressions with
their own year are resolved.

Inside a sentence a vague expression that contains a precise one is dropped ("said earlier this
month that ... on Feb. 7" is an event of Feb. 7). Across articles, mentions of the same day with
similar words are one event with several citations; a week-level mention ("last week") joins a
day event inside that week when the words agree, which is how "last week", "on Thursday" and
"February 15" become one entry. Captions are skipped: their dates belong to other stories.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rashomon.annotate import AnnotatedArticle, AnnotatedSentence
from rashomon.config import TimelineConfig
from rashomon.records import Article, TimelineEvent
from rashomon.text.dates import DateMention, find_dates, parse_iso_date
from rashomon.text.statements import content_words

MAX_EVENT_CHARS = 280


@dataclass(slots=True)
class _Event:
    mention: DateMention
    text: str
    words: set[str]
    expressions: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)


def story_base_date(articles: Sequence[Article]) -> dt.date | None:
    """The publication date most of the story's dated articles share (fallback for undated ones)."""
    dates = [d for a in articles if (d := parse_iso_date(a.published)) is not None]
    return Counter(dates).most_common(1)[0][0] if dates else None


def _sentence_dates(
    reading: AnnotatedArticle, sentence: AnnotatedSentence, fallback: dt.date | None
) -> list[DateMention]:
    """The date mentions of a sentence that name events, vaguer ones covering a precise one dropped.

    The annotations resolved them against the article's own date; an undated article's are
    resolved again against the story's date, the one case where the annotations cannot serve."""
    if reading.published_on is None and fallback is not None:
        mentions: Sequence[DateMention] = find_dates(sentence.text, fallback)
    else:
        mentions = sentence.dates
    days = [m for m in mentions if m.precision == "day"]
    return [
        m for m in mentions if m.precision == "day" or not any(m.first <= d.first <= m.last for d in days)
    ]


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(slots=True)
class _Events:
    """The events so far, in order of creation, indexed by date: a mention is compared with the
    events of its own date (or, for a week or month, of the days inside it), not with all of
    them, which was quadratic in the dates of a long story."""

    events: list[_Event] = field(default_factory=list)
    by_iso: dict[str, list[_Event]] = field(default_factory=dict)
    days: dict[dt.date, list[tuple[int, _Event]]] = field(default_factory=dict)

    def add(self, event: _Event) -> None:
        self.by_iso.setdefault(event.mention.iso, []).append(event)
        if event.mention.precision == "day":
            self.days.setdefault(event.mention.first, []).append((len(self.events), event))
        self.events.append(event)

    def days_within(self, first: dt.date, last: dt.date) -> list[_Event]:
        """Day events dated from `first` to `last`, in order of creation."""
        span = (last - first).days + 1
        found = [entry for n in range(max(span, 0)) for entry in self.days.get(first + dt.timedelta(days=n), [])]
        return [event for _, event in sorted(found, key=lambda entry: entry[0])]


def _home(events: _Events, mention: DateMention, words: set[str], config: TimelineConfig) -> _Event | None:
    """The event a mention joins: one of the same day with similar words, or for a week or month
    mention the closest day event inside it when the words agree well enough."""
    for event in events.by_iso.get(mention.iso, []):
        if _overlap(event.words, words) >= config.same_day_overlap:
            return event
    if mention.precision in ("week", "month"):
        inside = events.days_within(mention.first, mention.last)
        scored = sorted(((_overlap(e.words, words), i) for i, e in enumerate(inside)), reverse=True)
        limit = config.week_join_overlap if mention.precision == "week" else config.month_join_overlap
        if scored and scored[0][0] >= limit:
            return inside[scored[0][1]]
    return None


def build_timeline(
    annotated: Sequence[AnnotatedArticle], config: TimelineConfig | None = None
) -> list[TimelineEvent]:
    """Dated events of the story, oldest first, each with the articles that tell it (`config`:
    when two mentions are one event; the defaults when None)."""
    config = config or TimelineConfig()
    fallback = story_base_date([reading.article for reading in annotated])
    found: list[tuple[DateMention, str, str]] = []
    for reading in sorted(annotated, key=lambda r: (r.article.published or "9999", r.article.id)):
        for sentence in reading.sentences:
            if sentence.caption:
                continue
            for mention in _sentence_dates(reading, sentence, fallback):
                found.append((mention, sentence.text, reading.article.id))
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    found.sort(key=lambda f: rank[f[0].precision])  # precise days first, so vaguer mentions can join them
    index = _Events()
    for mention, text, article_id in found:
        words = content_words(text)
        event = _home(index, mention, words, config)
        if event is None:
            event = _Event(mention, text, words)
            index.add(event)
        else:
            event.words |= words
        if mention.text not in event.expressions:
            event.expressions.append(mention.text)
        if article_id not in event.citations:
            event.citations.append(article_id)
    events = sorted(index.events, key=lambda e: (e.mention.first, -len(e.citations)))
    return [
        TimelineEvent(
            date=e.mention.iso,
            text=_shorten(e.text),
            expressions=tuple(e.expressions),
            citations=tuple(e.citations),
        )
        for e in events
    ]


def _shorten(text: str) -> str:
    if len(text) <= MAX_EVENT_CHARS:
        return text
    cut = text[:MAX_EVENT_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " ..."
