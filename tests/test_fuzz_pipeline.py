"""Fuzz test of issue 13: the whole pipeline, the CLI and the store on generated hostile articles.

Every run must exit 0 or 3 with a brief, keep the one known good article that is always in the
batch, and leave a store the next run can use (`brief --store` runs twice). Most examples call
the CLI in-process (typer's CliRunner); two run the real command in a subprocess. The example
counts keep it under a minute on two cores.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rashomon.cli import app

BODY = (
    "At least 12 people were killed when a dam failed above the town on Wednesday, the governor said on Friday.\n\n"
    '"We are doing everything we can to reach the people still cut off," said Governor Ann Smith.\n\n'
    "More than 80 people were treated for injuries, the health ministry said. Up to 40 remain missing."
)
GOOD = {"id": "good-article", "url": "https://example.org/good", "title": "Dam failure kills twelve in river town",
        "published": "2025-03-14", "source": "Example Wire", "language": "en", "text": BODY}  # fmt: skip

# Every character Unicode counts as a digit or number: decimal (Nd), letter-like (Nl: Roman
# numerals) and other (No: dingbats, Ethiopic, superscripts, fractions).
NUMBER_CHARS = "".join(
    c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) in ("Nd", "Nl", "No")
)
HOSTILE_DATES = ["1/1/0001 12:00:00 AM", "-0001-01-01", "0001-01-01", "9999-12-31T23:59:59-05:00", "0000-00-00",
                 "31/02/2025", "yesterday", "", "2025-13-45", "Mon, 01 Jan 0001 00:00:00 +0100", "\ud800"]  # fmt: skip

digits = st.text(alphabet=NUMBER_CHARS, min_size=1, max_size=12)
huge_number = st.integers(min_value=14, max_value=6000).map(lambda n: "9" * n)
noise = st.text(
    alphabet=st.characters(codec=None, categories=("Cc", "Cs", "Zs", "Zl", "Zp", "So", "Lo", "Nd", "No", "Po")),
    max_size=40,
)
sentence = st.one_of(
    st.just("Officials said the toll had risen again."),
    digits.map(lambda d: f"{d} people were killed, officials said."),
    huge_number.map(lambda n: f"Officials said {n} people were evacuated."),
    st.sampled_from(["Three days ago", "Next week", "Last year", "On Thursday", "99999999 days ago"]).map(
        lambda d: f"{d} the river rose by 3 metres."
    ),
    noise,
)
hostile_text = st.lists(sentence, min_size=1, max_size=12).map(lambda parts: " ".join(parts))


@st.composite
def hostile_record(draw: st.DrawFn) -> dict[str, object]:
    # Each from an outlet of its own: three articles of one outlet sharing the good article's
    # paragraphs would (rightly) teach cleaning that those paragraphs are the outlet's boilerplate.
    record: dict[str, object] = {**GOOD, "id": draw(st.text(min_size=1, max_size=20)), "url": None}
    record["source"] = "outlet " + draw(st.uuids()).hex
    record["published"] = draw(st.sampled_from(HOSTILE_DATES) | st.text(max_size=30))
    record["text"] = BODY.replace("12", draw(digits)) + "\n\n" + draw(hostile_text)
    record["title"] = draw(st.none() | noise)
    return record


def hostile_html(text: str, date: str) -> str:
    """A page with the date in its metadata, a digit bullet list and unclosed tags."""
    safe, date = (value.encode("utf-8", "replace").decode("utf-8") for value in (text, date))
    return (
        f'<html><head><meta property="article:published_time" content="{date}"><title>Dam breaks in town'
        f"</title></head><body><article><h1>Dam breaks<p>{BODY}</p><ul><li>➊ {safe}<li>፭ 40 hurt"
        "<script>var x = '<p>"
    )


def write_corpus(folder: Path, records: list[dict[str, object]], html: str, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(GOOD), "{not json", "", "[1, 2]"]
    lines += [json.dumps(r) for r in records]  # surrogates are escaped by json.dumps: a valid file
    (folder / "stream.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / f"{name}.html").write_text(html, encoding="utf-8")


def check_outputs(out: Path) -> None:
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert "good-article" in {a["id"] for a in brief["articles"]}


# No shrinking: one example runs the whole CLI twice, and shrinking one failure took minutes; the
# failing example and its traceback are printed as they are.
@settings(max_examples=8, deadline=None, phases=(Phase.explicit, Phase.generate), database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(
    records=st.lists(hostile_record(), min_size=1, max_size=3),
    page_text=hostile_text,
    page_date=st.sampled_from(HOSTILE_DATES),
    name=st.text(alphabet=st.characters(categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=12),
)
def test_hostile_batches_keep_the_good_article_and_the_store(
    tmp_path_factory: object, records: list[dict[str, object]], page_text: str, page_date: str, name: str
) -> None:
    base = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    safe_name = name.replace("/", "_").replace("\x00", "_").strip(".") or "page"
    write_corpus(base / "in", records, hostile_html(page_text, page_date), safe_name)
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["brief", str(base / "in"), "-o", str(base / "out"), "-q", "-f", "json,md,html",
                                     "--store", str(base / "s.db")])  # fmt: skip
        assert result.exit_code in (0, 3), (result.exit_code, result.output, repr(result.exception))
        check_outputs(base / "out")


def test_hostile_batches_in_a_real_process(tmp_path: Path) -> None:
    """The real command, twice on one store, on a batch holding every kind of crasher at once."""
    records = [
        {**GOOD, "id": f"bad-{n}", "url": f"https://example.org/{n}", "published": date, "source": f"outlet {n}",
         "text": BODY + f"\n\n➊ {n} ፭ Ⅻ ² {'9' * 5000} killed. Three days ago \x07 it rained."}
        for n, date in enumerate(HOSTILE_DATES)
    ]  # fmt: skip
    write_corpus(tmp_path / "in", records, hostile_html("➊ 12 people", "1/1/0001 12:00:00 AM"), "odd name ➊")
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "rashomon", "brief", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q",
             "--store", str(tmp_path / "s.db")],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode in (0, 3), done.stderr
        check_outputs(tmp_path / "out")


def test_a_batch_of_only_hostile_inputs_exits_3_with_a_brief(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "junk.jsonl").write_text('{"text": "\\ud800"}\n{oops\n', encoding="utf-8")
    (tmp_path / "in" / "empty.html").write_text("<html><body><p>", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "rashomon", "brief", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))["rejected"]
