"""Words that tell a figure's place in time: a toll that moves, a count given with its hour, the
newest of a series, an earlier or later report.

The ledger (`brief.claims.ledger`) reads them to tell a revision of a developing count from a
disagreement between sides; kept apart so the ledger module stays small.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.records import Claim, Revision

# Counts that only grow as bodies are found and people counted (a crowd count does not)
TOLLS = {
    "killed",
    "wounded",
    "missing",
    "casualties",
    "killed_or_injured",
    "killed_or_missing",
    "rescued",
    "arrested",
    "displaced",
    "affected",
    "evacuated",
    "hospitalized",
    "trapped",
    "aboard",
}  # aboard: a manifest gets corrected
RISE = re.compile(
    r"\b(?:rises|rose|risen|rising|climbs|climbed|jumps|jumped|up from|raising|raises|raised|increases to|"
    r"increased to|has grown|grows to)\b|"
    r"\b(?:ascendi[óo]|asciende|ascienden|elev[óa]|elevan|aument[óoa]|aumentan|subi[óo]|sube|"
    r"suben)\b|s'élève|s’élève|\bpassée? à|grimpé|grimpe|alourdi|"
    r"gestiegen|\bstieg\b|erhöht|возросл|выросл|увеличил|ارتفع|ارتفاع|上升|增至|升至|增加至|增加到|"
    r"増え|に上った|늘어|증가",
    re.I,
)
# a count given with the hour it stood at: a step of a count kept through the day
STAMPED = re.compile(
    r"\b(?:as of|update[ds]?|at noon|by (?:noon|midday|\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?))\b|"
    r"\d{1,2}\s?[ap]\.\s?m\.|a las \d{1,2}|à \d{1,2}h|bilan actualisé|Stand \d|по состоянию на|"
    r"截至|時点で|현재|기준",
    re.I,
)
SO_FAR = re.compile(
    r"\b(?:so far|as of|latest|new toll|updated|provisional|preliminary|at least)\b|"
    r"hasta (?:el momento|ahora|la fecha)|por ahora|de momento|provisional|preliminar|al menos|"
    r"nouveau bilan|dernier bilan|provisoire|pour l'instant|jusqu'à présent|à ce stade|au moins|"
    r"bislang|bisher|vorläufig|mindestens|на данный момент|по последним данным|предварительн|не менее|"
    r"по меньшей мере|حتى الآن|حصيلة جديدة|حصيلة أولية|آخر حصيلة|على الأقل|截至|暫時|暂时|至少|"
    r"時点|現在|少なくとも|현재|기준|잠정|최소",
    re.I,
)


UPDATED = re.compile(r"\bUPDATED?\b|ОБНОВЛЕНО|mis à jour|actualizado|更新|업데이트", re.I)
EARLIER = re.compile(
    r"\b(?:earlier|previously|initial(?:ly)?|first reports?|previous round|had (?:counted|reported|estimated))\b|"
    r"\bavai(?:en)?t (?:comptabilisé|compté|recensé|dénombré|annoncé)|précédente (?:journée|mobilisation)|"
    r"\bhabían? (?:contabilizado|contado|registrado|informado)|\b[Рр]анее\b|plus tôt|auparavant|initialement|"
    r"\banteriormente\b|más temprano|inicialmente|en un primer momento|\bzuvor\b|zunächst|anfangs|ursprünglich|"
    r"سابقا|في وقت سابق|此前|先前|早前|最初|起初|当初|이전|앞서",
    re.I,
)
# a toll called the newest of its series: "the latest toll", "nuevo balance", "dernier bilan"
NEWEST = re.compile(
    r"\b(?:latest|new|updated|revised) (?:death )?(?:toll|tally|count|figures?)\b|"
    r"\b(?:nuevo|último|ultimo) (?:balance|recuento|parte)\b|\b(?:balance|cifra|recuento) actualizad[oa]\b|"
    r"\bactualiz[óa]\b|\b(?:nouveau|dernier) bilan\b|bilan actualisé|\bneue[n]? (?:Bilanz|Zahlen)\b|"
    r"\baktualisiert|последни[ем] данны|новы[ем] данны|آخر حصيلة|حصيلة جديدة|最新|최신",
    re.I,
)
# "... later said 95": a toll told in sequence is a count that moved (a crowd count said later is not)
LATER = re.compile(
    r"\b(?:later|since then|now stands?)\b|más tarde|posteriormente|luego|plus tard|ensuite|désormais|später|"
    r"inzwischen|позже|позднее|затем|لاحقا|后来|稍后|その後|이후",
    re.I,
)


Key = tuple[str, str]  # (quantity, class of who is counted), as the ledger groups claims


@dataclass(slots=True, frozen=True)
class Moments:
    """When two undated reports were written, told by the counts they share: a toll that moved
    through the story (4, 10, 12, then 13 soldiers killed) and that both reports give at the same
    exact value pins them to one stage of the story. Their different figures for another group
    (the Taliban's 52 wounded, the Wall Street Journal's 143) are then told about the same time:
    sides, not steps."""

    values: dict[str, dict[Key, frozenset[float]]]  # article -> key -> exact values it gives
    moving: frozenset[Key]  # keys whose exact value differs between reports

    def shared(self, first: str, second: str, besides: Key) -> tuple[Key, float] | None:
        """A moving count (not `besides`) both reports give one and the same value."""
        a, b = self.values.get(first, {}), self.values.get(second, {})
        for key in sorted(self.moving & a.keys() & b.keys()):
            if key != besides and len(a[key]) == 1 and a[key] == b[key]:
                return key, next(iter(a[key]))
        return None


def story_moments(keyed: Sequence[tuple[Key, Claim]]) -> Moments:
    """The exact toll values each report gives (headlines left out: they repeat the body)."""
    values: dict[str, dict[Key, set[float]]] = defaultdict(lambda: defaultdict(set))
    for key, c in keyed:
        if key[0] in TOLLS and c.low is not None and c.low == c.high and not c.claimant.startswith("headline of "):
            values[c.article_id][key].add(c.low)
    seen: dict[Key, set[float]] = defaultdict(set)
    for per_key in values.values():
        for key, found in per_key.items():
            seen[key] |= found
    moving = frozenset(k for k, found in seen.items() if len(found) > 1)
    return Moments({a: {k: frozenset(v) for k, v in per.items()} for a, per in values.items()}, moving)


SERIES_MAX = 12  # steps of a dated series shown at most


def dated_series(claims: Sequence[Claim]) -> tuple[Revision, ...]:
    """The values of a figure that moved, in date order (undated last): a step each time the
    interval changes, headlines left out (they repeat a body's figure)."""
    if len({(c.low, c.high) for c in claims}) < 2:
        return ()
    steps: list[Revision] = []
    last: tuple[float | None, float | None] | None = None
    for c in sorted(claims, key=lambda c: (c.date or "9999", c.article_id, c.sentence_index)):
        if c.claimant.startswith("headline of ") or (c.low, c.high) == last:
            continue
        last = (c.low, c.high)
        steps.append(Revision(c.date, c.value_text.strip(), c.claimant, c.article_id))
    return tuple(steps[:SERIES_MAX])

