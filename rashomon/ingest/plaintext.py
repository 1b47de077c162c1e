"""Plain text files: one article per file, as pasted or crawled (title line, dateline, crawl line).

Nothing is interpreted here: the title, the ` date YYYY-MM-DD` crawl line and the dateline are
read by cleaning, which sees every format's text the same way.
"""

from __future__ import annotations

from rashomon.ingest.build import from_text
from rashomon.records import RawArticle, Rejected


def read_plaintext(text: str, path: str, article_id: str) -> RawArticle | Rejected:
    return from_text(text, article_id=article_id, path=path, fmt="txt")
