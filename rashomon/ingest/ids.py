"""Article ids: stable, short, readable, and unique within one run.

A file's id is its stem (`000_753c624fff789f02.txt` -> `000_753c624fff789f02`) so that users
recognise their own files in the brief; a record inside a WARC or feed gets a slug of its URL
plus a hash of the whole URL, which stays the same however often the crawl is re-read.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import PurePath
from urllib.parse import urlsplit

_COMPRESSED = (".gz", ".gzip")
_SLUG_RE = re.compile(r"[^a-z0-9]+")


def id_from_path(path: str) -> str:
    """File stem without compression and format suffixes: `a/b.html.gz` -> `b`."""
    name = PurePath(path).name
    for suffix in _COMPRESSED:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    stem = PurePath(name).stem if "." in name.strip(".") else name
    return stem or "article"


def id_from_url(url: str) -> str:
    """`host-last-path-words-<8 hex>`: readable yet unique per URL."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = host[4:] if host.startswith("www.") else host
    words = [w for w in parts.path.split("/") if w]
    last = words[-1] if words else ""
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", last.lower())
    slug = _SLUG_RE.sub("-", f"{host} {last}".lower()).strip("-")[:48].strip("-")
    digest = hashlib.sha1(url.encode("utf-8", errors="replace")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


class IdRegistry:
    """Hands out unique ids: a derived id that is taken gets `-2`, `-3`, ... appended."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._stems: dict[str, str] = {}

    def know_files(self, files: Iterable[str]) -> None:
        """Settle which of several files with one name gets the plain stem, before reading any.

        Two `index.html` in two folders are `index` and `index-2`. Handing these out in reading
        order made them swap when the arguments were given in another order, so they are handed
        out in the order of the files' absolute paths instead. Within one input directory that
        is the order it is walked in, so its ids are what they always were.
        """
        rehearsal = IdRegistry()
        for where in sorted(set(files), key=lambda where: PurePath(os.path.abspath(where)).parts):
            self._stems[where] = rehearsal.claim_derived(id_from_path(where))

    def stem(self, where: str, name: str | None = None) -> str:
        """The id the file at `where` (named `name`) wants; its records' ids derive from it.

        A file `know_files` was told about gets the id settled there; any other its stem.
        """
        return self._stems.get(where) or id_from_path(name or where)

    def claim_derived(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self._taken.add(candidate)
        return candidate

    def claim_exact(self, wanted: str) -> bool:
        """Take an id given by the input itself; False when it is already taken."""
        if wanted in self._taken:
            return False
        self._taken.add(wanted)
        return True
