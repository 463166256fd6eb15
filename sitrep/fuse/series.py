"""Figure series: per place, category, unit and period, every source's value."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable

from .common import CREDIBLE, _day, _name_of, _norm, params

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
    d = _day(date)
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


def figure_series(figures: Iterable[dict], *, period: str = "day",
                  superseded: set[str] = frozenset(), copies: dict[str, str] | None = None) -> list[dict]:
    """Group figure values per place, category, unit, kind and period.

    Each figure dict is a contract figure plus `article_id`, `idx`, `published`,
    `publisher` and optionally `stance`. `superseded` holds article ids whose figures a
    later version replaced; `copies` maps a copy's article id to its original's."""
    copies = copies or {}
    p = params()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for f in figures:
        place = _name_of(f.get("place"))
        # The as-of date: a stock stands at its end date; a flow is counted to its end.
        pk = period_key(f.get("date_end") or f.get("date_start") or f.get("published"), period)
        if pk is None:
            pk = ("undated", None, None)
        key = (_norm(place), f.get("category"), f.get("unit") or "people", f.get("kind") or "flow", pk)
        groups[key].append(f)
    out = []
    for (pkey, category, unit, kind, (per, p0, p1)), fs in sorted(groups.items(), key=lambda kv: (
            kv[0][0], kv[0][1] or "", kv[0][2], kv[0][3], kv[0][4][0])):
        values = []
        seen: set[tuple] = set()
        for f in sorted(fs, key=lambda f: (f.get("published") or "", f.get("article_id") or "", f.get("idx") or 0)):
            aid = f.get("article_id")
            dup_key = (copies.get(aid), _norm(f.get("source")), f.get("low"), f.get("best"), f.get("high"))
            v = {"article_id": aid, "idx": f.get("idx"), "source": f.get("source"),
                 "publisher": f.get("publisher"), "published": f.get("published"),
                 "stance": f.get("stance"), "low": f.get("low"), "best": f.get("best"), "high": f.get("high"),
                 "qualifier": f.get("qualifier"), "text": f.get("text"), "certainty": f.get("certainty") or "asserted",
                 "sentence": f.get("sentence"), "start": f.get("start"), "end": f.get("end"),
                 "superseded": aid in superseded, "copy_of": copies.get(aid)}
            # A wire copy repeating its original's value is one voice, not two.
            v["repeat"] = bool(copies.get(aid)) and dup_key in seen
            seen.add((aid, _norm(f.get("source")), f.get("low"), f.get("best"), f.get("high")))
            values.append(v)
        credible = [v for v in values if v["certainty"] in CREDIBLE and not v["superseded"] and not v["repeat"]]
        lows = [x for v in credible for x in [v["low"] if v["low"] is not None else v["best"]
                                               if v["best"] is not None else v["high"]] if x is not None]
        highs = [x for v in credible for x in [v["high"] if v["high"] is not None else v["best"]
                                                if v["best"] is not None else v["low"]] if x is not None]
        asserted = [v for v in credible if v["certainty"] == "asserted"] or credible
        points = [x for v in asserted for x in [v["best"] if v["best"] is not None else v["low"]] if x is not None]
        all_points = [x for v in credible for x in [v["best"] if v["best"] is not None else v["low"]] if x is not None]
        # Contested: sources of opposite stance whose values lie further apart than the
        # tolerance, or a value denied by someone. Shown as such, never averaged.
        sides: dict[str, list[int]] = defaultdict(list)
        for v in credible:
            side = _stance_side(v["stance"])
            x = v["best"] if v["best"] is not None else v["low"]
            if side and x is not None:
                sides[side].append(x)
        contested = False
        if sides.get("gov") and sides.get("opp"):
            a, b = min(sides["gov"] + sides["opp"]), max(sides["gov"] + sides["opp"])
            g, o = sides["gov"], sides["opp"]
            far = max(max(g) / max(1, min(o)), max(o) / max(1, min(g)))
            contested = b > 0 and far > p["figure_contest_ratio"]
        if any(v["certainty"] == "denied" for v in values) and credible:
            contested = True
        if not contested and len(credible) > 1 and any(v["certainty"] == "claimed" for v in credible):
            xs = [x for x in all_points if x]
            contested = bool(xs) and max(xs) / max(1, min(xs)) > p["figure_contest_ratio"]
        sid = hashlib.sha1(f"{pkey}|{category}|{unit}|{kind}|{per}".encode()).hexdigest()[:12]
        out.append({
            "id": "FS-" + sid, "place": _name_of(fs[0].get("place")), "place_key": pkey, "category": category,
            "unit": unit, "kind": kind, "period": per, "period_start": p0, "period_end": p1,
            "low": min(lows) if lows else None, "high": max(highs) if highs else None,
            "best": min(points) if points else None,
            "conservative": min(all_points) if all_points else None,
            "best_rule": "lowest credible asserted value" + (" (contested)" if contested else ""),
            "contested": contested, "n_values": len(values),
            "n_sources": len({(_norm(v["source"]) or _norm(v["publisher"])) for v in credible}),
            "values": values,
        })
    return out


