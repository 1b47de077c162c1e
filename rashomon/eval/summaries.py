"""`rashomon eval summaries CLUSTERS.jsonl`: our short summaries against human references, beside peers.

Protocol of the WCEP dataset: ROUGE-1/2/L F1 (rouge-score, Porter stemming, lower case), each
summary cut to its first 40 tokens. In the same run and on the same cleaned sentences we score
the peers a reader would compare with: the lead of a random article (fixed seed), LexRank
(sumy) and the greedy extractive oracle, which knows the reference and so bounds what any
extractive summary can reach.

Overfitting guard: the variants of our method are few and each is chosen from principle, and the
report adds a leave-one-cluster-out score: for each cluster, the variant that is best on the
*other* clusters is scored on it. When that score is close to the best variant's, the choice of
variant did not live off one reference.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from rashomon.brief.summary import summarise
from rashomon.config import BriefConfig, Config
from rashomon.records import Article, DuplicateGroup, RawArticle, ReuseLink, Sentence, Story

CUT_TOKENS = 40
_SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


@dataclass(slots=True, frozen=True)
class Cluster:
    """One devset event: its cleaned articles, the provenance found in them, and the reference."""

    id: str
    reference: str
    articles: tuple[Article, ...]
    reuse: tuple[ReuseLink, ...]
    duplicates: tuple[DuplicateGroup, ...]


@dataclass(slots=True, frozen=True)
class Rouge:
    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 - the metric's own name


@dataclass(slots=True, frozen=True)
class SystemResult:
    """One summariser's scores: per cluster and their mean, plus its speed."""

    name: str
    per_cluster: tuple[Rouge, ...]
    mean: Rouge
    stories_per_second: float | None  # None for peers we do not time (the oracle reads the answer)


@dataclass(slots=True, frozen=True)
class SummaryEvalReport:
    clusters: tuple[str, ...]
    systems: tuple[SystemResult, ...]
    main: str  # name of the configured method
    leave_one_out: Rouge  # variant chosen on the other clusters, scored on the held-out one
    examples: tuple[tuple[str, str, str], ...]  # (cluster id, reference, our short summary)


def cut(text: str, tokens: int = CUT_TOKENS) -> str:
    return " ".join(text.lower().split()[:tokens])


def rouge(summary: str, reference: str) -> Rouge:
    scores = _SCORER.score(reference.lower(), cut(summary))
    return Rouge(scores["rouge1"].fmeasure, scores["rouge2"].fmeasure, scores["rougeL"].fmeasure)


def _mean(scores: Sequence[Rouge]) -> Rouge:
    n = max(len(scores), 1)
    return Rouge(
        sum(s.rouge1 for s in scores) / n,
        sum(s.rouge2 for s in scores) / n,
        sum(s.rougeL for s in scores) / n,
    )


# --- reading and preparing the clusters --------------------------------------------------------


def _plain_article(raw: RawArticle) -> Article:
    """Stand-in for the clean stage when it is not installed: lines, then sentences."""
    import blingfire

    sentences: list[Sentence] = []
    for paragraph, line in enumerate(x.strip() for x in (raw.text or "").splitlines() if x.strip()):
        for text in blingfire.text_to_sentences(line).splitlines():
            if text.strip():
                sentences.append(Sentence(raw.id, len(sentences), text.strip(), paragraph))
    return Article(id=raw.id, path=raw.path, text=raw.text or "", sentences=tuple(sentences))


def _cleaner(config: Config) -> Callable[[Sequence[RawArticle]], list[Article]]:
    try:
        from rashomon.clean import CleanError, clean_article, learn_boilerplate
    except ImportError:
        return lambda raws: [_plain_article(r) for r in raws]

    def clean(raws: Sequence[RawArticle]) -> list[Article]:
        boilerplate = learn_boilerplate(raws, config.clean)
        articles = []
        for raw in raws:
            try:
                articles.append(clean_article(raw, config.clean, boilerplate))
            except CleanError:
                continue
        return articles

    return clean


def _provenance(
    articles: Sequence[Article], config: Config
) -> tuple[tuple[ReuseLink, ...], tuple[DuplicateGroup, ...]]:
    try:
        from rashomon.provenance import find_duplicates, find_reuse
    except ImportError:
        return (), ()
    return tuple(find_reuse(articles, config.provenance)), tuple(find_duplicates(articles, config.provenance))


def read_clusters(path: str, config: Config) -> list[Cluster]:
    """Clean every article of every cluster and find its provenance, as the pipeline would."""
    clean = _cleaner(config)
    clusters = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data: dict[str, Any] = json.loads(line)
        raws = [
            RawArticle(id=f"{data['id']}#{n}", path=a.get("url", ""), text=a["text"], url=a.get("url"))
            for n, a in enumerate(data["articles"])
        ]
        articles = clean(raws)
        reuse, duplicates = _provenance(articles, config)
        clusters.append(Cluster(data["id"], data["reference"], tuple(articles), reuse, duplicates))
    return clusters


# --- the peers ---------------------------------------------------------------------------------


def _fill(sentences: Sequence[str], tokens: int = CUT_TOKENS) -> str:
    chosen: list[str] = []
    for text in sentences:
        if sum(len(s.split()) for s in chosen) >= tokens:
            break
        chosen.append(text)
    return " ".join(chosen)


def random_lead(cluster: Cluster, seed: int) -> str:
    """First sentences of one randomly chosen article: what a reader gets from one outlet."""
    articles = [a for a in cluster.articles if a.sentences]
    if not articles:
        return ""
    article = random.Random(f"{seed}:{cluster.id}").choice(articles)
    return _fill([s.text for s in article.sentences])


class _WordTokenizer:
    """The tokenizer object sumy's document model asks for; plain regex words so that no nltk
    data (punkt) has to be downloaded."""

    def to_words(self, text: str) -> list[str]:
        import re

        return re.findall(r"\w+", text)


def lexrank(cluster: Cluster) -> str:
    """sumy's LexRank over every cleaned sentence of the cluster, best sentences first."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = _WordTokenizer()
    seen: set[str] = set()
    paragraphs = []
    for article in cluster.articles:
        texts = [s.text for s in article.sentences if s.text not in seen]
        seen.update(texts)
        if texts:
            paragraphs.append(Paragraph([SumySentence(t, tokenizer) for t in texts]))
    if not paragraphs:
        return ""
    summariser = LexRankSummarizer(Stemmer("english"))
    summariser.stop_words = get_stop_words("english")
    ranked: list[str] = []

    def keep_ranking(infos: list[Any]) -> list[Any]:  # sumy hands over sentences best first
        ranked.extend(str(info.sentence) for info in infos)
        return list(infos[:1])

    summariser(ObjectDocumentModel(paragraphs), keep_ranking)
    return _fill(ranked)


def oracle(cluster: Cluster) -> str:
    """Greedy extractive oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 against the
    reference, while it still rises and the summary is under the cut."""
    pool = list(dict.fromkeys(s.text for a in cluster.articles for s in a.sentences))
    chosen: list[str] = []
    best = 0.0
    while sum(len(s.split()) for s in chosen) < CUT_TOKENS:
        scored = []
        for text in pool:
            score = rouge(" ".join([*chosen, text]), cluster.reference)
            scored.append((score.rouge1 + score.rouge2, text))
        if not scored:
            break
        value, text = max(scored)
        if value <= best:
            break
        best = value
        chosen.append(text)
        pool.remove(text)
    return " ".join(chosen)


# --- our method --------------------------------------------------------------------------------


def ours(cluster: Cluster, config: BriefConfig) -> str:
    story = Story(id=cluster.id, article_ids=tuple(a.id for a in cluster.articles))
    return summarise(story, cluster.articles, cluster.reuse, cluster.duplicates, config).short.text


def _ours_with(config: BriefConfig) -> Callable[[Cluster], str]:
    return lambda cluster: ours(cluster, config)


# Variants of our method compared in every run; each differs from the default in one choice, so
# the table shows what each choice is worth (and the leave-one-out line whether choosing among
# them on the devset overfits it).
VARIANTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("centroid", {"summariser": "centroid"}),
    ("centroid+lead", {"summariser": "centroid+lead"}),
    ("lexrank on our pool", {"summariser": "lexrank"}),
    ("support, lsa encoder", {"encoder": "lsa"}),
    ("support, two sentences", {"short_max_sentences": 2}),
    ("support, copies at cos 0.7", {"copy_similarity": 0.7}),
)
# Only when the model package is installed (see rashomon.brief.summary.minilm); slow on two cores.
NEURAL_VARIANTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("support, minilm encoder", {"encoder": "minilm"}),
    ("centroid+lead, minilm encoder", {"summariser": "centroid+lead", "encoder": "minilm"}),
)


def _variants() -> tuple[tuple[str, dict[str, Any]], ...]:
    from rashomon.brief.summary import minilm

    return VARIANTS + (NEURAL_VARIANTS if minilm.available() else ())


def _run(name: str, clusters: Sequence[Cluster], produce: Callable[[Cluster], str], timed: bool) -> SystemResult:
    if timed and clusters:
        produce(clusters[0])  # warm-up: lazy imports and model loads are not per-story costs
    started = time.perf_counter()
    summaries = [produce(c) for c in clusters]
    elapsed = time.perf_counter() - started
    scores = tuple(rouge(s, c.reference) for s, c in zip(summaries, clusters, strict=True))
    speed = len(clusters) / elapsed if timed and elapsed > 0 else None
    return SystemResult(name, scores, _mean(scores), speed)


def leave_one_out(variants: Sequence[SystemResult]) -> Rouge:
    """For each cluster, take the variant with the best mean ROUGE-1+2 on the other clusters and
    score it on the held-out cluster."""
    if not variants or not variants[0].per_cluster:
        return Rouge(0.0, 0.0, 0.0)
    held_out = []
    for k in range(len(variants[0].per_cluster)):

        def elsewhere(result: SystemResult, k: int = k) -> float:
            return sum(s.rouge1 + s.rouge2 for i, s in enumerate(result.per_cluster) if i != k)

        held_out.append(max(variants, key=elsewhere).per_cluster[k])
    return _mean(held_out)


def run_summary_eval(
    clusters_path: str, config: Config | None = None, seed: int = 13, with_variants: bool = True
) -> SummaryEvalReport:
    """Score our short summaries and the peers on every cluster of a devset file."""
    config = config or Config()
    clusters = read_clusters(clusters_path, config)
    main_name = f"rashomon ({config.brief.summariser}/{config.brief.encoder})"
    main = _run(main_name, clusters, lambda c: ours(c, config.brief), timed=True)
    variants = [
        _run(f"variant: {name}", clusters, _ours_with(replace(config.brief, **options)), timed=True)
        for name, options in (_variants() if with_variants else ())
    ]
    peers = [
        _run("random lead", clusters, lambda c: random_lead(c, seed), timed=True),
        _run("LexRank (sumy)", clusters, lexrank, timed=True),
        _run("oracle (greedy)", clusters, oracle, timed=False),
    ]
    examples = tuple((c.id, c.reference, ours(c, config.brief)) for c in clusters)
    return SummaryEvalReport(
        clusters=tuple(c.id for c in clusters),
        systems=(main, *variants, *peers),
        main=main_name,
        leave_one_out=leave_one_out([main, *variants]),
        examples=examples,
    )


def format_report(report: SummaryEvalReport, show_examples: bool = False) -> str:
    """The side-by-side table (mean F1 over clusters), then per-cluster ROUGE-1 of each system."""
    width = max(len(s.name) for s in report.systems) + 2 if report.systems else 34
    lines = [
        f"Short summaries vs references: {len(report.clusters)} clusters, ROUGE F1, first {CUT_TOKENS} tokens",
        "",
        f"{'system':<{width}} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'stories/s':>10}",
    ]
    for system in report.systems:
        speed = f"{system.stories_per_second:10.1f}" if system.stories_per_second else f"{'-':>10}"
        mean = system.mean
        lines.append(f"{system.name:<{width}} {mean.rouge1:6.3f} {mean.rouge2:6.3f} {mean.rougeL:6.3f} {speed}")
    loo = report.leave_one_out
    lines.append(f"{'leave-one-cluster-out choice':<{width}} {loo.rouge1:6.3f} {loo.rouge2:6.3f} {loo.rougeL:6.3f}")
    main = report.systems[0]
    for peer in (s for s in report.systems[1:] if not s.name.startswith("variant:")):
        wins = sum(m.rouge1 > p.rouge1 for m, p in zip(main.per_cluster, peer.per_cluster, strict=True))
        ties = sum(m.rouge1 == p.rouge1 for m, p in zip(main.per_cluster, peer.per_cluster, strict=True))
        lines.append(
            f"  {main.name} vs {peer.name}: ROUGE-1 higher on {wins}, equal on {ties} of {len(report.clusters)}"
        )
    lines += ["", "ROUGE-1 per cluster (columns in the order of the table):"]
    for k, cluster in enumerate(report.clusters):
        cells = " ".join(f"{s.per_cluster[k].rouge1:5.2f}" for s in report.systems)
        lines.append(f"  {cluster[:44]:<44} {cells}")
    if show_examples:
        lines += ["", "Examples:"]
        for cluster, reference, summary in report.examples:
            lines += [f"- {cluster}", f"  reference: {reference}", f"  ours:      {summary}"]
    return "\n".join(lines)
