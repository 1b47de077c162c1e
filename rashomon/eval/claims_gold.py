"""The hand-annotated figures of real coverage, and how a claim is matched against them.

The gold file (`tests/data/claims_gold/gold.jsonl`) holds ids, sentence positions and labels,
never article text: the texts stay in `../shared/devstream`, and a short hash of each sentence
tells when the splitter has moved a figure to another sentence (drift), so the scores are not
silently wrong. Three kinds of lines:

- `article`: an annotated article (every figure of it is marked, so any other figure is wrong),
  and its `split`: `dev` for the events whose errors were read while the rules were written, else
  the name of a held-out batch (`held-out`, `held-out-4`: events never looked at while the rules
  were written, each batch scored apart; their sentences are never printed);
- `figure`: one figure (article, sentence index by the project's splitter, -1 = headline,
  interval, what is counted, its subject, its claimant or null for the outlet's own voice,
  hedges, and the group of figures it is compared with);
- `group`: per story and group, whether its figures disagree (`conflict`), follow each other
  over time (`revision`) or agree, and why.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(slots=True, frozen=True)
class GoldFigure:
    article: str
    sentence: int
    sha: str
    low: float | None
    high: float | None
    counted: str
    subject: str
    claimant: str | None  # None: the outlet's own voice
    hedges: tuple[str, ...]
    group: str


@dataclass(slots=True, frozen=True)
class GoldGroup:
    story: str
    group: str
    relation: str  # conflict | revision | agree
    why: str


@dataclass(slots=True, frozen=True)
class Gold:
    articles: dict[str, tuple[str, str]]  # id -> (story, language)
    held_out: frozenset[str]  # articles of events never looked at while writing rules (any batch)
    figures: tuple[GoldFigure, ...]
    groups: tuple[GoldGroup, ...]
    splits: dict[str, str] = field(default_factory=dict)  # id -> split, when not "dev"/"held-out"

    def split_of(self, article: str) -> str:
        return self.splits.get(article, "held-out" if article in self.held_out else "dev")


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def load_gold(path: str | Path) -> Gold:
    """Read a gold file; unknown kinds of line are an error, so a typo cannot drop labels."""
    articles: dict[str, tuple[str, str]] = {}
    held_out: set[str] = set()
    splits: dict[str, str] = {}
    figures: list[GoldFigure] = []
    groups: list[GoldGroup] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        kind = row.get("kind")
        if kind == "article":
            articles[row["id"]] = (row["story"], row["language"])
            splits[row["id"]] = row.get("split", "dev")
            if splits[row["id"]] != "dev":
                held_out.add(row["id"])
        elif kind == "figure":
            figures.append(
                GoldFigure(
                    row["article"],
                    int(row["sentence"]),
                    row["sha"],
                    _num(row["low"]),
                    _num(row["high"]),
                    row["counted"],
                    row["subject"],
                    row["claimant"],
                    tuple(row["hedges"]),
                    row["group"],
                )
            )
        elif kind == "group":
            groups.append(GoldGroup(row["story"], row["group"], row["relation"], row["why"]))
        else:
            raise ValueError(f"{path}:{number}: unknown kind {kind!r}")
    missing = {f.article for f in figures} - set(articles)
    if missing:
        raise ValueError(f"{path}: figures of articles not listed: {sorted(missing)}")
    return Gold(articles, frozenset(held_out), tuple(figures), tuple(groups), splits)


def sentence_sha(text: str | None) -> str:
    """The short hash a gold figure keeps of its sentence, to detect drift of the splitter."""
    return hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:10]


# Quantities the code names differently from the gold labels.
_COUNTED_ALIASES = {
    "casualties": "killed_or_injured",
    "killed or injured": "killed_or_injured",
    "attacking force": "attackers",
    "hospitalized": "wounded",
    "accounted for": "accounted_for",
}


def same_counted(gold: str, system: str) -> bool:
    return _COUNTED_ALIASES.get(system, system) == gold


_GENERIC_SUBJECTS = {
    "people",
    # the same in the gold's other languages: "personas", "человек", "شخصا"
    "personas",
    "personnes",
    "menschen",
    "personen",
    "человек",
    "людей",
    "شخصا",
    "أشخاص",
    "heridos",
    "muertos",
    "persons",
    "victims",
    "dead",
    "injured",
    "casualties",
    "others",
    "more",
    "individuals",
    # Chinese and Japanese "人", Korean "명": a person, nobody in particular
    "人",
    "名",
    "명",
}
# Words that name only the quantity itself ("death toll", "fatalities", "死者", "المفقودين"): a
# gold subject made of them says nobody in particular is counted, like "people" (held-out-2 wrote
# the counted word where no group was named).
_QUANTITY_ONLY = set(
    re.findall(
        r"\S+",
        """
        death deaths toll tally fatalities injuries injured wounded missing unaccounted for lives bodies
        dead killed final total official overall погибших раненых пострадавших жертв
        شخص آخرين القتلى المفقودين مفقود الضحايا ضحايا حصيلة قتيل قتيلا الجرحى جريح
        遇難 遇难 受傷 受伤 死亡 失蹤 失踪 死者 負傷者 行方不明者 けが人 사망자
        """,
    )
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 1 or not w.isascii()}


# English words the gold and the code use for one kind of person
_SAME_KIND = {"us": "american", "marines": "soldiers", "servicemen": "soldiers", "troops": "soldiers"}


def _kinds(words: set[str]) -> set[str]:
    """Words folded to one kind: "US" is "American", "firefighters" is "firefighter"."""
    folded = {_SAME_KIND.get(w, w) for w in words}
    return {w[:-1] if w.isascii() and len(w) > 3 and w.endswith("s") else w for w in folded}


def same_subject(gold: str, system: str, language: str = "") -> bool:
    """Loose: a shared word, or a generic gold subject ("people") and a generic or empty one. The
    gold names who is counted in the article's words ("colombianos", "человек"), the code in its
    lexicon's English words ("Colombian"): a gold subject in another language is read through that
    language's lexicon first."""
    from rashomon.text.languages import lexicon

    lex = lexicon(language)
    english = " ".join(word for rx, word in lex.subjects if re.search(rx, gold)) if lex else ""
    if _kinds(_words(gold) | _words(english)) & _kinds(_words(system)):
        return True
    generic = _GENERIC_SUBJECTS | _QUANTITY_ONLY
    if english and _words(english) <= generic:
        return _words(system) <= _GENERIC_SUBJECTS  # "personas", "человек": people
    return _words(gold) <= generic and _words(system) <= _GENERIC_SUBJECTS


_FILLER = {"the", "a", "an", "of", "de", "la", "le", "les", "du", "des", "said", "according", "to", "el", "los"}


def same_claimant(gold: str | None, system: str, own_voices: set[str]) -> bool:
    """Null gold = the outlet's own voice (its source, its id, or the article's headline); else the
    names share a word of three or more letters, or one holds the other (CJK names have no spaces)."""
    own = system in own_voices or system.startswith("headline of ")
    if gold is None:
        return own
    if own:
        return False
    g, s = gold.casefold(), system.casefold()
    if g in s or s in g:
        return True
    shared = (_words(g) & _words(s)) - _FILLER
    if any(len(w) >= 3 for w in shared):
        return True
    # inflected forms of one name: "offiziellen"/"offizielle", "Кириленко"/"Кириленка"
    return any(
        len(a) >= 5 and len(b) >= 5 and a[:-2] == b[: len(a) - 2] and abs(len(a) - len(b)) <= 2
        for a in _words(g) - _FILLER
        for b in _words(s) - _FILLER
    )


def _close(gold: float | None, value: float | None) -> float | None:
    """`value`, snapped to the gold bound when they differ only by float rounding (1.28 * 1e6)."""
    if gold is not None and value is not None and abs(gold - value) <= 1e-6 * max(1.0, abs(gold)):
        return gold
    return value


def intervals_match(gold: GoldFigure, low: float | None, high: float | None) -> int:
    """0 no match; 2 the same interval; 1 overlapping intervals that share a bound ("dozens" read
    as 24-99 against 20-99), so that vague words are not all-or-nothing."""
    low, high = _close(gold.low, low), _close(gold.high, high)
    if (gold.low, gold.high) == (low, high):
        return 2
    if gold.low == low or (gold.high == high and high is not None):
        a_low, a_high = gold.low, gold.high
        apart = (a_high is not None and low is not None and a_high < low) or (
            high is not None and a_low is not None and high < a_low
        )
        return 0 if apart else 1
    return 0
