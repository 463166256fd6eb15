"""Events measured on the shared corpora with the shared scorers (texts are read from
../shared at test time, never copied here):

- the seed report against gold/seed.gold.json (eval/score.py): events.typed F1 >= 0.80,
  no asserted event on the gold's not-events, actor1 and date accuracy >= 0.85;
- the CASE 2021 snippets (eval/score_types.py, extracted from id and text only): weighted
  F1 >= 0.75 over ACLED's 25 types, and most snippets of the non-ACLED types (crime,
  disasters, diplomacy, attribution) get no ACLED event.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "../shared"


def _need(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not present: {'/'.join(parts)} is needed")
    return path


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def seed_scores():
    import sitrep

    score = _load("shared_score", _need("eval", "score.py"))
    gold = json.loads(_need("gold", "seed.gold.json").read_text(encoding="utf-8"))
    seed = _need("seed", "000_27822b3222cb0826.txt")
    art = next(sitrep.read(seed, published="2016-12-07"))
    ex = next(sitrep.extract_articles([art]))
    return score.score(gold, ex.to_dict())


def test_seed_events_typed(seed_scores):
    assert seed_scores["events.typed"]["f1"] >= 0.80, seed_scores["events.typed"]


def test_seed_no_asserted_event_on_not_events(seed_scores):
    assert seed_scores["events.false_on_not_events"] == 0


def test_seed_actor1_and_date(seed_scores):
    assert seed_scores["events.actor1_acc"] >= 0.85
    assert seed_scores["events.date_acc"] >= 0.85


@pytest.mark.slow
def test_case2021_event_types(tmp_path):
    from sitrep.models import Article
    from sitrep.pipeline import extract_articles

    corpus = _need("data", "events", "case2021.dev.jsonl")
    scorer = _need("eval", "score_types.py")
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    arts = [Article(id=r["id"], input_id=r["id"], text=r["text"]) for r in rows]  # no label, ever
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for ex in extract_articles(arts):
            fh.write(json.dumps(ex.to_dict()) + "\n")
    out = subprocess.run([sys.executable, str(scorer), str(corpus), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    print(json.dumps({k: v for k, v in result.items() if k != "per_type_f1"}))
    assert result["weighted_f1"] >= 0.75, result
    assert result["unseen_types_rightly_without_acled_event"] >= 0.6, result
