"""Settings: defaults, TOML files that override some of them, errors that name the key, and the
TOML that `Config.to_toml` writes reading back to the same settings."""

from __future__ import annotations

import tomllib
from dataclasses import fields, is_dataclass, replace
from pathlib import Path

import pytest
from datasketch import MinHashLSH
from repo_paths import DEMO

from rashomon import pipeline
from rashomon.config import Config, ConfigError, ProvenanceConfig, load_config
from rashomon.provenance.minhash import band_shape, band_split, lsh_threshold
from rashomon.stories import group_stories


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_the_defaults() -> None:
    assert load_config(None) == Config()


def test_a_partial_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "[stories]\njoin_threshold = 0.3\nwindow_days = 3\n"
            '[ingest]\nskip_names = ["*.txt"]\n'
            "[brief.timeline]\nsame_day_overlap = 1\n",
        )
    )
    defaults = Config()
    assert config.stories == replace(defaults.stories, join_threshold=0.3, window_days=3)
    assert config.ingest.skip_names == ("*.txt",)
    assert config.brief.timeline.same_day_overlap == 1.0 and isinstance(config.brief.timeline.same_day_overlap, float)
    assert config.brief == replace(defaults.brief, timeline=config.brief.timeline)
    assert (config.clean, config.provenance) == (defaults.clean, defaults.provenance)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[storys]\njoin_threshold = 0.3\n", "'storys'"),
        ("[stories]\njoin_treshold = 0.3\n", "'stories.join_treshold'"),
        ('[stories]\njoin_threshold = "high"\n', "stories.join_threshold must be a number"),
        ("[stories]\nwindow_days = 2.5\n", "stories.window_days must be an integer"),
        ("[stories]\nwindow_days = true\n", "stories.window_days must be an integer"),
        ("[ingest]\nskip_names = [1]\n", "ingest.skip_names must be a list of strings"),
        ("stories = 3\n", "stories must be a table"),
        ("[brief]\ntimeline = 1\n", "brief.timeline must be a table"),
        ("[brief.timeline]\nweek_overlap = 0.1\n", "'brief.timeline.week_overlap'"),
        ("[stories\n", "not valid TOML"),
    ],
)
def test_bad_files_are_one_line_errors_naming_the_key(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, text))
    message = str(error.value)
    assert named in message and "\n" not in message
    assert message.startswith(str(tmp_path / "settings.toml"))


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    "config",
    [
        Config(),
        replace(
            Config(),
            stories=replace(Config().stories, join_threshold=0.99, encoder="none"),
            ingest=replace(Config().ingest, skip_names=('say "hi"', "é*")),
            brief=replace(Config().brief, summariser="lexrank"),
        ),
    ],
)
def test_to_toml_reads_back_to_the_same_config(tmp_path: Path, config: Config) -> None:
    text = config.to_toml()
    tomllib.loads(text)  # valid TOML
    assert Config.from_toml(write(tmp_path, text)) == config


def test_to_toml_gives_each_default_its_reason() -> None:
    text = Config().to_toml()
    lines = text.splitlines()
    assert "[brief.timeline]" in lines
    at = lines.index("join_threshold = 0.5")
    assert lines[at - 1].startswith("#") and "even odds" in text
    # every section and setting is present once, in the order of the dataclasses
    assert [line for line in lines if line.startswith("[")] == [f"[{name}]" for name in _sections(Config(), "")]


def _sections(section: object, prefix: str) -> list[str]:
    names = []
    for item in fields(section):  # type: ignore[arg-type]
        value = getattr(section, item.name)
        if is_dataclass(value):
            names += [prefix + item.name, *_sections(value, prefix + item.name + ".")]
    return names


def test_a_threshold_from_a_file_changes_the_stories(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "[stories]\njoin_threshold = 0.99\n"))
    raws, _ = pipeline.read_all([str(DEMO)], config)
    articles, _ = pipeline.clean_batch(raws, config)
    strict = group_stories(articles, config.stories)
    default = group_stories(articles, Config().stories)
    assert len(strict) > len(default)


def test_band_split_is_datasketchs_choice() -> None:
    """The LSH band shape computed here is the one datasketch's MinHashLSH picks (public `b`, `r`),
    for the default settings (18 bands of 7 rows) and others."""
    assert band_shape(ProvenanceConfig()) == (18, 7)
    for threshold, num_perm in [(0.6, 128), (0.3, 64), (0.75, 256), (0.5, 32)]:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert band_split(threshold, num_perm) == (lsh.b, lsh.r)
    config = ProvenanceConfig(duplicate_threshold=0.9, num_perm=200)
    lsh = MinHashLSH(threshold=lsh_threshold(config), num_perm=200)
    assert band_shape(config) == (lsh.b, lsh.r)
