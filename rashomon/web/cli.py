"""`serve`: run the web app with uvicorn; `rashomon serve` in `rashomon/cli.py` calls this."""

from __future__ import annotations

import uvicorn

from rashomon.web.app import create_app


def serve(store_path: str, host: str = "127.0.0.1", port: int = 8000, allow_add: bool = False) -> None:
    """Serve the store on host:port until interrupted (loopback only unless `host` says otherwise)."""
    app = create_app(store_path, allow_add=allow_add)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
