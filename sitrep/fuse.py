"""Fuse stage: one situation from many reports.

Four jobs, each usable alone on plain data and all persisted by `fuse_store`:

- near-duplicate reports (wire copies, trimmed or re-headlined copies, later versions):
  MinHash signatures over word 5-shingles, candidate pairs from datasketch's LSH, each
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

Tolerances live in `data/fusion_params.csv`, families in `data/event_families.csv`,
control cues in `data/control_cues.csv`.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import re
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .vocab import read_table

# ---------------------------------------------------------------------------------------
# data files
# ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def params() -> dict[str, float]:
    return {r["name"]: float(r["value"]) for r in read_table("fusion_params.csv")}


@functools.lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    return {r["key"]: r["family"] for r in read_table("event_families.csv")}


@functools.lru_cache(maxsize=1)
def _event_ranks() -> dict[str, int]:
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
def _control_cues() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r"\b" + re.escape(r["cue"]) + r"\b", re.I), r["meaning"])
            for r in read_table("control_cues.csv")]


def event_family(event_type: str | None, plover: str | None = None) -> str | None:
    if event_type:
        return _families().get(event_type, event_type)
    if plover:
        return "plover:" + plover
    return None


# ---------------------------------------------------------------------------------------
# fingerprints and near-duplicate reports
# ---------------------------------------------------------------------------------------
NUM_PERM = 64
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall((text or "").lower())
    if not words:
        return []
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]


def fingerprint_text(text: str) -> list[int]:
    """MinHash signature (num_perm=64, datasketch's legacy scheme, seed 1) over lower-cased
    word 5-shingles: a list of ints ([] for a text without words)."""
    from datasketch import MinHash

    sh = _shingles(text)
    if not sh:
        return []
    m = MinHash(num_perm=NUM_PERM, scheme="legacy")
    m.update_batch(sh)
    return [int(v) for v in m.hashvalues]


def fingerprint(text: str) -> list[int]:
    """The clean stage's fingerprint (`clean.minhash`, what `Article.fingerprint` holds)
    when it exists, else ours: signatures compared with each other must come from one
    function, and the stored ones come from the clean stage."""
    from . import clean
    fn = getattr(clean, "minhash", None) or getattr(clean, "fingerprint", None)
    return list(fn(text)) if callable(fn) else fingerprint_text(text)


def shingle_set(text: str) -> set[int]:
    """Hashes of the word 5-shingles (for exact containment checks on candidate pairs)."""
    return {int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") for s in _shingles(text)}


def jaccard_estimate(a: list[int], b: list[int]) -> float:
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


@dataclass
class ReportLink:
    """`article_id` is a near-copy of `original_id` (`copy`), or a later version of it
    from the same publisher (`update`: its figures supersede the original's)."""
    article_id: str
    original_id: str
    relation: str  # copy|update
    jaccard: float
    containment: float | None = None


@dataclass
class _Report:
    id: str
    sig: list[int]
    published: str | None
    source: str | None
    url: str | None
    length: int


class NearDuplicateIndex:
    """Incremental near-duplicate finder. `add` returns the links the new report makes.

    `text_of(id)` (optional) gives a report's text so candidate pairs can be verified by
    shingle containment; without it only the Jaccard estimate decides."""

    def __init__(self, text_of: Callable[[str], str | None] | None = None, *,
                 jaccard: float | None = None, containment: float | None = None,
                 candidate: float | None = None):
        from datasketch import MinHashLSH

        p = params()
        self.jaccard = p["near_dup_jaccard"] if jaccard is None else jaccard
        self.containment = p["near_dup_containment"] if containment is None else containment
        self.lsh = MinHashLSH(threshold=p["near_dup_candidate"] if candidate is None else candidate,
                              num_perm=NUM_PERM)
        self.reports: dict[str, _Report] = {}
        self.text_of = text_of
        self._shingle_cache: dict[str, set[int]] = {}

    def _minhash(self, sig: list[int]):
        from datasketch import LeanMinHash
        # From the values alone (seed 1, legacy scheme: what the clean stage computes);
        # building a MinHash first would draw its 64 permutations again for every report.
        return LeanMinHash(seed=1, hashvalues=sig, scheme="legacy")

    def _shingles_of(self, rid: str, text: str | None = None) -> set[int] | None:
        if rid in self._shingle_cache:
            return self._shingle_cache[rid]
        if text is None and self.text_of is not None:
            text = self.text_of(rid)
        if text is None:
            return None
        s = shingle_set(text)
        if len(self._shingle_cache) > 4096:  # bounded: only candidate pairs need these
            self._shingle_cache.clear()
        self._shingle_cache[rid] = s
        return s

    def add(self, article_id: str, sig: list[int] | None = None, *, text: str | None = None,
            published: str | None = None, source: str | None = None, url: str | None = None) -> list[ReportLink]:
        if article_id in self.reports:
            return []
        if not sig:
            if text is None and self.text_of is not None:
                text = self.text_of(article_id)
            sig = fingerprint(text or "")
        if not sig:
            return []  # no words, nothing to compare
        if len(sig) != NUM_PERM:
            raise ValueError(f"{article_id}: fingerprint has {len(sig)} values, expected {NUM_PERM}")
        new = _Report(article_id, list(sig), published, source, url, len(text or ""))
        mh = self._minhash(new.sig)
        links = []
        for other_id in sorted(self.lsh.query(mh)):
            other = self.reports[other_id]
            j = jaccard_estimate(new.sig, other.sig)
            c = None
            if j < self.jaccard:
                a = self._shingles_of(article_id, text)
                b = self._shingles_of(other_id)
                if a and b and min(len(a), len(b)) >= params()["near_dup_min_shingles"]:
                    c = len(a & b) / min(len(a), len(b))
                if c is None or c < self.containment:
                    continue
            links.append(self._link(new, other, j, c))
        self.lsh.insert(article_id, mh)
        self.reports[article_id] = new
        return links

    @staticmethod
    def _link(a: _Report, b: _Report, j: float, c: float | None) -> ReportLink:
        # The original is the earlier report; on a tie the longer (a trimmed copy is
        # shorter), then the smaller id (deterministic).
        def order(r: _Report):
            return (r.published or "9999", -r.length, r.id)
        first, later = (a, b) if order(a) <= order(b) else (b, a)
        same_outlet = (a.url and a.url == b.url) or (
            a.source and b.source and a.source.strip().lower() == b.source.strip().lower()
            and a.published != b.published)
        rel = "update" if same_outlet else "copy"
        return ReportLink(later.id, first.id, rel, round(j, 4), None if c is None else round(c, 4))


def link_reports(reports: Iterable[dict]) -> list[ReportLink]:
    """Near-duplicate links among reports given as dicts (id, text, published, source, url,
    optional fingerprint)."""
    texts = {}
    items = list(reports)
    for r in items:
        texts[r["id"]] = r.get("text") or ""
    idx = NearDuplicateIndex(texts.get)
    out = []
    for r in items:
        out += idx.add(r["id"], r.get("fingerprint") or None, text=texts[r["id"]], published=r.get("published"),
                       source=r.get("source"), url=r.get("url"))
    return out


# ---------------------------------------------------------------------------------------
# event fusion
# ---------------------------------------------------------------------------------------


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(str(iso)[:10]).toordinal()
    except ValueError:
        return None


def _iso(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day is not None else None


def _norm(name: str | None) -> str:
    return " ".join(_WORD.findall((name or "").lower()))


def _name_of(v: Any) -> str | None:
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


@dataclass
class Mention:
    """One event as one report states it (an item of `events` plus its report's data)."""
    article_id: str
    idx: int
    family: str | None
    event_type: str | None = None
    sub_event_type: str | None = None
    plover: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius: float = 12.0
    d0: int | None = None  # first and last possible day (date ordinals)
    d1: int | None = None
    actors: list[list[str | None]] = field(default_factory=list)  # [[name_key, kind], ...]
    actor1: str | None = None
    actor2: str | None = None
    actor1_kind: str | None = None
    actor2_kind: str | None = None
    country: str | None = None  # ISO2 of the place, when the report's places tell it
    admin1: str | None = None
    within: str | None = None  # the place's parent (a district's city)
    geo_precision: str | None = None
    start: int | None = None
    end: int | None = None
    fat_low: int | None = None
    fat_best: int | None = None
    fat_high: int | None = None
    certainty: str = "asserted"
    source: str | None = None
    publisher: str | None = None
    published: str | None = None
    sentence: str = ""
    sentence_key: str = ""
    superseded: bool = False
    copy_of: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.idx)

    @classmethod
    def from_event(cls, ev: Any, *, article_id: str, idx: int, published: str | None = None,
                   publisher: str | None = None) -> "Mention":
        """From an Event dataclass or its contract dict (as the store keeps it)."""
        d = ev if isinstance(ev, dict) else asdict(ev)
        fam = event_family(d.get("event_type"), d.get("plover"))
        d0, d1 = _day(d.get("date_start")), _day(d.get("date_end") or d.get("date_start"))
        if d0 is None and d1 is None:
            d0 = d1 = _day(published)
        elif d0 is None:
            d0 = d1
        elif d1 is None or d1 < d0:
            d1 = d0
        actors = []
        names, kinds = [], []
        for role in ("actor1", "actor2"):
            a = d.get(role)
            name = _name_of(a)
            names.append(name)
            kind = a.get("kind") if isinstance(a, dict) else None
            kinds.append(kind)
            if name or kind:
                actors.append([_norm(name) or None, kind])
        f = d.get("fatalities") or {}
        if not isinstance(f, dict):
            f = {"best": f}
        sentence = d.get("sentence") or ""
        place = d.get("place")
        place = _name_of(place)
        return cls(article_id=article_id, idx=idx, family=fam, event_type=d.get("event_type"),
                   sub_event_type=d.get("sub_event_type"), plover=d.get("plover"), place=place,
                   lat=d.get("lat"), lon=d.get("lon"),
                   radius=radius_km(d.get("geo_precision")) if d.get("lat") is not None else radius_km(None),
                   d0=d0, d1=d1, actors=actors, actor1=names[0], actor2=names[1],
                   actor1_kind=kinds[0], actor2_kind=kinds[1], country=d.get("country"),
                   admin1=d.get("admin1"), geo_precision=d.get("geo_precision"),
                   start=d.get("start"), end=d.get("end"),
                   fat_low=f.get("low"), fat_best=f.get("best"), fat_high=f.get("high"),
                   certainty=d.get("certainty") or "asserted", source=d.get("source"),
                   publisher=publisher, published=published, sentence=sentence,
                   sentence_key=hashlib.sha1(_norm(sentence).encode()).hexdigest()[:16] if sentence else "")

    # -- the casualty scale of this mention: (low, high), None when it states none
    def toll(self) -> tuple[int, int] | None:
        vals = [v for v in (self.fat_low, self.fat_best, self.fat_high) if v is not None]
        if not vals or max(vals) <= 0:
            return None
        return (min(vals), max(vals))


CREDIBLE = ("asserted", "claimed")


def apply_place(m: Mention, place: dict | None) -> None:
    """Complete a mention from its report's place record of the same name: country and
    admin1, and coordinates (with the radius their feature allows) when it has none."""
    if not place:
        return
    m.country = m.country or place.get("country")
    m.admin1 = m.admin1 or place.get("admin1")
    m.within = m.within or place.get("within")
    if place.get("lat") is None:
        return
    if m.lat is None:
        m.lat, m.lon = place["lat"], place["lon"]
    if abs(m.lat - place["lat"]) < 1e-4 and abs(m.lon - place["lon"]) < 1e-4:
        # The event sits at the place's coordinates: the place's feature says how far
        # from them it may be (the event's own precision does not name the feature).
        m.geo_precision = place_precision(place.get("feature"), place.get("precision")) or m.geo_precision
        m.radius = radius_km(m.geo_precision)


@dataclass
class Cluster:
    """A fused event: its members and the summary new mentions are compared with."""
    id: str
    family: str | None
    members: list[Mention] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    radius: float = 0.0
    d0: int | None = None
    d1: int | None = None
    places: set[str] = field(default_factory=set)
    sentences: set[str] = field(default_factory=set)
    actors: list[list[str | None]] = field(default_factory=list)
    toll_low: int | None = None
    toll_high: int | None = None

    def absorb(self, m: Mention) -> None:
        self.members.append(m)
        # Location: the most precise member's coordinates stand for the cluster.
        if m.lat is not None and (self.lat is None or m.radius < self.radius):
            self.lat, self.lon, self.radius = m.lat, m.lon, m.radius
        # Dates: the intersection while it is non-empty (each member narrows the window).
        if m.d0 is not None:
            if self.d0 is None:
                self.d0, self.d1 = m.d0, m.d1
            else:
                lo, hi = max(self.d0, m.d0), min(self.d1, m.d1)
                if lo <= hi:
                    self.d0, self.d1 = lo, hi
        if m.place:
            self.places.add(_norm(m.place))
        if m.sentence_key:
            self.sentences.add(m.sentence_key)
        for a in m.actors:
            if a not in self.actors:
                self.actors.append(a)
        t = m.toll()
        if t and m.certainty in CREDIBLE and not m.superseded:
            self.toll_low = t[0] if self.toll_low is None else min(self.toll_low, t[0])
            self.toll_high = t[1] if self.toll_high is None else max(self.toll_high, t[1])

    def rebuild(self) -> None:
        members, self.members = self.members, []
        self.lat = self.lon = self.d0 = self.d1 = self.toll_low = self.toll_high = None
        self.radius = 0.0
        self.places, self.sentences, self.actors = set(), set(), []
        for m in members:
            self.absorb(m)


def _actors_conflict(a: list[list[str | None]], b: list[list[str | None]]) -> bool:
    """True when both sides name actors and none of them can be the same actor.

    Actor order carries no meaning (ACLED), so the sets are compared. Two actors can be
    the same when their names match (one containing the other: "Syrian army" / "army")
    or, when a name is missing, when their kinds match."""
    if not a or not b:
        return False
    for n1, k1 in a:
        for n2, k2 in b:
            if n1 and n2 and (n1 == n2 or f" {n1} " in f" {n2} " or f" {n2} " in f" {n1} "):
                return False
            if k1 and k2 and k1 == k2:
                return False
            if (not n1 or not n2) and (not k1 or not k2):
                return False  # one side too vague to contradict anything
    return True


def _same_scale(t: tuple[int, int] | None, low: int | None, high: int | None) -> bool:
    """Same casualty scale: the two tolls overlap, or the gap between them is small in
    ratio (a toll rising from 10 to 26 as bodies are found) or in absolute terms."""
    if t is None or low is None:
        return True
    p = params()
    (a_lo, a_hi), (b_lo, b_hi) = t, (low, high if high is not None else low)
    if a_lo <= b_hi and b_lo <= a_hi:
        return True
    small, large = (a_hi, b_lo) if a_hi < b_lo else (b_hi, a_lo)
    return large <= small * p["fatality_ratio"] or large - small <= p["fatality_abs"]


class EventFuser:
    """Incremental event fusion with blocking by day and spatial grid cell.

    `add(mention)` returns the id of the cluster the mention joined or founded. Cost per
    mention is bounded by the clusters sharing one of its blocks (same day and cell, same
    day and place name, or the same evidence sentence), so fusing N mentions is ~O(N)."""

    def __init__(self, clusters: Iterable[Cluster] = ()):
        p = params()
        self.tol = int(p["date_tolerance_days"])
        self.max_span = int(p["max_span_days"])
        self.cell = p["grid_degrees"]
        self.slack = p["distance_slack_km"]
        self.max_grid_radius = p["radius_admin1_km"]
        self.clusters: dict[str, Cluster] = {}
        self.member_of: dict[tuple[str, int], str] = {}
        self.blocks: dict[tuple, list[str]] = defaultdict(list)
        self.changed: set[str] = set()
        self.comparisons = 0
        for c in clusters:
            self.clusters[c.id] = c
            for m in c.members:
                self.member_of[m.key] = c.id
                self._index(c.id, m)

    # -- blocking --------------------------------------------------------------------
    def _days(self, m: Mention) -> range:
        if m.d0 is None or m.d1 - m.d0 > self.max_span:
            return range(0)
        return range(m.d0 - self.tol, m.d1 + self.tol + 1)

    def _cells(self, m: Mention) -> list[tuple[int, int]]:
        # Country-wide mentions stay off the grid (hundreds of cells each): they meet
        # other mentions of the same place name only (ACLED does not code them at all).
        if m.lat is None or m.lon is None or m.radius > self.max_grid_radius:
            return []
        r_deg = (m.radius + self.slack) / 111.0
        lat_lo, lat_hi = m.lat - r_deg, m.lat + r_deg
        coslat = max(0.05, math.cos(math.radians(min(89.0, abs(m.lat)))))
        lon_lo, lon_hi = m.lon - r_deg / coslat, m.lon + r_deg / coslat
        cs = self.cell
        return [(i, j) for i in range(math.floor(lat_lo / cs), math.floor(lat_hi / cs) + 1)
                for j in range(math.floor(lon_lo / cs), math.floor(lon_hi / cs) + 1)]

    def _keys(self, m: Mention) -> list[tuple]:
        keys: list[tuple] = []
        days = self._days(m)
        if days:
            cells = self._cells(m)
            place = _norm(m.place)
            for d in days:
                keys += [("g", m.family, d, i, j) for i, j in cells]
                if place:  # lets a mention without coordinates meet one with them
                    keys.append(("p", m.family, d, place))
        if m.sentence_key:
            keys.append(("s", m.family, m.sentence_key))
        return keys

    def _index(self, cid: str, m: Mention) -> None:
        for k in self._keys(m):
            lst = self.blocks[k]
            if cid not in lst:
                lst.append(cid)

    # -- matching --------------------------------------------------------------------
    def compatible(self, m: Mention, c: Cluster) -> float | None:
        """A score (higher is better) when the mention can be the cluster's event, else None."""
        if m.family is None or m.family != c.family:
            return None
        same_sentence = bool(m.sentence_key) and m.sentence_key in c.sentences
        # Dates overlap within their precision.
        if m.d0 is not None and c.d0 is not None:
            if m.d0 > c.d1 + self.tol or c.d0 > m.d1 + self.tol:
                return None
        score = 0.0
        # Place: distance within both precisions, else the same place name.
        if m.lat is not None and c.lat is not None:
            dist = haversine_km(m.lat, m.lon, c.lat, c.lon)
            if dist > m.radius + c.radius + self.slack:
                return None
            score -= dist / (m.radius + c.radius + self.slack)
        elif m.place and c.places:
            if _norm(m.place) not in c.places:
                return None
        elif not same_sentence:
            return None  # nothing ties the mention to a place: it stays on its own
        if _actors_conflict(m.actors, c.actors):
            return None
        if not _same_scale(m.toll(), c.toll_low, c.toll_high):
            return None
        if same_sentence:
            score += 2.0
        t = m.toll()
        if t and c.toll_low is not None:
            score -= abs(math.log((t[0] + 1) / (c.toll_low + 1))) / 4
        return score

    def candidates(self, m: Mention) -> list[str]:
        seen: dict[str, None] = {}
        for k in self._keys(m):
            for cid in self.blocks.get(k, ()):
                seen.setdefault(cid, None)
        return list(seen)

    def add(self, m: Mention) -> str:
        if m.key in self.member_of:
            return self.member_of[m.key]
        best, best_score = None, None
        for cid in self.candidates(m):
            self.comparisons += 1
            s = self.compatible(m, self.clusters[cid])
            if s is not None and (best_score is None or s > best_score or (s == best_score and cid < best)):
                best, best_score = cid, s
        if best is None:
            best = "EV-" + hashlib.sha1(f"{m.article_id}:{m.idx}".encode()).hexdigest()[:12]
            self.clusters[best] = Cluster(best, m.family)
        self.clusters[best].absorb(m)
        self.member_of[m.key] = best
        self._index(best, m)
        self.changed.add(best)
        return best

    def add_all(self, mentions: Iterable[Mention]) -> list[str]:
        return [self.add(m) for m in mentions]

    def mark_superseded(self, article_ids: set[str]) -> None:
        """A later version replaced these reports: their tolls leave the consensus (the
        mentions stay, flagged)."""
        if not article_ids:
            return
        for c in self.clusters.values():
            hit = False
            for m in c.members:
                if m.article_id in article_ids and not m.superseded:
                    m.superseded = True
                    hit = True
            if hit:
                c.rebuild()
                self.changed.add(c.id)


# -- the fused event as users see it ---------------------------------------------------
def _most_common(values: Iterable[str | None], rank: Callable[[str], Any] = lambda v: v) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts, key=lambda v: (-counts[v], rank(v), v))[0]


def _actor_pair(ms: list[Mention]) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """The two sides of a fused event. Reports name them in either order (ACLED: order
    means nothing, except that civilians targeted are actor 2), so names are counted over
    both roles; actor 2 is the most reported side of another kind than actor 1."""
    count: Counter = Counter()
    first: Counter = Counter()
    kind_of: dict[str, str | None] = {}
    for m in ms:
        for name, kind, role in ((m.actor1, m.actor1_kind, 1), (m.actor2, m.actor2_kind, 2)):
            if name:
                count[name] += 1
                first[name] += role == 1
                kind_of.setdefault(name, kind)
    ranked = sorted(count, key=lambda n: (kind_of[n] == "civilians", -count[n], -first[n], n))
    if not ranked:
        return (None, None), (None, None)
    a1 = ranked[0]
    rest = [n for n in ranked[1:] if kind_of[n] != kind_of[a1] or kind_of[a1] is None]
    a2 = rest[0] if rest else None
    return (a1, kind_of[a1]), (a2, kind_of.get(a2) if a2 else None)


def fused_event(c: Cluster) -> dict:
    """The record of one fused event: consensus fields plus every report's value."""
    ranks = _event_ranks()
    ms = c.members
    sub = _most_common((m.sub_event_type for m in ms), lambda v: ranks.get(v, 99))
    etype = next((m.event_type for m in ms if m.sub_event_type == sub and m.event_type), None) \
        or _most_common(m.event_type for m in ms)
    best_place = min((m for m in ms if m.lat is not None), key=lambda m: (m.radius, m.published or "", m.key),
                     default=None)
    place = best_place.place if best_place else _most_common(m.place for m in ms)
    credible = [m for m in ms if m.certainty in CREDIBLE and not m.superseded]
    tolls = [m.toll() for m in credible if m.toll()]
    lows = [t[0] for t in tolls]
    points = [m.fat_best if m.fat_best is not None else m.fat_low for m in credible if m.toll()]
    reports = sorted({m.article_id for m in ms})
    independent = sorted({m.article_id for m in ms if not m.copy_of})
    sources = sorted({s for m in ms for s in (m.source, m.publisher) if s})
    (actor1, kind1), (actor2, kind2) = _actor_pair(ms)
    certainty = "asserted" if any(m.certainty == "asserted" for m in ms) else _most_common(m.certainty for m in ms)
    return {
        "id": c.id, "family": c.family, "event_type": etype, "sub_event_type": sub,
        "plover": _most_common(m.plover for m in ms),
        "place": place, "lat": c.lat, "lon": c.lon, "radius_km": c.radius if c.lat is not None else None,
        "date_start": _iso(c.d0), "date_end": _iso(c.d1),
        "time_precision": None if c.d0 is None else "day" if c.d0 == c.d1 else "days" if c.d1 - c.d0 < 7
        else "week" if c.d1 - c.d0 < 8 else "month",
        "actor1": actor1, "actor1_kind": kind1, "actor2": actor2, "actor2_kind": kind2,
        "country": (best_place.country if best_place else None) or _most_common(m.country for m in ms),
        "admin1": (best_place.admin1 if best_place else None) or _most_common(m.admin1 for m in ms),
        "within": (best_place.within if best_place else None) or _most_common(m.within for m in ms),
        "geo_precision": best_place.geo_precision if best_place else None,
        "fatalities": {"low": min(lows) if lows else None,
                       "best": min(points) if points else None,  # conservative: lowest credible
                       "high": max(t[1] for t in tolls) if tolls else None},
        "certainty": certainty,
        "n_reports": len(reports), "n_independent_reports": len(independent), "n_sources": len(sources),
        "sources": sources, "reports": reports,
        "mentions": [asdict(m) for m in ms],
    }


@functools.lru_cache(maxsize=1)
def _mention_fields() -> frozenset[str]:
    import dataclasses
    return frozenset(f.name for f in dataclasses.fields(Mention))


def cluster_from_record(rec: dict) -> Cluster:
    names = _mention_fields()
    c = Cluster(rec["id"], rec.get("family"))
    for md in rec.get("mentions", []):
        c.absorb(Mention(**{k: v for k, v in md.items() if k in names}))
    return c


def fuse_events(events: Iterable[tuple[str, int, Any, str | None, str | None]]) -> list[dict]:
    """Fuse (article_id, idx, event, published, publisher) tuples; return fused records."""
    fuser = EventFuser()
    for aid, idx, ev, published, publisher in events:
        fuser.add(Mention.from_event(ev, article_id=aid, idx=idx, published=published, publisher=publisher))
    return [fused_event(c) for c in sorted(fuser.clusters.values(), key=lambda c: (c.d0 or 0, c.id))]


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


# ---------------------------------------------------------------------------------------
# control timeline
# ---------------------------------------------------------------------------------------
CONTROL_TYPES = ("Government regains territory", "Non-state actor overtakes territory",
                 "Non-violent transfer of territory")


def control_holder(ev: dict) -> tuple[str | None, str | None, str | None]:
    """(holder after the event, its kind, the side that left) for a territorial event."""
    a1, a2 = ev.get("actor1"), ev.get("actor2")
    text = " ".join(x for x in (ev.get("trigger"), ev.get("sentence")) if x)
    left = any(meaning == "actor1_left" and rx.search(ev.get("trigger") or "") for rx, meaning in _control_cues())
    if not left and not ev.get("trigger"):
        left = any(meaning == "actor1_left" and rx.search(text) for rx, meaning in _control_cues()) and not a2
    if left:
        holder, previous = a2, a1
    else:
        holder, previous = a1, a2
    if ev.get("sub_event_type") == "Government regains territory":
        # The government side holds the place afterwards, whichever slot it was put in.
        for a, b in ((a1, a2), (a2, a1)):
            if isinstance(a, dict) and a.get("kind") in ("state_forces", "government"):
                holder, previous = a, b
                break
    return _name_of(holder), holder.get("kind") if isinstance(holder, dict) else None, _name_of(previous)


# A change whose new holder the report does not name (a withdrawal) is held by "unknown":
# merged with its repeats like any other holder, never a second change.
UNKNOWN_HOLDER = "unknown"


def _same_holder(a: dict, b: dict) -> bool:
    """Two reports name the same holder: names that match (one inside the other), or both
    the state's forces (reports call them the army, regime troops, government forces)."""
    na, nb = _norm(a["holder"]) or UNKNOWN_HOLDER, _norm(b["holder"]) or UNKNOWN_HOLDER
    if (na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} "):
        return True
    state = ("state_forces", "government")
    return a["holder_kind"] in state and b["holder_kind"] in state


def control_timeline(events: Iterable[dict]) -> list[dict]:
    """Per place: who held it from when, with every report as evidence.

    Each event dict is a contract event plus `article_id`, `idx`, `published`, `publisher`.
    Changes of one place to one holder on overlapping dates (several reports of one
    capture) become one change listing all their evidence."""
    by_place: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        if ev.get("sub_event_type") not in CONTROL_TYPES:
            continue
        if ev.get("certainty") not in (None, *CREDIBLE):
            continue
        place = _name_of(ev.get("place"))
        if not place:
            continue
        holder, kind, previous = control_holder(ev)
        date = ev.get("date_start") or ev.get("published")
        by_place[_norm(place)].append({
            "place": place, "lat": ev.get("lat"), "lon": ev.get("lon"), "date": (date or "")[:10] or None,
            "date_end": (ev.get("date_end") or date or "")[:10] or None,
            "holder": holder, "holder_kind": kind, "previous_holder": previous,
            "sub_event_type": ev.get("sub_event_type"), "certainty": ev.get("certainty") or "asserted",
            "evidence": {"article_id": ev.get("article_id"), "idx": ev.get("idx"), "sentence": ev.get("sentence"),
                         "start": ev.get("start"), "end": ev.get("end"), "source": ev.get("source"),
                         "publisher": ev.get("publisher"), "published": ev.get("published")}})
    out = []
    for pkey in sorted(by_place):
        changes: list[dict] = []
        for ch in sorted(by_place[pkey], key=lambda c: (c["date"] or "", c["evidence"]["article_id"] or "",
                                                         c["evidence"]["idx"] or 0)):
            prev = changes[-1] if changes else None
            if prev and _same_holder(prev, ch) and ch["date"] and prev["date_end"] and ch["date"] <= prev["date_end"]:
                prev["evidence"].append(ch["evidence"])
                prev["previous_holder"] = prev["previous_holder"] or ch["previous_holder"]
                if prev["lat"] is None:
                    prev["lat"], prev["lon"] = ch["lat"], ch["lon"]
                continue
            ch = dict(ch, evidence=[ch["evidence"]])
            if prev and not ch["previous_holder"]:
                ch["previous_holder"] = prev["holder"]
            changes.append(ch)
        seen: Counter = Counter()
        for i, ch in enumerate(changes):
            ch["held_until"] = changes[i + 1]["date"] if i + 1 < len(changes) else None
            ch["n_reports"] = len({e["article_id"] for e in ch["evidence"]})
            # Unique by construction: a key repeated within the place (the same holder
            # again on the same day after another) takes its ordinal.
            key = f"{pkey}|{ch['date']}|{_norm(ch['holder']) or UNKNOWN_HOLDER}"
            seen[key] += 1
            if seen[key] > 1:
                key += f"|{seen[key]}"
            ch["id"] = "CC-" + hashlib.sha1(key.encode()).hexdigest()[:12]
            ch["place_key"] = pkey
            out.append(ch)
    return out


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

    from .store import (articles as A, fused_articles as FA, fused_event_members as FM, fused_events as FE,
                        figure_series as FS, control_changes as CC, item_tables, meta_table as META,
                        report_links as RL)

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
    from .store import articles as A, item_tables

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
    from .store import fused_events as FE

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
    from .store import figure_series as FS

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
    from .store import control_changes as CC

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
    from .store import report_links as RL
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(RL).order_by(RL.c.article_id, RL.c.original_id))]
