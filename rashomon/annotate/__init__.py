"""The annotate step: each article is read once, and the brief's parts read the annotations.

Claims, quotes and the timeline all need the same facts about a sentence: who speaks in it
(`text.attribution`), which figures it gives (`text.numbers`), which dates it names resolved
against the article's publication date (`text.dates`), whether it is a photo caption
(`text.captions`), and who the attribution chain says is speaking (`quotes.attributions`, which
walks the whole article because "she added" depends on the sentences before it). Reading them
here once keeps the brief's parts from re-reading the text, and from disagreeing about it.

The records live here, not in `records.py`: they carry the text tools' own types (`SpeechAct`,
`Mention`, `DateMention`) and never leave the brief step (they are not stored, rendered or sent
between Spark tasks), whereas `records.py` holds what flows between stages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from rashomon.annotate import quotes
from rashomon.annotate.quotes import ArticleQuote
from rashomon.config import LimitsConfig, QuotesConfig
from rashomon.records import Article
from rashomon.text.attribution import SpeechAct, speech_acts
from rashomon.text.captions import is_caption
from rashomon.text.dates import DateMention, find_dates, parse_iso_date
from rashomon.text.numbers import Mention, find_mentions

TITLE_INDEX = -1  # the headline is read like a sentence; claims cite it with this index


@dataclass(slots=True, frozen=True)
class AnnotatedSentence:
    """One sentence (or the headline) with everything the brief's parts read from it."""

    index: int  # Sentence.index in its article, TITLE_INDEX for the headline
    text: str
    caption: bool  # a photo caption, credit or link line: its figures and dates are other days'
    acts: tuple[SpeechAct, ...]  # speakers outside quotation marks, in order of the verb
    figures: tuple[Mention, ...]  # numeric mentions, in order
    dates: tuple[DateMention, ...]  # date expressions resolved against the publication date
    speaker: str | None  # the attribution chain's speaker here (never set for the headline)

    @property
    def is_title(self) -> bool:
        return self.index == TITLE_INDEX


@dataclass(slots=True, frozen=True)
class AnnotatedArticle:
    """An article read once: its headline and sentences annotated, its quotes attributed."""

    article: Article
    published_on: dt.date | None  # the base of `dates`; None when the article is undated
    title: AnnotatedSentence | None
    sentences: tuple[AnnotatedSentence, ...]
    quotes: tuple[ArticleQuote, ...]  # in reading order, speakers resolved

    @property
    def units(self) -> tuple[AnnotatedSentence, ...]:
        """The headline (when there is one), then the sentences: the order claims are read in."""
        return ((self.title,) if self.title is not None else ()) + self.sentences


def annotate(
    article: Article, config: QuotesConfig | None = None, limits: LimitsConfig | None = None
) -> AnnotatedArticle:
    """Read `article` once: speech acts, figures, dates, captions, speakers and quotes (the first
    `limits.article_quotes` of them)."""
    limits = limits or LimitsConfig()
    found, chain = quotes.attributions(article, config)
    published_on = parse_iso_date(article.published)
    digits = limits.number_digits
    title = (
        _annotate_sentence(TITLE_INDEX, article.title, None, published_on, digits) if article.title else None
    )
    sentences = tuple(
        _annotate_sentence(s.index, s.text, chain.get(s.index), published_on, digits) for s in article.sentences
    )
    return AnnotatedArticle(article, published_on, title, sentences, tuple(found[: limits.article_quotes]))


def _annotate_sentence(
    index: int, text: str, speaker: str | None, base: dt.date | None, max_digits: int
) -> AnnotatedSentence:
    caption, acts, figures = _read(text, max_digits)
    return AnnotatedSentence(index, text, caption, acts, figures, dates_in(text, base), speaker)


# Copies of a wire story repeat its sentences (on the benchmark corpus, 21k distinct sentences
# of 67k): what a sentence says (immutable records) is read once per text, its dates once per
# text and base date. Its speaker comes from its article's attribution chain and is not kept.
@lru_cache(maxsize=16384)
def _read(text: str, max_digits: int) -> tuple[bool, tuple[SpeechAct, ...], tuple[Mention, ...]]:
    return is_caption(text), tuple(speech_acts(text)), tuple(find_mentions(text, max_digits))


@lru_cache(maxsize=16384)
def dates_in(text: str, base: dt.date | None) -> tuple[DateMention, ...]:
    """`find_dates(text, base)`, remembered; the summary dates its sentences with it too, right
    after the story's articles were annotated."""
    return tuple(find_dates(text, base))


__all__ = ["TITLE_INDEX", "AnnotatedArticle", "AnnotatedSentence", "annotate", "dates_in"]
