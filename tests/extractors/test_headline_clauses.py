"""A headline's clauses are parsed apart (layout.headline_breaks): "X; Y" and a kicker
"Place: ..." tell separate things, and the small parser, given a whole headline as one
sentence, often reads none of them. Each clause is still the headline (present tense is
news there, not a habit). Headlines are the project's own."""
from __future__ import annotations

import pytest
from conftest import written_report

from sitrep.evaluate import extract_records
from sitrep.extractors.layout import deck_span, headline_breaks

BODY = "\n\nOfficials gave no further details on Tuesday."


@pytest.mark.parametrize("text, starts", [
    ("Troops end siege of border post; at least nine killed" + BODY, ["at least nine killed"]),
    ("Kenya: police fire tear gas at marchers in Kisumu" + BODY, ["police fire tear gas"]),
    ("Troops end siege of border post, nine killed" + BODY, []),  # a comma joins one headline's clauses
    ("A full sentence; it ends with a stop.\n\nBody." , []),  # no headline: a sentence of the body
    ("One line only; no body after it", []),
])
def test_where_a_headlines_clauses_start(text, starts):
    assert [text[i:i + len(s)] for i, s in zip(headline_breaks(text), starts, strict=False)] == starts
    assert len(headline_breaks(text)) == len(starts)


def _claims(text: str, published: str = "2024-05-14") -> list[dict]:
    out = extract_records([{"id": "h", "title": "", "text": text, "published": published}])["h"]
    return [e for e in out["events"] if e["certainty"] in ("asserted", "claimed") and e["timing"] != "generic"]


def test_a_kickers_headline_in_the_present_is_news_not_a_habit():
    # guard: parsed apart, the clause after "Ukraine:" is still the headline, so its present tense is news
    text = "Ukraine: shelling hits frontline towns near Avdiivka" + BODY
    assert any(e["sub_event_type"] == "Shelling/artillery/missile attack" for e in _claims(text)), _claims(text)


def _headline_event(text: str) -> dict | None:
    out = extract_records([{"id": "h", "title": "", "text": text, "published": "2024-05-14"}])["h"]
    head_end = text.index("\n")
    return next((e for e in out["events"] if any(a < head_end for a, _ in e["mentions"])
                 and e["sub_event_type"] not in (None, "ACCUSE")), None)


@pytest.mark.parametrize("text, kind", [
    # the small parser reads a headline's bare present verb as a noun ("Jihadis attack army
    # camp": one compound noun); the headline still names its lead's incident, even when
    # another clause of it has a mention of its own (headline_echo)
    ("Jihadis attack army camp near Djibo as families accuse soldiers, militia of killings\n\nDJIBO - Suspected jihadi "
     "fighters attacked a military camp near Djibo on Monday, killing seven soldiers, the army said.", "Armed clash"),
])
def test_a_headlines_verb_read_as_a_noun_still_names_its_leads_incident(text, kind):
    ev = _headline_event(text)
    assert ev is not None and ev["sub_event_type"] == kind and len(ev["mentions"]) >= 2, ev


@pytest.mark.parametrize("text", [
    # a headline's passive without "was", even with an "as" clause of its own: the state of
    # emergency is declared (its subject undergoes the act, as in "Three arrested")
    "State of emergency declared as Honiara counts the cost of riots" + BODY,
    "State of emergency declared in Honiara after two nights of looting" + BODY,
])
def test_a_state_of_emergency_declared_in_a_headline_is_a_mobilisation(text):
    assert _headline_plovers(text) & {"MOBILIZE"}, _headline_plovers(text)


def test_a_victory_declared_is_no_mobilisation():  # guard: the active verb with its own object
    text = "Ruling party declared winner in Honiara as counting ends" + BODY
    assert "MOBILIZE" not in _headline_plovers(text)


def _headline_plovers(text: str) -> set[str]:
    out = extract_records([{"id": "h", "title": "", "text": text, "published": "2024-05-14"}])["h"]
    head_end = text.index("\n")
    return {e["plover"] for e in out["events"] if any(a < head_end for a, _ in e["mentions"])}


@pytest.mark.parametrize("text, deck", [
    ("Four police killed as gunmen storm station in Lakki Marwat\n\nSuicide bomber hits army checkpoint in Bannu\n\n"
     "By a staff reporter\n\nBANNU: Four policemen were killed late on Sunday when gunmen attacked a police station, "
     "officials said.", True),
    ("Four police killed as gunmen storm station in Lakki Marwat\n\nFour policemen were killed late on Sunday when "
     "gunmen attacked a police station, officials said.\n\nMore follows.", False),  # a lead, not a deck
    ("Four police killed as gunmen storm station.\n\nSuicide bomber hits army checkpoint in Bannu\n\nBody.", False),
])
def test_a_deck_is_a_second_headline_line(text, deck):
    assert (deck_span(text) is not None) == deck


def test_an_act_a_deck_tells_in_the_present_happened():
    text = ("Four police killed as gunmen storm station in Lakki Marwat\n\nSuicide bomber hits army checkpoint in "
            "Bannu\n\nBy a staff reporter\n\nBANNU: Four policemen were killed late on Sunday when gunmen attacked a "
            "police station in Lakki Marwat, officials said.")
    start = text.index("Suicide")
    assert any(e["start"] >= start and e["end"] <= text.index("By a") for e in _claims(text)), _claims(text)


def test_a_headlines_item_after_as_is_its_own_incident():
    # the parser hangs "Taliban and NRF" on "clash" as a modifier: still the clause's subject
    text = ("Blast at Baghlan Mosque Kills Worshippers as Taliban and NRF Clash in Baghlan, Takhar"
            "\n\nAt least seven worshippers were killed in an explosion inside a mosque in Nahrin district on "
            "Sunday, police said.")
    kinds = {e["sub_event_type"] for e in _claims(text, "2022-06-13") if e["start"] < 90}
    assert "Armed clash" in kinds, kinds


def test_a_headline_does_not_take_a_lead_type_its_act_on_another_thing_has():
    # round BK's "AA seizes junta outpost ..." beside its lead's "it had seized weapons": the
    # lead's word, another thing seized (a capture, not disrupted weapons use)
    out = written_report("BK", "synth-BK1-05")
    cut = out["article"]["text"].index(" as naval shelling")  # the headline's first clause
    head = [e["sub_event_type"] for e in out["events"] if any(a < cut for a, _ in e["mentions"])]
    assert head == ["Non-state actor overtakes territory"], head


@pytest.mark.parametrize("headline", [
    "Niger: civilians shot dead at market in Makalondi",
    "Curfew in Kaya as traders shot dead at bus station",
])
def test_people_shot_dead_in_a_headline_are_its_victims_not_its_shooters(headline):
    # "shot dead" with no object is done to its subject: the parser's active reading made the
    # civilians shooters of no one, and the clause no attack
    text = headline + "\n\nThe army said on Tuesday that it had reinforced its positions in the area."
    events = extract_records([{"id": "h", "title": "", "text": text, "published": "2024-02-14"}])["h"]["events"]
    attacks = [e for e in events if e["sub_event_type"] == "Attack" and e["start"] < len(headline)]
    assert attacks and all((e["actor1"] or {}).get("kind") != "civilians" for e in attacks), [
        (e["sub_event_type"], e["actor1"], e["actor2"]) for e in events]
