"""Where an event happened: a place its own clause attaches to it, else the report frame.

Attached means reached from the event's predicates through the parse, never merely named
in the sentence: a locative phrase of a predicate ("killed in X", "an attack at X near Y",
"the town of X", "X's Y district", following prepositions down the object's own
locatives), a place that is the event's patient or agent ("shelled Aleppo", "Palmyra
fell"), or a place compounded with an event noun ("the Aleppo offensive"). So a victim's
nationality or home town ("a woman visiting from Canada"), a speaker's capital, a saint's
or a car's name are never where it happened. A place in another country than the frame's
counts only when it is a proper place name attached directly to a predicate.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..models import Event, Place
from .event_clauses import Role, Trigger
from .parse import Parsed
from .places import names_no_location
from .report_frame import AREA_NOUNS, LOCATIVE_PREPS, ReportFrame

_FEATURE_RANK = {"landmark": 0, "district": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def _locative_objects(tok) -> Iterable[tuple[object, bool]]:
    """(token, direct) for the objects of the locative phrases of `tok`, and their own
    locatives, area "of" phrases, possessors and compounds, depth first."""
    stack = [(tok, 0)]
    while stack:
        t, depth = stack.pop()
        for c in t.children:
            area_of = c.lower_ == "of" and t.lemma_.lower() in AREA_NOUNS
            if c.dep_ == "prep" and (c.lower_ in LOCATIVE_PREPS or area_of):
                for g in c.children:
                    if g.dep_ == "pobj":
                        yield g, depth == 0
                        if depth < 3:
                            stack.append((g, depth + 1))
            elif depth and c.dep_ in ("poss", "compound", "nmod", "conj", "appos"):
                yield c, False
                stack.append((c, depth + 1))


def _np_tokens(tok) -> Iterable[object]:
    """A role filler and the words that name a place inside it ("the town of X", "X's
    eastern districts"); not the owner of a person or a thing ("Russia's ambassador")."""
    yield tok
    area = tok.lemma_.lower() in AREA_NOUNS or tok.ent_type_ in _PLACE_LABELS
    for c in tok.children:
        if c.dep_ in ("conj", "appos") or (area and c.dep_ in ("compound", "poss", "nmod")):
            yield c
    for g, _ in _locative_objects(tok):
        yield g


def attached_tokens(members: list[Trigger], roles: Iterable[Role | None]) -> dict[int, bool]:
    """Token index -> direct, for every token the event's predicates attach as a location."""
    out: dict[int, bool] = {}
    for m in members:
        for head in {m.tok.i: m.tok, m.anchor.i: m.anchor}.values():
            for g, direct in _locative_objects(head):
                out[g.i] = out.get(g.i, False) or direct
        for c in m.tok.children:
            if c.dep_ in ("compound", "nmod", "poss") and c.ent_type_ in _PLACE_LABELS:
                out[c.i] = True
    for r in roles:
        if r is not None:
            for t in _np_tokens(r.tok):
                out.setdefault(t.i, True)
    return out


def own_place(parsed: Parsed, places: list[Place], members: list[Trigger], roles: Iterable[Role | None],
              country: str | None, lo: int, hi: int) -> Place | None:
    """The place the event's clause [lo, hi) attaches to it, or None.
    A place in another country than `country` (the report's) counts only when it is a
    place name right on a predicate."""
    attached = attached_tokens(members, roles)
    best, best_key = None, None
    for p in places:
        if p.lat is None or not (lo <= p.start < hi):
            continue
        span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or names_no_location(parsed, p):
            continue
        hits = [attached[t.i] for t in span if t.i in attached]
        if not hits:
            continue
        direct = any(hits)
        if country and p.country and p.country != country and not (direct and span.root.ent_type_ in ("GPE", "LOC")):
            continue
        key = (_FEATURE_RANK.get(p.feature, 1), 0 if direct else 1, p.start)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


def contains(outer: Place, inner: Place) -> bool:
    """`inner` lies in `outer` (a country or admin1 region holding a city or district)."""
    if _FEATURE_RANK.get(outer.feature, 1) <= _FEATURE_RANK.get(inner.feature, 1) or outer.country != inner.country:
        return False
    if outer.feature == "country":
        return True
    return outer.feature in ("admin1", "region") and (
        inner.admin1 in (outer.admin1, outer.name) or inner.within == outer.name)


# PLOVER acts done to people or things where they are (an arrest, a raid, a sanction's
# seizure, troops moved, aid delivered); the verbal and diplomatic ones (a veto, an
# accusation, talks) are done in a capital or a hall the report seldom names
_PHYSICAL_PLOVER = frozenset({"ASSAULT", "PROTEST", "COERCE", "SANCTION", "MOBILIZE", "AID", "RETREAT"})


def _happens_somewhere(ev: Event) -> bool:
    return ev.event_type is not None or (ev.plover or "").upper() in _PHYSICAL_PLOVER


def place_events(located: list[tuple[Event, Place | None]], frame: ReportFrame) -> None:
    """Settle the frame's place from where the report's current incidents happen, then
    place every event: its own place, or the frame's for a current incident the clause
    does not locate (or locates only by a country or region that holds the frame's place)."""
    weight = dict(frame.weights)
    first = {}
    for ev, p in located:
        if p is None or ev.event_type is None or ev.timing != "current":
            continue
        w = 3.0 * (2.0 if ev.start < frame.lead_end else 1.0)
        first.setdefault(p.name, p)
        weight[p.name] = weight.get(p.name, 0.0) + w
        if p.within:
            weight[p.within] = weight.get(p.within, 0.0) + 0.5 * w
    frame.choose(weight, first)
    for ev, p in located:
        how = "clause"
        if frame.place is not None and _happens_somewhere(ev) and ev.timing == "current" and (
                p is None or contains(p, frame.place)):
            p, how = frame.place, "frame"
        if p is not None:
            ev.place, ev.lat, ev.lon = p.name, p.lat, p.lon
            own = p.precision if p.feature != "country" else "country"
            ev.geo_precision = "report-focus" if how == "frame" else own
