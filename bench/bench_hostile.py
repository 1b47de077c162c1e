"""Hostile inputs against size: time and peak memory, to show that every cost is linear.

Two series. **Pages**: hostile HTML through `read_inputs` and cleaning. **Articles**: long and
adversarial articles (`bench/hostile_articles.py`: news, one paragraph, thousands of quote marks,
one sentence without punctuation, a wall of numbers, a story of three long articles, twenty
near-identical re-posts) through the whole local path: JSON Lines read, clean, annotate, reuse,
and the brief (summary, claims, quotes, timeline, entities). Imports happen before the clock starts.

Pages built to make a careless parser quadratic: hundreds of `<script>` or `<h1>` tags that never
close, one attribute of a megabyte, divs nested thousands deep. Each carries a short article, so
the page is read end to end. Each (page, size) runs in a fresh process, so that its peak RSS is
its own. Writes bench/results_hostile.json and prints, per page or shape, the time per KB at the
largest size over the time per KB at the smallest: flat (within 2x) means linear.

    .venv/bin/python -m bench.bench_hostile [--sizes 10,100,1000] [--article-sizes 10,30,100,300,1000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results_hostile.json"
ARTICLE = "".join(
    f"<p>The harbour council of Velmar approved plan number {n} on Tuesday after a long debate, "
    f"a spokeswoman said; the plan sets aside {n + 3} million crowns for new quays.</p>"
    for n in range(8)
)


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def unclosed_script(size: int) -> str:
    return f"<html><head><title>Harbour plan</title></head><body>{ARTICLE}{_fill('<script>var a=1;', size)}"


def unclosed_h1(size: int) -> str:
    return f"<html><head></head><body>{ARTICLE}{_fill('<h1>Harbour plan ', size)}</body></html>"


def huge_attribute(size: int) -> str:
    """An unquoted word with no `=` (each of its letters once began an attribute name) and a
    quoted value, each half the page."""
    word = "a" * (size // 2)
    return (
        f'<html><head><meta name="description" {word}><meta content="{word}"></head>'
        f"<body><article>{ARTICLE}</article></body></html>"
    )


def deep_nesting(size: int) -> str:
    """The article, then divs nested thousands deep (lxml stops at 256 levels: text inside them
    is lost, which `max_extraction_blocks` does not change; the article before them must not be)."""
    depth = max(1, size // 22)
    return f"<html><body><article>{ARTICLE}</article>{'<div><span>' * depth}x{'</span></div>' * depth}</body></html>"


PAGES: dict[str, Callable[[int], str]] = {
    "unclosed_script": unclosed_script,
    "unclosed_h1": unclosed_h1,
    "huge_attribute": huge_attribute,
    "deep_nesting": deep_nesting,
}


def measure_one(kind: str, size_kb: int) -> dict[str, float]:
    """Read and clean one page (in this process): seconds, peak RSS, articles cleaned."""
    from rashomon.clean import CleanError, clean_article
    from rashomon.config import CleanConfig, IngestConfig
    from rashomon.ingest import read_inputs
    from rashomon.records import RawArticle

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / f"{kind}.html"
        page.write_text(PAGES[kind](size_kb * 1000), encoding="utf-8")
        started = time.perf_counter()
        cleaned = 0
        for item in read_inputs([str(page)], IngestConfig()):
            if isinstance(item, RawArticle):
                with contextlib.suppress(CleanError):
                    clean_article(item, CleanConfig())
                    cleaned += 1
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"seconds": round(seconds, 4), "peak_rss_mb": round(peak_mb, 1), "cleaned": cleaned}


def measure_article(shape: str, size_kb: int) -> dict[str, float]:
    """Run one article shape of `size_kb` through the whole pipeline (in this process)."""
    import rashomon.pipeline  # noqa: F401 -- imported before the clock starts
    from bench.hostile_articles import SHAPES, news, run_pipeline, write_jsonl

    with tempfile.TemporaryDirectory() as folder:
        # A small article first, off the clock: the language model and the regexes load once
        # per process, and the series measures what the article's size costs. Its sentences are
        # not those of the measured article (another seed), so no cache answers for them.
        warm = Path(folder) / "warm.jsonl"
        write_jsonl(news(3000, seed=99), warm)
        run_pipeline(warm)
        path = Path(folder) / f"{shape}.jsonl"
        write_jsonl(SHAPES[shape](size_kb * 1000), path)
        started = time.perf_counter()
        counts = run_pipeline(path)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 4), "peak_rss_mb": round(peak_mb, 1), **counts}


def measure(kind: str, size_kb: int, flag: str = "--one") -> dict[str, float]:
    """`measure_one` (or `measure_article`) in a fresh interpreter, so that the peak RSS belongs
    to this input alone."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_hostile", flag, kind, str(size_kb)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def series(kinds: list[str], sizes: list[int], flag: str) -> dict[str, dict[str, object]]:
    """Every kind at every size, each in a fresh process; prints a line per kind."""
    results: dict[str, dict[str, object]] = {}
    for kind in kinds:
        runs = {str(size): measure(kind, size, flag) for size in sizes}
        small, large = runs[str(sizes[0])], runs[str(sizes[-1])]
        # Fixed costs (trafilatura's setup, the first regex compilations) weigh most on the
        # smallest input; per KB they only make it look slower, so a ratio at or below 2 is linear.
        ratio = (float(large["seconds"]) / sizes[-1]) / max(float(small["seconds"]) / sizes[0], 1e-9)
        per_kb = {str(size): round(float(runs[str(size)]["seconds"]) * 1000 / size, 3) for size in sizes}
        results[kind] = {"runs": runs, "ms_per_kb": per_kb, "time_per_kb_ratio": round(ratio, 2)}
        line = ", ".join(
            f"{size} KB {runs[str(size)]['seconds']:.2f}s {runs[str(size)]['peak_rss_mb']:.0f} MB" for size in sizes
        )
        print(f"{kind:16} {line}; time per KB at {sizes[-1]} KB / at {sizes[0]} KB = {ratio:.2f}", flush=True)
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="page sizes in KB, comma-separated")
    parser.add_argument("--article-sizes", default="10,30,100,300,1000", help="article sizes in KB")
    parser.add_argument("--only", choices=("pages", "articles"), help="run one series")
    parser.add_argument("--shapes", help="article shapes to run (comma-separated; the others keep their results)")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "KB"), help=argparse.SUPPRESS)
    parser.add_argument("--article", nargs=2, metavar=("SHAPE", "KB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]))))
        return 0
    if args.article:
        print(json.dumps(measure_article(args.article[0], int(args.article[1]))))
        return 0
    from bench.hostile_articles import SHAPES

    report: dict[str, object] = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if args.only != "articles":
        sizes = [int(size) for size in args.sizes.split(",")]
        report.update(sizes_kb=sizes, pages=series(list(PAGES), sizes, "--one"))
    if args.only != "pages":
        sizes = [int(size) for size in args.article_sizes.split(",")]
        shapes = args.shapes.split(",") if args.shapes else list(SHAPES)
        kept = report.get("articles", {}) if args.shapes and report.get("article_sizes_kb") == sizes else {}
        assert isinstance(kept, dict)
        fresh = series(shapes, sizes, "--article")
        merged = {shape: fresh.get(shape) or kept[shape] for shape in SHAPES if shape in fresh or shape in kept}
        report.update(article_sizes_kb=sizes, articles=merged)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
