"""Stories: online grouping of a stream of articles into the stories they tell."""

from rashomon.stories.blocks import group_stories
from rashomon.stories.grouper import StoryGrouper

__all__ = ["StoryGrouper", "group_stories"]
