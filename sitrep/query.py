"""What an analyst's filter means, shared by the store, the CLI, the API and `situation`.

- `name_variants(term)`: the names a `--source` / `--actor` filter stands for. "SANA" is
  stored as "Syrian Arab News Agency", "IDF" as "Military Forces of Israel": the groups of
  `data/name_aliases.csv` and the aliases of `data/actors.csv` make them one.
- `place_scope(name)`: a `--place` filter as an area of the gazetteer's hierarchy. A
  country holds its admin1 regions and their cities, an admin1 region its cities, a city
  its districts (the places within its radius). Matching is by containment, never by
  text: "Turkey" does not hold the Syrian places a loose match on a distance or a name
  would have let in. A name both a city and its region (Aleppo, Idlib) covers the region.
- `EventFilter`: which events a listing shows. Listings, the API, the map and the exports
  default to what a report claims happened (asserted or claimed, not generic, confidence
  at least 0.5; a confidence not computed counts as passing).
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .errors import QueryError
from .models import CERTAINTIES, CLAIMED_CERTAINTIES, TIMINGS
from .vocab import read_table

_SPACE = re.compile(r"\s+")


def _key(name: str) -> str:
    return _SPACE.sub(" ", name.strip().lower())


@functools.lru_cache(maxsize=1)
def _alias_groups() -> dict[str, frozenset[str]]:
    """Lower-cased name -> every name of the groups it belongs to (as written)."""
    groups: list[set[str]] = []
    for r in read_table("name_aliases.csv"):
        groups.append({r["name"], *(a for a in r["aliases"].split("|") if a)})
    for r in read_table("actors.csv"):
        groups.append({r["name"], *(a for a in r["aliases"].split("|") if a)})
    out: dict[str, set[str]] = {}
    for g in groups:
        for n in g:
            out.setdefault(_key(n), set()).update(g)
    return {k: frozenset(v) for k, v in out.items()}


def name_variants(term: str) -> tuple[str, ...] | None:
    """Every name `term` stands for (sorted), or None when it is no known name or alias."""
    names = _alias_groups().get(_key(term))
    return tuple(sorted(names, key=str.lower)) if names else None


# ---------------------------------------------------------------------------------------
# places
# ---------------------------------------------------------------------------------------
# A city holds what lies within this distance of its point (its districts, its suburbs).
CITY_RADIUS_KM = 15.0
# ... and a district or landmark its own few streets, a county its centroid's surroundings.
_RADIUS_KM = {"country": 0.0, "admin1": 0.0, "admin2": 40.0, "district": 3.0, "landmark": 1.0}


@dataclass(frozen=True)
class Area:
    """One gazetteer entry a place filter stands for."""
    feature: str  # country | admin1 | city (anything else is treated as a city)
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    radius_km: float = CITY_RADIUS_KM
    admin1: str | None = None  # the name of the region a city lies in

    def box(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) around a city's point, for an indexable pre-test."""
        if self.feature in ("country", "admin1") or self.lat is None or self.lon is None:
            return None
        dlat = self.radius_km / 111.0
        dlon = self.radius_km / (111.0 * max(0.05, math.cos(math.radians(self.lat))))
        return self.lon - dlon, self.lat - dlat, self.lon + dlon, self.lat + dlat


@dataclass(frozen=True)
class PlaceScope:
    """A place filter: the names that match directly and the areas that contain."""
    query: str
    names: frozenset[str]  # as written (gazetteer names keep their diacritics)
    areas: tuple[Area, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(_key(n) for n in self.names)

    def contains(self, *, place: str | None = None, country: str | None = None, admin1: str | None = None,
                 within: str | None = None, lat: float | None = None, lon: float | None = None) -> bool:
        """Whether a record (a fused event, a series, a control change) lies in the scope."""
        keys = self.keys
        if any(v and _key(v) in keys for v in (place, within)):
            return True
        for a in self.areas:
            if a.feature == "country" and country and country.upper() == a.country:
                return True
            if a.feature == "admin1" and country and country.upper() == a.country and admin1 \
                    and _key(admin1) == _key(a.name):
                return True
            if a.feature not in ("country", "admin1") and lat is not None and lon is not None \
                    and a.lat is not None and _km(a.lat, a.lon, lat, lon) <= a.radius_km:
                return True
        return False

    def holds_name(self, name: str | None, lat: float | None = None, lon: float | None = None) -> bool:
        """Whether a place known only by its name (a figure series, a control change) lies
        in the scope: the name's own best gazetteer entry, placed in the hierarchy."""
        if not name:
            return False
        if self.contains(place=name, lat=lat, lon=lon):
            return True
        own = place_scope(name).areas
        return bool(own) and self.contains(place=name, country=own[0].country, admin1=own[0].admin1 or (
            own[0].name if own[0].feature == "admin1" else None), lat=own[0].lat, lon=own[0].lon)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@functools.lru_cache(maxsize=256)
def place_scope(name: str) -> PlaceScope:
    """The scope of a place filter, from the gazetteer: the entries of that name in the
    country of its best-known one (so "Sudan" is the country, not a Texan town of that
    name), demonyms left out. A name the gazetteer does not know matches itself only."""
    from .extractors.gazetteer import get_gazetteer, norm_name

    query = name.strip()
    key = norm_name(query)
    gaz = get_gazetteer()
    entries = [e for e in gaz.lookup([key]).get(key, []) if e.kind != "demonym"]
    if not entries:
        return PlaceScope(query, frozenset({query}))
    first = entries[0]
    chosen = [e for e in entries if e.country == first.country and e.feature not in ("continent", "water")]
    areas = []
    for e in chosen:
        feature = e.feature if e.feature in ("country", "admin1") else "city"
        region = gaz.admin1(e.admin1) if feature == "city" else None
        areas.append(Area(feature, e.name, e.country, e.lat, e.lon, _RADIUS_KM.get(e.feature, CITY_RADIUS_KM),
                          region.name if region else None))
    return PlaceScope(query, frozenset({query, *(e.name for e in chosen)}), tuple(areas))


# ---------------------------------------------------------------------------------------
# which events a listing shows
# ---------------------------------------------------------------------------------------
DEFAULT_MIN_CONFIDENCE = 0.5
DEFAULT_TIMINGS = tuple(t for t in TIMINGS if t != "generic")


@dataclass(frozen=True)
class EventFilter:
    """Certainty, timing and confidence an event must have to be listed. Empty tuples
    and None mean no condition; a NULL column passes (rows stored before the column)."""
    certainty: tuple[str, ...] = CLAIMED_CERTAINTIES
    timing: tuple[str, ...] = DEFAULT_TIMINGS
    min_confidence: float | None = DEFAULT_MIN_CONFIDENCE
    plover: str | None = None  # PLOVER category (any case); None: every one
    mode: str | None = None  # PLOVER mode; None: every one

    def of_kind(self, event: dict) -> bool:
        """Whether an event (a mention, or a fused event: its consensus) has the PLOVER
        category and mode asked for."""
        return all(not want or (event.get(k) or "").lower() == want.lower()
                   for k, want in (("plover", self.plover), ("mode", self.mode)))

    @classmethod
    def everything(cls) -> EventFilter:
        return cls((), (), None)

    def passes(self, event: dict) -> bool:
        """Whether one event mention (contract dict) passes; missing values pass."""
        c, t, conf = event.get("certainty"), event.get("timing"), event.get("confidence")
        return (not self.certainty or c is None or c in self.certainty) \
            and (not self.timing or t is None or t in self.timing) \
            and (self.min_confidence is None or conf is None or conf >= self.min_confidence) \
            and self.of_kind(event)

    def as_filters(self) -> dict:
        """As keyword filters of Store.items / Store.incidents."""
        return {"certainty": self.certainty or None, "timing": self.timing or None,
                "min_confidence": self.min_confidence}

    @classmethod
    def parse(cls, certainty: str | None = None, timing: str | None = None,
              min_confidence: float | None = None) -> EventFilter:
        """From the comma lists users type ("asserted,claimed"; "any" or "all" for no
        condition); None keeps the default. Unknown values are a QueryError."""
        d = cls()
        return cls(_values(certainty, CERTAINTIES, "certainty", d.certainty),
                   _values(timing, TIMINGS, "timing", d.timing),
                   d.min_confidence if min_confidence is None else (min_confidence or None))


def _values(text: str | None, allowed: tuple[str, ...], what: str, default: tuple[str, ...]) -> tuple[str, ...]:
    if text is None:
        return default
    vals = tuple(v.strip().lower() for v in text.split(",") if v.strip())
    if not vals or vals in (("any",), ("all",)):
        return ()
    bad = [v for v in vals if v not in allowed]
    if bad:
        raise QueryError(f"{what} {', '.join(bad)!s}: use {', '.join(allowed)} (comma-separated) or any")
    return vals


# ---------------------------------------------------------------------------------------
# full-text search syntax (rendered for FTS5 and tsquery by Store.search)
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    text: str  # a word, or the words of a phrase
    phrase: bool = False
    prefix: bool = False  # word* : any word starting so
    negated: bool = False  # -word : reports without it


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def parse_search(text: str) -> list[list[Term]]:
    """A search query as alternatives (OR) of terms that must all match (AND).

    Syntax: words (every one must occur, stemmed), "a phrase" (its words in order),
    prefix* (any word starting so), -word (reports without it), OR between alternatives
    (upper case). Anything else is a word: quotes left open close at the end, other
    punctuation is dropped, so no user text is ever read as SQL or FTS syntax. A group of
    negations alone is dropped (search finds reports, not the absence of words)."""
    groups: list[list[Term]] = [[]]
    for m in _TOKEN.finditer(text):
        neg, phrase, bare = m.group(1), m.group(2), m.group(3)
        if bare == "OR":
            groups.append([])
            continue
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                groups[-1].append(Term(" ".join(words), phrase=len(words) > 1, negated=bool(neg)))
            continue
        words = _WORD.findall(bare)
        if words:  # "al-Bab" is one name: its words as a phrase
            groups[-1].append(Term(" ".join(words), phrase=len(words) > 1, prefix=bare.rstrip('"').endswith("*"),
                                   negated=bare.startswith("-")))
    return [g for g in groups if any(not t.negated for t in g)]
