"""Shared by the fusion modules: tolerances and families from the data files,
dates as day numbers, names, precisions and distances."""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import FusionError, SitrepError
from ..vocab import read_table

# Certainties that count as a report's claim (the rest are hypothetical, planned ...).
CREDIBLE = ("asserted", "claimed")

# ---------------------------------------------------------------------------------------
# data files
# ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def params() -> dict[str, float]:
    return {r["name"]: float(r["value"]) for r in read_table("fusion_params.csv")}


@functools.lru_cache(maxsize=1)
def families() -> dict[str, str]:
    return {r["key"]: r["family"] for r in read_table("event_families.csv")}


@functools.lru_cache(maxsize=1)
def event_ranks() -> dict[str, int]:
    """Sub-event type -> ACLED hierarchy rank (lower wins), from the events vocabulary."""
    try:
        rows = read_table("event_types.csv")
    except FileNotFoundError:
        return {}
    out = {}
    for r in rows:
        if r.get("sub_event_type"):
            try:
                out[r["sub_event_type"]] = int(r.get("rank") or 99)
            except ValueError:
                pass
    return out


@functools.lru_cache(maxsize=1)
def control_cues() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r"\b" + re.escape(r["cue"]) + r"\b", re.I), r["meaning"])
            for r in read_table("control_cues.csv")]


def event_family(event_type: str | None, plover: str | None = None) -> str | None:
    if event_type:
        return families().get(event_type, event_type)
    if plover:
        return "plover:" + plover
    return None


# ---------------------------------------------------------------------------------------
NUM_PERM = 64
SHINGLE = 5
WORD = re.compile(r"\w+", re.UNICODE)


# ---------------------------------------------------------------------------------------
# event fusion
# ---------------------------------------------------------------------------------------


def day_number(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(str(iso)[:10]).toordinal()
    except ValueError:
        return None


def iso_day(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day is not None else None


def norm(name: str | None) -> str:
    return " ".join(WORD.findall((name or "").lower()))


def similar_sentences(a: str | None, b: str | None) -> bool:
    """Nearly the same sentence (a copy's, with a byline or a word changed): of the
    shorter one's words (4 at least), 80% are in the other."""
    wa, wb = set(WORD.findall((a or "").lower())), set(WORD.findall((b or "").lower()))
    if min(len(wa), len(wb)) < 4:
        return False
    return len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def name_of(v: Any) -> str | None:
    if isinstance(v, dict):
        return v.get("name")
    return getattr(v, "name", v) if v is not None else None


def place_precision(feature: str | None, precision: str | None) -> str | None:
    """One label for how precise a place's coordinates are as an event location:
    district/landmark (a point in a city), city, admin1, country. A district located by
    its city's coordinates (precision "city") is only as precise as the city."""
    if precision == "city" and feature in ("district", "landmark"):
        return "city"
    return feature or precision


def radius_km(geo_precision: Any, feature: str | None = None) -> float:
    """How far from its coordinates a mention's event may be, from its precision. A bare
    "point" (a point of an unknown feature: a city's point or a street's) counts as a city."""
    p = params()
    g = str(geo_precision or feature or "").lower()
    if g in ("1", "district", "landmark", "exact", "street", "neighbourhood", "neighborhood"):
        return p["radius_point_km"]
    if g in ("city", "town", "village", "near", "point", "2") or not g:
        return p["radius_city_km"]
    if g in ("admin2", "adm2", "county", "district_centroid"):
        return p["radius_admin2_km"]
    if g in ("admin1", "adm1", "3", "region", "province", "governorate", "centroid"):
        return p["radius_admin1_km"]
    if g in ("country",):
        return p["radius_country_km"]
    return p["radius_city_km"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


@contextmanager
def fusing(what: str) -> Iterator[None]:
    """Name the item a fusion error happened on (an error of ours passes as it is)."""
    try:
        yield
    except SitrepError:
        raise
    except Exception as exc:
        raise FusionError(f"fusion failed on {what} ({type(exc).__name__}: {exc}); "
                          "nothing of this fuse was written") from exc
