"""The markup scans that replaced quadratic regexes (issue 13, section 2) find exactly what the
regexes found, and read hostile pages correctly. No timings here (they are in
bench/bench_hostile.py): the old regexes stand in as the reference on small strings only."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.config import IngestConfig
from rashomon.ingest import metadata, read_inputs
from rashomon.ingest.html import strip_heavy
from rashomon.records import RawArticle

OLD_HEAVY = re.compile(
    r"<(script|style|noscript|svg|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+",
    re.IGNORECASE | re.DOTALL,
)
OLD_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
OLD_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
OLD_TAG = re.compile(r"<[^>]+>")
OLD_META = re.compile(r"<[mM][eE][tT][aA]\s[^>]*>")
OLD_ITEMPROP = re.compile(r"itemprop=[\"']datePublished[\"'][^>]*?(?:content|datetime)=[\"']([^\"']+)")

TOKENS = [
    "<script>", "<SCRIPT a='>'>", "</script>", "</Script >", "<style>", "</style>", "<svg", "</svg>",
    "<!--", "-->", "data:image/png;base64,AAA=", "<title>", "</TITLE>", "<h1 c>", "</h1>", "<meta ",
    '<meta name="a" content="b">', "itemprop='datePublished'", " content='2020'", ' datetime="', "x", " ",
    ">", "<", '"',
]  # fmt: skip
MARKUP = st.lists(st.sampled_from(TOKENS), max_size=14).map("".join)


def _group(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


@settings(max_examples=600)
@given(MARKUP)
def test_scans_find_what_the_regexes_found(html: str) -> None:
    assert strip_heavy(html) == OLD_HEAVY.sub("", html)
    assert metadata._element_text(html, metadata._TITLE_OPEN_RE, metadata._TITLE_CLOSE_RE) == _group(OLD_TITLE, html)
    assert metadata._element_text(html, metadata._H1_OPEN_RE, metadata._H1_CLOSE_RE) == _group(OLD_H1, html)
    assert metadata._strip_tags(html) == OLD_TAG.sub(" ", html)
    assert list(metadata._tags(html, metadata._META_RE)) == OLD_META.findall(html)
    assert metadata._itemprop_date(html) == _group(OLD_ITEMPROP, html)


ARTICLE = "".join(
    f"<p>The harbour council of Velmar approved plan number {n} on Tuesday after a long debate.</p>" for n in range(8)
)


def _read(tmp_path: Path, html: str) -> RawArticle:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    [item] = read_inputs([str(page)], IngestConfig())
    assert isinstance(item, RawArticle)
    return item


def test_a_page_of_unclosed_script_tags_keeps_its_article(tmp_path: Path) -> None:
    # Over 200,000 characters, so the page is stripped of scripts before extraction.
    item = _read(tmp_path, f"<html><head><title>Plan</title></head><body>{ARTICLE}" + "<script>var a=1;" * 15_000)
    assert item.title == "Plan" and item.text is not None and "plan number 7" in item.text


def test_a_page_of_unclosed_h1_tags_has_no_title_from_them(tmp_path: Path) -> None:
    item = _read(tmp_path, f"<html><head></head><body>{ARTICLE}" + "<h1>Harbour plan " * 15_000)
    assert item.text is not None and "plan number 0" in item.text
    assert item.title is None  # no `</h1>` anywhere: the regex found no title either


def test_an_attribute_word_of_half_a_megabyte_is_read(tmp_path: Path) -> None:
    word = "a" * 500_000
    # Metadata is read from the first 200,000 characters: the title comes before the word.
    head = f'<head><meta property="og:title" content="Plan {word[:10]}"><meta name="description" {word}></head>'
    item = _read(tmp_path, f"<html>{head}<body><article>{ARTICLE}</article></body></html>")
    assert item.title == "Plan aaaaaaaaaa" and item.text is not None and "plan number 3" in item.text
