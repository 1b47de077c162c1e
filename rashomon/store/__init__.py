"""The SQLite store: articles kept between runs, the latest brief, and the queries the web reads."""

from rashomon.store.briefs import StaleBrief
from rashomon.store.queries import since_stamp, story_filter
from rashomon.store.schema import SchemaTooNew
from rashomon.store.store import Contents, Store, StoreUnusable, store_problem
from rashomon.store.views import (
    ArticleAdded,
    ArticleView,
    CopiedSentence,
    Facets,
    SearchHit,
    SearchResult,
    SnippetPart,
    StoryFilter,
    StoryPage,
    StoryRow,
    StoryUpdates,
)

__all__ = [
    "ArticleAdded",
    "ArticleView",
    "Contents",
    "CopiedSentence",
    "Facets",
    "SchemaTooNew",
    "SearchHit",
    "SearchResult",
    "SnippetPart",
    "StaleBrief",
    "Store",
    "StoreUnusable",
    "StoryFilter",
    "StoryPage",
    "StoryRow",
    "StoryUpdates",
    "since_stamp",
    "store_problem",
    "story_filter",
]
