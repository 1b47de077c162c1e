"""The story list of a large store: how long a page takes, sorted by last update and filtered.

A synthetic store is written straight into the schema (stories of `--per-story` articles with
texts of `--text-chars` characters, from 50 outlets, each story in one of 3 languages, added in 100 batches an hour
apart), so the bench measures the read queries alone. Each query runs `--repeat` times through
`Store.stories` (no response cache) and the median is reported, for: the first page, a deep
page, each filter, `since` an hour before the last batch, and a story's update times. The
baselines in the same run are the list as it was before this change (`stories.newest` order, on
its own index, with no update time or new-article count) and the same order as ours computed at
read time from `story_articles` and `articles` (what `story_updated` saves).

    .venv/bin/python bench/bench_story_list.py                       # 5,000 and 20,000 stories
    .venv/bin/python bench/bench_story_list.py --stories 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rashomon.store import Store, story_filter
from rashomon.store.articles import format_utc

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results_story_list.json"
BATCHES = 100
START = datetime(2026, 3, 1, tzinfo=UTC)
OLD_LIST = "SELECT id, title, newest, short_text FROM stories ORDER BY newest DESC NULLS LAST, id LIMIT ? OFFSET ?"
# The alternative without `story_updated`: each story's update computed at read time, then sorted.
AT_READ = (
    "SELECT s.id, (SELECT MAX(a.added_at) FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
    "WHERE sa.story_id = s.id) AS updated FROM stories s ORDER BY updated DESC, s.newest DESC, s.id LIMIT ? OFFSET ?"
)


def build(path: Path, stories: int, per_story: int, text_chars: int) -> None:
    """Stories and their articles, inserted in one transaction (the schema is the store's own)."""
    store = Store.open(str(path))
    conn = store._conn()  # noqa: SLF001 - a bench filling the tables directly, not a caller of the API
    body = ("Words of a synthetic article about the story. " * (text_chars // 46 + 1))[:text_chars]
    conn.execute("BEGIN")
    for s in range(stories):
        sid = f"s{s:06d}"
        day = (START + timedelta(days=s % 60)).date().isoformat()
        conn.execute(
            "INSERT INTO stories (id, pos, title, newest, short_text, short_citations) VALUES (?, ?, ?, ?, ?, '[]')",
            (sid, s, f"Story {s}", day, f"Summary of story {s}."),
        )
        for k in range(per_story):
            aid = f"{sid}-{k}"
            batch = (s * 7 + k * 13) % BATCHES
            added = format_utc(START + timedelta(hours=batch))
            conn.execute(
                "INSERT INTO articles (id, content_hash, path, source, published, date_source, language, dropped,"
                " format, text, added_at) VALUES (?, ?, ?, ?, ?, 'metadata', ?, '[]', 'txt', ?, ?)",
                (aid, aid, f"{aid}.txt", f"Outlet {(s + k) % 50}", day, ("en", "en", "fr", "es")[s % 4], body, added),
            )
            conn.execute("INSERT INTO story_articles (story_id, pos, article_id) VALUES (?, ?, ?)", (sid, k, aid))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    store.close()


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def measure(path: Path, stories: int, repeat: int) -> dict[str, float]:
    store = Store.open(str(path), read_only=True)
    last = format_utc(START + timedelta(hours=BATCHES - 2))
    deep = max(1, stories // 20 // 2)
    cases: dict[str, Callable[[], object]] = {
        "baseline: old list, page 1 (newest)": lambda: store._conn().execute(OLD_LIST, (20, 0)).fetchall(),  # noqa: SLF001
        "alternative: update computed at read, page 1": lambda: store._conn().execute(AT_READ, (20, 0)).fetchall(),  # noqa: SLF001
        "page 1": lambda: store.stories(1, 20),
        f"page {deep}": lambda: store.stories(deep, 20),
        "language=fr": lambda: store.stories(1, 20, story_filter(language="fr")),
        "outlet=Outlet 7": lambda: store.stories(1, 20, story_filter(outlet="Outlet 7")),
        "from/to one day": lambda: store.stories(1, 20, story_filter(date_from="2026-03-05", date_to="2026-03-05")),
        "since the last hour": lambda: store.stories(1, 20, story_filter(since=last)),
        "outlet + since": lambda: store.stories(1, 20, story_filter(outlet="Outlet 7", since=last)),
        "facets": store.facets,
        "one story's updates": lambda: store.story_updates("s000042", last),
    }
    found = {name: median_ms(run, repeat) for name, run in cases.items()}
    store.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", default="5000,20000", help="comma-separated story counts")
    parser.add_argument("--per-story", type=int, default=5)
    parser.add_argument("--text-chars", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for stories in (int(n) for n in args.stories.split(",")):
        with tempfile.TemporaryDirectory(prefix="rashomon-list-") as tmp:
            path = Path(tmp) / "list.db"
            start = time.perf_counter()
            build(path, stories, args.per_story, args.text_chars)
            built = round(time.perf_counter() - start, 1)
            timings = measure(path, stories, args.repeat)
        runs.append({"stories": stories, "articles": stories * args.per_story, "build_s": built, "ms": timings})
        print(f"{stories} stories, {stories * args.per_story} articles (built in {built} s):")
        for name, ms in timings.items():
            print(f"  {name:<40} {ms:8.2f} ms")
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": platform.processor()}
    RESULTS.write_text(json.dumps({"machine": machine, "runs": runs}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
