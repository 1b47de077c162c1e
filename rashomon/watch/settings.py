"""The watcher's settings: politeness, limits and timing, each default with its reason.

They live here rather than in `config.Config` because they shape how pages are fetched, not how
articles are analysed; the `watch` command's options override them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rashomon import __version__

USER_AGENT = f"Rashomon/{__version__} (news watcher; rashomon watch)"
# The token matched against robots.txt `User-agent:` lines (the product name, without version).
ROBOTS_AGENT = "Rashomon"


@dataclass(slots=True, frozen=True)
class WatchSettings:
    """How politely and how hard the watcher fetches."""

    user_agent: str = USER_AGENT
    # A news page that has not answered in 20 s is usually not going to; one connect/read step.
    timeout: float = 20.0
    # A server trickling bytes never trips the per-step timeout: each request (its answer and
    # every body byte, counted from when it is sent) must end within this many seconds.
    deadline: float = 60.0
    # Retries after the first try, on timeouts, connection errors, 5xx and 429.
    retries: int = 3
    # Backoff before retry n is backoff * 2**n seconds (a Retry-After header wins), capped.
    backoff: float = 1.0
    max_backoff: float = 60.0
    # Articles are well under 5 MB of HTML; a bigger body is a file or a trap, not news.
    max_page_bytes: int = 5_000_000
    # Feeds and sitemaps can be large (a sitemap may list 50,000 URLs, ~10 MB).
    max_feed_bytes: int = 20_000_000
    # Browsers stop at about 20; news sites need 2 or 3 (http -> https -> canonical).
    max_redirects: int = 5
    # At most this many requests in flight to one host, and at least this many seconds between
    # the starts of two requests to it (a robots.txt Crawl-delay that asks for more wins).
    per_host: int = 2
    host_interval: float = 1.0
    # Requests in flight over all hosts.
    concurrency: int = 16
    # Pages fetched before they are added to the store: a kill loses no page (they are kept in
    # the store), but the pages of a big first poll reach the brief batch by batch.
    batch: int = 200
    # A URL whose fetch failed for a passing reason (timeout, 5xx) is tried again at this many
    # polls in all; a 404, a robots.txt disallow or an oversized page is not tried again.
    attempts: int = 3
    # robots.txt is read again after this many seconds.
    robots_ttl: float = 3600.0
