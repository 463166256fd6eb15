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


def _events(text: str):
    return [e for e in sitrep.extract(text, published=PUBLISHED).events if e.event_type]


def test_a_man_shot_by_a_sniper_borrows_no_shells_from_the_next_sentence():
    text = ("A teenager was shot dead by a sniper in the old city of Taiz on Monday. "
            "Later that day, mortar shells hit two houses in the Al-Qahira district.")
    shot = [e for e in _events(text) if "sniper" in (e.sentence or "")]
    assert shot and all(e.sub_event_type == "Attack" for e in shot), [(e.sub_event_type, e.rule) for e in shot]


@pytest.mark.parametrize("text, doer", [
    # a town's name before an event noun says where, not whose forces
    ("A Kabul attack killed 20 people at a wedding hall on Tuesday, police said.", None),
    # guard: a country's name or a nationality says whose
    ("An Israeli strike killed 12 people in Rafah on Tuesday, medics said.", "Military Forces of Israel"),
    # "US" is the country, not the pronoun "us"
    ("A US strike killed a militia commander near Al-Qaim on Tuesday, officials said.",
     "Military Forces of United States"),
])
def test_the_name_before_an_act_is_its_doer_only_when_it_names_a_state(text, doer):
    names = [(e.actor1.name if e.actor1 else None) for e in _events(text)]
    assert names and all((n == doer) if doer else not (n or "").startswith("Military Forces") for n in names), names


def test_a_state_strike_named_by_its_country_is_an_air_strike():
    assert "Air/drone strike" in _types("A US strike hit a weapons depot near Al-Bukamal on Friday, officials said.")


@pytest.mark.parametrize("text", [
    "Rebels took Kalehe, the administrative centre's nearest town, on Sunday after two days of fighting.",
    "The militia took Baraka, the lakeside town, on Sunday after heavy fighting with the army.",
    # a name no gazetteer knows, entered or held by an armed side, is ground taken
    "The rebels entered Kamanyola on Wednesday morning after a short exchange of fire with soldiers.",
    # a town the gazetteer knows, which the tagger calls an organisation
    "The TPLF took Weldiya on Sunday after heavy fighting.",
    # a share of the town the report named: "most of the town"
    "The M23 reached Nyangezi on Sunday. The rebels said their fighters had taken control of most of the town by Monday.",
    # settlements taken are ground, however many and unnamed
    "The army said its troops had recaptured several more settlements in the eastern districts over the past week.",
    # an oil terminal seized is ground taken
    "Gunmen seized the Hariga oil terminal outside Tobruk on Tuesday after heavy fighting with the guards.",
])
def test_a_place_taken_by_an_armed_side_is_ground_taken(text):
    types = _types(text)
    assert types & {"Non-state actor overtakes territory", "Government regains territory"}, types


@pytest.mark.parametrize("text", [
    # guard: an election's win takes no ground (no "take <place>" reading before this rule)
    "Biden took Arizona by a narrow margin on Tuesday, the networks said.",
    # guard (passes before the change too, alone; in a report the push joined a capture)
    "Clashes between soldiers and militia fighters in Uvira left five dead and pushed hundreds of residents "
    "into Burundi on Monday.",
])
def test_no_ground_is_taken_by_a_vote_or_by_people_driven_across_a_border(text):
    types = _types(text)
    assert not types & {"Non-state actor overtakes territory", "Government regains territory",
                        "Non-violent transfer of territory"}, types


def test_troops_who_withdrew_after_fighting_make_no_peaceful_handover():
    text = ("The rebels entered the town of Sange on Tuesday after brief fighting with army units "
            "who then withdrew towards Luvungi.")
    _typed_as(text, "Armed clash", never={"Non-violent transfer of territory"})


def test_a_bomb_that_hit_in_a_report_of_guided_bombs_is_an_air_strike():
    text = ("Russian forces struck the city of Sumy with guided aerial bombs on the evening of 2 May. The first bomb "
            "hit a school in the Zarichnyi district. A second bomb struck an open area in the Kovpakivskyi district a "
            "few minutes later, shattering windows.")
    strikes = [e for e in sitrep.extract(text, published=PUBLISHED).events if e.event_type]
    assert strikes and all(e.sub_event_type == "Air/drone strike" for e in strikes), \
        [(e.sub_event_type, e.rule) for e in strikes]


def test_a_bomb_that_hit_in_a_report_of_planted_bombs_stays_a_bombing():  # guard: no aerial bomb named
    text = "A bomb hit a bus carrying workers near Quetta on Thursday, killing three people, police said."
    _typed_as(text, "Remote explosive/landmine/IED", never={"Air/drone strike"})


def test_a_suicide_bomber_who_drove_a_laden_truck_into_a_base_is_a_suicide_bombing():
    text = ("A suicide bomber drove an explosives-laden truck into an army camp near Mandera on Friday morning, "
            "officials said.")
    _typed_as(text, "Suicide bomb", never=set())


def test_demonstrators_who_drove_to_a_square_keep_their_protest():  # guard: a drive with no weapon is no attack
    text = "About 40 demonstrators drove to the square outside the county court in Tulsa on Friday to protest the ruling."
    assert "Suicide bomb" not in _types(text) and "Remote explosive/landmine/IED" not in _types(text)


@pytest.mark.parametrize("text", [
    "Two men on a scooter fired at a group of young men outside a shop in Nyanga on Sunday night, residents said.",
    "Gunmen fired 15 rounds into the front of a pharmacy in Villa Gesell on Saturday, leaving a note behind.",  # guard
])
def test_shots_fired_at_someone_or_into_a_building_are_an_attack(text):
    _typed_as(text, "Attack", never=set())


def test_a_worker_fired_from_a_job_is_no_shooting():  # guard: "fired" with no shots, no aim
    text = "The factory fired 40 workers in Nyanga on Sunday after the strike, the union said."
    assert not {"Attack", "Armed clash"} & _types(text)


@pytest.mark.parametrize("text", [
    "Somali soldiers seized two al-Shabaab hideouts in the Galgala hills on Monday after hours of fighting.",  # guard
    "Troops captured several militant hideouts in the forest near Sambisa on Tuesday, the army said.",
])
def test_hideouts_taken_by_troops_are_ground_regained_not_arrests(text):
    _typed_as(text, "Government regains territory", never={"Arrests"})


def test_rockets_fired_most_of_which_were_intercepted_are_the_rocket_attack():  # guard: the interception is apart
    text = ("Militants fired about 40 rockets toward Sderot on Saturday night, most of which were intercepted by "
            "air defences, the army said.")
    _typed_as(text, "Shelling/artillery/missile attack", never=set())


def test_troops_who_take_over_security_are_deployed_not_seizing_goods():
    evs = sitrep.extract("Soldiers took over security across the capital, Honiara, on Wednesday night, officials said.",
                         published=PUBLISHED).events
    assert any(e.plover == "MOBILIZE" for e in evs) and not any(e.plover == "COERCE" for e in evs), \
        [(e.plover, e.sub_event_type, e.rule) for e in evs]


def test_a_bare_strike_in_a_report_of_air_strikes_is_an_air_strike():
    text = ("US air strikes hit the Ras Isa port on Thursday. On Saturday, a strike hit a residential building "
            "in Sanaa's Shuaub district, killing four people.")
    _typed_as(text, "Air/drone strike", never={"Attack"})


def test_a_labour_strike_in_a_report_of_air_strikes_is_no_air_strike():  # guard
    text = ("US air strikes hit the Ras Isa port on Thursday. Dockworkers at the port went on strike on Friday "
            "over unpaid wages.")
    strikes = [e for e in sitrep.extract(text, published=PUBLISHED).events if "Dockworkers" in text[e.start:e.end]
               or e.start > text.index("Dockworkers")]
    assert strikes and all(e.sub_event_type != "Air/drone strike" for e in strikes), strikes


def test_troops_that_engage_gunmen_fight_them():
    _typed_as("Troops engaged the gunmen near the village on Monday evening.", "Armed clash", never=set())


def test_a_government_that_engages_the_opposition_in_talks_fights_no_one():  # guard
    assert not _types("The government engaged the opposition in talks on Monday.") - {None}


def test_gunmen_who_invade_a_village_attack_it():
    _typed_as("Gunmen invaded the village of Tse-Akaa at dawn on Sunday.", "Attack", never=set())


def test_roads_cleared_of_containers_are_no_ground_retaken():
    text = "Roads in the capital were being cleared of containers on Wednesday afternoon."
    assert "Government regains territory" not in _types(text)


def test_a_town_cleared_of_militants_is_retaken():  # guard: cleared of fighters
    _typed_as("Troops cleared the town of militants on Sunday.", "Government regains territory", never=set())


@pytest.mark.parametrize("text", [
    "A mobile squad unit from Mt Hagen was fired upon on Monday.",
    "Gunmen ambushed a platoon near the village on Sunday.",
    "A detachment of gendarmes came under fire near the village on Sunday.",
])
def test_fire_on_a_police_or_army_unit_is_a_battle(text):
    _typed_as(text, "Armed clash", never={"Attack"})


def test_a_base_a_relative_clause_names_is_no_base_attacked():
    # where the people fled to after the attack makes no battle of an attack on their homes
    text = ("Gunmen attacked several residential neighbourhoods of Wau town that left 11 people dead and forced "
            "thousands to seek shelter at the UN base.")
    _typed_as(text, "Attack", never={"Armed clash"})


@pytest.mark.parametrize("text", [
    "Riot police began clearing the makeshift migrant camp in Loon-Plage on Tuesday morning.",
    "Police cleared the protest camp outside parliament on Monday.",
])
def test_a_camp_the_police_clear_is_an_eviction_not_ground_retaken(text):
    events = sitrep.extract(text, published=PUBLISHED).events
    assert any(e.plover == "COERCE" and e.event_type is None for e in events) and not any(
        e.sub_event_type == "Government regains territory" for e in events), [(e.plover, e.sub_event_type) for e in events]


def test_warehouses_attacked_are_no_accident():
    # "warehouse" marks an accident's blast, not an attack on one
    text = "Shops, warehouses and supermarkets were attacked and emptied in the neighbourhoods of Cazenga on Monday."
    assert _types(text) - {None}, _types(text)


def test_a_blast_at_a_warehouse_stays_an_accident():  # guard
    text = "A gas leak caused an explosion at a warehouse on Monday, and its owner suffered a heart attack."
    assert not _types(text) - {None}, _types(text)


# who took a place: a speaker's own troops are the speaker's side; a place that "fell under
# the control of" a named group fell to that group; a foreign state taking ground in the
# report's country is a non-state actor overtaking territory (conventions.md: "a non-state
# (or foreign state) actor captures territory")
@pytest.mark.parametrize("text, kind", [
    ("Russian forces dropped glide bombs on Kostiantynivka, in Ukraine's Donetsk region, on Tuesday. Russia's "
     "Defense Ministry claimed on Wednesday that its troops had liberated the village of Kotlyne, west of Pokrovsk.",
     "Non-state actor overtakes territory"),
    ("KNLA fighters attacked junta bases near Kawkareik on Tuesday. A KNLA commander said his troops overran one "
     "outpost on Wednesday morning, killing at least 12 soldiers.", "Non-state actor overtakes territory"),
    ("KNLA fighters attacked junta bases near Kawkareik on Tuesday. Myawaddy, a trading hub on the Thai border, "
     "briefly fell under the control of KNLA-led forces in April.", "Non-state actor overtakes territory"),
    # a foreign state's troops the report names as one side with the state's own retake
    # the state's ground (ACLED: government regains territory)
    ("Rwandan and Mozambican troops fought insurgents near the port in Mozambique's Cabo Delgado province on "
     "Sunday. Rwandan troops retook the town of Mocimboa da Praia on Monday, Mozambique's defence ministry said.",
     "Government regains territory"),
    # the object of the taking names the place, whatever its clause's other act hit
    ("Heavily armed men seized control of the port of Gonaives overnight, setting fire to two police stations and "
     "attacking the residence of a judge.", "Non-state actor overtakes territory"),
    # guard: a state retaking its own ground
    ("Ukrainian troops liberated the village of Robotyne in Zaporizhzhia region on Monday.",
     "Government regains territory"),
])
def test_whose_side_took_the_place(text, kind):
    taken = [e.sub_event_type for e in sitrep.extract(text, published=PUBLISHED).events
             if e.sub_event_type in ("Non-state actor overtakes territory", "Government regains territory")]
    assert taken == [kind], taken


def test_a_speakers_airbags_are_no_troops():  # guard: only a side's forces are the speaker's
    text = "The driver said his airbags deployed when he crashed into a tree on the highway near Leeds."
    assert "Change to group/activity" not in _types(text)


def test_a_drone_that_hit_people_gathered_at_a_market_is_no_protest():
    # "herders gathered near the pens": who was there, not a rally the drone dispersed
    text = ("Witnesses said the drone hit a group of traders and herders gathered near the livestock pens in "
            "Abeibara on Sunday.")
    _typed_as(text, "Air/drone strike", never={"Protest with intervention", "Peaceful protest"})


def test_drone_strikes_residents_reported_on_days_they_name_are_events():
    text = "Residents of Tessalit reported several drone strikes on Monday and Tuesday in the hills east of the town."
    assert "Air/drone strike" in _types(text)


def test_gunmen_who_fired_on_a_group_of_men_attacked_civilians():  # guard
    # "a group of men" is the men, not an armed group
    text = ("Gunmen travelling in a white car opened fire on a group of men gathered at a shop in Norwood shortly "
            "after 9 p.m. on Saturday.")
    assert "Armed clash" not in _types(text)


def test_strikes_a_statement_did_not_mention_are_not_told():
    text = ("Russia's defence ministry said its forces had struck positions in the Kharkiv region. It did not "
            "mention strikes on Kharkiv city.")
    at = text.index("strikes on")
    told = [e for e in sitrep.extract(text, published=PUBLISHED).events if e.start <= at < e.end]
    assert told and all(e.certainty not in ("asserted", "claimed") for e in told), [(e.certainty, e.rule) for e in told]


def test_bombs_set_off_in_fighting_between_two_sides_are_the_battle():
    # ACLED's hierarchy: remote violence only where no armed clash is told
    text = ("Heavy exchanges of fire broke out through the night between Israeli troops and fighters of the Jenin "
            "Brigade, which said its members had detonated explosive devices against army vehicles.")
    fights = [e.sub_event_type for e in sitrep.extract(text, published=PUBLISHED).events
              if text[e.start:e.end].startswith("Heavy")]
    assert fights == ["Armed clash"], fights


def test_ground_taken_back_by_the_other_side_is_a_second_event():
    # one sentence, one place, two sides: the capture and the recapture are two events
    text = ("KRAMATORSK - Russian troops captured Lyman in late May and held it until Ukraine's counteroffensive, "
            "when Ukrainian forces recaptured the town.")
    types = _types(text)
    assert {"Government regains territory", "Non-state actor overtakes territory"} <= types, types


def test_a_vehicle_that_struck_a_mine_is_a_mine_blast():
    import sitrep
    types = {e.sub_event_type for e in sitrep.extract("A truck struck a landmine on the Nampala road on Tuesday.",
                                                      published="2024-06-12").events}
    assert "Remote explosive/landmine/IED" in types, types


@pytest.mark.parametrize("text", [
    "Last month insurgents triggered an improvised explosive device that damaged a grader near Motu.",
    "Insurgents set off a roadside bomb near Motu on Monday.",
])
def test_a_bomb_triggered_or_set_off_is_a_bombing(text):
    import sitrep
    types = {e.sub_event_type for e in sitrep.extract(text, published="2024-06-12").events}
    assert "Remote explosive/landmine/IED" in types, types


@pytest.mark.parametrize("text, kinds", [
    # control is taken of a place, whatever kind of name the tagger takes it for
    ("Thousands fled after the RSF took control of Wad Madani in December.", {"Non-state actor overtakes territory"}),
    # "X was said/believed to have been ...": X is the one it was done to
    ("The soldier was believed to have been captured by the militants on Monday.",
     {"Abduction/forced disappearance"}),
    ("The vigilante, identified as Mr Sunday Ajiboye, was said to have been hit in the chest during the exchange of "
     "fire with the kidnappers.", {"Armed clash"}),
    # someone a name in apposition calls a person is picked up, not a place
    ("The zone chairman, Mr Baraka Mwita, was picked up by plain-clothes police in Sinza on Monday.", {"Arrests"}),
    # a person seized is no territory taken: armed men abduct them
    ("The village head was said to have been seized by gunmen near Tsafe on Friday.",
     {"Abduction/forced disappearance"}),
])
def test_what_was_taken_is_read_through_its_name_and_its_report(text, kinds):
    assert _types(text) == kinds, _types(text)


@pytest.mark.parametrize("text, kinds", [
    # armed men who seize someone in a role (a village head, a priest, a council chairman) abduct them
    ("The village head was seized by gunmen near Tsafe on Friday.", {"Abduction/forced disappearance"}),
    ("Gunmen seized the parish priest from his residence in Kafanchan on Sunday.", {"Abduction/forced disappearance"}),
    ("Bandits captured a council chairman on the Gusau road.", {"Abduction/forced disappearance"}),
    # the police who capture someone arrest them; rebels who capture a headquarters take ground
    ("Police captured the gang's chief near Kano.", {"Arrests"}),
    ("Rebels captured the district headquarters on Monday.", {"Non-state actor overtakes territory"}),
])
def test_someone_in_a_role_seized_by_armed_men_is_abducted(text, kinds):
    assert _types(text) == kinds, _types(text)


@pytest.mark.parametrize("text", [
    # a bomb found is a bomb that did not go off: its finding disrupts it
    "Police found a bomb at the bus terminal in Marawi on Monday morning.",
    "Bomb found near school in Cotabato",
    "Two improvised explosive devices hidden under a culvert were found by soldiers near Datu Piang on Sunday.",
])
def test_a_bomb_found_is_a_weapon_disrupted_not_a_bombing(text):
    _typed_as(text, "Disrupted weapons use", never={"Remote explosive/landmine/IED"})


@pytest.mark.parametrize("text, kinds", [
    # a crowd that attacks someone is a mob, whatever team the sentence names
    ("On Monday, Mr. Joseph K. Dolo was attacked by an angry mob in Saclepea when he went with a small team to "
     "assess the situation.", {"Mob violence"}),
    # guard: a team's contest is no violence
    ("The home team attacked from the first whistle and won the match in Ganta.", set()),
])
def test_a_mob_attacking_someone_is_no_game(text, kinds):
    assert _types(text) == kinds, _types(text)


@pytest.mark.parametrize("text", [
    "On Monday a farmer lost his leg when he stepped on a mine near the village of Kyondoe.",
    "Two soldiers were hurt when their truck drove over a mine on the road to Kyondoe on Monday.",
])
def test_stepping_or_driving_on_a_mine_is_a_landmine_blast(text):
    assert "Remote explosive/landmine/IED" in _types(text), _types(text)


def test_work_on_a_mine_is_no_blast():  # guard: the idiom holds only under its verbs
    text = "On Monday a hundred labourers worked on a mine near the village of Kyondoe."
    assert not _types(text), text


def test_a_while_clause_whose_subject_the_parser_took_for_the_clause_is_its_own_strike():
    # the parser hangs "airstrike" on "overran" as the clause and "killed" on "township"
    text = ("Resistance fighters overran a junta base in Kayin State's Kawkareik Township on Monday, while a military "
            "airstrike on a monastery in the same township killed at least six villagers on Tuesday.")
    types = _types(text)
    assert "Air/drone strike" in types and "Non-state actor overtakes territory" in types, types


def test_people_killed_in_a_confrontation_died_in_a_fight():
    text = "Three members of the gang were killed in a confrontation with soldiers near the border on Tuesday."
    assert "Armed clash" in _types(text), _types(text)


def test_a_confrontation_that_could_come_claims_no_fight():  # guard: what may come has not happened
    text = "The minister warned on Tuesday that the dispute could turn into a confrontation with Washington."
    assert not [e for e in sitrep.extract(text, published="2022-03-09").events
                if e.event_type in ("Battles", "Riots") and e.certainty in ("asserted", "claimed")], text
