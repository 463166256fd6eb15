"""The learned part of event typing: which category, if any, a candidate clause reports.

The rules find candidates and their arguments exactly (triggers, roles, negation,
modality) and give their own reading; they fit the sentences they were written on better
than new ones. Three multinomial logistic regressions decide over the rules' outputs, the
parse and the words together:

- `acled`: one of ACLED's 25 sub-event types or NONE (not an ACLED event);
- `plover`: one of PLOVER's 16 categories;
- `sentence`: for a sentence the rules make no event in, its main verb offered as a
  candidate: one of PLOVER's categories or NONE.

`decide` lets the first two overrule the rules only where they are sure (a threshold and a
margin over the rules' own label); only the sentence head ships (training.SHIPPED_HEADS
says why; `scripts/train_event_model.py --cv --heads acled,plover,sentence` measures the
others). `decide_sentence` makes an event of the third's
category, with its probability as the event's confidence, capped below a claim: such an
event is a candidate an analyst can look at (`--min-confidence 0`), never asserted alone.

Features (`candidate_features`) are strings: the rule's code and family, the trigger
lemmas and frames, the mode, the kinds and entity types of agent and patient, cue classes
of the clause and of its sentence, the head's dependency neighbours (xcomp, object,
prepositions, negation) and the clause's and sentence's content lemmas. Weights live in
`sitrep/data/event_model.json.gz`, built by `scripts/train_event_model.py` from the shared
labelled sets and the annotated reports (deterministic: the same data gives the same
bytes). Inference is a sum of weight rows and a softmax: microseconds per candidate, no
dependency beyond NumPy.
"""
from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .event_confidence import CANDIDATE_CAP

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "event_model.json.gz"
_STOP = frozenset("""the a an of to in on at by for with from and or but as that this these those it its is are was were
be been being has have had he she they we you i his her their our your them him us who which what
when where there than then so not no also said says say will would could may might can should must
do does did into over after before about up out more most some any such other""".split())


@dataclass
class Head:
    """One softmax layer: labels, feature index, weights (features x labels), bias."""
    labels: list[str]
    index: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray

    def probs(self, features: list[str]) -> dict[str, float]:
        rows = [i for i in map(self.index.get, features) if i is not None]
        z = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        z = np.exp(z - z.max())
        p = z / z.sum()
        return dict(zip(self.labels, p.tolist(), strict=True))  # tolist: the floats float() gives, at once


_SHIPPED = object()
_active: object = _SHIPPED  # the heads in use: the shipped ones unless set_heads was called


def set_heads(heads: dict[str, Head] | None | object) -> None:
    """Type with these heads in this process (None: the rules alone; SHIPPED: the file's).
    For training and cross-validation."""
    global _active
    _active = heads


def model() -> dict[str, Head] | None:
    return _shipped() if _active is _SHIPPED else _active  # type: ignore[return-value]


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, Head] | None:
    """The shipped heads, or None when no model file is present (rules alone then)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(gzip.decompress(MODEL_PATH.read_bytes()))
    return {name: head_from_dict(h) for name, h in data["heads"].items()}


def head_from_dict(h: dict) -> Head:
    return Head(h["labels"], {f: i for i, f in enumerate(h["features"])},
                np.asarray(h["weights"], dtype=np.float32), np.asarray(h["bias"], dtype=np.float32))


def _lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.is_alpha and not t.is_stop and t.lower_ not in _STOP}


def candidate_features(head, members, sent, lo: int, hi: int, rule_code: str | None, rule_family: str,
                       agent_kind: str | None, patient_kind: str | None, a_role, p_role, cues: dict,
                       sent_cues: dict, certainty: str) -> list[str]:
    """The features of one candidate: trigger group `members` (head first) spanning
    tokens [lo, hi] of sentence `sent`, with the rules' reading of it."""
    f = [f"rule:{rule_code or 'NONE'}", f"fam:{rule_family}", f"cert:{certainty}",
         f"ak:{agent_kind or '-'}", f"pk:{patient_kind or '-'}", f"hf:{head.frame}", f"hpos:{head.tok.pos_}"]
    for m in members:
        f += [f"t:{m.tok.lemma_.lower()}", f"fr:{m.frame}"] + ([f"mode:{m.mode}"] if m.mode else [])
    for r, tag in ((a_role, "a"), (p_role, "p")):
        if r is not None:
            f += [f"{tag}how:{r.how.split()[-1]}", f"{tag}ent:{r.tok.ent_type_ or '-'}",
                  f"{tag}w:{r.tok.lemma_.lower()}"]
    anchor = head.anchor
    for c in anchor.children:
        if c.dep_ in ("xcomp", "ccomp", "dobj", "neg", "prt", "dative"):
            f.append(f"d:{c.dep_}:{c.lemma_.lower()}")
        elif c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            f.append(f"d:prep:{c.lower_}" + (f":{pobj.lemma_.lower()}" if pobj is not None else ""))
    if anchor.head.i != anchor.i:
        f.append(f"gov:{anchor.dep_}:{anchor.head.lemma_.lower()}")
    for kind, vals in cues.items():
        f += [f"c:{kind}:{v}" for v, _ in vals]
    for kind, vals in sent_cues.items():
        f += [f"sc:{kind}:{v}" for v, _ in vals]
    doc = head.tok.doc
    sent_words = _lemmas(sent)
    clause = sent_words if (lo, hi + 1) == (sent.start, sent.end) else _lemmas(doc[lo:hi + 1])
    f += [f"w:{w}" for w in clause]
    f += [f"sw:{w}" for w in sent_words]
    return sorted(set(f))


# ---------------------------------------------------------------------------- deciding
# A head overrules the rules only when it is sure and much surer of its label than of the
# rules' one; below that the rules' reading stands (they are exact where they fire). The
# sentence head proposes an event only where the rules make none. All four chosen by
# 5-fold cross-validation (scripts/train_event_model.py --cv).
ACLED_MIN, ACLED_MARGIN = 0.8, 0.5
PLOVER_MIN, PLOVER_MARGIN = 0.7, 0.4
SENTENCE_MIN = 0.4
# A sentence head's event is a candidate, never a claim on its own: on the annotated
# reports such events were seldom right (see docs/rounds.md, confidence)
SENTENCE_CAP = CANDIDATE_CAP


def plover_codes(types: dict) -> dict[str, str]:
    """PLOVER category -> the code of its PLOVER-only row of event_types.csv (built once
    per types table: the lexicon's is loaded once)."""
    cached = _PLOVER_CODES.get(id(types))
    if cached is None or cached[0] is not types:
        cached = (types, {r.plover: code for code, r in types.items() if r.event_type is None})
        _PLOVER_CODES[id(types)] = cached
    return cached[1]


_PLOVER_CODES: dict[int, tuple[dict, dict[str, str]]] = {}


def _top(probs: dict[str, float]) -> tuple[str, float]:
    return max(probs.items(), key=lambda kv: (kv[1], kv[0]))


def top_labels(probs: dict[str, float], n: int = 3) -> str:
    """The head's n likeliest labels with their probabilities ("ASSAULT 0.81, COERCE 0.09")."""
    best = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return ", ".join(f"{lab} {p:.2f}" for lab, p in best)


def decide(rule_code: str | None, heads: dict[str, dict[str, float]] | None, types: dict) -> tuple[str | None, str]:
    """(code, why): the rules' reading, unless a head is sure of another one — the ACLED
    head of another ACLED type (or of none: then the PLOVER head's category, if it is
    sure), or, for a reading outside ACLED, the PLOVER head of another category."""
    if heads is None:
        return rule_code, ""
    if rule_code is None:  # a candidate the rules could not type: left to the sentence head
        return None, ""
    a, p = heads["acled"], heads["plover"]
    (a_lab, a_p), (p_lab, p_p) = _top(a), _top(p)
    row = types[rule_code]
    rule_a = rule_code if row.event_type is not None else "NONE"
    rule_p = row.plover
    why = f"model: acled {top_labels(a)}; plover {top_labels(p)}"
    if a_lab != rule_a and a_p >= ACLED_MIN and a_p - a.get(rule_a, 0.0) >= ACLED_MARGIN:
        if a_lab != "NONE":
            return a_lab, why
        return (plover_codes(types).get(p_lab, rule_code) if p_p >= PLOVER_MIN else rule_code), why
    if rule_a == "NONE" and p_lab != rule_p and p_p >= PLOVER_MIN and p_p - p.get(rule_p, 0.0) >= PLOVER_MARGIN:
        return plover_codes(types).get(p_lab, rule_code), why
    return rule_code, why


def decide_sentence(probs: dict[str, float] | None, types: dict) -> tuple[str | None, float, str]:
    """(code, probability, why) for a sentence the rules type nothing in: the sentence
    head's PLOVER category as a PLOVER-only event when it is not NONE and at least
    SENTENCE_MIN likely; else no event."""
    if not probs:
        return None, 0.0, ""
    lab, p = _top(probs)
    if lab == "NONE" or p < SENTENCE_MIN:
        return None, p, ""  # no event: nothing to explain
    return plover_codes(types).get(lab), min(p, SENTENCE_CAP), f"sentence model: {top_labels(probs)}"
