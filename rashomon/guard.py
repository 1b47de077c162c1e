"""The guard every runner puts around the work on one article: an exception becomes a `Rejected`.

One broken input must never stop a batch or poison a store. The stages raise specific errors for
the bad records they know (`CleanError`); anything else an article triggers is a bug, but the
batch goes on: the article is rejected with `"<stage> failed: <ExceptionType>: <message>"` and
the brief says so. `check_article` runs every per-article analysis once, so an article that
would break a later stage is caught before it is stored (`adding.add_to_store`) and found when a
batch stage fails (`pipeline.analyse`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from rashomon.config import Config
from rashomon.records import (
    Article,
    Cited,
    DuplicateGroup,
    RawArticle,
    Rejected,
    ReuseLink,
    Story,
    StoryBrief,
    Summary,
)

if TYPE_CHECKING:
    from rashomon.annotate import AnnotatedArticle

T = TypeVar("T")

# A reason is one line of the brief and of the CLI's summary; the message of an error about a
# huge input can be the input itself.
MAX_REASON_CHARS = 300


def failure_reason(stage: str, error: BaseException) -> str:
    """`"<stage> failed: <ExceptionType>: <message>"` on one line, cut to MAX_REASON_CHARS, with
    any lone surrogate of the message escaped so the brief can still be written as UTF-8."""
    message = " ".join(str(error).split()).encode("utf-8", "backslashreplace").decode("utf-8")
    reason = f"{stage} failed: {type(error).__name__}" + (f": {message}" if message else "")
    return reason if len(reason) <= MAX_REASON_CHARS else reason[: MAX_REASON_CHARS - 1] + "…"


def guarded(stage: str, path: str, work: Callable[[], T]) -> T | Rejected:
    """`work()`, or the `Rejected` of `path` when it raises (any Exception: see module docstring)."""
    try:
        return work()
    except Exception as error:  # noqa: BLE001 - the guard: one article never stops the batch
        return Rejected(path=path, reason=failure_reason(stage, error))


def clean_one(raw: RawArticle, config: Config, boilerplate: frozenset[str]) -> Article | Rejected:
    """The cleaned article of `raw` within `config.limits`, or its `Rejected`: the clean stage of
    both runners."""
    from rashomon.clean import CleanError, clean_article
    from rashomon.clean.limits import cut_article, cut_raw

    def work() -> Article | Rejected:
        within, notes = cut_raw(raw, config.limits)
        try:
            article = clean_article(within, config.clean, boilerplate)
        except CleanError as error:
            return Rejected(path=raw.path, reason=str(error))
        return cut_article(article, config.limits, notes)

    return guarded("clean", raw.path, work)


def check_article(article: Article, config: Config) -> None:
    """Run every analysis made of one article alone, for its exceptions: sentence tokens and
    shingles (provenance), terms (stories) and the annotations (brief). Raises what they raise."""
    from rashomon.annotate import annotate
    from rashomon.provenance.minhash import shingles
    from rashomon.provenance.spin import content_tokens
    from rashomon.provenance.translation import anchors
    from rashomon.stories.features import extract_terms

    shingles(article.text, config.provenance.shingle_size)
    for sentence in article.sentences:
        content_tokens(sentence.text)
        anchors(sentence.text)
    extract_terms(article, config.stories)
    annotate(article, config.brief.quotes, config.limits)


def screen(articles: Sequence[Article], config: Config) -> tuple[list[Article], list[Rejected]]:
    """The articles that pass `check_article`, and a `Rejected` for each one that does not.

    The stage named in the reason is "analysis": the check runs them all, and the message says
    which failed.
    """
    kept: list[Article] = []
    rejected: list[Rejected] = []
    for article in articles:
        outcome = guarded("analysis", article.path, lambda a=article: check_article(a, config))  # type: ignore[misc]
        if isinstance(outcome, Rejected):
            rejected.append(outcome)
        else:
            kept.append(article)
    return kept, rejected


@dataclass(slots=True, frozen=True)
class StoryOutcome:
    """A story's brief made under the guard: None when every article of the story was rejected;
    `removed` are the ids of the articles rejected (to leave out of the whole brief)."""

    brief: StoryBrief | None
    rejected: tuple[Rejected, ...] = ()
    removed: frozenset[str] = frozenset()


def brief_guarded(
    story: Story,
    articles: Sequence[Article],
    reuse: Sequence[ReuseLink],
    duplicates: Sequence[DuplicateGroup],
    config: Config,
    readings: Mapping[str, AnnotatedArticle] | None = None,
) -> StoryOutcome:
    """`brief_story` (given the `readings` already made), guarded. When it raises, the story's
    articles that fail `check_article` are rejected and the story is briefed without them. When
    none does, the failure belongs to the story as a whole (a bug in a part of the brief): it
    keeps its articles, gets `minimal_brief`, and a `Rejected` whose path is `story <id>` says why
    (so `--strict` fails)."""
    from rashomon.brief import brief_story

    try:
        return StoryOutcome(brief_story(story, articles, reuse, duplicates, config, readings))
    except Exception as error:  # noqa: BLE001 - the guard: one story never stops the batch
        kept, failed = screen(articles, config)
        if not failed:
            reason = failure_reason("brief", error) + " (the story's brief lists its articles only)"
            return StoryOutcome(minimal_brief(story, reuse, duplicates), (Rejected(f"story {story.id}", reason),))
    removed = frozenset(a.id for a in articles) - {a.id for a in kept}
    if not kept:
        return StoryOutcome(None, tuple(failed), removed)
    rest = brief_guarded(
        replace(story, article_ids=tuple(a for a in story.article_ids if a not in removed)),
        kept,
        [link for link in reuse if link.original not in removed and link.copy not in removed],
        without(duplicates, removed),
        config,
        readings,
    )
    return StoryOutcome(rest.brief, (*failed, *rest.rejected), removed | rest.removed)


def without(duplicates: Sequence[DuplicateGroup], removed: frozenset[str]) -> list[DuplicateGroup]:
    """The duplicate groups with the `removed` articles left out (a group left alone goes)."""
    groups = []
    for group in duplicates:
        members = [a for a in (group.canonical, *group.mirrors) if a not in removed]
        if len(members) >= 2:
            groups.append(DuplicateGroup(members[0], tuple(members[1:]), group.similarity))
    return groups


def minimal_brief(story: Story, reuse: Sequence[ReuseLink], duplicates: Sequence[DuplicateGroup]) -> StoryBrief:
    """What a story's brief says when briefing it failed: its title, articles, reuse and mirrors."""
    title = story.title or story.id
    return StoryBrief(
        id=story.id,
        title=title,
        articles=story.article_ids,
        summary=Summary(short=Cited(title, story.article_ids[:1]), long=()),
        claims=(),
        quotes=(),
        timeline=(),
        reuse=tuple(sorted(reuse, key=lambda link: (link.original, link.copy))),
        duplicates=tuple(duplicates),
    )
