"""The demo corpus (examples/demo, our own fictional story) through ingest and clean: every noise
line its answer key (examples/ANSWERS.md §7) lists is gone, dates and ids are right."""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_paths import DEMO

from rashomon.clean import CleanError, clean_article, learn_boilerplate
from rashomon.config import CleanConfig, IngestConfig
from rashomon.ingest import read_inputs, reason_class
from rashomon.records import Article, RawArticle, Rejected

NOISE = [
    "We use cookies", "cookies", "Accept all", "OK, got it", "I agree / Options",
    "Home / Nation", "News | Kessmark", "Top Stories / World", "World / Markets",
    "Share Tweet Print", "READ MORE", "More news:", "Trending now", "Photo:", "Northlight Images",
    "Image for illustration purposes only", "taken June 3, 2019", "morning briefing in your inbox",
    "Donate now", "reader-funded", "Never miss a story", "Get the TechPulse newsletter",
    "for unlimited access", "Comments (14)", "Log in to join the discussion", "Advertisement",
    "All rights reserved", "12 Market Street", "Follow us on social media", "The voice of Upper Tavra",
    "Listen to the RVI English Service", "Stay tuned to GlobalBuzz Daily", "Follow the Eastbridge Post",
    "Adjust Comment Print", "By Ruth Anselm", "Harbour City Gazette | World", "Share this article",
    "date 2025-03-1",
]  # fmt: skip
DATES = {
    "mpa-wire-0314": ("2025-03-14", "metadata"),
    "vb-20250315-dammbruch": ("2025-03-15", "metadata"),
    "globalbuzz-20250316-valdoria-dam": ("2025-03-16", "metadata"),
    "harbour-city-gazette-2025-03-14": ("2025-03-14", "crawl-line"),
    "eastbridge-post-2025-03-15": ("2025-03-15", "crawl-line"),
    "valdoria-times-2025-03-14": ("2025-03-14", "metadata"),
    "tavra-courier-2025-03-14": ("2025-03-14", "metadata"),
    "techpulse-2025-03-13": ("2025-03-13", "metadata"),
}


@pytest.fixture(scope="module")
def demo() -> tuple[dict[str, Article], list[Rejected]]:
    if not DEMO.is_dir():
        pytest.skip("examples/demo not present")
    items = list(read_inputs([str(DEMO)], IngestConfig()))
    raws = [i for i in items if isinstance(i, RawArticle)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    boilerplate = learn_boilerplate(raws, CleanConfig())
    articles = {}
    for raw in raws:
        try:
            articles[raw.id] = clean_article(raw, CleanConfig(), boilerplate)
        except CleanError as err:
            rejected.append(Rejected(raw.path, err.reason))
    return articles, rejected


def test_every_input_is_an_article_or_the_one_broken_file(
    demo: tuple[dict[str, Article], list[Rejected]],
) -> None:
    articles, rejected = demo
    assert [(Path(r.path).name, reason_class(r.reason)) for r in rejected] == [
        ("broken.html.gz", "corrupt gzip")
    ]
    assert len(articles) == 13
    formats = sorted(a.format for a in articles.values())
    assert formats == ["html"] * 4 + ["jsonl"] * 3 + ["rss"] * 2 + ["txt"] * 2 + ["warc"] * 2


@pytest.mark.parametrize("noise", NOISE)
def test_noise_is_in_no_sentence(demo: tuple[dict[str, Article], list[Rejected]], noise: str) -> None:
    articles, _ = demo
    found = [a.id for a in articles.values() for s in a.sentences if noise in s.text]
    assert not found, f"{noise!r} in {found}"


def test_dates_titles_languages(demo: tuple[dict[str, Article], list[Rejected]]) -> None:
    articles, _ = demo
    for article_id, expected in DATES.items():
        assert (articles[article_id].published, articles[article_id].date_source) == expected, article_id
    assert articles["harbour-city-gazette-2025-03-14"].title == (
        "Death toll rises after dam failure floods Valdorian town of Kessmark"
    )
    assert articles["eastbridge-post-2025-03-15"].author == "Ruth Anselm"
    assert articles["vb-20250315-dammbruch"].language == "de"
    assert all(a.language == "en" for a in articles.values() if a.id != "vb-20250315-dammbruch")


def test_wire_dateline_is_recorded_and_stripped(demo: tuple[dict[str, Article], list[Rejected]]) -> None:
    articles, _ = demo
    wire = articles["mpa-wire-0314"]
    assert wire.dateline == "KESSMARK"
    assert wire.sentences[0].text.startswith("At least 12 people were killed")
