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

import dataclasses
import hmac
import json
import re
import threading
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .errors import InputError, QueryError, SitrepError, StoreError
from .models import ITEM_KINDS
from .query import EventFilter, place_scope
from .store import Store

WEB_DIR = Path(__file__).parent / "web"
DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes; a long report is ~100 kB of HTML
MAX_LIMIT = 5000

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

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Extraction shares one spaCy pipeline: one report at a time (it is CPU-bound anyway).
_extract_lock = threading.Lock()


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _token_ok(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def _unauthorized(msg: str) -> HTTPException:
    return HTTPException(401, msg, headers={"WWW-Authenticate": "Bearer"})


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise HTTPException(422, f"{name}: expected an ISO date YYYY[-MM[-DD]], got {value[:40]!r}")
    return value


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox: expected four numbers west,south,east,north") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180 and west <= east):
        raise HTTPException(422, "bbox: expected west,south,east,north in degrees, south <= north, west <= east")
    return west, south, east, north


def _page(items: list, limit: int, offset: int) -> JSONResponse:
    """One page of a listing. Rows are plain JSON already: encoded directly (no per-field
    conversion pass, which cost more than the query on 100-row pages)."""
    return JSONResponse({"items": items, "limit": limit, "offset": offset,
                         "next_offset": offset + limit if len(items) == limit else None})


class Filters:
    """The query parameters every item listing accepts."""

    def __init__(self,
                 since: str | None = Query(None, description="Only items on or after this date (YYYY-MM-DD)"),
                 until: str | None = Query(None, description="Only items on or before this date"),
                 place: str | None = Query(None, max_length=200, description="Place name contains this"),
                 bbox: str | None = Query(None, description="west,south,east,north in degrees"),
                 type: str | None = Query(None, max_length=100,
                                             description="Event type, sub-event type or PLOVER code (events)"),
                 category: str | None = Query(None, max_length=50, description="Figure category (figures)"),
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
                 limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
        self.limit, self.offset, self.sort = limit, offset, sort
        self.store_filters = {k: v for k, v in {
            "since": _date(since, "since"), "until": _date(until, "until"), "place": place or None,
            "bbox": _bbox(bbox), "event_type": type or None, "category": category or None,
            "actor": actor or None, "source": source or None, "article_id": article_id or None,
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
                raise HTTPException(422, f"timing and min_confidence apply to events, not {kind}")
            return {"certainty": EventFilter.parse(certainty or "any").certainty or None}
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from None

    def for_store(self, kind: str) -> dict:
        return {**self.store_filters, **self.status(kind)}


def _body_limit_error(limit: int) -> HTTPException:
    return HTTPException(413, f"request body larger than {limit} bytes")


def create_app(store_target: str | Path | Store, token: str | None = None, read_token_required: bool = False,
               *, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The API and page over one store (a path, a URL or an open Store).

    token: the bearer token writes (and, with read_token_required, reads) must carry;
    None disables writes (403). max_body: largest request body accepted, in bytes.
    """
    if read_token_required and not token:
        raise SitrepError("read endpoints cannot require a token when none is set: set SITREP_API_TOKEN")
    store = store_target if isinstance(store_target, Store) else Store(str(store_target), create=True)

    app = FastAPI(title="sitrep", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Sourced situation data extracted from conflict and crisis reports. "
                              "Every item carries the offsets and sentence of its evidence.")
    app.state.store = store

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError):
        return JSONResponse({"detail": str(exc).replace("--", "")}, status_code=400)  # CLI option names

    def read_access(request: Request) -> None:
        if read_token_required and not _token_ok(_bearer(request), token or ""):
            raise _unauthorized("this server requires a bearer token for reads")

    def write_access(request: Request) -> None:
        if not token:
            raise HTTPException(403, "writes are disabled: the operator has set no SITREP_API_TOKEN")
        if not _token_ok(_bearer(request), token):
            raise _unauthorized("a valid bearer token is required to write")

    reads = [Depends(read_access)]

    # ---- reading --------------------------------------------------------------------
    @app.get("/api/stats", dependencies=reads, tags=["read"])
    def stats() -> dict:
        """How many articles and items of each kind the store holds."""
        return {"counts": store.counts(), "backend": store.dialect,
                "writes_enabled": bool(token), "situation": True}

    @app.get("/api/articles", dependencies=reads, tags=["read"])
    def list_articles(since: str | None = None, until: str | None = None,
                      source: str | None = Query(None, max_length=200),
                      limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)) -> JSONResponse:
        """Stored reports, newest first."""
        rows = store.articles(since=_date(since, "since"), until=_date(until, "until"), source=source,
                              limit=limit, offset=offset)
        return _page(rows, limit, offset)

    @app.get("/api/articles/{article_id}", dependencies=reads, tags=["read"])
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

    def listing(kind: str):
        def list_items(f: Filters = Depends()) -> JSONResponse:
            rows = store.items(kind, limit=f.limit, offset=f.offset, order=f.sort, **f.for_store(kind))
            if kind == "figures":
                for r, at in zip(rows, store.figure_coordinates(rows), strict=True):
                    r["lat"], r["lon"] = at if at else (None, None)
            return _page(rows, f.limit, f.offset)
        list_items.__name__ = f"list_{kind}"
        list_items.__doc__ = f"{kind.capitalize()} with their evidence, article and publisher; filtered and paged."
        return list_items

    for kind in ITEM_KINDS:
        app.get(f"/api/{kind}", dependencies=reads, tags=["read"], name=f"list_{kind}")(listing(kind))

    @app.get("/api/timeline", dependencies=reads, tags=["read"])
    def timeline(kind: str = Query("events", pattern="^(events|figures)$"), f: Filters = Depends()) -> JSONResponse:
        """Items per day (their start date, else the publication date) under the same filters."""
        return JSONResponse({"kind": kind, "days": store.timeline(kind, **f.for_store(kind))})

    @app.get("/api/search", dependencies=reads, tags=["read"])
    def search(q: str = Query(..., min_length=1, max_length=500), limit: int = Query(20, ge=1, le=200)) -> dict:
        """Full-text search over report titles and bodies."""
        return {"items": store.search(q, limit=limit)}

    @app.get("/api/incidents", dependencies=reads, tags=["read"])
    def incidents(f: Filters = Depends(),
                  full: bool = Query(False, description="Every report's mention with each incident")) -> JSONResponse:
        """Fused events, one per incident (the page's default layer), by date: filters place
        (containment), bbox, since, until, type (ACLED type, sub-type, PLOVER or family),
        certainty, timing, min_confidence (an incident passes when one of its reports does;
        default: what reports claim happened). Paged with limit and offset."""
        filters = {k: v for k, v in f.for_store("events").items()
                   if k not in ("category", "actor", "source", "article_id")}
        rows = store.incidents(limit=f.offset + f.limit, **filters)[f.offset:]
        return _page(rows if full else [_incident_summary(r) for r in rows], f.limit, f.offset)

    @app.get("/api/incidents/{incident_id}", dependencies=reads, tags=["read"])
    def get_incident(incident_id: str = PathParam(..., max_length=64)) -> JSONResponse:
        """One incident with every report's mention (sentence, source, publisher, values)."""
        rec = store.incident(incident_id)
        if rec is None:
            raise HTTPException(404, "no such incident")
        return JSONResponse(rec)

    @app.get("/api/series", dependencies=reads, tags=["read"])
    def series(place: str | None = Query(None, max_length=200), category: str | None = Query(None, max_length=50),
               since: str | None = None, until: str | None = None) -> JSONResponse:
        """Figure series: per place, category and period every source's value and the consensus."""
        from .fuse import series_of
        rows = series_of(store, since=_date(since, "since"), until=_date(until, "until"), category=category)
        if place:
            scope = place_scope(place)
            rows = [r for r in rows if scope.holds_name(r.get("place"))]
        return JSONResponse({"items": [_with_point(r) for r in rows]})

    @app.get("/api/control", dependencies=reads, tags=["read"])
    def control(since: str | None = None, until: str | None = None) -> JSONResponse:
        """The control timeline: who held each place from when, with evidence."""
        from .fuse import control_of
        return JSONResponse({"items": control_of(store, since=_date(since, "since"), until=_date(until, "until"))})

    @app.get("/api/situation", dependencies=reads, tags=["read"])
    def situation(place: str = Query(..., min_length=1, max_length=200, description="The place to summarise"),
                  since: str | None = Query(None, description="Start of the period (YYYY-MM-DD)"),
                  until: str | None = Query(None, description="End of the period"),
                  f: Filters = Depends()) -> Any:
        """What happened in a place over a period: fused events (every report kept), figure
        series (each source's value, consensus range, contested flag) and control changes.
        Incidents default to what reports claim happened (certainty, timing, min_confidence)."""
        from .fuse.situation import situation

        sit = situation(store, place, since=_date(since, "since"), until=_date(until, "until"),
                        **f.status("events"))
        d = json.loads(json.dumps(dataclasses.asdict(sit), default=str))
        d["n_reports"] = sit.n_reports
        return d

    # ---- writing --------------------------------------------------------------------
    @app.post("/api/articles", dependencies=[Depends(write_access)], tags=["write"], status_code=201,
              openapi_extra={"requestBody": {"required": True, "content": {
                  "text/plain": {"schema": {"type": "string"}},
                  "text/html": {"schema": {"type": "string"}},
                  "application/json": {"schema": {"type": "object", "properties": {
                      "text": {"type": "string"}, "html": {"type": "string"}, "title": {"type": "string"},
                      "published": {"type": "string"}, "source": {"type": "string"},
                      "url": {"type": "string"}, "id": {"type": "string"}}}}}}})
    async def post_article(request: Request, published: str | None = None, source: str | None = None,
                           title: str | None = None, url: str | None = None,
                           id: str | None = None) -> Response:
        """Ingest one report (plain text, HTML, or JSON with text|html and metadata) and return
        its extraction; 201 when new, 200 when the same text was already stored."""
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
        ex, new = await run_in_threadpool(_extract_and_store, store, article)
        d = ex.to_dict()
        d.pop("entities", None)
        d["stored"] = new
        return JSONResponse(d, status_code=201 if new else 200)

    # ---- the page -------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def _version() -> str:
    from . import __version__
    return __version__


INCIDENT_FIELDS = ("id", "family", "event_type", "sub_event_type", "plover", "place", "country", "admin1", "lat",
                   "lon", "geo_precision", "date_start", "date_end", "time_precision", "actor1", "actor2",
                   "fatalities", "certainty", "n_reports", "n_sources", "sources")


def _incident_summary(rec: dict) -> dict:
    """What the map and table show of an incident (its mentions come with /api/incidents/{id})."""
    return {k: rec.get(k) for k in INCIDENT_FIELDS}


def _with_point(series: dict) -> dict:
    """A figure series with the gazetteer point of its place (lat/lon null when unknown)."""
    areas = place_scope(series["place"]).areas if series.get("place") else ()
    point = next(((a.lat, a.lon) for a in areas if a.lat is not None), (None, None))
    return {**series, "lat": point[0], "lon": point[1]}


def _article_from_request(body: bytes, content_type: str, meta: dict):
    """An Article from a POST body: plain text, HTML, or a JSON record (text|html + metadata)."""
    from .readers import article_from_html, article_from_record, article_from_text, parse_published

    mime = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8 text") from None
    if not text.strip():
        raise HTTPException(422, "empty report")
    if meta.get("published"):
        try:
            meta["published"] = parse_published(meta["published"])
        except SitrepError as exc:
            raise HTTPException(422, f"published: {exc}") from None
    if mime == "application/json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HTTPException(422, f"the JSON body does not parse: {exc.msg} at line {exc.lineno}") from None
        if not isinstance(record, dict) or not any(isinstance(record.get(k), str) for k in ("text", "html")):
            raise HTTPException(422, "the JSON body must be an object with a 'text' or 'html' string")
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
        raise HTTPException(422, article.problem)
    return article


def _extract_and_store(store: Store, article):
    from .pipeline import extract_articles

    errors: list[InputError] = []
    with _extract_lock:
        try:
            out = list(extract_articles([article], on_error=errors.append))
        except SitrepError as exc:
            raise HTTPException(422, str(exc)) from None
    if not out:
        raise HTTPException(422, errors[0].problem if errors else "the report could not be read")
    ex = out[0]
    return ex, store.add(ex)
