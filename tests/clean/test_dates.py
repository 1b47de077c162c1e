"""Dates: metadata > dateline > crawl line > URL, and what each parser accepts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.clean import clean_article
from rashomon.clean.dates import crawl_line_date, normalise_date, parse_dateline, url_date
from rashomon.config import CleanConfig
from rashomon.records import RawArticle

BODY = (
    "The harbour council approved the plan on Tuesday after a long debate, its chairwoman said. "
    "Work on the new quays is due to start in the spring and should last about two years."
)


def clean(text: str, **fields: str) -> tuple[str | None, str]:
    article = clean_article(RawArticle(id="a", path="a.txt", text=text, **fields), CleanConfig())  # type: ignore[arg-type]
    return article.published, article.date_source


def test_dateline_with_agency_and_year_from_page() -> None:
    caption = "Quay in Port Ellis, on March 3, 2022. (Meridian/Ola Brandt)"
    text = f"{caption}\nPORT ELLIS, March 3 (Meridian) -- {BODY}"
    assert clean(text) == ("2022-03-03", "dateline")


def test_dateline_forms() -> None:
    found = parse_dateline("MOSCOW, Feb. 20 (Xinhua) -- Russia said")
    assert found is not None and (found.place, found.month, found.day, found.agency) == (
        "MOSCOW",
        2,
        20,
        "Xinhua",
    )
    found = parse_dateline("SAN TEODORO, Valdoria, Sept. 4, 2019 (Meridian) - The storm")
    assert found is not None and (found.place, found.month, found.day, found.year) == (
        "SAN TEODORO",
        9,
        4,
        2019,
    )
    found = parse_dateline("WASHINGTON — The senate voted")
    assert found is not None and found.month is None
    assert parse_dateline("NATO - the alliance said") is None
    assert parse_dateline("Moscow said on Monday") is None


def test_crawl_line_is_read_and_stripped() -> None:
    assert crawl_line_date(" date 2018-02-20 Caption text") == ("2018-02-20", 17)
    assert crawl_line_date("date 2018-13-45") is None
    published, source = clean(f" date 2019-05-06\n{BODY}")
    assert (published, source) == ("2019-05-06", "crawl-line")


def test_metadata_beats_dateline_beats_crawl_line_beats_url() -> None:
    text = f" date 2019-05-06\nPORT ELLIS, May 4, 2019 (Meridian) -- {BODY}"
    url = "https://example.org/2019/05/01/plan"
    assert clean(text, url=url, published="2019-05-03T10:00:00Z") == ("2019-05-03", "metadata")
    assert clean(text, url=url) == ("2019-05-04", "dateline")
    assert clean(f" date 2019-05-06\n{BODY}", url=url) == ("2019-05-06", "crawl-line")
    assert clean(BODY, url=url) == ("2019-05-01", "url")
    assert clean(BODY) == (None, "none")


def test_printed_timestamp_near_the_top_dates_the_article() -> None:
    assert clean(f"Harbour plan approved\nFriday 14 March 2025, 11:15\n{BODY}") == ("2025-03-14", "dateline")
    assert clean(f"Harbour plan approved\nUpdated 16 March 2025\n{BODY}") == (None, "none")
    article = clean_article(
        RawArticle(id="a", path="a", text=f"Harbour plan approved\nMarch 14, 2025\n{BODY}"), CleanConfig()
    )
    assert all("2025" not in s.text for s in article.sentences)


def test_url_dates() -> None:
    assert url_date("https://x.org/2018/02/20/story") == "2018-02-20"
    assert url_date("https://x.org/news/2018-02-20-story") == "2018-02-20"
    assert url_date("https://x.org/20180220/story.html") == "2018-02-20"
    assert url_date("https://x.org/2018/99/99/story") is None
    assert url_date("https://x.org/story-12345678") is None


def test_metadata_formats() -> None:
    assert normalise_date("2021-06-14T08:30:00+00:00") == "2021-06-14"
    assert normalise_date("Tue, 05 Apr 2022 09:15:00 GMT") == "2022-04-05"
    assert normalise_date("April 5, 2022") == "2022-04-05"
    assert normalise_date("not a date") is None
    assert normalise_date("") is None


@settings(deadline=None, max_examples=60)  # dateparser, the last resort, is slow to load
@given(st.text(max_size=80))
def test_date_parsers_never_raise(text: str) -> None:
    result = normalise_date(text)
    assert result is None or len(result) == 10
    url_date(text)
    parse_dateline(text)
    crawl_line_date(text)
