"""Line decisions that depend on a line's neighbours: repeated headlines, menus, related headlines.

A short title-case line inside an article is a subheading as often as it is a link to another
article, and a run of short lines is an ingredient list or a fact box as often as a menu. On
trafilatura's evaluation pages (bench/bench_extraction.py) dropping them on their shape alone lost
more gold text than it removed noise. What tells them apart is where they stand: links and menus
sit before the story starts, after it ends, or under a "Read more" marker; a subheading is
followed by the story it heads, and a list sits between paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rashomon.clean.lines import is_story_line, is_title_case, is_ui_fragment, looks_like_headline

_LIST_ITEM_PREFIXES = ("- ", "* ", "• ", "|")
# "Label: value" with a one- or two-word label and a short value: a line of a fact box or a
# product sheet ("Kreole: Stella Hoops", "Verdicker/Basisöl: Li-Seifen/Mineralöl"), not a link.
_FACT_RE = re.compile(r"^[^\s:]+(?: [^\s:]+)?: (?:\S+ ?){1,5}$")
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Shapes a headline does not take: a second sentence inside the line ("Ein Land in Stichworten.
# Brandenburgische ..."), an attribution under a quote or an embedded post ("— Name (@handle) ..."),
# or a citation that strings three or more parts together with commas (a book's publisher,
# edition, pages and ISBN).
_INNER_SENTENCE_RE = re.compile(r"\w{3,}[.!?] [A-ZÀ-Ý]")
_ATTRIBUTION_DASH = ("— ", "– ", "― ")


def reads_like_text(line: str) -> bool:
    """A title-case line without final punctuation that is still no headline (see above)."""
    return line.startswith(_ATTRIBUTION_DASH) or line.count(", ") >= 2 or _INNER_SENTENCE_RE.search(line) is not None


def list_under_intro(lines: Sequence[str], reasons: Sequence[str | None]) -> list[bool]:
    """For each line, whether it is an item of a list that a kept line ending in ":" introduces
    ("Empfehlungen von Dennis:" then "- Niedlicher Roboter-Spielkamerad: Anki Cozmo")."""
    under = [False] * len(lines)
    intro = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if line.startswith(_LIST_ITEM_PREFIXES[:3]):
            under[i] = intro
            continue
        intro = reasons[i] is None and line.rstrip().endswith(":")
    return under


def story_after(lines: Sequence[str], reasons: Sequence[str | None]) -> list[bool]:
    """For each line, whether a kept story line (`is_story_line`) comes after it."""
    after = [False] * len(lines)
    seen = False
    for i in range(len(lines) - 1, -1, -1):
        after[i] = seen
        if lines[i] and reasons[i] is None and is_story_line(lines[i]):
            seen = True
    return after


def story_before(lines: Sequence[str], reasons: Sequence[str | None]) -> list[bool]:
    """For each line, whether a kept story line comes before it."""
    before = [False] * len(lines)
    seen = False
    for i, line in enumerate(lines):
        before[i] = seen
        if line and reasons[i] is None and is_story_line(line):
            seen = True
    return before


def continues(previous: str, line: str) -> bool:
    """`line` carries on the sentence of `previous` (a hard-wrapped paragraph): no end, then lower case."""
    if not previous or not line:
        return False
    return not previous.rstrip().endswith((".", "!", "?", ":", ";", "。")) and line[0].islower()


def mark_repeated_headlines(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A headline-like line that occurs twice: a sticky title or a related link shown twice.

    A full paragraph printed twice keeps its first copy ("repeated line"). Inside the story
    only title-case lines count (or, in scripts without case, any such line):
    a chorus, a recipe's "show picture", a dance's steps or a line of code come back twice as
    the story's own text. List items and table rows are exempt.
    """
    counts = Counter(
        line.lower() for line, reason in zip(lines, reasons, strict=False) if line and reason is None
    )
    before, after = story_before(lines, reasons), story_after(lines, reasons)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = line.lower()
        if line and reasons[i] is None and counts[key] >= 2 and key in seen and is_story_line(line):
            reasons[i] = "repeated line"  # a paragraph printed twice: the first copy stays
            continue
        seen.add(key)
        if (
            line
            and reasons[i] is None
            and counts[line.lower()] >= 2
            and not line.startswith(_LIST_ITEM_PREFIXES)
            and looks_like_headline(line)
            and (is_title_case(line) or _UNSPACED_RE.search(line) or not (before[i] and after[i]))
        ):
            reasons[i] = "repeated headline"


def mark_menus(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Three or more UI fragments in a row (no blank line between), before or after the story.

    A run with story lines on both sides is a list of the story (ingredients, a fact box), and
    so is a run of items with figures in them ("200 g Zucker", "Ottostraße 14").
    """
    before, after = story_before(lines, reasons), story_after(lines, reasons)
    i = 0
    while i < len(lines):
        j = i
        while (
            j < len(lines)
            and lines[j]
            and reasons[j] is None
            and is_ui_fragment(lines[j])
            and not lines[j].startswith("|")
        ):
            j += 1
        run = range(i, j)
        figures = sum(1 for k in run if any(ch.isdigit() for ch in lines[k]))
        if j - i >= 3 and not (before[i] and after[j - 1]) and 2 * figures < j - i:
            for k in run:
                reasons[k] = "menu"
        i = max(j, i + 1)


def mark_related_headlines(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Title-case lines without final punctuation that link to other articles.

    Such a line counts as a related headline only after the story has ended (no story line
    after it) or in a run under a "related link" marker ("Read more:"); a line followed by
    the story it heads, or continued by its next line, is the story's own, and so is an item
    of a list the story introduces with a colon, or a line shaped like text (`reads_like_text`).
    """
    after, listed = story_after(lines, reasons), list_under_intro(lines, reasons)
    under_marker = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if reasons[i] == "related link":
            under_marker = True
            continue
        candidate = (
            reasons[i] is None
            and not line.startswith("|")
            and not _FACT_RE.match(line)
            and looks_like_headline(line, max_words=16)
            and is_title_case(line)
            and not listed[i]
            and not reads_like_text(line)
        )
        following = next((lines[k] for k in range(i + 1, len(lines)) if lines[k]), "")
        if candidate and (under_marker or not after[i]) and not continues(line, following):
            reasons[i] = "related headline"
        elif reasons[i] is None and not candidate:
            under_marker = False
