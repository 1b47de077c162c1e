"""Which of a page's titles is the article's headline, and where it came from.

A page names itself several times: `og:title` (and twitter/dc twins), `<h1>`, `<title>`. Each
can be junk on real pages: a navigation bar whose links ran together ("FinancialGovernment
SolutionsLegal..."), a channel bar ("直通屏山|福建|时评"), a calendar date ("Adar, 5, 5778"),
a crawl prefix left in front ("date 2018-02 Emergono ..."), the site's name around the
headline, or another article's title. `clean_title` normalises one candidate or rejects it;
`choose_title` takes the first candidate that survives and agrees with the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_CRAWL_PREFIX_RE = re.compile(r"^\s*date\s+\d{4}-\d{2}(-\d{2})?(T[\d:.+Z-]*)?\s+", re.IGNORECASE)
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ")
_BAR_RE = re.compile(r"\s*[|｜•·›»/]\s*")
# Words glued where links ran together (see `_glued_words`).
_GLUED_RE = re.compile(r"[a-zà-ÿ]{3}[A-ZÀ-Þ]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_MAX_CHARS = 300
_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|https?://|www\.")


@dataclass(slots=True, frozen=True)
class TitleCandidate:
    text: str | None
    source: str  # og:title | twitter:title | dc.title | headline | h1 | title | input | first line


def clean_title(text: str | None, sitename: str | None = None, host: str | None = None) -> str | None:
    """`text` as a headline: crawl prefix and site name cut, spaces collapsed; None when junk."""
    if not text:
        return None
    title = " ".join(_CRAWL_PREFIX_RE.sub("", text).split())
    title = strip_site_name(title, sitename, host)
    return None if is_junk_title(title) else title


def strip_site_name(title: str, sitename: str | None, host: str | None = None) -> str:
    """`title` without the site's name before or after a separator ("Headline | Site")."""
    names = {name.lower() for name in (sitename, host, _host_label(host)) if name}
    for separator in _SEPARATORS:
        head, sep, tail = title.rpartition(separator)
        if sep and head and (tail.lower() in names or _names_host(tail, host)):
            return head.strip()
        head, sep, tail = title.partition(separator)
        if sep and tail and (head.lower() in names or _names_host(head, host)):
            return tail.strip()
    return title


def is_junk_title(title: str) -> bool:
    """Too short or long, no letters, an address, a bar of links, glued link labels, or only a date."""
    if not title or len(title) > _MAX_CHARS:
        return True
    letters = len(_LETTER_RE.findall(title))
    if letters < 3 or letters < len(title.replace(" ", "")) / 2:
        return True  # "Adar, 5, 5778", "12.03.2018 | 14:05": a date or a code, no headline
    if _CONTACT_RE.search(title):
        return True  # a caption's credit or a contact line: "... /Name jhlee@example.com"
    items = [item for item in _BAR_RE.split(title) if item.strip()]
    if len(items) >= 4 and all(len(item) <= 12 for item in items):
        return True  # a channel or navigation bar
    glued = _glued_words(title)
    return glued >= 2 and 3 * glued >= len(title.split())


def choose_title(
    candidates: Sequence[TitleCandidate], body: str | None, sitename: str | None = None, host: str | None = None
) -> tuple[str | None, str]:
    """(title, source) of the first candidate that is no junk and shares a word with the body.

    A title sharing no word with the first part of the body belongs to another page (a
    listing's title, a stale og:title); it is kept only when no candidate agrees.
    """
    fallback: tuple[str | None, str] = (None, "none")
    for candidate in candidates:
        title = clean_title(candidate.text, sitename, host)
        if title is None:
            continue
        if body is None or agrees_with(title, body):
            return title, candidate.source
        if fallback[0] is None:
            fallback = (title, candidate.source)
    return fallback


def agrees_with(title: str, body: str, window: int = 3000) -> bool:
    """Whether the title shares a word of four letters or more (or, in Chinese and Japanese, two
    characters in a row) with the first `window` characters of the body."""
    head = body[:window].lower()
    if not head.strip():
        return True
    lowered = title.lower()
    if _UNSPACED_RE.search(lowered):
        pairs = {lowered[i : i + 2] for i in range(len(lowered) - 1) if _UNSPACED_RE.match(lowered[i])}
        return any(pair in head for pair in pairs)
    words = _WORD_RE.findall(lowered)
    return not words or any(word in head for word in words)


def _glued_words(title: str) -> int:
    """How many tokens hold words run together ("SolutionsLegal"): three lower-case letters, then
    a capital, which camel-cased names ("McDonald", "YouTube", "iPhone") do not have."""
    return sum(1 for token in title.split() if _GLUED_RE.search(token))


def _host_label(host: str | None) -> str | None:
    """`reuters` of `reuters.com`, `theguardian` of `www.theguardian.com`."""
    if not host:
        return None
    parts = [p for p in host.lower().split(".") if p not in ("www", "m")]
    return parts[0] if parts else None


def _names_host(text: str, host: str | None) -> bool:
    """`text` is the host's name spelled with spaces or capitals ("The Guardian" for theguardian.com)."""
    label = _host_label(host)
    squashed = re.sub(r"[\W_]+", "", text.lower())
    return bool(label) and len(squashed) >= 3 and (squashed == label or squashed == (label or "").replace("-", ""))
