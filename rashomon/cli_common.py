"""What every `rashomon` command shares: exit codes, consoles, the --config option and one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rashomon.config import Config, ConfigError, load_config

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_NO_ARTICLES, EXIT_OUTPUT, EXIT_STRICT = 0, 1, 2, 3, 4, 5

out_console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)

ConfigFile = Annotated[
    str | None,
    typer.Option("--config", help="TOML settings file (see `rashomon config`); keys left out keep their defaults."),
]


def fail(message: str, code: int) -> typer.Exit:
    """Print one clear line on stderr and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def load_settings(path: str | None) -> Config:
    """The defaults, or the settings of a --config file; a bad file is a usage error (exit 2)."""
    try:
        return load_config(path)
    except ConfigError as error:
        raise fail(str(error), EXIT_USAGE) from error


def need_files(*paths: str) -> None:
    """A usage error (exit 2) unless every path is a file."""
    for p in paths:
        if not Path(p).is_file():
            raise fail(f"{p}: no such file", EXIT_USAGE)
