"""A small hand-made corpus for the web tests: three stories, and hostile strings everywhere.

The hostile strings (script tags, event handlers, javascript: URLs, template syntax) sit in
every field a page shows, so the tests can prove that each one is escaped or refused.
"""

from __future__ import annotations

from pathlib import Path

from rashomon.pipeline import article_info
from rashomon.records import (
    Article,
    ArticleInfo,
    Brief,
    Cited,
    ClaimGroup,
    DuplicateGroup,
    Figure,
    Quote,
    Rejected,
    ReusedSentence,
    ReuseLink,
    Revision,
    Sentence,
    StoryBrief,
    Summary,
    TimelineEvent,
)
from rashomon.store import Store

SCRIPT = "<script>alert('xss')</script>"
ONERROR = '<img src=x onerror="alert(1)">'
JS_URL = "javascript:alert(document.cookie)"
BREAKOUT = '"><svg onload=alert(1)>'
TEMPLATE = "{{ 7*7 }}"
HOSTILE = (SCRIPT, ONERROR, JS_URL, BREAKOUT, TEMPLATE)


def _article(aid: str, source: str, published: str | None, paragraphs: list[list[str]], **extra: str) -> Article:
    sentences = tuple(
        Sentence(aid, i, text, p)
        for i, (p, text) in enumerate((p, t) for p, para in enumerate(paragraphs) for t in para)
    )
    text = "\n\n".join(" ".join(para) for para in paragraphs)
    return Article(
        id=aid,
        path=f"fixture/{aid}.txt",
        text=text,
        sentences=sentences,
        source=source,
        published=published,
        language="en",
        date_source="metadata",
        **extra,
    )


FLOOD = "Heavy rain flooded the river town of Eastbrook on Monday."
DEATHS = "At least 12 people died, officials said."


def make_articles() -> list[Article]:
    """Six articles: an original, a copy, a rival account, a mirror, an older story, an undated one."""
    return [
        _article(
            "a1",
            f"Wire {SCRIPT}",
            "2026-03-01",
            [
                [FLOOD, DEATHS],
                [f"Graffiti reading {SCRIPT} appeared on the bridge.", f"Residents posted {ONERROR}."],
            ],
            url=JS_URL,
            title=f"Flood hits Eastbrook {ONERROR}",
            author=BREAKOUT,
        ),
        _article(
            "a2",
            "Daily Copy",
            "2026-03-02",
            [[FLOOD, DEATHS], ["The Daily Copy adds that schools closed on Tuesday."]],
            url="https://example.org/a2",
            title="Eastbrook under water",
        ),
        _article(
            "a3",
            "Other Paper",
            "2026-03-02",
            [
                [
                    "Twenty people were killed in the Eastbrook flood, the mayor said.",
                    f"He called it {TEMPLATE} times worse than 1990.",
                ]
            ],
            url=f"https://example.net/a3?x={BREAKOUT}",
            title="Mayor: twenty dead",
        ),
        _article(
            "a4",
            "Mirror News",
            "2026-03-03",
            [[FLOOD, DEATHS], ["The Daily Copy adds that schools closed on Tuesday."]],
            url="https://mirror.example/a2",
            title="Eastbrook under water (mirror)",
        ),
        _article(
            "a5",
            "Old Times",
            "2026-01-10",
            [["A bridge opened in Westfield after ten years of work.", "The mayor cut the ribbon."]],
            url="https://old.example/a5",
            title="Westfield bridge opens",
        ),
        _article(
            "a6",
            "No Date Daily",
            None,
            [["A cat was rescued from a tree in an unnamed village.", "Firefighters used a ladder."]],
            title="Cat rescued",
        ),
    ]


def _info(article: Article, story: str, originality: float, mirror_of: str | None = None) -> ArticleInfo:
    return article_info(article, originality, story, mirror_of)


def make_brief(articles: list[Article]) -> Brief:
    by_id = {a.id: a for a in articles}
    flood = StoryBrief(
        id="s1",
        title=f"Eastbrook flood {SCRIPT}",
        articles=("a1", "a2", "a3", "a4"),
        summary=Summary(
            short=Cited(f"Floods in Eastbrook killed 12 to 20 people {ONERROR}.", ("a1", "a3")),
            long=(
                Cited(FLOOD, ("a1", "a2")),
                Cited(DEATHS, ("a1",)),
                Cited("Twenty people were killed in the Eastbrook flood, the mayor said.", ("a3",)),
                Cited(f"Residents posted {ONERROR}.", ("a1",)),
            ),
        ),
        claims=(
            ClaimGroup(
                quantity="killed",
                subject=f"people {BREAKOUT}",
                low=12,
                best=12,
                high=20,
                figures=(
                    Figure("at least 12", 12, None, ("officials",), ("a1", "a2"), 1, ("at least",), (DEATHS,)),
                    Figure(
                        "twenty",
                        20,
                        20,
                        (f"mayor {ONERROR}",),
                        ("a3",),
                        1,
                        (),
                        ("Twenty people were killed in the Eastbrook flood, the mayor said.",),
                    ),
                ),
                conflict=True,
            ),
            ClaimGroup(
                quantity="schools closed",
                subject="schools",
                low=None,
                best=None,
                high=None,
                figures=(Figure("some", None, None, ("Daily Copy",), ("a2",), 1),),
                conflict=False,
                series=(
                    Revision("2026-03-02", f"some {SCRIPT}", f"Daily Copy {ONERROR}", "a2"),
                    Revision(None, f"all {BREAKOUT}", JS_URL, "a4"),
                ),
            ),
        ),
        quotes=(
            Quote(f"We have never seen water like this {SCRIPT}", f"Mayor {SCRIPT}", ("a3",)),
            Quote(JS_URL, "unattributed", ("a1",), variants=(ONERROR,)),
        ),
        timeline=(
            TimelineEvent("2026-03-01", f"Rain floods Eastbrook {ONERROR}", ("on Monday",), ("a1",)),
            TimelineEvent("2026-03-03", "Schools closed.", ("on Tuesday",), ("a2",)),
        ),
        reuse=(
            ReuseLink(
                "a1",
                "a2",
                (
                    ReusedSentence(0, 0, FLOOD, FLOOD, 1.0, "verbatim"),
                    ReusedSentence(1, 1, DEATHS, DEATHS, 1.0, "verbatim"),
                ),
                f"published earlier {SCRIPT}",
            ),
        ),
        duplicates=(DuplicateGroup("a2", ("a4",), 0.97),),
    )
    bridge = StoryBrief(
        id="s2",
        title="Westfield bridge opens",
        articles=("a5",),
        summary=Summary(Cited("A bridge opened in Westfield.", ("a5",)), ()),
        claims=(),
        quotes=(),
        timeline=(),
        reuse=(),
    )
    cat = StoryBrief(
        id="s3",
        title="Cat rescued",
        articles=("a6",),
        summary=Summary(Cited("A cat was rescued.", ("a6",)), ()),
        claims=(),
        quotes=(),
        timeline=(),
        reuse=(),
    )
    infos = (
        _info(by_id["a1"], "s1", 1.0),
        _info(by_id["a2"], "s1", 0.33),
        _info(by_id["a3"], "s1", 1.0),
        _info(by_id["a4"], "s1", 0.0, mirror_of="a2"),
        _info(by_id["a5"], "s2", 1.0),
        _info(by_id["a6"], "s3", 1.0),
    )
    return Brief(
        articles=infos,
        stories=(flood, bridge, cat),
        rejected=(Rejected(f"bad/{SCRIPT}.html", "no text"),),
        created="2026-03-04T00:00:00+00:00",
    )


def build_store(path: Path) -> Path:
    store = Store.open(str(path))
    articles = make_articles()
    store.add_articles(articles)
    store.save_brief(make_brief(articles))
    store.close()
    return path
