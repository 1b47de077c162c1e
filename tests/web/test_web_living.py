"""The living story through the API and the pages: last update, new articles, filters, paging,
`?since=`, and how a figure was revised; over a store whose articles came in two batches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from living_store import BETWEEN, CLAIMANT, FILLERS, FIRST, SECOND, build_living_store

from rashomon.store import Store, story_filter
from rashomon.store import articles as article_table
from rashomon.store.schema import MIGRATIONS
from rashomon.web import create_app


@pytest.fixture(scope="module")
def living_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_living_store(tmp_path_factory.mktemp("living") / "living.db")


@pytest.fixture()
def living(living_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(living_store))) as test_client:
        yield test_client


def _ids(client: TestClient, **params: object) -> list[str]:
    return [s["id"] for s in client.get("/api/stories", params=params).json()["items"]]


def test_list_is_sorted_by_last_update_with_its_new_articles(living: TestClient) -> None:
    body = living.get("/api/stories", params={"per_page": 100}).json()
    first, *rest = body["items"]
    assert first["id"] == "flood" and first["updated"] == SECOND
    assert first["articles"] == 3 and first["new_articles"] == 2
    assert {s["updated"] for s in rest} == {FIRST} and all(s["new_articles"] == 1 for s in rest)
    assert body["total"] == FILLERS + 2
    # Within one update, the newest publication first: the election (Feb 20) before the January notes.
    assert rest[0]["id"] == "election"


def test_since_keeps_what_changed_after_it(living: TestClient) -> None:
    body = living.get("/api/stories", params={"since": BETWEEN}).json()
    assert [s["id"] for s in body["items"]] == ["flood"] and body["total"] == 1
    assert body["items"][0]["added_since"] == 2
    assert body["filter"]["since"] == "2026-03-02T00:00:00.000000Z"
    assert _ids(living, since=SECOND) == []  # strictly after: the last update itself is not news
    # An offset is honoured: 11:00 in UTC+02:00 is 09:00 UTC, before the second batch.
    assert _ids(living, since="2026-03-02T11:00:00+02:00") == ["flood"]
    assert _ids(living, since="2026-03-02T12:00:00+02:00") == []
    assert len(_ids(living, since="2026-02-01", per_page=100)) == FILLERS + 2


def test_filters_by_date_language_and_outlet(living: TestClient) -> None:
    assert _ids(living, language="fr") == ["election"]
    assert _ids(living, outlet="Le Monde") == ["election"]
    assert _ids(living, outlet="Radio") == ["flood"]
    assert _ids(living, **{"from": "2026-02-01", "to": "2026-02-28"}) == ["election"]
    assert _ids(living, **{"from": "2026-03-02", "to": "2026-03-02"}) == ["flood"]
    assert _ids(living, language="en", outlet="Le Monde") == []  # one article must match both
    assert _ids(living, outlet="Radio", since=BETWEEN) == ["flood"]
    assert _ids(living, outlet="Le Monde", since=BETWEEN) == []
    january = living.get("/api/stories", params={"from": "2026-01-01", "to": "2026-01-31", "per_page": 100}).json()
    assert january["total"] == FILLERS and {s["id"][:5] for s in january["items"]} == {"note-"}


def test_pages_cover_the_list_once_in_order(living: TestClient) -> None:
    whole = _ids(living, per_page=100)
    paged: list[str] = []
    for page in range(1, 8):
        body = living.get("/api/stories", params={"page": page, "per_page": 7}).json()
        assert body["total"] == len(whole)
        paged.extend(s["id"] for s in body["items"])
    assert paged == whole
    assert living.get("/api/stories", params={"page": 8, "per_page": 7}).json()["items"] == []
    filtered = [_ids(living, language="en", page=p, per_page=10) for p in range(1, 6)]
    assert [len(p) for p in filtered] == [10, 10, 10, 10, 1]
    past_the_end = living.get("/api/stories", params={"language": "en", "page": 9, "per_page": 10}).json()
    assert past_the_end["items"] == [] and past_the_end["total"] == FILLERS + 1


def test_story_api_has_the_series_and_when_each_article_came(living: TestClient) -> None:
    story = living.get("/api/stories/flood").json()
    series = story["claims"][0]["series"]
    assert [(r["value_text"], r["claimant"], r["date"]) for r in series] == [
        ("12", CLAIMANT, "2026-03-01"),
        ("27", CLAIMANT, "2026-03-02"),
    ]
    assert story["claims"][0]["conflict"] is False
    updates = story["updates"]
    assert updates["updated"] == SECOND and updates["new_articles"] == 2 and updates["since"] is None
    added = {a["article_id"]: (a["added_at"], a["latest"], a["since"]) for a in updates["articles"]}
    assert added == {"f1": (FIRST, False, False), "f2": (SECOND, True, False), "f3": (SECOND, True, False)}
    since = living.get("/api/stories/flood", params={"since": BETWEEN}).json()["updates"]
    assert since["added_since"] == 2 and [a["article_id"] for a in since["articles"] if a["since"]] == ["f2", "f3"]


def test_facets_list_the_filter_choices(living: TestClient) -> None:
    facets = living.get("/api/facets").json()
    assert facets == {
        "languages": ["en", "fr"],
        "outlets": ["Gazette", "Daily", "Le Monde", "Radio", "Wire"],
        "latest": SECOND,
    }


def test_bad_filters_are_422_with_a_message(living: TestClient) -> None:
    for params in ({"since": "yesterday"}, {"from": "1 March"}, {"to": "2026-3-1"}, {"language": "x" * 36}):
        response = living.get("/api/stories", params=params)
        assert response.status_code == 422, params
        assert response.json()["detail"], params
    assert living.get("/api/stories/flood", params={"since": "soon"}).status_code == 422
    page = living.get("/", params={"since": "yesterday"})
    assert page.status_code == 422 and "since" in page.text and "text/html" in page.headers["content-type"]
    # A pattern-valid time that is no calendar time is compared as written, not refused.
    assert living.get("/api/stories", params={"since": "2026-03-01T99:00Z"}).json()["total"] == 1


def test_list_page_shows_updates_filters_and_keeps_them_in_the_pager(living: TestClient) -> None:
    html = living.get("/", params={"language": "en", "per_page": 5}).text
    assert "Updated <time" in html and "2026-03-02 09:30:00 UTC" in html and "2 new" in html
    assert '<option value="fr">fr</option>' in html and '<option value="en" selected>en</option>' in html
    assert 'href="/?language=en&amp;page=2&amp;per_page=5"' in html
    assert 'href="/?since=2026-03-02T09%3A30%3A00.000000Z"' in html  # "what changed after now"
    since = living.get("/", params={"since": BETWEEN}).text
    assert "2 added since" in since and 'href="/stories/flood?since=2026-03-02T00%3A00%3A00.000000Z"' in since
    assert "No story matches these filters." in living.get("/", params={"outlet": "Nobody"}).text


def test_story_page_shows_revisions_and_highlights_what_came_since(living: TestClient) -> None:
    html = living.get("/stories/flood").text
    assert 'id="revisions"' in html and '<span class="step">12</span> → <span class="step">27</span>' in html
    assert "Eastbrook police</span>, in" in html
    assert "2 new articles in that update" in html and 'class="new-badge"' not in html
    since = living.get("/stories/flood", params={"since": BETWEEN}).text
    assert "2 articles added since 2026-03-02 00:00:00 UTC" in since
    assert since.count('<li class="revision new">') == 1 and since.count('class="source new latest"') == 2


def test_articles_stored_before_the_migration_have_no_update_time(tmp_path: Path) -> None:
    """An older store (schema without `added_at`) migrates with NULL times; its stories list last."""
    path = tmp_path / "old.db"
    build_living_store(path)
    with sqlite3.connect(path) as conn:
        # Undo the migration that added `added_at` and every later one (their triggers, tables,
        # indexes and columns, last first), and say the store is at the version before it.
        version = next(i for i, migration in enumerate(MIGRATIONS) if "added_at" in migration[0])
        for statement in reversed([s for migration in MIGRATIONS[version:] for s in migration]):
            words = statement.split()
            if words[0] == "CREATE" and words[1] in ("INDEX", "TABLE", "TRIGGER"):
                conn.execute(f"DROP {words[1]} {words[2]}")
            elif words[:2] == ["ALTER", "TABLE"] and words[3:5] == ["ADD", "COLUMN"]:
                conn.execute(f"ALTER TABLE {words[2]} DROP COLUMN {words[5]}")
        conn.execute(f"PRAGMA user_version = {version}")
    store = Store.open(str(path))
    assert store.schema_version == len(MIGRATIONS)
    listing = store.stories(1, 100)
    assert listing.total == len(listing.items) == FILLERS + 2  # the migration listed the stored stories
    assert all(row.updated is None and row.new_articles == 0 for row in listing.items)
    store.close()
    with TestClient(create_app(str(path))) as client:
        assert "Update time not recorded" in client.get("/").text


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_adding_through_the_pipeline_records_each_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real add path (`add_to_store`) stamps each batch; the story that took the second batch's
    article tops the list with one new article, and everything else keeps the first time."""
    from rashomon.adding import add_to_store

    text = "Heavy rain flooded the river town of Eastbrook on Monday. At least {} people died, police said."
    first = [
        {"id": "r1", "source": "Wire", "published": "2026-03-01", "title": "Eastbrook flood", "text": text.format(12)},
        {"id": "r2", "source": "Gazette", "published": "2026-03-01", "title": "Fair opens",
         "text": "The county fair opened in Westfield with a parade. Farmers showed prize cattle all day."},
    ]  # fmt: skip
    second = [
        {"id": "r3", "source": "Daily", "published": "2026-03-02", "title": "Toll rises", "text": text.format(27)}
    ]
    store = Store.open(str(tmp_path / "live.db"))
    monkeypatch.setattr(article_table, "utc_now", lambda: FIRST)
    add_to_store(store, [_jsonl(tmp_path / "one.jsonl", first)])
    monkeypatch.setattr(article_table, "utc_now", lambda: SECOND)
    add_to_store(store, [_jsonl(tmp_path / "two.jsonl", second)])
    listing = store.stories(1, 20)
    top, *rest = listing.items
    assert top.updated == SECOND and top.new_articles == 1
    assert [a.article_id for a in store.story_updates(top.id).articles if a.latest] == ["r3"]
    assert all(row.updated == FIRST for row in rest)
    assert [row.id for row in store.stories(1, 20, story_filter(since=BETWEEN)).items] == [top.id]
    store.close()
