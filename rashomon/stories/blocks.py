"""Stories of a whole stream by blocking + merge: the stream cut into blocks, each grouped on its own
by a `StoryGrouper`, and the blocks' stories merged one level up by the same grouper.

This is what lets Spark group in parallel and still find the stories of one online pass: blocks
depend on each other only through the term counts of the articles before them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from rashomon.config import StoriesConfig
from rashomon.records import Article, Story
from rashomon.stories.encoder import encode_articles
from rashomon.stories.features import extract_terms
from rashomon.stories.grouper import StoryGrouper
from rashomon.stories.parts import Block
from rashomon.stories.stream import stream_order


def group_stories(articles: Sequence[Article], config: StoriesConfig) -> list[Story]:
    """Stories of `articles`, a deterministic function of the set (see `grouper`'s docstring).

    Blocking + merge: the stream, in `stream_order`, is cut into blocks of `config.block_size`
    articles; each block is grouped on its own (`group_block`), weighing terms by the document
    frequencies of every article before it (what one pass would have counted by then), and the
    blocks' stories are merged (`merge_blocks`). Blocks depend on each other only through
    those counts, so Spark counts every block in parallel, then groups every block in parallel,
    and gets these very stories; a corpus of one block is grouped exactly as one online pass.
    """
    ordered = sorted(articles, key=stream_order)
    blocks: list[Block] = []
    documents, frequency = 0, Counter[str]()
    for n, (start, end) in enumerate(block_bounds(len(ordered), config)):
        blocks.append(group_block(ordered[start:end], config, n, (documents, frequency)))
        documents += blocks[-1].documents
        frequency.update(blocks[-1].document_frequency)
    return merge_blocks(blocks, config)


def block_bounds(articles: int, config: StoriesConfig) -> list[tuple[int, int]]:
    """[start, end) of each block over `articles` articles in stream order."""
    size = max(1, config.block_size)
    return [(start, min(start + size, articles)) for start in range(0, articles, size)]


Frequencies = tuple[int, Mapping[str, int]]
"""(documents, document frequency per term) of some articles."""


def count_terms(articles: Iterable[Article], config: StoriesConfig) -> tuple[int, Counter[str]]:
    """Document frequencies of `articles`, as the grouper counts them (Spark's first pass)."""
    documents, frequency = 0, Counter[str]()
    for article in articles:
        documents += 1
        frequency.update(extract_terms(article, config).weights.keys())
    return documents, frequency


def group_block(articles: Sequence[Article], config: StoriesConfig, index: int, before: Frequencies = (0, {})) -> Block:
    """The stories of one block (its articles in `stream_order`) as one online pass, started with
    the document frequencies of the articles `before` it: a pass that starts cold weighs every
    term alike, and its first articles join stories on common words. The block's own counts
    (without `before`) go with its stories, for the merge and the next blocks."""
    grouper = StoryGrouper(config)
    grouper.prime(*before)
    vectors = encode_articles(articles, config)
    for article, vector in zip(articles, vectors, strict=True):
        grouper.add(article, vector)
    block = grouper.block(index)
    own = Counter(block.document_frequency)
    own.subtract(before[1])
    return replace(block, documents=len(articles), document_frequency={t: n for t, n in own.items() if n > 0})


def merge_blocks(blocks: Sequence[Block], config: StoriesConfig) -> list[Story]:
    """Merge the stories of consecutive blocks (`group_block`, any order of `blocks`).

    A story cut by a block boundary continues in the next block as a story of its own; merging
    runs the same online pass one level up: each block's stories, in order, join the most
    similar open story from earlier blocks (its first article against their summed term
    weights, with document frequencies of the whole stream, the same thresholds, cross-lingual
    rules and time window as for articles) or stay apart. Two stories of one block never merge:
    the block's pass already compared their articles.
    """
    if len(blocks) == 1:
        return [Story(part.id, part.article_ids, part.title, part.joins) for part in blocks[0].parts]
    merger = StoryGrouper(config)
    for block in blocks:
        merger.prime(block.documents, block.document_frequency)
        for part in block.parts:
            merger.add_joins(part.joins)
    for block in sorted(blocks, key=lambda b: b.index):
        for part in block.parts:
            merger.add_part(part)
    return merger.stories()
