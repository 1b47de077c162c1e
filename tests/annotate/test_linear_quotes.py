"""Quotes are found in time linear in the article: counted, never timed (issue 13, section 2).

Each test would have caught one quadratic path: the sentence of every quote found by scanning
every sentence, for every sentence; the quote pattern scanning to the end of the paragraph from
every opening mark that is never closed; the paragraph's text built by adding sentence after
sentence. The adversarial shapes (one giant paragraph, thousands of marks) must still give the
right quotes.
"""

from __future__ import annotations

import random
import re

import pytest

from rashomon.annotate import annotate, quotes
from rashomon.records import Article, Sentence


def _article(paragraphs: list[list[str]], title: str | None = "Harbour plan") -> Article:
    sentences = [
        Sentence("a", n, text, p)
        for n, (p, text) in enumerate((p, text) for p, texts in enumerate(paragraphs) for text in texts)
    ]
    body = "\n\n".join(" ".join(texts) for texts in paragraphs)
    return Article(id="a", path="a.txt", text=body, sentences=tuple(sentences), title=title)


def _quoted(n: int) -> str:
    return f"“We will rebuild quay number {n} before the winter storms,” Dana Krell said."


def test_the_sentence_of_each_quote_is_found_once_not_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = quotes._sentence_of

    def counting(para: quotes._Paragraph, offset: int) -> int:
        nonlocal calls
        calls += 1
        return real(para, offset)

    monkeypatch.setattr(quotes, "_sentence_of", counting)
    found, _ = quotes.attributions(_article([[_quoted(n) for n in range(300)]]))
    assert len(found) == 300
    assert calls <= 2 * 300  # where it starts, where it ends; 90,000 when every sentence scanned them all


@pytest.mark.parametrize("offset", [0, 5, 6, 7, 30, 10_000])
def test_sentence_of_is_the_last_sentence_starting_at_or_before(offset: int) -> None:
    para = quotes._Paragraph("x" * 40, [0, 6, 20], [0, 1, 2])
    expected = max(i for i, start in enumerate(para.starts) if start <= offset)
    assert quotes._sentence_of(para, offset) == expected


def _regex_spans(text: str, open_mark: str, close_mark: str) -> list[tuple[int, int]]:
    """The pattern `_paired` replaces, for comparison."""
    pattern = re.escape(open_mark) + "[^" + re.escape(close_mark) + "]{2,}" + re.escape(close_mark)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def test_paired_marks_are_found_as_the_pattern_found_them() -> None:
    rng = random.Random(7)
    for _ in range(2_000):
        text = "".join(rng.choice("“”«»„ab ") for _ in range(rng.randint(0, 30)))
        for open_mark, close_mark in quotes._PAIRS:
            assert quotes._paired(text, open_mark, close_mark) == _regex_spans(text, open_mark, close_mark)


def test_thousands_of_unclosed_marks_read_the_paragraph_a_bounded_number_of_times() -> None:
    class Counting(str):
        finds = 0

        def find(self, *args: object) -> int:  # type: ignore[override]
            Counting.finds += 1
            return super().find(*args)  # type: ignore[arg-type]

    marks = 5_000
    text = Counting("“ harbour " * marks)
    assert quotes._paired(text, "“", "”") == []
    assert Counting.finds <= 2  # the first opening, then no closing mark anywhere after it


def test_paragraph_text_is_the_sentences_joined_by_spaces() -> None:
    article = _article([["One.", "Two two.", "Three."], ["Four."]])
    first, second = quotes._paragraphs(article)
    assert (first.text, first.starts, first.indices) == ("One. Two two. Three.", [0, 5, 14], [0, 1, 2])
    assert (second.text, second.starts, second.indices) == ("Four.", [0], [3])


def test_one_giant_paragraph_keeps_every_quote_and_speaker() -> None:
    texts = [
        sentence
        for n in range(200)
        for sentence in (
            "Governor Ilse Marovec visited the harbour of Velmar on Monday.",
            _quoted(n).replace("Dana Krell said", "she said"),
            "The ministry said the works would start in spring.",
        )
    ]
    reading = annotate(_article([texts]))
    assert len(reading.quotes) == 200
    assert {q.speaker for q in reading.quotes} == {"Ilse Marovec"}  # the paragraph opens with her (title aside)


def test_a_paragraph_of_stray_marks_gives_its_real_quotes_only() -> None:
    stray = ' "Yes" and "no" and “ and " again. ' * 500
    texts = [_quoted(1), f"The council met in Velmar.{stray}", _quoted(2)]
    found = {q.text: q.speaker for q in annotate(_article([texts])).quotes}
    assert found["We will rebuild quay number 1 before the winter storms"] == "Dana Krell"
    # a stray opening mark swallows what follows it up to the next closing one, as it always did
    assert len(found) == 2
