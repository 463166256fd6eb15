"""Which mention types an incident: its most telling one (incidents._settle). A mention
typed only by a default ("the shooting in Kansas City", by no one named, taken for an armed
actor's attack) does not outweigh the mentions that name who shot whom."""
from __future__ import annotations

import sitrep
from sitrep.extractors.events import _ranks, lexicon
from sitrep.extractors.incidents import MentionInfo, merge_incidents, type_strength
from sitrep.models import Event

ATTACK = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")


def _mention(kind: tuple[str, str], rule: str, start: int, sentence: int, referring: bool = False):
    ev = Event(event_type=kind[0], sub_event_type=kind[1], plover="ASSAULT", rule=rule, start=start,
               end=start + 10, date_start="2016-09-21", time_precision="day")
    # who acts, as the events stage reads it off the rule's role ("actor1 subject"; "actor1 -": no one)
    agent = rule.split("actor1 ", 1)[1].split(",")[0].split()[-1] if "actor1 " in rule else ""
    info = MentionInfo(referring=referring, strength=type_strength(rule), sentence=sentence, where="body",
                       patient="whitlow" if not referring else None, agent_how="" if agent == "-" else agent)
    return ev, info


def _incident_type(mentions) -> list[str | None]:
    events, infos = zip(*mentions, strict=True)
    return [e.sub_event_type for e in merge_incidents(list(events), list(infos), _ranks(lexicon()))]


def test_a_mention_typed_by_default_does_not_type_the_incident_its_named_mentions_tell():
    shot = "SHOOT -> Attack: armed actor harmed civilians; actor1 subject, actor2 object"
    by_default = ("SHOOT -> Armed clash: armed actor attacked; actor1 -, actor2 at-phrase; perpetrator not named: "
                  "unidentified armed group")
    assert _incident_type([_mention(ATTACK, shot, 0, 0), _mention(ATTACK, shot, 100, 1),
                           _mention(CLASH, by_default, 200, 2, referring=True)]) == ["Attack"]


def test_a_mention_that_names_an_armed_attacker_still_types_its_incident():
    shot = "SHOOT -> Attack: armed actor harmed civilians; actor1 subject, actor2 object"
    named = "ATTACK -> Armed clash: armed actor attacked; actor1 subject, actor2 object"
    assert _incident_type([_mention(ATTACK, shot, 0, 0), _mention(CLASH, named, 200, 2, referring=True)]) == [
        "Armed clash"]


AIR = ("Explosions/Remote violence", "Air/drone strike")


def test_a_battle_whose_sides_also_flew_drones_is_the_battle():
    # ACLED: the weapon types an incident only when no mention tells two sides fighting
    drone = "AIRSTRIKE -> Air/drone strike: weapon cue 'drone'; actor1 subject, actor2 object"
    fought = "CLASH -> Armed clash: fighting between armed groups; actor1 subject, actor2 with-phrase"
    assert _incident_type([_mention(AIR, drone, 0, 0), _mention(CLASH, fought, 100, 1, referring=True)]) == [
        "Armed clash"]


def test_a_bomb_that_killed_a_fighter_in_battle_stays_a_bomb():
    # guard: the clash reading of "killed by a buried bomb while battling ISIS" names the bomb
    mine = "BOMB -> Remote explosive/landmine/IED: weapon cue 'bomb'; actor1 -, actor2 -"
    bombed = "KILL+BOMB+CLASH -> Armed clash: fighting between armed groups; actor1 by-phrase, actor2 -"
    ied = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert _incident_type([_mention(ied, mine, 0, 0), _mention(CLASH, bombed, 100, 1, referring=True)]) == [
        "Remote explosive/landmine/IED"]


def test_shots_at_him_join_the_killing_told_before_and_type_nothing():
    # the pronoun's victim is the one the sentence before told killed; the policeman's killing
    # stays a battle, though "opened fire on him" alone reads as an attack on a civilian
    text = ("A policeman guarding a polio vaccination team was shot dead in Lower Dir on Monday. "
            "Two motorcyclists opened fire on him near a school and escaped.")
    claims = [e for e in sitrep.extract(text, published="2024-10-29").events if e.event_type]
    assert [e.sub_event_type for e in claims] == ["Armed clash"], [(e.sub_event_type, e.mentions) for e in claims]
    assert len(claims[0].mentions) == 2, claims[0].mentions
