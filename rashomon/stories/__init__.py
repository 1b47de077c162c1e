"""Stories: online grouping of a stream of articles into the stories they tell."""

from rashomon.stories.grouper import StoryGrouper, group_stories

__all__ = ["StoryGrouper", "group_stories"]
