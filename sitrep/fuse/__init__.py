"""Fuse stage: one situation from many reports.

Four jobs, each usable alone on plain data and all persisted by `fuse_store`:

- near-duplicate reports (wire copies, trimmed or re-headlined copies, later versions):
  MinHash signatures over word 5-shingles, candidate pairs from LSH bands (stored per report), each
  pair verified by estimated Jaccard or by shingle containment (a trimmed copy keeps most
  of its shingles inside the original). Copies are linked, never dropped; a later version
  from the same publisher `update`s (supersedes) the earlier one's figures, not its history.
- event fusion: mentions of one happening across reports become one fused event that lists
  every report, source and value. Two mentions meet only when their type family, place
  (distance within what their precisions allow), dates (overlap within their precision),
  actors (no conflict) and casualty scale (same order) agree. Blocking by day and a
  spatial grid keeps the cost near-linear; fusion is incremental: a new mention joins an
  existing cluster (or founds one) without reclustering anything.
- figure series: per place, category, unit and period every source's value with its
  stance; consensus low (lowest credible), high (highest credible), conservative best
  (lowest credible point value, ACLED's rule); contested values flagged, never averaged.
- control timeline: from territorial events (government regains, non-state actor
  overtakes, non-violent transfer), per place who held it from when, with evidence.

Near-copies and repeats are evidence, never a second item, in all three: a copy's
mention of its original's sentence joins the original's fused event, its repeat of the
original's value is a flagged `repeat` in the same series, its report of the original's
change of control is more evidence for that change. Ids are unique by construction
(a fused event: its founding mention; a series: its key; a change: place, date, holder
and ordinal). `fuse_store` is incremental (see `persist`) and writes in one transaction.

Tolerances live in `data/fusion_params.csv`, families in `data/event_families.csv`,
control cues in `data/control_cues.csv`.
"""
from __future__ import annotations

from .clusters import Cluster, EventFuser, Mention, apply_place, fuse_events, fused_event
from .common import event_family, haversine_km, place_precision, radius_km
from .control import control_timeline
from .near_duplicates import NearDuplicateIndex, ReportLink, fingerprint, link_reports
from .persist import FUSION_VERSION, FuseReport, control_of, fuse_store, fused_events_of, links_of, series_of
from .series import figure_series, period_key

__all__ = ["FUSION_VERSION", "Cluster", "EventFuser", "FuseReport", "Mention", "NearDuplicateIndex", "ReportLink",
           "apply_place", "control_of", "control_timeline", "event_family", "figure_series", "fingerprint",
           "fuse_events", "fuse_store", "fused_event", "fused_events_of", "haversine_km", "link_reports", "links_of",
           "period_key", "place_precision", "radius_km", "series_of"]
