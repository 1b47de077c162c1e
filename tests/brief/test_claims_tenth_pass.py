"""Rules of issue 16's tenth pass, each on invented sentences: Korean and Japanese election reports
(votes written in sections of ten thousand, ranks, ages after a name, rounds of a vote, majorities
and round marks that are rules rather than results, an exit poll as a claimant)."""

from __future__ import annotations

from facts_helpers import claimants_of, claims_of

from rashomon.brief.claims.ledger import build_ledger


def found(code: str, *sentences: str) -> dict[float | None, str]:
    """What each figure of these sentences counts, by its low value."""
    return {c.low: c.quantity for c in claims_of(code, *sentences)}


def test_korean_votes_in_sections_of_ten_thousand_are_one_figure() -> None:
    assert found("ko", "김 후보는 1412만 3456표를 얻었다.") == {14_123_456: "voted"}
    assert found("ko", "박 후보는 1천205만3천117표를 받았다.") == {12_053_117: "voted"}


def test_an_exit_poll_is_not_a_rescue() -> None:
    assert found("ko", "방송 3사가 출구조사 결과를 내놓았다.") == {}


def test_a_korean_rank_is_not_a_figure() -> None:
    assert found("ko", "이 후보는 12만 3456표를 얻어 3위에 올랐다.") == {123_456: "voted"}


def test_an_age_after_a_name_is_not_a_figure() -> None:
    assert found("ko", "운전자 김모(45)씨가 숨졌다.") == {}
    assert found("ja", "高橋氏(63)との決選投票の末、215票を獲得した。") == {215: "voted"}


def test_a_majority_and_a_round_mark_are_not_results() -> None:
    assert found("ko", "그는 50% 이상 과반 득표에는 실패했다.") == {}
    assert found("ko", "최종 투표율은 70%에 육박한 69.8%로 집계됐다.") == {69.8: "percent"}
    assert found("ja", "1回目の投票の過半数は382票だった。") == {}
    assert found("ja", "いずれも有効投票総数762票の過半数に届かなかった。") == {}


def test_a_round_a_rank_and_a_thing_of_a_japanese_vote_are_not_figures() -> None:
    assert found("ja", "1回目の投票で候補Aが200票を得た。") == {200: "voted"}
    assert found("ja", "候補Bは投票で2位となった。") == {}
    assert found("ja", "物価は今回の投票の争点の1つとなった。") == {}


def test_japanese_votes_named_before_the_figure() -> None:
    assert found("ja", "内訳は候補Aが議員票120、地方票30だった。") == {120: "voted", 30: "voted"}


def test_an_exit_poll_that_predicts_a_share_is_its_claimant() -> None:
    said = claimants_of("ko", "한 방송사의 출구조사는 김 후보가 47.2%를 얻을 것으로 예측했다.")
    assert "출구조사" in said[47.2]


def test_french_deputies_are_seats() -> None:
    assert found("fr", "Le Bloc obtiendrait entre 150 et 200 députés.") == {150: "seats"}
    assert found("fr", "Il y a 20 députés sous l'étiquette divers, 3 députés de l'UDI.") == {20: "seats", 3: "seats"}


def test_french_seats_needed_or_out_of_a_whole_are_not_a_partys() -> None:
    assert found("fr", "Mais le Bloc reste loin des 289 sièges nécessaires.") == {}
    assert found("fr", "Le Bloc reste loin derrière le seuil des 289 sièges.") == {}
    whole = "Le Bloc obtient 210 sièges, loin de la majorité absolue de 289 députés (sur 577)."
    assert found("fr", whole) == {210: "seats"}


def test_a_chinese_source_told_with_a_latin_name_or_comma_is_the_claimant() -> None:
    said = claimants_of("zh", "据某某电视台(Example.tv)报道,在开票90.5%的情况下,甲获得了52.1%的选票。")
    assert said[52.1] == "某某电视台(Example.tv)"


def test_a_body_that_publishes_the_results_gives_them() -> None:
    said = claimants_of("zh", "当晚,选举委员会也公布了官方统计结果,甲的得票率为51.2%。")
    assert said[51.2] == "选举委员会"
    said = claimants_of("zh", "调查组发布了《暴雨灾害调查报告》,报告认定死亡失踪380人。")
    assert said[380] == "调查组"


def subjects(code: str, *sentences: str) -> dict[float | None, str]:
    return {c.low: c.subject for c in claims_of(code, *sentences)}


def test_the_share_of_the_count_done_is_apart_from_the_shares() -> None:
    assert subjects("ko", "95.12% 개표를 완료한 가운데 김 후보가 50.3%를 얻었다.") == {
        95.12: "count progress",
        50.3: "share",
    }
    assert subjects("ja", "開票率99.2%の時点で候補Aの得票率は51.0%だった。") == {99.2: "count progress", 51.0: "share"}
    assert subjects("zh", "在开票99.4%的情况下,甲获得了50.8%的选票。") == {99.4: "count progress", 50.8: "share"}


def test_turnout_is_apart_from_the_shares() -> None:
    assert subjects("ko", "투표율 역시 77.2%로 높았다.") == {77.2: "turnout"}
    assert subjects("ja", "投票率は53.85％で、候補Aの得票率は51.0%だった。") == {53.85: "turnout", 51.0: "share"}


def test_two_sources_count_progress_is_no_conflict_with_a_share() -> None:
    said = claims_of(
        "zh",
        "据甲电视台报道,在开票99.4%的情况下,乙获得了50.87%的选票。",
        "当晚,选举法院也公布了官方统计结果,在已统计完毕的99%的选票中乙得票率为50.9%。",
    )
    assert len(said) == 4
    assert not any(g.conflict for g in build_ledger(said, [], [], []))


def test_korean_votes_with_thousands_commas_inside_a_section() -> None:
    assert found("ko", "윤 후보는 1,639만 4,815표를 얻었다.") == {16_394_815: "voted"}


def test_a_korean_source_is_named_without_its_day_and_by_its_tally() -> None:
    assert claimants_of("ko", "4일 중앙선거관리위원회에 따르면 투표율은 79.4%였다.") == {79.4: "중앙선거관리위원회"}
    assert claimants_of("ko", "중앙선관위 개표 결과 김 후보는 49.4%를 얻었다.") == {49.4: "중앙선관위"}


def test_a_chinese_agency_is_named_without_its_dateline() -> None:
    assert claimants_of("zh", "据埃菲社圣保罗10月30日消息,甲的得票率为50.84%。") == {50.84: "埃菲社圣保罗"}



def test_french_about_sixty_is_one_figure_and_a_factor_is_none() -> None:
    assert {c.low: (c.quantity, c.high) for c in claims_of("fr", "Le Bloc garde une soixantaine de députés.")} == {
        60: ("seats", 60)
    }
    assert found("fr", "Le Bloc multiplie par quinze son nombre de députés.") == {}


def test_french_our_results_are_the_outlets_own() -> None:
    said = claimants_of("fr", "Selon nos résultats définitifs, le Bloc compte 245 députés.")
    assert said == {245: "outlet.example"}


def test_a_margin_in_points_is_a_change_of_share_apart_from_the_shares() -> None:
    assert subjects("ja", "両候補の差は0.73ポイントだった。") == {0.73: "points"}
    assert subjects("ko", "두 후보의 차이는 0.73포인트였다.") == {0.73: "points"}
    assert subjects("ko", "격차는 8.27%p로 벌어졌다.") == {8.27: "points"}


def test_candidates_counted_in_people_are_not_votes() -> None:
    assert found("zh", "两人得票率相差0.73个百分点。") == {0.73: "percent"}
    assert found("ja", "上位2人の得票数は拮抗した。") == {}


def test_shares_and_votes_of_unnamed_candidates_are_no_sides_of_a_conflict() -> None:
    said = claims_of(
        "ko",
        "선관위에 따르면 한 후보는 48.6%를 얻었다.",
        "방송사 집계 결과 다른 후보는 0.9%를 얻었다.",
        "선관위에 따르면 한 후보는 1639만 4815표를 얻었다.",
        "방송사 집계 결과 다른 후보는 34만 4150표를 얻었다.",
    )
    assert {(c.subject, c.claimant) for c in said} == {
        ("share", "선관위"),
        ("share", "방송사"),
        ("candidate", "선관위"),
        ("candidate", "방송사"),
    }
    assert not any(g.conflict for g in build_ledger(said, [], [], []))


def test_a_counts_progress_from_two_sources_is_no_conflict() -> None:
    said = claims_of("ko", "선관위에 따르면 80.1% 개표를 마쳤다.", "방송사 집계 결과 95.2% 개표를 마쳤다.")
    assert [c.subject for c in said] == ["count progress", "count progress"]
    assert not any(g.conflict for g in build_ledger(said, [], [], []))


def test_a_korean_list_with_a_latin_comma_keeps_each_items_word() -> None:
    assert found("ko", "사망자는 179명, 부상자는 2명이다.") == {179: "killed", 2: "wounded"}


def test_a_korean_crowd_that_gathered_and_who_estimates_it() -> None:
    assert claimants_of("ko", "주최측 추산 20만명이 광장에 모였다.") == {200_000: "주최측"}
    assert found("ko", "시민 3만여 명이 운집했다.") == {30_000: "crowd"}  # 30,000-odd: [30000, 39999]


def test_an_exit_poll_or_a_tally_names_its_source() -> None:
    assert claimants_of("ko", "방송 3사 출구조사 결과 김 후보는 47.2%를 얻을 것으로 나타났다.") == {47.2: "방송 3사"}
    assert claimants_of("ja", "共同通信の集計では、候補Aは1万2345票を得た。") == {12_345: "共同通信"}


def test_chinese_seats_with_their_counter_and_a_korean_majority_told_before() -> None:
    assert found("zh", "该党获得108个席位。") == {108: "seats"}
    assert found("ko", "민주당은 과반인 151석을 넘는 175석을 얻었다.") == {175: "seats"}
