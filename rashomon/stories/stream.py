"""An article's place in the stream: the order articles are fed in, the id of the story each
starts, and what the grouper compares of an article (or of a whole story, when stories join)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date

import numpy as np

from rashomon.clean.language import language_identifier
from rashomon.records import Article
from rashomon.stories.days import mentioned_days
from rashomon.stories.evidence import ArticleEvidence
from rashomon.stories.features import main_year, rare_figures


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def story_id(first_article_id: str) -> str:
    """Stable story id derived from the article that started it."""
    return "story-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:10]


def stream_order(article: Article) -> tuple[bool, str, str]:
    """The order articles are fed in: dated first by date, undated after; ties by id."""
    return (article.published is None, article.published or "", article.id)


def article_evidence(article: Article, weights: Mapping[str, float], vector: np.ndarray) -> ArticleEvidence:
    """What the grouper compares of one article."""
    language = article_language(article)
    when = parse_date(article.published)
    return ArticleEvidence(
        vector=vector,
        names=frozenset(t for t in weights if t[0] in "es"),  # names (`e:`) and their keys (`s:`)
        figures=rare_figures(weights),
        first=when,
        last=when,
        languages=frozenset() if language == "und" else frozenset({language}),
        year=main_year(weights, article.published),
        days=mentioned_days(f"{article.title or ''}\n{article.text}"),
    )


def article_language(article: Article) -> str:
    """The clean stage's language, or a guess by py3langid when it said "und"."""
    if article.language != "und":
        return article.language
    language, _ = language_identifier().classify(article.text[:2000])
    return str(language)


def lead_line(article: Article) -> str:
    first = article.sentences[0].text if article.sentences else article.text
    return first[:120]
