"""Times that do not date the event told beside them: the time a superlative or an ordinal
compares the event with ("the first since 2021", "the deadliest since 2019") and a year that
ends a name ("the Finance Bill 2024", "Vision 2030"); the clause such a time opens ("since
November last year, when three soldiers were killed") is still its own. Sentences are the
project's own."""
from __future__ import annotations

import pytest

import sitrep


def _event(text: str, published: str, word: str):
    found = [e for e in sitrep.extract(text, published=published).events if word in (e.trigger or "")]
    assert found, [(e.trigger, e.sub_event_type or e.plover) for e in sitrep.extract(text, published=published).events]
    return found[0]


def test_the_time_an_ordinal_compares_with_does_not_date_the_event():
    text = ("PORT OF SPAIN - Police said on Sunday that the killings were gang-related. The state of emergency, "
            "the first since 2021, was declared after a series of killings in Laventille over the holidays.")
    ev = _event(text, "2025-01-14", "declared")
    assert not (ev.date_start or "").startswith("2021") and ev.timing == "current", (ev.date_start, ev.timing)


def test_a_superlative_a_long_phrase_qualifies_compares_too():
    # "the heaviest on this stretch of the frontier since": the phrase between is no bar
    text = ("The fighting, the heaviest on this stretch of the frontier since September 2022, broke out on "
            "Wednesday near the water intake.")
    ev = _event(text, "2023-06-02", "fighting")
    assert ev.date_start == "2023-05-31" and ev.timing == "current", (ev.date_start, ev.timing)


def test_an_ordinals_count_of_repeats_keeps_its_period():
    # guard: "the third time the camp has been targeted since mid-September" counts the
    # attacks over the period, which the long phrase after the ordinal tells
    text = ("Shells fell near the UN camp in Timbuktu on Sunday. It is the third time the camp has been targeted "
            "since mid-September.")
    ev = _event(text, "2023-10-03", "targeted")
    assert (ev.date_start or "").startswith("2023-09"), ev.date_start


def test_the_year_an_anniversary_remembers_does_not_date_the_event():
    text = ("Tibetan Monks Detained After March to Lhasa's Barkhor\n\nChinese police in Lhasa detained dozens of "
            "Tibetans after a group of monks marched through the regional capital to the Barkhor square on the "
            "anniversary of Tibet's 1959 national uprising, Tibetan sources say.\n\nThe monks left Sera monastery "
            "early on Sunday, March 10, and walked south toward the Jokhang temple, a resident said.")
    ev = _event(text, "2019-03-19", "detained")
    assert ev.date_start == "2019-03-10", ev.date_start


def test_the_clause_a_compared_time_opens_keeps_that_time():
    # guard: the ambush "when" names is November's, though the sentence compares with it
    text = ("CATARMAN, Philippines - The attack was the deadliest in the province since November last year, when "
            "three soldiers were killed in an ambush in San Jose, officials said.")
    ev = _event(text, "2021-03-17", "killed")
    assert (ev.date_start or "").startswith("2020-11"), ev.date_start


@pytest.mark.parametrize("name", ["the Finance Bill 2024", "the Vision 2030 plan"])
def test_a_year_that_ends_a_name_is_no_time(name):
    text = f"NAIROBI - Thousands of people marched through Nairobi on Tuesday in protest against {name}."
    times = [t.text for t in sitrep.extract(text, published="2024-06-27").times]
    assert not any(t.strip().isdigit() for t in times), times


def test_the_day_an_event_comes_ahead_of_does_not_date_it():
    # the day the event comes before is not its day, nor is last year's May 20
    kidnapped = ("Separatist fighters have kidnapped a council official in Mamfe ahead of the May 20 National Day "
                 "celebrations.")
    assert _event(kidnapped, "2022-05-19", "").date_start == "2022-05-19"
    dated = ("Gunmen abducted a council official in Mamfe on Tuesday as violence intensified in the run-up to the "
             "May 20 celebrations.")
    assert _event(dated, "2022-05-19", "").date_start == "2022-05-17"
