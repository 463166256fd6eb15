#!/usr/bin/env python3
"""How much of NGEC's label the words of a story carry, on templates never trained on.

    .venv/bin/python scripts/ngec_baseline.py

A bag-of-words baseline beside `scripts/train_event_model.py --cv`'s NGEC figure: a TF-IDF
(words and word pairs) multinomial logistic regression trained on the stories of the 80%
of headline templates kept for training (the same hash split as sitrep.training) and scored
on the other 20%, once on the story text (what sitrep reads) and once on the headline alone.
NGEC's labels are the prompt's intent for a template, not an annotation of the text: where
the text scores low, no reader of the text can score high. Needs ../shared and
scikit-learn (`make setup-test`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from sitrep.evaluate import find_shared
from sitrep.training import heldout_template


def score(train: list[dict], test: list[dict], field: str) -> dict:
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2 if field == "text" else 1, ngram_range=(1, 2))
    x = vec.fit_transform([r[field] for r in train])
    clf = LogisticRegression(C=5.0, max_iter=2000).fit(x, [r["label"] for r in train])
    pred = clf.predict(vec.transform([r[field] for r in test]))
    gold = [r["label"] for r in test]
    return {"macro_f1": round(f1_score(gold, pred, average="macro"), 3),
            "accuracy": round(accuracy_score(gold, pred), 3)}


def main() -> int:
    path = Path(find_shared(None)) / "data" / "events" / "ngec_synthetic.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    train = [r for r in rows if not heldout_template(r["headline_template"])]
    test = [r for r in rows if heldout_template(r["headline_template"])]
    out = {"train_stories": len(train), "heldout_stories": len(test),
           "story_text": score(train, test, "text"), "headline_only": score(train, test, "headline")}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
