"""What a figure counts: the event around it, read from the words before and after it.

`claims` asks `quantity_of` for every figure: "killed", "wounded", "displaced", "missing",
"attacking force", "money", "percent", "recalled", "incidents", ... or None when the words say
nothing countable (a street number, a score, a unit). The rules, in order, are listed in the
`claims` module docstring; they live here so that each module reads in one sitting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rashomon.brief.claims.revisions import TOLLS
from rashomon.text.numbers import Mention

_EVENTS: tuple[tuple[str, str], ...] = (
    # its own quantity: a count of dead and injured together is neither a death toll nor an injury count
    ("killed or injured", r"(?:killed|dead) (?:or|and/or) (?:injured|wounded|hurt)|(?:injured|wounded) or killed"),
    (
        "killed",
        r"killed|kill|kills|killing|dead|deaths?|died|die|dying|fatalities|lives|perished|bodies|death toll|deceased|"
        r"passed away",
    ),
    (
        "wounded",
        r"wounded|wounding|injured|injuring|injur(?:y|ies)|hurt|hospitali[sz]ed|treated|treatment|hospitals?|"
        r"critically|(?:serious|critical) condition",
    ),
    ("casualties", r"casualt(?:y|ies)"),
    ("missing", r"missing|unaccounted|not accounted for"),
    ("accounted for", r"(?<!un)(?<!not )accounted for"),
    ("trapped", r"trapped"),
    ("arrested", r"arrested|detained|detentions?|arrests?|jailed|imprisoned"),
    (
        "displaced",
        r"displaced|evacuated|evacuees|fled|homeless|refugees|relocated|"
        r"moved (?:out of|from) (?:their )?homes|(?:from|out of) their homes|left homeless|shelters?",
    ),
    ("rescued", r"rescued|saved|pulled (?:alive )?(?:out )?(?:from|of)"),
    ("demonstrations", r"demonstrations"),
    (
        "protesters",
        r"protesters|demonstrators|demonstrated|marched|took to the streets|participated|protests?|"
        r"rall(?:y|ies)|strikers",
    ),
    (
        "crowd",
        r"gathered|crowds?|were waiting|were out|packed|assembled|(?:were|was) present|in attendance|attended|"
        r"attendees|mourners|pilgrims|worshippers|"
        # at a funeral or a mass people take part in no protest; the longer wording wins over "participated"
        r"(?:participated|took part) in (?:the |a |an )?(?:[\w'’]+ ){0,2}?"
        r"(?:funeral|mass|ceremony|service|vigil|concert)",
    ),
    # an assembly's vote: who voted, and who was present ("190 lawmakers present")
    ("voted", r"voted|voting|in favou?r|unanimous(?:ly)?"),
    ("present", r"(?:lawmakers|legislators|deputies|members|MPs|senators) present"),
    ("votes", r"votes?"),
    ("seats", r"seats"),  # a party's seats ("won 245 seats"); see `_NOT_SEATS`
)
EVENT_RX = [(q, re.compile(rf"\b(?:{rx})\b", re.I)) for q, rx in _EVENTS]
_BEFORE_RX: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "killed",
        re.compile(
            r"\b(?:killed|killing|kills|kill|deaths? of|"
            r"(?:death toll|toll|tally|number of (?:dead|deaths|fatalities|victims))\b.{0,50}?"
            r"(?:to|at|of|from|reached|rose|reach|reaches|hit|surpass(?:es)?|exceed(?:s)?|top|between|range|ranging|could|may|might|will)"
            r"(?:\s+into(?:\s+the)?)?|claimed the lives of|lives of)(?:\s+(?:a further|another|an additional))?\s*$",
            re.I,
        ),
    ),
    (
        "wounded",
        re.compile(r"\b(?:wounded|wounding|injured|injuring)(?:\s+(?:a further|another|an additional))?\s*$", re.I),
    ),
    ("protesters", re.compile(r"\bnumber of (?:protesters|demonstrators) at\s*$", re.I)),
    # "voted down by 190 lawmakers", "a crowd of 200,000", "estimate the crowd to be closer to 150,000",
    # "the number of people present ... is more than 250,000"
    ("voted", re.compile(r"\bvot(?:ed|ing)\b[^.;\d]{0,25}?\bby\s*$", re.I)),
    # "the decision has the agreement of all eight justices": a bench's or an assembly's vote
    ("voted", re.compile(r"\b(?:agreement|support|backing|approval|votes?) of all\s*$", re.I)),
    (
        "crowd",
        re.compile(
            r"\bcrowds?\b[^.;\d]{0,40}?\b(?:of|at|to be|was|is|were|reached|numbered)(?:\s+(?:closer|close) to)?\s*$",
            re.I,
        ),
    ),
    # "killing Zemari, Farzad and eight other family members": the named dead, then a count
    ("killed", re.compile(r"\b(?:killed|killing)\s+(?:[A-Z][\w'-]+,?\s+){1,4}and\s+$")),
    # "Among those injured, 132 are from ...": the group the figure is a part of
    ("wounded", re.compile(r"\bamong (?:those|the) (?:injured|wounded|hurt)\s*,?\s*$", re.I)),
    ("killed", re.compile(r"\bamong (?:those|the) (?:killed|dead)\s*,?\s*$", re.I)),
    ("missing", re.compile(r"\bamong (?:those|the) (?:still )?(?:missing|unaccounted for)\s*,?\s*$", re.I)),
    # "The missing include at least 34 Jewish people"
    ("missing", re.compile(r"\bthe (?:missing|unaccounted for) includes?\s*$", re.I)),
    ("killed", re.compile(r"\bthe (?:dead|victims) includes?\s*$", re.I)),
    (
        "attacking force",
        re.compile(
            r"\b(?:attack(?:ed)? by|assault by|offensive by|attackers? numbering|"
            r"force of|group of)\s*$",
            re.I,
        ),
    ),
    ("arrested", re.compile(r"\b(?:arrested|detained|detaining|arresting)\s*$", re.I)),
    ("recalled", re.compile(r"\brecall(?:ed|ing|s)?\s*$", re.I)),
    ("displaced", re.compile(r"\b(?:displaced|evacuated|displacing|evacuating)\s*$", re.I)),
)
# "the number of people present as the funeral nears its end is more than 250,000": far back
_CROWD_NUMBER = re.compile(
    r"\bnumber of (?:people|mourners|faithful|worshippers) (?:present|gathered|attending|in attendance)\b"
    r"[^.;\d]{0,80}?\b(?:is|was|reached|stood at|stands at)\s*$",
    re.I,
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
MONEY_AFTER = re.compile(r"^\s*(?:dollars|euros|rubles|roubles|pounds|yuan|hryvnias?|usd|eur)\b", re.I)
# a body's size or a majority: "the 577 seats", "a majority of 289", "289 seats needed for a majority"
_NOT_SEATS = re.compile(r"\b(?:the|all|its|of|majority of|majority \()\s*$", re.I)
_NOT_SEATS_AFTER = re.compile(
    r"-seat\b|\s+seats\s+(?:are |were )?(?:needed|required|necessary)|\s+seats\s+(?:for|to form) a majority", re.I
)
_SOURCES = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:officials|sources|diplomats|witnesses|officers|analysts|experts)\s+"
    r"(?:familiar with [^,.;]{0,40}?\s+)?(?:[a-z]+ly\s+)?(?:told|said|say|says|confirmed|speaking)\b",
    re.I,
)
_NOT_DEATHS = re.compile(r"\bdeath (?:row|sentences?|penalty|threats?)|sentenced to death", re.I)


_FACILITIES = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:hospitals|clinics|shelters|cities|towns|villages|provinces|regions|districts|"
    r"buildings|schools|ambulances|helicopters|planes|aircraft|videos|photos|images|pictures|posts)\b"
    # right after the figure only: "destroyed 1,591 homes", not "forced 2.6 million from their homes"
    r"|\s+(?:(?!from|of|their|in|out|to|at|and)[\w-]+\s+)?(?:homes|houses|apartments|cars|vehicles|bridges|"
    r"monasteries|pagodas|temples|mosques|churches|capitals)\b",
    re.I,
)


def quantity_of(text: str, mention: Mention) -> str | None:
    """What `mention` counts in `text` (the sentence up to the next figure), or None; "four
    Russian military hospitals" counts hospitals, not the wounded in them."""
    share = re.search(r"(?:%|percent|per cent)$", mention.text) or re.match(r"\s?(?:%|percent\b)", text[mention.end :])
    if _FACILITIES.match(text, mention.end) and not share:
        return None  # "75 percent of buildings" is a share, still
    if _SOURCES.match(text, mention.end):
        return None  # "Two senior army officials told Reuters that Assad had fled": who speaks, not who is counted
    found = _event_quantity(text, mention)
    if found == "seats" and (
        _NOT_SEATS.search(text[: mention.start][-40:]) or _NOT_SEATS_AFTER.match(text, mention.end)
    ):
        return None  # "the 577 seats", "the 577-seat assembly", "289 seats needed for a majority"
    if found == "killed" and _NOT_DEATHS.search(text) and not re.search(r"\b(?:killed|dead|died)\b", text):
        return None  # "40 people convicted of blasphemy are on death row" counts no dead
    return found


def shared_quantity(text: str, mentions: Sequence[Mention], n: int) -> str | None:
    """ "Five soldiers and three civilians were killed", "1.27 million people (according to police)
    and 2.8 million (...) took to the streets": the first of two figures joined by "and" counts
    what the second does (never a count of things: "200 homes and 5 people were killed")."""
    if n + 1 >= len(mentions) or _FACILITIES.match(text, mentions[n].end):
        return None
    between = re.sub(r"\([^()]{0,60}\)", "", text[mentions[n].end : mentions[n + 1].start])
    if not re.fullmatch(r"\s+(?:(?![\w-]+(?:ed|ing)\s)[\w-]+\s+){0,3}and\s+", between):
        return None  # "39 individuals identified and 89 bodies": the first has a verb of its own
    end = mentions[n + 2].start if n + 2 < len(mentions) else len(text)
    return quantity_of(text[max(0, mentions[n].start - 60) : end], _shifted(mentions[n + 1], mentions[n].start - 60))


def _shifted(mention: Mention, offset: int) -> Mention:
    shift = max(0, offset)
    return Mention(mention.text, mention.low, mention.high, mention.start - shift, mention.end - shift, mention.hedges)


def _event_quantity(text: str, mention: Mention) -> str | None:
    before = text[: mention.start][-60:]
    after = text[mention.end :]
    if re.search(r"[$€£]", mention.text) or MONEY_AFTER.match(after):
        return "money"
    if re.match(r"\s?(?:%|percent\b|per cent\b|percentage points?\b)", after) or re.search(
        r"(?:%|percent|per cent)$", mention.text
    ):
        return "percent"  # a share, or a change of one ("a margin of 0.73 percentage points")
    for quantity, rx in _BEFORE_RX:
        if rx.search(before):
            return quantity
    if _CROWD_NUMBER.search(text[: mention.start][-130:]):
        return "crowd"
    toll = re.search(  # the toll's word may be far back: "the toll in X from a 7.7 quake on March 28 is"
        r"\b(killed|dead|deaths?|died|toll|injured|injuries|wounded|missing|unaccounted|casualties)\b"
        r"(?:[^.;]|(?<=\d)\.(?=\d)){0,80}?\b(?:is|was|stood at|stands at|rose to|reached|climbed to|increased to|"
        r"(?:could|may|might|will) (?:reach|rise to|climb to|top|hit))\s*$",
        text[: mention.start][-130:],
        re.I,
    )
    if toll:
        word = toll.group(1).lower()
        return "killed" if word == "toll" else next(q for q, rx in EVENT_RX if rx.fullmatch(word))
    if re.match(
        r"\s+(?:(?!(?:were|was|been|are|is|had|have)\b)[\w-]+\s+){0,3}?(?:kill|kills|killed|attacked|stormed)\s+"
        r"(?:at least|over|more than|about|some|nearly|up to|\d|[a-z]+ty\b|two|three|four|five|six|seven|eight|"
        r"nine|ten)\S*(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\b)",
        after,
        re.I,
    ):
        return "attacking force"  # "Two female bombers killed at least 58": the figure counts attackers
    if _ATTACKERS.match(after):
        return "attacking force"  # "Two female suicide bombers blew themselves up, killing 58"
    if _INCIDENTS.match(after):
        return "incidents"  # "37 incidents of overheating", "37 reports of overheating"
    # The clause of the figure ends where another clause or a result of it starts ("..., killing").
    clause = re.split(_CLAUSE_END, after, maxsplit=1)[0]
    window = " ".join(clause.split()[:14])
    # the longest wording at a position wins: "killed or injured" over "killed"
    hits = [(m.start(), -len(m.group(0)), q) for q, rx in EVENT_RX if (m := rx.search(window))]
    attack = _ATTACK_AFTER.search(" ".join(after.split()[:25]))
    if attack and _FORCE_NOUNS.match(after) and (not hits or attack.start() < min(hits)[0]):
        return "attacking force"
    if hits:
        return min(hits)[2]
    if _ABOARD.match(after) and (re.match(r"[^.;]*?\b(?:on board|aboard)\b", after) or _CARRYING.search(before)):
        return "aboard"  # "carrying 123 passengers and nine crew members": no event, who was aboard
    verb = re.match(
        r"\s+(?:[A-Za-z-]+\s+){1,4}?(?:were|was|have been|had been|are|been)\s+"
        r"(?:\w+ly\s+)?([a-z]+)\b",
        clause,
    )
    if verb and re.fullmatch(_DONE_TO, verb.group(1)):
        return verb.group(1)
    done = re.search(r"\b([a-z]{3,}ed)\s*$", before)  # "destroyed more than 300 homes"
    if done and re.fullmatch(_DONE_TO, done.group(1)):
        return done.group(1)
    return None


# What can be done to counted things and be worth a ledger line; other "-ed" verbs next to a
# figure ("released two angles", "centered around two bars") say nothing countable.
_DONE_TO = (
    r"destroyed|damaged|burned|burnt|demolished|flooded|seized|captured|kidnapped|abducted|deported|"
    r"freed|affected|infected|sentenced|convicted|charged|executed|targeted|attacked|stormed|recalled|"
    r"sold|shot|stabbed|poisoned|looted|razed|downed|sunk|grounded|cancelled|canceled|closed|"
    r"confiscated|impounded|banned|expelled|fired|dismissed|suspended|quarantined|tested|vaccinated"
)
_CARRYING = re.compile(
    r"\b(?:carrying|carried|transporting|with|had)\s+(?:[\w-]+\s+){0,2}$|\b(?:passengers|crew members)\s+and\s+$", re.I
)
_ABOARD = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:passengers|crew members|crew|on board|aboard)\b", re.I)
_INCIDENTS = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:incidents|cases|reports|complaints)\s+of\b(?!\s+(?:the|a|an|this|that|which)\b)", re.I
)
_ATTACKERS = re.compile(  # "two (female) (suicide) bombers": only adjectives between figure and noun
    r"^\s*(?:(?!(?:after|before|when|as|by|in|at|on|and|or|of|were|was|killed|injured|wounded|dead)\b)"
    r"[\w-]+\s+){0,2}?(?:suicide\s+)?(?:bombers|attackers|gunmen|assailants|shooters|hijackers)\b",
    re.I,
)
_CLAUSE_END = (
    r"(?<![A-Z])[.;:!?]\s|\bbut\b|\bwhile\b|\bwhereas\b|,\s+and\b|"
    r",\s+(?:killing|wounding|injuring|leaving|forcing|displacing|sending|prompting|causing)\b"
)


def continued_quantity(text: str, mention: Mention, recent: str | None) -> str | None:
    """ "The confirmed figure is twelve": a bare figure/number/toll takes the quantity the article
    was just counting (the sentence before gave the opposition's death toll); so does a crowd
    count given city by city or source by source."""
    before = text[: mention.start]
    marching = re.search(r"\b(?:demonstrat\w*|protest\w*|rall(?:y|ies)|march(?:es|ed)?)\b", text, re.I)
    if (recent in ("protesters", "crowd") or marching) and (
        re.match(r"\s*(?:\(|in [A-Z]|,?\s*according to\b|nationwide|across)", text[mention.end :])
        or re.search(r"\b(?:they|there) were\s*$", before, re.I)
    ):
        # crowd counts city by city: "245,000 in Marseille (30,000 according to the police)"
        return recent if recent in ("protesters", "crowd") else "protesters"
    if recent and _LIST_ITEM.search(before) and _PLACE_ITEM.match(text, mention.end):
        # "At least 96 bodies ... in Naypyidaw, 18 in Sagaing, and 694 in Mandalay": place by place
        return recent
    if recent in TOLLS and (
        _INCLUDES.search(before) or (_DEMONYM_ITEM.match(text, mention.end) and _OPENS.search(before))
    ):
        # "It includes nine Argentines", "Six are Venezuelan citizens, nine are Argentine": the
        # count just given, broken down
        return recent
    if recent in TOLLS and _INCLUDED.search(before):
        return recent  # "killed 10 people, including seven children": a part of the toll just given
    if recent in TOLLS and _JOINED.search(before) and not _FACILITIES.match(text, mention.end):
        return recent  # "killed 13 US military personnel and more than 110 Afghans": the same verb's count
    if recent and re.search(
        r"\b(?:figure|number|toll|tally|count|total)\s+(?:is|was|stands at|stood at|remains|remained)\s*$",
        before,
        re.I,
    ):
        return recent
    return None


# a part of a figure given just before in the sentence: "10 people, including seven"
_INCLUDED = re.compile(r"\d[^.;]{0,40}?,\s*(?:including|among them|among whom|of whom)\s+$", re.I)
_INCLUDES = re.compile(
    r"\b(?:it|they|this|that|the (?:list|toll|count|number|total|figure))\s+(?:includes?|included)\s+$", re.I
)
_DEMONYM_ITEM = re.compile(r"\s+(?:are|were|is|was)\s+[A-Z][a-z]+(?:an|ian|ine|ese|ish|i|ic)\b")
_OPENS = re.compile(r"(?:^|,\s*|\band\s+)$")  # the figure opens the sentence or an item of its list
# a second object of the verb that gave the figure before: "killed 13 soldiers and 110 civilians"
_JOINED = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|arrested|detained|evacuated|rescued)\s+"
    r"(?:at least |more than |some |about |nearly )?[\d,]+\s+(?:[\w-]+\s+){1,4}and\s+$",
    re.I,
)
# an item of a list that began with a figure earlier in the sentence: "..., 18 in Sagaing, and 694"
_LIST_ITEM = re.compile(r"\d[^.;]*(?:,|\band)\s*$")
_PLACE_ITEM = re.compile(r"\s+(?:(?:are|were)\s+)?(?:in|from)\s+(?:the\s+)?[A-Z]")
