"""Direct quotations of one article and the speaker of every sentence, read in one walk.

A speaker is taken only from what the article says: the quote's own sentence ("..., she said",
"said the source", "X described it as ..."), a colon introducing it, or the attribution chain it
continues (a run of quoted sentences and speech acts, so that "she added" or a bare follow-on
quote inherits the speaker). Roles and partial names are resolved inside the article
(`speakers`): "the governor" is the article's only named governor. A quote whose sentence names
nobody gets a speaker only as `_unnamed_speaker` lists (follow-on, introduction, the next
sentence naming the speaker with an apposition); otherwise it stays `unattributed`. The last
name mentioned is never used, because that is exactly how misattributions are born.

Short quoted fragments (fewer than `QuotesConfig.min_words` words: scare quotes such as
"mercenaries") are not quotes.
Grouping the same statement across articles is the brief's job (`brief.quotes`).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from rashomon.config import QuotesConfig
from rashomon.records import Article, Sentence
from rashomon.text.attribution import (
    SpeechAct,
    clean_speaker,
    is_generic,
    is_pronoun,
    speech_acts,
)
from rashomon.text.lexicon import STOP_WORDS
from rashomon.text.speakers import APPOSED_PERSON, Resolver, acting_person, kind_fits, leading_name
from rashomon.text.statements import overlap
from rashomon.text.tense import blank_quotes

UNATTRIBUTED = "unattributed"
_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))


@dataclass(slots=True, frozen=True)
class ArticleQuote:
    """A quotation inside one article: its text, resolved speaker and the sentences it spans."""

    text: str
    speaker: str
    article_id: str
    sentences: tuple[int, ...]
    context: str = ""  # the sentences around the quote, to match translations of one statement


@dataclass(slots=True)
class _Paragraph:
    text: str
    starts: list[int]  # character offset of each sentence in `text`
    indices: list[int]  # sentence index of each sentence


def _paragraphs(article: Article) -> list[_Paragraph]:
    """The article's paragraphs, each its sentences joined by a space. The pieces are joined once
    per paragraph: adding to the paragraph's text sentence by sentence copied it every time."""
    out: list[_Paragraph] = []
    pieces: list[list[str]] = []
    length = 0
    last_para = None
    for s in article.sentences:
        if not out or s.paragraph != last_para:
            out.append(_Paragraph("", [], []))
            pieces.append([])
            length = 0
            last_para = s.paragraph
        if length:
            pieces[-1].append(" ")
            length += 1
        out[-1].starts.append(length)
        out[-1].indices.append(s.index)
        pieces[-1].append(s.text)
        length += len(s.text)
    for para, parts in zip(out, pieces, strict=True):
        para.text = "".join(parts)
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in a paragraph, quote marks included."""
    spans = [span for open_mark, close_mark in _PAIRS for span in _paired(text, open_mark, close_mark)]
    straight = _positions(text, '"')
    for a, b in zip(straight[0::2], straight[1::2], strict=False):
        spans.append((a, b + 1))
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _positions(text: str, mark: str) -> list[int]:
    """Where `mark` (one character) is in `text`: found by `str.find`, not by a Python loop over
    every character of every paragraph."""
    found: list[int] = []
    at = text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


def _paired(text: str, open_mark: str, close_mark: str) -> list[tuple[int, int]]:
    """The matches of `open[^close]{2,}close`, leftmost first and not overlapping, in one pass.

    The regex scanned to the end of the text from every opening mark that is never closed, so a
    paragraph of stray marks cost its length times their number."""
    spans: list[tuple[int, int]] = []
    start = text.find(open_mark)
    while start >= 0:
        end = text.find(close_mark, start + 1)
        if end < 0:
            break  # no closing mark after this opening: none after any later one either
        if end - start > 2:
            spans.append((start, end + 1))
            start = text.find(open_mark, end + 1)
        else:
            start = text.find(open_mark, start + 1)
    return spans


def _is_quote(inner: str, min_words: int) -> bool:
    words = inner.split()
    if len(words) < min_words:
        return False
    # A quoted title ("Russia Admits to Dozens of Casualties") is not a statement.
    return not (len(words) <= 8 and all(w[0].isupper() or w.lower() in STOP_WORDS for w in words))


def _sentence_of(para: _Paragraph, offset: int) -> int:
    """Position in `para` of the sentence holding `offset` (a binary search: it is asked for
    every quote, and scanning every sentence each time made a long paragraph quadratic)."""
    return max(bisect.bisect_right(para.starts, offset) - 1, 0)


def _nearest_act(acts: list[SpeechAct], quote_start: int, quote_end: int, host: str) -> SpeechAct | None:
    """The speech act that introduces or follows the quote: after it (tail) first, then before.

    A tail act in another clause ("... of 'between 36 and 40 people', while X indicated 68 were
    missing") belongs to that clause's own statement, not to the quote."""
    # `acts` are in order of `verb_start`: the first act after the quote is found by bisection,
    # and the last one before it by walking back from there (a host with thousands of quotes
    # and acts must not list them all for every quote).
    after = bisect.bisect_left(acts, quote_end, key=lambda a: a.verb_start)
    tail = acts[after] if after < len(acts) else None
    lead = next((acts[i] for i in range(after - 1, -1, -1) if acts[i].verb_end <= quote_start), None)
    if lead and tail and tail.kind == "according" and lead.kind == "verb":
        return lead  # "Authorities said ... 'quote', according to Reuters": Reuters reports them
    if tail and tail.verb_start - quote_end < 80 and not _CLAUSE_BREAK.search(host, quote_end, tail.verb_start):
        return tail
    if lead:
        return lead
    return tail if tail and not _CLAUSE_BREAK.search(host, quote_end, tail.verb_start) else None


_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but|and|as|although|though)\b|\.\s")


def attributions(
    article: Article, config: QuotesConfig | None = None
) -> tuple[list[ArticleQuote], dict[int, str | None]]:
    """Quotes of an article, and the resolved speaker of every sentence that has one.

    Sentences are walked in order so that each sees the attribution chain before it.
    """
    min_words = (config or QuotesConfig()).min_words
    resolver = Resolver(article)
    chain: dict[int, str | None] = {}
    quoted: set[int] = set()  # sentences that hold a quotation
    found: list[ArticleQuote] = []
    sentence_text = {s.index: s.text for s in article.sentences}
    for para in _paragraphs(article):
        spans = [(a, b) for a, b in _quote_spans(para.text) if _is_quote(para.text[a + 1 : b - 1], min_words)]
        pending: list[int] = []  # positions in `found` of quotes whose pronoun speaker looks forward
        by_sentence = _spans_by_sentence(para, spans)
        for pos, index in enumerate(para.indices):
            if index in chain:
                continue  # inside a quote that started in an earlier sentence
            starting = by_sentence.get(pos, [])
            if not starting:
                chain[index] = _plain_speaker(sentence_text[index], index, chain, resolver)
                continue
            for start, end in starting:
                inner = para.text[start + 1 : end - 1].strip()
                last = para.indices[_sentence_of(para, max(start, end - 2))]
                host = " ".join(sentence_text[i] for i in range(index, last + 1))
                offset = para.starts[pos]
                act = _nearest_act(speech_acts(host), start - offset, end - offset, host)
                if act is None:
                    speaker = _unnamed_speaker(article, (index, last), chain, inner, quoted, host, start - offset)
                else:
                    speaker = _speaker(act, index, chain, article, resolver)
                quoted.update(range(index, last + 1))
                if speaker == "":
                    pending.append(len(found))
                found.append(
                    ArticleQuote(
                        _strip_marks(inner), speaker, article.id, tuple(range(index, last + 1)), host
                    )
                )
                for i in range(index, last + 1):
                    chain[i] = speaker or None
                if speaker and speaker != UNATTRIBUTED:
                    resolver.note(speaker)
                    for waiting in pending:
                        q = found[waiting]
                        found[waiting] = ArticleQuote(q.text, speaker, q.article_id, q.sentences, q.context)
                        for i in q.sentences:
                            chain[i] = speaker
                    pending = []
        for waiting in pending:
            q = found[waiting]
            found[waiting] = ArticleQuote(q.text, UNATTRIBUTED, q.article_id, q.sentences, q.context)
            for i in q.sentences:
                chain[i] = None
    return found, chain


def _spans_by_sentence(para: _Paragraph, spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """The quote spans of a paragraph grouped by the position of the sentence they start in, in
    order: found once, instead of filtering every span for every sentence."""
    grouped: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        grouped.setdefault(_sentence_of(para, span[0]), []).append(span)
    return grouped


def _plain_speaker(text: str, index: int, chain: dict[int, str | None], resolver: Resolver) -> str | None:
    """The speaker of a sentence without a quote: its first speech act, pronouns from the chain."""
    acts = speech_acts(text)
    if not acts:
        return acting_person(text)  # the antecedent of a following "she said"
    who = acts[0].speaker
    if is_pronoun(who):
        previous = chain.get(index - 1)
        return previous if previous and previous != UNATTRIBUTED and kind_fits(who, previous) else None
    resolved = resolver.generic(who, index) if is_generic(who) else who
    resolver.note(resolved)
    return resolved


def _strip_marks(text: str) -> str:
    return text.strip().strip(",").strip()


def _speaker(act: SpeechAct, index: int, chain: dict[int, str | None], article: Article, resolver: Resolver) -> str:
    """The speaker a speech act names for a quote in sentence `index`; "" means "look at the next quote"."""
    who = clean_speaker(act.speaker)
    if is_pronoun(who):
        previous = chain.get(index - 1)
        if previous and previous != UNATTRIBUTED and kind_fits(who, previous):
            return previous
        return resolver.subject(index, who) or ""
    if is_generic(who):
        return resolver.generic(who, index)
    return resolver.expand(who)


def _unnamed_speaker(
    article: Article,
    span: tuple[int, int],
    chain: dict[int, str | None],
    inner: str,
    quoted: set[int],
    host: str,
    quote_start: int,
) -> str:
    """The speaker of a quote whose own sentence has no speech verb. Only four places may say it:

    1. a colon in its own sentence after a named subject ("Prime Minister X ... issued a statement: ...");
    2. a follow-on: the sentence is nothing but the quote, and the sentence right before held a quote
       of a named speaker in the same or the previous paragraph ("...," said Goran Matic. / "We need
       the state to admit what went wrong.");
    3. an introduction: the sentence right before, in the same paragraph, reports that speaker
       and ends with a colon or summarises the quote (shares two content words with it);
    4. the next sentence of the same paragraph opens with the speaker's name and an apposition
       ("We heard a roar ..." / Dana Krell, a 54-year-old schoolteacher, spoke ...).

    Anything else (a paragraph that merely names somebody earlier) leaves it unattributed.
    """
    index, last = span
    if _colon_before(host, quote_start):
        subject = clean_speaker(leading_name(host[:quote_start]))
        if len(subject.split()) >= 2:
            return subject
    sentences = article.sentences
    previous = chain.get(index - 1)
    bare = _bare(host)
    if index > 0 and previous and previous != UNATTRIBUTED:
        gap = sentences[index].paragraph - sentences[index - 1].paragraph
        if bare and index - 1 in quoted and gap <= 1:
            return previous
        text = sentences[index - 1].text
        if gap == 0 and speech_acts(text) and (text.rstrip().endswith(":") or overlap(inner, text) >= 2):
            return previous
    following = _sentence_at(article, last + 1)
    if bare and following is not None and following.paragraph == sentences[index].paragraph:
        named = APPOSED_PERSON.match(following.text)
        if named:
            return named.group("name")
    return UNATTRIBUTED


def _colon_before(host: str, quote_start: int) -> bool:
    """Whether a colon, then only spaces, comes right before the quote; read backwards from it,
    because copying everything before every quote of a long sentence was quadratic."""
    at = quote_start - 1
    while at >= 0 and host[at].isspace():
        at -= 1
    return at >= 0 and host[at] == ":"


@functools.lru_cache(maxsize=256)
def _bare(host: str) -> bool:
    """Whether `host` is nothing but quotations: a sentence holding many quotes asks once."""
    return not re.search(r"[A-Za-z]{2,}", blank_quotes(host))


def _sentence_at(article: Article, index: int) -> Sentence | None:
    """The sentence with Sentence.index `index`: its position when indices are positions (they
    are, from `clean`), a search otherwise."""
    sentences = article.sentences
    if 0 <= index < len(sentences) and sentences[index].index == index:
        return sentences[index]
    return next((s for s in sentences if s.index == index), None)
