"""Direction rules, strongest evidence first, on hand-made evidence."""

from __future__ import annotations

from rashomon.provenance.direction import ArticleEvidence, has_credit, orient_pairs
from rashomon.records import Article


def _evidence(
    published: str | None = None, credited: bool = False, unique_share: float = 0.5, order: int = 0
) -> ArticleEvidence:
    return ArticleEvidence(published, None, credited, unique_share, order)


def test_earlier_publication_wins_over_everything() -> None:
    evidence = {"a": _evidence("2024-01-02", credited=True, order=0), "b": _evidence("2024-01-01", order=1)}
    direction = orient_pairs([("a", "b")], evidence)[("a", "b")]
    assert (direction.original, direction.copy, direction.evidence) == ("b", "a", "published earlier")


def test_same_day_falls_to_the_credit() -> None:
    evidence = {"a": _evidence("2024-01-01"), "b": _evidence("2024-01-01T10:00", credited=True, order=1)}
    direction = orient_pairs([("a", "b")], evidence)[("a", "b")]
    assert (direction.original, direction.evidence) == ("b", "dateline/agency credit")


def test_stitcher_is_the_copier() -> None:
    # w is credited: it is x's source; x then copies from w, so in the undated pair (x, y) x stitches
    evidence = {
        "w": _evidence(credited=True, order=0),
        "x": _evidence(order=1, unique_share=0.9),
        "y": _evidence(order=2, unique_share=0.5),
    }
    decided = orient_pairs([("w", "x"), ("x", "y")], evidence)
    assert (decided[("w", "x")].original, decided[("w", "x")].copy) == ("w", "x")
    assert (decided[("x", "y")].original, decided[("x", "y")].copy) == ("y", "x")
    assert decided[("x", "y")].evidence == "stitched from 1 other article"


def test_more_unique_sentences_then_dated_then_input_order() -> None:
    unique = orient_pairs([("a", "b")], {"a": _evidence(unique_share=0.3), "b": _evidence(unique_share=0.9)})
    assert unique[("a", "b")].original == "b"
    dated = orient_pairs([("a", "b")], {"a": _evidence(order=0), "b": _evidence("2024-01-01", order=1)})
    assert (dated[("a", "b")].original, dated[("a", "b")].evidence) == ("b", "dated, the other not")
    tied = orient_pairs([("a", "b")], {"a": _evidence(order=1), "b": _evidence(order=0)})
    assert tied[("a", "b")].original == "b"
    assert "input order" in tied[("a", "b")].evidence


def test_two_stitchers_do_not_compare_unique_shares() -> None:
    evidence = {
        "src": _evidence(credited=True, order=0),
        "p": _evidence(order=1, unique_share=0.4),
        "q": _evidence(order=2, unique_share=0.9),
    }
    decided = orient_pairs([("p", "src"), ("q", "src"), ("p", "q")], evidence)
    assert decided[("p", "q")].original == "p"
    assert "input order" in decided[("p", "q")].evidence


def test_credit_patterns() -> None:
    def article(text: str, dateline: str | None = None) -> Article:
        return Article(id="x", path="x", text=text, sentences=(), dateline=dateline)

    assert has_credit(article("LONDON, May 3 (Reuters) - Markets fell."))
    assert has_credit(article("Markets fell (MPA) -- again."))
    assert has_credit(article("Markets fell.", dateline="LONDON"))
    assert not has_credit(article("Markets fell sharply in London on Tuesday."))
