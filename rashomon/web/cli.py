"""`serve`: run the web app with uvicorn; `rashomon serve` in `rashomon/cli.py` calls this."""

from __future__ import annotations

import uvicorn

from rashomon.config import Config
from rashomon.web.app import create_app

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def serve(
    store_path: str, host: str = "127.0.0.1", port: int = 8000, allow_add: bool = False, config: Config | None = None
) -> None:
    """Serve the store on host:port until interrupted (loopback only unless `host` says otherwise).

    On a loopback address only loopback Host headers are answered (see `create_app`); on any
    other address the operator chose to be reachable, so every Host is accepted.
    """
    allowed = LOOPBACK if host in LOOPBACK else ()
    app = create_app(store_path, allow_add=allow_add, allowed_hosts=allowed, config=config)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
