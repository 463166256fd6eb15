"""Incidents: the mentions of one happening in a report merged into one event.

A report tells its main incident several times — the lead, "the attack", the toll, the
reactions to "the assassination". Each mention is evidence (`mentions`), the incident is
one event with one ACLED type (its most specific mention's: a "suicide car bomb" makes
"the blast" a suicide bombing too), its most precise date and place, its named actors and
its highest stated toll (tolls rise as a report goes on).

A mention joins an earlier incident when it refers back to it — a definite or
demonstrative event noun ("the attack", "this bombing", "Karlov's assassination") with no
time or place of its own that differs — or when it shares the incident's patient ("shot
the ambassador" ... "shooting the ambassador") or sits in the same clause span. It never
joins across families (an arrest is not the attack it follows), across different stated
days or places, across "another", "second", "separate", across a sentence that opens
other news ("In other incidents:", "Separately,", "Elsewhere,": a police blotter's or a
roundup's next item), or between a claim and a hypothesis. A bare toll ("seven were
killed") joins the violence its sentence tells. Failing those, a mention that retells the
headline's or lead's incident in other words joins it when nothing tells them apart
(`_retells`: the only incident of its type it could join, no other victim or perpetrator).
A mention whose victim is only "him" or "her" joins the incident told just before, and
shots fired into the air join the incident their sentence tells or are dropped; neither
types the incident it joins. Merging is conservative: two incidents told apart wrongly cost less than two
merged wrongly.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from ..models import CLAIMED_CERTAINTIES, VIOLENT_EVENT_TYPES, Event, Fatalities, Place
from . import event_confidence
from .event_lexicon import _ARMED_KINDS
from .event_place import contains
from .event_roles import UNIDENTIFIED
from .times import UNIT_DAYS

# ACLED event types whose mentions can tell one happening (a bombing is "the attack")
_FAMILY = {t: "violence" for t in VIOLENT_EVENT_TYPES} | {"Protests": "protest", "Riots": "protest"}
_DISTINCT_WORDS = ("another", "second", "separate", "earlier", "previous", "similar", "other")
_REFERRING = frozenset({"the", "this", "that", "these", "those", "such", "its", "his", "her", "their"})
# how telling a mention's type is: an explicit weapon in its clause beats a bare "attack"
_STRENGTH = (("weapon cue", 3), ("trigger names the tactic", 3), ("lethal", 2), ("fighting between", 2),
             ("armed actor attacked", 2), ("captured", 2), ("retaken", 2),
             # a poisoning of a named person outside armed conflict types its incident, though
             # another mention names the agent ("the nerve agent attack" is no chemical warfare)
             ("a named person poisoned", 4))


# weapons that type an incident only when no mention of it tells two sides fighting
_REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                     "Grenade", "Suicide bomb"})


# the sub-event types of fighting and explosions, which an abduction is never a mention of
_NOT_TAKINGS = _REMOTE | {"Armed clash"}
# tactics no mention of one happening names two of: a bombing that a shelling killed 75
# "last week" and "the suicide bombing" at a shrine are two incidents, while "a suicide car
# bomb" and "the car bomb" (explosives both) are one
_TACTIC = {"Air/drone strike": "air", "Shelling/artillery/missile attack": "shelling",
           "Suicide bomb": "explosive", "Remote explosive/landmine/IED": "explosive", "Grenade": "explosive",
           "Chemical weapon": "chemical"}


@dataclass
class MentionInfo:
    """What merging reads of a mention beyond its Event (filled by the events stage)."""
    referring: bool = False  # a definite/demonstrative/possessive event noun
    names_only: bool = False  # an event noun whose clause tells nothing it did (events._names_only)
    patient: str | None = None  # the patient when it names someone (a name, "the ambassador")
    patient_noun: str | None = None  # the patient's common noun, definite or not ("a man", "his brother")
    theme: str | None = None  # the lemma of the patient's common noun, whatever it names ("outpost", "weapon")
    pronoun_patient: bool = False  # the patient is "him" or "her": someone told before
    own_period: tuple[str, str] | None = None  # the period (a day, a month, a year) it states
    own_place: str | None = None  # a place the mention's own clause attaches
    own_area: Place | None = None  # that place, for containment
    country: str | None = None  # the country it is placed in, by its clause or the report's setting
    site: str | None = None  # the named site its clause puts it at ("held in the X Detention Center")
    distinct: bool = False  # "another attack", "a second blast"
    strength: int = 1
    certainty_why: str = ""  # what made the mention not asserted ("modal 'will'", "governed by 'vow'")
    agent_is_subject: bool = False  # actor1 is the clause's own (active) subject
    # what the confidence model reads (event_confidence.mention_features)
    certainty: str = "asserted"  # the mention's own, before its incident's is settled
    trigger_pos: str = ""
    weak: bool = False
    agent_how: str = ""
    patient_how: str = ""
    time_precision: str | None = None
    where: str = "body"  # headline | lead | body
    subhead: bool = False  # in a line of the body set off as a section's heading
    in_quote: bool = False
    typing_why: str = ""
    lemma: str = ""
    depth: int = 0
    stated: bool = False  # a promise or threat read off a stated intention
    siblings: int = 1  # candidates in its sentence
    toll_only: bool = False  # only who was killed or hurt, by no one named ("seven were killed")
    skyward: bool = False  # only shots fired into the air, at no one: part of an incident, never one
    sentence: int = -1  # index of its sentence in the report
    model_p: float | None = None  # typed by the sentence head alone: its probability is the confidence
    result_clause: bool = False  # a participle of result on its clause (", killing 25 people")
    retold: bool = False  # joined its incident only as a retelling (_retells), referring to nothing
    no_ones: bool = False  # a reference under what no one did ("no group has claimed the attack"): no evidence
    section: int = 0  # how many openings of other news (section_breaks) precede it
    paragraph: int = 0  # the index of its paragraph (Parsed.paragraphs)


@dataclass
class Incident:
    events: list[Event] = field(default_factory=list)
    infos: list[MentionInfo] = field(default_factory=list)

    @property
    def head(self) -> Event:
        return self.events[0]


_TERRITORIAL = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                          "Non-violent transfer of territory"})


def family(ev: Event) -> str:
    if ev.sub_event_type in _TERRITORIAL:
        return "territory"
    if ev.event_type in _FAMILY:
        return _FAMILY[ev.event_type]
    return ev.sub_event_type or ev.plover or "?"


def type_strength(rule: str | None) -> int:
    rule = rule or ""
    return max((s for key, s in _STRENGTH if key in rule), default=1)


def _compatible(inc: Incident, ev: Event, info: MentionInfo) -> bool:
    head = inc.head
    if family(head) != family(ev) or info.distinct or info.section != inc.infos[-1].section:
        return False
    if (head.certainty in CLAIMED_CERTAINTIES) != (ev.certainty in CLAIMED_CERTAINTIES):
        return False
    if head.timing == "generic" or ev.timing == "generic":
        return False
    # "on Monday" and "on Tuesday", "her visit on Wednesday" and "Obama's 2012 visit":
    # periods its own clauses state that do not meet are two incidents
    if info.own_period and any(i.own_period and not _overlap(i.own_period, info.own_period) for i in inc.infos):
        return False
    if {head.timing, ev.timing} == {"current", "background"}:
        return False  # what the report recalls is not what it reports
    if _other_tactic(inc, ev, info) or _taking_beside_fighting(inc, ev) or _taken_back(inc, ev):
        return False
    placed = [i for i in inc.infos if i.own_place]
    if _other_country(inc, info):
        return False  # "the bombardment of Aleppo" is not the Ankara shooting its report tells
    return not info.own_place or all(_same_area(i, info) for i in placed)


def _other_country(inc: Incident, info: MentionInfo) -> bool:
    """The mention's own clause places it in a country none of the incident's places is in."""
    country = info.own_area.country if info.own_area is not None else None
    theirs = {i.country for i in inc.infos if i.country}
    return bool(country and theirs and country not in theirs)


# a sentence (or a paragraph's heading) that turns to other news: what follows is another item
_OTHER_NEWS = re.compile(
    r"(?:^|(?<=[.!?:\n])[\"”’]?\s+)(?:in (?:other|unrelated|a separate|another) (?:incidents?|news|cases?|arrests?|"
    r"reports?|developments?|crime|police|matters|action)\b|separately\b|elsewhere\b)", re.IGNORECASE)


def section_breaks(text: str) -> list[int]:
    """Offsets where a report turns to other news ("In other incidents:", "Separately,")."""
    return [m.start() for m in _OTHER_NEWS.finditer(text)]


def breaks_before(breaks: list[int], offset: int) -> int:
    """How many of the breaks (section_breaks, or paragraph starts) come before `offset`: the
    index of its section or paragraph."""
    return bisect.bisect_right(breaks, offset)


def _other_tactic(inc: Incident, ev: Event, info: MentionInfo) -> bool:
    """The mention and one of the incident's name their tactics (a weapon in the clause, a
    tactic's own word) and the tactics differ."""
    tactic = _TACTIC.get(ev.sub_event_type or "")
    if tactic is None or info.strength < 3:
        return False
    return any(i.strength >= 3 and _TACTIC.get(e.sub_event_type or "", tactic) != tactic
               for e, i in zip(inc.events, inc.infos, strict=True))


_TAKING = "Abduction/forced disappearance"


def _taking_beside_fighting(inc: Incident, ev: Event) -> bool:
    """"Gunmen fought running battles in Reynosa ... 17 migrants were kidnapped": people
    taken and a battle or a bombing are two incidents, however close, until a mention
    names both (ACLED codes the abduction on its own)."""
    kinds = {e.sub_event_type for e in inc.events}
    if ev.sub_event_type == _TAKING:
        return bool(kinds & _NOT_TAKINGS)
    return ev.sub_event_type in _NOT_TAKINGS and _TAKING in kinds


def _taken_back(inc: Incident, ev: Event) -> bool:
    """"Russian troops captured Izium ... when Ukrainian forces recaptured the city": ground
    taken by one side and taken back by another are two events, however close the words."""
    if family(ev) != "territory" or ev.actor1 is None:
        return False
    side = (ev.actor1.kind, ev.actor1.country)
    return any(family(e) == "territory" and e.sub_event_type != ev.sub_event_type and e.actor1 is not None
               and (e.actor1.kind, e.actor1.country) != side for e in inc.events)


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _same_area(a: MentionInfo, b: MentionInfo) -> bool:
    """Two clauses' places can hold one incident: the same name, one region named twice, or
    one contains the other ("in Manbij" and "in Syria"; "in Aleppo" and "in Aleppo province")."""
    if a.own_place == b.own_place:
        return True
    pa, pb = a.own_area, b.own_area
    if pa is None or pb is None:
        return False
    # "KHOST CITY" (a dateline the gazetteer took for its province) and "Khost province": one region
    same_region = pa.feature == pb.feature == "admin1" and pa.country == pb.country and bool(pa.admin1) \
        and pa.admin1 == pb.admin1
    return same_region or contains(pa, pb) or contains(pb, pa)


# kinds of violence against civilians whose noun names them apart: "the abduction of a
# priest" refers to an abduction, never to the attack its sentence compares it with
_NAMED_APART = frozenset({"Abduction/forced disappearance", "Sexual violence"})


def _refers(inc: Incident, ev: Event, info: MentionInfo) -> bool:
    if info.referring:
        return ev.sub_event_type not in _NAMED_APART or any(e.sub_event_type == ev.sub_event_type for e in inc.events)
    if info.patient and info.patient in {i.patient for i in inc.infos}:
        return True
    # "A Taliban commander has been shot dead ... Two men on a motorbike opened fire on him":
    # a pronoun's victim is the one the incident told just before
    if info.pronoun_patient and 0 <= info.sentence - inc.infos[-1].sentence <= 2 and any(
            i.patient or i.patient_noun for i in inc.infos):
        return True
    # "A bomb ripped through a chapel ..., killing 25 people": what the clause did is the
    # incident its sentence has already told
    if info.result_clause and any(e.sentence == ev.sentence for e in inc.events):
        return True
    # "seven were killed and eleven wounded in mortar shells fired into homes": a toll and the
    # violence of its sentence are one happening, unless a battle and an attack by other
    # parties ("five villagers were killed, and officers repelled the bandits")
    # ... unless each clause names its own place ("four jawans killed in Sukma, two Maoists
    # shot dead in Bijapur": two tolls, two incidents)
    if any(e.sentence == ev.sentence and (info.toll_only or i.toll_only)
           and not (info.own_place and i.own_place and info.own_place != i.own_place)
           for e, i in zip(inc.events, inc.infos, strict=True)) and not _other_sides_fight(inc, ev, info):
        return True
    # "A suicide bomber struck a market. Some 14 people were killed": a toll right after an
    # incident, by no one and nothing named, is that incident's (not a headline's next story,
    # which tells its own: "Doctor shot dead; two policemen martyred as dacoits storm a picket",
    # "Two jawans killed as Maoists blow up SUV; 3 ultras gunned down in Bijapur encounter")
    if info.toll_only and info.strength < 3 and info.sentence >= 1 and inc.infos[-1].sentence == info.sentence - 1 \
            and info.where != "headline":
        return True
    if _goes_on_telling(inc, ev, info):
        return True
    # clauses that overlap tell one happening, unless a battle and an attack by other parties
    overlap = any(e.start <= ev.start < e.end or ev.start <= e.start < ev.end for e in inc.events)
    return overlap and not _other_sides_fight(inc, ev, info)


def _goes_on_telling(inc: Incident, ev: Event, info: MentionInfo) -> bool:
    """"The first attack took place in a village of Sami. Heavily armed men ... opened fire":
    the body's next sentence in the same paragraph, telling violence of the incident's type
    with no place, day or victim of its own, goes on telling that incident."""
    last = inc.infos[-1]
    return (info.where == "body" and last.where != "headline" and info.paragraph == last.paragraph
            and info.sentence - last.sentence == 1 and ev.sub_event_type is not None
            and ev.sub_event_type == inc.head.sub_event_type and ev.event_type in VIOLENT_EVENT_TYPES
            and not info.own_place and not info.own_period and not info.patient and _same_parties(inc, ev, info))


def _other_sides_fight(inc: Incident, ev: Event, info: MentionInfo) -> bool:
    """A battle told beside an attack on civilians by parties that differ: two incidents."""
    return _battle_beside_attack(inc, ev) and not _same_parties(inc, ev, info)


_ONE_SIDED = frozenset({"Battles", "Violence against civilians"})


def _battle_beside_attack(inc: Incident, ev: Event) -> bool:
    """A battle and an attack on civilians told in one sentence ("fighters attacked a police
    post ..., as residents accuse soldiers of killing civilians"): two incidents when their
    parties differ (the hierarchy that folds a weapon into its battle does not apply)."""
    kinds = {e.event_type for e in inc.events}
    return ev.event_type in _ONE_SIDED and bool(kinds & _ONE_SIDED) and ev.event_type not in kinds


_DEMONSTRATION = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                            "Violent demonstration"})
# what can follow a violent demonstration as part of it: more of its violence, the police's answer
_ANSWERS = frozenset({"Violent demonstration", "Protest with intervention", "Excessive force against protesters"})
# how many sentences after one naming a demonstration (or its last mention) its scene runs on
SCENE_SENTENCES = 3


def _same_demonstration(inc: Incident, ev: Event, info: MentionInfo, incidents: list[Incident]) -> bool:
    """"Protesters threw stones at police ... Clashes broke out ... Riot police responded with
    tear gas": what follows a demonstration that turned violent, within a few sentences, the
    crowd's violence or the police's answer, is that demonstration (ACLED codes one violent
    demonstration, however hard the police answered), when nothing places it elsewhere
    (_compatible). A peaceful march the police dispersed, in a report of no violent
    demonstration, is one protest with intervention, as annotators code every mention of it."""
    violent = any(e.sub_event_type == "Violent demonstration" for e in inc.events)
    # a march the police dispersed, in a report of no violent demonstration it could answer
    dispersed = ev.sub_event_type == "Protest with intervention" and any(
        e.sub_event_type == "Peaceful protest" and e.certainty in CLAIMED_CERTAINTIES and e.timing == "current"
        for e in inc.events) and not any(e.sub_event_type == "Violent demonstration"
                                         for o in incidents for e in o.events)
    if ev.sub_event_type not in _ANSWERS or not (violent or dispersed):
        return False
    if info.own_place and not any(i.own_place and _same_area(i, info) for i in inc.infos):
        return False  # "violent demonstrations were also reported in Maracaibo": a place of its own
    if any(o is not inc and any(i.sentence == info.sentence for i in o.infos) for o in incidents):
        return False  # "... also reported in Maracaibo, where protesters burned tyres": its sentence's incident
    # one sentence's two mentions stay two pieces of evidence ("turned violent, when
    # demonstrators clashed with police"): they are joined only as the clauses above join them
    # the police's answer to a peaceful march is told after the march's speeches and quotes
    return 1 <= info.sentence - inc.infos[-1].sentence <= SCENE_SENTENCES * (2 if dispersed else 1)


def _retells(inc: Incident, ev: Event, info: MentionInfo, incidents: list[Incident]) -> bool:
    """A report tells the incident its headline or lead tells again in other words ("the
    fatal police shooting of a man" ... "officers fatally shot a man" ... "Vassell was
    killed"): a mention of the same ACLED type joins it when it is the only incident of that
    type the mention could join (same section, status, timing, day and place) and their
    parties do not differ. An incident the body tells (a roundup's next item) is told once."""
    kind = ev.sub_event_type
    if kind is None or inc.head.sub_event_type != kind or (inc.infos[0].where == "body" and not inc.infos[0].subhead):
        return False
    if info.own_place and any(e.sentence == ev.sentence and i.own_place and i.own_place != info.own_place
                              for e, i in zip(inc.events, inc.infos, strict=True)):
        return False  # "cultists clash in Rumuolumeni, gunmen attack police checkpoint in Ahoada": told beside it
    rivals = (o for o in incidents if o is not inc and o.head.sub_event_type == kind)
    return _same_parties(inc, ev, info) and not any(_compatible(o, ev, info) for o in rivals)


def _same_parties(inc: Incident, ev: Event, info: MentionInfo) -> bool:
    """Nothing tells the mention's parties apart from the incident's: no other named victim,
    no other kind of victim ("arrested a man" ... "detained his brother"), no other kind of
    named perpetrator ("the YPG and Islamic State have fought" ... "soldiers clashed")."""
    if info.patient and any(i.patient and i.patient != info.patient for i in inc.infos):
        return False
    nouns = {i.patient_noun for i in inc.infos if i.patient_noun}
    if info.patient_noun and nouns and info.patient_noun not in nouns:
        return False
    if ev.actor1 and _ROLE_NOUN.fullmatch(ev.actor1.name or ""):
        return True  # "the gunman", "the assailant": who did it, named by the act, not another party
    kinds = {e.actor1.kind for e, i in zip(inc.events, inc.infos, strict=True) if e.actor1 and i.agent_how}
    return not (ev.actor1 and info.agent_how and kinds and ev.actor1.kind not in kinds)


# nouns that name a perpetrator by the act alone, whoever the report says he is
_ROLE_NOUN = re.compile(r"(?:the |an? )?(?:lone )?(?:gunman|gunmen|assailant|assailants|attacker|attackers|shooter|"
                        r"killer|perpetrator|perpetrators)", re.I)


def type_headline_as_lead(events: list[Event], infos: list[MentionInfo]) -> None:
    """A headline is its lead in fewer words: a headline mention whose trigger word the lead
    uses again, typed otherwise there, takes the lead's type ("Man jailed for forged visas"
    ... "was jailed for two years": the lead's term makes it a sentence, not an arrest)."""
    lead: dict[str, tuple[Event, MentionInfo]] = {}
    for ev, info in zip(events, infos, strict=True):
        if info.where == "lead" and info.lemma:
            lead.setdefault(info.lemma, (ev, info))
    for ev, info in zip(events, infos, strict=True):
        told, told_info = lead.get(info.lemma, (None, None)) if info.where == "headline" else (None, None)
        if told is None or told.certainty != ev.certainty or (told.sub_event_type, told.plover) == (
                ev.sub_event_type, ev.plover):
            continue
        if _other_victims(info, told_info):
            continue  # "...; rebels kill villager" beside a lead's "three Maoists were killed": another incident
        if _other_things(info, told_info) and family(ev) != family(told):
            continue  # "AA seizes junta outpost" beside the lead's "seized weapons": another act on another thing
        ev.event_type, ev.sub_event_type = told.event_type, told.sub_event_type
        ev.plover, ev.mode = told.plover, told.mode
        ev.rule = f"{ev.rule}; typed as the lead tells it"


def _other_things(info: MentionInfo, other: MentionInfo) -> bool:
    """The two mentions act on different things, neither of them a person ("outpost" and
    "weapons"; "teenager" and "boy" may be one person)."""
    return bool(info.theme and other.theme) and info.theme != other.theme and not (
        info.patient_noun or other.patient_noun)


def _other_victims(info: MentionInfo, other: MentionInfo) -> bool:
    """The two mentions name different victims: two named ones, or a named one beside a
    common noun ("three Maoists" and "villager"; "teenager" and "boy" may be one person)."""
    if info.patient and other.patient:
        return info.patient.casefold() != other.patient.casefold()
    named, noun = (info.patient, other.patient_noun) if info.patient else (other.patient, info.patient_noun)
    return bool(named and noun) and noun.casefold() not in named.casefold().split()


def _told_elsewhere(inc: Incident, info: MentionInfo) -> bool:
    """No body mention of the incident is in the mention's paragraph: "the exchange of fire"
    in the paragraph telling the second of two incidents refers to that one, though the
    first was founded after the second's headline mention."""
    return all(i.paragraph != info.paragraph or i.where == "headline" for i in inc.infos)


def group_mentions(events: list[Event], infos: list[MentionInfo]) -> list[Incident]:
    """Incidents in order of first mention; each mention joins the compatible incident it
    refers to, one its own paragraph tells before others, then the most recently founded,
    else founds one."""
    incidents: list[Incident] = []
    mentions = sorted(zip(events, infos, strict=True), key=lambda x: (x[0].start, x[0].end))
    for ev, info in mentions:
        referred = sorted((inc for inc in reversed(incidents) if _compatible(inc, ev, info) and (
            _refers(inc, ev, info) or _same_demonstration(inc, ev, info, incidents))),
            key=lambda inc: _told_elsewhere(inc, info))
        # "the assassination" after a roundup of other bombings: the latest incident one of
        # whose mentions has its own type, when there is one, before the latest of its family
        # ... or of its tactic ("the explosion" after a suicide bombing and an air strike)
        tactic = _TACTIC.get(ev.sub_event_type or "")
        target = next((inc for inc in referred if any(e.sub_event_type == ev.sub_event_type for e in inc.events)),
                      None) or next((inc for inc in referred if tactic is not None and any(
                          _TACTIC.get(e.sub_event_type or "") == tactic for e in inc.events)),
                                    referred[0] if referred else None)
        if target is None and info.skyward:
            # shots into the air harm no one: part of the incident their sentence tells, never one
            target = next((inc for inc in reversed(incidents) if _compatible(inc, ev, info)
                           and any(i.sentence == info.sentence for i in inc.infos)), None)
            if target is None:
                continue
        if target is None:
            target = next((inc for inc in reversed(incidents)
                           if _compatible(inc, ev, info) and _retells(inc, ev, info, incidents)), None)
            info.retold = target is not None
        if target is None:
            target = Incident()
            incidents.append(target)
        target.events.append(ev)
        target.infos.append(info)
    return incidents


def _rank(ev: Event, ranks: dict[str, int]) -> int:
    return ranks.get(ev.sub_event_type or "", 99)


# the most a bare reference to an incident spans ("the attack", "Sunday's clash")
BARE_REFERENCE_CHARS = 25


def _bare_reference(e: Event, info: MentionInfo) -> bool:
    """A mention that only names its incident, a definite or possessive event noun and no
    more, in a clause that tells nothing the incident did ("The attack came as ...", "The
    blast came a day after ...", "police did not say whether the arrests were linked"): the
    sentence is about something else, and coders do not count it as telling the incident.
    What it did ("the blast wrecked two vehicles") or a toll it carries ("three were
    killed in the attack") tells it."""
    return info.referring and info.names_only and not info.toll_only and e.end - e.start <= BARE_REFERENCE_CHARS


def incident_event(inc: Incident, ranks: dict[str, int], violent_report: bool = False,
                   collect: list[dict] | None = None) -> Event:
    """One event for an incident: the first mention's event, typed by its most telling
    mention, with the most precise date and place, the named actors and the highest toll;
    its confidence is its best mention's, its `mentions` those that claim it (>= 0.5) and,
    once one does, every other that tells it as happening (asserted or claimed) unless the
    model all but rules it out (EVIDENCE_FLOOR): "the blast destroyed the bus" is evidence
    of the bombing the lead claimed, however plain its own words; one span per sentence (a
    sentence that tells it twice, "A bomb ripped through ..., killing 25", is one piece of
    evidence: the extent of its mentions); a reference under what no one did ("no group has
    claimed responsibility for the attack") is none."""
    first = inc.head
    if len(inc.events) > 1:
        _settle(inc, ranks)
    confs = _confidences(inc, violent_report, collect) or [None] * len(inc.events)
    first.confidence = max(confs) if confs[0] is not None else None
    claimed = first.confidence is None or first.confidence >= event_confidence.CLAIM
    by_sentence: dict[int, list[int]] = {}
    for k, (e, i, c) in enumerate(zip(inc.events, inc.infos, confs, strict=True)):
        if i.no_ones:
            continue
        if c is None or c >= event_confidence.CLAIM or (
                claimed and e.certainty in CLAIMED_CERTAINTIES and c >= event_confidence.EVIDENCE_FLOOR
                and not _bare_reference(e, i)):
            span = by_sentence.setdefault(i.sentence if i.sentence >= 0 else -1 - k, [e.start, e.end])
            span[:] = [min(span[0], e.start), max(span[1], e.end)]
    first.mentions = sorted(by_sentence.values()) or [[first.start, first.end]]
    return first


def _confidences(inc: Incident, violent_report: bool, collect: list[dict] | None) -> list[float]:
    head, w = inc.head, event_confidence.weights()
    # how often the report refers back to the incident: a retelling in other words is
    # evidence of it, not a reference (measured: counting them made references claims)
    told = sum(1 for i in inc.infos if not i.retold)
    feats = [event_confidence.mention_features(head, info, told, violent_report) for info in inc.infos]
    if collect is not None:
        typed = {"sub_event_type": head.sub_event_type, "event_type": head.event_type, "plover": head.plover}
        collect += [dict(typed, start=e.start, end=e.end, features=f) for e, f in zip(inc.events, feats, strict=True)]
    if w is None:
        return []
    return [round(_capped(i.model_p if i.model_p is not None else event_confidence.probability(f, w), i, head), 3)
            for f, i in zip(feats, inc.infos, strict=True)]


def _capped(p: float, info: MentionInfo, head: Event) -> float:
    """A promise read off a modal ("will give up their pay raises", "would support all
    efforts") is an AGREE to PLOVER's coders and a future act to whole-report coders
    (docs/annotation.md, stated intentions): a candidate at most, never a claim on its own."""
    return min(p, event_confidence.CANDIDATE_CAP) if info.stated and head.plover == "AGREE" else p


def _settle(inc: Incident, ranks: dict[str, int]) -> None:
    first = inc.head
    # a mention that knows its victim only as "him", or shots at no one, types nothing
    pairs = list(zip(inc.events, inc.infos, strict=True))
    typers = [(e, i) for e, i in pairs if not (i.skyward or i.pronoun_patient)] or pairs
    typer = max(typers, key=lambda ei: _typing_key(ei[0], ei[1], ranks))[0]
    # ACLED: a demonstration whose crowd turned violent is a violent demonstration, however
    # hard the police answered (excessive force is force on peaceful demonstrators)
    if typer.sub_event_type in _DEMONSTRATION:
        typer = next((e for e in inc.events if e.sub_event_type == "Violent demonstration"), typer)
    if typer.sub_event_type in _REMOTE:
        # ACLED: a battle whose sides also fired shells, flew drones or set off a mine is the
        # battle; the weapon types an incident only when no mention tells two sides fighting
        typer = next((e for e in inc.events if e.sub_event_type == "Armed clash" and _fighting_only(e)), typer)
    if typer.sub_event_type == "Peaceful protest":  # a march the police then dispersed
        typer = next((e for e in inc.events if e.sub_event_type == "Protest with intervention"), typer)
    first.event_type, first.sub_event_type, first.plover = typer.event_type, typer.sub_event_type, typer.plover
    if typer is not first:
        first.rule = (first.rule or "") + f"; typed by its mention '{typer.trigger}'"
    # a date from a mention that tells the incident as happening, not from one that only
    # wants, plans or doubts it ("pressure from donors to back Trump ... in 2018")
    # ... nor from a window of months a current incident's mention counts in ("targeted
    # killings ... over the past year"): it dates a tally, not the incident
    dated = [e for e in inc.events if e.time_precision not in ("report", "unknown", None)
             and e.certainty in ("asserted", "claimed") and not (first.timing == "current" and _a_window(e))]
    if dated and first.time_precision in ("report", "unknown", None):
        # a day its own clause states before one taken from a neighbour (event_time: "relative")
        _take_date(first, min(dated, key=lambda e: e.time_precision == "relative"))
    # "the 1946 lynching" ... "shot to death ... July 25, 1946": the day within the year
    finer = [e for e in dated if _days(e) < _days(first) and _within(e, first)]
    if finer:
        _take_date(first, min(finer, key=_days))
    _settle_place(inc)
    first.actor1 = first.actor1 or next((e.actor1 for e in inc.events if e.actor1), None)
    if first.actor1 is not None and first.actor1.name.startswith(UNIDENTIFIED):
        # "a suicide bomber killed 12 ... Al-Shabaab claimed responsibility for the attack":
        # the perpetrator another mention names, not the unknown one
        first.actor1 = next((e.actor1 for e in inc.events if e.actor1 and not e.actor1.name.startswith(UNIDENTIFIED)
                             and e.actor1.kind in _ARMED_KINDS), first.actor1)
    first.actor2 = first.actor2 or next((e.actor2 for e in inc.events if e.actor2), None)
    tolls = [e.fatalities for e in inc.events if e.fatalities and e.fatalities.low is not None]
    if tolls:
        top = max(tolls, key=lambda f: f.low)
        first.fatalities = Fatalities(top.low, top.best, top.high)
    if any(e.certainty == "asserted" for e in inc.events):
        first.certainty = "asserted"


_GROUND_FRAMES = frozenset({"CLASH", "KILL", "SHOOT", "ATTACK"})


def rule_frames(ev: Event) -> set[str]:
    """The trigger frames a mention was typed from (its rule opens with them: "ATTACK+BOMB -> ...")."""
    return set((ev.rule or "").split(" -> ", 1)[0].split("+"))


def _fighting_only(ev: Event) -> bool:
    """A battle typed by two sides fighting, its clause naming no bomb, shell or air strike
    ("clashed for a second day", not "killed by a buried bomb while battling ISIS")."""
    rule = ev.rule or ""
    frames = rule_frames(ev)
    # the sides named ("troops and separatists clashed"), not a bare "the fighting"
    return "fighting between armed groups" in rule and frames <= _GROUND_FRAMES and "actor1 -, actor2 -" not in rule


def _typing_key(ev: Event, info: MentionInfo, ranks: dict[str, int]) -> tuple[int, int]:
    """How well a mention types its incident: its strength, then its type's rank. "The
    shooting in Kansas City", by no one named, is an armed actor's attack only by default:
    it types the incident only when no other mention does."""
    rule = ev.rule or ""
    by_default = "actor1 -" in rule and "perpetrator not named" in rule and "armed actor attacked" in rule
    # "the fighting", by no one named, refers back to what another mention told: it types
    # the incident only by a weapon it names
    echo = info.referring and info.strength < 3 and not info.agent_how
    return (0 if by_default or echo else info.strength), -_rank(ev, ranks)


def _days(e: Event) -> float:
    """How long the period of the event's date precision is (a day, a week ...; inf: none)."""
    return UNIT_DAYS.get(e.time_precision or "", math.inf)


# the longest period that can date one current incident
MONTH_DAYS = 31


def _a_window(e: Event) -> bool:
    """The mention is dated by a period longer than a month (a month is a day's bound)."""
    return UNIT_DAYS.get(e.time_precision or "", 0) > MONTH_DAYS


def _take_date(first: Event, d: Event) -> None:
    first.date_start, first.date_end, first.time_precision = d.date_start, d.date_end, d.time_precision


def _within(e: Event, period: Event) -> bool:
    """`e`'s dates lie in `period`'s (ISO dates compare as strings)."""
    lo, hi = period.date_start, period.date_end or period.date_start
    return bool(lo and e.date_start and lo <= e.date_start and (e.date_end or e.date_start) <= hi)


def _settle_place(inc: Incident) -> None:
    """The incident's most precise place: a mention's own clause's over the report's
    setting, a place inside the region its first mention names over that region; a named
    site one mention puts it at ("is now in jail ... held in the Columbia County Detention
    Center") names the incident there when it is at that site's place and its first
    mention's own clause placed it nowhere or in the site's own town ("Nouakchott: one
    protester killed" ... "in the Dar Naim district of Nouakchott"); an attack placed in the
    Bekaa Valley does not take the name of a camp a clash merged into it was fought in."""
    first = inc.head
    unplaced = first.geo_precision in ("report-focus", None)
    placed = [e for e in inc.events if e.geo_precision not in ("report-focus", None) and e.place]
    inner = _inside_first(inc)
    if (placed and unplaced) or inner is not None:
        p = inner or placed[0]
        first.place, first.lat, first.lon, first.geo_precision = p.place, p.lat, p.lon, p.geo_precision
    if inc.infos[0].site is None:
        sited = [e for e, i in zip(inc.events, inc.infos, strict=True)
                 if i.site is not None and (e.place or "").startswith(i.site)  # "Site, Town"
                 and (e.lat, e.lon) == (first.lat, first.lon)
                 and (unplaced or (e.place or "").endswith(", " + (first.place or "-")))]
        if sited:
            first.place = sited[0].place


def _inside_first(inc: Incident) -> Event | None:
    """The first mention that places the incident inside the region or country the
    first mention's clause names ("Blast Injures Three in Abkhazia" ... "an explosion in
    the village of Achguara"): the most specific place wins."""
    outer = inc.infos[0].own_area
    if outer is None:
        return None
    return next((e for e, i in zip(inc.events[1:], inc.infos[1:], strict=True)
                 if i.own_area is not None and contains(outer, i.own_area)), None)


def merge_incidents(events: list[Event], infos: list[MentionInfo], ranks: dict[str, int],
                    collect: list[dict] | None = None,
                    echoes: dict[int, list[tuple[Event, MentionInfo]]] | None = None) -> list[Event]:
    """The report's incidents, each one event; `echoes` (headline_echo) join the incident of
    the mention they echo."""
    type_headline_as_lead(events, infos)
    incidents = group_mentions(events, infos)
    for inc in incidents if echoes else ():
        for e, i in [x for ev in inc.events for x in echoes.get(id(ev), ())]:
            inc.events.append(e)
            inc.infos.append(i)
    told = [(e, i) for e, i in zip(events, infos, strict=True) if e.event_type in VIOLENT_EVENT_TYPES
            and e.certainty in CLAIMED_CERTAINTIES and e.timing != "generic"]
    violent = event_confidence.about_violence(len(told), any(i.where != "body" for _, i in told))
    return [incident_event(inc, ranks, violent, collect) for inc in incidents]
