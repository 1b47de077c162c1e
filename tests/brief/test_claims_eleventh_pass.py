"""Rules of issue 16's eleventh pass, each on invented sentences: Arabic election reports (ranges
"ما بين X و Y", Maghreb decimal commas, changes in points, duals, the electorate) and the vote
vocabulary of every language."""

from __future__ import annotations

from facts_helpers import claims_of

from rashomon.brief.claims.ledger import group_keys
from rashomon.records import Claim


def found(code: str, *sentences: str) -> dict[tuple[float | None, float | None], str]:
    """What each figure of these sentences counts, by its interval."""
    return {(c.low, c.high): c.quantity for c in claims_of(code, *sentences)}


def test_an_arabic_range_with_decimal_commas_is_one_share() -> None:
    sentence = "وحصل المرشح على ما بين 51,3 و52,1 في المئة من الأصوات."
    assert found("ar", sentence) == {(51.3, 52.1): "percent"}
    assert found("ar", "ونال الحزب ما بين 33.5 و34.2 في المئة.") == {(33.5, 34.2): "percent"}


def test_an_arabic_thousands_comma_stays_a_thousands_comma() -> None:
    assert found("ar", "وبلغ عدد الجرحى 1,250 شخصا.") == {(1250, 1250): "wounded"}


def test_arabic_changes_in_points_are_shares() -> None:
    sentence = "وتراجعت نسبة المشاركة بنقطتين، كما تراجعت بـ3 نقاط عن الانتخابات السابقة."
    assert found("ar", sentence) == {(2, 2): "percent", (3, 3): "percent"}


def test_an_arabic_dual_counts_two_of_what_it_names() -> None:
    assert found("ar", "وقام انتحاريان بتفجير نفسيهما قرب البوابة.") == {(2, 2): "attackers"}
    assert found("ar", "سقط 7 قتلى من بينهم طفلان.") == {(7, 7): "killed", (2, 2): "killed"}


def test_the_arabic_electorate_is_a_population() -> None:
    assert found("ar", "ويحق لـ12.5 مليون ناخب الإدلاء بأصواتهم اليوم.") == {}


def test_votes_a_candidate_receives_are_votes_cast_as_the_gold_calls_them() -> None:
    assert found("ko", "김 후보는 1,234만 5,678표를 얻었다.") == {(12_345_678, 12_345_678): "voted"}
    assert found("fr", "La candidate a obtenu 1,5 million de voix.") == {(1_500_000, 1_500_000): "voted"}
    assert found("en", "The challenger won 5,400 votes in the district.") == {(5400, 5400): "voted"}


def test_members_voting_with_no_subject_never_join_an_unnamed_candidates_votes() -> None:
    lawmakers = Claim("voted", "", "150", 150, 150, "outlet", (), "x-1", 0, "", None)
    candidate = Claim("voted", "candidate", "1200만", 12e6, 12e6, "outlet", (), "x-2", 0, "", None)
    assert group_keys([lawmakers, candidate])[0] != group_keys([lawmakers, candidate])[1]


def test_a_cjk_odd_count_after_a_unit_stays_under_the_next_unit() -> None:
    assert found("ko", "두 후보의 표 차이는 31만여표에 불과했다.") == {(310_000, 319_999): "voted"}
    assert found("ko", "표차이는 12만4천여표로 집계됐다.") == {(124_000, 124_999): "voted"}


def test_a_share_of_the_count_passing_a_mark_is_more_than_the_mark() -> None:
    assert found("ko", "개표율 60%를 넘었을 때 역전했다.") == {(61, None): "percent"}
    assert found("ja", "開票率が40%を超えてから逆転した。") == {(41, None): "percent"}


def test_a_band_and_a_round_mark_are_not_shares() -> None:
    assert found("ko", "일부 지역에서는 20%대 초반 득표에 그쳤다.") == {}
    assert found("ja", "投票率は70%の大台には及ばなかった。") == {}
    assert found("fr", "Elle avait dépassé les 50% des voix dans un seul département.") == {}


def test_a_share_whose_decimal_point_was_lost() -> None:
    assert found("ko", "김 후보 1만2천표(012%) 순이었다.") == {(12_000, 12_000): "voted", (0.12, 0.12): "percent"}


def test_french_changes_in_points_abstainers_and_durations() -> None:
    gain = "La candidate progresse de 6,4 points par rapport au dernier scrutin."
    assert found("fr", gain) == {(6.4, 6.4): "percent"}
    assert found("fr", "12 345 678 électeurs ont choisi de ne pas aller voter.") == {
        (12_345_678, 12_345_678): "abstained"
    }
    assert found("fr", "Le parti gagne 900 000 voix en cinq ans.") == {(900_000, 900_000): "voted"}


def test_a_share_with_no_subject_never_joins_people() -> None:
    party = Claim("percent", "Parti National", "7", 7, 7, "a", (), "x-1", 0, "", None)
    other = Claim("percent", "Jean Exemple", "41", 41, 41, "a", (), "x-1", 0, "", None)
    share = Claim("percent", "", "63", 63, 63, "b", (), "x-2", 0, "", None)
    toll = Claim("killed", "", "5", 5, 5, "b", (), "x-2", 1, "", None)
    people = Claim("killed", "Parti National", "9", 9, 9, "a", (), "x-1", 1, "", None)
    keys = group_keys([party, other, share, toll, people])
    assert keys[2] != keys[0] and keys[3] == keys[4]


def test_the_pool_a_japanese_ballot_is_fought_over_is_not_a_result() -> None:
    sentence = "決選投票は議員票300票と地方票40票の計340票で争われ、A氏が180票を獲得した。"
    assert found("ja", sentence) == {(180, 180): "voted"}
