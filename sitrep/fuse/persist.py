"""Fusing what a store holds (incrementally) and reading the fused views back."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .clusters import Cluster, EventFuser, Mention, apply_place, cluster_from_record, fused_event
from .common import _day, _iso, _norm, params
from .control import control_timeline
from .near_duplicates import NearDuplicateIndex, ReportLink
from .series import figure_series, period_key


# ---------------------------------------------------------------------------------------
# persistence: fuse what a store holds (incrementally)
# ---------------------------------------------------------------------------------------
@dataclass
class FuseReport:
    articles: int = 0
    links: int = 0
    mentions: int = 0
    clusters_touched: int = 0
    clusters_total: int = 0
    figure_series: int = 0
    control_changes: int = 0
    seconds: float = 0.0


def _dumps(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def fuse_store(store, *, period: str = "day", rebuild: bool = False) -> FuseReport:
    """Fuse every article of `store` not fused yet; rebuild figure series and control
    timeline (derived views, cheap). Clusters of earlier runs are extended, never rebuilt,
    unless `rebuild` (after new fusion rules or re-extraction): then every fused table is
    emptied and everything fused again."""
    import sqlalchemy as sa

    from ..store import articles as A
    from ..store import control_changes as CC
    from ..store import figure_series as FS
    from ..store import fused_articles as FA
    from ..store import fused_event_members as FM
    from ..store import fused_events as FE
    from ..store import item_tables
    from ..store import meta_table as META
    from ..store import report_links as RL

    t0 = time.perf_counter()
    rep = FuseReport()
    eng = store.engine
    period_key(None, period)  # an unknown period fails here, before anything is written
    if rebuild:
        with eng.begin() as conn:
            for t in (RL, FA, FE, FM, FS, CC):
                conn.execute(t.delete())
    with eng.connect() as conn:
        done = {r[0] for r in conn.execute(sa.select(FA.c.article_id))}
        rows = conn.execute(sa.select(A.c.id, A.c.published, A.c.source, A.c.url, A.c.fingerprint,
                                      A.c.supersedes, A.c.ingested_at)
                            .order_by(A.c.published, A.c.ingested_at, A.c.id)).all()
        old_links = conn.execute(sa.select(RL)).all()
    new_ids = [r.id for r in rows if r.id not in done]
    rep.articles = len(new_ids)
    with eng.connect() as conn:
        row = conn.execute(sa.select(META.c.value).where(META.c.key == "fuse_period")).first()
    if not new_ids and rows and row and row[0] == period:  # nothing new: the fused views stand
        with eng.connect() as conn:
            rep.clusters_total = conn.execute(sa.select(sa.func.count()).select_from(FE)).scalar_one()
        rep.seconds = time.perf_counter() - t0
        return rep

    # 1. near-duplicates: every stored fingerprint indexed, new reports linked.
    def text_of(aid: str) -> str | None:
        with eng.connect() as c:
            r = c.execute(sa.select(A.c.text).where(A.c.id == aid)).first()
        return r[0] if r else None

    ndi = NearDuplicateIndex(text_of)
    new_set = set(new_ids)
    links: list[ReportLink] = []
    for r in sorted(rows, key=lambda r: (r.id in new_set, r.published or "", r.ingested_at, r.id)):
        sig = json.loads(r.fingerprint) if r.fingerprint else []
        found = ndi.add(r.id, sig or None, published=r.published, source=r.source, url=r.url)
        if r.id in new_set:
            links += found
        if r.supersedes and r.id in new_set:
            links.append(ReportLink(r.id, r.supersedes, "update", 1.0, None))
    all_links = [ReportLink(l.article_id, l.original_id, l.relation, l.jaccard, l.containment) for l in old_links]
    known = {(l.article_id, l.original_id) for l in all_links}
    links = [l for l in dict(((l.article_id, l.original_id), l) for l in links).values()
             if (l.article_id, l.original_id) not in known]
    all_links += links
    rep.links = len(links)
    copies = {}
    superseded: set[str] = set()
    for l in sorted(all_links, key=lambda l: (l.article_id, l.original_id)):
        if l.relation == "update":
            superseded.add(l.original_id)
        copies.setdefault(l.article_id, l.original_id)

    # 2. events of the new articles, fused into the clusters of their date window.
    pub = {r.id: (r.published, r.source) for r in rows}
    ET, PT = item_tables["events"], item_tables["places"]
    mentions: list[Mention] = []
    with eng.connect() as conn:
        for chunk in _chunks(new_ids, 500):
            places: dict[tuple[str, str], dict] = {}
            for r in conn.execute(sa.select(PT.c.article_id, PT.c.data).where(PT.c.article_id.in_(chunk))
                                  .order_by(PT.c.article_id, PT.c.idx)):
                pd = json.loads(r.data)
                places.setdefault((r.article_id, _norm(pd.get("name"))), pd)
            for r in conn.execute(sa.select(ET.c.article_id, ET.c.idx, ET.c.data)
                                  .where(ET.c.article_id.in_(chunk))):
                published, publisher = pub[r.article_id]
                m = Mention.from_event(json.loads(r.data), article_id=r.article_id, idx=r.idx,
                                       published=published, publisher=publisher)
                apply_place(m, places.get((r.article_id, _norm(m.place))))
                m.superseded = r.article_id in superseded
                m.copy_of = copies.get(r.article_id)
                mentions.append(m)
    mentions.sort(key=lambda m: (m.published or "", m.article_id, m.idx))
    rep.mentions = len(mentions)
    days = [d for m in mentions for d in (m.d0, m.d1) if d is not None]
    newly_superseded = {l.original_id for l in links if l.relation == "update"}
    wanted: set[str] = set()
    with eng.connect() as conn:
        if mentions:
            # Only clusters sharing a day with a new mention can take it: select them by
            # their dates (indexed columns) before reading any cluster's JSON.
            tol = int(params()["date_tolerance_days"])
            new_days: set[int] = set()
            for m in mentions:
                if m.d0 is not None and m.d1 - m.d0 <= int(params()["max_span_days"]):
                    new_days.update(range(m.d0 - tol, m.d1 + tol + 1))
            q = sa.select(FE.c.id, FE.c.date_start, FE.c.date_end)
            if new_days:
                q = q.where(sa.or_(FE.c.date_start.is_(None), sa.and_(
                    FE.c.date_start <= _iso(max(new_days)), FE.c.date_end >= _iso(min(new_days)))))
            for r in conn.execute(q):
                c0, c1 = _day(r.date_start), _day(r.date_end or r.date_start)
                if c0 is None or any(d in new_days for d in range(c0, min(c1, c0 + 62) + 1)):
                    wanted.add(r.id)
        if newly_superseded:  # clusters holding the replaced versions' mentions, wherever they are
            wanted |= {r[0] for r in conn.execute(sa.select(FM.c.event_id)
                                                  .where(FM.c.article_id.in_(sorted(newly_superseded))))}
        existing: dict[str, Cluster] = {}
        for chunk in _chunks(sorted(wanted), 500):
            existing.update((r.id, cluster_from_record(json.loads(r.data)))
                            for r in conn.execute(sa.select(FE.c.id, FE.c.data).where(FE.c.id.in_(chunk))))
    fuser = EventFuser(existing[k] for k in sorted(existing))
    fuser.mark_superseded(newly_superseded)
    fuser.add_all(mentions)
    touched = sorted(fuser.changed)
    rep.clusters_touched = len(touched)
    now = time.time()

    # 3. figure series and control timeline over everything stored (derived views).
    stance = _source_stances(store)
    figs = []
    for f in _iter_items(store, "figures"):
        f["stance"] = stance.get((f["article_id"], _norm(f.get("source"))))
        figs.append(f)
    series = figure_series(figs, period=period, superseded=superseded, copies=copies)
    timeline = control_timeline(_iter_items(store, "events"))
    rep.figure_series, rep.control_changes = len(series), len(timeline)

    with eng.begin() as conn:
        if links:
            conn.execute(store._insert_ignore(RL), [{"article_id": l.article_id, "original_id": l.original_id,
                                        "relation": l.relation, "jaccard": l.jaccard,
                                        "containment": l.containment, "linked_at": now} for l in links])
        if touched:
            for chunk in _chunks(touched, 500):
                conn.execute(FE.delete().where(FE.c.id.in_(chunk)))
            recs = [fused_event(fuser.clusters[cid]) for cid in touched]
            conn.execute(FE.insert(), [_fused_row(r, now) for r in recs])
        new_members = [{"article_id": m.article_id, "idx": m.idx, "event_id": fuser.member_of[m.key]}
                       for m in mentions]
        if new_members:
            conn.execute(store._insert_ignore(FM), new_members)
        if new_ids:
            conn.execute(store._insert_ignore(FA), [{"article_id": a, "fused_at": now} for a in new_ids])
        conn.execute(FS.delete())
        if series:
            conn.execute(FS.insert(), [_series_row(s) for s in series])
        conn.execute(CC.delete())
        if timeline:
            conn.execute(CC.insert(), [_control_row(c) for c in timeline])
        rep.clusters_total = conn.execute(sa.select(sa.func.count()).select_from(FE)).scalar_one()
        conn.execute(META.delete().where(META.c.key == "fuse_period"))
        conn.execute(META.insert().values(key="fuse_period", value=period))
    rep.seconds = time.perf_counter() - t0
    return rep


def _chunks(xs: list, n: int) -> Iterator[list]:
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def _iter_items(store, kind: str) -> Iterator[dict]:
    """Every item of a kind with its report's data, without paging by offset."""
    import sqlalchemy as sa

    from ..store import articles as A
    from ..store import item_tables

    t = item_tables[kind]
    q = (sa.select(t.c.article_id, t.c.idx, t.c.data, A.c.published, A.c.source.label("publisher"), A.c.url,
                   A.c.title).join(A, A.c.id == t.c.article_id).order_by(t.c.article_id, t.c.idx))
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            d = json.loads(r.data)
            d.update({"article_id": r.article_id, "idx": r.idx, "published": r.published,
                      "publisher": r.publisher, "url": r.url, "article_title": r.title})
            yield d


def _source_stances(store) -> dict[tuple[str, str], str]:
    out = {}
    for s in _iter_items(store, "sources"):
        if s.get("stance"):
            out.setdefault((s["article_id"], _norm(s.get("name"))), s["stance"])
    return out


def _fused_row(r: dict, now: float) -> dict:
    f = r["fatalities"]
    return {"id": r["id"], "family": r["family"], "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"], "plover": r["plover"], "place": r["place"],
            "lat": r["lat"], "lon": r["lon"], "date_start": r["date_start"], "date_end": r["date_end"],
            "actor1": r["actor1"], "actor2": r["actor2"], "fatalities_low": f["low"], "fatalities_best": f["best"],
            "fatalities_high": f["high"], "n_reports": r["n_reports"], "n_sources": r["n_sources"],
            "certainty": r["certainty"], "updated_at": now, "data": _dumps(r)}


def _series_row(s: dict) -> dict:
    return {"id": s["id"], "place": s["place"], "category": s["category"], "unit": s["unit"], "kind": s["kind"],
            "period": s["period"], "period_start": s["period_start"], "period_end": s["period_end"],
            "low": s["low"], "best": s["best"], "high": s["high"], "conservative": s["conservative"],
            "contested": s["contested"], "n_values": s["n_values"], "data": _dumps(s)}


def _control_row(c: dict) -> dict:
    return {"id": c["id"], "place": c["place"], "lat": c["lat"], "lon": c["lon"], "date_start": c["date"],
            "held_until": c["held_until"], "holder": c["holder"], "holder_kind": c["holder_kind"],
            "previous_holder": c["previous_holder"], "sub_event_type": c["sub_event_type"],
            "n_reports": c["n_reports"], "data": _dumps(c)}


# -- reading fused data back -----------------------------------------------------------
def fused_events_of(store, *, place: str | None = None, since: str | None = None,
                    until: str | None = None) -> list[dict]:
    import sqlalchemy as sa

    from ..store import fused_events as FE

    q = sa.select(FE.c.data)
    if place:
        q = q.where(sa.func.lower(FE.c.place).like(f"%{place.lower()}%"))
    if since:
        q = q.where(sa.func.coalesce(FE.c.date_end, FE.c.date_start) >= since)
    if until:
        q = q.where(FE.c.date_start <= until)
    q = q.order_by(FE.c.date_start, FE.c.id)
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(q)]


def series_of(store, *, place: str | None = None, since: str | None = None, until: str | None = None,
              category: str | None = None) -> list[dict]:
    import sqlalchemy as sa

    from ..store import figure_series as FS

    q = sa.select(FS.c.data)
    if place:
        q = q.where(sa.func.lower(FS.c.place).like(f"%{place.lower()}%"))
    if since:
        q = q.where(sa.or_(FS.c.period_end.is_(None), FS.c.period_end >= since))
    if until:
        q = q.where(sa.or_(FS.c.period_start.is_(None), FS.c.period_start <= until))
    if category:
        q = q.where(FS.c.category == category)
    q = q.order_by(FS.c.place, FS.c.category, FS.c.period_start)
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(q)]


def control_of(store, *, place: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict]:
    import sqlalchemy as sa

    from ..store import control_changes as CC

    q = sa.select(CC.c.data)
    if place:
        q = q.where(sa.func.lower(CC.c.place).like(f"%{place.lower()}%"))
    if until:
        q = q.where(CC.c.date_start <= until)
    if since:  # the change in force at `since` matters too: keep those held past it
        q = q.where(sa.or_(CC.c.held_until.is_(None), CC.c.held_until >= since))
    q = q.order_by(CC.c.place, CC.c.date_start)
    with store.engine.connect() as conn:
        return [json.loads(r[0]) for r in conn.execute(q)]


def links_of(store) -> list[dict]:
    import sqlalchemy as sa

    from ..store import report_links as RL
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(RL).order_by(RL.c.article_id, RL.c.original_id))]
