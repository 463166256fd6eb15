"""Figure series: per place, category, unit and period, every source's value."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable

from .common import CREDIBLE, day_number, name_of, norm, params

# ---------------------------------------------------------------------------------------
# figure series
# ---------------------------------------------------------------------------------------
PRO_GOV = ("pro-government", "pro_government", "government", "state_media", "state media", "pro-regime")
PRO_OPP = ("pro-opposition", "pro_opposition", "opposition", "pro-rebel", "rebel")


def _stance_side(stance: str | None) -> str | None:
    s = (stance or "").lower()
    if not s:
        return None
    if any(s.startswith(x) or s == x for x in PRO_GOV):
        return "gov"
    if any(s.startswith(x) or s == x for x in PRO_OPP):
        return "opp"
    return "neutral"


def period_key(date: str | None, granularity: str = "day") -> tuple[str, str, str] | None:
    """(key, start, end) of the period holding `date`."""
    if granularity not in ("day", "week", "month", "year"):
        raise ValueError(f"period {granularity!r}: use day, week, month or year")
    d = day_number(date)
    if d is None:
        return None
    day = dt.date.fromordinal(d)
    if granularity == "day":
        return day.isoformat(), day.isoformat(), day.isoformat()
    if granularity == "week":
        y, w, _ = day.isocalendar()
        start = day - dt.timedelta(days=day.weekday())
        return f"{y}-W{w:02d}", start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
    if granularity == "month":
        start = day.replace(day=1)
        nxt = (start + dt.timedelta(days=32)).replace(day=1)
        return day.strftime("%Y-%m"), start.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
    if granularity == "year":
        return str(day.year), f"{day.year}-01-01", f"{day.year}-12-31"
    raise ValueError(f"period {granularity!r}: use day, week, month or year")


def series_key(f: dict, period: str = "day", as_of: str | None = None) -> tuple:
    """(place key, category, unit, kind, (period, start, end)) of a figure. The as-of date:
    a stock stands at its end date, a flow is counted to its end; an undated figure stands
    at `as_of` (its original's publication, for a copy) or its report's publication."""
    pk = period_key(f.get("date_end") or f.get("date_start") or as_of or f.get("published"), period)
    return (norm(name_of(f.get("place"))), f.get("category"), f.get("unit") or "people", f.get("kind") or "flow",
            pk or ("undated", None, None))


def series_id(key: tuple) -> str:
    """A series' id: the hash of its key, so one key has one id (stable, unique)."""
    pkey, category, unit, kind, (per, _, _) = key
    return "FS-" + hashlib.sha1(f"{pkey}|{category}|{unit}|{kind}|{per}".encode()).hexdigest()[:12]


def _voice(f: dict, root: str) -> tuple:
    return (root, norm(name_of(f.get("place"))), f.get("category"), f.get("unit") or "people",
            f.get("kind") or "flow", norm(f.get("source")), f.get("low"), f.get("best"), f.get("high"))


def assign_series(figures: Iterable[dict], period: str, copies: dict[str, str],
                  published: dict[str, str | None]) -> list[tuple[tuple, dict]]:
    """(series key, figure) for each figure. A near-copy's figure that repeats a value of
    its original (same place, category, source and numbers) joins the original's series,
    even when the copy's own dates would put it in another period: one item, not two."""
    figures = list(figures)
    originals: dict[tuple, tuple] = {}
    out = []
    for f in figures:
        if f.get("article_id") not in copies:
            key = series_key(f, period)
            originals.setdefault(_voice(f, f.get("article_id")), key)
            out.append((key, f))
    for f in figures:
        root = copies.get(f.get("article_id"))
        if root:
            out.append((originals.get(_voice(f, root)) or series_key(f, period, published.get(root)), f))
    return out


def figure_series(figures: Iterable[dict], *, period: str = "day", superseded: set[str] = frozenset(),
                  copies: dict[str, str] | None = None, published: dict[str, str | None] | None = None) -> list[dict]:
    """Group figure values per place, category, unit, kind and period.

    Each figure dict is a contract figure plus `article_id`, `idx`, `published`,
    `publisher` and optionally `stance`. `superseded` holds article ids whose figures a
    later version replaced; `copies` maps a near-copy's article id to its original's (the
    root of its copies); `published` gives originals' publication dates (an undated
    figure of a copy belongs to its original's period, not a second one)."""
    copies = copies or {}
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for key, f in assign_series(figures, period, copies, published or {}):
        groups[key].append(f)
    out = []
    for key in sorted(groups, key=lambda k: (k[0], k[1] or "", k[2], k[3], k[4][0])):
        values = _values(groups[key], superseded, copies)
        pkey, category, unit, kind, (per, p0, p1) = key
        out.append({
            "id": series_id(key), "place": name_of(groups[key][0].get("place")), "place_key": pkey,
            "category": category, "unit": unit, "kind": kind, "period": per, "period_start": p0, "period_end": p1,
            **_consensus(values), "n_values": len(values), "values": values})
    return out


def _values(fs: list[dict], superseded: set[str], copies: dict[str, str]) -> list[dict]:
    """Every report's value, oldest first. A near-copy repeating a value its original (or
    another copy of it) gave is one voice, not two: flagged `repeat`, kept as evidence."""
    values = []
    for f in sorted(fs, key=lambda f: (f.get("published") or "", f.get("article_id") or "", f.get("idx") or 0)):
        aid = f.get("article_id")
        values.append({
            "article_id": aid, "idx": f.get("idx"), "source": f.get("source"), "publisher": f.get("publisher"),
            "published": f.get("published"), "stance": f.get("stance"), "low": f.get("low"), "best": f.get("best"),
            "high": f.get("high"), "qualifier": f.get("qualifier"), "text": f.get("text"),
            "certainty": f.get("certainty") or "asserted", "sentence": f.get("sentence"), "start": f.get("start"),
            "end": f.get("end"), "superseded": aid in superseded, "copy_of": copies.get(aid), "repeat": False})
    seen: set[tuple] = set()
    # Originals first, so the voice kept is the original's whatever the ids and dates.
    for v in sorted(values, key=lambda v: (v["copy_of"] is not None, v["published"] or "", v["article_id"] or "",
                                           v["idx"] or 0)):
        voice = (v["copy_of"] or v["article_id"], norm(v["source"]), v["low"], v["best"], v["high"])
        v["repeat"] = voice in seen
        seen.add(voice)
    return values


def _point(v: dict) -> int | None:
    return v["best"] if v["best"] is not None else v["low"]


def _consensus(values: list[dict]) -> dict:
    """Consensus low (lowest credible), high (highest credible), best (lowest credible
    asserted point), conservative (lowest credible point) and the contested flag."""
    credible = [v for v in values if v["certainty"] in CREDIBLE and not v["superseded"] and not v["repeat"]]
    lows = [x for v in credible for x in [v["low"] if v["low"] is not None else v["best"]
                                          if v["best"] is not None else v["high"]] if x is not None]
    highs = [x for v in credible for x in [v["high"] if v["high"] is not None else v["best"]
                                           if v["best"] is not None else v["low"]] if x is not None]
    asserted = [v for v in credible if v["certainty"] == "asserted"] or credible
    points = [x for x in map(_point, asserted) if x is not None]
    all_points = [x for x in map(_point, credible) if x is not None]
    contested = _contested(values, credible, all_points)
    return {"low": min(lows) if lows else None, "high": max(highs) if highs else None,
            "best": min(points) if points else None, "conservative": min(all_points) if all_points else None,
            "best_rule": "lowest credible asserted value" + (" (contested)" if contested else ""),
            "contested": contested,
            "n_sources": len({(norm(v["source"]) or norm(v["publisher"])) for v in credible})}


def _contested(values: list[dict], credible: list[dict], all_points: list[int]) -> bool:
    """Sources of opposite stance whose values lie further apart than the tolerance, a
    value denied by someone, or claims far apart: shown as such, never averaged."""
    ratio = params()["figure_contest_ratio"]
    sides: dict[str, list[int]] = defaultdict(list)
    for v in credible:
        side, x = _stance_side(v["stance"]), _point(v)
        if side and x is not None:
            sides[side].append(x)
    g, o = sides.get("gov"), sides.get("opp")
    if g and o and max(g + o) > 0 and max(max(g) / max(1, min(o)), max(o) / max(1, min(g))) > ratio:
        return True
    if any(v["certainty"] == "denied" for v in values) and credible:
        return True
    if len(credible) > 1 and any(v["certainty"] == "claimed" for v in credible):
        xs = [x for x in all_points if x]
        return bool(xs) and max(xs) / max(1, min(xs)) > ratio
    return False
