"""Quotes and their speakers; unattributed when the article does not say; translations grouped."""

from __future__ import annotations

from facts_helpers import fixture_article, make_article, seed_articles

from rashomon.annotate import annotate
from rashomon.annotate.quotes import UNATTRIBUTED
from rashomon.brief.quotes import extract_quotes
from rashomon.records import ReusedSentence, ReuseLink


def speakers(article) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {q.text: q.speaker for q in annotate(article).quotes}


def test_speaker_after_before_and_in_statement() -> None:
    found = speakers(fixture_article("storm_wire.txt", published="2024-05-10"))
    assert found["The real number is far higher than they admit"] == "party leader Mira Tallis"
    assert found["Claims of 40 dead are pure disinformation"] == "Interior Ministry"
    # a bare follow-on quote continues its paragraph's speaker
    assert found["The confirmed figure is fourteen."] == "Interior Ministry"


def test_bare_quote_after_an_unrelated_sentence_is_unattributed() -> None:
    found = speakers(fixture_article("storm_wire.txt", published="2024-05-10"))
    assert found["We have never seen anything like it."] == UNATTRIBUTED


def test_scare_quotes_are_not_quotes() -> None:
    found = speakers(fixture_article("storm_wire.txt", published="2024-05-10"))
    assert "too slow" not in " ".join(found)


def test_pronouns_resolve_within_the_chain_only() -> None:
    found = speakers(fixture_article("storm_courier.txt", published="2024-05-11"))
    assert found["The verified number is fourteen."] == "ministry spokesman Ivo Renner"
    assert found["Port Alden will rebuild, street by street"] == "Lena Maris"
    text = (
        "Senator Anna Berg visited the port on Monday.\n\n"
        "The government has not commented.\n\n"
        '"We will not give up," she said.'
    )
    # "she" has no speaker in its own paragraph: the last name mentioned is not used
    assert speakers(make_article("x", text))["We will not give up"] == UNATTRIBUTED


def test_colon_introduces_the_quote() -> None:
    text = 'Mayor Tom Olsen told a news conference: "Every family will get help from the city."'
    assert speakers(make_article("x", text))["Every family will get help from the city."] == "Mayor Tom Olsen"


def test_translations_become_one_quote_with_variants() -> None:
    wire = fixture_article("storm_wire.txt", published="2024-05-10")
    courier = fixture_article("storm_courier.txt", published="2024-05-11")
    quotes = extract_quotes([annotate(wire), annotate(courier)], [])
    grouped = [q for q in quotes if "fourteen" in q.text]
    assert len(grouped) == 1
    assert set(grouped[0].articles) == {"storm_wire", "storm_courier"}
    assert grouped[0].variants == ("The verified number is fourteen.",)


def test_copied_sentence_groups_quotes_even_with_other_words() -> None:
    a = make_article("a", '"The bridge is closed until further notice," the police said.')
    b = make_article("b", '"Traffic must use the northern road for now," the police said.')
    link = ReuseLink(
        "a", "b", (ReusedSentence(0, 0, a.sentences[0].text, b.sentences[0].text, 0.7, "spun"),), ""
    )
    assert len(extract_quotes([annotate(a), annotate(b)], [link])) == 1
    assert len(extract_quotes([annotate(a), annotate(b)], [])) == 2


# --- the reference articles (EXPECTED.md section 3) ---------------------------------------------


def test_seed_quotes_and_speakers() -> None:
    quotes = extract_quotes([annotate(a) for a in seed_articles()], [])

    def quote(fragment: str):  # type: ignore[no-untyped-def]
        found = [q for q in quotes if fragment in q.text or any(fragment in v for v in q.variants)]
        assert len(found) == 1, (fragment, found)
        return found[0]

    assert "Ministry" in quote("In the course of the recent military clashes").speaker
    helped = quote("They have been provided with assistance")
    assert "Ministry" in helped.speaker
    assert any("They were helped in returning" in v for v in helped.variants)
    assert {a[:3] for a in helped.articles} >= {"001", "002", "004"}
    assert quote("There are Russian citizens in Syria") is quote("on their own volition")
    assert quote("a new act of aggression").speaker == "Damascus"
    assert "defense secretary" in quote("Was it local direction?").speaker
    assert quote("figure it out").speaker == UNATTRIBUTED
    assert quote("We'll work with obviously anyone").speaker == UNATTRIBUTED
    assert not [q for q in quotes if q.text.strip(".") in ("mercenaries", "disinformation", "presumably")]


# --- attribution patterns of messy real copy (our own sentences) ----------------------------------


def test_the_person_not_the_agency_told() -> None:
    text = '"The water came in minutes," the head of the relief agency, Omar Tesfaye, told AFP.'
    assert speakers(make_article("x", text))["The water came in minutes"] == "Omar Tesfaye"
    text = '"The water came in minutes," Omar Tesfaye told Reuters.'
    assert speakers(make_article("x", text))["The water came in minutes"] == "Omar Tesfaye"


def test_adverbs_descriptions_and_inverted_sources() -> None:
    text = (
        "Prime Minister Ana Belo spoke to reporters in the capital.\n\n"
        'She further stated, "We will not wait for foreign help to arrive."'
    )
    assert speakers(make_article("x", text))["We will not wait for foreign help to arrive."] == "Ana Belo"
    text = 'Mayor Ivo Dan described it as "the worst night this town has known".'
    assert speakers(make_article("x", text))["the worst night this town has known"] == "Mayor Ivo Dan"
    text = '"The guards left the gate open for an hour", said the source.'
    assert speakers(make_article("x", text))["The guards left the gate open for an hour"] == "source"


def test_an_agency_citing_somebody_gives_that_somebody() -> None:
    text = 'Investigators found "clear signs of a planned attack," Reuters reported, citing a police spokesman.'
    assert speakers(make_article("x", text))["clear signs of a planned attack"] == "police spokesman"


def test_a_quote_in_another_clause_is_not_the_next_speakers() -> None:
    text = (
        'The minister spoke of "at least twenty people still under the rubble", while the governor '
        "said nine were missing."
    )
    assert speakers(make_article("x", text))["at least twenty people still under the rubble"] != "governor"


def test_follow_on_needs_a_bare_quote_right_after_the_speakers_quote() -> None:
    text = (
        '"We lost everything we had," said Rosa Ilic, a farmer.\n\n'
        '"The river took the barn and the cows."\n\n'
        "Governor Tom Varga visited the valley on Friday.\n\n"
        '"Nothing like this has happened in living memory."'
    )
    found = speakers(make_article("x", text))
    assert found["The river took the barn and the cows."] == "Rosa Ilic"
    assert found["Nothing like this has happened in living memory."] == UNATTRIBUTED


def test_a_role_resolves_to_the_only_person_named_with_it() -> None:
    text = (
        "Governor Tom Varga toured the flooded valley on Friday.\n\n"
        '"We will rebuild every road in the valley," the governor said.'
    )
    assert speakers(make_article("x", text))["We will rebuild every road in the valley"] == "Governor Tom Varga"
    two = "Governor Tom Varga met Governor Lia Mora.\n\n" + '"We will rebuild every road," the governor said.'
    assert speakers(make_article("x", two))["We will rebuild every road"] == "governor"
