"""Saving a `Brief` into the derived tables and reading it back, whole or one story at a time.

The brief is stored normalised (a row per claim group, figure, quote, timeline event, reuse
link and reused sentence) so pages can query one story cheaply and the article page can find the
sentences others copied; lists of ids or strings inside a row are JSON arrays. Reading a brief
back gives a `Brief` equal to the one saved.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from rashomon.records import (
    ArticleInfo,
    Brief,
    Cited,
    ClaimGroup,
    DuplicateGroup,
    Entity,
    Figure,
    Join,
    Quote,
    Rejected,
    ReusedSentence,
    ReuseLink,
    Revision,
    StoryBrief,
    Summary,
    TimelineEvent,
)
from rashomon.store.schema import BUMP_REVISION, DERIVED_TABLES


def _dump(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _load(text: str) -> tuple[str, ...]:
    return tuple(str(v) for v in json.loads(text))


def newest_date(story: StoryBrief, published: dict[str, str | None]) -> str | None:
    dates = [d for d in (published.get(a) for a in story.articles) if d]
    return max(dates) if dates else None


class StaleBrief(RuntimeError):
    """The store changed after the brief's articles were read: saving it would drop the change.

    Raised by `write_brief` given an expected revision; the caller re-reads and re-briefs.
    """


def write_brief(conn: sqlite3.Connection, brief: Brief, expected_revision: int | None = None) -> None:
    """Replace every derived table with `brief`, in one transaction: readers see old or new, never half.

    With `expected_revision` (the revision the brief's articles were read at), the revision is
    compared inside the write lock, so no other writer can slip in between the check and the
    write; on a mismatch nothing is written and `StaleBrief` is raised.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        if expected_revision is not None:
            now = int(conn.execute("SELECT n FROM revision WHERE id = 1").fetchone()[0])
            if now != expected_revision:
                raise StaleBrief(f"the store moved to revision {now} since revision {expected_revision} was read")
        for table in DERIVED_TABLES:
            conn.execute(f"DELETE FROM {table}")
        # stories made elsewhere (Spark, a whole re-brief): the next incremental update replays its pass
        conn.execute("DELETE FROM grouping_meta")
        meta = {"generator": brief.generator, "schema_version": str(brief.schema_version), "created": brief.created}
        conn.executemany("INSERT INTO brief_meta (key, value) VALUES (?, ?)", meta.items())
        write_infos(conn, brief.articles)
        published = {a.id: a.published for a in brief.articles}
        for story in brief.stories:
            write_story(conn, -len(story.articles), story, newest_date(story, published))
        conn.executemany(
            "INSERT INTO rejected (pos, path, reason) VALUES (?, ?, ?)",
            [(pos, r.path, r.reason) for pos, r in enumerate(brief.rejected)],
        )
        conn.execute(BUMP_REVISION)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def write_infos(conn: sqlite3.Connection, infos: Sequence[ArticleInfo]) -> None:
    conn.executemany(
        "INSERT INTO article_info (id, pos, url, source, title, published, date_source, language, "
        "originality, story, mirror_of, path, cut) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                a.id,
                pos,
                a.url,
                a.source,
                a.title,
                a.published,
                a.date_source,
                a.language,
                a.originality,
                a.story,
                a.mirror_of,
                a.path,
                json.dumps(list(a.cut), ensure_ascii=False),
            )
            for pos, a in enumerate(infos)
        ],
    )


def write_story(conn: sqlite3.Connection, pos: int, story: StoryBrief, newest: str | None) -> None:
    """One story's rows: its summary and article list here, each other part by its own writer."""
    sid = story.id
    short = story.summary.short
    conn.execute(
        "INSERT INTO stories (id, pos, title, newest, short_text, short_citations) VALUES (?, ?, ?, ?, ?, ?)",
        (sid, pos, story.title, newest, short.text, _dump(short.citations)),
    )
    joined = {j.article_id: json.dumps([j.probability, list(j.reasons)]) for j in story.joins}
    conn.executemany(
        "INSERT INTO story_articles (story_id, pos, article_id, joined) VALUES (?, ?, ?, ?)",
        [(sid, i, a, joined.get(a)) for i, a in enumerate(story.articles)],
    )
    conn.executemany(
        "INSERT INTO summary_sentences (story_id, pos, text, citations) VALUES (?, ?, ?, ?)",
        [(sid, i, c.text, _dump(c.citations)) for i, c in enumerate(story.summary.long)],
    )
    _write_claims(conn, sid, story.claims)
    conn.executemany(
        "INSERT INTO quotes (story_id, pos, text, speaker, articles, variants) VALUES (?, ?, ?, ?, ?, ?)",
        [(sid, i, q.text, q.speaker, _dump(q.articles), _dump(q.variants)) for i, q in enumerate(story.quotes)],
    )
    conn.executemany(
        "INSERT INTO timeline (story_id, pos, date, text, expressions, citations) VALUES (?, ?, ?, ?, ?, ?)",
        [(sid, i, e.date, e.text, _dump(e.expressions), _dump(e.citations)) for i, e in enumerate(story.timeline)],
    )
    _write_reuse(conn, sid, story.reuse)
    conn.executemany(
        "INSERT INTO duplicates (story_id, pos, canonical, mirrors, similarity) VALUES (?, ?, ?, ?, ?)",
        [(sid, i, d.canonical, _dump(d.mirrors), d.similarity) for i, d in enumerate(story.duplicates)],
    )
    conn.executemany(
        "INSERT INTO entities (story_id, pos, name, kind, aliases, articles) VALUES (?, ?, ?, ?, ?, ?)",
        [(sid, i, e.name, e.kind, _dump(e.aliases), _dump(e.articles)) for i, e in enumerate(story.entities)],
    )


def _write_claims(conn: sqlite3.Connection, sid: str, claims: Sequence[ClaimGroup]) -> None:
    for i, group in enumerate(claims):
        cursor = conn.execute(
            "INSERT INTO claim_groups (story_id, pos, quantity, subject, low, best, high, conflict, reason, series) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sid,
                i,
                group.quantity,
                group.subject,
                group.low,
                group.best,
                group.high,
                int(group.conflict),
                group.reason,
                json.dumps([dataclasses.astuple(r) for r in group.series], ensure_ascii=False),
            ),
        )
        conn.executemany(
            "INSERT INTO figures (group_id, pos, value_text, low, high, claimants, articles, origins, "
            "hedges, sentences, subjects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cursor.lastrowid,
                    j,
                    f.value_text,
                    f.low,
                    f.high,
                    _dump(f.claimants),
                    _dump(f.articles),
                    f.origins,
                    _dump(f.hedges),
                    _dump(f.sentences),
                    _dump(f.subjects),
                )
                for j, f in enumerate(group.figures)
            ],
        )


def _write_reuse(conn: sqlite3.Connection, sid: str, links: Sequence[ReuseLink]) -> None:
    for i, link in enumerate(links):
        cursor = conn.execute(
            "INSERT INTO reuse_links (story_id, pos, original, copy, direction_evidence) VALUES (?, ?, ?, ?, ?)",
            (sid, i, link.original, link.copy, link.direction_evidence),
        )
        conn.executemany(
            "INSERT INTO reused_sentences (link_id, pos, original_index, copy_index, original_text, "
            "copy_text, similarity, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cursor.lastrowid,
                    j,
                    s.original_index,
                    s.copy_index,
                    s.original_text,
                    s.copy_text,
                    s.similarity,
                    s.kind,
                )
                for j, s in enumerate(link.sentences)
            ],
        )


def read_brief(conn: sqlite3.Connection) -> Brief | None:
    """The saved brief, or None when no brief was ever saved."""
    meta = dict(conn.execute("SELECT key, value FROM brief_meta").fetchall())
    if not meta:
        return None
    story_ids = [str(r[0]) for r in conn.execute("SELECT id FROM stories ORDER BY pos, id")]
    stories = tuple(s for s in (read_story(conn, sid) for sid in story_ids) if s is not None)
    return Brief(
        articles=read_article_infos(conn),
        stories=stories,
        rejected=read_rejected(conn),
        generator=meta["generator"],
        schema_version=int(meta["schema_version"]),
        created=meta["created"],  # an "extra" row, written by older versions, is ignored
    )


def _info(row: Sequence[Any]) -> ArticleInfo:
    aid, url, source, title, published, date_source, language, originality, story, mirror_of, path, cut = row
    return ArticleInfo(
        id=aid,
        url=url,
        source=source,
        title=title,
        published=published,
        date_source=date_source,
        language=language,
        originality=float(originality),
        story=story,
        mirror_of=mirror_of,
        path=path,
        cut=tuple(json.loads(cut)),
    )


_INFO_COLUMNS = "id, url, source, title, published, date_source, language, originality, story, mirror_of, path, cut"


def read_rejected(conn: sqlite3.Connection) -> tuple[Rejected, ...]:
    return tuple(
        Rejected(str(p), str(r)) for p, r in conn.execute("SELECT path, reason FROM rejected ORDER BY path, reason")
    )


def read_article_infos(conn: sqlite3.Connection) -> tuple[ArticleInfo, ...]:
    return tuple(_info(r) for r in conn.execute(f"SELECT {_INFO_COLUMNS} FROM article_info ORDER BY id"))


def read_article_info(conn: sqlite3.Connection, article_id: str) -> ArticleInfo | None:
    row = conn.execute(f"SELECT {_INFO_COLUMNS} FROM article_info WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else _info(row)


def _join(article_id: str, joined: str) -> Join:
    probability, reasons = json.loads(joined)
    return Join(article_id, float(probability), tuple(str(r) for r in reasons))


def read_story(conn: sqlite3.Connection, story_id: str) -> StoryBrief | None:
    """One story's brief, or None when there is no such story."""
    row = conn.execute("SELECT title, short_text, short_citations FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    title, short_text, short_citations = row
    q = (story_id,)
    rows = conn.execute("SELECT article_id, joined FROM story_articles WHERE story_id = ? ORDER BY pos", q).fetchall()
    articles = tuple(str(r[0]) for r in rows)
    joins = tuple(_join(str(a), j) for a, j in rows if j)
    long = tuple(
        Cited(t, _load(c))
        for t, c in conn.execute("SELECT text, citations FROM summary_sentences WHERE story_id = ? ORDER BY pos", q)
    )
    return StoryBrief(
        id=story_id,
        title=title,
        articles=articles,
        summary=Summary(short=Cited(short_text, _load(short_citations)), long=long),
        claims=_read_claims(conn, story_id),
        quotes=tuple(
            Quote(t, s, _load(a), _load(v))
            for t, s, a, v in conn.execute(
                "SELECT text, speaker, articles, variants FROM quotes WHERE story_id = ? ORDER BY pos", q
            )
        ),
        timeline=tuple(
            TimelineEvent(d, t, _load(e), _load(c))
            for d, t, e, c in conn.execute(
                "SELECT date, text, expressions, citations FROM timeline WHERE story_id = ? ORDER BY pos", q
            )
        ),
        joins=joins,
        reuse=_read_reuse(conn, story_id),
        duplicates=tuple(
            DuplicateGroup(c, _load(m), float(s))
            for c, m, s in conn.execute(
                "SELECT canonical, mirrors, similarity FROM duplicates WHERE story_id = ? ORDER BY pos", q
            )
        ),
        entities=tuple(
            Entity(n, k, _load(a), _load(ar))
            for n, k, a, ar in conn.execute(
                "SELECT name, kind, aliases, articles FROM entities WHERE story_id = ? ORDER BY pos", q
            )
        ),
    )


def _read_claims(conn: sqlite3.Connection, story_id: str) -> tuple[ClaimGroup, ...]:
    groups = []
    for gid, quantity, subject, low, best, high, conflict, reason, series in conn.execute(
        "SELECT id, quantity, subject, low, best, high, conflict, reason, series FROM claim_groups "
        "WHERE story_id = ? ORDER BY pos",
        (story_id,),
    ).fetchall():
        figures = tuple(
            Figure(v, lo, hi, _load(c), _load(a), int(o), _load(h), _load(s), _load(w))
            for v, lo, hi, c, a, o, h, s, w in conn.execute(
                "SELECT value_text, low, high, claimants, articles, origins, hedges, sentences, subjects FROM figures "
                "WHERE group_id = ? ORDER BY pos",
                (gid,),
            )
        )
        steps = tuple(Revision(*step) for step in json.loads(series))
        groups.append(ClaimGroup(quantity, subject, low, best, high, figures, bool(conflict), reason, steps))
    return tuple(groups)


def read_links(conn: sqlite3.Connection, where: str, params: tuple[str, ...]) -> tuple[ReuseLink, ...]:
    """Reuse links matching a fixed WHERE clause over `reuse_links` (callers pass constants only)."""
    links = []
    for lid, original, copy, evidence in conn.execute(
        f"SELECT id, original, copy, direction_evidence FROM reuse_links WHERE {where} ORDER BY story_id, pos",
        params,
    ).fetchall():
        sentences = tuple(
            ReusedSentence(int(oi), int(ci), ot, ct, float(sim), kind)
            for oi, ci, ot, ct, sim, kind in conn.execute(
                "SELECT original_index, copy_index, original_text, copy_text, similarity, kind "
                "FROM reused_sentences WHERE link_id = ? ORDER BY pos",
                (lid,),
            )
        )
        links.append(ReuseLink(original, copy, sentences, evidence))
    return tuple(links)


def _read_reuse(conn: sqlite3.Connection, story_id: str) -> tuple[ReuseLink, ...]:
    return read_links(conn, "story_id = ?", (story_id,))
