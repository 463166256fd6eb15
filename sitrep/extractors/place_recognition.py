"""Place recognition: the spans of a report that name places (see `places` for the rules)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..vocab import read_table
from .actors import is_named_actor
from .gazetteer import ARTICLES_LOWER, norm_name
from .parse import DASHES, Parsed
from .place_priors import STRONG_FEATURES, _prior, _strong
from .times import MONTHS, WEEKDAYS

# --- closed classes of English the recognizer needs (not place data); the word lists are
# data/place_words.csv
DIRECTIONS = {
    "east": (0.0, 1.0), "eastern": (0.0, 1.0), "west": (0.0, -1.0), "western": (0.0, -1.0),
    "north": (1.0, 0.0), "northern": (1.0, 0.0), "south": (-1.0, 0.0), "southern": (-1.0, 0.0),
    "northeast": (0.7, 0.7), "northeastern": (0.7, 0.7), "northwest": (0.7, -0.7), "northwestern": (0.7, -0.7),
    "southeast": (-0.7, 0.7), "southeastern": (-0.7, 0.7), "southwest": (-0.7, -0.7), "southwestern": (-0.7, -0.7),
}


# prepositions whose object is someone, not somewhere ("filed against Fairfield")
_PERSON_PREPS = frozenset({"against", "for", "with", "by", "about"})
# ... and as Sudanese and Egyptian names write it, capitalised and assimilated ("Ed Damazin",
# "Er Roseires", "En Nahud"): the tagger takes the article for a first name
_ARTICLES = ARTICLES_LOWER | {"ed", "er", "es", "et", "en", "ez"}
# what a leader's surname names before it: "the Bush administration", "the Obama presidency"
_LEADERS_THINGS = frozenset({"administration", "presidency", "government", "campaign", "era", "doctrine", "team",
                             "aide", "camp", "cabinet"})


# organised groups a people's name may qualify ("Naga factions", "Kuki militants")
_PEOPLES_GROUPS = frozenset({"group", "faction", "militant", "rebel", "fighter", "insurgent", "tribesman",
                             "tribesmen", "militia", "cadre", "clan", "community"})


def _names_a_people(tok) -> bool:
    """A proper noun no entity label covers, modifying a plural noun of organised people
    after it ("cadres of two Naga political groups"): a people's or a tribe's name."""
    head = tok.head
    return tok.dep_ in ("nmod", "compound", "amod") and head.i > tok.i and head.tag_ == "NNS" and \
        head.lemma_.lower() in _PEOPLES_GROUPS


def home_town(T, s: int, e: int) -> bool:
    """The span modifies the person noun right after it ("a Gainesville man")."""
    return e < len(T) and T[e].lower_ in RESIDENT_NOUNS and T[e - 1].head.i == T[e].i


# lower-case words inside many places' names ("Mocímboa da Praia", "Jisr al-Shughur")
_PLACE_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "el",
                              "al", "en", "sur", "am", "an", "upon"})


def _word_classes() -> dict[str, frozenset[str]]:
    """The word classes of data/place_words.csv (what each class is for is documented there)."""
    classes: dict[str, set[str]] = {}
    for r in read_table("place_words.csv"):
        classes.setdefault(r["class"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in classes.items()}


_WORDS = _word_classes()
STREET_NOUNS = _WORDS["street_noun"]
ROAD_PREFIXES = _WORDS["road_prefix"]
SETTLEMENT_HEADS = _WORDS["settlement_head"]
SETTLEMENT_NOUNS = _WORDS["settlement_noun"]
BETWEEN_HOLDERS = _WORDS["between_holder"]
NAME_PREFIXES = _WORDS["name_prefix"]
CITY_OFFICES = tuple(sorted(_WORDS["city_office"]))  # for str.startswith
AREA_NOUNS = _WORDS["area_noun"]
ADMIN_WORDS = _WORDS["admin_word"]
# what a headline's opening name before a colon may be read as, without the tagger's word
_TOWN_OR_REGION = frozenset({"city", "district", "admin1", "admin2"})
CONNECTORS = _WORDS["connector"]
HONORIFICS = _WORDS["honorific"]
LOCATIVE_PREPS = _WORDS["locative_prep"]
RESIDENT_NOUNS = _WORDS["resident_noun"]
FACILITY_HEADS = _WORDS["facility_head"]
NAME_DESCRIPTORS = _WORDS["name_descriptor"]
ROLE_NOUNS = _WORDS["role_noun"] | HONORIFICS | RESIDENT_NOUNS
OFFICES_OF = _WORDS["office_of"]
_DATELINE_MARKS = re.compile(r"[.'’]")  # marks inside a dateline's capitalised words
# a town this big is seldom a word of someone's name on a building: it is where it stands
FACILITY_TOWN_POPULATION = 100_000
# month and day names (and their abbreviations) are dates, never places: the times stage's words
MONTHS_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# prepositions whose capitalised object the pass `located_unknowns` reads as a place, and
# the labels the small model gives such names when it misses them
_LOCATING = frozenset({"in", "near"})
# sites named by a place ("the Shalbandai checkpost", "the Kouri Bougoudi mining site",
# "Katlang Bazaar", "the Lokoja-Abuja highway"): the most specific place a coder names
# (event_place); after one, "at" places it ("the market at Jootar")
SITE_NOUNS = frozenset({"checkpost", "checkpoint", "outpost", "base", "site", "mine", "bazaar", "highway",
                        "expressway"})
# ... and "at" right after a site's or a settlement's noun ("stormed the weekly market at
# Jootar", "a camp at Kalma"; the parser may hang "at" on the verb), where "at" places the
# site; elsewhere "at" names firms and hours
_SITES_AT = FACILITY_HEADS | SETTLEMENT_NOUNS | SITE_NOUNS | frozenset({"camp", "post", "station", "border",
                                                                       "crossing"})
_UNPLACED_LABELS = frozenset({"", "ORG", "PERSON", "WORK_OF_ART", "PRODUCT"})
# what may follow such a name: the clause goes on ("in Walgak and looted", "in Poni as ...");
# a noun, a participle or a hyphen after it makes it a modifier ("in Houthi shelling" (the
# tagger's VBG), "in Houthi-held areas")
_AFTER_A_NAME = frozenset({"PUNCT", "CCONJ", "ADP", "VERB", "AUX", "SCONJ", "PART", "DET", "PRON", "ADV"})
# the local administrative units a town names, which the small model reads as a person's or
# an organisation's name with it ("Birnin Gwari LGA", "Dibate woreda", "Ukhiya upazila")
_LOCAL_UNITS = frozenset({"lga", "woreda", "upazila", "tehsil", "taluka", "mandal", "payam", "sub-county",
                          "subcounty", "commune", "district", "county", "municipality", "zone"})
SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART",
               "LAW", "EVENT", "PRODUCT"}
# labels the small model gives unfamiliar place names ("Abbassiya" PRODUCT, "Haram"
# WORK_OF_ART): read as a name when an area or settlement word says what it names
MISTAKEN_NAMES = {"WORK_OF_ART", "LAW", "EVENT", "PRODUCT"}


@functools.lru_cache(maxsize=1)
def _alias_forms() -> frozenset[str]:
    """The short forms data/place_aliases.csv gives, exactly as written."""
    return frozenset(r["alias"] for r in read_table("place_aliases.csv"))


@functools.lru_cache(maxsize=1)
def _local_heads() -> frozenset[str]:
    return frozenset(r["phrase"].lower() for r in read_table("local_heads.csv"))


@functools.lru_cache(maxsize=1)
def institution_heads() -> frozenset[str]:
    """The municipal institutions of data/local_heads.csv, not its words for inhabitants."""
    return frozenset(r["phrase"].lower() for r in read_table("local_heads.csv") if r["kind"] == "institution")


@functools.lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return frozenset(r["cue"] for r in read_table("speech_verbs.csv") if r["kind"] == "speech" and " " not in r["cue"])


def person_words(ents) -> set[str]:
    """Words of the multi-word person names in the report ("Jordan Henderson"): a bare
    "Henderson" later is him. In "Anderson County Sheriff Greg Taylor" only the words
    after the title are the person's."""
    stop = _stopwords()
    words: set[str] = set()
    for ent in ents:
        if ent.label_ != "PERSON" or (len(ent) < 2 and not _named_relative(ent.root)):
            continue
        toks = [t.lower_ for t in ent]
        while toks and toks[-1] in ("'s", "’s", "'", "’"):
            toks.pop()  # "Jaime King's": the possessive closes the name, it does not cut it
        titles = [i for i, w in enumerate(toks) if w in stop or w in ADMIN_WORDS or w in HONORIFICS]
        # a title before the name cuts it; a last word after a name is the name's ("Jaime
        # King"), after a title or a place's word a title ("Anderson County Sheriff")
        if titles and titles[-1] == len(toks) - 1 and len(toks) > 1 and len(toks) - 2 not in titles:
            titles.pop()
        cut = max(titles, default=-1)
        words.update(w for w in toks[cut + 1:] if w.isalpha())
    return words


# verbs whose object is a place taken, held or struck ("recaptured Palmyra", "shelled Douma")
_TAKING_VERBS = frozenset({"capture", "recapture", "retake", "seize", "overrun", "storm", "liberate", "besiege",
                           "encircle", "shell", "bomb", "raid"})


def _taken_place(tok) -> bool:
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _TAKING_VERBS


def _struck_town(last, label: str, cands) -> bool:
    """A name shelled, stormed or captured that some reading makes a town of 1,000+, though
    the tagger called it a product or an event (not a date or a time)."""
    return label not in ("DATE", "TIME") and _taken_place(last) and any(
        c.feature == "city" and c.population >= 1_000 for c in cands)


def _role_apposition(T, s: int, e: int) -> bool:
    """The name is set off by a comma and a person's role ("Gilberto Sanchez, a lawmaker",
    "Jose Ruiz, 34, a farmer"): a person, whatever the tagger called it."""
    j = e
    if j < len(T) and T[j].text == ",":
        j += 1
        if j + 1 < len(T) and T[j].like_num and T[j + 1].text == ",":
            j += 2  # an age between name and role
    else:
        return False
    for t in T[j:j + 5]:
        if t.pos_ in ("NOUN", "PROPN") and t.head.i < e or t.dep_ == "appos":
            return t.lower_ in ROLE_NOUNS
    return False


def _named_relative(tok) -> bool:
    """A one-word name in apposition with a person noun ("her daughter, Brittany"): a
    first name, so a later bare "Brittany" is her, not the region."""
    # set off by a comma: not a compound the parser took for an apposition ("Clinton couple faces")
    set_off = tok.i > 0 and tok.doc[tok.i - 1].text == ","
    return set_off and ((tok.dep_ == "appos" and tok.head.lower_ in RESIDENT_NOUNS) or any(
        c.dep_ == "appos" and c.lower_ in RESIDENT_NOUNS for c in tok.children))


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_table("place_stopwords.csv"))


@dataclass
class Mention:
    """One span of the report that names a place (or may: `tentative`), with what the words
    around it say (direction, qualifier, area, admin word, local usage)."""
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
    settlement: bool = False  # named by "the town/village of X": a town the gazetteer lacks



def _word_prefix(a: str, b: str) -> bool:
    """Is one name the other's first words ("dublin" and "dublin city")?"""
    wa, wb = a.split(), b.split()
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


_HOLY_BUILDINGS = frozenset({"church", "churches", "cathedral", "chapel", "basilica", "monastery", "abbey",
                             "convent", "parish", "shrine", "mosque", "temple", "school", "college", "hospital"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")  # "West 23rd Street", "5th Avenue"


def _initial(tok) -> bool:
    """A middle initial: "E." (the tokenizer keeps the point on a single capital)."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper()



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
# a town this big is worth a tentative reading under another of its spellings too ("Birgunj"
# for Birganj): kept only where the report confirms it, as every tentative mention
ALT_TOWN = 15_000


class _Recogniser:
    """Recognition of a report's place mentions: `run` calls one method per pass, in order
    (spaCy's place entities, demonyms, streets, datelines, the gazetteer scan, named
    areas), then marks listed counties and reads the words around each mention
    (directions, qualifiers, local usage, speech). Token-level lookups are built once here:
    entity labels, n-gram keys looked up in one gazetteer batch (`lookups`), the words of
    the report's person names."""

    def __init__(self, parsed: Parsed, gaz):
        self.parsed = parsed
        self.doc = doc = parsed.doc
        self.T = T = parsed.tokens  # Token objects made once: spaCy builds one per index access
        # their texts and lower-case forms, which every pass tests token by token (spaCy builds
        # the string anew on each access)
        self.words = words = [t.text for t in T]
        self.lower = lower = [t.lower_ for t in T]
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
        self.lower_words = {w for w in words if w.islower()}
        self.person_words = person_words(self.ents)
        self.relatives = {e.root.lower_ for e in self.ents if e.label_ == "PERSON" and len(e) == 1
                          and _named_relative(e.root)}
        # names the report also writes as a place's: "Madison County", a dateline's "CLINTON —"
        self.place_written = {lower[i] for i in range(n - 1) if words[i][:1].isupper() and (
            (lower[i + 1] in ADMIN_WORDS and T[i + 1].is_title) or (T[i].is_upper and len(T[i]) > 3
                                                                    and words[i + 1] in DASHES))}
        self.titled_words = self._titled_words()
        self.acronyms = self._acronyms()
        self.taken = [False] * n
        self.mentions: list[Mention] = []


    def _titled_words(self) -> set[str]:
        """Names that follow a title somewhere in the report ("President Saakashvili"): where
        the gazetteer does not know them as places, the model's GPE for them is that person."""
        T, lower = self.T, self.lower
        return {lower[i + 1] for i in range(self.n - 1)
                if lower[i].rstrip(".") in HONORIFICS and T[i + 1].pos_ == "PROPN" and _capitalised(T[i + 1])}

    def _acronyms(self) -> set[str]:
        """Short forms a report defines for a name ("the Ministry of Defence (MoD)"): an
        organisation's, not a place, wherever the report uses them. Its capitals are the
        initials of the capitalised words before the bracket."""
        out = set()
        T = self.T
        for i in range(1, self.n - 1):
            if self.words[i - 1] != "(" or self.words[i + 1] != ")":
                continue
            caps = "".join(ch for ch in T[i].text if ch.isupper())
            if len(caps) < 2:
                continue
            words = [t for t in T[max(0, i - 1 - 2 * len(caps)):i - 1] if _capitalised(t)]
            if "".join(t.text[0] for t in words[-len(caps):]) == caps:
                out.add(T[i].text)
        return out

    def saint_of_building(self, s: int, e: int) -> bool:
        """"St. Peter's church", "the church of St. Peter and St. Paul", "St. Mark's
        Cathedral": a saint a building is named after, not the towns called so."""
        T = self.T
        if T[s].lower_ not in ("st.", "st", "saint", "ste.", "sainte", "san", "santa"):
            return False
        k = e + (1 if e < self.n and T[e].lower_ in ("'s", "’s") else 0)
        while k < self.n and _capitalised(T[k]) and T[k].lower_ not in _HOLY_BUILDINGS and k - e < 3:
            k += 1  # "St. Mark's Coptic Orthodox Cathedral"
        if k < self.n and T[k].lower_ in _HOLY_BUILDINGS:
            return True
        j = s - 1
        while j > 0 and (T[j].lower_ in ("and", ",", "&") or _capitalised(T[j]) or T[j].lower_ in ("'s", "’s")) \
                and s - j < 8:
            j -= 1  # "the church of St. Peter and St. Paul": back over the listed saints
        return j > 0 and T[j].lower_ == "of" and T[j - 1].lower_ in _HOLY_BUILDINGS

    def persons_role(self, s: int, e: int, key: str) -> bool:
        """A named person's surname in a person's role: the subject of a clause, an owner,
        an object or the object of a preposition no place takes ("Paris had been shot",
        "Paris' residence", "charges were filed against Paris", for "Melton Lewis Paris"),
        when no reading of it is a country or region (governments act by those names)."""
        if e - s != 1 or any(c.feature in ("country", "admin1", "continent", "region") for c in self.found[key]):
            return False
        t = self.T[s]
        if t.lower_ in self.place_written:
            return False
        nxt = self.T[e].text if e < self.n else ""
        by_person_prep = t.dep_ == "pobj" and t.head.lower_ in _PERSON_PREPS
        leaders = t.dep_ == "compound" and t.head.lemma_.lower() in _LEADERS_THINGS  # "the Bush administration"
        return t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "dative") or by_person_prep or leaders or nxt in (
            "'", "’", "'s", "’s")

    # candidate n-grams, looked up in one batch
    def lookups(self):
        T = self.T
        doc, n, label = self.doc, self.n, self.label
        grams: dict[tuple[int, int], str] = {}
        words = self.words
        for i, tok in enumerate(T):
            article = words[i] in ARTICLES_LOWER and i + 2 < n and words[i + 1] == "-" and _capitalised(T[i + 2])
            if not (words[i][:1].isupper() or article) or not any(ch.isalpha() for ch in words[i]):
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
        for (i, j) in [k for k in grams if k[1] - k[0] == 1 and T[k[0]].text in self.acronyms]:
            del grams[(i, j)]
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
        """The report's place mentions in text order: one pass after another, each taking
        the tokens it claims (`taken`) so later passes skip them, then the lists of
        counties and the words around each mention."""
        self.lookups()
        for find in (self.place_entities, self.demonyms, self.streets, self.prefixed_names, self.datelines,
                     self.gazetteer_scan,
                     self.named_areas, self.named_settlements, self.named_between, self.located_unknowns,
                     self.settlements_again):
            find()
        self.mentions.sort(key=lambda m: m.start)
        self.counties_listed()
        self.attach_context()
        return self.mentions

    # ---- the passes, in order
    def place_entities(self) -> None:
        """1. spaCy's place entities (GPE, LOC, FAC)."""
        for ent in self.ents:
            if ent.label_ in PLACE_LABELS:
                self._place_entity(ent)

    def _place_entity(self, ent) -> None:
        T, found = self.T, self.found
        s, e = _strip_span(T, ent.start, ent.end)
        # "JUBA, South Sudan - Armed men": a spaced dash ends a dateline, never a name's hyphen
        e = next((k for k in range(s + 1, e) if T[k].text in DASHES and T[k - 1].whitespace_), e)
        if s >= e or any(self.taken[s:e]) or not any(ch.isalpha() for ch in self.doc[s:e].text):
            return
        if T[s].lower_.rstrip(".") in HONORIFICS or not _capitalised(T[s]) or (
                e - s == 1 and T[s].text in self.acronyms) or self.saint_of_building(s, e):
            return
        for j in range(min(self.n, s + 6), e, -1):  # "U.S." + "Virgin Islands" -> one name
            if self.grams.get((s, j)) in found and not any(self.taken[e:j]):
                e = j
                break
        key = norm_name(self.doc[s:e].text)
        if key in found and set(key.split()) <= self.person_words and (
                not any(_strong(c) for c in found[key]) or self.persons_role(s, e, key)):
            return  # "Saakashvili said", "Paris had been shot": a person the model took for a place
        if key in found and not (e - s == 1 and key in self.stop and ent.label_ == "FAC"):
            if self.town_named_after_region(e, key):
                self.add(s, e + 1, "unknown")
            else:
                self.add(s, e, "ent:" + ent.label_)
            return
        sub = self.best_known(s, e)
        if sub is not None:
            rest = [t.lower_ for t in T[s:e] if t.i < sub[0] or t.i >= sub[1]]
            if rest and all(w in ADMIN_WORDS or w in CONNECTORS for w in rest):
                # "Aleppo province", "Idlib countryside": the admin unit of that name
                self.add(s, e, "ent:" + ent.label_, key=self.grams[sub], admin_word=True)
                return
        if all(t.lower_ in self.stop or t.lower_ in CONNECTORS for t in T[s:e]):
            return
        if all(t.lower_ in self.person_words for t in T[s:e]):
            return  # "O soldiers of Bashar": a person the model took for a place
        if e - s >= 2 and T[s].lower_ in DIRECTIONS and self.grams.get((s + 1, e)) in found:
            # "North Texas", "South Philadelphia": the place, its direction attached later
            self.add(s + 1, e, "ent:" + ent.label_)
            return
        pre = self.known_prefix(s, e)
        if pre is not None:
            # "Titus County Sheriff's Office", "Greer City Hall": the place whose
            # institution it is (the words after it are data/local_heads.csv)
            self.add(s, pre[0], "ent:" + ent.label_, key=pre[1], admin_word=pre[2])
            return
        if all(t.lower_ in self.titled_words for t in T[s:e]):
            return  # "the removal of Saakashvili" after "President Saakashvili": him, not a place
        if _role_apposition(T, s, e):
            # "detained Gilberto Sanchez, a lawmaker for ...": a person the model took for a
            # place; no word of the name is a place later either
            self.person_words.update(t.lower_ for t in T[s:e] if t.is_alpha)
            for k in range(s, e):
                self.taken[k] = True
            return
        # a place the gazetteer lacks (a street, a township): kept, placed later
        self.add(s, e, "unknown")

    def demonyms(self) -> None:
        """2. Demonyms among NORP (and LANGUAGE: "English") entities."""
        for ent in self.ents:
            if ent.label_ not in ("NORP", "LANGUAGE"):
                continue
            s, e = _strip_span(self.T, ent.start, ent.end)
            if s >= e or any(self.taken[s:e]):
                continue
            key = norm_name(self.doc[s:e].text)
            if key in self.found and any(c.kind == "demonym" or c.feature in ("country", "continent", "region")
                                         for c in self.found[key]):
                self.add(s, e, "ent:" + ent.label_)

    def streets(self) -> None:
        """3. Streets the tagger missed or called a person or organisation ("Pine Needle
        Drive"), before the gazetteer scan: "Augusta St." is a street, not Augusta."""
        T = self.T
        unknown_end = {m.end: m for m in self.mentions if m.origin == "unknown"}
        for i, tok in enumerate(T):
            if i == 0 or self.lower[i] not in STREET_NOUNS or not _capitalised(tok):
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
            while s > 0 and first - s < 3 and (_capitalised(T[s - 1]) or _ORDINAL.match(T[s - 1].lower_)) \
                    and not self.taken[s - 1] \
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

    def prefixed_names(self) -> None:
        """3b. Streets and quarters named noun first ("Avenida Brasil", "Complexo do Alemão",
        "Barangay 412"), which the tagger misses or splits: the noun, then capitalised words
        or a number, with the connectors between them."""
        T = self.T
        for i, tok in enumerate(T[:-1]):
            if self.lower[i] not in NAME_PREFIXES or not _capitalised(tok) or self.taken[i]:
                continue
            inner = [m for m in self.mentions if m.start == T[i + 1].idx]
            for m in inner:  # "Avenida Bolívar": the state the tagger found is a word of the street's name
                self.mentions.remove(m)
                for k in range(i + 1, self.n):
                    if T[k].idx >= m.end:
                        break
                    self.taken[k] = False
            e = i + 1
            while e < self.n and e - i <= 4 and not self.taken[e] and T[e].lower_ not in MONTHS_DAYS and (
                    _capitalised(T[e]) or (T[e].like_num and e == i + 1)
                    or (T[e].text in _PLACE_PARTICLES and e + 1 < self.n and _capitalised(T[e + 1]))):
                e += 1
            if e > i + 1 and T[e - 1].text not in _PLACE_PARTICLES:
                self.add(i, e, "unknown")

    def datelines(self) -> None:
        """4. Datelines: "TORRINGTON — The city council ...", "RIDGE FARM, Ill. (AP) —"."""
        T = self.T
        for i, tok in enumerate(T):
            if not (i == 0 or self.words[i - 1] in (".", "\n") or T[i - 1].is_space or tok.is_sent_start):
                continue
            j = i
            # "COX'S BAZAR -": the tokenizer's "'S" is a word of the dateline's name
            while j < self.n and j - i < 4 and T[j].text.isupper() and _DATELINE_MARKS.sub("", T[j].text).isalpha():
                j += 1
            if j == i or j >= self.n or any(self.taken[i:j]):
                continue
            if not (T[j].text in DASHES or (T[j].text == "," and j + 1 < self.n and T[j + 1].text.endswith(".")
                                             or self._dashed_after_country(j)) or self._stopped_paragraph_start(i, j)):
                continue
            key = self.grams.get((i, j))
            if key and key in self.found and key not in self.stop:
                self.add(i, j, "scan", key=key)

    def _stopped_paragraph_start(self, i: int, stop: int) -> bool:
        """"ARUA. Business in Arua City ...", "KARACHI: A man ...": a paragraph opening with a
        capitalised name and a full stop or colon, the sentence going on after it (the
        dateline of many African and Asian papers)."""
        T = self.T
        return (T[stop].text in (".", ":") and (i == 0 or "\n" in T[i - 1].text) and stop + 1 < self.n
                and T[stop + 1].text[:1].isupper() and "\n" not in T[stop].whitespace_)

    def _dashed_after_country(self, comma: int) -> bool:
        """"PEMBA, Mozambique (Lusa) -", "GOMA, DR Congo -": after the comma, a few capitalised
        words (a country, a wire agency in parentheses) and then the dateline's dash."""
        T = self.T
        for k in range(comma + 1, min(self.n, comma + 9)):
            if T[k].text in DASHES:
                return k > comma + 1
            if not (T[k].text[:1].isupper() or T[k].text in ("(", ")")):
                return False
        return False

    def gazetteer_scan(self) -> None:
        """5. Gazetteer names over proper-noun runs the tagger mislabelled or missed, longest
        match first, each judged by `accept_scan`."""
        T = self.T
        known_ends = self._known_ends()
        i = 0
        while i < self.n:
            hit = None
            for j in known_ends.get(i, ()):
                if j <= i + 6 and not any(self.taken[i:j]):
                    hit = (j, self.grams[(i, j)])
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

    def _known_ends(self) -> dict[int, list[int]]:
        """Token -> the ends of the n-grams starting there that the gazetteer knows, last
        first (the scan tries the longest first, and most tokens start none)."""
        ends: dict[int, list[int]] = {}
        for (s, e), key in self.grams.items():
            if key and key in self.found:
                ends.setdefault(s, []).append(e)
        for v in ends.values():
            v.sort(reverse=True)
        return ends

    def named_areas(self) -> None:
        """6. Named areas: "the Sukkari district", "Sheik Maqsood neighborhood"."""
        T = self.T
        for i, tok in enumerate(T):
            if self.lower[i] not in AREA_NOUNS or i == 0:
                continue
            s = i
            while s > 0 and i - s < 5:
                if T[s - 1].text == "-" and s > 1 and _capitalised(T[s - 2]) and s < i:
                    s -= 1  # "Souq Al-Juma district": a hyphen inside the name
                    continue
                if T[s - 1].text == "-" and s > 1 and T[s - 2].text in ARTICLES_LOWER and s < i:
                    s -= 2  # "al-Abr district": the Arabic article in lower case is the name's
                    break
                if not (_capitalised(T[s - 1]) and self.label[s - 1] not in SKIP_LABELS - MISTAKEN_NAMES
                        and T[s - 1].lower_ not in self.stop):
                    break
                s -= 1
            if s == i:
                continue
            if any(self.taken[s:i]):
                inner = [m for m in self.mentions if T[s].idx <= m.start < T[i].idx]
                if inner and all(m.origin == "scan" for m in inner) and not any(
                        m.start == T[s].idx and m.end == T[i - 1].idx + len(T[i - 1].text) for m in inner):
                    # "Kabul's Khair Khana area": the gazetteer's "Khair" is a word of the
                    # area's name, not a town of its own
                    self.mentions = [m for m in self.mentions if m not in inner]
                    self.add(s, i, "area", area=True)
                    continue
                for m in inner:
                    m.area = True
                continue
            # "the Greater Pibor Administrative Area": a capitalised area noun is a word of the
            # name it ends (looked up without it)
            end = i + 1 if tok.text.istitle() else i
            self.add(s, end, "area", key=norm_name(self.doc[s:i].text), area=True)

    def named_settlements(self) -> None:
        """7. Towns the gazetteer lacks, named as such: "the town of Akuressa", "the
        village of Nuli", "the village Dvani" (a known name was taken by an earlier pass;
        "the City Council" is no town: the noun must be a lower-case common noun)."""
        T = self.T
        for i in range(1, self.n - 2):
            if self.lower[i] not in SETTLEMENT_NOUNS or not self._after_the(i):
                continue
            if T[i + 1].lower_ == "of":
                s = e = i + 2
            elif T[i].text.islower() and T[i + 1].pos_ == "PROPN" and _capitalised(T[i + 1]):
                s = e = i + 1
            else:
                continue
            known = next((m for m in self.mentions if m.origin == "unknown" and m.start == T[s].idx), None)
            if known is not None:  # found by an earlier pass as a name the gazetteer lacks
                known.settlement = True
                continue
            e = self._name_end(s)
            if e > s:
                self.add(s, e, "unknown", settlement=True)

    def _after_the(self, i: int) -> bool:
        """"The town", "the northern town", "the rebel-held border town": "the" before the
        settlement noun, with at most three lower-case modifiers between."""
        T, j = self.T, i - 1
        while j >= 0 and i - j <= 4 and T[j].lower_ != "the":
            if not (T[j].text.islower() and (T[j].pos_ in ("ADJ", "NOUN", "VERB") or T[j].text == "-")):
                return False
            j -= 1
        return j >= 0 and T[j].lower_ == "the"

    def _name_end(self, s: int) -> int:
        """The end of the untaken capitalised words from `s` (at most three) that can name a town."""
        T, e = self.T, s
        while e < self.n and e - s < 3 and _capitalised(T[e]) and not self.taken[e] \
                and self.label[e] not in SKIP_LABELS - MISTAKEN_NAMES and T[e].lower_ not in self.stop \
                and T[e].is_alpha:
            e += 1
        return e

    def named_between(self) -> None:
        """7b. Towns a road or an area lies between ("on the road between Sinuni and
        Khanasor"), which the gazetteer may lack; "clashes between X and Y" name parties."""
        T = self.T
        for i in range(1, self.n - 3):
            if self.lower[i] != "between" or self.lower[i - 1] not in BETWEEN_HOLDERS:
                continue
            s1 = e1 = i + 1
            while e1 < self.n and self.taken[e1] and e1 - s1 < 4:
                e1 += 1  # a town an earlier pass knew
            known = e1 > s1
            e1 = e1 if known else self._name_end(s1)
            if e1 == s1 or e1 >= self.n - 1 or T[e1].lower_ != "and":
                continue  # "the road between the two towns"
            if not known:
                self.add(s1, e1, "unknown", settlement=True)
            e2 = self._name_end(e1 + 1)
            if e2 > e1 + 1:
                self.add(e1 + 1, e2, "unknown", settlement=True)

    def located_unknowns(self) -> None:
        """7c. A name the gazetteer lacks, the object of "in" or "near" (or of "at" right after
        a site's noun: "the market at Jootar"), that the small model called no place
        ("looted a warehouse in Walgak": an organisation; "near Likuangole": a person): a place,
        unless its words name someone the report names, an actor of the actor tables or an
        acronym, or it modifies a noun after it ("in Walgak market")."""
        T = self.T
        for i in range(self.n - 1):
            if T[i].dep_ != "prep" or not (T[i].lower_ in _LOCATING or (
                    T[i].lower_ == "at" and i > 0 and T[i - 1].lemma_.lower() in _SITES_AT)):
                continue
            s = i + 1
            if self.taken[s] or T[s].pos_ != "PROPN" or self.label[s] not in _UNPLACED_LABELS:
                continue
            e = self._name_end(s)
            if e == s or (e < self.n and (T[e].pos_ not in _AFTER_A_NAME or T[e].tag_ in ("VBG", "VBN"))) or not any(
                    t.dep_ == "pobj" and t.head.i == i for t in T[s:e]):
                continue
            words = {t.lower_ for t in T[s:e]}
            text = self.doc[s:e].text
            if words & (self.person_words | self.titled_words | self.stop) or (text.isupper() and len(text) <= 5) \
                    or is_named_actor(text) or not all(t.is_title for t in T[s:e]):
                continue
            self.add(s, e, "unknown")

    def settlements_again(self) -> None:
        """8. The other mentions of a town named as such ("the village Dvani" ... "the
        Dvani attack"): the same words, capitalised, where no earlier pass took them."""
        T = self.T
        named = {tuple(m.text.split()) for m in self.mentions if m.settlement and m.origin == "unknown"}
        for words in named:
            k = len(words)
            for s in range(self.n - k + 1):
                if not any(self.taken[s:s + k]) and tuple(t.text for t in T[s:s + k]) == words \
                        and (s + k == self.n or not _capitalised(T[s + k])) and (s == 0 or not _capitalised(T[s - 1])
                                                                              or T[s - 1].is_sent_start):
                    self.add(s, s + k, "unknown", settlement=True)

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
            if self.lower[i] not in ("counties", "parishes") or i == 0:
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

    def opens_headline(self, s: int, e: int) -> bool:
        """The name is the headline's kicker ("Bimbilla: curfew imposed after clash")."""
        T = self.T
        return self.parsed.headline_kicker == (T[s].idx, T[e - 1].idx + len(T[e - 1].text))

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
        if self.saint_of_building(s, e):
            return False
        if self.opens_headline(s, e) and any(c.feature in _TOWN_OR_REGION for c in cands):
            return True  # "Bimbilla: curfew imposed after clash": the headline says where
        if s > 2 and T[s - 1].lower_ == "of" and T[s - 2].lower_ in SETTLEMENT_NOUNS and T[s - 2].text.islower() \
                and any(c.dep_ == "det" for c in T[s - 2].children) and any(c.feature in ("city", "district")
                                                                          for c in cands):
            return True  # "the (government-held) town of Palmyra": named as a town, whatever the tagger calls it
        dated = any(w in MONTHS_DAYS for w in words)
        if dated or (lab in SKIP_LABELS and not (strong or after_prep)):  # "in Manbij" (a DATE) is still a place
            return not dated and _struck_town(T[e - 1], lab, cands)  # "shelled Beryslav" (a PRODUCT): a place
        if all(w in self.stop or w in CONNECTORS for w in words):
            return False
        if single and text.islower() and (words[0] in ADMIN_WORDS or words[0] in SETTLEMENT_NOUNS):
            return False  # "the canton of Bekourou": a unit's common noun, though tagged a place
        if self.inside_a_longer_name(s, e) or (not strong and self.word_of_a_facility_name(s, e, top)):
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
                    return self._person_entity_a_place(s, e, key, strong, after_prep, known_here)
                if lab == "ORG" and set(words) & self.person_words and not strong:
                    return False  # "King’s four year old son", for "Jaime King": her, not King County
                if lab == "ORG" and home_town(T, s, e) and any(c.feature == "city" for c in cands):
                    return True  # "A Gainesville man cut a plea deal": his town
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
            if s == es and after_prep and nxt is not None and nxt.lower_ in _LOCAL_UNITS and any(
                    c.feature in ("city", "admin2") for c in cands):
                return True  # "in Birnin Gwari LGA", tagged a person: a known town's local unit
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
        return self._missed_name(s, e, cands, top, strong)

    def _missed_name(self, s: int, e: int, cands, top, strong: bool) -> object:
        """A gazetteer name on a run of proper nouns the model gave no entity (`top`: its
        likeliest reading)."""
        T, single = self.T, e - s == 1
        if not any(t.pos_ == "PROPN" for t in T[s:e]) and not strong:
            return False
        if single and (T[s].lower_ in self.stop or T[s].text.lower() in self.lower_words or _names_a_people(T[s])):
            return False
        if single and T[s].is_sent_start and not strong:
            return self._maybe(s, e, cands)  # a dateline: "ROSWELL -- ..."
        return strong or top.population >= 1_000 or top.feature in ("admin2", "district")

    def inside_a_longer_name(self, s: int, e: int) -> bool:
        """A word of a person's or a place's longer name: "Mr. Paris", "Warren E. Buffett"
        (a first name before a middle initial), "of Ten Mile," (the last word of a name the
        gazetteer lacks, not Mile in Ethiopia); "One Edmonton resident" counts people of a town."""
        T = self.T
        if s > 0 and T[s - 1].lower_.rstrip(".") in HONORIFICS:
            return True
        if s > 0 and T[s - 1].like_num and T[s - 1].is_title and not (e < self.n and T[e].pos_ in ("NOUN", "PROPN")):
            return True
        return e + 1 < self.n and _initial(T[e]) and T[e + 1].is_title

    def word_of_a_facility_name(self, s: int, e: int, top) -> bool:
        """A small town's name that is one word of a facility's longer name ("near the Inca
        Manco Cápac airport": not Inca, Spain; not Capac, Michigan). A name that is the
        whole of what the facility is named by ("Kabul International Airport") is its town."""
        T = self.T
        if top.population >= FACILITY_TOWN_POPULATION:
            return False
        i = e
        while i < self.n and T[i].is_title and T[i].lower_ not in FACILITY_HEADS:
            i += 1
        if i >= self.n or T[i].lower_ not in FACILITY_HEADS:
            return False
        j = s
        while j > 0 and T[j - 1].is_title and T[j - 1].pos_ == "PROPN":
            j -= 1
        named_by = [t for t in T[j:i] if t.lower_ not in NAME_DESCRIPTORS]
        return len(named_by) > e - s

    def _person_entity_a_place(self, s: int, e: int, key: str, strong: bool, after_prep: bool,
                               known_here: bool) -> object:
        """A gazetteer name the tagger calls a person, as a whole entity."""
        if after_prep and e - s >= 3 and any(t.text in _PLACE_PARTICLES for t in self.T[s + 1:e - 1]):
            return True  # "near Mocímboa da Praia", "in Rio de Janeiro": a place's particle, after "near"
        if _taken_place(self.T[e - 1]) and any(c.feature == "city" and c.population >= 10_000
                                               for c in self.found[key]):
            return True  # "the army recaptured Palmyra": what was taken is a place
        if e - s == 1 and self.T[s].lower_ in self.relatives:
            return after_prep  # "her daughter, Brittany ... giving Brittany a dose"
        if s > 1 and self.T[s - 1].lower_ == "of" and self.T[s - 2].lower_ in OFFICES_OF and any(
                c.feature in ("city", "admin2") for c in self.found[key]):
            return True  # "the municipal president of Tetela del Volcán": an office's place
        of_area = s > 1 and self.T[s - 1].lower_ == "of" and self.T[s - 2].lower_ in AREA_NOUNS
        if (after_prep or of_area) and self.T[s].text in ARTICLES_LOWER and any(
                c.feature == "city" for c in self.found[key]):
            return True  # "in al-Atarib", "the market of al-Atarib": a town's Arabic article in lower case
        if after_prep and e - s >= 2 and self.T[s].lower_ in _ARTICLES and any(
                c.feature == "city" and c.population >= 10_000 for c in self.found[key]):
            return True  # "a curfew on Ed Damazin": a town's Arabic article, read as a first name
        words = {t.lower_ for t in self.T[s:e]}
        if after_prep and self.T[s - 1].lower_ in _LOCATING and not self._a_person_elsewhere(s, e, words):
            # "clashed with bandits in Birnin Gwari": the tagger's person, named nowhere else as
            # one, after "in": a place if the report's other places back its reading
            return strong or known_here or self._maybe(s, e, self.found[key])
        if words & self.person_words:
            # the tagger and the report's own names agree it is someone in a person's role
            # ("Elizabeth Fairfield ... Fairfield was already in jail"); a country or region
            # keeps its name ("Tamil Nadu said")
            return strong and not self.persons_role(s, e, key)
        return strong or known_here or self._maybe(s, e, self.found[key])

    def _a_person_elsewhere(self, s: int, e: int, words: set[str]) -> bool:
        """Some words of tokens [s, e) are in another person's name the report gives
        ("Abubakar Birnin" ... "in Birnin Gwari"), not the same name tagged again."""
        for ent in self.ents:
            if ent.label_ != "PERSON" or ent.start <= s < ent.end:
                continue
            ent_words = {t.lower_ for t in ent}
            if ent_words & words and ent_words != words:
                return True
        return False

    def _maybe(self, s: int, e: int, cands) -> object:
        """A name the tagger did not call a place: worth resolving if some reading of it is
        a town of 1,000+ or a county, kept only if the report confirms that reading."""
        if any(c.feature in ("city", "admin2", "district") and (c.kind != "alt" or c.population >= ALT_TOWN)
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
            if len(span) == 1 and span.start > 0 \
                    and T[span.start - 1].lower_ not in ("the", "in", "of", "from", "to", "at"):
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
            if span.start >= 2 and T[span.start - 1].lower_ in (",", "in") and T[span.start - 2].lower_ in STREET_NOUNS:
                m.local = True  # "400 S. Locust St., Lebanon", "West 11th Street in San Pedro": a street's town
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


