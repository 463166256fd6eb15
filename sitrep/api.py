"""Serve stage: a JSON HTTP API (with OpenAPI) and the web page over a Store.

`create_app(store_target)` builds the FastAPI app that `sitrep serve` runs with uvicorn.

    GET  /api/articles             stored reports (since, until, source; paged)
    GET  /api/articles/{id}        one report with its full extraction (contract JSON)
    POST /api/articles             ingest a report (text/plain, text/html or JSON): its extraction
    GET  /api/events|figures|quotes|places|actors|sources|times
                                   items with filters place, bbox, since, until, type,
                                   category, actor, source, certainty, timing, min_confidence,
                                   article_id; paging (limit, offset) and sorting (sort=field
                                   or -field). Events default to what reports claim happened
                                   (asserted/claimed, not generic, confidence >= 0.5)
    GET  /api/incidents            fused events, one per incident (the map's default layer);
                                   /api/incidents/{id} one with every report's mention
    GET  /api/series, /api/control figure series by place/category/period; the control timeline
    GET  /api/timeline             items per day (the page's date brush)
    GET  /api/stats, /api/search   counts; full-text search
    GET  /api/situation            the fused situation of a place (containment: a country holds its cities)
    GET  /api/openapi.json         the OpenAPI description of all of the above
    GET  /                         the page: map, timeline, filters, table, evidence view

Security, because everything in a report is untrusted:
- writes need `Authorization: Bearer <token>` with the operator's token (SITREP_API_TOKEN):
  401 without it or with a wrong one, 403 when no token is configured (writes disabled);
  reads too when `read_token_required` (SITREP_API_READ_TOKEN=1);
- request bodies are capped (413), whatever Content-Length claims;
- the store only ever binds user values as parameters; the page inserts report text with
  textContent, never as markup, and every response carries a strict Content-Security-Policy
  (scripts, styles and images from this origin only; no inline script), so a `<script>`
  or `onerror=` that slipped through would not run. Swagger UI is left off: it loads its
  assets from a CDN.
"""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hmac
import inspect
import ipaddress
import json
import logging
import os
import re
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .config import redact
from .errors import InputError, QueryError, SitrepError, StoreDamaged, StoreError, StoreReadOnly, StoreUnavailable
from .fuse.common import event_family
from .models import ITEM_KINDS
from .query import EventFilter, place_scope
from .store import POOL_SIZE, PoolTimeout, Store

WEB_DIR = Path(__file__).parent / "web"
DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes; a long report is ~100 kB of HTML
MAX_LIMIT = 5000
MAX_OFFSET = 10_000_000  # past every row of any store; an offset beyond 2**63 was a 500
QUERY_TIMEOUT = 10.0  # seconds a statement may run for the API (then 503)
MAX_SEARCHES = 4  # full-text searches at once; more wait up to SEARCH_WAIT s, then 429
SEARCH_WAIT = 2.0
MAX_PENDING_WRITES = 64  # POSTs being extracted or queued for it; more get 503
RETRY_AFTER = "5"
WORKER_NICENESS = 10  # extraction workers' `nice` increment (Linux: 0 normal, 19 lowest)
LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1", "[::1]", "testserver"]
log = logging.getLogger("sitrep.api")
# Incidents come in compact rows (~300 bytes): the map loads a whole selection at once.
INCIDENT_LIMIT = 20000

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

class Problem(BaseModel):
    """Every error but a 422: what went wrong, and for a 500 the id of its log line."""
    detail: str
    error_id: str | None = None


_PROBLEM: dict[str, Any] = {"model": Problem}
READ_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _PROBLEM, 404: _PROBLEM, 429: _PROBLEM, 500: _PROBLEM, 503: {**_PROBLEM, "description": "Retry after the "
                                                                        "Retry-After header's seconds"}}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **READ_RESPONSES, 200: {"description": "The same text was already stored"}, 400: _PROBLEM, 403: _PROBLEM,
    413: _PROBLEM, 415: _PROBLEM}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _token_ok(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def _unauthorized(msg: str) -> HTTPException:
    return HTTPException(401, msg, headers={"WWW-Authenticate": "Bearer"})


def invalid(loc: list[str], msg: str) -> HTTPException:
    """A 422 naming the field, shaped like FastAPI's own validation errors (one schema for
    every 422 the API answers)."""
    return HTTPException(422, [{"loc": loc, "msg": msg, "type": "value_error"}])


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise invalid(["query", name], f"expected an ISO date YYYY[-MM[-DD]], got {value[:40]!r}")
    return value


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise invalid(["query", "bbox"], "expected four numbers west,south,east,north") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180 and west <= east):
        raise invalid(["query", "bbox"], "expected west,south,east,north in degrees, south <= north, west <= east")
    return west, south, east, north


def _page(items: list, limit: int, offset: int) -> JSONResponse:
    """One page of a listing. Rows are plain JSON already: encoded directly (no per-field
    conversion pass, which cost more than the query on 100-row pages)."""
    return JSONResponse({"items": items, "limit": limit, "offset": offset,
                         "next_offset": offset + limit if len(items) == limit else None})


class Filters:
    """The query parameters every item listing accepts."""

    def __init__(self,
                 since: str | None = Query(None, max_length=10,
                                           description="Only items on or after this date (YYYY-MM-DD)"),
                 until: str | None = Query(None, max_length=10, description="Only items on or before this date"),
                 place: str | None = Query(None, max_length=200, description="Place name contains this"),
                 bbox: str | None = Query(None, max_length=100, description="west,south,east,north in degrees"),
                 type: str | None = Query(None, max_length=100,
                                             description="Event type, sub-event type or PLOVER code (events)"),
                 category: str | None = Query(None, max_length=50, description="Figure category (figures)"),
                 plover: str | None = Query(None, max_length=20, pattern=r"^[A-Za-z_]*$",
                                            description="PLOVER category (events, incidents)"),
                 mode: str | None = Query(None, max_length=32, pattern=r"^[A-Za-z_ -]*$",
                                          description="PLOVER mode: aerial, arrest, ceasefire, strike ... (events)"),
                 actor: str | None = Query(None, max_length=200,
                                              description="Actor 1 or 2 (events), speaker (quotes), name (actors)"),
                 source: str | None = Query(None, max_length=200, description="Who made the claim contains this"),
                 certainty: str | None = Query(None, max_length=120, description=(
                     "Certainties, comma-separated (asserted, claimed, hypothetical, future, planned, negated, "
                     "denied) or any; events default to asserted,claimed")),
                 timing: str | None = Query(None, max_length=60, description=(
                     "Timings, comma-separated (current, background, generic) or any; events default to "
                     "current,background")),
                 min_confidence: float | None = Query(None, ge=0, le=1, description=(
                     "Least event confidence (default 0.5; 0 lists every candidate; not computed passes)")),
                 article_id: str | None = Query(None, max_length=64, description="Items of one report"),
                 sort: str | None = Query(None, max_length=40, pattern=r"^-?[a-z_0-9]+$",
                                             description="Field to sort by; prefix - for descending"),
                 limit: int = Query(100, ge=1, le=INCIDENT_LIMIT,
                                    description=f"Rows a page: at most {MAX_LIMIT} ({INCIDENT_LIMIT} incidents)"),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET)):
        self.limit, self.offset, self.sort = limit, offset, sort
        self.store_filters = {k: v for k, v in {
            "since": _date(since, "since"), "until": _date(until, "until"), "place": place or None,
            "bbox": _bbox(bbox), "event_type": type or None, "category": category or None, "plover": plover or None,
            "mode": mode or None, "actor": actor or None, "source": source or None, "article_id": article_id or None,
        }.items() if v is not None}
        self._status = (certainty or None, timing or None, min_confidence)

    def status(self, kind: str) -> dict:
        """certainty/timing/min_confidence for `kind`: events (and incidents) default to what
        reports claim happened; other kinds filter on certainty only when asked."""
        certainty, timing, min_confidence = self._status
        try:
            if kind == "events":
                f = EventFilter.parse(certainty, timing, min_confidence)
                return {"certainty": f.certainty or None, "timing": f.timing or None,
                        "min_confidence": f.min_confidence}
            if timing is not None or min_confidence is not None:
                raise invalid(["query", "timing" if timing is not None else "min_confidence"],
                              f"timing and min_confidence apply to events, not {kind}")
            return {"certainty": EventFilter.parse(certainty or "any").certainty or None}
        except QueryError as exc:
            raise invalid(["query", str(exc).split()[0].strip(":")], str(exc)) from None

    def for_store(self, kind: str) -> dict:
        return {**self.store_filters, **self.status(kind)}

    def page_limit(self, most: int = MAX_LIMIT) -> int:
        if self.limit > most:
            raise invalid(["query", "limit"], f"at most {most}")
        return self.limit


async def filters(**params) -> Filters:
    """`Filters` as a coroutine dependency (FastAPI runs a class dependency in the thread
    pool, a hop that cost more than parsing its few parameters): the same parameters, read
    from `Filters.__init__`'s signature."""
    return Filters(**params)


_FILTER_PARAMS = inspect.signature(Filters.__init__, eval_str=True)
filters.__signature__ = _FILTER_PARAMS.replace(parameters=list(_FILTER_PARAMS.parameters.values())[1:])


def _body_limit_error(limit: int) -> HTTPException:
    return HTTPException(413, f"request body larger than {limit} bytes")


def is_loopback(host: str) -> bool:
    """True for a listening address only this machine can reach."""
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class SafeJSONResponse(JSONResponse):
    """Errors echo what the client sent, which may hold a lone surrogate: encoded as ASCII
    JSON escapes it, where UTF-8 encoding would fail (and the error become a 500)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":"), default=str).encode("ascii")


def _unavailable(exc: Exception) -> JSONResponse:
    return SafeJSONResponse({"detail": redact(exc)}, status_code=503, headers={"Retry-After": RETRY_AFTER})


def _install_error_handlers(app: FastAPI) -> None:
    """Client mistakes are 4xx naming the field; a store that cannot answer now is 503 with
    Retry-After; anything else is a bug: 500 with an id that the log line also carries
    (redacted), never the exception text."""
    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(_request: Request, exc: StoreUnavailable):
        return _unavailable(exc)

    @app.exception_handler(StoreDamaged)
    async def store_damaged(_request: Request, exc: StoreDamaged):
        return _unavailable(exc)

    @app.exception_handler(PoolTimeout)
    async def pool_exhausted(_request: Request, _exc: PoolTimeout):
        return _unavailable(StoreUnavailable("the store is busy: every connection is in use; retry later"))

    @app.exception_handler(StoreReadOnly)
    async def store_read_only(_request: Request, exc: StoreReadOnly):
        return SafeJSONResponse({"detail": redact(exc)}, status_code=403)

    @app.exception_handler(QueryError)
    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: SitrepError):
        msg = redact(exc).replace("--", "")  # CLI option names
        field = re.match(r"(\w+)(?::| does not apply)|cannot (sort)", msg)
        loc = ["query", field[1] or field[2]] if field else ["query"]
        return SafeJSONResponse({"detail": [{"loc": loc, "msg": msg, "type": "value_error"}]}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        return SafeJSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        return SafeJSONResponse({"detail": errors}, status_code=422)

    app.add_middleware(_BugBarrier)


class _BugBarrier:
    """Anything a handler raises that no handler above answered is a bug: a 500 with an id
    the log line also carries (redacted), never the exception text. Plain ASGI, as is
    `_SecurityHeaders`: Starlette's BaseHTTPMiddleware ran each request through a task
    group and a memory stream, and those two cost more than most queries."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)
        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - the one place a bug becomes a 500
            if started:
                raise
            error_id = uuid.uuid4().hex[:12]
            log.error("error %s on %s %s: %s", error_id, scope.get("method"), scope.get("path"), redact(repr(exc)),
                      exc_info=False)
            log.debug("error %s traceback", error_id, exc_info=True)
            response = SafeJSONResponse({"detail": "internal error", "error_id": error_id}, status_code=500)
            await response(scope, receive, send)


class _SecurityHeaders:
    """Every answer carries SECURITY_HEADERS (a handler's own value wins); API answers are
    never cached."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        api = scope["path"].startswith("/api/")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", []))
                headers = MutableHeaders(raw=message["headers"])
                for k, v in SECURITY_HEADERS.items():
                    headers.setdefault(k, v)
                if api:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)
        await self.app(scope, receive, send_with_headers)


class _Limits:
    """Concurrency limits of one app: searches at once (429 beyond, after a short wait) and
    reports being extracted or waiting for it (503 beyond)."""

    def __init__(self, max_searches: int, max_pending_writes: int):
        self.searches = threading.BoundedSemaphore(max_searches)
        self.max_pending_writes = max_pending_writes
        self.pending_writes = 0

    async def search_slot(self) -> bool:
        """Take a search slot, waiting up to SEARCH_WAIT s in the event loop (a waiting
        search holds no request thread, so it never delays other reads)."""
        deadline = time.monotonic() + SEARCH_WAIT
        while not self.searches.acquire(blocking=False):
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.02)
        return True


def _lifespan(extractor: _Extractor):
    """The server's start and stop: request threads capped at the pooled connections (a
    burst queues for a thread instead of timing out on the pool); extraction workers
    warmed in the background (reads are served at once, the first POSTs wait for it)."""
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        anyio.to_thread.current_default_thread_limiter().total_tokens = POOL_SIZE + POOL_SIZE // 2
        warming = asyncio.ensure_future(extractor.warm())
        yield
        warming.cancel()
        extractor.close()
    return lifespan


def create_app(store_target: str | Path | Store, token: str | None = None, read_token_required: bool = False,
               *, max_body: int = DEFAULT_MAX_BODY, trusted_hosts: list[str] | None = None,
               bind_host: str | None = None, extract_workers: int = 0, query_timeout: float = QUERY_TIMEOUT,
               max_searches: int = MAX_SEARCHES, max_pending_writes: int = MAX_PENDING_WRITES,
               read_only: bool | None = None) -> FastAPI:
    """The API and page over one store (a path, a URL or an open Store).

    token: the bearer token writes (and, with read_token_required, reads) must carry;
    None disables writes (403). max_body: largest request body accepted, in bytes.
    trusted_hosts: Host header values answered (others 400); by default the loopback
    names when `bind_host` is loopback, else any. extract_workers: processes extracting
    POSTed reports (0: a thread of this process, one report at a time). read_only: open
    the store read-only (None: $SITREP_READ_ONLY, or what the file or role allows).
    """
    if read_token_required and not token:
        raise SitrepError("read endpoints cannot require a token when none is set: set SITREP_API_TOKEN")
    store = store_target if isinstance(store_target, Store) else \
        Store(str(store_target), create=True, read_only=read_only, query_timeout=query_timeout, pool_size=POOL_SIZE)
    if token and not store.read_only:
        store.verify()  # writes enabled: a damaged file is refused before anything is written

    limits = _Limits(max_searches, max_pending_writes)
    extractor = _Extractor(extract_workers, store)

    app = FastAPI(title="sitrep", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", lifespan=_lifespan(extractor),
                  description="Sourced situation data extracted from conflict and crisis reports. "
                              "Every item carries the offsets and sentence of its evidence.")
    app.state.store = store
    app.state.extractor = extractor
    _install_error_handlers(app)
    # The base map's layers (~3 MB of JSON) and a map's worth of incidents travel compressed.
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=6)

    app.add_middleware(_SecurityHeaders)

    hosts = trusted_hosts or (LOOPBACK_NAMES if bind_host is not None and is_loopback(bind_host) else None)
    if hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)

    # The access checks are coroutines: a plain function dependency costs a hop to the
    # thread pool and back, on every request, for a comparison of two strings.
    async def read_access(request: Request) -> None:
        if read_token_required and not _token_ok(_bearer(request), token or ""):
            raise _unauthorized("this server requires a bearer token for reads")

    async def write_access(request: Request) -> None:
        if not token:
            raise HTTPException(403, "writes are disabled: the operator has set no SITREP_API_TOKEN")
        if store.read_only:
            raise HTTPException(403, "writes are disabled: the store is opened read-only")
        if not _token_ok(_bearer(request), token):
            raise _unauthorized("a valid bearer token is required to write")

    reads = [Depends(read_access)]
    _report_routes(app, store, reads, token)
    _item_routes(app, store, reads, limits)
    _fused_routes(app, store, reads)
    _write_routes(app, store, [Depends(write_access)], limits, extractor, max_body)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def _report_routes(app: FastAPI, store: Store, reads: list, token: str | None) -> None:
    """The store's counts and its reports."""
    @app.get("/api/stats", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def stats() -> dict:
        """How many articles and items of each kind the store holds."""
        return {"counts": store.counts(), "backend": store.dialect,
                "writes_enabled": bool(token), "situation": True}

    @app.get("/api/articles", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def list_articles(since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10),
                      source: str | None = Query(None, max_length=200),
                      limit: int = Query(100, ge=1, le=MAX_LIMIT),
                      offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> JSONResponse:
        """Stored reports, newest first."""
        rows = store.articles(since=_date(since, "since"), until=_date(until, "until"), source=source,
                              limit=limit, offset=offset)
        return _page(rows, limit, offset)

    @app.get("/api/articles/{article_id}", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def get_article(article_id: str) -> dict:
        """One report and its full extraction: the contract JSON, text included."""
        if len(article_id) > 64:
            raise HTTPException(404, "no such article")
        ex = store.extraction(article_id)
        if ex is None:
            raise HTTPException(404, "no such article")
        d = ex.to_dict()
        row = store.article(article_id) or {}
        d["article"]["supersedes"] = row.get("supersedes")
        d["article"]["ingested_at"] = row.get("ingested_at")
        d.pop("entities", None)
        d["article"].pop("fingerprint", None)
        return d


def _item_routes(app: FastAPI, store: Store, reads: list, limits: _Limits) -> None:
    """The item listings (one per kind), the timeline and full-text search."""
    def listing(kind: str):
        def list_items(f: Filters = Depends(filters)) -> JSONResponse:
            rows = store.items(kind, limit=f.page_limit(), offset=f.offset, order=f.sort, **f.for_store(kind))
            if kind == "events":  # the page colours mentions by family, as it does incidents
                for r in rows:
                    r["family"] = event_family(r.get("event_type"), r.get("plover"))
            if kind == "figures":
                for r, at in zip(rows, store.figure_coordinates(rows), strict=True):
                    r["lat"], r["lon"] = at if at else (None, None)
            return _page(rows, f.limit, f.offset)
        list_items.__name__ = f"list_{kind}"
        list_items.__doc__ = f"{kind.capitalize()} with their evidence, article and publisher; filtered and paged."
        return list_items

    for kind in ITEM_KINDS:
        app.get(f"/api/{kind}", dependencies=reads, tags=["read"], responses=READ_RESPONSES,
                name=f"list_{kind}")(listing(kind))

    @app.get("/api/timeline", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def timeline(kind: str = Query("events", pattern="^(events|figures)$"),
                 f: Filters = Depends(filters)) -> JSONResponse:
        """Items per day (their start date, else the publication date) under the same filters."""
        return JSONResponse({"kind": kind, "days": store.timeline(kind, **f.for_store(kind))})

    @app.get("/api/search", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    async def search(q: str = Query(..., min_length=1, max_length=500),
                     limit: int = Query(20, ge=1, le=200)) -> dict:
        """Full-text search over report titles and bodies (at most 12 different terms of at
        most 64 characters; 429 when too many searches run at once)."""
        if not await limits.search_slot():
            raise HTTPException(429, "too many searches at once: retry shortly", headers={"Retry-After": "1"})
        try:
            return {"items": await run_in_threadpool(store.search, q, limit=limit)}
        finally:
            limits.searches.release()


def _fused_routes(app: FastAPI, store: Store, reads: list) -> None:
    """What fusion made of the reports: incidents, figure series, control, the situation."""
    @app.get("/api/incidents", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def incidents(f: Filters = Depends(filters),
                  full: bool = Query(False, description="Every report's mention with each incident"),
                  columns: bool = Query(False, description="Rows as arrays under `columns` (half the bytes "
                                                           "of objects: the page loads whole selections)"),
                  ) -> JSONResponse:
        """Fused events, one per incident (the page's default layer), by date: filters place
        (containment), bbox, since, until, type (ACLED type, sub-type, PLOVER or family),
        certainty, timing, min_confidence (an incident passes when one of its reports does;
        default: what reports claim happened), plover and mode (the incident's consensus).
        Paged with limit and offset; `full` adds every report's mention (else the columns a
        map and a table show: ~300 bytes an incident)."""
        filters = {k: v for k, v in f.for_store("events").items()
                   if k not in ("category", "actor", "source", "article_id")}
        limit = f.page_limit(INCIDENT_LIMIT)
        rows = store.incidents(limit=limit, offset=f.offset, summary=not full, **filters)
        if columns and rows:
            names = list(rows[0])
            page = {"columns": names, "rows": [[r.get(k) for k in names] for r in rows], "limit": limit,
                    "offset": f.offset, "next_offset": f.offset + limit if len(rows) == limit else None}
            return JSONResponse(page)
        return _page(rows, limit, f.offset)

    @app.get("/api/incidents/{incident_id}", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def get_incident(incident_id: str = PathParam(..., max_length=64)) -> JSONResponse:
        """One incident with every report's mention (sentence, source, publisher, values)."""
        rec = store.incident(incident_id)
        if rec is None:
            raise HTTPException(404, "no such incident")
        return JSONResponse(rec)

    @app.get("/api/series", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def series(place: str | None = Query(None, max_length=200), category: str | None = Query(None, max_length=50),
               since: str | None = None, until: str | None = None) -> JSONResponse:
        """Figure series: per place, category and period every source's value and the consensus."""
        from .fuse import series_of
        rows = series_of(store, since=_date(since, "since"), until=_date(until, "until"), category=category)
        if place:
            scope = place_scope(place)
            rows = [r for r in rows if scope.holds_name(r.get("place"))]
        return JSONResponse({"items": [_with_point(r) for r in rows]})

    @app.get("/api/control", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def control(since: str | None = None, until: str | None = None) -> JSONResponse:
        """The control timeline: who held each place from when, with evidence."""
        from .fuse import control_of
        return JSONResponse({"items": control_of(store, since=_date(since, "since"), until=_date(until, "until"))})

    @app.get("/api/situation", dependencies=reads, tags=["read"], responses=READ_RESPONSES)
    def situation(place: str = Query(..., min_length=1, max_length=200, description="The place to summarise"),
                  since: str | None = Query(None, description="Start of the period (YYYY-MM-DD)"),
                  until: str | None = Query(None, description="End of the period"),
                  f: Filters = Depends(filters)) -> Any:
        """What happened in a place over a period: fused events (every report kept), figure
        series (each source's value, consensus range, contested flag) and control changes.
        Incidents default to what reports claim happened (certainty, timing, min_confidence)."""
        from .fuse.situation import situation

        sit = situation(store, place, since=_date(since, "since"), until=_date(until, "until"),
                        **f.status("events"))
        d = json.loads(json.dumps(dataclasses.asdict(sit), default=str))
        d["n_reports"] = sit.n_reports
        return d


def _write_routes(app: FastAPI, store: Store, writes: list, limits: _Limits, extractor: _Extractor,
                  max_body: int) -> None:
    """Ingesting a report."""
    @app.post("/api/articles", dependencies=writes, tags=["write"], status_code=201,
              responses=WRITE_RESPONSES,
              openapi_extra={"requestBody": {"required": True, "content": {
                  "text/plain": {"schema": {"type": "string"}},
                  "text/html": {"schema": {"type": "string"}},
                  "application/json": {"schema": {"type": "object", "properties": {
                      "text": {"type": "string"}, "html": {"type": "string"}, "title": {"type": "string"},
                      "published": {"type": "string"}, "source": {"type": "string"},
                      "url": {"type": "string"}, "id": {"type": "string"}}}}}}})
    async def post_article(request: Request, published: str | None = Query(None, max_length=40),
                           source: str | None = Query(None, max_length=500),
                           title: str | None = Query(None, max_length=2000),
                           url: str | None = Query(None, max_length=4000),
                           id: str | None = Query(None, max_length=500)) -> Response:
        """Ingest one report (plain text, HTML, or JSON with text|html and metadata) and return
        its extraction; 201 when new, 200 when the same text was already stored; 503 with
        Retry-After when too many reports wait for extraction or the store cannot be written."""
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_body:
            raise _body_limit_error(max_body)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_body:
                raise _body_limit_error(max_body)
            chunks.append(chunk)
        body = b"".join(chunks)
        article = _article_from_request(body, request.headers.get("content-type", "text/plain"),
                                        dict(published=published, source=source, title=title, url=url, id=id))
        if limits.pending_writes >= limits.max_pending_writes:
            raise HTTPException(503, "too many reports waiting for extraction: retry later",
                                headers={"Retry-After": RETRY_AFTER})
        limits.pending_writes += 1
        try:
            status, body = await extractor.ingest(article)
        finally:
            limits.pending_writes -= 1
        return Response(body, status_code=status, media_type="application/json")


def _version() -> str:
    from . import __version__
    return __version__


def _with_point(series: dict) -> dict:
    """A figure series with the gazetteer point of its place (lat/lon null when unknown)."""
    areas = place_scope(series["place"]).areas if series.get("place") else ()
    point = next(((a.lat, a.lon) for a in areas if a.lat is not None), (None, None))
    return {**series, "lat": point[0], "lon": point[1]}


def _article_from_request(body: bytes, content_type: str, meta: dict):
    """An Article from a POST body: plain text, HTML, or a JSON record (text|html + metadata)."""
    from .readers import article_from_html, article_from_record, article_from_text, parse_published, record_type_problem

    mime = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8 text") from None
    if not text.strip():
        raise invalid(["body"], "empty report")
    if meta.get("published"):
        try:
            meta["published"] = parse_published(meta["published"])
        except SitrepError as exc:
            raise invalid(["query", "published"], str(exc)) from None
    if mime == "application/json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise invalid(["body"], f"the JSON body does not parse: {exc.msg} at line {exc.lineno}") from None
        except RecursionError:
            raise invalid(["body"], "the JSON body is nested too deeply: send one flat object") from None
        if not isinstance(record, dict) or not any(isinstance(record.get(k), str) for k in ("text", "html")):
            raise invalid(["body"], "the JSON body must be an object with a 'text' or 'html' string")
        problem = record_type_problem(record)
        if problem:
            raise invalid(["body", problem.split("'")[1]], problem)
        for k in ("title", "published", "source", "url", "id"):
            if meta.get(k) is not None:
                record[k] = meta[k]
        record = {k: v for k, v in record.items() if k in ("id", "text", "html", "title", "published",
                                                           "date", "source", "url", "authors")}
        article = article_from_record(record, where="POST /api/articles")
    elif mime in ("text/html", "application/xhtml+xml"):
        article = article_from_html(text, published=meta["published"], source=meta["source"],
                                    title=meta["title"], url=meta["url"], input_id=meta["id"])
    elif mime.startswith("text/") or mime in ("", "application/octet-stream"):
        article = article_from_text(text, published=meta["published"], source=meta["source"],
                                    title=meta["title"], url=meta["url"], input_id=meta["id"])
    else:
        raise HTTPException(415, f"unsupported content type {mime!r}: send text/plain, text/html or application/json")
    if isinstance(article, InputError):
        raise invalid(["body"], article.problem)
    return article


def _ingest_one(store: Store, article) -> tuple[int, bytes] | tuple[str, str]:
    """Extract one report and store it: (201 new / 200 already stored, the response body),
    or (the name of the error, its message). Runs in a worker process (or a thread) and
    returns plain data, so the server process only sends the bytes on."""
    from .pipeline import extract_articles

    errors: list[InputError] = []
    out = list(extract_articles([article], on_error=errors.append))
    if not out:
        return "InputError", errors[0].problem if errors else "the report could not be read"
    d = out[0].to_dict()
    try:
        new = store.add(d)
    except StoreError as exc:
        return type(exc).__name__, str(exc)
    d.pop("entities", None)
    d["stored"] = new
    return (201 if new else 200), json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_WARM_UP = ("Shelling hit the market in Aleppo on Monday, killing four civilians, rescuers said. About 200 "
            "families fled to nearby villages, aid workers said.")
_worker_store: Store | None = None


def _start_worker(target: str, read_only: bool) -> None:
    """A worker process: its own connection to the store, and the pipeline and every
    extractor's data loaded once (a first report would wait for it)."""
    from .extractors.parse import load_nlp

    global _worker_store
    # Extraction is batch work beside interactive reads: at a lower CPU priority, a read
    # waiting for a core gets it first, and the worker still has every core nobody reads on.
    os.nice(WORKER_NICENESS)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker_store = Store(target, create=False, read_only=read_only)
    load_nlp()


def _exit_with_parent(parent: int) -> None:
    """A worker ends when its server does, however the server ended (kill -9 included):
    spawned processes are not ended with their parent, and each holds a loaded pipeline."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _warm_worker() -> None:
    from .models import Article
    from .pipeline import extract_articles

    list(extract_articles([Article(text=_WARM_UP, published="2020-01-06")]))


def _ingest_in_worker(article) -> tuple[int, bytes] | tuple[str, str]:
    return _ingest_one(_worker_store, article)


_STORE_ERRORS = {cls.__name__: cls for cls in (StoreError, StoreUnavailable, StoreDamaged, StoreReadOnly)}


class _Extractor:
    """Extracts and stores POSTed reports: in `workers` processes, each loading the spaCy
    pipeline once and writing through its own connection (the server's process keeps its
    CPU and GIL for reads), or with 0 in a thread of this process, one report at a time."""

    def __init__(self, workers: int, store: Store):
        self.workers, self.store = workers, store
        self.lock = threading.Lock()
        self.pool = None
        if workers > 0:
            self._start()

    def _start(self) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"), initializer=_start_worker,
                                        initargs=(self.store.target, self.store.read_only))

    def _in_thread(self, article) -> tuple[int, bytes] | tuple[str, str]:
        with self.lock:
            return _ingest_one(self.store, article)

    async def ingest(self, article) -> tuple[int, bytes]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            if self.pool is None:
                status, body = await run_in_threadpool(self._in_thread, article)
            else:
                status, body = await asyncio.get_running_loop().run_in_executor(self.pool, _ingest_in_worker, article)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start new ones
            self._start()
            raise HTTPException(503, "the extraction worker restarted: retry", headers={"Retry-After": "1"}) from None
        if status == "InputError":
            raise invalid(["body"], body)
        if isinstance(status, str):
            raise _STORE_ERRORS.get(status, StoreError)(body)
        return status, body

    async def warm(self) -> None:
        """Start every worker process and wait until each has loaded the pipeline."""
        if self.pool is not None:
            loop = asyncio.get_running_loop()
            await asyncio.gather(*(loop.run_in_executor(self.pool, _warm_worker) for _ in range(self.workers)))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
