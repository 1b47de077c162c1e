"""Date expressions in a sentence, resolved against the article's publication date.

News writes dates relative to the day it is published: "on Thursday", "last week", "in December".
dateparser (1.5) resolves many of them given a RELATIVE_BASE, but not as news means them: a bare
weekday is always the most recent one, whatever the tense ("will meet on Thursday" gets last
Thursday); a month alone or a day without a year is this year's, even when that lies after
publication (PREFER_DATES_FROM="past" instead makes "Tuesday" on a Tuesday a week back); "last
week" is the single day seven days back; "earlier this month" is not read at all. These rules
follow newsroom usage instead:

- a weekday ("on Thursday", "Tuesday's statement") in a past-tense clause is the most recent such
  day on or before the publication date: an article published on a Tuesday that says "Tuesday"
  means that same day; in a future or present-tense clause ("will hold ... on Monday", "Lawmakers
  meet on Monday") it is the coming one, the publication day included; "next Thursday" is the
  coming one after the publication day (`tense.clause_tense` says which clause is which);
- a month name without a year ("in December") is its most recent occurrence at or before the
  publication month; "September 2015" is 2015-09;
- a day without a year ("Feb. 7", "7 March") takes the publication year, or the year before if that
  would put it after publication (unless its clause speaks of the future);
- "last week" is the Monday-Sunday week before the publication week; "earlier this month" is the
  publication month (YYYY-MM); "last year" is a year.

Without a publication date only expressions that carry their own year are resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rashomon.text.lexicon import MONTH_NUMBERS, MONTH_PATTERN, WEEKDAY_PATTERN, WEEKDAYS
from rashomon.text.numbers import word_value
from rashomon.text.tense import clause_tense

_MONTH = rf"(?P<month>{MONTH_PATTERN})\.?"
_WEEKDAY = rf"(?P<weekday>{WEEKDAY_PATTERN})"
_COUNTS = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten"

# (regex, kind); matched in this order, earlier matches win overlapping spans.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", "iso"),
    (rf"\b{_MONTH}\s*(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y>\d{{4}}))?", "month_day"),
    (rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s*,?\s*(?P<y>\d{{4}}))?", "day_month"),
    (rf"\b{_MONTH}\s*,?\s*(?P<y>\d{{4}})\b", "month_year"),
    (
        rf"\b(?P<n>{_COUNTS})\s+"
        r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
        "ago",
    ),
    (
        r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|this|next|past)\s+(?P<unit>week|month|year)\b",
        "relative_unit",
    ),
    (r"\b(?:earlier|late|early)\s+(?P<rel>this)\s+(?P<unit>month|year)\b", "relative_unit"),
    (
        rf"\b(?i:(?:(?:early|late|mid-?)\s*)?(?:in|since|until|by|during|last|this|of)\s+(?:(?:early|late|mid-?)\s*)?)"
        rf"{_MONTH}(?!\s*\d)\b",
        "month",
    ),
    (r"\b(?:in|since|until|by|during)\s+(?P<y>(?:19|20)\d{2})\b", "year"),
    (rf"\b(?:(?P<rel>(?i:last|this|next|on|late|early))\s+)?{_WEEKDAY}(?:'s)?\b", "weekday"),
    (
        r"\b(?P<word>yesterday|today|tonight|last night|this morning|this afternoon|this evening|"
        r"the day before yesterday)\b",
        "word",
    ),
)


@dataclass(slots=True, frozen=True)
class DateMention:
    """A date expression as written, its span, and the resolved ISO date (partial when vague).

    `first` and `last` bound the days it can mean (for "last week" a whole week), so that a vague
    mention can be matched with a precise one of the same event.
    """

    text: str
    start: int
    end: int
    iso: str
    first: dt.date
    last: dt.date
    precision: str  # day | week | month | year


def parse_iso_date(value: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime string, or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return MONTH_NUMBERS[name[:3].lower()]


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _day(year: int, month: int, day: int) -> DateMention | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention("", 0, 0, d.isoformat(), d, d, "day")


def _month_span(year: int, month: int) -> DateMention:
    return DateMention("", 0, 0, f"{year:04d}-{month:02d}", dt.date(year, month, 1), _month_end(year, month), "month")


def _year_span(year: int) -> DateMention:
    return DateMention("", 0, 0, f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _resolve(kind: str, m: re.Match[str], base: dt.date | None, future: bool) -> DateMention | None:
    """The date a matched expression means, or None when it cannot be resolved."""
    g = m.groupdict()
    if kind == "iso":
        return _day(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind in ("month_day", "day_month"):
        month, day = _month_number(g["month"]), int(g["d"])
        if g.get("y"):
            return _day(int(g["y"]), month, day)
        if base is None:
            return None
        found = _day(base.year, month, day)
        if found is not None and found.first > base and not future:
            found = _day(base.year - 1, month, day)
        return found
    if kind == "month_year":
        return _month_span(int(g["y"]), _month_number(g["month"]))
    if kind == "year":
        return _year_span(int(g["y"]))
    if base is None:
        return None
    if kind == "month":
        month = _month_number(g["month"])
        year = base.year if month <= base.month or future else base.year - 1
        return _month_span(year, month)
    if kind == "weekday":
        return _weekday(g["weekday"], (g.get("rel") or "").lower(), base, future)
    if kind == "word":
        return _word(g["word"].lower(), base)
    if kind == "relative_unit":
        return _relative_unit(g["rel"].lower(), g["unit"].lower(), base)
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else word_value(g["n"].lower()) or 1  # "a week ago": a, an -> 1
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            d = base - dt.timedelta(days=n)
            return DateMention("", 0, 0, d.isoformat(), d, d, "day")
        if unit == "week":
            d = base - dt.timedelta(days=7 * n)
            return DateMention("", 0, 0, d.isoformat(), d - dt.timedelta(days=3), d + dt.timedelta(days=3), "week")
        if unit == "month":
            total = base.year * 12 + base.month - 1 - n
            return _month_span(total // 12, total % 12 + 1)
        return _year_span(base.year - n)
    return None


def _weekday(name: str, rel: str, base: dt.date, future: bool) -> DateMention:
    target = WEEKDAYS.index(name.lower())
    if rel == "next" or (future and rel != "last"):
        delta = (target - base.weekday()) % 7
        d = base + dt.timedelta(days=delta or (7 if rel == "next" else 0))
    else:
        delta = (base.weekday() - target) % 7
        if rel == "last" and delta == 0:
            delta = 7
        d = base - dt.timedelta(days=delta)
    return DateMention("", 0, 0, d.isoformat(), d, d, "day")


def _word(word: str, base: dt.date) -> DateMention:
    d = base - dt.timedelta(days=1) if word in ("yesterday", "last night") else base
    if word == "the day before yesterday":
        d = base - dt.timedelta(days=2)
    return DateMention("", 0, 0, d.isoformat(), d, d, "day")


def _relative_unit(rel: str, unit: str, base: dt.date) -> DateMention:
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=7 * step)
        sunday = monday + dt.timedelta(days=6)
        if rel == "past":
            monday, sunday = base - dt.timedelta(days=7), base
        # a week stands for the month of its Thursday, as ISO 8601 assigns weeks to years
        thursday = monday + dt.timedelta(days=3)
        return DateMention("", 0, 0, f"{thursday:%Y-%m}", monday, sunday, "week")
    if unit == "month":
        total = base.year * 12 + base.month - 1 + step
        return _month_span(total // 12, total % 12 + 1)
    return _year_span(base.year + step)


def _resolved(kind: str, m: re.Match[str], base: dt.date | None, future: bool) -> DateMention | None:
    """`_resolve`, with an expression whose arithmetic leaves Python's calendar (years 1 to 9999:
    "January 0000", "next week" from 9999-12-31, "99999999 days ago") read as no date."""
    try:
        return _resolve(kind, m, base, future)
    except (OverflowError, ValueError):
        return None


def find_dates(text: str, base: dt.date | None) -> list[DateMention]:
    """Every date expression of `text` resolved against `base` (the publication date), in order."""
    found: list[DateMention] = []
    for pattern, kind in _PATTERNS:
        flags = re.I if kind not in ("month", "month_day", "day_month", "month_year", "weekday") else 0
        for m in re.finditer(pattern, text, flags):
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            if kind == "month" and g_month_is_verb(m, text):
                continue
            tense = clause_tense(text, m.start(), m.end())
            future = tense == "future" or (tense == "present" and kind == "weekday")
            resolved = _resolved(kind, m, base, future)
            if resolved is None:
                continue
            found.append(
                DateMention(
                    m.group(0).strip(),
                    m.start(),
                    m.end(),
                    resolved.iso,
                    resolved.first,
                    resolved.last,
                    resolved.precision,
                )
            )
    return sorted(found, key=lambda f: f.start)


def g_month_is_verb(m: re.Match[str], text: str) -> bool:
    """ "May" and "March" are also words: "in May" is a month, "this may" or "March on" are not."""
    month = m.group("month")
    return month in ("May", "March") and bool(re.match(r"\s+(?:on|to|be|have|not)\b", text[m.end() :]))
