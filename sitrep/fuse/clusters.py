"""Event fusion: mentions of one happening across reports become one fused event."""
from __future__ import annotations

import functools
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from .common import (
    CREDIBLE,
    day_number,
    event_family,
    event_ranks,
    haversine_km,
    iso_day,
    name_of,
    norm,
    params,
    place_precision,
    radius_km,
    similar_sentences,
)


@dataclass
class Mention:
    """One event as one report states it (an item of `events` plus its report's data)."""
    article_id: str
    idx: int
    family: str | None
    event_type: str | None = None
    sub_event_type: str | None = None
    plover: str | None = None
    mode: str | None = None
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
                   publisher: str | None = None) -> Mention:
        """From an Event dataclass or its contract dict (as the store keeps it)."""
        d = ev if isinstance(ev, dict) else asdict(ev)
        fam = event_family(d.get("event_type"), d.get("plover"))
        d0, d1 = day_number(d.get("date_start")), day_number(d.get("date_end") or d.get("date_start"))
        if d0 is None and d1 is None:
            d0 = d1 = day_number(published)
        elif d0 is None:
            d0 = d1
        elif d1 is None or d1 < d0:
            d1 = d0
        actors = []
        names, kinds = [], []
        for role in ("actor1", "actor2"):
            a = d.get(role)
            name = name_of(a)
            names.append(name)
            kind = a.get("kind") if isinstance(a, dict) else None
            kinds.append(kind)
            if name or kind:
                actors.append([norm(name) or None, kind])
        f = d.get("fatalities") or {}
        if not isinstance(f, dict):
            f = {"best": f}
        sentence = d.get("sentence") or ""
        place = d.get("place")
        place = name_of(place)
        return cls(article_id=article_id, idx=idx, family=fam, event_type=d.get("event_type"),
                   sub_event_type=d.get("sub_event_type"), plover=d.get("plover"), mode=d.get("mode"), place=place,
                   lat=d.get("lat"), lon=d.get("lon"),
                   radius=radius_km(d.get("geo_precision")) if d.get("lat") is not None else radius_km(None),
                   d0=d0, d1=d1, actors=actors, actor1=names[0], actor2=names[1],
                   actor1_kind=kinds[0], actor2_kind=kinds[1], country=d.get("country"),
                   admin1=d.get("admin1"), geo_precision=d.get("geo_precision"),
                   start=d.get("start"), end=d.get("end"),
                   fat_low=f.get("low"), fat_best=f.get("best"), fat_high=f.get("high"),
                   certainty=d.get("certainty") or "asserted", source=d.get("source"),
                   publisher=publisher, published=published, sentence=sentence,
                   sentence_key=hashlib.sha1(norm(sentence).encode()).hexdigest()[:16] if sentence else "")

    # -- the casualty scale of this mention: (low, high), None when it states none
    def toll(self) -> tuple[int, int] | None:
        vals = [v for v in (self.fat_low, self.fat_best, self.fat_high) if v is not None]
        if not vals or max(vals) <= 0:
            return None
        return (min(vals), max(vals))


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
            self.places.add(norm(m.place))
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
        self.blocks: dict[tuple, dict[str, None]] = defaultdict(dict)  # block -> fused event ids, in order
        self.changed: set[str] = set()
        self.comparisons = 0
        # A near-copy's mention is evidence for the event its original reported in the
        # same (or nearly the same) sentence, never a second event, whatever its dates.
        self.said: dict[tuple[str, str | None], list[tuple[Mention, str]]] = defaultdict(list)
        self.echoed: set[tuple[str, tuple[str, int]]] = set()  # (copy article, original mention)
        loaded = []
        for c in clusters:
            self.clusters[c.id] = c
            self._index(c)
            for m in c.members:
                self.member_of[m.key] = c.id
                loaded.append((m, c.id))
        for m, cid in sorted(loaded, key=lambda mc: mc[0].key):
            self.said[(m.article_id, m.family)].append((m, cid))
            if m.copy_of:
                self._echo(m)  # marks the original mention it echoed as taken

    def _echo(self, m: Mention) -> str | None:
        """The fused event of the original's mention this copy's mention repeats: the
        same sentence first, then a nearly identical one, each original mention once."""
        said = self.said.get((m.copy_of, m.family), ())
        for same in (lambda o: o.sentence_key == m.sentence_key and bool(m.sentence_key),
                     lambda o: similar_sentences(o.sentence, m.sentence)):
            for o, cid in said:
                if (m.article_id, o.key) not in self.echoed and same(o):
                    self.echoed.add((m.article_id, o.key))
                    return cid
        return None

    # -- blocking --------------------------------------------------------------------
    def _days(self, d0: int | None, d1: int | None) -> range:
        """The days a date window is filed under (within tolerance); none when it is
        undated or too long to block on."""
        if d0 is None or d1 - d0 > self.max_span:
            return range(0)
        return range(d0 - self.tol, d1 + self.tol + 1)

    def _cells(self, lat: float | None, lon: float | None, radius: float) -> list[tuple[int, int]]:
        # Country-wide mentions stay off the grid (hundreds of cells each): they meet
        # other mentions of the same place name only (ACLED does not code them at all).
        if lat is None or lon is None or radius > self.max_grid_radius:
            return []
        r_deg = (radius + self.slack) / 111.0
        lat_lo, lat_hi = lat - r_deg, lat + r_deg
        coslat = max(0.05, math.cos(math.radians(min(89.0, abs(lat)))))
        lon_lo, lon_hi = lon - r_deg / coslat, lon + r_deg / coslat
        cs = self.cell
        return [(i, j) for i in range(math.floor(lat_lo / cs), math.floor(lat_hi / cs) + 1)
                for j in range(math.floor(lon_lo / cs), math.floor(lon_hi / cs) + 1)]

    def _blocks(self, family: str | None, days: range, cells: list[tuple[int, int]], places: Iterable[str],
                sentences: Iterable[str]) -> list[tuple]:
        keys: list[tuple] = []
        places = [p for p in places if p]
        for d in days:
            keys += [("g", family, d, i, j) for i, j in cells]
            # lets a mention without coordinates meet one with them
            keys += [("p", family, d, p) for p in places]
        keys += [("s", family, s) for s in sentences if s]
        return keys

    def _keys(self, m: Mention) -> list[tuple]:
        """The blocks a mention looks in: its days (within tolerance) by grid cell and by
        place name, and its sentence."""
        return self._blocks(m.family, self._days(m.d0, m.d1), self._cells(m.lat, m.lon, m.radius), [norm(m.place)],
                            [m.sentence_key])

    def _index(self, c: Cluster, sentences: Iterable[str] | None = None) -> None:
        """File a fused event under the blocks of its summary (its date window, point and
        radius, place names and sentences: what `compatible` compares), so a mention it is
        compatible with finds it: their windows overlap, so they share a day; their discs
        overlap, so they share a cell. Loaded events cost one summary, not every member.
        `sentences`: only these of its sentences are new (the others are filed already)."""
        for k in self._blocks(c.family, self._days(c.d0, c.d1), self._cells(c.lat, c.lon, c.radius), c.places,
                              c.sentences if sentences is None else sentences):
            self.blocks[k].setdefault(c.id, None)

    def summary_blocks(self, family: str | None, date_start: str | None, date_end: str | None,
                       lat: float | None, lon: float | None, radius: float | None,
                       places: Iterable[str]) -> list[tuple]:
        """The day blocks (by cell and by place name) `_index` files a stored fused event
        under, from its stored summary, without reading its mentions: an incremental fuse
        rebuilds only the stored events a new mention's blocks reach."""
        days = self._days(day_number(date_start), day_number(date_end or date_start))
        return self._blocks(family, days, self._cells(lat, lon, radius or 0.0), places, ())

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
            if norm(m.place) not in c.places:
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
        best = self._echo(m) if m.copy_of else None
        best_score = None
        for cid in () if best else self.candidates(m):
            self.comparisons += 1
            s = self.compatible(m, self.clusters[cid])
            if s is not None and (best_score is None or s > best_score or (s == best_score and cid < best)):
                best, best_score = cid, s
        if best is None:
            best = "EV-" + hashlib.sha1(f"{m.article_id}:{m.idx}".encode()).hexdigest()[:12]
            self.clusters[best] = Cluster(best, m.family)
        self.clusters[best].absorb(m)
        self.member_of[m.key] = best
        self.said[(m.article_id, m.family)].append((m, best))
        self._index(self.clusters[best], [m.sentence_key])
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
    ranks = event_ranks()
    ms = c.members
    sub = _most_common((m.sub_event_type for m in ms), lambda v: ranks.get(v, 99))
    etype = next((m.event_type for m in ms if m.sub_event_type == sub and m.event_type), None) \
        or _most_common(m.event_type for m in ms)
    best_place = min((m for m in ms if m.lat is not None), key=lambda m: (m.radius, m.published or "", m.key),
                     default=None)
    place = best_place.place if best_place else _most_common(m.place for m in ms)
    credible = [m for m in ms if m.certainty in CREDIBLE and not m.superseded]
    plover = _most_common(m.plover for m in ms)
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
        "plover": plover, "mode": _most_common(m.mode for m in ms if m.plover == plover),
        "place": place, "lat": c.lat, "lon": c.lon, "radius_km": c.radius if c.lat is not None else None,
        "date_start": iso_day(c.d0), "date_end": iso_day(c.d1),
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
        "mentions": [_record(m) for m in ms],
    }


@functools.lru_cache(maxsize=1)
def _mention_fields() -> tuple[str, ...]:
    import dataclasses
    return tuple(f.name for f in dataclasses.fields(Mention))


def _record(m: Mention) -> dict:
    """A mention as its fused event's record keeps it: `asdict` without its deep copies
    (a mention's values are scalars, and lists of them written out as they are)."""
    return {name: getattr(m, name) for name in _mention_fields()}


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


