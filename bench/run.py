"""Run every benchmark in turn (`make bench`); each writes its own bench/results_*.json.

The benchmarks compare ratios measured in the same run (ours vs a baseline) because the
machines are shared and noisy; absolute numbers are only indicative.
Pass benchmark names to run only some: `python -m bench.run ingest web`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "ingest": ["bench_ingest.py"],
    "stories": ["bench_stories.py"],
    "web": ["bench_web.py"],
    "story_list": ["bench_story_list.py"],
    "hostile": ["bench_hostile.py"],
    "watch": ["bench_watch.py", "--out", "bench/results_watch.json"],
    # Stores of 10k and 100k articles and adds of 1, 100 and 1,000 (about 2 hours on 2 cores).
    "incremental": ["bench_incremental.py"],
    # The sizes by default (about 1.5 hours on 2 cores); `make bench SIZES=1000` for a quick run.
    "e2e": ["bench_e2e.py", "--sizes", os.environ.get("SIZES", "1000,10000,100000")],
}


def main(argv: list[str]) -> int:
    chosen = argv or list(BENCHMARKS)
    failed = []
    for name in chosen:
        script = HERE / BENCHMARKS[name][0]
        if not script.exists():
            print(f"[bench] {name}: {script.name} missing, skipped")
            continue
        print(f"[bench] {name} ...", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(script), *BENCHMARKS[name][1:]], cwd=HERE.parent)
        print(f"[bench] {name}: exit {done.returncode} in {time.perf_counter() - started:.0f}s", flush=True)
        if done.returncode:
            failed.append(name)
    print("[bench] results: " + ", ".join(sorted(p.name for p in HERE.glob("results*.json"))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
