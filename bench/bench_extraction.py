"""Extraction benchmark: Rashomon's ingest+clean against trafilatura alone on trafilatura's own evaluation set.

    git -C <fetched trafilatura repo> archive HEAD tests/evaldata.json tests/eval tests/cache | tar -x -C /tmp/te
    python -m bench.bench_extraction /tmp/te          (a checkout of adbar/trafilatura works too)

The pages are third-party text and stay where they are: this script only reads them and writes ids,
scores, timings and the reasons of lost snippets to bench/results_extraction.json.

Scoring is the benchmark's own (trafilatura's tests/eval_common.py): each page lists snippets that
must be in the extracted text ("with") and snippets that must not ("without"); a snippet counts when
it is a substring after whitespace normalisation; precision, recall and F1 come from the summed
counts. Rashomon straightens quotes and NFC-normalises text (clean/unicode.py), so gold snippets and
both outputs pass through that same normalisation before matching: neither side gains from typography.

trafilatura alone runs with the benchmark's canonical settings (no comments, tables, no formatting,
not fast). Both sides start from the page's bytes; they take turns over chunks of pages so that load
changes on a shared machine hit both alike. Ours is `from_html` (decoding, extraction, metadata),
then learning repeated lines per outlet over the whole set, then `clean_article` on every page;
ingest takes turns with trafilatura, cleaning with a second trafilatura run over the same pages,
and trafilatura's time is the mean of its two runs. The ratio is reported over all pages and as
the median (and quartiles) of the per-chunk ratios, which load spikes on a shared machine move less,
and as a ratio of CPU seconds (the process's own, without the time spent waiting for a core).
Every "with" snippet that trafilatura keeps and we lose is listed with the reason of the dropped
line that held it.

Our output is the article's title and its text, as `rashomon clean --out` writes them: the title
is a field of its own, while trafilatura leaves the page's headline at the top of its text, and
the gold snippets include headlines. The text alone is scored too (`rashomon_text_only`).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import trafilatura

from rashomon.clean import CleanError, clean_article, clear_caches, learn_boilerplate
from rashomon.clean.unicode import normalise_text
from rashomon.config import CleanConfig, IngestConfig
from rashomon.ingest.build import from_html
from rashomon.ingest.encoding import decode_bytes
from rashomon.ingest.html import declared_charset
from rashomon.records import Article, RawArticle

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results_extraction.json"
CHUNK = 20
WARM_UP = 10
_SPACE_RE = re.compile(r"\s+")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn, self.tn = (
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )  # fmt: skip

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass(slots=True)
class Page:
    url: str
    file: str
    data: bytes
    with_: list[str]
    without: list[str]
    ours: Article | None = None
    reject: str | None = None
    theirs: str | None = None
    raw: RawArticle | None = None
    notes: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    """The benchmark's whitespace normalisation, after Rashomon's typographic one (see module doc)."""
    return _SPACE_RE.sub(" ", normalise_text(text)).strip()


def count(page: Page, text: str | None) -> Counts:
    if text is None:
        return Counts(0, 0, len(page.with_), len(page.without))
    found = norm(text)
    tp = sum(1 for w in page.with_ if norm(w) in found)
    fp = sum(1 for w in page.without if norm(w) in found)
    return Counts(tp, fp, len(page.with_) - tp, len(page.without) - fp)


def evaluation_root(path: Path) -> Path:
    """The folder holding evaldata.json, eval/ and cache/: `path`, or its tests/ folder."""
    for candidate in (path, path / "tests"):
        if (candidate / "evaldata.json").is_file():
            return candidate
    raise SystemExit(f"no evaldata.json under {path} (see this script's docstring)")


def load_pages(path: Path, limit: int | None) -> list[Page]:
    root = evaluation_root(path)
    evaldata: dict[str, dict[str, Any]] = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(evaldata)[:limit]:
        item = evaldata[url]
        candidates = (root / sub / item["file"] for sub in ("cache", "eval"))
        found = next((path for path in candidates if path.is_file()), None)
        if found is None:
            continue
        pages.append(Page(url, item["file"], found.read_bytes(), list(item["with"]), list(item["without"])))
    return pages


def run_trafilatura(page: Page) -> None:
    try:
        page.theirs = trafilatura.extract(
            page.data, fast=False, include_comments=False, include_tables=True, include_formatting=False
        )
    except Exception as error:  # noqa: BLE001 -- the benchmark counts a crash as a miss
        page.notes.append(f"trafilatura: {type(error).__name__}")


def run_ingest(page: Page, config: IngestConfig) -> None:
    html = decode_bytes(page.data, declared_charset(page.data))
    item = from_html(html, article_id=page.file, path=page.file, config=config, fmt="html", url=page.url)
    if isinstance(item, RawArticle):
        page.raw = item
    else:
        page.reject = item.reason


def run_clean(page: Page, config: CleanConfig, boilerplate: frozenset[str]) -> None:
    if page.raw is None:
        return
    try:
        page.ours = clean_article(page.raw, config, boilerplate)
    except CleanError as error:
        page.reject = error.reason


def timed_turns(
    pages: Sequence[Page], sides: Sequence[Callable[[Page], None]], cpu: list[float] | None = None
) -> list[list[float]]:
    """Seconds each side spends on each chunk of `pages`, taking turns and alternating who goes first.

    With `cpu`, each side's CPU seconds (this process's, all chunks) are added to `cpu[side]`.
    """
    spent: list[list[float]] = [[] for _ in sides]
    for start in range(0, len(pages), CHUNK):
        chunk = pages[start : start + CHUNK]
        order = list(range(len(sides)))
        if (start // CHUNK) % 2:
            order.reverse()
        for side in order:
            gc.collect()
            began, began_cpu = time.perf_counter(), time.process_time()
            for page in chunk:
                sides[side](page)
            spent[side].append(time.perf_counter() - began)
            if cpu is not None:
                cpu[side] += time.process_time() - began_cpu
    return spent


def chunk_ratios(theirs: list[float], again: list[float], ingest: list[float], clean: list[float],
                 learn_s: float) -> list[float]:  # fmt: skip
    """Ours over trafilatura for each chunk (learning spread over the chunks by their cleaning time)."""
    total_clean = sum(clean) or 1.0
    return [
        (i + c + learn_s * c / total_clean) / ((t + a) / 2)
        for t, a, i, c in zip(theirs, again, ingest, clean, strict=True)
        if t + a > 0
    ]


def output(page: Page) -> str | None:
    """What we give for a page: its title, then its text (see the module doc); None when rejected."""
    if page.ours is None:
        return None
    return f"{page.ours.title}\n\n{page.ours.text}" if page.ours.title else page.ours.text


def lost_snippets(page: Page) -> list[dict[str, str]]:
    """Gold snippets trafilatura keeps and we lose, each with the reason of the line that held it.

    A snippet is named by its position in the page's "with" list and its length: no page text
    goes into the results.
    """
    if page.theirs is None:
        return []
    theirs, ours = norm(page.theirs), norm(output(page) or "")
    lost = []
    for index, snippet in enumerate(page.with_):
        wanted = norm(snippet)
        if wanted not in theirs or wanted in ours:
            continue
        lost.append({"snippet": str(index), "snippet_chars": str(len(wanted)), "reason": _loss_reason(page, wanted)})
    return lost


def _loss_reason(page: Page, wanted: str) -> str:
    if page.ours is None:
        return f"rejected: {page.reject}"
    for line, why in zip(page.ours.dropped, page.ours.drop_reasons, strict=False):
        line = norm(line)
        if wanted in line or (len(line) > 15 and line in wanted):
            return why
    raw = norm(page.raw.text) if page.raw and page.raw.text else ""
    return "not extracted" if wanted not in raw else "changed by cleaning"


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="trafilatura's tests/ folder (or a checkout holding it)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (by URL)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--fast-blocks", type=int, default=None, help="override IngestConfig.fast_extraction_blocks")
    args = parser.parse_args(argv)
    pages = load_pages(args.path, args.limit)
    ingest_config = IngestConfig()
    if args.fast_blocks is not None:
        ingest_config = replace(ingest_config, fast_extraction_blocks=args.fast_blocks)
    clean_config = CleanConfig()
    _warm_up(pages[:WARM_UP], ingest_config, clean_config)
    first_cpu, second_cpu = [0.0, 0.0], [0.0, 0.0]
    theirs, ingest = timed_turns(pages, [run_trafilatura, lambda p: run_ingest(p, ingest_config)], first_cpu)
    began, began_cpu = time.perf_counter(), time.process_time()
    boilerplate = learn_boilerplate([p.raw for p in pages if p.raw], clean_config)
    learn_s, learn_cpu = time.perf_counter() - began, time.process_time() - began_cpu
    # Cleaning takes turns with a second trafilatura run over the same chunks, so that both of
    # our steps meet the same load as a trafilatura run; trafilatura's time is the mean of its two.
    again, clean = timed_turns(
        pages, [_trafilatura_again, lambda p: run_clean(p, clean_config, boilerplate)], second_cpu
    )
    ratios = chunk_ratios(theirs, again, ingest, clean, learn_s)
    theirs_s = (sum(theirs) + sum(again)) / 2
    # CPU seconds: what each side computed, without the time it waited for a core on a loaded machine.
    cpu = {"trafilatura": (first_cpu[0] + second_cpu[0]) / 2, "rashomon": first_cpu[1] + second_cpu[1] + learn_cpu}
    return report(pages, theirs_s, sum(ingest), learn_s + sum(clean), ratios, args.out, cpu)


def _warm_up(pages: Sequence[Page], ingest_config: IngestConfig, clean_config: CleanConfig) -> None:
    """Both sides once over a few pages, untimed, results thrown away: imports and models
    (trafilatura's, py3langid's, blingfire's) load here, not in the first timed chunk."""
    for page in pages:
        spare = Page(page.url, page.file, page.data, page.with_, page.without)
        _trafilatura_again(spare)
        run_ingest(spare, ingest_config)
        run_clean(spare, clean_config, frozenset())
    clear_caches()


def _trafilatura_again(page: Page) -> None:
    try:
        trafilatura.extract(
            page.data, fast=False, include_comments=False, include_tables=True, include_formatting=False
        )
    except Exception:  # noqa: BLE001 -- timed only, as in the first run
        return


def report(
    pages: Sequence[Page],
    theirs_s: float,
    ingest_s: float,
    clean_s: float,
    ratios: list[float],
    out: Path,
    cpu: dict[str, float] | None = None,
) -> dict[str, Any]:
    totals = {name: Counts() for name in ("trafilatura", "rashomon", "rashomon_text_only", "rashomon_extraction_only")}
    per_page, losses, reasons = [], [], {}
    for page in pages:
        counts = {
            "trafilatura": count(page, page.theirs),
            "rashomon": count(page, output(page)),
            "rashomon_text_only": count(page, page.ours.text if page.ours else None),
            "rashomon_extraction_only": count(page, page.raw.text if page.raw else None),
        }
        for name, value in counts.items():
            totals[name].add(value)
        per_page.append({"file": page.file, **{name: value.scores() for name, value in counts.items()}})
        for loss in lost_snippets(page):
            losses.append({"file": page.file, **loss})
            reasons[loss["reason"]] = reasons.get(loss["reason"], 0) + 1
    ours_s = ingest_s + clean_s
    result = {
        "benchmark": "trafilatura tests/evaldata.json (snippets with/without, substring match)",
        "pages": len(pages),
        "scores": {name: value.scores() for name, value in totals.items()},
        "counts": {name: vars_of(value) for name, value in totals.items()},
        "seconds": {"trafilatura": round(theirs_s, 2), "rashomon_ingest": round(ingest_s, 2),
                    "rashomon_clean": round(clean_s, 2), "rashomon": round(ours_s, 2)},  # fmt: skip
        "time_ratio": round(ours_s / theirs_s, 3) if theirs_s else None,
        "cpu_seconds": {name: round(value, 2) for name, value in (cpu or {}).items()},
        "cpu_time_ratio": round(cpu["rashomon"] / cpu["trafilatura"], 3) if cpu and cpu["trafilatura"] else None,
        # Per chunk of pages, taken in turns: robust to load changes on a shared machine.
        "time_ratio_median_chunk": round(statistics.median(ratios), 3) if ratios else None,
        "time_ratio_chunk_quartiles": [round(q, 3) for q in statistics.quantiles(ratios, n=4)]
        if len(ratios) > 1
        else None,
        "rejected": {p.file: p.reject for p in pages if p.ours is None},
        "lost_gold_by_reason": dict(sorted(reasons.items(), key=lambda kv: -kv[1])),
        "lost_gold": losses,
        "per_page": per_page,
        "python": sys.version.split()[0],
        "trafilatura_version": trafilatura.__version__,
        "rashomon_commit": _commit(),
    }
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = {k: result[k] for k in ("pages", "scores", "seconds", "time_ratio", "cpu_time_ratio",
                                      "time_ratio_median_chunk", "time_ratio_chunk_quartiles",
                                      "lost_gold_by_reason")}  # fmt: skip
    print(json.dumps(summary, indent=1))
    return result


def vars_of(counts: Counts) -> dict[str, int]:
    return {"tp": counts.tp, "fp": counts.fp, "fn": counts.fn, "tn": counts.tn}


def _commit() -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True)  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip() or None


if __name__ == "__main__":
    tempfile.tempdir = None
    main()
