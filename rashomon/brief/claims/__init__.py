"""Numeric claims of one article: what is counted, by whom, how sure, in which sentence.

No dependency parser ships offline for English here, so the parts of a claim are read from token
windows around each figure (`numbers.find_mentions`):

- **quantity** (what happens to the counted): a verb or noun right before the figure ("killed an
  estimated 100", "put the number of dead at 27", "recall about 214,000") wins over the first
  event word after it in the figure's own clause ("5 Russian volunteers were killed"; the clause
  stops at the next figure, at ", and" and at ", killing ..."); "N people ... crossed the river" and
  "two suicide bombers" are an attacking force; evacuated, displaced and "moved out of their homes"
  are one quantity; "N incidents/reports of X" counts incidents. "The confirmed figure is twelve"
  continues the quantity the article was counting. A figure with no event is not a claim (a street
  number, a score, a unit), except "N <nouns> were <verb>" for a short list of verbs (`quantities._DONE_TO`).
- **subject** (who is counted): the noun phrase after the figure, with "its citizens" resolved to
  the country named earlier ("Russian Federation admits ... its citizens" -> Russian citizens);
  for sums, what they pay for ("compensation fund", "to compensate families").
- **claimant**: the quote's speaker when the figure is inside a quotation, else the speech act
  nearest before the figure ("according to X", "X said that ...", "Officially," -> officials), else
  after it ("..., X said"), "headline of <article>" for a title, else the outlet's own voice.
- **hedges**: "preliminary", "presumably", "may have", "reportedly", "estimated", a figure called
  "disinformation" or "fabrications" ("denied by X" when X says so, "disputed by X" when X answers
  somebody else's figure), ...

Captions, "read more" lines, dates, years, ages, addresses and times never yield claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from rashomon.brief.claims.german import extract_claims_de
from rashomon.brief.claims.quantities import EVENT_RX, continued_quantity, quantity_of
from rashomon.brief.quotes import MIN_QUOTE_WORDS, attributions
from rashomon.records import Article, Claim
from rashomon.text.aliases import DEMONYMS, alias_display
from rashomon.text.attribution import SpeechAct, is_generic, is_pronoun, speech_acts
from rashomon.text.captions import is_caption
from rashomon.text.dates import find_dates, parse_iso_date
from rashomon.text.numbers import Mention, find_mentions

_SUBJECT_STOP = set(
    re.findall(
        r"\S+",
        """
        were was are is had have has been be being in at on for from to who that which with by and
        during after as while when where and/or but or than since into over under near across whose
        of remain remained remains still will would could may might can must did do does said say says
        early late yesterday today tonight morning evening night overnight monday tuesday wednesday
        thursday friday saturday sunday
    """,
    )
)
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
}
_HEDGES: tuple[tuple[str, str], ...] = (
    ("preliminary", r"preliminar(?:y|ily)"),
    ("presumably", r"presumabl[ey]|presumed"),
    ("may have", r"(?:may|might|could) have"),
    ("reportedly", r"reportedly|reported to have"),
    ("allegedly", r"allegedly|alleged"),
    ("apparently", r"apparently"),
    ("unconfirmed", r"unconfirmed|could not (?:be )?(?:independently )?(?:verif|confirm)\w*"),
    ("estimated", r"estimated|estimates?"),
    ("disinformation", r"disinformation|fake news|untrue|false reports?|fabrications?|fabricated|baseless"),
)
def _subject(text: str, mention: Mention) -> str:
    after = text[mention.end :]
    words = re.findall(r"[\w.-]+(?:['’]s)?|[,;:()\"'‘’“”]", after)[:12]
    kept: list[str] = []
    for word in words:
        low = word.lower().strip(".")
        if not kept and (low in _HEDGE_ADVERBS or word in "\"'‘’“”"):
            continue
        if (
            low in _SUBJECT_STOP
            or word in ",;:()\"'‘’“”"
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
    if re.match(r"(?i)^(?:its|their)\b", " ".join(words[:2])) or subject.lower().startswith(
        ("its ", "their ")
    ):
        subject = re.sub(r"(?i)^(?:its|their)\s+", "", subject)
    if re.match(r"\s*[\"'‘’“”]?\s*(?:of\s+)?(?:its|their)\b", after):
        country = _country_before(text[: mention.start])
        if country:
            subject = f"{country} {subject}".strip()
    return subject


def _money_subject(text: str, mention: Mention) -> str:
    """What a sum is for: "$2.5 million compensation fund", "... to compensate families",
    "the purchase price of $59.99", "cost the company between $18 million and $25 million"."""
    after = text[mention.end :]
    purpose = re.match(r"\s*(?:in\s+)?(?:to|for)\s+((?:[a-z-]+\s+){0,1}[a-z-]+)", after)
    if purpose:
        return purpose.group(1)
    noun = _subject(text, mention)
    if noun:
        return noun
    before = text[: mention.start]
    named = re.search(r"\b((?:[a-z-]+\s+)?[a-z-]+)\s+(?:of|at)\s*$", before)
    if named:
        return named.group(1)
    verb = re.search(r"\b(cost|costs|pay|paid|raise|raised|spend|spent|earmarked|set aside)\b[^.;]{0,40}$", before)
    return verb.group(1) if verb else ""


def _percent_subject(text: str, mention: Mention) -> str:
    """What moved by a percentage: "Lumora shares fell 4.2 percent" -> "shares"."""
    moved = re.search(
        r"\b([a-z]+)\s+(fell|rose|dropped|jumped|climbed|gained|lost|slid|plunged|surged|increased|decreased|"
        r"declined|grew|shrank)\s+(?:by\s+)?(?:as much as\s+|about\s+|nearly\s+|almost\s+)?$",
        text[: mention.start],
    )
    return moved.group(1) if moved else _subject(text, mention)


def _incident_kind(text: str, mention: Mention) -> str:
    """ "37 incidents of overheating" and "37 reports of overheating" both count overheating."""
    kind = re.match(r"\s+(?:[a-z]+\s+)?\w+\s+of\s+([a-z-]+)", text[mention.end :], re.I)
    return kind.group(1) if kind else ""


def _country_before(text: str) -> str | None:
    """The people-adjective of the last country named in `text` ("Russian" for "Russia's ...")."""
    best: tuple[int, str] | None = None
    for country, adjective in DEMONYMS.items():
        for m in re.finditer(
            r"\b" + re.escape(country) + r"(?:'s)?\b|\b" + re.escape(adjective) + r"\b", text
        ):
            if best is None or m.start() > best[0]:
                best = (m.start(), adjective)
    for m in re.finditer(r"\b(?:Russian Federation|USA|U\.S\.|United States)\b", text):
        found = DEMONYMS.get(alias_display(m.group(0)) or "")
        if found and (best is None or m.start() > best[0]):
            best = (m.start(), found)
    return best[1] if best else None


def _hedges(text: str, mention: Mention) -> tuple[str, ...]:
    """Hedges of the clause that holds the figure (not of an "alleged attack" two clauses back)."""
    start = 0
    for m in re.finditer(r";|\bwhich\b|\bbut\b|\bwhile\b|\bwhereas\b|\bafter\b", text[: mention.start]):
        start = m.end()
    end = re.search(r";|\bbut\b|\bwhile\b|\bwhereas\b|$", text[mention.end :])
    clause = text[start : mention.end + (end.start() if end else 0)]
    found = list(mention.hedges)
    for hedge, rx in _HEDGES:
        if re.search(rf"\b(?:{rx})\b", clause, re.I) and hedge not in found:
            found.append(hedge)
    return tuple(found)


def _claim_date(text: str, act: SpeechAct | None, base: dt.date | None, published: str | None) -> str | None:
    """When the claim was made: a date next to its speech verb or opening the sentence, else publication."""
    for d in find_dates(text, base):
        if d.precision != "day":
            continue
        near_verb = act is not None and min(abs(d.start - act.verb_end), abs(act.verb_start - d.end)) <= 40
        if near_verb or d.start <= 4:
            return d.iso
    return published


def _inside_quote(text: str, mention: Mention) -> bool:
    for m in re.finditer(r"[\"“][^\"”]*[\"”]?", text):
        if (
            m.start() < mention.start
            and mention.end <= m.end()
            and len(m.group(0).split()) >= MIN_QUOTE_WORDS
        ):
            return True
    return False


def _claimant_act(acts: Sequence[SpeechAct], mention: Mention) -> SpeechAct | None:
    reports = [a for a in acts if a.kind == "reports" and 0 <= mention.start - a.verb_end <= 20]
    if reports:
        return reports[0]
    before = [a for a in acts if a.verb_end <= mention.start and a.kind != "reports"]
    if before:
        return before[-1]
    after = [a for a in acts if a.verb_start >= mention.end and a.kind != "reports"]
    return after[0] if after else None


def extract_claims(article: Article) -> list[Claim]:
    """Every numeric claim of `article` (its title included), in reading order."""
    if article.language == "de":
        return extract_claims_de(article)
    quotes, chain = attributions(article)
    base = parse_iso_date(article.published)
    voice = article.source or article.id
    claims: list[Claim] = []
    units: list[tuple[int, str, bool]] = []
    if article.title:
        units.append((-1, article.title, True))
    units.extend((s.index, s.text, False) for s in article.sentences)
    recent_subjects: dict[str, str] = {}  # who was last counted for each quantity ("... 27 more" -> people)
    recent_quantity: str | None = None
    for index, text, is_title in units:
        if is_caption(text):
            continue
        acts = speech_acts(text)
        mentions = find_mentions(text)
        for n, mention in enumerate(mentions):
            # what follows a figure up to the next figure is its own ("10 killed and 40 injured")
            own = text[: mentions[n + 1].start] if n + 1 < len(mentions) else text
            quantity = quantity_of(own, mention) or continued_quantity(text, mention, recent_quantity)
            if quantity is None:
                continue
            if quantity == "money":
                subject = _money_subject(own, mention)
            elif quantity == "incidents":
                subject = _incident_kind(own, mention)
            elif quantity == "percent":
                subject = _percent_subject(text, mention)
            else:
                recent_quantity = quantity
                subject = _subject(text, mention) or recent_subjects.get(quantity, "")
                if subject:
                    recent_subjects[quantity] = subject
            if is_title:
                claimant = f"headline of {article.id}"
            elif _inside_quote(text, mention):
                claimant = next((q.speaker for q in quotes if index in q.sentences), "unattributed")
            else:
                claimant = voice
            act = None if is_title else _claimant_act(acts, mention)
            if is_title or _inside_quote(text, mention):
                pass
            elif act is None:
                claimant = voice
            elif act.kind != "reports" and is_pronoun(act.speaker):
                claimant = chain.get(index) or voice  # "It said": the chain's speaker, never a bare pronoun
            elif act.kind != "reports" and is_generic(act.speaker):
                # the sentence's resolved speaker, unless another act of the sentence gave it
                claimant = (chain.get(index) if len(acts) == 1 else None) or act.speaker
            else:
                claimant = act.speaker
            hedges = _hedges(text, mention)
            speaker = chain.get(index)
            if "disinformation" in hedges and speaker and speaker != claimant:
                hedges = (*hedges, f"disputed by {speaker}")
            elif "disinformation" in hedges and not is_title and claimant != voice:
                hedges = (*hedges, f"denied by {claimant}")  # "Claims of 27 dead are fabrications," X said
            claims.append(
                Claim(
                    quantity=quantity,
                    subject=subject,
                    value_text=mention.text,
                    low=mention.low,
                    high=mention.high,
                    claimant=claimant,
                    hedges=hedges,
                    article_id=article.id,
                    sentence_index=index,
                    sentence=text,
                    date=_claim_date(text, act, base, article.published),
                )
            )
    return claims
