"""Titles: which candidate wins, the site name and crawl prefix cut, junk rejected (our own HTML)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.ingest.html import extract_html
from rashomon.ingest.titles import TitleCandidate, choose_title, clean_title, is_junk_title, strip_site_name

BODY = (
    "<p>The harbour authority of Port Ellery said on Monday that three cargo cranes were damaged by "
    "the overnight storm, and that the quay walls would be inspected this week.</p>"
    "<p>Ferry services to the islands resumed in the afternoon after a six-hour pause, the operator said.</p>"
)


def page(head: str, h1: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{h1}{BODY}</article></body></html>"


def test_og_title_wins_and_says_so() -> None:
    html = page('<meta property="og:title" content="Storm damages cranes in Port Ellery">'
                "<title>Storm damages cranes | Ellery Herald</title>", "<h1>Storm damages cranes</h1>")
    extracted = extract_html(html, "https://ellery-herald.test/storm")
    assert extracted is not None
    assert (extracted.title, extracted.title_source) == ("Storm damages cranes in Port Ellery", "og:title")


def test_a_nav_bar_og_title_gives_way_to_the_h1() -> None:
    html = page('<meta property="og:title" content="FinancialGovernment SolutionsLegalReuters News AgencyRisk Ma">',
                "<h1>Storm damages cranes at the Port Ellery harbour</h1>")
    extracted = extract_html(html, "https://ellery-herald.test/storm")
    assert extracted is not None
    assert (extracted.title, extracted.title_source) == ("Storm damages cranes at the Port Ellery harbour", "h1")


def test_the_title_tag_loses_the_site_name() -> None:
    html = page("<title>Cranes damaged as storm hits harbour - Ellery Herald</title>")
    extracted = extract_html(html, "https://www.elleryherald.test/storm")
    assert extracted is not None
    assert (extracted.title, extracted.title_source) == ("Cranes damaged as storm hits harbour", "title")


def test_a_title_from_another_page_is_passed_over() -> None:
    candidates = [TitleCandidate("Parliament passes the budget after a long night", "og:title"),
                  TitleCandidate("Storm damages cranes", "h1")]
    assert choose_title(candidates, "Three cargo cranes were damaged by the storm.") == ("Storm damages cranes", "h1")


def test_junk_titles() -> None:
    assert clean_title("直通屏山|福建|时评|国内|国际") is None
    assert clean_title("Adar, 5, 5778") is None
    assert clean_title("12.03.2018 | 14:05") is None
    assert clean_title("FinancialGovernment SolutionsLegalReuters News AgencyRisk Ma…") is None
    assert clean_title("date 2018-02 Emergono nuovi dettagli sulla strage") == "Emergono nuovi dettagli sulla strage"
    assert clean_title("YouTube and McDonald's strike an iPhone deal") == "YouTube and McDonald's strike an iPhone deal"


def test_site_name_before_or_after() -> None:
    assert strip_site_name("Ellery Herald | Storm damages cranes", "Ellery Herald") == "Storm damages cranes"
    assert strip_site_name("Storm damages cranes - The Herald", None, "theherald.test") == "Storm damages cranes"
    assert strip_site_name("Storm - a night to remember", "Ellery Herald") == "Storm - a night to remember"


@given(st.text(max_size=120), st.one_of(st.none(), st.text(max_size=20)))
def test_clean_title_is_idempotent_and_never_empty(text: str, site: str | None) -> None:
    once = clean_title(text, site)
    if once is not None:
        assert once.strip() == once and once
        assert clean_title(once, site) == once or is_junk_title(strip_site_name(once, site))


@given(st.text(min_size=1, max_size=80), st.text(min_size=1, max_size=20))
def test_stripping_the_site_name_keeps_a_part_of_the_title(title: str, site: str) -> None:
    stripped = strip_site_name(title, site)
    assert stripped in title
    assert stripped.strip() or not title.strip() or stripped == title


def test_a_caption_with_an_address_is_no_title() -> None:
    assert clean_title("Wreckage at the airport on Sunday. 2024.12.29 /Reporter jhlee@example.test") is None
