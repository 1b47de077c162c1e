"""Every page renders from the store and shows what the story page promises."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient


def test_story_list_is_newest_first(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    order = [page.text.index(f'href="/stories/{sid}"') for sid in ("s1", "s2", "s3")]
    assert order == sorted(order)
    assert "4 articles" in page.text and "undated" in page.text


def test_story_list_pages(client: TestClient) -> None:
    first = client.get("/?per_page=2")
    second = client.get("/?page=2&per_page=2")
    assert 'href="/stories/s1"' in first.text and 'href="/stories/s3"' not in first.text
    assert 'href="/stories/s3"' in second.text and "Page 2 of 2" in second.text
    assert client.get("/?page=0").status_code == 422


def test_story_page_has_every_panel(client: TestClient) -> None:
    html = client.get("/stories/s1").text
    for section in ("short", "brief", "claims", "quotes", "timeline", "provenance", "sources"):
        assert f'id="{section}"' in html
    # A citation mark links to the cited sentence and carries a panel with that sentence.
    assert 'href="/articles/a1#s0" data-cite="cl1-1"' in html
    panel = re.search(r'<span class="cite-panel" id="cl1-1" hidden>(.*?)</span>\s*<span class="cite-panel"', html, re.S)
    assert panel and "Heavy rain flooded the river town of Eastbrook on Monday." in panel.group(1)
    # Conflicting figures are flagged and each figure names its claimants and outlets.
    assert '<tr class="claim-group conflict">' in html and '<span class="badge">conflict</span>' in html
    assert 'aria-controls="fig-1-2">twenty</button>' in html
    assert '<a href="/articles/a3">Other Paper</a>' in html
    # Quotes keep their speaker, "unattributed" included.
    assert '<span class="speaker unattributed">unattributed</span>' in html
    # Timeline with its date expressions.
    assert "<time>2026-03-01</time>" in html and "(on Monday)" in html


def test_story_page_draws_who_copied_whom(client: TestClient) -> None:
    html = client.get("/stories/s1").text
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count('<g class="node original"') == 2  # a1 and a3 copied nobody
    assert svg.count('<g class="node copy"') == 2  # a2 copied a1, a4 mirrors a2
    assert svg.count('class="edge reuse"') == 1 and svg.count('class="edge mirror"') == 1
    assert 'data-article="a2"' in svg


def test_article_page_highlights_copied_sentences_with_their_source(client: TestClient) -> None:
    html = client.get("/articles/a2").text
    assert '<span id="s0" class="sentence copied">' in html
    assert 'href="/articles/a1#s0"' in html and "from Wire &lt;script&gt;" in html
    assert '<span id="s2" class="sentence">' in html
    original = client.get("/articles/a1").text
    assert 'class="sentence reused"' in original and 'href="/articles/a2#s0"' in original


def test_search_page_marks_hits(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Eastbrook"}).text
    assert "<mark>Eastbrook</mark>" in html
    assert "Nothing found" in client.get("/search", params={"q": "zeppelin"}).text
    assert client.get("/search").status_code == 200


def test_missing_things_are_404_pages(client: TestClient) -> None:
    for url in ("/stories/none", "/articles/none", "/no/such/page"):
        response = client.get(url)
        assert response.status_code == 404 and "<h1>Not found</h1>" in response.text


def test_static_files_are_only_the_package_ones(client: TestClient) -> None:
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/app.js").status_code == 200
    for probe in (
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/templates/base.html",
        "/static/..%2F..%2Fpyproject.toml",
        "/static//etc/passwd",
    ):
        assert client.get(probe).status_code == 404, probe


def test_ids_with_slashes_and_spaces_round_trip(tmp_path: Path) -> None:
    import dataclasses

    from hostile_corpus import make_articles

    from rashomon.store import Store
    from rashomon.web import create_app

    odd = "feed/item 1?x=#y"
    store = Store.open(str(tmp_path / "odd.db"))
    store.add_articles([dataclasses.replace(make_articles()[4], id=odd)])
    store.close()
    with TestClient(create_app(str(tmp_path / "odd.db"))) as client:
        link = "/articles/" + quote(odd, safe="")
        assert client.get(link).status_code == 200
        assert client.get("/api" + link).json()["article"]["id"] == odd
        assert f'href="{link}"' in client.get("/search", params={"q": "Westfield"}).text
