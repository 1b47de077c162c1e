"""Rules of issue 16's twelfth pass, each on invented sentences: business news in Japanese and
French (sums in 億/兆, prices per share, users affected, outage reports)."""

from __future__ import annotations

from facts_helpers import claims_of

from rashomon.brief.claims.ledger import build_ledger
from rashomon.records import Claim


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


def test_french_users_an_outage_cuts_off_are_affected_with_vague_millions() -> None:
    sentence = "Des millions d'abonnés étaient privés d'accès au réseau, en raison d'une panne."
    assert found("fr", sentence) == {(2_000_000, 9_999_999): "affected"}
    sentence = "La panne touche des dizaines de millions d'internautes en Europe."
    assert found("fr", sentence) == {(20_000_000, 99_999_999): "affected"}


def test_french_users_are_a_population_without_an_outage_or_as_an_audience() -> None:
    assert found("fr", "Le service compte 2,1 milliards d'utilisateurs actifs.") == {}
    assert found("fr", "Malgré la panne, le réseau compte 2,1 milliards d'utilisateurs.") == {}


def test_french_outage_reports_are_counted_as_reports() -> None:
    assert found("fr", "Le site a reçu plus de 4,2 millions de signalements.") == {(4_200_001, None): "reports"}


def test_a_bare_sum_after_a_sum_of_its_sentence_is_money_not_the_articles_last_count() -> None:
    before = "Le site de suivi a recensé plus de 4,2 millions de signalements."
    sentence = (
        "D'après un décompte du journal, il aurait perdu 5 milliards de dollars, sa fortune tombant à 98,3 milliards."
    )
    assert {(c.low, c.quantity) for c in claims_of("fr", before, sentence)} >= {(98.3e9, "money")}


def test_a_french_source_opening_with_comme_le_rapporte_claims_its_sentence() -> None:
    (claim,) = claims_of("fr", "Comme le rapporte l'agence, 12 personnes sont mortes dans l'incendie.")
    assert claim.claimant == "agence"


def test_a_share_price_and_a_fortune_lost_are_two_sums_not_two_sides() -> None:
    def money(value: float, who: str, index: int) -> Claim:
        return Claim("money", "", str(value), value, value, who, (), "r1", index, f"Figure {index}.", None)

    price, loss = money(312.5, "the exchange", 0), money(4e9, "a wealth index", 1)
    (group,) = build_ledger([price, loss], [], [], [])
    assert not group.conflict
    (group,) = build_ledger([money(4e9, "the exchange", 0), loss, money(6e9, "a wealth index", 1)], [], [], [])
    assert group.conflict  # two sums of one size from two sources still disagree
