"""The SQLite store: articles kept between runs, the latest brief, and the queries the web reads."""

from rashomon.store.schema import SchemaTooNew
from rashomon.store.store import Store
from rashomon.store.views import (
    ArticleView,
    CopiedSentence,
    SearchHit,
    SearchResult,
    SnippetPart,
    StoryPage,
    StoryRow,
)

__all__ = [
    "ArticleView",
    "CopiedSentence",
    "SchemaTooNew",
    "SearchHit",
    "SearchResult",
    "SnippetPart",
    "Store",
    "StoryPage",
    "StoryRow",
]
