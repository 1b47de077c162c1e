"""`serve`: run the web app with uvicorn; `rashomon serve` in `rashomon/cli.py` calls this."""

from __future__ import annotations

from typing import Any

import uvicorn

from rashomon.config import Config
from rashomon.web.app import create_app
from rashomon.web.protocol import ServerLimits, guarded_protocol

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def serve(
    store_path: str, host: str = "127.0.0.1", port: int = 8000, allow_add: bool = False, config: Config | None = None
) -> None:
    """Serve the store on host:port until interrupted (loopback only unless `host` says otherwise).

    On a loopback address only loopback Host headers are answered (see `create_app`); on any
    other address the operator chose to be reachable, so every Host is accepted. Slow clients
    are cut off and connections capped (`protocol.ServerLimits`).
    """
    allowed = LOOPBACK if host in LOOPBACK else ()
    limits = ServerLimits()
    app = create_app(
        store_path, allow_add=allow_add, allowed_hosts=allowed, config=config, body_timeout=limits.body_timeout
    )
    uvicorn.run(app, **server_options(limits), host=host, port=port, log_level="warning", access_log=False)


def server_options(limits: ServerLimits) -> dict[str, Any]:
    """uvicorn's settings for `limits`: the guarded protocol, and its idle keep-alive timeout."""
    return {"http": guarded_protocol(limits), "timeout_keep_alive": limits.keep_alive_timeout}
