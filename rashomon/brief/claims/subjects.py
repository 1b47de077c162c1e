"""Who or what a figure counts, read from the words around it.

`subject_of` takes the noun phrase after the figure ("14 people"), with "its citizens" resolved
to the country named earlier; sums and percentages have their own readers (what the money is
for, what moved by the percentage), and "N incidents of X" counts X.
"""

from __future__ import annotations

import re

from rashomon.brief.claims.quantities import EVENT_RX
from rashomon.text.aliases import DEMONYMS, alias_display
from rashomon.text.lexicon import WEEKDAYS
from rashomon.text.numbers import Mention, word_value

_SUBJECT_STOP = set(
    re.findall(
        r"\S+",
        """
        were was are is had have has been be being in at on for from to who that which with by and
        during after as while when where and/or but or than since into over under near across whose
        of remain remained remains still will would could may might can must did do does said say says
        estimated according
        early late yesterday today tonight morning evening night overnight
        whom nationwide countrywide worldwide
        took made went came fell rose left saw gave got fled ran held told sent lost won hit put set began
        given passed those these
    """,
    )
) | set(WEEKDAYS)
_HEDGE_ADVERBS = {
    "presumably",
    "reportedly",
    "allegedly",
    "apparently",
    "possibly",
    "probably",
    "some",
    "its",
    "their",
    "the",
    "of",
    "other",
    "about",
    "more",
    "all",
    "confirmed",  # "694 confirmed deaths": who is counted follows the adjective
    "reported",
}


# "245,000 in Marseille", "132 are from Naypyidaw", "20,000 in the city of Derna": a place's count
_PLACE_AFTER = re.compile(
    r"\s+(?:(?:are|were)\s+)?(?:in|from)\s+(?:the\s+(?:city|town|province|region|state|district|village)\s+of\s+)?"
    r"((?:[A-Z][\w-]+)(?:\s+[A-Z][\w-]+)?)\b"
)


# "Six are Venezuelan citizens, nine are Argentine": a breakdown of a count by nationality
_DEMONYM_ITEM = re.compile(
    r"\s+(?:are|were|is|was)\s+([A-Z][a-z]+(?:an|ian|ine|ese|ish|i|ic)(?:\s+(?:citizens|nationals))?)\b"
)


def subject_of(text: str, mention: Mention) -> str:
    after = text[mention.end :]
    item = _DEMONYM_ITEM.match(after)
    if item:
        return item.group(1)
    part = re.match(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?([\w,.-]+)", after)
    if part and (part.group(1)[0].isdigit() or word_value(part.group(1).lower()) is not None):
        after = after[part.end() :]  # "five out of the six members": the members
    place = re.match(_PLACE_AFTER, after)
    if place and place.group(1).split()[0] not in WEEKDAYS:
        return place.group(1)  # "245,000 in Marseille": the crowd of a place, not the nation's
    words = re.findall(r"[\w.-]+(?:['’]s)?|[,;:()\"'‘’“”—–]", after)[:12]
    kept: list[str] = []
    for word in words:
        low = word.lower().strip(".")
        if not kept and (low in _HEDGE_ADVERBS or word in "\"'‘’“”"):
            continue
        if (
            low in _SUBJECT_STOP
            or word in ",;:()\"'‘’“”—–"
            or any(rx.fullmatch(low) for _, rx in EVENT_RX)
            or (kept and low.endswith(("ing", "ed")) and word.islower())
        ):
            break
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            kept.append(word.rstrip("."))
            break
        kept.append(word)
        if len(kept) >= 5:
            break
    subject = " ".join(w for w in kept if w.lower() not in ("presumably", "reportedly"))
    if re.match(r"(?i)^(?:its|their)\b", " ".join(words[:2])) or subject.lower().startswith(("its ", "their ")):
        subject = re.sub(r"(?i)^(?:its|their)\s+", "", subject)
    if re.match(r"\s*[\"'‘’“”]?\s*(?:of\s+)?(?:its|their)\b", after):
        country = country_before(text[: mention.start])
        if country:
            subject = f"{country} {subject}".strip()
    return subject


def money_subject(text: str, mention: Mention) -> str:
    """What a sum is for: "$2.5 million compensation fund", "... to compensate families",
    "the purchase price of $59.99", "cost the company between $18 million and $25 million"."""
    after = text[mention.end :]
    purpose = re.match(r"\s*(?:in\s+)?(?:to|for)\s+((?:[a-z-]+\s+){0,1}[a-z-]+)", after)
    if purpose:
        return purpose.group(1)
    noun = subject_of(text, mention)
    if noun:
        return noun
    before = text[: mention.start]
    named = re.search(r"\b((?:[a-z-]+\s+)?[a-z-]+)\s+(?:of|at)\s*$", before)
    if named:
        return named.group(1)
    verb = re.search(r"\b(cost|costs|pay|paid|raise|raised|spend|spent|earmarked|set aside)\b[^.;]{0,40}$", before)
    return verb.group(1) if verb else ""


def percent_subject(text: str, mention: Mention) -> str:
    """What moved by a percentage: "Lumora shares fell 4.2 percent" -> "shares"."""
    moved = re.search(
        r"\b([a-z]+)\s+(fell|rose|dropped|jumped|climbed|gained|lost|slid|plunged|surged|increased|decreased|"
        r"declined|grew|shrank)\s+(?:by\s+)?(?:as much as\s+|about\s+|nearly\s+|almost\s+)?$",
        text[: mention.start],
    )
    return moved.group(1) if moved else subject_of(text, mention)


def incident_kind(text: str, mention: Mention) -> str:
    """ "37 incidents of overheating" and "37 reports of overheating" both count overheating."""
    kind = re.match(r"\s+(?:[a-z]+\s+)?\w+\s+of\s+([a-z-]+)", text[mention.end :], re.I)
    return kind.group(1) if kind else ""


def country_before(text: str) -> str | None:
    """The people-adjective of the last country named in `text` ("Russian" for "Russia's ...")."""
    best: tuple[int, str] | None = None
    for country, adjective in DEMONYMS.items():
        for m in re.finditer(r"\b" + re.escape(country) + r"(?:'s)?\b|\b" + re.escape(adjective) + r"\b", text):
            if best is None or m.start() > best[0]:
                best = (m.start(), adjective)
    for m in re.finditer(r"\b(?:Russian Federation|USA|U\.S\.|United States)\b", text):
        found = DEMONYMS.get(alias_display(m.group(0)) or "")
        if found and (best is None or m.start() > best[0]):
            best = (m.start(), found)
    return best[1] if best else None
