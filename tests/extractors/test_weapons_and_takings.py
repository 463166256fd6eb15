"""What the weapon named and the act told make of an incident: bombs dropped from the air
(glide and guided bombs, "pounded ... from the air") are air strikes, not remote explosives
or shelling; people kidnapped "in a wave of attacks" were abducted, the attacks being the
setting, unless the attack also killed; a town captured is no person arrested; a bomb at a
rally is no police force; whose convoy was ambushed decides attack or battle. Sentences are
the project's own."""
from __future__ import annotations

import pytest

import sitrep

PUBLISHED = "2024-06-12"


def _types(text: str) -> set[str | None]:
    return {e.sub_event_type for e in sitrep.extract(text, published=PUBLISHED).events if e.event_type}


def _typed_as(text: str, kind: str, never: set[str]) -> None:
    types = _types(text)
    assert kind in types and not types & never, types


@pytest.mark.parametrize("text", [
    "Two glide bombs struck a residential block in Zaporizhzhia on Tuesday, regional officials said.",
    "Guided bombs hit the outskirts of Sumy overnight, wounding four people.",
    "The army pounded rebel positions from the air on Tuesday as families fled the town.",
])
def test_bombs_dropped_from_the_air_are_an_air_strike(text):
    _typed_as(text, "Air/drone strike", never={"Remote explosive/landmine/IED", "Shelling/artillery/missile attack"})


def test_people_taken_in_a_wave_of_attacks_were_abducted():
    text = "Armed men abducted at least 30 villagers in Sokoto State on Monday in a fresh wave of attacks."
    types = _types(text)
    assert "Abduction/forced disappearance" in types and "Attack" not in types, types


def test_people_taken_in_an_attack_that_killed_were_attacked():  # guard: the killing makes it an attack
    text = "Armed men abducted at least 30 villagers in Sokoto State on Monday in an attack that killed four."
    assert "Attack" in _types(text)


def test_the_burned_out_shells_of_vehicles_are_no_shelling():
    text = "Residents walked past the burned-out shells of motorcycles on Saturday morning."
    assert "Shelling/artillery/missile attack" not in _types(text)


def test_a_town_the_tagger_calls_a_person_is_captured_not_arrested():
    """The places stage's township is what a capture verb took, though the tagger calls the
    name a person's."""
    text = "The Arakan Army said on Sunday it had captured Manaung, the island township off Rakhine State's coast."
    types = _types(text)
    assert "Arrests" not in types and types & {"Non-state actor overtakes territory",
                                               "Government regains territory"}, types


def test_a_bomb_at_a_rally_is_an_explosion_not_the_police_force():
    text = ("QUETTA - A candidate and eight of his supporters were killed on Friday when a bomb exploded at an "
            "election rally in Surab, police said.")
    types = _types(text)
    assert "Excessive force against protesters" not in types and "Remote explosive/landmine/IED" in types, types


@pytest.mark.parametrize("text, kind", [
    # a convoy is an armed target's noun, but "passenger" says whose vehicles were ambushed
    ("Gunmen ambushed a convoy of passenger vehicles near Parachinar on Wednesday, killing nine people.", "Attack"),
    # guard: an army-escorted convoy is the army's
    ("Gunmen ambushed an army convoy near Parachinar on Wednesday, killing nine soldiers.", "Armed clash"),
])
def test_whose_convoy_was_ambushed_decides_attack_or_battle(text, kind):
    assert kind in _types(text)


@pytest.mark.parametrize("text", [
    "Thousands of students gathered at the university on Monday, demanding the arrest of the bus driver.",
    "Relatives called for the release of the detained fishermen on Monday.",  # guard: "call for" was a scope
])
def test_an_act_demanded_has_not_happened(text):
    told = [e for e in sitrep.extract(text, published=PUBLISHED).events
            if e.sub_event_type in ("Arrests",) or e.plover == "RETREAT"]
    assert all(e.certainty != "asserted" for e in told), [(e.sub_event_type, e.certainty) for e in told]


@pytest.mark.parametrize("text", [
    "MOGADISHU - Al-Shabaab fighters captured an army base near Bulo Burde on Monday, residents said.",
    "LASHIO, Myanmar - The MNDAA seized the police station in the border town of Chinshwehaw on Tuesday.",
])
def test_a_post_captured_is_ground_taken_not_people(text):
    _typed_as(text, "Non-state actor overtakes territory", never={"Arrests", "Abduction/forced disappearance"})


def test_a_place_seized_by_an_armed_group_is_taken_by_a_non_state_actor():
    text = ("ALMATY - Security forces moved to retake the city on Thursday. The airport was seized by an armed group "
            "late on Wednesday, officials said.")
    assert any(e.sub_event_type == "Non-state actor overtakes territory" and "airport" in e.sentence.lower()
               for e in sitrep.extract(text, published=PUBLISHED).events)


def test_a_building_stormed_and_set_on_fire_is_no_search():
    text = "ALMATY - The regional administration building was stormed and set on fire on Wednesday evening."
    assert "COERCE" not in {e.plover for e in sitrep.extract(text, published=PUBLISHED).events}


def test_rocket_propelled_grenades_fired_in_an_assault_are_a_battle_not_shelling():
    text = ("ARISH - Militants attacked an army checkpoint near Arish late on Friday, killing five soldiers. A group "
            "of gunmen opened fire on the position with automatic weapons and rocket-propelled grenades.")
    _typed_as(text, "Armed clash", never={"Shelling/artillery/missile attack"})
