"""How far story linking could take the grouper: B-cubed with the gold labels deciding the links.

The join model places each article; the link step (`links.py`) then joins a growing story with a
near story of another language. Here the gold labels replace the link model, with the link
step's candidates widened step by step, so the report says how much recall each design could
reach if its decision were perfect (precision stays that of the joins: gold links only join
stories that are mostly of one event):

- `shipped`: the join and link models as shipped;
- `no links`: the link step off;
- `gold links`: the link step's own candidates (other languages, anchored on a day or figures),
  the gold deciding;
- `gold links, any anchor`: the `vector_candidates` nearest stories of other languages, anchored
  or not, the gold deciding;
- `gold links, any language`: the nearest stories of any language, the gold deciding.

And where the precision goes: the shipped stories with the gold taking out of each story the
articles of a story that is not its main one, when they are alone there (`lone intruders`: a
near miss, a digest, a follow-up that joined the event's story) or all of them (`every
minority`: also the groups that came in together, such as another language's reports).

In-sample (the shipped models were fitted on this stream): a bound, not a score.

    python -m bench.oracle_stories ../shared/devstream/stream.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench.train_story_decision import score
from bench.train_story_links import run
from rashomon.config import Config
from rashomon.eval.stream import load_labelled_stream
from rashomon.records import Story
from rashomon.stories import grouper as grouper_module
from rashomon.stories import links
from rashomon.stories.encoder import encode_articles
from rashomon.stories.evidence import StoryEvidence
from rashomon.stories.state import StoryTable

RESULTS = Path(__file__).resolve().parent / "results_story_oracle.json"
Scored = list[tuple[int, tuple[float, ...]]]
Candidates = Callable[[StoryEvidence, Sequence[tuple[int, float]], StoryTable, int], Scored]


def unanchored(any_language: bool) -> Candidates:
    """Link candidates without the link step's conditions: every near non-empty story (of another
    language, unless `any_language`)."""

    def candidates(story: StoryEvidence, near: Sequence[tuple[int, float]], stories: StoryTable, _: int) -> Scored:
        found: Scored = []
        for i, cosine in near:
            other = stories[i].evidence
            if stories[i].article_ids and (any_language or not story.languages & other.languages):
                found.append((i, links.link_features(story, other, cosine, 0.0)))
        return found

    return candidates


def without_intruders(stories: Sequence[Story], gold: Mapping[str, str], lone_only: bool) -> list[Story]:
    """`stories` with the articles not of each story's main gold story (the most frequent; the
    first among equals) moved to stories of their own: those alone of their gold story there,
    or, unless `lone_only`, every one."""
    kept: list[Story] = []
    for story in stories:
        labels = Counter(gold[i] for i in story.article_ids)
        main = labels.most_common(1)[0][0]
        out = [i for i in story.article_ids if gold[i] != main and (labels[gold[i]] == 1 or not lone_only)]
        kept.append(Story(story.id, tuple(i for i in story.article_ids if i not in out), story.title))
        kept += [Story(f"{story.id}/{i}", (i,)) for i in out]
    return kept


MODES: dict[str, tuple[bool, bool, Candidates | None]] = {
    # name: (link model on, gold links, candidates replacing the link step's)
    "shipped": (True, False, None),
    "no links": (False, False, None),
    "gold links": (False, True, None),
    "gold links, any anchor": (False, True, unanchored(False)),
    "gold links, any language": (False, True, unanchored(True)),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stream")
    parser.add_argument("--json", default=str(RESULTS))
    args = parser.parse_args(argv)
    config = Config()
    report: dict[str, object] = {"stream": args.stream, "measured": datetime.now(UTC).strftime("%Y-%m-%d")}
    shipped_candidates = grouper_module.link_candidates
    for name in ("dated", "undated"):
        stream = load_labelled_stream(args.stream, config, dated=name == "dated")
        encoded = encode_articles(stream.articles, config.stories)
        vectors = {a.id: encoded[i] for i, a in enumerate(stream.articles)}
        for mode, (model_on, gold, candidates) in MODES.items():
            grouper_module.link_candidates = candidates or shipped_candidates  # type: ignore[assignment]
            try:
                teacher = stream.gold if gold else None
                link_model = links.load_link_model() if model_on else None
                grouper = run(stream.articles, vectors, config, teacher=teacher, model=link_model, linked=model_on)
            finally:
                grouper_module.link_candidates = shipped_candidates
            found = {mode: grouper.stories()}
            if mode == "shipped":
                found["shipped, gold ejects lone intruders"] = without_intruders(found[mode], stream.gold, True)
                found["shipped, gold ejects every minority"] = without_intruders(found[mode], stream.gold, False)
            for label, stories in found.items():
                b3 = score(stories, stream.gold)
                report[f"{name} {label}"] = {k: round(getattr(b3, k), 3) for k in ("precision", "recall", "f1")}
                print(f"{name:8} {label:36} P {b3.precision:.3f} R {b3.recall:.3f} F1 {b3.f1:.3f}")
    Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
