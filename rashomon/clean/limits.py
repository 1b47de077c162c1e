"""The limits of `LimitsConfig` applied to one article, each cut noted in `Article.cut`.

The raw text is cut before cleaning (so that cleaning itself is bounded), the cleaned article
after: text extracted from a big page can still be long, and a text of short lines can hold more
sentences than the limit. A cut article keeps its first sentences; the brief lists what was cut.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from rashomon.config import LimitsConfig
from rashomon.records import Article, RawArticle


def cut_note(what: str, limit: int, unit: str) -> str:
    return f"{what} cut at {limit:,} {unit}"


def cut_raw(raw: RawArticle, limits: LimitsConfig) -> tuple[RawArticle, tuple[str, ...]]:
    """`raw` with its text cut at `limits.article_chars` characters, and the note of the cut."""
    if raw.text is None or len(raw.text) <= limits.article_chars:
        return raw, ()
    return replace(raw, text=raw.text[: limits.article_chars]), (cut_note("text", limits.article_chars, "characters"),)


def cut_article(article: Article, limits: LimitsConfig, notes: tuple[str, ...] = ()) -> Article:
    """`article` within the limits: its first sentences, as many as `article_sentences` allows and
    as fit in `article_chars` characters, the text rebuilt from them; `notes` (cuts made before
    cleaning) and this cut go into `cut`."""
    over_chars = len(article.text) > limits.article_chars
    over_sentences = len(article.sentences) > limits.article_sentences
    if not (over_chars or over_sentences):
        return replace(article, cut=notes) if notes else article
    kept, used = [], 0
    for sentence in article.sentences[: limits.article_sentences]:
        used += len(sentence.text) + 1
        if used > limits.article_chars:
            break
        kept.append(sentence)
    paragraphs = (" ".join(s.text for s in group) for _, group in groupby(kept, key=lambda s: s.paragraph))
    if over_chars and cut_note("text", limits.article_chars, "characters") not in notes:
        notes = (*notes, cut_note("text", limits.article_chars, "characters"))
    if over_sentences:
        notes = (*notes, cut_note("text", limits.article_sentences, "sentences"))
    return replace(article, text="\n\n".join(paragraphs), sentences=tuple(kept), cut=notes)
