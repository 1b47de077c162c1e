"""The web UI and JSON API over a store: `create_app(store_path)`; `rashomon serve` runs it."""

from rashomon.web.app import create_app

__all__ = ["create_app"]
