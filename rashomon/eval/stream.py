"""Reading a labelled stream and unrelated articles for `rashomon eval stories`.

A labelled stream is JSON Lines in the reader's format (`rashomon brief` reads the same lines)
plus a `story` label per line. It goes through the real reader and the real clean stage, so the
evaluation groups exactly what a brief of that file would group. The undated pass removes
`published` from each line before reading: cleaning may still find a date in the text (a
dateline, a printed date), as it would for any undated input.

Unrelated articles (for the density sweep) may come in any JSON Lines the reader takes (`text`
or `html`, the rest optional) or in the devset's clusters format (`articles` per line, read as
unrelated pages one by one).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rashomon.config import Config
from rashomon.ingest.ids import IdRegistry
from rashomon.ingest.jsonl import read_jsonl
from rashomon.pipeline import clean_batch
from rashomon.records import Article, RawArticle

UNRELATED_PREFIX = "unrelated:"  # id prefix of unrelated articles: they never collide with labelled ones


@dataclass(slots=True, frozen=True)
class LabelledStream:
    """The cleaned articles of a labelled stream, their gold story, and what could not be read."""

    articles: tuple[Article, ...]
    gold: dict[str, str]
    rejected: int  # lines the reader or the clean stage rejected (not scored)
    dated: int  # articles with a `published` date after cleaning


def _records(path: str) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                if isinstance(record, dict):
                    yield record


def is_labelled_stream(path: str) -> bool:
    """True when the first record of `path` carries a `story` label (else: the devset format)."""
    for record in _records(path):
        return "story" in record
    return False


def _clean(lines: Sequence[str], path: str, config: Config, prefix: str = "") -> tuple[list[Article], int]:
    raws: list[RawArticle] = []
    rejected = 0
    for item in read_jsonl(lines, path, config.ingest, IdRegistry()):
        if isinstance(item, RawArticle):
            raws.append(replace(item, id=prefix + item.id) if prefix else item)
        else:
            rejected += 1
    articles, not_clean = clean_batch(raws, config)
    return articles, rejected + len(not_clean)


def load_labelled_stream(path: str, config: Config, dated: bool = True) -> LabelledStream:
    """Read, clean and label `path`; `dated=False` drops every `published` before reading.

    A line without a `story` label is its own gold story, so it costs precision if merged.
    """
    lines: list[str] = []
    labels: list[str] = []
    for number, record in enumerate(_records(path), start=1):
        if not dated:
            record.pop("published", None)
        labels.append(str(record.get("story") or f"unlabelled:{record.get('id') or number}"))
        lines.append(json.dumps(record, ensure_ascii=False))
    label_of_line = {f"{path}:line {n}": label for n, label in enumerate(labels, start=1)}
    articles, rejected = _clean(lines, path, config)
    gold = {article.id: label_of_line[article.path] for article in articles}
    dated_count = sum(1 for article in articles if article.published)
    return LabelledStream(tuple(articles), gold, rejected, dated_count)


def _unrelated_records(path: str) -> Iterator[dict[str, Any]]:
    for record in _records(path):
        pages = record.get("articles")
        if isinstance(pages, list):
            yield from (page for page in pages if isinstance(page, dict))
        else:
            yield record


def load_unrelated(paths: Sequence[str], config: Config) -> list[Article]:
    """Cleaned unrelated articles of all `paths`, ids prefixed so they never meet a labelled id.

    Each file is cleaned on its own (boilerplate is learnt per source, and a file is a source).
    """
    articles: list[Article] = []
    for path in paths:
        lines = [json.dumps(record, ensure_ascii=False) for record in _unrelated_records(path)]
        cleaned, _ = _clean(lines, path, config, prefix=f"{UNRELATED_PREFIX}{Path(path).stem}:")
        articles.extend(cleaned)
    return articles
