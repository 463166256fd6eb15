"""People killed or shot "in a police operation", "during an army raid", with no one else
named, were killed by those forces (event_clauses._forces_of_the_operation): ACLED's state
forces, not an unidentified armed group. Sentences are the project's own."""
from __future__ import annotations

import pytest

import sitrep


@pytest.mark.parametrize("text, kind", [
    ("Three men were killed in a police operation in the east of the city on Tuesday, officials said.",
     "state_forces"),
    # guard: a raid by the army already named its doer
    ("Two villagers were shot dead during an army raid on the settlement on Monday.", "state_forces"),
    ("Four suspects were killed in a military operation in the port district on Friday.", "state_forces"),
])
def test_the_forces_whose_operation_it_was_did_the_killing(text, kind):
    ex = sitrep.extract(text, published="2024-05-14")
    violent = [e for e in ex.events if e.event_type in ("Violence against civilians", "Battles")]
    assert violent and all(e.actor1 is not None and e.actor1.kind == kind for e in violent), [
        (e.sub_event_type, e.actor1, e.rule) for e in ex.events]


def test_an_operation_of_no_named_forces_names_no_one():
    # guard: "a rescue operation" is no one's armed forces
    ex = sitrep.extract("Two miners were killed in a rescue operation at the pit on Monday.", published="2024-05-14")
    assert not any(e.actor1 is not None and e.actor1.kind == "state_forces" for e in ex.events)


@pytest.mark.parametrize("text, kind", [
    ("Gunmen stormed the village on Saturday before rounding up ten men.", "Abduction/forced disappearance"),
    ("Raiders surrounded the cattle camp on Sunday before opening fire on the herders.", "Attack"),
    # guard: the police's round-up is an arrest, by the police the main clause names
    ("Police stormed the village on Saturday before rounding up ten men.", "Arrests"),
])
def test_an_ing_clause_after_before_or_after_is_done_by_the_main_clauses_subject(text, kind):
    ex = sitrep.extract(text, published="2024-05-14")
    done = [e for e in ex.events if e.sub_event_type == kind]
    assert done and all(e.actor1 is not None and "inherited" in (e.rule or "") for e in done), [
        (e.sub_event_type, e.actor1, e.rule) for e in ex.events]
