"""What an actor's words do, as PLOVER codes them: a stated intention is itself an event.

"Finland will give Tanzania a grant", "the rebels vowed to fight on": the grant and the
fighting have not happened (their certainty stays future or planned), but the promise
and the threat have: an AGREE (a commitment to a cooperative act) or a THREATEN (to a
hostile one, or any act made conditional: "unless the president steps down"), asserted,
by the same actor. A refusal is a REJECT: "Syria will not accept more refugees", "the
talks failed to reach agreement" — a negated cooperative act by a named actor is coded as
the rejection that happened, not as an agreement that did not.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..models import Event
from .event_status import NOTHING

# words whose scope is a commitment the actor states ("will give", "pledged to send")
# (promise, pledge, vow ... are triggers of their own: typing/_commitment)
_COMMITTING = frozenset({"will", "shall", "'ll", "wo", "ready", "prepared", "undertake", "going"})
_REPORTING = frozenset({"say", "announce", "state", "declare", "tell", "warn", "add", "insist", "confirm"})
_COOPERATIVE = frozenset({"AGREE", "AID", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT", "MOBILIZE", "ACCUSE"})
_THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations", "PROTEST": "",
                "REJECT": "", "MOBILIZE": "violence", "ACCUSE": ""}
_REJECT_MODE = {"CONSULT": "meet", "AID": "assist", "CONCEDE": "yield", "RETREAT": "yield", "AGREE": "change"}
_GOVERNOR = re.compile(r"(?:modal|governed by|purpose) '([^'\s]+)")
_CONDITION = re.compile(r"\b(unless|if)\b", re.I)


def stated_intention(ev: Event, why: str, sent, quoted: bool = False) -> Event | None:
    """The promise or threat an actor's stated intention makes (None when it makes none);
    `quoted`: the mention stands in a direct quotation (Parsed.quote_spans)."""
    if ev.certainty not in ("future", "planned", "hypothetical") or ev.actor1 is None or not ev.plover:
        return None
    m = _GOVERNOR.search(why)
    word = m.group(1).lower() if m else ""
    # "would" in reported speech is the speaker's "will" ("said they would boycott")
    reported_would = word == "would" and sent.root.lemma_.lower() in _REPORTING
    if not (word in _COMMITTING or reported_would) or (ev.certainty == "hypothetical" and not reported_would):
        return None
    if not reported_would and not quoted and not _stated(ev, sent):
        return None  # "the council will host a forum on Saturday": the report's schedule, no one's word
    hostile = ev.plover in _HOSTILE or bool(_CONDITION.search(ev.sentence))
    if not hostile and ev.plover not in _COOPERATIVE:
        return None
    cat = "THREATEN" if hostile else "AGREE"
    return replace(ev, event_type=None, sub_event_type=None, plover=cat,
                   mode=_THREAT_MODE.get(ev.plover) or None if hostile else None, certainty="asserted",
                   fatalities=None, place=None, lat=None, lon=None, geo_precision=None, mentions=[],
                   rule=f"{cat}: the stated intention to {ev.plover.lower()} ({why}) is itself the act",
                   timing=_said_now(ev))


_FIRST_PERSON = frozenset({"i", "we"})


def _stated(ev: Event, sent) -> bool:
    """The intention is someone's word: a reporting verb governs it ("said it will
    withdraw") or its subject is "I" or "we" (a quotation the caller knows)."""
    span = sent.doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None:
        return True
    tok = span.root
    clause = (tok, *tok.ancestors)
    # "X will provide aid, the agency said": the reporting verb may hang on the clause
    if any(a.lemma_.lower() in _REPORTING for a in clause[1:]) or any(
            k.lemma_.lower() in _REPORTING and k.dep_ in ("parataxis", "ccomp", "advcl", "conj") for a in clause
            for k in a.children):
        return True
    return any(k.dep_ == "nsubj" and k.lower_ in _FIRST_PERSON for a in clause for k in a.children)


def _said_now(ev: Event) -> str:
    """A stated intention is said now, though what it states is general ("will not accept
    any more refugees"); one to act on whoever it may be is a policy, not an act toward
    anyone ("will arrest anyone who is caught")."""
    if ev.timing != "generic" or "timing generic (any/every" in (ev.rule or ""):
        return ev.timing
    return "current"


def refusal(ev: Event) -> None:
    """A negated cooperative act by a named actor becomes the REJECT it is (in place).
    Of ACLED's types only an agreement can be refused: troops that did not withdraw
    rejected nothing, a side that would not accept a truce did."""
    if ev.certainty != "negated" or ev.actor1 is None or ev.plover not in _COOPERATIVE:
        return
    if NOTHING in (ev.rule or "") or "promised" in (ev.rule or ""):
        return  # "gave no order", "nor offered a timetable": nothing given or promised, nothing refused
    if ev.event_type and ev.plover != "AGREE":
        return
    if ev.plover == "AGREE" and ev.actor2 is not None and "actor2 with-phrase" in (ev.rule or ""):
        return  # "the American people do not agree with Trump": a view not shared, nothing refused
    mode = _REJECT_MODE.get(ev.plover)
    ev.rule = (ev.rule or "") + f"; a refused {ev.plover.lower()} is a REJECT"
    ev.plover, ev.mode, ev.certainty = "REJECT", mode, "asserted"
    ev.event_type = ev.sub_event_type = None
    if ev.timing == "generic":  # "will not accept any more refugees": the refusal is said now
        ev.timing = "current"
