"""Long articles for the whole-pipeline size series of `bench_hostile`, and the run they go through.

Each shape is a function of a size in characters and returns article texts of about that size,
written here (fictional places and people, no third-party text). "news" is many paragraphs of
news-like sentences with quotes, figures, dates, speech verbs, roles and names; the others are
the adversarial shapes a careless analysis goes quadratic on: one giant paragraph, thousands of
quote marks, one "sentence" without punctuation, a wall of numbers, a new name and date in every
sentence, a story of three long articles that copy each other's sentences (reuse, claims and
quotes across articles), and twenty near-identical re-posts of one article (a duplicate group).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import random
from collections.abc import Callable
from pathlib import Path

from rashomon.config import Config

_PEOPLE = (
    "Ilse Marovec", "Dana Krell", "Goran Matic", "Ana Belo", "Tomas Vrenk", "Lena Maris",
    "Piotr Halden", "Mira Solvag", "Jonas Eder", "Katya Rulin",
)  # fmt: skip
_ROLES = ("Governor", "Mayor", "Minister", "Senator", "Judge", "Dr.")
_BODIES = ("Harbour Ministry", "Velmar Police", "Coastal Agency", "City Council", "Port Office")
_PLACES = ("Velmar", "Brellin", "Ostrava Bay", "Kessel", "Dunmore", "Talvik")
_VERBS = ("said", "told reporters", "added", "warned", "insisted", "confirmed", "stated", "noted")
_THINGS = ("quays", "ferries", "cranes", "warehouses", "breakwaters", "tugboats", "berths")
_DAYS = ("on Monday", "on Tuesday", "last week", "on March 3, 2024", "on 14 May 2024", "yesterday")


def _sentence(rng: random.Random, n: int) -> str:
    """One news-like sentence; `n` makes its figures differ from every other sentence's."""
    person, place, thing = rng.choice(_PEOPLE), rng.choice(_PLACES), rng.choice(_THINGS)
    role, body, verb, day = rng.choice(_ROLES), rng.choice(_BODIES), rng.choice(_VERBS), rng.choice(_DAYS)
    forms = (
        f"The {body} of {place} approved plan {n} {day}, setting aside {n % 97 + 3} million crowns for new {thing}.",
        f"“We will rebuild the {thing} of {place} before winter, whatever it costs,” {person} {verb}.",
        f"{role} {person} {verb} {day} that {n % 40 + 2} {thing} were damaged and {n % 13} people were hurt.",
        f'"The {thing} are older than anyone here and we cannot wait any longer," the {role.lower()} {verb}.',
        f"According to the {body}, {n % 500 + 10} workers will be hired by {day.replace('on ', '')}.",
        f"{person}, a {n % 50 + 20}-year-old dock worker, {verb}: “Nobody told us the {thing} would close.”",
        f"The ministry {verb} that {n % 9 + 1}.{n % 10} per cent of the budget went to {thing} in {place}.",
        f"Traffic in {place} fell by {n % 30 + 1}% after the storm {day}, the agency {verb}.",
        f"She {verb} the plan for {n % 60 + 1} {thing} was “a first step, not the last one we take”.",
    )
    return forms[n % len(forms)]


def news(size: int, seed: int = 0) -> list[str]:
    """Paragraphs of three to six sentences, as an ordinary long report reads."""
    rng, parts, n, length = random.Random(seed), [], 0, 0
    while length < size:
        paragraph = " ".join(_sentence(rng, n + k) for k in range(rng.randint(3, 6)))
        n += 6
        parts.append(paragraph)
        length += len(paragraph) + 2
    return ["Harbour plan for Velmar\n\n" + "\n\n".join(parts)]


def one_paragraph(size: int) -> list[str]:
    """The same sentences with no paragraph break at all."""
    return [news(size)[0].replace("\n\n", " ").replace("Velmar ", "Velmar\n\n", 1)]


def quote_marks(size: int) -> list[str]:
    """Thousands of short quotations and stray marks in few paragraphs."""
    unit = '“We need the quays now and not later,” he said. "Yes" and "no" and “ and " again. '
    body = "\n\n".join(unit * 40 for _ in range(max(1, size // (len(unit) * 40))))
    return ["Quotes everywhere\n\nThe council met in Velmar on Monday to discuss the quays. " + body]


def no_punctuation(size: int) -> list[str]:
    """One "sentence" of a megabyte: words, names and figures, never a full stop."""
    rng = random.Random(1)
    words = [
        f"{rng.choice(_PEOPLE)} said {n} {rng.choice(_THINGS)} in {rng.choice(_PLACES)}" for n in range(size // 30)
    ]
    return ["A sentence without end\n\n" + " ".join(words)]


def numbers(size: int) -> list[str]:
    """Sentences made of figures: amounts, percentages, ranges, years."""
    unit = "The port moved {n} tonnes, up {p}% from {y}, between {a} and {b} ships, at 1,{n:03d}.50 crowns. "
    rng = random.Random(2)
    parts = [
        unit.format(n=n, p=n % 90 + 1, y=1990 + n % 30, a=n % 70, b=n % 70 + 5) for n in range(size // len(unit))
    ]
    paragraphs = [" ".join(parts[i : i + 5]) for i in range(0, len(parts), 5)]
    rng.shuffle(paragraphs)
    return ["Port figures for the year\n\nThe harbour master said the figures were final. " + "\n\n".join(paragraphs)]


def names_and_dates(size: int) -> list[str]:
    """Every sentence a new person, a new organisation and a new day: entities and the timeline."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    parts = []
    for n in range(size // 120):
        name = "".join(letters[n // 26**k % 26] for k in range(3))
        day = (n % 28) + 1
        month = ("January", "March", "May", "July", "September", "November")[n // 28 % 6]
        year = 2000 + n // 168 % 25
        parts.append(
            f"Mira {name.capitalize()}sen of the {name.upper()} Harbour Board said on {month} {day}, {year} "
            f"that {n % 90 + 2} berths would close."
        )
    paragraphs = [" ".join(parts[i : i + 4]) for i in range(0, len(parts), 4)]
    return ["Who said what, and when\n\n" + "\n\n".join(paragraphs)]


def story(size: int) -> list[str]:
    """Three long articles of one story: the second and third copy half of the first's paragraphs."""
    first = news(size, seed=0)[0].split("\n\n")
    own = [news(size, seed=seed)[0].split("\n\n") for seed in (5, 9)]
    copies = [[p if i % 2 else mine[i % len(mine)] for i, p in enumerate(first)] for mine in own]
    return ["\n\n".join(first)] + ["\n\n".join(c) for c in copies]


def mirrors(size: int, copies: int = 20) -> list[str]:
    """`copies` re-posts of one news article, `size` characters in all, each with three words
    changed: one duplicate group, where matching every copy with every other was k^2 * n."""
    words = news(size // copies)[0].split(" ")
    texts = []
    for copy in range(copies):
        rng, changed = random.Random(copy), list(words)
        for _ in range(3):
            at = rng.randrange(1, len(changed))
            changed[at] += "x" * (copy + 1)
        texts.append(" ".join(changed))
    return texts


SHAPES: dict[str, Callable[[int], list[str]]] = {
    "news": news,
    "one_paragraph": one_paragraph,
    "quote_marks": quote_marks,
    "no_punctuation": no_punctuation,
    "numbers": numbers,
    "names_and_dates": names_and_dates,
    "story": story,
    "mirrors": mirrors,
}


def write_jsonl(texts: list[str], path: Path) -> None:
    """One record per text, dated and sourced like a wire export."""
    with path.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            title, _, body = text.partition("\n\n")
            record = {
                "id": f"long-{n}",
                "url": f"https://news{n}.example/velmar/harbour-plan-{n}",
                "title": title,
                "published": (datetime.date(2024, 5, 14) + datetime.timedelta(days=n)).isoformat(),
                "source": f"news{n}.example",
                "text": body,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def unlimited() -> Config:
    """The default settings without the per-article limits (`Config.limits`, when there are
    any): an article cut to a limit costs what the limit allows, whatever its size, and the
    series is here to show that the analyses themselves are linear."""
    config = Config()
    limits = getattr(config, "limits", None)
    if limits is None:
        return config
    lifted = {f.name: 10**12 for f in dataclasses.fields(limits) if f.name.startswith("article_")}
    return dataclasses.replace(config, limits=dataclasses.replace(limits, **lifted))  # type: ignore[call-arg]


def run_pipeline(path: Path, config: Config | None = None) -> dict[str, int]:
    """The whole local path over one JSONL file: read, clean, annotate, reuse, brief."""
    from rashomon.pipeline import run

    result = run(str(path), config or unlimited())
    brief = result.brief
    return {
        "articles": len(brief.articles),
        "stories": len(brief.stories),
        "quotes": sum(len(s.quotes) for s in brief.stories),
        "claims": sum(len(s.claims) for s in brief.stories),
        "reuse": sum(len(s.reuse) for s in brief.stories),
        "rejected": len(brief.rejected),
    }
