"""Sentence splitting against our gold set, language detection, Unicode normalisation."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from rashomon.clean.language import detect_language, normalise_language
from rashomon.clean.sentences import split_sentences, unglue
from rashomon.clean.unicode import normalise_text

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "sentences_gold.txt"


def gold_paragraphs() -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in GOLD.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#"):
            continue
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def test_gold_sentences_are_split_exactly() -> None:
    gold = gold_paragraphs()
    assert len(gold) >= 30
    wrong = [p for p in gold if split_sentences(" ".join(p)) != p]
    assert not wrong


@given(st.text(max_size=300))
def test_splitting_loses_no_characters(text: str) -> None:
    paragraph = normalise_text(text).replace("\n", " ")
    assert "".join("".join(split_sentences(paragraph)).split()) == "".join(paragraph.split())


def test_sentences_glued_by_extraction_are_separated() -> None:
    glued = 'The river rose.Rescuers arrived at dawn."We lost everything," she said.It rained again.'
    assert split_sentences(unglue(glued)) == [
        "The river rose.",
        "Rescuers arrived at dawn.",
        '"We lost everything," she said.',
        "It rained again.",
    ]
    assert unglue("He visited the U.S.Then he left. See example.com now.") == (
        "He visited the U.S.Then he left. See example.com now."
    )


def test_languages() -> None:
    assert detect_language("The harbour council approved the plan on Tuesday after a long debate.") == "en"
    assert detect_language("Le conseil du port a approuvé le projet mardi après un long débat.") == "fr"
    assert detect_language("Der Hafenrat hat den Plan am Dienstag nach langer Debatte gebilligt.") == "de"
    assert detect_language("12 34 !!") == "und"
    assert normalise_language("en-US") == "en" and normalise_language("English") is None


def test_unicode_is_repaired_and_quotes_straightened() -> None:
    assert normalise_text("Russiaâ€™s") == "Russia's"
    assert normalise_text("\u201cYes,\u201d he said \u2018no\u2019") == "\"Yes,\" he said 'no'"
    assert normalise_text("Cafe\u0301\u00a0 au\u200b lait\r\nx") == "Café au lait\nx"
    assert normalise_text("AT&amp;T") == "AT&T"


@given(st.text(max_size=200))
def test_normalising_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
