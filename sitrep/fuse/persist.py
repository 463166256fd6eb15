"""Fusing what a store holds, incrementally, and reading the fused views back.

A fuse takes the reports stored since the last one: links them to their near-duplicates
(candidates by the LSH bands kept per report, not by reading every stored fingerprint),
adds their event mentions to the fused events of their days, and recomputes only the
figure series and control timelines their items (and their copies' originals) touch,
from those views' member items. Everything a fuse writes goes in one transaction: a
failure names the item and leaves the store as it was. All SQL is `Store`'s.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from ..store import FusionWrite
from .clusters import EventFuser, Mention, apply_place, cluster_from_record, fused_event
from .common import day_number, fusing, iso_day, norm, params
from .near_duplicates import NearDuplicateIndex, ReportLink, band_keys
from .series import period_key
from .views import Families, update_control, update_series

# Bumped when fusion's rules change what it stores: a store fused by another version is
# fused anew (a rebuild) by its next fuse.
FUSION_VERSION = "3"


@dataclass
class FuseReport:
    articles: int = 0
    links: int = 0
    mentions: int = 0
    clusters_touched: int = 0
    clusters_total: int = 0
    figure_series: int = 0  # recomputed by this fuse
    control_changes: int = 0  # of the places this fuse recomputed
    rebuilt: bool = False
    seconds: float = 0.0


def fuse_store(store, *, period: str = "day", rebuild: bool = False) -> FuseReport:
    """Fuse every article of `store` not fused yet, in one transaction. Fused events of
    earlier runs are extended, never reclustered; figure series and control timelines
    are recomputed where the new reports touch them. `rebuild` (or a store fused with
    other rules or another period) empties the fused views and fuses everything again."""
    t0 = time.perf_counter()
    period_key(None, period)  # an unknown period fails here, before anything is read
    state = store.fusion_state()
    stale = state["fused"] > 0 and (state["version"] != FUSION_VERSION or state["period"] != period)
    rep = FuseReport(rebuilt=rebuild or stale)
    new = store.unfused_articles(everything=rep.rebuilt)
    rep.articles = len(new)
    if not new and not rep.rebuilt and state["period"] == period and state["version"] == FUSION_VERSION:
        rep.clusters_total = state["events"]
        rep.seconds = time.perf_counter() - t0
        return rep
    w = FusionWrite(now=time.time(), reset=rep.rebuilt, articles=[r["id"] for r in new],
                    meta={"fuse_period": period, "fuse_version": FUSION_VERSION})
    links = _link(store, new, w, rebuild=rep.rebuilt)
    rep.links = len(links)
    fam = Families(None if rep.rebuilt else store, links, new)
    fam.load(w.articles)  # the new reports' originals and theirs, up the chains
    _fuse_events(store, new, fam, w, rep)
    touched = None if rep.rebuilt else ({r["id"] for r in new} | {lk.article_id for lk in links}
                                        | {lk.original_id for lk in links if lk.relation == "update"})
    w.member_articles = sorted(touched or ())
    update_series(store, touched, fam, w, period=period)
    update_control(store, touched, fam, w)
    rep.figure_series, rep.control_changes = len(w.series), len(w.control)
    with fusing("the write of the fused views"):
        rep.clusters_total = store.write_fusion(w)
    rep.seconds = time.perf_counter() - t0
    return rep


def _link(store, new: list[dict], w: FusionWrite, *, rebuild: bool) -> list[ReportLink]:
    """Near-duplicate links of the new reports (to each other and to the stored reports
    sharing an LSH band with them) and the `update` links of revised reports."""
    bands = {r["id"]: band_keys(r["fingerprint"]) for r in new if r["fingerprint"]}
    w.bands = [{"band": b, "article_id": aid} for aid, bs in bands.items() for b in sorted(set(bs))]
    new_ids = {r["id"] for r in new}
    old = set() if rebuild else store.articles_in_bands({b for bs in bands.values() for b in bs}) - new_ids
    ndi = NearDuplicateIndex(store.article_text)
    for r in store.reports(old):
        ndi.add(r["id"], r["fingerprint"] or None, published=r["published"], source=r["source"], url=r["url"])
    links: dict[tuple[str, str], ReportLink] = {}
    for r in new:
        with fusing(f"the near-duplicates of report {r['id']}"):
            found = ndi.add(r["id"], r["fingerprint"] or None, published=r["published"], source=r["source"],
                            url=r["url"], keys=bands.get(r["id"]))
        if r["supersedes"]:
            found.append(ReportLink(r["id"], r["supersedes"], "update", 1.0, None))
        links.update(((lk.article_id, lk.original_id), lk) for lk in found)
    out = [links[k] for k in sorted(links)]
    w.links = [{"article_id": lk.article_id, "original_id": lk.original_id, "relation": lk.relation,
                "jaccard": lk.jaccard, "containment": lk.containment, "linked_at": w.now} for lk in out]
    return out


def _mentions(store, ids: set[str] | None, fam: Families) -> list[Mention]:
    """The event mentions of the given articles (every article: None), completed from
    their reports' places, oldest report first."""
    places: dict[tuple[str, str], dict] = {}
    at: dict[tuple[str, float, float], dict] = {}
    for p in store.report_items("places", ids):
        places.setdefault((p["article_id"], norm(p.get("name"))), p)
        if p.get("lat") is not None:
            at.setdefault((p["article_id"], p["lat"], p["lon"]), p)
    out = []
    for ev in store.report_items("events", ids):
        with fusing(f"event {ev['article_id']}#{ev['idx']}"):
            m = Mention.from_event(ev, article_id=ev["article_id"], idx=ev["idx"], published=ev["published"],
                                   publisher=ev["publisher"])
            # an event named by its site ("the White House") sits at its place's coordinates
            apply_place(m, places.get((m.article_id, norm(m.place))) or at.get((m.article_id, m.lat, m.lon)))
            m.superseded = m.article_id in fam.superseded
            m.copy_of = fam.copy_of(m.article_id)
            out.append(m)
    return sorted(out, key=lambda m: (m.published or "", m.article_id, m.idx))


def _fuse_events(store, new: list[dict], fam: Families, w: FusionWrite, rep: FuseReport) -> None:
    """Add the new mentions to the fused events they can join (those of their days, and
    those of their originals' same sentences), founding new ones for the rest."""
    ids = {r["id"] for r in new}
    mentions = _mentions(store, None if w.reset else ids, fam)
    rep.mentions = len(mentions)
    with fusing("the stored fused events of the new reports' days"):
        stored = {} if w.reset else _stored_events_met(store, mentions, fam)
        fuser = EventFuser(cluster_from_record(rec) for _, rec in sorted(stored.items()))
    fuser.mark_superseded(fam.newly_superseded)
    for m in mentions:
        with fusing(f"event {m.article_id}#{m.idx}"):
            fuser.add(m)
    touched = sorted(fuser.changed)
    rep.clusters_touched = len(touched)
    for cid in touched:
        with fusing(f"fused event {cid}"):
            w.events.append(fused_event(fuser.clusters[cid]))
            w.event_place_keys[cid] = sorted(fuser.clusters[cid].places)
    w.event_members = [{"article_id": m.article_id, "idx": m.idx, "event_id": fuser.member_of[m.key]}
                       for m in mentions]
    w.sentence_members = [{"article_id": m.article_id, "idx": m.idx, "key": _said(m)} for m in mentions if _said(m)]


def _stored_events_met(store, mentions: list[Mention], fam: Families) -> dict[str, dict]:
    """The records of the stored fused events the new mentions can meet: those saying a
    new mention's sentence (the only way an undated mention or event meets another), those
    holding an original or a superseded report's mention, and those of a new mention's
    days sharing one of its blocks (cell or place name), told from their stored summaries
    before any event's JSON is read."""
    must = store.fused_events_saying({_said(m) for m in mentions if _said(m)})
    must |= store.fused_events_holding(fam.newly_superseded | {m.copy_of for m in mentions if m.copy_of})
    probe = EventFuser()
    reached = {k for m in mentions for k in probe._keys(m)}
    met = {s[0] for s in store.fused_event_summaries(_events_near(store, mentions) - must)
           if not reached.isdisjoint(probe.summary_blocks(*s[1:]))}
    return store.fused_event_records(met | must)


def _said(m: Mention) -> str | None:
    """The key of a mention's sentence block (family and sentence), as the store indexes it."""
    return f"{m.family}|{m.sentence_key}" if m.sentence_key else None


def _events_near(store, mentions: list[Mention]) -> set[str]:
    """Stored dated fused events of a new mention's family sharing a day (within
    tolerance) with it: selected by their indexed dates and family before any event's
    JSON is read (a mention meets no other family's events)."""
    tol, max_span = int(params()["date_tolerance_days"]), int(params()["max_span_days"])
    days: dict[str, set[int]] = {}
    for m in mentions:
        if m.family is not None and m.d0 is not None and m.d1 - m.d0 <= max_span:
            days.setdefault(m.family, set()).update(range(m.d0 - tol, m.d1 + tol + 1))
    if not days:
        return set()
    first, last = min(map(min, days.values())), max(map(max, days.values()))
    wanted = set()
    for eid, d0, d1, family in store.fused_events_between(iso_day(first), iso_day(last), families=sorted(days)):
        c0, c1 = day_number(d0), day_number(d1 or d0)
        if c0 is not None and any(d in days[family] for d in range(c0, min(c1, c0 + 62) + 1)):
            wanted.add(eid)
    return wanted


# -- reading fused data back -----------------------------------------------------------
def fused_events_of(store, *, place: str | None = None, since: str | None = None,
                    until: str | None = None) -> list[dict]:
    return store.read_fused_events(place=place, since=since, until=until)


def series_of(store, *, place: str | None = None, since: str | None = None, until: str | None = None,
              category: str | None = None) -> list[dict]:
    return store.read_figure_series(place=place, since=since, until=until, category=category)


def control_of(store, *, place: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict]:
    return store.read_control_changes(place=place, since=since, until=until)


def links_of(store) -> list[dict]:
    return store.read_report_links()


def items_with_reports(store, kind: str) -> Iterator[dict]:
    """Every item of a kind with its report's data (for exports)."""
    return store.report_items(kind)


def source_stances(store) -> dict[tuple[str, str], str]:
    """(article id, source name key) -> the stance the report gives that source."""
    out: dict[tuple[str, str], str] = {}
    for s in store.report_items("sources"):
        if s.get("stance"):
            out.setdefault((s["article_id"], norm(s.get("name"))), s["stance"])
    return out
