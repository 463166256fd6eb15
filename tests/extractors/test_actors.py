"""Actor forms on sentences written for these tests: the generic forms every conflict
report uses (resolved with the report's focus country), dictionary names, people with
their roles, merged mentions, user dictionaries and the helpers other stages call."""
from __future__ import annotations

import pytest

import sitrep
from sitrep.extractors import actors

SYRIA = "Fighting continued in Aleppo, Syria, on Tuesday. "
A = pytest.param

FORM_CASES = [
    A("Pro-government troops entered the old city.", "Pro-government troops", "state_forces", "SYR", id="pro-government-troops"),
    A("Troops loyal to President Bashar Assad shelled the district.", "Troops loyal to President Bashar Assad", "state_forces", "SYR", id="troops-loyal-to"),
    A("The army said it had retaken the hill.", "The army", "state_forces", "SYR", id="the-army"),
    A("Regime forces advanced from the south.", "Regime forces", "state_forces", "SYR", id="regime-forces"),
    A("State media said the road was open.", "State media", "media", "SYR", id="state-media"),
    A("The rebels withdrew overnight.", "rebels", "rebels", "SYR", id="the-rebels"),
    A("Insurgents fired rockets at the airport.", "Insurgents", "rebels", "SYR", id="insurgents"),
    A("Militants attacked a checkpoint.", "Militants", "rebels", "SYR", id="militants"),
    A("Civilians fled across the river.", "Civilians", "civilians", "SYR", id="civilians"),
    A("Residents said the bakery was hit.", "Residents", "civilians", "SYR", id="residents"),
    A("Aid groups warned of famine.", "Aid groups", "ngo", None, id="aid-groups"),
    A("Russian warplanes struck the market.", "Russian warplanes", "state_forces", "RUS", id="foreign-warplanes"),
    A("Protesters gathered outside the governor's office.", "Protesters", "protesters", "SYR", id="protesters"),
    A("Unidentified gunmen opened fire on the bus.", "Unidentified gunmen", "political_militia", "SYR", id="gunmen"),
    A("The Syrian Observatory for Human Rights counted 40 dead.", "Syrian Observatory for Human Rights", "ngo", "GBR", id="dictionary-monitor"),
    A("Islamic State fighters held the town.", "Islamic State", "rebels", None, id="dictionary-armed-group"),
    A("UNICEF said 300 children were missing.", "UNICEF", "international_org", None, id="dictionary-un-agency"),
    A("The Syrian Foreign Ministry rejected the report.", "Syrian Foreign Ministry", "government", "SYR", id="ministry"),
]


@pytest.mark.parametrize("sentence, mention, kind, country", FORM_CASES)
def test_actor_form(sentence, mention, kind, country):
    ex = sitrep.extract(SYRIA + sentence, published="2016-12-07")
    text = ex.article.text
    start = text.index(mention, len(SYRIA) - 1)
    actor = actors.actor_at(ex, start, start + len(mention))
    assert actor is not None, [(a.name, a.mentions) for a in ex.actors]
    assert actor.kind == kind, actor
    assert actor.country == country, actor
    assert actor.id.startswith("a") and actor.mentions


def test_focus_country_from_the_report():
    from sitrep.extractors.parse import parse_articles
    from sitrep.readers import article_from_text

    parsed = next(parse_articles([article_from_text(SYRIA + "The rebels withdrew.", published="2016-12-07")]))
    ex = sitrep.models.Extraction(article=parsed.article)
    assert actors.focus_country(parsed, ex) == "SYR"


def test_surname_mentions_join_the_full_name():
    ex = sitrep.extract("Bashar Assad spoke on television. Later, Assad visited the front.", published="2016-12-07")
    people = [a for a in ex.actors if "Assad" in a.name]
    assert len(people) == 1 and len(people[0].mentions) == 2
    assert people[0].name == "Bashar Assad"


def test_a_named_group_with_a_generic_noun_is_one_actor():
    """"Hezbollah militants" is Hezbollah, not Hezbollah plus a second, generic rebel group."""
    ex = sitrep.extract("Hezbollah militants attacked an army post near the border on Monday.",
                        published="2016-12-07")
    assert [a.name for a in ex.actors if a.kind in ("rebels", "political_militia")] == ["Hezbollah"]


def test_the_ministry_joins_the_ministry_named_before():
    ex = sitrep.extract("The Russian Defense Ministry said two jets were lost. The ministry gave no details.",
                        published="2016-12-07")
    ministry = [a for a in ex.actors if a.name == "Russian Defense Ministry"]
    assert len(ministry) == 1 and len(ministry[0].mentions) == 2


def test_role_and_affiliation_from_apposition():
    text = ("Abu Khaled Hamdan, a spokesman for the rebel group Jaish al-Islam, said the fighters "
            "would not surrender.")
    ex = sitrep.extract(text, published="2016-12-07")
    person = next(a for a in ex.actors if a.name == "Abu Khaled Hamdan")
    assert person.role == "spokesman for the rebel group Jaish al-Islam"
    assert person.affiliation == "Jaish al-Islam"
    assert person.kind == "rebels"


def test_role_gives_country_and_kind():
    ex = sitrep.extract("Bashar Jaafari, Syria’s ambassador to the U.N., said the truce had failed.",
                        published="2016-12-07")
    person = next(a for a in ex.actors if a.name == "Bashar Jaafari")
    assert person.kind == "government" and person.country == "SYR"


@pytest.mark.parametrize("text, name, kind", [
    ("Acting Circuit Judge Mary Coker sentenced the man to ten years on Friday.", "Mary Coker", "government"),
    ("The Grave Crimes Court sentenced the journalist to nine years on Friday.", "Grave Crimes Court", "government"),
    ("The FBI raided the offices on Friday.", "Federal Bureau of Investigation", "state_forces"),
    ("The ICC charged the former president with war crimes.", "ICC", "international_org"),
    # a title the tagger reads as part of the name is still the person's role
    ("The tour ends as young Crown Prince Khalid bin Faisal flies home.", "Khalid bin Faisal", "government"),
])
def test_judges_courts_and_federal_police_are_the_state(text, name, kind):
    # a judge, a court, a prosecutor or the FBI acts for the state; the ICC for an organisation of states
    ex = sitrep.extract(text, published="2016-12-07")
    actor = next((a for a in ex.actors if a.name == name), None)
    assert actor is not None and actor.kind == kind, [(a.name, a.kind) for a in ex.actors]


@pytest.mark.parametrize("text, name, country", [
    ("DANBURY, Conn. - Acting Circuit Judge Mary Coker sentenced the man to ten years on Friday.", "Mary Coker",
     "USA"),
    ("ALEPPO, Syria - Aleppo Mayor Brita Hagi Hasan asked for a truce on Monday.", "Brita Hagi Hasan", "SYR"),
    ("The Grave Crimes Court in Baku sentenced the Azerbaijani journalist to nine years on Friday.",
     "Grave Crimes Court", "AZE"),
])
def test_a_local_office_holder_is_of_the_reports_country(text, name, country):
    # a judge, a mayor, a sheriff or a court named with no country holds office where the
    # report is set
    ex = sitrep.extract(text, published="2016-12-07")
    actor = next((a for a in ex.actors if a.name == name), None)
    assert actor is not None and actor.country == country, [(a.name, a.kind, a.country) for a in ex.actors]


def test_user_actors_csv_adds_rows(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text("# my actors\nname,kind,country,aliases,source_kind,stance\n"
                   "Northern Valley Brigade,rebels,SYR,NVB|Valley Brigade,partisan,pro-opposition\n",
                   encoding="utf-8")
    try:
        assert actors.load_user_actors(csv) == 1
        ex = sitrep.extract("The NVB said it had captured the bridge.", published="2016-12-07")
        brigade = [a for a in ex.actors if a.name == "Northern Valley Brigade"]
        assert brigade and brigade[0].kind == "rebels" and brigade[0].country == "SYR"
        src = [s for s in ex.sources if s.name == "Northern Valley Brigade"]
        assert src and src[0].kind == "partisan" and src[0].stance == "pro-opposition"
    finally:
        actors._USER_ENTRIES.clear()
        actors._dictionary.cache_clear()


def test_bad_user_csv_is_a_config_error(tmp_path):
    from sitrep.errors import ConfigError

    csv = tmp_path / "bad.csv"
    csv.write_text("name,kind\nSomeone,warlord\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        actors.load_user_actors(csv)
    actors._dictionary.cache_clear()


def test_dictionary_rows_are_valid():
    entries = list(actors.iter_entries())
    assert len(entries) > 80
    for e in entries:
        assert e.kind in actors.KINDS
        assert e.source_kind is None or e.source_kind in actors.SOURCE_KINDS
        assert e.country is None or len(e.country) == 3


@pytest.mark.parametrize("text, name, kind", [
    ("JNIM fighters attacked an army post near Djibo on Tuesday.", "Jama'at Nusrat al-Islam wal-Muslimin", "rebels"),
    ("NPA rebels ambushed an army patrol in Himamaylan on Tuesday.", "New People's Army", "rebels"),
    ("CODECO militiamen attacked a displacement site in Djugu on Tuesday.", "Cooperative for the Development of Congo",
     "identity_militia"),
])
def test_armed_groups_beyond_syria_are_named_by_their_acronyms(text, name, kind):
    # the dictionary's regional armed groups: an acronym names the group and its kind
    ex = sitrep.extract(text, published="2024-02-08")
    actor = next((a for a in ex.actors if a.name == name), None)
    assert actor is not None and actor.kind == kind, [(a.name, a.kind) for a in ex.actors]


def test_dictionary_names_and_aliases_are_unique():
    # one spelling (matched as written) names one actor: a repeat would make matching depend on row order
    seen: dict[str, str] = {}
    for e in actors.iter_entries():
        for spelling in (e.name, *e.aliases):
            assert seen.setdefault(spelling, e.name) == e.name, (spelling, seen[spelling], e.name)


def test_village_defence_guards_are_an_armed_side():
    # India's armed village militias: their members killed by militants is a battle
    ex = sitrep.extract("Two members of the Village Defence Guards (VDGs) were killed by terrorists in the upper "
                        "reaches of Doda on Tuesday.", published="2023-09-21")
    assert [e.sub_event_type for e in ex.events if e.event_type] == ["Armed clash"], \
        [(e.sub_event_type, e.rule) for e in ex.events]
