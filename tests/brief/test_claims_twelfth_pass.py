"""Rules of issue 16's twelfth pass, each on invented sentences: business news in Japanese and
French (sums in 億/兆, prices per share, users affected, outage reports)."""

from __future__ import annotations

from facts_helpers import claims_of


def found(code: str, *sentences: str) -> dict[tuple[float | None, float | None], str]:
    """What each figure of these sentences counts, by its interval."""
    return {(c.low, c.high): c.quantity for c in claims_of(code, *sentences)}


def test_japanese_sums_in_dollars_and_yen_are_money() -> None:
    sentence = "買収額はおよそ320億ドル、日本円でおよそ4兆1000億円となる。"
    assert found("ja", sentence) == {(32e9, 32e9): "money", (4.1e12, 4.1e12): "money"}


def test_a_japanese_sum_in_cho_and_sen_oku_adds_its_sections() -> None:
    assert found("ja", "同社は約3兆2千億円で買収する。") == {(3.2e12, 3.2e12): "money"}
    assert found("ja", "地震で3千人が避難した。") == {(3000, 3000): "evacuated"}


def test_a_japanese_price_per_share_counts_no_shares_and_reads_its_nakaguro_point() -> None:
    assert found("ja", "株主から1株当たり31・50ドルで買い取る。") == {(31.5, 31.5): "money"}
    sentence = "同社が約250億ドル(約3.2兆円)、1株あたり41.5ドルの現金で買収する。"
    assert found("ja", sentence) == {(25e9, 25e9): "money", (3.2e12, 3.2e12): "money", (41.5, 41.5): "money"}


def test_a_japanese_announcement_closing_its_sentence_does_not_claim_the_next() -> None:
    sentence = "A社は3日、B社を買収することで合意したと発表した。買収額は約120億ドルとなる。"
    (claim,) = claims_of("ja", sentence)
    assert claim.quantity == "money" and claim.claimant != "A社"
    (told,) = claims_of("ja", "警察によりますと、きのう夜、火事が起き、5人が死亡しました。")
    assert told.claimant == "警察"
