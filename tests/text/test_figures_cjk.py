"""CJK number forms of election reports, on invented sentences: numbers written in sections of ten
thousand ("1천639만4천815", "1728만 7513", "1億2000万"), and full-width digits ("５０．１％")."""

from __future__ import annotations

import pytest

from rashomon.text.figures import find_figures, parse_number
from rashomon.text.languages import Lexicon, lexicon


def lex(code: str) -> Lexicon:
    found = lexicon(code)
    assert found is not None
    return found


def figures(text: str, code: str) -> list[tuple[str, float | None, float | None]]:
    return [(m.text, m.low, m.high) for m in find_figures(text, lex(code))]


@pytest.mark.parametrize(
    ("code", "written", "value"),
    [
        ("ko", "1천639만4천815", 16_394_815),
        ("ko", "1614만7950", 16_147_950),
        ("ko", "2억 5천만", 250_000_000),
        ("ko", "1천만", 10_000_000),
        ("ja", "1億2000万", 120_000_000),
        ("zh", "3億5000萬", 350_000_000),
        ("zh", "1.2万", 12_000),
    ],
)
def test_a_number_in_sections_of_ten_thousand_is_one_number(code: str, written: str, value: float) -> None:
    assert parse_number(written, lex(code)) == pytest.approx(value)


def test_the_digits_after_a_unit_belong_to_the_number() -> None:
    assert figures("그는 총 1412만 3456표를 얻었다.", "ko") == [("1412만 3456", 14_123_456, 14_123_456)]
    assert figures("박 후보는 31만 2204표(2.1%)를 얻었다.", "ko") == [
        ("31만 2204", 312_204, 312_204),
        ("2.1", 2.1, 2.1),
    ]
    assert figures("候補Aは1万2345票を得た。", "ja") == [("1万2345", 12_345, 12_345)]
    # "만에" after a duration is "after", not ten thousand; a year after its own unit is a year
    assert figures("2년 만에 2만 명이 모였다.", "ko") == [("2만", 20_000, 20_000)]


def test_an_odd_count_after_a_sectioned_number() -> None:
    # "-odd" after a unit stays under the next unit (the gold's "25만여표" is [250000, 259999])
    assert figures("두 후보의 차이는 31만여표였다.", "ko") == [("31만여", 310_000, 319_999)]


def test_full_width_digits_are_read() -> None:
    assert figures("得票率は５０．１％だった。", "ja") == [("５０．１", 50.1, 50.1)]
    assert figures("３９００人が避難した。", "ja") == [("３９００", 3900, 3900)]
