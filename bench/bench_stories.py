"""Story grouping throughput and memory at 1k, 10k and 100k synthetic articles.

The stream is generated, not read: stories of 1 to 12 articles, each with its own invented
names, places, figures and keywords, written into sentences padded with common words; a story
lives a few days and new ones keep starting, so the stream looks like a news feed and the
story window matters. Each size runs in a fresh process so that peak memory (max RSS) is that
size's alone. Besides the overall rate, the rate of each tenth of the stream is recorded: a
flat profile shows that the cost per article does not grow with the stream; since the machines
are shared and timings noisy, the number of stories each article is compared with is recorded
per tenth too (deterministic: it is what the blocking bounds). At 1k and 2k
articles the same stream is also grouped exhaustively (every open story compared, all pairs):
the peer that shows what blocking saves, that its cost grows where ours does not, and that
blocking loses no story (B-cubed against the generator's stories, same run).

    .venv/bin/python bench/bench_stories.py                     # 1k, 10k, 100k
    .venv/bin/python bench/bench_stories.py --sizes 1000,10000 --exhaustive-sizes 1000  # quicker
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from rashomon.config import StoriesConfig
from rashomon.eval.stories import b_cubed
from rashomon.records import Article, Sentence
from rashomon.stories import StoryGrouper
from rashomon.stories.stream import stream_order

RESULTS = Path(__file__).resolve().parent / "results_stories.json"
ARTICLES_PER_DAY = 500
# 30 syllables: 27,000 three-syllable words, so invented names rarely collide by chance (real
# stories on the same day rarely share their people and places).
_SYLLABLE_TEXT = (
    "ka lo mer vin da ros tel bri an sul quo zen har pel mi tor gu fen ast bel cor dun esk fal gim hol jur kes lun nor"
)
SYLLABLES = _SYLLABLE_TEXT.split()
_COMMON_TEXT = """
the a of and to in said on for with was that is at by from as were has after have its officials
people government local report week day city year police new two three more than would could
also told statement according while during before over about under since
"""
COMMON = _COMMON_TEXT.split()


def _invent(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def synthetic_stream(size: int, seed: int = 1) -> list[Article]:
    """`size` articles in stories of 1-12 articles, dated over size / ARTICLES_PER_DAY days."""
    rng = random.Random(seed)
    keywords = [_invent(rng, 3) for _ in range(8000)]
    start = date(2024, 1, 1)
    articles: list[Article] = []
    story = 0
    while len(articles) < size:
        names = [_invent(rng, 3).capitalize() + " " + _invent(rng, 3).capitalize() for _ in range(3)]
        place = _invent(rng, 3).capitalize()
        topic = rng.sample(keywords, 8)
        figures = [str(rng.randint(10, 5000)) for _ in range(2)]
        first_day = len(articles) // ARTICLES_PER_DAY
        for member in range(rng.randint(1, 12)):
            if len(articles) >= size:
                break
            sentences = []
            for _ in range(rng.randint(4, 8)):
                words = rng.sample(COMMON, 6) + rng.sample(topic, 3) + rng.sample(keywords, 2)
                rng.shuffle(words)
                words.insert(rng.randint(0, len(words)), rng.choice(names))
                if rng.random() < 0.4:
                    words.insert(rng.randint(0, len(words)), "in " + place)
                if rng.random() < 0.3:
                    words.insert(rng.randint(0, len(words)), rng.choice(figures))
                sentences.append(" ".join(words).capitalize() + ".")
            article_id = f"s{story}-a{member}"
            published = start + timedelta(days=first_day + rng.randint(0, 3))
            articles.append(
                Article(
                    id=article_id,
                    path=article_id,
                    text=" ".join(sentences),
                    sentences=tuple(Sentence(article_id, i, s) for i, s in enumerate(sentences)),
                    title=f"{names[0]} {topic[0]} in {place}",
                    published=published.isoformat(),
                    language="en",
                )
            )
        story += 1
    return articles


def _gold(article_id: str) -> str:
    return article_id.split("-")[0]


def measure(size: int, exhaustive: bool) -> dict[str, object]:
    """Group `size` synthetic articles; rates overall and per tenth of the stream, peak RSS,
    and B-cubed against the generator's stories."""
    articles = sorted(synthetic_stream(size), key=stream_order)
    gc.collect()
    gc.freeze()  # the input stream is not the grouper's: keep the cyclic GC from re-walking it
    grouper = StoryGrouper(StoriesConfig(), exhaustive=exhaustive)
    tenth = max(1, size // 10)
    tenth_rates: list[float] = []
    tenth_comparisons: list[float] = []
    started = time.perf_counter()
    chunk_started = started
    for position, article in enumerate(articles, 1):
        grouper.add(article)
        if position % tenth == 0:
            now = time.perf_counter()
            tenth_rates.append(round(tenth / (now - chunk_started), 1))
            tenth_comparisons.append(round(grouper.comparisons / tenth, 1))
            grouper.comparisons = 0
            chunk_started = now
    elapsed = time.perf_counter() - started
    stories = grouper.stories()
    predicted = {article_id: story.id for story in stories for article_id in story.article_ids}
    ids = [a.id for a in articles]
    score = b_cubed({i: _gold(i) for i in ids}, predicted, ids)
    return {
        "articles": size,
        "mode": "exhaustive" if exhaustive else "blocked",
        "seconds": round(elapsed, 2),
        "articles_per_second": round(size / elapsed, 1),
        "articles_per_second_by_tenth": tenth_rates,
        "stories_compared_per_article_by_tenth": tenth_comparisons,
        "stories": len(stories),
        "b_cubed_f1_vs_generator": score.f1,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _run_child(size: int, exhaustive: bool) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", str(size)] + (["--exhaustive"] if exhaustive else [])
    child = subprocess.run(command, check=True, capture_output=True, text=True)
    run: dict[str, object] = json.loads(child.stdout)
    print(
        f"{run['articles']:>7} articles {run['mode']:>10}  {run['articles_per_second']:>8} articles/s  "
        f"{run['stories']:>6} stories  B3 F1 {run['b_cubed_f1_vs_generator']}  peak {run['peak_rss_mb']} MB  "
        f"by tenth {run['articles_per_second_by_tenth']}  compared {run['stories_compared_per_article_by_tenth']}",
        flush=True,
    )
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated stream sizes")
    parser.add_argument(
        "--exhaustive-sizes", default="1000,2000", help="sizes also grouped without blocking (slow: all pairs)"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--exhaustive", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.exhaustive)))
        return
    runs = []
    exhaustive_sizes = {int(s) for s in args.exhaustive_sizes.split(",") if s}
    for size in sorted({int(s) for s in args.sizes.split(",")} | exhaustive_sizes):
        runs.append(_run_child(size, exhaustive=False))
        if size in exhaustive_sizes:
            runs.append(_run_child(size, exhaustive=True))
    results = {
        "benchmark": "story grouping (StoryGrouper.add), blocked by the inverted index vs exhaustive",
        "python": platform.python_version(),
        "runs": runs,
    }
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
