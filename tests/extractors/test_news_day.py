"""The day of a report's news (report_frame._lead_date) and what is news: a dateline's date
is when the report was filed (after a dash, or on a line of its own), not the day its lead tells; incidents "in separate attacks on
Sunday and Monday" are the days' news, not a tally. Sentences are the project's own."""
from __future__ import annotations

import sitrep
from sitrep.evaluate import extract_records


def test_a_datelines_date_is_not_the_day_of_the_news():
    text = ("Strike day ends in clashes\n\nSantiago, March 9th 2023 (WireCo) - Police and strikers clashed outside "
            "the copper ministry in Santiago on Wednesday as thousands marched through the city centre.\n\n"
            "Officials said 14 police officers were hurt. Twenty people were arrested.")
    ex = sitrep.extract(text, published="2023-03-09")
    arrests = [e for e in ex.events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].date_start == "2023-03-08", [(e.sub_event_type, e.date_start) for e in ex.events]


def test_incidents_in_separate_attacks_on_named_days_are_news():
    text = ("Three farmers were killed and a policeman was wounded in separate attacks in Plateau State on Sunday "
            "and Monday, police said.")
    ex = sitrep.extract(text, published="2023-05-16")
    told = [e for e in ex.events if e.event_type]
    assert told and all(e.timing == "current" for e in told), [(e.sub_event_type, e.timing, e.rule) for e in told]


def test_a_dateline_date_on_its_own_line_is_not_the_news_day():
    text = ("Curfew in parts of Pokhara after protest\n\nPost Report\n\nPokhara, April 23\n\nThe district "
            "administration on Thursday evening imposed a curfew in parts of the city after a protest turned "
            "violent. Police arrested 12 people.")
    events = sitrep.extract(text, published="2021-04-23").events
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].date_start == "2021-04-22", [(e.sub_event_type, e.date_start) for e in events]


def test_a_reporters_byline_place_is_the_reports_setting():
    # a record whose text keeps its byline line (a feed's item, `sitrep eval`'s reports)
    text = ("Curfew and talks\n\nAnother week of strikes as leaders in Kathmandu and the front talk past each other\n\n"
            "By Ramesh Karki in Janakpur\n\nA curfew stayed in force for a second day on Friday. Protesters set "
            "fire to a police post on Wednesday, and 12 people were arrested on Thursday.\n\nNepal Police "
            "headquarters in Kathmandu said the arrests were lawful. Ministers met in Kathmandu on Thursday.")
    out = extract_records([{"id": "r", "title": "", "text": text, "published": "2015-11-27"}])["r"]
    places = {e["sub_event_type"]: e["place"] for e in out["events"] if e.get("event_type")}
    assert places.get("Arrests") == "Janakpur", places


def test_a_byline_cut_from_the_text_still_sets_the_reports_setting():
    # sitrep.extract cuts a leading "By X in Y" into the byline; where Y is named, it is the dateline
    text = ("Curfew stays in the plains\n\nBy Ramesh Karki in Janakpur\n\nA curfew stayed in force for a second "
            "day on Friday. Protesters set fire to a police post on Wednesday, and 12 people were arrested on "
            "Thursday, police in Janakpur said.\n\nNepal Police headquarters in Kathmandu said the arrests were "
            "lawful. Ministers met in Kathmandu on Thursday, and officials in Kathmandu promised talks.")
    ex = sitrep.extract(text, published="2015-11-27")
    assert ex.article.byline == "By Ramesh Karki in Janakpur"
    places = {e.sub_event_type: e.place for e in ex.events if e.event_type}
    assert places.get("Arrests") == "Janakpur", places


def test_an_exchange_of_fire_overnight_is_the_night_before_the_report():
    text = "An exchange of fire overnight between gunmen in two rival districts of Tripoli killed two people."
    events = [e for e in sitrep.extract(text, published="2015-03-17").events if e.event_type]
    assert events and events[0].date_start == "2015-03-16", [(e.sub_event_type, e.date_start) for e in events]


def _lead(text: str) -> str:
    from sitrep.extractors.parse import parse_articles
    from sitrep.extractors.report_frame import lead_end_offset
    from sitrep.models import Article

    parsed = next(iter(parse_articles([Article(input_id="t", text=text)])))
    return parsed.text[:lead_end_offset(parsed)]


def test_a_headline_cut_into_sentences_is_one_sentence_of_the_lead():
    # "Province: X happens; Y happens" parses as three sentences, and is one headline
    text = ("Kivu: rebels seize two villages, at least 9 dead; march in Beni\n\nRebels seized two villages north "
            "of Beni on Sunday, killing nine people. Hundreds marched in Beni on Monday. Shops stayed shut on "
            "Tuesday. Police patrolled the market.")
    assert _lead(text).endswith("Hundreds marched in Beni on Monday."), _lead(text)


def test_a_byline_line_is_no_sentence_of_the_lead():
    text = ("Rebels seize two villages near Beni\n\nBy Amani Kasereka\n\nRebels seized two villages north of Beni "
            "on Sunday, killing nine people. Hundreds marched in Beni on Monday. Shops stayed shut on Tuesday.")
    assert _lead(text).endswith("Hundreds marched in Beni on Monday."), _lead(text)


def test_a_paragraph_opening_with_by_and_a_day_is_no_byline():
    text = ("Rebels seize two villages near Beni\n\nRebels seized two villages north of Beni on Sunday.\n\n"
            "By Tuesday, fighting had spread.\n\nShops stayed shut on Tuesday. Police patrolled the market.")
    assert _lead(text).endswith("By Tuesday, fighting had spread."), _lead(text)


def test_days_after_an_incident_count_from_the_governing_clause_day():
    text = ("Gulu was calm on Thursday under a curfew, two days after police opened fire on students marching "
            "to the district offices.")
    ex = sitrep.extract(text, published="2024-03-08")
    fired = [e for e in ex.events if e.event_type and "opened fire" in text[e.start:e.end + 20]]
    assert fired and fired[0].date_start == "2024-03-05", [(e.sub_event_type, e.date_start, e.rule) for e in ex.events]


def test_a_tally_of_captures_since_then_is_no_incident():
    text = ("The army launched its offensive in January. Since then, troops have captured several villages and hill "
            "bases once held by the rebels.")
    ex = sitrep.extract(text, published="2024-03-08")
    taken = [e for e in ex.events if e.sub_event_type == "Government regains territory"]
    assert all(e.timing == "generic" for e in taken), [(e.timing, e.rule) for e in taken]


def test_a_dated_attack_listed_under_a_tally_is_its_own_incident():  # guard for the "since then" tally
    text = ("Since then, the militants have killed dozens of soldiers in ambushes, including a November attack on "
            "a checkpoint in Mudiyah that killed 12 troops.")
    ex = sitrep.extract(text, published="2024-03-08")
    dated = [e for e in ex.events if e.event_type and e.timing != "generic"]
    assert dated and dated[0].date_start.startswith("2023-11"), [(e.timing, e.date_start, e.rule) for e in ex.events]


CONVOY = "Six soldiers were killed on Tuesday when their convoy was ambushed near Gao.\n\n"


def _dates_from(text: str, needle: str) -> list[tuple]:
    """The dates (and mentions) of the events one of whose mentions starts at or after `needle`."""
    ex = sitrep.extract(text, published="2024-03-21")
    at = ex.article.text.index(needle)
    return [(e.date_start, e.mentions) for e in ex.events if any(s >= at for s, _ in e.mentions)]


def test_a_paragraph_opening_with_a_day_goes_on_telling_that_days_story():
    # the ferry's arrival is no event: the shooting after it still happened on the day it names
    shots = _dates_from(CONVOY + "On Sunday, a crowded ferry reached the port of Bamba. Witnesses said gunmen on "
                        "the bank opened fire on the vessel.", "gunmen on the bank")
    assert shots and all(day == "2024-03-17" for day, _ in shots), shots


def test_a_day_someone_spoke_on_dates_nothing_the_next_sentence_tells():
    shots = _dates_from(CONVOY + "The army said on Wednesday that its troops had held the road. Gunmen on the bank "
                        "opened fire on a ferry near Bamba.", "Gunmen on the bank")
    assert shots and all(day != "2024-03-20" for day, _ in shots), shots
