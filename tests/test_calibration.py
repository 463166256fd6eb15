"""The confidence holds on unseen reports: the shipped map from the model's probability to
the confidence is the one the blind rounds give, and on each blind round, scored by the map
fitted on the others, the mentions it puts at 0.8 or more are at least 80% right."""
from __future__ import annotations

import json
import math

import pytest

from sitrep import calibration
from sitrep.extractors import event_confidence

ROWS = calibration.read_rows()
TUNE = calibration.BLIND_ROUNDS_CSV.parent / "tune"


def test_the_shipped_map_is_the_one_the_blind_rounds_give():
    shipped = json.loads(event_confidence.MODEL_PATH.read_text(encoding="utf-8"))["unseen"]
    assert calibration.fit_map(ROWS) == shipped


def test_every_blind_row_is_a_tune_report_of_its_round_with_a_span():
    annotators = {p.stem: json.loads(p.read_text(encoding="utf-8"))["annotator"] for p in TUNE.glob("*.json")}
    for r in ROWS:
        assert calibration.round_of(annotators[r["report"]]) == r["round"], r
        assert 0 <= int(r["start"]) < int(r["end"]) and 0.0 <= r["confidence"] <= 1.0 and r["right"] in (0, 1), r


def test_mapped_confidence_at_0_8_is_right_four_times_in_five_on_rounds_it_never_saw():
    out = calibration.leave_one_round_out(ROWS)
    assert out["mapped"]["share_right_at_0.8"] >= 0.8, out
    assert out["mapped"]["claims_precision"] > out["raw"]["claims_precision"], out


@pytest.mark.parametrize("z", [-3.0, -0.5, 0.0, 0.4, 1.2, 4.0])
def test_probability_is_the_models_log_odds_through_the_map(z):
    unseen = {"slope": 1.5, "intercept": -1.4}
    raw = event_confidence.probability(["f"], {"bias": z, "weights": {}})
    mapped = event_confidence.probability(["f"], {"bias": z, "weights": {}, "unseen": unseen})
    assert raw == pytest.approx(1 / (1 + math.exp(-z)))
    assert mapped == pytest.approx(1 / (1 + math.exp(-(1.5 * z - 1.4))))


def test_the_map_keeps_the_order_of_confidences():
    unseen = calibration.fit_map(ROWS)
    zs = [calibration.logit(p / 20) for p in range(1, 20)]
    mapped = [event_confidence.apply_map(z, unseen) for z in zs]
    assert mapped == sorted(mapped) and len(set(mapped)) == len(mapped)
