"""The annotate step: one reading per article, and the brief's parts built from it.

The fixture is our own fictional story (a ferry fire in Port Almsby), written sentence by
sentence so these tests do not depend on the clean stage's sentence splitter.
"""

from __future__ import annotations

from collections import Counter

import pytest

import rashomon.annotate.quotes
from rashomon.annotate import TITLE_INDEX, AnnotatedArticle, annotate
from rashomon.brief import brief_story
from rashomon.brief.claims import extract_claims
from rashomon.brief.quotes import extract_quotes
from rashomon.brief.timeline import build_timeline
from rashomon.config import Config, QuotesConfig
from rashomon.records import Article, Sentence, Story


def story_article(
    article_id: str,
    paragraphs: list[list[str]],
    published: str | None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    sentences = [
        Sentence(article_id, n, text, p)
        for n, (p, text) in enumerate((p, text) for p, para in enumerate(paragraphs) for text in para)
    ]
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        text="\n\n".join(" ".join(para) for para in paragraphs),
        sentences=tuple(sentences),
        title=title,
        published=published,
        source=source,
        language="en",
    )


QUOTE = '"We evacuated 230 passengers within twenty minutes,"'
CAPTION = "Crew members stand on the deck of the Gull Point in Port Almsby, March 12, 2025 (Photo: Coastline Wire)"


def wire(published: str | None = "2025-03-14") -> Article:  # a Friday
    return story_article(
        "wire",
        [
            [
                "A fire broke out on the ferry Gull Point on Wednesday, injuring 12 passengers, "
                "the harbour authority said."
            ],
            [
                f"{QUOTE} said Ines Vardy, the harbour master.",
                "She added that 4 crew members were injured and that the ferry would stay in port until next Monday.",
            ],
            [CAPTION],
        ],
        published,
        title="12 injured in Port Almsby ferry fire",
        source="Coastline Wire",
    )


def courier(published: str | None = "2025-03-15") -> Article:  # a Saturday
    return story_article(
        "courier",
        [
            ["Harbour master Ines Vardy said on Thursday that 14 passengers were injured in the fire."],
            [f"{QUOTE} Vardy told the Courier."],
        ],
        published,
        source="Almsby Courier",
    )


def test_each_sentence_carries_its_acts_figures_dates_and_speaker() -> None:
    reading = annotate(wire())
    assert [u.index for u in reading.units] == [TITLE_INDEX, 0, 1, 2, 3]
    assert reading.title is not None and reading.title.is_title and reading.title.speaker is None
    first, quoted, added, _ = reading.sentences
    assert [m.text for m in first.figures] == ["12"]
    assert [(a.speaker, a.kind) for a in quoted.acts] == [("Ines Vardy", "inverted")]
    # "She added": the pronoun's speaker comes from the attribution chain
    assert [a.speaker for a in added.acts] == ["She"] and added.speaker == "Ines Vardy"
    assert [(q.text, q.speaker, q.sentences) for q in reading.quotes] == [
        ("We evacuated 230 passengers within twenty minutes", "Ines Vardy", (1,))
    ]


def test_dates_are_resolved_against_the_publication_date() -> None:
    friday = annotate(wire())
    assert [(d.text, d.iso) for d in friday.sentences[0].dates] == [("on Wednesday", "2025-03-12")]
    assert [(d.text, d.iso) for d in friday.sentences[2].dates] == [("next Monday", "2025-03-17")]
    # "said on Thursday" is the last Thursday on or before publication: the day before, or that day
    assert [d.iso for d in annotate(courier("2025-03-15")).sentences[0].dates] == ["2025-03-13"]
    assert [d.iso for d in annotate(courier("2025-03-20")).sentences[0].dates] == ["2025-03-20"]
    undated = annotate(courier(None))
    assert undated.published_on is None and undated.sentences[0].dates == ()


def test_captions_are_flagged_and_yield_no_claims_or_events() -> None:
    reading = annotate(wire())
    assert [u.caption for u in reading.units] == [False, False, False, False, True]
    caption = reading.sentences[3]
    assert caption.text == CAPTION and [d.iso for d in caption.dates] == ["2025-03-12"]
    assert all(c.sentence_index != caption.index for c in extract_claims(reading))
    assert all(e.text != CAPTION for e in build_timeline([reading]))


def test_claims_quotes_and_timeline_read_the_annotations() -> None:
    readings = [annotate(wire()), annotate(courier())]
    claims = [
        (c.sentence_index, c.value_text, c.quantity, c.claimant, c.date) for r in readings for c in extract_claims(r)
    ]
    assert claims == [
        (TITLE_INDEX, "12", "wounded", "headline of wire", "2025-03-14"),
        (0, "12", "wounded", "Coastline Wire", "2025-03-14"),
        (1, "230", "displaced", "Ines Vardy", "2025-03-14"),  # inside the quote: the quote's speaker
        (2, "4", "wounded", "Ines Vardy", "2025-03-14"),  # "She added": the chain's speaker
        (0, "14", "wounded", "Ines Vardy", "2025-03-13"),  # the date next to the speech verb
        (1, "230", "displaced", "Ines Vardy", "2025-03-15"),
    ]
    (quote,) = extract_quotes(readings, [])
    assert (quote.speaker, quote.articles) == ("Ines Vardy", ("wire", "courier"))
    assert [(e.date, e.citations) for e in build_timeline(readings)] == [
        ("2025-03-12", ("wire",)),
        ("2025-03-13", ("courier",)),
        ("2025-03-17", ("wire",)),
    ]


def test_an_undated_article_takes_the_story_date_in_the_timeline() -> None:
    readings = [annotate(wire()), annotate(courier(None))]
    assert readings[1].sentences[0].dates == ()  # nothing to resolve "on Thursday" against alone
    events = {e.date: e.citations for e in build_timeline(readings)}
    assert events["2025-03-13"] == ("courier",)  # the Thursday before the wire's Friday


def test_brief_story_attributes_each_article_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()
    attributions = rashomon.annotate.quotes.attributions

    def counted(article: Article, config: QuotesConfig | None = None):  # type: ignore[no-untyped-def]
        calls[article.id] += 1
        return attributions(article, config)

    monkeypatch.setattr(rashomon.annotate.quotes, "attributions", counted)
    articles = [wire(), courier()]
    brief = brief_story(Story("ferry", ("wire", "courier")), articles, [], [], Config())
    assert calls == {"wire": 1, "courier": 1}
    assert [(q.text, q.speaker) for q in brief.quotes] == [
        ("We evacuated 230 passengers within twenty minutes", "Ines Vardy")
    ]
    assert any("Ines Vardy" in f.claimants for g in brief.claims for f in g.figures)


def test_annotations_are_frozen() -> None:
    reading: AnnotatedArticle = annotate(wire())
    with pytest.raises(AttributeError):
        reading.quotes = ()  # type: ignore[misc]
