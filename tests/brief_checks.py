"""Helpers every folder of tests shares: the seed articles, and schema checks of every brief a test writes.

A module of its own (not conftest.py): several folders have a conftest.py, and `from conftest
import ...` found whichever was imported first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from repo_paths import SEEDS


def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not here")
    return paths


def validate_brief(brief: dict[str, Any]) -> None:
    """Every brief a test produces must match the published schema."""
    from rashomon.render import schema

    jsonschema.Draft202012Validator(schema()).validate(brief)


def load_brief(directory: Path) -> dict[str, Any]:
    brief: dict[str, Any] = json.loads((directory / "brief.json").read_text(encoding="utf-8"))
    validate_brief(brief)
    return brief
