"""Timeline: relative dates resolved against publication, captions skipped, events merged."""

from __future__ import annotations

import datetime as dt

from facts_helpers import fixture_article, make_article, seed_articles
from hypothesis import given
from hypothesis import strategies as st

from rashomon.annotate import annotate
from rashomon.brief.timeline import build_timeline
from rashomon.text.dates import find_dates

FRIDAY = dt.date(2024, 5, 10)


def resolve(text: str, base: dt.date | None = FRIDAY) -> list[str]:
    return [m.iso for m in find_dates(text, base)]


def test_newsroom_rules() -> None:
    assert resolve("the storm hit on Wednesday") == ["2024-05-08"]
    assert resolve("officials said Friday") == ["2024-05-10"]  # the publication day itself
    assert resolve("in Friday's statement") == ["2024-05-10"]
    assert resolve("Parliament will debate it on Monday") == ["2024-05-13"]  # future tense: the next one
    assert resolve("yesterday") == ["2024-05-09"]
    assert resolve("earlier this month") == ["2024-05"]
    assert resolve("in December") == ["2023-12"]
    assert resolve("in September 2015") == ["2015-09"]
    assert resolve("on Feb. 7") == ["2024-02-07"]
    assert resolve("on 7 March") == ["2024-03-07"]
    assert resolve("on December 24") == ["2023-12-24"]  # would be in the future: the year before
    assert resolve("two days ago") == ["2024-05-08"]


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve("on Monday, in December, on Feb. 7 and on March 3, 2019", None) == ["2019-03-03"]


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_weekday_is_the_latest_such_day_not_after_publication(base: dt.date, name: str) -> None:
    (mention,) = find_dates(f"It happened on {name}.", base)
    day = dt.date.fromisoformat(mention.iso)
    assert day.strftime("%A") == name
    assert base - dt.timedelta(days=6) <= day <= base


@given(
    st.dates(min_value=dt.date(1990, 3, 1), max_value=dt.date(2040, 12, 31)),
    st.integers(1, 12),
    st.integers(1, 28),
)
def test_day_without_year_is_within_a_year_before_publication(base: dt.date, month: int, day: int) -> None:
    name = dt.date(2000, month, day).strftime("%B")
    (mention,) = find_dates(f"It happened on {name} {day}.", base)
    resolved = dt.date.fromisoformat(mention.iso)
    assert (resolved.month, resolved.day) == (month, day)
    assert base - dt.timedelta(days=366) < resolved <= base


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_last_week_is_the_week_before(base: dt.date) -> None:
    (mention,) = find_dates("Engineers warned last week.", base)
    assert mention.first.weekday() == 0 and (mention.last - mention.first).days == 6
    assert mention.last < base and (base - mention.last).days <= 7


def test_fixture_timeline_merges_and_skips_captions() -> None:
    wire = fixture_article("storm_wire.txt", published="2024-05-10")
    courier = fixture_article("storm_courier.txt", published="2024-05-11")
    events = build_timeline([annotate(wire), annotate(courier)])
    dates = {e.date for e in events}
    assert "2019-06-03" not in dates  # a caption's date
    assert {"2024-05-08", "2024-05-13", "2019-03", "2024-05"} <= dates
    storm = [e for e in events if e.date == "2024-05-08"]
    assert len(storm) == 1 and set(storm[0].citations) == {"storm_wire", "storm_courier"}


def test_undated_article_borrows_the_story_date() -> None:
    dated = make_article("a", "The bridge collapsed on Tuesday, police said.", published="2024-05-10")
    undated = make_article("b", "The bridge collapsed on Tuesday after heavy rain, police said.")
    (event,) = build_timeline([annotate(dated), annotate(undated)])
    assert event.date == "2024-05-07" and set(event.citations) == {"a", "b"}
    assert build_timeline([annotate(undated)]) == []


# --- the reference articles (EXPECTED.md section 4) ---------------------------------------------


def test_seed_timeline() -> None:
    events = build_timeline([annotate(a) for a in seed_articles()])
    dates = {e.date for e in events}
    assert {
        "2015-09",
        "2017-12",
        "2018-02-07",
        "2018-02-08",
        "2018-02-15",
        "2018-02-19",
        "2018-02-20",
    } <= dates
    assert "2016-10-12" not in dates
    zakharova = next(e for e in events if e.date == "2018-02-15")
    assert {"February 15", "On Thursday", "last week"} <= set(zakharova.expressions)
    clash = next(e for e in events if e.date == "2018-02-07")
    assert len(clash.citations) >= 3


def test_seed_timeline_without_story_dates_degrades() -> None:
    articles = [a for a in seed_articles(published=None) if a.published is None]
    assert articles
    events = build_timeline([annotate(a) for a in articles])
    # nothing to resolve "on Monday" or "Feb. 7" against: only expressions with their own year remain
    assert all(any(ch.isdigit() for ch in x) and len(x) >= 4 for e in events for x in e.expressions)
    assert "2016-10-12" not in {e.date for e in events}


# --- tense of the clause decides the direction of a weekday ----------------------------------------


def test_quoted_future_does_not_make_the_reporting_verb_future() -> None:
    text = 'The mayor told reporters on Thursday evening: "We will rebuild every bridge."'
    assert resolve(text) == ["2024-05-09"]


def test_present_tense_with_a_weekday_is_scheduled() -> None:
    assert resolve("Councillors meet in special session on Monday, and the mayor has resigned.") == [
        "2024-05-13"
    ]
    assert resolve("The board is due to vote on Friday.") == ["2024-05-10"]  # the publication day itself


def test_each_clause_has_its_own_tense() -> None:
    text = "New pumps will arrive from June 3, the company told the Gazette on Wednesday."
    assert resolve(text) == ["2024-06-03", "2024-05-08"]


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    st.sampled_from(["The council will vote on {}.", "Lawmakers meet on {}.", "The trial is due to open on {}."]),
)
def test_future_weekday_is_the_next_such_day_from_publication(base: dt.date, name: str, template: str) -> None:
    (mention,) = find_dates(template.format(name), base)
    day = dt.date.fromisoformat(mention.iso)
    assert day.strftime("%A") == name
    assert base <= day <= base + dt.timedelta(days=6)


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_reported_speech_about_the_future_is_dated_in_the_past(base: dt.date, name: str) -> None:
    (mention,) = find_dates(f'She told a news conference on {name}: "We will search every house."', base)
    day = dt.date.fromisoformat(mention.iso)
    assert base - dt.timedelta(days=6) <= day <= base
