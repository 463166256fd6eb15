"""From the confidence the tune reports teach to the confidence that holds on unseen reports.

The confidence model (extractors/event_confidence.py) is fitted on the tune reports, and so
were the hand rules whose outputs it reads: on those reports a rule that fires is right more
often than on a report nobody tuned on. Every blind round of docs/rounds.md measured
this when it arrived. Of the mentions the system of the day claimed (asserted or claimed,
not generic) on its round, 21 of 55 were right at confidence 0.5-0.6, 22 of 59 at 0.6-0.7,
40 of 71 at 0.7-0.8, 74 of 95 at 0.8-0.9, 112 of 121 at 0.9 or more (rounds E to U); on the
tune reports, out of fold, the model's own bins read about 0.57, 0.67, 0.75, 0.93 and 0.97.

So the shipped confidence is the model's probability passed through a map fitted on those
rounds: Platt scaling, `p' = sigmoid(slope * logit(p) + intercept)`, a logistic regression
of "the mention was right" on the logit of the confidence the system of the day gave it
(tests/annotations/reports/blind_rounds.csv, rebuilt by scripts/blind_rounds.py). Two
numbers, fitted on the real rounds E-V and the written rounds W-AB (docs/rounds.md),
scored by the systems of twenty commits. Every round's own map crosses 0.5 at about the same
raw confidence (0.71), which is what lets a map fitted on earlier systems stand for today's;
`leave_one_round_out` prints what it does to each round scored by the map fitted on the others. The map is monotone: it
changes which mentions are claims (>= 0.5) and how sure each is, never their order.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

from .extractors.event_confidence import apply_map, sigmoid

BLIND_ROUNDS_CSV = Path(__file__).resolve().parents[1] / "tests/annotations/reports/blind_rounds.csv"
COLUMNS = ("round", "commit", "report", "start", "end", "confidence", "right")
_EDGE = 1e-4  # a confidence of 0 or 1 is read as this close to it: its logit is finite
_C = 100.0  # barely regularised: two parameters, hundreds of mentions


def logit(p: float) -> float:
    p = min(max(p, _EDGE), 1.0 - _EDGE)
    return math.log(p / (1.0 - p))


def round_of(annotator: str) -> str:
    """The round an annotator's name tells: 'annotator-AB2' -> 'AB', 'annotator-E1' -> 'E'."""
    return annotator.rsplit("-", 1)[-1].rstrip("0123456789")


def read_rows(path: Path = BLIND_ROUNDS_CSV) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    return [dict(r, confidence=float(r["confidence"]), right=int(r["right"])) for r in rows]


def fit_map(rows: list[dict]) -> dict:
    """{"slope", "intercept", "mentions", "rounds"}: the Platt map of these rows."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[logit(r["confidence"])] for r in rows])
    y = np.array([r["right"] for r in rows])
    clf = LogisticRegression(C=_C, solver="lbfgs", max_iter=1000).fit(x, y)
    return {"slope": round(float(clf.coef_[0][0]), 4), "intercept": round(float(clf.intercept_[0]), 4),
            "mentions": len(rows), "rounds": "".join(sorted({r["round"] for r in rows}))}


def leave_one_round_out(rows: list[dict]) -> dict:
    """Each round scored by the map fitted on the others, beside the raw confidence: the
    claims (>= 0.5) and the mentions at >= 0.8, with how many of each were right."""
    out = {k: {"claims": 0, "claims_right": 0, "at_0.8": 0, "at_0.8_right": 0} for k in ("raw", "mapped")}
    for rnd in sorted({r["round"] for r in rows}):
        m = fit_map([r for r in rows if r["round"] != rnd])
        for r in (r for r in rows if r["round"] == rnd):
            mapped = sigmoid(apply_map(logit(r["confidence"]), m))
            for key, p in (("raw", r["confidence"]), ("mapped", mapped)):
                t = out[key]
                t["claims"] += p >= 0.5
                t["claims_right"] += p >= 0.5 and r["right"]
                t["at_0.8"] += p >= 0.8
                t["at_0.8_right"] += p >= 0.8 and r["right"]
    for t in out.values():
        t["claims_precision"] = round(t["claims_right"] / t["claims"], 3) if t["claims"] else None
        t["share_right_at_0.8"] = round(t["at_0.8_right"] / t["at_0.8"], 3) if t["at_0.8"] else None
    return out
