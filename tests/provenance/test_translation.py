"""Translated sentences found through names and figures (our own English/Spanish fixture)."""

from __future__ import annotations

from rashomon.config import ProvenanceConfig
from rashomon.provenance import find_reuse, originality
from rashomon.provenance.translation import anchors, match_translations
from rashomon.records import Article, Sentence


def _article(article_id: str, language: str, sentences: list[str], published: str | None = None) -> Article:
    return Article(
        id=article_id,
        path=article_id,
        text=" ".join(sentences),
        sentences=tuple(Sentence(article_id, i, s) for i, s in enumerate(sentences)),
        language=language,
        published=published,
    )


ENGLISH = _article(
    "wire",
    "en",
    [
        "The ferry Saint Ilona was carrying 212 passengers and 31 crew members when the fire started near Porthaven.",
        "Commander Edda Morrow praised the crew.",
        "Investigators will examine the car deck once the wreck has cooled down.",
    ],
    published="2025-06-02",
)
SPANISH = _article(
    "es",
    "es",
    [
        "El ferry Saint Ilona llevaba 212 pasajeros y 31 tripulantes cuando empezó el incendio cerca de Porthaven.",
        "Los familiares esperaron durante horas en la terminal del puerto.",
    ],
    published="2025-06-03",
)


def test_anchors_are_names_and_figures() -> None:
    found = anchors("Yesterday the Saint Ilona left Porthaven with 212 people and 5 cars.")
    assert found == frozenset({"e:saint", "e:ilona", "e:porthave", "n:212"})
    assert anchors("Магнитогорск: в доме на улице Карла Маркса 48 квартир.") >= {"e:marksa", "n:48"}


def test_translated_sentence_is_linked() -> None:
    links = find_reuse([ENGLISH, SPANISH], ProvenanceConfig())
    assert len(links) == 1
    link = links[0]
    assert (link.original, link.copy, link.direction_evidence) == ("wire", "es", "published earlier")
    assert [(s.original_index, s.copy_index, s.kind) for s in link.sentences] == [(0, 0, "translation")]
    assert originality([ENGLISH, SPANISH], links)["es"] == 0.5


def test_same_language_or_unknown_language_is_not_a_translation() -> None:
    english_twin = _article("twin", "en", [SPANISH.sentences[0].text])
    assert match_translations([ENGLISH, english_twin]) == []
    unknown = _article("und", "und", [SPANISH.sentences[0].text])
    assert match_translations([ENGLISH, unknown]) == []


def test_figures_alone_are_not_enough() -> None:
    numbers_only = _article("numbers", "es", ["Entre 212 y 31 personas, según el informe de 2025."])
    assert match_translations([ENGLISH, numbers_only]) == []
