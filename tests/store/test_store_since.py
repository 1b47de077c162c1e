"""`since` is compared with `added_at` as text: the stamp's string order must be time order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.store import since_stamp
from rashomon.store.articles import format_utc

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2999, 12, 31), timezones=offsets)


@given(moments, moments)
def test_string_order_is_time_order(a: datetime, b: datetime) -> None:
    sa, sb = since_stamp(a.isoformat()), since_stamp(b.isoformat())
    assert (sa < sb) == (a < b) and (sa == sb) == (a == b)
    assert sa == format_utc(a) and datetime.fromisoformat(sa) == a.astimezone(UTC)


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("2026-03-01", "2026-03-01T00:00:00.000000Z"),
        ("2026-03-01 08:00", "2026-03-01T08:00:00.000000Z"),  # no offset: UTC
        ("2026-03-01T08:00:05.5+02:00", "2026-03-01T06:00:05.500000Z"),
        ("2026-02-31T10:00Z", "2026-02-31T10:00:00.000000Z"),  # no calendar day: compared as written
    ],
)
def test_since_forms(text: str, stamp: str) -> None:
    assert since_stamp(text) == stamp


@pytest.mark.parametrize("text", ["yesterday", "2026-3-1", "2026-03-01T8:00", "", "2026-03-01T08:00+2"])
def test_since_refuses_what_is_not_iso(text: str) -> None:
    with pytest.raises(ValueError, match="not an ISO date or time"):
        since_stamp(text)
