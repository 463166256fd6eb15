"""Actors of an event the ACLED way: role fillers resolved to actors, the government
acting by force as its state forces, an unnamed captor as the state, the counterpart of a
one-sided battle."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import VIOLENT_EVENT_TYPES, ActorRef, Event, Extraction
from . import actors
from .event_clauses import Role, _np_span, of_object
from .event_lexicon import (
    _ARMED_KINDS,
    _AS_ARMED,
    _NON_STATE,
    _PRONOUNS,
    _TITLES,
    Lexicon,
    TypeRow,
    _cue_kind,
    _cues,
    sentence_of,
)
from .parse import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Token


# Frames that describe physical happenings ACLED codes (they group with each other);

# ---------------------------------------------------------------------------- actors
def _actor_ref(role: Role | None, parsed: Parsed, ex: Extraction, lex: Lexicon,
               ctx: DocContext) -> ActorRef | None:
    if role is None:
        return None
    tok = role.tok
    if tok.lower_ in _PRONOUNS and tok.ent_type_ not in ("GPE", "NORP", "ORG"):  # "US strike": no "us"
        # "Hungary has said it will support ...": it is Hungary; "Putin said ... He asked
        # Turkey to ...": he is the person the previous sentence is about
        tok = speaker_of(tok) or main_clause_subject(tok) or previous_subject(tok)
        if tok is None:
            return None
    tok = _of_whom(tok)
    if role.how == "nationality of the act":
        # "Israeli strikes killed 12": the state's forces (as actor_patterns.csv names them)
        named = actors.actor_at(ex, tok.idx, tok.idx + len(tok.text))
        country = named.country if named is not None else _fallback_actor(tok, tok.idx, tok.idx + len(tok.text),
                                                                          parsed, lex, ctx).country
        name = actors.country_name(country)
        return ActorRef(f"Military Forces of {name}" if name else tok.text, "state_forces", country)
    start, end = _np_span(tok)
    if _HELD.search(parsed.text[start:end]) and (tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or any(
            p.start < end and start < p.end for p in ex.places)):
        return None  # "government-held west Aleppo" is a place, not the government
    owner = owners_speaker(tok)
    said = actors.actor_at(ex, *_np_span(owner)) if owner is not None else None
    if said is not None:  # "a KNLA commander said his troops overran an outpost": the KNLA's troops
        return ActorRef(said.name, _AS_ARMED.get(said.kind, said.kind), said.country)
    hit = actors.actor_at(ex, start, end)
    if hit is not None:
        ref = ActorRef(hit.name, hit.kind, hit.country)
        # "the country's soldiers": the head says the role; "the Arakan Army": a word of the
        # actor's own name says nothing the actor table does not
        head_kind = _cue_kind(tok.text, lex) if tok.text not in hit.name.split() else None
        # ... but "the Chin resistance forces": the words before the head say what the forces are;
        # an armed side's "forces" or "troops" are that side ("the NAS forces", "SPLA-IO troops")
        if head_kind in _ARMED_KINDS | {"protesters", "rioters"} and ref.kind != head_kind and not (
                head_kind == "state_forces" and ref.kind in _ARMED_KINDS) and \
                _cue_kind(parsed.text[start:end], lex) != ref.kind:
            return ActorRef(parsed.text[start:end], head_kind, ref.country)
        return ref
    return _fallback_actor(tok, start, end, parsed, lex, ctx)


# Nouns that only count or gather the people named after "of": "a group of Moroccan
# diplomats", "dozens of protesters", "members of the security forces" act as those people
_PARTITIVES = frozenset({"group", "team", "delegation", "number", "dozen", "dozens", "hundred", "hundreds", "thousand",
                         "thousands", "member", "members", "band", "crowd", "handful", "contingent", "unit", "squad",
                         "cell", "faction", "detachment", "platoon", "column", "personnel", "men", "elements"})


def _of_whom(tok):
    """The people a partitive noun or a number counts ("a group of X", "four of X" -> X),
    else the noun itself."""
    if tok.lemma_.lower() not in _PARTITIVES and tok.lower_ not in _PARTITIVES and not tok.like_num:
        return tok  # a number counts them too: "four of the officers"
    pobj = of_object(tok)
    return pobj if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") else tok


_SPEECH = frozenset({"say", "announce", "state", "declare", "insist", "claim", "confirm", "warn", "tell", "add",
                     "report", "vow", "pledge", "promise", "threaten", "indicate", "signal", "reply", "agree"})
_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def speaker_of(pronoun):
    """The referent of a subject pronoun in a clause reported by a speech verb, when that
    verb's own subject names someone: "Syria says it will not accept" -> Syria."""
    if pronoun.lower_ not in _SUBJECT_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    speaker = _speaker_above(pronoun.head)
    # "They set fire to houses ..., witnesses said": a speaker named after the words tells
    # them; the pronoun goes on from the sentences before
    return speaker if speaker is not None and speaker.i < pronoun.i else None


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
# what a speaker's side fights with: "its troops", "their drones" (not "his airbags")
_FORCE_NOUNS = frozenset({"troop", "force", "fighter", "soldier", "unit", "militant", "man", "drone", "aircraft",
                          "jet", "warplane", "artillery", "defense", "defence", "gunman", "army", "militia", "police",
                          "officer", "member", "brigade", "battalion", "commando"})


def owners_speaker(noun):
    """The speaker a possessive stands for when the noun it owns is a subject in what that
    speaker said: "Russia's Defense Ministry claimed its troops had liberated the village",
    "a KNLA commander said his troops overran an outpost" -> the ministry, the commander."""
    if noun.lemma_.lower() not in _FORCE_NOUNS or noun.dep_ not in ("nsubj", "nsubjpass") or not any(
            c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in noun.children):
        return None
    return _speaker_above(noun.head)


def _speaker_above(verb):
    """The named subject of the speech verb one or two clauses above `verb`."""
    for _ in range(2):
        if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.lemma_.lower() in _SPEECH:
            # the subject nearest the verb: a dateline the parser made a second subject
            # ("SITTWE, Myanmar - The Arakan Army said it ...") is farther off
            subj = max((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                       key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i), default=None)
            if subj is not None and subj.lower_ not in _PRONOUNS:
                return subj
    return None


# the nouns a "he" or "she" can stand for when no name is given ("The president ... as he met")
_PERSON_NOUNS = _TITLES | {"chief", "officer", "man", "woman"}
_SIDE_CLAUSES = ("advcl", "conj", "ccomp")


def main_clause_subject(pronoun):
    """A subject "he", "she" or "they" of a side clause ("as he met ...", "and then she
    flew ...") is the nearest subject up the clauses it hangs on that can be what the
    pronoun stands for: a person for "he"/"she", a plural or a group for "they" ("The
    president made clear his patience was running out as he met ..." -> the president)."""
    if pronoun.lower_ not in ("he", "she", "they", "it") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    for _ in range(3):
        if verb.dep_ not in _SIDE_CLAUSES or verb.head.i == verb.i:
            return None
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if subj.lower_ in _PRONOUNS or subj.i > pronoun.i:
            return None  # "They set fire ..., witnesses said": who tells it after the words is not who did it
        if _can_stand_for(pronoun.lower_, subj):
            return subj
    return None


def _can_stand_for(pronoun: str, subj) -> bool:
    if pronoun == "they":
        return subj.tag_ in ("NNS", "NNPS") or subj.ent_type_ in ("NORP", "ORG")
    if pronoun == "it":  # "the patrol was returning ... when it came under fire": a thing
        return subj.tag_ == "NN" and subj.ent_type_ == ""
    return subj.ent_type_ == "PERSON" or (subj.tag_ == "NN" and subj.lemma_.lower() in _PERSON_NOUNS)


def previous_subject(pronoun):
    """A sentence-subject "he"/"she" continues the person the previous sentence's main
    clause is about (its subject, a named person), "they" the people it is about (a plural
    noun subject) and "it" the thing (a singular common noun): the preferred antecedent of
    centering theory. Nothing else is resolved: no object, no person in a side clause."""
    if pronoun.lower_ not in ("he", "she", "they", "it") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = sentence_of(pronoun)
    if sent.start == 0 or any(t.ent_type_ == "PERSON" or (pronoun.lower_ == "they" and t.tag_ == "NNS")
                              for t in pronoun.doc[sent.start:pronoun.i]):
        return None  # a person (or people) earlier in its own sentence is a nearer antecedent: leave it
    prev = sentence_of(pronoun.doc[sent.start - 1])
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if pronoun.lower_ == "they":  # "Attackers ... entered the village. They set fire to houses"
        return subj if subj.tag_ == "NNS" and subj.dep_ == "nsubj" else None
    if pronoun.lower_ == "it":  # "A police patrol was ambushed ... It came under fire": the patrol
        return subj if _can_stand_for("it", subj) else None
    return subj if subj.ent_type_ == "PERSON" else None


_HELD = re.compile(r"-(held|controlled|besieged|occupied)\b", re.I)


def _fallback_actor(tok: Token, start: int, end: int, parsed: Parsed, lex: Lexicon,
                    ctx: DocContext) -> ActorRef | None:
    text = parsed.text[start:end]
    cues = _cues(text, lex)
    kinds = [v for v, _ in cues.get("actor", ())]
    country = None
    for t in tok.doc[tok.left_edge.i: tok.i + 1]:
        if t.ent_type_ in ("GPE", "NORP"):
            country = _country_of(t, lex) or country
    if tok.ent_type_ == "GPE" and not kinds:
        kinds = ["government"]
    if not kinds:
        if tok.ent_type_ in ("ORG", "NORP"):
            return ActorRef(text, None, country)
        return None
    # rebel/militia words beat the generic "forces" ("rebel forces", "Kurdish militia forces")
    order = ["rioters", "protesters", "rebels", "political_militia", "identity_militia",
             "external_forces", "state_forces", "international_org", "ngo", "government", "civilians"]
    kind = min(kinds, key=lambda k: order.index(k) if k in order else 99)
    if kind == "civilians" and len(set(kinds)) > 1:
        kind = min((k for k in kinds if k != "civilians"), key=lambda k: order.index(k) if k in order else 99)
    if country is None and kind not in ("civilians", "international_org", "ngo"):
        country = ctx.focus
    return ActorRef(text, kind, country)


def _country_of(tok: Token, lex: Lexicon) -> str | None:
    span = tok.doc[tok.i: tok.i + 1]
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            span = ent
            break
    key = span.text.lower()
    return actors.country_of(key) or (actors.country_of(key[:-1]) if key.endswith("s") else None)


# ---------------------------------------------------------------------------- context
@dataclass
class DocContext:
    focus: str | None = None
    last_captor_state: bool | None = None
    opponents: dict[str, ActorRef] | None = None  # side -> the report's main armed actor (lazy)
    allies: frozenset[str] | None = None  # states whose forces fight beside the focus state's (lazy)
    strikes_named: list[tuple[int, bool]] | None = None  # (offset, a labour strike?) of its named strikes (lazy)
    bombs_named: bool = False  # the report names a bomb or explosives somewhere
    air_bombs: bool = False  # the report names bombs dropped from the air ("guided aerial bombs")
    air_strikes: bool = False  # the report names air strikes ("air strikes", "an air raid")
    planted_bombs: bool = False  # the report names a bomb someone plants or drives (IED, suicide cues)
    shelling: bool = False  # the report names shells, shelling or artillery, and no air strike
    mining_named: bool = False  # the report is about mining: its mines are pits
    officials: frozenset[str] = frozenset()  # surnames of people the report names with an office
    names: frozenset[str] = frozenset()  # words of the people the report names (no event words)
    # first tokens of the sentences a demonstration's scene covers: one that names protesters,
    # a protest or a march, and the next three (README, "a demonstration has a scene")
    protest_scene: frozenset[int] = frozenset()
    # the same for a riot named as such ("rioting", "disorder", "violence erupted") where no
    # demonstration is: its burnt cars and looted shops are the mob's
    riot_scene: frozenset[int] = frozenset()
    communal: bool = False  # the report names a religious occasion or communal strife (events.communal)
    young_rioters: bool = False  # its unrest is done by youths or students (events.young_rioters)
    extraction: Extraction | None = None  # the report's actors, for names no role holds (actors.actor_at)



def _acled_roles(row: TypeRow, frames, actor1, actor2, ctx: DocContext):
    note = ""
    if row.event_type not in (None, "Protests") and actor1 is not None and actor1.kind in _AS_ARMED:
        actor1 = ActorRef(actor1.name, _AS_ARMED[actor1.kind], actor1.country)
        note = "government acting by force coded as state forces"
    if row.event_type == "Battles" and actor1 is not None and actor1.kind == "civilians" \
            and actor2 is not None and actor2.kind == "state_forces":
        # "a man killed a police officer": ACLED names a lone attacker of security forces
        # an unidentified armed group
        actor1, note = _unnamed_group(ctx.focus), "a person fighting security forces: unidentified armed group"
    state = ("state_forces", "government", "external_forces")
    if row.code == "GOV_REGAINS" and (actor1 is None or actor1.kind not in state):
        loser = actor1
        country = actors.country_name(ctx.focus) or ctx.focus
        actor1 = ActorRef(f"Military Forces of {country}" if country else "state forces", "state_forces", ctx.focus)
        if loser is not None and actor2 is None:
            actor2 = loser
        note = "captor not named: state forces of the report's country"
    if row.code == "NSA_OVERTAKES" and "LOSE" in frames and actor1 is not None and actor1.kind in state[:2]:
        actor1, actor2 = actor2, actor1
    if row.code in ("ATTACK_CIVILIANS", "SEXUAL_VIOLENCE", "ABDUCTION") and actor2 is None:
        actor2 = ActorRef("civilians", "civilians", ctx.focus)
    if actor1 is None:
        actor1, unnamed = _unnamed_actor1(row, ctx)
        note = note or unnamed
    return actor1, actor2, note




def _unnamed_actor1(row: TypeRow, ctx: DocContext) -> tuple[ActorRef | None, str]:
    """ACLED's names for a perpetrator the report does not name: violence by an
    "Unidentified armed group (Country)", an arrest by the country's police."""
    if row.event_type in VIOLENT_EVENT_TYPES and row.code not in ("GOV_REGAINS",):
        return _unnamed_group(ctx.focus), "perpetrator not named: unidentified armed group"
    if row.code == "ARRESTS":
        return _unnamed_police(ctx.focus), "no agent named: the country's police"
    return None, ""


# words of a legal act that only a state's police, prosecutors or courts perform: when no
# one is named ("he was charged with murder", "was sentenced to five years"), they did it
_LEGAL_ACTS = frozenset({"charge", "indict", "indictment", "prosecute", "prosecution", "sentence", "convict",
                         "face", "jail", "imprison", "cite", "citation"})


def unnamed_authority(plover: str | None, words: set[str], ctx: DocContext) -> tuple[ActorRef | None, str]:
    """The accuser or judge of a charge, an indictment or a sentence nobody is named
    for: the report's country's authorities (a government actor, as ACLED and PLOVER code
    prosecutors and courts); the searcher of premises searched by no one named: the
    country's police."""
    if plover == "COERCE" and "search" in words:
        return _unnamed_police(ctx.focus), "no searcher named: the country's police"
    if plover not in ("ACCUSE", "SANCTION") or not words & _LEGAL_ACTS:
        return None, ""
    return _unnamed_authorities(ctx.focus), "no accuser or court named: the country's authorities"


def _unnamed_authorities(iso3: str | None) -> ActorRef:
    """Named as the actors stage names "the authorities" (actor_patterns.csv), so the two
    are one actor across reports."""
    country = actors.country_name(iso3)
    return ActorRef(f"Government of {country}" if country else "Government", "government", iso3)


UNIDENTIFIED = "Unidentified armed group"


def _unnamed_group(iso3: str | None) -> ActorRef:
    country = actors.country_name(iso3)
    return ActorRef(f"{UNIDENTIFIED} ({country})" if country else UNIDENTIFIED, "political_militia", iso3)


def _unnamed_police(iso3: str | None) -> ActorRef:
    country = actors.country_name(iso3)
    return ActorRef(f"Police forces of {country}" if country else "Police forces", "state_forces", iso3)


def localise_unnamed(ev: Event, place_country: str | None) -> None:
    """An unnamed perpetrator is of the country where the event happened (ISO2
    `place_country`), which may not be the report's: a spy of one country poisoned in
    another is attacked by an unidentified group of the second."""
    iso3 = actors.countries().iso2_to_iso3.get(place_country or "")
    a1 = ev.actor1
    if iso3 is None or a1 is None or a1.country == iso3:
        return
    for make in (_unnamed_group, _unnamed_police, _unnamed_authorities):
        if a1 == make(a1.country):
            ev.actor1 = make(iso3)


# Victims whose killing makes the target of a remote attack civilians (ACLED codes the
# people hit, not the place): "killing 11 people", "wounding 40 residents".
_CIVILIAN_UNITS = {"people", "person", "persons", "civilian", "civilians", "resident", "residents",
                   "child", "children", "woman", "women", "villager", "villagers", "worshipper",
                   "worshippers", "passenger", "passengers", "student", "students", "patient", "patients"}


def _infer_counterpart(ev: Event, ex: Extraction, ctx: DocContext) -> None:
    """Fill an empty actor2 from what the report says elsewhere, and say so in the rule.

    - A battle always has two sides (ACLED): when only one is named in the sentence, the
      other is the report's main armed opponent of that side (state forces against the
      dominant non-state armed group, and the reverse), if one clearly dominates.
    - A remote attack that killed people ("launched shells ..., killing 11 people")
      targets civilians when its victims are counted as people, not fighters."""
    if ev.actor2 is not None or ev.actor1 is None:
        return
    if ev.event_type == "Battles":
        opp = _main_opponent(ex, ev.actor1, ctx)
        if opp is not None:
            ev.actor2 = opp
            ev.rule = (ev.rule or "") + "; actor2 inferred: the report's main opposing armed actor"
    elif ev.event_type == "Explosions/Remote violence" and ev.fatalities is not None:
        units = {(f.unit_stated or "").lower() for f in ex.figures
                 if f.category in ("killed", "injured") and ev.start <= f.start < ev.end}
        if units & _CIVILIAN_UNITS:
            ev.actor2 = ActorRef("civilians", "civilians", ctx.focus)
            ev.rule = (ev.rule or "") + "; actor2 inferred: victims counted as people"


def _main_opponent(ex: Extraction, actor1: ActorRef, ctx: DocContext) -> ActorRef | None:
    if ctx.opponents is None:
        ctx.opponents = {}
        for side, kinds in (("state", {"state_forces"}), ("non_state", _NON_STATE)):
            ranked = sorted((a for a in ex.actors
                             if a.kind in kinds and (side == "non_state" or a.country == ctx.focus)),
                            key=lambda a: (-len(a.mentions), a.name))
            # a main party: named at least twice and clearly more often than any rival
            if ranked and len(ranked[0].mentions) >= 2 and (
                    len(ranked) == 1 or len(ranked[0].mentions) >= 1.5 * len(ranked[1].mentions)):
                top = ranked[0]
                ctx.opponents[side] = ActorRef(top.name, top.kind, top.country)
    if actor1.kind in ("state_forces", "external_forces", "government"):
        opp = ctx.opponents.get("non_state")
    elif actor1.kind in _NON_STATE:
        opp = ctx.opponents.get("state")
    else:
        return None
    return opp if opp is not None and opp.name != actor1.name else None



