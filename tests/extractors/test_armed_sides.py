"""Who is an armed side (event_typing's kinds, event_triggers.csv's actor and ARMED_TARGET
cues): vigilantes and community security outfits fight battles, not riots; bandits and
kidnappers are an unidentified armed group; soldiers trading fire by a rally fight a
battle; an army or police post is an armed target. Sentences are the project's own."""
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
