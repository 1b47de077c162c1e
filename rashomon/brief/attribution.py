"""Who says what in a sentence: "according to X", "X said", "said X", "slammed by X as".

Shared by claims (the claimant of a figure) and quotes (the speaker of a quotation). Without a
dependency parser the speaker is read off the words next to a speech verb: walking away from the
verb we keep capitalised words, determiners and a closed list of role nouns ("spokeswoman",
"ministry", "statement", "secretary"), and stop at anything else. This finds "Foreign Ministry
spokeswoman Maria Zakharova stated" and "the USA defense secretary said" and refuses to turn
"the airstrike was" into a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = (
    "said|says|say|stated|states|added|adds|told|tells|announced|announces|claimed|claims|claiming|"
    "noted|notes|explained|insisted|declared|wrote|writes|tweeted|emphasized|emphasised|stressed|"
    "warned|replied|continued|confirmed|confirms|admitted|admits|acknowledged|acknowledges|denied|"
    "denies|repeated|reported|argued|asserted|alleged|concluded|estimated|estimates|saying|"
    "announcing|admitting|acknowledging|confirming|adding|put it|posted|disclosed|revealed|"
    "released a statement saying|issued a statement saying|said in a statement"
)
_VERB_RX = re.compile(rf"\b(?:has |have |had )?(?:{SPEECH_VERBS})\b")
_ROLE_WORDS = set(
    re.findall(r"\S+", """
        the a an its his her their our of and for 's ’s u.s. us usa uk un eu spokesman spokeswoman
        spokesperson spokesmen minister ministry ministries secretary statement official officials
        source sources president prime foreign defense defence interior military army police
        government agency office command coalition commander general ambassador envoy analyst
        analysts expert experts witness witnesses resident residents report reports media outlets
        outlet some other local state news senior deputy chief head leader leaders authorities
        lawmaker lawmakers senator group monitor observatory newspaper daily channel tv television
        radio online press service representative representatives spokespeople staff adviser advisor
        director mayor governor judge prosecutor prosecutors lawyer lawyers investigators rescuers
        doctors officers soldiers commanders observers activists organisers organizers company firm
        operator department council committee parliament kremlin pentagon white house central
    """)
)
_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
_NOT_SPEAKERS = {
    "that",
    "which",
    "who",
    "this",
    "there",
    "also",
    "previously",
    "earlier",
    "later",
    "then",
    "reports",
    "some",
}


@dataclass(slots=True, frozen=True)
class SpeechAct:
    """A speaker named in a sentence and where its verb is (character offsets)."""

    speaker: str
    verb_start: int
    verb_end: int
    kind: str  # according | verb | inverted | passive | reports


def _tokens_back(text: str) -> str:
    """The speaker phrase that ends `text` (text up to a speech verb), or ""."""
    words = re.findall(r"[\w.'’-]+|[,;:()\"“”]", text)
    kept: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if word[0].isupper() or low in _ROLE_WORDS or (low in _PRONOUNS and not kept):
            kept.append(word)
            if low in _PRONOUNS:
                break
            continue
        break
    while kept and kept[-1].lower() in ("and", "of", "for", "'s", "’s"):
        kept.pop()
    return " ".join(reversed(kept))


def _tokens_forward(text: str) -> str:
    """The speaker phrase that starts `text` (text after an inverted verb: "said the ministry")."""
    kept: list[str] = []
    for word in re.findall(r"[\w.'’-]+|[,;:()\"“”]", text):
        low = word.lower()
        if word[0].isupper() or low in _ROLE_WORDS:
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
    w = re.sub(r"\s+(?:on|last|this)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", "", w)
    w = re.sub(r"^(?:On|In|At|Earlier|Later|Meanwhile|But|And|However|While|As|When|After|Now)\s+", "", w)
    return w.strip()


def _valid(who: str) -> bool:
    low = who.lower()
    if not who or low in _NOT_SPEAKERS:
        return False
    if low in _PRONOUNS:
        return True
    return any(ch.isupper() for ch in who) or any(
        w in _ROLE_WORDS - {"the", "a", "an", "of", "and", "its"} for w in low.split()
    )


def speech_acts(text: str) -> list[SpeechAct]:
    """Every speaker of `text` outside quotation marks, in order of the verb."""
    outside = re.sub(r"[\"“][^\"”]*[\"”]", lambda m: " " * len(m.group(0)), text)
    acts: list[SpeechAct] = []
    for m in re.finditer(
        r"\b[Aa]ccording to\s+(?P<who>[^,;.]+?(?:\.[A-Z]\.?[^,;.]*?)*)(?=,|;|\.\s|\.$|$| that\b)", outside
    ):
        who = m.group("who")
        by = re.search(r"\bby\s+(.+)$", who)
        if by:
            who = by.group(1)
        who = re.sub(r"\s+(?:last|this|on|earlier)\b.*$", "", who)
        who = clean_speaker(who)
        if re.fullmatch(
            r"(?:preliminary |initial |official |the )?(?:data|information|figures|estimates?)", who, re.I
        ):
            continue
        if _valid(who):
            acts.append(SpeechAct(who, m.start(), m.end(), "according"))
    for m in re.finditer(
        r"\b(?:slammed|described|called|denounced|condemned|dismissed|branded|labell?ed)\s+by\s+"
        r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+as\b",
        outside,
    ):
        acts.append(SpeechAct(m.group("who"), m.start(), m.end(), "passive"))
    for m in re.finditer(
        r"\b(?:media\s+)?reports(?:\s+\w+){0,3}?\s+(?:of|that|claiming|saying)\b", outside, re.I
    ):
        acts.append(SpeechAct("media reports", m.start(), m.end(), "reports"))
    for m in _VERB_RX.finditer(outside):
        before = outside[: m.start()]
        if re.search(r"(?:people|sources|officials|person)\s+familiar with [\w\s]+$", before):
            who = re.search(
                r"(?:the\s+)?(?:people|sources|officials|person)\s+familiar with [\w\s]+$", before
            )
            assert who is not None
            acts.append(SpeechAct(clean_speaker(who.group(0)), m.start(), m.end(), "verb"))
            continue
        who = clean_speaker(_tokens_back(before.rstrip()))
        if _valid(who):
            acts.append(SpeechAct(who, m.start(), m.end(), "verb"))
            continue
        after = outside[m.end() :]
        if re.match(r"\s+(?:the|a|[A-Z])", after):
            who = clean_speaker(_tokens_forward(after))
            if _valid(who) and who.lower() not in _PRONOUNS:
                acts.append(SpeechAct(who, m.start(), m.end(), "inverted"))
    return sorted(acts, key=lambda a: a.verb_start)


def is_pronoun(who: str) -> bool:
    return who.lower() in _PRONOUNS


def is_generic(who: str) -> bool:
    """A speaker named only by its kind ("ministry", "statement"), to be resolved in context."""
    words = who.lower().split()
    return (
        bool(words)
        and all(w in _ROLE_WORDS or w in _PRONOUNS for w in words)
        and not any(c.isupper() for c in who)
    )


def speaker_kind(who: str) -> str:
    """person | organisation, as far as the words tell (used to match "she" and "it")."""
    low = who.lower()
    if re.search(
        r"spokes|secretary|minister\b|president|official|chief|head\b|leader|commander|ambassador", low
    ):
        return "person"
    if re.search(
        r"ministry|statement|command|coalition|government|kremlin|military|army|office|agency|"
        r"council|committee|department|police|media|reports|forces|group|company|white house|"
        r"pentagon|damascus|moscow|washington|service",
        low,
    ):
        return "organisation"
    return "person"
