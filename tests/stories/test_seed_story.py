"""The five seed articles tell one story, alone or mixed with unrelated ones."""

from __future__ import annotations

from stories_helpers import seed_articles, stream_articles

from rashomon.config import StoriesConfig
from rashomon.stories import group_stories


def test_seeds_are_one_story_of_five() -> None:
    stories = group_stories(seed_articles(), StoriesConfig())
    assert len(stories) == 1
    assert sorted(stories[0].article_ids) == ["000", "001", "002", "003", "004"]


def test_seeds_stay_together_and_apart_in_a_mixed_stream() -> None:
    others, _ = stream_articles()
    stories = group_stories([*seed_articles(), *others], StoriesConfig())
    seed_story = [s for s in stories if "001" in s.article_ids]
    assert sorted(seed_story[0].article_ids) == ["000", "001", "002", "003", "004"]
