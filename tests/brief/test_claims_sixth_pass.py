"""Claimants of issue 16's sixth pass, on invented sentences: a Chinese source opening a clause
of a unit that holds several sentences, with the time it spoke cut off."""

from __future__ import annotations

from facts_helpers import claimants_of as claimants
from facts_helpers import claims_of, make_article

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.records import Sentence


def test_a_chinese_source_opening_a_later_clause_of_the_unit() -> None:
    found = claimants("zh", "5月2日,某市發生火災。消防局局長王明表示,火災造成17人死亡,40人受傷。")
    assert found == {17: "消防局局長王明", 40: "消防局局長王明"}
    found = claimants("zh", "调查持续多日。报告显示,截至6月1日,全市因灾死亡83人。")
    assert found[83] == "报告"
    # the time he spoke is not part of the speaker
    found = claimants("zh", "某地發生地震。該國總理李四當天晚上發表電視講話說,地震已導致56人遇難。")
    assert found[56] == "該國總理李四"
    # a clause with no speech verb before its comma names nobody
    assert claimants("zh", "某地發生地震。地震已導致56人遇難。")[56] == "outlet.example"


def test_a_russian_body_cited_by_name_or_by_two_letters_is_the_source() -> None:
    found = claimants("ru", "При пожаре погибли пять человек, сообщает ТАСС со ссылкой на МЧС России.")
    assert found == {5: "МЧС России"}
    # unnamed officials cited by an outlet leave the outlet the source
    found = claimants("ru", "Погибли пять человек, сообщает ТАСС со ссылкой на неназванных чиновников.")
    assert found == {5: "ТАСС"}
    # "по данным СК": a body of two letters
    found = claimants("ru", "Ранее газета писала, что при пожаре, по данным СК, погибли пять человек.")
    assert found == {5: "СК"}


def counted(*sentences: str) -> set[tuple[str, float | None, str]]:
    return {(c.quantity, c.low, c.subject) for c in claims_of("en", *sentences)}


def test_an_english_part_named_with_including_keeps_the_count_it_is_part_of() -> None:
    found = counted("Villagers said the flood had killed 14 people, including five children, and a nurse.")
    assert found == {("killed", 14, "people"), ("killed", 5, "children")}
    assert ("wounded", 6, "children") in counted("The blast wounded 30 people, among them 6 children.")
    # without a figure before it, "including" continues nothing
    assert counted("The town, including five schools, was flooded.") == set()


def test_including_continues_only_a_toll() -> None:
    # "37 incidents ..., including four": incidents are not a toll, the part is not read as one
    found = counted("The firm will recall 9,000 heaters. It knew of 37 incidents of fire, including four with burns.")
    assert ("recalled", 4, "") not in {(q, low, s) for q, low, s in found}
    assert not any(low == 4 for _, low, _ in found)


def test_a_headline_naming_its_source_before_the_figure_gives_it() -> None:
    article = make_article("x1", "placeholder", title="Villagers say storm killed 14 in Ardent Bay", source="o.example")
    article.sentences = (Sentence("x1", 0, "The storm hit the bay on Monday."),)
    article.language = "en"
    (claim,) = [c for c in extract_claims(annotate(article)) if c.low == 14]
    assert claim.claimant == "Villagers"
    # a headline with no source stays the headline's
    article.title = "Storm kills 14 in Ardent Bay"
    (claim,) = [c for c in extract_claims(annotate(article)) if c.low == 14]
    assert claim.claimant == "headline of x1"
