"""Provenance on our own ferry fixture: a wire story, its mirror, a local report, a spinner."""

from __future__ import annotations

from provenance_seeds import fixture_articles

from rashomon.config import ProvenanceConfig
from rashomon.provenance import find_duplicates, find_reuse, originality
from rashomon.provenance.sentence_reuse import match_sentences
from rashomon.records import Article, ReuseLink, Sentence

CONFIG = ProvenanceConfig()


def _link(links: list[ReuseLink], original: str, copy: str) -> ReuseLink:
    found = [link for link in links if (link.original, link.copy) == (original, copy)]
    assert found, f"no link {original} -> {copy} in {[(x.original, x.copy) for x in links]}"
    return found[0]


def test_mirror_is_grouped_under_the_complete_original() -> None:
    groups = find_duplicates(fixture_articles("ferry.jsonl"), CONFIG)
    assert len(groups) == 1
    assert groups[0].canonical == "wire"
    assert groups[0].mirrors == ("mirror",)
    assert CONFIG.duplicate_threshold <= groups[0].similarity < 1.0


def test_rewrites_are_not_duplicates() -> None:
    articles = [a for a in fixture_articles("ferry.jsonl") if a.id != "mirror"]
    assert find_duplicates(articles, CONFIG) == []


def test_spun_sentences_are_traced_to_the_credited_wire() -> None:
    links = find_reuse(fixture_articles("ferry.jsonl"), CONFIG)
    link = _link(links, "wire", "spinner")
    assert link.direction_evidence == "dateline/agency credit"
    assert {s.kind for s in link.sentences} == {"spun"}
    assert sorted(s.copy_index for s in link.sentences) == [0, 1]
    assert all("Navy" in s.copy_text or "ferry" in s.copy_text for s in link.sentences)


def test_verbatim_sentence_from_an_uncredited_source() -> None:
    links = find_reuse(fixture_articles("ferry.jsonl"), CONFIG)
    link = _link(links, "local", "spinner")
    assert [s.kind for s in link.sentences] == ["verbatim"]
    assert link.sentences[0].similarity == 1.0
    assert link.direction_evidence.startswith("stitched from")


def test_each_copied_sentence_has_one_source() -> None:
    links = find_reuse(fixture_articles("ferry.jsonl"), CONFIG)
    copied = [(link.copy, s.copy_index) for link in links for s in link.sentences]
    assert len(copied) == len(set(copied))
    assert not any(link.original == "mirror" for link in links)


def test_originality_shares() -> None:
    articles = fixture_articles("ferry.jsonl")
    shares = originality(articles, find_reuse(articles, CONFIG))
    assert shares["wire"] == 1.0
    assert shares["local"] == 1.0
    assert shares["unrelated"] == 1.0
    assert shares["mirror"] == 0.0
    # three of the spinner's five matchable sentences are borrowed; the short "click here" line
    # is long enough to count, so 2 of 5 are its own
    assert shares["spinner"] == 0.4


def test_nothing_shared_gives_no_links() -> None:
    articles = [a for a in fixture_articles("ferry.jsonl") if a.id in ("local", "unrelated")]
    assert find_reuse(articles, CONFIG) == []
    assert originality(articles, []) == {"local": 1.0, "unrelated": 1.0}


def _two(first: str, second: str) -> list[Article]:
    return [
        Article(id=name, path=name, text=text, sentences=(Sentence(name, 0, text),), published="2025-06-02")
        for name, text in (("one", first), ("two", second))
    ]


def test_short_sentences_need_more_than_shared_facts() -> None:
    """Two short reports of one fact share 5 of 8 tokens (above the 0.6 threshold) without one
    being copied from the other; a short sentence with one word changed is still a copy."""
    facts = _two(
        "The council will hold an emergency vote on the harbour closure on Tuesday.",
        "The council is due to debate the harbour closure in an emergency vote on Tuesday.",
    )
    assert match_sentences(facts, CONFIG) == []
    copied = _two(
        "The council will hold an emergency vote on the harbour closure on Tuesday.",
        "The council will hold an urgent vote on the harbour closure on Tuesday.",
    )
    assert [m.similarity >= 0.75 for m in match_sentences(copied, CONFIG)] == [True]


def test_a_copy_with_a_clause_cut_is_found() -> None:
    """The copy keeps the source's first words verbatim and drops its trailing clause: token
    Jaccard is below the threshold, the verbatim excerpt still makes it a copy."""
    source = (
        "Harbour master Ilse Brandt said nearly 300 boats had been moved to the inner basin, "
        "a higher number than the port authority had given in its morning statement to fishermen and ferry crews."
    )
    cut = "Harbour master Ilse Brandt said nearly 300 boats had been moved to the inner basin."
    articles = _two(source, cut)
    assert match_sentences(articles, CONFIG) == []
    links = find_reuse(articles, CONFIG)
    assert [(link.original, link.copy) for link in links] == [("one", "two")]
    assert links[0].sentences[0].copy_text == cut
    unrelated = _two(source, "Harbour master Ilse Brandt said the inner basin would reopen on Friday.")
    assert find_reuse(unrelated, CONFIG) == []
