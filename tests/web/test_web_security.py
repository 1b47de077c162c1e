"""Hostile article strings never become markup, links or scripts on any page.

Every field of the fixture store carries `<script>`, `onerror=`, `javascript:` and friends; we
parse each page and check the only script is our own file, no element has an event-handler
attribute, and no link or source uses a script URL.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from hostile_corpus import HOSTILE, JS_URL, ONERROR, SCRIPT

from rashomon.web import create_app

PAGES = (
    "/",
    "/stories/s1",
    "/stories/s2",
    "/stories/s3",
    "/articles/a1",
    "/articles/a2",
    "/articles/a3",
    "/articles/a4",
    "/articles/a5",
    "/articles/a6",
    "/search?q=graffiti",
    "/search?q=eastbrook",
    f"/search?q={SCRIPT}",
    "/stories/<script>alert(1)</script>",
    "/stories/s1?since=2020-01-01",
    f"/?outlet={SCRIPT}&language={ONERROR}",
    "/?since=2020-01-01",
    f"/articles/{ONERROR}",
)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize("url", PAGES)
def test_no_hostile_markup_survives(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 404)
    html = response.text
    for raw in (SCRIPT, ONERROR, "<svg onload", "<img"):
        assert raw not in html, raw
    for tag, attrs in _elements(html):
        if tag == "script":
            assert attrs == {"src": "/static/app.js", "defer": None}
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = attrs.get(name)
            if value:
                assert urlsplit(value.strip()).scheme in ("", "http", "https"), (tag, name, value)


def test_hostile_strings_are_shown_as_text(client: TestClient) -> None:
    html = client.get("/stories/s1").text
    assert "Eastbrook flood &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    article = client.get("/articles/a1").text
    assert JS_URL in article and f'href="{JS_URL}"' not in article  # shown, never linked
    assert "{{ 7*7 }}" in client.get("/articles/a3").text


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/stories/s1", "/api/stories", "/nope", "/api/stories?page=x"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"], url
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_json_is_served_as_json(client: TestClient) -> None:
    response = client.get("/api/stories/s1")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["title"].endswith(SCRIPT)


def test_every_hostile_string_is_in_the_fixture(client: TestClient) -> None:
    """Guard against the corpus silently losing its teeth."""
    text = (
        client.get("/api/stories/s1").text + client.get("/api/articles/a1").text + client.get("/api/articles/a3").text
    )
    for raw in HOSTILE:
        assert raw.replace('"', '\\"') in text, raw


def test_a_read_only_server_cannot_write_even_by_mistake(client: TestClient) -> None:
    """Without --allow-add the store is opened with SQLite's mode=ro: writes fail in SQLite itself."""
    import dataclasses
    import sqlite3

    from hostile_corpus import make_articles

    store = client.app.state.store  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.add_articles([dataclasses.replace(make_articles()[0], text="A brand new text.")])


def test_a_loopback_server_answers_only_loopback_names(hostile_store: Path) -> None:
    app = create_app(str(hostile_store), allowed_hosts=("127.0.0.1", "localhost"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/").status_code == 200
        assert local.get("/", headers={"host": "rebound.example"}).status_code == 400


def test_revisions_and_filters_show_hostile_strings_as_text(client: TestClient) -> None:
    story = client.get("/stories/s1", params={"since": "2020-01-01"}).text
    assert "some &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in story
    assert "Daily Copy &lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in story
    assert f'href="{JS_URL}"' not in story
    listing = client.get("/", params={"outlet": SCRIPT}).text
    assert 'value="&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"' in listing  # echoed into the form, escaped
    assert '<option value="Wire &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;">' in client.get("/").text
