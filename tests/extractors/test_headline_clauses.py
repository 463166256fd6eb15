"""A headline's clauses are parsed apart (layout.headline_breaks): "X; Y" and a kicker
"Place: ..." tell separate things, and the small parser, given a whole headline as one
sentence, often reads none of them. Each clause is still the headline (present tense is
news there, not a habit). Headlines are the project's own."""
from __future__ import annotations

import pytest

from sitrep.evaluate import extract_records
from sitrep.extractors.layout import headline_breaks

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
    return next((e for e in out["events"] if e["start"] < head_end), None)


@pytest.mark.parametrize("text, types, doer_kind", [
    # the small parser reads a headline's bare present verb as a noun between its doer and
    # its object ("Jihadis attack army camp": one compound noun); the headline still tells it
    ("Jihadis attack army camp near Djibo as residents flee" + BODY, {"Armed clash"}, "rebels"),
    ("Hoodlums loot warehouse in Kaduna" + BODY, {"Mob violence"}, "rioters"),
])
def test_a_headlines_verb_read_as_a_noun_is_still_the_event(text, types, doer_kind):
    ev = _headline_event(text)
    assert ev is not None and ev["sub_event_type"] in types and (ev["actor1"] or {}).get("kind") == doer_kind, ev


def test_a_compound_of_an_event_noun_under_a_verb_is_no_headline_verb():  # guard: "attack" names the victims
    text = "Market attack victims buried in Maiduguri" + BODY
    ev = _headline_event(text)
    assert ev is None or "Market" not in ((ev.get("actor1") or {}).get("name") or ""), ev
