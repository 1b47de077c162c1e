"""What one line looks like: words, headline shape, sentence shape. Shared by the line rules
(`boilerplate.py`) and the decisions that look at a line's neighbours (`neighbours.py`)."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD_RE = re.compile(r"[^\W_][\w'.&+-]*")
# Scripts written without spaces: every character counts as a word when measuring story length.
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u1000-\u109f]")
_FINAL_PUNCT = (".", "!", "?", '"', "'", ":", ";", ")", "…", "。", "！", "？", "」")
_SENTENCE_END = (".", "!", "?", '"', "'", ".)", "…", "。", "！", "？", "」", "”", "»")
# A story line: this many words and a sentence end, or this many words whatever its end.
STORY_LINE_WORDS = 6
LONG_LINE_WORDS = 20


def words_of(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def story_words(text: str) -> int:
    """Words of a text in any script (Chinese, Japanese, Thai: one per character)."""
    unspaced = _UNSPACED_RE.findall(text)
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED_RE.sub(" ", text).split()) + len(unspaced)


def looks_like_headline(line: str, max_words: int = 25) -> bool:
    """Short, no sentence-final punctuation (a `?` is allowed: headlines ask questions)."""
    stripped = line.rstrip()
    if not (stripped.endswith("?") or not stripped.endswith(_FINAL_PUNCT)):
        return False  # most story lines end here, before the words are counted
    if stripped.count(" ") > 3 * max_words:
        return False
    words = words_of(stripped)
    return bool(words) and len(words) <= max_words


def is_title_case(line: str) -> bool:
    """Most long words capitalised: how related-link headlines look inside a body."""
    long_words = [w for w in words_of(line) if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 3:
        return False
    return sum(1 for w in long_words if w[0].isupper()) >= 0.7 * len(long_words)


def is_ui_fragment(line: str) -> bool:
    """One to three words and no punctuation: a button, a menu item, a form label."""
    return line.count(" ") <= 5 and len(words_of(line)) <= 3 and looks_like_headline(line)


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


@lru_cache(maxsize=1 << 14)
def is_story_line(line: str) -> bool:
    """A line that reads as running text: a sentence of some length, or a long line.

    Scripts without spaces count a character as a word, so a Japanese sentence qualifies too.
    Cached (bounded): the neighbour rules ask about every line several times.
    """
    words = story_words(line)
    return words >= LONG_LINE_WORDS or (words >= STORY_LINE_WORDS and ends_sentence(line))
