"""Figures in other languages: digits, number words, scales, modifiers, vague words, masks."""

from __future__ import annotations

import pytest

from rashomon.text.figures import find_figures, parse_number
from rashomon.text.languages import Lexicon, lexicon


def lex(code: str) -> Lexicon:
    found = lexicon(code)
    assert found is not None
    return found


def intervals(text: str, code: str) -> list[tuple[float | None, float | None]]:
    return [(m.low, m.high) for m in find_figures(text, lex(code))]


@pytest.mark.parametrize(
    ("code", "written", "value"),
    [
        ("fr", "2.015", 2015),
        ("fr", "1,35 million", 1_350_000),
        ("fr", "640 000", 640_000),
        ("es", "3.400", 3400),
        ("de", "2,5 Millionen", 2_500_000),
        ("ru", "1,5 млн", 1_500_000),
        ("en-like", "", 0),
        ("zh", "3.5億", 350_000_000),
        ("zh", "二十三", 23),
        ("ko", "12만", 120_000),
    ],
)
def test_numbers_are_read_the_language_s_way(code: str, written: str, value: float) -> None:
    if code == "en-like":
        assert lexicon("en") is None  # English has its own reader (text.numbers)
        return
    assert parse_number(written, lex(code)) == pytest.approx(value)


def test_modifiers_before_and_after_make_intervals() -> None:
    assert intervals("au moins 14 morts et plus de 200 blessés", "fr") == [(14, None), (201, None)]
    assert intervals("не менее 7 человек погибли, до 30 ранены", "ru") == [(7, None), (None, 30)]
    assert intervals("至少8人死亡，逾300人失聯", "zh") == [(8, None), (301, None)]
    assert intervals("2만명 이상이 모였다", "ko") == [(20_000, None)]
    assert intervals("乗客200人余りが避難", "ja") == [(201, None)]


def test_vague_quantities_are_intervals() -> None:
    assert intervals("des dizaines de blessés", "fr") == [(20, 99)]
    assert intervals("десятки раненых", "ru") == [(20, 99)]
    assert intervals("数十人がけが", "ja") == [(20, 99)]
    assert intervals("عشرات المصابين", "ar") == [(20, 99)]


def test_dates_times_ages_and_durations_are_not_figures() -> None:
    assert intervals("Le 12 mars 2024 à 14h30, un homme de 45 ans", "fr") == []
    assert intervals("12 de mayo, durante 8 horas", "es") == []
    assert intervals("3日午後4時15分、20代の男性", "ja") == []
    assert intervals("29일 오후 10시, 20대 남성", "ko") == []
    assert intervals("下午3時20分，一名45歲男子", "zh") == [(1, 1)]  # one man, not his age nor the time


def test_arabic_indic_digits_and_duals() -> None:
    assert intervals("مقتل ١٢ شخصا", "ar") == [(12, 12)]
    assert intervals("لقي شخصان مصرعهما", "ar") == [(2, 2)]


def test_an_indefinite_article_is_one_only_beside_a_counted_word() -> None:
    assert intervals("La policía detuvo a un hombre en el puerto.", "es") == [(1, 1)]
    assert intervals("Una mujer resultó herida.", "es") == [(1, 1)]
    assert intervals("Vivía en una casa junto a un río.", "es") == []
    assert intervals("Une femme a été tuée dans un immeuble.", "fr") == [(1, 1)]
