"""Rules of issue 16's fifth pass, each on invented sentences: Russian collective numerals, ages
and number signs, a breakdown after a colon, "в том числе", a verb past an aside, hospital and
condition words, attackers and crowds; CJK lists; Arabic "فقدوا"."""

from __future__ import annotations

from facts_helpers import make_article

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.records import Claim, Sentence


def claims(code: str, *sentences: str) -> list[Claim]:
    article = make_article("x5", "placeholder", source="outlet.example")
    article.sentences = tuple(Sentence("x5", i, s) for i, s in enumerate(sentences))
    article.language = code
    return extract_claims(annotate(article))


def found(code: str, sentence: str) -> list[tuple[float | None, str]]:
    return [(c.low, c.quantity) for c in claims(code, sentence)]


def test_russian_collective_numerals_count_people() -> None:
    assert found("ru", "Семеро рабочих и двое охранников были убиты ночью.") == [(7, "killed"), (2, "killed")]
    assert found("ru", "Погибли семь человек, в том числе пятеро детей.") == [(7, "killed"), (5, "killed")]


def test_russian_ages_and_latin_number_signs_are_not_figures() -> None:
    assert found("ru", "Двое рабочих были убиты 23-летним стрелком.") == [(2, "killed")]
    assert found("ru", "Траур по жертвам трагедии в лицее N 48.") == []


def test_a_breakdown_after_a_colon_counts_the_same_quantity() -> None:
    got = found("ru", "Погибли шесть человек: три мальчика, две девочки и водитель.")
    assert got == [(6, "killed"), (3, "killed"), (2, "killed")]
    # a list that follows no colon keeps the old caution about number words
    assert found("ru", "Погибли шесть человек, три района закрыты.") == [(6, "killed")]


def test_the_verb_past_an_aside_says_what_is_counted() -> None:
    got = found("ru", "Также 14 человек, большинство из которых школьники, в результате взрыва пострадали.")
    assert got == [(14, "wounded")]


def test_russian_hospital_condition_attackers_and_crowd_words() -> None:
    assert found("ru", "12 детей и трое взрослых попали в больницу.") == [(12, "wounded"), (3, "wounded")]
    got = found("ru", "По словам министра, четыре рабочих находятся в тяжелом состоянии, еще трое — в крайне тяжелом.")
    assert got == [(4, "wounded"), (3, "wounded")]
    assert found("ru", "Полиция сообщила, что нападавших было трое.") == [(3, "attackers")]
    assert found("ru", "К зданию устремились тысячи горожан с цветами.") == [(2000, "crowd")]


def test_a_cjk_list_item_does_not_take_the_next_items_word() -> None:
    assert found("ja", "政府は2日、死者が1056人、負傷者は900人を超えたと明らかにした。") == [
        (1056, "killed"),
        (901, "wounded"),
    ]


def test_arabic_went_missing() -> None:
    assert found("ar", "وأعلنت السلطات أن أكثر من 300 شخص فقدوا في السيول.") == [(301, "missing")]
