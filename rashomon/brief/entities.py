"""People, organisations and places of a story, each with every name it goes by.

Without a trained tagger, names are runs of capitalised words (with inner "of", Arabic particles
such as "al-" and "ez-", and "U.S."), minus sentence-initial function words, titles ("President",
"Foreign Minister") and demonyms. Names are merged when `aliases.canonical_name` agrees (table and
transliteration rules), when one is the acronym of the other ("SDF", also learned from
"Syrian Democratic Forces (SDF)"), when a lone surname matches a full name ("Zakharova"), and
when an organisation is named with and without its country ("Russia's Foreign Ministry",
"Russian Foreign Ministry", "Foreign Ministry") while the story knows only one such body.
The kind comes from the words: organisation heads ("Ministry", "Command", "Forces"), a small
gazetteer and place words ("province", "River") for places, a title or a speech verb for people.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rashomon.records import Article, Entity
from rashomon.text.aliases import ALIASES, DEMONYMS, alias_display, canonical_name, initials, is_acronym_of
from rashomon.text.captions import is_caption
from rashomon.text.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_TOKEN = r"(?:[A-Z][\w’'.&-]*|(?:al|el|ez|es|as|ad|ash|an|ar|at|az|bin|ibn|de|da|van|von|der)-[A-Z][\w’'.-]*)"
_CHUNK = re.compile(rf"{_TOKEN}(?:\s+(?:(?:of|for|de|al|bin|ibn|von|van|der|ez|el)\s+(?:the\s+)?)?{_TOKEN})*")
_FUNCTION_WORDS = (
    set(
        re.findall(
            r"\S+",
            """
        the a an on in at as at but and or if while when after before since during according earlier
        later meanwhile however most some many several it its this that these those there he she
        they we i our his her their what who why how where dozens hundreds relatives people read
        more latest news adjust comment print so was to mr mrs ms dear your once not by with from
        for of
    """,
        )
    )
    | set(WEEKDAYS)
    | set(MONTHS)
    | set(MONTH_ABBREVIATIONS)
)
_TITLES = re.compile(
    r"^(?:(?:[A-Z][a-z]+\s+){0,2}(?:President|Prime Minister|Minister|Secretary|Spokesman|Spokeswoman|"
    r"Chancellor|"
    r"General|Gen\.|Gov\.|Governor|Sen\.|Senator|Rep\.|Mr\.|Mrs\.|Ms\.|Dr\.|King|Queen|Pope|Prince|Sheikh|"
    r"Colonel|Col\.|Major|Lt\.|Captain|Capt\.|Admiral|Judge|Mayor|Ambassador|Commander|Chief)\s+)+"
)
_ORG_HEADS = re.compile(
    r"\b(?:Ministry|Command|Forces|Group|Company|Coalition|Kremlin|Pentagon|Council|Agency|Office|Times|News|"
    r"Army|Party|Committee|Government|Union|Organi[sz]ation|Bank|Corporation|Corp\.?|Inc\.?|Ltd\.?|University|"
    r"Court|Parliament|Congress|Senate|Police|Xinhua|Reuters|Sputnik|TASS|State|Republic|Department|"
    r"Service|Institute|Foundation|Association|Federation|Guard|Brigade|Navy|Air Force|Front|Movement|"
    r"Assembly|Commission|Authority|Network|Post|Journal|Press|Observatory|Airlines|Foods)\b"
)
_PLACE_WORDS = re.compile(
    r"\b(?:Province|Governorate|River|City|Region|Sea|Mountains?|Valley|Island|Desert|Gulf|"
    r"Street|Square|County|District|Oblast|Strait|Ocean|Lake|Peninsula)\b"
)
_PLACES = set(DEMONYMS) | {
    "Moscow",
    "Damascus",
    "Washington",
    "Aleppo",
    "Allepo",
    "Deir ez-Zor",
    "Raqqa",
    "Idlib",
    "Homs",
    "Kyiv",
    "Kiev",
    "Beijing",
    "London",
    "Paris",
    "Berlin",
    "Tehran",
    "Ankara",
    "Baghdad",
    "Beirut",
    "Jerusalem",
    "Gaza",
    "Cairo",
    "Europe",
    "Asia",
    "Africa",
    "Middle East",
    "Crimea",
    "Donbas",
    "Euphrates",
    "Tigris",
    "Kabul",
    "Istanbul",
    "New York",
    "Brussels",
    "Geneva",
    "Vienna",
    "Tokyo",
    "Seoul",
    "Hong Kong",
}
_COUNTRY_DISPLAY = {c for c in DEMONYMS} | {"United States", "United Kingdom", "United Arab Emirates"}
_DEMONYM_WORDS = {d for d in DEMONYMS.values()} | {
    "American",
    "U.S.",
    "US",
    "Kurdish",
    "Arab",
    "Soviet",
    "CIS",
}
# Both are tried at a name's end or start in the text (`match(text, end)`, `search(text, near,
# start)`), never on a copy of the rest of the text: a copy per name was quadratic in a long text.
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|stated|warned|announced|wrote|tweeted|noted|has|had|was)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|from|visited|toured|town of|city of|village of)\s+$")
_SUFFIXES = re.compile(r"(?:-led|-backed|-based|-born|-owned|-run|-held|-linked|-allied|'s|’s)$")


@dataclass(slots=True)
class _Name:
    display: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)


_LED = re.compile(r"-(?:led|backed|based|held|allied|linked)$")
_CONTRACTION = re.compile(r"['’](?:t|ll|re|ve|d|m)$")


def _chunks(text: str, lowercase: frozenset[str] = frozenset()) -> tuple[tuple[str, str, int], ...]:
    """(name, evidence kind or "", start) for each capitalised run of `text`.

    `lowercase` holds the words the article also writes in lower case: such a word opening a
    sentence ("Residents of Kesmark") is an ordinary word, not part of a name. It is read for
    that first word only, so the rest is remembered per text (`_text_chunks`): copies of a wire
    story repeat their sentences.
    """
    first = _CHUNK.match(text)
    words = first.group(0).split() if first else []
    return _text_chunks(text, len(words) > 1 and words[0].lower() in lowercase)


@lru_cache(maxsize=16384)
def _text_chunks(text: str, ordinary_opening: bool) -> tuple[tuple[str, str, int], ...]:
    """`_chunks` of `text`, told whether a run at its very start opens on an ordinary word."""
    out: list[tuple[str, str, int]] = []
    for m in _CHUNK.finditer(text):
        name = m.group(0)
        start = m.start()
        words = name.split()
        while words and (words[0].lower().strip(".,") in _FUNCTION_WORDS or (start == 0 and ordinary_opening)):
            start += len(words[0]) + 1
            words = words[1:]
        if words and words[0] in ("of", "for"):
            start += len(words[0]) + 1
            words = words[1:]
        while len(words) > 1 and _LED.search(words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        if any(_CONTRACTION.search(w) for w in words):
            continue  # "Don't", "We'll": a capitalised contraction, not a name
        name = " ".join(words)
        name = _SUFFIXES.sub("", name).strip(" ,'’")
        if name.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$", name):
            name = name.rstrip(".")
        if not name or name.lower() in _FUNCTION_WORDS or len(name) < 2:
            continue
        kind = ""
        titled = _TITLES.match(name + " ")
        if titled and titled.end() < len(name) + 1:
            name = name[titled.end() :].strip()
            kind = "person"
        if name in _DEMONYM_WORDS and alias_display(name) is None:
            continue
        for part in _split_demonym(name):
            out.append((part, kind, start))
        if kind == "" and _SPEECH_AFTER.match(text, m.end()) and not _ORG_HEADS.search(name) and name not in _PLACES:
            out[-1] = (out[-1][0], "speaker", start)
        elif kind == "" and _PLACE_BEFORE.search(text, max(0, m.start() - 200), m.start()):
            out[-1] = (out[-1][0], "place", start)
    return tuple(out)


def _split_demonym(name: str) -> list[str]:
    """ "Russia's Foreign Ministry" -> keep; "Russian" alone is dropped by the caller."""
    return [name]


def _kind(name: str, evidence: Counter[str]) -> str:
    if _ORG_HEADS.search(name) or (
        name.replace(".", "").isupper()
        and len(name.replace(".", "")) <= 8
        and alias_display(name) not in _COUNTRY_DISPLAY
    ):
        return "organisation"
    display = alias_display(name) or name
    if display in _PLACES or display in _COUNTRY_DISPLAY or _PLACE_WORDS.search(name):
        return "place"
    if evidence["person"] or evidence["speaker"]:
        return "person"
    if evidence["place"] > evidence["speaker"]:
        return "place"
    return "other"


def _org_core(name: str) -> tuple[str | None, str]:
    """(country, rest) of an organisation named with its country: "Russia's Foreign Ministry"."""
    m = re.match(r"^(?P<country>[A-Z][\w.]*(?:\s+Federation)?)(?:'s|’s)?\s+(?P<rest>.+)$", name)
    if not m or not _ORG_HEADS.search(m.group("rest")):
        return None, name
    country = m.group("country")
    display = alias_display(country) or country
    adjectives = {v: k for k, v in DEMONYMS.items()}
    if display in DEMONYMS:
        return display, m.group("rest")
    if country in adjectives:
        return adjectives[country], m.group("rest")
    if country in ("US", "U.S.", "USA", "American"):
        return "United States", m.group("rest")
    return None, name


def find_entities(articles: Sequence[Article]) -> list[Entity]:
    """The named things of a story with their aliases merged, most widely mentioned first."""
    names: dict[str, _Name] = defaultdict(_Name)
    explicit: dict[str, str] = {}  # acronym -> expansion, from "Syrian Democratic Forces (SDF)"
    for article in articles:
        lowercase = frozenset(
            re.findall(r"\b[a-z][a-z'-]+\b", article.text + " " + " ".join(s.text for s in article.sentences))
        )
        # A Title Case headline capitalises every word, so its runs are not names.
        titled = article.title if article.title and not _title_case(article.title) else None
        texts = ([titled] if titled else []) + [s.text for s in article.sentences]
        for text in texts:
            if is_caption(text):
                continue
            explicit.update(_spelled_out(text))
            for name, evidence, _ in _chunks(text, lowercase):
                entry = names[name]
                entry.display[name] += 1
                entry.articles.add(article.id)
                if evidence:
                    entry.kinds[evidence] += 1
    return _merge(names, explicit)


_SPELLED_OUT = re.compile(r"((?:[A-Z][\w'-]*\s+){1,6}[A-Z][\w'-]*)\s+\(([A-Z]{2,8})\)")


@lru_cache(maxsize=16384)
def _spelled_out(text: str) -> tuple[tuple[str, str], ...]:
    """(acronym, expansion) for each "Syrian Democratic Forces (SDF)" of `text`, in order."""
    return tuple((m.group(2), m.group(1)) for m in _SPELLED_OUT.finditer(text))


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _preferred(display: Counter[str], members: list[str]) -> str:
    """The display name of a merged entity: the alias table's, else a country-qualified or most used name."""
    table = {alias_display(n) for n in members} - {None}
    if len(table) == 1:
        found = next(iter(table))
        if found in _COUNTRY_DISPLAY or len(members) == 1 or all(alias_display(n) for n in members):
            return str(found)
    qualified = [d for d in display if _org_core(d)[0] is not None]
    spelled = [d for d in display if not (d.replace(".", "").isupper() and len(d) <= 8)]
    pool = qualified or spelled or list(display)
    return max(pool, key=lambda d: (display[d], len(d)))


def _merge(names: dict[str, _Name], explicit: dict[str, str]) -> list[Entity]:
    """One `Entity` per thing: names joined by the alias table, acronyms, surnames and country-
    qualified bodies (a union-find where the more mentioned name stays the root), most widely
    mentioned first."""
    parent: dict[str, str] = {n: n for n in names}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, drop = (ra, rb) if sum(names[ra].display.values()) >= sum(names[rb].display.values()) else (rb, ra)
            parent[drop] = keep

    by_key: dict[str, str] = {}
    for n in names:
        key = canonical_name(n)
        if key in by_key:
            union(by_key[key], n)
        else:
            by_key[key] = n
    all_names = list(names)
    _merge_acronyms(all_names, explicit, union)
    _merge_surnames(all_names, names, union)
    _merge_org_countries(all_names, union)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in all_names:
        groups[find(n)].append(n)
    entities = [_entity(members, names) for members in groups.values()]
    entities.sort(key=lambda e: (-len(e[1].articles), -e[0], e[1].name))
    return [e for _, e in entities]


def _entity(members: list[str], names: dict[str, _Name]) -> tuple[int, Entity]:
    """The entity of one group of names, with its number of mentions (for the order)."""
    display: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    articles: set[str] = set()
    for n in members:
        display.update(names[n].display)
        evidence.update(names[n].kinds)
        articles |= names[n].articles
    name = _preferred(display, members)
    kinds = Counter(_kind(n, evidence) for n in members)
    kind = (
        _kind(name, evidence)
        if _kind(name, evidence) != "other"
        else next((k for k in ("organisation", "place", "person") if kinds[k]), "other")
    )
    aliases = tuple(sorted({n for n in members if n != name}))
    return sum(display.values()), Entity(name=name, kind=kind, aliases=aliases, articles=tuple(sorted(articles)))


def _merge_acronyms(all_names: list[str], explicit: dict[str, str], union: Callable[[str, str], None]) -> None:
    """An acronym joins the names it spells the initials of, and the expansion the text gave it.
    Names are looked up by their initials: trying every pair was quadratic in the names of a long
    story (the components, all that the union-find keeps, do not depend on the order)."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for short in all_names:
        by_initials[short.replace(".", "").strip()].append(short)
    for long in all_names:
        if len(long.split()) >= 2:
            for short in by_initials.get(initials(long), []):
                if short != long and is_acronym_of(short, long):
                    union(short, long)
    present = set(all_names)
    for short, long in explicit.items():
        if short != long and short in present and long in present:
            union(short, long)


def _merge_surnames(all_names: list[str], names: dict[str, _Name], union: Callable[[str, str], None]) -> None:
    """A lone capitalised word joins the one full name of a person that ends with it (full names
    indexed by their last word once, not searched for every lone word)."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for n in all_names:
        if " " in n and not _ORG_HEADS.search(n) and n.split()[-1][0].isupper():
            by_last[canonical_name(n.split()[-1])].append(n)
    for short in all_names:
        if " " in short or short in ALIASES or _ORG_HEADS.search(short):
            continue
        full = by_last.get(canonical_name(short), [])
        if len(full) == 1 or (full and all(canonical_name(f) == canonical_name(full[0]) for f in full)):
            union(short, full[0])


def _merge_org_countries(all_names: list[str], union: Callable[[str, str], None]) -> None:
    """ "Russia's Foreign Ministry" = "Russian Foreign Ministry"; a bare "Foreign Ministry" joins them
    when the story has only one country's ministry of that name."""
    by_rest: dict[str, dict[str | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    for n in all_names:
        country, rest = _org_core(n)
        if _ORG_HEADS.search(rest):
            by_rest[canonical_name(rest)][country].append(n)
    for countries in by_rest.values():
        for members in countries.values():
            for other in members[1:]:
                union(members[0], other)
        named = [c for c in countries if c is not None]
        if len(named) == 1 and None in countries:
            union(countries[named[0]][0], countries[None][0])
