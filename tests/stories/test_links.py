"""Linking one event's stories across languages: which stories may be linked, what a link moves,
and a store that links a story added later."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from stories_helpers import make_article

from rashomon.adding import add_to_store
from rashomon.config import StoriesConfig
from rashomon.store import Store
from rashomon.stories import StoryGrouper, decision, grouper, links
from rashomon.stories.evidence import StoryEvidence
from rashomon.stories.stream import article_evidence

WIRE = make_article(
    "ferry-wire",
    "Five people were killed when a fire broke out on the passenger ferry Saint Ilona off Estmark on "
    "1 June, the coast guard said. Commander Edda Morrow said rescue boats arrived within forty minutes.",
    title="Five dead in fire aboard Estmark ferry Saint Ilona",
    published="2025-06-02",
)
SPANISH = make_article(
    "ferry-es",
    "Cinco personas murieron el 1 de junio en el incendio del transbordador Saint Ilona frente a Estmark, "
    "informó la guardia costera. La comandante Edda Morrow dijo que los botes de rescate llegaron en cuarenta minutos.",
    title="Cinco muertos en el incendio del ferry Saint Ilona",
    published="2025-06-02",
    language="es",
)
LOCAL = make_article(
    "ferry-local",
    "Families waited at the Porthaven ferry terminal for news of relatives aboard the Saint Ilona.",
    title="Porthaven families wait for news after Saint Ilona fire",
    published="2025-06-03",
)
_LINKS, _JOINS = len(links.LINK_FEATURES), len(decision.FEATURES)
ALWAYS = links.LinkModel((0.0,) * _LINKS, 10.0, (0.0,) * _LINKS, (1.0,) * _LINKS)
NEVER_JOIN = decision.JoinModel((0.0,) * _JOINS, -100.0, (0.0,) * _JOINS, (1.0,) * _JOINS)


def _apart_then_linked(model: links.LinkModel | None) -> StoryGrouper:
    """A grouper whose join model never joins: only links can bring stories together."""
    stories = StoryGrouper(StoriesConfig(), models=decision.JoinModels(NEVER_JOIN, NEVER_JOIN))
    stories.link_model = model
    for article in (WIRE, SPANISH, LOCAL):
        stories.add(article)
    return stories


def test_a_story_is_linked_only_with_stories_in_none_of_its_languages() -> None:
    linked = _apart_then_linked(ALWAYS)
    # the Spanish story joins the English one; the second English report may not be linked to a
    # story already in English (it would have been compared as an article)
    assert [s.article_ids for s in linked.stories()] == [("ferry-wire", "ferry-es"), ("ferry-local",)]
    assert linked.moved == [("ferry-es", 0)] and linked.emptied == [1]
    assert len(_apart_then_linked(None).stories()) == 3


def test_stories_that_name_no_common_day_are_not_linked() -> None:
    """The encoder alone never links: without a common day (or, dated, a common figure) the
    Spanish story stays apart however sure the model is."""
    unanchored = make_article(SPANISH.id, SPANISH.text.replace("el 1 de junio ", ""), SPANISH.title, "2025-06-02", "es")
    stories = StoryGrouper(StoriesConfig(), models=decision.JoinModels(NEVER_JOIN, NEVER_JOIN))
    stories.link_model = ALWAYS
    for article in (WIRE, unanchored):
        stories.add(article)
    assert len(stories.stories()) == 2 and not stories.moved


def test_undated_stories_are_anchored_by_two_specific_figures_not_by_round_ones() -> None:
    """Without dates or a common day, two figures of three significant digits both give (312
    passengers, 127 crew) anchor the link; round ones (300 and 100) are shared by chance."""

    def linked(passengers: str, crew: str) -> bool:
        text = f"The ferry Saint Ilona carried {passengers} passengers and {crew} crew when fire broke out."
        wire = make_article(WIRE.id, text, WIRE.title)
        spanish = make_article(
            SPANISH.id,
            f"El ferry Saint Ilona llevaba {passengers} pasajeros y {crew} tripulantes cuando se declaró el incendio.",
            SPANISH.title,
            language="es",
        )
        stories = StoryGrouper(StoriesConfig(), models=decision.JoinModels(NEVER_JOIN, NEVER_JOIN))
        stories.link_model = ALWAYS
        for article in (wire, spanish):
            stories.add(article)
        return bool(stories.moved)

    assert linked("312", "127")
    assert not linked("300", "100") and not linked("312", "100")


def test_stories_too_far_apart_in_time_are_never_linked() -> None:
    late = make_article(SPANISH.id, SPANISH.text, SPANISH.title, "2025-06-20", "es")
    one, other = StoryEvidence.empty(4), StoryEvidence.empty(4)
    for evidence, article in ((one, WIRE), (other, late)):
        evidence.add(article_evidence(article, {}, np.ones(4, dtype=np.float32) / 2))
    assert not links.spans_fit(one, other, StoriesConfig().window_days)
    assert links.spans_fit(one, one, StoriesConfig().window_days)


def test_only_dated_stories_of_different_years_are_kept_apart() -> None:
    """Dated, a year apart: never linked. Undated, a story's year is the one its texts name, most
    often an earlier event's ("the smallest margin since 1997"): that keeps nothing apart."""
    older = "La comandante Edda Morrow recordó el incendio de 1997. "

    def linked(spanish_date: str | None, wire_date: str | None) -> bool:
        wire = make_article(WIRE.id, WIRE.text, WIRE.title, wire_date)
        spanish = make_article(SPANISH.id, older + SPANISH.text, SPANISH.title, spanish_date, "es")
        stories = StoryGrouper(StoriesConfig(), models=decision.JoinModels(NEVER_JOIN, NEVER_JOIN))
        stories.link_model = ALWAYS
        for article in (wire, spanish):
            stories.add(article)
        return bool(stories.moved)

    assert linked("2025-06-02", "2025-06-02") and linked(None, None) and linked(None, "2025-06-02")
    assert not linked("2024-06-02", "2025-06-02")


def test_the_shipped_link_model_fits_its_features() -> None:
    model = links.load_link_model()
    assert model is not None and len(model.weights) == len(links.LINK_FEATURES)
    data = json.loads(links.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(links.LINK_FEATURES) and data["positives"] > 0


def test_a_store_links_a_story_added_later_and_drops_the_emptied_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grouper, "load_models", lambda: decision.JoinModels(NEVER_JOIN, NEVER_JOIN))
    monkeypatch.setattr(grouper, "load_link_model", lambda: ALWAYS)
    store = Store.open(str(tmp_path / "s.db"))
    for n, article in enumerate((WIRE, SPANISH)):
        path = tmp_path / f"{n}.jsonl"
        record = {"id": article.id, "title": article.title, "text": article.text}
        record |= {"published": article.published, "language": article.language}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        add_to_store(store, path)
    brief = store.load_brief()
    assert brief is not None
    assert [sorted(s.articles) for s in brief.stories] == [["ferry-es", "ferry-wire"]]
    assert {a.id: a.story for a in brief.articles}["ferry-es"] == brief.stories[0].id
