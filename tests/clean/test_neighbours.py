"""Line decisions by position: subheadings, lists and table rows stay; links and menus outside the story go."""

from __future__ import annotations

from rashomon.clean import clean_article, explain_lines
from rashomon.clean.boilerplate import classify
from rashomon.clean.neighbours import continues, mark_related_headlines
from rashomon.config import CleanConfig
from rashomon.records import RawArticle

PARA = [
    "The harbour council approved the flood barrier plan on Tuesday after a long debate, its chairwoman said.",
    "Engineers will begin work on the northern quay in May and expect to finish before the autumn storms.",
    "Residents of the old town said they had waited ten years for the barrier and hoped it would hold.",
]


def related(lines: list[str]) -> list[str | None]:
    reasons = classify(lines)
    mark_related_headlines(lines, reasons)
    return reasons


def test_a_subheading_followed_by_its_paragraph_stays() -> None:
    lines = [PARA[0], "Northern Quay Works Begin In May", PARA[1], PARA[2]]
    assert related(lines)[1] is None


def test_title_case_links_after_the_story_go() -> None:
    lines = [*PARA, "Council Approves New Parking Fees Downtown", "Ferry Operator Announces Winter Timetable"]
    assert related(lines)[-2:] == ["related headline", "related headline"]


def test_links_under_a_read_more_marker_go_even_inside_the_story() -> None:
    lines = [PARA[0], "Read more:", "Council Approves New Parking Fees Downtown", PARA[1], PARA[2]]
    reasons = related(lines)
    assert reasons[1:3] == ["related link", "related headline"]
    assert reasons[3] is None


def test_a_hard_wrapped_line_continues_its_neighbour() -> None:
    assert continues("Veteran Nollywood actress, Kate Henshaw, who in 2008, won the", "award for best actress.")
    lines = [*PARA, "Veteran Nollywood Actress Kate Henshaw Who Won The", "award in Lagos."]
    assert related(lines)[3] is None


def test_an_ingredient_list_between_paragraphs_is_no_menu() -> None:
    lines = [PARA[0], "200 g Zucker", "1 Prise Salz", "2 Eier", PARA[1]]
    assert classify(lines)[1:4] == [None, None, None]


def test_a_menu_before_the_story_goes() -> None:
    lines = ["Home", "World", "Sport", "Culture", *PARA]
    assert classify(lines)[:4] == ["menu"] * 4


def test_table_rows_are_content() -> None:
    lines = [PARA[0], "| Team | Played | Points |", "| Rovers | 12 | 28 |", "| United | 12 | 25 |", PARA[1]]
    assert classify(lines)[1:4] == [None, None, None]


def test_a_repeated_line_inside_the_story_stays_unless_title_case() -> None:
    lines = [PARA[0], "Repeat chorus", PARA[1], "Repeat chorus", PARA[2]]
    assert classify(lines)[1] is None and classify(lines)[3] is None
    lines = [PARA[0], "Flood Barrier Plan Approved", PARA[1], "Flood Barrier Plan Approved", PARA[2]]
    assert classify(lines)[1] == "repeated headline"


def test_japanese_sentences_are_no_headlines() -> None:
    lines = [PARA[0], "・必ず複数の男性で確保する。", PARA[1], "・必ず複数の男性で確保する。", PARA[2]]
    assert classify(lines)[1] is None


def test_every_dropped_line_keeps_its_reason() -> None:
    text = "\n".join(["Home | World | Sport | Culture", *PARA, "READ MORE: Council to review parking fees"])
    article = clean_article(RawArticle(id="a", path="a.txt", text=text), CleanConfig())
    assert len(article.drop_reasons) == len(article.dropped) == 2
    assert dict(zip(article.dropped, article.drop_reasons, strict=True)) == {
        "Home | World | Sport | Culture": "menu",
        "READ MORE: Council to review parking fees": "related link",
    }
    judged = dict(explain_lines(RawArticle(id="a", path="a.txt", text=text)))
    assert all(judged[line] == reason for line, reason in zip(article.dropped, article.drop_reasons, strict=True))


def test_a_paragraph_printed_twice_keeps_its_first_copy() -> None:
    lines = [PARA[0], PARA[1], PARA[0], PARA[2]]
    assert classify(lines) == [None, None, "repeated line", None]


def test_stamps_breadcrumbs_and_credits_in_other_languages() -> None:
    from rashomon.clean.boilerplate import line_rule

    assert line_rule("2021年02月01日 17:06 公開") == "timestamp"
    assert line_rule("8 сентября 2022 / 20:40") == "timestamp"
    assert line_rule("Published June 24, 2021|Updated June 24, 2021") == "timestamp"
    assert line_rule("新闻频道 >国际 >正文") == "menu"
    assert line_rule("Claudia Sheinbaum Crédito: EFE") == "photo credit"
    assert line_rule("REUTERS | Pavel Rebrov") == "photo credit"
    assert line_rule("Prices rose > 5% and > 10% in May") is None
    assert line_rule("The meeting ends at 10:30 and the vote on 12 March 2025 follows.") is None


def test_a_fact_line_after_the_story_is_no_related_headline() -> None:
    lines = [*PARA, "Earcuff: Stella Hoops", "Kreole: Stella Hoops Gold"]
    assert related(lines)[-2:] == [None, None]


def test_a_list_the_story_introduces_with_a_colon_stays_after_the_story() -> None:
    lines = [*PARA, "Recommendations from the editors:", "- Harbour Lights: A Ferry Captain Remembers",
             "- Winter Storms And The Old Town Walls"]  # fmt: skip
    assert related(lines)[-2:] == [None, None]
    without_intro = related([*PARA, "Related:", *lines[-2:]])
    assert without_intro[-2:] == ["related headline", "related headline"]


def test_lines_shaped_like_text_are_no_related_headlines() -> None:
    lines = [
        *PARA,
        "— Harbour Workers Union (@HarbourUnion) February 17, 2020",
        "Coastal Press, Second Revised Edition, Harbour Town 2014, 896 Pages",
        "From: The Harbour Book. A Town In Keywords. Coastal Council For Civic Education",
        "Ferry Operator Announces Winter Timetable",
    ]
    assert related(lines)[-4:] == [None, None, None, "related headline"]


def test_a_one_column_table_row_is_judged_as_its_line() -> None:
    lines = [PARA[0], "| Read more: |", "| Share this article |", "| Residents waited ten years for it. |", PARA[1]]
    assert classify(lines)[1:4] == ["related link", "share widget", None]


def test_the_first_line_goes_as_the_title_only_when_it_is_the_title() -> None:
    """Give or take a site name set off by a separator (or a date); a phrase around the title is text."""

    def first_line(first: str) -> str | None:
        raw = RawArticle(id="t", path="t.txt", text="\n".join([first, *PARA]), title="Flood Barrier Approved")
        return explain_lines(raw)[0][1]

    assert first_line("Flood Barrier Approved") == "title"
    assert first_line("Flood Barrier Approved | Coastal Ledger") == "title"
    assert first_line("27.01.2022 Flood Barrier Approved") == "title"
    assert first_line("Coastal Ledger: Flood Barrier Approved") == "title"
    assert first_line("Why the Flood Barrier Approved last week matters") is None
