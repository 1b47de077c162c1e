"""Publication dates, in order of trust: metadata, dateline, crawl line, URL; else none.

Metadata (HTML meta tags and JSON-LD, else htmldate; a feed entry's date; a JSON Lines
`published`) is what the publisher says. A wire dateline (`MOSCOW, Feb. 20 (Xinhua) --`) is
written by the reporter but lacks the year, which we take from a full date with the same month
and day elsewhere in the page (often a photo caption), else the URL's year, else the latest year
the page names. A date printed alone on a line near the top ("Friday 14 March 2025", not
"Updated ...") counts as a dateline too: the outlet prints it, in the text. A crawl line
(` date 2018-02-20` at the top of crawled text) is when the page was fetched: close, but after
publication. A date in the URL is often the section's date, not the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from rashomon.text.lexicon import MONTH_PREFIX_PATTERN, WEEKDAY_PREFIX_PATTERN, month_number

_MONTH = MONTH_PREFIX_PATTERN + r"\.?"
CRAWL_LINE_RE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})(?=\s|$)\s?")
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\-]{2,}(?:[ \-][A-Z][A-Z'.\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.']+(?: [A-Z][A-Za-z.']+){0,2}))?"
    r"(?:,? (?P<date>" + _MONTH + r" ?\d{1,2}(?:, \d{4})?))?"
    r"(?: ?\((?P<agency>[A-Za-z][\w .&\-]{1,30})\))?"
    r" ?(?P<dash>--|—|–|-) ?"
)
_FULL_DATE_RE = re.compile(r"\b(" + _MONTH + r") ?(\d{1,2}), (\d{4})\b")
_YEAR_RE = re.compile(r"\b(19[89]\d|20\d\d)\b")
_URL_DATE_RES = [
    re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$|[^\d])"),
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(r"/(\d{4})(\d{2})(\d{2})(?!\d)"),
]


@dataclass(slots=True, frozen=True)
class Dateline:
    place: str
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    length: int  # characters of the line the dateline takes (to strip it)


# German and other European wires: "KESSMARK. Nach dem Dammbruch ..." (place in capitals, a full stop).
_PLACE_PERIOD_RE = re.compile(r"^(?P<place>[A-ZÄÖÜ]{4,}(?:[ \-][A-ZÄÖÜ]{2,}){0,2})\. (?=[A-ZÄÖÜ])")


def parse_dateline(line: str) -> Dateline | None:
    """The dateline at the start of a line, if it has a date, an agency or an all-caps place and a dash."""
    match = DATELINE_RE.match(line)
    if match is None:
        short = _PLACE_PERIOD_RE.match(line)
        return Dateline(short.group("place"), None, None, None, None, short.end()) if short else None
    if not match.group("place").replace(".", "").isupper():
        return None
    date, agency = match.group("date"), match.group("agency")
    if len(match.group("place")) < 3 or (date is None and agency is None and match.group("dash") == "-"):
        return None  # "NATO - " or "US - " starts a sentence more often than a dateline
    month = day = year = None
    if date:
        parts = re.match(r"([A-Za-z]+)\.? ?(\d{1,2})(?:, (\d{4}))?", date)
        assert parts is not None
        month = month_number(parts.group(1))
        day = int(parts.group(2))
        year = int(parts.group(3)) if parts.group(3) else None
    return Dateline(match.group("place"), month, day, year, agency, match.end())


def dateline_date(dateline: Dateline, context: str, url: str | None) -> str | None:
    """ISO date of a dateline, completing a missing year from the page (see module docstring)."""
    if dateline.month is None or dateline.day is None:
        return None
    year = dateline.year or _year_of_same_day(context, dateline.month, dateline.day)
    if year is None and url:
        found = url_date(url)
        year = int(found[:4]) if found else None
    if year is None:
        years = [int(y) for y in _YEAR_RE.findall(context)]
        year = max(years) if years else None
    return _iso(year, dateline.month, dateline.day) if year else None


def _year_of_same_day(context: str, month: int, day: int) -> int | None:
    for match in _FULL_DATE_RE.finditer(context):
        name = match.group(1).lower().rstrip(".")
        if month_number(name) == month and int(match.group(2)) == day:
            return int(match.group(3))
    return None


_WEEKDAY = WEEKDAY_PREFIX_PATTERN + r"\.?,?"
_TIMESTAMP_RE = re.compile(
    r"^(?P<label>(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?:?\s*)?(?:" + _WEEKDAY + r"\s+)?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\.? (?P<m1>" + _MONTH + r"),? (?P<y1>\d{4})"
    r"|(?P<m2>" + _MONTH + r") (?P<d2>\d{1,2})(?:st|nd|rd|th)?,? (?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
    r"(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2})?)?"
    r"(?:\s*[|•·/-]\s*[\w .'&-]{1,40})?$",
    re.IGNORECASE,
)


def timestamp_date(line: str) -> tuple[str, bool] | None:
    """(ISO date, is it the publication date) of a line that is only a printed date or timestamp.

    "Friday 14 March 2025", "March 15, 2025, 11:15 GMT", "20 February, 2020 | World News",
    "Published: 2025-03-14 08:10". A line saying "Updated ..." is chrome but not the publication date.
    """
    match = _TIMESTAMP_RE.match(line.strip())
    if match is None:
        return None
    if match.group("y3"):
        iso = _iso(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
    else:
        day, month, year = (match.group("d1"), match.group("m1"), match.group("y1"))
        if day is None:
            day, month, year = (match.group("d2"), match.group("m2"), match.group("y2"))
        iso = _iso(int(year), month_number(month) or 0, int(day))
    if iso is None:
        return None
    label = (match.group("label") or "").lower()
    return iso, not any(word in label for word in ("updated", "modified"))


def crawl_line_date(first_line: str) -> tuple[str, int] | None:
    """(ISO date, length of the prefix) of a leading ` date YYYY-MM-DD` crawl line."""
    match = CRAWL_LINE_RE.match(first_line)
    if match is None or normalise_date(match.group(1)) is None:
        return None
    return match.group(1), match.end()


def url_date(url: str) -> str | None:
    """A plausible date in a URL path (`/2018/02/20/`, `2018-02-20`, `/20180220`)."""
    for pattern in _URL_DATE_RES:
        for match in pattern.finditer(url):
            iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if iso:
                return iso
    return None


def normalise_date(value: str | None) -> str | None:
    """`YYYY-MM-DD` of an ISO, RFC 2822 or common written date; None when it is no date."""
    if not value or not value.strip():
        return None
    text = value.strip()
    iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        return _iso(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    try:
        day = parsedate_to_datetime(text).date()
        return _iso(day.year, day.month, day.day)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    written = _FULL_DATE_RE.search(text)
    if written:
        month = month_number(written.group(1))
        return _iso(int(written.group(3)), month or 0, int(written.group(2)))
    return _dateparser(text)


def normalise_instant(value: str | None) -> str | None:
    """UTC `YYYY-MM-DDTHH:MM:SS+00:00` when `value` (ISO 8601 or RFC 2822) carries a time of day.

    Only the day goes into `published`; the time orders a wire and its same-day copies.
    A time without a zone is read as UTC.
    """
    if not value or not re.search(r"\d{1,2}:\d{2}", value):
        return None
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    if _iso(moment.year, moment.month, moment.day) is None:
        return None  # .NET's empty date "0001-01-01T00:00:00", or a year no article is from
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _dateparser(text: str) -> str | None:
    import dateparser  # slow to import; only metadata in unusual formats needs it

    try:
        parsed = dateparser.parse(text[:100], settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True})
    except (OverflowError, ValueError):
        return None
    return _iso(parsed.year, parsed.month, parsed.day) if parsed else None


def _iso(year: int, month: int, day: int) -> str | None:
    """The ISO date, or None for an impossible day or a year no news article is from: .NET's empty
    date `1/1/0001` and similar placeholders are no date, and date arithmetic near year 1 or 9999
    would leave Python's calendar."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
