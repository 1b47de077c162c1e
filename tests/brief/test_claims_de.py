"""German claims: the same quantities as English, German number formats and words."""

from __future__ import annotations

from facts_helpers import make_article
from hypothesis import given
from hypothesis import strategies as st

from rashomon.annotate import annotate
from rashomon.brief.claims import extract_claims
from rashomon.text.figures import find_figures
from rashomon.text.languages import lexicon


def german(text: str, title: str | None = None):  # type: ignore[no-untyped-def]
    article = make_article("de1", text, title=title, source="Rheinbote")
    article.language = "de"
    return extract_claims(annotate(article))


def test_german_figures_get_english_quantities_and_claimants() -> None:
    claims = german(
        "Nach offiziellen Angaben ist die Zahl der Todesopfer auf mindestens neun gestiegen. "
        "Die Opposition spricht von 15 Toten. "
        "Nach Angaben des Innenministeriums wurden mehr als 40 Menschen verletzt. "
        "Die Regierung hat einen Hilfsfonds in Höhe von 1,5 Millionen Euro eingerichtet.",
        title="Sturm: Mindestens neun Tote",
    )
    found = {(c.quantity, c.low, c.high, c.claimant) for c in claims}
    assert ("killed", 9, None, "headline of de1") in found
    assert ("killed", 9, None, "offiziellen Angaben") in found  # the claimant as the article names it
    assert ("killed", 15, 15, "Opposition") in found
    assert ("wounded", 41, None, "Innenministerium") in found
    assert ("money", 1_500_000, 1_500_000, "Rheinbote") in found


def test_german_dates_and_years_are_not_figures() -> None:
    assert german("Der Damm wurde 1974 gebaut und am 12. März 2025 beschädigt.") == []


@given(st.integers(min_value=1000, max_value=999_999))
def test_german_thousands_separator(value: int) -> None:
    written = f"{value:,}".replace(",", ".")
    (figure,) = find_figures(f"Es wurden {written} Menschen evakuiert.", lexicon("de"))  # type: ignore[arg-type]
    assert figure.low == figure.high == value
