"""Situation summary: what happened in a place over a period, from the fused store.

`situation(store, place, since, until)` gathers the fused events, the figure series (each
source's value, consensus range, contested flag) and the control changes of a place, by
containment in the gazetteer's hierarchy (`sitrep.query.place_scope`): a city holds its
districts, a region its cities, a country its regions; Syria is not in Turkey.
`to_markdown` and `print_rich` render it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import CLAIMED_CERTAINTIES
from ..query import DEFAULT_MIN_CONFIDENCE, DEFAULT_TIMINGS, place_scope
from .persist import control_of, series_of


@dataclass
class Situation:
    place: str
    since: str | None
    until: str | None
    center: tuple[float, float] | None = None
    radius_km: float | None = None
    events: list[dict] = field(default_factory=list)
    series: list[dict] = field(default_factory=list)
    control: list[dict] = field(default_factory=list)

    @property
    def n_reports(self) -> int:
        ids = {r for e in self.events for r in e.get("reports", [])}
        ids |= {v.get("article_id") for s in self.series for v in s.get("values", [])}
        ids |= {ev.get("article_id") for c in self.control for ev in c.get("evidence", [])}
        return len(ids - {None})


def situation(store, place: str, since: str | None = None, until: str | None = None, *,
              certainty=CLAIMED_CERTAINTIES, timing=DEFAULT_TIMINGS,
              min_confidence: float | None = DEFAULT_MIN_CONFIDENCE) -> Situation:
    """What happened in `place` (containment in the gazetteer's hierarchy: a country holds
    its regions and cities, a city its districts) over a period. Incidents are those at
    least one report claims happened (certainty, timing, min_confidence: as for listings)."""
    scope = place_scope(place)
    area = next((a for a in scope.areas if a.lat is not None), None)
    sit = Situation(place, since, until, (area.lat, area.lon) if area else None, area.radius_km if area else None)
    sit.events = store.incidents(place=scope, since=since, until=until, certainty=certainty, timing=timing,
                                 min_confidence=min_confidence)
    sit.series = [s for s in series_of(store, since=since, until=until) if scope.holds_name(s.get("place"))]
    sit.control = [c for c in control_of(store, since=since, until=until)
                   if scope.holds_name(c.get("place"), c.get("lat"), c.get("lon"))]
    return sit


# ---------------------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------------------
def _range(low, best, high) -> str:
    if low is None and best is None and high is None:
        return "-"
    if low == high or high is None and low == best:
        return f"{best if best is not None else low}" + ("+" if high is None and low is not None else "")
    hi = "?" if high is None else f"{high}"
    return f"{low}-{hi} (best {best})"


def _actors(e: dict) -> str:
    return " vs ".join(x for x in (e.get("actor1"), e.get("actor2")) if x) or "-"


def _period(sit: Situation) -> str:
    if sit.since or sit.until:
        return f"{sit.since or '...'} to {sit.until or '...'}"
    return "all dates"


def _md_escape(s: str | None) -> str:
    return (s or "").replace("|", "\\|").replace("\n", " ")


def to_markdown(sit: Situation) -> str:
    lines = [f"# Situation: {sit.place}, {_period(sit)}", "",
             f"{len(sit.events)} events, {len(sit.series)} figure series, {len(sit.control)} control changes "
             f"from {sit.n_reports} reports.", ""]
    lines += ["## Control changes", ""]
    if not sit.control:
        lines.append("No change of control reported.")
    for c in sit.control:
        until = f" until {c['held_until']}" if c.get("held_until") else ""
        prev = f" (from {c['previous_holder']})" if c.get("previous_holder") else ""
        lines.append(f"- **{c['date']}** {c['place']}: held by **{c.get('holder') or 'unknown'}**{prev}{until}"
                     f" - {c.get('sub_event_type')}; {c.get('n_reports', 1)} report(s)")
        for ev in c.get("evidence", [])[:3]:
            who = ", ".join(x for x in (ev.get("source"), ev.get("publisher")) if x)
            lines.append(f"  - \"{_md_escape(ev.get('sentence'))}\" ({who or 'unattributed'}, {ev.get('published')})")
    lines += ["", "## Events", ""]
    if not sit.events:
        lines.append("No events reported.")
    else:
        lines += ["| date | event | place | actors | fatalities | reports | sources |",
                  "|---|---|---|---|---|---|---|"]
        for e in sit.events:
            f = e.get("fatalities") or {}
            date = e.get("date_start") or ""
            if e.get("date_end") and e.get("date_end") != date:
                date += f" to {e['date_end']}"
            lines.append("| " + " | ".join(_md_escape(str(x)) for x in (
                date, e.get("sub_event_type") or e.get("event_type") or e.get("plover") or "",
                e.get("place") or "", _actors(e), _range(f.get("low"), f.get("best"), f.get("high")),
                e.get("n_reports", 1), "; ".join(e.get("sources") or []))) + " |")
    lines += ["", "## Figures", ""]
    if not sit.series:
        lines.append("No figures reported.")
    for s in sit.series:
        flag = " **contested**" if s.get("contested") else ""
        lines.append(f"- **{s['category']}** in {s['place']}, {s['period']} ({s['kind']}, {s['unit']}): "
                     f"{_range(s.get('low'), s.get('best'), s.get('high'))}{flag}")
        for v in s.get("values", []):
            tags = [x for x in (v.get("stance"), v.get("certainty") if v.get("certainty") != "asserted" else None,
                                "superseded" if v.get("superseded") else None,
                                "repeat of a copy" if v.get("repeat") else None) if x]
            who = v.get("source") or "unattributed"
            via = f" via {v['publisher']}" if v.get("publisher") else ""
            lines.append(f"  - {who}{via}{' [' + ', '.join(tags) + ']' if tags else ''}: "
                         f"{_range(v.get('low'), v.get('best'), v.get('high'))} - \"{_md_escape(v.get('sentence'))}\"")
    return "\n".join(lines) + "\n"


def print_rich(sit: Situation, console=None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Column, Table
    from rich.text import Text

    class TextTable(Table):  # every cell as text: report text is never read as Rich markup
        def add_row(self, *cells, **kw):
            super().add_row(*(c if isinstance(c, Text) else Text(c) for c in cells), **kw)

    def date_col(name: str = "date") -> Column:
        return Column(name, no_wrap=True, min_width=10)

    console = console or Console()
    console.print(f"[bold]Situation: {escape(sit.place)}[/bold], {_period(sit)}  "
                  f"({len(sit.events)} events, {len(sit.series)} figure series, {len(sit.control)} control changes, "
                  f"{sit.n_reports} reports)", highlight=False)
    if sit.control:
        t = TextTable(date_col(), "place", "held by", "from", date_col("until"), "type", "reports",
                  title="Control changes")
        for c in sit.control:
            t.add_row(c.get("date") or "", c.get("place") or "", c.get("holder") or "unknown",
                      c.get("previous_holder") or "", c.get("held_until") or "", c.get("sub_event_type") or "",
                      str(c.get("n_reports", 1)))
        console.print(t)
    if sit.events:
        t = TextTable(date_col(), "event", "place", "actors", "fatalities", "reports", "sources", title="Events")
        for e in sit.events:
            f = e.get("fatalities") or {}
            what = e.get("sub_event_type") or e.get("event_type") or e.get("plover") or ""
            t.add_row(e.get("date_start") or "", what,
                      e.get("place") or "", _actors(e), _range(f.get("low"), f.get("best"), f.get("high")),
                      str(e.get("n_reports", 1)), "; ".join(e.get("sources") or [])[:60])
        console.print(t)
    if sit.series:
        t = TextTable("category", "place", date_col("period"), "range", "contested", "values (source: value)",
                  title="Figures")
        for s in sit.series:
            vals = "; ".join(f"{v.get('source') or v.get('publisher') or '?'}: "
                             f"{_range(v.get('low'), v.get('best'), v.get('high'))}"
                             + (" (superseded)" if v.get("superseded") else "") for v in s.get("values", []))
            t.add_row(s["category"] or "", s["place"] or "", s["period"] or "",
                      _range(s.get("low"), s.get("best"), s.get("high")),
                      Text("contested", style="red") if s.get("contested") else "", vals)
        console.print(t)
    if not (sit.events or sit.series or sit.control):
        console.print("Nothing reported for this place and period (has `sitrep fuse` run?).")
