"""Where the repository, the demo corpus and ../shared are: defined once for every test.

A module of its own rather than conftest.py, because several folders have a conftest.py of their
own and `from conftest import ...` would find whichever was imported first.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEVSET = SHARED / "devset"
DEVSTREAM = SHARED / "devstream"
