"""bench/oracle_stories.py: its candidates really replace the link step's, and on the dev stream
(when ../shared is here) the bounds it reports hold their order: wider gold-decided links never
lose recall, and gold links never cost much precision."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest
from repo_paths import DEVSTREAM, ROOT

sys.path.insert(0, str(ROOT))
from bench.oracle_stories import main, unanchored, without_intruders  # noqa: E402
from rashomon.records import Story  # noqa: E402
from rashomon.stories import grouper, links  # noqa: E402
from rashomon.stories.evidence import StoryEvidence  # noqa: E402
from rashomon.stories.state import StoryState, StoryTable  # noqa: E402


def _story(language: str, vector: list[float]) -> StoryState:
    evidence = StoryEvidence.empty(2)
    evidence.vector_sum = np.array(vector, dtype=np.float32)
    evidence.members = [np.array(vector, dtype=np.float32)]
    evidence.languages = {language}
    evidence.size = 1
    return StoryState(f"story-{language}", [f"a-{language}"], "", evidence)


def test_the_patched_name_is_the_one_the_grouper_calls() -> None:
    assert grouper.link_candidates is links.link_candidates


def test_unanchored_candidates_skip_only_empty_stories_and_shared_languages() -> None:
    table = StoryTable()
    for story in (_story("en", [1.0, 0.0]), _story("ja", [0.9, 0.1]), _story("en", [0.8, 0.2])):
        table.append(story)
    table[2].article_ids.clear()  # linked away
    near = [(1, 0.9), (2, 0.8)]
    english = table[0].evidence
    # no day, no figure in common: the link step's own candidates refuse them all
    assert links.link_candidates(english, near, table, 4) == []
    assert [i for i, _ in unanchored(False)(english, near, table, 4)] == [1]
    assert [i for i, _ in unanchored(True)(english, [(0, 1.0), *near], table, 4)] == [0, 1]


def test_intruders_leave_their_story_alone_or_all_minorities() -> None:
    gold = {"a": "quake", "b": "quake", "c": "quake", "d": "digest", "e": "aftershock", "f": "aftershock"}
    stories = [Story("s1", ("a", "b", "d", "c", "e", "f")), Story("s2", ("x",))]
    gold["x"] = "other"
    lone = without_intruders(stories, gold, lone_only=True)
    assert [s.article_ids for s in lone] == [("a", "b", "c", "e", "f"), ("d",), ("x",)]
    every = without_intruders(stories, gold, lone_only=False)
    assert [s.article_ids for s in every] == [("a", "b", "c"), ("d",), ("e",), ("f",), ("x",)]


@pytest.mark.skipif(not (DEVSTREAM / "stream.jsonl").exists(), reason="../shared/devstream is not here")
def test_bounds_on_the_dev_stream(tmp_path) -> None:
    out = tmp_path / "oracle.json"
    assert main([str(DEVSTREAM / "stream.jsonl"), "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    for name in ("dated", "undated"):
        recall = [report[f"{name} {mode}"]["recall"] for mode in ("no links", "gold links", "gold links, any anchor")]
        assert recall == sorted(recall)
        assert report[f"{name} gold links, any language"]["recall"] > report[f"{name} shipped"]["recall"] + 0.1
        shipped = report[f"{name} shipped"]["precision"]
        modes = ("lone intruders", "every minority")
        ejected = [report[f"{name} shipped, gold ejects {m}"]["precision"] for m in modes]
        assert shipped < ejected[0] < ejected[1] == 1.0
        assert all(
            report[f"{name} {mode}"]["precision"] > shipped - 0.03
            for mode in ("gold links", "gold links, any language")
        )
