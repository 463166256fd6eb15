"""Where an event happened, as a coder reads it (docs/annotation.md, `place`): the most
specific place its own clause attaches to it, else the report's setting; one row per
construction, on short reports written for these tests."""
from __future__ import annotations

import pytest

import sitrep


def events_in(text: str, published: str = "2009-03-20") -> list:
    return sitrep.extract(text, published=published).events


def _arrest_placed(text: str, place: str, last: bool) -> None:
    """The report's first (or last) arrest is placed at `place`."""
    events = events_in(text)
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[-1 if last else 0].place == place, [(e.sub_event_type, e.place) for e in events]


def the_event(text: str, word: str):
    found = [e for e in events_in(text) if word in e.sentence]
    assert found, f"no event in the sentence with {word!r}"
    return found[0]


@pytest.mark.parametrize("text, word, place", [
    # "next to X" is as near X as "near X": the village past the camp the field lies next to
    ("LOIKAW, Myanmar - A second air strike hit a field next to a displacement camp near Ngwe Taung village on "
     "Sunday, residents said.", "air strike", "Ngwe Taung"),
    # ", in X district" holds what precedes it, though the gazetteer knows neither name
    ("PEMBA, Mozambique - Armed insurgents attacked the village of Nanduli, in Ancuabe district, on Monday, "
     "killing three people, local sources said.", "attacked", "Nanduli"),
    # a town the gazetteer lacks, named as a town, inside a district it knows
    ("COLOMBO, Sri Lanka - A bomb killed nine people in the village of Kadirawela, in Matara district, on "
     "Tuesday, police said.", "bomb", "Kadirawela"),
    # a town the gazetteer knows by another name, named as a town, which the tagger takes
    # for a person
    ("DAMASCUS - Syria's army retook the town of Palmyra from Islamic State fighters on Sunday, state media "
     "said.", "retook", "Palmyra"),
    # "north of X" places the event at X, even with a time word between (a misparse the
    # small model makes)
    ("Police said a gun battle on Sunday west of the capital of Ingushetia left three militants dead.",
     "gun battle", "Ingushetia"),
    # a country before the event noun says whose strike, the locative says where
    ("He was killed in a 2015 U.S. drone strike in Yemen, officials said.", "drone", "Yemen"),
    # the place of a casualty list hangs on its last victim
    ("CAIRO -- A bomb hit a church on Sunday. On Friday, two bombs killed six police officers and a civilian in "
     "Giza, officials said.", "six police", "Giza"),
    # a town's quarter the gazetteer lacks, on the object's phrase, named with its town
    ("CAIRO -- On Friday, a bomb killed two police officers and a guard in Giza's Haram district, officials "
     "said.", "bomb", "Haram district, Giza"),
    # a country before an event noun says whose it is, also inside a locative phrase
    ("IDLIB, Syria - Rebels shelled government positions near Idlib on Monday. Their commander was killed in "
     "an August 2015 U.S. drone strike.", "drone", "Idlib"),
    # "in front of X" is at X
    ("NEW YORK - A bomb went off in front of 131 West 23rd Street on Saturday night, injuring 29 people.",
     "bomb", "West 23rd Street"),
    # a named street or numbered road the clause puts it on, which no gazetteer holds, named
    # with its town as an address is
    ("TYLER, Texas - Deputies arrested two men on Maple Ridge Road on Tuesday.", "arrested", "Maple Ridge Road, Tyler"),
    ("TYLER, Texas - A man was arrested in the 400 block of Elm St. on Friday.", "arrested", "Elm St., Tyler"),
    ("TYLER, Texas - Troopers arrested the driver on FM 1204 late Sunday.", "arrested", "FM 1204, Tyler"),
    ("DAYTON, Ohio - About 200 people marched near the intersection of Third Street and Main Street.",
     "marched", "Third Street, Dayton"),
    # a local force arrests in its own town, named in its name
    ("Henderson County deputies searched a field on Monday. The Athens Police Department arrested a "
     "33-year-old man on Tuesday.", "Athens Police", "Athens"),
    # a clause that happens at the same moment ("when", "while") shares its place
    ("GAO, Mali - Rebels attacked an army post in Gao on Monday. On Tuesday, troops were patrolling in Kidal "
     "when a roadside bomb exploded, killing two soldiers.", "roadside", "Kidal"),
    ("GAO, Mali - Rebels attacked an army post in Gao on Monday. Two soldiers were killed on Tuesday while "
     "patrolling in Kidal.", "Two soldiers", "Kidal"),
    # ... but less than the event's own: "while talks begin in Geneva" is a second scene
    ("TRIPOLI, Libya - Fighting raged on the southern outskirts of Tripoli on Monday while military talks "
     "began in Geneva.", "Fighting", "Tripoli"),
    # a wire agency's dateline names the bureau that filed, not where its lead's news happened
    ("Kano (AFP) - Jihadists killed at least 11 soldiers in an attack on a military base late on Saturday, "
     "security sources said on Monday.\n\nThe base lies in Magumeri, some 50 kilometres northwest of Maiduguri in "
     "Borno state.", "Jihadists", "Magumeri"),
    # the agent's own words are a party, but its locative phrase says where it acted
    ("ANKARA - Police detained 41 suspects in Ankara on Tuesday. Also on Monday, gendarmerie forces in the "
     "eastern province of Erzurum detained five people.", "gendarmerie", "Erzurum"),
    # a locative of the arrest's purpose ("for questioning in X") is where it was made
    ("IMPHAL, India - Gunmen fired on a relief camp near Imphal on Friday. Three men were later detained for "
     "questioning in Bishnupur district, officials said.", "detained for", "Bishnupur district"),
    # a district of the setting's state far from its town is no region holding the town:
    # "Katsina's Safana" is not "somewhere around Katsina"
    ("KATSINA, Nigeria - Bandits abducted 14 farmers in Katsina's Safana Local Government Area on Sunday, "
     "residents said.", "abducted", "Safana"),
    # a dateline whose town is followed by its country and a wire agency: the town is the
    # setting, the agency no place
    ("PEMBA, Mozambique (Lusa) - Insurgents killed four fishermen on Tuesday, officials said.", "killed", "Pemba"),
    # a place's lower-case particle, after "near", though the tagger calls the name a person
    ("NAMPULA, Mozambique - Insurgents killed four fishermen near Mocímboa da Praia on Tuesday.", "killed",
     "Mocímboa da Praia"),
    # "the community of X", "the township of X" name a settlement as "the village of X" does
    ("CHILPANCINGO, Mexico - Gunmen stormed the mountain community of Tlacotepec on Sunday, killing two "
     "farmers.", "stormed", "Tlacotepec"),
    # a road between two towns the gazetteer lacks is near the first
    ("SINJAR, Iraq - A drone struck a car on the road between Gir Zerik and Sulagh on Tuesday, killing two "
     "fighters.", "drone", "Gir Zerik"),
    ("RAIPUR, India - Two rebels were shot dead in the forests between Pamed and Tarrem on Sunday.", "shot",
     "Pamed"),
    # a locative hung on the parties of "clashes between X and Y" is the clash's (a guard:
    # the frame gave it before)
    ("LIMA, Peru - Two people were killed on Tuesday during clashes between farmers and police at the bus "
     "terminal in Juliaca, officials said.", "clashes", "Juliaca"),
    # where an attempt to storm a post was aimed, and an arrest made "from" a town
    ("NIAMEY, Niger - Gunmen killed 17 soldiers near Tera on Monday. The army said an attempt to storm an army "
     "post near Ouallam was repelled on Sunday.", "attempt", "Ouallam"),
    ("KHULNA, Bangladesh - Police fired on students in Khulna on Monday. The bus driver was arrested from "
     "Jessore on Monday night.", "arrested", "Jessore"),
    # a village the gazetteer lacks "close to the border with Mali" is on this side of it
    ("NIAMEY, Niger - Gunmen killed 17 soldiers near Tera on Monday. A patrol was attacked on Tuesday near "
     "Banibangou, close to the border with Mali, the ministry said.", "patrol", "Banibangou"),
    # a site named after a town the report names is in that town, not the dateline's
    ("LIMA, Peru - Clashes at Juliaca airport killed two people on Tuesday, officials in Lima said. Shops in "
     "Juliaca stayed closed.", "Clashes", "Juliaca airport"),
    # streets and quarters named noun first, which no gazetteer holds, reached through
    # "during an operation in X" and "lanes of X"
    ("SAO PAULO, Brazil - Police killed four suspects during an operation in the Complexo da Maré on Tuesday, "
     "officials said.", "killed", "Complexo da Maré"),
    ("RIO - About 200 residents blocked lanes of Avenida Brasil on Monday.", "blocked", "Avenida Brasil"),
    ("MANILA - Police shot dead two suspects during a drug raid in Barangay 412 on Monday.", "shot", "Barangay 412"),
    # "the port city", "the town": the town the report named last before it
    ("DHAKA, Bangladesh - Students blocked roads in Dhaka on Monday. In Khulna, police fired on a march, "
     "killing a student. Officials imposed a curfew in parts of the port city on Monday night.", "curfew", "Khulna"),
    ("ISLAMABAD - Police arrested six men in Islamabad on Friday. Hours later, a bomb exploded at a market in "
     "Peshawar. Four more people were arrested in the city on Saturday.", "Four more", "Peshawar"),
    # "the capital" is the country's capital, when the report has named it (a guard: the frame gave it before)
    ("MISRATA, Libya - Police detained a smuggler in Tripoli on Monday. Elders in Misrata called for calm. "
     "Heavy clashes broke out overnight in the capital's southern suburbs, residents said.", "clashes", "Tripoli"),
    # what was "set on fire" is the act's object, and where it stands is where the act was
    ("Families fled their homes in Ballymena on Wednesday, while a leisure centre in Larne was set on fire.",
     "leisure", "Larne"),
    # a town the tagger calls a product is a place when it is what was shelled
    ("KHERSON, Ukraine - Russian artillery shelled Beryslav overnight, wounding a woman, the governor said.",
     "shelled", "Beryslav"),
    # "the <city> suburb of <town>": the suburb is the town, not the city
    ("LYON, France - Youths set fire to cars in the Lyon suburb of Villeurbanne on Friday, police said.", "fire",
     "Villeurbanne"),
    # the event noun's relative clause is its own clause, and says where
    ("PARIS - The rioting that erupted in Nanterre on Tuesday spread to other towns, police said.", "rioting",
     "Nanterre"),
    # a clause that attaches no place takes the town its sentence's main clause is set in,
    # not a speaker's (the last a guard)
    ("KHARTOUM, Sudan - Residents in Omdurman counted 12 dead after heavy shelling on Tuesday.", "shelling",
     "Omdurman"),
    ("KHARTOUM, Sudan - Omdurman's main market was quiet on Wednesday, a day after shelling killed 12 people "
     "there.", "shelling", "Omdurman"),
    ("NAIROBI, Kenya - A doctor at the hospital in Kisumu said police shot two traders on Monday.", "shot",
     "Nairobi"),
    # the neighbour a border is "with" is across it
    ("SOKOTO, Nigeria - Suspected militants attacked farming villages along the Kebbi border with Niger Republic "
     "on Sunday, killing 13 people, residents said.", "attacked", "Kebbi"),
    # a named wild the gazetteer lacks, named with what it is
    ("SRINAGAR - A gunfight broke out in the dense Hafruda forest in Kupwara district on Sunday evening, police "
     "said.", "gunfight", "Hafruda forest"),
])
def test_the_clause_place_is_the_most_specific_one_it_attaches(text, word, place):
    assert the_event(text, word).place == place


@pytest.mark.parametrize("text, place", [
    # one sentence's coordinated clauses share a scene: the arrest is where the search was
    ("ANKARA, Turkey - The gunman's family home in the western province of Aydin was searched on Tuesday "
     "and his parents were detained, the agency said.", "Aydin"),
    # unless the arrest's own clause names a place, or a clause denies being anywhere
    ("ANKARA, Turkey - The gunman's family home in Aydin was searched on Tuesday and his parents were "
     "detained in Izmir, the agency said.", "Izmir"),
    ("LOMBARD, Ill. - The caller said a nephew had been arrested on Monday. The nephew had never been "
     "arrested and was not even in Canada.", "Lombard"),
])
def test_a_clause_takes_the_place_of_the_clause_it_is_coordinated_with(text, place):
    _arrest_placed(text, place, last=True)


def test_a_place_name_modifying_the_event_noun_is_where():
    # "Kvemo" is a village the gazetteer lacks, named as one later; the model reads the
    # headline's "Kvemo" as an adjective of "attack"
    text = ("Ossetian envoy condemns Kvemo attack. A police car exploded on a mine near the village Kvemo, "
            "south of Tskhinvali.")
    attacks = [e for e in events_in(text) if e.event_type and "condemns" in e.sentence]
    assert attacks and attacks[0].place == "Kvemo"


@pytest.mark.parametrize("text, word, place", [
    ("Woman charged in store fight. A clerk was arrested Monday after she cut two people with a knife, "
     "according to the Gainesville Police Department arrest report.", "arrested", "Gainesville"),
    ("Man held after chase. A man was arrested Wednesday after a chase, according to the Evansville Police "
     "Department.", "arrested", "Evansville"),
])
def test_a_report_told_by_a_local_institution_is_set_in_its_town(text, word, place):
    # no place is used as a location: the town whose police tell the incident is its setting
    assert the_event(text, word).place == place


@pytest.mark.parametrize("text, place", [
    # an arrest no one is named making, told by a town's police: made in that town
    ("RALEIGH, N.C. - A man was shot outside a bar in Raleigh on Friday. Separately, Durham police said two "
     "women had been arrested over a string of pharmacy thefts.", "Durham"),
    # guard: a state's police tell of arrests anywhere in the state; the setting stays
    ("RALEIGH, N.C. - A man was shot outside a bar in Raleigh on Friday. North Carolina State Highway Patrol "
     "officers said two women had been arrested.", "Raleigh"),
])
def test_an_arrest_told_by_a_towns_police_is_made_in_that_town(text, place):
    _arrest_placed(text, place, last=False)


def test_a_domestic_charge_the_clause_does_not_place_is_at_the_report_setting():
    e = the_event("DANBURY, Conn. - Police arrested a Danbury man on Monday after a break-in on Main Street. "
                  "The man was charged with burglary and larceny, police said.", "charged")
    assert (e.place or "").lower() == "danbury" and e.geo_precision == "report-focus"


def test_a_background_incident_without_a_place_is_at_the_report_setting():
    # docs/annotation.md: the event's own clause, failing that the report's setting
    e = the_event("TBILISI, Georgia - Police detained ten opposition activists in Tbilisi on Monday. One of them, "
                  "a former minister, was arrested in 2007 as well.", "2007")
    assert e.timing == "background"
    assert e.place.lower() == "tbilisi" and e.geo_precision == "report-focus"


def test_a_foreign_government_statement_is_not_placed_at_the_setting():
    e = the_event("ALEPPO, Syria - Government forces shelled the eastern districts on Monday. In Moscow, Russia "
                  "rejected calls for a truce.", "rejected")
    assert e.place != "ALEPPO"


@pytest.mark.parametrize("text, word, place", [
    ("PARIS - Gunmen opened fire outside the Carillon bar on Friday night, killing 15 people.", "Gunmen",
     "Carillon bar, Paris"),
    ("CHATTANOOGA, Tenn. - Police arrested three men on McCallie Avenue on Thursday afternoon.", "arrested",
     "McCallie Avenue, Chattanooga"),
    # a street or a district the clause names, with its town; a place inside the town the
    # sentence names is named first (the most specific place, as ACLED's location is)
    ("Police fired water cannon at protesters on Ingorokva Street in Tbilisi on Friday.", "water cannon",
     "Ingorokva Street, Tbilisi"),
    ("A ceasefire took hold in Tripoli on Tuesday after heavy clashes between two armed groups in the Souq "
     "Al-Juma district.", "ceasefire", "Souq Al-Juma, Tripoli"),
    ("A bomb exploded at a mosque in Kabul's Khair Khana area on Friday, killing 12 worshippers.", "bomb",
     "Khair Khana, Kabul"),
])
def test_a_site_is_named_with_its_town_as_an_address_is(text, word, place):
    assert the_event(text, word).place == place


def test_a_second_scene_keeps_its_own_place():
    # "while talks began in Geneva": the talks are in Geneva, the fighting at Sirte
    evs = events_in("SIRTE, Libya - Fighting raged near Sirte on Monday while military talks began in Geneva.")
    places = {e.plover if e.event_type is None else e.sub_event_type: e.place for e in evs}
    assert places.get("CONSULT") == "Geneva" and places.get("Armed clash") == "Sirte", places


@pytest.mark.parametrize("name, feature, within, inside", [
    ("Souq Al-Juma", "district", "Tripoli", True),
    ("Al-Shatt Road", "landmark", "Tripoli", True),
    # a name the gazetteer lacks is only placed at the report's town, which need not hold it
    ("Qaryatain", "landmark", "Tripoli", False),
    ("Tajoura", "city", "Tripoli", False),
])
def test_what_names_an_incident_with_its_town_lies_inside_it(name, feature, within, inside):
    from sitrep.extractors.events import _lies_in
    from sitrep.models import Place
    town = Place(name="Tripoli", start=0, end=7, country="LY", feature="city", admin1="Tripoli")
    assert _lies_in(Place(name=name, start=10, end=20, country="LY", feature=feature, within=within), town) is inside


def _parsed(text: str):
    from sitrep.extractors.parse import parse_articles
    from sitrep.readers import article_from_text
    (parsed,) = list(parse_articles([article_from_text(text, published="2019-09-14")]))
    return parsed


@pytest.mark.parametrize("text, outer, named", [
    # names the gazetteer lacks, said in words to lie in a place (events._described_within)
    ("The shooting happened late Sunday in Kwarangi, a hamlet in Bokkos local government area.", "Bokkos",
     {"Kwarangi"}),
    ("Activists clashed in Begumganj upazila town of Noakhali on Friday.", "Noakhali", {"Begumganj"}),
    ("Meanwhile, a village in Bokkos was calm.", "Bokkos", set()),  # no name: a word of the sentence
    ("The shooting happened in Kwarangi, 20 km from Bokkos.", "Bokkos", set()),  # a distance says no "in"
])
def test_a_place_the_report_says_lies_in_another_is_read_from_its_words(text, outer, named):
    from sitrep.extractors.events import _described_within
    assert _described_within(_parsed(text), outer) == named


def test_a_headline_place_carries_no_line_break():
    # read as `sitrep eval` reads a report: the headline in the text, no title apart
    from sitrep.evaluate import extract_records
    text = ("Junta air strikes kill 11 in Sagaing villages; resistance forces hit outposts near Mandalay\n\n"
            "YANGON - Myanmar junta air strikes killed at least 11 civilians on Saturday.")
    out = extract_records([{"id": "r", "title": "", "text": text, "published": "2023-06-20"}])["r"]
    places = [e["place"] for e in out["events"] if e.get("place")]
    assert places and all(p == p.strip() for p in places), places


def test_the_setting_of_unplaced_events_is_the_town_not_one_incidents_quarter():
    """A report whose one placed incident is in "north Minneapolis" sets its other incidents
    in Minneapolis, not in that quarter."""
    events = events_in("MINNEAPOLIS - Protesters marched after a fatal police shooting in north Minneapolis on "
                       "Tuesday. Two squad cars were set on fire late on Wednesday.", "2016-10-13")
    burned = next(e for e in events if "squad cars" in e.sentence)
    assert burned.place == "Minneapolis", burned.place


@pytest.mark.parametrize("text, place", [
    # "the hinterlands of X": the area noun's place is X, not the town the report names most
    ("Rebels ambushed an army patrol in the hinterlands of Himamaylan City on Monday, the military said. Police in "
     "Kabankalan City said on Tuesday that Kabankalan City officials met. Kabankalan City stayed calm.",
     "Himamaylan City"),
    # a town written with its Arabic article in lower case
    ("Air strikes killed 12 people in al-Atarib on Monday, the monitor said.", "al-Atarib"),
    # ... and before a unit noun: the district's name keeps its article
    ("TRIPOLI, Libya - A drone strike killed two men in the city's al-Nasr district on Monday, officials said.",
     "al-Nasr, Tripoli"),
    # where the protesters come from, or what a participle set off after the clause is about,
    # is not where they protested
    ("Crowds of young men from the Karrada and Mansour neighbourhoods gathered after the evening prayer in Baghdad "
     "on Sunday, chanting against the government.", "Baghdad"),
    ("In Basra, dozens of protesters blocked a highway on Sunday night and burned tyres, denouncing power cuts in "
     "the Al-Jumhuriya neighbourhood.", "Basra"),
    # a sea that only describes the island is not where the island's roads were blocked
    ("MORONI, Comoros - Protesters blocked roads across the Indian Ocean island on Tuesday.", "Moroni"),
])
def test_an_incident_is_placed_where_its_clause_says(text, place):
    events = [e for e in sitrep.extract("Report\n\n" + text, published="2023-10-14").events if e.event_type]
    assert events and events[0].place == place, [(e.sub_event_type, e.place) for e in events]


@pytest.mark.parametrize("text, word, place", [
    # a village the gazetteer does not hold, named after "in" or "near", is the most specific
    # place the text names; it keeps the setting's coordinates and is named alone, as every
    # place found at a town that need not hold it ("Banibangou" in a Niamey report)
    ("BOKKOS, Nigeria - Gunmen attacked farmers in Tanjol on Sunday night, killing five people, police said.",
     "Gunmen", "Tanjol"),
    # the site the act is at lies in the village: "at their homes in X" is in X
    ("LOME - Security forces arrested two activists at their homes in Agoè on Saturday morning.", "arrested",
     "Agoè"),
    # the object of a verb that takes, storms or shells a place is that place, whatever the
    # tagger calls the name
    ("GOMA - M23 rebels seized control of Nyanzale on Sunday after heavy fighting.", "seized", "Nyanzale, GOMA"),
    ("KUMBA - On Monday morning, soldiers stormed Ediki and burned houses.", "stormed", "Ediki, Kumba"),
    ("DUSHANBE - Tajik forces shelled Kok-Tash with mortars on Thursday, the Kyrgyz side said.", "shelled",
     "Kok-Tash, Dushanbe"),
    # a named street a site stands on is as near as the site; a numbered street is named by its number
    ("LONDONDERRY - A car bomb exploded outside the courthouse on Bishop Street on Saturday night.", "exploded",
     "Bishop Street, Londonderry"),
    ("SURREY, B.C. - Shots were fired at a sweet shop on 72 Avenue on Tuesday morning.", "fired", "72 Avenue, Surrey"),
    # a name with the noun that says it is a village, a quarter or a sub-unit of the district named
    ("MOROTO, Uganda - Raiders attacked a kraal in Lomukura village on Friday, killing two herders.", "attacked",
     "Lomukura"),
    ("KOTIDO, Uganda - Warriors attacked a homestead in Panyangara Sub-county, Kotido District, on Friday.",
     "attacked", "Panyangara Sub-county"),
    # the Arabic article in lower case opens a village's name
    ("ASSIUT, Egypt - Police were deployed on Sunday in the village of al-Mandara in Abu Tig district.",
     "deployed", "al-Mandara, Abu Tig"),
    # "at X in Y": a name the tagger took for an organisation is a place when it lies in a place
    ("LODWAR, Kenya - Raiders attacked herders at Nakukulas in Tiaty on Monday, killing one.", "attacked",
     "Nakukulas, Lodwar"),
])
def test_a_village_no_gazetteer_holds_is_named_where_the_text_names_it(text, word, place):
    assert the_event(text, word).place == place


@pytest.mark.parametrize("text, word, absent", [  # guards: bodies and people are no villages
    ("KABUL - Lawmakers clashed in Parliament on Saturday over the budget, officials said.", "clashed",
     "Parliament"),
    ("NAIROBI - Police arrested two men near Kenyatta's former home on Saturday, officers said.", "arrested",
     "Kenyatta"),
    ("BAMAKO - Mutinous soldiers stormed Parliament on Monday, witnesses said.", "stormed", "Parliament"),
])
def test_a_body_or_a_persons_name_after_in_is_no_village(text, word, absent):
    assert absent not in (the_event(text, word).place or "")



_RALLY_REPORT = ("Rally blocked\n\n{dateline} Shops closed yesterday as police fired teargas to disperse opposition "
                 "supporters who had gathered for a rally at a school ground.\n\n{town} residents said the town was "
                 "calm by evening. Last month, 54 people were killed in Kampala during riots.")


@pytest.mark.parametrize("dateline, town", [
    ("ARUA.", "Arua"),  # a paragraph's capitalised name and a full stop: the local press's dateline
    ("GULU:", "Gulu"),  # and with a colon
])
def test_a_capitalised_name_opening_the_report_with_a_stop_is_its_dateline(dateline, town):
    events = events_in(_RALLY_REPORT.format(dateline=dateline, town=town))
    assert events and events[0].place == town, [(e.sub_event_type, e.place) for e in events]


def test_a_town_read_only_through_a_distant_towns_variant_name_is_not_the_report_city():
    """"Baghdadi" is a variant name of Baghdati, Georgia; named more often than Karachi, it
    is still a quarter of the Karachi the report is filed from, not the report's city."""
    events = events_in("Two shot dead in Baghdadi\n\nKARACHI: Two men were shot dead in the Baghdadi area on "
                       "Tuesday night, police said.\n\nBaghdadi has seen a string of killings. Police in Baghdadi "
                       "said the attackers fled. Gangs in Baghdadi demand money from traders. Karachi police said "
                       "more patrols were sent.")
    shot = next(e for e in events if "shot dead" in e.sentence)
    assert shot.place == "Baghdadi, Karachi" and round(shot.lat) == 25, (shot.place, shot.lat)


def test_the_seat_of_a_region_is_the_town_the_report_names_in_it():
    """"the chief town of Mbomou prefecture" is Bangassou, which the report names, not the
    prefecture (named with it, town first)."""
    events = events_in("Residents shelter at cathedral\n\nHundreds of families sheltered at the cathedral in Bangassou "
                       "on Tuesday. Armed men attacked several neighbourhoods in the east of the chief town of Mbomou "
                       "prefecture on Monday night, residents said. Bangassou was calm by morning.")
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert attack.place in ("Bangassou", "Bangassou, Mbomou"), [(e.sub_event_type, e.place) for e in events]


def test_a_clause_own_place_comes_before_the_place_of_the_clause_it_shares_a_scene_with():
    # the "while" clause's killing is in Chirang, not at the shop its main clause names
    events = events_in("KOKRAJHAR, Assam - A shopkeeper was shot dead by gunmen at his shop in Kokrajhar district's "
                       "Serfanguri on Monday night, while a suspected militant was killed in an encounter with police "
                       "in neighbouring Chirang district early on Tuesday, police said.", "2023-09-13")
    places = {e.sub_event_type: e.place for e in events}
    assert places.get("Armed clash") == "Chirang" and places.get("Attack") == "Serfanguri", places


@pytest.mark.parametrize("text, word, place", [
    # the region its sentence puts the town in, as the report writes it
    ("Bandits killed four farmers near Gusau in Zamfara State on Sunday.", "killed", "Gusau, Zamfara State"),
    # a district's region spelt as the report spells it, not as the gazetteer does ("Zābul")
    ("A roadside bomb hit a vehicle in the Shahjoy district of Zabul province on Sunday, killing two people.",
     "hit", "Shahjoy, Zabul"),
])
def test_an_incident_is_named_with_the_region_its_report_puts_it_in(text, word, place):
    assert the_event(text, word).place == place


def test_a_dateline_town_is_no_region_holding_a_place():
    # guard: the dateline's city holds names the gazetteer lacks only as the report's town
    text = "RAIPUR, India - Two rebels were shot dead in the forests between Pamed and Tarrem on Sunday."
    assert the_event(text, "shot").place == "Pamed"


def test_a_hamlet_of_a_country_the_report_never_names_is_not_its_place():
    # "Mundri" is in the gazetteer only as a village of Java; the report is in South Sudan
    events = events_in("JUBA - Soldiers and rebels clashed near Mundri on Sunday, the army said. Officials in Juba "
                       "said troops had been sent from Yei and Wau to the area. Aid agencies in Rumbek said families "
                       "had fled.", published="2024-02-20")
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert clash.lat is not None and clash.lat > 0, (clash.place, clash.lat, clash.lon)  # north of the equator


@pytest.mark.parametrize("text, word, place", [
    # a site named by a place, with the noun that says what it is: the most specific place named
    ("Several people were killed in clashes between gold miners and armed men at the Kouri Bougoudi mining site "
     "in Tibesti province on Saturday.", "killed", "Kouri Bougoudi mining site"),
    # fire "on" a named post is at it
    ("Militants opened fire on the Shalbandai checkpost in Buner on Monday night.", "fire", "Shalbandai checkpost"),
])
def test_a_named_site_is_the_place_of_its_event(text, word, place):
    assert the_event(text, word).place == place


@pytest.mark.parametrize("text, word, place", [
    # two words of one name, each a town of some other country in the gazetteer
    ("Gunmen shot dead an elder in Jamal Garhi near Mardan on Monday.", "shot", "Jamal Garhi"),
    ("Two policemen were martyred in an attack on a mobile van near Pir Baba in Buner in August.", "martyred",
     "Pir Baba"),
])
def test_a_two_word_name_the_gazetteer_lacks_stays_one_name(text, word, place):
    assert the_event(text, word).place == place



@pytest.mark.parametrize("text, word, place", [
    # the settlements a stretch lies between, named before their plural noun: the first, not
    # the district the villages lie in
    ("One cadre was killed when rebels exchanged fire in a jungle stretch between Jakhama and Kigwema villages "
     "in Kohima district late Monday.", "exchanged", "Jakhama"),
    # a town and, after ", in", the zone that holds it (a name the gazetteer lacks)
    ("A drone struck a crowded market in Dessie town, in South Wollo zone of the Amhara region, on Sunday, "
     "killing nine people.", "struck", "Dessie"),
    # the members of a convoy are where its trucks were, not the town a distance is told from
    ("Rebels ambushed a convoy of military trucks near Man Pwe village, about 20 km north of Lashio town, "
     "on Sunday.", "ambushed", "Man Pwe"),
])
def test_the_place_a_clause_names_through_a_list_a_holder_or_a_convoy(text, word, place):
    assert the_event(text, word).place == place


def test_an_office_holder_is_attacked_where_the_office_is():
    # "the mayor of X": X is a place, whatever the tagger calls it, and where he was shot
    ev = the_event("Gunmen shot dead the mayor of Tetela del Volcán outside the town hall on Monday, "
                   "officials in Morelos said.", "shot")
    assert (ev.place or "").startswith("Tetela del Volcán"), ev.place


def test_a_dateline_the_parser_made_a_second_subject_is_no_party():
    parsed = _parsed("MON/TIZIT, MAR 3 (NNA): One villager was killed when rival cadres exchanged fire "
                     "near Satakha late Sunday.")
    deps = {t.text: t.dep_ for t in parsed.doc}
    assert deps["TIZIT"] not in ("nsubj", "nsubjpass") and deps["villager"] == "nsubjpass", deps


def test_a_traditional_rulers_title_is_no_place():
    text = ("Gunmen on Friday night shot dead the traditional ruler of Umuchu community, also in Aguata LGA, "
            "Igwe Chidi Okafor, near his palace.")
    assert "Igwe" not in {p.name for p in sitrep.extract(text, published="2024-03-05").places}


@pytest.mark.parametrize("text, verb, place, where", [
    # where people fled, or were driven, is where they went, not where the violence was
    ("The raids left six dead and pushed hundreds of families towards Titao.", "pushed", "Titao", False),
    ("Gunmen killed four herders, forcing residents to flee toward Gao.", "flee", "Gao", False),
    # guard: troops sent towards a town are deployed there; a shot fired towards a village hit there
    ("Reinforcements were sent towards Menaka on Tuesday.", "sent", "Menaka", True),
    ("Soldiers fired towards the village of Kouka.", "fired", "Kouka", True),
])
def test_where_the_fleeing_went_is_not_where_they_were_attacked(text, verb, place, where):
    from sitrep.extractors.event_place import _locative_objects
    from sitrep.extractors.parse import load_nlp
    doc = load_nlp()(text)
    tok = next(t for t in doc if t.text == verb)
    names = {t.text for g, _ in _locative_objects(tok) for t in g.subtree}
    assert (place in names) == where, names


_CURFEW_REPORT = ("{headline}: Curfew imposed after clash leaves three dead\n\nThe Interior Minister imposed a "
                  "dusk-to-dawn curfew on Monday after a clash between two factions left three people dead over the "
                  "weekend. Police said nine suspects had been arrested. A team of soldiers from the barracks in "
                  "Tamale was deployed to restore calm, and traders in Tamale closed their shops in sympathy.")


@pytest.mark.parametrize("headline, place", [
    ("Bimbilla", "Bimbilla"),  # a town the tagger does not call a place
    ("Salaga", "Salaga"),
    ("Opinion", "Tamale"),  # guard: a headline's label is no place
])
def test_the_place_a_headline_opens_with_is_where_the_news_is(headline, place):
    from sitrep.evaluate import extract_records
    text = _CURFEW_REPORT.format(headline=headline)
    events = extract_records([{"id": "h", "title": "", "text": text, "published": "2024-06-18"}])["h"]["events"]
    arrests = [e for e in events if e.get("sub_event_type") == "Arrests"]
    assert arrests and arrests[0]["place"] == place, [(e.get("sub_event_type"), e.get("place")) for e in events]
