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

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rashomon.annotate import AnnotatedArticle, AnnotatedSentence
from rashomon.annotate.quotes import UNATTRIBUTED
from rashomon.brief.claims.multilingual import extract_claims_lexicon
from rashomon.brief.claims.quantities import continued_quantity, quantity_of, shared_quantity
from rashomon.brief.claims.shares import claim_quantity, share_of
from rashomon.brief.claims.subjects import incident_kind, money_subject, percent_subject, subject_of
from rashomon.config import QuotesConfig
from rashomon.records import Claim
from rashomon.text.attribution import SpeechAct, is_generic, is_pronoun
from rashomon.text.dates import DateMention
from rashomon.text.languages import lexicon
from rashomon.text.numbers import Mention

_HEDGES: tuple[tuple[str, str], ...] = (
    ("preliminary", r"preliminar(?:y|ily)"),
    ("presumably", r"presumabl[ey]|presumed"),
    ("may have", r"(?:may|might|could) have"),
    ("reportedly", r"reportedly|reported to have"),
    ("allegedly", r"allegedly|alleged"),
    ("apparently", r"apparently"),
    ("unconfirmed", r"unconfirmed|could not (?:be )?(?:independently )?(?:verif|confirm)\w*"),
    ("estimated", r"estimated|estimates?"),
    # a forecast, not a count: "the toll could reach 20,000"
    (
        "projected",
        r"could (?:reach|climb|rise|surpass|exceed|top|range|hit|increase)|(?:is|are) expected to (?:reach|rise|climb)|"
        r"forecasts?|projected|projections?",
    ),
    ("disinformation", r"disinformation|fake news|untrue|false reports?|fabrications?|fabricated|baseless"),
)


# How far around a figure its sentence is read, in characters: a clause, a subject and a
# claimant are much nearer. Reading the whole sentence for every figure was quadratic in a
# sentence of thousands of figures (a megabyte without a full stop).
_REACH = 1_000


def _near(text: str, mention: Mention, end: int | None = None) -> tuple[str, Mention]:
    """The text around `mention` (up to `end`, when given) and the mention placed in it."""
    low = max(0, mention.start - _REACH)
    high = min(len(text) if end is None else end, mention.end + _REACH)
    return text[low:high], replace(mention, start=mention.start - low, end=mention.end - low)


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


def _claim_date(dates: Sequence[DateMention], act: SpeechAct | None, published: str | None) -> str | None:
    """When the claim was made: a date next to its speech verb or opening the sentence, else publication."""
    for d in dates:
        if d.precision != "day":
            continue
        near_verb = act is not None and min(abs(d.start - act.verb_end), abs(act.verb_start - d.end)) <= 40
        if near_verb or d.start <= 4:
            return d.iso
    return published


def _inside_quote(text: str, mention: Mention, min_words: int) -> bool:
    """The figure is inside a quotation of at least `min_words` words (not a scare quote)."""
    spans = _quotations(text)
    at = bisect.bisect_left(spans, (mention.start,)) - 1  # the last one opening before the figure
    return at >= 0 and mention.end <= spans[at][1] and spans[at][2] >= min_words


@functools.lru_cache(maxsize=64)
def _quotations(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, words) of each quotation of a sentence, found once for all its figures (they
    do not overlap, so only the last one opening before a figure can hold it)."""
    return tuple((m.start(), m.end(), len(m.group(0).split())) for m in re.finditer(r"[\"“][^\"”]*[\"”]?", text))


@dataclass(slots=True, frozen=True)
class _Acts:
    """A sentence's speech acts, split and in order of the verb, so that each figure finds its
    claimant by bisection instead of filtering every act (thousands in a long sentence)."""

    reports: list[SpeechAct]
    others: list[SpeechAct]
    longest_report: int

    @classmethod
    def of(cls, acts: Sequence[SpeechAct]) -> _Acts:
        reports = [a for a in acts if a.kind == "reports"]
        longest = max((a.verb_end - a.verb_start for a in reports), default=0)
        return cls(reports, [a for a in acts if a.kind != "reports"], longest)


def _claimant_act(acts: _Acts, mention: Mention, next_start: int, text: str = "") -> SpeechAct | None:
    """ "N according to X" right after the figure (before the next one), else a report just
    before the figure, else the last act before it that is not shut in another figure's
    parentheses ("245,000 according to the unions (30,000 according to the police), 120,000"
    gives 120,000 to the unions), else the first after it."""
    for act in acts.others:
        after = act.verb_start - mention.end
        if act.kind == "according" and 0 <= after <= 40 and act.verb_start < next_start:
            return act
    first = bisect.bisect_left(acts.reports, mention.start - 20 - acts.longest_report, key=lambda a: a.verb_start)
    for report in (acts.reports[i] for i in range(first, len(acts.reports))):
        if report.verb_start > mention.start:
            break
        if 0 <= mention.start - report.verb_end <= 20:
            return report
    others = acts.others
    after = bisect.bisect_left(others, mention.end, key=lambda a: a.verb_start)
    ahead = bisect.bisect_left(others, mention.start, key=lambda a: a.verb_start)
    before = next(
        (
            others[i]
            for i in range(ahead - 1, -1, -1)
            if others[i].verb_end <= mention.start and not _shut(text, others[i].verb_end, mention.start)
        ),
        None,
    )
    if before:
        return before
    return others[after] if after < len(others) else None


def _shut(text: str, end: int, start: int) -> bool:
    """A parenthesis closes between `end` and `start` that opened before `end`: what is said in it
    is about the figure inside it."""
    close = text.find(")", end, start)
    return close >= 0 and text.rfind("(", 0, end) > text.rfind(")", 0, end)


@dataclass(slots=True)
class _Counting:
    """What the article was counting so far: "... 27 more" continues the last quantity, and a
    figure without its own noun counts whoever was last counted for that quantity."""

    quantity: str | None = None
    subjects: dict[str, str] = field(default_factory=dict)


def _quantity_and_subject(
    text: str, mentions: Sequence[Mention], n: int, counting: _Counting
) -> tuple[str, str] | None:
    """What the `n`-th figure of a sentence counts and of whom; None when it counts no event."""
    # what follows a figure up to the next figure is its own ("10 killed and 40 injured"), past the
    # whole it is a part of ("five out of the six crew members were killed")
    sentence = text  # the whole sentence: `text` becomes the figure's window below
    whole = n + 1 < len(mentions) and _whole_of(text, mentions, n + 1)
    ends = [m.start for k, m in enumerate(mentions) if k > n and not _whole_of(text, mentions, k)]
    own, _ = _near(text, mentions[n], ends[0] if ends else None)
    text, mention = _near(text, mentions[n])
    if whole:  # read on as if "out of the six" were not there
        cut = mentions[n + 1].end - mentions[n].end
        own = own[: mention.end] + own[mention.end + cut :]
    quantity = (
        quantity_of(own, mention)
        or _past_aside(text, mention)
        or shared_quantity(sentence, mentions, n)
        or continued_quantity(text, mention, counting.quantity)
    )
    if quantity is None:
        return None
    if quantity == "money":
        return quantity, money_subject(own, mention)
    if quantity == "incidents":
        return quantity, incident_kind(own, mention)
    if quantity == "percent":
        return quantity, percent_subject(text, mention)
    if quantity in ("seats", "votes"):  # whose: "the Conservatives won 121 seats"
        shift = mentions[n].start - mention.start
        return quantity, share_of(text, mention, mentions[n - 1].end - shift if n else 0)
    counting.quantity = quantity
    subject = subject_of(text, mention) or counting.subjects.get(quantity, "")
    if subject:
        counting.subjects[quantity] = subject
    return quantity, subject


_ASIDE = re.compile(r"(\s+[^,;.\d]{0,40}?),\s*(?:including|among them)\s[^,;.]{1,60},")


def _past_aside(text: str, mention: Mention) -> str | None:
    """ "10 members of the family, including seven children, were killed": the figure's verb comes
    past the part named between commas."""
    aside = _ASIDE.match(text, mention.end)
    if aside is None:
        return None
    return quantity_of(text[: mention.end] + aside.group(1) + text[aside.end() :], mention)


_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?")


def _whole_of(text: str, mentions: Sequence[Mention], n: int) -> bool:
    """The `n`-th figure is the whole a part was counted out of: "six" in "five out of the six" (a
    figure of its own too: six crew were aboard)."""
    return n > 0 and bool(_PART_OF.fullmatch(text, mentions[n - 1].end, mentions[n].start))


def _claimant(
    reading: AnnotatedArticle,
    unit: AnnotatedSentence,
    mention: Mention,
    config: QuotesConfig,
    acts: _Acts,
    next_start: int,
) -> tuple[str, SpeechAct | None]:
    """Who gives the figure, and the speech act that says so (None for a headline or no act)."""
    article = reading.article
    voice = article.source or article.id
    act = _claimant_act(acts, mention, next_start, unit.text)
    if unit.is_title:
        # "Toll could reach 20,000, mayor says", "Family says strike killed 10": a headline that
        # names its source gives it (before the figure, only with a plain "says": "X admits N"
        # keeps the headline's own framing)
        verb = unit.text[act.verb_start : act.verb_end] if act is not None else ""
        says = re.fullmatch(r"says?|said|tells?|told", verb, re.I)
        named = act is not None and (act.verb_start > mention.end or says) and not is_pronoun(act.speaker)
        return (act.speaker, act) if named and act is not None else (f"headline of {article.id}", None)
    if _inside_quote(unit.text, mention, config.min_words):
        return next((q.speaker for q in reading.quotes if unit.index in q.sentences), UNATTRIBUTED), act
    if act is None:
        return voice, None
    if act.kind != "reports" and is_pronoun(act.speaker):
        return unit.speaker or voice, act  # "It said": the chain's speaker, never a bare pronoun
    if act.kind != "reports" and is_generic(act.speaker):
        # the sentence's resolved speaker, unless another act of the sentence gave it
        return (unit.speaker if len(unit.acts) == 1 else None) or act.speaker, act
    return act.speaker, act


def _disputes(hedges: tuple[str, ...], unit: AnnotatedSentence, claimant: str, voice: str) -> tuple[str, ...]:
    """A figure called disinformation is disputed by the sentence's speaker when somebody else
    gave it, or denied by its claimant ("Claims of 27 dead are fabrications," X said)."""
    if "disinformation" not in hedges:
        return hedges
    if unit.speaker and unit.speaker != claimant:
        return (*hedges, f"disputed by {unit.speaker}")
    if not unit.is_title and claimant != voice:
        return (*hedges, f"denied by {claimant}")
    return hedges


def extract_claims(reading: AnnotatedArticle, quotes: QuotesConfig | None = None) -> list[Claim]:
    """Every numeric claim of an annotated article (its title included), in reading order;
    `quotes.min_words` tells a quotation whose speaker gives a figure from a scare quote."""
    quotes = quotes or QuotesConfig()
    article = reading.article
    lex = lexicon(article.language)
    if lex is not None:
        return extract_claims_lexicon(article, lex)
    voice = article.source or article.id
    counting = _Counting()
    claims: list[Claim] = []
    for unit in reading.units:
        if unit.caption:
            continue
        acts = _Acts.of(unit.acts)
        for n, mention in enumerate(unit.figures):
            counted = _quantity_and_subject(unit.text, unit.figures, n, counting)
            if counted is None:
                continue
            next_start = unit.figures[n + 1].start if n + 1 < len(unit.figures) else len(unit.text)
            claimant, act = _claimant(reading, unit, mention, quotes, acts, next_start)
            claims.append(
                Claim(
                    quantity=claim_quantity(counted[0]),
                    subject=counted[1],
                    value_text=mention.text,
                    low=mention.low,
                    high=mention.high,
                    claimant=claimant,
                    hedges=_disputes(_hedges(*_near(unit.text, mention)), unit, claimant, voice),
                    article_id=article.id,
                    sentence_index=unit.index,
                    sentence=unit.text,
                    date=_claim_date(unit.dates, act, article.published),
                )
            )
    return claims
