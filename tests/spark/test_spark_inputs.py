"""Input listing and id replay of the Spark runner, checked against `read_inputs` itself."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from rashomon.config import IngestConfig  # noqa: E402
from rashomon.ingest import read_inputs  # noqa: E402
from rashomon.records import RawArticle, Rejected  # noqa: E402
from rashomon.spark import inputs  # noqa: E402
from rashomon.spark.inputs import list_input_files, read_files, unique_ids  # noqa: E402

TEXT = "The council of Brellin met on Monday to discuss the repair of the old harbour wall.\n"


def _tree(root: Path) -> None:
    for folder in ("b", "a", "a/deep", ".hidden"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "index.txt").write_text(TEXT, encoding="utf-8")
    (root / "a" / "README.md").write_text("not an article", encoding="utf-8")


def test_listing_and_ids_follow_read_inputs(tmp_path: Path) -> None:
    _tree(tmp_path)
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    local = list(read_inputs(paths, IngestConfig()))
    files, rejected = list_input_files(paths, IngestConfig())
    items = [(pos, item) for pos, item in read_files(enumerate(files), IngestConfig())]
    renamed = unique_ids((pos, item.id) for pos, item in items if isinstance(item, RawArticle))
    spark_ids = [renamed.get(pos, item.id) for pos, item in items if isinstance(item, RawArticle)]
    assert spark_ids == [item.id for item in local if isinstance(item, RawArticle)]
    assert spark_ids == ["index", "index-2", "index-3"]
    local_rejects = sorted((item.path, item.reason) for item in local if isinstance(item, Rejected))
    spark_rejects = [*rejected, *(i for _, i in items if isinstance(i, Rejected))]
    assert sorted((r.path, r.reason) for r in spark_rejects) == local_rejects
    assert len(local_rejects) == 3  # hidden and README.md skipped, missing.txt not found


def test_unique_ids_replays_in_input_order() -> None:
    assert unique_ids([((1, 0), "x"), ((0, 0), "x"), ((0, 1), "x-2"), ((2, 0), "y")]) == {(1, 0): "x-3"}


def test_stdin_is_refused() -> None:
    with pytest.raises(ValueError, match="stdin"):
        list_input_files(["-"], IngestConfig())


def test_a_reader_crash_becomes_a_rejection(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")

    def exploding(paths: Sequence[str], config: IngestConfig) -> Iterator[RawArticle | Rejected]:
        if paths[0].endswith("bad.txt"):
            raise RuntimeError("parser bug\nwith a traceback")
        yield from read_inputs(paths, config)

    monkeypatch.setattr("rashomon.ingest.read_inputs", exploding)
    items = list(read_files(enumerate([str(tmp_path / "bad.txt"), str(good)]), IngestConfig()))
    assert items[0][1] == Rejected(str(tmp_path / "bad.txt"), "unreadable: RuntimeError: parser bug")
    assert isinstance(items[1][1], RawArticle)
    assert inputs.Position  # the module's public alias used by the runner


def test_relative_paths_are_read_from_the_drivers_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An executor on a cluster runs in its own directory: a relative input is read from the
    driver's directory (`base`) and still reported as given."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "harbour.txt").write_text(TEXT, encoding="utf-8")
    elsewhere = tmp_path / "executor"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    items = list(read_files(enumerate(["news/harbour.txt", "news/missing.txt"]), IngestConfig(), str(tmp_path)))
    assert isinstance(items[0][1], RawArticle) and items[0][1].path == "news/harbour.txt"
    assert isinstance(items[1][1], Rejected) and items[1][1].path == "news/missing.txt"
