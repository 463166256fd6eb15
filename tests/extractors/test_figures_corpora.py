"""Figures on the shared corpora, scored by the shared scorers (the thresholds the figures work set).

Reads ../shared at test time (never copied into the repo) and skips when it is absent.
The extractor is given only what a reader has: id, title, text, published.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import sitrep

SHARED = Path(__file__).resolve().parents[2] / "../shared"
SEED = SHARED / "seed/000_27822b3222cb0826.txt"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"../shared not present: {path} is needed for this corpus test")
    return path


def _scorer(name: str):
    path = _need(SHARED / "eval" / f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"shared_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _extract_jsonl(path: Path, out: Path) -> None:
    """The path `sitrep eval figures` and `sitrep extract --jsonl` take: the JSONL reader
    (text kept verbatim, no headline guessed off an excerpt's first line), given only
    id, title, text, published. es/fr/pt excerpts get figures only (sitrep/extractors/lexical.py);
    other languages are refused and score as misses."""
    from sitrep.evaluate import extract_corpus
    extract_corpus(path, out, on_error=lambda msg: None)


def _score(scorer, gold: Path, pred: Path, capsys) -> dict:
    scorer.main([str(gold), str(pred), "--json"])
    return json.loads(capsys.readouterr().out)


def test_seed_figures():
    score = _scorer("score")
    gold = _need(SHARED / "gold/seed.gold.json")
    ex = sitrep.extract(_need(SEED).read_text(encoding="utf-8"), published="2016-12-07")
    result = score.score(json.loads(gold.read_text(encoding="utf-8")), ex.to_dict())
    assert result["figures.exact"]["f1"] >= 0.85, result["figures.exact"]
    assert result["figures.false_on_boilerplate"] == 0


@pytest.mark.parametrize("corpus,min_recall", [("idetect", 0.90), ("idmc_labelled", 0.90)])
def test_displacement_excerpts(tmp_path, capsys, corpus, min_recall):
    """Both meet the issue's 0.90 quantity recall. idmc_labelled's Spanish/French/Portuguese
    excerpts are read by the lexical extractor; its remaining misses are mostly gold
    quantities that are sums of several stated numbers (not summed by design)."""
    scorer = _scorer("score_figures")
    gold = _need(SHARED / f"data/figures/{corpus}.dev.jsonl")
    pred = tmp_path / "pred.jsonl"
    _extract_jsonl(gold, pred)
    out = _score(scorer, gold, pred, capsys)
    assert out["quantity_recall"] >= min_recall, out
    assert out["term_acc_on_found"] >= 0.85, out
    assert out["unit_acc_on_found"] >= 0.90, out
