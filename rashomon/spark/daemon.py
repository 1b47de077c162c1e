"""PySpark's Python worker daemon, with Rashomon's stages imported and warmed up before it forks.

PySpark forks one Python worker per concurrent task from a daemon process. Importing the stages
(trafilatura, scikit-learn, language models) and loading their lazy models costs seconds, and
every worker would pay it on its first task of every stage. Done once here, before the fork,
the workers inherit it (copy-on-write). Enabled by `spark.python.daemon.module` (see
`session.py`); a failure here only costs the warm-up, never the job.
"""

from __future__ import annotations

import importlib
import logging

from pyspark import daemon

STAGE_MODULES = (
    "rashomon.ingest",
    "rashomon.clean",
    "rashomon.provenance",
    "rashomon.stories",
    "rashomon.annotate",
    "rashomon.brief",
    "rashomon.brief.claims",
    "rashomon.brief.entities",
    "rashomon.brief.claims.ledger",
    "rashomon.brief.quotes",
    "rashomon.brief.summary",
    "rashomon.brief.timeline",
    "rashomon.pipeline",
)

_WARM_UP_TEXT = (
    "The city council of Brellin voted on Monday to close the old ferry terminal by June, the "
    "mayor said, after inspectors found cracks in the main pier.\n\n"
    '"We cannot take risks with passengers," the mayor told reporters, adding that about 300 '
    "people use the terminal every day."
)


def warm_up() -> None:
    """Import every stage and run one tiny article through them, loading lazy models."""
    for name in STAGE_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as error:  # a stage still being written: its tasks will say so
            logging.getLogger(__name__).warning("not preloaded: %s (%s)", name, error)
    try:
        from rashomon.config import Config
        from rashomon.pipeline import analyse, clean_batch
        from rashomon.records import RawArticle

        raw = RawArticle(id="warm-up", path="warm-up", text=_WARM_UP_TEXT, published="2025-03-10")
        articles, rejected = clean_batch([raw], Config())
        analyse(articles, rejected, Config())
    except Exception as error:  # noqa: BLE001 - the warm-up is an optimisation, never a failure
        logging.getLogger(__name__).warning("warm-up skipped: %s", error)


if __name__ == "__main__":
    warm_up()
    daemon.manager()
