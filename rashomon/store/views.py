"""What the store's read queries return: the shapes the web pages and the JSON API share.

These are not pipeline records; they are read models built for browsing (a story row for a list,
an article with the sentences others copied), so both the HTML page and its `/api` twin are
rendered from exactly the same object.
"""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.records import Article, ArticleInfo


@dataclass(slots=True, frozen=True)
class StoryFilter:
    """What the story list is narrowed to; None is no restriction.

    `since` is a stored-format UTC stamp (`articles.format_utc`): stories that received an article
    after it. The other fields ask for a story with at least one article that matches them all:
    published between `date_from` and `date_to` (ISO dates, both included), in `language`, from
    `outlet` (the article's source, exactly).
    """

    since: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    language: str | None = None
    outlet: str | None = None


@dataclass(slots=True, frozen=True)
class StoryRow:
    """One line of the story list.

    `updated` is when the store received the story's latest article (None for articles stored
    before the store recorded it); `new_articles` is how many articles came in that update, and
    `added_since` how many came after the list's `since` (None without one).
    """

    id: str
    title: str
    newest: str | None  # latest publication date among the story's articles
    articles: int
    outlets: tuple[str, ...]
    short: str
    updated: str | None = None
    new_articles: int = 0
    added_since: int | None = None


@dataclass(slots=True, frozen=True)
class StoryPage:
    """A page of the story list, last updated first, and the filter it was read with."""

    items: tuple[StoryRow, ...]
    page: int
    per_page: int
    total: int
    filter: StoryFilter = StoryFilter()


@dataclass(slots=True, frozen=True)
class Facets:
    """What the list's filters can choose from: languages, the outlets with most articles, and
    the store's latest update (a `since` to bookmark: "what changed after now")."""

    languages: tuple[str, ...]
    outlets: tuple[str, ...]
    latest: str | None


@dataclass(slots=True, frozen=True)
class ArticleAdded:
    """When the store received one of a story's articles; `latest` when it came in the story's
    latest update, `since` when it came after the page's `since`."""

    article_id: str
    added_at: str | None
    latest: bool
    since: bool


@dataclass(slots=True, frozen=True)
class StoryUpdates:
    """A story's life in the store: its last update, how many articles that brought, and when
    each article came (in the story's order)."""

    updated: str | None
    new_articles: int
    since: str | None
    added_since: int | None
    articles: tuple[ArticleAdded, ...]


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
