"""The brief of one story: summary, claims ledger, quotes, timeline, entities and reuse.

`brief_story` is a pure function of the story's articles and the provenance found for them,
so the local runner and Spark call it the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rashomon.config import Config
from rashomon.records import Article, DuplicateGroup, ReuseLink, Story, StoryBrief

if TYPE_CHECKING:
    from rashomon.annotate import AnnotatedArticle


def brief_story(
    story: Story,
    articles: Sequence[Article],
    reuse: Sequence[ReuseLink],
    duplicates: Sequence[DuplicateGroup],
    config: Config,
    readings: Mapping[str, AnnotatedArticle] | None = None,
) -> StoryBrief:
    """Everything the brief says about `story`, computed from its own articles only. `readings`
    are articles already annotated (a store keeps them), by id; the others are read here."""
    # Imported here so that importing `rashomon.brief` for one helper stays cheap.
    from rashomon.annotate import annotate
    from rashomon.brief.claims import extract_claims
    from rashomon.brief.claims.ledger import build_ledger
    from rashomon.brief.entities import find_entities
    from rashomon.brief.quotes import extract_quotes
    from rashomon.brief.summary import summarise
    from rashomon.brief.timeline import build_timeline

    # each article is read once, for all parts below
    known = readings or {}
    annotated = [known[a.id] if a.id in known else annotate(a, config.brief.quotes, config.limits) for a in articles]
    summary = summarise(story, articles, reuse, duplicates, config.brief)
    claims = [c for reading in annotated for c in extract_claims(reading, config.brief.quotes)]
    return StoryBrief(
        id=story.id,
        title=story_title(story, articles, reuse),
        articles=story.article_ids,
        summary=summary,
        claims=tuple(build_ledger(claims, articles, reuse, duplicates)),
        quotes=tuple(extract_quotes(annotated, reuse, config.brief.quotes)),
        timeline=tuple(build_timeline(annotated, config.brief.timeline)),
        reuse=tuple(sorted(reuse, key=lambda link: (link.original, link.copy))),
        duplicates=tuple(duplicates),
        entities=tuple(find_entities(articles)),
        joins=story.joins,
    )


def story_title(story: Story, articles: Sequence[Article], reuse: Sequence[ReuseLink] = ()) -> str:
    """A headline for the story, chosen among its articles' own headlines.

    The headline most outlets share wins (wire headlines travel with the wire text); among
    equals, an original's beats a copy's, because content farms rewrite headlines ("Russian
    Federation admits ...") more than they write them; then the earliest. Without any headline,
    the grouper's label.
    """
    copies = {link.copy for link in reuse if len(link.sentences) >= 2}
    titled = [a for a in articles if a.title and len(a.title.split()) >= 3]
    if not titled:
        return story.title or story.id
    shared = Counter(_headline_key(a.title or "") for a in titled)

    def rank(a: Article) -> tuple[int, int, str, str]:
        return (-shared[_headline_key(a.title or "")], a.id in copies, a.published or "9999", a.id)

    return min(titled, key=rank).title or story.id


def _headline_key(title: str) -> str:
    return " ".join("".join(ch for ch in title.lower() if ch.isalnum() or ch.isspace()).split())
