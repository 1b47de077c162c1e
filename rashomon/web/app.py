"""`create_app`: the FastAPI application over one store.

Static files are two named routes reading bytes loaded at start-up from the package's own
`static/` folder: there is no route whose parameter becomes a file path, so no request can reach
a file outside the store.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from rashomon import __version__
from rashomon.config import Config
from rashomon.store import Store
from rashomon.web import api, pages
from rashomon.web.adding import Adder, add_inputs
from rashomon.web.cache import ResponseCache
from rashomon.web.guard import RequestGuard

STATIC = Path(__file__).resolve().parent / "static"
# JSON Lines of a few thousand articles fit; anything bigger is a batch job for `rashomon brief`.
MAX_BODY_BYTES = 5 * 1024 * 1024
_STATIC_TYPES = {"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"


class AddingRefused(RuntimeError):
    """Adding was asked for on a store where concurrent adds could not be made safe."""


def create_app(
    store_path: str,
    allow_add: bool = False,
    inputs: Sequence[str] = (),
    config: Config | None = None,
    allowed_hosts: Sequence[str] = (),
    body_timeout: float | None = None,
) -> FastAPI:
    """The web UI and JSON API over the store at `store_path`.

    `inputs` (files or directories) are ingested into the store and briefed before serving;
    `allow_add` enables POST /api/articles, the only route that writes. `allowed_hosts`, when
    given, are the only Host headers answered: a server on loopback lists its loopback names so
    a DNS-rebinding page cannot talk to it under a name of its own. `body_timeout` is the time
    a client may take to send a request body (408 after it; `serve` sets it).
    """
    config = config or Config()
    app = FastAPI(
        title="Rashomon",
        version=__version__,
        description="Stories, briefs, claims, quotes and provenance from a Rashomon store.",
        docs_url=None,  # the Swagger page loads scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.store = _open_store(store_path, allow_add, inputs, config)
    app.state.allow_add = allow_add
    app.state.config = config
    app.state.cache = ResponseCache()
    app.state.adder = Adder(app.state.store)
    app.router.on_shutdown.append(app.state.adder.close)
    _add_static(app)
    _add_error_pages(app)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_middleware(RequestGuard, max_body_bytes=MAX_BODY_BYTES, body_timeout=body_timeout)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


def _open_store(store_path: str, allow_add: bool, inputs: Sequence[str], config: Config) -> Store:
    """The store, after adding `inputs`; read-only (SQLite refuses writes) unless adding is allowed.

    With adding allowed, one write is tried at once (and rolled back), so a store that cannot be
    written fails at start-up with a clear message rather than on the first POST.
    """
    if inputs:
        writer = Store.open(store_path)
        add_inputs(writer, list(inputs), config)
        writer.close()
    store = Store.open(store_path, read_only=not allow_add)
    if allow_add:
        try:
            store.check_writable()
        except sqlite3.Error as error:
            raise AddingRefused(f"--allow-add needs a writable store; {store_path}: {error}") from error
    return store


def _add_static(app: FastAPI) -> None:
    static = {name: (STATIC / name).read_bytes() for name in _STATIC_TYPES}

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:
            raise HTTPException(404, "no such static file")
        headers = {"cache-control": "max-age=3600"}
        return Response(static[name], media_type=_STATIC_TYPES[name], headers=headers)


def _add_error_pages(app: FastAPI) -> None:
    """HTML error pages for browsers; the API keeps FastAPI's JSON errors."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if _wants_html(request) and error.status_code == 404:
            return pages.not_found(str(error.detail))
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        if not _wants_html(request):
            return await request_validation_exception_handler(request, error)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in error.errors()
        )
        message = problems or "invalid request"
        return pages.render("error.html", status=422, title="Bad request", message=message)


def app_from_environment() -> FastAPI:
    """The app for `uvicorn --factory rashomon.web.app:app_from_environment` (several workers).

    Worker processes import the app by name, so the store path comes from `RASHOMON_STORE`, and
    `RASHOMON_ALLOW_ADD=1` enables adding. Adding with several workers is safe: a worker saves
    its re-brief only if the store's revision is unchanged since it read the articles, checked
    inside SQLite's write lock, which all processes share through the file; otherwise it
    re-briefs (`rashomon.adding`). Where that cannot hold, adding is refused: an in-memory store
    (each worker would have its own) or a store that cannot be written. (SQLite's locks also need
    a local filesystem: do not put a store written by several workers on NFS.)
    """
    store_path = os.environ["RASHOMON_STORE"]
    allow_add = os.environ.get("RASHOMON_ALLOW_ADD") == "1"
    if allow_add and store_path == ":memory:":
        raise AddingRefused("RASHOMON_ALLOW_ADD=1 needs a store file: each worker would add to its own memory")
    return create_app(store_path, allow_add=allow_add)
