"""The records that flow between Rashomon's stages.

Every stage is a plain function over these dataclasses, so the same code runs in the local
runner (`pipeline.py`) and inside Spark (`spark/`). They are small, typed and picklable; no
stage passes dicts to another. `to_dict` turns any of them into JSON-ready data.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

BRIEF_SCHEMA_VERSION = 1  # of brief.json (`render/brief.schema.json`)

@dataclass(slots=True)
class RawArticle:
    """One article as read from an input, before cleaning.

    `path` names where it came from (file path, plus `#record N` / `:line N` for WARC and JSON
    Lines) so that a later rejection can still point at the input.
    """

    id: str
    path: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or datetime, as trusted metadata gave it
    date_source: str | None = None  # "metadata" when `published` came from the input itself
    source: str | None = None
    language: str | None = None
    author: str | None = None
    format: str = "text"  # txt | html | warc | rss | jsonl
    # Where `title` came from: og:title | twitter:title | h1 | title | input | None (no title).
    title_source: str | None = None


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of a cleaned article; `index` is its position in the article (0-based)."""

    article_id: str
    index: int
    text: str
    paragraph: int = 0


@dataclass(slots=True)
class Article:
    """A cleaned, dated article: the unit every later stage works on."""

    id: str
    path: str
    text: str  # cleaned body, paragraphs separated by a blank line
    sentences: tuple[Sentence, ...]
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD, None when no date could be found
    date_source: str = "none"  # metadata | dateline | crawl-line | url | text | none
    source: str | None = None  # outlet name or host
    language: str = "und"  # ISO 639-1, "und" when unknown
    author: str | None = None
    dateline: str | None = None  # place named in a dateline such as "MOSCOW, Feb. 20 (Xinhua) --"
    dropped: tuple[str, ...] = ()  # boilerplate lines removed by cleaning, for inspection
    format: str = "text"
    # Full ISO datetime in UTC when the input gave a time of day: orders a wire and its same-day copies.
    published_time: str | None = None
    # What `LimitsConfig` cut from the article ("text cut at 200,000 characters"); empty when whole.
    cut: tuple[str, ...] = ()
    # Why each line of `dropped` was dropped ("menu", "related headline"), in the same order.
    drop_reasons: tuple[str, ...] = ()
    # Where the title came from: og:title | twitter:title | h1 | title | input | first line | none.
    title_source: str = "none"
    # Set when `published` is far from every date the text writes out (see clean.date_evidence).
    date_flag: str | None = None


@dataclass(slots=True, frozen=True)
class Rejected:
    """An input that could not be turned into an article, with a one-line reason."""

    path: str
    reason: str


@dataclass(slots=True)
class DuplicateGroup:
    """Near-duplicate articles (mirrors, re-posts): one canonical article, the rest mirrors."""

    canonical: str
    mirrors: tuple[str, ...]
    similarity: float


@dataclass(slots=True, frozen=True)
class ReusedSentence:
    """One sentence of `copy` found in `original` (verbatim, spun or translated)."""

    original_index: int
    copy_index: int
    original_text: str
    copy_text: str
    similarity: float
    kind: str  # verbatim | spun | translation


@dataclass(slots=True)
class ReuseLink:
    """Text that `copy` shares with `original`; the direction says who copied whom."""

    original: str  # article id
    copy: str  # article id
    sentences: tuple[ReusedSentence, ...]
    direction_evidence: str  # "published earlier", "dateline/agency credit", ...


@dataclass(slots=True, frozen=True)
class Join:
    """How an article (or a part of a story found in another block) came into its story: the
    probability the join model gave, and the evidence that spoke most for it (`encoder`, `names`,
    `figures`, `terms`...; see `stories/evidence.py`)."""

    article_id: str
    probability: float
    reasons: tuple[str, ...]


@dataclass(slots=True)
class Story:
    """A group of articles that tell the same story; `joins` says how each article after the
    first came in."""

    id: str
    article_ids: tuple[str, ...]
    title: str = ""
    joins: tuple[Join, ...] = ()


@dataclass(slots=True, frozen=True)
class Cited:
    """A sentence of a summary and the articles it comes from (original first)."""

    text: str
    citations: tuple[str, ...]


@dataclass(slots=True)
class Summary:
    short: Cited
    long: tuple[Cited, ...]


@dataclass(slots=True)
class Claim:
    """One numeric statement in one sentence of one article."""

    quantity: str  # what is counted, e.g. "killed", "wounded", "attacking force"
    subject: str  # who/what is counted, e.g. "Russian citizens", "pro-government fighters"
    value_text: str  # the figure as written: "several dozen", "up to 200"
    low: float | None
    high: float | None
    claimant: str  # who says so; the outlet's own voice when nobody is named
    hedges: tuple[str, ...]
    article_id: str
    sentence_index: int
    sentence: str
    date: str | None = None  # ISO date the claim was made, when known


@dataclass(slots=True)
class Figure:
    """One value of a quantity in the ledger, with everybody who gives it."""

    value_text: str
    low: float | None
    high: float | None
    claimants: tuple[str, ...]
    articles: tuple[str, ...]
    origins: int  # independent origins (copies collapse into their original)
    hedges: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()  # who is counted, as each article words it (added by brief/ledger)


@dataclass(slots=True, frozen=True)
class Revision:
    """One step of a figure that moved over time: when, what, who gave it, where."""

    date: str | None
    value_text: str
    claimant: str
    article: str


@dataclass(slots=True)
class ClaimGroup:
    """All figures given for one counted quantity; `conflict` when they disagree, and why;
    `series` when the figure moved over time (a toll revised day by day is no disagreement)."""

    quantity: str
    subject: str
    low: float | None
    best: float | None
    high: float | None
    figures: tuple[Figure, ...]
    conflict: bool
    reason: str = ""  # why the figures conflict: who gives what, in the same report or on the same day
    series: tuple[Revision, ...] = ()  # the figure's values in date order, when it changed


@dataclass(slots=True)
class Quote:
    """A direct quotation, its speaker ("unattributed" when the article does not say)."""

    text: str
    speaker: str
    articles: tuple[str, ...]
    variants: tuple[str, ...] = ()  # other wordings of the same statement (translations)


@dataclass(slots=True)
class TimelineEvent:
    """A dated event; `date` is ISO and may be partial (YYYY-MM or YYYY)."""

    date: str
    text: str
    expressions: tuple[str, ...]  # the date expressions as written ("on Thursday", ...)
    citations: tuple[str, ...]


@dataclass(slots=True)
class Entity:
    """A person, organisation or place with the aliases that name it."""

    name: str
    kind: str  # person | organisation | place | other
    aliases: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(slots=True)
class StoryBrief:
    """Everything the brief says about one story."""

    id: str
    title: str
    articles: tuple[str, ...]
    summary: Summary
    claims: tuple[ClaimGroup, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[TimelineEvent, ...]
    reuse: tuple[ReuseLink, ...]
    duplicates: tuple[DuplicateGroup, ...] = ()
    entities: tuple[Entity, ...] = ()
    joins: tuple[Join, ...] = ()


@dataclass(slots=True)
class ArticleInfo:
    """The per-article line of the brief."""

    id: str
    url: str | None
    source: str | None
    title: str | None
    published: str | None
    date_source: str
    language: str
    originality: float  # share of its sentences not found earlier elsewhere
    story: str | None
    mirror_of: str | None = None
    path: str = ""
    cut: tuple[str, ...] = ()  # what the limits cut from the article (`Article.cut`)


@dataclass(slots=True)
class Brief:
    """The whole output: what `brief.json` holds."""

    articles: tuple[ArticleInfo, ...]
    stories: tuple[StoryBrief, ...]
    rejected: tuple[Rejected, ...]
    generator: str = "rashomon"
    schema_version: int = BRIEF_SCHEMA_VERSION
    created: str = ""


def to_dict(record: Any) -> Any:
    """JSON-ready form of a record (tuples become lists, nested records dicts)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record
