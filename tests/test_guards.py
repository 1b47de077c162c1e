"""Issue 13, section 1 and "what to build": one article never stops a batch or poisons a store.

Each crasher of the issue has a test that failed on the old code (an OverflowError or ValueError
that ended the run with exit 1), and the guard itself is tested with a stage made to fail on one
marked article (an unknown bug, as far as the runner can tell).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import rashomon.annotate as annotate_module
import rashomon.brief.summary as summary_module
from rashomon.adding import add_to_store, rebrief
from rashomon.clean.dates import normalise_date, normalise_instant
from rashomon.clean.limits import cut_article
from rashomon.cli import app
from rashomon.config import Config, LimitsConfig
from rashomon.guard import failure_reason
from rashomon.pipeline import run
from rashomon.provenance.spin import canonical_tokens
from rashomon.records import Article, Sentence
from rashomon.store import Store
from rashomon.text.dates import find_dates
from rashomon.text.numbers import find_mentions

BODY = (
    "At least 12 people were killed when a dam failed above the town on Wednesday, the governor said on Friday.\n\n"
    '"We are doing everything we can to reach the people still cut off," said Governor Ann Smith.\n\n'
    "More than 80 people were treated for injuries, the health ministry said. Up to 40 remain missing."
)
GOOD = {"id": "good", "url": "https://example.org/good", "title": "Dam failure kills twelve in river town",
        "published": "2025-03-14", "source": "Example Wire", "language": "en", "text": BODY}  # fmt: skip


def write_jsonl(path: Path, *overrides: dict[str, str]) -> Path:
    """The good record and one record per override (the good one with those fields changed)."""
    bad = ({**GOOD, "id": f"bad{n}", "url": f"https://example.org/{n}", **o} for n, o in enumerate(overrides))
    records = [GOOD, *bad]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ---- the crashers of section 1 ----
@pytest.mark.parametrize("value", ["1/1/0001 12:00:00 AM", "-0001-01-01", "12/31/9999 11:59:59 PM"])
def test_a_date_outside_pythons_range_is_no_date(value: str) -> None:
    assert normalise_date(value) is None


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
def test_an_instant_outside_pythons_range_is_no_instant(value: str) -> None:
    assert normalise_instant(value) is None


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("Three days ago five people were hurt.", dt.date(1, 1, 1)),
        ("They meet next week, and last year it rained.", dt.date(9999, 12, 31)),
        ("It happened 99999999 days ago.", dt.date(2020, 1, 1)),
        ("In January 0000 it rained.", None),
    ],
)
def test_date_arithmetic_that_leaves_the_calendar_is_no_date(text: str, base: dt.date | None) -> None:
    assert all(1 <= m.first.year <= 9999 for m in find_dates(text, base))


def test_dingbat_and_ethiopic_digits_are_words_not_numbers() -> None:
    assert canonical_tokens("➊ 12 people, ፭ died, ٣٤ hurt") == ["➊", "12", "people", "፭", "kill", "34", "injure"]


@pytest.mark.parametrize("digits", [16, 400, 5000])
def test_a_run_of_too_many_digits_is_not_a_figure(digits: int) -> None:
    assert [m.text for m in find_mentions(f"Officials said {'9' * digits} people died and 12 were hurt.")] == ["12"]
    assert canonical_tokens("9" * digits)  # longer than Python's int-string limit: no ValueError


def test_fifteen_digits_are_still_a_figure() -> None:
    assert [m.low for m in find_mentions("They owe 123456789012345 dollars.")] == [123456789012345.0]


@pytest.mark.parametrize(
    "override",
    [
        {"published": "-0001-01-01"},
        {"published": "1/1/0001 12:00:00 AM"},
        {"published": "0001-01-01T00:00:00+05:00"},
        {"text": BODY + "\n\nThe list: ➊ 12 people were killed. ፭ 40 were hurt. ➋➌ killed 5."},
        {"text": BODY + "\n\nOfficials said " + "9" * 400 + " people were killed."},
        {"text": BODY + "\n\nOfficials said " + "9" * 5000 + " people were killed."},
    ],
)
def test_a_crasher_of_section_1_keeps_the_batch_and_the_store(tmp_path: Path, override: dict[str, str]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", override)
    runner = CliRunner()
    for _ in range(2):  # the second run used to fail on the article the first one stored
        result = runner.invoke(app, ["brief", str(source), "-o", str(tmp_path / "out"), "-q",
                                     "--store", str(tmp_path / "s.db")])  # fmt: skip
        assert result.exit_code == 0, result.output
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert {"good", "bad0"} <= {a["id"] for a in brief["articles"]}


# ---- the guard ----
def test_failure_reason_is_one_short_line() -> None:
    reason = failure_reason("clean", ValueError("bad\nthing \ud800" + "x" * 1000))
    assert reason.startswith("clean failed: ValueError: bad thing \\ud800")
    assert "\n" not in reason and len(reason) <= 300
    reason.encode("utf-8")


@pytest.fixture
def poisoned_annotate(monkeypatch: pytest.MonkeyPatch) -> None:
    """annotate raises on any article whose text holds POISON: a bug the runner knows nothing of."""
    real = annotate_module.annotate

    def annotate(article: Article, *args: object, **kwargs: object) -> object:
        if "POISON" in article.text:
            raise RuntimeError("poisoned\narticle")
        return real(article, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(annotate_module, "annotate", annotate)


@pytest.mark.usefixtures("poisoned_annotate")
def test_an_article_that_breaks_a_stage_is_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", {"text": BODY + " POISON"})
    result = run(source)
    assert [a.id for a in result.brief.articles] == ["good"]
    assert [r.reason for r in result.brief.rejected] == ["analysis failed: RuntimeError: poisoned article"]
    assert result.brief.rejected[0].path.endswith("in.jsonl:line 2")
    assert all(s.articles == ("good",) for s in result.brief.stories)


@pytest.mark.usefixtures("poisoned_annotate")
def test_nothing_that_breaks_a_stage_reaches_the_store(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    added = add_to_store(store, write_jsonl(tmp_path / "in.jsonl", {"text": BODY + " POISON"}))
    assert [a.id for a in store.articles()] == ["good"]
    assert [r.reason for r in added.rejected] == ["analysis failed: RuntimeError: poisoned article"]


def test_a_store_holding_a_bad_article_heals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    add_to_store(store, write_jsonl(tmp_path / "in.jsonl"))
    poisoned = Article(id="poisoned", path="old/poisoned.txt", text=BODY + " POISON", source="Other",
                       sentences=(Sentence("poisoned", 0, BODY + " POISON"),), published="2025-03-14")  # fmt: skip
    store.add_articles([poisoned])  # stored by an older Rashomon, before the guard existed
    real = annotate_module.annotate
    monkeypatch.setattr(
        annotate_module,
        "annotate",
        lambda a, *rest: (_ for _ in ()).throw(RuntimeError("old bug")) if "POISON" in a.text else real(a, *rest),
    )
    brief = rebrief(store)
    assert [a.id for a in brief.articles] == ["good"]
    expected = [("old/poisoned.txt", "analysis failed: RuntimeError: old bug")]
    assert [(r.path, r.reason) for r in brief.rejected] == expected
    stored = store.load_brief()
    assert stored is not None and stored.rejected == brief.rejected and stored.articles == brief.articles


def test_a_story_whose_brief_fails_gets_a_minimal_brief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> object:
        raise ZeroDivisionError("a bug in the summary")

    monkeypatch.setattr(summary_module, "summarise", broken)
    result = run(write_jsonl(tmp_path / "in.jsonl"))
    (story,) = result.brief.stories
    assert story.articles == ("good",) and story.claims == () and story.summary.long == ()
    assert [r.reason for r in result.brief.rejected] == [
        "brief failed: ZeroDivisionError: a bug in the summary (the story's brief lists its articles only)"
    ]
    assert result.brief.rejected[0].path == f"story {story.id}"


# ---- limits ----
def test_an_article_over_the_limits_is_cut_and_says_so() -> None:
    sentences = tuple(Sentence("a", i, f"Sentence number {i} is here.", i // 3) for i in range(30))
    article = Article(id="a", path="a.txt", text=" ".join(s.text for s in sentences), sentences=sentences)
    cut = cut_article(article, LimitsConfig(article_chars=10_000, article_sentences=10))
    assert len(cut.sentences) == 10 and cut.cut == ("text cut at 10 sentences",)
    first = cut.text.split("\n\n")[0]
    assert first == "Sentence number 0 is here. Sentence number 1 is here. Sentence number 2 is here."
    cut = cut_article(article, LimitsConfig(article_chars=100, article_sentences=1000))
    assert len(cut.text) <= 100 and cut.cut == ("text cut at 100 characters",)


def test_a_cut_is_listed_in_the_brief_and_kept_by_the_store(tmp_path: Path) -> None:
    long_text = BODY + "\n\n" + " ".join(f"Witnesses said the water rose {n} metres." for n in range(2000))
    source = write_jsonl(tmp_path / "in.jsonl", {"text": long_text})
    config = Config(limits=LimitsConfig(article_chars=20_000, article_sentences=100))
    store = Store.open(str(tmp_path / "s.db"))
    added = add_to_store(store, source, config)
    infos = {a.id: a.cut for a in added.brief.articles}
    assert infos == {"good": (), "bad0": ("text cut at 20,000 characters", "text cut at 100 sentences")}
    assert {a.id: a.cut for a in store.articles()} == infos
    assert {a.id: a.cut for a in rebrief(store, config=config).articles} == infos
