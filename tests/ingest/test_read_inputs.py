"""read_inputs on our own fixtures: every format, sniffed from content, with stable ids and paths."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest

from rashomon.config import IngestConfig
from rashomon.ingest import input_bytes, read_inputs, reason_class, summarise_rejections
from rashomon.records import RawArticle, Rejected

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
CONFIG = IngestConfig()


def read(*paths: str | Path, stdin: io.StringIO | None = None) -> list[RawArticle | Rejected]:
    return list(read_inputs([str(p) for p in paths], CONFIG, stdin=stdin))


def articles(items: list[RawArticle | Rejected]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def rejects(items: list[RawArticle | Rejected]) -> list[Rejected]:
    return [i for i in items if isinstance(i, Rejected)]


def test_plain_text_keeps_its_stem_as_id() -> None:
    [article] = read(FIXTURES / "wire.txt")
    assert isinstance(article, RawArticle)
    assert (article.id, article.format) == ("wire", "txt")
    assert article.text is not None and article.text.startswith("Harbour dredging")


def test_html_gives_text_title_author_site_and_date() -> None:
    [article] = read(FIXTURES / "article.html")
    assert isinstance(article, RawArticle)
    assert article.format == "html"
    assert article.title is not None and article.title.startswith("Ferry strike halts crossings")
    assert article.author == "Ines Dalgaard"
    assert article.source == "The Coastal Ledger"
    assert article.published is not None and article.published.startswith("2021-06-14")
    assert article.date_source == "metadata"
    assert article.url == "https://coastal-ledger.example/2021/06/14/ferry-strike-velmar"
    assert article.text is not None
    assert "Comments" not in article.text and "Typical!" not in article.text  # no comments
    assert len(article.text.split("\n")) >= 5  # one line per paragraph


def test_jsonl_keeps_given_ids_and_reports_bad_lines_by_number() -> None:
    items = read(FIXTURES / "export.jsonl")
    found = {a.id: a for a in articles(items)}
    assert {"ledger-0001", "ledger-0002"} <= set(found)
    assert found["ledger-0001"].published == "2021-06-15"
    assert found["ledger-0002"].text is not None and "reached a deal" in found["ledger-0002"].text
    derived = [a for a in articles(items) if a.id not in ("ledger-0001", "ledger-0002")]
    assert len(derived) == 1 and derived[0].id.startswith("other-example-ferry-")
    bad = {r.path.rsplit(":", 1)[1]: reason_class(r.reason) for r in rejects(items)}
    assert bad == {"line 4": "invalid JSON", "line 5": "no text"}


def test_rss_entries_have_link_date_and_source() -> None:
    items = articles(read(FIXTURES / "feed.xml"))
    assert [a.title for a in items] == [
        "Bridge reopens after flood repairs",
        "School choir wins national prize",
    ]
    assert items[0].url == "https://valley-courier.example/news/bridge-reopens-after-flood-repairs"
    assert items[0].published == "2022-04-05T09:15:00+00:00" and items[0].source == "Valley Courier"
    assert items[0].path.endswith("feed.xml#entry 1")
    assert items[0].text is not None and len(items[0].text.split("\n")) == 3


def test_warc_reads_html_responses_and_reports_the_rest() -> None:
    items = read(FIXTURES / "pages.warc.gz")
    found = articles(items)
    assert [a.url for a in found] == [
        "https://coastal-ledger.example/2021/06/14/ferry-strike-velmar",
        "https://montreal-gazette.example/news/cafe-terraces",
    ]
    assert all("#record " in a.path for a in found)
    assert (
        found[1].text is not None and "Café terraces in the old town of Montréal" in found[1].text
    )  # cp1252
    reasons = sorted(reason_class(r.reason) for r in rejects(items))
    assert reasons == ["no text", "not HTML", "skipped"]
    assert all("#record " in r.path for r in rejects(items))


def test_latin1_text_is_decoded_not_rejected() -> None:
    [article] = read(FIXTURES / "latin1.txt")
    assert isinstance(article, RawArticle) and article.text is not None
    assert article.text.startswith("Café owners in Montréal")


def test_format_is_sniffed_from_content_not_extension(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "article.html", tmp_path / "page.dat")
    shutil.copy(FIXTURES / "pages.warc.gz", tmp_path / "crawl.bin")
    (tmp_path / "feed.txt").write_bytes((FIXTURES / "feed.xml").read_bytes())
    (tmp_path / "export.log").write_bytes(gzip.compress((FIXTURES / "export.jsonl").read_bytes()))
    (tmp_path / "story.html.gz").write_bytes(gzip.compress((FIXTURES / "article.html").read_bytes()))
    formats: dict[str, set[str]] = {}
    for item in articles(read(tmp_path)):
        formats.setdefault(Path(item.path.split("#")[0].split(":line")[0]).name, set()).add(item.format)
    assert formats == {
        "page.dat": {"html"},
        "crawl.bin": {"warc"},
        "feed.txt": {"rss"},
        "export.log": {"jsonl"},
        "story.html.gz": {"html"},
    }


def test_directory_walk_is_sorted_recursive_and_skips_documentation(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    shutil.copy(FIXTURES / "wire.txt", tmp_path / "b" / "wire.txt")
    shutil.copy(FIXTURES / "crawled.txt", tmp_path / "a.txt")
    (tmp_path / "README.md").write_text("About this corpus.\n")
    (tmp_path / ".hidden").write_text("x")
    items = read(tmp_path)
    assert [a.id for a in articles(items)] == ["a", "wire"]
    assert sorted(reason_class(r.reason) for r in rejects(items)) == ["skipped", "skipped"]


def test_same_stem_twice_gets_unique_ids(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        shutil.copy(FIXTURES / "wire.txt", tmp_path / folder / "wire.txt")
    assert [a.id for a in articles(read(tmp_path))] == ["wire", "wire-2"]


def test_duplicate_given_id_is_reported() -> None:
    items = read(FIXTURES / "export.jsonl", FIXTURES / "export.jsonl")
    duplicates = [r for r in rejects(items) if reason_class(r.reason) == "duplicate id"]
    assert len(duplicates) == 2


def test_stdin_json_lines_and_pasted_text() -> None:
    jsonl = io.StringIO('\n{"id": "s1", "text": "A pasted article with enough words."}\n{bad\n')
    items = read("-", stdin=jsonl)
    assert [a.id for a in articles(items)] == ["s1"]
    assert [r.path for r in rejects(items)] == ["<stdin>:line 3"]
    [pasted] = read("-", stdin=io.StringIO("Some pasted text.\nSecond line.\n"))
    assert isinstance(pasted, RawArticle) and pasted.id == "stdin"


def test_missing_path_is_rejected_not_raised() -> None:
    [item] = read("/nonexistent/nowhere.txt")
    assert isinstance(item, Rejected) and reason_class(item.reason) == "not found"


def test_summarise_rejections_counts_by_reason_class() -> None:
    rejected = [
        Rejected("a", "invalid JSON: Expecting value"),
        Rejected("b", "invalid JSON: Unterminated string"),
        Rejected("c", "empty: file is empty"),
    ]
    assert summarise_rejections(rejected) == {"invalid JSON": 2, "empty": 1}


@pytest.mark.parametrize("payload", [b"", b"\x00\x01\x02binary", b"\x1f\x8b\x08\x00trunc", b"   \n\n"])
def test_bad_single_files_become_one_rejection(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    [item] = read(path)
    assert isinstance(item, Rejected) and item.path == str(path)
    assert "\n" not in item.reason


def test_progress_adds_up_to_the_input_size(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "in")
    (tmp_path / "in" / "README.md").write_text("notes")
    (tmp_path / "in" / "empty.txt").write_text("")
    seen: list[int] = []
    items = list(read_inputs([str(tmp_path / "in")], CONFIG, progress=seen.append))
    assert items and all(n >= 0 for n in seen)
    assert sum(seen) == input_bytes([str(tmp_path / "in")])
