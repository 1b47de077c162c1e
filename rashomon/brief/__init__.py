"""The brief of one story: summary, claims ledger, quotes, timeline, entities and reuse.

`brief_story` is a pure function of the story's articles and the provenance found for them,
so the local runner and Spark call it the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from rashomon.config import Config
from rashomon.records import Article, DuplicateGroup, ReuseLink, Story, StoryBrief


def brief_story(
    story: Story,
    articles: Sequence[Article],
    reuse: Sequence[ReuseLink],
    duplicates: Sequence[DuplicateGroup],
    config: Config,
) -> StoryBrief:
    """Everything the brief says about `story`, computed from its own articles only."""
    # Imported here so that importing `rashomon.brief` for one helper stays cheap.
    from rashomon.brief.claims import extract_claims
    from rashomon.brief.entities import find_entities
    from rashomon.brief.ledger import build_ledger
    from rashomon.brief.quotes import extract_quotes
    from rashomon.brief.summary import summarise
    from rashomon.brief.timeline import build_timeline

    summary = summarise(story, articles, reuse, duplicates, config.brief)
    claims = [c for a in articles for c in extract_claims(a)]
    return StoryBrief(
        id=story.id,
        title=story_title(story, articles),
        articles=story.article_ids,
        summary=summary,
        claims=tuple(build_ledger(claims, articles, reuse, duplicates)),
        quotes=tuple(extract_quotes(articles, reuse)),
        timeline=tuple(build_timeline(articles)),
        reuse=tuple(sorted(reuse, key=lambda link: (link.original, link.copy))),
        duplicates=tuple(duplicates),
        entities=tuple(find_entities(articles)),
    )


def story_title(story: Story, articles: Sequence[Article]) -> str:
    """A headline for the story: the grouper's title, else the title of its earliest article.

    Titles of copies are skipped in favour of an original's when dates tie, because content
    farms rewrite headlines ("Russian Federation admits ...") more than wire services do.
    """
    if story.title:
        return story.title
    titled = [a for a in articles if a.title]
    if not titled:
        return articles[0].sentences[0].text if articles and articles[0].sentences else story.id
    earliest = min(titled, key=lambda a: (a.published or "9999", -len(a.text), a.id))
    return earliest.title or story.id
