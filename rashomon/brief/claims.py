"""Numeric claims of one article: what is counted, by whom, how sure, in which sentence.

No dependency parser ships offline for English here, so the parts of a claim are read from token
windows around each figure (`numbers.find_mentions`):

- **quantity** (what happens to the counted): a verb or noun right before the figure ("killed an
  estimated 100", "the death of at least 100", "an attack by more than 500") wins over the first
  event word after it in the same clause ("5 Russian volunteers were killed"); "N people ... crossed
  the river" is an attacking force. A figure with no event is not a claim (it is a street number,
  a score or a unit we do not understand), except "N <nouns> were <verb>ed" which keeps the verb.
- **subject** (who is counted): the noun phrase after the figure, with "its citizens" resolved to
  the country named earlier ("Russian Federation admits ... its citizens" -> Russian citizens).
- **claimant**: the quote's speaker when the figure is inside a quotation, else the speech act
  nearest before the figure ("according to X", "X said that ..."), else after it ("..., X said"),
  "headline of <article>" for a title, else the outlet's own voice.
- **hedges**: "preliminary", "presumably", "may have", "reportedly", "estimated", a figure called
  "disinformation", ...

Captions, "read more" lines, dates, years, ages, addresses and times never yield claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from rashomon.brief.aliases import DEMONYMS, alias_display
from rashomon.brief.attribution import SpeechAct, is_generic, is_pronoun, speech_acts
from rashomon.brief.numbers import Mention, find_mentions
from rashomon.brief.quotes import MIN_QUOTE_WORDS, attributions
from rashomon.brief.relative_dates import find_dates, parse_iso_date
from rashomon.records import Article, Claim

_EVENTS: tuple[tuple[str, str], ...] = (
    (
        "killed",
        r"killed|kill|kills|killing|dead|deaths?|died|die|dying|fatalities|lives|perished|bodies|death toll",
    ),
    (
        "wounded",
        r"wounded|wounding|injured|injuring|injur(?:y|ies)|hurt|hospitali[sz]ed|treated|treatment|hospitals?",
    ),
    ("casualties", r"casualt(?:y|ies)"),
    ("missing", r"missing|unaccounted"),
    ("arrested", r"arrested|detained|detentions?|arrests?|jailed|imprisoned"),
    ("displaced", r"displaced|evacuated|evacuees|fled|homeless|refugees"),
    ("rescued", r"rescued|saved"),
    ("votes", r"votes?"),
)
_EVENT_RX = [(q, re.compile(rf"\b(?:{rx})\b", re.I)) for q, rx in _EVENTS]
_BEFORE_RX: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "killed",
        re.compile(
            r"\b(?:killed|killing|kill|deaths? of|death toll\b.{0,30}?(?:to|at|of|reached|rose)|"
            r"claimed the lives of|lives of)\s*$",
            re.I,
        ),
    ),
    ("wounded", re.compile(r"\b(?:wounded|wounding|injured|injuring)\s*$", re.I)),
    (
        "attacking force",
        re.compile(
            r"\b(?:attack(?:ed)? by|assault by|offensive by|attackers? numbering|"
            r"force of|group of)\s*$",
            re.I,
        ),
    ),
    ("arrested", re.compile(r"\b(?:arrested|detained|detaining|arresting)\s*$", re.I)),
    ("displaced", re.compile(r"\b(?:displaced|evacuated|displacing|evacuating)\s*$", re.I)),
)
_ATTACK_AFTER = re.compile(
    r"\b(?:attack(?:ed|ing)?|crossed|assault(?:ed)?|stormed|advanced|shelling|maneuver\w*|"
    r"manoeuvr\w*|launched)\b",
    re.I,
)
_FORCE_NOUNS = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:people|fighters|men|troops|soldiers|combatants|militants|"
    r"mercenaries|militia|militiamen|gunmen|attackers|contractors)\b",
    re.I,
)
_MONEY_AFTER = re.compile(r"^\s*(?:dollars|euros|rubles|roubles|pounds|yuan|hryvnias?|usd|eur)\b", re.I)
_SUBJECT_STOP = set(
    re.findall(r"\S+", """
        were was are is had have has been be being in at on for from to who that which with by
        during after as while when where and/or but or than since into over under near across whose
        of
    """)
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
    ("disinformation", r"disinformation|fake news|untrue|false reports?"),
)
_CAPTION = re.compile(
    r"©|\(Photo|Photo:|/\s*File Photo|Getty Images|/\s*Flickr|\(CC BY|\bAFP/|\bAP Photo|"
    r"\((?:[A-Z][\w]+)/[A-Z][\w .]+\)\s*$|^(?:A general view|An? (?:aerial )?view)|"
    r"^(?:READ MORE|More news|Related)\s*:",
)
_CAPTION_SHOWS = re.compile(r"\b(?:shows|is seen|are seen|pictured|poses|looks on)\b")


def is_caption(text: str) -> bool:
    """A photo caption, credit or link line that the cleaner may have left in.

    Captions name dates and numbers of other days ("October 12, 2016") that are not claims or
    events of the story.
    """
    t = text.strip()
    if _CAPTION.search(t):
        return True
    return bool(_CAPTION_SHOWS.search(t) and not t.endswith(".") and re.search(r"\b\d{4}$", t))


def _quantity(text: str, mention: Mention) -> str | None:
    before = text[: mention.start][-60:]
    after = text[mention.end :]
    if mention.text.lstrip()[:1] in "$€£" or _MONEY_AFTER.match(after):
        return "money"
    if re.match(r"\s?(?:%|percent\b|per cent\b)", after) or re.search(
        r"(?:%|percent|per cent)$", mention.text
    ):
        return "percent"
    for quantity, rx in _BEFORE_RX:
        if rx.search(before):
            return quantity
    clause = re.split(r"[.;:!?]\s|\bbut\b|\bwhile\b|\bwhereas\b", after, maxsplit=1)[0]
    window = " ".join(clause.split()[:14])
    hits = [(m.start(), q) for q, rx in _EVENT_RX if (m := rx.search(window))]
    attack = _ATTACK_AFTER.search(" ".join(after.split()[:25]))
    if attack and _FORCE_NOUNS.match(after) and (not hits or attack.start() < min(hits)[0]):
        return "attacking force"
    if hits:
        return min(hits)[1]
    verb = re.match(
        r"\s+(?:[A-Za-z-]+\s+){1,4}?(?:were|was|have been|had been|are|been)\s+"
        r"(?:\w+ly\s+)?([a-z]+ed)\b",
        clause,
    )
    return verb.group(1) if verb else None


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
            or any(rx.fullmatch(low) for _, rx in _EVENT_RX)
            or (kept and low.endswith("ing") and word.islower())
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
    quotes, chain = attributions(article)
    base = parse_iso_date(article.published)
    voice = article.source or article.id
    claims: list[Claim] = []
    units: list[tuple[int, str, bool]] = []
    if article.title:
        units.append((-1, article.title, True))
    units.extend((s.index, s.text, False) for s in article.sentences)
    recent_subject = ""
    for index, text, is_title in units:
        if is_caption(text):
            continue
        acts = speech_acts(text)
        for mention in find_mentions(text):
            quantity = _quantity(text, mention)
            if quantity is None:
                continue
            subject = _subject(text, mention) or recent_subject
            if _subject(text, mention):
                recent_subject = subject
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
            elif act.kind != "reports" and (is_pronoun(act.speaker) or is_generic(act.speaker)):
                claimant = chain.get(index) or act.speaker
            else:
                claimant = act.speaker
            hedges = _hedges(text, mention)
            speaker = chain.get(index)
            if "disinformation" in hedges and speaker and speaker != claimant:
                hedges = (*hedges, f"disputed by {speaker}")
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
