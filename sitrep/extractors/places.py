"""Places stage: every toponym found and resolved to a gazetteer entry, offline.

Recognition: spaCy's GPE/LOC/FAC entities, NORP entities that are demonyms ("Syrian"),
plus a gazetteer scan over proper-noun runs that spaCy mislabels or misses (it tags
Aleppo PERSON or NORP, Sukkari ORG), guarded against person names, titles, acronyms and
capitalised common words (data/place_stopwords.csv). Sub-city areas become `district`s
within their city: "east Aleppo" (a direction before a city), "the Sukkari district" (a
name before district/neighbourhood/quarter), known quarters ("the Old City") from
data/districts.csv. A street or building the gazetteer lacks is placed at the report's
city with precision "city" (flagged, never passed off as its own point); one named after
a place for its institution ("Titus County Sheriff's Office", "Greer City Hall") is that
place, and a direction before a known name ("North Texas") is that name.

Resolution, per distinct name in the report (one referent per name, so a report is
consistent with itself), scores every gazetteer candidate and keeps the best. The score
is a sum of named parts, kept for `explain_candidates`, each weighed by a row of
data/place_weights.csv (name, value, why):
- priors: feature class (country > admin1 > city), population (log10), matched by the
  main name rather than an alternate one;
- qualifiers: "Paris, Texas", "Aleppo, Syria", "the Old City quarter of Aleppo";
- the report: candidates in its focus country, in the admin1 regions it names, in the
  admin1 region most of its other places are in (local news rarely names its own state),
  in a county it names (and counties holding a town it names), and near candidates of its
  other place names (local news names several nearby places) gain;
- local usage: a name used for a town's people or institutions ("a Lebanon woman",
  "Jordan Elementary", data/local_heads.csv) is not its country, and prefers towns in the
  report's country;
- the report's other words: cues of the country it is written in (data/country_cues.csv:
  "the Sheriff's Office", "state Rep.", "a misdemeanor", "£40") favour that country's towns
  of a bare name, and stand for its country when no other place settles it; they never
  turn a country or region name ("Georgia", "Greece") into a town.
A name does not vouch for itself: neither it nor a longer form of it read as one of its
places ("Dublin City" for "Dublin") counts towards the report's country.
Resolution repeats until no reading changes (at most `max_passes`), each pass seeing the
readings the previous one chose; a reading the report's other places back vouches for its
neighbours in the next pass, and so, after one more round, do tentative names so backed.

What the report says outranks the gazetteer's towns: "Grantville, Pennsylvania" is placed
in Pennsylvania when cities500 knows only the Georgia one; a reading reached only through
another town's variant name, or a small town of the report's country far from where all its
other places are (Golden Gate, Florida, in a Bay Area report), is not taken but placed near
the report's places, flagged by precision. A country's capital bonus goes to its most
populous town of that name only; "L.A." is Los Angeles; names listed before "counties" are
counties; "X City Council" is X's council; "Tennessee Colony" is a town, not the state.

Recognition also keeps tentative mentions: gazetteer names the tagger called a person or
organisation ("Roselle police", "the Zionsville Education Foundation") or a lone capital
at a sentence start. They are resolved like the others but vouch for others at half weight, and are
kept only if the report confirms their reading (CONFIRMING parts) or names them firmly
elsewhere. Datelines ("TORRINGTON — ...") and street names ending in Street/Avenue/Drive...
("420 Augusta St.", "Pine Needle Drive") are found even where the tagger misses them. A bare
name that speaks ("Nelson said") is a person unless read as a country, region or big city.

Place.precision says what the coordinates are: "point" (the place's own point),
"centroid" (a country's or region's representative point), "city" (a part of a city or a
street placed at its city's point), "region" (placed at the region or country around
it), "unknown" (no coordinates).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from ..models import Extraction, Place
from .gazetteer import Entry, contract_feature, get_gazetteer, norm_name
from .layout import DATELINE_DASH
from .parse import Parsed
from .place_priors import KIND_PRIOR
from .place_recognition import DIRECTIONS, Mention, _Recogniser, _word_prefix, home_town
from .place_resolution import Scored, _backed, _Resolver, report_cues

# ---------------------------------------------------------------- the stage

def find_places(parsed: Parsed, ex: Extraction | None) -> list[Place]:
    gaz = get_gazetteer()
    mentions = _join_split_names(_Recogniser(parsed, gaz).run(), parsed, gaz)
    if not mentions:
        return []
    resolved = _Resolver(mentions, gaz, report_cues(parsed.text)).run()
    mentions = [m for m in mentions if (not m.tentative or _confirmed(m, mentions, resolved))
                and not (m.speaker and _a_person_here(resolved.get(m.key)))]
    main_city = _main_city(mentions, resolved, parsed)
    if main_city is not None:
        resolved = {k: v for k, v in resolved.items() if not _stray_alias(k, v, main_city)}
    astray = _astray(mentions, resolved) | _villages_read_as_cities(mentions, resolved, parsed.text, main_city)
    if astray:
        resolved = {k: v for k, v in resolved.items() if k not in astray}
        main_city = _main_city(mentions, resolved, parsed)
    # "Grantville, Pennsylvania" when the gazetteer knows only Grantville, Georgia: the
    # qualifier is what the report says; the town is placed in it, not in another state
    outside = {m.key: resolved[m.qualifier].entry for m in mentions
               if m.qualifier in resolved and m.key in resolved
               and resolved[m.key].entry.feature in ("city", "district")
               and resolved[m.qualifier].entry.feature == "admin1"
               and resolved[m.key].entry.admin1 != resolved[m.qualifier].entry.admin1
               and not _in_a_list(m, mentions, parsed.text)}
    places = []
    for m in _parents_first(mentions):
        if m.key in outside:
            places.append(_to_place(m, {}, outside[m.key], parsed, gaz))
        else:
            places.append(_to_place(m, resolved, _parent_of(m, mentions, resolved, main_city, parsed), parsed, gaz))
    return [p for p in places if not _names_an_actor(p, parsed.text)]


def _join_split_names(mentions: list[Mention], parsed: Parsed, gaz) -> list[Mention]:
    """"Buni Gari", "Jamal Garhi", "Pir Baba": two words of one name the gazetteer lacks,
    one or both found as a name of its own (a town of Pakistan, a village of Russia). A
    town's one-word name one space from another such name or from a name the gazetteer
    lacks is part of that one name: unknown to the gazetteer, placed with the report's
    places. A country or region is never so joined (it may qualify the town: "Gusau
    Zamfara")."""
    text, out = parsed.text, []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        prev = out[-1] if out else None
        if prev is not None and text[prev.end:m.start] == " " and (
                (_one_word_town(prev, gaz) and (_one_word_town(m, gaz) or m.origin == "unknown"))
                or (prev.origin == "unknown" and _one_word_town(m, gaz))):
            out[-1] = _joined(prev, m.end, text)
            continue
        out.append(m)
    return out


def _joined(m: Mention, end: int, text: str) -> Mention:
    name = text[m.start:end]
    return replace(m, end=end, text=name, key=norm_name(name), origin="unknown", tentative=False)


# words that open a town's part, not another name ("Downtown Cleveland")
_TOWN_PART_WORDS = frozenset({"downtown", "uptown", "midtown", "greater", "central", "old", "new", "inner", "outer"})


def _one_word_town(m: Mention, gaz) -> bool:
    """A capitalised word found as a town's name only (no country, region or demonym reading)."""
    if " " in m.text or not m.text[:1].isupper() or m.text.isupper() or m.direction or m.qualifier or m.admin_word \
            or m.text.lower() in _TOWN_PART_WORDS or m.text.lower() in DIRECTIONS:
        return False
    found = gaz.lookup([m.key]).get(m.key, [])
    return bool(found) and all(e.feature in ("city", "district") and e.kind in ("name", "alt") for e in found)


def _confirmed(m: Mention, mentions: list[Mention], resolved: dict[str, Scored]) -> bool:
    """Is a tentative mention a place after all: read as one elsewhere in the report, or
    its best reading backed by the report's other places?"""
    return any(o.key == m.key and not o.tentative for o in mentions) or _backed(resolved.get(m.key))


def _in_a_list(m: Mention, mentions: list[Mention], text: str) -> bool:
    """Is "Town, Region" a run of a list ("Miami, West Palm Beach, New York and Detroit")
    rather than a town and its region: a place just before it, or another after the
    region, or the region followed by "and"/"or"?"""
    i = mentions.index(m)
    before = text[max(0, m.start - 12):m.start].rstrip()
    if before.endswith(",") or re.search(r"\b(?:and|or)$", before):
        return True
    if i + 1 < len(mentions):
        q = mentions[i + 1]
        after = text[q.end:q.end + 12]
        if re.match(r"\s*(?:and|or)\b", after):
            return True
        if i + 2 < len(mentions) and mentions[i + 2].start - q.end <= 6:
            return True
    return False


def _astray(mentions: list[Mention], resolved: dict[str, Scored]) -> set[str]:
    """Small towns read far from where the rest of the report clearly is, with nothing
    backing that reading ("the Golden Gate" read as Golden Gate, Florida, in a report
    whose other places are in California): the gazetteer lacks the place meant, which is
    placed near the report's other places instead."""
    regions: Counter = Counter()
    per_key: dict[str, str] = {}
    n_mentions: Counter = Counter()
    for m in mentions:
        s = resolved.get(m.key)
        if s is not None and s.entry.admin1 and s.entry.feature in ("city", "district", "admin2", "admin1"):
            regions[s.entry.admin1] += 1
            per_key[m.key] = s.entry.admin1
            n_mentions[m.key] += 1
    out = set()
    for key, admin1 in per_key.items():
        s = resolved[key]
        if s.entry.feature not in ("city", "district") or s.entry.population >= 50_000 or _backed(s) \
                or s.parts.get("qualifier") or s.parts.get("local_usage"):
            continue
        if _foreign_speck(key, s.entry, mentions, resolved):
            out.add(key)
            continue
        others = regions.copy()
        others[admin1] -= n_mentions[key]
        total = sum(others.values())
        if total >= 3:
            top, n = others.most_common(1)[0]
            # a town of another country may well be meant ("Wairoa" in an Ohio paper): only
            # a town of the same country, far from where the report is, is doubted
            if top != admin1 and n >= 0.6 * total and others[admin1] == 0 \
                    and top.split(".")[0] == s.entry.country:
                out.add(key)
    return out


# a town the report calls a village ("Kyauktan village", "the village of X") is none this big
VILLAGE_MAX_POPULATION = 50_000
_VILLAGE_AFTER = re.compile(r"\s+(?:village|hamlet)\b", re.IGNORECASE)
_VILLAGE_BEFORE = re.compile(r"\b(?:village|hamlet)\s+of\s+$", re.IGNORECASE)


def _villages_read_as_cities(mentions: list[Mention], resolved: dict[str, Scored], text: str,
                             main_city: Entry | None) -> set[str]:
    """Names the report calls a village (once is enough), read as a city of some size in
    another region than the report's main city ("in Kyauktan village" in a Sittwe report,
    read as Kyauktan of Yangon Region, 130,000 people): the gazetteer lacks the village
    meant, which is placed near the report's other places instead, however the report's
    other names back the city ("in Kirkuk village" in a Kirkuk report is a village there)."""
    if main_city is None:
        return set()
    called = {m.key for m in mentions if _VILLAGE_AFTER.match(text, m.end)
              or _VILLAGE_BEFORE.search(text, max(0, m.start - 20), m.start)}
    return {k for k in called if k in resolved and resolved[k].entry.feature == "city"
            and resolved[k].entry.population >= VILLAGE_MAX_POPULATION
            and resolved[k].entry.admin1 != main_city.admin1}


def _foreign_speck(key: str, e, mentions: list[Mention], resolved: dict[str, Scored]) -> bool:
    """A hamlet of a country the report never names (no country, region or town of some
    size of it), while most of its other names are in one other country: "Mundri" read as
    an Indonesian village in a report of South Sudan's Western Equatoria. The gazetteer
    lacks the place meant (a town of the report's country), not the report its country."""
    if e.population >= FOREIGN_SPECK_POPULATION:
        return False
    others = [resolved[m.key].entry for m in mentions if m.key != key and m.key in resolved]
    if any(o.country == e.country and (o.feature in ("country", "admin1", "admin2")
                                       or o.population >= FOREIGN_SPECK_POPULATION) for o in others):
        return False
    countries = Counter(o.country for o in others if o.country)
    if sum(countries.values()) < 3:
        return False
    top, n = countries.most_common(1)[0]
    return top != e.country and n >= 0.6 * sum(countries.values())


# a town this small, of a country no other name of the report is in, is not taken on its name alone
FOREIGN_SPECK_POPULATION = 5_000


def _stray_alias(key: str, s: Scored, main_city: Entry) -> bool:
    """A reading reached only through another town's old or variant name ("Pleasant City"
    for Suttons Bay, Michigan), which nothing in the report backs, while the report's
    city is in another region: the place is one the gazetteer lacks, near the report's
    city, rather than that distant town."""
    return _weak_alias(key, s) and (s.entry.country, s.entry.admin1) != (main_city.country, main_city.admin1)


def _weak_alias(key: str, s: Scored) -> bool:
    """A town read only through another town's old or variant name, which nothing in
    the report backs."""
    return s.entry.kind == "alt" and s.parts.get("alternate_name", 0.0) <= KIND_PRIOR["alt"] \
        and not _word_prefix(key, norm_name(s.entry.name)) and s.entry.feature in ("city", "district") \
        and not _backed(s)


def _a_person_here(s: Scored | None) -> bool:
    """A bare name that speaks ("Nelson said") is a person unless it is read as a country,
    region or big city (governments speak by their capitals: "Moscow said")."""
    if s is None:
        return True
    e = s.entry
    return e.feature in ("city", "district", "admin2", "landmark") and e.population < 1_000_000 \
        and "national_capital" not in s.parts


def _names_an_actor(p: Place, text: str) -> bool:
    """Is this mention a named actor the gazetteer happens to know or not: "the White
    Helmets" (unknown: a landmark), "al-Shabab" (a village "Shabab" exists)? Countries and
    admin1 regions stay places: their names are also how reports name governments."""
    from .actors import is_named_actor

    if p.feature in ("country", "admin1"):
        return False
    prefix = text[max(0, p.start - 3):p.start]
    return is_named_actor(p.name) or (prefix.lower() == "al-" and is_named_actor(prefix + p.name))


def _parents_first(mentions: list[Mention]) -> list[Mention]:
    """Document order, except that in "the Old City quarter of Aleppo" the city is listed
    before its part (a phrase names the whole, then the part)."""
    out = list(mentions)
    for i, m in enumerate(mentions):
        if not m.within_hint:
            continue
        for j in range(i + 1, min(len(mentions), i + 3)):
            n = mentions[j]
            if n.key == m.within_hint and n.start - m.end <= 40:
                a, b = out.index(m), out.index(n)
                out.insert(a, out.pop(b))
                break
    return out


_PARENT_RANK = {"district": 0, "city": 0, "landmark": 1, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


def _parent_of(m: Mention, mentions: list[Mention], resolved: dict[str, Scored], main_city: Entry | None,
               parsed: Parsed) -> Entry | None:
    """Where a place the gazetteer lacks most likely is: the most specific place named in
    its sentence ("... on Royal Street in New Orleans"), not as a person's home town, else
    the report's city."""
    if m.within_hint and m.within_hint in resolved:
        return resolved[m.within_hint].entry
    named = _town_in_its_name(m, mentions, resolved, parsed.text)
    if named is not None:
        return named
    sent = parsed.sentence_index(m.start)
    best = None
    for o in mentions:
        if o is m or o.origin == "unknown" or o.key not in resolved:
            continue
        if parsed.sentence_index(o.start) != sent or _names_a_home(parsed, o) or _BORDER_WITH.search(
                parsed.text, max(0, o.start - 30), o.start):
            continue
        e = resolved[o.key].entry
        rank = _PARENT_RANK.get(e.feature)
        if rank is None:
            continue
        cand = (rank, abs(o.start - m.start), e, o.origin == "ent:NORP")
        if best is None or cand[:2] < best[:2]:
            best = cand
    # "Israeli drone strike ... in Jenin camp": a nationality says whose act, not where
    told_where = best is not None and not (best[3] and main_city is not None)
    if told_where and (best[0] == 0 or main_city is None or best[2].country != main_city.country):
        return best[2]
    return main_city if main_city is not None else (best[2] if best else None)


def _town_in_its_name(m: Mention, mentions: list[Mention], resolved: dict[str, Scored], text: str) -> Entry | None:
    """"Juliaca airport", "Kabul University": a site named after a town the report names on
    its own is in that town, wherever else its sentence is (not "Khair" in "Khair Khana")."""
    for o in mentions:
        e = resolved[o.key].entry if o.origin != "unknown" and o.key in resolved else None
        if e is not None and e.feature == "city" and m.text.startswith(o.text + " ") and \
                not text.startswith(m.text, o.start):
            return e
    return None


# "close to the border with Mali": the neighbour across the border holds no place on this side
_BORDER_WITH = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _names_a_home(parsed: Parsed, m: Mention) -> bool:
    """"A Chicago man was arrested on Elm Lane": a person's home town is no street's town."""
    span = parsed.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and home_town(parsed.doc, span.start, span.end)


def _main_city(mentions, resolved, parsed: Parsed) -> Entry | None:
    """The report's city: the most mentioned one (ties: the first mentioned), a town read
    by its own name before one read only through a variant name nothing backs ("Baghdadi"
    read as Baghdati, Georgia, in a Karachi report); a town named only in a pact's name
    ("the Pretoria peace agreement") is none."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        s = resolved.get(m.key)
        if s is not None and s.entry.feature == "city" and not _names_a_pact(parsed, m.start, m.end):
            counts[m.key] += 1
            first.setdefault(m.key, m.start)
    if not counts:
        return None
    key = sorted(counts, key=lambda k: (_weak_alias(k, resolved[k]), -counts[k], first[k]))[0]
    return resolved[key].entry


def _to_place(m: Mention, resolved: dict[str, Scored], parent: Entry | None, parsed: Parsed, gaz) -> Place:
    sentence = parsed.sentence_text(m.start)
    s = resolved.get(m.key) if m.origin != "unknown" else None
    if s is None or (m.area and s.entry.feature == "city" and parent is not None
                     and s.entry.id != parent.id and s.entry.population < 50_000):
        # unknown to the gazetteer (a street, a building, a neighbourhood) or a named area
        # that only shares a village's name: placed at the place around it, flagged as such
        if parent is not None:
            return Place(name=m.text, start=m.start, end=m.end, lat=parent.lat, lon=parent.lon, geonameid=None,
                         country=parent.country, admin1=_admin1_name(parent, gaz),
                         feature=_unknown_feature(m), within=parent.name,
                         precision="city" if parent.feature in ("city", "district") else "region",
                         score=None, sentence=sentence)
        return Place(name=m.text, start=m.start, end=m.end, feature=_unknown_feature(m),
                     precision="unknown", score=None, sentence=sentence)
    e = s.entry
    feature = contract_feature(e.feature)
    lat, lon, precision, gid = e.lat, e.lon, e.precision, e.geonameid
    name, start = m.text, m.start
    if e.feature == "district":
        within = e.within
    elif e.feature == "city":
        within = _admin1_name(e, gaz) or _country_name(e, gaz)
    elif e.feature in ("admin1", "admin2"):
        within = _country_name(e, gaz)
    else:
        within = None
    if m.area and e.feature == "city":
        feature, within = "district", e.name
    elif m.direction and e.feature in ("city", "district") and m.direction_start is not None:
        # "east Aleppo": a part of the city, its centre moved a few km that way
        dlat, dlon = DIRECTIONS[m.direction]
        km = 4.0 if e.feature == "city" else 1.0
        lat = e.lat + dlat * km / 111.0
        lon = e.lon + dlon * km / (111.0 * max(0.2, math.cos(math.radians(e.lat))))
        start = m.direction_start
        name = parsed.text[start:m.end]
        within, feature, precision, gid = e.name, "district", "city", None
    return Place(name=name, start=start, end=m.end, lat=round(lat, 5), lon=round(lon, 5), geonameid=gid,
                 country=e.country, admin1=_admin1_name(e, gaz), feature=feature, within=within,
                 precision=precision, score=s.score, sentence=sentence)


def _unknown_feature(m: Mention) -> str:
    return "district" if m.area else ("city" if m.settlement else "landmark")


def _admin1_name(e: Entry, gaz) -> str | None:
    a = gaz.admin1(e.admin1)
    return a.name if a else None


def _country_name(e: Entry, gaz) -> str | None:
    c = gaz.country(e.country)
    return c.name if c else None


def explain_candidates(parsed: Parsed, name: str) -> list[dict]:
    """Every candidate of `name` in this report, best first, with its score and the
    parts of it (why "Paris" here is Paris, Texas)."""
    gaz = get_gazetteer()
    mentions = _Recogniser(parsed, gaz).run()
    key = norm_name(name)
    if key not in {m.key for m in mentions}:
        mentions.append(Mention(0, 0, name, key, "query"))
    r = _Resolver(mentions, gaz, report_cues(parsed.text))
    resolved = r.run()
    ctx = r.context({k: s.entry for k, s in resolved.items()})
    out = []
    for c in r.found.get(key, []):
        sc = r.score(c, key, ctx)
        out.append({"name": c.name, "feature": c.feature, "country": c.country, "admin1": c.admin1,
                    "lat": c.lat, "lon": c.lon, "population": c.population, "geonameid": c.geonameid,
                    "matched_by": c.kind, "score": sc.score, "parts": sc.parts})
    return sorted(out, key=lambda d: -d["score"])


def focus_place(ex: Extraction, places: list[Place] | None = None) -> Place | None:
    """The place a report is about: the most mentioned place below country level, counting
    mentions of the places within it ("east Aleppo" counts for Aleppo), else the most
    mentioned country. Figures and events fall back on it when their sentence names none."""
    own: dict[str, int] = {}
    within: dict[str, int] = {}
    first: dict[str, Place] = {}
    places = ex.places if places is None else places
    for p in places:
        first.setdefault(p.name, p)
        if p.feature == "country":
            continue
        own[p.name] = own.get(p.name, 0) + 1
        if p.within:
            within[p.within] = within.get(p.within, 0) + 1
    if own:
        return first[min(own, key=lambda n: (-(own[n] + within.get(n, 0)), -own[n], n))]
    counts: dict[str, int] = {}
    for p in places:
        counts[p.name] = counts.get(p.name, 0) + 1
    return first[min(counts, key=lambda n: (-counts[n], n))] if counts else None


def _road_number(span, place: Place) -> bool:
    """"KY 80 west", "Georgia 400": a state's name with a road's number is the road."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return place.feature == "admin1" and nxt is not None and nxt.text.isdigit() and len(nxt.text) <= 3


# nouns a place's name makes the name of a pact, signed there once, whatever is done with it now
_PACTS = frozenset({"accord", "accords", "agreement", "protocol", "treaty", "convention", "pact", "declaration",
                    "charter"})


def _wire_credit(text: str, place: Place) -> bool:
    """"PEMBA, Mozambique (Lusa) -": the agency in a dateline's parentheses filed, it is no place."""
    return text[place.start - 1:place.start] == "(" and text[place.end:place.end + 1] == ")" \
        and DATELINE_DASH.match(text, place.end + 1) is not None


# the last word of an administrative area's name ("Safana Local Government Area")
_AREA_TAILS = frozenset({"area", "lga", "district", "province", "county", "governorate", "region", "municipality",
                         "tehsil", "upazila", "territory", "prefecture", "division", "subdistrict"})


def _names_a_pact(parsed: Parsed, start: int, end: int) -> bool:
    """"The Paris accord", "the Minsk agreements", "the Pretoria peace agreement": the name
    is a word of a pact's name (through the compounds between them)."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i:
        tok = tok.head
        if tok.lemma_.lower() in _PACTS:
            return True
    return False


def names_no_location(parsed: Parsed, place: Place) -> bool:
    """A nationality adjective ("a Russian colonel", "Russian strikes"), a word of an
    organisation's name ("the Syrian Arab News Agency") or of a pact's ("the Paris accord")
    is a toponym but says nowhere."""
    span = parsed.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.tag_ == "JJ" or _road_number(span, place) or _wire_credit(parsed.text, place):
        return True
    ent = next((e for e in parsed.ent_spans if e.start <= span.start and span.end <= e.end), None)
    words = len(ent) - (ent[0].lower_ == "the") if ent is not None else 0  # "the Complexo do Alemão": its name
    if ent is not None and ent.label_ == "ORG" and words > len(span) and ent[-1].lower_ not in _AREA_TAILS:
        return True  # not "Safana Local Government Area", an area the tagger calls an organisation
    if _names_a_pact(parsed, place.start, place.end):
        return True  # "committed to the Paris accord", "the Minsk agreements": a pact's name
    # spaCy calls "Aleppo" NORP at times: a demonym resolves to a country, a city stays a place
    return len(span) == 1 and root.ent_type_ == "NORP" and place.feature in ("country", "admin1")
