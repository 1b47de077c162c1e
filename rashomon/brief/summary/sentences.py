"""Which sentences of an article may enter a summary, and how they are lightly rewritten.

A summary sentence must be a statement of fact in the outlet's voice: not a photo caption, a
headline, a related-link line, a question, a quotation on its own or a first-person aside.
Cleaning removes most page furniture; these checks catch what survives at sentence level.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rashomon.clean.language import language_identifier
from rashomon.text.lexicon import MONTH_PREFIX_PATTERN, WEEKDAY_PATTERN

_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")
# "MOSCOW, Feb. 20 (Xinhua) --", "BEIJING (Reuters) -", "LONDON —": place in capitals, an optional
# date and agency, then a dash. The place must be upper case so that ordinary sentences survive.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’\- ]{2,}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?)"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-|:)\s+"
)
# Mixed-case datelines need an agency credit to be told from a sentence's subject:
# "Antananarivo, Madagascar (Reuters):", "Multan [Pakistan], Dec 21 (ANI):".
_AGENCY_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’\- ]{1,30}(?:\s*\[[^\]]{1,30}\])?(?:,\s*[\w.'’\- ]{1,30}){0,2}"
    r"\s*\((?:Reuters|AP|AFP|ANI|IANS|PTI|Xinhua|TASS|UNI|dpa|Sputnik|RIA Novosti|Bloomberg)\)"
    r"\s*(?::|--|—|–|-)\s+"
)
# A crawl artefact some pages start with; the clean stage uses it as the date, we drop it.
_CRAWL_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)
_LEADING_LINKER = re.compile(
    r"^(?:Meanwhile|Also|In addition|Additionally|Moreover|Furthermore|However|But|And|So)\s*,?\s+"
    r"|^It (?:is|was|has been) (?:being )?(?:reported|learned|understood)(?: today| on \w+)? that\s+",
)
# A sentence opening on a pronoun leans on the one before it ("He said ...", "It denied ..."):
# out of its article, the reader cannot tell who is meant.
_DANGLING = re.compile(r"^(?:He|She|It|They|This|These|Those|His|Her|Its|Their)\s+[a-z]")
# Trailing attributions to a generic source ("..., officials said Tuesday.") carry no fact of
# their own; named sources ("..., Russia's Foreign Ministry said") are kept because who claims
# a figure is part of the claim.
_GENERIC_ATTRIBUTION = re.compile(
    r",\s*(?:(?:local |the |state |government |security |hospital |police |military |news |"
    r"emergency |rescue |health )*(?:officials?|police|authorities|sources|reports?|media|"
    r"witnesses|agency|he|she|they|it|AFP|Reuters|AP|Xinhua|TASS|RIA Novosti)"
    r"(?: [a-z]+)?)\s+(?:said|says|reported|added|told reporters)"
    rf"(?:\s+(?:on\s+)?(?:{WEEKDAY_PATTERN}|today|yesterday))?"
    r"\s*(?P<end>[.!])$"
)
_CREDIT = re.compile(
    r"©|\(photo|photo:|file photo|/ ?flickr|getty images|\bAFP/|REUTERS/|\(Xinhua/|/Xinhua\)|"
    r"\bAP Photo\b|image copyright|image caption|\bcredit:",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:read more|more news|related|see also|latest news|click|subscribe|sign up|follow us|"
    r"share this|advertisement|watch:|listen:|updated:?|published:?)\b",
    re.IGNORECASE,
)
# Photo captions end on the date the picture was taken: "..., Germany, February 20, 2020.",
# "... in Damascus, capital of Syria, on Feb.20, 2018." News sentences seldom end on a full date.
_CAPTION_DATE = re.compile(rf",\s*(?:on\s+)?{MONTH_PREFIX_PATTERN}\.?\s*\d{{1,2}},\s*\d{{4}}\.?\s*$")
# English function words: a sentence with too few of them is likely not English (multilingual
# pages put other languages' paragraphs beside the English text); see `is_english`.
_ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "the an of in on to and for at by with from is was were are has have had be been that it its "
        "as said after will would",
    )
)


def is_english(text: str) -> bool:
    """Whether a sentence is English, from two weak signals: three or more distinct English
    function words say yes, fewer than two say no, and in between a language identifier must be
    confident to say no. Either signal alone misfires on short sentences (Dutch shares "in" and
    "was"; the identifier calls some Nigerian English pidgin)."""
    hits = len(_ENGLISH & {w.lower().strip(",.;:") for w in text.split()})
    if hits >= 3:
        return True
    if hits < 2:
        return False
    language, probability = language_identifier().classify(text)
    return bool(language == "en" or probability < 0.9)


# First and second person outside quotation marks: the outlet speaking about itself or to the reader.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|We|our|Our|us|my|My|me|you|You|your|Your)\b")
_QUOTED = re.compile(r"[\"“”]([^\"“”]*)[\"“”]")
_WORDS = re.compile(r"\S+")


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def quoted_share(text: str) -> float:
    """Share of characters inside quotation marks: near 1 for a bare quotation."""
    inside = sum(len(m.group(1)) + 2 for m in _QUOTED.finditer(text))
    opening = text.lstrip()[:1]
    if opening in '"“' and inside == 0:  # a quotation that runs on past this sentence
        return 1.0
    return inside / max(len(text), 1)


def _opens_on_quotation(text: str) -> bool:
    """A sentence whose first words are a quotation of four words or more is the speaker's
    sentence, not the outlet's ("'We will rebuild,' said the governor, who ...")."""
    if text[:1] not in '"“':
        return False
    match = _QUOTED.match(text)
    return match is None or word_count(match.group(1)) >= 4


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


# Remembered: copies of one wire story bring the same sentences to every story they are in, and
# the language test is the costly part.
@lru_cache(maxsize=16384)
def rejection(text: str, min_words: int = 8, max_words: int = 70, english: bool = True) -> str | None:
    """Why `text` cannot be a summary sentence, or None when it can.

    The reasons are named so that tests (and curious readers) can see which rule fired. With
    `english` False (a story with no English article) foreign sentences are not rejected, so such
    a story still gets a summary in its own language.
    """
    stripped = text.strip()
    words = word_count(stripped)
    if words < min_words:
        return "too short"
    if words > max_words:
        return "too long"
    if not _TERMINAL.search(stripped):
        return "no final punctuation (headline or caption)"
    if english and not is_english(stripped):
        return "not English"
    if _CREDIT.search(stripped) or _CAPTION_DATE.search(stripped):
        return "photo credit or caption"
    if _FURNITURE.search(stripped):
        return "page furniture"
    if stripped.rstrip("\"'”’ ").endswith("?"):
        return "question"
    if quoted_share(stripped) > 0.6 or _opens_on_quotation(stripped):
        return "quotation"
    if _DANGLING.search(stripped):
        return "opens on a pronoun"
    if _FIRST_PERSON.search(_outside_quotes(stripped)):
        return "first person"
    return None


@lru_cache(maxsize=16384)
def rewrite(text: str) -> str:
    """Light rewriting that keeps meaning: no dateline, no leading linker, no generic attribution."""
    result = _CRAWL_DATE.sub("", text.strip(), count=1)
    result = _AGENCY_DATELINE.sub("", result, count=1)
    result = _DATELINE.sub("", result, count=1)
    result = _LEADING_LINKER.sub("", result, count=1)
    shorter = _GENERIC_ATTRIBUTION.sub(lambda m: m.group("end"), result)
    if word_count(shorter) >= 8:
        result = shorter
    if result and result[0].islower():
        result = result[0].upper() + result[1:]
    return result
