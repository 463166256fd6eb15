"""The derived views a fuse keeps up to date: figure series and control timelines.

Each view item (a series; a place's timeline) is a function of its member items. A fuse
recomputes the items its touched reports are (or were) members of, from all their
members read back by key, and nothing else: its cost follows what the new reports
touch, not the size of the store.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..store import FusionWrite
from .common import fusing, norm
from .control import control_entry, control_timeline
from .near_duplicates import ReportLink
from .series import assign_series, figure_series, series_id


class Families:
    """Near-copy families: each report's root original (the earliest of its copies, the
    one its figures, events and control changes are credited to) and the reports a later
    version superseded. Links are the new ones plus, from `store` (None: none stored, as
    in a rebuild), the stored links of every report asked about, up their chains."""

    def __init__(self, store, links: Iterable[ReportLink], reports: Iterable[dict] = ()):
        self.store = store
        self.originals: dict[str, set[str]] = {}
        self.superseded: set[str] = set()
        self.newly_superseded: set[str] = set()
        self.loaded: set[str] = set()
        self.published = {r["id"]: r["published"] for r in reports}
        for lk in links:
            self._add(lk.article_id, lk.original_id, lk.relation)
            if lk.relation == "update":
                self.newly_superseded.add(lk.original_id)

    def _add(self, copy: str, original: str, relation: str) -> None:
        self.originals.setdefault(copy, set()).add(original)
        if relation == "update":
            self.superseded.add(original)

    def load(self, ids: Iterable[str]) -> None:
        """Read the stored links of these reports and of their originals, up the chains."""
        todo = set(ids) - self.loaded
        while todo and self.store is not None:
            self.loaded |= todo
            for r in self.store.links_touching(todo):
                if r["article_id"] in todo or r["original_id"] in todo:
                    self._add(r["article_id"], r["original_id"], r["relation"])
            todo = {o for a in todo for o in self.originals.get(a, ())} - self.loaded
        self.loaded |= todo

    def root(self, aid: str) -> str:
        seen = {aid}
        while aid in self.originals:
            nxt = min(self.originals[aid])
            if nxt in seen:
                break
            seen.add(nxt)
            aid = nxt
        return aid

    def copy_of(self, aid: str) -> str | None:
        root = self.root(aid)
        return root if root != aid else None

    def copies(self, ids: Iterable[str]) -> dict[str, str]:
        self.load(ids)
        return {a: r for a in set(ids) if (r := self.copy_of(a))}

    def published_of(self, ids: Iterable[str]) -> dict[str, str | None]:
        missing = set(ids) - set(self.published)
        if missing and self.store is not None:
            self.published.update((r["id"], r["published"]) for r in self.store.reports(missing))
        return {a: self.published.get(a) for a in ids}


def _stances(store, article_ids: set[str] | None) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for s in store.report_items("sources", article_ids):
        if s.get("stance"):
            out.setdefault((s["article_id"], norm(s.get("name"))), s["stance"])
    return out


def _members(store, view: str, kind: str, keys: set[str], skip: set[str]) -> list[dict]:
    """The items (of `kind`) of a view's members under `keys`, but those of `skip`'s reports."""
    pairs = {(a, i) for a, i, _ in store.view_members(view, keys=keys) if a not in skip}
    return [it for it in store.report_items(kind, {a for a, _ in pairs}) if (it["article_id"], it["idx"]) in pairs]


def update_series(store, touched: set[str] | None, fam: Families, w: FusionWrite, *, period: str) -> None:
    """Recompute the figure series holding a figure of the touched reports (every series,
    when `touched` is None) from all their values; the result goes into `w`."""
    if touched is not None:  # a copy's figures are placed by its original's: read them too
        touched = touched | set(fam.copies(touched).values())
    figs = list(store.report_items("figures", touched))
    keys = {k for _, _, k in store.view_members("series", article_ids=touched)} if touched is not None else set()
    copies = fam.copies({f["article_id"] for f in figs})
    published = fam.published_of(set(copies.values()))
    keys |= {series_id(key) for key, _ in assign_series(figs, period, copies, published)}
    while True:
        everything = figs + (_members(store, "series", "figures", keys, touched) if touched is not None else [])
        copies = fam.copies({f["article_id"] for f in everything})
        published = fam.published_of(set(copies.values()))
        stances = _stances(store, None if touched is None else {f["article_id"] for f in everything})
        for f in everything:
            f["stance"] = stances.get((f["article_id"], norm(f.get("source"))))
        with fusing(f"the figure series of {len(keys) or 'all'} places and periods"):
            series = figure_series(everything, period=period, superseded=fam.superseded, copies=copies,
                                   published=published)
        # A member whose original changed may belong to another series now: take it in too.
        if touched is None or {s["id"] for s in series} <= keys:
            break
        keys |= {s["id"] for s in series}
    w.series_keys, w.series = sorted(keys), series
    w.series_members = [{"article_id": v["article_id"], "idx": v["idx"], "key": s["id"]}
                        for s in series for v in s["values"]]


def update_control(store, touched: set[str] | None, fam: Families, w: FusionWrite) -> None:
    """Recompute the control timelines of the places the touched reports' territorial
    events name (or named), from all those places' reports; the result goes into `w`."""
    events = [ev for ev in store.report_items("events", touched) if control_entry(ev)]
    keys = {control_entry(ev)["place_key"] for ev in events}
    if touched is not None:
        keys |= {k for _, _, k in store.view_members("control", article_ids=touched)}
        events += _members(store, "control", "events", keys, touched)
    copies = fam.copies({ev["article_id"] for ev in events})
    with fusing(f"the control timelines of {len(keys) or 'all'} places"):
        changes = control_timeline(events, copies)
    w.control_keys, w.control = sorted(keys), changes
    w.control_members = [{"article_id": e["article_id"], "idx": e["idx"], "key": ch["place_key"]}
                         for ch in changes for e in ch["evidence"]]
