"""Readers never see half a brief: save_brief replaces everything in one transaction (WAL)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from rashomon.records import Article, ArticleInfo, Brief, Cited, StoryBrief, Summary
from rashomon.store import Store

MakeArticle = Callable[..., Article]


def _brief(articles: list[Article], label: str) -> Brief:
    stories = tuple(
        StoryBrief(
            f"{label}-{n}",
            f"{label} story {n}",
            (a.id,),
            Summary(Cited(f"{label} {n}.", (a.id,)), ()),
            (),
            (),
            (),
            (),
        )
        for n, a in sorted(enumerate(articles), key=lambda item: f"{label}-{item[0]}")  # as briefs list them
    )
    infos = tuple(
        ArticleInfo(a.id, a.url, a.source, a.title, a.published, a.date_source, a.language, 1.0, f"{label}-{n}")
        for n, a in enumerate(articles)
    )
    return Brief(infos, stories, (), created=label)


def test_readers_see_the_old_or_the_new_brief_never_a_mix(tmp_path: Path, make_article: MakeArticle) -> None:
    path = str(tmp_path / "s.db")
    writer = Store.open(path)
    articles = [make_article(n) for n in range(20)]
    writer.add_articles(articles)
    first, second = _brief(articles, "first"), _brief(articles[:7], "second")
    writer.save_brief(first)
    done = threading.Event()

    def keep_writing() -> None:
        own = Store.open(path)
        for n in range(30):
            own.save_brief(second if n % 2 == 0 else first)
        own.close()
        done.set()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    reader = Store.open(path, read_only=True)
    seen = set()
    while not done.is_set() or not seen:
        brief = reader.load_brief()
        assert brief in (first, second)
        seen.add(brief.created if brief else None)
    thread.join()
    assert reader.load_brief() == first


def test_pages_start_at_one(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    with pytest.raises(ValueError):
        store.stories(page=0)
