"""`story_updated`, kept by triggers on `story_articles`, always equals the aggregate it caches."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from living_store import FIRST, SECOND, build_living_store, first_batch, make_brief, second_batch

from rashomon.store import Store

AGGREGATE = (
    "SELECT s.story_id, MAX(a.added_at), MAX(a.published) FROM story_articles s "
    "LEFT JOIN articles a ON a.id = s.article_id GROUP BY s.story_id ORDER BY s.story_id"
)
CACHED = "SELECT story_id, updated, newest FROM story_updated ORDER BY story_id"


def _same(store: Store) -> list[tuple[object, ...]]:
    conn = store._conn()  # noqa: SLF001 - the test reads the tables it checks
    cached = conn.execute(CACHED).fetchall()
    assert cached == conn.execute(AGGREGATE).fetchall()
    return cached


def test_cache_follows_briefs_written_and_rewritten(tmp_path: Path) -> None:
    store = Store.open(str(build_living_store(tmp_path / "s.db")))
    rows = {r[0]: r for r in _same(store)}
    assert rows["flood"] == ("flood", SECOND, "2026-03-02") and rows["election"][1] == FIRST
    # A re-brief that regroups: the flood story loses f2 and f3 to a story of their own.
    articles = [*first_batch(), *second_batch()]
    brief = make_brief(articles)
    flood = dataclasses.replace(brief.stories[0], articles=("f1",))
    toll = dataclasses.replace(brief.stories[0], id="toll", articles=("f2", "f3"), claims=())
    store.save_brief(dataclasses.replace(brief, stories=(flood, toll, *brief.stories[1:])))
    rows = {r[0]: r for r in _same(store)}
    assert rows["flood"] == ("flood", FIRST, "2026-03-01") and rows["toll"][1:] == (SECOND, "2026-03-02")
    assert [s.id for s in store.stories(1, 3).items] == ["toll", "flood", "election"]
    # An empty brief leaves nothing behind.
    store.save_brief(dataclasses.replace(brief, stories=(), articles=()))
    assert _same(store) == [] and store.stories().total == 0
    store.close()
