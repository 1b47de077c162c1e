"""Clean: a RawArticle in, a clean, dated, sentence-split Article out.

Steps, in order: repair and normalise Unicode (`unicode.py`); read and strip the ` date
YYYY-MM-DD` crawl line; drop noise lines (`boilerplate.py`: rules, runs, and lines learned from
repetition within a source); take the title; read and strip the dateline; date the article
(`dates.py`); detect the language (`language.py`); split sentences (`sentences.py`).
An article left with fewer than `min_words` story words raises CleanError.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.clean.boilerplate import (
    boilerplate_key,
    classify,
    learn_repeated_lines,
    raw_lines_by_source,
)
from rashomon.clean.boilerplate import (
    clear_caches as clear_line_caches,
)
from rashomon.clean.date_evidence import content_date, date_flag, mentioned_dates, named_weekdays
from rashomon.clean.dates import (
    crawl_line_date,
    dateline_date,
    normalise_date,
    normalise_instant,
    parse_dateline,
    timestamp_date,
    url_date,
)
from rashomon.clean.language import UNDETERMINED, detect_language, normalise_language
from rashomon.clean.language import clear_cache as clear_language_cache
from rashomon.clean.lines import looks_like_headline, story_words, words_of
from rashomon.clean.neighbours import mark_related_headlines
from rashomon.clean.sentences import split_sentences, unglue
from rashomon.clean.unicode import normalise_text
from rashomon.config import CleanConfig
from rashomon.ingest.build import host_of
from rashomon.ingest.html import extract_html
from rashomon.ingest.titles import clean_title
from rashomon.records import Article, RawArticle, Sentence

__all__ = ["CleanError", "clean_article", "clear_caches", "explain_lines", "learn_boilerplate"]


class CleanError(ValueError):
    """The article has no usable story text; `reason` is one line for the Rejected."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class _Lines:
    """The article's lines while cleaning: text, and why a line was dropped (None if kept)."""

    text: list[str]
    reason: list[str | None]
    title: str | None = None
    title_source: str = "none"
    crawl_date: str | None = None
    crawl_prefix: str | None = None  # the ` date YYYY-MM-DD` text cut from the first line


def learn_boilerplate(raws: Sequence[RawArticle], config: CleanConfig) -> frozenset[str]:
    """Lines that appear in at least `repeated_line_min_articles` articles of the same source.

    Keys are `source\\tline` (see `boilerplate_key`), so one outlet's footer never removes a
    sentence from another outlet that happens to share it.
    """
    return learn_repeated_lines(raw_lines_by_source(raws), config.repeated_line_min_articles)


def clean_article(raw: RawArticle, config: CleanConfig, boilerplate: frozenset[str] = frozenset()) -> Article:
    """The cleaned Article of `raw`; raises CleanError when no story text is left."""
    state = _judge(raw, boilerplate)
    judged = list(zip(state.text, state.reason, strict=True))
    dropped = [(line, reason) for line, reason in judged if line and reason not in (None, "title")]
    paragraphs = [unglue(line) for line, reason in judged if line and reason is None]
    dateline, dateline_iso = _take_dateline(paragraphs, "\n".join(state.text), raw.url, config.dateline_lines)
    if sum(story_words(p) for p in paragraphs) < config.min_words:
        raise CleanError(f"no text: fewer than {config.min_words} words of story after cleaning")
    printed = _printed_date(state, config.printed_date_lines)
    published, date_source = _date_of(raw, dateline_iso or printed, state.crawl_date)
    body = "\n\n".join(paragraphs)
    mentions, weekdays = mentioned_dates(body), named_weekdays(body)
    if date_source == "url" and (better := content_date(mentions, str(published), config.date_far_days, weekdays)):
        published, date_source = better, "text"
    return Article(
        id=raw.id,
        path=raw.path,
        text=body,
        sentences=_sentences(raw.id, paragraphs),
        url=raw.url,
        title=state.title,
        title_source=state.title_source,
        published=published,
        date_source=date_source,
        source=raw.source,
        language=normalise_language(raw.language) or detect_language(body, config) or UNDETERMINED,
        author=raw.author or _byline_author(state),
        dateline=dateline,
        dropped=tuple(([state.crawl_prefix] if state.crawl_prefix else []) + [line for line, _ in dropped]),
        drop_reasons=tuple((["crawl line"] if state.crawl_prefix else []) + [str(why) for _, why in dropped]),
        format=raw.format,
        published_time=normalise_instant(raw.published) if date_source == "metadata" else None,
        date_flag=date_flag(published, mentions, config.date_far_days, weekdays),
    )


def clear_caches() -> None:
    """Empty the bounded caches of cleaning (verdicts on lines, detected languages).

    Cleaning gives the same result with or without them; a benchmark that times the same pages
    twice calls this between rounds so that the second round is not faster than a first one.
    """
    clear_line_caches()
    clear_language_cache()


def explain_lines(raw: RawArticle, boilerplate: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
    """(line, reason) for every non-blank line, as cleaning judges it: for tests and debugging."""
    state = _judge(raw, boilerplate)
    return [(line, reason) for line, reason in zip(state.text, state.reason, strict=True) if line]


def _judge(raw: RawArticle, boilerplate: frozenset[str]) -> _Lines:
    """Normalised lines with a reason for each noise line, the title taken, the crawl line read."""
    text, title, title_source = _text_of(raw)
    lines = normalise_text(text).split("\n")
    crawl = crawl_line_date(lines[0])
    state = _Lines(lines, [])
    if crawl is not None:
        state.crawl_date, state.crawl_prefix = crawl[0], lines[0][: crawl[1]].strip()
        lines[0] = lines[0][crawl[1] :].strip()
    state.reason = classify(lines)
    _mark_learned(state, raw.source, boilerplate)
    known = clean_title(normalise_text(title), raw.source, host_of(raw.url)) if title else None
    state.title, state.title_source = _take_title(state, known, title_source if known else None)
    mark_related_headlines(state.text, state.reason)
    return state


def _text_of(raw: RawArticle) -> tuple[str, str | None, str]:
    """Text, title and the title's source; a RawArticle that still holds HTML (built by another
    runner) is extracted here."""
    if raw.text and raw.text.strip():
        return raw.text, raw.title, raw.title_source or "input"
    if raw.html:
        extracted = extract_html(raw.html, raw.url)
        if extracted is not None:
            if raw.title:
                return extracted.text, raw.title, raw.title_source or "input"
            return extracted.text, extracted.title, extracted.title_source
    raise CleanError("no text: article is empty")


def _mark_learned(state: _Lines, source: str | None, boilerplate: frozenset[str]) -> None:
    if not boilerplate:
        return
    for i, line in enumerate(state.text):
        if (
            line
            and state.reason[i] is None
            and (boilerplate_key(source, line) in boilerplate or boilerplate_key(None, line) in boilerplate)
        ):
            state.reason[i] = "learned boilerplate"


def _take_title(state: _Lines, known: str | None, source: str | None) -> tuple[str | None, str]:
    """(title, its source): the known title, else the first kept line when it looks like a headline.

    The first line is dropped as the title when it is the known title; further copies of the
    title in the body are dropped as repeated headlines. A first line that is junk as a title
    (a navigation bar, a date) is left to the other rules.
    """
    kept = [i for i, line in enumerate(state.text) if line and state.reason[i] is None]
    if not kept:
        return known, (source or "input") if known else "none"
    first = state.text[kept[0]]
    title, source = (known, source or "input") if known else (None, "none")
    headline = len(kept) > 1 and looks_like_headline(first) and story_words(first) >= 3
    if known and _same_title(first, known):
        state.reason[kept[0]] = "title"
    elif headline and not known and clean_title(first) is not None:
        title, source = clean_title(first), "first line"
        state.reason[kept[0]] = "title"
    if title:
        for i in kept[1:]:
            if state.text[i].lower() == title.lower():
                state.reason[i] = "repeated headline"
    return title, source


def _same_title(line: str, known: str) -> bool:
    """The first line is the page's title, give or take the site name around it.

    A first line that differs from a known title is a standfirst or the story's first line
    (text the gold of trafilatura's evaluation keeps), not a second title; so is a line that
    holds the title inside a phrase ("für das Rezept Bienenstich-Muffins"): what surrounds the
    title must be set off by a separator, as a site name is.
    """
    line, known = line.lower(), known.lower()
    if line == known:
        return True
    if len(line) < 12 or len(line) > len(known) + 40:
        return False  # a whole paragraph that happens to hold the title is no title
    longer, shorter = (known, line) if line in known else (line, known)
    where = longer.find(shorter)
    if where < 0:
        return False
    before, after = longer[:where].rstrip(), longer[where + len(shorter) :].lstrip()
    return _set_off(before, before.endswith(_TITLE_SEPARATORS)) and _set_off(after, after.startswith(_TITLE_SEPARATORS))


def _set_off(affix: str, separated: bool) -> bool:
    """What stands beside the title is nothing, set off by a separator, or a date without letters."""
    return not affix or separated or not any(ch.isalpha() for ch in affix)


_TITLE_SEPARATORS = ("|", "-", "–", "—", ":", "·", "•", "/", "»", "«")


def _byline_author(state: _Lines) -> str | None:
    """The name of the first byline ("By Ines Dalgaard | Coastal Ledger" -> "Ines Dalgaard")."""
    for line, reason in zip(state.text, state.reason, strict=True):
        if reason == "byline":
            name = re.split(r"\s*[|,/]\s*|\s+-\s+", line.split(None, 1)[1])[0].strip()
            return name or None
    return None


def _take_dateline(
    paragraphs: list[str], context: str, url: str | None, lines: int
) -> tuple[str | None, str | None]:
    """Strip a dateline from the first `lines` story lines; (place, ISO date or None)."""
    for i, paragraph in enumerate(paragraphs[:lines]):
        found = parse_dateline(paragraph)
        if found is None:
            continue
        rest = paragraph[found.length :].strip()
        if len(words_of(rest)) < 3:
            continue
        paragraphs[i] = rest
        return found.place, dateline_date(found, context, url)
    return None, None


def _printed_date(state: _Lines, lines: int) -> str | None:
    """The publication date printed on a timestamp line among the first `lines` ("Friday 14 March 2025")."""
    for line, reason in list(zip(state.text, state.reason, strict=True))[:lines]:
        if reason == "timestamp":
            found = timestamp_date(line)
            if found is not None and found[1]:
                return found[0]
    return None


def _date_of(raw: RawArticle, dateline_iso: str | None, crawl_iso: str | None) -> tuple[str | None, str]:
    """(ISO date, source) in order of trust: metadata, dateline, crawl line, URL (which the dates
    the text writes out can still overrule: see `date_evidence`)."""
    metadata = normalise_date(raw.published)
    candidates = [
        (metadata, "metadata"),
        (dateline_iso, "dateline"),
        (crawl_iso, "crawl-line"),
        (url_date(raw.url) if raw.url else None, "url"),
    ]
    for value, source in candidates:
        if value:
            return value, source
    return None, "none"


def _sentences(article_id: str, paragraphs: Sequence[str]) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for text in split_sentences(paragraph):
            sentences.append(Sentence(article_id, len(sentences), text, number))
    return tuple(sentences)
