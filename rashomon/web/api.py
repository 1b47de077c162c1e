"""The JSON API under /api: the twin of every page, read from the same store functions.

Handlers return `JSONResponse(to_dict(...))` themselves: the records are already plain data, so
FastAPI's re-validation would only cost time; `response_model` still publishes their schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from rashomon.config import Config
from rashomon.records import StoryBrief, to_dict
from rashomon.store import (
    ArticleView,
    Facets,
    SearchResult,
    StaleBrief,
    Store,
    StoryFilter,
    StoryPage,
    StoryUpdates,
    since_stamp,
    story_filter,
)
from rashomon.store.queries import DAY_PATTERN, SINCE_PATTERN
from rashomon.web.adding import AddResponse, BadUpload, PipelineMissing
from rashomon.web.cache import ResponseCache

MAX_PAGE = 100_000
MAX_PER_PAGE = 100
MAX_QUERY_CHARS = 500
# Only content types a browser cannot send cross-site without a CORS preflight (which this server
# never grants): a hostile page cannot make a visitor's local server add articles (CSRF).
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines", "application/json")


@dataclass(slots=True, frozen=True)
class Problem:
    """The body of every 4xx/5xx answer."""

    detail: str


@dataclass(slots=True)
class LiveStoryBrief(StoryBrief):
    """A story's brief and `updates`: when the store received each of its articles (the schema of
    `/api/stories/{id}`; the brief's fields stay at the top level, as before)."""

    updates: StoryUpdates | None = None


_ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such item"}}
# Blank is allowed: an HTML form sends its empty fields.
_DAY = f"^({DAY_PATTERN[1:-1]})?$"
_SINCE = f"^({SINCE_PATTERN[1:-1]})?$"
_SINCE_HELP = "Only what changed after this time (ISO date or time; UTC unless it has an offset)"


def _invalid(name: str, error: ValueError) -> RequestValidationError:
    """A bad value found after FastAPI's own checks, reported the same way (422, JSON or page)."""
    return RequestValidationError([{"loc": ("query", name), "msg": str(error), "type": "value_error"}])


def list_filter(
    since: str | None = Query(None, max_length=40, pattern=_SINCE, description=_SINCE_HELP),
    date_from: str | None = Query(None, alias="from", pattern=_DAY, description="An article published on or after"),
    date_to: str | None = Query(None, alias="to", pattern=_DAY, description="An article published on or before"),
    language: str | None = Query(None, max_length=35, description="An article in this language (ISO code)"),
    outlet: str | None = Query(None, max_length=200, description="An article from this outlet (exact name)"),
) -> StoryFilter:
    """The story list's filters, shared by the page and the API; blank values are no filter."""
    try:
        return story_filter(since, date_from, date_to, language, outlet)
    except ValueError as error:
        raise _invalid("since", error) from error  # the dates' pattern was checked by FastAPI


def since_param(since: str | None = Query(None, max_length=40, pattern=_SINCE, description=_SINCE_HELP)) -> str | None:
    """A story's `since`, as a stored stamp (None when absent or blank)."""
    if not since or not since.strip():
        return None
    try:
        return since_stamp(since)
    except ValueError as error:
        raise _invalid("since", error) from error


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _cached(request: Request, render: Callable[[], Response]) -> Response:
    cache: ResponseCache = request.app.state.cache
    return cache.respond(request, _store(request), render)


router = APIRouter(prefix="/api", tags=["api"])


@router.get("/stories", response_model=StoryPage, summary="Stories, last updated first, filtered")
def list_stories(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(20, ge=1, le=MAX_PER_PAGE),
    story_filter: StoryFilter = Depends(list_filter),
) -> Response:
    return _cached(request, lambda: JSONResponse(to_dict(_store(request).stories(page, per_page, story_filter))))


@router.get("/facets", response_model=Facets, summary="The story list's filter choices and the latest update")
def list_facets(request: Request) -> Response:
    return _cached(request, lambda: JSONResponse(to_dict(_store(request).facets())))


@router.get(
    "/stories/{story_id:path}",
    response_model=LiveStoryBrief,
    responses=_ERRORS,
    summary="One story's brief, with when each article came (and which came after `since`)",
)
def get_story(request: Request, story_id: str, since: str | None = Depends(since_param)) -> Response:
    def render() -> Response:
        store = _store(request)
        story = store.story(story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return JSONResponse({**to_dict(story), "updates": to_dict(store.story_updates(story.id, since))})

    return _cached(request, render)


@router.get(
    "/articles/{article_id:path}",
    response_model=ArticleView,
    responses=_ERRORS,
    summary="One article with the sentences it shares with others",
)
def get_article(request: Request, article_id: str) -> Response:
    def render() -> Response:
        view = _store(request).article(article_id)
        if view is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return JSONResponse(to_dict(view))

    return _cached(request, render)


@router.get("/search", response_model=SearchResult, summary="Full-text search over titles and bodies")
def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=MAX_QUERY_CHARS),
    limit: int = Query(20, ge=1, le=MAX_PER_PAGE),
) -> JSONResponse:
    return JSONResponse(to_dict(_store(request).search(q, limit)))


_JSONL_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-ndjson": {
                "schema": {"type": "string", "description": "One JSON object (an article) per line"},
                "example": '{"id": "x1", "source": "Example Times", "published": "2026-01-02", '
                '"title": "A title", "text": "The text of the article, a few sentences long."}\n',
            }
        },
    }
}


@router.post(
    "/articles",
    response_model=AddResponse,
    status_code=200,
    summary="Add articles (JSON Lines) and re-brief the store; only with --allow-add",
    openapi_extra=_JSONL_BODY,
    responses={
        400: {"model": Problem, "description": "Malformed JSON Lines"},
        403: {"model": Problem, "description": "Server is read-only"},
        413: {"model": Problem, "description": "Body too large"},
        415: {"model": Problem, "description": "Body is not declared as JSON Lines"},
        503: {"model": Problem, "description": "Pipeline not available, or other writers kept the store busy"},
    },
)
async def add_articles(request: Request) -> JSONResponse:
    if not request.app.state.allow_add:
        raise HTTPException(403, "this server is read-only; start it with --allow-add to add articles")
    declared = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if declared not in JSONL_TYPES:
        got = declared or "none"
        raise HTTPException(415, f"send JSON Lines with Content-Type: {JSONL_TYPES[0]} (got {got})")
    body = await request.body()
    config: Config = request.app.state.config
    try:
        # The pipeline is CPU-bound and synchronous: the Adder runs it in a worker process.
        result = await request.app.state.adder.add(body, config)
    except BadUpload as error:
        raise HTTPException(400, str(error)) from error
    except (PipelineMissing, StaleBrief) as error:
        raise HTTPException(503, str(error)) from error
    return JSONResponse(to_dict(result))
