"""The multilingual encoder's input, the join model, and the evidence a join reports."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from stories_helpers import make_article, stream_articles

from rashomon.config import StoriesConfig
from rashomon.stories import group_stories
from rashomon.stories.decision import EVIDENCE, load_models
from rashomon.stories.encoder import encode_articles, informative_title, lead_text
from rashomon.stories.evidence import FEATURES

CONFIG = StoriesConfig()
WORD = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=12)


@given(WORD)
def test_a_one_word_latin_title_is_never_informative(word: str) -> None:
    if word.isascii():
        assert not informative_title(word)
        assert not informative_title(f"  {word} ")


@given(st.lists(WORD, min_size=2, max_size=8))
def test_two_words_or_more_are_informative(words: list[str]) -> None:
    assert informative_title(" ".join(words))


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=80)), st.integers(min_value=1, max_value=400))
def test_lead_text_stays_within_its_length(text: str, title: str | None, chars: int) -> None:
    article = make_article("x", text or "x", title=title)
    lead = lead_text(article, chars)
    assert len(lead) <= chars
    if title and not informative_title(title):
        assert not lead.startswith(title.strip()) or text.strip().startswith(title.strip())


def test_an_empty_or_one_word_title_never_decides() -> None:
    body = "Five people died in a ferry fire off Estmark on Sunday, the coast guard said."
    assert lead_text(make_article("a", body, title="Home"), 100) == lead_text(make_article("b", body, title=""), 100)


def test_vectors_are_unit_or_zero_where_the_encoder_cannot_read() -> None:
    english = make_article("en", "Five people died in a ferry fire off Estmark on Sunday.", language="en")
    hindi = make_article("hi", "रविवार को एस्टमार्क के पास एक नौका में आग लगने से पांच लोगों की मौत हो गई।", language="hi")
    vectors = encode_articles([english, hindi], CONFIG)
    assert abs(float(np.linalg.norm(vectors[0])) - 1.0) < 1e-4
    assert not vectors[1].any()
    assert not encode_articles([english], replace(CONFIG, encoder="none")).any()


def test_the_shipped_models_fit_the_features_and_name_their_evidence() -> None:
    models = load_models()
    for model in (models.encoder, models.no_encoder):
        assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURES)
    encoder_weights = dict(zip(FEATURES, models.encoder.weights, strict=True))
    assert encoder_weights["encoder_best"] + encoder_weights["encoder_margin"] > 0  # closer vectors, likelier join
    assert all(w == 0 for f, w in zip(FEATURES, models.no_encoder.weights, strict=True) if f.startswith("encoder"))
    assert set(EVIDENCE) == set(FEATURES)


def test_every_join_says_its_probability_and_evidence() -> None:
    articles, _ = stream_articles()
    stories = group_stories(articles, CONFIG)
    joined = {j.article_id for s in stories for j in s.joins}
    for story in stories:
        assert {j.article_id for j in story.joins} == set(story.article_ids[1:]) & joined
        for join in story.joins:
            assert CONFIG.join_threshold <= join.probability <= 1.0
            assert join.reasons and set(join.reasons) <= set(EVIDENCE.values())
    assert joined  # the fixture stream has stories of several articles


def test_an_article_without_language_date_or_title_still_gets_a_story() -> None:
    articles, _ = stream_articles()
    bare = make_article("bare", "Ferry Saint Ilona fire: Commander Edda Morrow praised the crew.", language="und")
    stories = group_stories([*articles, bare], CONFIG)
    assert sum(story.article_ids.count("bare") for story in stories) == 1


def test_an_article_the_encoder_cannot_read_joins_on_names_and_figures_and_says_so() -> None:
    """Vietnamese is not among the encoder's languages: no vector, the model without it decides."""
    articles, _ = stream_articles()
    vietnamese = make_article(
        "ferry-vi",
        "Năm người đã thiệt mạng trong vụ cháy phà Saint Ilona ngoài khơi Estmark hôm Chủ nhật, lực lượng "
        "bảo vệ bờ biển cho biết. Trên phà có 212 hành khách. Chỉ huy Edda Morrow cho biết lực lượng cứu hộ "
        "đã đến sau 40 phút.",
        title="Cháy phà Saint Ilona ngoài khơi Estmark",
        published="2025-06-03",
        language="vi",
    )
    assert not encode_articles([vietnamese], CONFIG).any()
    stories = group_stories([*articles, vietnamese], CONFIG)
    ferry = next(s for s in stories if "ferry-vi" in s.article_ids)
    assert "ferry-wire" in ferry.article_ids
    join = next(j for j in ferry.joins if j.article_id == "ferry-vi")
    assert "encoder" not in join.reasons and {"names", "figures"} & set(join.reasons)


VALUES = st.sampled_from([0.0, 0.25, 0.5, 1.0])


@given(st.lists(st.tuples(*[VALUES] * len(FEATURES)), max_size=6))
def test_margins_are_each_candidate_against_the_best_of_the_others(rows: list[tuple[float, ...]]) -> None:
    from rashomon.stories.evidence import MARGINS, with_margins

    scored = list(enumerate(rows))
    for position, (_, features) in enumerate(with_margins(scored)):
        for offset, (_, of) in enumerate(MARGINS):
            column = FEATURES.index(of)
            others = [row[column] for p, row in enumerate(rows) if p != position]
            assert features[len(FEATURES) + offset] == rows[position][column] - max(others, default=0.0)


@given(st.tuples(*[VALUES] * len(FEATURES)), st.tuples(VALUES, VALUES, VALUES))
def test_a_candidate_alone_is_measured_against_the_floors(row: tuple[float, ...], floors: tuple[float, ...]) -> None:
    from rashomon.stories.evidence import MARGINS, with_margins

    [(_, features)] = with_margins([(7, row)], floors)
    for offset, (_, of) in enumerate(MARGINS):
        assert features[len(FEATURES) + offset] == row[FEATURES.index(of)] - floors[offset]


def test_the_shipped_models_carry_the_floors_they_were_fitted_with() -> None:
    """A typical other story's encoder likeness is well above nothing: without its floor, a
    candidate alone would stand out by the whole of its likeness."""
    floors = load_models().floors
    assert len(floors) == 3 and 0.1 < floors[0] < 0.5 and all(f >= 0 for f in floors)
