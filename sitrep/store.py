"""Store stage: extractions kept in SQLite (default, one file) or PostgreSQL (teams).

One schema, written with SQLAlchemy Core, serves both backends. Every item keeps its full
contract JSON in `data` and copies the fields people filter on into indexed columns.

- Idempotent: an article's id is the hash of its normalised text, so storing it again is a
  no-op (`INSERT ... ON CONFLICT DO NOTHING`, safe with concurrent writers).
- Atomic: an article and all its items are written in one transaction, so a process
  killed mid-ingest leaves every article either complete or absent.
- Nothing is overwritten: a revised report (same URL, other text) is a new article row
  that names the row it `supersedes`.
- SQLite: WAL journal, FTS5 over title + text; PostgreSQL: a GIN full-text index.
- Schema version in `meta`; `MIGRATIONS` bring an older file up to date on open.
- Untrusted text is only ever passed as bound parameters, never formatted into SQL.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from .config import redact, settings
from .errors import QueryError, StoreDamaged, StoreError, StoreReadOnly, StoreUnavailable
from .models import ITEM_KINDS, Extraction, extraction_from_dict, storable
from .query import PlaceScope, name_variants, parse_search, place_scope

SCHEMA_VERSION = 8

metadata = sa.MetaData()

meta_table = sa.Table("meta", metadata, sa.Column("key", sa.String(64), primary_key=True),
                      sa.Column("value", sa.Text))

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("input_id", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("authors", sa.Text),
    sa.Column("published", sa.String(32), index=True),
    sa.Column("source", sa.Text, index=True),
    sa.Column("url", sa.Text, index=True),
    sa.Column("language", sa.String(16)),
    sa.Column("byline", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("boilerplate", sa.Text),
    sa.Column("fingerprint", sa.Text),
    sa.Column("sentences", sa.Text),
    sa.Column("entities", sa.Text),
    sa.Column("n_items", sa.Integer, nullable=False),
    sa.Column("supersedes", sa.String(64)),
    sa.Column("ingested_at", sa.Float, nullable=False),
)

# Every time a report is read: who published it where. A verbatim wire copy from a second
# outlet has the same text (so the same article id) but is one more sighting, not lost.
sightings = sa.Table(
    "sightings", metadata,
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(32), primary_key=True),  # hash of (source, url, path)
    sa.Column("source", sa.Text, index=True),
    sa.Column("url", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("input_id", sa.Text),
    sa.Column("seen_at", sa.Float, nullable=False),
)

# Per item kind (models.ITEM_KINDS): the contract fields copied into columns (besides
# start/end/sentence/data).
ITEM_COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "places": [("name", sa.Text), ("lat", sa.Float), ("lon", sa.Float), ("geonameid", sa.BigInteger),
               ("country", sa.String(8)), ("admin1", sa.Text), ("feature", sa.String(16))],
    "times": [("date_start", sa.String(10)), ("date_end", sa.String(10)), ("precision", sa.String(8))],
    "actors": [("name", sa.Text), ("kind", sa.String(32)), ("country", sa.String(8))],
    "figures": [("category", sa.String(32)), ("low", sa.BigInteger), ("best", sa.BigInteger),
                ("high", sa.BigInteger), ("unit", sa.String(16)), ("place", sa.Text),
                ("date_start", sa.String(10)), ("date_end", sa.String(10)), ("source", sa.Text),
                ("certainty", sa.String(16))],
    "events": [("event_type", sa.Text), ("sub_event_type", sa.Text), ("plover", sa.String(32)),
               ("actor1", sa.Text), ("actor2", sa.Text), ("place", sa.Text), ("lat", sa.Float),
               ("lon", sa.Float), ("date_start", sa.String(10)), ("date_end", sa.String(10)),
               ("fatalities", sa.BigInteger), ("certainty", sa.String(16)), ("source", sa.Text),
               ("mode", sa.String(32)), ("timing", sa.String(16)), ("confidence", sa.Float)],
    "quotes": [("speaker", sa.Text), ("kind", sa.String(16)), ("channel", sa.Text)],
    "sources": [("name", sa.Text), ("kind", sa.String(32)), ("stance", sa.Text)],
}
# Columns a listing may filter with --place / --category / --type / --source / --actor.
PLACE_COLUMN = {"places": "name", "figures": "place", "events": "place"}
INDEXED = {"date_start", "place", "name", "category", "event_type", "lat", "source", "speaker", "kind"}
NOT_INDEXED = {("events", "lat")}  # covered by ix_events_geo_dates (see QUERY_INDEXES)


def _item_table(kind: str) -> sa.Table:
    cols = [sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                      primary_key=True),
            sa.Column("idx", sa.Integer, primary_key=True),
            sa.Column("start", sa.Integer), sa.Column("end", sa.Integer),
            sa.Column("sentence", sa.Text), sa.Column("data", sa.Text, nullable=False)]
    for name, typ in ITEM_COLUMNS[kind]:
        cols.append(sa.Column(name, typ, index=name in INDEXED and (kind, name) not in NOT_INDEXED))
    return sa.Table(kind, metadata, *cols)


item_tables: dict[str, sa.Table] = {kind: _item_table(kind) for kind in ITEM_KINDS}

# Indexes for the API's and the page's common queries (schema v4). A map box with a date
# range is answered from (lat, lon, date_start, date_end) alone before any row is read
# (it replaces the single-column lat index on events, which the planners preferred and
# which made them read every row in the latitude band); date ranges read (date_start,
# date_end); the event-type filter compares lower() of three columns, one index each.
# PostgreSQL only (see Store._create_trigram_indexes): the columns filtered with "contains".
TRIGRAM_COLUMNS = [("events", "place"), ("events", "actor1"), ("events", "actor2"), ("figures", "place"),
                   ("places", "name")]
_ev, _fig, _pl = item_tables["events"].c, item_tables["figures"].c, item_tables["places"].c
QUERY_INDEXES = [
    sa.Index("ix_events_geo_dates", _ev.lat, _ev.lon, _ev.date_start, _ev.date_end),
    sa.Index("ix_events_dates", _ev.date_start, _ev.date_end),
    sa.Index("ix_events_type_lc", sa.func.lower(_ev.event_type)),
    sa.Index("ix_events_subtype_lc", sa.func.lower(_ev.sub_event_type)),
    sa.Index("ix_events_plover_lc", sa.func.lower(_ev.plover)),
    sa.Index("ix_figures_dates", _fig.date_start, _fig.date_end),
    sa.Index("ix_places_geo", _pl.lat, _pl.lon),
]

# ---- fused views (written by sitrep/fuse.py; derived, rebuilt or extended by `sitrep fuse`)
# Near-duplicate reports: `article_id` is a copy (or a later `update`) of `original_id`.
report_links = sa.Table(
    "report_links", metadata,
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("original_id", sa.String(64), primary_key=True, index=True),
    sa.Column("relation", sa.String(16)), sa.Column("jaccard", sa.Float), sa.Column("containment", sa.Float),
    sa.Column("linked_at", sa.Float))
# Articles already fused (incremental runs fuse only the others).
fused_articles = sa.Table("fused_articles", metadata, sa.Column("article_id", sa.String(64), primary_key=True),
                          sa.Column("fused_at", sa.Float))
# One row per fused event; `data` holds the full record with every report's mention.
fused_events = sa.Table(
    "fused_events", metadata,
    sa.Column("id", sa.String(32), primary_key=True), sa.Column("family", sa.String(48)),
    sa.Column("event_type", sa.Text), sa.Column("sub_event_type", sa.Text), sa.Column("plover", sa.String(32)),
    sa.Column("place", sa.Text, index=True), sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
    sa.Column("date_start", sa.String(10), index=True), sa.Column("date_end", sa.String(10), index=True),
    sa.Column("actor1", sa.Text), sa.Column("actor2", sa.Text), sa.Column("fatalities_low", sa.BigInteger),
    sa.Column("fatalities_best", sa.BigInteger), sa.Column("fatalities_high", sa.BigInteger),
    sa.Column("n_reports", sa.Integer), sa.Column("n_sources", sa.Integer), sa.Column("certainty", sa.String(16)),
    sa.Column("updated_at", sa.Float), sa.Column("data", sa.Text, nullable=False),
    # What an incremental fuse compares new mentions with before it reads `data`: the
    # event's radius and its mentions' normalised place names (a JSON list).
    sa.Column("radius_km", sa.Float), sa.Column("place_keys", sa.Text))
# Which fused event each stored event mention belongs to.
fused_event_members = sa.Table(
    "fused_event_members", metadata,
    sa.Column("article_id", sa.String(64), primary_key=True), sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.String(32), index=True, nullable=False))
# Figure series: one row per place/category/unit/kind/period with every source's value.
figure_series = sa.Table(
    "figure_series", metadata,
    sa.Column("id", sa.String(32), primary_key=True), sa.Column("place", sa.Text, index=True),
    sa.Column("category", sa.String(32), index=True), sa.Column("unit", sa.String(16)), sa.Column("kind", sa.String(8)),
    sa.Column("period", sa.String(16)), sa.Column("period_start", sa.String(10), index=True),
    sa.Column("period_end", sa.String(10)), sa.Column("low", sa.BigInteger), sa.Column("best", sa.BigInteger),
    sa.Column("high", sa.BigInteger), sa.Column("conservative", sa.BigInteger), sa.Column("contested", sa.Boolean),
    sa.Column("n_values", sa.Integer), sa.Column("data", sa.Text, nullable=False))
# Control timeline: who held a place from `date_start` (until `held_until`), with evidence.
control_changes = sa.Table(
    "control_changes", metadata,
    sa.Column("id", sa.String(32), primary_key=True), sa.Column("place", sa.Text, index=True),
    sa.Column("lat", sa.Float), sa.Column("lon", sa.Float), sa.Column("date_start", sa.String(10), index=True),
    sa.Column("held_until", sa.String(10)), sa.Column("holder", sa.Text), sa.Column("holder_kind", sa.String(32)),
    sa.Column("previous_holder", sa.Text), sa.Column("sub_event_type", sa.Text), sa.Column("n_reports", sa.Integer),
    sa.Column("data", sa.Text, nullable=False), sa.Column("place_key", sa.Text, index=True))
# Which figure series / place's control timeline each stored item is a value of (view
# "series": key = series id; "control": key = place key): a fuse recomputes only the
# series and places its new reports touch, from their member items.
view_members = sa.Table(
    "view_members", metadata,
    sa.Column("view", sa.String(16), primary_key=True), sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True), sa.Column("key", sa.Text, nullable=False),
    sa.Index("ix_view_members_key", "view", "key"))
# LSH bands of each fused report's fingerprint: a new report's near-duplicate candidates
# are the reports sharing a band with it, found by index instead of by reading every one.
report_bands = sa.Table(
    "report_bands", metadata,
    sa.Column("band", sa.BigInteger, primary_key=True), sa.Column("article_id", sa.String(64), primary_key=True))
FUSED_TABLES = {t.name: t for t in (report_links, fused_articles, fused_events, fused_event_members,
                                    figure_series, control_changes, view_members, report_bands)}

# Statements that bring a store from version N-1 to N (SQLite and PostgreSQL alike).
# Version 1 had no `supersedes` column.
MIGRATIONS: dict[int, list[str]] = {
    2: ["ALTER TABLE articles ADD COLUMN supersedes VARCHAR(64)"],
    3: [],  # the fused tables (report_links ... control_changes): new, made by create_all
    4: ["DROP INDEX IF EXISTS ix_events_lat"],  # then QUERY_INDEXES, created in _migrate
    5: [],  # sightings: new, made by create_all
    6: [],  # events: mode, timing, confidence columns (ADDED_COLUMNS)
    7: [],  # view_members, report_bands: new; control_changes.place_key (ADDED_COLUMNS); fused anew
    8: [],  # fused_events: radius_km, place_keys (ADDED_COLUMNS); fused anew (fusion version 3)
}
# Columns added to a table after it was first made: (version, table, column). Added where
# the table exists without them (a table made by create_all since already has them);
# older rows keep NULL.
ADDED_COLUMNS = [(6, "events", "mode"), (6, "events", "timing"), (6, "events", "confidence"),
                 (7, "control_changes", "place_key"), (8, "fused_events", "radius_km"),
                 (8, "fused_events", "place_keys")]


# The article stored last before this one under the same URL, which it supersedes.
_LATEST_OTHER_WITH_URL = (sa.select(articles.c.id)
                          .where(articles.c.url == sa.bindparam("url"), articles.c.id != sa.bindparam("id"))
                          .order_by(articles.c.ingested_at.desc()).limit(1))
_INSERT_FTS = sa.text("INSERT INTO articles_fts(article_id, title, text) VALUES (:i, :t, :x)")


def _dumps(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def _chunks(xs: list, n: int = 500) -> Iterator[list]:
    """Slices of a list: IN (...) lists stay within every backend's parameter limit."""
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


@dataclass
class FusionWrite:
    """Everything one fuse writes (`Store.write_fusion`): rows to add, and the fused items
    to replace (the keys listed lose their old rows first)."""
    now: float
    reset: bool = False  # empty every fused table first (a rebuild)
    articles: list[str] = field(default_factory=list)  # newly fused
    links: list[dict] = field(default_factory=list)
    bands: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)  # fused event records (replacing same ids)
    event_place_keys: dict[str, list[str]] = field(default_factory=dict)  # fused event id -> its place keys
    event_members: list[dict] = field(default_factory=list)
    sentence_members: list[dict] = field(default_factory=list)  # view "sentence": (article_id, idx, key)
    series_keys: list[str] = field(default_factory=list)  # series ids recomputed
    series: list[dict] = field(default_factory=list)
    series_members: list[dict] = field(default_factory=list)
    control_keys: list[str] = field(default_factory=list)  # place keys recomputed
    control: list[dict] = field(default_factory=list)
    control_members: list[dict] = field(default_factory=list)
    member_articles: list[str] = field(default_factory=list)  # whose view memberships are rewritten
    meta: dict[str, str] = field(default_factory=dict)


def _fused_event_row(r: dict, now: float, place_keys: list[str]) -> dict:
    f = r["fatalities"]
    return {"id": r["id"], "family": r["family"], "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"], "plover": r["plover"], "place": r["place"],
            "lat": r["lat"], "lon": r["lon"], "date_start": r["date_start"], "date_end": r["date_end"],
            "actor1": r["actor1"], "actor2": r["actor2"], "fatalities_low": f["low"], "fatalities_best": f["best"],
            "fatalities_high": f["high"], "n_reports": r["n_reports"], "n_sources": r["n_sources"],
            "certainty": r["certainty"], "updated_at": now, "data": _dumps(r), "radius_km": r["radius_km"],
            "place_keys": _dumps(place_keys)}


def _series_row(s: dict) -> dict:
    return {"id": s["id"], "place": s["place"], "category": s["category"], "unit": s["unit"], "kind": s["kind"],
            "period": s["period"], "period_start": s["period_start"], "period_end": s["period_end"],
            "low": s["low"], "best": s["best"], "high": s["high"], "conservative": s["conservative"],
            "contested": s["contested"], "n_values": s["n_values"], "data": _dumps(s)}


def _control_row(c: dict) -> dict:
    return {"id": c["id"], "place": c["place"], "lat": c["lat"], "lon": c["lon"], "date_start": c["date"],
            "held_until": c["held_until"], "holder": c["holder"], "holder_kind": c["holder_kind"],
            "previous_holder": c["previous_holder"], "sub_event_type": c["sub_event_type"],
            "n_reports": c["n_reports"], "place_key": c["place_key"], "data": _dumps(c)}


def _actor_name(v: Any) -> str | None:
    return v.get("name") if isinstance(v, dict) else v


def _column_value(kind: str, name: str, item: dict) -> Any:
    if kind == "events" and name in ("actor1", "actor2"):
        return _actor_name(item.get(name))
    if kind == "events" and name == "fatalities":
        f = item.get("fatalities")
        return f.get("best") if isinstance(f, dict) else f
    if name == "place":  # a name, or a {name, ...} object
        return _actor_name(item.get(name))
    v = item.get(name)
    return v[:10] if name in ("date_start", "date_end") and isinstance(v, str) else v


def _url(target: str) -> str:
    if "://" in target:
        if target.startswith("postgresql://") or target.startswith("postgres://"):
            return "postgresql+psycopg://" + target.split("://", 1)[1]
        return target
    return f"sqlite:///{Path(target)}"


def _words_contain(col, name: str):
    """`col` holds `name` as whole words (case-insensitive): equal, or at a word boundary."""
    lc, n = sa.func.lower(col), name.lower()
    return sa.or_(lc == n, lc.startswith(n + " ", autoescape=True), lc.endswith(" " + n, autoescape=True),
                  lc.contains(" " + n + " ", autoescape=True))


def _names_match(col, term: str):
    """A --source / --actor filter: every name of a known alias group as whole words, else
    the term as a substring. LIKE wildcards in user text are escaped, never interpreted."""
    variants = name_variants(term)
    if variants:
        return sa.or_(*(_words_contain(col, v) for v in variants))
    return sa.func.lower(col).contains(term.strip().lower(), autoescape=True)


def _place_condition(scope: PlaceScope, name, lat=None, lon=None, country=None, admin1=None):
    """A row (its name and, where it has them, coordinates, country, admin1) in the scope."""
    names = sorted(scope.names)
    conds = [name.in_(names), sa.func.lower(name).in_(sorted({n.lower() for n in names}))]
    for a in scope.areas:
        if a.feature == "country" and country is not None:
            conds.append(country == a.country)
        elif a.feature == "admin1" and country is not None:
            conds.append(sa.and_(country == a.country, sa.or_(admin1 == a.name,
                                                               sa.func.lower(admin1) == a.name.lower())))
        elif a.box() and lat is not None:
            west, south, east, north = a.box()
            conds.append(sa.and_(lat >= south, lat <= north, lon >= west, lon <= east))
    return sa.or_(*conds)


def _in_place(kind: str, t: sa.Table, scope: PlaceScope):
    """An item in a place scope: by its own columns (places, an event's point) or by the
    place record of the same name (an event's: or at the same point) in its report
    (country, admin1, coordinates)."""
    c, p = t.c, item_tables["places"].c
    if kind == "places":
        return _place_condition(scope, c.name, c.lat, c.lon, c.country, c.admin1)
    own = _place_condition(scope, c.place, c.lat, c.lon) if kind == "events" else _place_condition(scope, c.place)
    same = sa.func.lower(p.name) == sa.func.lower(c.place)
    if kind == "events":  # an event named by its site ("the White House") sits at its place's coordinates
        same = sa.or_(same, sa.and_(c.lat.is_not(None), p.lat == c.lat, p.lon == c.lon))
    named = sa.exists().where(p.article_id == c.article_id, same,
                              _place_condition(scope, p.name, p.lat, p.lon, p.country, p.admin1))
    return sa.or_(own, named)


def _as_values(v: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A certainty/timing filter as values: a tuple, or comma-separated; "any" is none."""
    if v is None:
        return ()
    vals = tuple(x.strip().lower() for x in v.split(",")) if isinstance(v, str) else tuple(v)
    vals = tuple(x for x in vals if x)
    return () if vals in (("any",), ("all",)) else vals


def _date_filters(q: sa.Select, c, since: str | None, until: str | None) -> sa.Select:
    """Items dated in [since, until] (overlapping it), by their own dates where they have
    them, else by their article's publication date."""
    if "date_start" in c:
        # Each second term is implied by the first but reads the item's own columns only,
        # so an index drops most rows before their article is joined.
        if since:
            q = q.where(sa.func.coalesce(c.date_end, c.date_start, articles.c.published) >= since,
                        sa.or_(c.date_end.is_(None), c.date_end >= since))
        if until:
            q = q.where(sa.func.coalesce(c.date_start, articles.c.published) <= until,
                        sa.or_(c.date_start.is_(None), c.date_start <= until))
    else:
        if since:
            q = q.where(articles.c.published >= since)
        if until:
            q = q.where(articles.c.published <= until)
    return q


def _name_filters(q: sa.Select, kind: str, c, source: str | None, actor: str | None) -> sa.Select:
    """Who made the claim (--source) and who acted or spoke (--actor), by name or alias."""
    if source:
        col = c.source if "source" in c else c.name if kind == "sources" else None
        if col is None:
            raise StoreError(f"--source does not apply to {kind}")
        q = q.where(_names_match(col, source))
    if actor:
        if kind == "events":
            q = q.where(sa.or_(_names_match(c.actor1, actor), _names_match(c.actor2, actor)))
        elif kind == "quotes":
            q = q.where(_names_match(c.speaker, actor))
        elif kind == "actors":
            q = q.where(_names_match(c.name, actor))
        else:
            raise StoreError(f"--actor does not apply to {kind}")
    return q


def _bbox_filter(q: sa.Select, kind: str, c, bbox: tuple[float, float, float, float]) -> sa.Select:
    """Items inside a map box (west, south, east, north)."""
    west, south, east, north = bbox
    if "lat" in c:
        return q.where(c.lat >= south, c.lat <= north, c.lon >= west, c.lon <= east)
    if kind == "figures":
        # A figure has a place name, no coordinates: it is inside the box when a
        # place of that name in the same article is.
        p = item_tables["places"].c
        return q.where(sa.exists().where(
            p.article_id == c.article_id, sa.func.lower(p.name) == sa.func.lower(c.place),
            p.lat >= south, p.lat <= north, p.lon >= west, p.lon <= east))
    raise StoreError(f"--bbox does not apply to {kind}")


def _status_filters(q: sa.Select, kind: str, c, certainty, timing, min_confidence) -> sa.Select:
    """certainty / timing / min_confidence; a NULL column passes (older rows)."""
    certainties, timings = _as_values(certainty), _as_values(timing)
    if certainties and "certainty" in c:
        q = q.where(sa.or_(c.certainty.is_(None), c.certainty.in_(certainties)))
    if (timings or min_confidence is not None) and kind != "events":
        raise StoreError(f"--timing and --min-confidence apply to events, not {kind}")
    if timings:
        q = q.where(sa.or_(c.timing.is_(None), c.timing.in_(timings)))
    if min_confidence is not None:
        q = q.where(sa.or_(c.confidence.is_(None), c.confidence >= float(min_confidence)))
    return q


# radius_km and place_keys are fusion's own (what an incremental fuse compares first).
_SUMMARY_UNREAD = ("data", "radius_km", "place_keys")
_SUMMARY_DROP = _SUMMARY_UNREAD + ("updated_at", "fatalities_low", "fatalities_best", "fatalities_high")


def _incident_summary(row) -> dict:
    """An incident's row of fused_events as the map and table show it (no mentions). Read
    through one mapping: a Row's attributes cost ~40 us each, 10,000 incidents a map."""
    d = dict(row._mapping)
    d["fatalities"] = {"low": d["fatalities_low"], "best": d["fatalities_best"], "high": d["fatalities_high"]}
    for k in ("lat", "lon"):  # 1 m is precise enough for a map, and 10 bytes lighter
        d[k] = round(d[k], 5) if d[k] is not None else None
    for k in _SUMMARY_DROP:
        d.pop(k, None)
    return d

def _fts5_query(groups, expand=lambda t: ()) -> str:
    """parse_search's groups as an FTS5 expression: every term a quoted string (so user
    text is never FTS5 syntax), * after a prefix, NOT for negations, OR between groups.
    `expand(term)`: the indexed words a prefix stands for, ORed with it (see Store.search)."""
    def quoted(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    def term(t) -> str:
        if not t.prefix:
            return quoted(t.text)
        return "(" + " OR ".join([quoted(t.text) + "*", *(quoted(w) for w in expand(t))]) + ")"

    out = []
    for g in groups:
        expr = "(" + " AND ".join(term(t) for t in g if not t.negated) + ")"
        for t in (t for t in g if t.negated):
            expr = f"({expr} NOT {term(t)})"
        out.append(expr)
    return " OR ".join(out)


def _tsquery(groups) -> str:
    """parse_search's groups as to_tsquery text: terms hold word characters only (the
    parser keeps nothing else), so nothing a user types is read as tsquery syntax."""
    def term(t) -> str:
        words = t.text.split()
        words[-1] += ":*" if t.prefix else ""
        body = " <-> ".join(words)
        return ("!" if t.negated else "") + (f"({body})" if len(words) > 1 else body)

    return " | ".join("(" + " & ".join(term(t) for t in g) + ")" for g in groups)


SQLITE_MAGIC = b"SQLite format 3\x00"
# Connections kept per store (the API sizes it to its worker threads); a request that
# finds them all busy waits this long, then gets StoreUnavailable (503), not a hang.
POOL_SIZE = 8
POOL_TIMEOUT = 10.0
PoolTimeout = sa.exc.TimeoutError  # what waiting longer than POOL_TIMEOUT for a connection raises
_DAMAGED = ("malformed", "not a database", "file is encrypted")
_FULL = ("database or disk is full", "disk i/o error", "no space left", "could not extend file", "disk full")
_READ_ONLY = ("readonly database", "read-only transaction", "permission denied", "attempt to write")
_REFUSED = ("authentication failed", "does not exist", "no pg_hba.conf entry")
_BUSY = ("database is locked", "database is busy", "interrupted", "canceling statement due to statement timeout")


def _short(exc: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's statement dump."""
    orig = getattr(exc, "orig", None) or exc
    return redact(" ".join(str(orig).split("\n")[0].split())[:200])


def sqlite_file_problem(path: Path) -> str | None:
    """Why the file at `path` is not an SQLite database (read from its header), or None.
    An empty file is a new store."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    if head and head != SQLITE_MAGIC:
        return "not a sitrep store (not an SQLite database)"
    return None


def sqlite_page_problems(path: Path, limit: int = 20) -> list[str]:
    """SQLite's integrity check of a file that cannot even be opened as a store, read-only
    (for `sitrep check`): what it found, or the error that stopped it."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
        try:
            found = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"pages: {exc}"]
    return [f"pages: {p}" for p in found if p != "ok"]


class Store:
    """A sitrep database. `Store("sitrep.db")` (SQLite) or `Store("postgresql://...")`.

    Opening never writes unless the schema must be created or migrated (`on_notice` is
    told so). `read_only` (default: $SITREP_READ_ONLY, or the file cannot be written)
    opens it for reading only: read-only files, mounts and SELECT-only PostgreSQL roles
    serve every read. A file that is not a sitrep store or is damaged is refused with
    StoreDamaged and left as it was. `query_timeout` (seconds) caps every statement (the
    API sets it); `pool_size` the connections kept open."""

    def __init__(self, target: str | Path = "sitrep.db", *, create: bool = True, read_only: bool | None = None,
                 query_timeout: float | None = None, pool_size: int = POOL_SIZE,
                 on_notice: Callable[[str], None] | None = None):
        self.target = str(target)
        self.name = redact(self.target)
        self.query_timeout = query_timeout
        self._notice = on_notice or _log_notice
        url = _url(self.target)
        self.read_only = settings().read_only if read_only is None else read_only
        if url.startswith("sqlite:"):
            url = self._sqlite_url(Path(self.target), create)
        try:
            self.engine = sa.create_engine(url, **self._engine_options(url, pool_size))
        except (sa.exc.ArgumentError, ModuleNotFoundError) as exc:
            raise StoreError(f"{self.name}: not a database path or URL ({_short(exc)})") from exc
        self.dialect = self.engine.dialect.name
        # The statements of an article's write, built once: SQLAlchemy would otherwise
        # build each one, and compute its cache key, again for every article.
        # RETURNING, not rowcount: psycopg reports rowcount -1 for ON CONFLICT DO NOTHING.
        self._insert_article = self._insert_ignore(articles).returning(articles.c.id)
        self._insert_sighting = self._insert_ignore(sightings)
        self._insert_items = {kind: item_tables[kind].insert() for kind in ITEM_KINDS}
        sa.event.listen(self.engine, "handle_error", self._translate_error)
        if self.dialect == "sqlite":
            sa.event.listen(self.engine, "connect", self._sqlite_pragmas)
            if query_timeout:
                sa.event.listen(self.engine, "before_cursor_execute", self._sqlite_deadline)
        self._open()

    def _sqlite_url(self, path: Path, create: bool) -> str:
        """The URL of a SQLite file: refused when missing (reads) or foreign; opened
        read-only (`mode=ro`, or `immutable=1` on a read-only mount, where SQLite cannot
        make the WAL's shared-memory file) when asked or when it cannot be written."""
        exists = path.exists()
        if not exists and (not create or self.read_only):
            raise StoreError(f"{self.name}: no such database; run `sitrep ingest` first or pass --db")
        if exists:
            problem = sqlite_file_problem(path)
            if problem:
                raise StoreDamaged(f"{self.name}: {problem}; nothing was written to it")
            if not os.access(path, os.W_OK):
                self.read_only = True
        if not self.read_only:
            return f"sqlite:///{path}"
        folder = path.parent if str(path.parent) else Path(".")
        shm = Path(f"{path}-shm")
        mode = "mode=ro" if os.access(folder, os.W_OK) or shm.exists() else "immutable=1"
        return f"sqlite:///file:{quote(str(path.resolve()))}?{mode}&uri=true"

    def _engine_options(self, url: str, pool_size: int) -> dict:
        opts: dict[str, Any] = {"pool_pre_ping": True, "pool_timeout": POOL_TIMEOUT}
        if url.startswith("postgresql"):
            options = []
            if self.query_timeout:
                options.append(f"-c statement_timeout={int(self.query_timeout * 1000)}")
            if self.read_only:
                options.append("-c default_transaction_read_only=on")
            opts.update(pool_size=pool_size, max_overflow=pool_size // 2,
                        connect_args={"connect_timeout": 5, **({"options": " ".join(options)} if options else {})})
        elif url.startswith("sqlite") and ":memory:" not in url and "mode=memory" not in url:
            opts.update(pool_size=pool_size, max_overflow=pool_size // 2)
        return opts

    def _translate_error(self, ctx) -> None:
        """Database errors as the user can act on them: damaged, full, read-only or
        unavailable (a server down or restarting, a statement over its time limit)."""
        if getattr(ctx, "is_pre_ping", False):
            return  # a stale pooled connection: SQLAlchemy replaces it and the request goes on
        orig = ctx.original_exception
        text = str(orig).lower()
        if any(k in text for k in _DAMAGED):
            raise StoreDamaged(f"{self.name}: damaged ({_short(orig)}): run `sitrep check`") from orig
        if any(k in text for k in _FULL) or type(orig).__name__ in ("DiskFull", "OutOfMemory"):
            raise StoreUnavailable(f"{self.name}: the store is full ({_short(orig)}): free space, then retry") from orig
        if any(k in text for k in _READ_ONLY) and (self.read_only or not ctx.is_disconnect) \
                or type(orig).__name__ in ("ReadOnlySqlTransaction", "InsufficientPrivilege"):
            raise StoreReadOnly(f"{self.name}: read-only (opened so, or these credentials may only read): "
                                f"nothing can be written ({_short(orig)})") from orig
        if any(k in text for k in _BUSY) or type(orig).__name__ == "QueryCanceled":
            raise StoreUnavailable(f"{self.name}: busy or over its time limit ({_short(orig)}): retry later") from orig
        if any(k in text for k in _REFUSED):
            raise StoreError(f"{self.name}: cannot open database ({_short(orig)})") from orig
        if ctx.is_disconnect or type(orig).__name__ in ("OperationalError", "InterfaceError") \
                and self.dialect == "postgresql":
            raise StoreUnavailable(f"{self.name}: the database is unavailable ({_short(orig)}): retry later") from orig

    def _sqlite_deadline(self, conn, _cursor, _statement, _params, _context, _executemany) -> None:
        """Arm the time limit of the statement about to run (checked by a progress handler)."""
        conn.info["deadline"] = time.monotonic() + self.query_timeout

    def _open(self) -> None:
        """Create or migrate the schema when needed, else only read its version. Two
        processes creating a new store at once race; the loser finds the tables made on
        its retry and has nothing left to do."""
        for attempt in range(3):
            try:
                version = self._read_version()
                if version == SCHEMA_VERSION:
                    return
                if version > SCHEMA_VERSION:
                    raise StoreError(f"{self.name}: schema version {version} is newer than this sitrep "
                                     f"({SCHEMA_VERSION}); upgrade sitrep")
                if self.read_only:
                    what = "is empty" if version == 0 else f"has schema {version} (this sitrep: {SCHEMA_VERSION})"
                    raise StoreError(f"{self.name}: opened read-only but {what}: open it once without "
                                     "--read-only (e.g. `sitrep check`) to migrate it")
                if version:
                    self._notice(f"{self.name}: migrating the store from schema {version} to {SCHEMA_VERSION}")
                elif self.dialect == "sqlite":
                    with self.engine.connect() as conn:  # WAL is kept in the file: set once, at creation
                        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
                self._migrate()
                return
            except (sa.exc.OperationalError, sa.exc.IntegrityError, sa.exc.ProgrammingError) as exc:
                if attempt == 2:
                    raise StoreError(f"{self.name}: cannot open database: {_short(exc)}") from exc
                time.sleep(0.2 * (attempt + 1))

    def _read_version(self) -> int:
        """The schema version (0: no sitrep tables yet). A database holding other tables
        but no sitrep ones is refused (StoreDamaged) for SQLite files: not ours to write."""
        with self.engine.connect() as conn:
            insp = sa.inspect(conn)
            names = set(insp.get_table_names())
            if "articles" not in names:
                if names and self.dialect == "sqlite":
                    raise StoreDamaged(f"{self.name}: not a sitrep store (an SQLite database with other "
                                       "tables); nothing was written to it")
                return 0
            if "meta" not in names:
                return 1
            row = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first()
            if self.dialect == "postgresql" and not self.read_only:
                # A role that may only SELECT reads the store as read-only (writes refused up front).
                self.read_only = not conn.execute(sa.text("SELECT has_table_privilege('articles', 'INSERT')")).scalar()
            return int(row[0]) if row else 1

    def _sqlite_pragmas(self, dbapi_conn, record) -> None:
        """Per-connection settings (none writes to the file: WAL is set once, when the
        store is created). With a query timeout, a progress handler interrupts a statement
        past its deadline (SQLite has no statement timeout of its own)."""
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA synchronous=NORMAL")
        # 64 MiB of page cache (the default is 2 MB): a fuse inserts into indexes keyed by
        # hashes (LSH bands), which touch pages all over them; with the default cache an
        # incremental fuse re-read most of the band index from the OS for 1,000 reports.
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(1000 * (self.query_timeout or 30))}")
        cur.close()
        if self.query_timeout:
            info = record.info
            dbapi_conn.set_progress_handler(lambda: time.monotonic() > info.get("deadline", float("inf")), 20_000)

    # ---- schema -------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.engine.begin() as conn:
            insp = sa.inspect(conn)
            if not insp.has_table("articles"):
                metadata.create_all(conn)
                self._create_search(conn)
                conn.execute(meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
                return
            if not insp.has_table("meta"):
                meta_table.create(conn)
            row = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first()
            version = int(row[0]) if row else 1
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.name}: schema version {version} is newer than this sitrep "
                                 f"({SCHEMA_VERSION}); upgrade sitrep")
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for stmt in MIGRATIONS.get(v, []):
                    conn.execute(sa.text(stmt))
            self._add_columns(conn, insp, since=version)
            metadata.create_all(conn)  # tables added since (no-op for existing ones)
            if version < 4:  # indexes of existing tables are not made by create_all
                for index in QUERY_INDEXES:
                    conn.execute(sa.schema.CreateIndex(index, if_not_exists=True))
                self._create_trigram_indexes(conn)
            if version < 7:
                for index in control_changes.indexes:
                    conn.execute(sa.schema.CreateIndex(index, if_not_exists=True))
            if row:
                conn.execute(meta_table.update().where(meta_table.c.key == "schema_version")
                             .values(value=str(SCHEMA_VERSION)))
            else:
                conn.execute(meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))

    @staticmethod
    def _add_columns(conn, insp, *, since: int) -> None:
        for v, table, column in ADDED_COLUMNS:
            if v <= since or not insp.has_table(table):
                continue
            if column not in {c["name"] for c in insp.get_columns(table)}:
                col = metadata.tables[table].c[column]
                type_sql = col.type.compile(dialect=conn.dialect)
                conn.execute(sa.text(f'ALTER TABLE {table} ADD COLUMN "{column}" {type_sql}'))

    def _create_trigram_indexes(self, conn) -> None:
        """PostgreSQL: trigram indexes make the `contains` filters (place, actor) indexable.
        pg_trgm is a trusted extension (a database owner may create it); where it cannot be
        had, the filters still work, by scanning."""
        if self.dialect != "postgresql":
            return
        try:
            with conn.begin_nested():
                conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except sa.exc.SQLAlchemyError:
            return
        for kind, column in TRIGRAM_COLUMNS:
            conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS ix_{kind}_{column}_trgm ON {kind} "
                                 f"USING gin (lower({column}) gin_trgm_ops)"))

    def _create_search(self, conn) -> None:
        self._create_trigram_indexes(conn)
        if self.dialect == "sqlite":
            conn.execute(sa.text("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                                 "article_id UNINDEXED, title, text, tokenize='porter unicode61')"))
        elif self.dialect == "postgresql":
            conn.execute(sa.text(
                "CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN "
                "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, '')))"))

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first()
        return int(row[0]) if row else 0

    # ---- writing ------------------------------------------------------------------
    def _insert_ignore(self, table: sa.Table):
        ins = (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)
        return ins.on_conflict_do_nothing()

    def add(self, ex: Extraction | dict) -> bool:
        """Store one extraction (or its contract dict, as workers send it) in one
        transaction. False when it was already stored."""
        return self.add_many([ex])[0]

    def add_many(self, extractions: Iterable[Extraction | dict],
                 on_error: Callable[[StoreError], None] | None = None) -> list[bool | None]:
        """Store a batch in one transaction (one commit instead of one per article: the
        commit is half of a store write's CPU); per article, True when it was new.

        Atomic per batch: a crash leaves either the whole batch or none of it. When the
        batch fails, its articles are retried one transaction each, so one bad article
        costs only itself: its StoreError names it and goes to `on_error` (its result is
        then None), or is raised when there is no `on_error`. A store that cannot be
        written at all (StoreUnavailable, StoreDamaged) always raises."""
        ds = [ex if isinstance(ex, dict) else ex.to_dict() for ex in extractions]
        if not ds:
            return []
        try:
            with self.engine.begin() as conn:
                pending: dict[str, list[dict]] = {}
                news = [self._add_in(conn, d, pending) for d in ds]
                self._flush_items(conn, pending)
                return news
        except (StoreUnavailable, StoreDamaged):
            raise
        except sa.exc.SQLAlchemyError as exc:
            if len(ds) == 1:
                art = ds[0]["article"]
                err = StoreError(f"{self.name}: could not store article {art['id']} "
                                 f"({art.get('path') or art.get('input_id') or ''}): {_short(exc)}")
                if on_error is None:
                    raise err from exc
                on_error(err)
                return [None]
        return [self.add_many([d], on_error)[0] for d in ds]

    def replace(self, ex: Extraction | dict) -> bool:
        """Re-store an article already stored (same text, so same id) with its new metadata
        (a publication date given late, a source) and new items, in one transaction: its
        row is updated, its items replaced. The fused views are emptied (the next `fuse`
        rebuilds them from the corrected items). False when the article was not stored."""
        d = ex if isinstance(ex, dict) else ex.to_dict()
        art = d["article"]
        with self.engine.begin() as conn:
            if conn.execute(sa.select(articles.c.id).where(articles.c.id == art["id"])).first() is None:
                return False
            for table in item_tables.values():
                conn.execute(table.delete().where(table.c.article_id == art["id"]))
            if self.dialect == "sqlite":
                conn.execute(sa.text("DELETE FROM articles_fts WHERE article_id = :i"), {"i": art["id"]})
            row = self._article_row(d)
            row.pop("ingested_at")
            conn.execute(articles.update().where(articles.c.id == art["id"])
                         .values(**{k: v for k, v in row.items() if k != "id"}))
            conn.execute(self._insert_sighting, self._sighting_row(art, time.time()))
            pending: dict[str, list[dict]] = {}
            self._pend_items(d, pending)
            self._flush_items(conn, pending)
            for table in FUSED_TABLES.values():
                conn.execute(table.delete())
        return True

    def _flush_items(self, conn, pending: dict[str, list[dict]]) -> None:
        """The item rows of a batch's new articles, one statement per table for the batch
        (statements, not rows, are most of a write's cost)."""
        for kind in ITEM_KINDS:
            if pending.get(kind):
                conn.execute(self._insert_items[kind], pending[kind])
        if pending.get("fts"):
            conn.execute(_INSERT_FTS, pending["fts"])

    def _add_in(self, conn, d: dict, pending: dict[str, list[dict]]) -> bool:
        """Write one article's row and sighting; its items go to `pending`, which
        add_many writes for the whole batch. True when the article was new."""
        art = d["article"]
        row = self._article_row(d)
        if art.get("url"):
            prev = conn.execute(_LATEST_OTHER_WITH_URL, {"url": art["url"], "id": art["id"]}).first()
            row["supersedes"] = prev[0] if prev else None
        res = conn.execute(self._insert_article, row)
        new = res.first() is not None
        conn.execute(self._insert_sighting, self._sighting_row(art, row["ingested_at"]))
        if not new:
            return False
        self._pend_items(d, pending)
        return True

    @staticmethod
    def _article_row(d: dict) -> dict:
        art = d["article"]
        return {
            "id": art["id"], "input_id": art.get("input_id"), "title": art.get("title"),
            "authors": _dumps(art.get("authors") or []), "published": art.get("published"),
            "source": art.get("source"), "url": art.get("url"), "language": art.get("language"),
            "byline": art.get("byline"), "path": art.get("path"), "text": art.get("text"),
            "boilerplate": _dumps(art.get("boilerplate") or []),
            "fingerprint": _dumps(art.get("fingerprint") or []),
            "sentences": _dumps(d["sentences"]), "entities": _dumps(d["entities"]),
            "n_items": sum(len(d[k]) for k in ITEM_KINDS), "ingested_at": time.time(),
        }

    def _pend_items(self, d: dict, pending: dict[str, list[dict]]) -> None:
        """An article's item rows (and its full-text row) into `pending`, for _flush_items."""
        art = d["article"]
        for kind in ITEM_KINDS:
            pending.setdefault(kind, []).extend(self._item_row(kind, art["id"], i, item)
                                                for i, item in enumerate(d[kind]))
        if self.dialect == "sqlite":
            pending.setdefault("fts", []).append({"i": art["id"], "t": art.get("title") or "",
                                                  "x": art.get("text") or ""})

    @staticmethod
    def _sighting_row(art: dict, seen_at: float) -> dict:
        key = hashlib.sha256("\x1f".join(str(art.get(k) or "") for k in ("source", "url", "path"))
                             .encode("utf-8")).hexdigest()[:32]
        return {"article_id": art["id"], "key": key, "source": art.get("source"), "url": art.get("url"),
                "path": art.get("path"), "published": art.get("published"), "input_id": art.get("input_id"),
                "seen_at": seen_at}

    def sightings(self, article_id: str) -> list[dict]:
        """Every outlet/URL/file a stored article was read from, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(sightings).where(sightings.c.article_id == article_id)
                                .order_by(sightings.c.seen_at, sightings.c.key))
            return [dict(r._mapping) for r in rows]

    @staticmethod
    def _item_row(kind: str, article_id: str, idx: int, item: dict) -> dict:
        row = {"article_id": article_id, "idx": idx, "start": item.get("start"), "end": item.get("end"),
               "sentence": item.get("sentence"), "data": _dumps(item)}
        for name, _ in ITEM_COLUMNS[kind]:
            row[name] = _column_value(kind, name, item)
        return row

    # ---- reading ------------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(articles.c.id).where(articles.c.id == article_id)).first() is not None

    def ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return {r[0] for r in conn.execute(sa.select(articles.c.id))}

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            out = {"articles": conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()}
            for kind, table in item_tables.items():
                out[kind] = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        return out

    def articles(self, *, since: str | None = None, until: str | None = None, source: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict]:
        cols = [articles.c.id, articles.c.input_id, articles.c.title, articles.c.published, articles.c.source,
                articles.c.url, articles.c.language, articles.c.path, articles.c.n_items, articles.c.supersedes]
        q = sa.select(*cols)
        if since:
            q = q.where(articles.c.published >= since)
        if until:
            q = q.where(articles.c.published <= until)
        if source:
            q = q.where(sa.func.lower(articles.c.source) == source.lower())
        q = q.order_by(articles.c.published.desc().nulls_last() if self.dialect == "postgresql"
                       else articles.c.published.desc(), articles.c.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def article(self, article_id: str) -> dict | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
        if r is None:
            return None
        d = dict(r._mapping)
        for k in ("authors", "boilerplate", "fingerprint", "sentences", "entities"):
            d[k] = json.loads(d[k]) if d.get(k) else []
        return d

    def extraction(self, article_id: str) -> Extraction | None:
        """Rebuild the full Extraction of a stored article."""
        a = self.article(article_id)
        if a is None:
            return None
        art = {k: a.get(k) for k in ("id", "title", "authors", "published", "source", "language", "text",
                                       "url", "input_id", "path", "byline", "boilerplate", "fingerprint")}
        d: dict[str, Any] = {"article": art, "sentences": a["sentences"], "entities": a["entities"]}
        with self.engine.connect() as conn:
            for kind, table in item_tables.items():
                rows = conn.execute(sa.select(table.c.data).where(table.c.article_id == article_id)
                                    .order_by(table.c.idx))
                d[kind] = [json.loads(r[0]) for r in rows]
        return extraction_from_dict(d)

    def items(self, kind: str, *, limit: int = 100, offset: int = 0, order: str | None = None,
              **filters) -> list[dict]:
        """Items of one kind with their article's publication data, filtered and paged.

        Filters: since, until, place, category, event_type, source, actor, article_id,
        bbox (west, south, east, north), certainty, timing, min_confidence (see `items_query`)."""
        q = self.items_query(kind, **filters)
        t, c = item_tables[kind], item_tables[kind].c
        sort = []
        if order:
            desc = order.startswith("-")
            name = order.lstrip("-")
            col = c[name] if name in c else articles.c[name] if name in articles.c else None
            if col is None:
                raise StoreError(f"cannot sort {kind} by {name!r}")
            sort.append((col.desc() if desc else col.asc()).nulls_last())
        elif "date_start" in c:
            sort.append(c.date_start.asc().nulls_last())
        # NULLS LAST spelled out: SQLite and PostgreSQL order NULLs differently by default.
        sort += [articles.c.published.asc().nulls_last(), t.c.article_id.asc(), t.c.idx.asc()]
        q = q.order_by(*sort).limit(limit).offset(offset)
        out = []
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                item = json.loads(r.data)
                item.update({"article_id": r.article_id, "idx": r.idx, "article_title": r.title,
                             "published": r.published, "publisher": r.publisher, "url": r.url})
                out.append(item)
        return out

    def items_query(self, kind: str, *, since: str | None = None, until: str | None = None,
                    place: str | PlaceScope | None = None, category: str | None = None,
                    event_type: str | None = None, source: str | None = None, actor: str | None = None,
                    article_id: str | None = None, bbox: tuple[float, float, float, float] | None = None,
                    certainty: str | tuple[str, ...] | None = None, timing: str | tuple[str, ...] | None = None,
                    min_confidence: float | None = None, plover: str | None = None,
                    mode: str | None = None) -> sa.Select:
        """The filtered SELECT behind `items` (unordered, unpaged), for listings and aggregates.

        place: containment in the gazetteer's hierarchy (`sitrep.query.place_scope`): a
        country holds its regions and cities, a region its cities, a city its districts.
        source, actor: a known name or alias (`query.name_variants`: SANA, SOHR, IDF ...)
        matches every name of its group as whole words; anything else matches as a substring.
        certainty, timing: one value or several (a tuple, or comma-separated); min_confidence:
        the least confidence. Rows whose column is NULL (stored before it existed) pass.
        plover, mode: an event's PLOVER category and mode (case-insensitive)."""
        if kind not in item_tables:
            raise StoreError(f"unknown item kind {kind!r}: one of {', '.join(ITEM_KINDS)}")
        # A NUL in a filter: PostgreSQL refuses it as a parameter, SQLite would compare it.
        since, until, place, category, event_type, source, actor, article_id, certainty = (
            storable(v) for v in (since, until, place, category, event_type, source, actor, article_id, certainty))
        t = item_tables[kind]
        q = (sa.select(t.c.article_id, t.c.idx, t.c.data, articles.c.title, articles.c.published,
                       articles.c.source.label("publisher"), articles.c.url)
             .join(articles, articles.c.id == t.c.article_id))
        c = t.c
        q = _date_filters(q, c, since, until)
        if place:
            if kind not in PLACE_COLUMN:
                raise StoreError(f"--place does not apply to {kind}")
            q = q.where(_in_place(kind, t, place if isinstance(place, PlaceScope) else place_scope(place)))
        if category:
            if "category" not in c:
                raise StoreError(f"--category does not apply to {kind}")
            q = q.where(c.category == category)
        if event_type:
            if "event_type" not in c:
                raise StoreError(f"--type does not apply to {kind}")
            et = event_type.lower()
            q = q.where(sa.or_(sa.func.lower(c.event_type) == et, sa.func.lower(c.sub_event_type) == et,
                               sa.func.lower(c.plover) == et))
        q = _name_filters(q, kind, c, source, actor)
        q = _status_filters(q, kind, c, certainty, timing, min_confidence)
        if plover:
            if "plover" not in c:
                raise StoreError(f"--plover does not apply to {kind}")
            q = q.where(sa.func.lower(c.plover) == plover.lower())
        if mode:
            if "mode" not in c:
                raise StoreError(f"--mode does not apply to {kind}")
            q = q.where(sa.func.lower(c.mode) == storable(mode).lower())
        if bbox:
            q = _bbox_filter(q, kind, c, bbox)
        if article_id:
            q = q.where(c.article_id == article_id)
        return q

    def iter_items(self, kind: str, batch: int = 5000, **filters) -> Iterator[dict]:
        offset = 0
        while True:
            rows = self.items(kind, limit=batch, offset=offset, **filters)
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    def timeline(self, kind: str, **filters) -> list[dict]:
        """Items of one kind per day (their start date, else their article's publication
        date), under the filters of `items`: [{"date": "YYYY-MM-DD", "count": n}, ...]."""
        q = self.items_query(kind, **filters)
        c = item_tables[kind].c
        when = sa.func.coalesce(c.date_start, articles.c.published) if "date_start" in c else articles.c.published
        sub = q.with_only_columns(sa.func.substr(when, 1, 10).label("day")).subquery()
        agg = (sa.select(sub.c.day, sa.func.count().label("n")).where(sub.c.day.is_not(None))
               .group_by(sub.c.day).order_by(sub.c.day))
        with self.engine.connect() as conn:
            return [{"date": d, "count": n} for d, n in conn.execute(agg)]

    def figure_coordinates(self, figures: list[dict]) -> list[tuple[float, float] | None]:
        """For each figure (as `items` gives them), the coordinates of the first geocoded
        place of the same name (case aside) in its article, or None. A figure names its
        place; the coordinates are the place mention's."""
        ids = sorted({f["article_id"] for f in figures if f.get("place")})
        coords: dict[tuple[str, str], tuple[float, float]] = {}
        if ids:
            p = item_tables["places"].c
            q = (sa.select(p.article_id, p.name, p.lat, p.lon)
                 .where(p.article_id.in_(ids), p.lat.is_not(None), p.lon.is_not(None))
                 .order_by(p.article_id, p.idx))
            with self.engine.connect() as conn:
                for aid, name, lat, lon in conn.execute(q):
                    coords.setdefault((aid, (name or "").lower()), (lat, lon))
        return [coords.get((f["article_id"], (_actor_name(f.get("place")) or "").lower())) for f in figures]

    def iter_articles(self) -> Iterator[dict]:
        """Every stored article row (text included, authors decoded), by publication date."""
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(articles).order_by(articles.c.published, articles.c.id)):
                d = dict(r._mapping)
                d["authors"] = json.loads(d["authors"]) if d.get("authors") else []
                yield d

    def fused_rows(self, table_name: str, order: list[str]) -> Iterator[dict]:
        """The rows of one fused table (FUSED_TABLES), ordered by the columns `order`."""
        t = FUSED_TABLES[table_name]
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(t).order_by(*(t.c[c] for c in order))):
                yield dict(r._mapping)

    def search(self, query: str, *, limit: int = 20) -> list[dict]:
        """Full-text search over titles and bodies (FTS5 / PostgreSQL tsvector), the same
        syntax on both: words (all must occur, stemmed), "a phrase", prefix*, -word, and
        OR between alternatives (`sitrep.query.parse_search`). Snippets mark matches [so]."""
        check_search_cost(query)
        groups = parse_search(storable(query))
        if not groups:
            return []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                fts = _fts5_query(groups, lambda t: self._indexed_words(conn, t.text))
                rows = conn.execute(sa.text(
                    "SELECT a.id, a.title, a.published, a.source, "
                    "snippet(articles_fts, 2, '[', ']', ' … ', 12) AS snippet "
                    "FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id "
                    "WHERE articles_fts MATCH :q ORDER BY rank, a.id LIMIT :n"), {"q": fts, "n": limit})
            else:
                rows = conn.execute(sa.text(
                    "SELECT id, title, published, source, ts_headline('english', text, q, "
                    "'StartSel=[, StopSel=], MaxWords=14, MinWords=6') AS snippet "
                    "FROM articles, to_tsquery('english', :q) q "
                    "WHERE to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, '')) @@ q "
                    "ORDER BY ts_rank(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, '')), q) "
                    "DESC, id "
                    "LIMIT :n"), {"q": _tsquery(groups), "n": limit})
            return [dict(r._mapping) for r in rows]

    @staticmethod
    def _indexed_words(conn, prefix: str, most: int = 64) -> list[str]:
        """SQLite: the indexed (stemmed) words that start with `prefix` as typed. FTS5's
        porter tokenizer stems a prefix query too ("Kays*" -> "kai*", which misses
        "kayseri"); PostgreSQL's stemmer keeps such prefixes, so this keeps the backends
        alike. Read from a per-connection fts5vocab table (nothing written to the store)."""
        conn.execute(sa.text("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_words "
                             "USING fts5vocab(main, articles_fts, 'row')"))
        low = prefix.lower()
        rows = conn.execute(sa.text("SELECT term FROM temp.articles_fts_words WHERE term >= :lo AND term < :hi "
                                    "ORDER BY term LIMIT :n"), {"lo": low, "hi": low + "\U0010ffff", "n": most})
        return [r[0] for r in rows]

    def place_counts(self, *, limit: int = 100, offset: int = 0, **filters) -> list[dict]:
        """Each place once (name, gazetteer entry, country) with how often reports name it
        (`mentions`) and in how many reports (`reports`), most named first."""
        p = item_tables["places"].c
        sub = self.items_query("places", **filters).with_only_columns(
            p.name, p.geonameid, p.country, p.admin1, p.feature, p.lat, p.lon, p.article_id).subquery()
        keys = [sub.c.name, sub.c.geonameid, sub.c.country, sub.c.admin1, sub.c.feature]
        q = (sa.select(*keys, sa.func.min(sub.c.lat).label("lat"), sa.func.min(sub.c.lon).label("lon"),
                       sa.func.count().label("mentions"),
                       sa.func.count(sa.distinct(sub.c.article_id)).label("reports"))
             .group_by(*keys)
             .order_by(sa.desc("mentions"), sub.c.name, sub.c.country.asc().nulls_last(),
                       sub.c.geonameid.asc().nulls_last(), sub.c.admin1.asc().nulls_last(),
                       sub.c.feature.asc().nulls_last())
             .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def incidents(self, *, since: str | None = None, until: str | None = None,
                  place: str | PlaceScope | None = None, bbox: tuple[float, float, float, float] | None = None,
                  event_type: str | None = None, certainty: str | tuple[str, ...] | None = None,
                  timing: str | tuple[str, ...] | None = None, min_confidence: float | None = None,
                  limit: int | None = None, offset: int = 0, summary: bool = False,
                  plover: str | None = None, mode: str | None = None) -> list[dict]:
        """Fused events (one per incident, every report's mention inside), by date.

        certainty, timing, min_confidence: an incident passes when at least one of its
        reports' event mentions does (so an incident one outlet asserts and another only
        fears is listed). place: containment, as for `items` (on the incident's place,
        country, admin1 and point). event_type: ACLED type, sub-type, PLOVER code or family.
        summary: the indexed columns only (what a map and a table show; no JSON decoded
        unless a place filter needs the record's country and admin1). plover, mode: the
        incident's consensus PLOVER category and mode (case-insensitive; the mode is read
        from the record)."""
        scope = place if isinstance(place, PlaceScope) or not place else place_scope(place)
        mode = storable(mode).lower() if mode else None
        q = self._incidents_query(since, until, bbox, event_type, certainty, timing, min_confidence)
        if plover:
            q = q.where(sa.func.lower(fused_events.c.plover) == plover.lower())
        need_record = bool(scope or mode or not summary)
        if not need_record:  # the JSON record is most of a row: not read when not needed
            q = q.with_only_columns(*(c for c in fused_events.c if c.name not in _SUMMARY_UNREAD))
        out: list[dict] = []
        skip = offset
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                rec = json.loads(row.data) if need_record else None
                if mode and (rec.get("mode") or "").lower() != mode:
                    continue
                if scope and not scope.contains(place=rec.get("place"), country=rec.get("country"),
                                                admin1=rec.get("admin1"), within=rec.get("within"),
                                                lat=rec.get("lat"), lon=rec.get("lon")):
                    continue
                if skip:
                    skip -= 1
                    continue
                out.append(_incident_summary(row) if summary else rec)
                if limit is not None and len(out) >= limit:
                    break
        return out

    @staticmethod
    def _incidents_query(since, until, bbox, event_type, certainty, timing, min_confidence) -> sa.Select:
        fe, members, ev = fused_events.c, fused_event_members.c, item_tables["events"].c
        q = sa.select(fused_events)
        if since:
            q = q.where(sa.func.coalesce(fe.date_end, fe.date_start) >= since)
        if until:
            q = q.where(fe.date_start <= until)
        if bbox:
            west, south, east, north = bbox
            q = q.where(fe.lat >= south, fe.lat <= north, fe.lon >= west, fe.lon <= east)
        if event_type:
            et = event_type.lower()
            q = q.where(sa.or_(*(sa.func.lower(col) == et for col in (fe.event_type, fe.sub_event_type, fe.plover,
                                                                       fe.family))))
        if _as_values(certainty) or _as_values(timing) or min_confidence is not None:
            # IN, not a correlated EXISTS: the passing incidents are found once, not per row.
            sub = sa.select(members.event_id).select_from(fused_event_members.join(
                item_tables["events"], sa.and_(ev.article_id == members.article_id, ev.idx == members.idx)))
            q = q.where(fe.id.in_(_status_filters(sub, "events", ev, certainty, timing, min_confidence)))
        return q.order_by(fe.date_start.asc().nulls_last(), fe.id)

    def incident(self, incident_id: str) -> dict | None:
        """One fused event's full record (every report's mention), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(fused_events.c.data).where(fused_events.c.id == incident_id)).first()
        return json.loads(row[0]) if row else None

    def verify(self) -> None:
        """Raise StoreDamaged when a SQLite file has damaged pages (PRAGMA quick_check): run
        before a write command, so nothing is ever written into a damaged file."""
        if self.dialect != "sqlite":
            return
        with self.engine.connect() as conn:
            found = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
        if found != ["ok"]:
            raise StoreDamaged(f"{self.name}: damaged ({'; '.join(found)[:200]}): run `sitrep check`; "
                               "nothing was written to it")

    def check(self) -> list[str]:
        """Every integrity problem found (empty: none): SQLite's page and index check, the
        full-text index against its table, the schema version, and each article's item
        count against the items stored for it."""
        found: list[str] = []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                pages = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(20)")]
                found += [f"pages: {p}" for p in pages if p != "ok"]
                if pages == ["ok"] and not self.read_only:
                    try:
                        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts, rank) "
                                             "VALUES ('integrity-check', 1)")
                    except sa.exc.SQLAlchemyError as exc:
                        found.append(f"full-text index: {_short(exc)}")
                    conn.rollback()
        if found:
            return found
        if self.schema_version() != SCHEMA_VERSION:
            found.append(f"schema version {self.schema_version()}, expected {SCHEMA_VERSION}")
        found += [f"article {aid}: stored items differ from its declared count" for aid in self.check_integrity()]
        return found

    # ---- fusion (sitrep/fuse): what it reads, and its one write ------------------------
    def fusion_state(self) -> dict[str, Any]:
        """How the fused views were built: `period` and fusion `version` (None before the
        first fuse), how many articles are fused and how many fused events there are."""
        with self.engine.connect() as conn:
            meta = dict(conn.execute(sa.select(meta_table.c.key, meta_table.c.value)
                                     .where(meta_table.c.key.in_(("fuse_period", "fuse_version")))).all())
            fused = conn.execute(sa.select(sa.func.count()).select_from(fused_articles)).scalar_one()
            events = conn.execute(sa.select(sa.func.count()).select_from(fused_events)).scalar_one()
        return {"period": meta.get("fuse_period"), "version": meta.get("fuse_version"), "fused": fused,
                "events": events}

    _REPORT_COLUMNS = ("id", "published", "source", "url", "fingerprint", "supersedes")

    def unfused_articles(self, *, everything: bool = False) -> list[dict]:
        """The articles no fuse has taken yet (every article with `everything`), oldest
        first: id, published, source, url, fingerprint (decoded), supersedes."""
        q = sa.select(*(articles.c[c] for c in self._REPORT_COLUMNS))
        if not everything:
            q = q.outerjoin(fused_articles, fused_articles.c.article_id == articles.c.id).where(
                fused_articles.c.article_id.is_(None))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
        for r in rows:
            r["fingerprint"] = json.loads(r["fingerprint"]) if r["fingerprint"] else []
        return sorted(rows, key=lambda r: (r["published"] or "", r["id"]))

    def reports(self, ids: Iterable[str]) -> list[dict]:
        """The same fields as `unfused_articles` for the given article ids."""
        out = []
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(ids))):
                q = sa.select(*(articles.c[c] for c in self._REPORT_COLUMNS)).where(articles.c.id.in_(chunk))
                out += [dict(r._mapping) for r in conn.execute(q)]
        for r in out:
            r["fingerprint"] = json.loads(r["fingerprint"]) if r["fingerprint"] else []
        return sorted(out, key=lambda r: (r["published"] or "", r["id"]))

    def article_text(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(articles.c.text).where(articles.c.id == article_id)).first()
        return r[0] if r else None

    def articles_in_bands(self, bands: Iterable[int]) -> set[str]:
        """Fused articles sharing at least one LSH band with the given ones."""
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(bands))):
                out.update(r[0] for r in conn.execute(sa.select(report_bands.c.article_id)
                                                      .where(report_bands.c.band.in_(chunk))))
        return out

    def links_touching(self, ids: Iterable[str]) -> list[dict]:
        """Stored near-duplicate links whose copy or original is one of `ids`."""
        out: dict[tuple[str, str], dict] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(ids))):
                q = sa.select(report_links).where(sa.or_(report_links.c.article_id.in_(chunk),
                                                         report_links.c.original_id.in_(chunk)))
                out.update(((r.article_id, r.original_id), dict(r._mapping)) for r in conn.execute(q))
        return [out[k] for k in sorted(out)]

    def report_items(self, kind: str, article_ids: Iterable[str] | None = None) -> Iterator[dict]:
        """Every item of a kind (of the given articles only, when given) with its report's
        publication data, in (article_id, idx) order, streamed."""
        t = item_tables[kind]
        q = (sa.select(t.c.article_id, t.c.idx, t.c.data, articles.c.published,
                       articles.c.source.label("publisher"), articles.c.url, articles.c.title)
             .join(articles, articles.c.id == t.c.article_id))
        chunks = [None] if article_ids is None else list(_chunks(sorted(set(article_ids))))
        with self.engine.connect() as conn:
            for chunk in chunks:
                qc = q if chunk is None else q.where(t.c.article_id.in_(chunk))
                for r in conn.execute(qc.order_by(t.c.article_id, t.c.idx)):
                    d = json.loads(r.data)
                    d.update({"article_id": r.article_id, "idx": r.idx, "published": r.published,
                              "publisher": r.publisher, "url": r.url, "article_title": r.title})
                    yield d

    def fused_events_between(self, day_from: str, day_to: str, *, families: Iterable[str]
                             ) -> list[tuple[str, str | None, str | None, str]]:
        """(id, date_start, date_end, family) of the fused events of those families whose
        dates may hold a day in [day_from, day_to]."""
        c = fused_events.c
        q = sa.select(c.id, c.date_start, c.date_end, c.family).where(
            c.date_start <= day_to, c.date_end >= day_from, c.family.in_(list(families)))
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q)]

    def fused_events_saying(self, keys: Iterable[str]) -> set[str]:
        """Ids of the fused events holding a mention whose sentence key (view "sentence"
        of view_members) is one of `keys`."""
        fm, vm = fused_event_members.c, view_members.c
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(keys))):
                q = (sa.select(fm.event_id).join(view_members, sa.and_(vm.article_id == fm.article_id,
                                                                       vm.idx == fm.idx))
                     .where(vm.view == "sentence", vm.key.in_(chunk)))
                out.update(r[0] for r in conn.execute(q))
        return out

    def fused_events_holding(self, article_ids: Iterable[str]) -> set[str]:
        """Ids of the fused events holding a mention of one of the articles."""
        fm = fused_event_members.c
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(article_ids))):
                out.update(r[0] for r in conn.execute(sa.select(fm.event_id).where(fm.article_id.in_(chunk))))
        return out

    def fused_event_summaries(self, ids: Iterable[str]) -> list[tuple]:
        """(id, family, date_start, date_end, lat, lon, radius_km, place keys) of fused events."""
        c = fused_events.c
        out = []
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(ids))):
                q = sa.select(c.id, c.family, c.date_start, c.date_end, c.lat, c.lon, c.radius_km, c.place_keys)
                out += [(*r[:7], json.loads(r[7] or "[]")) for r in conn.execute(q.where(c.id.in_(chunk)))]
        return sorted(out)

    def fused_event_records(self, ids: Iterable[str]) -> dict[str, dict]:
        out = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(ids))):
                out.update((r.id, json.loads(r.data)) for r in
                           conn.execute(sa.select(fused_events.c.id, fused_events.c.data)
                                        .where(fused_events.c.id.in_(chunk))))
        return out

    def view_members(self, view: str, *, keys: Iterable[str] = (), article_ids: Iterable[str] = ()
                     ) -> list[tuple[str, int, str]]:
        """(article_id, idx, key) of a fused view's members with one of `keys` or from one
        of `article_ids`."""
        vm = view_members.c
        out: set[tuple[str, int, str]] = set()
        with self.engine.connect() as conn:
            for col, values in ((vm.key, keys), (vm.article_id, article_ids)):
                for chunk in _chunks(sorted(set(values))):
                    q = sa.select(vm.article_id, vm.idx, vm.key).where(vm.view == view, col.in_(chunk))
                    out.update(tuple(r) for r in conn.execute(q))
        return sorted(out)

    def write_fusion(self, w: FusionWrite) -> int:
        """Write one fuse's results in one transaction (all of it or, on error, none);
        return the number of fused events stored."""
        try:
            return self._write_fusion(w)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.name}: the fused views could not be written, the store is as it was "
                             f"before this fuse: {exc.orig if getattr(exc, 'orig', None) else exc}") from exc

    def _write_fusion(self, w: FusionWrite) -> int:
        with self.engine.begin() as conn:
            if w.reset:
                for t in FUSED_TABLES.values():
                    conn.execute(t.delete())
            self._write_rows(conn, report_links, w.links, ignore=True)
            self._write_rows(conn, report_bands, w.bands, ignore=True)
            self._replace(conn, fused_events, fused_events.c.id, [r["id"] for r in w.events],
                          [_fused_event_row(r, w.now, w.event_place_keys.get(r["id"], [])) for r in w.events])
            self._write_rows(conn, fused_event_members, w.event_members, ignore=True)
            self._write_rows(conn, view_members, [dict(r, view="sentence") for r in w.sentence_members], ignore=True)
            self._write_rows(conn, fused_articles, [{"article_id": a, "fused_at": w.now} for a in w.articles],
                             ignore=True)
            self._replace(conn, figure_series, figure_series.c.id, w.series_keys,
                          [_series_row(s) for s in w.series])
            self._replace(conn, control_changes, control_changes.c.place_key, w.control_keys,
                          [_control_row(c) for c in w.control])
            for view, keys, rows in (("series", w.series_keys, w.series_members),
                                     ("control", w.control_keys, w.control_members)):
                self._replace_members(conn, view, keys, w.member_articles, rows)
            for key, value in w.meta.items():
                conn.execute(meta_table.delete().where(meta_table.c.key == key))
                conn.execute(meta_table.insert().values(key=key, value=value))
            return conn.execute(sa.select(sa.func.count()).select_from(fused_events)).scalar_one()

    def _write_rows(self, conn, table: sa.Table, rows: list[dict], *, ignore: bool = False) -> None:
        for chunk in _chunks(rows, 2000):
            conn.execute(self._insert_ignore(table) if ignore else table.insert(), chunk)

    def _replace(self, conn, table: sa.Table, key_col, keys: Iterable[str], rows: list[dict]) -> None:
        for chunk in _chunks(sorted(set(keys))):
            conn.execute(table.delete().where(key_col.in_(chunk)))
        self._write_rows(conn, table, rows)

    def _replace_members(self, conn, view: str, keys: list[str], article_ids: list[str], rows: list[dict]) -> None:
        vm = view_members.c
        for col, values in ((vm.key, keys), (vm.article_id, article_ids)):
            for chunk in _chunks(sorted(set(values))):
                conn.execute(view_members.delete().where(vm.view == view, col.in_(chunk)))
        self._write_rows(conn, view_members, [dict(r, view=view) for r in rows], ignore=True)

    # ---- fused views, read back ---------------------------------------------------------
    def _read_view(self, table: sa.Table, place: str | None, conditions: list, order: tuple) -> list[dict]:
        """A fused view's records: those whose place contains `place`, under `conditions`."""
        c = table.c
        if place:
            conditions = [sa.func.lower(c.place).like(f"%{place.lower()}%"), *conditions]
        return self._records(sa.select(c.data).where(*conditions).order_by(*order))

    def read_fused_events(self, *, place: str | None = None, since: str | None = None,
                          until: str | None = None) -> list[dict]:
        c = fused_events.c
        when = [sa.func.coalesce(c.date_end, c.date_start) >= since] if since else []
        when += [c.date_start <= until] if until else []
        return self._read_view(fused_events, place, when, (c.date_start, c.id))

    def read_figure_series(self, *, place: str | None = None, since: str | None = None,
                           until: str | None = None, category: str | None = None) -> list[dict]:
        c = figure_series.c
        when = [sa.or_(c.period_end.is_(None), c.period_end >= since)] if since else []
        when += [sa.or_(c.period_start.is_(None), c.period_start <= until)] if until else []
        when += [c.category == category] if category else []
        return self._read_view(figure_series, place, when, (c.place, c.category, c.period_start, c.id))

    def read_control_changes(self, *, place: str | None = None, since: str | None = None,
                             until: str | None = None) -> list[dict]:
        c = control_changes.c
        when = [c.date_start <= until] if until else []
        # the change in force at `since` matters too: keep those held past it
        when += [sa.or_(c.held_until.is_(None), c.held_until >= since)] if since else []
        return self._read_view(control_changes, place, when, (c.place, c.date_start, c.id))

    def _records(self, q) -> list[dict]:
        with self.engine.connect() as conn:
            return [json.loads(r[0]) for r in conn.execute(q)]

    def read_report_links(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(report_links).order_by(
                report_links.c.article_id, report_links.c.original_id))]

    def check_integrity(self) -> list[str]:
        """Articles whose stored item count differs from what they declare (should be none)."""
        bad = []
        with self.engine.connect() as conn:
            declared = dict(conn.execute(sa.select(articles.c.id, articles.c.n_items)).all())
            actual: dict[str, int] = {}
            for table in item_tables.values():
                for aid, n in conn.execute(sa.select(table.c.article_id, sa.func.count())
                                           .group_by(table.c.article_id)):
                    actual[aid] = actual.get(aid, 0) + n
        for aid, n in declared.items():
            if actual.get(aid, 0) != n:
                bad.append(aid)
        return sorted(bad)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class StoredIds:
    """Which of a batch of article ids a store already holds, read-only (a Ray worker's
    pre-check before it parses a shard).

    SQLite is opened read-only (WAL lets it read while the driver writes); a database the
    worker cannot see (another node) just means no pre-check: the driver's `Store.add`
    still skips those articles, only the extraction work is spent again."""

    def __init__(self, target: str):
        self.target = target
        self._conn: Any = None
        self._engine: Any = None
        if "://" in target:
            self._engine = sa.create_engine(_url(target), future=True)
        elif Path(target).exists():
            self._conn = sqlite3.connect(f"file:{Path(target).resolve()}?mode=ro", uri=True,
                                         check_same_thread=False)
            self._conn.execute("PRAGMA busy_timeout=30000")

    def present(self, ids: list[str]) -> set[str]:
        ids = [i for i in ids if i]
        if not ids:
            return set()
        if self._conn is not None:
            marks = ",".join("?" * len(ids))
            try:
                return {r[0] for r in self._conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids)}
            except sqlite3.OperationalError:  # no articles table yet
                return set()
        if self._engine is not None:
            with self._engine.connect() as conn:
                return {r[0] for r in conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(ids)))}
        return set()


def _log_notice(message: str) -> None:
    logging.getLogger("sitrep").warning(message)


# Search cost caps: a query is at most this many characters and distinct terms, each term
# at most this long (a request of "the " x 120 took 6 s on 411 reports before).
MAX_SEARCH_CHARS = 500
MAX_SEARCH_TERMS = 12
MAX_TERM_CHARS = 64


def check_search_cost(query: str) -> None:
    """Raise QueryError naming the cap a search query goes over."""
    if len(query) > MAX_SEARCH_CHARS:
        raise QueryError(f"q: search text longer than {MAX_SEARCH_CHARS} characters")
    terms = {t.lower() for t in query.split()}
    if len(terms) > MAX_SEARCH_TERMS:
        raise QueryError(f"q: more than {MAX_SEARCH_TERMS} different search terms ({len(terms)})")
    long = next((t for t in terms if len(t) > MAX_TERM_CHARS), None)
    if long:
        raise QueryError(f"q: search term longer than {MAX_TERM_CHARS} characters ({long[:20]}...)")
