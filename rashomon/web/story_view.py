"""Everything the story page shows, resolved from the store into one read model.

A brief cites articles, not sentences; a reader clicking a citation wants the sentence. So each
citation is resolved here to the sentence of the cited article that best matches the summary
sentence (summaries are extractive, so it is usually verbatim) and the page can show it in place
and link to it inside the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from rashomon.config import WebConfig
from rashomon.records import ArticleInfo, Cited, Sentence, StoryBrief, TimelineEvent
from rashomon.web.graph import Graph, layout

_WORD = re.compile(r"\w+")


@dataclass(slots=True, frozen=True)
class CitationMark:
    number: int  # the article's number in the story's source list
    article_id: str
    source: str
    sentence_index: int | None
    sentence: str | None


@dataclass(slots=True, frozen=True)
class CitedLine:
    text: str
    marks: tuple[CitationMark, ...]


@dataclass(slots=True, frozen=True)
class SourceLine:
    number: int
    article_id: str
    source: str
    title: str | None
    published: str | None
    originality: float | None
    url: str | None  # only http(s) addresses; anything else is shown as text, never linked
    mirror_of: str | None


@dataclass(slots=True, frozen=True)
class DatedLine:
    event: TimelineEvent
    marks: tuple[CitationMark, ...]


@dataclass(slots=True, frozen=True)
class StoryView:
    brief: StoryBrief
    newest: str | None
    short: CitedLine
    long: tuple[CitedLine, ...]
    timeline: tuple[DatedLine, ...]
    sources: tuple[SourceLine, ...]
    outlet: Mapping[str, str]  # article id -> outlet name (or the id when unknown)
    number: Mapping[str, int]  # article id -> number in the source list
    graph: Graph


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain http(s) address; None for javascript:, data: and the rest."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


@dataclass(slots=True, frozen=True)
class _Indexed:
    """An article's sentences with their word sets, computed once per page, not once per citation."""

    sentences: tuple[Sentence, ...]
    words: tuple[frozenset[str], ...]
    exact: Mapping[str, Sentence]  # whitespace-normalised text -> sentence, for verbatim citations


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


def _index(sentences: Sequence[Sentence]) -> _Indexed:
    exact: dict[str, Sentence] = {}
    for sentence in sentences:
        exact.setdefault(_normal(sentence.text), sentence)
    return _Indexed(tuple(sentences), tuple(frozenset(_words(s.text)) for s in sentences), exact)


def best_sentence(text: str, sentences: Sequence[Sentence] | _Indexed, min_overlap: float) -> Sentence | None:
    """The sentence of an article that `text` most likely came from, or None when none overlaps it
    by `min_overlap` (a guess shown as the source would be worse than a link to the article)."""
    indexed = sentences if isinstance(sentences, _Indexed) else _index(sentences)
    verbatim = indexed.exact.get(_normal(text))
    if verbatim is not None:
        return verbatim
    target = _words(text)
    if not target:
        return None
    best, score = None, 0.0
    for sentence, words in zip(indexed.sentences, indexed.words, strict=True):
        if not words:
            continue
        overlap = len(target & words) / len(target | words)
        if overlap > score:
            best, score = sentence, overlap
            if score == 1.0:
                break
    return best if score >= min_overlap else None


def build_story_view(
    brief: StoryBrief,
    infos: Mapping[str, ArticleInfo],
    sources: Mapping[str, str | None],
    sentences_of: Callable[[str], Sequence[Sentence]],
    config: WebConfig | None = None,
) -> StoryView:
    """Resolve citations, number the sources and lay out the copy graph for one story."""
    min_overlap = (config or WebConfig()).citation_overlap
    ids = list(dict.fromkeys(brief.articles))
    number = {aid: i + 1 for i, aid in enumerate(ids)}
    outlet = {aid: (sources.get(aid) or aid) for aid in ids}
    cache: dict[str, _Indexed] = {}

    def sentences(aid: str) -> _Indexed:
        if aid not in cache:
            cache[aid] = _index(sentences_of(aid))
        return cache[aid]

    def marks(text: str, citations: Sequence[str]) -> tuple[CitationMark, ...]:
        found = []
        for aid in dict.fromkeys(citations):
            if aid not in number:
                number[aid] = len(number) + 1
                outlet[aid] = sources.get(aid) or aid
            hit = best_sentence(text, sentences(aid), min_overlap)
            index, sentence = (hit.index, hit.text) if hit else (None, None)
            found.append(CitationMark(number[aid], aid, outlet[aid], index, sentence))
        return tuple(found)

    def line(cited: Cited) -> CitedLine:
        return CitedLine(cited.text, marks(cited.text, cited.citations))

    short = line(brief.summary.short)
    long = tuple(line(c) for c in brief.summary.long)
    timeline = tuple(DatedLine(e, marks(e.text, e.citations)) for e in brief.timeline)
    source_lines = tuple(_source_line(aid, n, outlet[aid], infos.get(aid)) for aid, n in number.items())
    dates = [d for d in (infos[a].published for a in ids if a in infos) if d]
    originality = {aid: info.originality for aid, info in infos.items()}
    graph = layout(ids, brief.reuse, brief.duplicates, outlet, originality)
    return StoryView(brief, max(dates) if dates else None, short, long, timeline, source_lines, outlet, number, graph)


def _source_line(aid: str, number: int, outlet: str, info: ArticleInfo | None) -> SourceLine:
    if info is None:
        return SourceLine(number, aid, outlet, None, None, None, None, None)
    return SourceLine(
        number, aid, outlet, info.title, info.published, info.originality, safe_url(info.url), info.mirror_of
    )
