"""What one block of the stream hands to the merge: its stories with the evidence that comparing
them needs, and its term counts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rashomon.records import Join
from rashomon.stories.state import StoryState


@dataclass(slots=True, frozen=True)
class BlockStory:
    """A story found within one block of the stream, with what merging blocks needs: its summed
    term weights (cut as the grouper cuts them) and encoder vectors, names, figures, languages and
    first and last dates."""

    id: str
    article_ids: tuple[str, ...]
    title: str
    centroid: dict[str, float]
    lead: dict[str, float]  # term weights of the article that started it
    languages: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    block: int
    vector_sum: np.ndarray | None = None
    names: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    joins: tuple[Join, ...] = ()
    year: int | None = None
    days: tuple[int, ...] = ()


@dataclass(slots=True, frozen=True)
class Block:
    """What grouping one block yields: its stories, and its document frequencies (merging
    weighs terms by the frequencies of the whole stream, as the last articles of one pass do)."""

    index: int
    parts: tuple[BlockStory, ...]
    documents: int
    document_frequency: dict[str, int]


def block_story(story: StoryState, block: int, joins: tuple[Join, ...]) -> BlockStory:
    """A story the grouper holds, as a part of block `block`."""
    evidence = story.evidence
    return BlockStory(
        id=story.id,
        article_ids=tuple(story.article_ids),
        title=story.title,
        centroid=dict(story.centroid),
        lead=story.lead,
        languages=tuple(sorted(evidence.languages)),
        first_date=evidence.first.isoformat() if evidence.first else None,
        last_date=evidence.last.isoformat() if evidence.last else None,
        block=block,
        vector_sum=evidence.vector_sum.copy(),
        names=tuple(sorted(evidence.names)),
        figures=tuple(sorted(evidence.figures)),
        joins=joins,
        year=evidence.year(),
        days=tuple(sorted(evidence.days)),
    )
