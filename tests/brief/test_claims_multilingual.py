"""Claims in other languages: what is counted, by whom, of whom; zeros; lists; the next sentence."""

from __future__ import annotations

from facts_helpers import make_article

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.records import Sentence


def read(code: str, *sentences: str, title: str | None = None) -> set[tuple[str, float | None, float | None, str]]:
    article = make_article("x1", "placeholder", title=title, source="outlet.example")
    article.sentences = tuple(Sentence("x1", i, s) for i, s in enumerate(sentences))
    article.language = code
    return {(c.quantity, c.low, c.high, c.claimant) for c in extract_claims(annotate(article))}


def test_french_counts_each_figure_with_its_own_source() -> None:
    found = read("fr", "La manifestation a réuni 900 000 manifestants selon la CGT et 310 000 selon la police.")
    assert ("protesters", 900_000, 900_000, "CGT") in found
    assert ("protesters", 310_000, 310_000, "police") in found


def test_trailing_attribution_names_every_figure_before_it() -> None:
    found = read("es", "El temporal ha dejado 17 muertos y 40 heridos, según la Delegación del Gobierno.")
    assert found == {("killed", 17, 17, "Delegación del Gobierno"), ("wounded", 40, 40, "Delegación del Gobierno")}


def test_arabic_event_before_the_figure() -> None:
    found = read("ar", "أعلنت وزارة الصحة عن مقتل 15 شخصا وإصابة 40 آخرين.")
    assert ("killed", 15, 15, "وزارة الصحة") in found
    assert ("wounded", 40, 40, "وزارة الصحة") in found


def test_korean_and_japanese_counters() -> None:
    assert read("ko", "소방당국에 따르면 이번 사고로 7명이 숨지고 12명이 다쳤다.") == {
        ("killed", 7, 7, "소방당국"),
        ("wounded", 12, 12, "소방당국"),
    }
    assert ("wounded", 9, 9, "県警") in read("ja", "県警によりますと、9人がけがをしたということです。")


def test_russian_zero_and_the_next_sentence_names_the_source() -> None:
    found = read(
        "ru", "Трое военных погибли при взрыве.", "Об этом сообщает агентство Рейтер.", "Граждане Латвии не пострадали."
    )
    assert ("killed", 3, 3, "агентство Рейтер") in found
    assert ("killed_or_injured", 0, 0, "outlet.example") in found


def test_a_list_continues_the_quantity_of_its_first_figure() -> None:
    found = read("ru", "Среди пострадавших 11 детей, 20 женщин и 15 мужчин.")
    assert {q for q, *_ in found} == {"wounded"} and len(found) == 3


def test_headline_and_figures_without_an_event() -> None:
    found = read("zh", "大廈共有32層，住戶約2000戶。", title="大火至少9死")
    assert found == {("killed", 9, None, "headline of x1")}


def test_subjects_keep_groups_apart() -> None:
    article = make_article("x2", "placeholder", source="outlet.example")
    article.sentences = (
        Sentence("x2", 0, "По данным Пентагона, погибли 5 американских военнослужащих и 40 мирных жителей."),
    )
    article.language = "ru"
    subjects = {c.low: c.subject for c in extract_claims(annotate(article))}
    assert subjects[5] == "American soldiers"
    assert subjects[40] != subjects[5]


def test_spanish_attribution_before_after_and_carried_over() -> None:
    assert read("es", "Según la Policía, a las 9 p. m. dio de baja a dos mercenarios y capturó a otros cinco.") == {
        ("killed", 2, 2, "Policía"),
        ("arrested", 5, 5, "Policía"),
    }
    assert read("es", "Cinco de los asaltantes murieron y once siguen huidos, dijo Morrow.") == {
        ("killed", 5, 5, "Morrow"),
        ("at_large", 11, 11, "Morrow"),
    }
    carried = read("es", "El jefe de policía habló, dijo Morrow.", "Dijo que 15 colombianos fueron capturados.")
    assert carried == {("arrested", 15, 15, "Morrow")}
    assert read("es", "Uno de los mercenarios afirmó que estaban en Haití desde hace tres meses.") == set()


def test_a_group_noun_counts_only_without_an_event_word() -> None:
    assert read("es", "¿Quiénes son los 31 mercenarios colombianos?") == {("attackers", 31, 31, "outlet.example")}
    assert read("es", "El avión transportaba 212 pasajeros y ocho miembros de la tripulación.") == {
        ("aboard", 212, 212, "outlet.example"),
        ("aboard", 8, 8, "outlet.example"),
    }


def test_korean_whole_and_part_native_numerals_and_authority_topic() -> None:
    found = read(
        "ko",
        "소방 당국은 이날 오후 3시 40분 현재 사망자 64명을 수습했다.",
        "탑승자 156명 중 구조된 2명을 제외하고 모두 숨졌다.",
    )
    assert found == {
        ("killed", 64, 64, "소방 당국"),
        ("aboard", 156, 156, "outlet.example"),
        ("rescued", 2, 2, "outlet.example"),
    }
    assert read("ko", "두 명의 생존자는 사고 직후 구조됐다.") == {("rescued", 2, 2, "outlet.example")}


def test_a_short_list_shares_its_counted_word_and_a_count_is_nobody() -> None:
    assert read("es", "La policía capturó a 15 colombianos y dos estadounidenses.") == {
        ("arrested", 15, 15, "outlet.example"),
        ("arrested", 2, 2, "outlet.example"),
    }
    assert read("es", "Hay 15 colombianos y dos estadounidenses detenidos.") == {
        ("arrested", 15, 15, "outlet.example"),
        ("arrested", 2, 2, "outlet.example"),
    }
    found = read("es", "Según el último recuento provisional, el derrumbe dejó al menos 23 muertos.")
    assert found == {("killed", 23, None, "outlet.example")}
    # a number word far from the list is not its next item
    assert read("fr", "Les morts ont été recensés à Kessfeld (1.293), plus au sud, deux zones rurales.") == {
        ("killed", 1293, 1293, "outlet.example")
    }


def test_a_claimant_named_with_its_verb_left_out() -> None:
    found = read("fr", "Les autorités avaient comptabilisé 1,04 million de manifestants et les syndicats 3,1 millions.")
    assert found == {
        ("protesters", 1_040_000, 1_040_000, "autorités"),
        ("protesters", 3_100_000, 3_100_000, "syndicats"),
    }


def test_russian_data_of_a_long_named_body_with_an_adjective() -> None:
    found = read(
        "ru",
        "По предварительным данным Центра общественной информации (ЦОИ) Министерства внутренних дел (МВД) "
        "Эстмарка, погибли 17 человек.",
    )
    body = "Центра общественной информации (ЦОИ) Министерства внутренних дел (МВД) Эстмарка"
    assert {c for _, _, _, c in found} == {body}
