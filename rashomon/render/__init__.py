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

from rashomon.records import Brief, ClaimGroup, to_dict

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


def _cell(text: str) -> str:
    """A Markdown table cell: pipes and newlines would break the row."""
    return text.replace("|", "\\|").replace("\n", " ")


def _ledger_md(groups: tuple[ClaimGroup, ...]) -> list[str]:
    lines = ["| what is counted | figure | interval | claimed by | reported by | origins |",
             "|---|---|---|---|---|---|"]
    for group in groups:
        what = f"{group.subject} {group.quantity}".strip() + (" ⚠ conflict" if group.conflict else "")
        for figure in group.figures:
            hedges = f" ({', '.join(figure.hedges)})" if figure.hedges else ""
            lines.append(
                f"| {_cell(what)} | {_cell(figure.value_text + hedges)} | {_interval(figure.low, figure.high)} "
                f"| {_cell('; '.join(figure.claimants))} | {_cell(', '.join(figure.articles))} | {figure.origins} |"
            )
    return lines


def to_markdown(brief: Brief) -> str:
    """A readable report: one section per story, ledgers as tables."""
    out: list[str] = [f"# Rashomon brief ({len(brief.stories)} stories, {len(brief.articles)} articles)", ""]
    for story in brief.stories:
        out += [f"## {story.title}", "", f"*Story `{story.id}` · articles: {', '.join(story.articles)}*", ""]
        short = story.summary.short
        out += [f"**In short:** {short.text} [{', '.join(short.citations)}]", ""]
        if story.summary.long:
            out += ["### Brief", ""]
            out += [f"- {s.text} [{', '.join(s.citations)}]" for s in story.summary.long]
            out.append("")
        if story.claims:
            out += ["### Who says what", "", *_ledger_md(story.claims), ""]
        if story.quotes:
            out += ["### Quotes", "", "| quote | speaker | articles |", "|---|---|---|"]
            out += [f"| “{_cell(q.text)}” | {_cell(q.speaker)} | {', '.join(q.articles)} |" for q in story.quotes]
            out.append("")
        if story.timeline:
            out += ["### Timeline", "", "| date | event | as written | articles |", "|---|---|---|---|"]
            out += [
                f"| {e.date} | {_cell(e.text)} | {_cell('; '.join(e.expressions))} | {', '.join(e.citations)} |"
                for e in story.timeline
            ]
            out.append("")
        if story.reuse:
            out += ["### Copied text", "", "| copy | original | sentences | evidence |", "|---|---|---|---|"]
            out += [
                f"| {link.copy} | {link.original} | {len(link.sentences)} | {_cell(link.direction_evidence)} |"
                for link in story.reuse
            ]
            out.append("")
    out += ["## Articles", "", "| id | source | published | language | originality | story |",
            "|---|---|---|---|---|---|"]
    for a in brief.articles:
        out.append(
            f"| {a.id} | {_cell(a.source or '')} | {a.published or '—'} ({a.date_source}) | {a.language} "
            f"| {a.originality:.0%} | {a.story or ''} |"
        )
    if brief.rejected:
        out += ["", "## Rejected inputs", "", "| path | reason |", "|---|---|"]
        out += [f"| {_cell(r.path)} | {_cell(r.reason)} |" for r in brief.rejected]
    return "\n".join(out) + "\n"


_ENV = Environment(
    loader=PackageLoader("rashomon.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["interval"] = lambda f: _interval(f.low, f.high)


def to_html(brief: Brief) -> str:
    """A standalone page (no scripts, no external resources)."""
    return _ENV.get_template("brief.html.j2").render(brief=brief)
