"""People let go after a detention are a release, PLOVER 2021's RETREAT (docs/annotation.md):
however the report names them ("nine were released", "she was later released", "the
others"), but not a patient sent home from hospital nor a name or a video "released".
In a war, a swap between its parties is their Agreement, and inmates freed by those who
stormed their jail are that attack. Sentences are the project's own."""
from __future__ import annotations

import pytest

import sitrep


def _plovers(text: str) -> list[str | None]:
    return [e.plover for e in sitrep.extract(text, published="2023-05-05").events]


@pytest.mark.parametrize("text", [
    "Police detained 14 students in Dhaka on Tuesday. Eight of them were released on bail on Wednesday.",
    "A reporter was held for two days by soldiers in Bamenda. She was later released.",
    "Twenty-two people were arrested after the march. The others have been released pending inquiries.",
    # an official held and let go; "freed" as "released"
    "Mutinous soldiers released the defence minister on Wednesday after holding him for two hours.",
    "Gunmen seized the priest on the road to Bouca on Friday. He was freed on Sunday.",
    # detainees let go in a report of an armed conflict are still let go
    "Separatist fighters ambushed an army patrol in the province on Friday. Police detained 20 activists on "
    "Sunday; by Tuesday only six of the detainees had been released, their lawyer said.",
])
def test_people_let_go_after_a_detention_are_released(text):
    assert "RETREAT" in _plovers(text), [(e.plover, e.rule) for e in sitrep.extract(text, published="2023-05-05").events]


@pytest.mark.parametrize("text", [
    "Two passers-by were hurt in the crash. One was treated at the scene and released.",
    "Police have not released the names of the victims.",
    "The sheriff's office released video of the arrest on Monday.",
])
def test_a_patient_or_a_video_released_is_no_release_of_people(text):  # guards
    assert "RETREAT" not in _plovers(text)


def test_a_release_on_bail_is_a_release_not_an_arrest():
    kinds = [(e.plover, e.sub_event_type) for e in sitrep.extract("He was released on bail on Monday.",
                                                                  published="2023-05-05").events]
    assert ("RETREAT", None) in kinds and not any(t == "Arrests" for _, t in kinds), kinds


@pytest.mark.parametrize("text, kind", [
    # a swap between a war's parties is their agreement (ACLED's Agreement)
    ("The warring parties released 40 prisoners on Sunday under a prisoner exchange deal brokered by the Red Cross.",
     "Agreement"),
    # inmates freed by those who stormed the jail are the attack, not a release
    ("Gunmen attacked the prison in Oguta on Tuesday night, freeing 300 inmates and burning two vans.", None),
    ("Gunmen suspected to be members of a separatist militia, on Tuesday night, attacked the divisional police "
     "headquarters in Oguta, freeing suspects in custody and setting ablaze two patrol vehicles.", None),
])
def test_a_release_in_a_war_is_a_deal_or_the_attack_that_freed_them(text, kind):
    ex = sitrep.extract(text, published="2023-05-05")
    assert "RETREAT" not in [e.plover for e in ex.events], [(e.plover, e.rule) for e in ex.events]
    if kind is not None:
        assert kind in [e.sub_event_type for e in ex.events], [(e.sub_event_type, e.rule) for e in ex.events]
    else:
        assert "Agreement" not in [e.sub_event_type for e in ex.events], [(e.sub_event_type, e.rule) for e in ex.events]
