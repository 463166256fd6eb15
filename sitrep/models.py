"""The extraction contract (see ../shared/design.md) as dataclasses.

Every extracted item keeps the character offsets (`start`, `end`) of its evidence in
`Article.text` (the cleaned body) and, where the contract asks for it, the `sentence`.
`Extraction.to_dict()` is the JSON printed by `sitrep extract --json`; the field order
here is the order in that JSON, so output is deterministic.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

# How a report states an event (design.md): asserted, claimed (attributed and contested),
# hypothetical, future, planned (plotted, attempted, threatened, not done), negated, denied.
Certainty = Literal["asserted", "claimed", "hypothetical", "future", "planned", "negated", "denied"]
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
# When: the news itself, an earlier incident the report recalls, or habitual/aggregate.
Timing = Literal["current", "background", "generic"]
TIMINGS: tuple[str, ...] = get_args(Timing)
# What a consumer counts as a claim that something happened.
CLAIMED_CERTAINTIES = ("asserted", "claimed")
# ACLED's event types of political violence (Protests, Riots and Strategic developments are not)
VIOLENT_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# The kinds of item an extraction holds, in the order of the contract JSON (the store has
# one table per kind, the API and CLI one listing per kind).
ItemKind = Literal["places", "times", "actors", "figures", "events", "quotes", "sources"]
ITEM_KINDS: tuple[str, ...] = get_args(ItemKind)
# A place's kind in the contract (the gazetteer's finer kinds map onto these).
PlaceFeature = Literal["country", "admin1", "city", "district", "landmark"]
# What a place's coordinates are: its own point, a country's or region's representative
# point, its city's point (a part of a city, a street), the region or country around it,
# or none.
GeoPrecision = Literal["point", "centroid", "city", "region", "unknown"]
TimePrecision = Literal["day", "week", "month", "year"]
# flow: new in a period ("fled this week"); stock: standing at a date ("are sheltering").
FigureKind = Literal["flow", "stock"]
# households: families, homes and houses as stated (converted to people only at export).
FigureUnit = Literal["people", "households"]
# parse: read off the dependency parse (English); lexical: number + unit + figure word
# (Spanish, French, Portuguese reports; sitrep/extractors/lexical.py).
ReadMethod = Literal["parse", "lexical"]
QuoteKind = Literal["direct", "indirect"]


@dataclass
class Article:
    id: str = ""
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date
    source: str | None = None  # the outlet that published the report
    language: str | None = None
    text: str = ""  # the cleaned body; every offset points into it
    url: str | None = None
    input_id: str | None = None  # the id given with the input (JSONL `id`), kept verbatim
    path: str | None = None
    byline: str | None = None
    contributors: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)  # lines cut off the body
    fingerprint: list[int] = field(default_factory=list)  # MinHash signature (clean stage)
    raw_text: str | None = None  # body before cleaning (not serialised)
    # the body as the parser reads it when case was restored (one-case reports, Title Case
    # headlines): same length and offsets as `text`, which keeps the case as delivered
    parse_text: str | None = None  # (not serialised)
    case_source: str | None = None  # between case restoration and cleaning: the delivered body
    # The body is used as given (a JSONL record's text, which a corpus's offsets point
    # into): cleaning cuts boilerplate lines but rewrites no characters.
    keep_offsets: bool = False


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int


@dataclass
class TimeMention:
    text: str
    start: int
    end: int
    date_start: str | None
    date_end: str | None
    precision: TimePrecision
    sentence: str = ""
    rule: str = ""  # which resolution rule produced it (explainability)


@dataclass
class Place:
    name: str
    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO2
    admin1: str | None = None
    feature: PlaceFeature = "city"
    within: str | None = None
    precision: GeoPrecision = "point"
    score: float | None = None
    sentence: str = ""


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None  # ISO3
    mentions: list[list[int]] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None


@dataclass
class ActorRef:
    """An actor as it fills an event role: name, kind and country."""
    name: str
    kind: str | None = None
    country: str | None = None


@dataclass
class Source:
    name: str
    kind: str | None
    stance: str | None
    start: int
    end: int
    cue: str | None = None  # reported / said / according to / accused ...
    sentence: str = ""


@dataclass
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_role: str | None = None
    kind: QuoteKind = "direct"
    channel: str | None = None
    cue: str | None = None
    sentence: str = ""


@dataclass
class Figure:
    category: str
    low: int | None
    best: int | None
    high: int | None
    unit: FigureUnit = "people"
    qualifier: str | None = None
    kind: FigureKind = "flow"
    place: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    source: str | None = None
    certainty: Certainty = "asserted"
    start: int = 0
    end: int = 0
    sentence: str = ""
    text: str = ""  # the number as written
    unit_stated: str | None = None  # the counted noun as written ("families", "homes")
    method: ReadMethod = "parse"


@dataclass
class Fatalities:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass
class Event:
    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    mode: str | None = None  # PLOVER mode ("aerial", "arrest", "ceasefire" ...)
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    date_start: str | None = None
    date_end: str | None = None
    fatalities: Fatalities | None = None
    certainty: Certainty = "asserted"
    timing: Timing = "current"
    confidence: float | None = None  # in [0, 1]; < 0.5 is a candidate, not a claim
    source: str | None = None
    start: int = 0
    end: int = 0
    sentence: str = ""
    # every span of the report that mentions this incident ([start, end] pairs, in order)
    mentions: list[list[int]] = field(default_factory=list)
    trigger: str | None = None
    rule: str | None = None  # why this event was produced (explain view)
    time_precision: str | None = None
    geo_precision: str | None = None
    # coordinated actors of one happening ("Russia and China vetoed"): ACLED's assoc_actor_1
    assoc_actor1: list[ActorRef] = field(default_factory=list)


@dataclass
class Extraction:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        art = as_dict(self.article)
        art.pop("raw_text", None)
        art.pop("parse_text", None)
        art.pop("case_source", None)
        out: dict[str, Any] = {"id": self.article.input_id or self.article.id, "article": art}
        for name in ("sentences", "entities", *ITEM_KINDS):
            out[name] = [as_dict(x) for x in getattr(self, name)]
        return out


@functools.cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


# Exact types (not subclasses: an IntEnum or str subclass takes the general path).
_SCALARS = frozenset({str, int, float, bool, type(None)})


def as_dict(obj: Any) -> Any:
    """`dataclasses.asdict` without its deep copies: the contract's items are flat but for
    a few nested dataclasses and lists, and this runs for every item of every article."""
    if type(obj) in _SCALARS:
        return obj  # most values are plain scalars: answer them before the slower checks
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {n: as_dict(getattr(obj, n)) for n in _field_names(type(obj))}
    if isinstance(obj, list):
        return [as_dict(x) for x in obj]
    if isinstance(obj, tuple):
        return [as_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: as_dict(v) for k, v in obj.items()}
    return obj


def item_from_dict(kind: str, d: dict[str, Any]):
    """Rebuild an item dataclass from its JSON form (used by the store and fusion)."""
    cls = {"places": Place, "times": TimeMention, "actors": Actor, "figures": Figure,
           "events": Event, "quotes": Quote, "sources": Source,
           "sentences": Sentence, "entities": Entity}[kind]
    names = {f.name for f in dataclasses.fields(cls)}
    d = {k: v for k, v in d.items() if k in names}
    if cls is Event:
        for role in ("actor1", "actor2"):
            if isinstance(d.get(role), dict):
                d[role] = ActorRef(**d[role])
        if isinstance(d.get("assoc_actor1"), list):
            d["assoc_actor1"] = [ActorRef(**a) if isinstance(a, dict) else a for a in d["assoc_actor1"]]
        if isinstance(d.get("fatalities"), dict):
            d["fatalities"] = Fatalities(**d["fatalities"])
    return cls(**d)


def extraction_from_dict(d: dict[str, Any]) -> Extraction:
    art_fields = {f.name for f in dataclasses.fields(Article)}
    art = Article(**{k: v for k, v in d["article"].items() if k in art_fields})
    ex = Extraction(article=art)
    for name in ("sentences", "entities", *ITEM_KINDS):
        setattr(ex, name, [item_from_dict(name, x) for x in d.get(name, [])])
    return ex


# Characters no store can keep: NUL (PostgreSQL refuses it in text) and lone UTF-16
# surrogates (not encodable as UTF-8: JSON "\ud800" decodes to one). Each becomes U+FFFD,
# one character for one, so offsets into a verbatim text stay right and both backends
# store the same text.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text):
    """`text` with NULs and lone surrogates replaced by U+FFFD (one character for one);
    anything but a string is returned as it is."""
    return _UNSTORABLE.sub("\ufffd", text) if isinstance(text, str) else text
