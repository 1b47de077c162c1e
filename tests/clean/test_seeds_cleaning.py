"""On the five seed articles, every noise line of EXPECTED.md §1 goes and every story line stays.

The seeds live outside the repository (../shared); lines are named here by number only, so no
seed text is copied into the repository. Line numbers are 1-based lines of each seed file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_paths import SEEDS

from rashomon.clean import clean_article
from rashomon.clean.unicode import normalise_text
from rashomon.config import CleanConfig, IngestConfig
from rashomon.ingest import read_inputs
from rashomon.records import Article, RawArticle

# prefix -> (noise lines, title line or None, (line, dateline place) stripped of its dateline)
EXPECTED: dict[str, tuple[set[int], int | None, tuple[int, str] | None]] = {
    "000": ({1, 2, 3, 14}, None, None),
    "001": ({1}, None, (2, "MOSCOW")),
    "002": ({3, 5, 17, 29}, 1, None),
    "003": ({3}, 1, None),
    "004": ({1, 2, 3, 4, 5, 6, 10, *range(28, 49), 50}, 8, None),
}
DATES = {
    "000": ("2018-02-20", "crawl-line"),
    "001": ("2018-02-20", "dateline"),
    "002": (None, "none"),
    "003": (None, "none"),
    "004": (None, "none"),
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[list[str], Article]]:
    if not SEEDS.is_dir():
        pytest.skip("seeds not available (../shared/seeds)")
    raws = [r for r in read_inputs([str(SEEDS)], IngestConfig()) if isinstance(r, RawArticle)]
    assert len(raws) == 5
    result = {}
    for raw in raws:
        lines = Path(raw.path).read_text(encoding="utf-8").split("\n")
        result[raw.id[:3]] = ([normalise_text(line) for line in lines], clean_article(raw, CleanConfig()))
    return result


def _in_story(fragment: str, article: Article) -> bool:
    """The fragment is in the text and in the sentences, spaces aside (cleaning may put back a
    space lost between two sentences, as in "sources?Don't")."""
    squeezed = "".join(fragment.split())
    sentences = "".join("".join(s.text for s in article.sentences).split())
    return squeezed in "".join(article.text.split()) and squeezed in sentences


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_noise_lines_are_dropped(seeds: dict[str, tuple[list[str], Article]], prefix: str) -> None:
    lines, article = seeds[prefix]
    noise, _, _ = EXPECTED[prefix]
    for number in sorted(noise):
        line = lines[number - 1]
        if not line:
            continue
        if number == 1 and line.startswith("date "):
            line = line.split(" ", 2)[2]  # the crawl line is stripped; what follows is a caption
        assert line not in article.text, f"{prefix} line {number} kept"
        assert not any(line in s.text for s in article.sentences), f"{prefix} line {number} in a sentence"
        assert line in article.dropped, f"{prefix} line {number} not listed in Article.dropped"


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_story_lines_are_kept(seeds: dict[str, tuple[list[str], Article]], prefix: str) -> None:
    lines, article = seeds[prefix]
    noise, title, dateline = EXPECTED[prefix]
    for number, line in enumerate(lines, start=1):
        if not line or number in noise or number == title:
            continue
        if dateline and number == dateline[0]:
            assert line.startswith(dateline[1])
            line = line.split("--", 1)[1].strip()
        assert _in_story(line, article), f"{prefix} story line {number} lost"


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_title_is_not_a_sentence(seeds: dict[str, tuple[list[str], Article]], prefix: str) -> None:
    lines, article = seeds[prefix]
    _, title, _ = EXPECTED[prefix]
    if title is None:
        return
    assert article.title == lines[title - 1]
    assert all(s.text != article.title for s in article.sentences)


@pytest.mark.parametrize("prefix", sorted(DATES))
def test_seed_dates(seeds: dict[str, tuple[list[str], Article]], prefix: str) -> None:
    _, article = seeds[prefix]
    assert (article.published, article.date_source) == DATES[prefix]


def test_dateline_is_recorded_and_stripped(seeds: dict[str, tuple[list[str], Article]]) -> None:
    _, article = seeds["001"]
    assert article.dateline == "MOSCOW"
    assert not article.sentences[0].text.startswith("MOSCOW")


def test_seeds_are_english_with_sentences(seeds: dict[str, tuple[list[str], Article]]) -> None:
    for _, article in seeds.values():
        assert article.language == "en"
        assert len(article.sentences) >= 8
        assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
