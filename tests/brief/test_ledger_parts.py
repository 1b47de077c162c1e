"""Issue 16's sixth pass, on invented claims and sentences: a part of a count, a kind the
sentence singles out and a step a sentence tells are no side of a conflict, and two figures of
one report are sides only within a passage."""

from __future__ import annotations

from rashomon.brief.claims.ledger import build_ledger
from rashomon.brief.claims.parts import is_impression, is_part, one_passage, stepped
from rashomon.brief.claims.revisions import TOLLS
from rashomon.records import Claim


def said(value: float, who: str, sentence: str, index: int, article: str = "r1", text: str = "") -> Claim:
    return Claim("killed", "people", text or str(int(value)), value, value, who, (), article, index, sentence, None)


def flagged(*claims: Claim) -> bool:
    return any(g.conflict for g in build_ledger(list(claims), [], [], []))


def test_a_part_of_a_count_is_no_side() -> None:
    total = said(12, "the villagers", "The villagers said the raid killed 12 people.", 0)
    part = said(4, "a doctor", "A doctor said 4 of the dead were brought to his clinic.", 1)
    assert is_part(part) and not is_part(total)
    assert not flagged(total, part)
    including = said(4, "a doctor", "The raid killed people, including 4 teachers, a doctor said.", 1)
    assert is_part(including) and not flagged(total, including)
    japanese = said(4, "警察", "警察によりますと、乗っていた9人のうち4人が死亡しました。", 1)
    assert is_part(japanese)
    # the same doctor giving the whole count is a side
    whole = said(4, "a doctor", "A doctor said the raid killed 4 people.", 1)
    assert not is_part(whole) and flagged(total, whole)


def test_a_kind_the_sentence_singles_out_is_no_side() -> None:
    toll = said(80, "the governor", "The governor said the storm killed 80 people.", 0)
    hidden = said(31, "an inquiry", "An inquiry said officials concealed 31 deaths.", 1)
    assert is_part(hidden) and not flagged(toll, hidden)
    chinese = said(31, "调查组", "调查组称,当地瞒报31人死亡。", 1)
    assert is_part(chinese)


def test_a_count_a_sentence_tells_moving_is_a_series_not_a_side() -> None:
    sentence = "The toll stayed at 40 for two days before officials gave 75 dead."
    first, second = said(40, "officials", sentence, 1), said(75, "officials", sentence, 1)
    assert stepped([first, second]) == {0, 1}
    other = said(60, "a charity", "A charity said 60 people were killed.", 2)
    assert not flagged(first, second, other)
    # two sources set side by side in one sentence, with no word of sequence, are no series
    sides = "Officials gave 40 dead, the charity 75."
    assert stepped([said(40, "officials", sides, 1), said(75, "officials", sides, 1)]) == set()


def test_two_figures_of_one_report_are_sides_only_within_a_passage() -> None:
    lead = said(10, "neighbours", "Neighbours said the blast killed 10 people.", 0)
    near = said(3, "an official", "An official said 3 people were killed.", 2)
    far = said(3, "an official", "An official said 3 people were killed.", 8)
    assert one_passage(lead, near) and not one_passage(lead, far)
    assert flagged(lead, near)
    assert not flagged(lead, far)
    # in two reports the distance between sentences means nothing
    dated = [
        Claim("killed", "people", "10", 10, 10, "neighbours", (), "r1", 0, lead.sentence, "2024-01-01"),
        Claim("killed", "people", "3", 3, 3, "an official", (), "r2", 8, far.sentence, "2024-01-01"),
    ]
    assert flagged(*dated)


def test_a_toll_told_by_a_vague_word_is_an_impression_not_a_side() -> None:
    count = said(29, "civil protection", "Civil protection counted 29 dead.", 0)
    vague = Claim("killed", "people", "several", 3, 9, "the mayor", (), "r1", 1, "The mayor spoke of several dead.")
    assert is_impression(vague, TOLLS) and not is_impression(count, TOLLS)
    assert not flagged(count, vague)
    # the same interval in digits is a count a source gives, and a side
    ranged = Claim("killed", "people", "3 to 9", 3, 9, "the mayor", (), "r1", 1, "The mayor said 3 to 9 died.")
    assert not is_impression(ranged, TOLLS) and flagged(count, ranged)
    # a forecast in words ("could reach hundreds") still is one
    forecast = Claim("killed", "people", "hundreds", 200, 999, "aid groups", ("projected",), "r1", 1, "x")
    assert not is_impression(forecast, TOLLS)


def test_every_figure_of_a_sentence_splitting_a_total_is_a_part() -> None:
    total = said(40, "the governor", "The governor said the storm killed 40 people.", 0)
    split = "Of this total, 25 died in the north, 9 in the capital and 6 on the coast, the army said."
    parts = [said(v, "the army", split, 1, text=str(v)) for v in (25, 9, 6)]
    assert all(is_part(p) for p in parts) and not flagged(total, *parts)
    russian = said(5, "МЧС", "Из них пять человек погибли в Москве, сообщило МЧС.", 1, text="пять")
    assert is_part(russian)


def test_aboard_counts_of_two_sentences_of_one_report_may_be_two_vehicles() -> None:
    def aboard(value: float, who: str, sentence: str, index: int) -> Claim:
        return Claim("aboard", "crew", str(int(value)), value, value, who, (), "r1", index, sentence, None)

    airline = aboard(12, "the airline", "The airline said 12 crew were aboard the jet.", 0)
    police = aboard(6, "the police", "Police said 6 crew were aboard the patrol plane.", 1)
    assert not flagged(airline, police)
    # one sentence setting two counts side by side still is a conflict
    sentence = "The airline said 12 crew were aboard, the police 6."
    assert flagged(aboard(12, "the airline", sentence, 0), aboard(6, "the police", sentence, 0))
