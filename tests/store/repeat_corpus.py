"""A corpus written for the batch-independence tests: one outlet repeats a sign-off line.

The Harbour Gazette ends each of its four articles with the same short line. No cleaning rule knows
it; only learning (a line in `repeated_line_min_articles` = 3 articles of one source) removes it. A
batch holding two of those articles cannot learn it, a batch holding all four does: the corpus that
made `--store` runs depend on how the inputs were split.
"""

from __future__ import annotations

import json
from pathlib import Path

SIGN_OFF = "Filed from the river desk of the Harbour Gazette, where the kettle is always on."

_TOPICS = {
    "bridge": (
        "The council of Elmsworth voted on Tuesday to close the old iron bridge over the Wend river.",
        "Engineers found cracks in two of the bridge's main supports during an inspection in March.",
        "Mayor Tilda Rowe said the closure would last at least eighteen months while repairs are made.",
        "Traders on the east bank fear that fewer shoppers will cross the river while the bridge is shut.",
        "A temporary ferry will run every twenty minutes between the two banks from next Monday.",
    ),
    "orchard": (
        "Growers in the Fallow valley expect the smallest apple harvest in thirty years after a late frost.",
        "The frost struck in the second week of April, when most orchards were already in blossom.",
        "The growers' association said yields could fall by half compared with an ordinary year.",
        "Several cider makers in the valley have already started buying apples from other regions.",
        "Agriculture officials said they would meet the growers next week to discuss emergency support.",
    ),
}


def _article(outlet: str, topic: str, n: int) -> dict[str, str]:
    sentences = list(_TOPICS[topic])
    sentences = sentences[n % len(sentences) :] + sentences[: n % len(sentences)]
    body = "\n\n".join(sentences)
    if outlet == "Harbour Gazette":
        body += "\n\n" + SIGN_OFF
    slug = outlet.lower().replace(" ", "-")
    return {
        "url": f"https://{slug}.example/{topic}/{n}",
        "title": f"{topic.title()} report number {n} from the {outlet}",
        "published": f"2025-04-{10 + n:02d}",
        "source": outlet,
        "text": body,
    }


def write_corpus(root: Path) -> tuple[list[Path], list[Path]]:
    """Write the corpus, one JSON Lines file per article; (first half, second half) of the files.

    Each half holds two of the Gazette's four articles, so neither half alone learns its sign-off.
    """
    plan = [
        ("Harbour Gazette", "bridge", 1), ("Valley Courier", "orchard", 2), ("Harbour Gazette", "orchard", 3),
        ("Valley Courier", "bridge", 4), ("Harbour Gazette", "bridge", 5), ("Elmsworth Post", "orchard", 6),
        ("Harbour Gazette", "orchard", 7), ("Elmsworth Post", "bridge", 8),
    ]  # fmt: skip
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for outlet, topic, n in plan:
        path = root / f"{outlet.split()[0].lower()}-{topic}-{n}.jsonl"
        path.write_text(json.dumps(_article(outlet, topic, n)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[:4], paths[4:]
