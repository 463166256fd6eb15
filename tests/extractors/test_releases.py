"""People let go after a detention are a release, PLOVER 2021's RETREAT (docs/annotation.md):
however the report names them ("nine were released", "she was later released", "the
others"), but not a patient sent home from hospital nor a name or a video "released".
Sentences are the project's own."""
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
