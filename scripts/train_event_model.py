#!/usr/bin/env python3
"""Rebuild the event-typing model, or cross-validate it.

    python scripts/train_event_model.py          # fit on everything, write sitrep/data/event_model.json.gz
    python scripts/train_event_model.py --cv     # 5-fold CV (CASE, PLOVER sentences, tune reports),
                                                 # NGEC on its held-out templates
    python scripts/train_event_model.py --cv --heads acled,plover,sentence
                                                 # the same with heads that do not ship
    python scripts/train_event_model.py --confidence [--cv]
                                                 # the confidence model (sitrep/data/event_confidence.json)
Needs ../shared (the labelled sets) and scikit-learn (`make setup-test` installs it).
The same data rebuilds the same bytes (see sitrep/training.py)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.evaluate import find_shared
from sitrep.extractors.event_confidence import MODEL_PATH as CONF_PATH
from sitrep.extractors.event_model import MODEL_PATH
from sitrep.training import SHIPPED_HEADS, cross_validate, cv_confidence, train, train_confidence

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--confidence", action="store_true")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--tune", default=str(ROOT / "tests/annotations/reports/tune"))
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--heads", default=",".join(SHIPPED_HEADS), help="acled, plover, sentence (comma-separated)")
    a = ap.parse_args(argv)
    shared = find_shared(a.shared)
    if a.confidence:
        run = cv_confidence if a.cv else lambda s, t: train_confidence(s, t, CONF_PATH)
        print(json.dumps(run(shared, Path(a.tune)), indent=1))
        return 0
    heads = tuple(h.strip() for h in a.heads.split(",") if h.strip())
    if a.cv:
        print(json.dumps(cross_validate(shared, Path(a.tune), heads), indent=1))
    else:
        print(json.dumps(train(shared, Path(a.tune), Path(a.out), heads), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
