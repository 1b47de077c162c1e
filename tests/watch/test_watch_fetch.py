"""The fetcher against the local server: politeness, retries and caps, without the store."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest
from conftest import Reply, Site

from rashomon.watch.fetch import Failure, Fetcher, Page, RobotsCache, Validators, retry_after
from rashomon.watch.settings import ROBOTS_AGENT, USER_AGENT, WatchSettings

FAST = WatchSettings(timeout=0.5, deadline=3.0, retries=2, backoff=0.01, host_interval=0.0, max_page_bytes=1_000_000)


def fetch(site_url: str, settings: WatchSettings = FAST, validators: Validators | None = None) -> Page | Failure:
    async def go() -> Page | Failure:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(site_url, settings.max_page_bytes, validators)

    return asyncio.run(go())


def fetch_all(urls: list[str], settings: WatchSettings) -> list[Page | Failure]:
    async def go() -> list[Page | Failure]:
        async with Fetcher(settings, RobotsCache()) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(u, settings.max_page_bytes) for u in urls)))

    return asyncio.run(go())


def test_a_page_is_fetched_with_a_user_agent_naming_rashomon(site: Site) -> None:
    site.page("/story", b"<html><body><p>Hello</p></body></html>", ETag='"v1"')
    page = fetch(site("/story"))
    assert isinstance(page, Page) and page.body.endswith(b"</html>") and page.validators.etag == '"v1"'
    assert {s.headers["user-agent"] for s in site.requests} == {USER_AGENT}
    assert USER_AGENT.startswith(f"{ROBOTS_AGENT}/")


def test_conditional_get_sends_the_validators_and_reads_a_304(site: Site) -> None:
    def route(seen: object) -> Reply:
        headers = getattr(seen, "headers")  # noqa: B009
        if headers.get("if-none-match") == '"v1"' and headers.get("if-modified-since") == "yesterday":
            return Reply(304)
        return Reply(200, b"<rss/>")

    site.routes["/feed"] = route
    page = fetch(site("/feed"), validators=Validators('"v1"', "yesterday"))
    assert isinstance(page, Page) and page.not_modified
    fresh = fetch(site("/feed"), validators=Validators('"v0"'))
    assert isinstance(fresh, Page) and not fresh.not_modified and fresh.body == b"<rss/>"


def test_robots_txt_disallow_is_respected_and_read_once_per_host(site: Site) -> None:
    site.routes["/robots.txt"] = Reply(200, b"User-agent: Rashomon\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n")
    site.page("/private/story", b"<p>secret</p>")
    site.page("/public/story", b"<p>open</p>")
    hidden, shown, again = fetch_all([site("/private/story"), site("/public/story"), site("/public/story")], FAST)
    assert isinstance(hidden, Failure) and hidden.reason == "disallowed by robots.txt" and not hidden.transient
    assert isinstance(shown, Page) and isinstance(again, Page)
    assert site.hits["/private/story"] == 0 and site.hits["/robots.txt"] == 1


def test_an_unreachable_robots_txt_holds_the_host_back_for_now(site: Site) -> None:
    site.routes["/robots.txt"] = Reply(503, b"down")
    site.page("/story", b"<p>text</p>")
    site.page("/other", b"<p>text</p>")
    failures = fetch_all([site("/story"), site("/other")], FAST)
    assert all(isinstance(f, Failure) and f.transient and "robots.txt" in f.reason for f in failures)
    assert site.hits["/story"] == site.hits["/other"] == 0
    assert site.hits["/robots.txt"] == 1  # asked once for the whole poll


def test_404_is_not_retried_and_500_is_retried_with_backoff(site: Site) -> None:
    site.routes["/down"] = Reply(500, b"oops")
    missing, down = fetch_all([site("/missing"), site("/down")], FAST)
    assert isinstance(missing, Failure) and (missing.reason, missing.transient) == ("HTTP 404", False)
    assert isinstance(down, Failure) and down.transient and down.reason == "HTTP 500 (after 3 tries)"
    assert site.hits["/missing"] == 1 and site.hits["/down"] == FAST.retries + 1


def test_429_is_retried_after_the_servers_retry_after(site: Site) -> None:
    answers = iter([Reply(429, b"", {"Retry-After": "0"}), Reply(200, b"<p>now</p>")])
    site.routes["/busy"] = lambda seen: next(answers)
    page = fetch(site("/busy"), WatchSettings(retries=1, backoff=30.0, host_interval=0.0))  # 30 s would hang
    assert isinstance(page, Page) and page.body == b"<p>now</p>" and site.hits["/busy"] == 2
    assert retry_after("120", cap=60.0) == 60.0 and retry_after("soon", cap=60.0) is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", cap=60.0) == 0.0  # a date in the past: no wait


def test_a_slow_response_times_out_and_is_retried(site: Site) -> None:
    site.routes["/slow"] = Reply(200, b"<p>late</p>", delay=2.0)
    failure = fetch(site("/slow"), WatchSettings(timeout=0.2, retries=1, backoff=0.01, host_interval=0.0))
    assert isinstance(failure, Failure) and failure.transient and failure.reason.startswith("timeout")
    assert site.hits["/slow"] == 2


def test_a_redirect_loop_and_too_many_redirects_are_failures(site: Site) -> None:
    site.routes["/a"] = Reply(302, b"", {"Location": "/b"})
    site.routes["/b"] = Reply(301, b"", {"Location": site("/a")})
    for n in range(10):
        site.routes[f"/hop{n}"] = Reply(302, b"", {"Location": f"/hop{n + 1}"})
    loop, chain = fetch_all([site("/a"), site("/hop0")], FAST)
    assert isinstance(loop, Failure) and loop.reason.startswith("redirect loop: ") and not loop.transient
    assert isinstance(chain, Failure) and chain.reason.startswith(
        f"too many redirects (more than {FAST.max_redirects})"
    )
    assert site.hits["/a"] == 1 and site.hits["/b"] == 1


def test_a_redirect_is_followed_and_the_final_url_kept(site: Site) -> None:
    site.routes["/old"] = Reply(301, b"", {"Location": "/new"})
    site.page("/new", b"<p>moved</p>")
    page = fetch(site("/old"))
    assert isinstance(page, Page) and page.url == site("/new") and page.body == b"<p>moved</p>"


def hundred_megabytes() -> Iterator[bytes]:
    """A 100 MB page, generated as it is sent (never built in memory)."""
    chunk = b"<p>" + b"x" * 65_529 + b"</p>"
    for _ in range(100_000_000 // len(chunk)):
        yield chunk


def test_a_100_mb_page_is_cut_at_the_cap_while_streaming(site: Site) -> None:
    site.routes["/huge"] = Reply(200, hundred_megabytes, {"Content-Type": "text/html"})  # no Content-Length
    site.routes["/declared"] = Reply(200, hundred_megabytes, {"Content-Length": "100000000"})
    huge, declared = fetch_all([site("/huge"), site("/declared")], FAST)
    assert isinstance(huge, Failure) and huge.reason == "too large: over the cap of 1,000,000 bytes"
    assert isinstance(declared, Failure) and declared.reason.startswith("too large: 100,000,000 bytes declared")
    assert not huge.transient and not declared.transient
    # the client stopped reading: the server could only push what the socket buffers held
    assert site.sent["/huge"] < 30_000_000


@pytest.mark.parametrize("per_host", [1, 2])
def test_requests_to_one_host_stay_within_the_per_host_limit(site: Site, per_host: int) -> None:
    for n in range(6):
        site.routes[f"/p{n}"] = Reply(200, b"<p>x</p>", delay=0.05)
    settings = WatchSettings(per_host=per_host, host_interval=0.0, retries=0)
    pages = fetch_all([site(f"/p{n}") for n in range(6)], settings)
    assert all(isinstance(p, Page) for p in pages)
    assert 1 <= site.most_in_flight <= per_host


def arrivals(site: Site, prefix: str) -> list[float]:
    return sorted(s.at for s in site.requests if s.path.startswith(prefix))


def test_requests_to_one_host_are_paced_and_crawl_delay_slows_them_further(site: Site) -> None:
    for n in range(4):
        site.page(f"/p{n}", b"<p>x</p>")
    pages = fetch_all([site(f"/p{n}") for n in range(4)], WatchSettings(per_host=4, host_interval=0.1, retries=0))
    assert all(isinstance(p, Page) for p in pages)
    times = arrivals(site, "/p")
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.08  # a lower bound: never flaky

    site.routes["/robots.txt"] = Reply(200, b"User-agent: *\nCrawl-delay: 1\n")  # whole seconds (urllib.robotparser)
    site.requests.clear()
    fetch_all([site("/p0"), site("/p1")], WatchSettings(per_host=4, host_interval=0.0, retries=0))
    first, second = arrivals(site, "/p")
    assert second - first >= 0.9


def test_a_trickling_body_ends_at_the_deadline_but_waiting_for_the_host_does_not_count(site: Site) -> None:
    def trickle() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.05)
            yield b"<p>x</p>"

    site.routes["/trickle"] = Reply(200, trickle)
    settings = WatchSettings(timeout=1.0, deadline=0.5, retries=0, host_interval=0.0)
    failure = fetch(site("/trickle"), settings)
    assert isinstance(failure, Failure) and failure.reason.startswith("timeout: not done within 0.5 s")

    for n in range(3):  # one at a time, 0.3 s each: the last waits 0.6 s for its turn, over the deadline
        site.routes[f"/q{n}"] = Reply(200, b"<p>x</p>", delay=0.3)
    queued = fetch_all(
        [site(f"/q{n}") for n in range(3)], WatchSettings(deadline=0.5, retries=0, per_host=1, host_interval=0.0)
    )
    assert all(isinstance(p, Page) for p in queued)


def test_pages_queued_behind_one_host_do_not_hold_back_another_host(site: Site) -> None:
    for n in range(3):
        site.routes[f"/a{n}"] = Reply(200, b"<p>a</p>", delay=0.3)
    site.page("/b", b"<p>b</p>")
    other_host = site.url.replace("127.0.0.1", "localhost")  # the same server under a second origin
    urls = [site(f"/a{n}") for n in range(3)] + [other_host + "/b"]
    settings = WatchSettings(concurrency=2, per_host=1, host_interval=0.0, retries=0)
    assert all(isinstance(p, Page) for p in fetch_all(urls, settings))
    order = [s.path for s in sorted(site.requests, key=lambda s: s.at) if s.path != "/robots.txt"]
    assert order.index("/b") < 2  # answered while the first slow page of the other host was in flight
