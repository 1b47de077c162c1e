"""One cleaned article as a JSON object: a line of `rashomon clean --out FILE.jsonl`.

What news-please and trafilatura users take from a page (text, title, author, date, language)
plus what Rashomon knows about where each came from and what cleaning removed, so that a reader
can check a decision: every dropped line with its reason.
"""

from __future__ import annotations

from typing import Any

from rashomon.records import Article, Rejected

EXPORT_FIELDS = (
    "id", "url", "path", "source", "title", "title_source", "author", "published", "date_source", "date_flag",
    "language", "dateline", "text", "paragraphs", "dropped", "cut",
)  # fmt: skip


def article_record(article: Article) -> dict[str, Any]:
    """The export of one article, its keys in EXPORT_FIELDS order."""
    record: dict[str, Any] = {
        "id": article.id,
        "url": article.url,
        "path": article.path,
        "source": article.source,
        "title": article.title,
        "title_source": article.title_source,
        "author": article.author,
        "published": article.published,
        "date_source": article.date_source,
        "date_flag": article.date_flag,
        "language": article.language,
        "dateline": article.dateline,
        "text": article.text,
        "paragraphs": [p for p in article.text.split("\n\n") if p],
        "dropped": [
            {"line": line, "reason": reason}
            for line, reason in zip(article.dropped, _reasons(article), strict=True)
        ],
        "cut": list(article.cut),
    }
    return record


def rejected_record(rejected: Rejected) -> dict[str, str]:
    return {"path": rejected.path, "reason": rejected.reason}


def _reasons(article: Article) -> tuple[str, ...]:
    """One reason per dropped line; an article cleaned before reasons were kept says "unknown"."""
    if len(article.drop_reasons) == len(article.dropped):
        return article.drop_reasons
    return ("unknown",) * len(article.dropped)
