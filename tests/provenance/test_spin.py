"""The spin normaliser: the swaps copiers make must not change a sentence's tokens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.config import ProvenanceConfig
from rashomon.provenance.sentence_reuse import match_sentences
from rashomon.provenance.spin import canonical_tokens, content_tokens
from rashomon.records import Article, Sentence


def test_country_names_and_abbreviations() -> None:
    assert content_tokens("Russia") == content_tokens("the Russian Federation")
    assert content_tokens("U.S.-led forces") == content_tokens("USA -led forces") == content_tokens("US-led forces")
    assert content_tokens("the United States") == content_tokens("the U.S.")


def test_dates_and_number_words() -> None:
    assert content_tokens("on Feb. 7") == content_tokens("on February 7")
    assert content_tokens("five people") == content_tokens("5 people")
    assert content_tokens("10,000 people") == content_tokens("10000 people")
    assert content_tokens("Sept. 12") == content_tokens("September 12")


def test_synonym_swaps() -> None:
    assert content_tokens("five were killed, officials said") == content_tokens("5 were slain, officials stated")


def test_accents_and_quotes_do_not_matter() -> None:
    assert canonical_tokens("“Deir Ezzór” isn’t far") == canonical_tokens('"Deir Ezzor" isn\'t far')
    assert content_tokens("Deir al-Zour") == content_tokens("Deir ez-Zor") == content_tokens("Deir Ezzor")


_WORDS = st.sampled_from(
    ["Russia", "ferry", "coast", "guard", "U.S.", "five", "Feb.", "7", "minister", "said", "harbour", "Navy"]
)


@given(st.lists(_WORDS, min_size=1, max_size=30))
def test_case_and_spacing_never_change_tokens(words: list[str]) -> None:
    text = " ".join(words)
    assert content_tokens(text) == content_tokens("  ".join(words))
    assert canonical_tokens(text.upper()) == canonical_tokens(text)


@given(st.lists(_WORDS, min_size=8, max_size=30))
def test_a_copied_sentence_always_matches(words: list[str]) -> None:
    sentence = " ".join(words) + "."
    if len(set(content_tokens(sentence))) < 5:
        return
    articles = [Article(id=i, path=i, text=sentence, sentences=(Sentence(i, 0, sentence),)) for i in ("a", "b")]
    matches = match_sentences(articles, ProvenanceConfig())
    assert [(m.article_a, m.article_b, m.similarity) for m in matches] == [(0, 1, 1.0)]


@given(st.integers(min_value=2, max_value=9), st.integers(min_value=1, max_value=9), st.sampled_from(["-", " "]))
def test_compound_number_words_are_one_figure(tens: int, units: int, joiner: str) -> None:
    words = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
    ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    written = f"{words[tens]}{joiner}{ones[units]}"
    assert canonical_tokens(f"put the toll at {written} people") == canonical_tokens(
        f"put the toll at {tens * 10 + units} people"
    )
