"""Near-duplicates found one add at a time: each new article's LSH band keys are looked up among
the stored ones, candidates are checked by exact Jaccard, and the components they link are
merged. The groups are those `provenance.minhash.find_duplicates` finds over all the articles at
once (same keys, same check, same components, same canonical): what changes is only how much is
read, the new articles and the groups they touch.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np

from rashomon.config import ProvenanceConfig
from rashomon.provenance.minhash import band_keys, group_of, jaccard, minhash_of, shingle_hashes, shingles
from rashomon.records import Article, DuplicateGroup
from rashomon.store.articles import articles_by_ids


def _signed(keys: np.ndarray) -> list[int]:
    """uint64 keys as SQLite's signed 64-bit integers (same bits)."""
    return [int(k) for k in keys.view(np.int64)]


def _hashes(article: Article, config: ProvenanceConfig) -> np.ndarray:
    return shingle_hashes(shingles(article.text, config.shingle_size))


def add_articles(conn: sqlite3.Connection, articles: Sequence[Article], config: ProvenanceConfig) -> set[str]:
    """Index `articles` (stored already, not indexed yet) and link them to their near-duplicates;
    returns the roots of the components that changed (those of new articles included)."""
    changed: set[str] = set()
    for article in articles:
        grams = shingles(article.text, config.shingle_size)
        keys = _signed(band_keys(minhash_of(grams, config.num_perm), config))
        candidates: set[str] = set()
        for band, key in enumerate(keys):
            rows = conn.execute("SELECT article_id FROM duplicate_bands WHERE band = ? AND key = ?", (band, key))
            candidates.update(str(r[0]) for r in rows)
        conn.executemany(
            "INSERT INTO duplicate_bands (band, key, article_id) VALUES (?, ?, ?)",
            [(band, key, article.id) for band, key in enumerate(keys)],
        )
        candidates.discard(article.id)
        mine = shingle_hashes(grams)
        linked = [
            other.id
            for other in articles_by_ids(conn, sorted(candidates))
            if jaccard(mine, _hashes(other, config)) >= config.duplicate_threshold
        ]
        if linked:
            changed.add(_link(conn, article.id, linked))
    return changed


def _root(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT root FROM duplicate_members WHERE article_id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def _link(conn: sqlite3.Connection, article_id: str, others: Sequence[str]) -> str:
    """Merge `article_id` and `others` into one component (rooted at its smallest id); returns the root."""
    roots = {r for r in (_root(conn, o) or o for o in others)} | {_root(conn, article_id) or article_id}
    root = min(roots)
    members = {article_id, *others}
    for old in roots:
        members.update(
            str(r[0]) for r in conn.execute("SELECT article_id FROM duplicate_members WHERE root = ?", (old,))
        )
    conn.executemany(
        "INSERT OR REPLACE INTO duplicate_members (article_id, root) VALUES (?, ?)",
        [(m, root) for m in sorted(members)],
    )
    return root


def members_of(conn: sqlite3.Connection, roots: Sequence[str]) -> dict[str, list[str]]:
    """Root -> the ids of its component."""
    found: dict[str, list[str]] = {}
    for root in roots:
        rows = conn.execute("SELECT article_id FROM duplicate_members WHERE root = ? ORDER BY article_id", (root,))
        found[root] = [str(r[0]) for r in rows]
    return found


def groups_of(conn: sqlite3.Connection, article_ids: Sequence[str], config: ProvenanceConfig) -> list[DuplicateGroup]:
    """The duplicate groups that hold any of `article_ids`."""
    roots: set[str] = set()
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        query = f"SELECT DISTINCT root FROM duplicate_members WHERE article_id IN ({','.join('?' * len(chunk))})"
        roots.update(str(r[0]) for r in conn.execute(query, chunk))
    groups = []
    for ids in members_of(conn, sorted(roots)).values():
        members = articles_by_ids(conn, ids)
        groups.append(group_of(members, [_hashes(a, config) for a in members]))
    return sorted(groups, key=lambda g: g.canonical)
