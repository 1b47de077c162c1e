"""Who says what on the demo corpus: the facts of examples/ANSWERS.md sections 4, 5 and 6.

The pipeline runs once (module fixture); each test restates one part of the answer key for the
claims ledger, the quotes and the timeline of the dam story (A) and the recall story (B).
"""

from __future__ import annotations

import pytest
from repo_paths import DEMO

from rashomon.pipeline import run
from rashomon.records import Brief, ClaimGroup, Quote, StoryBrief

WIRE = "mpa-wire-0314"


@pytest.fixture(scope="module")
def brief() -> Brief:
    if not DEMO.is_dir():
        pytest.skip("examples/demo is not here")
    result = run(DEMO).brief
    return result


@pytest.fixture(scope="module")
def dam(brief: Brief) -> StoryBrief:
    return next(s for s in brief.stories if WIRE in s.articles)


@pytest.fixture(scope="module")
def recall(brief: Brief) -> StoryBrief:
    return next(s for s in brief.stories if WIRE not in s.articles)


def values(group: ClaimGroup) -> set[float]:
    return {v for f in group.figures for v in (f.low, f.high) if v is not None}


def groups_of(story: StoryBrief, quantity: str) -> list[ClaimGroup]:
    return [g for g in story.claims if g.quantity == quantity]


# --- section 4: the figures ledger ---------------------------------------------------------------


def test_every_death_figure_is_in_one_conflicting_group(dam: StoryBrief) -> None:
    (deaths,) = groups_of(dam, "killed")
    assert {12, 27} <= values(deaths) and deaths.conflict
    texts = {t.lower() for f in deaths.figures for t in f.value_text.split(" / ")}
    assert {"at least 12", "at least twelve", "twelve", "27", "twenty-seven", "dozens"} <= texts
    claimants = " ".join(c for f in deaths.figures for c in f.claimants)
    for who in ("governor's office", "Civic Renewal Party", "Tomas Verhun", "Carla Dent", "residents"):
        assert who in claimants, who
    assert "citizens" not in deaths.subject


def test_the_german_outlets_figures_join_the_same_groups(dam: StoryBrief) -> None:
    german = "vb-20250315-dammbruch"
    for quantity, value in (("killed", 12), ("killed", 27), ("wounded", 81), ("money", 2_500_000)):
        (group,) = groups_of(dam, quantity)
        assert any(german in f.articles and value in (f.low, f.high) for f in group.figures), quantity


def test_a_denial_is_shown_as_a_denial_not_a_witness(dam: StoryBrief) -> None:
    (deaths,) = groups_of(dam, "killed")
    (twenty_seven,) = [f for f in deaths.figures if f.low == 27 and f.high == 27]
    assert "Interior Ministry (denies)" in twenty_seven.claimants
    assert "Interior Ministry" not in twenty_seven.claimants


def test_evacuated_and_moved_out_of_homes_are_one_conflicting_group(dam: StoryBrief) -> None:
    (displaced,) = groups_of(dam, "displaced")
    assert {3000, 4000, 5000} <= values(displaced) and displaced.conflict
    sentences = " ".join(s for f in displaced.figures for s in f.sentences)
    assert "moved out of their homes" in sentences and "have been evacuated" in sentences
    claimants = {c for f in displaced.figures for c in f.claimants}
    assert "National Emergency Service" in claimants
    assert any("Halloran" in c for c in claimants)


def test_injured_missing_and_the_fund_stay_apart(dam: StoryBrief) -> None:
    (injured,) = groups_of(dam, "wounded")
    (missing,) = groups_of(dam, "missing")
    (fund,) = groups_of(dam, "money")
    assert values(injured) == {81} and values(missing) == {40} and values(fund) == {2_500_000}
    assert not (injured.conflict or missing.conflict or fund.conflict)
    assert len(fund.figures[0].articles) >= 4  # the wire, its copies, the Eastbridge Post and GlobalBuzz
    assert not [g for g in dam.claims if values(g) & {12, 27} and values(g) & {40, 81}]


def test_recall_figures_are_not_merged(recall: StoryBrief) -> None:
    money = {g.subject: g for g in groups_of(recall, "money")}
    assert values(money["cost"]) == {18_000_000, 25_000_000}
    assert values(money["price"]) == {59.99}
    (recalled,) = groups_of(recall, "recalled")
    assert values(recalled) == {214_000} and "Lumora Technologies" in recalled.figures[0].claimants
    (incidents,) = groups_of(recall, "incidents")
    assert values(incidents) == {37} and incidents.figures[0].origins == 2  # B1 and B3 say it independently
    (sold,) = groups_of(recall, "sold")
    assert values(sold) == {9500} and "consumer protection agency" in sold.figures[0].claimants[0]
    assert not any(g.conflict for g in recall.claims)


# --- section 5: quotes and speakers ------------------------------------------------------------------


def quote(story: StoryBrief, opening: str) -> Quote:
    (found,) = [
        q for q in story.quotes if q.text.startswith(opening) or any(v.startswith(opening) for v in q.variants)
    ]
    return found


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("We are doing everything humanly possible", "Marovec"),
        ("No one will be left behind", "Marovec"),
        ("Claims of 27 dead are fabrications", "Interior Ministry"),
        ("We heard a roar like a train", "Dana Krell"),
        ("My neighbours were still inside", "Dana Krell"),
        ("We told them the spillway", "Oskar Brennvald"),
        ("The government is hiding the true toll", "Tomas Verhun"),
        ("This is disinformation, plain and simple", "Carla Dent"),
        ("The confirmed figure is twelve", "Carla Dent"),
        ("Two and a half million will not rebuild", "Goran Matic"),
        ("We need the state to admit", "Goran Matic"),
    ],
)
def test_dam_quotes_have_their_speakers(dam: StoryBrief, opening: str, speaker: str) -> None:
    assert speaker in quote(dam, opening).speaker


def test_a_standalone_quote_stays_unattributed(dam: StoryBrief) -> None:
    assert quote(dam, "This was a disaster waiting to happen").speaker == "unattributed"


def test_two_wordings_of_the_governors_statement_are_one_quote(dam: StoryBrief) -> None:
    statement = quote(dam, "No one will be left behind")
    assert statement is quote(dam, "Nobody will be abandoned")
    assert statement.speaker == "Governor Ilse Marovec"
    assert {"mpa-wire-0314", "tavra-courier-2025-03-14"} <= set(statement.articles)
    assert len(dam.quotes) == 12


def test_recall_quotes(recall: StoryBrief) -> None:
    assert "Hana Lindgren" in quote(recall, "Customer safety comes before").speaker
    assert "Marek Sollo" in quote(recall, "We expect full cooperation").speaker
    assert "Lumora spokesperson" in quote(recall, "We have traced the fault").speaker


# --- section 6: the timeline ------------------------------------------------------------------------


def dates_of(story: StoryBrief, fragment: str) -> set[str]:
    return {e.date for e in story.timeline if fragment in e.text}


def test_past_tense_weekdays_point_back(dam: StoryBrief, recall: StoryBrief) -> None:
    assert dates_of(dam, "Marovec told a news conference on Thursday evening") == {"2025-03-13"}
    assert "2025-03-12" in dates_of(dam, "gave way late on Wednesday")
    assert "2025-03-12" in dates_of(recall, "the company told TechPulse on Wednesday")
    assert not {"2025-03-19", "2025-03-20"} & {e.date for s in (dam, recall) for e in s.timeline}


def test_scheduled_and_future_weekdays_point_forward(dam: StoryBrief) -> None:
    (monday,) = [e for e in dam.timeline if e.date == "2025-03-17"]
    assert {WIRE, "eastbridge-post-2025-03-15"} <= set(monday.citations)
    assert "2025-03-10" not in {e.date for e in dam.timeline}


def test_the_caption_date_is_not_an_event(dam: StoryBrief) -> None:
    dates = {e.date for e in dam.timeline}
    assert "2019-06-03" not in dates
    assert {"1974", "2025-01", "2025-03-14", "2025-03-15", "2025-03-21"} <= dates
