"""Each threshold moved from a module constant into `Config` is read from the Config it is given:
changing it changes what the stage does, on small texts written for these tests."""

from __future__ import annotations

from dataclasses import replace

from rashomon.annotate import AnnotatedArticle, annotate
from rashomon.annotate.quotes import ArticleQuote
from rashomon.brief import brief_story
from rashomon.brief.claims import extract_claims
from rashomon.brief.quotes import extract_quotes
from rashomon.clean import clean_article
from rashomon.clean.language import detect_language
from rashomon.config import CleanConfig, Config, ProvenanceConfig, QuotesConfig, WebConfig
from rashomon.provenance.direction import ArticleEvidence, orient_pairs
from rashomon.records import Article, Cited, RawArticle, Sentence, Story, StoryBrief, Summary
from rashomon.web.story_view import build_story_view

_BODY = (
    "The harbour council met for six hours on Tuesday and approved the new ferry timetable after a long "
    "debate about the winter crossings, the fuel costs and the crews that work the night boats."
)
_FRENCH = "Le conseil du port a approuvé le projet mardi après un long débat."


def _article(*sentences: str) -> Article:
    return Article(
        id="ledger",
        path="ledger.txt",
        text=" ".join(sentences),
        sentences=tuple(Sentence("ledger", i, text, 0) for i, text in enumerate(sentences)),
        source="Ledger",
    )


def _clean(text: str, config: CleanConfig) -> Article:
    return clean_article(RawArticle(id="wire", path="wire.txt", text=text), config)


def test_unique_share_margin() -> None:
    evidence = {
        "a": ArticleEvidence(None, None, False, 0.50, 0),
        "b": ArticleEvidence(None, None, False, 0.55, 1),
    }
    default = orient_pairs([("a", "b")], evidence)[("a", "b")]
    fine = orient_pairs([("a", "b")], evidence, None, ProvenanceConfig(unique_share_margin=0.01))[("a", "b")]
    assert (default.original, default.evidence) == ("a", "first in input order (no other evidence)")
    assert (fine.original, fine.evidence) == ("b", "more sentences of its own")


def test_language_min_probability() -> None:
    assert detect_language(_FRENCH) == "fr"
    assert detect_language(_FRENCH, CleanConfig(language_min_probability=1.01)) == "und"


def test_language_sample_chars() -> None:
    assert detect_language(_FRENCH, CleanConfig(language_sample_chars=10)) == "und"  # "Le conseil"


def test_dateline_lines() -> None:
    text = f"PORTVALE, March 13 (Harbour Wire) -- {_BODY}"
    found = _clean(text, CleanConfig())
    assert (found.dateline, found.published) == ("PORTVALE", None)
    assert found.text.startswith("The harbour council")
    unread = _clean(text, CleanConfig(dateline_lines=0))
    assert unread.dateline is None and unread.text.startswith("PORTVALE, March 13")


def test_printed_date_lines() -> None:
    text = f"Friday 14 March 2025\n\n{_BODY}"
    assert _clean(text, CleanConfig()).published == "2025-03-14"
    assert _clean(text, CleanConfig(printed_date_lines=0)).published is None


def test_min_quote_words_in_quotes_and_claims() -> None:
    scare = _article('The mayor said the plan was "playing with fire" and left.')
    assert annotate(scare).quotes == ()
    assert [q.text for q in annotate(scare, QuotesConfig(min_words=3)).quotes] == ["playing with fire"]
    sign = annotate(_article('The sign on the town hall read "Twelve people were killed" in red letters.'))
    assert [c.claimant for c in extract_claims(sign)] == ["unattributed"]  # a quotation nobody is named for
    assert [c.claimant for c in extract_claims(sign, QuotesConfig(min_words=6))] == ["Ledger"]  # the outlet's


def _quoting(article_id: str, text: str, context: str) -> AnnotatedArticle:
    article = Article(id=article_id, path=f"{article_id}.txt", text=context, sentences=())
    quote = ArticleQuote(text, "Ana Ruiz", article_id, (0,), context)
    return AnnotatedArticle(article, None, None, (), (quote,))


def test_compared_members() -> None:
    same = [_quoting(f"a{n}", "The crossings resume on Monday morning", f"context {n}") for n in range(3)]
    assert len(extract_quotes(same, [])) == 1
    assert len(extract_quotes(same, [], QuotesConfig(compared_members=0))) == 3


def test_context_overlap() -> None:
    told = "Mayor Ana Ruiz told reporters at the harbour that the ferry crossings would resume on Monday."
    translated = [
        _quoting("en", "We will rebuild every pier", told),
        _quoting("fr", "Nothing stops our town", told),
    ]
    assert len(extract_quotes(translated, [])) == 1
    assert len(extract_quotes(translated, [], QuotesConfig(context_overlap=1.01))) == 2


def test_citation_overlap() -> None:
    cited = "The council approved the ferry timetable for the winter."
    source = Sentence("wire", 0, "On Tuesday the harbour council approved a new ferry timetable.", 0)
    brief = StoryBrief("s", "Ferries", ("wire",), Summary(Cited(cited, ("wire",)), ()), (), (), (), ())
    views = [
        build_story_view(brief, {}, {}, lambda _: [source], config)
        for config in (None, WebConfig(citation_overlap=0.9))
    ]
    assert [view.short.marks[0].sentence_index for view in views] == [0, None]


def test_the_brief_hands_its_quotes_section_on() -> None:
    """`brief_story` passes `config.brief.quotes` to annotate, claims and quotes."""
    article = _article("Mayor Ana Ruiz spoke on Monday.", '"We will rebuild every pier," she said.')
    story = Story("ferry", ("ledger",))
    strict = replace(Config(), brief=replace(Config().brief, quotes=QuotesConfig(min_words=6)))
    assert [q.speaker for q in brief_story(story, [article], [], [], Config()).quotes] == ["Ana Ruiz"]
    assert brief_story(story, [article], [], [], strict).quotes == ()
