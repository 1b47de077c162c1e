"""The tree stays small enough to hold in one's head (../shared/STYLE.md, issue 12).

These read the source, not the behaviour: a module past 400 lines or a function past 60 is a
sign it does two things, and a module that imports another module's private helper shows that the
helper belongs in a shared place (`rashomon/text/`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from repo_paths import ROOT

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> list[Path]:
    return sorted((ROOT / "rashomon").rglob("*.py"))


def _trees(paths: Iterable[Path]) -> Iterable[tuple[str, ast.Module]]:
    for path in paths:
        yield path.name if not path.is_relative_to(ROOT) else path.relative_to(ROOT).as_posix(), ast.parse(
            path.read_text(encoding="utf-8")
        )


def long_modules(paths: Iterable[Path]) -> dict[str, int]:
    counts = {p.as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in paths}
    return {name: n for name, n in counts.items() if n > MAX_MODULE_LINES}


def long_functions(paths: Iterable[Path]) -> dict[str, int]:
    found: dict[str, int] = {}
    for name, tree in _trees(paths):
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    found[f"{name}:{node.lineno} {node.name}"] = lines
    return found


def private_imports(paths: Iterable[Path]) -> list[str]:
    """`from rashomon.x import _helper`: one module reaching into another's insides."""
    found: list[str] = []
    for name, tree in _trees(paths):
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rashomon"):
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                found += [f"{name}: {node.module}.{p}" for p in private]
    return found


def test_no_module_is_over_400_lines() -> None:
    assert long_modules(_modules()) == {}


def test_no_function_is_over_60_lines() -> None:
    assert long_functions(_modules()) == {}


def test_no_module_imports_another_modules_private_name() -> None:
    assert private_imports(_modules()) == []


def test_the_checks_see_what_they_look_for(tmp_path: Path) -> None:
    """Each check flags a file made to break it, so a pass above is not vacuous."""
    body = "\n".join(f"    x{i} = {i}" for i in range(70))
    source = tmp_path / "bad.py"
    source.write_text(f"from rashomon.a import _b\n\n\ndef f() -> None:\n{body}\n" + "\n" * 400, encoding="utf-8")
    assert list(long_modules([source])) == [source.as_posix()]
    assert long_functions([source]) == {"bad.py:4 f": 71}
    assert private_imports([source]) == ["bad.py: rashomon.a._b"]
