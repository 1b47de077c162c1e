"""Deterministic articles for the store tests, importable by the kill test's child process too."""

from __future__ import annotations

from rashomon.records import Article, Sentence


def numbered_article(n: int, published: str | None = "2026-02-01") -> Article:
    """A distinct, deterministic article: the same n always gives the same content."""
    aid = f"art-{n:05d}"
    sentences = (
        Sentence(aid, 0, f"Report number {n} describes the harbour of town {n % 17}."),
        Sentence(aid, 1, f"Officials counted {n * 3} boats on the quay."),
        Sentence(aid, 2, "Nobody else was available for comment.", 1),
    )
    return Article(
        id=aid,
        path=f"inputs/{aid}.txt",
        text=f"{sentences[0].text} {sentences[1].text}\n\n{sentences[2].text}",
        sentences=sentences,
        title=f"Harbour report {n}",
        published=published,
        source=f"outlet-{n % 5}",
        url=f"https://outlet{n % 5}.example/{n}",
        language="en",
        date_source="metadata",
        dropped=("Subscribe now",),
    )
