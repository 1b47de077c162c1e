"""Portuguese claims (`text.languages.pt`): tolls, sources, election shapes, and what is no figure."""

from __future__ import annotations

from facts_helpers import make_article

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.records import Sentence


def read(*sentences: str) -> set[tuple[str, float | None, float | None, str]]:
    article = make_article("p1", "placeholder", source="outlet.example")
    article.sentences = tuple(Sentence("p1", i, s) for i, s in enumerate(sentences))
    article.language = "pt"
    return {(c.quantity, c.low, c.high, c.claimant) for c in extract_claims(annotate(article))}


def test_toll_with_its_source_before_and_after() -> None:
    found = read("Segundo a Defesa Civil, a enchente deixou 17 mortos e 40 feridos.")
    assert ("killed", 17, 17, "a Defesa Civil") in found or ("killed", 17, 17, "Defesa Civil") in found
    assert any(q == "wounded" and lo == 40 for q, lo, _, _ in found)


def test_number_words_and_at_least() -> None:
    found = read("Pelo menos três pessoas morreram e duas estão desaparecidas, de acordo com os bombeiros.")
    assert any(q == "killed" and lo == 3 for q, lo, _, _ in found)
    assert any(q == "missing" and lo == 2 for q, lo, _, _ in found)


def test_vague_counts_and_millions() -> None:
    found = read("Centenas de manifestantes foram às ruas e 1,2 milhão de desabrigados aguardam ajuda.")
    assert any(q == "protesters" and lo == 200 for q, lo, _, _ in found)
    assert any(q == "displaced" and lo == 1_200_000 for q, lo, _, _ in found)


def test_candidate_share_and_votes_read_decimal_commas_and_thousands_dots() -> None:
    found = read("A candidata Ana Ramos terminou com 48,4% dos votos válidos, ou 57.259.504 votos.")
    assert any(q == "percent" and lo == 48.4 for q, lo, _, _ in found)
    assert any(q in ("votes", "voted") and lo == 57_259_504 for q, lo, _, _ in found)


def test_arrests_by_a_named_police() -> None:
    found = read("A polícia informou que 12 suspeitos foram presos.")
    assert any(q == "arrested" and lo == 12 for q, lo, _, _ in found)


def test_the_rule_to_win_is_no_figure() -> None:
    found = read("Para vencer no primeiro turno, um candidato precisa de mais de 50% dos votos válidos.")
    assert not any(q == "percent" for q, *_ in found)


def test_a_share_above_half_that_is_a_result_stays_a_figure() -> None:
    found = read("Ana Ramos teve mais de 50% dos votos válidos.")
    assert any(q == "percent" for q, *_ in found)


def test_an_age_is_no_figure() -> None:
    assert read("O ferido, de 45 anos, foi levado ao hospital.") == set()


def test_a_date_is_no_figure() -> None:
    assert read("No dia 2 de outubro morreram 5 pessoas.") == {("killed", 5, 5, "outlet.example")}


def test_a_time_is_no_figure() -> None:
    assert read("Às 20h, os manifestantes deixaram a praça.") == set()


def test_a_ballot_number_is_no_figure() -> None:
    assert read("Os eleitores do número 13 votaram cedo.") == set()


def test_a_year_is_no_figure() -> None:
    assert read("Em 2018, 30 pessoas morreram.") == {("killed", 30, 30, "outlet.example")}


def test_billions_in_brazil_and_portugal() -> None:
    assert any(q == "money" and lo == 2_500_000_000 for q, lo, _, _ in read("O governo liberou 2,5 bilhões de reais."))
    found = read("O Estado gastou 1,5 mil milhões de euros.")
    assert any(q == "money" and lo == 1_500_000_000 for q, lo, _, _ in found)


def test_count_progress_is_apart_from_the_candidates_shares() -> None:
    article = make_article("p2", "placeholder", source="outlet.example")
    article.sentences = (Sentence("p2", 0, "Com 99,9% das urnas apuradas, Ana Ramos tinha 48,4% dos votos válidos."),)
    article.language = "pt"
    subjects = {c.low: c.subject for c in extract_claims(annotate(article)) if c.quantity == "percent"}
    assert subjects[99.9] == "count progress"
    assert subjects[48.4] != "count progress"


def test_vague_several_and_a_trailing_speaker() -> None:
    found = read("O tiroteio deixou vários feridos, disse o prefeito.")
    assert ("wounded", 3, 9, "o prefeito") in found or ("wounded", 3, 9, "prefeito") in found


def test_conforme_names_the_source() -> None:
    found = read("Conforme o Ministério da Saúde, 8 pessoas morreram.")
    assert any(q == "killed" and lo == 8 and "Ministério da Saúde" in who for q, lo, _, who in found)


def test_a_margin_in_points_is_a_share() -> None:
    found = read("Ana Ramos venceu com uma vantagem de 5,2 pontos percentuais.")
    assert any(q == "percent" and lo == 5.2 for q, lo, _, _ in found)


def test_an_estimate_names_who_estimates() -> None:
    found = read("A Defesa Civil estima que 300 famílias estão desabrigadas.")
    assert any(q == "displaced" and lo == 300 and "Defesa Civil" in who for q, lo, _, who in found)
