"""The `rashomon` command: a thin layer over the Python API (`rashomon.pipeline` and friends).

Exit codes (also in the README):
  0  the brief was written (some inputs may have been rejected: they are listed in it);
     for `clean`, the articles were written (rejects in NAME.rejected.jsonl beside them)
  1  an unexpected internal error (a bug: please report it)
  2  bad usage: unknown option, missing argument, unknown format
  3  no article could be read from the inputs (the brief is still written, with `rejected`)
  4  the output or the store could not be written (or the store is not a store, or unreadable)
  5  `--strict` was given and at least one input was rejected
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rashomon import __version__
from rashomon.cli_common import (
    EXIT_INTERNAL,
    EXIT_NO_ARTICLES,
    EXIT_OUTPUT,
    EXIT_STRICT,
    EXIT_USAGE,
    ConfigFile,
    err_console,
    fail,
    load_settings,
    out_console,
)
from rashomon.config import Config
from rashomon.eval.commands import eval_app
from rashomon.records import Brief, Rejected
from rashomon.watch.cli import watch

if TYPE_CHECKING:
    from rashomon.adding import AddResult

app = typer.Typer(
    help="Rashomon: group news articles into stories and write a brief that says who says what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.command()(watch)


@contextmanager
def progress_bars(enabled: bool) -> Iterator[object]:
    """Progress bars on stderr for interactive runs; silent when piped or with --quiet."""
    if not enabled or not err_console.is_terminal:
        yield lambda stage, done, total: None
        return
    columns = (TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bars:
        tasks: dict[str, object] = {}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=total)
            bars.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        yield update


def write_outputs(brief: Brief, out: str, formats: list[str]) -> list[Path]:
    from rashomon.render import to_html, to_json, to_jsonl, to_markdown

    if out == "-":
        sys.stdout.write(to_json(brief))
        return []
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    writers = {
        "json": ("brief.json", to_json),
        "md": ("brief.md", to_markdown),
        "html": ("brief.html", to_html),
        "jsonl": ("stories.jsonl", to_jsonl),
    }
    written = []
    for fmt in formats:
        name, render = writers[fmt]
        target = directory / name
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(render(brief), encoding="utf-8")
        tmp.replace(target)  # atomic: a reader never sees half a brief
        written.append(target)
    return written


def parse_formats(value: str) -> list[str]:
    from rashomon.render import FORMATS

    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise fail(f"unknown format {', '.join(unknown) or '(empty)'}; choose from {', '.join(FORMATS)}", EXIT_USAGE)
    if "json" not in formats:
        formats.insert(0, "json")  # brief.json is the contract and is always written
    return formats


@app.command()
def brief(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories (read recursively) or - for JSON Lines; none with --store."),
    ] = None,
    out: Annotated[
        str, typer.Option("--out", "-o", help="Output directory (or - to print brief.json).")
    ] = "rashomon-out",
    format: Annotated[str, typer.Option("--format", "-f", help="Comma-separated: json,md,html,jsonl.")] = "json",
    store: Annotated[
        str | None,
        typer.Option(help="SQLite store: add the articles to it and brief everything it holds (incremental runs)."),
    ] = None,
    engine: Annotated[str, typer.Option(help="local, or spark to run the same stages on Apache Spark.")] = "local",
    master: Annotated[str, typer.Option(help="Spark master URL when --engine spark.")] = "local[2]",
    parquet: Annotated[str | None, typer.Option(help="With --engine spark: also write Parquet tables here.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit with 5 when any input was rejected.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")] = False,
    config_file: ConfigFile = None,
) -> None:
    """Read articles, group them into stories and write the brief (with --store and no inputs: the
    store's current brief)."""
    from rashomon import pipeline

    paths = _inputs(paths, store)
    formats, config = parse_formats(format), load_settings(config_file)
    if engine not in ("local", "spark"):
        raise fail(f"unknown engine {engine!r}; choose local or spark", EXIT_USAGE)
    _warn_missing(paths)
    try:
        pipeline.input_paths(paths)
    except ValueError as error:
        raise fail(str(error), EXIT_USAGE) from error
    if engine == "spark" and "-" in paths:
        raise fail("--engine spark reads files, not standard input", EXIT_USAGE)
    started = time.perf_counter()
    with progress_bars(not quiet) as progress:
        if store:  # the brief of the whole store; `rejected` is this run's rejects only
            spark = (master, parquet) if engine == "spark" else None
            added = _brief_with_store(paths, store, config, progress, spark)
            result, rejected = added.brief, added.rejected
        elif engine == "spark":
            from rashomon.spark.runner import run_spark

            result = run_spark(paths, config, master=master, parquet_dir=parquet, progress=progress)  # type: ignore[arg-type]
            rejected = result.rejected
        else:
            ran = pipeline.run(paths, config, stdin=sys.stdin if "-" in paths else None, progress=progress)  # type: ignore[arg-type]
            result, rejected = ran.brief, ran.rejected
    try:
        written = write_outputs(result, out, formats)
    except OSError as error:
        raise fail(f"cannot write {out}: {error.strerror or error}", EXIT_OUTPUT) from error
    if not quiet:
        _print_summary(result, rejected, written, time.perf_counter() - started)
    if not result.articles:
        raise typer.Exit(EXIT_NO_ARTICLES)
    if strict and rejected:
        raise typer.Exit(EXIT_STRICT)


def _inputs(paths: list[str] | None, store: str | None) -> list[str]:
    """The inputs; none is fine only with a store (its brief is written as it stands)."""
    if not paths and not store:
        raise fail("no inputs: give files or directories, or --store DB to write a store's brief", EXIT_USAGE)
    return paths or []


def _warn_missing(paths: Sequence[str]) -> None:
    """A missing path is not fatal (it is reported in `rejected`), but say so at once."""
    for p in (p for p in paths if p != "-" and not Path(p).exists()):
        err_console.print(f"[yellow]warning:[/] {p}: no such file or directory (reported in rejected)", highlight=False)


def _brief_with_store(
    paths: list[str], store_path: str, config: Config, progress: object, spark: tuple[str, str | None] | None
) -> AddResult:
    """`add_to_store`, locally or (`spark` = (master, parquet dir)) with the stages on Spark."""
    from rashomon.adding import add_to_store
    from rashomon.store import StaleBrief, Store, StoreUnusable, store_problem

    try:
        db = Store.open(store_path)
        if spark is None:
            stdin = sys.stdin if "-" in paths else None
            return add_to_store(db, paths, config, stdin=stdin, progress=progress)  # type: ignore[arg-type]
        from rashomon.spark.engine import spark_engine

        with spark_engine(*spark) as engine:
            return add_to_store(db, paths, config, progress=progress, engine=engine)  # type: ignore[arg-type]
    except StoreUnusable as error:
        raise fail(str(error), EXIT_OUTPUT) from error
    except sqlite3.Error as error:  # the store opened, then a write failed (read-only, disk full)
        raise fail(store_problem(store_path, error), EXIT_OUTPUT) from error
    except (OSError, StaleBrief) as error:
        raise fail(f"cannot use store {store_path}: {error}", EXIT_OUTPUT) from error


def _print_summary(result: Brief, rejected: Sequence[Rejected], written: list[Path], seconds: float) -> None:
    from rashomon.ingest import summarise_rejections

    console = err_console if not written else out_console
    console.print(
        f"read {len(result.articles)} articles into {len(result.stories)} stories, "
        f"rejected {len(rejected)} inputs in {seconds:.1f}s",
        highlight=False,
    )
    for reason, count in summarise_rejections(rejected).items():
        console.print(f"  rejected {count} × {reason}", highlight=False)
    for path in written:
        console.print(f"wrote {path}", highlight=False)


@app.command()
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or - for JSON Lines.")],
    out: Annotated[str, typer.Option("--out", "-o", help="JSON Lines file of clean articles (- for stdout).")],
    strict: Annotated[bool, typer.Option(help="Exit with 5 when any input was rejected.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")] = False,
    config_file: ConfigFile = None,
) -> None:
    """Read and clean articles as `brief` does; write one JSON object per article (rejects beside it)."""
    from rashomon import pipeline
    from rashomon.exporting import export_clean

    config = load_settings(config_file)
    _warn_missing(paths)
    try:
        pipeline.input_paths(paths)
    except ValueError as error:
        raise fail(str(error), EXIT_USAGE) from error
    stdin = sys.stdin if "-" in paths else None
    try:
        with progress_bars(not quiet) as progress:
            result = export_clean(paths, out, config, stdin, progress)  # type: ignore[arg-type]
    except OSError as error:
        raise fail(f"cannot write {out}: {error.strerror or error}", EXIT_OUTPUT) from error
    if not quiet:
        summary = f"cleaned {result.articles} articles, rejected {len(result.rejected)} inputs"
        err_console.print(summary, highlight=False)
        for path in result.written:
            err_console.print(f"wrote {path}", highlight=False)
    if not result.articles:
        raise typer.Exit(EXIT_NO_ARTICLES)
    if strict and result.rejected:
        raise typer.Exit(EXIT_STRICT)


@app.command()
def schema() -> None:
    """Print the JSON Schema of brief.json."""
    from rashomon.render import schema as load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=2) + "\n")


@app.command()
def version() -> None:
    """Print Rashomon's version."""
    out_console.print(__version__)


@app.command()
def serve(
    store: Annotated[str, typer.Option(help="SQLite store written by `rashomon brief --store`.")] = "rashomon.db",
    host: Annotated[str, typer.Option(help="Interface to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_add: Annotated[bool, typer.Option(help="Accept POST /api/articles (JSON Lines) to add articles.")] = False,
    config_file: ConfigFile = None,
) -> None:
    """Serve the web UI and JSON API over a store (read-only unless --allow-add)."""
    config = load_settings(config_file)
    if not Path(store).exists():
        raise fail(f"no store at {store}: create one with `rashomon brief PATH --store {store}`", EXIT_USAGE)
    from rashomon.store import StoreUnusable
    from rashomon.web.app import AddingRefused
    from rashomon.web.cli import serve as run_server

    try:
        run_server(store, host=host, port=port, allow_add=allow_add, config=config)
    except (StoreUnusable, AddingRefused) as error:
        raise fail(str(error), EXIT_OUTPUT) from error


@app.command("config")
def show_config(config_file: ConfigFile = None) -> None:
    """Print the settings in effect as TOML, each default with its reason (a valid --config file)."""
    sys.stdout.write(load_settings(config_file).to_toml())


def main() -> None:
    """Console entry point: turns unexpected exceptions into one line and exit code 1."""
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence must catch everything
        err_console.print(f"[bold red]internal error:[/] {type(error).__name__}: {error}", highlight=False)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
