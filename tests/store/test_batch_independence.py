"""`--store` over several batches ends as one batch of everything (issue 13, section 3).

Learned repeated lines used to be learned per batch, so an article cleaned in a half batch differed
from the same article cleaned with the whole corpus, got another content hash and was stored twice.
"""

from __future__ import annotations

from pathlib import Path

from repeat_corpus import SIGN_OFF, write_corpus

from rashomon.adding import add_to_store
from rashomon.store import Store


def _state(store: Store) -> tuple[list[tuple[str, str | None, str]], list[list[str]]]:
    """(id, title, text) of every article, and each story's article ids."""
    articles = sorted((a.id, a.title, a.text) for a in store.articles())
    brief = store.load_brief()
    assert brief is not None
    return articles, sorted(sorted(s.articles) for s in brief.stories)


def test_half_then_whole_equals_whole(tmp_path: Path) -> None:
    first, second = write_corpus(tmp_path / "corpus")
    whole = Store.open(str(tmp_path / "whole.db"))
    add_to_store(whole, [*first, *second])
    split = Store.open(str(tmp_path / "split.db"))
    add_to_store(split, first)
    assert any(SIGN_OFF in a.text for a in split.articles())  # two Gazette articles cannot teach it
    result = add_to_store(split, [*first, *second])
    assert result.added == len(second)
    assert split.count_articles() == len(first) + len(second)
    assert not any("~" in a.id for a in split.articles())
    assert not any(SIGN_OFF in a.text for a in split.articles())
    assert _state(split) == _state(whole)


def test_whole_then_half_or_whole_again_changes_nothing(tmp_path: Path) -> None:
    first, second = write_corpus(tmp_path / "corpus")
    store = Store.open(str(tmp_path / "r.db"))
    add_to_store(store, [*first, *second])
    before, revision = _state(store), store.revision()
    for batch in ([*first, *second], first):
        result = add_to_store(store, batch, skip_unchanged=True)
        assert result.added == 0
        assert store.revision() == revision  # no article rewritten, no re-brief
        assert _state(store) == before
    assert add_to_store(store, first).added == 0  # re-briefed, to the same stories
    assert _state(store) == before


def test_disjoint_batches_learn_from_the_store(tmp_path: Path) -> None:
    """The second half learns the sign-off from the first half's stored counts; the first half's
    articles are cleaned anew when they are offered again."""
    first, second = write_corpus(tmp_path / "corpus")
    store = Store.open(str(tmp_path / "r.db"))
    add_to_store(store, first)
    add_to_store(store, second)
    new = [a for a in store.articles() if a.path.split(":")[0] in {str(p) for p in second}]
    assert new and not any(SIGN_OFF in a.text for a in new)
