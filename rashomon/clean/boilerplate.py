"""Which lines of an article are not its story: a rule-based line classifier plus repetition.

Extractors (trafilatura included) and crawls leave captions, credits, "READ MORE" links,
share widgets, donation appeals and cookie notices among the paragraphs. Each rule below names
one kind of noise seen in real pages; a line is dropped only when a rule names it, so an
unfamiliar story sentence is kept (losing a sentence of the story is worse than keeping a menu
line, which later stages ignore because it is no sentence). Appeal and menu lines are judged in
runs: one line with "support" and "our" is kept, a block of them is an appeal and goes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rashomon.clean.unicode import normalise_text
from rashomon.records import RawArticle

_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f0-9][\w'.&+-]*")
_FINAL_PUNCT = (".", "!", "?", '"', "'", ":", ";", ")", "…")

_CREDIT_RES = [
    re.compile(r"^(©|\(c\)\s|copyright\b)", re.IGNORECASE),
    re.compile(
        r"^(photo|photos|photograph|image|picture|credit|source|foto|video)s?\s*(:|by\b|credit\b)", re.I
    ),
    re.compile(r"\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3} ?/ ?[^()/]{2,60}\)\s*$"),  # (Xinhua/Name)
    re.compile(
        r"\s/\s?(Flickr|Getty Images|AFP|Reuters|AP|Shutterstock|Wikimedia( Commons)?|Unsplash|EPA|TASS|"
        r"Sputnik|Pixabay|Alamy|Bloomberg|iStock)\b"
    ),  # fmt: skip
    re.compile(r"\(CC[ -]?(BY|0)[^)]*\)"),
    re.compile(r"^(REUTERS|AFP|AP|EPA|TASS|Getty Images|AP Photo)\s?/", re.IGNORECASE),
    re.compile(r"\b(File Photo|Getty Images|Shutterstock|AP Photo|AFP Photo)\b"),
]
_RELATED_RE = re.compile(
    r"^(read more|read also|also read|more news|more stories|more from|related( articles| stories| news)?|"
    r"see also|recommended( for you)?|you may also like|further reading|latest news|top stories|most read|"
    r"most popular|trending( now)?|editor'?s picks?|watch|listen|click here|continue reading|advertisement|"
    r"sponsored( content)?|story continues below|skip to (main )?content|loading)\b\s*(:|-|–|—|\.\.\.|$)",
    re.IGNORECASE,
)
_FOOTER_RE = re.compile(
    r"(all rights reserved|terms of (use|service)|privacy policy|terms and conditions|cookie policy|"
    r"reproduction (is )?(prohibited|forbidden)|javascript (is )?(disabled|required))",
    re.IGNORECASE,
)
_COOKIE_RE = re.compile(r"\bcookies?\b.*\b(use|uses|using|accept|consent|policy|settings|experience|browsing|"
                        r"site|website|agree)\b", re.IGNORECASE)  # fmt: skip
_WIDGET_STRONG = {
    "comment", "comments", "print", "share", "shares", "tweet", "facebook", "twitter", "whatsapp", "email",
    "e-mail", "linkedin", "telegram", "pinterest", "reddit", "bookmark", "flipboard", "messenger", "adjust",
}  # fmt: skip
_WIDGET_WEAK = {
    "this", "article", "story", "page", "on", "via", "follow", "us", "copy", "link", "save", "font", "size",
    "text", "a", "a+", "a-", "x", "mail", "reply", "like", "vk", "the", "to", "and", "or", "url", "more",
}  # fmt: skip
_STRONG_APPEAL_RE = re.compile(
    r"(\bnewsletter\b|\bsubscribe\b|\bsign up\b|\bdonat(e|ion)\b|\bsupport us\b|\bad-free\b|"
    r"\bremind me\b|\bnot ready to\b|^a message from\b|^dear (readers?|subscribers?|friends)\b|"
    r"\bbecome a (member|subscriber|patron|supporter)\b|\bsupport (independent|our) journalism\b|"
    r"\bpaywall\b|\bpaiment|\bpayment methods?\b)",
    re.IGNORECASE,
)
_APPEAL_WORDS_RE = re.compile(
    r"\b(support|supporting|donat\w*|contribut\w*|subscri\w*|membership|member|newsletter|ads|journalism|"
    r"journalists|readers?|your help|help us|monthly|annual|our work|our staff|independent|"
    r"reading experience)\b",
    re.IGNORECASE,
)
_ADDRESS_RE = re.compile(r"\b(you|your|we|our|us)\b", re.IGNORECASE)
_ATTRIBUTION_RE = re.compile(r"\b(said|says|told|added|according to|stated|announced|wrote)\b", re.IGNORECASE)
_MENU_SEPARATORS_RE = re.compile(r"\s[|•·›»/]\s")


def words_of(line: str) -> list[str]:
    return _WORD_RE.findall(line)


def looks_like_headline(line: str, max_words: int = 25) -> bool:
    """Short, no sentence-final punctuation (a `?` is allowed: headlines ask questions)."""
    stripped = line.rstrip()
    words = words_of(stripped)
    if not words or len(words) > max_words:
        return False
    return stripped.endswith("?") or not stripped.endswith(_FINAL_PUNCT)


def is_title_case(line: str) -> bool:
    """Most long words capitalised: how related-link headlines look inside a body."""
    long_words = [w for w in words_of(line) if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 3:
        return False
    return sum(1 for w in long_words if w[0].isupper()) >= 0.7 * len(long_words)


def line_rule(line: str) -> str | None:
    """The kind of noise one line is on its own, or None when no rule says it is noise."""
    if not any(ch.isalnum() for ch in line):
        return "symbol"
    words = words_of(line)
    if any(rule.search(line) for rule in _CREDIT_RES) and (len(words) <= 40 or line.rstrip().endswith(")")):
        return "photo credit"
    if _RELATED_RE.match(line) and len(words) <= 25:
        return "related link"
    if _is_widget(words):
        return "share widget"
    if _COOKIE_RE.search(line) and len(words) <= 60:
        return "cookie notice"
    if _FOOTER_RE.search(line) and len(words) <= 30:
        return "footer"
    if (
        _MENU_SEPARATORS_RE.search(line)
        and len(_MENU_SEPARATORS_RE.findall(line)) >= 2
        and _short_items(line)
    ):
        return "menu"
    if _STRONG_APPEAL_RE.search(line) and not _ATTRIBUTION_RE.search(line):
        return "appeal"
    return None


def is_weak_appeal(line: str) -> bool:
    """A line that speaks to the reader about support or reading: noise only among others like it."""
    return bool(
        _APPEAL_WORDS_RE.search(line) and _ADDRESS_RE.search(line) and not _ATTRIBUTION_RE.search(line)
    )


def is_ui_fragment(line: str) -> bool:
    """One to three words and no punctuation: a button, a menu item, a form label."""
    return len(words_of(line)) <= 3 and looks_like_headline(line)


def _is_widget(words: Sequence[str]) -> bool:
    lowered = [w.lower().strip(".") for w in words if w.strip("()0123456789") != ""]
    if not lowered or len(lowered) > 8:
        return False
    strong = sum(1 for w in lowered if w in _WIDGET_STRONG)
    return strong >= 1 and all(w in _WIDGET_STRONG or w in _WIDGET_WEAK or w.isdigit() for w in lowered)


def _short_items(line: str) -> bool:
    items = [item for item in re.split(r"[|•·›»/]", line) if item.strip()]
    return all(len(words_of(item)) <= 4 for item in items)


def classify(lines: Sequence[str]) -> list[str | None]:
    """A reason for each line that is noise (None for story lines); blank lines are never noise.

    Beyond the one-line rules: a caption is the line next to a photo credit in the same block
    (no blank line between) when it does not end like a sentence; a run of lines that are all
    appeals, UI fragments or blank, with at least two real appeals, is an appeal block; a
    headline-like line that occurs twice is a repeated headline (related links, sticky titles).
    """
    reasons: list[str | None] = [line_rule(line) if line else None for line in lines]
    _mark_captions(lines, reasons)
    _mark_appeal_blocks(lines, reasons)
    _mark_repeated_headlines(lines, reasons)
    _mark_menus(lines, reasons)
    return reasons


def _mark_captions(lines: Sequence[str], reasons: list[str | None]) -> None:
    for i, reason in enumerate(reasons):
        if reason != "photo credit":
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and lines[j] and reasons[j] is None and not _ends_sentence(lines[j]):
                reasons[j] = "photo caption"


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", '"', "'", ".)", "…"))


def _mark_appeal_blocks(lines: Sequence[str], reasons: list[str | None]) -> None:
    i = 0
    while i < len(lines):
        j, appeals, members = i, 0, []
        while j < len(lines):
            line, reason = lines[j], reasons[j]
            if not line:
                j += 1
                continue
            if reason == "appeal" or (reason is None and is_weak_appeal(line)):
                appeals += 1
            elif not (reason is not None or is_ui_fragment(line)):
                break
            members.append(j)
            j += 1
        if appeals >= 2:
            for k in members:
                if reasons[k] is None:
                    reasons[k] = "appeal"
        i = max(j, i + 1)


def _mark_repeated_headlines(lines: Sequence[str], reasons: list[str | None]) -> None:
    counts = Counter(
        line.lower() for line, reason in zip(lines, reasons, strict=False) if line and reason is None
    )
    for i, line in enumerate(lines):
        if line and reasons[i] is None and counts[line.lower()] >= 2 and looks_like_headline(line):
            reasons[i] = "repeated headline"


def _mark_menus(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Three or more UI fragments in a row (no blank line between): a menu or a form."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j] and reasons[j] is None and is_ui_fragment(lines[j]):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                reasons[k] = "menu"
        i = max(j, i + 1)


def boilerplate_key(source: str | None, line: str) -> str:
    """How a learned boilerplate line is stored: scoped to its source (`source\\tline`)."""
    return f"{(source or '').lower()}\t{' '.join(line.lower().split())}"


def learn_repeated_lines(
    articles: Iterable[tuple[str | None, str]], min_articles: int, max_words: int = 30
) -> frozenset[str]:
    """Lines that recur in at least `min_articles` articles of one source.

    Only sources that are known count: grouping unknown sources together would make a sentence
    that several outlets copied from one wire look like boilerplate. Long lines (a background
    paragraph an agency repeats in every story) are story text, so only lines up to `max_words`
    words are learned.
    """
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for source, text in articles:
        if not source:
            continue
        keys = {
            boilerplate_key(source, line)
            for line in normalise_text(text).split("\n")
            if line and len(words_of(line)) <= max_words
        }
        seen[source.lower()].update(keys)
    return frozenset(key for counter in seen.values() for key, n in counter.items() if n >= min_articles)


def raw_lines_by_source(raws: Sequence[RawArticle]) -> list[tuple[str | None, str]]:
    return [(raw.source, raw.text) for raw in raws if raw.text]
