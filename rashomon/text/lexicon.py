"""The word lists every stage shares: stop words, stemmers, month and weekday names.

Each list exists once, here. Where two stages need different lists on purpose, the lexicon keeps
one base list and a named extension with the reason, so the difference is visible in one place.
Names of things (countries, organisations) live in `aliases`; number words in `numbers`.
The TF-IDF summary encoder uses scikit-learn's `ENGLISH_STOP_WORDS`, a published list we do not copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Function words: articles, pronouns, auxiliaries and prepositions. What two statements share
# beyond these is their content (quotes, timeline, `statements.content_words`).
STOP_WORDS: frozenset[str] = frozenset(
    re.findall(
        r"\S+",
        """
    the a an and or of to in on at for with by from that this these those is are was were be been
    being have has had it its they them their we our you your he she his her not no as but if so
    which who whom what there here do does did will would can could may might shall should into
    than then also over about after before all any some such only own
    """,
    )
)

# Similarity indexes (sentence reuse, story terms, translation names) also drop quantifiers,
# the remaining pronouns and adverbs: they are frequent enough to make unrelated sentences look
# alike. "us" is among them; the country "US" is kept by `spin.content_tokens`. Quotes and the
# timeline were tuned with the base list, which keeps "more", "most" and "during" as content.
INDEX_STOP_WORDS: frozenset[str] = STOP_WORDS | frozenset(
    re.findall(
        r"\S+",
        """
    again against between both down during each few further having hers him how i it's just many
    me mine more most much must my nor off once onto other ours out s same since t through under up
    us very when where while whose why yours
    """,
    )
)

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# German wires write "7. März": the German claims reader must not take the day for a figure.
GERMAN_MONTHS: tuple[str, ...] = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# "jan" -> "january", ..., "sept" -> "september" ("may" is its own abbreviation and not listed).
MONTH_ABBREVIATIONS: dict[str, str] = {m[:3]: m for m in MONTHS if m != "may"} | {"sept": "september"}
# Full names and abbreviations -> 1..12.
MONTH_NUMBERS: dict[str, int] = {m: i for i, m in enumerate(MONTHS, 1)} | {
    a: MONTHS.index(m) + 1 for a, m in MONTH_ABBREVIATIONS.items()
}

# Regex fragments (no groups, no trailing dot: "Feb." is `{MONTH_PATTERN}\.?`).
# A month as news writes it: "Feb", "February", "Sept", "September" (and the typo "Sepember",
# which the devstream has).
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A month's first three letters and any letters after: also "Juli", "Februar", "Sept". Only for
# places where a day number must follow (datelines, printed timestamps, caption dates), so
# "Mayor" or "Marching" cannot pass for a date.
MONTH_PREFIX_PATTERN = "(?:" + "|".join(m[:3].capitalize() for m in MONTHS) + ")[a-z]*"
WEEKDAY_PATTERN = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
# "Mon", "Tue.", "Thursday": the weekday that printed timestamps start with.
WEEKDAY_PREFIX_PATTERN = "(?:" + "|".join(d[:3].capitalize() for d in WEEKDAYS) + ")[a-z]*"


def month_number(name: str) -> int | None:
    """1..12 for a month name or abbreviation in any case, read by its first three letters."""
    return MONTH_NUMBERS.get(name[:3].lower())


def plural_stem(word: str, shortest: int = 3) -> str:
    """A lower-case noun without its plural ending: "strikes" -> "strike", "casualties" -> "casualty".

    Words of `shortest` letters or fewer are left alone ("bus", "gas"), as are "-ss" words
    ("press"). Story terms use 3; statements use 4, so that "says" and "news" stay whole in quotes.
    """
    if len(word) > max(shortest, 4) and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > shortest and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A deliberately crude English stemmer: plural and tense endings only.

    Enough to let "killed"/"kill" and "bombers"/"bomber" meet, without a dependency on nltk
    data; over-stemming ("strikes" -> "strik") is harmless where only similarity is computed
    from it (the summary's TF-IDF), which is why story terms use `plural_stem` instead.
    """
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + keep
    return word
