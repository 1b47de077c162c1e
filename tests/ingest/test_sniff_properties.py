"""Property tests: sniffing, decoding and reading never raise, whatever the bytes."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.config import IngestConfig
from rashomon.ingest.encoding import decode_bytes
from rashomon.ingest.files import read_content
from rashomon.ingest.ids import IdRegistry, id_from_path, id_from_url
from rashomon.ingest.sniff import looks_binary, sniff_text_format
from rashomon.records import RawArticle, Rejected

PREFIXES = [
    b"",
    b"{",
    b"<html><body><p>",
    b"<?xml version='1.0'?><rss><channel>",
    b"WARC/1.0\r\n",
    b"\xef\xbb\xbf",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(PREFIXES), st.binary(max_size=400), st.sampled_from(["a.txt", "b.html", "c.jsonl", "d"])
)
def test_read_content_always_answers(prefix: bytes, payload: bytes, name: str) -> None:
    items = list(read_content(prefix + payload, "in", name, IngestConfig(), IdRegistry()))
    assert items
    for item in items:
        assert isinstance(item, (RawArticle, Rejected))
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason


@given(st.binary(max_size=600))
def test_sniffing_and_decoding_never_raise(data: bytes) -> None:
    assert sniff_text_format(data) in {"jsonl", "rss", "html", "text"}
    looks_binary(data)
    assert isinstance(decode_bytes(data), str)


@given(st.text(max_size=60))
def test_decoding_round_trips_utf8(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == text


def test_latin1_and_cp1252_are_detected() -> None:
    text = "Les cafés de Montréal ferment à 22 h, a décidé le conseil municipal jeudi soir."
    assert decode_bytes(text.encode("latin-1")) == text
    quoted = "The mayor said \u201cno\u201d \u2013 twice."
    assert decode_bytes(quoted.encode("cp1252")) == quoted


def test_gzip_inside_is_not_confused_with_text() -> None:
    assert looks_binary(gzip.compress(b"x" * 1000))


@given(st.text(max_size=80))
def test_ids_are_nonempty_and_stable(text: str) -> None:
    assert id_from_path(text or "x") and id_from_url(text) == id_from_url(text)
