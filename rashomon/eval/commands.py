"""`rashomon eval ...`: story grouping, claims and summaries scored against reference data."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from rashomon.cli_common import EXIT_USAGE, ConfigFile, fail, load_settings, need_files

eval_app = typer.Typer(
    help="Measure story grouping, claims and summaries against reference data.", no_args_is_help=True
)


@eval_app.command("stories")
def eval_stories(
    labelled: Annotated[
        str,
        typer.Argument(
            help="A labelled stream (JSON Lines as `brief` reads them, plus a `story` label per line) "
            "or the devset's clusters.jsonl; which one is told by the first line."
        ),
    ],
    unrelated: Annotated[
        list[str] | None,
        typer.Argument(
            help="Devset: its distractors.jsonl (required). Labelled stream: files of unrelated articles "
            "(any JSON Lines `brief` reads, or the devset format) for the density sweep (optional)."
        ),
    ] = None,
    config_file: ConfigFile = None,
    json_out: Annotated[
        str | None, typer.Option("--json", help="Labelled stream: also write the report as JSON (ids, labels, scores).")
    ] = None,
    sweep: Annotated[
        str, typer.Option(help="Labelled stream: densities of the sweep, as multiples of the stream's size.")
    ] = "0,0.5,1,2,5",
    sweep_baseline: Annotated[
        bool, typer.Option(help="Labelled stream: run the TF-IDF baseline in the sweep too (slow: quadratic).")
    ] = False,
    worst: Annotated[int, typer.Option(help="Labelled stream: how many worst merges and splits to list.")] = 8,
) -> None:
    """Story grouping scored against gold labels, beside a single-pass TF-IDF baseline.

    On the devset (CLUSTERS DISTRACTORS): B-cubed P/R/F1. On a labelled stream (STREAM [UNRELATED...]):
    B-cubed and pairwise P/R/F1 in two passes (with `published` where given, and without), a
    density sweep (unrelated articles added at each --sweep multiple, as far as they last), and
    the worst merges and splits with their titles.
    """
    config = load_settings(config_file)
    from rashomon.eval.stream import is_labelled_stream

    extra = unrelated or []
    need_files(labelled, *extra)
    try:
        stream = is_labelled_stream(labelled)
        multiples = [float(m) for m in sweep.split(",") if m.strip()]
    except ValueError as error:
        raise fail(f"{labelled} or --sweep: {error}", EXIT_USAGE) from error
    if not stream:
        if len(extra) != 1:
            raise fail("the devset format takes CLUSTERS DISTRACTORS (two files)", EXIT_USAGE)
        from rashomon.eval.stories import format_report, run_story_eval

        sys.stdout.write(format_report(run_story_eval(labelled, extra[0], config)).rstrip("\n") + "\n")
        return
    from rashomon.eval.stream_eval import report_json, run_stream_eval
    from rashomon.eval.stream_report import format_stream_report

    report = run_stream_eval(labelled, extra, config, multiples, worst, sweep_baseline)
    if json_out:
        Path(json_out).write_text(json.dumps(report_json(report), indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(format_stream_report(report).rstrip("\n") + "\n")


@eval_app.command("claims")
def eval_claims(
    gold: Annotated[str, typer.Argument(help="The hand-annotated figures (tests/data/claims_gold/gold.jsonl).")],
    stream: Annotated[
        str, typer.Option(help="The labelled stream the gold articles come from.")
    ] = "../shared/devstream/stream.jsonl",
    config_file: ConfigFile = None,
    worst: Annotated[int, typer.Option(help="How many errors of each kind to print, with their sentences.")] = 10,
    json_out: Annotated[str | None, typer.Option("--json", help="Also write the scores as JSON (no text).")] = None,
) -> None:
    """Figures, claimants and conflict flags scored against hand-annotated real coverage, beside a
    simple baseline (every figure near a counted word, claimed by the outlet)."""
    config = load_settings(config_file)
    from rashomon.eval.claims import (
        baseline_extractor,
        code_extractor,
        format_claims_report,
        report_json,
        run_claims_eval,
    )
    from rashomon.eval.claims_gold import load_gold
    from rashomon.eval.stream import load_labelled_stream

    need_files(gold, stream)
    try:
        labels = load_gold(gold)
    except (ValueError, KeyError) as error:
        raise fail(f"{gold}: {error}", EXIT_USAGE) from error
    articles = load_labelled_stream(stream, config).articles
    reports = [
        run_claims_eval(labels, articles, code_extractor(config), "rashomon"),
        run_claims_eval(labels, articles, baseline_extractor, "baseline: figure near a counted word, outlet's voice"),
    ]
    if json_out:
        Path(json_out).write_text(json.dumps([report_json(r) for r in reports], indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(format_claims_report(reports, worst))


@eval_app.command("summaries")
def eval_summaries(
    clusters: Annotated[str, typer.Argument(help="clusters.jsonl (devset format, with a `reference` per event).")],
    config_file: ConfigFile = None,
) -> None:
    """ROUGE of the short summaries, beside random lead, LexRank and the extractive oracle."""
    config = load_settings(config_file)
    from rashomon.eval.summaries import format_report, run_summary_eval

    need_files(clusters)
    sys.stdout.write(format_report(run_summary_eval(clusters, config)).rstrip("\n") + "\n")
