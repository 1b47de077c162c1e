"""Annotations as JSON and back, so a store keeps each article's reading (`store/annotations.py`)
and an update re-briefs a story without reading its older articles again.

Only the annotations are written, not the article they belong to: `decode` is given the article
(the store holds it). Floats, ints and strings round-trip exactly through JSON, so a decoded
reading equals the one `annotate` gave (`tests/annotate/test_codec.py`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from rashomon.annotate import AnnotatedArticle, AnnotatedSentence
from rashomon.annotate.quotes import ArticleQuote
from rashomon.records import Article
from rashomon.text.attribution import SpeechAct
from rashomon.text.dates import DateMention
from rashomon.text.numbers import Mention


def _sentence(s: AnnotatedSentence) -> list[Any]:
    return [
        s.index,
        s.text,
        s.caption,
        [[a.speaker, a.verb_start, a.verb_end, a.kind] for a in s.acts],
        [[m.text, m.low, m.high, m.start, m.end, list(m.hedges)] for m in s.figures],
        [[d.text, d.start, d.end, d.iso, d.first.isoformat(), d.last.isoformat(), d.precision] for d in s.dates],
        s.speaker,
    ]


def _unsentence(row: list[Any]) -> AnnotatedSentence:
    index, text, caption, acts, figures, dates, speaker = row
    return AnnotatedSentence(
        index=int(index),
        text=str(text),
        caption=bool(caption),
        acts=tuple(SpeechAct(str(s), int(a), int(b), str(k)) for s, a, b, k in acts),
        figures=tuple(Mention(str(t), lo, hi, int(a), int(b), tuple(h)) for t, lo, hi, a, b, h in figures),
        dates=tuple(
            DateMention(str(t), int(a), int(b), str(iso), dt.date.fromisoformat(f), dt.date.fromisoformat(la), str(p))
            for t, a, b, iso, f, la, p in dates
        ),
        speaker=speaker,
    )


def encode(annotated: AnnotatedArticle) -> str:
    """The reading of one article as JSON (without the article)."""
    return json.dumps(
        {
            "published_on": annotated.published_on.isoformat() if annotated.published_on else None,
            "title": _sentence(annotated.title) if annotated.title else None,
            "sentences": [_sentence(s) for s in annotated.sentences],
            "quotes": [[q.text, q.speaker, q.article_id, list(q.sentences), q.context] for q in annotated.quotes],
        },
        ensure_ascii=False,
    )


def decode(data: str, article: Article) -> AnnotatedArticle:
    """The reading `encode` wrote, of `article`."""
    fields = json.loads(data)
    published = fields["published_on"]
    return AnnotatedArticle(
        article=article,
        published_on=dt.date.fromisoformat(published) if published else None,
        title=_unsentence(fields["title"]) if fields["title"] else None,
        sentences=tuple(_unsentence(row) for row in fields["sentences"]),
        quotes=tuple(
            ArticleQuote(str(t), str(s), str(a), tuple(int(i) for i in n), str(c)) for t, s, a, n, c in fields["quotes"]
        ),
    )
