"""uvicorn's HTTP protocol with a deadline for request headers and a cap on open connections.

uvicorn times out idle keep-alive connections, but not a request whose headers never finish: a
client sending them a byte at a time holds a connection (and a file descriptor) for ever, and a
few thousand such clients exhaust the descriptors so that real requests are reset. Here each
request's headers must arrive within `header_timeout` seconds of its first byte (or of the
connection opening), and connections beyond `max_connections` are closed as they open. The body
has its own deadline, in `guard.RequestGuard`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


@dataclass(slots=True, frozen=True)
class ServerLimits:
    """What one client may hold of the server."""

    # A browser or curl sends its headers in one packet; 10 s covers a slow mobile link.
    header_timeout: float = 10.0
    # A 5 MB body (`app.MAX_BODY_BYTES`) at 1 Mbit/s takes 40 s.
    body_timeout: float = 60.0
    # Far below the usual 20,000-descriptor limit, far above what a store's readers need.
    max_connections: int = 2048
    # uvicorn's default: an idle keep-alive connection is closed after 5 s.
    keep_alive_timeout: int = 5


def guarded_protocol(limits: ServerLimits) -> type[HttpToolsProtocol]:
    """The protocol class for `uvicorn.run(http=...)`, enforcing `limits`."""

    class GuardedProtocol(HttpToolsProtocol):
        _header_deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > limits.max_connections:
                transport.abort()
                return
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()  # a keep-alive connection's next request: its headers get a deadline too

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            if self._header_deadline is None:
                self._header_deadline = self.loop.call_later(limits.header_timeout, self._headers_too_slow)

        def _disarm(self) -> None:
            if self._header_deadline is not None:
                self._header_deadline.cancel()
                self._header_deadline = None

        def _headers_too_slow(self) -> None:
            self._header_deadline = None
            if not self.transport.is_closing():
                self.transport.abort()

    return GuardedProtocol
