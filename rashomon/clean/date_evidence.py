"""What the text itself says about when it was written: the full dates it mentions.

A URL's archive path (`/2024/11/08/`) dated an article that describes February 2018, and the
article left its story's time window. The dates a text writes out in full ("February 7, 2018",
"7 February 2018", "2018-02-07", "07.02.2018") are evidence in the content: when the URL date is
far from every one of them, the latest of them dates the article instead; whatever dated it,
a publication date far from every date the text mentions is flagged for the reader.
Only full dates count (a year alone or a month is background), read by regex over the first
characters of the text: a few microseconds per article.

A weekday the text names ("said on Thursday") is evidence too. News style names the weekday only
for days within a week of publication (AP: "within seven days before or after"), and a date
further off by its date. So when the latest date the text writes out falls on a weekday the text
names, and the URL's date is a week or more after it, the "Thursday" is that stated day and the
URL is wrong, however few days it is off; a date from any source that no named weekday fits is
flagged the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from rashomon.text.lexicon import MONTH_PREFIX_PATTERN, WEEKDAY_PATTERN, WEEKDAYS, month_number

_MONTH = MONTH_PREFIX_PATTERN + r"\.?"
_MONTH_DAY_YEAR_RE = re.compile(r"\b(" + _MONTH + r") ?(\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_DAY_MONTH_YEAR_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(" + _MONTH + r"),? (\d{4})\b")
_ISO_RE = re.compile(r"(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])")
_DOTTED_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_SAMPLE_CHARS = 8_000
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WINDOW = 30  # characters before a year that a full date can take ("September 30th, 2018": 20)
_WEEKDAY_RE = re.compile(r"\b(" + WEEKDAY_PATTERN + r")\b")
# A named weekday is at most this many days from the publication, before or after (see above).
WEEK_DAYS = 6


def mentioned_dates(text: str) -> list[dt.date]:
    """The full dates written in the first characters of `text`, in order of appearance.

    Every full date holds a year, so the patterns run only on a short window ending at each
    year the text names: a text without years costs one scan.
    """
    sample = text[:_SAMPLE_CHARS]
    found: dict[int, dt.date] = {}
    for year in _YEAR_RE.finditer(sample):
        start = max(0, year.start() - _WINDOW)
        window = sample[start : year.end() + 6]
        for match in _MONTH_DAY_YEAR_RE.finditer(window):
            _add(found, start + match.start(), match.group(3), month_number(match.group(1)), match.group(2))
        for match in _DAY_MONTH_YEAR_RE.finditer(window):
            _add(found, start + match.start(), match.group(3), month_number(match.group(2)), match.group(1))
        for match in _ISO_RE.finditer(window):
            _add(found, start + match.start(), match.group(1), int(match.group(2)), match.group(3))
        for match in _DOTTED_RE.finditer(window):
            _add(found, start + match.start(), match.group(3), int(match.group(2)), match.group(1))
    return [found[where] for where in sorted(found)]


def _add(found: dict[int, dt.date], where: int, year: str, month: int | None, day: str) -> None:
    if month is None or not 1900 <= int(year) <= 2100:
        return
    try:
        found[where] = dt.date(int(year), month, int(day))
    except ValueError:
        return


def distance_from_text(published: str | None, mentions: list[dt.date]) -> int | None:
    """Days from `published` to the nearest mentioned date; None without either."""
    if not published or not mentions:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return min(abs((day - mention).days) for mention in mentions)


def date_flag(
    published: str | None, mentions: list[dt.date], far_days: int, weekdays: frozenset[int] = frozenset()
) -> str | None:
    """A note when `published` is more than `far_days` from every date the text mentions, or more
    than a week from the stated day the text names by its weekday."""
    distance = distance_from_text(published, mentions)
    if distance is not None and distance > far_days:
        latest = max(mentions).isoformat()
        return f"published {published} is {distance} days from every date the text mentions (latest {latest})"
    anchor = weekday_anchor(mentions, weekdays)
    if anchor is not None and off_the_week(published, anchor):
        name = WEEKDAYS[anchor.weekday()].capitalize()
        return f"published {published}, but the text's {name} is {anchor.isoformat()}, more than a week away"
    return None


def named_weekdays(text: str) -> frozenset[int]:
    """The weekdays (0 = Monday) named in the first characters of `text`, as "Thursday", "Thursday's"."""
    found = _WEEKDAY_RE.findall(text[:_SAMPLE_CHARS])
    return frozenset(WEEKDAYS.index(name.lower()) for name in found)


def weekday_anchor(mentions: list[dt.date], weekdays: frozenset[int]) -> dt.date | None:
    """The latest mentioned date when it falls on a weekday the text names: the day "on Thursday" is."""
    if not mentions or not weekdays:
        return None
    latest = max(mentions)
    return latest if latest.weekday() in weekdays else None


def off_the_week(published: str | None, anchor: dt.date | None) -> bool:
    """Whether `published` is more than a week from the stated day the text names by its weekday."""
    if not published or anchor is None:
        return False
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    return abs((day - anchor).days) > WEEK_DAYS


def content_date(
    mentions: list[dt.date], url_iso: str, far_days: int, weekdays: frozenset[int] = frozenset()
) -> str | None:
    """The latest mentioned date, when the URL's date is far from every mentioned date (or a week
    or more after the day the text names by its weekday) and that latest date is not after the
    URL's (a text does not mention days after its own writing, except to announce them: then the
    URL keeps its word)."""
    latest = max(mentions) if mentions else None
    if latest is None or latest.isoformat() > url_iso:
        return None
    distance = distance_from_text(url_iso, mentions)
    far = distance is not None and distance > far_days
    return latest.isoformat() if far or off_the_week(url_iso, weekday_anchor(mentions, weekdays)) else None
