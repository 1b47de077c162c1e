"""Load the seed articles from ../shared/seeds as Article records for provenance tests.

Uses the clean stage when it is importable; otherwise a minimal stand-in (one sentence per
regex split, date from a crawl line or a `Mon. DD` dateline) so these tests do not wait on it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from repo_paths import SEEDS

from rashomon.records import Article, RawArticle, Sentence

_SPLIT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])|\n+")


def _fallback_article(raw: RawArticle) -> Article:
    text = raw.text or ""
    published = None
    crawl = re.match(r"\s*date (\d{4}-\d{2}-\d{2})", text)
    if crawl:
        published = crawl.group(1)
        text = text[crawl.end() :]
    elif re.search(r"^[A-Z]+, Feb\. 20 \(Xinhua\)", text, re.MULTILINE):
        published = "2018-02-20"
    parts = [p.strip() for p in _SPLIT.split(text) if p and p.strip()]
    sentences = tuple(Sentence(raw.id, i, p) for i, p in enumerate(parts))
    return Article(id=raw.id, path=raw.path, text=text, sentences=sentences, published=published)


def to_article(raw: RawArticle) -> Article:
    try:
        from rashomon.clean import clean_article
        from rashomon.config import CleanConfig
    except ImportError:
        return _fallback_article(raw)
    return clean_article(raw, CleanConfig())


def seed_articles() -> list[Article]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not here")
    raws = [RawArticle(id=p.stem.split("_")[0], path=str(p), text=p.read_text(encoding="utf-8")) for p in paths]
    return [to_article(raw) for raw in raws]


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "provenance"


def fixture_articles(name: str) -> list[Article]:
    """Articles of a JSON Lines fixture of ours (`id`, `published`, `source`, `text`)."""
    import json

    articles = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        raw = RawArticle(
            id=row["id"],
            path=f"{name}#{row['id']}",
            text=row["text"],
            published=row["published"],
            date_source="metadata" if row["published"] else None,
            source=row["source"],
        )
        articles.append(to_article(raw))
    return articles
