"""Numeric claims: what is counted, who says it, hedges; and what is never a claim."""

from __future__ import annotations

import re

from facts_helpers import fixture_article, make_article, seed, seed_articles

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.text.captions import is_caption


def by_value(claims, text):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.value_text == text]


def test_fixture_claims_have_quantity_subject_and_claimant() -> None:
    claims = extract_claims(annotate(fixture_article("storm_wire.txt", published="2024-05-10", source="Wire")))
    killed = by_value(claims, "At least 14")
    assert killed and killed[0].quantity == "killed" and killed[0].subject == "people"
    assert "governor" in killed[0].claimant
    assert (killed[0].low, killed[0].high) == (14, None)
    injured = by_value(claims, "more than 60")[0]
    assert injured.quantity == "wounded" and injured.claimant == "Health Ministry"
    evacuated = by_value(claims, "between 2,000 and 3,000")[0]
    assert evacuated.quantity == "displaced" and evacuated.claimant == "Civil Protection Agency"
    missing = by_value(claims, "Up to 25")[0]
    assert missing.quantity == "missing" and (missing.low, missing.high) == (None, 25)
    opposition = [c for c in claims if c.value_text == "40" and c.quantity == "killed"]
    assert any("Green Coast Party" in c.claimant for c in opposition)


def test_headline_figure_is_claimed_by_the_source_the_headline_names() -> None:
    # "Storm kills at least 14 in Port Alden, officials say": the headline's own attribution (a
    # headline naming no source stays "headline of <id>": tests/brief/test_claims_fifth_pass.py)
    claims = extract_claims(annotate(fixture_article("storm_wire.txt", published="2024-05-10")))
    headline = [c for c in claims if c.sentence_index == -1]
    assert headline and headline[0].claimant == "officials"


def test_denied_figure_is_hedged_and_quote_figures_go_to_the_speaker() -> None:
    claims = extract_claims(annotate(fixture_article("storm_wire.txt", published="2024-05-10")))
    denied = [c for c in claims if "Claims of 40" in c.sentence]
    assert denied and "disinformation" in denied[0].hedges
    assert denied[0].claimant == "Interior Ministry"


def test_ages_addresses_times_years_and_captions_are_not_claims() -> None:
    claims = extract_claims(annotate(fixture_article("storm_wire.txt", published="2024-05-10")))
    values = {c.value_text for c in claims}
    for bad in ("67", "12", "11:30", "1985", "2019"):
        assert not any(re.search(rf"\b{bad}\b", v) for v in values), (bad, values)
    courier = extract_claims(annotate(fixture_article("storm_courier.txt", published="2024-05-11")))
    assert not any("Photo" in c.sentence for c in courier)
    assert is_caption("Photo: Rescue boats on a flooded street, taken June 3, 2019. (Harbour Images)")


def test_outlet_voice_when_nobody_is_named() -> None:
    article = make_article(
        "x1", "The flood killed more than 30 people in the valley.", source="Valley News"
    )
    (claim,) = extract_claims(annotate(article))
    assert claim.claimant == "Valley News"


def test_its_citizens_takes_the_country_named_before() -> None:
    article = make_article(
        "x2", "Russian Federation admits five of its citizens were killed in the fighting."
    )
    (claim,) = extract_claims(annotate(article))
    assert claim.subject == "Russian citizens" and claim.quantity == "killed"


def test_hedges_are_read_from_the_figures_clause() -> None:
    text = (
        "Police responded to an alleged robbery, which reportedly left 3 people injured. "
        "Strikes may have killed more than 200 fighters."
    )
    claims = extract_claims(annotate(make_article("x3", text)))
    assert claims[0].hedges == ("reportedly",)
    assert "may have" in claims[1].hedges and claims[1].quantity == "killed"


# --- the reference articles (EXPECTED.md section 2) ---------------------------------------------


def test_seed_claims_match_the_expected_table() -> None:
    articles = seed_articles()
    claims = [c for a in articles for c in extract_claims(annotate(a))]

    def find(value: str, quantity: str, article: str):  # type: ignore[no-untyped-def]
        return [
            c
            for c in claims
            if c.value_text.lower().strip("'\"") == value
            and c.quantity == quantity
            and c.article_id.startswith(article)
        ]

    five = find("five", "killed", "001")
    assert five and "Zakharova" in five[0].claimant and five[0].date == "2018-02-15"
    zakharova = find("five", "killed", "000")
    assert "preliminary" in zakharova[0].hedges and "presumably" in zakharova[0].hedges
    assert find("tens", "killed", "000")[0].subject.startswith("Russian")
    hundreds = find("hundreds", "killed", "000")[0]
    assert hundreds.claimant == "media reports" and "disinformation" in hundreds.hedges
    assert find("up to 200", "killed", "004")[0].claimant == "some outlets"
    assert "may have" in find("more than 200", "killed", "003")[0].hedges
    assert find("at least 100", "killed", "000")[0].claimant == "US Central Command"
    assert find("an estimated 100", "killed", "001")[0].claimant == "coalition"
    assert find("more than 500", "attacking force", "002")[0].claimant == "US military"
    assert "defense secretary" in find("250 to 300", "attacking force", "003")[0].claimant
    headline = find("several dozen", "killed", "002")[0]
    assert headline.claimant.startswith("headline of 002")
    for article in ("001", "002", "003", "004"):
        assert find("several dozens", "wounded", article) or find("dozens", "wounded", article)


def test_seed_caption_numbers_are_not_claims() -> None:
    claims = [c for a in seed_articles() for c in extract_claims(annotate(a))]
    assert not any("2016" in c.sentence or "Safarjalani" in c.sentence for c in claims)
    assert not any(c.quantity == "money" for c in claims)


def test_seed_000_raw_caption_is_skipped_even_without_the_clean_stage() -> None:
    articles = seed_articles()
    raw = seed(articles, "000")
    assert raw.sentences
    assert is_caption(
        "A general view taken a drone shows a citadel, as seen from a rebel-held area, October 12, 2016"
    )


def test_a_subject_stops_at_a_verb_or_adverb() -> None:
    from rashomon.brief.claims.subjects import subject_of
    from rashomon.text.numbers import find_mentions

    for text, subject in (
        ("An estimated 1.28 million people took to the streets.", "people"),
        ("Some 3.5 million workers nationwide joined the strike.", "workers"),
    ):
        (mention,) = [m for m in find_mentions(text) if m.low and m.low > 1000]
        assert subject_of(text, mention) == subject


def test_an_attribution_in_another_figures_parentheses_is_that_figures() -> None:
    article = make_article(
        "x9",
        "There were 182,000 protesters in Brennick according to the unions (26,000 according to the police), "
        "94,000 in Velmora (17,000 according to the police).",
    )
    claimants = {c.value_text: c.claimant for c in extract_claims(annotate(article))}
    assert claimants == {"182,000": "unions", "26,000": "police", "94,000": "unions", "17,000": "police"}


def test_who_was_aboard_trapped_and_a_count_that_climbed() -> None:
    article = make_article(
        "x10",
        "The jet was carrying 141 passengers and seven crew members, the aviation authority said. "
        "By 4 p.m., the number of injuries had climbed to 356, with another 42 people said to be trapped. "
        "Of the 148 aboard, 146 passed away.",
    )
    found = {(c.value_text, c.quantity) for c in extract_claims(annotate(article))}
    assert {("141", "aboard"), ("seven", "aboard"), ("356", "wounded"), ("42", "trapped"), ("146", "killed")} <= found
    stranded = make_article("x11", "About 300 passengers had been stranded, a spokeswoman said.")
    assert not extract_claims(annotate(stranded))  # passengers, but nothing says they were aboard
