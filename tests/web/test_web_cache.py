"""The response cache serves repeated reads, and never a page older than the store."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fastapi.testclient import TestClient
from hostile_corpus import build_store, make_articles, make_brief

from rashomon.store import Store
from rashomon.web import create_app


def test_pages_follow_the_store_after_a_new_brief(tmp_path: Path) -> None:
    path = build_store(tmp_path / "s.db")
    with TestClient(create_app(str(path))) as client:
        before = client.get("/stories/s2").text
        assert client.get("/stories/s2").text == before  # served again, unchanged
        api_before = client.get("/api/stories").json()
        store = Store.open(str(path))
        brief = make_brief(make_articles())
        renamed = dataclasses.replace(brief.stories[1], title="Westfield bridge reopens")
        store.save_brief(dataclasses.replace(brief, stories=(brief.stories[0], renamed, brief.stories[2])))
        assert "Westfield bridge reopens" in client.get("/stories/s2").text
        assert client.get("/api/stories").json() != api_before


def test_every_write_moves_the_revision(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    start = store.revision()
    articles = make_articles()
    store.add_articles(articles[:2])
    after_add = store.revision()
    assert after_add == start + 2
    store.add_articles(articles[:2])  # nothing new, nothing written
    assert store.revision() == after_add
    store.save_brief(make_brief(articles))
    assert store.revision() == after_add + 1


def test_error_pages_are_not_cached(tmp_path: Path) -> None:
    with TestClient(create_app(str(build_store(tmp_path / "s.db")))) as client:
        for n in range(5):
            assert client.get(f"/stories/missing-{n}").status_code == 404
        cache = client.app.state.cache  # type: ignore[attr-defined]
        assert all("missing" not in key for key in cache._entries)
