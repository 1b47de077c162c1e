"""Figures as intervals: digits, number words, vague words, bounds, and what is never a figure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.text.numbers import find_mentions, overlaps, parse_plain


def only(text: str) -> tuple[str, float | None, float | None]:
    mentions = find_mentions(text)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return m.text, m.low, m.high


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("five people died", 5, 5),
        ("twenty-five people died", 25, 25),
        ("1,500 people fled", 1500, 1500),
        ("2.5 million dollars", 2_500_000, 2_500_000),
        ("several dozen were hurt", 24, 99),
        ("several dozens of citizens", 24, 99),
        ("dozens of homes", 24, 99),
        ("tens of nationals", 20, 99),
        ("hundreds of citizens", 200, 999),
        ("scores of mercenaries", 40, 99),
        ("thousands of people", 2000, 9999),
        ("tens of thousands of people", 20_000, 99_999),
        ("a dozen soldiers", 12, 12),
        ("up to 200 fighters", None, 200),
        ("more than 500 fighters", 501, None),
        ("at least 100 militia", 100, None),
        ("fewer than 10 people", None, 9),
        ("250 to 300 people", 250, 300),
        ("between 2,000 and 3,000 residents", 2000, 3000),
        ("two or three people", 2, 3),
    ],
)
def test_figure_intervals(text: str, low: float | None, high: float | None) -> None:
    _, got_low, got_high = only(text)
    assert (got_low, got_high) == (low, high)


def test_estimated_and_approximate_are_hedges_not_ranges() -> None:
    estimated = find_mentions("killed an estimated 100 militia")[0]
    assert (estimated.low, estimated.high, estimated.hedges) == (100, 100, ("estimated",))
    about = find_mentions("some 200 soldiers were deployed")[0]
    assert (about.low, about.high, about.hedges) == (200, 200, ("approximately",))


@pytest.mark.parametrize(
    "text",
    [
        "It happened on February 15, 2018 in the morning.",
        "On Feb. 7 the clash began.",
        "It was 7 March when they came.",
        "The wall was built in 1985.",
        "Russia joined in September 2015.",
        "A 67-year-old man, aged 67, spoke.",
        "They met at 11:30 p.m. and again at 9 am.",
        "He lives at 12 Harbour Street.",
        "It lasted three days and covered 40 km.",
        "The 2nd battalion and F-16 jets arrived.",
        "One of them said so; no one knows.",
        "There were no reports of casualties.",
        "Several others were wounded.",
    ],
)
def test_dates_ages_times_addresses_and_units_are_not_figures(text: str) -> None:
    assert find_mentions(text) == []


def test_spans_point_into_the_original_text() -> None:
    text = "On Feb. 7, 2018, at least 5 volunteers and dozens of others were hurt."
    for m in find_mentions(text):
        assert text[m.start : m.end] == m.text


_UNITS = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words_for(n: int) -> str:
    """English words for 1 <= n < 1,000,000 (our own speller, to test the parser against)."""
    if n >= 1000:
        rest = n % 1000
        return words_for(n // 1000) + " thousand" + (" " + words_for(rest) if rest else "")
    if n >= 100:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + (" and " + words_for(rest) if rest else "")
    if n >= 20:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    return _UNITS[n]


@given(st.integers(min_value=1, max_value=999_999))
def test_number_words_parse_to_their_value(n: int) -> None:
    assert parse_plain(words_for(n)) == n


@given(st.integers(min_value=1, max_value=10_000_000))
def test_digits_with_thousands_separators_parse(n: int) -> None:
    assert parse_plain(f"{n:,}") == n
    assert parse_plain(str(n)) == n


@given(
    st.integers(min_value=2, max_value=50_000),
    st.sampled_from(["more than", "at least", "up to", "fewer than", "an estimated", ""]),
)
def test_bounds_always_contain_the_stated_value_edge(n: int, modifier: str) -> None:
    text = f"Officials said {modifier} {n:,} people were killed.".replace("  ", " ")
    mentions = find_mentions(text)
    assert len(mentions) == 1
    m = mentions[0]
    assert m.low is None or m.high is None or m.low <= m.high
    expected = {
        "more than": (n + 1, None),
        "at least": (n, None),
        "up to": (None, n),
        "fewer than": (None, n - 1),
        "an estimated": (n, n),
        "": (n, n),
    }[modifier]
    assert (m.low, m.high) == expected


@given(st.integers(1, 1000), st.integers(0, 1000), st.integers(1, 1000), st.integers(0, 1000))
def test_overlap_is_symmetric(a: int, wa: int, b: int, wb: int) -> None:
    x, y = (float(a), float(a + wa)), (float(b), float(b + wb))
    assert overlaps(x, y) == overlaps(y, x)
    assert overlaps(x, (None, None))


@pytest.mark.parametrize(
    "text", ["No one was hurt.", "No U.S. coalition casualties were reported.", "There were no deaths."]
)
def test_zeros_are_figures(text: str) -> None:
    (zero,) = find_mentions(text)
    assert (zero.low, zero.high) == (0, 0)
