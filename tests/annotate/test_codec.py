"""A stored reading decodes to the reading `annotate` gives: the demo's and the seeds' articles."""

from __future__ import annotations

import pytest
from repo_paths import DEMO, SEEDS

from rashomon import pipeline
from rashomon.annotate import annotate
from rashomon.annotate.codec import decode, encode
from rashomon.config import Config


@pytest.mark.parametrize("corpus", [DEMO, SEEDS])
def test_readings_round_trip(corpus: object) -> None:
    if not corpus.exists():  # type: ignore[attr-defined]
        pytest.skip(f"{corpus} is absent")
    config = Config()
    articles = pipeline.run(corpus).articles  # type: ignore[arg-type]
    readings = [annotate(a, config.brief.quotes, config.limits) for a in articles]
    assert any(r.quotes for r in readings) and any(s.figures and s.dates for r in readings for s in r.sentences)
    for article, reading in zip(articles, readings, strict=True):
        assert decode(encode(reading), article) == reading
