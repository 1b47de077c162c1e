"""The server-rendered pages: story list, story, article, search.

Templates are rendered by one Jinja environment with autoescaping always on (not chosen by file
extension), so every article-derived string is escaped wherever it lands, SVG included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from rashomon.config import WebConfig
from rashomon.store import Facets, Store, StoryFilter, StoryPage
from rashomon.web.api import MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, list_filter, since_param
from rashomon.web.cache import ResponseCache
from rashomon.web.story_view import build_story_view, safe_url

TEMPLATES = Path(__file__).resolve().parent / "templates"
PER_PAGE = 20


def _percent(value: float | None) -> str:
    return "" if value is None else f"{round(100 * value)}%"


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _when(stamp: str | None) -> str:
    """A stored UTC stamp as people read it, to the second ("2026-03-01 08:00:05 UTC")."""
    return "" if not stamp else f"{stamp[:10]} {stamp[11:19]} UTC"


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Path segments for our own links: quote everything, "/" included, so an id cannot add segments.
    env.filters["seg"] = lambda value: quote(str(value), safe="")
    env.filters["pct"] = _percent
    env.filters["num"] = _number
    env.filters["safe_url"] = safe_url
    env.filters["when"] = _when
    return env


ENV = make_environment()


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status)


def not_found(what: str) -> HTMLResponse:
    return render("error.html", status=404, title="Not found", message=what)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _cached(request: Request, render: Callable[[], Response]) -> Response:
    cache: ResponseCache = request.app.state.cache
    return cache.respond(request, _store(request), render)


_HTML_ERROR = {"content": {"text/html": {"schema": {"type": "string"}}}}
_PAGE_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such page (HTML)", **_HTML_ERROR},
    422: {"description": "Bad query parameters (HTML)", **_HTML_ERROR},
}
router = APIRouter(tags=["pages"], responses=_PAGE_ERRORS)


def list_url(story_filter: StoryFilter, page: int = 1, per_page: int = PER_PAGE) -> str:
    """The list's address for these filters and page, with only the parameters that are set."""
    names = {"date_from": "from", "date_to": "to"}
    query = {names.get(k, k): v for k, v in asdict(story_filter).items() if v}
    if page > 1:
        query["page"] = str(page)
    if per_page != PER_PAGE:
        query["per_page"] = str(per_page)
    return "/?" + urlencode(query) if query else "/"


def _pager(listing: StoryPage) -> dict[str, Any]:
    pages = max(1, -(-listing.total // listing.per_page))
    at = listing.page

    def url(page: int) -> str:
        return list_url(listing.filter, page, listing.per_page)

    return {
        "pages": pages,
        "prev_url": url(at - 1) if at > 1 else None,
        "next_url": url(at + 1) if at < pages else None,
    }


def _facets(request: Request) -> Facets:
    """The filters' choices, computed once per store revision (they scan the articles' indexes,
    and every filtered or paged URL of the list would otherwise compute them anew)."""
    store = _store(request)
    revision = store.revision()
    cached: tuple[int, Facets] | None = getattr(request.app.state, "facets", None)
    if cached is None or cached[0] != revision:
        cached = (revision, store.facets())
        request.app.state.facets = cached
    return cached[1]


@router.get("/", response_class=HTMLResponse, summary="Story list page")
def story_list(
    request: Request,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE),
    story_filter: StoryFilter = Depends(list_filter),
) -> Response:
    def page_html() -> Response:
        listing = _store(request).stories(page, per_page, story_filter)
        facets = _facets(request)
        since_now = list_url(StoryFilter(since=facets.latest)) if facets.latest else None
        return render(
            "stories.html", title="Stories", listing=listing, facets=facets, since_now=since_now, **_pager(listing)
        )

    return _cached(request, page_html)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse, summary="Story page")
def story_page(request: Request, story_id: str, since: str | None = Depends(since_param)) -> Response:
    return _cached(request, lambda: _story_html(_store(request), story_id, request.app.state.config.web, since))


def _story_html(store: Store, story_id: str, config: WebConfig, since: str | None) -> Response:
    brief = store.story(story_id)
    if brief is None:
        return not_found(f"No story {story_id!r}.")
    updates = store.story_updates(brief.id, since)
    cited = [*brief.summary.short.citations, *(a for c in brief.summary.long for a in c.citations)]
    ids = list(dict.fromkeys([*brief.articles, *cited, *(a for e in brief.timeline for a in e.citations)]))
    infos = store.article_infos(ids)
    sources = {aid: (infos[aid].source if aid in infos else store.source_of(aid)) for aid in ids}
    view = build_story_view(brief, infos, sources, store.sentences, config)
    added = {a.article_id: a for a in updates.articles}
    return render("story.html", title=brief.title or brief.id, view=view, story=brief, updates=updates, added=added)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse, summary="Article page")
def article_page(request: Request, article_id: str) -> Response:
    return _cached(request, lambda: _article_html(_store(request), article_id))


def _article_html(store: Store, article_id: str) -> Response:
    view = store.article(article_id)
    if view is None:
        return not_found(f"No article {article_id!r}.")
    copied = {c.index: c for c in view.copied_from}
    copied_by: dict[int, list[Any]] = {}
    for c in view.copied_by:
        copied_by.setdefault(c.index, []).append(c)
    paragraphs: dict[int, list[Any]] = {}
    for sentence in view.article.sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    return render(
        "article.html",
        title=view.article.title or view.article.id,
        view=view,
        article=view.article,
        paragraphs=[paragraphs[k] for k in sorted(paragraphs)],
        copied=copied,
        copied_by=copied_by,
    )


@router.get("/search", response_class=HTMLResponse, summary="Search page")
def search_page(request: Request, q: str = Query("", max_length=MAX_QUERY_CHARS)) -> HTMLResponse:
    result = _store(request).search(q) if q.strip() else None
    return render("search.html", title="Search", q=q, result=result)
