"""The dates a text writes out outrank a URL's archive path, and a far publication date is flagged."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from rashomon.clean import CleanError, clean_article
from rashomon.clean.date_evidence import (
    WEEK_DAYS,
    content_date,
    date_flag,
    mentioned_dates,
    named_weekdays,
    weekday_anchor,
)
from rashomon.config import CleanConfig
from rashomon.records import Article, RawArticle

STORY = (
    "Five citizens were killed on February 7, 2018 in the strikes near Deir ez-Zor, the ministry said on "
    "February 20, 2018. Officials gave no further details about the clash or the units involved in it."
)


def cleaned(text: str, url: str | None = None, published: str | None = None) -> Article:
    raw = RawArticle(id="a", path="a.txt", text=text, url=url, published=published)
    return clean_article(raw, CleanConfig())


def test_the_text_outranks_a_far_url_date() -> None:
    article = cleaned(STORY, url="https://example.test/2024/11/08/strikes")
    assert (article.published, article.date_source) == ("2018-02-20", "text")
    assert article.date_flag is None


def test_a_near_url_date_stands() -> None:
    article = cleaned(STORY, url="https://example.test/2018/02/21/strikes")
    assert (article.published, article.date_source) == ("2018-02-21", "url")


def test_metadata_far_from_the_text_is_kept_but_flagged() -> None:
    article = cleaned(STORY, published="2024-11-08")
    assert (article.published, article.date_source) == ("2024-11-08", "metadata")
    assert "latest 2018-02-20" in (article.date_flag or "")


def test_mentioned_dates_in_several_forms() -> None:
    text = "On 7 February 2018, then Feb. 9, 2018, then 2018-02-11 and 13.02.2018 (but not 2018 or May 2019)."
    assert mentioned_dates(text) == [dt.date(2018, 2, d) for d in (7, 9, 11, 13)]


def test_a_text_announcing_a_later_day_keeps_the_url_date() -> None:
    mentions = [dt.date(2026, 6, 1)]
    assert content_date(mentions, "2025-01-10", 180) is None
    assert date_flag("2025-01-10", mentions, 180) is not None


def test_a_two_sentence_wire_brief_is_an_article() -> None:
    brief = ("Flood barrier approved\nThe harbour council approved the flood barrier on Tuesday. "
             "Work on the northern quay starts in May, officials said.")
    article = cleaned(brief)
    assert article.text.startswith("The harbour council")


def test_button_labels_alone_are_no_article() -> None:
    try:
        cleaned("Subscribe now\nSign in to read more")
    except CleanError as error:
        assert "no text" in error.reason
    else:
        raise AssertionError("a page of button labels was kept")


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_every_written_form_reads_back(day: dt.date) -> None:
    forms = [day.strftime("%B %-d, %Y"), day.strftime("%-d %B %Y"), day.isoformat(), day.strftime("%d.%m.%Y")]
    for form in forms:
        assert mentioned_dates(f"It happened on {form}, officials said.") == [day]


def test_an_html_page_dated_only_by_its_archive_path_takes_the_text_date() -> None:
    from rashomon.config import IngestConfig
    from rashomon.ingest.build import from_html

    html = f"<html><head><title>Strikes in Syria</title></head><body><article><p>{STORY}</p></article></body></html>"
    raw = from_html(html, article_id="s", path="s.html", config=IngestConfig(), fmt="html",
                    url="https://example.test/2024/11/08/strikes")
    assert isinstance(raw, RawArticle) and raw.published is None  # the URL's date is not metadata
    article = clean_article(raw, CleanConfig())
    assert (article.published, article.date_source) == ("2018-02-20", "text")


# February 8, 2018 was a Thursday.
THURSDAY_STORY = (
    "The ministry said on Thursday that five citizens were killed in the strikes near Deir ez-Zor. "
    "The talks that opened on February 8, 2018 in Geneva were suspended, officials said."
)


def test_on_thursday_against_a_stated_date_outranks_a_url_twelve_days_later() -> None:
    article = cleaned(THURSDAY_STORY, url="https://example.test/2018/02/20/strikes")
    assert (article.published, article.date_source) == ("2018-02-08", "text")
    assert article.date_flag is None


def test_a_url_within_the_week_of_the_named_day_stands() -> None:
    article = cleaned(THURSDAY_STORY, url="https://example.test/2018/02/12/strikes")
    assert (article.published, article.date_source) == ("2018-02-12", "url")


def test_a_weekday_that_is_not_the_stated_day_proves_nothing() -> None:
    text = THURSDAY_STORY.replace("on Thursday", "on Monday")
    article = cleaned(text, url="https://example.test/2018/02/20/strikes")
    assert (article.published, article.date_source) == ("2018-02-20", "url")


def test_metadata_off_the_week_of_the_named_day_is_kept_but_flagged() -> None:
    article = cleaned(THURSDAY_STORY, published="2018-03-01")
    assert (article.published, article.date_source) == ("2018-03-01", "metadata")
    assert "Thursday is 2018-02-08" in (article.date_flag or "")


@given(st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]), st.text())
def test_a_named_weekday_is_read_wherever_it_stands(name: str, filler: str) -> None:
    weekdays = named_weekdays(f"{filler[:200]} officials said on {name}'s meeting")
    assert ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].index(name) in weekdays


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(-200, 200))
def test_a_date_is_judged_by_the_week_of_the_day_the_text_names(day: dt.date, offset: int) -> None:
    """From any stated day named by its weekday: a URL a week to half a year later gives way to it,
    an earlier URL or one within the week stands, and any date more than a week off is flagged."""
    text = f"Officials said on {day:%A} that the talks of {day:%B %-d, %Y} had ended."
    mentions, weekdays = mentioned_dates(text), named_weekdays(text)
    assert weekday_anchor(mentions, weekdays) == day
    candidate = (day + dt.timedelta(days=offset)).isoformat()
    expected = day.isoformat() if offset > WEEK_DAYS else None  # beyond half a year the older rule agrees
    assert content_date(mentions, candidate, 180, weekdays) == expected
    assert (date_flag(candidate, mentions, 180, weekdays) is None) == (abs(offset) <= WEEK_DAYS)
