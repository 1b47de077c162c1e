"""Translations found by the multilingual encoder, on our own translated sentences (no anchors needed)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from rashomon.config import ProvenanceConfig
from rashomon.provenance import find_reuse, originality
from rashomon.provenance.translation import figures_of, match_encoded_translations
from rashomon.records import Article, Sentence
from rashomon.stories.encoder import encode_texts

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "translation" / "pairs.jsonl"
CONFIG = ProvenanceConfig()


def _article(article_id: str, language: str, sentences: list[str], published: str) -> Article:
    return Article(
        id=article_id,
        path=article_id,
        text=" ".join(sentences),
        sentences=tuple(Sentence(article_id, i, s) for i, s in enumerate(sentences)),
        language=language,
        published=published,
    )


def _pairs() -> list[dict[str, object]]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("pair", _pairs(), ids=lambda p: f"{p['lang']}-{'same' if p['same'] else 'other'}")
def test_the_threshold_separates_our_translations_from_other_sentences(pair: dict[str, object]) -> None:
    vectors = encode_texts([str(pair["a"]), str(pair["b"])])
    similarity = float(vectors[0] @ vectors[1])
    same_figures = figures_of(str(pair["a"])) == figures_of(str(pair["b"]))
    assert (similarity >= CONFIG.translation_encoder_similarity and same_figures) is bool(pair["same"]), similarity
    english = _article("en", "en", [str(pair["a"])], "2025-03-14")
    other = _article("xx", str(pair["lang"]), [str(pair["b"])], "2025-03-15")
    found = match_encoded_translations([english, other], CONFIG)
    if found:  # the matcher finds only pairs with a figure or name in common
        assert pair["same"] and found[0].similarity == pytest.approx(similarity, abs=1e-3)


ENGLISH = _article(
    "wire",
    "en",
    [
        "At least 12 people were killed when the earthen dam above Kessmark gave way on Friday night.",
        "Rescue teams were still searching for 30 missing residents on Sunday, the regional governor said.",
        "Residents said the water rose within minutes and swept cars down the main street.",
        "The opposition demanded an inquiry into why warnings from engineers had been ignored.",
    ],
    "2025-03-14",
)
# A condensed Japanese translation: names in katakana, so no anchor is shared but the figures.
JAPANESE = _article(
    "jp",
    "ja",
    [
        "金曜日の夜、ケスマルク上流の土のダムが決壊し、少なくとも12人が死亡した。",
        "日曜日も救助隊が行方不明の住民30人の捜索を続けていると、地域の知事が述べた。",
        "首都では週末に大規模なコンサートが予定されている。",
    ],
    "2025-03-16",
)


def test_a_japanese_translation_is_linked_as_translation_and_counts_as_reuse() -> None:
    links = find_reuse([ENGLISH, JAPANESE], CONFIG)
    assert [(link.original, link.copy) for link in links] == [("wire", "jp")]
    sentences = links[0].sentences
    assert [(s.original_index, s.copy_index, s.kind) for s in sentences] == [
        (0, 0, "translation"),
        (1, 1, "translation"),
    ]
    assert all(0.5 <= s.similarity <= 1.0 for s in sentences)
    shares = originality([ENGLISH, JAPANESE], links)
    assert shares["jp"] == pytest.approx(1 / 3, abs=0.01)  # only the concert sentence is its own


def test_one_language_encodes_nothing_and_zero_sentences_turn_it_off() -> None:
    english_copy = replace(ENGLISH, id="copy")
    assert match_encoded_translations([ENGLISH, english_copy], CONFIG) == []
    assert match_encoded_translations([ENGLISH, JAPANESE], replace(CONFIG, translation_sentences=0)) == []
