"""Entities merge in time linear in the names of a story: counted, never timed (issue 13, §2).

Acronyms and surnames were merged by trying every pair of names; a long story names thousands.
"""

from __future__ import annotations

import pytest

from rashomon.brief import entities
from rashomon.records import Article, Sentence


def _story(people: int) -> Article:
    surnames = [f"Krel{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}" for n in range(people)]
    sentences = [
        Sentence("a", n, f"Dana {name} met the Harbour Port Authority (HPA).", 0) for n, name in enumerate(surnames)
    ]
    sentences.append(Sentence("a", people, "Later the HPA and Krelaa spoke to the Velmar Coast Guard.", 1))
    text = " ".join(s.text for s in sentences)
    return Article(id="a", path="a.txt", text=text, sentences=tuple(sentences))


def test_acronyms_are_looked_up_not_paired(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = entities.is_acronym_of

    def counted(short: str, long: str) -> bool:
        nonlocal calls
        calls += 1
        return real(short, long)

    monkeypatch.setattr(entities, "is_acronym_of", counted)
    found = entities.find_entities([_story(600)])
    assert calls < 100  # only names whose initials spell a name; every pair is 360,000
    merged = next(e for e in found if e.name == "Harbour Port Authority")
    assert "HPA" in merged.aliases
    krel = next(e for e in found if e.name == "Dana Krelaa")
    assert "Krelaa" in krel.aliases
