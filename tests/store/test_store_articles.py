"""Articles in the store: idempotent adds, faithful round trip, ordering, schema versions."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from rashomon.records import Article
from rashomon.store import SchemaTooNew, Store, StoreUnusable
from rashomon.store.schema import MIGRATIONS

MakeArticle = Callable[..., Article]


def test_adding_twice_adds_nothing_the_second_time(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    batch = [make_article(n) for n in range(10)]
    assert store.add_articles(batch) == 10
    assert store.add_articles(batch) == 0
    assert store.add_articles([*batch, make_article(10)]) == 1
    assert store.count_articles() == 11


def test_articles_come_back_equal_and_sorted(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    batch = [
        make_article(3, "2026-02-03"),
        make_article(1, "2026-02-01"),
        make_article(2, None),
        make_article(0, "2026-02-03"),
    ]
    store.add_articles(batch)
    stored = store.articles()
    assert [a.id for a in stored] == ["art-00002", "art-00001", "art-00000", "art-00003"]
    assert {a.id: a for a in stored} == {a.id: a for a in batch}


def test_same_content_under_another_id_is_the_same_article(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    original = make_article(1)
    store.add_articles([original])
    renamed = dataclasses.replace(original, id="other-id", path="elsewhere/x.txt")
    assert store.add_articles([renamed]) == 0
    assert store.count_articles() == 1
    view = store.article("other-id")
    assert view is not None and view.article.id == original.id


def test_different_content_under_a_taken_id_is_kept_apart(tmp_path: Path, make_article: MakeArticle) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    first = make_article(1)
    clash = dataclasses.replace(make_article(2), id=first.id)
    assert store.add_articles([first, clash]) == 2
    ids = sorted(a.id for a in store.articles())
    assert ids[0] == first.id and ids[1].startswith(first.id + "~")
    renamed = next(a for a in store.articles() if a.id != first.id)
    assert all(s.article_id == renamed.id for s in renamed.sentences)


def test_store_uses_wal_and_records_its_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = Store.open(str(path))
    assert store.schema_version == len(MIGRATIONS)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    assert Store.open(str(path)).schema_version == len(MIGRATIONS)  # reopening migrates nothing


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreUnusable) as refused:
        Store.open(str(path))
    assert isinstance(refused.value.__cause__, SchemaTooNew)


def test_a_failed_migration_leaves_the_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.store import schema

    path = tmp_path / "s.db"
    Store.open(str(path)).close()
    broken = (*schema.MIGRATIONS, ("CREATE TABLE extra (x INTEGER)", "THIS IS NOT SQL"))
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises(StoreUnusable) as refused:
        Store.open(str(path))
    assert isinstance(refused.value.__cause__, sqlite3.OperationalError)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None


def test_a_migration_applies_to_an_older_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.store import schema

    path = tmp_path / "s.db"
    Store.open(str(path)).close()
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, ("CREATE TABLE extra (x INTEGER)",)))
    assert Store.open(str(path)).schema_version == len(MIGRATIONS) + 1


def test_cleaning_notes_survive_a_round_trip(tmp_path: Path, make_article: MakeArticle) -> None:
    """Why lines were dropped, the title's source and the date notes come back from the store."""
    store = Store.open(str(tmp_path / "s.db"))
    noted = dataclasses.replace(
        make_article(1),
        dropped=("Subscribe now", "Home | World | Sport"),
        drop_reasons=("appeal", "menu"),
        title_source="og:title",
        date_flag="published 2024-11-08 is 2466 days from every date the text mentions (latest 2018-02-07)",
        published_time="2026-02-01T09:30:00Z",
    )
    plain = make_article(2)
    store.add_articles([noted, plain])
    stored = {a.id: a for a in store.articles()}
    assert stored == {noted.id: noted, plain.id: plain}
    view = store.article(noted.id)
    assert view is not None and view.article == noted


def test_an_older_store_reads_its_articles_with_default_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row written before the cleaning notes existed reads with a fresh Article's defaults."""
    from rashomon.store import schema

    path = tmp_path / "s.db"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:-1])
        Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO articles (content_hash, id, path, date_source, language, dropped, format, text)"
            " VALUES ('h', 'old', 'old.txt', 'none', 'en', '[\"Subscribe now\"]', 'text', 'Old text.')"
        )
    (article,) = Store.open(str(path)).articles()
    fresh = Article(id="old", path="old.txt", text="Old text.", sentences=())
    assert (article.drop_reasons, article.title_source, article.date_flag, article.published_time) == (
        fresh.drop_reasons,
        fresh.title_source,
        fresh.date_flag,
        fresh.published_time,
    )
    assert article.dropped == ("Subscribe now",)
