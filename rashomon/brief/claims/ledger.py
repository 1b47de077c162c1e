"""The conflicts ledger: claims grouped by what is counted, each figure with who gives it.

Claims are grouped by (quantity, subject class): "Russian citizens killed", "pro-government
fighters killed", "attacking force" and "Russian citizens wounded" stay apart even when the
numbers look alike, because merging different quantities is the one error that makes a ledger
lie. Inside a group, claims with the same interval are one `Figure`; each figure counts its
independent origins: an article whose sentence carrying the figure was copied from another
(provenance `ReuseLink`) or that mirrors another (`DuplicateGroup`) is not a second witness.

Per group, in UCDP's manner: `low` is the lowest and `high` the highest finite bound any figure
allows, `best` the figure with most independent origins (ties: most articles, then the narrower
interval). `conflict` is set, with its `reason`, when

1. somebody denies a figure ("fabrications", "disinformation"): the claim carries that hedge;
2. two different claimants give the same quantity of the same group incompatible figures about
   the same time: intervals that cannot both be true ("between 3,000 and 4,000" against "nearly
   5,000"), or two exact values (not "about"/"estimated") that differ - "The confirmed figure is
   twelve" (ministry) against "27" (opposition) - *and* either one report sets them side by side
   (the same article), or both are dated the same day, or, undated, both reports give a count
   that moved through the story the same value (one stage of it: `revisions.Moments`); never
   the outlet's own voice against a source (a report of it, or an update), never a part of a
   count ("three of the dead"), a kind singled out ("139 concealed deaths") or a step a sentence
   tells ("99 ... before 302"), and in one report only within a passage (`parts`).

Figures that differ otherwise (another day, the same claimant, or outlets each in their own
voice with no date to tell) are revisions of a developing count, not a disagreement: the group
keeps them as a `series` in date order ("296, 632, 820, 1,037 dead" as a toll rose). A toll (the
killed, wounded, missing, aboard...: counts that move as bodies are found and lists checked, unlike
a crowd count) is also a revision when a sentence tells it moving ("raising the toll from 129",
"ascendió a"), in sequence ("earlier", "later") or at an hour ("a noon update", "by 2 p.m."), and,
between two reports of one day, when either is a running count ("so far", "provisional", "at
least"): the same day's reports of a rising toll are steps, not sides.

A claimant who only mentions a figure to deny it is shown as "X (denies)", not as a witness for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rashomon.brief.claims.parts import is_impression, is_part, one_passage, stepped
from rashomon.brief.claims.revisions import (
    EARLIER,
    LATER,
    NEWEST,
    RISE,
    SO_FAR,
    STAMPED,
    TOLLS,
    UPDATED,
    Key,
    Moments,
    dated_series,
    story_moments,
)
from rashomon.brief.claims.shares import NOT_SIDES
from rashomon.records import Article, Claim, ClaimGroup, DuplicateGroup, Figure, ReuseLink
from rashomon.text.aliases import DEMONYMS, alias_display, canonical_name
from rashomon.text.numbers import overlaps

_DEMONYM_WORDS = {d.lower(): d for d in DEMONYMS.values()}
_COUNTRY_WORDS = {c.lower(): d for c, d in DEMONYMS.items()}
_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("mercenaries", r"mercenar|contractor|wagner"),
    ("soldiers", r"soldier|troop|servicem|service members|military personnel|marines|officers"),
    ("fighters", r"fighter|militant|combatant|rebel|insurgent|gunm|jihadist"),
    ("civilians", r"civilian"),
    ("children", r"child|kids|minors"),
    ("police officers", r"police"),
    (
        "citizens",
        r"citizen|national|volunteer|people|persons|residents|men|women|individuals|protesters|"
        r"demonstrators|manifestants",
    ),
)
_CATEGORY_PATTERNS = tuple((name, re.compile(rx, re.I)) for name, rx in _CATEGORIES)
_PRO_GOVERNMENT = re.compile(
    r"pro-?government|pro-?regime|pro-?syrian|pro-?assad|government forces|loyalist|"
    r"militia",
    re.I,
)
# Quantities about an event rather than a group of people are compared whoever is counted (votes
# are not: each candidate's votes are their own count, `shares.share_of`).
_SUBJECTLESS = {"attacking force"}
# Sums are compared only when they pay for the same thing ("compensation fund" = "to compensate
# families"); a recall's cost and a refund's price are different quantities.
_MONEY_PURPOSES: tuple[tuple[str, str], ...] = (
    ("compensation", r"compensat|damages|relief|reparation|entschädig"),
    ("cost", r"\bcosts?\b|losses|damage"),
    ("price", r"price|refund|fare|fee"),
    ("aid", r"\baid\b|assistance|grant|donat"),
    ("fine", r"\bfined?\b|penalt"),
    ("budget", r"budget|spending|investment"),
)


def subject_class(subject: str, quantity: str) -> str:
    """The class of who is counted, coarse enough to compare outlets, fine enough not to merge."""
    if quantity in _SUBJECTLESS:
        return ""
    if quantity == "money":
        purpose = next((name for name, rx in _MONEY_PURPOSES if re.search(rx, subject, re.I)), None)
        words = re.findall(r"[a-z]+", subject.lower())
        return purpose or (words[-1] if words else "")
    if _PRO_GOVERNMENT.search(subject):
        return "pro-government fighters"
    nationality = ""
    for word in re.findall(r"[A-Za-z.]+", subject):
        low = word.lower()
        if low in _DEMONYM_WORDS or low in _COUNTRY_WORDS:
            nationality = _DEMONYM_WORDS.get(low) or _COUNTRY_WORDS[low]
            break
        display = alias_display(word)
        if display and display in DEMONYMS:
            nationality = DEMONYMS[display]
            break
    category = next((name for name, rx in _CATEGORY_PATTERNS if rx.search(subject)), "")
    if not category:
        nouns = [w.lower() for w in re.findall(r"[A-Za-z-]+", subject) if w.lower() not in _DEMONYM_WORDS]
        category = nouns[-1] if nouns and quantity != "casualties" else ""
    if nationality and not category:
        category = "citizens"
    if category == "citizens" and not nationality:
        category = "people"
    return f"{nationality} {category}".strip() or "unspecified"


def _roots(reuse: Sequence[ReuseLink], duplicates: Sequence[DuplicateGroup]):  # type: ignore[no-untyped-def]
    """A function giving the independent origin (article id) of a claim's figure."""
    canonical = {m: g.canonical for g in duplicates for m in g.mirrors}
    copied: dict[tuple[str, int], list[tuple[str, int, str]]] = defaultdict(list)
    for link in reuse:
        for s in link.sentences:
            copied[(link.copy, s.copy_index)].append((link.original, s.original_index, s.original_text))

    def root(article_id: str, index: int, value_text: str, depth: int = 0) -> str:
        article_id = canonical.get(article_id, article_id)
        if depth > 10:
            return article_id
        digits = re.sub(r"[^\w]", "", value_text.lower())
        for original, original_index, original_text in copied.get((article_id, index), []):
            if digits and digits in re.sub(r"[^\w]", "", original_text.lower()):
                return root(original, original_index, value_text, depth + 1)
        return article_id

    return root


def claimant_key(name: str) -> str:
    """The key two spellings of one claimant share: the alias table's for Latin script, else the
    name itself without punctuation (the table's key of "حركة طالبان" or "МВД" is empty, and two
    empty keys must not make every Arabic or Russian source one claimant)."""
    return canonical_name(name) or " ".join(re.findall(r"\w+", name.casefold()))


def _display_claimants(names: Sequence[str]) -> tuple[str, ...]:
    """Claimants with aliases merged: "Foreign Ministry" joins "Russia's Foreign Ministry"."""
    kept: list[str] = []
    for name in sorted(dict.fromkeys(names), key=len, reverse=True):
        key = claimant_key(name)
        if any(claimant_key(k) == key or claimant_key(k).endswith(" " + key) for k in kept):
            continue
        kept.append(name)
    return tuple(sorted(kept, key=names.index))


def _claimant_label(claim: Claim) -> str:
    """The claimant as the ledger shows it: a denier is marked so it is not read as a witness."""
    if f"denied by {claim.claimant}" in claim.hedges:
        return f"{claim.claimant} (denies)"
    return claim.claimant


def _figure(claims: Sequence[Claim], root) -> Figure:  # type: ignore[no-untyped-def]
    witnesses = [c for c in claims if f"denied by {c.claimant}" not in c.hedges]  # a denial is no origin
    origins = {root(c.article_id, c.sentence_index, c.value_text) for c in witnesses}
    return Figure(
        value_text=" / ".join(dict.fromkeys(c.value_text.strip().strip("'\"") for c in claims)),
        low=claims[0].low,
        high=claims[0].high,
        claimants=_display_claimants([_claimant_label(c) for c in claims]),
        articles=tuple(sorted({c.article_id for c in claims})),
        origins=len(origins),
        hedges=tuple(dict.fromkeys(h for c in claims for h in c.hedges)),
        sentences=tuple(dict.fromkeys(c.sentence for c in claims)),
        subjects=tuple(dict.fromkeys(c.subject for c in claims if c.subject)),
    )


def _group(
    quantity: str,
    subject: str,
    figures: list[Figure],
    claims: Sequence[Claim],
    voices: set[str],
    updated: set[str],
    ambiguous: bool = False,
    moments: Moments | None = None,
) -> ClaimGroup:
    bounds = [b for f in figures for b in (f.low, f.high) if b is not None]
    ranked = sorted(figures, key=lambda f: (-f.origins, -len(f.articles), _width(f)))
    best_figure = ranked[0]
    best = best_figure.low if best_figure.low is not None else best_figure.high
    # figures naming nobody, in a story that counts this quantity for named groups too, may count
    # different people: not "the same group", so no disagreement (a denial still is one)
    found = None if ambiguous else conflict_pair(claims, voices, updated, moments, (quantity, subject))
    reason = _denial(claims) or _reason(found)
    return ClaimGroup(
        quantity=quantity,
        subject=subject,
        low=min(bounds) if bounds else None,
        best=best,
        high=max(bounds) if bounds else None,
        figures=tuple(ranked),
        conflict=bool(reason),
        reason=reason,
        series=() if reason else dated_series(claims),  # a conflict's figures are sides, not steps
    )


def _denial(claims: Sequence[Claim]) -> str:
    """Rule 1: a figure called false, and by whom when the article says."""
    for c in claims:
        if "disinformation" in c.hedges:
            who = next((h.split(" by ", 1)[1] for h in c.hedges if h.startswith(("denied by ", "disputed by "))), "")
            return f"{c.value_text.strip()} is called false" + (f" by {who}" if who else "")
    return ""


def _incompatible(a: Claim, b: Claim) -> bool:
    """Both cannot be true: intervals apart, or two exact counts (even "about") apart by more than
    rounding - 1.27 against 1.28 million is rounding or another day's count, not a dispute."""
    if a.low is not None and a.low == a.high and b.low is not None and b.low == b.high:
        apart = abs(a.low - b.low) > _ROUNDING * max(abs(a.low), abs(b.low))
        hedged = {"approximately", "estimated"} & set(a.hedges + b.hedges)
        return apart and (not hedged or not overlaps((a.low * 0.9, a.low * 1.1), (b.low * 0.9, b.low * 1.1)))
    return not overlaps((a.low, a.high), (b.low, b.high))


_ROUNDING = 0.05


def _reason(found: tuple[Claim, Claim, str] | None) -> str:
    """Rule 2 of the module docstring, in words."""
    if found is None:
        return ""
    a, b, when = found
    return f"{a.claimant} gives {a.value_text.strip()}, {b.claimant} gives {b.value_text.strip()} {when}"


def conflict_pair(
    claims: Sequence[Claim],
    voices: set[str],
    updated: set[str],
    moments: Moments | None = None,
    key: Key = ("", ""),
) -> tuple[Claim, Claim, str] | None:
    """The two claims a group's conflict sets side by side, and when ("in the same report (id)",
    "on the same day (date)", "when both reports count 13 killed"); None when no two of them are
    sides (rule 2). `key` is the group's own (quantity, subject class), never a moment's witness."""
    named = [c for c in claims if not c.claimant.startswith("headline of ")]
    steps = stepped(named)  # a part of a count, or a step a sentence tells, is no side (`parts`)
    named = [c for n, c in enumerate(named) if n not in steps and not is_part(c) and not is_impression(c, TOLLS)]
    # figures set side by side first: "245,000 according to the unions (30,000 according to the
    # police)" is the reason to give, not Paris's figure against Marseille's three sentences apart
    pairs = sorted(
        ((a, b) for i, a in enumerate(named) for b in named[i + 1 :]),
        key=lambda p: (p[0].article_id != p[1].article_id, abs(p[0].sentence_index - p[1].sentence_index)),
    )
    for a, b in pairs:
        if not _sides(a, b, voices) or (a.article_id == b.article_id and not one_passage(a, b)):
            continue
        if a.article_id == b.article_id and a.article_id not in updated:
            return a, b, f"in the same report ({a.article_id})"
        # undated reports are read as updates; so are two reports of one day when either is a
        # running count
        if a.date and a.date == b.date and not _running(a, b):
            return a, b, f"on the same day ({a.date})"
        # undated reports that give one moving count the same value were written at one stage
        shared = None if moments is None or (a.date and b.date) else moments.shared(a.article_id, b.article_id, key)
        if shared and a.article_id != b.article_id and not _running(a, b):
            (quantity, who), value = shared
            return a, b, f"when both reports count {value:g} {who} {quantity}".replace("  ", " ")
    return None


# "reports" with no outlet named: nobody who can disagree ("وأشارت تقارير إلى أن")
_UNNAMED = {"reports", "تقارير", "сообщения", "informes", "rapports", "berichte"}


def _sides(a: Claim, b: Claim, voices: set[str]) -> bool:
    """Two named claimants whose figures cannot both hold, neither told as a step of a moving count."""
    if claimant_key(a.claimant) == claimant_key(b.claimant) or not _incompatible(a, b) or _sums_apart(a, b):
        return False
    if {a.claimant, b.claimant} & voices or {a.claimant.lower(), b.claimant.lower()} & _UNNAMED:
        return False  # an outlet's own figure (or unnamed "reports") against a source's is a report of it
    if {a.subject, b.subject} & NOT_SIDES:
        return False  # whose share it is goes unsaid, or a count's progress through the night (`shares`)
    for c in (a, b):
        if EARLIER.search(c.sentence) or RISE.search(c.sentence):
            return False  # "Earlier, media reported four dead", "raising the toll from 129"
        if c.quantity in TOLLS and (
            LATER.search(c.sentence) or STAMPED.search(c.sentence) or NEWEST.search(c.sentence)
        ):
            return False  # a toll told later, with its hour ("a noon update"), or as the newest count
    return True


def _sums_apart(a: Claim, b: Claim) -> bool:
    """Two sums a hundredfold apart are two things (a share price, a market value lost), not two sides."""
    x, y = (abs(c.low if c.low is not None else c.high or 0.0) for c in (a, b))
    return a.quantity == b.quantity == "money" and min(x, y) > 0 and max(x, y) >= 100 * min(x, y)


def _running(a: Claim, b: Claim) -> bool:
    """Two reports of a toll the same day, one of them a running count ("so far", "as of 13:20",
    "provisional", "at least"): a count kept up through the day, not two sides."""
    if a.quantity not in TOLLS:
        return False
    return any(
        SO_FAR.search(c.sentence) or STAMPED.search(c.sentence) or (c.high is None and c.low is not None)
        for c in (a, b)
    )


def _width(f: Figure) -> float:
    if f.low is None or f.high is None:
        return float("inf")
    return f.high - f.low


def report_voices(articles: Sequence[Article]) -> tuple[set[str], set[str]]:
    """The outlets' own voices (sources and ids), and the live reports marked as updated (they
    hold their own earlier figures: revisions, not sides)."""
    voices = {v for a in articles for v in (a.source, a.id) if v}
    return voices, {a.id for a in articles if UPDATED.search(a.title or "")}


def group_keys(claims: Sequence[Claim]) -> list[Key]:
    """The group of each claim: (quantity, class of who is counted)."""
    classes = {(c.quantity, subject_class(c.subject, c.quantity)) for c in claims}
    keys: list[Key] = []
    for claim in claims:
        key = (claim.quantity, subject_class(claim.subject, claim.quantity))
        if key[1] == "unspecified":
            # "Storm kills at least 14": a figure without its subject joins the only group it can mean
            # ("unspecified" members voting never join the votes of an unnamed "candidate")
            placeholders = {subject_class(s, claim.quantity) for s in NOT_SIDES}
            others = [k for k in classes if k[0] == claim.quantity and k[1] not in {"unspecified", *placeholders}]
            if len(others) == 1:
                key = others[0]
            elif (claim.quantity, "people") in others and claim.quantity != "percent":
                # "2,5 millions" with no noun: people, as unspecific; a share never counts people
                key = (claim.quantity, "people")
        if "projected" in claim.hedges:
            key = (key[0], f"{key[1]}, forecast")  # "could reach 20,000" is no count: never a step of one
        keys.append(key)
    return keys


def ledger_moments(claims: Sequence[Claim]) -> Moments:
    """The stages of the story its reports were written at (`revisions.Moments`)."""
    return story_moments(list(zip(group_keys(claims), claims, strict=True)))


def build_ledger(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    reuse: Sequence[ReuseLink],
    duplicates: Sequence[DuplicateGroup],
) -> list[ClaimGroup]:
    """The story's ledger: one group per counted quantity, most-reported first."""
    known = {a.id for a in articles}
    root = _roots(reuse, duplicates)
    grouped: dict[Key, dict[tuple[float | None, float | None], list[Claim]]] = defaultdict(lambda: defaultdict(list))
    kept = [c for c in claims if not known or c.article_id in known]
    keys = group_keys(kept)
    for claim, key in zip(kept, keys, strict=True):
        grouped[key][(claim.low, claim.high)].append(claim)
    voices, updated = report_voices(articles)
    moments = story_moments(list(zip(keys, kept, strict=True)))
    named = {q for q, s in grouped if s not in ("unspecified", "people")}
    groups = [
        _group(
            quantity,
            subject,
            [_figure(c, root) for c in by_value.values()],
            [c for cs in by_value.values() for c in cs],
            voices,
            updated,
            ambiguous=subject == "unspecified" and quantity in named,
            moments=moments,
        )
        for (quantity, subject), by_value in grouped.items()
    ]
    return sorted(groups, key=lambda g: (-sum(len(f.articles) for f in g.figures), g.quantity, g.subject))
