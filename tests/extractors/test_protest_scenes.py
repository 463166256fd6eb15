"""A demonstration's scene (events.protest_scene, event_typing._at_a_protest,
incidents._same_demonstration): what happens in the sentences after a march or a crowd's
violence, with no armed group named, is the demonstration's, as ACLED codes it: clashes and
burning cars make it a violent demonstration, not a battle or looting; the police's answer
to a crowd that turned violent is part of that one event. Groups fighting each
other riot as a mob. Sentences are the project's own."""
from __future__ import annotations

import pytest

import sitrep

PUBLISHED = "2023-03-24"


def _claims(text: str) -> list:
    ex = sitrep.extract(text, published=PUBLISHED)
    return [e for e in ex.events if e.certainty in ("asserted", "claimed") and (e.confidence or 0) >= 0.5]


def _types(text: str) -> set[str | None]:
    return {e.sub_event_type for e in sitrep.extract(text, published=PUBLISHED).events if e.event_type}


@pytest.mark.parametrize("text", [
    "Thousands marched against the fuel tax in Bordeaux on Thursday. Clashes broke out near the town hall in "
    "the evening.",
    "Several thousand teachers marched through Rennes on Thursday. Later that night clashes erupted with police "
    "near the station.",
    # no march named: young men throwing stones at the police make the scene a riot's
    "Groups of young men blocked the ring road with burning tyres and threw stones at police units on Tuesday. "
    "The clashes spread to a neighbouring district and lasted until after midnight.",
])
def test_clashes_after_a_march_are_the_demonstration_turning_violent(text):
    types = _types(text)
    assert "Armed clash" not in types and "Violent demonstration" in types, types


def test_the_month_of_march_opens_no_demonstrations_scene():
    # guard: "6 March 2019" in a dateline is the month, no march; the clashes are a battle's
    text = ("BENGHAZI, 6 March 2019: A truce appeared to be holding on Wednesday. The hospital said it had received "
            "nine bodies since the clashes erupted on Sunday evening.")
    types = _types(text)
    assert "Violent demonstration" not in types, types


@pytest.mark.parametrize("text", [
    "Officers were attacked with stones and bottles near the camp on Monday, the ministry said.",
    "The authorities said the security forces were attacked with stones, knives and Molotov cocktails.",
])
def test_security_forces_attacked_with_a_crowds_missiles_face_a_violent_demonstration(text):
    types = _types(text)
    assert "Violent demonstration" in types and "Armed clash" not in types, types


def test_cars_set_on_fire_after_a_march_are_the_demonstrations_destruction():
    text = ("Thousands marched against the pension reform in Nantes on Thursday. Dozens of cars were set on fire "
            "in the streets near the prefecture.")
    types = _types(text)
    assert "Violent demonstration" in types and "Looting/property destruction" not in types, types


def test_the_polices_answer_to_a_violent_crowd_is_part_of_its_demonstration():
    text = ("Protesters threw stones at police outside the ministry in Lusaka on Tuesday. Riot police responded "
            "with tear gas and water cannon.")
    claims = _claims(text)
    assert [e.sub_event_type for e in claims] == ["Violent demonstration"], [(e.sub_event_type, e.rule) for e in claims]
    answer = text.index("Riot police")
    assert any(a <= answer < b for a, b in claims[0].mentions), claims[0].mentions


def test_a_crowd_that_overran_police_lines_captured_no_one():
    text = "Hundreds of protesters overran police lines outside the assembly in Lusaka on Tuesday afternoon."
    types = _types(text)
    assert "Abduction/forced disappearance" not in types and "Violent demonstration" in types, types


def test_people_shot_as_police_fired_at_a_storming_crowd_are_the_demonstrations_toll():
    text = ("Hundreds of protesters overran police lines outside the assembly in Lusaka on Tuesday. At least nine "
            "people were shot dead as police fired live bullets at the crowd.")
    claims = _claims(text)
    assert [e.sub_event_type for e in claims] == ["Violent demonstration"], [(e.sub_event_type, e.rule) for e in claims]
    assert len(claims[0].mentions) == 2, claims[0].mentions


def test_a_shooting_a_march_protests_is_not_force_against_the_march():
    # guard: the shooting the crowd protests is the police's attack on a man, not their answer to the crowd
    text = "Hundreds marched to city hall in Fresno on Saturday over the police shooting of a man last week."
    assert "Excessive force against protesters" not in _types(text)


def test_gunmen_in_a_protest_report_still_fight_a_battle():
    # guard: an armed group named keeps its battle whatever the scene
    text = "Protesters marched through the city on Monday. Later, gunmen clashed with soldiers near the airport."
    assert "Armed clash" in _types(text)


def test_a_house_set_on_fire_outside_any_protest_is_no_demonstration():
    text = "A house was set on fire in the east of the town on Monday night, police said."
    assert "Violent demonstration" not in _types(text)


@pytest.mark.parametrize("text, never", [
    ("Supporters of two rival factions of the ruling party clashed in the market town on Friday, leaving one "
     "dead.", "Armed clash"),
    ("A party activist was killed and 20 people were injured as supporters of two rival factions clashed in the "
     "town on Friday.", "Armed clash"),
    # youths and stones make a riot's scene; two groups fighting each other make it no demonstration
    ("Police detained twelve youths after members of two rival martial arts clubs threw stones at each other in "
     "the town on Saturday night. Another clash broke out in a nearby village on Sunday.", "Violent demonstration"),
    ("Young men from two neighbouring villages attacked each other with stones and sticks on Sunday. Riot police "
     "detained eight youths. A second clash broke out near the market on Monday.", "Violent demonstration"),
])
def test_groups_fighting_each_other_riot_as_a_mob(text, never):
    types = _types(text)
    assert "Mob violence" in types and never not in types, types


def test_a_crowd_throwing_a_list_of_things_at_police_riots():
    text = "Protesters threw eggs, bottles and flares at the police line outside the ministry on Friday."
    assert "Violent demonstration" in _types(text), _types(text)


def test_things_thrown_at_police_after_a_march_are_the_demonstrations_not_a_mobs():
    text = ("Thousands marched through Skopje on Friday against the new tax. Bottles and cans were thrown at police "
            "near the assembly.")
    types = _types(text)
    assert "Violent demonstration" in types and "Mob violence" not in types, types


@pytest.mark.parametrize("text", [
    "Police block opposition procession in Mbale",
    "Riot police on Tuesday blocked a march by nurses towards the health ministry in Lilongwe.",
    "In Gulu, police stopped a march by market vendors near the district offices on Monday.",
])
def test_police_blocking_a_march_intervene_in_a_protest(text):
    types = _types(text)
    assert types == {"Protest with intervention"}, types


@pytest.mark.parametrize("text", [
    "The Senate on Tuesday blocked a bill that would have raised the fuel tax.",  # guard: a refusal
    "A storm stopped the march on Sunday afternoon.",  # no force stopped it
])
def test_what_no_force_blocks_is_no_intervention(text):
    assert "Protest with intervention" not in _types(text)


def test_property_burnt_in_a_riot_the_headline_names_is_the_mobs():
    text = ("Violence erupts in Leeds after a car crash\n\nA crowd gathered on Harehills Lane on Thursday evening "
            "after a crash in which a boy was hurt. Officers were sent to the scene.\n\nResidents said the driver "
            "had left on foot. Some of them went looking for him in nearby streets.\n\nLater that night a bus was "
            "set on fire on Roundhay Road and two shops were looted.")
    late = {e.sub_event_type for e in sitrep.extract(text, published=PUBLISHED).events
            if e.event_type and "Roundhay" in e.sentence}
    assert late == {"Mob violence"}, late


@pytest.mark.parametrize("text", [
    "CARACAS, Venezuela - Protesters blocked Avenida Bolívar on Monday, police said.",
    "CHILPANCINGO, Mexico - Some 150 residents blocked the Autopista del Sol for two hours on Monday.",
])
def test_an_avenue_or_motorway_blocked_by_demonstrators_is_a_violent_demonstration(text):
    types = {e.sub_event_type for e in sitrep.extract(text, published="2024-01-10").events}
    assert "Violent demonstration" in types, types


def test_police_firing_on_striking_workers_is_force_against_protesters():
    text = ("ZHANAOZEN - In December 2011, police opened fire on striking oil workers and their supporters in the "
            "town, killing at least 14 people.")
    types = {e.sub_event_type for e in sitrep.extract(text, published="2022-01-07").events}
    assert "Excessive force against protesters" in types, types


@pytest.mark.parametrize("text, demo", [
    ("GUATEMALA CITY - Police cleared two roadblocks on the Pacific Highway on Thursday, officials said.", True),
    # guard: a blockade an armed group held is no demonstration
    ("MOGADISHU - Troops cleared two Al-Shabaab roadblocks on the road to Afgoye on Thursday.", False),
])
def test_a_road_blockade_cleared_is_the_demonstrators_blockade(text, demo):
    types = {e.sub_event_type for e in sitrep.extract(text, published="2023-10-13").events}
    assert ("Violent demonstration" in types) is demo, types


def test_blockaders_are_demonstrators():
    text = "COCHABAMBA, Bolivia - Police clashed with blockaders on the highway near Parotani on Wednesday."
    types = {e.sub_event_type for e in sitrep.extract(text, published="2024-10-24").events}
    assert "Violent demonstration" in types and "Armed clash" not in types, types


@pytest.mark.parametrize("text", [
    "Stones were thrown at a Ram Navami procession in the town of Bhadohi on Sunday evening, and members of "
    "both communities then clashed near the mosque.",
    "Clashes broke out in Godhra on Friday when stones were pelted at a Muharram procession passing the market. "
    "Two shops were set on fire.",
])
def test_fighting_at_a_religious_procession_is_a_communal_riot_not_a_demonstration(text):
    types = _types(text)
    assert "Mob violence" in types and "Violent demonstration" not in types, types


def test_a_protest_procession_outside_a_communal_report_is_still_a_demonstration():
    text = ("Opposition supporters brought out a procession in Kampala on Tuesday against the tax. Clashes broke "
            "out with police near the parliament.")
    types = _types(text)
    assert "Violent demonstration" in types and "Mob violence" not in types, types


@pytest.mark.parametrize("text", [
    "A drone strike hit the cattle market in Dangila on Tuesday, when hundreds of people had gathered to buy and "
    "sell livestock.",
    "Worshippers had gathered for Friday prayers in Khash when the blast went off.",
    "Daily Trust gathered that the kidnappers had freed two of the farmers in Bakura on Monday.",
])
def test_a_crowd_come_to_trade_or_pray_is_no_demonstration(text):
    subs = _types(text)
    assert not subs & {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}, subs


def test_a_march_the_police_dispersed_is_one_protest_with_intervention():
    # annotators code every mention of a march the police broke up as a protest with intervention
    text = ("Soldiers killed in island raid; families protest in capital\n\nN'DJAMENA - Gunmen killed six soldiers "
            "on an island near Bol on Monday, while relatives of soldiers demonstrated on Wednesday in N'Djamena.\n\n"
            "Protest in N'Djamena\n\nAround two hundred people, mostly wives of soldiers, gathered on Wednesday in "
            "front of the Ministry of Defence and marched towards the Chagoua roundabout. They demanded the names "
            "of the dead. \"We want the truth,\" said one woman. \"Our husbands have no food,\" said another.\n\n"
            "Police used tear gas to disperse the demonstrators around midday.")
    events = [e for e in sitrep.extract(text, published="2023-07-13").events if e.event_type == "Protests"]
    assert [e.sub_event_type for e in events] == ["Protest with intervention"], [
        (e.sub_event_type, e.sentence) for e in events]


@pytest.mark.parametrize("text, expected", [
    ("Groups of youth took to the streets of Shopian on Tuesday and pelted stones at the forces.",
     "Violent demonstration"),
    ("Groups of young people threw stones at police units in Kolda on Tuesday.", "Violent demonstration"),
    # guard: football fans who riot are a mob (docs/annotation.md)
    ("Football fans threw bottles at police outside the stadium in Nantes on Tuesday.", "Mob violence"),
])
def test_youths_throwing_at_security_forces_demonstrate_violently(text, expected):
    subs = _types(text)
    assert subs == {expected}, subs


def test_vehicles_gathered_near_a_town_are_no_crowd():
    text = "Army jets struck RSF vehicles gathered near Hantoub on Friday, residents said."
    subs = _types(text)
    assert not subs & {"Peaceful protest", "Protest with intervention", "Violent demonstration"}, subs


@pytest.mark.parametrize("text", [
    "Supporters of the ruling party attacked anti-government protesters outside parliament on Monday, witnesses said.",
    "A mob attacked the protest camp in the square on Monday night, setting fire to tents, witnesses said.",
])
def test_a_crowd_that_attacks_other_protesters_is_mob_violence(text):
    from sitrep import extract
    types = {e.sub_event_type for e in extract(text, published="2022-05-10").events if e.event_type}
    assert "Mob violence" in types and not types & {"Excessive force against protesters", "Violent demonstration"}, \
        types


def test_warehouses_looted_are_no_warehouse_accident():
    from sitrep import extract
    text = "Shops and warehouses along the main road near the toll plaza were looted on Thursday night, police said."
    types = {e.sub_event_type for e in extract(text, published="2024-12-27").events if e.event_type}
    assert types, "the looting was read as a warehouse accident"


@pytest.mark.parametrize("text", [
    "Thousands protested against the fuel price rise in Kisumu on Tuesday. Hoodlums torched two police posts and "
    "looted a supermarket on Oginga Odinga Street in the evening.",  # guard: a riot's scene made it a mob's before
    "Students marched on the governor's office in Kisumu on Tuesday. Later that night a mob set fire to a police "
    "post near the bus park.",
])
def test_a_mob_or_hoodlums_who_burn_beside_a_protest_riot_as_a_mob(text):
    types = _types(text)
    assert "Mob violence" in types, types


def test_protesters_who_burn_a_post_remain_a_violent_demonstration():  # guard: demonstrators named
    text = ("Thousands protested against the fuel price rise in Kisumu on Tuesday. Protesters torched two police posts "
            "in the evening.")
    assert "Violent demonstration" in _types(text)


def test_a_pay_strike_by_police_is_no_air_strike():
    text = "A police pay strike left Honiara without officers on Wednesday, and shops were looted in the afternoon."
    assert "Air/drone strike" not in _types(text)


def test_crowds_that_set_ablaze_buildings_destroyed_property():
    text = ("Protests over the election result spread across Maseru on Tuesday. On Wednesday, crowds defied the curfew "
            "and set ablaze parts of the electoral commission building.")
    burned = [e for e in sitrep.extract(text, published=PUBLISHED).events
              if e.event_type and "ablaze" in text[e.start:e.end]]
    assert burned and burned[0].sub_event_type in ("Violent demonstration", "Mob violence"), \
        [(e.sub_event_type, text[e.start:e.end]) for e in sitrep.extract(text, published=PUBLISHED).events]


def test_a_mob_that_set_fire_with_no_verb_at_the_sentence_root_is_the_mob():
    text = "In Maseru, Lesotho, a mob set fire to the electoral commission building on Kingsway on Friday night."
    ev = [e for e in sitrep.extract(text, published=PUBLISHED).events if e.event_type]
    assert ev and ev[0].sub_event_type == "Mob violence" and ev[0].actor1 is not None, \
        [(e.sub_event_type, e.actor1, e.rule) for e in ev]


def test_men_who_break_away_from_a_protest_to_attack_houses_are_a_mob():
    text = ("A crowd of several hundred gathered for a protest near the town hall on Friday. Within an hour, "
            "masked men broke away and attacked houses in nearby streets.")
    assert "Mob violence" in {e.sub_event_type for e in sitrep.extract(text, published="2024-06-12").events}


def test_youths_who_start_a_fire_destroy_property():
    text = "Masked youths broke into the community hall and started a fire in its foyer on Thursday night."
    assert {e.event_type for e in sitrep.extract(text, published="2024-06-12").events} & {"Riots", "Strategic developments"}


def test_a_fault_that_starts_a_fire_is_no_act():  # guard
    text = "An electrical fault started a fire in the kitchen of the hotel on Monday."
    assert not [e for e in sitrep.extract(text, published="2024-06-12").events if e.event_type]


def test_a_rally_in_a_clause_of_its_own_is_no_part_of_the_arrest():
    # "hours after the rally had ended": the rally is the time of the detention, its own happening
    text = "A student said she was detained on Saturday night while leaving the metro station, hours after the rally had ended."
    arrests = [e for e in sitrep.extract(text, published="2024-06-12").events if "ARREST" in (e.rule or "")]
    assert arrests and all((e.rule or "").split(" -> ")[0] == "ARREST" for e in arrests), [e.rule for e in arrests]


# a riot whose doers are youths is a demonstration turned violent (docs/annotation.md:
# "students, youths, residents or workers ... are a Violent demonstration"); one whose doers
# are only a crowd stays the mob's
_YOUTHS_RIOT = ("Rioting broke out in the suburbs of Lyon overnight after a teenager was killed by police. "
                "Groups of young people fired fireworks at riot police. Cars were torched and a bus depot was "
                "set on fire.")
_CROWD_RIOT = ("Rioting broke out in Dublin overnight after a stabbing. A crowd of several hundred gathered and "
               "threw bottles at gardai. Cars were torched and a bus was set on fire.")


def _type_of(text: str, words: str) -> set[str | None]:
    at = text.index(words)
    return {e.sub_event_type for e in sitrep.extract(text, published="2024-06-12").events
            if any(a <= at < b for a, b in e.mentions or [(e.start, e.end)])}


@pytest.mark.parametrize("words", ["Groups of young people fired", "Cars were torched"])
def test_where_youths_riot_their_fireworks_and_burnt_cars_are_a_violent_demonstration(words):
    assert _type_of(_YOUTHS_RIOT, words) == {"Violent demonstration"}


def test_where_a_crowd_riots_its_burnt_cars_are_the_mobs():  # guard
    assert _type_of(_CROWD_RIOT, "Cars were torched") == {"Mob violence"}


def test_fireworks_set_off_for_a_celebration_are_no_riot():  # guard
    text = "Revellers fired fireworks over the harbour in Sydney to mark the new year."
    assert not [e for e in sitrep.extract(text, published="2024-06-12").events if e.event_type]


def test_a_town_hall_annex_set_alight_is_no_annexation():
    text = ("Rioting spread across the Paris suburbs overnight. In Seine-Saint-Denis, a town hall annex in the "
            "La Noue district of Montreuil was set alight shortly after 1 a.m.")
    types = {e.sub_event_type for e in sitrep.extract(text, published="2024-06-12").events}
    assert not types & {"Non-state actor overtakes territory", "Non-violent transfer of territory",
                        "Government regains territory"}, types


@pytest.mark.parametrize("text, words", [
    ("Police blocked an anti-corruption march to Parliament in Kampala on Tuesday. At least three journalists were "
     "assaulted while covering the march.", "journalists were"),
    ("Police blocked an anti-corruption march to Parliament in Kampala on Tuesday. A reporter with a local "
     "television station was kicked while filming arrests on Parliament Avenue.", "was kicked"),
    ("Police blocked a march to Parliament in Kampala on Tuesday. A photographer was slapped and his camera seized "
     "by men in military uniform.", "was slapped"),
])
def test_the_press_hurt_at_a_demonstration_is_attacked_not_dispersed(text, words):
    # the press at a march is no part of its crowd (ACLED: force on it is an attack on civilians)
    assert _type_of(text, words) == {"Attack"}


def test_a_striker_who_kicked_a_ball_attacked_no_one():  # guard
    text = "The striker kicked the ball into the net in the final minute of the match in Kampala."
    assert not [e for e in sitrep.extract(text, published="2024-06-12").events if e.event_type]


@pytest.mark.parametrize("text, words", [
    # students against anti-riot units are a demonstration turned violent (docs/annotation.md)
    ("Students at the university had clashed with anti-riot units on Thursday evening in Dakar.", "clashed"),
    # where youths riot, clashes with no armed group named are theirs
    ("Rioting spread across the suburbs of Lyon overnight as youths threw stones at police. Clashes broke out at "
     "Place Guichard in the late afternoon.", "Clashes broke out"),
])
def test_clashes_of_students_or_rioting_youths_with_police_are_a_violent_demonstration(text, words):
    assert _type_of(text, words) == {"Violent demonstration"}


def test_a_headline_cut_in_two_still_opens_a_riot_its_lead_tells():
    # the parser cuts the headline at its colon; the stones are still thrown in the lead
    text = ("Kasserine: second night of clashes after vendor's death, 30 arrested\n\n"
            "KASSERINE, May 2 (TAP) - Tension rose again on Tuesday in the Ezzouhour district, where a street vendor "
            "died in custody at the weekend.\n\n"
            "Groups of young men blocked the main road with burning tyres and threw stones at security units, which "
            "answered with tear gas, residents said.")
    from sitrep.evaluate import extract_records
    out = extract_records([{"id": "k", "title": "", "text": text, "published": PUBLISHED}])["k"]
    # the clashes are the violent demonstration; the "30 arrested" are their own event (Arrests)
    head = [e for e in out["events"] if e["start"] < text.index("\n") and e.get("event_type")
            and e["sub_event_type"] != "Arrests"]
    assert head and all(e["sub_event_type"] == "Violent demonstration" for e in head), \
        [(e.get("sub_event_type"), e.get("rule")) for e in out["events"]]


def test_bottles_thrown_at_no_one_named_in_a_riots_scene_are_the_riots():
    text = ("Rioting broke out in the town centre on Saturday night after a march. Bottles and bricks were thrown "
            "and two cars were set on fire, police said.")
    claims = [e for e in sitrep.extract(text, published=PUBLISHED).events if e.event_type]
    thrown = [e for e in claims if "Bottles" in text[e.start:e.end] or any(
        "Bottles" in text[a:b] for a, b in e.mentions or [])]
    assert thrown and all(e.event_type in ("Riots",) for e in thrown), [(e.sub_event_type, e.rule) for e in claims]


@pytest.mark.parametrize("text, kind", [
    # a demonstration turned violent is a riot, whatever force met it (event_types.csv)
    ("NOUAKCHOTT - A young protester was killed on Tuesday evening in the Dar Naim district, his family said. "
     "Groups of youths threw stones at police and set up barricades of burning tyres in several districts.",
     "Violent demonstration"),
    # guard: an earlier year's shooting the report recalls is its own incident
    ("Groups of youths threw stones at police and set up barricades of burning tyres in the suburb on Tuesday. "
     "In July 2011, nearly 20 people were killed when police opened fire on demonstrators in the capital.",
     "Excessive force against protesters"),
])
def test_lethal_force_on_a_crowd_that_rioted_is_the_riots(text, kind):
    events = sitrep.extract(text, published=PUBLISHED).events
    killed = [e for e in events if any("killed" in text[a:b] for a, b in e.mentions or [[e.start, e.end]])]
    assert killed and {e.sub_event_type for e in killed} == {kind}, [(e.sub_event_type, e.rule) for e in events]


def test_a_shootout_in_a_protests_scene_is_a_battle():
    # a fight with guns on both sides is no crowd's, though no armed group is named
    types = _types("Protesters marched in Magas on Thursday. A shootout in Sagopshi left two dead.")
    assert "Armed clash" in types and "Violent demonstration" not in types, types


@pytest.mark.parametrize("text, force", [
    # deaths in the next sentence are the force the rally met ...
    ("Police dispersed a rally in Magas on Thursday and detained protesters. Two protesters were killed, a doctor "
     "said.", "Excessive force against protesters"),
    # ... not when that sentence turns to another incident, or names the fighting they died in
    ("Police dispersed a rally in Magas on Thursday and detained protesters. Earlier, in the village of Sagopshi, two "
     "suspected militants were killed in a shootout with security forces.", "Protest with intervention"),
])
def test_the_force_a_dispersed_rally_met_is_read_off_its_own_deaths(text, force):
    assert force in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    "Dozens of farmers gathered outside the governor's office on Sunday to protest the evictions. "
    "Guards fired into the air to disperse the crowd.",
    "Hundreds of youths marched through the market on Monday. Police fired warning shots into the air.",
])
def test_shots_into_the_air_are_the_protest_they_answer_not_an_attack(text):
    claims = _claims(text)
    assert claims and all(e.event_type in ("Protests", "Riots") for e in claims), \
        [(e.sub_event_type, e.confidence) for e in claims]
    assert len(claims) == 1, [(e.sub_event_type, e.mentions) for e in claims]


def test_shots_into_the_air_alone_are_no_event():
    text = "Soldiers fired into the air across the city late on Tuesday, residents said."
    assert not [e for e in _claims(text) if e.event_type], [(e.sub_event_type, e.confidence) for e in _claims(text)]


def test_a_prison_riot_is_the_inmates_mob_violence_beside_a_demonstration():
    # docs/annotation.md: inmates that riot are a mob, whatever youths did the day before
    text = ("Youths blocked the highway with burning tyres for eight hours on Friday. Hours later, on Sunday "
            "morning, a riot broke out at the state prison in Villahermosa. Inmates set mattresses on fire and "
            "clashed in two cellblocks.")
    evs = sitrep.extract(text, published="2024-09-23").events
    inside = {e.sub_event_type for e in evs if any("prison" in text[a:b] or "Inmates" in text[a:b]
                                                   for a, b in e.mentions)}
    assert inside == {"Mob violence"}, [(e.sub_event_type, e.mentions) for e in evs]


@pytest.mark.parametrize("text", [
    "On Saturday, a 32-year-old man was beaten by villagers on suspicion of cattle theft in Ghaghra.",
])
def test_villagers_who_beat_someone_are_a_mob(text):
    kinds = [e.sub_event_type for e in sitrep.extract(text, published="2023-02-09").events]
    assert kinds == ["Mob violence"], kinds


def test_inmates_who_riot_beside_demonstrators_join_their_demonstration():
    # the prison's riot is a mob's only when no demonstrators share its sentence
    text = "Inmates rioted at the central jail in Dili on Tuesday, joining hundreds of demonstrators in demanding a vote."
    kinds = [e.sub_event_type for e in sitrep.extract(text, published="2024-06-12").events]
    assert kinds == ["Violent demonstration"], kinds
