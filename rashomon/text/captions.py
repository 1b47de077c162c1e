"""Photo captions, credits and link lines that cleaning may leave in a story's text.

Captions name dates and numbers of other days ("October 12, 2016"): claims, entities and the
timeline skip them.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CAPTION = re.compile(
    r"©|\(Photo|Photo:|/\s*File Photo|Getty Images|/\s*Flickr|\(CC BY|\bAFP/|\bAP Photo|"
    r"\((?:[A-Z][\w]+)/[A-Z][\w .]+\)\s*$|^(?:A general view|An? (?:aerial )?view)|"
    r"^(?:READ MORE|More news|Related)\s*:",
)
_CAPTION_SHOWS = re.compile(r"\b(?:shows|is seen|are seen|pictured|poses|looks on)\b")


@lru_cache(maxsize=16384)  # copies of a wire story repeat their sentences
def is_caption(text: str) -> bool:
    """A photo caption, credit or link line that the cleaner may have left in.

    Captions name dates and numbers of other days ("October 12, 2016") that are not claims or
    events of the story.
    """
    t = text.strip()
    if _CAPTION.search(t):
        return True
    return bool(_CAPTION_SHOWS.search(t) and not t.endswith(".") and re.search(r"\b\d{4}$", t))
