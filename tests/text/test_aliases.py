"""The alias table: one name per thing, and no city or common word taken for a country."""

from __future__ import annotations

import pytest

from rashomon.brief.entities import find_entities
from rashomon.provenance.spin import content_tokens
from rashomon.records import Article, Sentence
from rashomon.text.aliases import ACRONYMS, ALIASES, alias_display, canonical_name, same_name


@pytest.mark.parametrize("written", ["U.S.", "US", "USA", "United States", "the United States", "America"])
def test_spellings_of_the_united_states_agree(written: str) -> None:
    assert alias_display(written) == "United States"
    assert canonical_name(written) == canonical_name("United States")


@pytest.mark.parametrize("written", ["IS", "ISIS", "ISIL", "Islamic State", "Daesh", "Isis"])
def test_spellings_of_islamic_state_agree(written: str) -> None:
    assert alias_display(written) == "Islamic State"


@pytest.mark.parametrize(
    ("word", "not_meant"),
    [("us", "United States"), ("is", "Islamic State"), ("un", "United Nations"), ("Un", "United Nations")],
)
def test_lower_case_words_are_not_acronyms(word: str, not_meant: str) -> None:
    assert alias_display(word) is None
    assert not same_name(word, not_meant)


@pytest.mark.parametrize("acronym", ["UN", "U.N.", "EU", "MoD", "MOD", "UK", "U.K."])
def test_acronyms_written_in_capitals_or_dots_resolve(acronym: str) -> None:
    assert alias_display(acronym) is not None


def test_no_city_or_common_word_is_a_key() -> None:
    words = {"washington", "moscow", "london", "beijing", "kremlin", "is", "us", "un", "eu", "mod", "it", "in"}
    assert not words & set(ALIASES)
    assert all(any(c.isupper() for c in a) for a in ACRONYMS)


def test_coach_kenny_washington_is_not_the_united_states() -> None:
    assert alias_display("Washington") is None
    assert not same_name("Coach Kenny Washington", "United States")
    sentences = (
        "Coach Kenny Washington said the team would play in Ohio.",
        "The United States team beat Canada.",
        "Coach Kenny Washington praised the U.S. players.",
    )
    article = Article(
        id="a1",
        path="a1.txt",
        text=" ".join(sentences),
        sentences=tuple(Sentence("a1", i, s, 0) for i, s in enumerate(sentences)),
    )
    entities = find_entities([article])
    assert any(e.name == "United States" for e in entities)
    for entity in entities:
        names = {entity.name, *entity.aliases}
        assert not ({"United States", "U.S."} & names and any("Washington" in n for n in names)), entity


def test_spin_reads_acronyms_only_in_capitals() -> None:
    assert content_tokens("IS fighters") == content_tokens("ISIS fighters") == content_tokens("Daesh fighters")
    assert content_tokens("it is fighters") != content_tokens("ISIS fighters")
    assert content_tokens("the U.S. Central Command") == content_tokens("CENTCOM")
