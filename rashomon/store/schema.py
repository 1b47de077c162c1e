"""The store's SQLite schema, as an ordered list of migrations.

`PRAGMA user_version` records how many migrations a database has seen. A migration is a tuple of
single statements (no scripts) so that it runs inside one `BEGIN IMMEDIATE` transaction together
with the version bump: two processes opening a fresh store at once cannot both apply it, and a
crash mid-migration leaves the previous version intact.

Articles, their sentences and the full-text index are the *input* tables: they only grow.
Everything a brief derives (stories, claims, quotes, timeline, reuse, rejected) lives in the
*derived* tables, which `save_brief` replaces wholesale in one transaction.
"""

from __future__ import annotations

import sqlite3

Migration = tuple[str, ...]

_V1: Migration = (
    # `seq` is the rowid the FTS index points at; `id` is the pipeline's article id.
    """CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        date_source TEXT NOT NULL,
        source TEXT,
        language TEXT NOT NULL,
        author TEXT,
        dateline TEXT,
        dropped TEXT NOT NULL,
        format TEXT NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX articles_published ON articles (published, id)",
    # Another id under which the same content was offered later: resolves to the stored article.
    """CREATE TABLE article_aliases (
        alias TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id)
    )""",
    """CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles (id),
        idx INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
    )""",
    # ---- derived tables: replaced by save_brief ----
    "CREATE TABLE brief_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE article_info (
        id TEXT PRIMARY KEY,
        pos INTEGER NOT NULL,
        url TEXT,
        source TEXT,
        title TEXT,
        published TEXT,
        date_source TEXT NOT NULL,
        language TEXT NOT NULL,
        originality REAL NOT NULL,
        story TEXT,
        mirror_of TEXT,
        path TEXT NOT NULL
    )""",
    "CREATE INDEX article_info_story ON article_info (story)",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        pos INTEGER NOT NULL,
        title TEXT NOT NULL,
        newest TEXT,
        short_text TEXT NOT NULL,
        short_citations TEXT NOT NULL
    )""",
    "CREATE INDEX stories_newest ON stories (newest DESC, id)",
    """CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, pos)
    )""",
    """CREATE TABLE summary_sentences (
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        text TEXT NOT NULL,
        citations TEXT NOT NULL,
        PRIMARY KEY (story_id, pos)
    )""",
    """CREATE TABLE claim_groups (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        quantity TEXT NOT NULL,
        subject TEXT NOT NULL,
        low REAL,
        best REAL,
        high REAL,
        conflict INTEGER NOT NULL
    )""",
    "CREATE INDEX claim_groups_story ON claim_groups (story_id, pos)",
    """CREATE TABLE figures (
        group_id INTEGER NOT NULL REFERENCES claim_groups (id),
        pos INTEGER NOT NULL,
        value_text TEXT NOT NULL,
        low REAL,
        high REAL,
        claimants TEXT NOT NULL,
        articles TEXT NOT NULL,
        origins INTEGER NOT NULL,
        hedges TEXT NOT NULL,
        sentences TEXT NOT NULL,
        PRIMARY KEY (group_id, pos)
    )""",
    """CREATE TABLE quotes (
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT NOT NULL,
        articles TEXT NOT NULL,
        variants TEXT NOT NULL,
        PRIMARY KEY (story_id, pos)
    )""",
    """CREATE TABLE timeline (
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        date TEXT NOT NULL,
        text TEXT NOT NULL,
        expressions TEXT NOT NULL,
        citations TEXT NOT NULL,
        PRIMARY KEY (story_id, pos)
    )""",
    """CREATE TABLE reuse_links (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        original TEXT NOT NULL,
        copy TEXT NOT NULL,
        direction_evidence TEXT NOT NULL
    )""",
    "CREATE INDEX reuse_links_story ON reuse_links (story_id, pos)",
    "CREATE INDEX reuse_links_copy ON reuse_links (copy)",
    "CREATE INDEX reuse_links_original ON reuse_links (original)",
    """CREATE TABLE reused_sentences (
        link_id INTEGER NOT NULL REFERENCES reuse_links (id),
        pos INTEGER NOT NULL,
        original_index INTEGER NOT NULL,
        copy_index INTEGER NOT NULL,
        original_text TEXT NOT NULL,
        copy_text TEXT NOT NULL,
        similarity REAL NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (link_id, pos)
    )""",
    """CREATE TABLE duplicates (
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        canonical TEXT NOT NULL,
        mirrors TEXT NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (story_id, pos)
    )""",
    """CREATE TABLE entities (
        story_id TEXT NOT NULL REFERENCES stories (id),
        pos INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL,
        articles TEXT NOT NULL,
        PRIMARY KEY (story_id, pos)
    )""",
    "CREATE TABLE rejected (pos INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL)",
)

# v2: a counter bumped by every write, so readers (the web server's response cache) can tell in
# one cheap query whether anything changed since they last looked.
_V2: Migration = (
    "CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
    "INSERT INTO revision (id, n) VALUES (1, 0)",
)

# Learned repeated lines (`clean/learned.py`): how many stored articles hold each short line, so a
# later batch learns boilerplate from everything stored, not only from itself. Counted once per
# article, when its origin (the `content_hash` of rows written since) is first stored.
_LEARNED_LINES: Migration = (
    "CREATE TABLE learned_lines (key TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID",
)

# What the limits cut from an article (`Article.cut`, `ArticleInfo.cut`), as a JSON list; the
# articles of an older store were never cut.
_CUT: Migration = (
    "ALTER TABLE articles ADD COLUMN cut TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE article_info ADD COLUMN cut TEXT NOT NULL DEFAULT '[]'",
)

# How each article came into its story (`Story.joins`): the join model's probability and reasons as
# a JSON list `[probability, [reasons]]`, NULL for a story's first article and in older stores.
_JOINS: Migration = ("ALTER TABLE story_articles ADD COLUMN joined TEXT",)

# Why a claim group conflicts, and the dated series of a figure that was revised (`ClaimGroup.reason`,
# `.series`, as JSON); the groups of an older store have neither.
_CLAIM_REASONS: Migration = (
    "ALTER TABLE claim_groups ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE claim_groups ADD COLUMN series TEXT NOT NULL DEFAULT '[]'",
)

# The stories' encoder vectors by `stories.encoder.lead_key` (float32 bytes): an article is
# encoded once, not at every re-brief of the store.
_LEAD_VECTORS: Migration = ("CREATE TABLE lead_vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID",)

# What an add needs to continue where the last stopped (`store/grouping.py`, `store/incremental.py`):
# the story grouper's memory (stories by index, term index, document frequencies, closing
# schedule, where each article went) and the duplicate finder's (LSH band keys, components).
_INCREMENTAL: Migration = (
    """CREATE TABLE grouping_stories (
        idx INTEGER PRIMARY KEY, id TEXT NOT NULL, first TEXT, last TEXT, norm REAL, norm_at INTEGER NOT NULL,
        unit BLOB NOT NULL, state TEXT NOT NULL, arrays BLOB NOT NULL
    )""",
    "CREATE TABLE grouping_postings (seq INTEGER PRIMARY KEY, term TEXT NOT NULL, story INTEGER NOT NULL)",
    "CREATE INDEX grouping_postings_term ON grouping_postings (term, seq)",
    "CREATE TABLE grouping_terms (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE grouping_closing (seq INTEGER PRIMARY KEY, day TEXT NOT NULL, story INTEGER NOT NULL)",
    "CREATE INDEX grouping_closing_day ON grouping_closing (day, story)",
    "CREATE TABLE grouping_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE grouping_members (
        article_id TEXT PRIMARY KEY, story INTEGER NOT NULL, probability REAL, reasons TEXT
    ) WITHOUT ROWID""",
    "CREATE INDEX grouping_members_story ON grouping_members (story)",
    "CREATE TABLE duplicate_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, article_id TEXT NOT NULL)",
    "CREATE INDEX duplicate_bands_key ON duplicate_bands (band, key)",
    """CREATE TABLE duplicate_members (
        article_id TEXT PRIMARY KEY, root TEXT NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX duplicate_members_root ON duplicate_members (root)",
)

# When the store received each article (`articles.added_at`, UTC ISO, one stamp per stored batch), so
# the web can sort stories by their last update and show what changed since a time. Articles
# stored before this migration keep NULL: when they came is unknown, and stamping them with the
# migration's time would show every old story as just updated.
#
# `story_updated` keeps, per story, the latest `added_at` and publication date of its articles,
# maintained by triggers on `story_articles`, so that the story list is read in
# index order (a page costs its rows, not the store: see `store/queries.py` and
# bench/bench_story_list.py) and no writer of briefs has to know about it. An insert raises a
# story's times; deleting a story's last row drops it. Deleting only some of a story's rows leaves
# its times as they were (recomputing on every delete would cost a rewritten story k^2 lookups);
# briefs rewrite a story's rows whole, so in practice the times are exact. The other indexes serve
# the list's filters: articles by time received, outlet and language, mapped to their stories.
_LATER = "({new} > {old} OR ({old} IS NULL AND {new} IS NOT NULL))"
_GREATEST = f"CASE WHEN {_LATER} THEN {{new}} ELSE {{old}} END"
_ADDED_AT: Migration = (
    "ALTER TABLE articles ADD COLUMN added_at TEXT",
    "CREATE INDEX articles_added ON articles (added_at, id)",
    "CREATE INDEX articles_id_added ON articles (id, added_at, published)",
    "CREATE INDEX articles_source ON articles (source, published, id)",
    "CREATE INDEX articles_language ON articles (language, published, id)",
    "CREATE INDEX story_articles_article ON story_articles (article_id, story_id)",
    """CREATE TABLE story_updated (
        story_id TEXT PRIMARY KEY,
        updated TEXT,
        newest TEXT
    ) WITHOUT ROWID""",
    "CREATE INDEX story_updated_order ON story_updated (updated DESC, newest DESC, story_id)",
    # One lookup of the article per row; the row is rewritten only when a time moves forward.
    f"""CREATE TRIGGER story_updated_insert AFTER INSERT ON story_articles BEGIN
        INSERT INTO story_updated (story_id, updated, newest)
        SELECT NEW.story_id, a.added_at, a.published FROM (SELECT 1) LEFT JOIN articles a ON a.id = NEW.article_id
        WHERE true
        ON CONFLICT (story_id) DO UPDATE SET
            updated = {_GREATEST.format(old="updated", new="excluded.updated")},
            newest = {_GREATEST.format(old="newest", new="excluded.newest")}
        WHERE {_LATER.format(old="updated", new="excluded.updated")}
            OR {_LATER.format(old="newest", new="excluded.newest")};
    END""",
    """CREATE TRIGGER story_updated_delete AFTER DELETE ON story_articles
    WHEN NOT EXISTS (SELECT 1 FROM story_articles WHERE story_id = OLD.story_id) BEGIN
        DELETE FROM story_updated WHERE story_id = OLD.story_id;
    END""",
    "INSERT INTO story_updated (story_id, updated, newest) "
    "SELECT s.story_id, MAX(a.added_at), MAX(a.published) FROM story_articles s "
    "LEFT JOIN articles a ON a.id = s.article_id GROUP BY s.story_id",
)

# Who each figure counts, as each article words it (`Figure.subjects`): older stores lose it.
_FIGURE_SUBJECTS: Migration = ("ALTER TABLE figures ADD COLUMN subjects TEXT NOT NULL DEFAULT '[]'",)

# What cleaning says about an article beyond its text (`Article.drop_reasons`, `.title_source`,
# `.date_flag`, `.published_time`): without them a store round trip lost why each line was
# dropped, where the title came from and the warning on a doubtful date. Older rows get the
# defaults of a fresh `Article`.
_CLEANING_NOTES: Migration = (
    "ALTER TABLE articles ADD COLUMN drop_reasons TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE articles ADD COLUMN title_source TEXT NOT NULL DEFAULT 'none'",
    "ALTER TABLE articles ADD COLUMN date_flag TEXT",
    "ALTER TABLE articles ADD COLUMN published_time TEXT",
)

# Each article's reading (`annotate`) as JSON, by content and settings (`store/annotations.py`).
_ANNOTATIONS: Migration = ("CREATE TABLE annotations (key TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID",)

MIGRATIONS: tuple[Migration, ...] = (
    _V1,
    _V2,
    _LEARNED_LINES,
    _CUT,
    _JOINS,
    _CLAIM_REASONS,
    _LEAD_VECTORS,
    _INCREMENTAL,
    _ADDED_AT,
    _FIGURE_SUBJECTS,
    _CLEANING_NOTES,
    _ANNOTATIONS,
)
BUMP_REVISION = "UPDATE revision SET n = n + 1 WHERE id = 1"

# Children first, so that a DELETE never leaves a row pointing at a deleted parent.
DERIVED_TABLES: tuple[str, ...] = (
    "reused_sentences",
    "reuse_links",
    "figures",
    "claim_groups",
    "summary_sentences",
    "story_articles",
    "quotes",
    "timeline",
    "duplicates",
    "entities",
    "stories",
    "article_info",
    "rejected",
    "brief_meta",
)


class SchemaTooNew(RuntimeError):
    """The database was written by a newer Rashomon; refusing beats silently misreading it."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to the newest schema; returns the version it ends at.

    The version is re-read after taking the write lock, so a concurrent opener that migrated first
    makes this a no-op instead of a "table already exists" error.
    """
    target = len(MIGRATIONS)
    if schema_version(conn) == target:
        return target
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)
        if current > target:
            raise SchemaTooNew(f"store has schema version {current}; this Rashomon knows up to {target}")
        for version in range(current, target):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return target
