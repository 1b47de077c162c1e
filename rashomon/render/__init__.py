"""Writing a Brief as JSON, Markdown or a standalone HTML page, and its JSON Schema.

JSON is the contract (validated against `brief.schema.json`); Markdown and HTML are views of
the same record for people. HTML goes through Jinja2 with autoescaping, because every string
in a brief comes from articles somebody else wrote.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon.records import Brief, ClaimGroup, StoryBrief, to_dict

FORMATS = ("json", "md", "html", "jsonl")


def schema() -> dict[str, Any]:
    """The JSON Schema of brief.json, as shipped in the package."""
    text = resources.files("rashomon.render").joinpath("brief.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(brief: Brief) -> str:
    """One story a line (each with its articles' lines), for tools that stream JSON Lines."""
    infos = {a.id: to_dict(a) for a in brief.articles}
    lines = []
    for story in brief.stories:
        row = to_dict(story)
        row["article_info"] = [infos[a] for a in story.articles if a in infos]
        lines.append(json.dumps(row, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def _interval(low: float | None, high: float | None) -> str:
    def show(x: float | None) -> str:
        return "?" if x is None else f"{x:g}"

    if low is not None and low == high:
        return show(low)
    return f"{show(low)}–{show(high)}"


# Backslash escapes every ASCII punctuation mark in Markdown; these are the ones that make links,
# images, emphasis or code out of article text. `<`, `>` and `&` become entities, so no raw HTML
# (`<script>`, `<img onerror=...>`) from an article reaches a renderer that passes HTML through.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]!"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def _md(text: str) -> str:
    """Article-derived text as inert Markdown: no HTML, no links, no emphasis, on one line."""
    return text.translate(_MD_SPECIAL).replace("\r", " ").replace("\n", " ")


def _cell(text: str) -> str:
    """A Markdown table cell: escaped (`_md`), and pipes would break the row."""
    return _md(text).replace("|", "\\|")


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _ids(ids: tuple[str, ...] | list[str]) -> str:
    return _md(", ".join(ids))


def _ledger_md(groups: tuple[ClaimGroup, ...]) -> list[str]:
    lines = [
        "| what is counted | figure | interval | claimed by | reported by | origins |",
        "|---|---|---|---|---|---|",
    ]
    for group in groups:
        what = f"{group.subject} {group.quantity}".strip()
        conflict = " ⚠ conflict" if group.conflict else ""
        for figure in group.figures:
            hedges = f" ({', '.join(figure.hedges)})" if figure.hedges else ""
            lines.append(
                _row(_cell(what) + conflict, _cell(figure.value_text + hedges), _interval(figure.low, figure.high),
                     _cell("; ".join(figure.claimants)), _cell(", ".join(figure.articles)), str(figure.origins))
            )  # fmt: skip
    notes = [f"- **{_md(f'{g.subject} {g.quantity}'.strip())}**: {_md(_note(g))}" for g in groups if _note(g)]
    return lines + ([""] + notes if notes else [])


def _note(group: ClaimGroup) -> str:
    """Why a group conflicts, or how its figure moved: one line under the ledger."""
    if group.conflict:
        return f"conflict: {group.reason}" if group.reason else "conflict"
    if group.series:
        steps = ", ".join(f"{r.value_text} ({r.date or 'undated'}, {r.claimant})" for r in group.series)
        return f"revised over time: {steps}"
    return ""


def joined_by(brief: Brief) -> dict[str, str]:
    """Article id -> how it joined its story ("0.86: encoder, names"); a story's first article has none."""
    return {
        join.article_id: f"{join.probability:.2f}: {', '.join(join.reasons)}"
        for story in brief.stories
        for join in story.joins
    }


def to_markdown(brief: Brief) -> str:
    """A readable report: one section per story, ledgers as tables. Every string that came from an
    article goes through `_md` or `_cell`: a brief.md is rendered somewhere, by something."""
    out: list[str] = [f"# Rashomon brief ({len(brief.stories)} stories, {len(brief.articles)} articles)", ""]
    for story in brief.stories:
        out += [f"## {_md(story.title)}", "", f"*Story {_md(story.id)} · articles: {_ids(story.articles)}*", ""]
        short = story.summary.short
        out += [f"**In short:** {_md(short.text)} \\[{_ids(short.citations)}\\]", ""]
        if story.summary.long:
            out += ["### Brief", ""]
            out += [f"- {_md(s.text)} \\[{_ids(s.citations)}\\]" for s in story.summary.long]
            out.append("")
        if story.claims:
            out += ["### Who says what", "", *_ledger_md(story.claims), ""]
        out += _sections_md(story)
    out += [
        "## Articles",
        "",
        "| id | source | published | language | originality | story | joined by |",
        "|---|---|---|---|---|---|---|",
    ]
    joined = joined_by(brief)
    for a in brief.articles:
        out.append(
            f"| {_cell(a.id)} | {_cell(a.source or '')} | {_cell(a.published or '—')} ({a.date_source}) "
            f"| {_cell(a.language)} | {a.originality:.0%} | {_cell(a.story or '')} | {_cell(joined.get(a.id, ''))} |"
        )
    if brief.rejected:
        out += ["", "## Rejected inputs", "", "| path | reason |", "|---|---|"]
        out += [f"| {_cell(r.path)} | {_cell(r.reason)} |" for r in brief.rejected]
    return "\n".join(out) + "\n"


def _sections_md(story: StoryBrief) -> list[str]:
    """A story's quotes, timeline and copied-text tables."""
    out: list[str] = []
    if story.quotes:
        out += ["### Quotes", "", "| quote | speaker | articles |", "|---|---|---|"]
        out += [f"| “{_cell(q.text)}” | {_cell(q.speaker)} | {_cell(', '.join(q.articles))} |" for q in story.quotes]
        out.append("")
    if story.timeline:
        out += ["### Timeline", "", "| date | event | as written | articles |", "|---|---|---|---|"]
        out += [
            _row(_cell(e.date), _cell(e.text), _cell("; ".join(e.expressions)), _cell(", ".join(e.citations)))
            for e in story.timeline
        ]
        out.append("")
    if story.reuse:
        out += ["### Copied text", "", "| copy | original | sentences | evidence |", "|---|---|---|---|"]
        out += [
            _row(_cell(link.copy), _cell(link.original), str(len(link.sentences)), _cell(link.direction_evidence))
            for link in story.reuse
        ]
        out.append("")
    return out


_ENV = Environment(
    loader=PackageLoader("rashomon.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["interval"] = lambda f: _interval(f.low, f.high)


def to_html(brief: Brief) -> str:
    """A standalone page (no scripts, no external resources)."""
    return _ENV.get_template("brief.html.j2").render(brief=brief, joined=joined_by(brief))
