"""Speakers are resolved in time linear in the article: counted, never timed (issue 13, section 2).

The resolver used to read the article up to the current sentence for every "the ministry said"
or "the governor said", the whole article for every surname or partial organisation name, and
to walk back through the paragraph for every "she said". Each is now read once per article
(per head, role or name); these tests count the reads and check the answers did not change.
"""

from __future__ import annotations

import random
import re

import pytest

from rashomon.records import Article, Sentence
from rashomon.text import speakers
from rashomon.text.speakers import Resolver, paragraph_subject


def _article(paragraphs: list[list[str]], title: str | None = None) -> Article:
    sentences = [
        Sentence("a", n, text, p)
        for n, (p, text) in enumerate((p, text) for p, texts in enumerate(paragraphs) for text in texts)
    ]
    return Article(id="a", path="a.txt", text="", sentences=tuple(sentences), title=title)


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    calls = [0]
    real = getattr(speakers, name)

    def counted(*args: object) -> object:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(speakers, name, counted)
    return calls


def test_each_head_and_role_is_read_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    heads, roles = _counting(monkeypatch, "_named_before"), _counting(monkeypatch, "_named_role")
    article = _article([["Governor Ilse Marovec and Velmar's Harbour Ministry met on Monday."]] + [["x."]] * 400)
    resolver = Resolver(article)
    for index in range(400):
        assert resolver.generic("ministry", index) == "Velmar's Harbour Ministry"
        assert resolver.generic("governor", index) == "Governor Ilse Marovec"
    assert (heads[0], roles[0]) == (1, 1)


def test_names_are_looked_up_once_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    full = _counting(monkeypatch, "_full_name")
    article = _article([["Governor Ilse Marovec spoke."], ["Marovec said it again."]])
    resolver = Resolver(article)
    assert {resolver.expand("Marovec") for _ in range(300)} == {"Governor Ilse Marovec"}
    assert full[0] == 1


def test_answers_depend_on_what_the_article_said_so_far() -> None:
    article = _article(
        [
            ["The ministry said nothing."],  # nothing named yet
            ["Velmar's Harbour Ministry then spoke."],
            ["Governor Ilse Marovec came."],
            ["Governor Tomas Vrenk came too."],  # two governors: none is "the governor"
        ],
        title="Harbour plan",
    )
    resolver = Resolver(article)
    assert [resolver.generic("ministry", i) for i in range(4)] == ["ministry", *["Velmar's Harbour Ministry"] * 3]
    assert [resolver.generic("governor", i) for i in range(4)] == [
        "governor",
        "governor",
        "Governor Ilse Marovec",
        "governor",
    ]


def _named_before_by_rereading(texts: list[str], head: str) -> str | None:
    """What `_named_before` answered for the last of `texts`, reading them all (the old way)."""
    rx = re.compile(r"((?:[A-Z][\w.’'-]*(?:'s|’s)?\s+)+" + head.capitalize() + r")\b")
    names = [
        name
        for text in texts
        for m in rx.finditer(text)
        if len((name := re.sub(r"^(?:The|A|An|On|In|As|While)\s+", "", m.group(1))).split()) >= 2
    ]
    if not names:
        return None
    return max((n for n in names if n.endswith(names[-1])), key=len)


def test_the_longest_earlier_name_ending_with_the_latest_wins() -> None:
    rng = random.Random(3)
    words = ["Russia's", "Big", "Foreign", "Old", "The", "Harbour", "Ministry", "said", "x."]
    for _ in range(300):
        texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 6))]
        answers = speakers._named_before(texts, "ministry")
        for n in range(len(texts)):
            expected = _named_before_by_rereading(texts[: n + 1], "ministry")
            if expected is not None:
                assert answers[n] == expected, texts[: n + 1]


def test_a_possessive_run_without_its_head_is_not_exponential() -> None:
    text = "Velmar's " * 40 + "harbour."  # each word once matched two ways: 2**40 attempts
    assert speakers._named_before([text], "ministry") == [None]


def test_paragraph_subjects_in_one_pass_equal_the_walk_back() -> None:
    article = _article(
        [
            ["Governor Lena Maris visited the port.", "x.", "“We will rebuild,” she said."],
            ["“Not yet,” she said.", "Dana Krell, a dock worker, spoke.", "y.", "“Soon,” she said."],
        ]
    )
    resolver = Resolver(article)
    for sentence in article.sentences:
        for pronoun in ("she", "he", "it"):
            assert resolver.subject(sentence.index, pronoun) == paragraph_subject(article, sentence.index, pronoun)


def test_full_names_in_a_long_sentence_are_read_near_each_surname() -> None:
    names = [f"Dana Krel{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(300)]
    sentence = " ".join(f"{name} said {n} quays closed" for n, name in enumerate(names))
    resolver = Resolver(_article([[sentence]]))
    assert [resolver.expand(name.split()[1]) for name in names] == names
