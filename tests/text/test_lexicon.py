"""The lexicon: each word list, month table and stemmer exists once, in `rashomon/text/lexicon.py`."""

from __future__ import annotations

import re

import pytest
from repo_paths import ROOT

from rashomon.text import lexicon
from rashomon.text.lexicon import (
    INDEX_STOP_WORDS,
    MONTH_NUMBERS,
    MONTH_PATTERN,
    MONTH_PREFIX_PATTERN,
    STOP_WORDS,
    WEEKDAY_PATTERN,
    month_number,
    plural_stem,
    stem,
)

# A list of month or weekday names: "jan", "feb" / "January|February" / "Mon|Tue" one after the other.
_TABLES = re.compile(r"\bjan\w*\W{1,16}feb|\bmon\w*\W{1,16}tue", re.IGNORECASE)
_STEMMERS = re.compile(r'endswith\("ies"\)|\("ies", "y"\)')
_STOP_LISTS = re.compile(r"^\w*STOP_?WORDS\w*\s*(?::[^=\n]*)?=", re.MULTILINE)


def _modules() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "rashomon").rglob("*.py"))]


@pytest.mark.parametrize(("name", "pattern"), [("month or weekday table", _TABLES), ("stemmer", _STEMMERS)])
def test_word_lists_exist_once(name: str, pattern: re.Pattern[str]) -> None:
    found = [m for m in _modules() if pattern.search((ROOT / m).read_text(encoding="utf-8"))]
    assert found == ["rashomon/text/lexicon.py"], f"{name} outside the lexicon: {found}"


def test_stop_lists_are_defined_only_in_the_lexicon() -> None:
    found = [m for m in _modules() if _STOP_LISTS.search((ROOT / m).read_text(encoding="utf-8"))]
    assert found == ["rashomon/text/lexicon.py"]


def test_index_stop_words_extend_the_base_list() -> None:
    assert STOP_WORDS < INDEX_STOP_WORDS
    assert {"more", "most", "us"} <= INDEX_STOP_WORDS - STOP_WORDS


@pytest.mark.parametrize(
    ("written", "number"),
    [("Jan", 1), ("february", 2), ("Sept", 9), ("September", 9), ("sep", 9), ("MAY", 5), ("Dec.", 12)],
)
def test_month_numbers(written: str, number: int) -> None:
    assert month_number(written) == number


def test_month_table_covers_every_name_and_abbreviation() -> None:
    assert sorted(set(MONTH_NUMBERS.values())) == list(range(1, 13))
    assert month_number("Mayor") == 5  # read by three letters: callers match a month pattern first
    assert month_number("Xyz") is None


@pytest.mark.parametrize("written", ["Feb", "February", "Sept", "Sep", "September", "May", "June", "Jun"])
def test_month_pattern_reads_news_spellings(written: str) -> None:
    assert re.fullmatch(MONTH_PATTERN, written)
    assert re.fullmatch(MONTH_PREFIX_PATTERN, written)


def test_month_patterns_differ_as_documented() -> None:
    assert not re.fullmatch(MONTH_PATTERN, "Juli")
    assert re.fullmatch(MONTH_PREFIX_PATTERN, "Juli")
    assert re.fullmatch(WEEKDAY_PATTERN, "Thursday") and not re.fullmatch(WEEKDAY_PATTERN, "Thu")


@pytest.mark.parametrize(
    ("word", "singular"),
    [("strikes", "strike"), ("casualties", "casualty"), ("press", "press"), ("bus", "bus"), ("gas", "gas")],
)
def test_plural_stem(word: str, singular: str) -> None:
    assert plural_stem(word) == singular


def test_plural_stem_keeps_short_words_for_statements() -> None:
    assert plural_stem("says") == "say"
    assert plural_stem("says", shortest=4) == "says"
    assert plural_stem("allies", shortest=4) == "ally"


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("killed", "kill"), ("bombers", "bomber"), ("strikes", "strik"), ("carried", "carry"), ("press", "press")],
)
def test_stem_cuts_plural_and_tense_endings(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_lexicon_has_no_private_copies() -> None:
    public = [n for n in vars(lexicon) if n.isupper()]
    assert "MONTHS" in public and "WEEKDAYS" in public
