"""A small in-memory cache of rendered responses, keyed by URL and the store's revision.

Pages are pure functions of the store, and the store says when it changed (`Store.revision`),
so a cached body is valid exactly as long as the revision it was rendered at. Rendering a story
page (citations resolved against every cited article's sentences, the graph laid out) costs
milliseconds; serving it from here costs one SQLite lookup.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import Response

from rashomon.store import Store

# Enough for every page of a large store's first pages; bodies are ~10-100 kB, so <= ~50 MB.
MAX_ENTRIES = 512


@dataclass(slots=True, frozen=True)
class _Entry:
    revision: int
    body: bytes
    media_type: str


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def respond(self, request: Request, store: Store, render: Callable[[], Response]) -> Response:
        """The cached response for this URL if the store has not changed since, else a fresh one.

        Only 200 responses are kept: error pages are cheap, and keeping them would let a crawler
        of missing ids evict the pages people read.
        """
        key = request.url.path + "?" + request.url.query
        with store.snapshot():  # the revision and everything rendered come from one state
            revision = store.revision()
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None and entry.revision == revision:
                    self._entries.move_to_end(key)
                    return Response(entry.body, media_type=entry.media_type)
            response = render()
        if response.status_code == 200 and response.media_type:
            with self._lock:
                self._entries[key] = _Entry(revision, bytes(response.body), response.media_type)
                self._entries.move_to_end(key)
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return response
