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

COLUMN_WIDTH = 250
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
    path: str  # SVG path data: a curve from the source's right side to the target's left side
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
    for aid in _column_order(ids, depth, parents):
        column = depth[aid]
        row = rows.get(column, 0)
        rows[column] = row + 1
        x, y = MARGIN + column * COLUMN_WIDTH, MARGIN + row * ROW_HEIGHT
        position[aid] = (x, y)
        name = sources.get(aid) or aid
        nodes.append(Node(aid, _short(name), f"{name} ({aid})", x, y, aid not in parents, originality.get(aid)))
    columns = max(depth.values(), default=0) + 1
    width = 2 * MARGIN + (columns - 1) * COLUMN_WIDTH + NODE_WIDTH
    height = 2 * MARGIN + max(rows.values(), default=1) * ROW_HEIGHT - (ROW_HEIGHT - NODE_HEIGHT)
    return Graph(nodes=tuple(nodes), edges=_edges(_merge(pairs), position, sources), width=width, height=height)


def _column_order(ids: Sequence[str], depth: Mapping[str, int], parents: Mapping[str, set[str]]) -> list[str]:
    """Articles column by column; within a column, by the mean row of their parents.

    Placing a copy level with what it copied from (the barycentre heuristic) removes most edge
    crossings in these small graphs; input order breaks ties so the picture is deterministic.
    """
    row_of: dict[str, float] = {}
    ordered: list[str] = []
    for column in range(max(depth.values(), default=-1) + 1):
        members = [a for a in ids if depth[a] == column]
        if column > 0:
            members.sort(key=lambda a: _mean([row_of[p] for p in parents.get(a, ()) if p in row_of]))
        row_of.update((a, float(i)) for i, a in enumerate(members))
        ordered.extend(members)
    return ordered


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


Pair = tuple[str, str, int, str, str]


def _merge(pairs: Sequence[Pair]) -> list[Pair]:
    """One edge per (original, copy): a mirror that also shares sentences is drawn once, as a mirror."""
    merged: dict[tuple[str, str], Pair] = {}
    for pair in pairs:
        key = (pair[0], pair[1])
        if key not in merged:
            merged[key] = pair
            continue
        old = merged[key]
        count, kind = max(old[2], pair[2]), "mirror" if "mirror" in (old[3], pair[3]) else "reuse"
        merged[key] = (key[0], key[1], count, kind, f"{old[4]}; {pair[4]}")
    return list(merged.values())


def _spread(top: int, index: int, count: int) -> int:
    """The y of the index-th of `count` edge ends on one side of a node, evenly spaced."""
    return top + (index + 1) * NODE_HEIGHT // (count + 1)


def _edges(
    pairs: Sequence[Pair], position: Mapping[str, tuple[int, int]], sources: Mapping[str, str | None]
) -> tuple[Edge, ...]:
    """Curves from each original's right side to each copy's left side, ends spread along the sides
    so that ten copies of one wire do not all leave from a single point."""
    outgoing: dict[str, list[Pair]] = {}
    incoming: dict[str, list[Pair]] = {}
    for pair in sorted(pairs, key=lambda p: (position[p[1]][1], position[p[1]][0])):
        outgoing.setdefault(pair[0], []).append(pair)
    for pair in sorted(pairs, key=lambda p: (position[p[0]][1], position[p[0]][0])):
        incoming.setdefault(pair[1], []).append(pair)
    edges = []
    for a, b, count, kind, evidence in pairs:
        pair = (a, b, count, kind, evidence)
        x1 = position[a][0] + NODE_WIDTH
        y1 = _spread(position[a][1], outgoing[a].index(pair), len(outgoing[a]))
        x2 = position[b][0]
        y2 = _spread(position[b][1], incoming[b].index(pair), len(incoming[b]))
        bend = max(40, abs(x2 - x1) // 2)
        path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
        copier, source = sources.get(b) or b, sources.get(a) or a
        label = (
            f"{copier} took {count} sentence(s) from {source}: {evidence}"
            if kind == "reuse"
            else f"{copier} mirrors {source}: {evidence}"
        )
        edges.append(Edge(a, b, path, max(1, min(5, 1 + count // 3)), kind, label))
    return tuple(edges)
