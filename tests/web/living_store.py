"""A store that lived: articles added in two batches at known times, and a brief over them.

The flood story gains two articles in the second batch, and its death toll is revised (12, then
27, by the same police); the election story (French, Le Monde) and forty one-article stories
stay as the first batch left them. The clock of the store is replaced while adding, so the
times are exact and no test waits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.records import (
    Article,
    ArticleInfo,
    Brief,
    Cited,
    ClaimGroup,
    Figure,
    Revision,
    Sentence,
    StoryBrief,
    Summary,
)
from rashomon.store import Store
from rashomon.store import articles as article_table

FIRST = "2026-03-01T08:00:00.000000Z"
SECOND = "2026-03-02T09:30:00.000000Z"
BETWEEN = "2026-03-02T00:00:00Z"
FILLERS = 40
CLAIMANT = "Eastbrook police"


def _article(aid: str, source: str, published: str, text: str, language: str = "en") -> Article:
    return Article(
        id=aid,
        path=f"fixture/{aid}.txt",
        text=text,
        sentences=(Sentence(aid, 0, text, 0),),
        source=source,
        published=published,
        language=language,
        date_source="metadata",
        title=text[:40],
    )


def first_batch() -> list[Article]:
    fillers = [
        _article(f"n{i:02d}", "Gazette", f"2026-01-{i % 28 + 1:02d}", f"Local note number {i} about the fair.")
        for i in range(FILLERS)
    ]
    return [
        _article("f1", "Wire", "2026-03-01", "At least 12 people died in the Eastbrook flood, police said."),
        _article("e1", "Le Monde", "2026-02-20", "Les électeurs ont voté dimanche à Lyon.", language="fr"),
        *fillers,
    ]


def second_batch() -> list[Article]:
    return [
        _article("f2", "Daily", "2026-03-02", "The Eastbrook flood toll rose to 27, police said."),
        _article("f3", "Radio", "2026-03-02", "Police now count 27 dead after the Eastbrook flood."),
    ]


def _story(sid: str, articles: tuple[str, ...], title: str, claims: tuple[ClaimGroup, ...] = ()) -> StoryBrief:
    return StoryBrief(
        id=sid,
        title=title,
        articles=articles,
        summary=Summary(Cited(title, articles[:1]), ()),
        claims=claims,
        quotes=(),
        timeline=(),
        reuse=(),
    )


def toll() -> ClaimGroup:
    """The flood's death toll, revised by the same claimant: a series, not a conflict."""
    return ClaimGroup(
        quantity="killed",
        subject="people",
        low=12,
        best=27,
        high=27,
        figures=(
            Figure("12", 12, 12, (CLAIMANT,), ("f1",), 1),
            Figure("27", 27, 27, (CLAIMANT,), ("f2", "f3"), 2),
        ),
        conflict=False,
        series=(Revision("2026-03-01", "12", CLAIMANT, "f1"), Revision("2026-03-02", "27", CLAIMANT, "f2")),
    )


def make_brief(articles: list[Article]) -> Brief:
    stories = [
        _story("flood", ("f1", "f2", "f3"), "Eastbrook flood", (toll(),)),
        _story("election", ("e1",), "Lyon votes"),
        *(_story(f"note-{i:02d}", (f"n{i:02d}",), f"Fair note {i}") for i in range(FILLERS)),
    ]
    story_of = {aid: s.id for s in stories for aid in s.articles}
    infos = tuple(
        ArticleInfo(a.id, None, a.source, a.title, a.published, a.date_source, a.language, 1.0, story_of[a.id])
        for a in articles
    )
    return Brief(articles=infos, stories=tuple(stories), rejected=())


def build_living_store(path: Path) -> Path:
    """The store after both batches, the brief saved once at the end (as a re-brief would)."""
    store = Store.open(str(path))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(article_table, "utc_now", lambda: FIRST)
        store.add_articles(first_batch())
        patch.setattr(article_table, "utc_now", lambda: SECOND)
        store.add_articles(second_batch())
    store.save_brief(make_brief([*first_batch(), *second_batch()]))
    store.close()
    return path
