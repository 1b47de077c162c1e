"""The SQLite store: articles kept between runs, the latest brief, and the queries the web reads."""

from rashomon.store.briefs import StaleBrief
from rashomon.store.schema import SchemaTooNew
from rashomon.store.store import Contents, Store, StoreUnusable, store_problem
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
    "Contents",
    "CopiedSentence",
    "SchemaTooNew",
    "SearchHit",
    "SearchResult",
    "SnippetPart",
    "StaleBrief",
    "Store",
    "StoreUnusable",
    "StoryPage",
    "StoryRow",
    "store_problem",
]
