"""k mirrors of one article cost k times one article in sentence reuse, not k^2 (issue 13, section 2)."""

from __future__ import annotations

import pytest

from rashomon.config import ProvenanceConfig
from rashomon.provenance import find_duplicates, find_reuse, sentence_reuse
from rashomon.records import Article, Sentence

CONFIG = ProvenanceConfig()
PLACES = ("Velmar", "Brellin", "Kessel", "Dunmore", "Talvik", "Ostrava")
THINGS = ("quays", "ferries", "cranes", "warehouses", "breakwaters", "tugboats")


def _sentences(copy: int) -> list[str]:
    """Forty distinct sentences; copy `copy` changes one word of the last, as a re-post does."""
    texts = [
        f"The harbour council of {PLACES[n % 6]} approved plan {n} for new {THINGS[n // 6 % 6]} "
        f"after a debate of {n + 3} hours on Tuesday."
        for n in range(40)
    ]
    texts[-1] = texts[-1].replace("Tuesday", f"Tuesday evening {copy}")
    return texts


def _mirror(copy: int) -> Article:
    texts = _sentences(copy)
    sentences = tuple(Sentence(f"m{copy:02d}", n, text) for n, text in enumerate(texts))
    return Article(f"m{copy:02d}", f"m{copy}.txt", " ".join(texts), sentences, published=f"2024-05-{10 + copy:02d}")


def _reuse_cost(k: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(sentence matches made, reused sentences reported) for k mirrors."""
    made: list[int] = []
    original = sentence_reuse.match_sentences

    def counting(articles: list[Article], config: ProvenanceConfig) -> list[sentence_reuse.SentenceMatch]:
        found = original(articles, config)
        made.append(len(found))
        return found

    monkeypatch.setattr(sentence_reuse, "match_sentences", counting)
    links = find_reuse([_mirror(copy) for copy in range(k)], CONFIG)
    return sum(made), sum(len(link.sentences) for link in links)


def test_mirrors_are_one_group() -> None:
    groups = find_duplicates([_mirror(copy) for copy in range(6)], CONFIG)
    assert [(g.canonical, len(g.mirrors)) for g in groups] == [("m00", 5)]


def test_mirror_matches_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each mirror is matched with its canonical only: matches and reused sentences per mirror
    stay about the same from 4 to 16 mirrors (all pairs would make them grow with k)."""
    costs = {k: _reuse_cost(k, monkeypatch) for k in (4, 8, 16)}
    made = {k: made / (k - 1) for k, (made, _) in costs.items()}
    assert made[16] <= 1.05 * made[4]  # all pairs: (k - 1) / 2 times as many per mirror
    assert {k: reported for k, (_, reported) in costs.items()} == {4: 3 * 40, 8: 7 * 40, 16: 15 * 40}


def test_each_mirror_is_linked_to_its_canonical() -> None:
    links = find_reuse([_mirror(copy) for copy in range(5)], CONFIG)
    assert [(link.original, link.copy) for link in links] == [("m00", f"m{copy:02d}") for copy in range(1, 5)]


def test_duplicates_of_a_subset_do_not_depend_on_what_was_searched_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Band keys are remembered across searches (the local runner searches the batch, then each
    story); a subset gets the groups it gets alone, with the memory empty, full, or in use."""
    from rashomon.provenance import minhash

    mirrors = [_mirror(copy) for copy in range(6)]
    subset = mirrors[2:5]
    monkeypatch.setattr(minhash, "_BAND_KEYS", {})
    monkeypatch.setattr(minhash, "_HASHES", {})
    alone = find_duplicates(subset, CONFIG)
    find_duplicates(mirrors, CONFIG)
    assert find_duplicates(subset, CONFIG) == alone == find_duplicates(subset, CONFIG)
    monkeypatch.setattr(minhash, "_BAND_KEYS_KEPT", 2)  # full: the oldest keys leave as new come
    monkeypatch.setattr(minhash, "_HASHES_KEPT", 1)
    monkeypatch.setattr(minhash, "_BAND_KEYS", {})
    monkeypatch.setattr(minhash, "_HASHES", {})
    assert find_duplicates(subset, CONFIG) == alone
    assert [(g.canonical, g.mirrors) for g in alone] == [("m02", ("m03", "m04"))]
