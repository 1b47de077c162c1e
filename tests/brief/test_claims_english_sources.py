"""English claims: the mistakes issue 16 found on real coverage, each written as a new sentence."""

from __future__ import annotations

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.records import Article, Sentence


def read(*sentences: str) -> list[tuple[str, float | None, float | None, str]]:
    article = Article(
        "t1",
        "t1.txt",
        " ".join(sentences),
        tuple(Sentence("t1", i, s) for i, s in enumerate(sentences)),
        source="paper.example",
        language="en",
        published="2024-05-02",
    )
    return [(c.quantity, c.low, c.high, c.claimant) for c in extract_claims(annotate(article))]


def test_the_named_source_is_the_claimant_not_the_outlet() -> None:
    assert read("A military doctor said about 40 had been killed.") == [("killed", 40, 40, "military doctor")]


def test_a_weekday_is_never_a_claimant() -> None:
    claims = read("On Monday, several dozens wounded were flown to the capital.")
    assert claims and all(c[3] == "paper.example" for c in claims)


def test_a_facility_is_not_a_count_of_people() -> None:
    assert read("The wounded were taken to three army hospitals.") == []
    assert read("Four sources familiar with the matter said so.") == []


def test_zeros_and_singulars_count() -> None:
    assert read("No U.N. peacekeeper casualties were reported.") == [("casualties", 0, 0, "paper.example")]
    assert read("One UNIFIL soldier was wounded, the army said.") == [("wounded", 1, 1, "army")]


def test_killed_or_injured_is_its_own_quantity() -> None:
    assert read("At least 30 people were killed or injured, officials said.") == [
        ("killed or injured", 30, None, "officials")
    ]
