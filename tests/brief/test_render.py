"""Rendering a brief: JSON matches the schema, HTML escapes everything an article brought."""

from __future__ import annotations

import json

from brief_checks import validate_brief

from rashomon.records import (
    ArticleInfo,
    Brief,
    Cited,
    ClaimGroup,
    Figure,
    Quote,
    Rejected,
    ReusedSentence,
    ReuseLink,
    Revision,
    StoryBrief,
    Summary,
    TimelineEvent,
)
from rashomon.render import to_html, to_json, to_markdown

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a> | pipe'


def hostile_brief() -> Brief:
    figure = Figure(value_text=HOSTILE, low=5, high=5, claimants=(HOSTILE,), articles=("a1",), origins=1,
                    hedges=("preliminary",))
    story = StoryBrief(
        id="s1",
        title=HOSTILE,
        articles=("a1", "a2"),
        summary=Summary(short=Cited(HOSTILE, ("a1",)), long=(Cited(HOSTILE, ("a1", "a2")),)),
        claims=(
            ClaimGroup("killed", HOSTILE, 5, 5, 12, (figure,), conflict=True, reason=f"{HOSTILE} gives 5"),
            ClaimGroup("wounded", "people", 3, 9, 9, (figure,), conflict=False,
                       series=(Revision("2025-03-13", "3", HOSTILE, "a1"), Revision(None, "9", "ministry", "a1"))),
        ),
        quotes=(Quote(HOSTILE, "unattributed", ("a2",)),),
        timeline=(TimelineEvent("2025-03", HOSTILE, ("earlier this month",), ("a1",)),),
        reuse=(ReuseLink("a1", "a2", (ReusedSentence(0, 1, HOSTILE, HOSTILE, 0.9, "spun"),), "published earlier"),),
    )
    info = ArticleInfo(id="a1", url="javascript:alert(4)", source=HOSTILE, title=HOSTILE, published="2025-03-14",
                       date_source="metadata", language="en", originality=0.75, story="s1")
    return Brief(articles=(info,), stories=(story,), rejected=(Rejected(HOSTILE, HOSTILE),),
                 created="2025-03-15T00:00:00+00:00")


def test_json_validates_and_round_trips() -> None:
    data = json.loads(to_json(hostile_brief()))
    validate_brief(data)
    assert data["stories"][0]["claims"][0]["figures"][0]["claimants"] == [HOSTILE]
    assert data["stories"][0]["summary"]["short"] == {"text": HOSTILE, "citations": ["a1"]}


def test_html_escapes_every_article_string() -> None:
    html = to_html(hostile_brief())
    assert "<script>" not in html and "<img" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'class="conflict"' in html and 'class="unattributed"' in html


def test_markdown_tables_survive_pipes() -> None:
    md = to_markdown(hostile_brief())
    ledger_row = next(line for line in md.splitlines() if "preliminary" in line)
    assert ledger_row.count(" | ") == 5  # six cells: the pipe inside the text is escaped
    assert "| 2025-03 |" in md


def test_every_renderer_says_why_a_group_conflicts_and_how_a_figure_moved() -> None:
    brief = hostile_brief()
    data = json.loads(to_json(brief))
    assert data["stories"][0]["claims"][0]["reason"].endswith("gives 5")
    assert data["stories"][0]["claims"][1]["series"][1] == {"date": None, "value_text": "9", "claimant": "ministry",
                                                            "article": "a1"}
    md = to_markdown(brief)
    assert "conflict: " in md and "gives 5" in md
    assert "revised over time: 3 (2025-03-13, " in md and "9 (undated, ministry)" in md
    html = to_html(brief)
    assert "conflict: &lt;script&gt;" in html and "revised over time: 3 (2025-03-13," in html


def test_every_renderer_says_how_each_article_joined_its_story() -> None:
    from dataclasses import replace

    from rashomon.records import Join

    brief = hostile_brief()
    story = replace(brief.stories[0], joins=(Join("a1", 0.862, ("encoder", "names")),))
    brief = replace(brief, stories=(story, *brief.stories[1:]))
    assert "0.86: encoder, names" in to_markdown(brief)
    assert "<td>0.86: encoder, names</td>" in to_html(brief)
    assert json.loads(to_json(brief))["stories"][0]["joins"] == [
        {"article_id": "a1", "probability": 0.862, "reasons": ["encoder", "names"]}
    ]
    validate_brief(json.loads(to_json(brief)))
