"""Who is an armed side (event_typing's kinds, event_triggers.csv's actor and ARMED_TARGET
cues): vigilantes and community security outfits fight battles, not riots; bandits and
kidnappers are an unidentified armed group; soldiers trading fire by a rally fight a
battle; an army or police post is an armed target; a government's navy firing shells is its
forces; demonstrators throwing stones are violent; armed men a misparse cuts from their act
still did it. Sentences are the project's own."""
from __future__ import annotations

import pytest

import sitrep

PUBLISHED = "2024-02-08"


def _events(text: str) -> list:
    return [e for e in sitrep.extract(text, published=PUBLISHED).events if e.event_type]


def _types(text: str) -> set[str | None]:
    return {e.sub_event_type for e in _events(text)}


@pytest.mark.parametrize("text", [
    "Members of a community security outfit clashed with bandits near Tsafe on Tuesday, leaving six dead.",
    "Members of the Zamfara Community Protection Guards and local vigilantes clashed with bandits near Tsafe on "
    "Tuesday.",
])
def test_vigilantes_fighting_bandits_is_a_battle_not_a_riot(text):
    types = _types(text)
    assert "Armed clash" in types and "Mob violence" not in types, types


def test_bandits_are_an_unidentified_armed_group():
    text = "GUSAU, Nigeria - Bandits abducted 23 passengers on the Gusau-Funtua highway on Tuesday, police said."
    takings = [e for e in _events(text) if e.sub_event_type == "Abduction/forced disappearance"]
    assert takings and takings[0].actor1.name == "Unidentified armed group (Nigeria)", [
        (e.sub_event_type, e.actor1) for e in _events(text)]


def test_soldiers_trading_fire_near_a_rally_fight_a_battle():
    text = ("Protesters marched through Gyumri on Thursday. A soldier was killed in an exchange of fire on the "
            "eastern border, the defence ministry said.")
    border = {e.sub_event_type for e in _events(text) if "exchange of fire" in e.sentence}
    assert border == {"Armed clash"}, border


@pytest.mark.parametrize("text", [
    "About a dozen militants opened fire on the check-post from three sides late on Monday.",
    "Gunmen opened fire on the army post from the hills before dawn on Monday.",  # guard: read so before
])
def test_fire_opened_on_a_post_is_fighting_an_armed_side(text):
    types = _types(text)
    assert "Armed clash" in types and "Attack" not in types, types


def test_inmates_fighting_riot_as_a_mob():
    text = "At least 40 inmates were killed in fighting between rival gangs at the Tamara prison on Monday."
    types = _types(text)
    assert "Mob violence" in types and "Armed clash" not in types, types


def test_a_governments_navy_firing_shells_is_its_forces_not_an_accident():
    """"Vessels" is a word of shipwrecks, but the regime's navy firing shells is shelling."""
    text = ("SITTWE, Myanmar - Regime navy vessels anchored off the coast fired dozens of shells into fishing "
            "villages on Saturday.")
    assert "Shelling/artillery/missile attack" in _types(text)


@pytest.mark.parametrize("text, violent", [
    ("Officers used tear gas in Lima after groups of demonstrators threw stones and fireworks on Wednesday.", True),
    # guard: stones thrown by no crowd, at no one
    ("A boy threw a stone into the river in Lima on Wednesday.", False),
])
def test_demonstrators_throwing_stones_is_violence_whatever_they_aimed_at(text, violent):
    assert ("Violent demonstration" in _types(text)) is violent


def test_armed_men_the_parse_leaves_without_their_act_still_did_it():
    text = ("Gunmen positioned on the hills on both sides of the road fired on the vehicles for nearly an hour "
            "near Parachinar on Wednesday.")
    assert _types(text) & {"Attack", "Armed clash"}, _types(text)


def test_a_word_of_an_actors_own_name_does_not_retype_it():
    """"Army" is a word of a rebel group's own name (actors.csv), not a state's forces."""
    text = "The Arakan Army said on Sunday it had captured Manaung, the island township off Rakhine State's coast."
    ev = next(e for e in _events(text) if e.actor1 is not None and e.actor1.name == "Arakan Army")
    assert ev.actor1.kind == "rebels" and ev.sub_event_type == "Non-state actor overtakes territory", ev


def test_a_pronoun_reported_by_a_speaker_is_the_speaker_not_the_dateline():
    text = "SITTWE, Myanmar - The Arakan Army said on Sunday it had captured Manaung, the island township off the coast."
    assert any(e.actor1 is not None and e.actor1.name == "Arakan Army" for e in _events(text))


def test_a_fighting_word_told_as_breaking_out_is_a_clash():
    """"The encounter broke out": an Indian report's gunfight, told as a happening that
    started, is no fighting word named in passing."""
    text = "RAIPUR, India - The encounter broke out around 3 pm in the forests near Bijapur on Sunday, police said."
    assert "Armed clash" in _types(text)


@pytest.mark.parametrize("text", [
    "Border guards returned fire and neutralised three attackers near the crossing on Tuesday, the army said.",
    "Five militants were killed as an attack on the naval base near Ormara was foiled on Tuesday night.",
])
def test_attackers_neutralised_or_an_assault_fought_off_is_a_battle(text):
    types = _types(text)
    assert "Armed clash" in types and "Disrupted weapons use" not in types, types


@pytest.mark.parametrize("text, kind", [
    ("Army engineers defused a roadside bomb near Ormara on Tuesday.", "Disrupted weapons use"),
    ("Air defences shot down two drones over the port on Tuesday night.", "Disrupted weapons use"),
])
def test_a_bomb_defused_or_a_drone_downed_stays_disrupted_weapons_use(text, kind):
    assert kind in _types(text), _types(text)


@pytest.mark.parametrize("text, expected, barred", [
    ("Clashes broke out between security forces and local residents in Rasht on Tuesday night.",
     "Violent demonstration", "Armed clash"),
    ("Police clashed with students outside the university in Sylhet on Tuesday.", "Violent demonstration",
     "Armed clash"),
    # guard: villagers who carry rifles are an armed side
    ("Clashes between the army and villagers armed with rifles killed four near Jos on Tuesday.", "Armed clash",
     "Violent demonstration"),
])
def test_townsfolk_fighting_security_forces_demonstrate_violently(text, expected, barred):
    types = _types(text)
    assert expected in types and barred not in types, types


@pytest.mark.parametrize("text, expected, barred", [
    ("Three jawans were killed on Tuesday when Maoists set off an IED under their truck near Kistaram.",
     "Remote explosive/landmine/IED", "Armed clash"),
    # guard: police shot by a doer of their own clause fell in an attack on an armed side
    ("Two constables were shot dead by gunmen on motorbikes near Tank on Tuesday, while a roadside bomb wounded "
     "a third in Kulachi.", "Armed clash", None),
])
def test_security_forces_killed_by_a_bomb_are_its_victims(text, expected, barred):
    types = _types(text)
    assert expected in types and barred not in types, types


@pytest.mark.parametrize("text, expected, barred", [
    ("Three policemen were killed on Tuesday night when militants armed with rocket launchers, grenades and "
     "automatic rifles stormed a police post in Dera Ismail Khan.", "Armed clash", "Shelling/artillery/missile attack"),
    # guard: mortars fired at a base with no guns carried in are a shelling
    ("Rebels fired mortars at the army base in Tessalit on Tuesday, killing two soldiers.",
     "Shelling/artillery/missile attack", "Armed clash"),
])
def test_a_ground_assault_with_mixed_arms_is_a_battle(text, expected, barred):
    types = _types(text)
    assert expected in types and barred not in types, types


@pytest.mark.parametrize("word", ["jawans", "cops", "guardsmen", "rangers"])
def test_security_force_ranks_are_an_armed_side(word):
    text = f"Two {word} were shot dead at a checkpoint near Kotli on Tuesday, officials said."
    types = _types(text)
    assert "Armed clash" in types and "Attack" not in types, (word, types)


@pytest.mark.parametrize("text, expected, barred", [
    ("Armed youth attacked two cattle camps near Akobo on Tuesday, killing 12 herders.", "Attack", "Armed clash"),
    ("Gunmen attacked a displacement camp near Fataki on Tuesday, killing nine people.", "Attack", "Armed clash"),
    # guard: an army's camp is a base
    ("Militants attacked an army camp near Fataki on Tuesday, killing four soldiers.", "Armed clash", "Attack"),
])
def test_a_camp_of_herders_or_the_displaced_is_no_base(text, expected, barred):
    types = _types(text)
    assert expected in types and barred not in types, types


@pytest.mark.parametrize("text, expected", [
    ("Heavy fighting was reported in Kassala's eastern district on Tuesday.", "Armed clash"),
    ("Fighting spread to the hills around Rutshuru on Tuesday.", "Armed clash"),
    # the fight named as the doer is no crowd: "clashes ... left soldiers dead" is a battle
    ("In March 2022 clashes along the border left nine soldiers dead on both sides.", "Armed clash"),
    ("Clashes broke out on Tuesday at the Huwara checkpoint, where youths threw stones at soldiers.",
     "Violent demonstration"),
])
def test_fighting_told_as_happening_is_typed_by_its_sides(text, expected):
    types = _types(text)
    assert types == {expected}, types


@pytest.mark.parametrize("text, expected", [
    ("Gang members stormed the civil prison in Les Cayes on Wednesday, overpowering guards and freeing inmates.",
     "Armed clash"),
    ("Militants fired on the search party near Tral on Tuesday, wounding two.", "Armed clash"),
    # guard: security forces raiding a prison search it
    ("Soldiers raided the penitentiary in Esmeraldas on Tuesday, seizing weapons.", "COERCE"),
])
def test_a_prison_or_a_search_party_is_an_armed_side(text, expected):
    subs = {e.sub_event_type or e.plover for e in sitrep.extract(text, published=PUBLISHED).events}
    assert expected in subs and not subs & {"Attack"}, subs


def test_a_named_soldier_shot_when_fire_was_opened_on_his_patrol_fell_in_a_battle():
    text = "Second Pvt. Yance Wenda was shot dead on Tuesday when gunmen opened fire on a patrol near Ilaga."
    types = _types(text)
    assert "Armed clash" in types and "Attack" not in types, types


@pytest.mark.parametrize("text", [
    "If the road stays closed, the fighting could spread to nearby villages, an elder said.",
    "Fighting did not resume on Tuesday, residents of Kidal said.",
])
def test_fighting_that_could_happen_or_did_not_is_no_battle(text):
    claimed = [(e.sub_event_type, e.certainty) for e in _events(text) if e.certainty in ("asserted", "claimed")]
    assert not claimed, claimed



@pytest.mark.parametrize("text", [
    # a headline's "Cop martyred": the policeman was killed, he killed no one
    "Cop martyred, two injured as militants attack Buner checkpost",
    # a state's armed agents by their service
    "Anti-narcotics agents were fired upon with high-caliber weapons near the river on Saturday.",
    "A forest guard was killed when suspected militants ambushed a forest patrol on Friday night.",
])
def test_attacks_on_armed_agents_of_the_state_are_battles(text):
    types = [e.sub_event_type for e in sitrep.extract(text, published="2023-10-18").events if e.event_type]
    assert types and set(types) == {"Armed clash"}, types


def test_the_islamic_emirate_is_afghanistans_government_so_its_detentions_are_arrests():
    text = "A radio presenter was detained by the Islamic Emirate's intelligence in Mazar-i-Sharif on Monday."
    assert "Arrests" in _types(text) and "Abduction/forced disappearance" not in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    "Last month a van carrying Chinese engineers was fired upon near Dasu, though no one was hurt.",
    "A minibus transporting farm workers was fired on outside the town on Friday, police said.",
])
def test_a_vehicle_carrying_civilians_fired_on_is_an_attack_on_them(text):
    assert _types(text) == {"Attack"}, _types(text)


@pytest.mark.parametrize("text, name", [
    ("The NAS forces attacked an SSPDF position near Wudu on Sunday.", "National Salvation Front"),
    ("The SPLA-IO forces attacked an SSPDF position near Wudu on Sunday.",
     "Sudan People's Liberation Army-In Opposition"),
])
def test_an_armed_groups_forces_are_that_group_not_the_state(text, name):
    fought = [(e.actor1.name, e.actor1.kind) for e in _events(text) if e.actor1]
    assert fought and fought[0] == (name, "rebels"), fought


def test_a_band_opening_fire_on_a_community_attacks_civilians():
    text = "Illegal gold miners opened fire on a community near Boa Vista on Saturday."
    assert _types(text) == {"Attack"}, _types(text)


@pytest.mark.parametrize("text", [
    "Soldiers engaged the bandits in a fierce firefight near Dansadau on Tuesday.",
    "Police operatives engaged the kidnappers in a gun battle in the forest on Friday.",
])
def test_a_fight_its_parties_were_engaged_in_is_their_battle(text):
    # the fight named after "engaged ... in" takes the verb's subject and object as its sides
    sides = [(e.sub_event_type, e.actor1 and e.actor1.kind, e.actor2 and e.actor2.kind) for e in _events(text)]
    assert sides == [("Armed clash", "state_forces", "political_militia")], sides


def test_talks_the_army_engaged_rebels_in_are_no_battle():
    assert _types("The army engaged the rebels in talks on Friday.") == set()


def test_a_police_raid_told_with_its_day_first_searches_premises():
    # "a raid on Sunday on a house": the day is when, the house what was raided
    text = "Police carried out a raid on Sunday on a house used by a gang in Kisumu."
    assert [(e.sub_event_type or e.plover) for e in sitrep.extract(text, published=PUBLISHED).events] == ["COERCE"]


@pytest.mark.parametrize("text, kind", [
    # an armed team is under fire, whatever games "team" tells of elsewhere
    ("A joint police-military team on patrol near Kutum came under fire late on Sunday.", "Armed clash"),
    # a shooting is aimed at what its conjunct closed in on: a post is armed, a minibus is not
    ("Around 40 gunmen on motorbikes surrounded the gendarmerie post at dawn and opened fire.", "Armed clash"),
    ("Gunmen stopped a minibus near Kachia and opened fire, killing four passengers.", "Attack"),
])
def test_fire_at_an_armed_target_is_a_battle_and_at_civilians_an_attack(text, kind):
    assert _types(text) == {kind}, _types(text)
