"""Headless Chromium drives the real pages: citations open sentences, figures open their sources.

The demo corpus is briefed into a store and served by uvicorn on a loopback port; the hostile
corpus proves in a real browser that nothing in it executes. Screenshots go to tests/artifacts/
(and, with RASHOMON_UPDATE_SCREENSHOT=1, the demo story one to docs/screenshot.png for the
README). Skipped when Chromium or the Playwright package is missing.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from hostile_corpus import build_store
from living_store import BETWEEN, FILLERS, build_living_store
from repo_paths import DEMO, ROOT

from rashomon.store import Store
from rashomon.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed at /usr/bin/chromium", allow_module_level=True)


class LiveServer:
    """uvicorn in a thread on a socket bound before start, so the first request needs no waiting."""

    def __init__(self, store_path: Path) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        config = uvicorn.Config(create_app(str(store_path)), log_level="warning", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.socket.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    if not DEMO.is_dir():
        pytest.skip("examples/demo is not here")
    from rashomon.adding import add_to_store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store.open(str(path))
    add_to_store(store, DEMO)
    store.close()
    server = LiveServer(path)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(build_store(tmp_path_factory.mktemp("hostile") / "hostile.db"))
    yield server
    server.stop()


def _watch(page: Any) -> list[str]:
    """Collect every dialog (alert/confirm/prompt) and every CSP complaint the page raises."""
    events: list[str] = []

    def on_dialog(dialog: Any) -> None:
        events.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "console",
        lambda m: events.append(f"console: {m.text}") if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: events.append(f"pageerror: {error}"))
    return events


def _biggest_story(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/")
    page.locator("ol.stories a").first.click()
    page.wait_for_selector("#short")


def test_demo_story_citation_and_claim(browser: Any, demo_server: LiveServer) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1500})
    events = _watch(page)
    _biggest_story(page, demo_server)

    # A citation mark opens the cited sentence in place.
    cite = page.locator("#short a.cite").first
    panel = page.locator(f"#{cite.get_attribute('data-cite')}")
    assert panel.is_hidden()
    cite.click()
    assert panel.is_visible() and cite.get_attribute("aria-expanded") == "true"
    sentence = panel.locator(".cite-sentence").inner_text()
    assert "Kessmark" in sentence

    # A figure in the claims ledger opens who gives it and where.
    figure = page.locator("#claims tr.conflict button.figure").first
    if figure.count() == 0:
        figure = page.locator("#claims button.figure").first
    detail = page.locator(f"#{figure.get_attribute('aria-controls')}")
    figure.click()
    assert detail.is_visible() and "Said by" in detail.inner_text()
    page.screenshot(path=str(ARTIFACTS / "story.png"))
    if os.environ.get("RASHOMON_UPDATE_SCREENSHOT"):  # the README's picture, refreshed on purpose only
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
    page.locator("#claims").screenshot(path=str(ARTIFACTS / "claims.png"))
    page.locator("#provenance").screenshot(path=str(ARTIFACTS / "provenance.png"))

    # Following the citation lands on the sentence inside its article, highlighted.
    panel.locator("a.cite-open").click()
    page.wait_for_selector(".sentence.target")
    assert "/articles/" in page.url
    assert page.locator(".sentence.target").inner_text() == sentence
    page.screenshot(path=str(ARTIFACTS / "article.png"))
    assert events == []


def test_demo_graph_links_to_articles(browser: Any, demo_server: LiveServer) -> None:
    page = browser.new_page()
    _biggest_story(page, demo_server)
    nodes = page.locator("svg.graph a.node-link")
    assert nodes.count() >= 2
    assert page.locator("svg.graph g.node.original").count() >= 1
    nodes.first.click()
    page.wait_for_selector("article.article")
    assert "/articles/" in page.url


def test_demo_story_fits_a_phone(browser: Any, demo_server: LiveServer) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    _biggest_story(page, demo_server)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px screen"
    page.screenshot(path=str(ARTIFACTS / "story-phone.png"))


def test_hostile_corpus_executes_nothing(browser: Any, hostile_server: LiveServer) -> None:
    page = browser.new_page()
    events = _watch(page)
    for path in ("/", "/stories/s1", "/articles/a1", "/articles/a2", "/articles/a3", "/search?q=graffiti"):
        page.goto(hostile_server.url + path)
        for control in page.locator("a.cite, button.figure").all():
            control.click()
        assert page.locator('a[href^="javascript:"], [onerror], [onload], [onclick]').count() == 0, path
    page.goto(hostile_server.url + "/stories/s1")
    page.screenshot(path=str(ARTIFACTS / "hostile-story.png"), full_page=True)
    assert events == []


@pytest.fixture(scope="module")
def living_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(build_living_store(tmp_path_factory.mktemp("living") / "living.db"))
    yield server
    server.stop()


def _story_ids(page: Any) -> list[str]:
    return [str(row.get_attribute("data-story")) for row in page.locator("li.story-row").all()]


def test_living_list_filters_and_pages(browser: Any, living_server: LiveServer) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    events = _watch(page)
    page.goto(living_server.url + "/")
    first = page.locator("li.story-row").first
    assert first.get_attribute("data-story") == "flood" and "2 new" in first.locator(".updated").inner_text()
    page.screenshot(path=str(ARTIFACTS / "living-list.png"))

    # Paging through the list meets every story once, in order.
    seen = _story_ids(page)
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").click()
        page.wait_for_load_state()
        seen.extend(_story_ids(page))
    assert len(seen) == len(set(seen)) == FILLERS + 2

    # The filters narrow the list, and the pager keeps them.
    page.goto(living_server.url + "/")
    page.select_option("select[name=language]", "en")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_selector("li.story-row")
    assert "language=en" in page.url and "election" not in _story_ids(page)
    page.locator("a[rel=next]").click()
    page.wait_for_load_state()
    assert "language=en" in page.url and "page=2" in page.url
    page.goto(living_server.url + "/")
    page.fill("input[name=outlet]", "Le Monde")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert _story_ids(page) == ["election"]
    page.goto(living_server.url + "/")
    page.fill("input[name=from]", "2026-03-02")
    page.fill("input[name=to]", "2026-03-02")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert _story_ids(page) == ["flood"]
    page.locator("a.clear").click()
    page.wait_for_load_state()
    assert len(_story_ids(page)) == 20
    assert events == []


def test_living_since_highlights_what_changed(browser: Any, living_server: LiveServer) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    events = _watch(page)
    # "What changed after now", followed at once, shows nothing: nothing changed.
    page.goto(living_server.url + "/")
    page.locator("a.since-now").click()
    page.wait_for_load_state()
    assert _story_ids(page) == [] and page.locator("p.empty").is_visible()

    page.goto(living_server.url + "/")
    page.fill("input[name=since]", BETWEEN)
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert _story_ids(page) == ["flood"]
    row = page.locator("li.story-row.changed")
    assert "2 added since" in row.inner_text()
    row.locator("h2 a").click()
    page.wait_for_selector("#revisions")
    assert "since=" in page.url and "2 articles added since" in page.locator("#changes").inner_text()
    assert page.locator("#sources li.new").count() == 2 and page.locator("#sources li.new .new-badge").count() == 2
    assert page.locator("#revisions .step").all_inner_texts() == ["12", "27"]
    new_step = page.locator("#revisions li.revision.new")
    assert new_step.count() == 1 and "27" in new_step.inner_text() and "Eastbrook police" in new_step.inner_text()
    page.screenshot(path=str(ARTIFACTS / "living-story.png"), full_page=True)
    if os.environ.get("RASHOMON_UPDATE_SCREENSHOT"):  # the README's picture of a living story
        page.screenshot(
            path=str(ROOT / "docs" / "living-story.png"), clip={"x": 0, "y": 0, "width": 1280, "height": 1080}
        )
    page.locator("#changes a").click()  # back to the story as usual: nothing marked
    page.wait_for_selector("#revisions")
    assert page.locator(".new-badge").count() == 0
    assert events == []
