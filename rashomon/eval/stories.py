"""`rashomon eval stories`: B-cubed scores of story grouping on the devset format.

All cluster articles and distractors are mixed into one stream, grouped by our grouper, by our
grouper without its cross-lingual anchors (the measured effect of that method), and by the
single-pass TF-IDF baseline, all in the same run, and scored against the gold events.

Distractors convention: each distractor is its own singleton gold cluster (the strict reading:
a distractor merged into an event costs precision, two distractors merged with each other cost
it too, even when they happen to report the same thing). We also report the score restricted
to the event articles (distractors still in the stream, but not scored), the convention of
evaluations that only label part of a stream; the two together show whether errors come from
events or from noise.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rashomon.config import CleanConfig, Config, StoriesConfig
from rashomon.records import Article, RawArticle, Story
from rashomon.stories import group_stories
from rashomon.stories.baseline import group_stories_single_pass

Grouper = Callable[[Sequence[Article], StoriesConfig], list[Story]]


@dataclass(slots=True, frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float


@dataclass(slots=True, frozen=True)
class SystemScore:
    name: str
    all_items: BCubed  # distractors as singleton gold clusters
    events_only: BCubed  # only event articles scored
    stories: int


@dataclass(slots=True, frozen=True)
class StoryEvalReport:
    articles: int
    events: int
    distractors: int
    rejected: int
    systems: tuple[SystemScore, ...]


def b_cubed(gold: Mapping[str, str], predicted: Mapping[str, str], items: Sequence[str]) -> BCubed:
    """Item-averaged B-cubed precision and recall (Bagga & Baldwin 1998) over `items`."""
    if not items:
        return BCubed(0.0, 0.0, 0.0)
    scored = set(items)
    gold_members: dict[str, set[str]] = {}
    predicted_members: dict[str, set[str]] = {}
    for item in items:
        gold_members.setdefault(gold[item], set()).add(item)
        predicted_members.setdefault(predicted[item], set()).add(item)
    precision = recall = 0.0
    for item in scored:
        same_gold = gold_members[gold[item]]
        same_predicted = predicted_members[predicted[item]]
        overlap = len(same_gold & same_predicted)
        precision += overlap / len(same_predicted)
        recall += overlap / len(same_gold)
    precision /= len(scored)
    recall /= len(scored)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(round(precision, 4), round(recall, 4), round(f1, 4))


def _article_id(url: str) -> str:
    """Ids from the URL digest: they carry no hint of the gold event (the stream is sorted by id)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


ToArticle = Callable[[RawArticle], Article | None]


def _default_to_article(config: CleanConfig) -> ToArticle:
    """The clean stage, with articles it rejects (no usable text) turned into None."""
    from rashomon.clean import CleanError, clean_article

    def to_article(raw: RawArticle) -> Article | None:
        try:
            return clean_article(raw, config)
        except CleanError:
            return None

    return to_article


def load_devset(
    clusters_path: str, distractors_path: str, to_article: ToArticle
) -> tuple[list[Article], dict[str, str], list[str], int]:
    """Articles, gold label per article id, ids of event articles, and the count rejected."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    event_ids: list[str] = []
    rejected = 0
    entries: list[tuple[str, str, str | None]] = []  # (gold label, url, text)
    for line in Path(clusters_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            event = json.loads(line)
            entries.extend((event["id"], a["url"], a["text"]) for a in event["articles"])
    for line in Path(distractors_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            page = json.loads(line)
            entries.append(("distractor:" + page["url"], page["url"], page["text"]))
    for label, url, text in entries:
        raw = RawArticle(id=_article_id(url), path=url, text=text, url=url)
        article = to_article(raw)
        if article is None:
            rejected += 1
            continue
        articles.append(article)
        gold[article.id] = label
        if not label.startswith("distractor:"):
            event_ids.append(article.id)
    return articles, gold, event_ids, rejected


def score_system(
    name: str,
    grouper: Grouper,
    articles: Sequence[Article],
    gold: Mapping[str, str],
    event_ids: Sequence[str],
    config: StoriesConfig,
) -> SystemScore:
    stories = grouper(articles, config)
    predicted = {article_id: story.id for story in stories for article_id in story.article_ids}
    return SystemScore(
        name=name,
        all_items=b_cubed(gold, predicted, [a.id for a in articles]),
        events_only=b_cubed(gold, predicted, event_ids),
        stories=len(stories),
    )


def run_story_eval(
    clusters_path: str,
    distractors_path: str,
    config: Config | None = None,
    to_article: ToArticle | None = None,
) -> StoryEvalReport:
    """Group the devset with our grouper and the single-pass baseline; score both with B-cubed.
    `config` (the defaults when None) cleans the articles and groups them."""
    config = config or Config()
    articles, gold, event_ids, rejected = load_devset(
        clusters_path, distractors_path, to_article or _default_to_article(config.clean)
    )
    stories = config.stories
    no_encoder = dataclasses.replace(stories, encoder="none")
    systems = (
        score_system("rashomon", group_stories, articles, gold, event_ids, stories),
        score_system("rashomon, no encoder", group_stories, articles, gold, event_ids, no_encoder),
        score_system("single-pass tf-idf (cos 0.2)", group_stories_single_pass, articles, gold, event_ids, stories),
    )
    return StoryEvalReport(
        articles=len(articles),
        events=len({gold[i] for i in event_ids}),
        distractors=len(articles) - len(event_ids),
        rejected=rejected,
        systems=systems,
    )


def format_report(report: StoryEvalReport) -> str:
    """A plain-text table, systems side by side."""
    lines = [
        f"articles {report.articles} (event articles {report.articles - report.distractors} in "
        f"{report.events} events, distractors {report.distractors}, rejected by cleaning {report.rejected})",
        "B-cubed; 'all' scores every article (each distractor its own gold cluster), "
        "'events' scores only event articles.",
        f"{'system':<32} {'P all':>7} {'R all':>7} {'F1 all':>7} {'P ev':>7} {'R ev':>7} {'F1 ev':>7} {'stories':>8}",
    ]
    for system in report.systems:
        a, e = system.all_items, system.events_only
        lines.append(
            f"{system.name:<32} {a.precision:>7.3f} {a.recall:>7.3f} {a.f1:>7.3f} "
            f"{e.precision:>7.3f} {e.recall:>7.3f} {e.f1:>7.3f} {system.stories:>8}"
        )
    return "\n".join(lines)
