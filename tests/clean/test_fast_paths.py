"""The speed-ups of cleaning and ingest must give exactly what the plain code gives.

Each fast path (case-sensitive twins of IGNORECASE rules, cached verdicts on lines, the `</head>`
search, trafilatura options built from a template) is checked against the straightforward
computation it replaces, on generated lines that mix the rules' words, letter cases and the
few characters that fold to ASCII letters under IGNORECASE.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.settings import Extractor

from rashomon.clean import boilerplate, clear_caches
from rashomon.ingest.html import _options
from rashomon.ingest.metadata import _head_end

_WORDS = [
    "support", "our", "journalism", "newsletter", "Subscribe", "donate", "you", "your", "we", "us",
    "said", "according to", "will", "update", "this", "story", "developing", "cookies", "accept",
    "All Rights Reserved", "terms of use", "Privacy Policy", "JavaScript", "is", "disabled", "reading",
    "experience", "member", "ads", "the", "minister", "İ", "ı", "ſ", "\u212a", "K", "é", "—", ".", "?",
    "ſupport", "İndependent", "ındependent", "will \u212aeep updating", "Subſcribe",
    "</head>", "</HEAD>", "<head>",
]  # fmt: skip
_LINES = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_twins_match_like_the_ignorecase_patterns(line: str) -> None:
    twin_text = boilerplate._twin_text(line, line.lower())
    for pattern in boilerplate._TWINS:
        assert boilerplate._found(pattern, line, twin_text) == (pattern.search(line) is not None)


@settings(max_examples=100, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=12))
def test_cached_verdicts_equal_fresh_ones(lines: list[str]) -> None:
    clear_caches()
    first = boilerplate.classify(lines)
    assert boilerplate.classify(lines) == first  # now from the caches
    assert [boilerplate.line_rule(line) for line in lines] == [
        boilerplate._cached_rule(line) for line in lines
    ]


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_head_end_is_the_lower_cased_find(page: str) -> None:
    assert _head_end(page) == page.lower().find("</head>")


def test_options_from_the_template_equal_a_fresh_extractor() -> None:
    for fast in (False, True):
        for url in (None, "", "https://example.org/a/b.html"):
            fresh = Extractor(output_format="python", fast=fast, comments=False, tables=True, url=url)
            built = _options(fast, url)
            for name in Extractor.__slots__:
                assert getattr(built, name) == getattr(fresh, name), name
