"""Nothing lost: 1,000+ bad inputs mixed with good ones; no crash, every good article present,
every bad input reported with its path (and record/line number) and a one-line reason."""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rashomon.clean import CleanError, clean_article, learn_boilerplate
from rashomon.config import CleanConfig, IngestConfig
from rashomon.ingest import read_inputs
from rashomon.records import Article, RawArticle, Rejected

PLACES = ["Portsea", "Velmar", "Arnbridge", "Granholm", "Port Ellis", "Lindvik", "Orsa", "Tallby"]
BOILERPLATE = [
    "READ MORE: Council to review parking fees",
    "Share on Facebook | Tweet | Email",
    "Adjust Comment Print",
    "We use cookies to improve your experience on our site. By continuing you accept our cookie policy.",
    "Sign up for our daily newsletter",
    "Support independent journalism: donate today",
    "Latest News",
    "Read more",
    "×",
    "© Coastal Ledger 2021. All rights reserved.",
]


def story(n: int) -> tuple[str, str]:
    """(marker sentence, article text) of good article n; the marker proves it survived."""
    place = PLACES[n % len(PLACES)]
    marker = f"The harbour council of {place} approved plan number {n} on Tuesday after a long debate."
    text = (
        f"Council approves harbour plan {n}\n\n{marker}\n\n"
        f"The plan sets aside {n + 3} million crowns for new quays, a spokeswoman for the council said.\n\n"
        "Residents will be able to comment on the details at a public meeting next month, she added."
    )
    return marker, text


def html_page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"


def warc_bytes(pages: Sequence[tuple[str, str]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = io.BytesIO(html.encode("utf-8"))
        writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))
    return out.getvalue()


class Corpus:
    """Writes good and bad inputs into a folder and remembers what each should become."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.good: dict[str, str] = {}  # marker -> where it was written
        self.bad: list[str] = []  # paths (with #record / :line) that must be reported
        self.count = 0

    def path(self, suffix: str) -> Path:
        self.count += 1
        return self.root / f"in{self.count:05d}{suffix}"

    def add_good_text(self, n: int, encoding: str = "utf-8", suffix: str = ".txt") -> None:
        marker, text = story(n)
        if encoding != "utf-8":
            text = text.replace("Council", "Conseil café", 1).replace("spokeswoman", "porte-parole déléguée")
        path = self.path(suffix)
        path.write_bytes(text.encode(encoding))
        self.good[marker] = str(path)

    def add_bad(self, suffix: str, payload: bytes) -> None:
        path = self.path(suffix)
        path.write_bytes(payload)
        self.bad.append(str(path))


def build(root: Path, rng: random.Random) -> Corpus:
    corpus = Corpus(root)
    n = 0
    for _ in range(20):  # plain text, cp1252 and latin-1 text (read, not rejected), gzip
        corpus.add_good_text(n)
        corpus.add_good_text(n + 1, "cp1252")
        corpus.add_good_text(n + 2, "latin-1", ".dat")
        marker, text = story(n + 3)
        path = corpus.path(".txt.gz")
        path.write_bytes(gzip.compress(text.encode()))
        corpus.good[marker] = str(path)
        n += 4
    for _ in range(10):  # HTML pages
        marker, text = story(n)
        path = corpus.path(".html")
        path.write_text(html_page(f"Harbour plan {n}", text))
        corpus.good[marker] = str(path)
        n += 1
    for i in range(180):
        corpus.add_bad(rng.choice([".txt", ".html", ".json", ""]), b"" if i % 3 else b" \n\t\n")
    for _ in range(150):
        corpus.add_bad(
            rng.choice([".txt", ".bin", ".jpg"]), bytes(rng.randrange(256) for _ in range(300)) + b"\x00"
        )
    for _ in range(120):
        whole = gzip.compress(story(rng.randrange(10_000))[1].encode())
        corpus.add_bad(".txt.gz", whole[: rng.randrange(10, len(whole) - 8)])
    for _ in range(50):
        corpus.add_bad(".gz", gzip.compress(bytes(rng.randrange(256) for _ in range(500)) + b"\x00"))
    empty_pages = [
        "<html><body></body></html>",
        "<html><head><title>x</title></head><body><div><img src='a.png'></div></body></html>",
        "<!DOCTYPE html><html><body><script>var a = 1;</script><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><p></p><p>   </p></body></html>",
    ]
    for i in range(150):
        corpus.add_bad(".html", empty_pages[i % len(empty_pages)].encode())
    for _ in range(150):
        lines = rng.sample(BOILERPLATE, k=rng.randrange(2, len(BOILERPLATE)))
        corpus.add_bad(".txt", "\n\n".join(lines).encode())
    for _ in range(20):
        corpus.add_bad(
            ".xml", b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"
        )
    # JSON Lines: 10 files of 2 good records and 15 bad lines each
    bad_lines = [
        "{",
        "[1, 2]",
        '"just a string"',
        '{"id": "no-body"}',
        '{"text": 5, "html": []}',
        "nul\x00l",
        "{'a': 1}",
    ]
    for _ in range(10):
        path = corpus.path(".jsonl")
        records = []
        for _ in range(2):
            marker, text = story(n)
            records.append(json.dumps({"id": f"j{n}", "text": text}))
            corpus.good[marker] = f"{path}:line {len(records)}"
            n += 1
        for _ in range(15):
            records.append(rng.choice(bad_lines))
            corpus.bad.append(f"{path}:line {len(records)}")
        path.write_text("\n".join(records) + "\n")
    # WARC: a good record, a broken one (garbage, a wrong Content-Length, a cut gzip member), and
    # after the first two kinds another good record that must still be read
    bad_length = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n"
    for i in range(45):
        pair = []
        for _ in range(2):
            marker, text = story(n)
            pair.append(
                (marker, warc_bytes([(f"https://ledger.example/2021/06/{n}", html_page(f"P{n}", text))]))
            )
            n += 1
        path = corpus.path(".warc.gz")
        kind = i % 3
        if kind == 2:
            path.write_bytes(pair[0][1] + pair[1][1][:150])
            corpus.good[pair[0][0]] = f"{path}#record 1"
        else:
            path.write_bytes(pair[0][1] + (b"garbage" if kind == 0 else bad_length) + pair[1][1])
            corpus.good[pair[0][0]] = f"{path}#record 1"
            corpus.good[pair[1][0]] = f"{path}#record 3"
        corpus.bad.append(f"{path}#record 2")
    # a 50 MB page: its article sits at the top, 50 MB of markup follows
    marker, text = story(n)
    huge = corpus.path(".html")
    with huge.open("w") as handle:
        handle.write(html_page(f"Plan {n}", text).replace("</body></html>", ""))
        block = "<div class='promo'><span>Offer</span><script>var x = 1;</script></div>\n" * 10_000
        while handle.tell() < 50_000_000:
            handle.write(block)
        handle.write("</body></html>")
    corpus.good[marker] = str(huge)
    return corpus


def run(paths: Sequence[str]) -> tuple[list[Article], list[Rejected]]:
    """What the pipeline does: ingest, learn boilerplate, clean; CleanError becomes a Rejected."""
    items = list(read_inputs(paths, IngestConfig()))
    raws = [i for i in items if isinstance(i, RawArticle)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    boilerplate = learn_boilerplate(raws, CleanConfig())
    articles = []
    for raw in raws:
        try:
            articles.append(clean_article(raw, CleanConfig(), boilerplate))
        except CleanError as err:
            rejected.append(Rejected(raw.path, err.reason))
    return articles, rejected


def test_thousand_bad_inputs_lose_nothing(tmp_path: Path) -> None:
    corpus = build(tmp_path, random.Random(20180220))
    assert len(corpus.bad) >= 1000
    articles, rejected = run([str(tmp_path)])

    by_marker = {marker: [a for a in articles if marker in a.text] for marker in corpus.good}
    missing = [where for marker, where in corpus.good.items() if len(by_marker[marker]) != 1]
    assert not missing, f"good articles lost: {missing[:5]}"
    for marker, where in corpus.good.items():
        assert by_marker[marker][0].path == where

    reported = {r.path for r in rejected}
    unreported = [path for path in corpus.bad if path not in reported]
    assert not unreported, f"bad inputs not reported: {unreported[:5]}"
    assert all(r.reason and "\n" not in r.reason and ":" in r.reason for r in rejected)
    assert len(articles) == len(corpus.good)  # nothing bad slipped through as an article
    assert len(rejected) == len(corpus.bad)


def test_unreadable_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    marker, text = story(1)
    (tmp_path / "a.txt").write_text(text)
    locked = tmp_path / "b.txt"
    locked.write_text(text)
    locked.chmod(0)
    (tmp_path / "c.txt").write_text(story(2)[1])
    articles, rejected = run([str(tmp_path)])
    if not rejected:  # running as root: permissions do not apply
        assert len(articles) == 3
        return
    assert [r.path for r in rejected] == [str(locked)]
    assert len(articles) == 2
