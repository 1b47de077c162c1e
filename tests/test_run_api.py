"""`pipeline.run`, the Python API: easy to call right, and misuse fails at once with a clear error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rashomon.pipeline import RunResult, input_paths, run

TEXT = (
    "Ferry crews in Port Alder end their strike\n\n"
    "The ferry crews of Port Alder ended a two-day strike on Tuesday, the operator said. "
    "Crossings to the island will resume on Wednesday morning with extra sailings.\n\n"
    "About 300 passengers had been stranded, a spokeswoman for the port told reporters."
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    directory = tmp_path / "corpus"
    directory.mkdir()
    (directory / "alder.txt").write_text(TEXT, encoding="utf-8")
    return directory


def test_a_string_is_one_path_never_its_characters(corpus: Path) -> None:
    result = run(str(corpus))
    assert isinstance(result, RunResult)
    assert [a.path for a in result.articles] == [str(corpus / "alder.txt")]
    assert result.rejected == () and result.brief.rejected == ()
    assert len(result.brief.articles) == 1


def test_a_pathlike_and_a_list_give_the_same_articles(corpus: Path) -> None:
    by_path, by_list = run(corpus), run([str(corpus)])
    assert [a.id for a in by_path.articles] == [a.id for a in by_list.articles] == ["alder"]


def test_a_file_instead_of_a_directory_is_read(corpus: Path) -> None:
    result = run(corpus / "alder.txt")
    assert len(result.articles) == 1 and result.rejected == ()


def test_a_missing_path_is_rejected_and_the_run_goes_on(corpus: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere")
    result = run([corpus, missing])
    assert len(result.articles) == 1
    assert [r.path for r in result.rejected] == [missing]
    assert "not found" in result.rejected[0].reason
    assert result.brief.rejected == result.rejected


def test_the_filesystem_root_is_refused() -> None:
    with pytest.raises(ValueError, match="whole filesystem"):
        run("/")
    with pytest.raises(ValueError, match="whole filesystem"):
        run(["examples", Path("/")])


def test_system_folders_and_the_home_directory_are_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="system folder"):
        input_paths("/proc")
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(ValueError, match="whole filesystem"):
        input_paths(str(tmp_path))


def test_a_bytes_path_raises_type_error(corpus: Path) -> None:
    with pytest.raises(TypeError, match="not bytes"):
        run(os.fsencode(corpus))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not bytes"):
        run([os.fsencode(corpus)])  # type: ignore[list-item]


def test_a_non_path_raises_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        run(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not NoneType"):
        run([None])  # type: ignore[list-item]


def test_stdin_stays_a_dash() -> None:
    assert input_paths("-") == ["-"]


def test_a_path_that_cannot_be_looked_at_is_rejected_not_raised(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a folder the user may not enter, `is_dir` raises PermissionError (tests run as root,
    so the refusal is simulated): the input is the readers' to report, and the run goes on."""
    locked = tmp_path / "locked" / "inside.txt"
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = run([corpus, locked])
    assert len(result.articles) == 1
    assert [r.path for r in result.rejected] == [str(locked)]
