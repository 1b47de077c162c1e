"""Property: a JSON Lines file with one corrupted line anywhere yields every other record, and
the corrupted line alone is rejected with its line number (issue 13, "silent loss")."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.config import IngestConfig
from rashomon.ingest import read_inputs
from rashomon.ingest.sniff import looks_like_jsonl
from rashomon.records import RawArticle, Rejected

WORDS = st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=40)
RECORDS = st.lists(
    st.fixed_dictionaries(
        {"text": WORDS.filter(str.strip)},
        optional={"title": WORDS, "url": st.sampled_from(["http://[oops", "https://x.example/a", "nope"])},
    ),
    min_size=1,
    max_size=8,
)
# A line that is not a JSON object: prose, markup, a cut record, an array, a number.
CORRUPT = st.one_of(
    WORDS.filter(lambda line: not line.lstrip().startswith("{")),
    st.sampled_from(["<html><body>", "[1, 2]", "42", '{"text": "cut', "null", "<rss>", "{,}"]),
).filter(lambda line: line.strip() and "\n" not in line and "\r" not in line and not line.startswith("WARC/"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=RECORDS, corrupt=CORRUPT, where=st.integers(min_value=0, max_value=8))
def test_one_corrupted_line_costs_only_itself(
    tmp_path: Path, records: list[dict[str, str]], corrupt: str, where: int
) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    position = min(where, len(lines))
    lines.insert(position, corrupt)
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(export)], IngestConfig()))
    rejected = [i for i in items if isinstance(i, Rejected)]
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert [r.path for r in rejected] == [f"{export}:line {position + 1}"]
    assert [a.text for a in articles] == [r["text"] for r in records]
    assert len({a.id for a in articles}) == len(articles)


@given(st.text(max_size=400))
def test_sniffing_jsonl_never_raises(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    assert looks_like_jsonl(data, complete=True) in (True, False)
    assert looks_like_jsonl(data, complete=False) in (True, False)


def test_half_the_lines_as_objects_is_enough_and_none_is_not() -> None:
    assert looks_like_jsonl(b'# export of 2021-06-14\n{"text": "a"}\n', complete=True)
    assert not looks_like_jsonl(b"one line\ntwo lines\n{\n", complete=True)
    assert looks_like_jsonl(b'header\n{"text": "a long record cut by the sniff win', complete=False)
    assert not looks_like_jsonl(b'header\n{"text": "a long record cut by the sniff win', complete=True)
