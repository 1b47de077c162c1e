"""Story fixtures as Article records, built directly so these tests do not depend on cleaning."""

from __future__ import annotations

import json
import re
from pathlib import Path

from repo_paths import SEEDS

from rashomon.records import Article, Sentence

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-ÞА-Я\"“])")


def make_article(
    article_id: str, text: str, title: str | None = None, published: str | None = None, language: str = "en"
) -> Article:
    sentences = tuple(Sentence(article_id, i, s) for i, s in enumerate(_SPLIT.split(text.strip())))
    return Article(
        id=article_id,
        path=article_id,
        text=text,
        sentences=sentences,
        title=title,
        published=published,
        language=language,
    )


def stream_articles() -> tuple[list[Article], dict[str, str]]:
    """The fixture stream and its gold story label per article id."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for line in (FIXTURES / "stream.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append(make_article(row["id"], row["text"], row["title"], row["published"], row["language"]))
        gold[row["id"]] = row["gold"]
    return articles, gold


def seed_articles() -> list[Article]:
    """The seeds from ../shared through the clean stage (ids are the file numbers)."""
    import pytest

    from rashomon.clean import clean_article
    from rashomon.config import CleanConfig
    from rashomon.records import RawArticle

    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not here")
    raws = [RawArticle(id=p.stem.split("_")[0], path=str(p), text=p.read_text(encoding="utf-8")) for p in paths]
    return [clean_article(raw, CleanConfig()) for raw in raws]
