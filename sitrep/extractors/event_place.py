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

import re
from collections import Counter
from collections.abc import Iterable

from ..models import Event, Place
from .actors import countries, is_named_actor
from .event_clauses import Role, Trigger, of_object, own_clause, set_off_by
from .event_lexicon import JOURNEYS
from .gazetteer import _km, capital_of, get_gazetteer, norm_name
from .parse import Parsed
from .place_recognition import (
    ADMIN_WORDS,
    ARTICLES_LOWER,
    BETWEEN_HOLDERS,
    FACILITY_HEADS,
    OFFICES_OF,
    ROAD_PREFIXES,
    SETTLEMENT_NOUNS,
    SITE_NOUNS,
    STREET_NOUNS,
)
from .place_recognition import AREA_NOUNS as QUARTER_NOUNS  # a town's quarters (report_frame's are wider)
from .places import names_no_location
from .report_frame import (
    AREA_NOUNS,
    LAND_NOUNS,
    LOCATIVE_PREPS,
    ReportFrame,
    add_weight,
    bump,
    locative_use,
    many_countries,
    names_area,
)

# "the village of Nanduli, in Ancuabe district": what follows ", in" holds what precedes it
# (the gazetteer may know neither; a bare comma may only list: "Istanbul, Konya")
# ("in Mehal Meda town, in North Shewa zone": the first's own noun and the second's compass
# word may stand between them)
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west"})
_PLACE_NOUN_RE = "|".join(sorted(SETTLEMENT_NOUNS | QUARTER_NOUNS))
_DIRECTION_RE = "|".join(sorted(_DIRECTIONS))
_IN_WHICH = re.compile(rf"(?:\s+(?:{_PLACE_NOUN_RE}))?,?\s+in\s+(?:the\s+)?(?:(?:{_DIRECTION_RE})(?:ern)?\s+)?",
                       re.IGNORECASE)
_FEATURE_RANK = {"landmark": 0, "district": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_TOWN_FEATURES = ("city", "district", "admin2")  # what a site's name may add as its town
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# "next to X", "close to X", "adjacent to X": as near X as "near X"
_NEXT = frozenset({"next", "close", "adjacent"})


# verbs whose "from" phrase is where the taking was done ("arrested from Feni", "abducted
# from their homes in X"); a flight or a journey "from X" is not there
_TAKEN_FROM = frozenset({"arrest", "detain", "nab", "apprehend", "abduct", "kidnap", "rescue", "recover", "seize",
                         "pick"})


# verbs of going somewhere: a participle of theirs names a way or an end, not where one is
_JOURNEYING = frozenset({"travel", "head", "move", "go", "come", "return", "drive", "sail", "fly", "bind", "flee",
                         "escape", "leave", "march", "walk", "run", "transfer", "evacuate", "bring", "send", "carry",
                         "transport", "ship", "deport", "displace", "relocate", "bound", "destine", "make"})
# verbs of flight, or of driving people off: "towards X" names where the fleeing went
# ("fled towards Gao", "pushing families towards Dédougou"), not where they were hurt; troops
# "sent towards Tessit" are deployed there, so the verbs of sending are not among them
_SENDING = frozenset({"flee", "escape", "run", "push", "force", "chase", "drive", "herd", "displace"})
_HEADING = frozenset({"toward", "towards"})
# where the wounded are taken, never where they were hurt ("airlifted to a hospital in
# Cagayan de Oro City")
CARE_SITES = frozenset({"hospital", "clinic", "infirmary", "morgue", "mortuary", "dispensary"})


# "along the Kebbi border with Niger Republic": the neighbour across it is not where it is
_BORDERS = frozenset({"border", "frontier", "boundary"})


def _locative_objects(tok) -> Iterable[tuple[object, bool]]:
    """(token, direct) for the objects of the locative phrases of `tok`, and their own
    locatives, area "of" phrases, possessors and compounds, depth first. The place of an
    area's "of" phrase is as direct as the area ("in the town of X" is in X)."""
    stack = [(tok, 0, True)]
    while stack:
        t, depth, direct = stack.pop()
        name = _named_area(t) if depth else None
        if name is not None:  # "in the Dagestani capital, Makhachkala": as direct as the area
            yield name, direct
            stack.append((name, depth + 1, direct))
        for c in t.children:
            area_of = c.lower_ == "of" and (t.lemma_.lower() in AREA_NOUNS or t.lower_ in _DIRECTIONS)
            if (c.lower_ in _DIRECTIONS | _NEXT and c.dep_ in ("advmod", "npadvmod", "prep", "nummod", "amod")) or (
                    c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")):
                # "north of X" is near X, as direct as "near X"; a time word between the
                # event and it ("a shootout Thursday north of X") is passed through
                stack.append((c, depth, direct))
            elif depth and c.dep_ == "prep" and c.lower_ == "between" and t.lower_ in BETWEEN_HOLDERS:
                # "on the road between Sinuni and Khanasor": near the first, which the road leaves
                yield from ((_first_named(g), False) for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in _HEADING and t.lemma_.lower() in _SENDING:
                continue  # "pushing hundreds of families towards Dédougou": where they went, not where it was
            elif c.dep_ == "prep" and (c.lower_ in LOCATIVE_PREPS or area_of or (
                    c.lower_ == "to" and t.lower_ in _NEXT) or (
                    c.lower_ == "from" and not depth and t.lemma_.lower() in _TAKEN_FROM)):
                for g in c.children:
                    if g.dep_ == "pobj":
                        # "at their homes in Agoe", "at a bar in Limoncito": the site is in
                        # the place, as direct as the site
                        here = depth == 0 or (area_of and direct) or (
                            direct and depth == 1 and t.pos_ == "NOUN" and (c.lower_ in ("in", "near") or (
                                c.lower_ == "on" and _street(g) is not None)))  # "the courthouse on Bishop Street"
                        yield g, here
                        if depth < 3:
                            stack.append((g, depth + 1, here))
            elif depth < 3 and ((c.dep_ == "prep" and c.lower_ in ("to", "with", "for", "between", "during")
                                 and not (c.lower_ == "with" and t.lemma_.lower() in _BORDERS)) or (
                    c.dep_ == "agent" and not depth)):
                # "sentenced to a prison term in Georgia", "poisoned with a nerve agent in
                # Salisbury", "killed by a bomb in X", "detained for questioning in X",
                # "clashes between protesters and police at the airport in X", "killed during
                # an operation in X": not a place, but its own locatives are
                stack.extend((g, depth + 1, False) for g in c.children if g.dep_ in ("pobj", "pcomp")
                             and not (c.lower_ == "to" and g.lemma_.lower() in CARE_SITES))
            elif depth and c.dep_ in ("poss", "compound", "nmod", "conj", "appos") and not (
                    c.dep_ != "conj" and _country_word(c) and t.lemma_.lower() not in AREA_NOUNS
                    and t.ent_type_ not in _PLACE_LABELS):  # "in a U.S. drone strike": whose
                yield c, False
                stack.append((c, depth + 1, False))


def _first_named(g):
    """"between Khezhakeno and Phusachodu villages": the first name of the settlements
    the noun counts, else the object itself."""
    word = g.lower_
    if not word.endswith("s") or (word[:-1] not in SETTLEMENT_NOUNS and g.lemma_.lower() not in SETTLEMENT_NOUNS):
        return g  # (the tagger may call "villages" a verb: the word says it is a plural)
    return next((c for c in g.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"), g)


def _named_area(area):
    """The name set off after an area noun: "the provincial capital, Kandahar" (the parser
    hangs it on the noun, on the comma or elsewhere)."""
    if area.lemma_.lower() not in AREA_NOUNS or area.i + 2 >= len(area.doc) or area.nbor(1).text != ",":
        return None
    name = area.nbor(2)
    ok = name.pos_ == "PROPN" and name.head.i in (area.i, area.i + 1) and name.dep_ != "compound"
    return name if ok else None


def _np_tokens(tok) -> Iterable[object]:
    """A role filler and the words that name a place inside it ("the town of X", "X's
    eastern districts"); not the owner of a person or a thing ("Russia's ambassador")."""
    yield tok
    member = of_object(tok)
    if member is not None and tok.lower_ in OFFICES_OF:
        yield member  # "the mayor of Tetela del Volcán was shot dead": where the office is held
    area = tok.lemma_.lower() in AREA_NOUNS or tok.ent_type_ in _PLACE_LABELS
    for c in tok.children:
        if c.dep_ in ("conj", "appos") or (area and c.dep_ in ("compound", "poss", "nmod")):
            yield c
        if c.dep_ == "conj":  # "killed six officers and a civilian in Giza": the list's place
            yield from (g for g, _ in _locative_objects(c))
        if c.dep_ == "acl" and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
            # "an attempt to storm an army post near Ouallam": where the attempt was aimed
            for k in (c, *(k for k in c.children if k.dep_ == "dobj")):
                yield from (g for g, _ in _locative_objects(k))
        elif c.dep_ == "acl" and c.tag_ in ("VBN", "VBG", "VBD") and c.lemma_.lower() not in _JOURNEYING and not any(
                k.dep_ in ("nsubj", "nsubjpass") for k in c.children):  # the tagger's VBD is a participle here
            # "fired on mourners gathered at a cemetery in Mahabad": where they were is where it
            # hit them; not where a boat "travelling towards Gao" was going
            yield from (g for g, _ in _locative_objects(c))
    for g, _ in _locative_objects(tok):
        yield g
    if member is not None and tok.lemma_.lower() not in AREA_NOUNS:
        # "ambushed a convoy of military trucks near Nam Hpat Kar": where its members were
        yield from (g for g, _ in _locative_objects(member))


# marks of a clause that happens at the same moment as the one it hangs on, so in the
# same place: "embedded in Manbij when the bomb exploded", "killed while battling IS in Syria"
_SAME_MOMENT = frozenset({"when", "while", "as"})


def _same_scene(verb) -> list[tuple[object, bool]]:
    """(clause, own) for the clauses that share a predicate's scene: the verb an event noun
    is the subject of (its own clause: "fighting rages in X"), the main clause of a
    "when/while/as" clause and the "when/while/as" clauses of a main clause (another
    clause: its place counts, but less than the event's own)."""
    # "rioting that erupted in Nanterre", "the attack, which took place in X": the event
    # noun's relative clause, whose subject it is, is its own clause
    out = [(c, True) for c in verb.children if c.dep_ == "relcl" and verb.pos_ == "NOUN"
           and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ in ("that", "which") for k in c.children)]
    cause = set_off_by(verb)
    if cause is not None:  # "torched at X, triggering an exchange of fire": the fire was at X
        out.append((cause, False))
    if verb.dep_ in ("nsubj", "nsubjpass") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "when the bomb exploded", "fighting rages in X": the clause of the event noun
        out.append((verb, True))
    if verb.pos_ not in ("VERB", "AUX"):
        return out
    out += [(c, False) for c in verb.children if c.dep_ == "advcl" and _at_same_moment(c)]
    if verb.dep_ == "advcl" and _at_same_moment(verb) and verb.head.pos_ in ("VERB", "AUX"):
        out.append((verb.head, False))
    return out


def _at_same_moment(clause) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _SAME_MOMENT for c in clause.children)


# heads of a local force's or a local court's name ("the Athens Police Department", "Ventura
# County Sheriff's Office", "Vanderburgh County prosecutors", "a Columbia County grand jury")
_FORCE_HEADS = frozenset({"police", "department", "sheriff", "office", "patrol", "trooper", "constabulary",
                          "deputy", "detective", "prosecutor", "attorney", "court", "jury", "judge"})


_WIDE_FORCES = frozenset({"state", "county", "provincial", "national", "federal", "regional"})


def telling_force(anchor):
    """Who tells of an arrest no one is named making ("Durham police said three people had
    been arrested"): the subject of a verb the predicate's `anchor` hangs from; not a force
    of a whole state or county ("Maryland State Police say"), which arrests anywhere in it."""
    teller = next((k for a in anchor.ancestors if a.pos_ == "VERB" for k in a.children if k.dep_ == "nsubj"), None)
    return None if teller is None or any(t.lower_ in _WIDE_FORCES for t in teller.subtree) else teller


def force_home(tok) -> list:
    """The names in a local force's or court's name (the town or county among them):
    where its arrests, charges and sentences happen when the clause names no place ("The
    Athens Police Department arrested a man", "Vanderburgh County prosecutors charged")."""
    if tok is None or tok.lemma_.lower() not in _FORCE_HEADS:
        return []
    out, stack = [], [(tok, 0)]
    while stack:
        t, depth = stack.pop()
        for c in t.children:
            if c.dep_ in ("compound", "nmod", "poss") and depth < 3:
                if c.pos_ == "PROPN":  # a place only where the places stage found one
                    out.append(c)
                stack.append((c, depth + 1))
    return out


def _country_word(tok) -> bool:
    """A country's name before an event noun says whose it is ("a U.S. drone strike",
    "Russia's offensive"), not where."""
    return countries().lookup.get(tok.text.lower()) is not None



def attached_tokens(members: list[Trigger], roles: Iterable[Role | None], role_words: bool = True,
                    scene: bool = True) -> dict[int, bool]:
    """Token index -> direct, for every token the event's predicates attach as a location.
    `role_words=False`: a role's own words are a party or a topic ("discussed Syria with
    Erdogan"), only its locative phrases place the event ("met Lavrov in Brussels").
    `scene=False`: only the event's own clauses, not the others that share its scene."""
    out: dict[int, bool] = {}
    objects = []
    for m in members:
        if m.tok.lemma_.lower() in JOURNEYS:  # "Trump's visit to Riyadh": where the visit was
            for k in m.tok.children:
                if k.dep_ == "prep" and (k.lower_ == "to" or (k.lower_ == "of" and m.tok.lemma_.lower() == "tour")):
                    out.update({g.i: True for g in k.children if g.dep_ == "pobj"})
                elif k.dep_ == "dobj" and m.tok.pos_ == "VERB":  # "visited Riyadh"
                    out.update({t.i: True for t in _np_tokens(k)})
        located = False  # the predicate's own locative phrase says where
        for head in {m.tok.i: m.tok, m.anchor.i: m.anchor}.values():
            for verb, own in ((head, True), *(c for c in _same_scene(head) if scene or c[1])):
                for g, direct in _locative_objects(verb):  # "while talks begin in Geneva": less than its own
                    out[g.i] = out.get(g.i, False) or (direct and own)
                    located = located or verb.i == m.anchor.i
            objects += [k for k in head.children if k.dep_ == "dobj" and head.pos_ == "VERB"]
        for c in (k for k in m.tok.children if not located):
            # "the Aleppo offensive": where, unless a locative phrase says ("a U.S. drone
            # strike in Syria": the modifier is whose strike; "the Bijapur encounter broke out
            # in the forests near Gangaloor")
            if ((c.dep_ in ("compound", "nmod", "poss") and c.ent_type_ in _PLACE_LABELS) or (
                    c.dep_ in ("compound", "nmod", "poss", "amod") and c.pos_ == "PROPN")) and not _country_word(c):
                out.setdefault(c.i, False)
    for r in roles:
        if r is not None:
            for t in (_np_tokens(r.tok) if role_words else (g for g, _ in _locative_objects(r.tok))):
                out.setdefault(t.i, True)
    for obj in objects:  # "an attempt to storm an army post near Ouallam": where its object is
        # "took control of the outpost in Kyauktan village": the object of the phrase's noun
        taken = of_object(obj) if obj.lemma_.lower() in _TAKEN_NOUNS else None
        for g, _ in (*_locative_objects(obj), *(_locative_objects(taken) if taken is not None else ())):
            out.setdefault(g.i, False)
    return out


# the nouns of "take control of X", "gain possession of X": X is what was taken
_TAKEN_NOUNS = frozenset({"control", "possession", "hold"})


def own_place(parsed: Parsed, places: list[Place], members: list[Trigger], roles: Iterable[Role | None],
              country: str | None, lo: int, hi: int, homes: set[int] = frozenset(),
              role_words: bool = True, stationed: Role | None = None) -> Place | None:
    """The place the event's clause [lo, hi) attaches to it, or None.
    A place in another country than `country` (the report's) counts only when it is a
    place name right on a predicate. `homes`: the tokens of the acting force's own name
    (`force_home`), a place though they are words of an organisation's name. `stationed`:
    the agent, whose own words are a party, but whose locative phrase says where it acts
    ("gendarmerie forces in the province of Erzurum detained five people")."""
    # the event's own clauses first: "shot dead in X, while a militant was killed in an
    # encounter with police in neighbouring Y" -- the killing is in Y, not in the X it shares
    for scene in (False, True):
        attached = attached_tokens(members, roles, role_words, scene)
        for i in homes:
            attached.setdefault(i, True)
        if stationed is not None:
            for g, _ in _locative_objects(stationed.tok):
                attached.setdefault(g.i, False)
        found = _attached_place(parsed, places, attached, homes, country, lo, hi)
        if found is not None:
            break
    if found is None and (shared := _conjunct_tokens(members)):
        found = _attached_place(parsed, places, shared, homes, country, lo, hi)
    if found is not None:
        return _seat_of_region(parsed.text, places, found)
    return _town_named_before(parsed, places, attached, country)


# "the chief town of Mbomou prefecture", "the capital of Nangarhar province": a region's seat
_SEAT_OF = re.compile(r"\b(?:capital|chief town|main town|seat|headquarters)\s+of\s+(?:the\s+)?$", re.I)


def _seat_of_region(text: str, places: list[Place], found: Place) -> Place:
    """A region named as the one whose seat the clause is in stands for that seat: the town
    in it the report names most (first named on a tie); the region when it names none."""
    if found.feature not in ("admin1", "admin2") or not _SEAT_OF.search(text, max(0, found.start - 40), found.start):
        return found
    towns = [p for p in places if p.feature == "city" and p.within and p.within.casefold() == found.name.casefold()]
    if not towns:
        return found
    counts = Counter(p.name.casefold() for p in towns)
    return max(towns, key=lambda p: (counts[p.name.casefold()], -p.start))


# common nouns that stand for a town the report has named ("the port city", "the capital")
_TOWN_ANAPHORS = frozenset({"city", "town", "capital"})
# how far back (characters) such a noun's town may have been named
_ANAPHOR_CHARS = 1500


def _town_named_before(parsed: Parsed, places: list[Place], attached: dict[int, bool],
                       country: str | None) -> Place | None:
    """"A curfew in parts of the port city", "clashes in the capital's southern suburbs": a
    definite town noun with no name of its own, attached directly, stands for the town the
    report named last before it in the report's country; "the capital" for the country's
    capital when the report has named it."""
    for i, direct in sorted(attached.items()):
        tok = parsed.doc[i]
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _TOWN_ANAPHORS or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            continue
        if not direct and not (tok.dep_ == "poss" and tok.head.lemma_.lower() in AREA_NOUNS):
            continue  # "the capital's southern suburbs" are the capital's, as direct as the suburbs
        if any((c.dep_ in ("compound", "poss", "nmod", "appos") and (c.pos_ == "PROPN" or c.ent_type_))
               or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children) or _named_area(tok) is not None:
            continue  # "the city of Homs", "the Syrian capital, Damascus": named, so placed by the name
        before = [p for p in places if p.lat is not None and p.feature == "city" and p.end <= tok.idx
                  and tok.idx - p.start <= _ANAPHOR_CHARS and (country is None or p.country == country)]
        if tok.lemma_.lower() == "capital":
            # the capital of the country whose towns the report names most ("suburbs of the
            # capital" in a report on Noumea's riots is not Paris, where a bill was debated)
            home = Counter(p.country for p in places if p.feature == "city" and p.country).most_common(1)
            before = [p for p in before if norm_name(p.name) == norm_name(capital_of(p.country) or "")
                      and (not home or p.country == home[0][0])]
        if before:
            return max(before, key=lambda p: p.start)
    return None


def _conjunct_tokens(members: list[Trigger]) -> dict[int, bool]:
    """Token index -> False for the places a conjoined clause attaches to its own verb or
    its subject and object ("the family home in Aydin was searched and his parents were
    detained"): one sentence's coordinated clauses share a scene unless one names its own."""
    out: dict[int, bool] = {}
    for m in members:
        verb = m.tok
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        partners = [verb.head] if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") else []
        # a participle set off after the clause tells why or how, not a scene it shares
        partners += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                     and not _set_off_participle(c)]
        for p in partners:
            if any(k.dep_ == "neg" for k in p.children):
                continue  # "had never been arrested and was not even in Canada"
            for k in (p, *(k for k in p.children if k.dep_ in ("nsubj", "nsubjpass", "dobj"))):
                out.update({g.i: False for g, _ in _locative_objects(k) if g.i not in out})
    return out


def _attached_place(parsed: Parsed, places: list[Place], attached: dict[int, bool], homes: set[int],
                    country: str | None, lo: int, hi: int) -> Place | None:
    """The most specific of `places` whose words are `attached` (token index -> direct)."""
    if attached:  # a clause sharing the event's scene may lie outside its own words
        doc = parsed.doc
        lo = min(lo, min(doc[i].idx for i in attached))
        hi = max(hi, max(doc[i].idx + len(doc[i].text) for i in attached))
    found: list[tuple[tuple, Place]] = []
    for p in places:
        if p.lat is None or not (lo <= p.start < hi):
            continue
        span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or (names_no_location(parsed, p) and not any(t.i in homes for t in span)):
            continue
        if many_countries(p) and span.root.dep_ in ("compound", "amod", "nmod") and \
                span.root.head.lemma_.lower() in LAND_NOUNS:
            continue  # "across the French Indian Ocean island": the island, which the sea only describes
        hits = [attached[t.i] for t in span if t.i in attached]
        if not hits:
            continue
        direct = any(hits)
        if country and p.country and p.country != country and not (
                (direct or _in_country(span.root, p)) and _named_as_place(span)):
            continue
        found.append(((_FEATURE_RANK.get(p.feature, 1), 0 if direct else 1, p.start), p))
    # "in the town of Akuressa, in Matara district": the place inside the other one
    # (a name the gazetteer lacks, placed by default in a town, holds that town when the text
    # says so: "in Dessie town, in South Wollo zone")
    holders = {q.name for _, p in found for _, q in found if _IN_WHICH.fullmatch(parsed.text, p.end, q.start)}
    outer = holders | {p.within for _, p in found if p.within and p.name not in holders}
    found = [(k, p) for k, p in found if p.name not in outer] or found
    found = [(k, p) for k, p in found if not _possessor_of(parsed, p, [q for _, q in found])] or found
    return min(found, key=lambda kp: kp[0])[1] if found else None


def _possessor_of(parsed: Parsed, p: Place, others: list[Place]) -> bool:
    """"In Katsina's Safana Local Government Area", "the city's Kyivskyi district": the
    possessor holds the place it owns, which is where the event is."""
    span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("poss", "compound"):
        return False
    owned = span.root.head
    if span.root.dep_ == "compound":
        # "the Paris suburb of Nanterre": a city's suburb, named by its "of" ("the Karrada
        # district of Baghdad" names the district first)
        city = of_object(owned)
        return owned.lemma_.lower() in _SUBURBS and city is not None and any(
            q is not p and q.start <= city.idx < q.end for q in others)
    return any(q is not p and q.start <= owned.idx < q.end + _AREA_TAIL_CHARS and q.start > p.start for q in others)


_SUBURBS = frozenset({"suburb", "suburbs", "outskirts"})


# how far past an owned place's name its head may lie ("Safana Local Government Area")
_AREA_TAIL_CHARS = 40


def _named_as_place(span) -> bool:
    """The tagger names the span a place, or a people when it is not a people's name (it
    tags "the destruction of Aleppo" so; "Syrian" is a people's)."""
    tag = span.root.ent_type_
    return tag in ("GPE", "LOC") or (tag == "NORP" and countries().demonym_re.fullmatch(span.text) is None)


def scene_place(parsed: Parsed, root, places: list[Place]) -> Place | None:
    """The most specific place a clause names as a location ("It happened just before 5 p.m.
    in the Crown Heights neighborhood of Brooklyn after callers said ..."), outside its
    subordinate clauses (what the callers said happened elsewhere) and the participle set
    off after it, which the parser may join as a conjunct ("... and burned tyres,
    denouncing power cuts in the X neighbourhood": why they protested, not where)."""
    inner = {t.i for c in root.subtree if c.i != root.i
             and (c.dep_ in ("advcl", "ccomp", "relcl", "acl") or own_clause(c) or _set_off_participle(c))
             for t in c.subtree}
    lo, hi = root.left_edge.idx, root.right_edge.idx + len(root.right_edge.text)
    found = []
    for p in places:
        if p.lat is None or not (lo <= p.start < hi):
            continue
        span = parsed.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or span.root.i in inner or _origin(span.root):
            continue
        # "the Dorchester neighborhood": a place however the tagger labels the name
        if locative_use(parsed, p) or names_area(span.root):
            found.append(((_FEATURE_RANK.get(p.feature, 1), p.start), p))
    return min(found, key=lambda kp: kp[0])[1] if found else None


def _origin(tok) -> bool:
    """"Young men from the X neighbourhoods", "villagers from Y": where people come from
    (the object of a noun's "from", or a word of it), not where the clause happens (a
    verb's "escaped from the X jail" may be)."""
    while tok.dep_ in ("conj", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.pos_ in ("NOUN", "PROPN", "PRON")


def _set_off_participle(tok) -> bool:
    """A present participle after a comma that the parser joined as a conjunct."""
    return tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.i > 0 and tok.nbor(-1).text == ","


# head nouns of a named site: "the Anderson County Jail", "St. Mark's Cathedral", "the Oval Office"
_SITE_HEADS = FACILITY_HEADS | frozenset({"jail", "center", "centre", "synagogue", "temple", "courthouse", "station",
                                         "hotel", "mall", "house", "palace", "embassy", "consulate", "office",
                                         "base", "camp", "square", "park", "plaza", "building", "tower", "museum",
                                         "compound", "complex", "port", "harbour", "harbor", "checkpoint",
                                         "crossing", "motel", "inn", "restaurant", "nightclub", "club", "bar",
                                         "cafe", "theater", "theatre", "arena", "hall", "court", "library", "casino",
                                         "supermarket", "factory"})
# a town's quarter named by its own name, which gazetteers seldom hold ("Giza's Haram district")
_QUARTER_HEADS = frozenset({"district", "neighborhood", "neighbourhood", "quarter", "suburb"})
_SITE_LABELS = ("FAC", "ORG", "LOC", "GPE")  # a GPE only with a site's head: "Wyandotte County District Court"


def own_site(parsed: Parsed, members: list[Trigger], place_spans: list[tuple[int, int]]) -> str | None:
    """The named site a predicate of the event is directly at ("visited the White House",
    "held in the Columbia County Detention Center", "bombed the World Trade Center"): the
    most specific place the text names (docs/annotation.md), which the gazetteer seldom
    holds; the event keeps its place's coordinates and takes the site's name. `place_spans`:
    the report's place names, which name no site ("a Winnipeg jail" is in Winnipeg)."""
    for m in members:
        for head in {m.tok.i: m.tok, m.anchor.i: m.anchor}.values():
            objs = list(_locative_objects(head))
            for c in (c for c in head.children if c.dep_ == "dobj" and head.pos_ == "VERB"):
                objs.append((c, True))  # "killed six officers and a civilian in Giza's Haram district"
                objs += [o for t in (c, *(k for k in c.children if k.dep_ == "conj")) for o in _locative_objects(t)]
            if m.frame in _PLACE_TAKING:
                target = _unplaced_target(parsed, head, m.frame, place_spans)
                if target is not None:
                    return target
            for g, direct in objs:
                if not direct:
                    continue
                street = _street(g)
                if street is not None:
                    return street
                village = _unplaced_name(parsed, g, place_spans)
                if village is not None:
                    return village
                if g.ent_type_ not in _SITE_LABELS:
                    named = _named_common_site(g, place_spans)
                    if named is not None:
                        return named
                    continue
                e = next(e for e in parsed.ent_spans if e.start <= g.i < e.end)
                if e.root.i == g.i and _is_site(e):
                    return _without_the(e.text)
    return None


_VILLAGE_PREPS = frozenset({"in", "at", "near"})


def _settlement_of(g) -> bool:
    """"In the village of Olumbi": the name is the object of a settlement noun's "of"
    (place_words.csv's settlement nouns, which say the name they carry is a settlement's)."""
    return g.head.lower_ == "of" and g.head.head.lemma_.lower() in SETTLEMENT_NOUNS


def _without_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _unplaced_name(parsed: Parsed, g, place_spans: list[tuple[int, int]]) -> str | None:
    """"Went from house to house in Ruwi", "a base near Balidhidin", "a kraal in Lokitelaebu
    village": a place name the tagger saw (GPE or LOC) that the gazetteer does not hold,
    right after "in", "at" or "near", or a name with the unit noun that says what it is
    (`_unit_span`): a village or a quarter, the most specific place the text names for the
    event (docs/annotation.md). It keeps the coordinates of the place the event is
    otherwise given."""
    if g.dep_ != "pobj":
        return None
    unit = _unit_span(g)
    # "fired on the Shalbandai checkpost", "abducted on the Lokoja-Abuja highway": a named
    # site is where its event is, on or along it as much as in it
    along = unit is not None and g.head.lower_ in ("on", "upon", "along") and g.lemma_.lower() in SITE_NOUNS
    if g.head.lower_ not in _VILLAGE_PREPS and not _settlement_of(g) and not along:
        return None
    if unit is not None:
        e = unit
    elif g.pos_ != "PROPN":
        return None
    else:
        e = next((e for e in parsed.ent_spans if e.start <= g.i < e.end), None)
        # "at Reuters", "at Kenyatta": a newsroom or a person's, unless the tagger saw a
        # place or the name lies in one ("at Nadome in Tiaty")
        at_a_place = g.head.lower_ != "at" or _in_a_place(g, place_spans)
        if e is None and at_a_place:  # "in Tanjol": a name the tagger took for nothing
            e = g.doc[min(c.i for c in g.subtree if c.dep_ == "compound" or c.i == g.i):g.i + 1]
        elif e is not None and e.label_ not in ("GPE", "LOC") and not at_a_place:
            return None
        if e is None or e.root.i != g.i or len(e) > 3:
            return None
    if any(s < e.end_char and e.start_char < t for s, t in place_spans) or not _name_cased(e.text):
        return None
    if e.text.isupper() or _country_word(g) or is_named_actor(e.text) or any(
            c.dep_ in ("case", "poss") for c in g.children) or g.lower_ in _INSTITUTIONS or (
            g.ent_type_ in _NO_PLACE and not _product_in_a_place(g)):
        return None
    return _without_the(e.text)




# the nouns that say a name before them is a settlement or a part of one ("Lokitelaebu
# village", "the Kaweni neighbourhood", "Al-Jubah district"): place_words.csv's settlement
# and quarter nouns; an admin unit's word only as a sub-unit ("Kacheri Sub-county"), for
# "Mamdi department" holds the town its event is in, not a place inside it
_UNIT_NOUNS = SETTLEMENT_NOUNS | QUARTER_NOUNS | {
    # a district's sub-units ("Samarbagh tehsil", "Dibate woreda") and named wilds a
    # gazetteer seldom holds ("the dense Hafruda forest")
    "tehsil", "taluka", "taluk", "mandal", "woreda", "forest", "forests", "valley"} | SITE_NOUNS


def _unit_span(g):
    """"Lokitelaebu village", "Al-Jubah district": the proper name compounded before a unit
    noun, with the noun (the span a reader finds the place by); None for any other word."""
    names = [c for c in g.children if c.dep_ == "compound" and c.i < g.i]
    sub_unit = g.lemma_.lower() in ADMIN_WORDS and any(c.lower_ == "sub" for c in names)
    if g.lemma_.lower() not in _UNIT_NOUNS and not sub_unit:
        return None
    if not names or names[0].pos_ != "PROPN" or names[0].lower_ == "sub":
        return None
    first = min(t.i for c in names for t in c.subtree)  # "Mieh Mieh refugee camp"
    return g.doc[first:g.i + 1] if g.i - first <= 4 else None


def _in_a_place(g, place_spans: list[tuple[int, int]]) -> bool:
    """"At Nadome in Tiaty": a name followed by "in" and a place (the report's, the
    tagger's, or a name it left untyped) is a place; a person or a newsroom is not said to
    be in a county. The parser may hang the "in" on the verb, so the words are read in order."""
    doc = g.doc
    if g.i + 2 >= len(doc) or doc[g.i + 1].lower_ != "in":
        return False
    nxt = doc[g.i + 2] if doc[g.i + 2].lower_ != "the" or g.i + 3 >= len(doc) else doc[g.i + 3]
    return nxt.ent_type_ in ("GPE", "LOC") or any(s <= nxt.idx < t for s, t in place_spans) or (
        nxt.pos_ == "PROPN" and not nxt.ent_type_ and nxt.text[:1].isupper())  # a name the tagger left untyped


def _name_cased(text: str) -> bool:
    """A name as names are written: capitalised, or after the Arabic article in lower case
    ("al-Nekheila")."""
    head, _, rest = text.partition("-")
    return text[:1].isupper() or (head in ARTICLES_LOWER and rest[:1].isupper())


# frames whose object may be the place itself: a town taken, entered, stormed or shelled
_PLACE_TAKING = frozenset({"CAPTURE", "RETAKE", "ENTER", "ATTACK", "SHELL", "AIRSTRIKE", "BOMB"})


def _unplaced_target(parsed: Parsed, verb, frame: str, place_spans: list[tuple[int, int]]) -> str | None:
    """"Rebels seized control of Nyanzale", "soldiers stormed Ediki", "Tajik forces shelled
    Kok-Tash": the proper noun a territorial or an attacking verb has for its object, which
    the gazetteer does not hold, names the event as a village named "in X" does
    (`_unplaced_name`). The tagger often takes such a name for a person or an organisation;
    what is shelled, stormed or entered, or whose control is seized, is a place; what is
    captured or attacked is one when the tagger says so ("captured Smith" took a man)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() == "control":  # "took control of X"
        obj, frame = of_object(obj), "ENTER"
    settlement = obj is not None and obj.lemma_.lower() in SETTLEMENT_NOUNS
    # "attacked Khamenlok village" names one, "attacked a Fulani settlement" tells whose it is
    named_settlement = settlement and not any(c.dep_ == "det" for c in obj.children)
    if settlement:  # "attacked Palma town", "the village of Olumbi"
        named = of_object(obj) or next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        obj, frame = (named, "ENTER") if named is not None and named.pos_ == "PROPN" else (obj, frame)
    if obj is None or obj.pos_ != "PROPN" or not obj.text[:1].isupper() or obj.text.isupper():
        return None
    if not (frame in _AT_PLACES or verb.lemma_.lower() in _STORMING or obj.ent_type_ in ("GPE", "LOC", "FAC")):
        return None
    e = next((e for e in parsed.ent_spans if e.start <= obj.i < e.end), None)
    span = e if e is not None and e.root.i == obj.i else obj.doc[
        min(c.i for c in obj.subtree if c.dep_ == "compound" or c.i == obj.i):obj.i + 1]
    if len(span) > 3 or any(s < span.end_char and span.start_char < t for s, t in place_spans):
        return None
    # a village's name is one whatever kind of name the tagger took it for, but a time
    no_place_name = obj.ent_type_ in ({"DATE", "TIME"} if named_settlement else _NO_PLACE)
    if _country_word(obj) or is_named_actor(span.text) or no_place_name or \
            obj.lower_ in _INSTITUTIONS or any(c.dep_ in ("case", "poss") for c in obj.children):
        return None  # "stormed Parliament", "stormed the President's House": a body's seat, a site
    return _without_the(span.text)


# frames whose object is a place whatever the tagger calls it, and verbs of storming one
_AT_PLACES = frozenset({"SHELL", "AIRSTRIKE", "ENTER"})
_STORMING = frozenset({"storm", "overrun", "raid", "besiege"})


def _product_in_a_place(g) -> bool:
    """"Two cars were set alight in Barlanark": a lone name after "in" that the tagger calls a
    product is a place it does not know (a product is used, not happened in)."""
    return g.ent_type_ == "PRODUCT" and g.head.lower_ == "in" and g.ent_iob_ == "B" and (
        g.i + 1 == len(g.doc) or g.doc[g.i + 1].ent_iob_ != "I")


# names after "in" that are bodies, not places ("in Parliament", "in Congress")
_INSTITUTIONS = frozenset({"parliament", "congress", "senate", "assembly", "court", "cabinet", "government",
                           "council", "office", "power", "custody", "prison", "jail", "hospital"})
_NO_PLACE = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT",
                       "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"})


def _street(tok) -> str | None:
    """A named street or numbered road the event is on ("arrested on Vaughn Ridge Road",
    "marched along Northwest 8th Avenue", "stopped on CR 367"; the locatives reach "the
    1900 block of Orchard St." through its area noun): the most specific place a police or
    protest report names, which no gazetteer holds. The words are place_words.csv's."""
    if not tok.text[:1].isupper():
        return None
    if tok.lower_ in STREET_NOUNS:
        mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod", "nummod")]
        if not mods or not all(c.text[:1].isupper() or c.text[:1].isdigit() for c in mods):
            return None
        start = min(c.left_edge.i for c in mods)
        while start < tok.i - 1 and tok.doc[start].text.isdigit():
            start += 1  # "131 West 23rd Street": the street, not the house ("72 Avenue" is a street's name)
        return tok.doc[start:tok.i + 1].text
    number = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ in ROAD_PREFIXES and number is not None and number.text.isdigit() and number.head.i == tok.i:
        return tok.doc[tok.i:number.i + 1].text
    return None


def _named_common_site(noun, place_spans: list[tuple[int, int]]) -> str | None:
    """"in the Mieh Mieh refugee camp", "at the Kakuma camp": a site's common noun named by
    the proper nouns before it, which the tagger leaves out of any place entity."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _SITE_HEADS | _QUARTER_HEADS:
        return None
    mods = [c for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "amod", "nmod")]
    names = [c for c in mods if c.pos_ == "PROPN"]
    if not names or any(c.ent_type_ in ("GPE", "NORP") or any(s <= c.idx < e for s, e in place_spans)
                        for c in names):
        return None  # "a Winnipeg jail", "the U.S. compound": a town's or a country's, placed by it
    start = min(c.left_edge.i for c in mods)
    return noun.doc[start:noun.i + 1].text


def _is_site(ent) -> bool:
    head = ent.root.lemma_.lower()
    return (ent.label_ == "FAC" or head in _SITE_HEADS) and head not in ("department", "ministry") and len(ent) > 1


def _in_country(tok, p: Place) -> bool:
    """"Sentenced to a prison term in Georgia": a country named with "in" anywhere in the
    clause is where its act happened, though the parser hangs it on a noun."""
    return p.feature == "country" and tok.dep_ == "pobj" and tok.head.lower_ == "in"


def contains(outer: Place, inner: Place) -> bool:
    """`inner` lies in `outer` (a country or admin1 region holding a city or district, a town
    holding its quarter)."""
    if _FEATURE_RANK.get(outer.feature, 1) <= _FEATURE_RANK.get(inner.feature, 1) or outer.country != inner.country:
        return False
    if outer.feature == "country":
        return True
    if outer.feature == "city":
        return bool(inner.within) and norm_name(inner.within) == norm_name(outer.name)
    return outer.feature in ("admin1", "region") and (
        inner.admin1 in (outer.admin1, outer.name) or inner.within == outer.name)


def holds_setting(outer: Place, setting: Place) -> bool:
    """`outer` holds the report's setting, so says less than it: a region, or a district
    or county the setting town lies in (a county seat), not a sibling district of the
    same state ("in Safana" in a report from Katsina town)."""
    if outer.feature == "city" or not contains(outer, setting):
        return False  # a town its own clause names is where the event is, whichever quarter the report is in
    return outer.feature != "admin1" or setting.admin1 == outer.name or setting.within == outer.name \
        or _own_admin1(outer) or _around(outer, setting)


# how near a district's or county's centre a town must be to count as lying in it
DISTRICT_KM = 30.0


def _own_admin1(p: Place) -> bool:
    """The region is its admin1 ("Katsina State", admin1 Katsina), not a district or county
    within one, which the contract also calls admin1 ("Safana", admin1 Katsina)."""
    own, name = set(norm_name(p.admin1 or "").split()), set(norm_name(p.name).split())  # "Jammu and Kashmīr"
    return bool(own) and (own <= name or name <= own)


def _around(district: Place, town: Place) -> bool:
    """A town near a district's or county's centre lies in it (a county seat); one farther
    off is in a sibling district of the same state ("in Safana" in a report from Katsina)."""
    if None in (district.lat, district.lon, town.lat, town.lon):
        return True
    return _km(district.lat, district.lon, town.lat, town.lon) <= DISTRICT_KM


# PLOVER acts done to people or things where they are (an arrest, a raid, a sanction's
# seizure, troops moved, aid delivered); the verbal and diplomatic ones (a veto, an
# accusation, talks) are done in a capital or a hall the report seldom names
_PHYSICAL_PLOVER = frozenset({"ASSAULT", "PROTEST", "COERCE", "SANCTION", "MOBILIZE", "AID", "RETREAT"})


def _happens_somewhere(ev: Event) -> bool:
    return ev.event_type is not None or (ev.plover or "").upper() in _PHYSICAL_PLOVER


def place_events(located: list[tuple[Event, Place | None]], frame: ReportFrame,
                 sites: dict[int, str] | None = None) -> list[Place | None]:
    """Settle the frame's place from where the report's current incidents happen, then
    place every event: its own place, else the report's setting (`setting_place`); an
    event at a named site (`sites`, id(event) -> name) is named by it, at its place's
    coordinates (the store and fusion find that place by them). Returns each event's
    place, in order."""
    weight = dict(frame.weights)
    first: dict[str, Place] = {}
    happened: dict[str, float] = {}
    for ev, p in located:
        if p is None or ev.event_type is None or ev.timing != "current":
            continue
        w = 3.0 * (2.0 if ev.start < frame.lead_end else 1.0)
        add_weight(weight, first, p, w)
        bump(happened, p.name, w)
        if p.within:
            bump(weight, p.within, 0.5 * w)
    frame.choose(weight, first, happened)
    country, town = _frame_country_place(frame), _setting_town(frame)
    placed: list[Place | None] = []
    told = _told_just_before(located)
    towns = {q.name.lower() for q in [frame.place, *(q for _, q in located)]
             if q is not None and q.feature in _TOWN_FEATURES}
    for ev, p in located:
        how = "clause"
        if p is None and id(ev) in told:
            p, how = told[id(ev)], "discourse"
        if p is None or (frame.place is not None and (holds_setting(p, frame.place) or _vaguer(p, frame.place))):
            setting = setting_place(ev, frame, country, town)
            if setting is not None:
                p, how = setting, "frame"
        if p is not None:
            ev.place, ev.lat, ev.lon = _display_name(p.name), p.lat, p.lon
            own = p.precision if p.feature != "country" else "country"
            ev.geo_precision = "report-focus" if how == "frame" else own
        site = (sites or {}).get(id(ev))
        if site is not None and ev.timing != "generic":
            # the coordinates (and their precision) stay its place's
            ev.place = _site_name(site, p, towns, frame.places.values())
        placed.append(p)
    return placed


# the admin words a report may write after a region's name ("Zabul province")
_ADMIN_WORDS = re.compile(r"\s+(?:province|region|state|district|county|prefecture|governorate)$", re.I)


def region_key(name: str) -> str:
    """A region's lookup key without the admin word a report writes after it ("Zabul province")."""
    return norm_name(_ADMIN_WORDS.sub("", name))


def as_written(name: str, places: Iterable[Place]) -> str:
    """A gazetteer's name ("Zābul") as the report spells it ("Zabul", "Zabul province"),
    when it names it: a reader, and a coder's search, find the place by the report's
    own spelling. A dateline's capitals are not a spelling."""
    key = norm_name(name)
    written = sorted({_ADMIN_WORDS.sub("", p.name) for p in places if region_key(p.name) == key} - {name},
                     key=lambda n: (n.isupper(), n))
    return written[0] if written and not written[0].isupper() else name


def _site_name(site: str, p: Place | None, towns: set[str], places: Iterable[Place] = ()) -> str:
    """A site or street named with the town (or district) it is in, as an address is written
    ("14th St., Chattanooga", "Petit Cambodge restaurant, Paris"): the site alone names no
    place a reader can find, and its coordinates are the town's. A region or a country adds
    nothing a reader needs ("Mieh Mieh refugee camp", not "..., Lebanon"); a street the
    places stage found is named with its town only when the report's events or setting are
    in that town (`towns`, lower case)."""
    site = " ".join(site.split())  # a headline's trailing line break, a name run over two lines
    town = None if p is None else p.name if p.feature in _TOWN_FEATURES else (
        p.within if p.feature == "landmark" and (p.within or "").lower() in towns else None)
    if town is None or town.lower() in site.lower():
        return site
    return f"{site}, {_display_name(as_written(town, places))}"


def _display_name(name: str) -> str:
    """A dateline's capitals as a place is written ("ATLANTA" -> "Atlanta"); an acronym
    ("USA", "DRC") as it is; never with the line break a headline's last word may carry."""
    name = name.strip()
    return name.title() if name.isupper() and sum(ch.isalpha() for ch in name) > 4 else name


_TAKES_A_PLACE = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                            "Non-violent transfer of territory"})
# how far (characters) an unplaced mention may follow a placed one of its kind and take its place
CONTINUED_CHARS = 300


def _told_just_before(located: list[tuple[Event, Place | None]]) -> dict[int, Place]:
    """id(event) -> the place of the mention of its kind just before it: "the police killing
    of a man in Sacramento. Stephon Clark, 22, was shot by officers ..." goes on telling
    the incident placed a sentence before, not one in the report's setting."""
    out: dict[int, Place] = {}
    last: tuple[tuple[str, str | None], Place, int] | None = None
    for ev, p in sorted(located, key=lambda x: x[0].start):
        if ev.sub_event_type in _TAKES_A_PLACE:
            continue  # "took the Old City ... more neighbourhoods fell": each capture is of its own place
        kind = (ev.event_type or ev.plover or "", ev.timing)  # a recalled incident is not the news told after it
        if p is not None and ev.timing != "generic":
            last = (kind, p, ev.end)
        elif p is None and last is not None and last[0] == kind and 0 <= ev.start - last[2] <= CONTINUED_CHARS:
            out[id(ev)] = last[1]
    return out


# how near a many-country region's point the frame's place must be to lie in it
REGION_KM = 1500.0


def _vaguer(p: Place, setting: Place) -> bool:
    """A region of many countries or a sea ("in the Middle East") says less than the
    report's setting when that lies in it ("Manbij")."""
    if not many_countries(p) or p.lat is None or setting.lat is None:
        return False
    return _km(p.lat, p.lon, setting.lat, setting.lon) <= REGION_KM


def setting_place(ev: Event, frame: ReportFrame, country: Place | None, setting: Place | None) -> Place | None:
    """Where an event its clause does not locate happened, as a coder reads the report
    (docs/annotation.md: "from the report's setting"): an incident done to people or
    things, current or recalled, at the frame's place; a verbal act (a charge, a promise,
    a refusal) by the frame country's own actors, there too (a court's indictment is where
    the report is); a foreign actor's recalled verbal act, in the frame's country; a
    foreign actor's current statement or a generic one, nowhere (a veto in New York is not
    an event in Aleppo). `setting`: the frame's town (`_setting_town`)."""
    if ev.timing == "generic":
        return None
    if ev.timing != "current":
        return setting if _happens_somewhere(ev) or _domestic(ev, frame.country) else country
    if _happens_somewhere(ev) or _domestic(ev, frame.country):
        return setting
    return None


def _setting_town(frame: ReportFrame) -> Place | None:
    """The frame's place, or the town holding it when it is a quarter of a town the report
    names ("north Minneapolis"): one incident's quarter is not where the report's others are."""
    p = frame.place
    if p is None or p.feature not in ("district", "landmark") or not p.within:
        return p
    towns = [q for q in frame.places.values() if q.feature == "city" and q.lat is not None
             and norm_name(q.name) == norm_name(p.within)]
    return min(towns, key=lambda q: q.start) if towns else p


def _domestic(ev: Event, iso2: str | None) -> bool:
    """Every actor the event names is of the frame's country (or of none stated)."""
    if iso2 is None:
        return False
    iso3 = countries().iso2_to_iso3.get(iso2.upper())
    named = [a for a in (ev.actor1, ev.actor2) if a is not None and a.country]
    return all(a.country == iso3 for a in named)


def _frame_country_place(frame: ReportFrame) -> Place | None:
    """The frame's country as the report names it, else as the gazetteer does."""
    if frame.country is None:
        return None
    named = [p for p in frame.places.values() if p.feature == "country" and p.country == frame.country]
    if named:
        return min(named, key=lambda p: p.start)
    e = get_gazetteer().country(frame.country)
    if e is None:
        return None
    return Place(name=e.name, start=-1, end=-1, lat=e.lat, lon=e.lon, geonameid=e.id, country=e.country,
                 feature="country", precision="country")
