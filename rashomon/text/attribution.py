"""Who says what in a sentence: "according to X", "X said", "said X", "slammed by X as".

Shared by claims (the claimant of a figure) and quotes (the speaker of a quotation). Without a
dependency parser the speaker is read off the words next to a speech verb: walking away from the
verb we keep capitalised words, determiners and a closed list of role nouns ("spokeswoman",
"ministry", "statement", "secretary"), and stop at anything else. This finds "Foreign Ministry
spokeswoman Maria Zakharova stated" and "the USA defense secretary said" and refuses to turn
"the airstrike was" into a speaker.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from rashomon.text.lexicon import WEEKDAY_PATTERN
from rashomon.text.speaker_patterns import (
    APPOSITIVE,
    LOWERCASE_BODY,
    OPEN_APPOSITIVE,
    PUT_AT,
    QUANTIFIER_END,
    QUANTIFIER_GROUP,
    ROLE_THEN_NAME,
    ROLE_WHO,
)
from rashomon.text.speech_words import NOT_SPEAKERS, PRONOUNS, ROLE_WORDS, SPEECH_VERBS
from rashomon.text.tense import IRREGULAR_PAST as _IRREGULAR_PAST

_VERB_RX = re.compile(rf"\b(?:has |have |had )?(?:{SPEECH_VERBS})\b")


@dataclass(slots=True, frozen=True)
class SpeechAct:
    """A speaker named in a sentence and where its verb is (character offsets)."""

    speaker: str
    verb_start: int
    verb_end: int
    kind: str  # according | verb | inverted | passive | reports


_TOKEN = re.compile(r"[\w.'’-]+|[,;:()\"“”]")


def _tokens_back(text: str) -> str:
    """The speaker phrase that ends `text` (text up to a speech verb), or ""."""
    words = _TOKEN.findall(text, max(0, len(text) - _PHRASE_REACH))
    kept: list[str] = []
    while words and (
        words[-1].lower()
        in ("earlier", "also", "later", "previously", "has", "have", "had", "then", "further", "again", "once")
        or (words[-1].endswith("ly") and words[-1].islower())
    ):
        words.pop()
    for word in reversed(words):
        low = word.lower()
        bare = re.sub(r"['’]s$", "", low)
        if word[0].isupper() or low in ROLE_WORDS or bare in ROLE_WORDS or (low in PRONOUNS and not kept):
            kept.append(word)
            if low in PRONOUNS:
                break
            continue
        break
    while kept and kept[-1].lower() in ("and", "of", "for", "'s", "’s"):
        kept.pop()
    return " ".join(reversed(kept))


def _tokens_forward(text: str) -> str:
    """The speaker phrase that starts `text` (text after an inverted verb: "said the ministry").

    Tokens are read lazily: the phrase ends at the first other word, so the cost does not grow
    with what follows it."""
    kept: list[str] = []
    for token in _TOKEN.finditer(text):
        word = token.group(0)
        if not re.fullmatch(r"(?:[A-Za-z]\.)+", word):
            word = word.rstrip(".")  # "said the source." ends the sentence; "U.S." keeps its dots
        low = word.lower()
        if word and (word[0].isupper() or low in ROLE_WORDS):
            kept.append(word)
            continue
        break
    while kept and kept[-1].lower() in ("and", "of", "for", "the", "a"):
        kept.pop()
    return " ".join(kept)


def clean_speaker(who: str) -> str:
    """A speaker phrase without its leading determiner and trailing date words."""
    w = re.sub(r"\s+'s\b", "'s", who.strip(" ,.;:"))
    w = re.sub(r"^(?:[Tt]he|[Aa]n?|[Ii]ts)\s+", "", w)
    w = re.sub(rf"\s+(?:on|last|this)?\s*{WEEKDAY_PATTERN}$", "", w)
    w = re.sub(r"^(?:On|In|At|Earlier|Later|Meanwhile|But|And|However|While|As|When|After|Now)\s+", "", w)
    return w.strip()


def _valid(who: str) -> bool:
    low = who.lower()
    if not who or low in NOT_SPEAKERS:
        return False
    if low in PRONOUNS:
        return True
    return any(ch.isupper() for ch in who) or any(
        w in ROLE_WORDS - {"the", "a", "an", "of", "and", "its"} for w in low.split()
    )


_OPENS_CLAUSE = re.compile(
    r"\s+(?!(?:on|in|at|who|which|during|after|before|last|this|earlier|told|from|adding|according|as|of|"
    r"for|to|and|while|when|that)\b)[a-z]+"
)


# How far from a speech verb its speaker is looked for, in characters. A speaker phrase is a few
# words and an appositive of at most 90 characters; reading the whole text before every verb of a
# sentence that never ends (a megabyte without a full stop) made the cost quadratic.
_REACH = 1_000


def _before(outside: str, start: int) -> str:
    """The text before a verb at `start`, at most `_REACH` characters of it. A cut window starts
    with a NUL, so that the patterns' `^` (the start of the sentence) does not match at the cut."""
    if start <= _REACH:
        return outside[:start]
    return "\x00" + outside[start - _REACH : start]


def _after(outside: str, end: int) -> str:
    """The text after a verb ending at `end`, at most `_REACH` characters of it."""
    return outside[end : end + _REACH]


# The phrase patterns below end at the verb and are a few words and at most 120 characters of
# appositive long; they are tried only at starts this close to it, because trying them at every
# start of the window is a thousand attempts per verb (a second per 2,000 verbs).
_PHRASE_REACH = 400


def _speaker_before(before: str) -> str:
    """The speaker phrase that ends `before` (the text up to a verb), appositives skipped."""
    near = max(0, len(before) - _PHRASE_REACH)
    # The appositive patterns close with a comma right before the verb (or before one adverb):
    # without one, they cannot match and are not tried.
    tail = before.rstrip()
    comma = tail.endswith(",")
    apposed = APPOSITIVE.search(before, near) if comma else None
    if apposed:
        return apposed.group("name") or apposed.group("single")
    comma_adverb = comma or tail.rstrip(string.ascii_lowercase).rstrip().endswith(",")
    apposed = (ROLE_THEN_NAME.search(before, near) if comma_adverb else None) or OPEN_APPOSITIVE.search(before, near)
    if apposed:
        return apposed.group("name")
    body = LOWERCASE_BODY.search(before, near) or (ROLE_WHO.search(before, near) if comma else None)
    if body:
        return clean_speaker(body.group("who") if "who" in body.groupdict() else body.group(0))
    quantifier = QUANTIFIER_END.search(before, near)
    if quantifier:
        groups = list(QUANTIFIER_GROUP.finditer(before[: quantifier.start()]))
        return groups[-1].group("group") if groups else ""
    return clean_speaker(_tokens_back(before.rstrip()))


def speech_acts(text: str) -> list[SpeechAct]:
    """Every speaker of `text` outside quotation marks, in order of the verb."""
    return list(_speech_acts(text))


@functools.lru_cache(maxsize=4096)
def _speech_acts(text: str) -> tuple[SpeechAct, ...]:
    """`speech_acts`, cached: a paragraph with many quotes asks for the same sentence again and again.

    Each reader below finds one form of attribution; acts at the same verb position keep the
    readers' order."""
    # quotations, and acronyms in brackets ("X (WHO) said"), are blanked out
    outside = re.sub(r"[\"“][^\"”]*[\"”]|\s\([A-Z][A-Za-z]{1,7}\)(?=\s)", lambda m: " " * len(m.group(0)), text)
    readers = (_officially, _put_at, _according_to, _passive_by, _media_reports, _verbs, _told_by)
    acts = [act for read in readers for act in read(outside)]
    return tuple(sorted(acts, key=lambda a: a.verb_start))


def _officially(outside: str) -> Iterator[SpeechAct]:
    """ "Officially, 12 people died": the figure is the officials'."""
    officially = re.match(r"\s*Officially\b", outside)
    if officially:
        yield SpeechAct("officials", 0, officially.end(), "according")


def _put_at(outside: str) -> Iterator[SpeechAct]:
    for m in PUT_AT.finditer(outside):
        who = _speaker_before(_before(outside, m.start()))
        if _valid(who):
            yield SpeechAct(who, m.start(), m.end(), "verb")


def _according_to(outside: str) -> Iterator[SpeechAct]:
    """ "according to X" (also "according to a report by X"), but not "according to preliminary data"."""
    for m in re.finditer(
        r"\b[Aa]ccording to\s+(?P<who>[^,;.()]+?(?:\.[A-Z]\.?[^,;.()]*?)*)(?=,|;|\(|\)|\.\s|\.$|$| that\b)", outside
    ):
        who = m.group("who")
        by = re.search(r"\bby\s+(.+)$", who)
        if by:
            who = by.group(1)
        who = re.sub(r"\s+(?:last|this|on|earlier)\b.*$", "", who)
        who = clean_speaker(who)
        if re.fullmatch(r"(?:preliminary |initial |official |the )?(?:data|information|figures|estimates?)", who, re.I):
            continue
        if _valid(who):
            yield SpeechAct(who, m.start(), m.end(), "according")


def _passive_by(outside: str) -> Iterator[SpeechAct]:
    """ "slammed by X as ...", "described by X as ...": X speaks."""
    for m in re.finditer(
        r"\b(?:slammed|described|called|denounced|condemned|dismissed|branded|labell?ed)\s+by\s+"
        r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+as\b",
        outside,
    ):
        yield SpeechAct(m.group("who"), m.start(), m.end(), "passive")


def _media_reports(outside: str) -> Iterator[SpeechAct]:
    for m in re.finditer(r"\b(?:media\s+)?reports(?:\s+\w+){0,3}?\s+(?:of|that|claiming|saying)\b", outside, re.I):
        yield SpeechAct("media reports", m.start(), m.end(), "reports")


def _verbs(outside: str) -> Iterator[SpeechAct]:
    for m in _VERB_RX.finditer(outside):
        act = _verb_act(m, outside)
        if act is not None:
            yield act


def _verb_act(m: re.Match[str], outside: str) -> SpeechAct | None:
    """The speaker of one speech verb: before it ("X said"), the sentence subject for a participle
    or a second verb, or after it ("said the ministry")."""
    before = _before(outside, m.start())
    familiar = "familiar with" in before and re.search(
        r"(?:the\s+)?(?:people|sources|officials|person)\s+familiar with [\w\s]+$", before
    )
    if familiar:
        return SpeechAct(clean_speaker(familiar.group(0)), m.start(), m.end(), "verb")
    # "echoed by the USGS, which estimates ...": the relative pronoun stands for what the comma
    # follows; "The police, however, assure": the aside between commas is skipped
    relative = re.search(r",\s+(?:which|who)\s+$|,\s+(?:however|though|meanwhile|in turn|too),\s+$", before)
    who = _speaker_before(before[: relative.start()] if relative else before)
    after = _after(outside, m.end())
    if _valid(who):
        return SpeechAct(_cited(who, after, m.group(0)), m.start(), m.end(), "verb")
    if re.fullmatch(_PARTICIPLES, m.group(0)) or re.search(r"\band\s*$", before):
        # "Ducey welcomed Uber in 2016, saying ...", "He promised ... and ordered that ...":
        # a participle's or a second verb's speaker is the sentence subject
        pronoun = re.match(r"\s*(He|She|They|It|We)\b", outside)
        who = pronoun.group(1) if pronoun else _sentence_subject(outside[:_REACH])
        return SpeechAct(who, m.start(), m.end(), "verb") if _valid(who) else None
    return _inverted_act(m, after)


def _inverted_act(m: re.Match[str], after: str) -> SpeechAct | None:
    """ "said the ministry" names the speaker after the verb; "told the Courier" names the listener."""
    if re.match(r"(?:has |have |had )?tells?\b|(?:has |have |had )?told\b", m.group(0)) or not re.match(
        r"\s+(?:the|a|[A-Z])", after
    ):
        return None
    forward = _tokens_forward(after)
    who = clean_speaker(forward)
    # "says Republicans have created ...": a name followed by its own verb opens a clause
    rest = after.lstrip()[len(forward) :] if after.lstrip().startswith(forward) else ""
    if _valid(who) and who.lower() not in PRONOUNS and not _OPENS_CLAUSE.match(rest):
        return SpeechAct(who, m.start(), m.end(), "inverted")
    return None


def _told_by(outside: str) -> Iterator[SpeechAct]:
    for m in re.finditer(r"\b(?:was|were|been|being)\s+told\s+by\s+", outside):
        who = clean_speaker(_tokens_forward(_after(outside, m.end())))  # "he was told by Minister X of ..."
        if _valid(who) and who.lower() not in PRONOUNS:
            yield SpeechAct(who, m.start(), m.end(), "passive")


def _sentence_subject(text: str) -> str:
    """The noun phrase that opens a sentence, up to its first finite verb ("The national disaster
    management office in Madagascar (BNGC)" made ...), or its leading name."""
    named = clean_speaker(_tokens_forward(text))
    if any(c.isupper() for c in named):
        return named
    words = [m.group(0) for m in itertools.islice(re.finditer(r"[\w'’().-]+", text), 10)]
    kept: list[str] = []
    for word in words:
        low = word.lower()
        if low in _FINITE or (low.endswith("ed") and len(low) > 4) or low in _IRREGULAR_PAST:
            return clean_speaker(" ".join(kept))
        kept.append(word)
    return named


_FINITE = {"has", "have", "had", "was", "were", "is", "are", "will", "would", "says", "said"}
_PARTICIPLES = r"saying|adding|claiming|announcing|admitting|acknowledging|confirming|describing"
_AGENCIES = re.compile(
    r"^(?:Reuters|AFP|AP|the AP|Associated Press|Agence France-Presse|TASS|Xinhua|Interfax|RIA Novosti|"
    r"ANI|PTI|dpa|DPA|EFE|ANSA|Kyodo|Yonhap|Anadolu|Bloomberg)$"
)


def _cited(who: str, after: str, verb: str = "") -> str:
    """ "Reuters reported, citing a spokesman for the prosecutors", "Al Jazeera reports citing the
    Libyan Red Crescent": the source, not the agency or outlet that reports it."""
    citing = re.match(r",?\s+citing\s+", after)
    if citing and (_AGENCIES.match(who) or re.fullmatch(r"(?:is |has |have )?report(?:s|ed|ing)", verb)):
        source = clean_speaker(_tokens_forward(after[citing.end() :]))
        if _valid(source):
            return source
    return who


def is_pronoun(who: str) -> bool:
    return who.lower() in PRONOUNS


def is_generic(who: str) -> bool:
    """A speaker named only by its kind ("ministry", "statement"), to be resolved in context."""
    words = who.lower().split()
    return bool(words) and all(w in ROLE_WORDS or w in PRONOUNS for w in words) and not any(c.isupper() for c in who)


def speaker_kind(who: str) -> str:
    """person | organisation, as far as the words tell (used to match "she" and "it")."""
    low = who.lower()
    if re.search(r"spokes|secretary|minister\b|president|official|chief|head\b|leader|commander|ambassador", low):
        return "person"
    if re.search(
        r"ministry|statement|command|coalition|government|kremlin|military|army|office|agency|"
        r"council|committee|department|police|media|reports|forces|group|company|white house|"
        r"pentagon|damascus|moscow|washington|service|technologies|\binc\b|\bcorp|\bltd\b|\bplc\b|bank\b|"
        r"airlines|motors|holdings|securities|international\b|association|union\b|party\b|authority",
        low,
    ):
        return "organisation"
    return "person"
