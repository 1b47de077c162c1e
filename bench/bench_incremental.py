"""Incremental adds to a store: build stores of 10k and 100k articles, then add batches of 1, 100
and 1,000 later articles, and time each add per article.

The articles are `bench_stories.synthetic_stream` (stories of 1 to 12 articles over a stream of
days, invented names and figures), written once as JSON Lines text records and cached. The build
is one add of the first N articles (the one-shot run); the batches are the articles that follow
them in time, added in turn to that store. Each step runs in a fresh process, so its peak memory
(max RSS) is its own: the adds' peak shows what an update reads of a large store. The baseline,
in the same run, is the one-shot build's time per article, and at 10k the old way of updating
(every article re-briefed: `adding.rebrief`) for one added article.

    .venv/bin/python bench/bench_incremental.py                  # 10k and 100k
    .venv/bin/python bench/bench_incremental.py --sizes 2000     # quick
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results_incremental.json"
BATCHES = (1, 100, 1000)
CACHE = Path("/tmp/rashomon-bench/incremental")


def _records(size: int) -> Path:
    """The cached JSON Lines of `size` + sum(BATCHES) articles in stream order."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_stories import synthetic_stream

    from rashomon.stories.stream import stream_order

    folder = CACHE / f"n{size}"
    done = folder / "complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    articles = sorted(synthetic_stream(size + sum(BATCHES), seed=5), key=stream_order)
    cuts = [size]
    for batch in BATCHES:
        cuts.append(cuts[-1] + batch)
    parts = {"base": articles[:size]}
    for batch, start in zip(BATCHES, cuts, strict=False):
        parts[f"add{batch}"] = articles[start : start + batch]
    for name, part in parts.items():
        with open(folder / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for a in part:
                record = {"id": a.id, "title": a.title, "published": a.published, "source": a.source, "text": a.text}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    done.touch()
    return folder


def child_build(folder: Path, db: Path) -> dict[str, object]:
    from rashomon.adding import add_to_store
    from rashomon.store import Store

    db.unlink(missing_ok=True)
    store = Store.open(str(db))
    started, cpu = time.perf_counter(), time.process_time()
    result = add_to_store(store, folder / "base.jsonl")
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return {
        "articles": result.cleaned,
        "stories": result.stories,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
    }


def child_add(folder: Path, db: Path, batch: int) -> dict[str, object]:
    """One add, timed as a running watcher or web worker would see it: the encoder loaded and one
    made-up article briefed first (loading takes a few seconds once per process, reported apart)."""
    from rashomon.adding import add_to_store
    from rashomon.store import Store
    from rashomon.stories.encoder import encode_texts

    loading = time.perf_counter()
    encode_texts(["warm up"])
    loaded = time.perf_counter() - loading
    _warm_up()
    store = Store.open(str(db))
    started, cpu = time.perf_counter(), time.process_time()
    result = add_to_store(store, folder / f"add{batch}.jsonl")
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return {
        "batch": batch,
        "cpu_seconds": round(cpu_seconds, 3),
        "cpu_ms_per_article": round(1000 * cpu_seconds / max(1, result.added), 2),
        "added": result.added,
        "stories_briefed": result.briefed,
        "seconds": round(seconds, 3),
        "ms_per_article": round(1000 * seconds / max(1, result.added), 2),
        "encoder_load_seconds": round(loaded, 2),
    }


def _warm_up() -> None:
    """Brief one made-up article in memory: what a running watcher has done before (imports,
    lazy tables), so the timed add is the add alone."""
    import tempfile

    from rashomon.pipeline import run

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "warm.txt"
        page.write_text("Warm-up report\n\nOfficials in Port Ellery said on Monday that 12 boats were damaged.\n")
        run(page)


def child_rebrief(db: Path) -> dict[str, object]:
    """The old update: every stored article re-briefed (what each add cost before)."""
    from rashomon.adding import rebrief
    from rashomon.store import Store

    store = Store.open(str(db))
    started = time.perf_counter()
    brief = rebrief(store)
    return {"stories": len(brief.stories), "seconds": round(time.perf_counter() - started, 2)}


def _run_child(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False, timeout=24 * 3600
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run_size(size: int, old_way: bool) -> dict[str, object]:
    folder = _records(size)
    db = CACHE / f"n{size}.db"
    build = _run_child("build", str(folder), str(db))
    adds = [_run_child("add", str(folder), str(db), str(batch)) for batch in BATCHES]
    report: dict[str, object] = {"build": build, "adds": adds}
    build_ms = 1000 * float(build["seconds"]) / max(1, int(build["articles"]))  # type: ignore[call-overload]
    report["build_ms_per_article"] = round(build_ms, 2)
    if old_way:
        copy = db.with_suffix(".old.db")
        shutil.copyfile(db, copy)
        report["old_full_rebrief"] = _run_child("rebrief", str(copy))
    print(json.dumps({size: report}), flush=True)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--old-way-sizes", default="10000", help="sizes at which the old full re-brief is timed")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the figures are written")
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "build":
            report = child_build(Path(rest[0]), Path(rest[1]))
        elif kind == "add":
            report = child_add(Path(rest[0]), Path(rest[1]), int(rest[2]))
        else:
            report = child_rebrief(Path(rest[0]))
        report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        print(json.dumps(report))
        return
    old = {int(s) for s in args.old_way_sizes.split(",") if s}
    runs = {size: run_size(size, size in old) for size in (int(s) for s in args.sizes.split(","))}
    results = {
        "runs": runs,
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "load_avg_1min": round(__import__("os").getloadavg()[0], 2),
        "note": "each step in its own process; ms_per_article of an add of 1 includes opening the store",
    }
    args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
