"""Build Article records for the claims/quotes/timeline/entities tests.

`make_article` splits our own small fixture texts (paragraphs on blank lines, sentences on end
punctuation) so these tests do not depend on the clean stage; `seed_articles` reads the reference
articles from ../shared/seeds through the real clean stage and skips when they are absent.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from repo_paths import ROOT, SEEDS

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.records import Article, Claim, RawArticle, Sentence

FIXTURES = ROOT / "tests" / "fixtures" / "brief"
_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z\"“])")


def make_article(
    article_id: str,
    text: str,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    sentences: list[Sentence] = []
    for p, paragraph in enumerate(x.strip() for x in text.strip().split("\n\n")):
        for piece in _SPLIT.split(paragraph):
            if piece.strip():
                sentences.append(Sentence(article_id, len(sentences), piece.strip(), p))
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        text=text,
        sentences=tuple(sentences),
        published=published,
        title=title,
        source=source,
    )


def fixture_article(name: str, published: str | None = None, source: str | None = None) -> Article:
    """A fixture file: first line is the title, the rest the body."""
    title, _, body = (FIXTURES / name).read_text(encoding="utf-8").partition("\n")
    return make_article(Path(name).stem, body, published=published, title=title.strip() or None, source=source)


def seed_articles(published: str | None = "2018-02-20") -> list[Article]:
    """The five seed articles, cleaned; undated ones get `published` (the story's date) unless None."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not here")
    from rashomon.clean import clean_article
    from rashomon.config import CleanConfig

    articles = []
    for path in paths:
        raw = RawArticle(id=path.stem, path=str(path), text=path.read_text(encoding="utf-8"))
        article = clean_article(raw, CleanConfig())
        if article.published is None and published is not None:
            article = dataclasses.replace(article, published=published)
        articles.append(article)
    return articles


def seed(articles: list[Article], prefix: str) -> Article:
    return next(a for a in articles if a.id.startswith(prefix))


def claims_of(code: str, *sentences: str, title: str | None = None) -> list[Claim]:
    """The claims of an article of these sentences (one per unit, as the splitter of a language
    without our fixture punctuation would give them), in language `code`."""
    article = make_article("x1", "placeholder", source="outlet.example")
    article.sentences = tuple(Sentence("x1", i, s) for i, s in enumerate(sentences))
    article.language = code
    article.title = title
    return extract_claims(annotate(article))


def claimants_of(code: str, *sentences: str, title: str | None = None) -> dict[float | None, str]:
    """Each figure's claimant (`claims_of`), by its low value."""
    return {c.low: c.claimant for c in claims_of(code, *sentences, title=title)}
