"""`rashomon watch ... --once` end to end through the CLI, against the local server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import PAGES, Reply, Site, rss
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.watch.cli import parse_every

runner = CliRunner()
FAST = ["--once", "--timeout", "2", "--host-interval", "0", "--retries", "0"]


def serve(site: Site) -> list[str]:
    paths = [f"/story/{n}" for n in range(len(PAGES))]
    for path, page in zip(paths, PAGES, strict=True):
        site.page(path, page.read_bytes())
    return paths


def table(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_watch_once_reads_an_opml_file_and_a_sitemap_index_and_fills_the_store(site: Site, tmp_path: Path) -> None:
    paths = serve(site)
    site.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /story/3\n")
    site.routes["/feed.xml"] = Reply(200, rss(site, [(paths[0], "One"), (paths[1], "Two")]))
    site.routes["/sitemap.xml"] = Reply(
        200,
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{site("/news.xml")}</loc>'
        "</sitemap></sitemapindex>".encode(),
    )
    urls = "".join(f"<url><loc>{site(p)}</loc></url>" for p in paths[2:])
    site.routes["/news.xml"] = Reply(
        200, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    )
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<opml version="2.0"><body><outline xmlUrl="{site("/feed.xml")}"/></body></opml>')
    db = tmp_path / "live.db"

    result = runner.invoke(app, ["watch", str(opml), site("/sitemap.xml"), "--store", str(db), *FAST])
    assert result.exit_code == 0, result.output
    assert "disallowed by robots.txt" in result.output and "3 added" in result.output
    assert sorted(u for (u,) in table(db, "SELECT url FROM articles")) == sorted(site(p) for p in paths[:3])
    assert table(db, "SELECT url, reason FROM watch_failures") == [(site(paths[3]), "disallowed by robots.txt")]
    assert site.hits[paths[3]] == 0

    again = runner.invoke(app, ["watch", str(opml), site("/sitemap.xml"), "--store", str(db), *FAST, "-q"])
    assert again.exit_code == 0 and again.output == ""
    assert [site.hits[p] for p in paths] == [1, 1, 1, 0]  # nothing fetched twice
    assert table(db, "SELECT count(*) FROM articles") == [(3,)]


def test_failures_are_reported_and_once_still_exits_0(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Reply(200, rss(site, [("/gone", "Gone"), ("/error", "Error")]))
    site.routes["/error"] = Reply(500, b"oops")
    db = tmp_path / "live.db"
    result = runner.invoke(app, ["watch", site("/feed.xml"), site("/nothing.xml"), "--store", str(db), *FAST])
    assert result.exit_code == 0, result.output
    assert "failed " + site("/gone") + ": HTTP 404" in result.output and "3 failed" in result.output
    assert sorted(u for (u, _) in table(db, "SELECT url, reason FROM watch_failures")) == sorted(
        [site("/gone"), site("/error"), site("/nothing.xml")]
    )


def test_usage_errors_exit_2_and_a_bad_store_exits_4(site: Site, tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "s.db")]
    assert runner.invoke(app, ["watch", site("/feed.xml"), *store, "--every", "soon"]).exit_code == 2
    assert runner.invoke(app, ["watch", str(tmp_path / "missing.opml"), *store, "--once"]).exit_code == 2
    assert runner.invoke(app, ["watch", site("/feed.xml"), *store, "--once", "--timeout", "0"]).exit_code == 2
    directory = tmp_path / "a-directory"
    directory.mkdir()
    assert runner.invoke(app, ["watch", site("/feed.xml"), "--store", str(directory), "--once"]).exit_code == 4


def test_every_reads_durations() -> None:
    assert [parse_every(v) for v in ("90s", "10m", "1h", "1.5h", "30")] == [90, 600, 3600, 5400, 30]


def test_a_second_watcher_on_the_same_store_is_refused(site: Site, tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    db = tmp_path / "live.db"
    with open(f"{db}.watch-lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running watcher holds it
        refused = runner.invoke(app, ["watch", site("/feed.xml"), "--store", str(db), *FAST])
    assert refused.exit_code == 4 and "already being watched" in refused.output
    site.routes["/feed.xml"] = Reply(200, rss(site, []))
    assert runner.invoke(app, ["watch", site("/feed.xml"), "--store", str(db), *FAST, "-q"]).exit_code == 0
