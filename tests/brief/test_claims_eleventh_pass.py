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
