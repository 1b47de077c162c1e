"""Generate a fictional news corpus of N HTML pages for the end-to-end benchmark.

Events (fires, floods, ferries, strikes, derailments, earthquakes, elections) are told by many
outlets the way real news is: a wire story, rewrites that spin its sentences, verbatim mirrors
under another outlet's chrome, copies that add a paragraph, translations (fr, de, es), outlets
that disagree on the figures, relative dates ("on Tuesday"), and page boilerplate (menus,
"most read", footers, inline scripts) so extraction costs what it costs on real pages.
Everything is deterministic for a given seed. When the demo corpus (examples/demo) is present,
its articles are mixed in as extra wire stories, their numbers varied per copy.

    python bench/generate_corpus.py --size 1000 --out /tmp/rashomon-bench/1k
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

CITIES = [
    "Port Aldmere", "Velmora", "Kestrel Bay", "Drummond Falls", "Osterwick", "Lunaris", "Cape Haldor",
    "Brindlemoor", "San Teodoro", "Marlow Crossing", "Eastvale", "Norrhaven", "Quillon", "Tarsk",
    "Ravensford", "Ilvara", "Montclair-sur-Aube", "Hollin", "Zephyr Point", "Garrowby",
]
COUNTRIES = ["Valdoria", "the Republic of Ostmark", "Corvania", "the Kestrel Islands", "Meridia", "Tallinor"]
FIRST = ["Ana", "Tomas", "Leila", "Marek", "Ines", "Jonah", "Priya", "Oskar", "Hana", "Rafael", "Elif",
         "Sven", "Mirela", "Kwame", "Yusuf", "Clara", "Dmitri", "Noor", "Pablo", "Greta"]
LAST = ["Varga", "Okafor", "Lindqvist", "Moreau", "Castellanos", "Petrov", "Haddad", "Brennan", "Kowalski",
        "Takeda", "Mbeki", "Rossi", "Novak", "Fischer", "Almeida", "Quint", "Halloran", "Sato", "Dufresne",
        "Oyelaran"]
ROLES = ["the mayor of {city}", "regional governor", "police spokesperson", "fire chief", "interior minister",
         "civil protection director", "health ministry official"]
WEEKDAYS = {"en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
            "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
            "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
            "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]}


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    language: str
    wire: bool = False


NAMED_OUTLETS = [
    Outlet("Meridian Press Agency", "meridianpress.example", "en", wire=True),
    Outlet("Northline Wire", "northlinewire.example", "en", wire=True),
    Outlet("Le Courrier du Soir", "courrierdusoir.example", "fr"),
    Outlet("La Voix du Port", "voixduport.example", "fr"),
    Outlet("Abendkurier", "abendkurier.example", "de"),
    Outlet("Nordpost", "nordpost.example", "de"),
    Outlet("El Heraldo Austral", "heraldoaustral.example", "es"),
    Outlet("Diario del Valle", "diariodelvalle.example", "es"),
]
_PLACES = ["Harbour", "Valley", "Northern", "Coastal", "Capital", "Highland", "Riverside", "Eastern",
           "Western", "Central"]
_PAPERS = ["Gazette", "Ledger", "Beacon", "Lantern", "Courier", "Dispatch", "Herald", "Chronicle"]
# Sixty English outlets plus the named ones: a page of one outlet shares its chrome with that
# outlet's other pages (learnable boilerplate), and no outlet covers one event twice.
OUTLETS = NAMED_OUTLETS + [
    Outlet(f"The {place} {paper}", f"{place.lower()}{paper.lower()}.example", "en")
    for place in _PLACES for paper in _PAPERS
][:60]

# English events: headline, then sentence pairs (wire wording, rewritten wording). Slots are filled
# per event; {k} killed, {w} wounded, {n} a third figure, {day} a weekday, {who} an official.
EVENTS_EN: dict[str, dict[str, object]] = {
    "fire": {
        "headline": ["Warehouse fire kills {k} in {city}", "Deadly blaze tears through {city} warehouse"],
        "body": [
            ("A fire at a storage warehouse in {city} killed at least {k} people and injured {w} on {day}, "
             "officials said.", "At least {k} people died and {w} were hurt when a blaze swept through a "
             "warehouse in {city} on {day}, according to officials."),
            ("More than {n} firefighters fought the flames for six hours before bringing them under control.",
             "It took over {n} firefighters some six hours to contain the fire."),
            ("The cause of the fire was not immediately known, {who} told reporters.",
             "Investigators have yet to establish what started the blaze, {who} said."),
            ("\"We are doing everything we can to support the families,\" said {person}, {who}.",
             "{person}, {who}, pledged support for the families of the victims."),
            ("The warehouse stored textiles and plastics for several retailers in {country}.",
             "The building held textiles and plastic goods belonging to retailers across {country}."),
            ("Residents of nearby streets were told to keep their windows closed because of the smoke.",
             "Neighbours were advised to keep windows shut as thick smoke drifted over the district."),
        ],
    },
    "flood": {
        "headline": ["Floods kill {k} as heavy rain hits {city}", "{city} floods leave {k} dead"],
        "body": [
            ("Flash floods in {city} killed {k} people and forced {n} residents from their homes on {day}, "
             "authorities said.", "Authorities said {k} people were killed and {n} residents evacuated after "
             "flash floods struck {city} on {day}."),
            ("Some {w} millimetres of rain fell in less than a day, the national weather service said.",
             "The weather service recorded around {w} millimetres of rainfall in under 24 hours."),
            ("Rescue teams used boats to reach families trapped on rooftops.",
             "Families stranded on rooftops were reached by rescuers in boats."),
            ("\"The water rose faster than anyone expected,\" said {person}, {who}.",
             "{person}, {who}, said the water had risen faster than expected."),
            ("Schools across the region of {country} will stay closed until the end of the week.",
             "Regional schools in {country} are to remain shut for the rest of the week."),
            ("Forecasters warned that more rain is expected over the weekend.",
             "More rain is forecast for the weekend, meteorologists warned."),
        ],
    },
    "ferry": {
        "headline": ["Ferry capsizes off {city}, {k} missing", "Dozens rescued as ferry sinks near {city}"],
        "body": [
            ("A passenger ferry carrying {n} people capsized off {city} on {day}, leaving {k} missing, "
             "the coast guard said.", "The coast guard said {k} people were missing after a ferry with {n} "
             "people on board overturned near {city} on {day}."),
            ("Rescuers pulled {w} survivors from the water in the first hours of the operation.",
             "In the first hours, {w} survivors were rescued from the sea."),
            ("The vessel was sailing between {city} and the islands of {country} when it hit bad weather.",
             "It had been on its usual route from {city} to the islands of {country} when a storm struck."),
            ("\"The search will continue through the night,\" said {person}, {who}.",
             "{person}, {who}, said searchers would keep working through the night."),
            ("Survivors said the ferry appeared to be overloaded with cargo.",
             "Several survivors described the ferry as overloaded."),
            ("The operator of the ferry has not commented on the accident.",
             "The ferry company declined to comment."),
        ],
    },
    "strike": {
        "headline": ["{n} workers strike at {city} car plant", "Car plant in {city} halted by strike"],
        "body": [
            ("About {n} workers walked out at the car plant in {city} on {day}, demanding a {k} percent pay "
             "rise, union officials said.", "Union officials said roughly {n} employees of the {city} car "
             "plant went on strike on {day} over a demand for a {k} percent raise."),
            ("The company has offered {w} percent, which the union called an insult.",
             "Management's offer of {w} percent was rejected by the union as insulting."),
            ("\"We will stay out until the offer is fair,\" said {person}, the union leader.",
             "Union leader {person} said workers would not return until the offer was fair."),
            ("The plant is the largest employer in {country}'s northern region.",
             "No company employs more people in the north of {country}."),
            ("Production of two models has stopped, according to {who}.",
             "{who} said output of two models had been halted."),
            ("Talks are scheduled to resume next week.",
             "Negotiators are expected to meet again next week."),
        ],
    },
    "rail": {
        "headline": ["Train derails near {city}, {w} injured", "{w} hurt in {city} train derailment"],
        "body": [
            ("A passenger train derailed near {city} on {day}, injuring {w} people, {k} of them seriously, "
             "the rail operator said.", "The rail operator said {w} people were hurt, {k} seriously, when a "
             "passenger train came off the tracks near {city} on {day}."),
            ("The train was travelling at about {n} kilometres per hour when five carriages left the rails.",
             "Five carriages came off the tracks while the train was running at roughly {n} km/h."),
            ("\"It was a miracle that nobody died,\" said {person}, {who}.",
             "{person}, {who}, called it a miracle that no one was killed."),
            ("Services between {city} and the capital of {country} were suspended.",
             "Trains between {city} and the capital of {country} have been cancelled."),
            ("Investigators are examining a section of track that was repaired last month.",
             "A stretch of line repaired last month is at the centre of the investigation."),
        ],
    },
    "quake": {
        "headline": ["Magnitude {m} earthquake strikes {city}", "Quake kills {k} in {city}"],
        "body": [
            ("An earthquake of magnitude {m} struck near {city} on {day}, killing {k} people and damaging "
             "{n} buildings, officials said.", "Officials said {k} people were killed and {n} buildings "
             "damaged when a magnitude {m} quake hit near {city} on {day}."),
            ("At least {w} people were treated in hospital for injuries.",
             "Hospitals treated at least {w} injured people."),
            ("Aftershocks continued throughout the night, keeping residents outdoors.",
             "Residents spent the night outside as aftershocks kept shaking the area."),
            ("\"Our priority is to find anyone still under the rubble,\" said {person}, {who}.",
             "{person}, {who}, said the priority was finding anyone still trapped under rubble."),
            ("The government of {country} declared a state of emergency in the region.",
             "{country} declared a regional state of emergency."),
        ],
    },
    "election": {
        "headline": ["Opposition wins {city} mayoral vote with {k} percent",
                     "Upset in {city} as opposition takes city hall"],
        "body": [
            ("The opposition candidate {person} won the mayoral election in {city} on {day} with {k} percent "
             "of the vote, the electoral commission said.", "According to the electoral commission, "
             "opposition candidate {person} took {k} percent of the vote in {city}'s mayoral race on {day}."),
            ("Turnout was {w} percent, the highest in two decades.",
             "At {w} percent, turnout was the highest in twenty years."),
            ("The incumbent conceded defeat late in the evening.",
             "The outgoing mayor admitted defeat late that evening."),
            ("The result is seen as a test ahead of national elections in {country} next year.",
             "Analysts see the vote as a test before {country}'s national elections next year."),
            ("Some {n} observers monitored the vote, {who} said.",
             "{who} said around {n} observers had monitored the election."),
        ],
    },
}

# Translations keep the facts (and the figures) of the English wire story.
EVENT_NOUN = {
    "fire": {"fr": "Un incendie dans un entrepôt", "de": "Ein Brand in einem Lagerhaus",
             "es": "Un incendio en un almacén"},
    "flood": {"fr": "Des inondations", "de": "Überschwemmungen", "es": "Las inundaciones"},
    "ferry": {"fr": "Le naufrage d'un ferry", "de": "Das Kentern einer Fähre",
              "es": "El naufragio de un ferry"},
    "strike": {"fr": "Une grève dans une usine automobile", "de": "Ein Streik in einem Autowerk",
               "es": "Una huelga en una fábrica de coches"},
    "rail": {"fr": "Un déraillement de train", "de": "Eine Zugentgleisung", "es": "Un descarrilamiento"},
    "quake": {"fr": "Un séisme", "de": "Ein Erdbeben", "es": "Un terremoto"},
    "election": {"fr": "L'élection municipale", "de": "Die Bürgermeisterwahl", "es": "La elección municipal"},
}
TRANSLATED = {
    "fr": ["{noun} a fait {k} victimes à {city} {day}, selon les autorités.",
           "Au moins {w} personnes ont été prises en charge par les secours, a indiqué {person}.",
           "« Nous faisons tout notre possible », a déclaré {person} aux journalistes.",
           "Plus de {n} personnes ont été mobilisées sur place.",
           "Une enquête a été ouverte pour déterminer les circonstances exactes."],
    "de": ["{noun} hat am {day} in {city} {k} Opfer gefordert, teilten die Behörden mit.",
           "Mindestens {w} Menschen wurden von Rettungskräften versorgt, sagte {person}.",
           "„Wir tun alles, was wir können“, sagte {person} vor Journalisten.",
           "Mehr als {n} Einsatzkräfte waren vor Ort.",
           "Die Ermittlungen zur genauen Ursache dauern an."],
    "es": ["{noun} dejó {k} víctimas en {city} el {day}, según las autoridades.",
           "Al menos {w} personas fueron atendidas por los servicios de emergencia, dijo {person}.",
           "«Estamos haciendo todo lo posible», declaró {person} a los periodistas.",
           "Más de {n} personas fueron movilizadas en el lugar.",
           "Se ha abierto una investigación para aclarar las circunstancias."],
}
HEADLINE = {"fr": "{noun} à {city} : {k} victimes", "de": "{noun} in {city}: {k} Opfer",
            "es": "{noun} en {city}: {k} víctimas"}
EXTRA_EN = [
    "Local media reported long queues outside hospitals in {city} as relatives searched for news.",
    "Photographs shared on social media showed the scale of the damage in {city}.",
    "Opposition politicians in {country} called for an independent inquiry into the events of {day}.",
    "It was the worst such incident in {city} since {year}, when {old} people died.",
    "Neighbouring countries offered assistance to {country}, {who} said.",
    "{city}, a town of about {pop} people, lies some {km} kilometres from the capital of {country}.",
    "The government of {country} promised compensation of up to {n} euros for each affected family.",
    "{person} said a full report would be published within {km} days.",
    "Earlier this year, {country} passed a law on safety inspections that critics called too weak.",
    "A spokesperson for {person} declined to give further details on {day}.",
]


# About PAGES_PER_DAY pages a day whatever the size: a bigger corpus covers a longer period, as a
# longer crawl does, so the number of stories open at once stays the same. The corpus has only
# seven kinds of event, where a real day has hundreds of topics, so its days must be sparse for
# two fires not to become one story. Dates stay between 1996 and 2026 (date extraction ignores
# others), which caps the period: above ~22,000 pages the days get denser.
PAGES_PER_DAY = 2
FIRST_DAY = date(1996, 1, 1)
MAX_DAYS = 11_000


@dataclass(frozen=True)
class Page:
    """One generated article page and where it goes."""

    name: str
    html: str


_ONSETS = ["b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "tr",
           "v", "z", "sh", "th", "ch"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia"]
_CODAS = ["", "", "n", "r", "l", "s", "th", "m", "k", "nd", "rt", "sk"]


def _name(rng: random.Random) -> str:
    """A made-up proper name ("Korvath", "Emberlin"): tens of thousands of them, so that two
    events rarely share their places and people, as real stories rarely do."""
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(2, 3)))
    return word.capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST) if rng.random() < 0.3 else _name(rng)}"


def _city(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice(CITIES)
    return rng.choice(["{}", "{}", "{}", "Port {}", "{} Falls", "San {}", "{}ville", "New {}"]).format(_name(rng))


def _slots(rng: random.Random, kind: str) -> dict[str, str]:
    city = _city(rng)
    return {
        "city": city, "country": rng.choice(COUNTRIES), "person": _person(rng), "site": _name(rng),
        "who": rng.choice(ROLES).format(city=city), "k": str(rng.randint(3, 60)),
        "w": str(rng.randint(10, 300)), "n": str(rng.randint(50, 2000)), "m": f"{rng.uniform(4.5, 7.8):.1f}",
        "year": str(rng.randint(1950, 2020)), "old": str(rng.randint(2, 90)),
        "pop": f"{rng.randint(5, 900)},000", "km": str(rng.randint(12, 400)),
    }


STYLE = "".join(f".c{n}{{margin:{n}px;padding:{n % 7}px;color:#{n * 4099 % 0xFFFFFF:06x}}}"
                for n in range(120))


def _boilerplate(outlet: Outlet, rng: random.Random, headlines: list[str]) -> tuple[str, str, str]:
    """Header, sidebar and footer of an outlet: the same lines on every page of that outlet (what
    boilerplate learning must find), plus "most read" and "related" boxes that change from page
    to page. Pages end up around 30 KB, so extraction costs what it costs on real pages."""
    name, domain = html.escape(outlet.name), outlet.domain
    sections = ["World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion", "Weather"]
    nav = "".join(
        f'<li><a href="https://{domain}/{s.lower()}">{s}</a><ul>'
        + "".join(f'<li><a href="https://{domain}/{s.lower()}/{k}">{s} {k}</a></li>' for k in range(1, 6))
        + "</ul></li>"
        for s in sections
    )
    header = (f'<header><div class="logo">{name}</div><nav><ul>{nav}</ul></nav>'
              f"<p>Subscribe to {name} for unlimited access.</p><form><input name=q></form></header>")
    picked = rng.sample(headlines, min(15, len(headlines)))
    most_read = "".join(
        f'<li><a href="https://{domain}/n/{rng.randint(1, 10**6)}">{html.escape(h)}</a></li>'
        for h in picked[:8]
    )
    related = "".join(
        f'<div class="teaser"><a href="https://{domain}/r/{rng.randint(1, 10**6)}">'
        f"<h4>{html.escape(h)}</h4></a><span>{rng.randint(2, 59)} minutes ago</span></div>"
        for h in picked[8:]
    )
    sidebar = (f'<aside class="most-read"><h3>Most read</h3><ol>{most_read}</ol></aside>'
               f'<section class="related"><h3>Related</h3>{related}</section>')
    links = "".join(f'<a href="https://{domain}/{p}">{p.title()}</a> ' for p in
                    ["about", "contact", "privacy", "terms", "careers", "advertise", "newsletter", "archive"])
    footer = (f"<footer><p>© 2025 {name}. All rights reserved.</p><p>{links}</p>"
              f"<p>Follow {name} on social media.</p></footer>")
    return header, sidebar, footer


def _page(outlet: Outlet, article_id: str, headline: str, paragraphs: list[str], published: date,
          rng: random.Random, headlines: list[str]) -> Page:
    header, sidebar, footer = _boilerplate(outlet, rng, headlines)
    slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:60]
    url = f"https://{outlet.domain}/{published:%Y/%m/%d}/{slug}-{article_id}"
    tracking = json.dumps({"site": outlet.domain, "id": article_id, "tags": headlines,
                           "slots": [f"ad-{n}-{rng.randint(0, 10**9)}" for n in range(60)]})
    stamp = f"{published.isoformat()}T{rng.randint(6, 22):02d}:00:00Z"
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = (
        f'<!DOCTYPE html><html lang="{outlet.language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(headline)} | {html.escape(outlet.name)}</title>"
        f'<meta property="og:site_name" content="{html.escape(outlet.name)}">'
        f'<meta property="og:title" content="{html.escape(headline)}">'
        f'<meta property="article:published_time" content="{stamp}">'
        f'<link rel="canonical" href="{url}"><style>{STYLE}</style>'
        f"<script>window.dataLayer={tracking};</script></head><body>"
        f'{header}<main><article><h1>{html.escape(headline)}</h1><p class="byline">By {_person(rng)}</p>'
        f"{body}</article>{sidebar}</main>{footer}</body></html>"
    )
    return Page(name=f"{article_id}.html", html=page)


_KEEP = frozenset(WEEKDAYS["en"]) | {
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "Governor", "President", "Minister", "Ministry", "Police", "Reuters", "Thursday",
}
_PROPER = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{3,}\b")


def _renamer(rng: random.Random) -> Callable[[str], str]:
    """Replaces the demo's proper names (capitalised words inside a sentence) with made-up ones,
    the same name for the same word throughout one event, so that each demo-based event is a
    new story about new places and people rather than a re-post of the demo."""
    names: dict[str, str] = {}

    def rename(text: str) -> str:
        return _PROPER.sub(lambda m: m.group() if m.group() in _KEEP else names.setdefault(m.group(), _name(rng)),
                           text)

    return rename


def _vary_numbers(text: str, rng: random.Random) -> str:
    """Another outlet's figures: each number nudged, as rival counts are in real coverage."""
    nudge = lambda m: str(max(1, int(m.group()) + rng.randint(-3, 5)))  # noqa: E731
    return re.sub(r"(?<![\d.,])\d{1,4}(?![\d.,]\d)", nudge, text)


def _event_pages(event: int, rng: random.Random, size: int, headlines: list[str],
                 demo: list[tuple[str, list[str]]], days: int) -> list[Page]:
    """The coverage of one event: a wire story and `size - 1` rewrites, mirrors and translations."""
    published = FIRST_DAY + timedelta(days=rng.randint(0, days))
    day_index = (published - timedelta(days=rng.randint(0, 1))).weekday()
    use_demo = bool(demo) and rng.random() < 0.05
    kind = rng.choice(sorted(EVENTS_EN))
    slots = _slots(rng, kind)
    if use_demo:
        title, demo_paragraphs = rng.choice(demo)
        rename = _renamer(rng)
        wire_headline = rename(title)
        wire = [_vary_numbers(rename(p), rng) for p in demo_paragraphs]
        spun = wire
    else:
        spec = EVENTS_EN[kind]
        fill = {**slots, "day": WEEKDAYS["en"][day_index]}
        pairs = [(a.format(**fill), b.format(**fill)) for a, b in spec["body"]]  # type: ignore[attr-defined]
        wire_headline = spec["headline"][0].format(**fill)  # type: ignore[index]
        site = (f"The {slots['site']} district of {fill['city']} was the worst affected, {fill['person']} said.",
                f"{fill['person']} said the {slots['site']} district of {fill['city']} had been hit hardest.")
        pairs.insert(2, site)
        wire = [a for a, _ in pairs]
        spun = [b if rng.random() < 0.7 else a for a, b in pairs]
    wires = [o for o in OUTLETS if o.wire]
    # Each outlet covers the event once: pools are drawn without replacement.
    english = rng.sample([o for o in OUTLETS if o.language == "en" and not o.wire], 25)
    foreign = rng.sample([o for o in OUTLETS if o.language != "en"], 6)
    extra_en = [e.format(**{**slots, "day": WEEKDAYS["en"][day_index]}) for e in EXTRA_EN]
    pages = [_page(rng.choice(wires), f"e{event:06d}-00", wire_headline, wire, published, rng, headlines)]
    for copy in range(1, size):
        article_id = f"e{event:06d}-{copy:02d}"
        when = published + timedelta(days=rng.choice([0, 0, 0, 1, 2]))
        roll = rng.random()
        if roll < 0.2:  # verbatim mirror under another outlet's chrome
            pages.append(_page(english.pop(), article_id, wire_headline, wire, when, rng, headlines))
        elif roll < 0.35:  # wire copy plus a paragraph of its own
            extra = rng.sample(extra_en, 3)
            outlet = english.pop()
            pages.append(_page(outlet, article_id, wire_headline, wire + extra, when, rng, headlines))
        elif roll < 0.55 and foreign and not use_demo:  # translation
            outlet = foreign.pop()
            lang = outlet.language
            fill = {**slots, "day": WEEKDAYS[lang][day_index], "noun": EVENT_NOUN[kind][lang]}
            body = [s.format(**fill) for s in TRANSLATED[lang]]
            pages.append(_page(outlet, article_id, HEADLINE[lang].format(**fill), body, when, rng, headlines))
        else:  # rewrite: spun sentences, reordered tail, its own figures sometimes
            body = spun[:1] + rng.sample(spun[1:], len(spun) - 1) + rng.sample(extra_en, 4)
            if rng.random() < 0.3:
                body = [_vary_numbers(body[0], rng)] + body[1:]
            headline = (EVENTS_EN[kind]["headline"][1].format(**slots)  # type: ignore[index]
                        if not use_demo else wire_headline)
            pages.append(_page(english.pop(), article_id, headline, body, when, rng, headlines))
    return pages


def load_demo(root: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of the demo corpus's plain-text articles, when they exist.

    A demo text starts with a crawl line ("date 2025-03-14"), then the title and a byline; the
    paragraphs after that are the story.
    """
    stories = []
    for path in sorted(root.rglob("*.txt")) if root.is_dir() else []:
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        head = [line for line in blocks[0].splitlines() if line.strip() and not line.startswith("date ")]
        paragraphs = [b.replace("\n", " ") for b in blocks[1:] if len(b.split()) > 5]
        if head and len(paragraphs) >= 3:
            stories.append((head[0].strip(), paragraphs))
    return stories


def generate(size: int, out: Path, seed: int = 0, demo_root: Path | None = None) -> int:
    """Write `size` pages under `out` (1,000 per sub-directory); returns the number written."""
    rng = random.Random(seed)
    demo = load_demo(demo_root) if demo_root else []
    headlines = [EVENTS_EN[k]["headline"][0].format(**_slots(rng, k))  # type: ignore[index]
                 for k in sorted(EVENTS_EN) for _ in range(10)]
    written, event = 0, 0
    days = min(MAX_DAYS, max(30, size // PAGES_PER_DAY))
    while written < size:
        story_size = min(size - written, rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20]))
        for page in _event_pages(event, rng, story_size, headlines, demo, days):
            shard = out / f"shard-{written // 1000:04d}"
            shard.mkdir(parents=True, exist_ok=True)
            (shard / page.name).write_text(page.html, encoding="utf-8")
            written += 1
        event += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    demo = Path(__file__).resolve().parents[1] / "examples" / "demo"
    parser.add_argument("--demo", type=Path, default=demo)
    args = parser.parse_args()
    print(generate(args.size, args.out, args.seed, args.demo))


if __name__ == "__main__":
    main()
