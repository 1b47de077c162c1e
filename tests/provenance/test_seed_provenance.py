"""EXPECTED.md section 5 on the seed articles (read from ../shared, skipped when absent).

Sentences are recognised by one telling word each, never by quoting the seeds.
"""

from __future__ import annotations

import pytest
from provenance_seeds import seed_articles

from rashomon.config import ProvenanceConfig
from rashomon.provenance import find_duplicates, find_reuse, originality
from rashomon.records import ReusedSentence, ReuseLink

CONFIG = ProvenanceConfig()


@pytest.fixture(scope="module")
def links() -> list[ReuseLink]:
    return find_reuse(seed_articles(), CONFIG)


def _copied(links: list[ReuseLink], original: str, copy: str) -> list[ReusedSentence]:
    return [s for link in links if (link.original, link.copy) == (original, copy) for s in link.sentences]


def _one(sentences: list[ReusedSentence], word: str) -> ReusedSentence:
    found = [s for s in sentences if word in s.copy_text]
    assert len(found) == 1, f"{word!r}: {[s.copy_text[:60] for s in sentences]}"
    return found[0]


def test_no_seed_is_a_mirror_of_another() -> None:
    assert find_duplicates(seed_articles(), CONFIG) == []


def test_002_takes_from_001(links: list[ReuseLink]) -> None:
    taken = _copied(links, "001", "002")
    assert _one(taken, "coalition claimed").kind == "verbatim"
    assert _one(taken, "Defense Ministry").kind == "spun"


def test_002_takes_from_004(links: list[ReuseLink]) -> None:
    taken = _copied(links, "004", "002")
    assert _one(taken, "helped").kind == "spun"  # the quote, with Russia spun
    opening = _one(taken, "dozens")
    assert opening.copy_index < 3 and opening.original_index == 0


def test_003_takes_from_001_002_004(links: list[ReuseLink]) -> None:
    assert _one(_copied(links, "001", "003"), "withdrawal").kind == "verbatim"
    assert _one(_copied(links, "002", "003"), "contractors").kind == "verbatim"
    assert _one(_copied(links, "004", "003"), "Kremlin").similarity >= 0.9


def test_001_000_004_copy_nothing(links: list[ReuseLink]) -> None:
    assert not [link for link in links if link.copy in ("000", "001", "004")]


def test_direction_evidence_is_given(links: list[ReuseLink]) -> None:
    evidence = {(link.original, link.copy): link.direction_evidence for link in links}
    assert evidence[("001", "002")] == "dateline/agency credit"
    assert evidence[("004", "002")].startswith("stitched from")


def test_originality(links: list[ReuseLink]) -> None:
    shares = originality(seed_articles(), links)
    for original in ("000", "001", "004"):
        assert shares[original] >= 0.9
    for copier in ("002", "003"):
        assert shares[copier] < 0.85
        assert shares[copier] < min(shares[o] for o in ("000", "001", "004"))
