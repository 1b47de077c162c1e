"""`rashomon eval claims GOLD`: the figures ledger scored against hand-annotated real coverage.

The annotated articles are read from the labelled stream (`../shared/devstream/stream.jsonl`)
through the real reader and clean stage, annotated and read for claims exactly as `brief` does,
and each claim is matched to a gold figure of the same article and sentence with the same
interval (`claims_gold.intervals_match`). Reported:

- figure precision and recall, overall, per language, for dev events and each held-out batch
  (`held-out`, `held-out-4`, ...) and per language within each (no held-out sentence is ever printed);
- on matched figures, how often the claimant, what is counted and its subject are right;
- the conflict flag per story's ledger (also per split): a flagged group is right when two of its
  figures belong to one gold `conflict` group with different values, and right by its reason when
  the pair its reason names is such a pair (`claims_conflicts`); a gold conflict is found when
  some flagged group holds two of its differing figures; a gold revision is shown as a series
  when an unflagged group holds two of its differing figures in its dated series;
- the worst errors of dev events, with their sentences, printed only: no article text is stored.

Beside the code, a simple baseline: every figure `text.numbers` finds with a counted word within
five tokens, claimed by the outlet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.brief.claims.ledger import build_ledger
from rashomon.config import Config
from rashomon.eval.claims_conflicts import StoryLedger, score_conflicts
from rashomon.eval.claims_gold import (
    Gold,
    GoldFigure,
    intervals_match,
    same_claimant,
    same_counted,
    same_subject,
    sentence_sha,
)
from rashomon.records import Article, Claim

Extractor = Callable[[Article], list[Claim]]


@dataclass(slots=True)
class Tally:
    """Counts behind one row of the report."""

    system: int = 0
    gold: int = 0
    matched: int = 0
    claimant: int = 0
    counted: int = 0
    subject: int = 0

    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


@dataclass(slots=True, frozen=True)
class Error:
    kind: str  # invented | missed | claimant | counted | subject
    article: str
    language: str
    sentence: int
    text: str  # printed, never stored
    detail: str


@dataclass(slots=True)
class ClaimsReport:
    name: str
    overall: Tally
    languages: dict[str, Tally]
    splits: dict[str, Tally]  # dev / held-out / held-out-4
    flagged: int
    flagged_right: int
    conflicts: int
    conflicts_found: int
    errors: list[Error] = field(default_factory=list)
    drift: int = 0  # gold figures whose sentence no longer hashes the same
    # per split: (flagged, flagged right, gold conflicts, found, gold revisions, shown as a series)
    conflict_splits: dict[str, tuple[int, int, int, int, int, int]] = field(default_factory=dict)
    flagged_named: int = 0  # flags whose reason names a pair of one gold conflict (`claims_conflicts`)
    named_splits: dict[str, int] = field(default_factory=dict)
    language_splits: dict[str, Tally] = field(default_factory=dict)  # "es dev", "es held-out"
    revisions: tuple[int, int] = (0, 0)  # gold revision groups, of them shown as a series

    def conflict_precision(self) -> float:
        return self.flagged_right / self.flagged if self.flagged else 0.0

    def conflict_recall(self) -> float:
        return self.conflicts_found / self.conflicts if self.conflicts else 0.0


def code_extractor(config: Config) -> Extractor:
    def run(article: Article) -> list[Claim]:
        return extract_claims(annotate(article, config.brief.quotes, config.limits), config.brief.quotes)

    return run


def baseline_extractor(article: Article) -> list[Claim]:
    """Every figure with a counted word within five tokens (ten characters in CJK), either side,
    claimed by the outlet; the language's own lexicon where it has one, else English."""
    from rashomon.brief.claims.quantities import EVENT_RX
    from rashomon.text.figures import find_figures
    from rashomon.text.languages import lexicon
    from rashomon.text.numbers import find_mentions

    lex = lexicon(article.language)
    events = [(q, re.compile(rx, re.I)) for q, rx in lex.events] if lex else EVENT_RX
    claims: list[Claim] = []
    units = ([(-1, article.title)] if article.title else []) + [(s.index, s.text) for s in article.sentences]
    for index, text in units:
        for m in find_figures(text, lex) if lex else find_mentions(text):
            if lex and lex.cjk:
                window = text[max(0, m.start - 10) : m.start] + " " + text[m.end : m.end + 10]
            else:
                window = " ".join(text[: m.start].split()[-5:] + text[m.end :].split()[:5])
            quantity = next((q for q, rx in events if rx.search(window)), None)
            if quantity:
                claims.append(
                    Claim(
                        quantity, "", m.text, m.low, m.high, article.source or article.id, (), article.id, index, text
                    )
                )
    return claims


def _sentence(article: Article, index: int) -> str:
    if index == -1:
        return article.title or ""
    return next((s.text for s in article.sentences if s.index == index), "")


def _reanchored(figure: GoldFigure, article: Article | None) -> GoldFigure:
    """The figure at the sentence that still hashes as annotated: when cleaning keeps or drops a
    line more than it did, the sentences shift but their text does not."""
    if article is None or sentence_sha(_sentence(article, figure.sentence)) == figure.sha:
        return figure
    for index in (-1, *(s.index for s in article.sentences)):
        if sentence_sha(_sentence(article, index)) == figure.sha:
            return replace(figure, sentence=index)
    return figure


def _match(golds: Sequence[GoldFigure], claims: Sequence[Claim]) -> dict[int, GoldFigure]:
    """Claim position -> its gold figure, one to one, exact intervals first."""
    pairs = sorted(
        (
            (-score, i, j)
            for i, c in enumerate(claims)
            for j, g in enumerate(golds)
            if (score := intervals_match(g, c.low, c.high))
        ),
    )
    used_c: set[int] = set()
    used_g: set[int] = set()
    found: dict[int, GoldFigure] = {}
    for _, i, j in pairs:
        if i not in used_c and j not in used_g:
            used_c.add(i)
            used_g.add(j)
            found[i] = golds[j]
    return found


def _score_article(
    article: Article, golds: Sequence[GoldFigure], claims: Sequence[Claim], tally: list[Tally], errors: list[Error]
) -> dict[int, GoldFigure]:
    """Match an article's claims to its gold figures sentence by sentence; count and list errors."""
    by_sentence: dict[int, list[GoldFigure]] = defaultdict(list)
    for g in golds:
        by_sentence[g.sentence].append(g)
    claim_sentences: dict[int, list[int]] = defaultdict(list)
    for n, c in enumerate(claims):
        claim_sentences[c.sentence_index].append(n)
    matched: dict[int, GoldFigure] = {}
    for index in sorted(set(by_sentence) | set(claim_sentences)):
        positions = claim_sentences.get(index, [])
        expected = by_sentence.get(index, [])
        local = _match(expected, [claims[p] for p in positions])
        matched.update({positions[k]: pair for k, pair in local.items()})
        for t in tally:
            t.system += len(positions)
            t.gold += len(expected)
            t.matched += len(local)
        where = _Where(article, index, _sentence(article, index))
        for k, p in enumerate(positions):
            _judge(where, claims[p], local.get(k), tally, errors)
        hit = set(local.values())
        for g in expected:
            if g not in hit:
                detail = f"[{_fmt(g.low)}, {_fmt(g.high)}] {g.counted} ({g.claimant or 'the outlet'})"
                errors.append(where.error("missed", detail))
    return matched


@dataclass(slots=True, frozen=True)
class _Where:
    article: Article
    index: int
    text: str

    def error(self, kind: str, detail: str) -> Error:
        return Error(kind, self.article.id, self.article.language, self.index, self.text, detail)


def _judge(where: _Where, c: Claim, gold: GoldFigure | None, tally: list[Tally], errors: list[Error]) -> None:
    """One claim: invented, or matched with its claimant, quantity and subject right or wrong."""
    if gold is None:
        errors.append(where.error("invented", f"{c.value_text!r} {c.quantity} ({c.claimant})"))
        return
    voices = {where.article.source or "", where.article.id}
    right = (
        same_claimant(gold.claimant, c.claimant, voices),
        same_counted(gold.counted, c.quantity),
        same_subject(gold.subject, c.subject, where.article.language),
    )
    for t in tally:
        t.claimant += right[0]
        t.counted += right[1]
        t.subject += right[2]
    if not right[0]:
        errors.append(
            where.error("claimant", f"{c.value_text!r}: {c.claimant!r}, gold {gold.claimant or 'the outlet'!r}")
        )
    if not right[1]:
        errors.append(where.error("counted", f"{c.value_text!r}: {c.quantity}, gold {gold.counted}"))
    if not right[2]:
        errors.append(where.error("subject", f"{c.value_text!r}: {c.subject!r}, gold {gold.subject!r}"))


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def run_claims_eval(gold: Gold, articles: Sequence[Article], extractor: Extractor, name: str) -> ClaimsReport:
    """Score `extractor` on the gold articles among `articles` (those missing are reported as drift)."""
    by_id = {a.id: a for a in articles if a.id in gold.articles}
    anchored = [_reanchored(f, by_id.get(f.article)) for f in gold.figures]
    figures: dict[str, list[GoldFigure]] = defaultdict(list)
    for f in anchored:
        figures[f.article].append(f)
    overall = Tally()
    languages: dict[str, Tally] = defaultdict(Tally)
    splits: dict[str, Tally] = defaultdict(Tally)
    by_language_split: dict[str, Tally] = defaultdict(Tally)
    errors: list[Error] = []
    drift = sum(
        1 for f in anchored if f.article not in by_id or sentence_sha(_sentence(by_id[f.article], f.sentence)) != f.sha
    )
    per_story: dict[str, tuple[list[Article], dict[int, GoldFigure], list[Claim]]] = defaultdict(lambda: ([], {}, []))
    for article_id, (story, language) in sorted(gold.articles.items()):
        article = by_id.get(article_id)
        if article is None:
            continue
        claims = extractor(article)
        split = gold.split_of(article_id)
        seen: list[Error] = []
        tallies = [overall, languages[language], splits[split], by_language_split[f"{language} {split}"]]
        matched = _score_article(article, figures[article_id], claims, tallies, seen)
        if split == "dev":
            errors.extend(seen)  # held-out sentences are never shown: nobody tunes a rule on them
        arts, story_matched, story_claims = per_story[story]
        arts.append(article)
        story_matched.update({len(story_claims) + n: g for n, g in matched.items()})
        story_claims.extend(claims)
    ledgers = {
        story: StoryLedger(build_ledger(claims, arts, [], []), matched, claims, arts)
        for story, (arts, matched, claims) in per_story.items()
    }
    score = score_conflicts(gold, ledgers)
    story_split = {story: gold.split_of(a) for a, (story, _) in gold.articles.items()}
    by_split = {
        split: score_conflicts(gold, {k: v for k, v in ledgers.items() if story_split[k] == split})
        for split in sorted(set(story_split.values()))
    }
    conflict_splits = {k: (s.flagged, s.right, s.gold, s.found, s.revisions, s.series) for k, s in by_split.items()}
    return ClaimsReport(
        name,
        overall,
        dict(sorted(languages.items())),
        dict(sorted(splits.items())),
        score.flagged,
        score.right,
        score.gold,
        score.found,
        errors,
        drift,
        conflict_splits,
        score.named_right,
        {k: s.named_right for k, s in by_split.items()},
        dict(sorted(by_language_split.items())),
        (score.revisions, score.series),
    )


def _row(label: str, t: Tally) -> str:
    m = t.matched or 1
    return (
        f"{label:<9}{t.gold:>6}{t.system:>7}{t.matched:>8}{t.precision():>7.2f}{t.recall():>7.2f}"
        f"{t.claimant / m:>10.2f}{t.counted / m:>9.2f}{t.subject / m:>9.2f}"
    )


def format_claims_report(reports: Sequence[ClaimsReport], worst: int = 10) -> str:
    """The reports side by side (code first), then the code's worst errors with their sentences."""
    lines: list[str] = []
    for r in reports:
        lines.append(
            f"== {r.name}" + (f"  ({r.drift} gold figures drifted: their sentence changed)" if r.drift else "")
        )
        lines.append(
            f"{'':<9}{'gold':>6}{'system':>7}{'matched':>8}{'P':>7}{'R':>7}{'claimant':>10}{'counted':>9}{'subject':>9}"
        )
        lines.append(_row("all", r.overall))
        lines.extend(_row(lang, t) for lang, t in r.languages.items())
        lines.extend(_row(split, t) for split, t in r.splits.items())
        for split in (s for s in r.splits if s != "dev"):
            held = [
                f"{k.split()[0]} {t.matched}/{t.gold}" for k, t in r.language_splits.items() if k.endswith(f" {split}")
            ]
            lines.append(f"{split} figures found per language: " + ", ".join(held))
        lines.append(
            f"conflict flag: {r.flagged_right}/{r.flagged} flagged groups are gold conflicts "
            f"(P {r.conflict_precision():.2f}), {r.conflicts_found}/{r.conflicts} gold conflicts found "
            f"(R {r.conflict_recall():.2f}); {r.flagged_named}/{r.flagged} by the pair their reason names; "
            f"{r.revisions[1]}/{r.revisions[0]} gold revisions shown as a series"
        )
        for split, (flagged, right, gold, found, revisions, series) in r.conflict_splits.items():
            named = r.named_splits.get(split, 0)
            lines.append(
                f"  {split}: {right}/{flagged} flagged right ({named} by their reason), "
                f"{found}/{gold} gold conflicts found, {series}/{revisions} revisions shown as a series"
            )
        lines.append("")
    if reports and worst:
        lines.append(f"== worst errors of {reports[0].name} (dev split only, up to {worst} of each kind)")
        for kind in ("invented", "missed", "claimant", "counted", "subject"):
            chosen = [e for e in reports[0].errors if e.kind == kind][:worst]
            for e in chosen:
                text = re.sub(r"\s+", " ", e.text)
                lines.append(f"{kind:<9}{e.article} [{e.language}] s{e.sentence}: {e.detail}")
                lines.append(f"         | {text[:220]}")
    return "\n".join(lines) + "\n"


def report_json(report: ClaimsReport) -> dict[str, object]:
    """Scores and error positions only (no sentence text), for bench results."""

    def tally(t: Tally) -> dict[str, object]:
        m = t.matched or 1
        return {
            "gold": t.gold,
            "system": t.system,
            "matched": t.matched,
            "precision": round(t.precision(), 3),
            "recall": round(t.recall(), 3),
            "claimant": round(t.claimant / m, 3),
            "counted": round(t.counted / m, 3),
            "subject": round(t.subject / m, 3),
        }

    return {
        "name": report.name,
        "overall": tally(report.overall),
        "languages": {k: tally(v) for k, v in report.languages.items()},
        "splits": {k: tally(v) for k, v in report.splits.items()},
        "language_splits": {k: tally(v) for k, v in report.language_splits.items()},
        "conflict": {
            "flagged": report.flagged,
            "right": report.flagged_right,
            "gold": report.conflicts,
            "found": report.conflicts_found,
            "right_by_reason": report.flagged_named,
            "revisions": report.revisions[0],
            "revisions_as_series": report.revisions[1],
            "splits": {k: _split_json(v, report.named_splits.get(k, 0)) for k, v in report.conflict_splits.items()},
        },
        "drift": report.drift,
    }


def _split_json(counts: tuple[int, int, int, int, int, int], named: int) -> dict[str, int]:
    names = ("flagged", "right", "gold", "found", "revisions", "revisions_as_series")
    return dict(zip(names, counts, strict=True)) | {"right_by_reason": named}
