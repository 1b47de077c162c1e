"""Hostile inputs for the readers (issue 13): each is read or rejected on its own, with a reason,
and never costs the records around it. Every fixture is written here, in tmp_path."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rashomon.config import IngestConfig
from rashomon.ingest import input_bytes, list_inputs, read_inputs
from rashomon.records import RawArticle, Rejected

TEXT = "The harbour council of Velmar approved the new quay plan on Tuesday after a long debate."
CONFIG = IngestConfig()


def read(*paths: str | Path, config: IngestConfig = CONFIG) -> list[RawArticle | Rejected]:
    return list(read_inputs([str(p) for p in paths], config))


def by_path(items: Sequence[RawArticle | Rejected]) -> dict[str, RawArticle | Rejected]:
    return {item.path.rsplit("/", 1)[-1]: item for item in items}


def record(**fields: str) -> str:
    return json.dumps({"text": TEXT, **fields})


def test_jsonl_whose_first_line_is_not_an_object_is_still_jsonl(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text("\n\n[1, 2]\n" + record(id="a") + "\n" + record(id="b") + "\n", encoding="utf-8")
    items = by_path(read(export))
    assert set(items) == {"export.jsonl:line 3", "export.jsonl:line 4", "export.jsonl:line 5"}
    bad = items["export.jsonl:line 3"]
    assert isinstance(bad, Rejected) and bad.reason.startswith("invalid JSON: expected an object")
    assert [items[f"export.jsonl:line {n}"].id for n in (4, 5)] == ["a", "b"]  # type: ignore[union-attr]


def test_stdin_sniffs_jsonl_past_a_bad_first_line() -> None:
    stream = io.StringIO("not json at all\n" + record(id="a") + "\n" + record(id="b") + "\n")
    items = list(read_inputs(["-"], CONFIG, stdin=stream))
    assert [type(i).__name__ for i in items] == ["Rejected", "RawArticle", "RawArticle"]
    assert items[0].path == "<stdin>:line 1"


def test_prose_is_not_mistaken_for_jsonl(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(TEXT + "\n{not json either}\n" + TEXT + "\n", encoding="utf-8")
    [item] = read(note)
    assert isinstance(item, RawArticle) and item.format == "txt"


def test_a_bad_url_loses_the_url_not_the_record_nor_the_rest(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text(record(url="http://[oops") + "\n" + record(url="http://x.example/a") + "\n", encoding="utf-8")
    first, second = read(export)
    assert isinstance(first, RawArticle) and first.url is None and first.id == "export-1"
    assert isinstance(second, RawArticle) and second.url == "http://x.example/a"


def test_a_feed_entry_with_a_bad_link_is_kept_and_so_are_the_others(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>T{n}</title><link>{link}</link><description>{TEXT}</description></item>"
        for n, link in enumerate(["http://[oops", "http://x.example/b"])
    )
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>')
    first, second = read(feed)
    assert isinstance(first, RawArticle) and first.url is None and first.id == "feed-e1"
    assert isinstance(second, RawArticle) and second.url == "http://x.example/b"


def test_a_feed_behind_a_long_doctype_is_read_as_a_feed(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY e{n} "entity number {n}">\n' for n in range(150))
    assert len(entities) > 4096
    feed = tmp_path / "feed.xml"
    feed.write_text(
        f'<?xml version="1.0"?>\n<!-- exported -->\n<!DOCTYPE rss [\n{entities}]>\n<rss version="2.0"><channel>'
        f"<title>F</title><item><title>T</title><description>{TEXT}</description></item></channel></rss>"
    )
    [item] = read(feed)
    assert isinstance(item, RawArticle) and item.format == "rss" and item.title == "T"


def test_a_lone_surrogate_in_jsonl_text_becomes_a_replacement_character(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text('{"id": "\\ud800a", "title": "\\udfff", "text": "' + TEXT + ' \\ud800 \\ud83d\\ude00"}\n')
    [item] = read(export)
    assert isinstance(item, RawArticle)
    assert item.text is not None and item.text.endswith(" \ufffd \U0001f600")
    assert (item.id, item.title) == ("\ufffda", "\ufffd")
    json.dumps([item.id, item.text, item.title], ensure_ascii=False).encode("utf-8")  # no UnicodeEncodeError


def test_a_file_name_that_is_not_utf8_is_read_under_a_printable_path(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(TEXT, encoding="utf-8")
    [item] = read(tmp_path)
    assert isinstance(item, RawArticle)
    assert item.path.endswith("caf\\xe9.txt") and item.id == "caf\\xe9"
    item.path.encode("utf-8")


def _warc(pages: Sequence[tuple[str, str]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        payload = io.BytesIO(html.encode("utf-8"))
        writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))
    return out.getvalue()


PAGE = (
    "<html><body><article>" + "".join(f"<p>{TEXT} Paragraph {n}.</p>" for n in range(12)) + "</article></body></html>"
)


def test_a_truncated_warc_record_is_rejected_not_cut_mid_sentence(tmp_path: Path) -> None:
    data = _warc([("http://x.example/1", PAGE), ("http://x.example/2", PAGE)])
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(data[:-200])
    first, second = read(crawl)
    assert isinstance(first, RawArticle) and first.text is not None and first.text.endswith("Paragraph 11.")
    assert isinstance(second, Rejected) and second.path.endswith("#record 2")
    assert second.reason.startswith("truncated WARC record:") and "bytes are missing" in second.reason


def test_a_warc_cut_inside_its_first_header_says_so(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(_warc([("http://x.example/1", PAGE)])[:60])
    [item] = read(crawl)
    assert isinstance(item, Rejected)
    assert item.reason == "broken WARC record: its header is cut off at byte 60, where the file ends"


def test_a_bad_warc_target_uri_keeps_the_page(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc"
    crawl.write_bytes(_warc([("http://[oops", PAGE)]))
    [item] = read(crawl)
    assert isinstance(item, RawArticle) and item.url is None and item.id == "crawl-r1"


def test_symlinks_leaving_an_input_folder_are_rejected_unless_allowed(tmp_path: Path) -> None:
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("secret " + TEXT)
    (outside / "folder" / "more.txt").write_text("more " + TEXT)
    (inside / "a.txt").write_text(TEXT)
    (inside / "secret.txt").symlink_to(outside / "secret.txt")
    (inside / "folder").symlink_to(outside / "folder")
    (inside / "again.txt").symlink_to(inside / "a.txt")
    items = by_path(read(inside))
    for name in ("secret.txt", "folder"):
        rejected = items[name]
        assert isinstance(rejected, Rejected) and rejected.reason.startswith("skipped: symlink leaves the input")
    assert isinstance(items["again.txt"], RawArticle)  # a link that stays inside is read
    followed = by_path(read(inside, config=IngestConfig(follow_links=True)))
    assert isinstance(followed["secret.txt"], RawArticle) and isinstance(followed["more.txt"], RawArticle)
    [named] = read(inside / "secret.txt")  # named on the command line: the user's own choice
    assert isinstance(named, RawArticle)


def test_fifos_broken_links_and_unlistable_folders_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "z.txt").write_text(TEXT)
    real_iterdir = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "locked":  # root may list anything: make the denial happen
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    items = by_path(read(folder))  # returns at all: the FIFO is never opened
    reasons = {name: getattr(item, "reason", None) for name, item in items.items()}
    assert reasons == {
        "gone.txt": "skipped: broken symlink",
        "locked": "unreadable: cannot list folder (Permission denied)",
        "pipe.txt": "skipped: not a regular file (a FIFO)",
        "z.txt": None,
    }
    [direct] = read(folder / "pipe.txt")
    assert isinstance(direct, Rejected) and direct.reason == "skipped: not a regular file (a FIFO)"
    assert input_bytes([str(folder)]) == len(TEXT)


def test_ids_of_same_named_files_do_not_depend_on_argument_order(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(f"{folder} {TEXT}")
        (tmp_path / folder / "export.jsonl").write_text(record() + "\n")

    def ids(*folders: str) -> dict[str, str]:
        return {item.path: item.id for item in read(*(tmp_path / f for f in folders)) if isinstance(item, RawArticle)}

    assert ids("a", "b") == ids("b", "a")
    assert ids("a", "b")[str(tmp_path / "b" / "index.txt")] == "index-2"
    assert ids("a", "b")[str(tmp_path / "b" / "export.jsonl") + ":line 1"] == "export-2-1"


def test_list_inputs_reports_what_it_will_not_read(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("docs")
    (tmp_path / "a.txt").write_text(TEXT)
    listed = list(list_inputs([str(tmp_path), str(tmp_path / "missing.txt")], CONFIG))
    assert listed[1] == tmp_path / "a.txt"
    assert [type(item).__name__ for item in listed] == ["Rejected", "PosixPath", "Rejected"]
