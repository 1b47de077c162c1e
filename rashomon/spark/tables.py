"""Parquet tables of a Spark run, for analysis with SQL/DataFrames beyond what the brief shows.

One table per kind of record (articles, stories, claims, reuse, rejected), flat rows with
explicit schemas so that empty runs still write readable, typed tables. The articles table is
written from the executors' articles (texts never pass through the driver); the others are
small and come from the brief.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from pyspark import RDD
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DoubleType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from rashomon.config import ProvenanceConfig
from rashomon.records import Article, ArticleInfo, Brief
from rashomon.spark.inputs import Position


def _schema(*fields: tuple[str, object]) -> StructType:
    return StructType([StructField(name, kind, nullable=True) for name, kind in fields])  # type: ignore[arg-type]


S, D, N, B = StringType(), DoubleType(), IntegerType(), BooleanType()
ARTICLES = _schema(
    ("id", S), ("path", S), ("url", S), ("title", S), ("published", S), ("date_source", S),
    ("source", S), ("language", S), ("story", S), ("mirror_of", S), ("originality", D),
    ("sentences", N), ("text", S),
)
STORIES = _schema(
    ("id", S), ("title", S), ("articles", ArrayType(S)), ("short", S), ("short_citations", ArrayType(S)),
    ("long", ArrayType(S)),
)
CLAIMS = _schema(
    ("story", S), ("quantity", S), ("subject", S), ("low", D), ("best", D), ("high", D), ("conflict", B),
    ("value_text", S), ("value_low", D), ("value_high", D), ("claimants", ArrayType(S)),
    ("articles", ArrayType(S)), ("origins", N),
)
REUSE = _schema(
    ("story", S), ("original", S), ("copy", S), ("direction_evidence", S), ("original_index", N),
    ("copy_index", N), ("original_text", S), ("copy_text", S), ("similarity", D), ("kind", S),
)
REJECTED = _schema(("path", S), ("reason", S))
SHARED_SENTENCES = _schema(
    ("fingerprint", S), ("article", S), ("sentence_index", N), ("story", S), ("published", S), ("text", S),
)


def _article_rows(part: Iterable[tuple[Position, Article]], infos: dict[str, ArticleInfo]) -> Iterator[tuple]:
    for _, a in part:
        info = infos.get(a.id)
        yield (
            a.id, a.path, a.url, a.title, a.published, a.date_source, a.source, a.language,
            info.story if info else None, info.mirror_of if info else None,
            float(info.originality) if info else None, len(a.sentences), a.text,
        )


def _fingerprints(part: Iterable[tuple[Position, Article]], min_tokens: int) -> Iterator[tuple[str, tuple]]:
    """(fingerprint, row) for every sentence long enough to be matched (`min_tokens`), fingerprinted
    by its spin-normalised content tokens as `find_reuse` sees them (so "Russian Federation" and
    "Russia" versions of one sentence share a fingerprint)."""
    from rashomon.provenance.spin import content_tokens

    for _, article in part:
        for sentence in article.sentences:
            tokens = sorted(set(content_tokens(sentence.text)))
            if len(tokens) >= min_tokens:
                digest = hashlib.blake2b(" ".join(tokens).encode(), digest_size=10).hexdigest()
                yield digest, (article.id, sentence.index, article.published, sentence.text)


def _shared(group: tuple[str, Iterable[tuple]], infos: dict[str, ArticleInfo]) -> list[tuple]:
    rows = list(group[1])
    if len({row[0] for row in rows}) < 2:
        return []
    return [(group[0], aid, index, infos[aid].story if aid in infos else None, published, text)
            for aid, index, published, text in rows]


def _num(value: float | None) -> float | None:
    return None if value is None else float(value)


def write_tables(
    session: SparkSession,
    brief: Brief,
    articles: RDD[tuple[Position, Article]],
    out: str,
    config: ProvenanceConfig,
) -> None:
    """Write `out`/{articles,stories,claims,reuse,rejected,shared_sentences}.parquet (overwriting).

    `shared_sentences` is the corpus-wide join on sentence fingerprints: every sentence whose
    fingerprint occurs in two or more articles, with its story, so copies across stories (which
    the brief does not look for: reuse is searched within a story, as locally) can be queried.
    """
    infos = session.sparkContext.broadcast({i.id: i for i in brief.articles})
    min_tokens = config.min_content_tokens
    root = Path(out)
    rows = articles.mapPartitions(lambda part: _article_rows(part, infos.value))
    tables = {
        "articles": session.createDataFrame(rows, ARTICLES),
        "stories": session.createDataFrame(
            [
                (s.id, s.title, list(s.articles), s.summary.short.text, list(s.summary.short.citations),
                 [c.text for c in s.summary.long])
                for s in brief.stories
            ],
            STORIES,
        ),
        "claims": session.createDataFrame(
            [
                (s.id, g.quantity, g.subject, _num(g.low), _num(g.best), _num(g.high), g.conflict,
                 f.value_text, _num(f.low), _num(f.high), list(f.claimants), list(f.articles), f.origins)
                for s in brief.stories for g in s.claims for f in g.figures
            ],
            CLAIMS,
        ),
        "reuse": session.createDataFrame(
            [
                (s.id, link.original, link.copy, link.direction_evidence, r.original_index, r.copy_index,
                 r.original_text, r.copy_text, float(r.similarity), r.kind)
                for s in brief.stories for link in s.reuse for r in link.sentences
            ],
            REUSE,
        ),
        "rejected": session.createDataFrame([(r.path, r.reason) for r in brief.rejected], REJECTED),
    }
    shared = (
        articles.mapPartitions(lambda part: _fingerprints(part, min_tokens))
        .groupByKey(articles.getNumPartitions())
        .flatMap(lambda group: _shared(group, infos.value))
    )
    tables["shared_sentences"] = session.createDataFrame(shared, SHARED_SENTENCES)
    for name, frame in tables.items():
        frame.write.mode("overwrite").parquet(str(root / f"{name}.parquet"))
