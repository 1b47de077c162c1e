"""What the store's read queries return: the shapes the web pages and the JSON API share.

These are not pipeline records; they are read models built for browsing (a story row for a list,
an article with the sentences others copied), so both the HTML page and its `/api` twin are
rendered from exactly the same object.
"""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.records import Article, ArticleInfo


@dataclass(slots=True, frozen=True)
class StoryRow:
    """One line of the story list."""

    id: str
    title: str
    newest: str | None  # latest publication date among the story's articles
    articles: int
    outlets: tuple[str, ...]
    short: str


@dataclass(slots=True, frozen=True)
class StoryPage:
    """A page of the story list, newest first."""

    items: tuple[StoryRow, ...]
    page: int
    per_page: int
    total: int


@dataclass(slots=True, frozen=True)
class CopiedSentence:
    """A sentence of this article found in another one, seen from this article.

    `other` is the article it was copied from (in `copied_from`) or that copied it (in
    `copied_by`); `index`/`text` are this article's sentence, `other_index`/`other_text` theirs.
    """

    index: int
    text: str
    other: str
    other_source: str | None
    other_index: int
    other_text: str
    similarity: float
    kind: str


@dataclass(slots=True, frozen=True)
class ArticleView:
    """An article with its brief line and the sentences it shares with others."""

    article: Article
    info: ArticleInfo | None
    copied_from: tuple[CopiedSentence, ...]
    copied_by: tuple[CopiedSentence, ...]


@dataclass(slots=True, frozen=True)
class SnippetPart:
    """A piece of a search snippet; `match` marks the words the query hit.

    A snippet is split into parts rather than marked up with HTML, so no caller ever has to trust
    article text as markup.
    """

    text: str
    match: bool


@dataclass(slots=True, frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    source: str | None
    published: str | None
    story: str | None
    snippet: tuple[SnippetPart, ...]


@dataclass(slots=True, frozen=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
