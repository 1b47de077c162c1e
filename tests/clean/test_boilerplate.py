"""The line classifier: each kind of noise is named; story sentences are never named."""

from __future__ import annotations

import pytest

from rashomon.clean import learn_boilerplate
from rashomon.clean.boilerplate import classify, line_rule
from rashomon.config import CleanConfig
from rashomon.records import RawArticle

STORY = [
    "The harbour council approved the plan on Tuesday after a long debate, its chairwoman said.",
    '"We will support the fishermen in every way we can," the minister told reporters on Monday.',
    "Our correspondent in Portsea said the ferry had not left the harbour by noon.",
    "Photographs taken by residents showed water up to the first floor of several houses.",
    "The agency said its readers had sent more than 300 pictures of the flood.",
    "Share prices fell 4 percent after the announcement.",
    "Prices of cookies and cakes rose sharply, the statistics office said.",
    "Anzeigen gegen die Hafenbehörde wurden am Montag eingereicht, sagte die Polizei.",
    "Lee, the harbour master, said the quay would reopen on Friday.",
    "Comments from residents were collected at three public meetings in March.",
    "Source of the leak was a cracked pipe under the northern quay, engineers said.",
]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("© Harbour Agency/ Ola Brandt/File Photo", "photo credit"),
        ("Photo: Coastal Ledger", "photo credit"),
        (
            "Workers clear silt from a quay in Port Ellis, March 3, 2022. (Meridian/Ola Brandt)",
            "photo credit",
        ),
        ("Ines Dalgaard / Flickr (CC BY-SA 2.0)", "photo credit"),
        ("READ MORE: Council to review parking fees", "related link"),
        ("More news: Bakery chain opens its 100th shop", "related link"),
        ("Latest News", "related link"),
        ("Read more", "related link"),
        ("Adjust Comment Print", "share widget"),
        ("Share on Facebook", "share widget"),
        ("We use cookies to improve your experience on our site.", "cookie notice"),
        ("© 2021 The Coastal Ledger. All rights reserved.", "photo credit"),
        ("Terms of use | Privacy policy", "footer"),
        ("Home | World | Politics | Sport", "menu"),
        ("Sign up for our daily newsletter", "appeal"),
        ("Support us", "appeal"),
        ("×", "symbol"),
        ("By Ines Dalgaard | Coastal Ledger", "byline"),
        ("coastal-ledger.com", "site name"),
        ("← Back to list", "navigation"),
        ("LINKEDINCOMMENTMORE", "share widget"),
        ("(Reporting by Ola Brandt; Editing by Ines Dalgaard)", "editor's note"),
        ("The Ledger will keep updating this story as more information becomes available.", "editor's note"),
        ("Follow the Coastal Ledger for live updates.", "promotion"),
        ("Listen to Radio Portsea live every evening.", "promotion"),
        ("Friday 14 March 2025", "timestamp"),
        ("March 15, 2025, 11:15 GMT", "timestamp"),
        # Written (fictional) after the kinds of noise left on trafilatura's evaluation pages.
        ("(Credit: Ola Brandt / Coastal Ledger)", "photo credit"),
        ("Crédits photos : Agence Littoral", "photo credit"),
        ("Quelle: Hafenverband Portsea (HVP), 02. Februar 2022, Portsea", "photo credit"),
        ("Contenido Relacionado", "related link"),
        ("À lire aussi » Le port de Portsea rouvre ses quais", "related link"),
        ("Wird geladen", "related link"),
        ("Anzeige, enthält Affiliate Links", "advertisement"),
        ("*Werbung. Dieser Beitrag enthält Werbung für Hafenkeks.", "advertisement"),
        ("Keine Kommentare", "share widget"),
        ("View Comments", "share widget"),
        ("Pour lire la suite", "appeal"),
        ("Sie sind aktuell nicht eingeloggt.", "appeal"),
        ("If you're seeing this message but you're already a subscriber, you can log in.", "appeal"),
        ("We want to hear what you think about this article.", "appeal"),
        (
            "Follow The Coastal Ledger on Twitter and Instagram @CoastalLedger and on Facebook @LedgerPortsea. "
            "Send us a message on WhatsApp at 555-0100 or email us at desk@ledger.example.",
            "promotion",
        ),
        ("| Read more: |", "related link"),
    ],
)
def test_line_rules_name_the_noise(line: str, kind: str) -> None:
    assert line_rule(line) == kind


@pytest.mark.parametrize("line", STORY)
def test_story_sentences_are_not_noise(line: str) -> None:
    assert line_rule(line) is None


def test_caption_next_to_a_credit_goes_with_it() -> None:
    lines = [
        "Flooded street in Orsa",
        "© Harbour Agency/Ola Brandt",
        "A view of the flooded main street of Orsa, seen from the church tower, June 2, 2020",
        STORY[0],
    ]
    assert classify(lines) == ["photo caption", "photo credit", "photo caption", None]


def test_caption_rule_stops_at_a_blank_line_and_at_sentences() -> None:
    lines = ["Harbour plan approved", "", "Photo: Coastal Ledger", STORY[0]]
    assert classify(lines) == [None, None, "photo credit", None]


def test_appeal_block_goes_whole_but_one_appeal_like_line_stays() -> None:
    appeal = [
        "A Message from The Coastal Ledger:",
        "",
        "Dear readers,",
        "Independent journalism costs money. Your support keeps our reporters on the coast.",
        "If you can, please support us monthly. Every contribution helps our work.",
        "Monthly",
        "Annual",
        "Continue",
        "Remind me later.",
    ]
    assert all(reason is not None for line, reason in zip(appeal, classify(appeal), strict=True) if line)
    lonely = [STORY[0], "Our journalists support the new harbour plan, we think.", STORY[5]]
    assert classify(lonely) == [None, None, None]


def test_repeated_headline_is_dropped_everywhere() -> None:
    lines = [STORY[0], "", "Ferry Crews Strike Again", "", "Ferry Crews Strike Again", "", STORY[5]]
    assert classify(lines) == [None, None, "repeated headline", None, "repeated headline", None, None]


def test_runs_of_short_fragments_are_menus() -> None:
    lines = ["Home", "World", "Sport", "Weather", STORY[0]]
    assert classify(lines) == ["menu", "menu", "menu", "menu", None]


def raw(n: int, source: str | None, footer: str) -> RawArticle:
    text = f"Story {n} headline\n\nThe council met on day {n} to discuss plan {n} in detail.\n\n{footer}"
    return RawArticle(id=f"a{n}", path=f"a{n}.txt", text=text, source=source)


def test_learned_boilerplate_needs_repetition_within_one_source() -> None:
    footer = "The Coastal Ledger is published by Ledger Media Group"
    raws = [raw(n, "ledger", footer) for n in range(3)] + [raw(9, "courier", footer)]
    learned = learn_boilerplate(raws, CleanConfig(repeated_line_min_articles=3))
    assert "ledger\tthe coastal ledger is published by ledger media group" in learned
    assert not any(key.startswith("courier\t") for key in learned)
    assert not any("discuss plan" in key for key in learned)


def test_unknown_sources_learn_nothing() -> None:
    footer = "A line that every article shares"
    assert learn_boilerplate([raw(n, None, footer) for n in range(5)], CleanConfig()) == frozenset()
