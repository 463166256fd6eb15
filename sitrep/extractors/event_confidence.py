"""How sure sitrep is that a mention reports an event a careful coder would code.

A logistic regression over what the rules know of a mention, calibrated on the annotated
tune reports (docs/annotation.md): its type and how it was typed, its certainty and
timing, its arguments (who, whom, where, when and how each was found), where it stands
in the report (headline, lead, a quote), whether it only refers back to an incident, how
many mentions refer to its incident (retellings in other words are evidence, not references),
and whether the report is about violence (a lone killing in a political story is seldom
news; a shelling told once in a war report usually is). Its probability is the mention's `confidence`; an
incident's confidence is its best mention's, and its `mentions` are the spans of 0.5 or
more (the spans that report it; mere references are left out).

Weights: `sitrep/data/event_confidence.json`, rebuilt by `scripts/train_event_model.py
--confidence` (cross-validated by report; the calibration table is printed by
`sitrep eval reports`). The rules it reads were tuned on the same reports, so the model's
probability is passed through a map fitted on reports the rules had never seen (the blind
rounds, sitrep/calibration.py) before it becomes the confidence. Without the file every
event has confidence None.
"""
from __future__ import annotations

import contextlib
import functools
import json
import math
from collections.abc import Iterator
from pathlib import Path

from ..models import VIOLENT_EVENT_TYPES, Event

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "event_confidence.json"
CLAIM = 0.5  # consumers treat less as a candidate, not a claim (design.md)
# below this a mention is no evidence even of an incident another mention claims: on the
# tune reports, out of fold, such mentions were right 1 time in 3, those from here to 0.5
# 10 times in 12 (incidents.incident_event)
EVIDENCE_FLOOR = 0.1
CANDIDATE_CAP = 0.49  # the most a reading that is never a claim on its own may carry

_SHIPPED = object()
_active: object = _SHIPPED


@contextlib.contextmanager
def weights_in_use(weights: dict | None) -> Iterator[None]:
    """Within the block, this process scores mentions with these weights ({"bias": b,
    "weights": {feature: w}}; None: no confidence), then with the shipped ones again,
    however the block ends. For training and cross-validation."""
    global _active
    _active = weights
    try:
        yield
    finally:
        _active = _SHIPPED


def weights() -> dict | None:
    return _shipped() if _active is _SHIPPED else _active  # type: ignore[return-value]


@functools.lru_cache(maxsize=1)
def _shipped() -> dict | None:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8")) if MODEL_PATH.exists() else None


def apply_map(z: float, unseen: dict | None) -> float:
    """The model's log-odds `z` as the log-odds on unseen reports (unchanged without a map:
    {"slope", "intercept"}, fitted by sitrep/calibration.py)."""
    return z if not unseen else unseen["slope"] * z + unseen["intercept"]


def probability(features: list[str], w: dict) -> float:
    """The model's probability, through the map to unseen reports when the weights carry
    one (`"unseen"`, sitrep/calibration.py)."""
    return sigmoid(apply_map(w["bias"] + sum(w["weights"].get(f, 0.0) for f in features), w.get("unseen")))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


VIOLENT_REPORT = 3  # mentions of violence told as happening that make a report about violence


def about_violence(violent_mentions: int, violent_lead: bool) -> bool:
    """A report is about violence (a war, a crime wave, a shooting) when its headline or lead
    tells violence as happening or it tells violence at least VIOLENT_REPORT times: there a
    violent mention is likelier news than a killing recalled in a political story."""
    return violent_lead or violent_mentions >= VIOLENT_REPORT


def mention_features(ev: Event, info, n_mentions: int, violent_report: bool = False) -> list[str]:
    """What the confidence model reads of one mention (`info`: its MentionInfo) of an
    incident typed as `ev`, in a report about violence or not (`about_violence`)."""
    violent = ev.event_type in VIOLENT_EVENT_TYPES
    report_kind = "violent" if violent_report else "other"
    a1 = ev.actor1
    a1_src = "named" if a1 is not None and info.agent_how else ("inferred" if a1 is not None else "none")
    f = [f"type:{ev.sub_event_type or ev.plover}", f"fam:{ev.event_type or 'PLOVER'}", f"cert:{info.certainty}",
         f"tim:{ev.timing}", f"str:{info.strength}", f"pos:{info.trigger_pos}", f"ref:{info.referring}",
         f"weak:{info.weak}", f"a1:{a1.kind if a1 else 'none'}", f"a1src:{a1_src}", f"ahow:{info.agent_how or '-'}",
         f"a2:{ev.actor2.kind if ev.actor2 else 'none'}", f"phow:{info.patient_how or '-'}",
         f"place:{'clause' if info.own_place else ('frame' if ev.place else 'none')}",
         f"time:{info.time_precision or 'none'}", f"where:{info.where}", f"quote:{info.in_quote}",
         f"nment:{min(n_mentions, 3)}", f"why:{info.typing_why}", f"trig:{info.lemma}", f"depth:{min(info.depth, 3)}",
         f"fat:{ev.fatalities is not None}", f"src:{ev.source is not None}", f"said:{info.stated}",
         f"sib:{min(info.siblings, 3)}", f"famtim:{ev.event_type or 'PLOVER'}:{ev.timing}",
         f"famwhere:{ev.event_type or 'PLOVER'}:{info.where}",
         f"typecert:{ev.sub_event_type or ev.plover}:{info.certainty}", f"report:{report_kind}:{violent}",
         # how many times a report tells an incident says more in a report about violence,
         # which tells its incidents once each, than in one that retells its one incident
         f"report:{report_kind}:{violent}|nment:{min(n_mentions, 3)}",
         # a type is likelier news in some reports than others (a lone arrest in a war
         # report, an air strike recalled in a protest report)
         f"typereport:{ev.sub_event_type or ev.plover}:{report_kind}"]
    return f
