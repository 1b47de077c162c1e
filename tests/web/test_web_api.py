"""The JSON API: the twin of every page, plus adding articles when (and only when) allowed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from repo_paths import DEMO

from rashomon.web import create_app
from rashomon.web.app import MAX_BODY_BYTES


def test_stories_newest_first_and_paged(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert [s["id"] for s in body["items"]] == ["s1", "s2", "s3"]
    assert body["total"] == 3 and body["items"][0]["newest"] == "2026-03-03"
    page = client.get("/api/stories", params={"page": 2, "per_page": 2}).json()
    assert [s["id"] for s in page["items"]] == ["s3"]


def test_story_brief(client: TestClient) -> None:
    story = client.get("/api/stories/s1").json()
    assert story["articles"] == ["a1", "a2", "a3", "a4"]
    assert story["claims"][0]["conflict"] is True
    assert story["reuse"][0]["original"] == "a1" and story["reuse"][0]["copy"] == "a2"
    assert client.get("/api/stories/nope").json() == {"detail": "no story 'nope'"}


def test_article_with_reused_sentences(client: TestClient) -> None:
    view = client.get("/api/articles/a2").json()
    assert view["article"]["id"] == "a2" and view["info"]["story"] == "s1"
    assert [(c["index"], c["other"], c["other_index"]) for c in view["copied_from"]] == [
        (0, "a1", 0),
        (1, "a1", 1),
    ]
    assert client.get("/api/articles/a1").json()["copied_by"][0]["other"] == "a2"
    assert client.get("/api/articles/zzz").status_code == 404


def test_search(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "schools closed"}).json()["hits"]
    assert {h["article_id"] for h in hits} == {"a2", "a4"}
    assert client.get("/api/search", params={"q": 'NEAR("x'}).status_code == 200
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422


def test_malformed_requests_get_4xx_with_a_message(client: TestClient) -> None:
    for url in (
        "/api/stories?page=abc",
        "/api/stories?per_page=0",
        "/api/stories?page=99999999999999999999",
        "/api/stories?per_page=1000",
    ):
        response = client.get(url)
        assert response.status_code == 422, url
        assert response.json()["detail"], url


def test_openapi_is_published(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/articles",
    ):
        assert path in schema["paths"], path


def test_read_only_server_refuses_to_add(client: TestClient) -> None:
    response = client.post("/api/articles", content=b'{"text": "hello"}\n')
    assert response.status_code == 403 and "read-only" in response.json()["detail"]


def test_bodies_over_the_limit_are_413(client: TestClient) -> None:
    response = client.post("/api/articles", content=b"x" * (MAX_BODY_BYTES + 1))
    assert response.status_code == 413 and "larger than" in response.json()["detail"]

    def chunks():  # no Content-Length: the guard counts streamed bytes
        for _ in range(6):
            yield b"y" * (1024 * 1024)

    assert client.post("/api/articles", content=chunks()).status_code == 413


NDJSON = {"content-type": "application/x-ndjson"}


def test_posts_a_browser_could_forge_are_refused(tmp_path: Path) -> None:
    """text/plain and form bodies need no CORS preflight, so a hostile page could send them: 415."""
    with _writable(tmp_path / "w.db") as client:
        for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None):
            headers = {"content-type": content_type} if content_type else {}
            response = client.post("/api/articles", content=b'{"text": "x"}', headers=headers)
            assert response.status_code == 415, content_type
            assert "application/x-ndjson" in response.json()["detail"]
        assert client.get("/api/stories").json()["total"] == 0


def _writable(path: Path) -> TestClient:
    return TestClient(create_app(str(path), allow_add=True))


def test_malformed_json_lines_are_400_and_write_nothing(tmp_path: Path) -> None:
    with _writable(tmp_path / "w.db") as client:
        for body, message in (
            (b"", "empty body"),
            (b"{not json}\n", "line 1: not JSON"),
            (b'{"text": "a"}\n[1, 2]\n', "line 2: expected a JSON object"),
            (b"\xff\xfe", "not UTF-8"),
            (b"[" * 100_000, "line 1"),
            (b'{"text": "\\ud800"}', "unpaired surrogate"),
            (b'{"title": "no body"}', 'needs a non-empty "text" or "html"'),
            (b'{"text": 42}', 'needs a non-empty "text" or "html"'),
        ):
            response = client.post("/api/articles", content=body, headers=NDJSON)
            assert response.status_code == 400, body[:20]
            assert message in response.json()["detail"]
        assert client.get("/api/stories").json()["total"] == 0


def test_posted_articles_are_added_and_briefed(tmp_path: Path) -> None:
    lines = [
        {
            "id": f"p{n}",
            "source": f"Outlet {n}",
            "published": f"2026-04-0{n + 1}",
            "title": "Dam breaks in Northvale",
            "url": f"https://outlet{n}.example/dam",
            "text": "The old dam above Northvale broke on Sunday night after days of rain. "
            "Engineers said the reservoir had been rising for a week and that two villages were evacuated. "
            f"Outlet {n} reports that rescue teams worked through the night near the river.",
        }
        for n in range(3)
    ]
    body = "\n".join(json.dumps(line) for line in lines).encode()
    with _writable(tmp_path / "w.db") as client:
        response = client.post("/api/articles", content=body, headers=NDJSON)
        if response.status_code == 503:  # the pipeline is not installed in this checkout
            assert "pipeline" in response.json()["detail"]
            return
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["received"] == 3 and result["added"] == 3 and result["stories"] >= 1
        assert client.post("/api/articles", content=body, headers=NDJSON).json()["added"] == 0  # idempotent
        assert client.get("/api/stories").json()["total"] == result["stories"]
        assert client.get("/api/articles/p1").json()["article"]["source"] == "Outlet 1"


def test_inputs_are_briefed_before_serving(tmp_path: Path) -> None:
    demo = DEMO
    if not demo.is_dir():
        pytest.skip("examples/demo is not here")
    with TestClient(create_app(str(tmp_path / "d.db"), inputs=[str(demo)])) as client:
        stories = client.get("/api/stories").json()
        assert stories["total"] >= 2
        assert sum(s["articles"] for s in stories["items"]) == 13


def test_serve_binds_loopback_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from rashomon.web import cli

    seen: dict[str, object] = {}
    monkeypatch.setattr(cli.uvicorn, "run", lambda app, **kwargs: seen.update(kwargs, app=app))
    cli.serve(str(tmp_path / "s.db"), port=8123)
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.allow_add is False  # type: ignore[attr-defined]


def test_search_limit(client: TestClient) -> None:
    assert len(client.get("/api/search", params={"q": "Eastbrook", "limit": 1}).json()["hits"]) == 1
    assert client.get("/api/search", params={"q": "Eastbrook", "limit": 0}).status_code == 422


def test_adding_is_refused_where_concurrent_adds_could_not_be_checked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sqlite3

    from rashomon.store import Store
    from rashomon.web.app import AddingRefused, app_from_environment

    monkeypatch.setenv("RASHOMON_ALLOW_ADD", "1")
    monkeypatch.setenv("RASHOMON_STORE", ":memory:")
    with pytest.raises(AddingRefused, match="store file"):
        app_from_environment()
    monkeypatch.setenv("RASHOMON_STORE", str(tmp_path / "w.db"))
    assert app_from_environment().state.allow_add is True  # several workers may add: the check holds

    def read_only(store: Store) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "check_writable", read_only)
    with pytest.raises(AddingRefused, match="writable store"):
        app_from_environment()
    monkeypatch.setenv("RASHOMON_ALLOW_ADD", "0")
    assert app_from_environment().state.allow_add is False
