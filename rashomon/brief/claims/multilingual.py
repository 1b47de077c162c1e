"""Numeric claims of an article in any language with a `text.languages` lexicon.

The English reader's meaning rules, kept small enough to hold for every language:

- **figure**: `text.figures.find_figures` (digits, number words, scales, modifiers, vague words);
- **quantity**: the counted-word of the lexicon nearest the figure, inside the figure's own
  stretch of the sentence (never across another figure). Words after the figure win a near tie
  ("154명이 숨지고 132명이 다쳤다": 132 were hurt), except in Arabic, where the event comes
  first ("مقتل 632 شخصا", "إصابة 329"). A figure with no counted word near it is not a claim;
- **claimant**: the attribution of the figure's own stretch ("1,28 million selon le ministère et
  3,5 millions selon la CGT"), else the nearest one before it, else the first after it ("... 296
  morts et 153 blessés, selon un premier bilan du ministère"), else the outlet's own voice; a
  headline is "headline of <article>" as in English;
- **zeros**: "не пострадали" is a figure of 0 harmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.brief.claims import outages, shares
from rashomon.brief.claims.headlines import headline_voice
from rashomon.brief.claims.places import figure_place, sentence_place
from rashomon.brief.claims.who import COUNT_HEAD, COUNT_ONLY, DOCUMENT_ONLY, clean_who
from rashomon.records import Article, Claim
from rashomon.text.captions import is_caption
from rashomon.text.figures import find_figures
from rashomon.text.languages import Lexicon
from rashomon.text.numbers import Mention

_PRELIMINARY = re.compile(
    r"premier bilan|bilan provisoire|provisional|provisionales|preliminar|حصيلة أولية|предварительн|初步|暫定|잠정",
    re.I,
)


@dataclass(slots=True, frozen=True)
class _Said:
    who: str
    start: int
    end: int


def _attributions(text: str, lex: Lexicon) -> list[_Said]:
    found: list[_Said] = []
    for rx in lex.attribution:
        for m in re.finditer(rx, text):
            who = clean_who(m.group("who"))
            for pattern, replacement in lex.normalise:
                who = re.sub(pattern, replacement, who)
            if COUNT_ONLY.fullmatch(who) or COUNT_HEAD.match(who):
                continue  # "según el último recuento provisional": a count, nobody's
            if who and not any(m.start() < s.end and s.start < m.end() for s in found):
                found.append(_Said(who, m.start(), m.end()))
    found.sort(key=lambda s: s.start)  # "X發布通報。通報稱": the bulletin alone is the body that issued it
    return [
        _Said(found[n - 1].who, s.start, s.end) if n and DOCUMENT_ONLY.fullmatch(s.who) else s
        for n, s in enumerate(found)
    ]


# not "6 p. m. dio"; "35人死亡,43人受伤!珠海警方通报": a Latin "!" right before CJK ends a sentence too
_SEGMENT = re.compile(r"[。！？]|[!?](?=[\u3040-\u30ff\u4e00-\u9fff])|(?<=[.!?])(?<!\b\w[.])(?<!\b\w\w[.])\s+(?=\S)")
_CONTRAST = re.compile(r"بينما|\bwhile\b|\bwhereas\b|\bmientras\b|\btandis\b|\bа\b|而", re.I)


def _segment(text: str, at: int) -> tuple[int, int]:
    """The stretch between sentence ends around `at`: a CJK unit often holds several sentences."""
    start = 0
    for m in _SEGMENT.finditer(text):
        if m.end() <= at:
            start = m.end()
        else:
            return start, m.start()
    return start, len(text)


def _claimant(text: str, said: list[_Said], figure: Mention, next_start: int) -> str | None:
    low, high = _segment(text, figure.start)
    opening = _opening(text, said, low)
    said = [s for s in said if low <= s.start < high]
    own = [s for s in said if figure.end <= s.start < next_start]
    # "... 1,28 million selon le ministère et ...": a trailing attribution, not one opening the
    # next clause ("..., بينما قالت صحيفة ... إن 90")
    trailing = [
        s for s in own if not _CONTRAST.search(text[figure.end : s.start]) and text[s.end : next_start].strip()
    ]  # "et les syndicats 2,5 millions" names the figure it leads to, not the one before
    if trailing and (trailing[0].start - figure.end <= 40 or next_start >= high):
        return trailing[0].who
    before = [s for s in said if s.end <= figure.start or s.start < figure.start]
    if before:
        return before[-1].who
    # "64, mientras que los vecinos hablan de más de un centenar": a source past a contrast is the
    # other side's, not this figure's
    after = [s for s in said if s.start >= figure.end and not _opens_contrast(text, figure.end, s)]
    return after[0].who if after else opening


def _opening(text: str, said: list[_Said], low: int) -> str | None:
    """The source that opens a unit of several sentences ("По официальным данным, погибли девять.
    18 детей попали в больницу."; "Xによれば、...。...") covers the later ones, until another is named."""
    first = said[0] if said else None
    if first is None or first.end > low or len(text[: first.start].strip()) > 3:
        return None
    if len(text[first.end : _segment(text, first.start)[1]].strip()) <= 6:
        return None  # "Xは...と発表しました。買収額は...": a verb closing its sentence says only that one
    return first.who if all(s.start >= low for s in said[1:]) else None


def _opens_contrast(text: str, start: int, said: _Said) -> bool:
    """The source opens a contrasting clause ("..., mientras que los vecinos hablan de ..."), not
    one that closes the sentence ("..., بينما بلغ عدد المصابين 2501، وفقا للتلفزيون")."""
    ends = [m.end() for m in _CONTRAST.finditer(text, start, said.end)]
    return bool(ends) and said.start - ends[-1] <= 12


def _quantity(text: str, figures: list[Mention], n: int, lex: Lexicon) -> str | None:
    figure = figures[n]
    stop = figures[n + 1].start if n + 1 < len(figures) else len(text)
    begin = figures[n - 1].end if n else 0
    if shares.is_share(text, figure, lex):
        return "percent"  # "58,3%": a share, whatever it is of
    own = next((q for q, rx in lex.events if re.fullmatch(rx, figure.text)), None)
    if own:
        return own  # a dual names what it counts itself: "قام انتحاريان" (two suicide bombers)
    lead = text[max(0, figure.start - 200) : figure.start]
    made = next((q for rx, q in lex.made_of if re.search(rx, lead, re.I)), None)
    if made:
        return made  # "el comando estaba compuesto por 26 colombianos"
    reach = 14 if lex.cjk else 60
    after = _CONTRAST.split(text[figure.end : min(stop, figure.end + reach)])[0]  # "..., while N wounded"
    if lex.cjk and stop <= figure.end + reach:
        after = re.split(r"[、，,]", after)[0]  # "負傷者は3900人", "179명, 부상자 2명": the next item's word
    if lex.partitive and re.match(lex.partitive, after):
        after = ""
    back = 10 if lex.cjk else 70 if lex.code == "ar" else 45  # "ارتفع عدد ضحايا الزلزال ... الى 2681"
    before = _CONTRAST.split(text[max(begin, figure.start - back) : figure.start])[-1]
    if n and not lex.cjk and lex.code != "ar" and _nearest(after, "", lex.events, lex):
        before = before.split(",")[-1]  # "Drei werden getötet, fünf weitere verletzt": the first one's word
    found = _nearest(after, before, lex.events, lex) or _nearest(after, before, lex.groups, lex)
    if found is None and not lex.cjk and re.match(r"\s*\w+,", after):
        # "21 человек, большинство из которых дети, пострадали": the verb past an aside
        aside = re.split(r"[.;:]\s", text[figure.end : min(stop, figure.end + 120)])[0]
        found = _nearest(_CONTRAST.split(aside)[0], "", lex.events, lex)
    return found or outages.affected_users(text, figure, lex)


def _nearest(after: str, before: str, words: tuple[tuple[str, str], ...], lex: Lexicon) -> str | None:
    """The quantity whose word is nearest the figure. The word after the figure wins a near tie
    ("154명이 숨지고 132명이 다쳤다": 132 were hurt); Arabic puts it on either side ("مقتل 632
    شخصا", "20 قتيلاً و 52 مصاباً"): nearest wins."""
    best: tuple[float, str] | None = None
    penalty = 0 if lex.code == "ar" else 3 if lex.cjk else 12
    bound = "" if lex.cjk or lex.code == "ar" else r"(?<!\w)"  # Arabic clitics: "وإصابة"
    for quantity, rx in words:
        for m in re.finditer(f"{bound}(?:{rx})", after, re.I):
            cost = m.start()
            if best is None or cost < best[0]:
                best = (cost, quantity)
            break
        for m in re.finditer(f"{bound}(?:{rx})", before, re.I):
            cost = len(before) - m.end() + penalty
            if best is None or cost < best[0]:
                best = (cost, quantity)
    return best[1] if best else None


def _counted(text: str, figures: list[Mention], lex: Lexicon) -> list[tuple[Mention, str | None]]:
    """Each figure with its quantity; a figure with no counted word of its own continues the list
    of the figure before it ("16 детей, 46 женщин и 36 мужчин", "542 décès ..., Chichaoua (103)"),
    or, first in a short list, shares the word of the figure after it ("15 colombianos y dos
    estadounidenses detenidos"), when no sentence break separates them."""
    out: list[tuple[Mention, str | None]] = []
    breakdown = False  # inside a list opened by a colon ("девять человек: четыре мальчика, три девочки")
    for n, figure in enumerate(figures):
        quantity = _quantity(text, figures, n, lex)
        between = text[figures[n - 1].end : figure.start] if n else ""
        opens = bool(re.fullmatch(r"\W*\w*\s*[:—–]\s*", between))  # "девять человек — двое ..."
        if quantity is None and out and out[-1][1]:
            # a number word only right after "y"/"et" ("15 colombianos y dos"; not "..., deux zones"),
            # or as an item of a breakdown opened by a colon
            item = (
                opens or (breakdown and re.fullmatch(r"\W*\w*\s*,\s*", between)) or _PLACE_ITEM.match(text, figure.end)
            )
            # place by place, the first item's words may be long: "17 morts ont été recensés dans le
            # département de X, 9 dans la ville des Cayes"
            by_place = _PLACE_ITEM.match(text, figure.end) and _PLACE_ITEM.search(between) and len(between) <= 90
            listed = _listed(between, lex) or (by_place and not re.search(r"[.;]\s", between))
            if listed and (figure.text[-1:].isdigit() or _joined(between, figure) or item):
                quantity = out[-1][1]
        breakdown = quantity is not None and (opens or (breakdown and "," in between))
        out.append((figure, quantity))
    for n in range(len(out) - 2, -1, -1):
        (figure, quantity), (after, shared) = out[n], out[n + 1]
        between = text[figure.end : after.start]
        joined = re.search(r"\b(?:et|and|y|и)\b|\s+و", between) and _listed(between, lex)
        if quantity is None and shared and len(between) <= 30 and joined:
            out[n] = (figure, shared)
    return out


# a list item told by its place: "92 en Valencia, con dos en Castilla-La Mancha y uno en Málaga"
_PLACE_ITEM = re.compile(  # "9 dans la ville des Cayes, et 3 dans le département des Nippes"
    r"\s+(?:en|à|au|dans|in|im|в|во)\s+(?:la\s+|el\s+|le\s+|l['’])?"
    r"(?:(?:ville|département|province|région|commune)\s+(?:des?|du|d['’])\s*(?:la\s+|l['’])?)?[A-ZÁÉÍÓÚÑÀÂÈÊÎÔÛÄÖÜА-ЯЁ]"
)


def _joined(between: str, figure: Mention) -> bool:
    """A number word above one joined to the figure before by a bare "y"/"et"/"and"/"и"."""
    tail = between.split(",")[-1]
    joined = re.fullmatch(r"\W*\w*\s+(?:et|and|y|и)\s+", tail) or re.fullmatch(_INCLUDING, tail)
    return figure.low is not None and figure.low >= 2 and bool(joined)


# "девять человек, в том числе семеро детей": a part of the count named right before
_INCLUDING = r"\s*(?:в том числе|среди них|including|among them|dont|darunter|entre ellos|entre ellas)\s+"


def _listed(between: str, lex: Lexicon) -> bool:
    # "사망자 177명(남 82명, 여 84명)": a breakdown in parentheses lists the same quantity
    listed = re.search(r",|、|，|\(|（|\b(?:et|and|y|и)\b|\s+و", between)
    # "1,28 million de manifestants selon le ministère et 3,5 millions selon la CGT"
    reach = 90 if any(re.search(rx, between) for rx in lex.attribution) else 40
    # "погибли девять человек: четыре мальчика, три девочки": a breakdown after a colon, too
    colon = re.search(r"[:—–]", between)
    broken = re.search(r"[.;。；]", between) or (colon and len(between) > 20)
    return bool(listed or colon) and len(between) <= reach and not broken


def _subject(text: str, figures: list[Mention], n: int, lex: Lexicon, quantity: str) -> str:
    """Who is counted, in the lexicon's English words: looked for after the figure (up to the next
    one), then just before it; "" when the text does not say (the ledger calls it unspecified)."""
    figure = figures[n]
    if (
        quantity == "money"
    ):  # what a sum pays for is named anywhere in its sentence ("ein Hilfsfonds ... 1,5 Millionen")
        return " ".join(dict.fromkeys(word for rx, word in lex.subjects if re.search(rx, text)))
    stop = figures[n + 1].start if n + 1 < len(figures) else len(text)
    begin = figures[n - 1].end if n else 0
    if quantity in ("percent", "seats", "votes"):
        return shares.share_subject(text, figure, begin, lex, quantity)
    place = figure_place(text, figure, begin, lex) or sentence_place(text, lex)
    if place:
        return place  # "A Paris, 22 personnes": the count of a place, compared with that place's
    after = text[figure.end : min(stop, figure.end + (12 if lex.cjk else 50))]
    after = re.split(r"[,，、。；;]", after)[0]  # "58 傷，包括有消防員": the next clause counts others
    before = text[max(begin, figure.start - (10 if lex.cjk else 30)) : figure.start]
    before = re.split(r",|、|，|\s(?:et|and|y|и|и\s+ещё)\s|\sو", before)[-1]  # not the previous figure's noun
    for window in (before, after) if lex.noun_before else (after, before):
        words = [word for rx, word in lex.subjects if re.search(rx, window)]
        if words:
            return " ".join(dict.fromkeys(sorted(words, key=lambda w: not w[0].isupper())))
    return ""


_PEOPLE = re.compile(r"\s*(?:人|personas|personnes|people|persons|человек|людей|Menschen|Personen|شخص)", re.I)
_OTHERS = re.compile(r"\s*(?:آخرين|آخرون|others|otros|otras|autres|других|другие|weitere)", re.I)


def _inherited(
    text: str, figures: list[Mention], n: int, before: list[str], lex: Lexicon, others_only: bool = False
) -> str:
    """Who the figure before counted, for a figure that names nobody but continues it: "13 soldados
    muertos y 18 heridos", "مقتل 13 عسكرياً امريكياً واصابة 18 آخرين" (18 others: the soldiers)."""
    if not n or not before or not before[-1]:
        return ""
    figure = figures[n]
    between = text[figures[n - 1].end : figure.start]
    if _OTHERS.match(text, figure.end):
        return before[-1]  # "18 آخرين": others of those counted before
    if others_only or _PEOPLE.match(text, figure.end):
        return ""  # "一名消防員，逾200人失聯": 200 people, not 200 more firefighters
    part = bool(lex.partitive and re.match(lex.partitive, between))  # "탑승자 181명 중 구조된 2명"
    return before[-1] if part or _listed(between, lex) else ""


def _zero_subject(text: str, zero: Mention, lex: Lexicon) -> str:
    before = text[max(0, zero.start - 30) : zero.start]
    return " ".join(dict.fromkeys(word for rx, word in lex.subjects if re.search(rx, before)))


def _zeros(text: str, lex: Lexicon) -> list[tuple[Mention, str | None]]:
    return [
        (Mention(m.group(0), 0.0, 0.0, m.start(), m.end()), quantity)
        for rx, quantity in lex.zeros
        for m in re.finditer(rx, text, re.I)
    ]


def _told_next(units: list[tuple[int, str]], index: int, lex: Lexicon) -> str | None:
    """The claimant the next sentence names for this one ("... погибли. Об этом сообщает WSJ.")."""
    at = next((n for n, (i, _) in enumerate(units) if i == index), None)
    if not lex.next_attribution or at is None or at + 1 >= len(units) or index < 0:
        return None
    m = re.match(lex.next_attribution, units[at + 1][1])
    return clean_who(m.group("who")) if m else None


def _speaker(text: str, named: str | None, last: str, lex: Lexicon) -> str | None:
    """The claimant a sentence leaves implicit: "Dijo que ..." and "selon le même communiqué"
    are the last speaker named."""
    if not named and lex.same_speaker and re.match(lex.same_speaker, text):
        return last or None
    if named and re.match(r"(?:même|mismo|misma|тот же|the same)\b", named, re.I):
        return last or named
    return named


def _continued(
    text: str, said: list[_Said], figures: list[Mention], n: int, lex: Lexicon, before: list[Claim], voice: str
) -> str | None:
    """A figure with no counted word, given by a named source in a sentence about counts, continues
    what the article was counting: "Dans la capitale, les chiffrages font le grand écart entre
    700.000 selon la CGT et 81.000 pour la préfecture" counts protesters."""
    if not lex.counts or n >= len(figures) or not re.search(lex.counts, text, re.I):
        return None
    next_start = figures[n + 1].start if n + 1 < len(figures) else len(text)
    if _claimant(text, said, figures[n], next_start) is None:
        return None
    # what sources were giving: the outlet's own "22 interpellées" between is not the count at issue
    sourced = [
        c.quantity
        for c in before
        if c.quantity not in ("money", "percent") and c.claimant != voice and not c.claimant.startswith("headline of ")
    ]
    return outages.same_sum(text, before) or (sourced[-1] if sourced else None)


def _kind_of(subject: str, lex: Lexicon) -> bool:
    """The subject names kinds of people from the lexicon ("Afghan civilians"), not a place."""
    kinds = {w for _, word in lex.subjects for w in word.split()}
    return bool(subject) and set(subject.split()) <= kinds


def _who(text: str, figures: list[Mention], n: int, subjects: list[str], lex: Lexicon, quantity: str) -> str:
    """Who the `n`-th figure counts, in the sentence itself ("" when it does not say); a share, a
    seat count or a vote count is whose it names, never the figure before's ("33% de los votos y
    137 escaños")."""
    if quantity in ("percent", "seats", "votes"):
        return _subject(text, figures, n, lex, quantity)
    return (
        _inherited(text, figures, n, subjects, lex, others_only=True)
        or _subject(text, figures, n, lex, quantity)
        or _inherited(text, figures, n, subjects, lex)
    )


def extract_claims_lexicon(article: Article, lex: Lexicon) -> list[Claim]:
    """Every numeric claim of `article` (its headline included), in reading order; the lines of a
    results table ("SPD: 206") count what their heading names (`shares`)."""
    voice = article.source or article.id
    units = ([(-1, article.title)] if article.title else []) + [(s.index, s.text) for s in article.sentences]
    claims: list[Claim] = []
    last = ""  # the last claimant named
    counted: dict[str, str] = {}  # quantity -> who the sentence before counted
    heading: str | None = None  # what the table under a heading counts
    for index, text in units:
        if is_caption(text):
            continue
        said = _attributions(text, lex)
        told = _told_next(units, index, lex)
        figures = find_figures(text, lex)
        label = shares.table_label(text, figures)
        subjects: list[str] = []  # of this sentence's figures so far
        for n, (figure, found) in enumerate(_counted(text, figures, lex) + _zeros(text, lex)):
            quantity = found or _continued(text, said, figures, n, lex, claims, voice) or (heading if label else None)
            if quantity is None or shares.not_counted(text, figure, quantity, lex):
                continue
            if n < len(figures):
                subject = label or _who(text, figures, n, subjects, lex, quantity)
                subject = subject or ("" if _PEOPLE.match(text, figure.end) else counted.get(quantity, ""))
            else:
                subject = _zero_subject(text, figure, lex)
            subjects.append(subject)
            next_start = figures[n + 1].start if n + 1 < len(figures) else len(text)
            named = _speaker(text, _claimant(text, said, figure, next_start) or told, last, lex)
            last = named or last
            claims.append(
                Claim(
                    shares.claim_quantity(quantity),
                    subject,
                    figure.text,
                    figure.low,
                    figure.high,
                    headline_voice(article.id, text, named if said else None) if index < 0 else (named or voice),
                    figure.hedges + (("preliminary",) if _PRELIMINARY.search(text) else ()),
                    article.id,
                    index,
                    text,
                    article.published,
                )
            )
        last = said[-1].who if said else last  # "..., dijo Charles." names the speaker of what follows
        heading = shares.heading_quantity(text, lex) or (heading if label else None)
        # "عدد القتلى تجاوز 60" right after "20 Afghans killed": the dead counted just before
        # (kinds of people only: "dos en Málaga" says where, not whom the next sentence counts)
        counted = {c.quantity: c.subject for c in claims if c.sentence_index == index and _kind_of(c.subject, lex)}
    return claims
