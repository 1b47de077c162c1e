"""What each kind of source links to, and the URL rules that make each article fetched once."""

from __future__ import annotations

import gzip

from rashomon.watch.feeds import Link, discover
from rashomon.watch.urls import canonical_of, normalise

BASE = "https://news.example/feeds/world.xml"
LIMIT = 1_000_000

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Bridge reopens</title><link>https://news.example/a/bridge?utm_source=rss#top</link>
<pubDate>Fri, 14 Mar 2025 09:30:00 GMT</pubDate></item>
<item><title>No link here</title></item>
<item><title>Relative</title><link>/a/relative</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Port strike ends</title><link href="https://news.example/a/port"/>
<updated>2025-03-15T08:00:00Z</updated><id>urn:1</id></entry></feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/a/flood</loc>
<news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-03-14T10:00:00+01:00</news:publication_date><news:title>Floods recede</news:title>
</news:news></url>
<url><loc>https://news.example/a/plain</loc><lastmod>2025-03-13</lastmod></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sitemap-news.xml</loc></sitemap>
<sitemap><loc>https://news.example/sitemap-2025.xml.gz</loc></sitemap>
</sitemapindex>"""

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="News"><outline type="rss" text="World" xmlUrl="https://news.example/feeds/world.xml"/>
<outline type="rss" text="Tech" xmlUrl="https://tech.example/atom"/></outline>
<outline text="A folder without feeds"/></body></opml>"""


def test_rss_items_become_links_with_title_and_date() -> None:
    found = discover(RSS, BASE, LIMIT)
    assert found.kind == "feed" and found.problem is None
    assert found.links == (
        Link("https://news.example/a/bridge", "Bridge reopens", "2025-03-14T09:30:00+00:00"),
        Link("https://news.example/a/relative", "Relative", None),
    )


def test_atom_entries_become_links() -> None:
    found = discover(ATOM, BASE, LIMIT)
    assert found.links == (Link("https://news.example/a/port", "Port strike ends", "2025-03-15T08:00:00+00:00"),)


def test_a_news_sitemap_gives_its_urls_with_news_title_and_date_even_gzipped() -> None:
    for body in (NEWS_SITEMAP, gzip.compress(NEWS_SITEMAP)):
        found = discover(body, "https://news.example/sitemap-news.xml", LIMIT)
        assert found.kind == "sitemap"
        assert found.links == (
            Link("https://news.example/a/flood", "Floods recede", "2025-03-14T10:00:00+01:00"),
            Link("https://news.example/a/plain", None, None),
        )


def test_a_sitemap_index_and_an_opml_list_give_further_sources() -> None:
    index = discover(SITEMAP_INDEX, "https://news.example/sitemap.xml", LIMIT)
    assert index.kind == "sitemap index" and index.links == ()
    assert index.sources == ("https://news.example/sitemap-news.xml", "https://news.example/sitemap-2025.xml.gz")
    opml = discover(OPML, "", LIMIT)
    assert opml.kind == "opml" and opml.sources == ("https://news.example/feeds/world.xml", "https://tech.example/atom")


def test_garbage_and_empty_documents_are_problems_not_crashes() -> None:
    assert discover(b"<html><body>Not a feed</body></html>", BASE, LIMIT).problem
    assert discover(b"\x00\x01binary", BASE, LIMIT).problem
    assert discover(
        b"<rss version='2.0'><channel><item><title>No link</title></item></channel></rss>", BASE, LIMIT
    ).problem
    assert discover(b"<opml><body><outline text='no feed'/></body></opml>", BASE, LIMIT).problem
    bomb = gzip.compress(b"<sitemapindex>" + b" " * 5_000_000)
    assert discover(bomb, BASE, 1000).problem  # inflated only up to the limit


def test_an_empty_feed_or_news_sitemap_is_a_quiet_day_not_a_failure() -> None:
    for empty in (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
        b"<rss version='2.0'><channel/></rss>",
    ):
        found = discover(empty, BASE, LIMIT)
        assert found.links == () and found.problem is None


def test_entities_are_not_expanded() -> None:
    evil = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&e;</loc></url></urlset>"""
    found = discover(evil, BASE, LIMIT)
    assert all("root:" not in link.url for link in found.links)


def test_normalise_gives_one_string_per_page() -> None:
    assert normalise("HTTPS://News.Example:443/a/b?utm_medium=x&id=3#c") == "https://news.example/a/b?id=3"
    assert normalise("http://news.example") == "http://news.example/"
    assert normalise("http://news.example:8080/x") == "http://news.example:8080/x"
    assert normalise("ftp://news.example/x") is None
    assert normalise("javascript:alert(1)") is None
    assert normalise("http://user:pw@news.example/") is None


def test_canonical_link_is_read_from_the_head_but_never_the_home_page() -> None:
    page = '<html><head><link href="/a/story" rel="canonical"></head><body></body></html>'
    assert canonical_of(page, "https://news.example/amp/story") == "https://news.example/a/story"
    assert canonical_of("<link rel='canonical' href='https://news.example/'>", "https://news.example/x") is None
    assert canonical_of("<link rel=stylesheet href=/s.css>", "https://news.example/x") is None
