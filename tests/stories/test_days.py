"""Days of the month named in an article's text, in several languages and scripts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.stories.days import mentioned_days


def test_days_with_their_month_in_many_languages() -> None:
    assert mentioned_days("The dam at Kessmark gave way on 14 March, officials said.") == {14}
    assert mentioned_days("Rescuers worked through the night of Sept. 18, 2024.") == {18}
    assert mentioned_days("La presa cedió el 14 de marzo en Kessmark.") == {14}
    assert mentioned_days("Der Damm brach am 14. März bei Kessmark.") == {14}
    assert mentioned_days("Плотина прорвалась 14 марта, сообщили власти.") == {14}
    assert mentioned_days("Tama pękła 14 marca wieczorem.") == {14}
    assert mentioned_days("كسر السد في 14 مارس") == {14}


def test_east_asian_days_with_or_without_their_month() -> None:
    assert mentioned_days("3月14日、ケスマルクのダムが決壊した。") == {14}
    assert mentioned_days("地元当局は15日、死者が12人に達したと発表した。") == {15}
    assert mentioned_days("지난 14일 밤 댐이 무너졌다.") == {14}
    assert mentioned_days("２０２５年３月１４日") == {14}  # full-width digits
    assert mentioned_days("救助は3日間続いた。") == set()  # a duration, not a day


def test_numbers_that_are_not_days() -> None:
    assert mentioned_days("The families separated 2 years ago mark 12 points of agreement.") == set()
    assert mentioned_days("Turnout reached 45 percent in March.") == set()
    assert mentioned_days("On 45 March nothing happened.") == set()


@given(st.text(max_size=300))
def test_any_text_gives_days_of_a_month(text: str) -> None:
    assert all(1 <= day <= 31 for day in mentioned_days(text))
