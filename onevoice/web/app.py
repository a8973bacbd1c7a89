"""`create_app(db_path)`: the dashboard's pages and, under each, its JSON and CSV twin.

Pages are server-rendered Jinja2 templates with a little JavaScript; charts are drawn by the
Plotly bundle that ships inside the `plotly` wheel, served from /static, so nothing is
fetched from the internet. Every API route takes the same filters as its page.
"""
from __future__ import annotations

import csv
import importlib.resources
import io
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from .. import __version__
from ..ontology import QUAD_NAMES
from ..schema import EVENT_FIELDS
from . import filters as F
from .data import DEFAULT_TIMEOUT, DOCUMENT_FIELDS, SKIPPED_FIELDS, Database, QueryTimeout
from .evidence import highlight
from .filters import EventFilters, FilterError

HERE = Path(__file__).resolve().parent
MAX_QUERY_STRING = 4000
PLOTLY_JS = Path(str(importlib.resources.files("plotly") / "package_data" / "plotly.min.js"))
# the only files /static serves: a fixed table, so no request path ever reaches the file system
STATIC = {
    "style.css": (HERE / "static" / "style.css", "text/css"),
    "app.js": (HERE / "static" / "app.js", "text/javascript"),
    "plotly.min.js": (PLOTLY_JS, "text/javascript"),
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' "
                               "'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
PAGES = [("events", "Events"), ("dyads", "Dyads"), ("cohesion", "One voice"),
         ("network", "Network"), ("documents", "Documents")]
FORMAT = Query("json", description="json, or csv for the rows as a table")


# --- shared parameters (each one documented once, in the OpenAPI description) -------------

def event_filters(
    request: Request,
    since: str | None = Query(None, description="First day, YYYY-MM-DD (an event's own date, "
                                                "else its article's)"),
    until: str | None = Query(None, description="Last day, YYYY-MM-DD, inclusive"),
    source: str | None = Query(None, description="Source actor codes, comma-separated; three "
                                                 "letters match the whole country (CHN: CHNGOV)"),
    target: str | None = Query(None, description="Target actor codes, as for source"),
    actor: str | None = Query(None, description="Actor codes at either end of the event"),
    both: bool = Query(False, description="With source and target: both directions"),
    code: str | None = Query(None, description="CAMEO code or root: 04 matches every 04x code"),
    quad_class: str | None = Query(None, description="1 verbal cooperation, 2 material "
                                   "cooperation, 3 verbal conflict, 4 material conflict"),
    plover_event: str | None = Query(None, description="PLOVER event type, e.g. ACCUSE"),
    mode: str | None = Query(None, description="none (plain facts), counted (what the analyses "
                             "count: not negated or hypothetical), negated, hypothetical, future"),
    q: str | None = Query(None, description="Words in the sentence (case-insensitive)"),
    doc_id: str | None = Query(None, description="Only this document's events"),
) -> EventFilters:
    return EventFilters.parse(request.app.state.db.plover_events, since=since, until=until,
                              source=source, target=target, actor=actor, both=both, code=code,
                              quad_class=quad_class, plover_event=plover_event, mode=mode, q=q,
                              doc_id=doc_id)


def paging(page: int = Query(1, description="Page number, from 1"),
           page_size: int = Query(50, description=f"Rows per page, at most {F.MAX_PAGE_SIZE}")
           ) -> tuple[int, int]:
    return F.paging(page, page_size)


class Scope:
    """The period and mode settings every analysis view shares."""

    def __init__(self,
                 since: str | None = Query(None, description="First day, YYYY-MM-DD"),
                 until: str | None = Query(None, description="Last day, YYYY-MM-DD"),
                 by: str | None = Query("month", description="day, week, month or year"),
                 all_modes: bool = Query(False, description="Also count negated and "
                                                            "hypothetical events"),
                 countries: bool = Query(False, description="Merge actors into their country "
                                                            "(first three letters)")):
        self.since, self.until = F.date_range(since, until)
        self.by = F.period(by)
        self.all_modes = all_modes
        self.countries = countries

    def query(self) -> dict:
        out = {"since": self.since, "until": self.until, "by": self.by,
               "all_modes": int(self.all_modes), "countries": int(self.countries)}
        return {k: v for k, v in out.items() if v}


# --- responses -----------------------------------------------------------------------------

def csv_response(rows: list[dict], columns: list[str], name: str) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="{name}.csv"'})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, param: str | None = None) -> Response:
    """JSON {"error": ...} for the API, a page saying what went wrong for a browser."""
    if _wants_json(request):
        body = {"error": message}
        if param:
            body["param"] = param
        return JSONResponse(body, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {
        **_context(request, "", "Error"), "status": status, "message": message},
        status_code=status)


def _context(request: Request, section: str, title: str, **extra) -> dict:
    db: Database = request.app.state.db
    return {"section": section, "title": title, "sections": PAGES, "db_name": db.path.name,
            "version": __version__, **extra}


def _url(path: str, params: dict) -> str:
    params = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(params)}" if params else path


def _required(name: str, codes: list[str]) -> list[str]:
    if not codes:
        raise FilterError(name, "required")
    return codes


# --- the app -------------------------------------------------------------------------------

def create_app(db_path: str | Path, timeout: float = DEFAULT_TIMEOUT) -> FastAPI:
    """The dashboard over the event store at `db_path`, opened read-only."""
    db = Database(db_path, timeout=timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        db.close()

    app = FastAPI(title="onevoice", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
                  description="Read-only API over a onevoice event store: CAMEO/PLOVER events "
                              "with their evidence, dyads, cohesion and actor networks. Every "
                              "route answers JSON, or CSV with `format=csv`; a bad filter gets "
                              "HTTP 400 and `{\"error\": ...}`.")
    app.state.db = db
    app.state.templates = templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(url=_url, quad_names=QUAD_NAMES)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if len(request.url.query) > MAX_QUERY_STRING:
            response = _error(request, 400, f"query string longer than {MAX_QUERY_STRING} "
                                            "characters")
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError):
        return _error(request, 400, str(exc), exc.param)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        err = exc.errors()[0] if exc.errors() else {}
        param = str(err.get("loc", ["", "parameter"])[-1])
        return _error(request, 400, f"{param}: {err.get('msg', 'invalid value')}", param)

    @app.exception_handler(QueryTimeout)
    async def timed_out(request: Request, exc: QueryTimeout):
        return _error(request, 503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    # --- static files ---

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        if name not in STATIC:
            raise HTTPException(404, "not found")
        path, media_type = STATIC[name]
        return FileResponse(path, media_type=media_type,
                            headers={"Cache-Control": "public, max-age=3600"})

    # --- API ---

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, newest first")
    def api_events(f: EventFilters = Depends(event_filters), pg=Depends(paging),
                   format: str = FORMAT):
        fmt = F.output_format(format)
        page, size = pg
        total, rows = db.events(f, page, size)
        if fmt == "csv":
            return csv_response(rows, EVENT_FIELDS + ["code_name"], "events")
        return {"total": total, "page": page, "page_size": size,
                "pages": max(1, -(-total // size)), "filters": f.query(), "events": rows}

    @app.get("/api/event/{event_id}", tags=["events"],
             summary="One event with its evidence and document")
    def api_event(event_id: str):
        found = db.event(F.identifier("event_id", event_id))
        if found is None:
            raise HTTPException(404, f"no event with id {event_id}")
        return found

    @app.get("/api/dyads", tags=["analysis"],
             summary="Events per period between two actors, by quad class, with the Goldstein "
                     "mean")
    def api_dyads(scope: Scope = Depends(),
                  source: str | None = Query(None, description="Source actor codes"),
                  target: str | None = Query(None, description="Target actor codes"),
                  both: bool = Query(False, description="Both directions"),
                  format: str = FORMAT):
        fmt = F.output_format(format)
        src, tgt = F.actors("source", source), F.actors("target", target)
        out = db.dyads(src, tgt, scope.by, scope.since, scope.until, both=both,
                       all_modes=scope.all_modes, countries=scope.countries)
        if fmt == "csv":
            return csv_response(out["rows"], _columns(out["rows"], DYAD_COLUMNS), "dyads")
        return {"source": ",".join(src), "target": ",".join(tgt), "both": both,
                **scope.query(), **out}

    @app.get("/api/cohesion", tags=["analysis"],
             summary="Does a group of actors speak with one voice toward a target?")
    def api_cohesion(scope: Scope = Depends(),
                     target: str | None = Query(None, description="Target actor codes"),
                     actors: str | None = Query(None, description="The group: actor codes, "
                                                                  "comma-separated"),
                     min_events: int = Query(1, ge=1, le=100_000,
                                             description="Leave out an actor with fewer events "
                                                         "in a period"),
                     format: str = FORMAT):
        fmt = F.output_format(format)
        tgt = _required("target", F.actors("target", target))
        group = _required("actors", F.actors("actors", actors))
        out = db.cohesion(tgt, group, scope.by, scope.since, scope.until,
                          all_modes=scope.all_modes, min_events=min_events)
        if fmt == "csv":
            return csv_response(out["stances"], _columns(out["stances"], COHESION_COLUMNS),
                                "cohesion")
        return {"target": ",".join(tgt), "actors": group, **scope.query(), **out}

    @app.get("/api/network", tags=["analysis"],
             summary="Who acts on whom: the busiest actors and their edges, with a layout")
    def api_network(scope: Scope = Depends(),
                    actors: str | None = Query(None, description="Keep events with these "
                                                                 "actors at either end"),
                    min_events: int = Query(1, ge=1, le=100_000,
                                            description="Leave out thinner edges"),
                    max_nodes: int = Query(60, ge=1, le=300,
                                           description="Keep the busiest actors only"),
                    format: str = FORMAT):
        fmt = F.output_format(format)
        out = db.network(scope.since, scope.until, F.actors("actors", actors),
                         all_modes=scope.all_modes, countries=scope.countries,
                         min_events=min_events, max_nodes=max_nodes)
        if fmt == "csv":
            return csv_response(out["edges"], _columns(out["edges"], NETWORK_COLUMNS), "network")
        return {**{k: v for k, v in scope.query().items() if k != "by"}, **out}

    @app.get("/api/documents", tags=["documents"],
             summary="Ingested documents and the records skipped, with the reason")
    def api_documents(q: str | None = Query(None, description="Words in the title or id"),
                      pg=Depends(paging),
                      table: str = Query("documents", description="For CSV: documents or "
                                                                  "skipped"),
                      format: str = FORMAT):
        fmt = F.output_format(format)
        if table not in ("documents", "skipped"):
            raise FilterError("table", "use documents or skipped")
        page, size = pg
        out = db.documents(F.text("q", q), page, size)
        if fmt == "csv":
            if table == "skipped":
                return csv_response(out["skipped"], SKIPPED_FIELDS, "skipped")
            return csv_response(out["documents"], DOCUMENT_FIELDS, "documents")
        return {"page": page, "page_size": size, **out}

    # --- pages ---

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/events")

    @app.get("/events", include_in_schema=False)
    def events_page(request: Request, f: EventFilters = Depends(event_filters),
                    pg=Depends(paging)):
        page, size = pg
        total, rows = db.events(f, page, size)
        for r in rows:
            r["evidence"] = highlight(r)
        query = f.query()
        if size != 50:
            query["page_size"] = size
        return templates.TemplateResponse(request, "events.html", _context(
            request, "events", "Events", f=f, rows=rows, total=total, page=page, size=size,
            pages=max(1, -(-total // size)), query=query, actor_codes=db.actor_codes,
            plover_events=sorted(p for p in db.plover_events if p), modes=F.MODES))

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(request: Request, event_id: str):
        found = db.event(F.identifier("event_id", event_id))
        if found is None:
            raise HTTPException(404, f"no event with id {event_id}")
        ev = found["event"]
        return templates.TemplateResponse(request, "event.html", _context(
            request, "events", f"Event {ev['id']}", ev=ev, doc=found["document"],
            evidence=highlight(ev)))

    @app.get("/dyads", include_in_schema=False)
    def dyads_page(request: Request, scope: Scope = Depends(), source: str | None = None,
                   target: str | None = None, both: bool = False):
        src, tgt = F.actors("source", source), F.actors("target", target)
        params = {"source": ",".join(src), "target": ",".join(tgt), "both": int(both),
                  **scope.query()}
        return templates.TemplateResponse(request, "dyads.html", _context(
            request, "dyads", "Dyads", scope=scope, source=",".join(src), target=",".join(tgt),
            both=both, api=_url("/api/dyads", params) if src and tgt else None,
            top=[] if src and tgt else db.top_dyads(), actor_codes=db.actor_codes))

    @app.get("/cohesion", include_in_schema=False)
    def cohesion_page(request: Request, scope: Scope = Depends(), target: str | None = None,
                      actors: str | None = None, min_events: int = Query(1, ge=1, le=100_000)):
        tgt, group = F.actors("target", target), F.actors("actors", actors)
        params = {"target": ",".join(tgt), "actors": ",".join(group), "min_events": min_events,
                  **scope.query()}
        return templates.TemplateResponse(request, "cohesion.html", _context(
            request, "cohesion", "One voice", scope=scope, target=",".join(tgt),
            actors=",".join(group), min_events=min_events,
            api=_url("/api/cohesion", params) if tgt and group else None,
            actor_codes=db.actor_codes))

    @app.get("/network", include_in_schema=False)
    def network_page(request: Request, scope: Scope = Depends(), actors: str | None = None,
                     min_events: int = Query(1, ge=1, le=100_000),
                     max_nodes: int = Query(60, ge=1, le=300)):
        group = F.actors("actors", actors)
        params = {"actors": ",".join(group), "min_events": min_events, "max_nodes": max_nodes,
                  **scope.query()}
        return templates.TemplateResponse(request, "network.html", _context(
            request, "network", "Network", scope=scope, actors=",".join(group),
            min_events=min_events, max_nodes=max_nodes, api=_url("/api/network", params),
            actor_codes=db.actor_codes))

    @app.get("/documents", include_in_schema=False)
    def documents_page(request: Request, q: str | None = None, pg=Depends(paging)):
        page, size = pg
        q = F.text("q", q)
        out = db.documents(q, page, size)
        return templates.TemplateResponse(request, "documents.html", _context(
            request, "documents", "Documents", q=q or "", page=page, size=size,
            pages=max(1, -(-out["total"] // size)), **out))

    return app


DYAD_COLUMNS = ["period", "source", "target", "events", "goldstein_sum", "goldstein_mean",
                "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
COHESION_COLUMNS = ["period", "period_end", "actor", "events", "goldstein_mean", "coop",
                    "conflict", "coop_share", "conflict_share", "group_mean", "distance",
                    "cohesion", "outlier"]
NETWORK_COLUMNS = ["source", "target", "events", "goldstein_sum", "goldstein_mean", "coop",
                   "conflict"]


def _columns(rows: list[dict], default: list[str]) -> list[str]:
    return list(rows[0]) if rows else default
