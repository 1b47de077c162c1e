"""Lay out the "who copied whom" picture of a story as positioned nodes and edges.

The layout is computed here and drawn by a Jinja template, so every label passes through
autoescaping like any other article-derived string. Originals (articles nobody is known to have
copied from) stand in the left column; each copy sits one column right of the latest article it
copied from, so reading left to right follows the text downstream.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rashomon.records import DuplicateGroup, ReuseLink

COLUMN_WIDTH = 210
ROW_HEIGHT = 64
NODE_WIDTH = 170
NODE_HEIGHT = 40
MARGIN = 12
LABEL_CHARS = 22


@dataclass(slots=True, frozen=True)
class Node:
    article_id: str
    label: str
    tooltip: str
    x: int
    y: int
    original: bool  # copied from nobody in this story
    originality: float | None


@dataclass(slots=True, frozen=True)
class Edge:
    source: str
    target: str
    x1: int
    y1: int
    x2: int
    y2: int
    weight: int  # sentences copied; draws the line thicker
    kind: str  # "reuse" or "mirror"
    label: str


@dataclass(slots=True, frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int
    height: int


def _depths(articles: Sequence[str], parents: Mapping[str, set[str]]) -> dict[str, int]:
    """Column of each article: 0 for originals, else one past its deepest parent.

    Relaxation runs at most len(articles) rounds, so a cycle (two articles each said to copy the
    other, which bad dates can produce) ends with a bounded depth instead of looping forever.
    """
    depth = dict.fromkeys(articles, 0)
    for _ in range(len(articles)):
        changed = False
        for child in articles:
            best = max((depth.get(p, 0) + 1 for p in parents.get(child, ())), default=0)
            best = min(best, len(articles) - 1)
            if best != depth[child]:
                depth[child], changed = best, True
        if not changed:
            break
    return depth


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def layout(
    articles: Sequence[str],
    reuse: Sequence[ReuseLink],
    duplicates: Sequence[DuplicateGroup],
    sources: Mapping[str, str | None],
    originality: Mapping[str, float],
) -> Graph:
    """Positions for every article of the story and an edge per reuse link and mirror."""
    ids = list(dict.fromkeys(articles))
    known = set(ids)
    parents: dict[str, set[str]] = {}
    pairs: list[tuple[str, str, int, str, str]] = []
    for link in reuse:
        if link.original in known and link.copy in known and link.original != link.copy:
            parents.setdefault(link.copy, set()).add(link.original)
            pairs.append((link.original, link.copy, len(link.sentences), "reuse", link.direction_evidence))
    for group in duplicates:
        for mirror in group.mirrors:
            if group.canonical in known and mirror in known and mirror != group.canonical:
                parents.setdefault(mirror, set()).add(group.canonical)
                pairs.append((group.canonical, mirror, 0, "mirror", f"mirror ({group.similarity:.2f})"))
    depth = _depths(ids, parents)
    rows: dict[int, int] = {}
    position: dict[str, tuple[int, int]] = {}
    nodes = []
    for aid in ids:
        column = depth[aid]
        row = rows.get(column, 0)
        rows[column] = row + 1
        x, y = MARGIN + column * COLUMN_WIDTH, MARGIN + row * ROW_HEIGHT
        position[aid] = (x, y)
        name = sources.get(aid) or aid
        nodes.append(
            Node(aid, _short(name), f"{name} ({aid})", x, y, aid not in parents, originality.get(aid))
        )
    edges = tuple(
        Edge(
            source=a,
            target=b,
            x1=position[a][0] + NODE_WIDTH,
            y1=position[a][1] + NODE_HEIGHT // 2,
            x2=position[b][0],
            y2=position[b][1] + NODE_HEIGHT // 2,
            weight=max(1, min(6, 1 + count // 2)),
            kind=kind,
            label=f"{sources.get(b) or b} took {count} sentence(s) from {sources.get(a) or a}: {evidence}"
            if kind == "reuse"
            else f"{sources.get(b) or b} mirrors {sources.get(a) or a}: {evidence}",
        )
        for a, b, count, kind, evidence in pairs
    )
    columns = max(depth.values(), default=0) + 1
    width = 2 * MARGIN + (columns - 1) * COLUMN_WIDTH + NODE_WIDTH
    height = 2 * MARGIN + max(rows.values(), default=1) * ROW_HEIGHT - (ROW_HEIGHT - NODE_HEIGHT)
    return Graph(nodes=tuple(nodes), edges=edges, width=width, height=height)
