"""A headline the parser reads as a noun phrase ("Gunmen attack synagogue ...", the bare
present tagged as a noun) still names the incident its lead tells: it is a mention of that
incident (headline_echo), typed, placed and dated as the lead tells it. Reports are the
project's own."""
from __future__ import annotations

import pytest

from sitrep.evaluate import extract_records


def _events(text: str, published: str) -> list[dict]:
    return extract_records([{"id": "h", "title": "", "text": text, "published": published}])["h"]["events"]


def _mentioned(text: str, published: str, start: str) -> list[dict]:
    """The events one of whose mentions opens with `start`."""
    at = text.index(start)
    return [e for e in _events(text, published) if any(a == at for a, _ in e["mentions"])]


@pytest.mark.parametrize("text, published, sub_event_type", [
    ("Gunmen attack synagogue and police posts in Derbent\n\nMAKHACHKALA - Groups of armed men carried out "
     "attacks on a synagogue and two police posts in Derbent on Sunday evening, killing four police officers, "
     "officials said.", "2025-04-14", "Armed clash"),  # police killed at their posts: a battle
    # the lead tells the shells by what they did ("mortar rounds fell"): its weapon types both
    ("Shells land near Las Anod General Hospital\n\nLAS ANOD - Several mortar rounds fell near the city's "
     "General Hospital on Monday morning, killing four civilians, doctors said.", "2023-04-18",
     "Shelling/artillery/missile attack"),
])
def test_a_headline_parsed_as_a_noun_phrase_is_a_mention_of_its_leads_incident(text, published, sub_event_type):
    found = _mentioned(text, published, text.split("\n")[0])
    assert [e["sub_event_type"] for e in found] == [sub_event_type], found
    lead = text.index("\n\n") + 2
    assert any(a >= lead for a, _ in found[0]["mentions"]), found[0]["mentions"]  # one incident, two mentions


def test_a_headline_naming_a_weapon_does_not_echo_another_kind_of_violence():
    # the lead's battle is not the headline's shelling: nothing in the lead tells shells
    text = ("Shells land near Las Anod General Hospital\n\nLAS ANOD - Heavy fighting between Somaliland forces and "
            "SSC-Khatumo militia resumed on the western outskirts on Sunday, residents said.")
    assert _mentioned(text, "2023-04-18", "Shells land") == []


def test_a_headline_with_its_own_mention_echoes_nothing():
    # guard: a headline the rules read ("Police arrest ...") is its own mention, not a copy
    text = ("Police arrest 14 after market brawl\n\nLAGOS - Police arrested 14 people on Saturday after a brawl at "
            "the Oshodi market, a spokesman said.")
    found = _mentioned(text, "2024-03-10", "Police arrest 14")
    assert found and all("echoes" not in (e.get("rule") or "") for e in found), found


def test_a_toll_beside_a_headlines_own_mention_is_no_second_echo():
    # "9 injured" tells the clash the headline's own clause names: no mention of its own
    text = ("Two killed, 9 injured as rival factions clash in Sylhet\n\nSYLHET - Supporters of two rival factions of "
            "the ruling party clashed with sticks and machetes in Sylhet on Friday, leaving two dead, police said.")
    starts = [text[a:b] for e in _events(text, "2023-05-13") for a, b in e["mentions"] if a < text.index("\n")]
    assert not any(s.lstrip(", ").startswith("9 injured") for s in starts), starts


def test_each_part_of_a_headline_echoes_its_own_story():
    # "...; landmine wounds farmer": the second part's toll names a mine, so it does not echo
    # the shelling the lead tells first
    text = ("Artillery kills four migrants in Monabbih; landmine wounds farmer in Baqim\n\nSAADA - Artillery "
            "shells fired from across the border killed four migrants in Monabbih district on Friday, "
            "local health officials said.")
    shelling = [e for e in _events(text, "2023-11-18") if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    at = text.index("landmine")
    assert shelling and not any(a <= at < b for e in shelling for a, b in e["mentions"]), shelling
