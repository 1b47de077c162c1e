"""A poll end to end against the local server: feeds in, articles in the store, nothing twice."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES, Reply, Site, conditional_feed, rss

from rashomon.store import Store
from rashomon.watch import loop
from rashomon.watch.loop import PollResult, poll
from rashomon.watch.settings import WatchSettings
from rashomon.watch.state import WatchState

FAST = WatchSettings(timeout=2.0, deadline=5.0, retries=1, backoff=0.01, host_interval=0.0)


def open_store(tmp_path: Path) -> tuple[Store, WatchState]:
    path = str(tmp_path / "watch.db")
    return Store.open(path), WatchState(path, FAST.attempts)


def run_poll(tmp_path: Path, sources: list[str], settings: WatchSettings = FAST) -> PollResult:
    store, state = open_store(tmp_path)
    try:
        return poll(store, state, sources, settings=settings)
    finally:
        state.close()
        store.close()


def stored_urls(tmp_path: Path) -> list[str]:
    store = Store.open(str(tmp_path / "watch.db"))
    try:
        return sorted(a.url or "" for a in store.articles())
    finally:
        store.close()


def serve_pages(site: Site, count: int) -> list[str]:
    paths = [f"/news/{p.stem}" for p in PAGES[:count]]
    for path, page in zip(paths, PAGES, strict=False):
        site.page(path, page.read_bytes())
    return paths


def test_a_feed_that_changes_gives_only_its_new_item_and_then_a_304(site: Site, tmp_path: Path) -> None:
    paths = serve_pages(site, 3)
    items = [(paths[0], "First"), (paths[1], "Second")]
    site.routes["/feed.xml"] = conditional_feed(lambda: rss(site, items))

    first = run_poll(tmp_path, [site("/feed.xml")])
    assert (first.new_links, first.fetched, first.added, first.failed) == (2, 2, 2, 0)

    items.append((paths[2], "Third"))
    second = run_poll(tmp_path, [site("/feed.xml")])
    assert (second.new_links, second.fetched, second.added, second.unchanged) == (1, 1, 1, 0)
    assert [site.hits[p] for p in paths] == [1, 1, 1]

    third = run_poll(tmp_path, [site("/feed.xml")])
    assert (third.unchanged, third.new_links, third.fetched) == (1, 0, 0)
    assert site.requests[-1].headers.get("if-none-match")  # the 304 came from a conditional GET
    assert stored_urls(tmp_path) == sorted(site(p) for p in paths)


def test_failures_are_recorded_and_do_not_stop_the_poll(site: Site, tmp_path: Path) -> None:
    paths = serve_pages(site, 1)
    site.routes["/broken"] = Reply(500, b"oops")
    items = [("/missing", "Gone"), ("/broken", "Broken"), (paths[0], "Good")]
    site.routes["/feed.xml"] = Reply(200, rss(site, items), {"Content-Type": "application/rss+xml"})

    result = run_poll(tmp_path, [site("/feed.xml"), site("/no-such-feed.xml")])
    assert result.added == 1
    reasons = dict(result.failures)
    assert reasons[site("/missing")] == "HTTP 404"
    assert reasons[site("/broken")].startswith("HTTP 500 (after 2 tries)")
    assert reasons[site("/no-such-feed.xml")] == "HTTP 404"
    assert site.hits["/broken"] == FAST.retries + 1
    _, state = open_store(tmp_path)
    assert set(state.failures()) >= set(result.failures)
    assert state.url_status(site("/missing")) == ("failed", "HTTP 404")
    assert state.url_status(site("/broken")) == ("pending", reasons[site("/broken")])  # transient: tried again


def test_the_same_article_under_two_urls_is_stored_once(site: Site, tmp_path: Path) -> None:
    page = PAGES[0].read_bytes()
    site.page("/a/story", page)
    site.page("/b/story-copy", page)
    site.routes["/feed.xml"] = Reply(200, rss(site, [("/a/story", "One"), ("/b/story-copy", "Two")]))

    result = run_poll(tmp_path, [site("/feed.xml")])
    assert (result.fetched, result.duplicates, result.added) == (2, 1, 1)
    [kept] = stored_urls(tmp_path)  # whichever answered first; the other is recorded as its duplicate
    other = ({site("/a/story"), site("/b/story-copy")} - {kept}).pop()
    _, state = open_store(tmp_path)
    assert state.url_status(other) == ("duplicate", kept)


def test_a_restart_after_an_interrupted_add_loses_and_duplicates_nothing(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = serve_pages(site, 2)
    site.routes["/feed.xml"] = Reply(200, rss(site, [(p, p) for p in paths]))

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(loop, "add_to_store", interrupted)  # Ctrl-C while adding the first batch
        with pytest.raises(KeyboardInterrupt):
            run_poll(tmp_path, [site("/feed.xml")])
    assert stored_urls(tmp_path) == []

    again = run_poll(tmp_path, [site("/feed.xml")])
    assert again.added == 2 and again.fetched == 0  # the kept pages were added, not fetched again
    assert [site.hits[p] for p in paths] == [1, 1]
    assert stored_urls(tmp_path) == sorted(site(p) for p in paths)


def test_a_kill_after_the_commit_but_before_the_bookkeeping_stores_nothing_twice(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = serve_pages(site, 2)
    site.routes["/feed.xml"] = Reply(200, rss(site, [(p, p) for p in paths]))

    def killed(self: WatchState, urls: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(WatchState, "added", killed)  # the articles are committed, the URLs not yet marked
        with pytest.raises(KeyboardInterrupt):
            run_poll(tmp_path, [site("/feed.xml")])
    assert stored_urls(tmp_path) == sorted(site(p) for p in paths)

    again = run_poll(tmp_path, [site("/feed.xml")])
    assert (again.added, again.fetched) == (0, 0)  # the same bytes again: the store knows them
    assert stored_urls(tmp_path) == sorted(site(p) for p in paths)
    _, state = open_store(tmp_path)
    assert state.statuses() == {"added": 2}


def test_a_page_the_store_rejects_is_recorded_with_its_reason(site: Site, tmp_path: Path) -> None:
    paths = serve_pages(site, 1)
    site.page("/empty", b"<html><head><title>Nothing</title></head><body><p>Short.</p></body></html>")
    site.routes["/feed.xml"] = Reply(200, rss(site, [(paths[0], "Good"), ("/empty", "Empty")]))
    result = run_poll(tmp_path, [site("/feed.xml")])
    assert (result.fetched, result.added, result.rejected) == (2, 1, 1)
    _, state = open_store(tmp_path)
    status, reason = state.url_status(site("/empty")) or ("", "")
    assert status == "rejected" and (reason or "").startswith("no text")
    assert state.url_status(site(paths[0])) == ("added", None)


def test_a_poll_that_breaks_does_not_stop_the_loop(site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = serve_pages(site, 1)
    site.routes["/feed.xml"] = Reply(200, rss(site, [(paths[0], "Good")]))
    real_poll, calls, logged = loop.poll, [], []

    def flaky_poll(*args: Any, **kwargs: Any) -> PollResult:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database is locked")
        return real_poll(*args, **kwargs)

    def stop_after_a_good_poll(result: PollResult) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(loop, "poll", flaky_poll)
    store, state = open_store(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        loop.watch(store, state, [site("/feed.xml")], every=0.0, settings=FAST, report=loop.Report(logged.append),
                   on_poll=stop_after_a_good_poll)  # fmt: skip
    assert len(calls) == 2 and "poll failed: OperationalError: database is locked" in logged
    assert stored_urls(tmp_path) == [site(paths[0])]


def test_a_redirect_to_a_page_already_listed_is_the_same_article(site: Site, tmp_path: Path) -> None:
    site.page("/a/story", PAGES[1].read_bytes())
    site.routes["/short/1"] = Reply(301, b"", {"Location": "/a/story"})
    site.routes["/feed.xml"] = Reply(200, rss(site, [("/a/story", "One"), ("/short/1", "One again")]))
    result = run_poll(tmp_path, [site("/feed.xml")])
    assert (result.fetched, result.duplicates, result.added) == (2, 1, 1)
    assert stored_urls(tmp_path) == [site("/a/story")]  # stored at the address the redirect ends at


def test_a_passing_failure_is_tried_again_at_later_polls_then_given_up(site: Site, tmp_path: Path) -> None:
    site.routes["/flaky"] = Reply(503, b"busy")
    site.routes["/feed.xml"] = Reply(200, rss(site, [("/flaky", "Flaky")]))
    for poll_number in range(1, FAST.attempts + 2):
        run_poll(tmp_path, [site("/feed.xml")])
        tries = min(poll_number, FAST.attempts) * (FAST.retries + 1)
        assert site.hits["/flaky"] == tries
    _, state = open_store(tmp_path)
    status, _ = state.url_status(site("/flaky")) or ("", "")
    assert status == "failed"
    assert [u for u, _ in state.failures()] == [site("/flaky")] * FAST.attempts
