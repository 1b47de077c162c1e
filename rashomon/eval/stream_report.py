"""The plain-text report of `rashomon eval stories` on a labelled stream: tables, then errors."""

from __future__ import annotations

from collections.abc import Mapping

from rashomon.eval.errors import GroupingError
from rashomon.eval.stream_eval import OURS, PassReport, StreamEvalReport, SweepPoint

_HEADER = (
    f"{'system':<30} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} "
    f"{'pw P':>6} {'pw R':>6} {'pw F1':>6} {'stories':>7} {'sec':>6}"
)


def format_pass(report: PassReport) -> list[str]:
    lines = [
        f"== {report.name} pass: {report.articles} articles in {report.gold_stories} gold stories, "
        f"{report.dated} dated after cleaning, {report.rejected} rejected",
        _HEADER,
    ]
    for run in report.systems:
        b, p = run.b_cubed, run.pairwise
        lines.append(
            f"{run.name:<30} {b.precision:>6.3f} {b.recall:>6.3f} {b.f1:>6.3f} "
            f"{p.precision:>6.3f} {p.recall:>6.3f} {p.f1:>6.3f} {run.stories:>7} {run.seconds:>6.1f}"
        )
    for run in report.systems:
        if run.name == OURS and run.languages:
            ranked = sorted(run.languages.items(), key=lambda item: (-item[1][1], item[0]))
            joined = ", ".join(f"{language} {j}/{n}" for language, (j, n) in ranked)
            lines.append(f"{run.name}: in their story's main part, by language: {joined}")
    for run in report.systems:
        if run.name == OURS and run.losses is not None:
            loss = run.losses
            lines.append(
                f"{run.name}: B3 precision lost {loss.lone + loss.mixed:.3f} (lone articles {loss.lone:.3f}, "
                f"stories mixed {loss.mixed:.3f}); recall lost {loss.within + loss.across:.3f} "
                f"(within a language {loss.within:.3f}, across languages {loss.across:.3f})"
            )
    return lines


def format_sweep(points: tuple[SweepPoint, ...], pool: int) -> list[str]:
    if not points:
        return ["== density sweep: skipped (give unrelated articles after the stream to run it)"]
    lines = [
        f"== density sweep: unrelated real articles added (pool of {pool}); labelled articles scored, "
        "an unrelated article in their story counts against precision",
        f"{'pass':<8} {'system':<30} {'x':>4} {'added':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} "
        f"{'pw P':>6} {'pw F1':>6} {'intruders':>9}",
    ]
    for point in points:
        b, p = point.b_cubed, point.pairwise
        lines.append(
            f"{point.pass_name:<8} {point.system:<30} {point.multiple:>4g} {point.unrelated:>6} "
            f"{b.precision:>6.3f} {b.recall:>6.3f} {b.f1:>6.3f} {p.precision:>6.3f} {p.f1:>6.3f} {point.intruders:>9}"
        )
    return lines


def _ids(ids: tuple[str, ...], titles: Mapping[str, str], shown: int = 3) -> list[str]:
    lines = [f"      {article_id}  {titles.get(article_id, '')}" for article_id in ids[:shown]]
    if len(ids) > shown:
        lines.append(f"      ... and {len(ids) - shown} more")
    return lines


def format_error(error: GroupingError, titles: Mapping[str, str]) -> list[str]:
    """One merge (the gold stories it mixes) or split (the predicted stories it fell into)."""
    if error.kind == "merge":
        lines = [f"  merge {error.story}: {error.cost} wrong pairs, gold stories mixed:"]
    else:
        lines = [f"  split {error.story}: {error.cost} pairs missed, parts:"]
    for part in error.parts:
        also = f" (with {', '.join(part.also)})" if part.also else ""
        lines.append(f"    {part.label} [{len(part.article_ids)}]{also}")
        lines.extend(_ids(part.article_ids, titles))
    return lines


def format_errors(report: PassReport, titles: Mapping[str, str], system: str = OURS) -> list[str]:
    run = next(r for r in report.systems if r.name == system)
    lines = [f"== worst merges, {system}, {report.name} pass"]
    for error in run.merges:
        lines.extend(format_error(error, titles))
    lines.append(f"== worst splits, {system}, {report.name} pass")
    for error in run.splits:
        lines.extend(format_error(error, titles))
    return lines


def format_stream_report(report: StreamEvalReport) -> str:
    """Both passes side by side, the sweep, then our grouper's worst errors in each pass."""
    lines = [f"labelled stream {report.stream}; B3 = B-cubed, pw = pairwise"]
    for one_pass in report.passes:
        lines.extend(format_pass(one_pass))
    lines.extend(format_sweep(report.sweep, report.unrelated_pool))
    for one_pass in report.passes:
        lines.extend(format_errors(one_pass, report.titles))
    return "\n".join(lines)
