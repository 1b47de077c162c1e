"""The derived tables: a brief saved and loaded is the same brief; the read queries behind the pages."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.records import (
    Article,
    ArticleInfo,
    Brief,
    Cited,
    ClaimGroup,
    DuplicateGroup,
    Entity,
    Figure,
    Quote,
    Rejected,
    ReusedSentence,
    ReuseLink,
    Revision,
    StoryBrief,
    Summary,
    TimelineEvent,
)
from rashomon.store import StaleBrief, Store

MakeArticle = Callable[..., Article]


def _info(a: Article, story: str | None, originality: float = 1.0, mirror_of: str | None = None) -> ArticleInfo:
    return ArticleInfo(
        a.id,
        a.url,
        a.source,
        a.title,
        a.published,
        a.date_source,
        a.language,
        originality,
        story,
        mirror_of,
        a.path,
    )


def _story(sid: str, members: list[Article], with_everything: bool = False) -> StoryBrief:
    ids = tuple(a.id for a in members)
    if not with_everything:
        return StoryBrief(sid, f"Story {sid}", ids, Summary(Cited(f"Short {sid}.", ids[:1]), ()), (), (), (), ())
    first, second = members[0], members[1]
    reused = ReusedSentence(0, 0, first.sentences[0].text, second.sentences[0].text, 0.91, "spun")
    return StoryBrief(
        id=sid,
        title=f"Story {sid} ünïcode “quoted”",
        articles=ids,
        summary=Summary(Cited("Short.", ids), (Cited("One.", ids[:1]), Cited("Two.", ids[1:]))),
        claims=(
            ClaimGroup(
                "boats",
                "on the quay",
                3.0,
                4.5,
                6.0,
                (
                    Figure("three", 3.0, 3.0, ("harbour master",), ids[:1], 1, ("about",), ("s1",), ("boats",)),
                    Figure("6", 6.0, None, ("outlet",), ids[1:], 2),
                ),
                True,
                "harbour master gives three, outlet gives 6 on the same day (2026-01-01)",
            ),
            ClaimGroup(
                "killed",
                "people",
                4.0,
                13.0,
                13.0,
                (Figure("13", 13.0, 13.0, ("ministry",), ids[1:], 1), Figure("4", 4.0, 4.0, ("ministry",), ids[:1], 1)),
                False,
                series=(Revision("2026-01-01", "4", "ministry", ids[0]), Revision(None, "13", "ministry", ids[1])),
            ),
        ),
        quotes=(Quote("We are fine", "unattributed", ids, ("Nous allons bien",)),),
        timeline=(TimelineEvent("2026-02", "Boats arrived.", ("last month",), ids[:1]),),
        reuse=(ReuseLink(first.id, second.id, (reused,), "published earlier"),),
        duplicates=(DuplicateGroup(first.id, (second.id,), 0.85),),
        entities=(Entity("Harbour Board", "organisation", ("the board",), ids),),
    )


def _brief(articles: list[Article]) -> Brief:
    # in the order every brief lists its stories (and the store reads them): largest first, then by id
    stories = (
        _story("new", articles[2:4]),
        _story("old", articles[0:2], with_everything=True),
        _story("undated", articles[4:5]),
    )
    story_of = {a: s.id for s in stories for a in s.articles}
    infos = tuple(_info(a, story_of.get(a.id), 0.5, None) for a in articles)
    return Brief(
        infos,
        stories,
        (Rejected("x.html", "no text"),),
        created="2026-02-10T00:00:00+00:00",
    )


def _articles(make_article: MakeArticle) -> list[Article]:
    dates = ["2026-01-01", "2026-01-02", "2026-02-01", "2026-02-05", None]
    return [make_article(n, published=d) for n, d in enumerate(dates)]


def test_a_saved_brief_loads_back_equal(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    assert store.load_brief() is None
    articles = _articles(make_article)
    store.add_articles(articles)
    brief = _brief(articles)
    store.save_brief(brief)
    assert store.load_brief() == brief
    assert store.story("old") == brief.stories[1]
    assert store.story("missing") is None


def test_a_stale_brief_raises_and_leaves_the_stored_brief_unchanged(
    tmp_path: Path, make_article: MakeArticle
) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    articles = _articles(make_article)
    store.add_articles(articles[:4])
    store.save_brief(_brief(articles[:4]))
    read_at = store.contents().revision
    store.add_articles(articles[4:])  # another writer adds an article after the brief's articles were read
    with pytest.raises(StaleBrief):
        store.save_brief(Brief((), (), ()), expected_revision=read_at)
    assert store.load_brief() == _brief(articles[:4])
    store.save_brief(_brief(articles), expected_revision=store.contents().revision)
    assert store.load_brief() == _brief(articles)


def test_a_brief_saved_with_an_extra_meta_row_still_loads(tmp_path: Path, make_article: MakeArticle) -> None:
    """Stores written before `Brief.extra` was removed hold an "extra" row in brief_meta."""
    store = Store.open(str(tmp_path / "s.db"))
    articles = _articles(make_article)
    store.add_articles(articles)
    store.save_brief(_brief(articles))
    store._conn().execute("INSERT INTO brief_meta (key, value) VALUES ('extra', '{}')")
    assert store.load_brief() == _brief(articles)


def test_saving_again_replaces_the_previous_brief(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    articles = _articles(make_article)
    store.add_articles(articles)
    store.save_brief(_brief(articles))
    smaller = Brief((), (_story("only", articles[:1]),), ())
    store.save_brief(smaller)
    assert store.load_brief() == smaller
    assert store.stories().total == 1
    assert store.article(articles[1].id) is not None  # articles are input, never replaced


def test_story_list_is_newest_first_and_paged(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    articles = _articles(make_article)
    store.add_articles(articles)
    store.save_brief(_brief(articles))
    first = store.stories(page=1, per_page=2)
    second = store.stories(page=2, per_page=2)
    assert [s.id for s in first.items] == ["new", "old"]
    assert [s.id for s in second.items] == ["undated"]
    assert first.total == 3 and first.items[0].newest == "2026-02-05"
    assert first.items[1].articles == 2 and first.items[1].outlets == ("outlet-0", "outlet-1")
    assert store.stories(page=9, per_page=2).items == ()


def test_article_view_shows_copied_sentences_both_ways(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    articles = _articles(make_article)
    store.add_articles(articles)
    store.save_brief(_brief(articles))
    original, copy = articles[0].id, articles[1].id
    copy_view = store.article(copy)
    original_view = store.article(original)
    assert copy_view is not None and original_view is not None
    assert [(c.index, c.other, c.other_index, c.kind) for c in copy_view.copied_from] == [(0, original, 0, "spun")]
    assert copy_view.copied_from[0].other_source == "outlet-0"
    assert [(c.index, c.other) for c in original_view.copied_by] == [(0, copy)]
    assert copy_view.info is not None and copy_view.info.story == "old"
    assert store.article("nope") is None


def test_search_finds_words_and_marks_them(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    store.add_articles(_articles(make_article))
    result = store.search("harbour report 3")
    assert result.hits[0].article_id == "art-00003"  # title and body; art-00001 counts 3 boats
    matched = [p.text.lower() for p in result.hits[0].snippet if p.match]
    assert "harbour" in matched
    assert store.search("HARBOUR").hits and not store.search("zeppelin").hits
    assert store.search("   ").hits == ()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_search_never_fails_on_any_text(text: str) -> None:
    """FTS5 syntax (quotes, NEAR, *, AND, column filters) in user input must not raise."""
    store = _SEARCH_STORE
    result = store.search(text)
    assert result.query == text


_SEARCH_STORE = Store.open(":memory:")


def test_search_survives_fts_syntax(make_article: MakeArticle) -> None:
    """FTS5 operators in a query are read as plain words: no error, and the words still match
    (every word is required, so "a AND" looks for the word "and")."""
    store = Store.open(":memory:")
    store.add_articles([make_article(7)])
    for text in ['"', 'a" OR "b', "NEAR(a b", "title:x", "*", "a AND", "-x", "^x", "\x00"]:
        result = store.search(text)
        assert result.query == text
        assert result.hits == ()
    for text in ['"harbour', "(harbour", "harbour*", "-harbour", "^harbour", 'harbour"']:
        assert [h.article_id for h in store.search(text).hits] == ["art-00007"], text


def test_replacing_fields_changes_identity(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    article = make_article(1)
    store.add_articles([article])
    assert store.add_articles([dataclasses.replace(article, text=article.text + " More.")]) == 1
