"""Quotes and sources on the seed report and the PolNeAR dev set, scored by the shared
scorers (../shared/eval). The PolNeAR run parses 84 articles (about a minute): slow."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import SHARED, need_shared

# The quotes work's targets on PolNeAR dev (direct-quote recall, speaker accuracy on them, recall
# over every attribution), and what the stages reached when this test was written, less a
# margin (a regression guard). PolNeAR annotates any attitude ("wants", "plans", "called
# for", "according to", "shows"), while the seed gold counts reports, "according to" and
# accusations as sources, not quotes; sitrep follows the seed (sources stay sources) and
# reaches the all-attribution target with the positions named actors take
# (data/stances.csv: 0.612 on dev when written).
TARGET_DIRECT_RECALL, TARGET_SPEAKER, TARGET_ALL_RECALL = 0.90, 0.85, 0.60
FLOOR_ALL_RECALL = TARGET_ALL_RECALL


def test_seed_quotes_attributed(seed_scores):
    assert seed_scores["quotes.attributed"]["f1"] >= 0.90, seed_scores["quotes.attributed"]


def _located(text: str, snippet: str):
    pat = re.escape(snippet).replace("\\ ", r"\s+")
    for a, b in (("’", "['’]"), ("“", "[\"“]"), ("”", "[\"”]")):
        pat = pat.replace(re.escape(a), b)
    m = re.search(pat, text)
    return (m.start(), m.end()) if m else None


def test_seed_attributions_found_with_kind(seed_extraction):
    gold = json.loads(need_shared("gold", "seed.gold.json").read_text(encoding="utf-8"))
    text = seed_extraction["article"]["text"]
    missing = []
    for g in gold["attributions"]:
        span = _located(text, g["evidence"])
        assert span is not None, g["evidence"]
        kind = g["kind"].replace(" ", "_")
        hit = [s for s in seed_extraction["sources"] if s["start"] < span[1] and span[0] < s["end"]
               and s["kind"] == kind]
        if not hit:
            missing.append((g["source"], kind))
        elif g.get("stance"):
            assert any(g["stance"] in (s["stance"] or "") for s in hit), (g, hit)
    assert not missing, missing


@pytest.fixture(scope="module")
def polnear_scores(tmp_path_factory):
    """`sitrep extract --jsonl` on the dev set (id, title and text only), then the scorer."""
    gold = need_shared("data", "quotes", "polnear.dev.jsonl")
    from sitrep.pipeline import extract_articles
    from sitrep.readers import iter_inputs

    tmp = tmp_path_factory.mktemp("polnear")
    inputs = tmp / "in.jsonl"
    with inputs.open("w", encoding="utf-8") as fh:
        for line in gold.open(encoding="utf-8"):
            d = json.loads(line)
            fh.write(json.dumps({"id": d["id"], "title": d.get("title"), "text": d["text"]}) + "\n")
    pred = tmp / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for ex in extract_articles(iter_inputs([str(inputs)])):
            d = ex.to_dict()
            fh.write(json.dumps({"id": d["id"], "article": {"text": d["article"]["text"]}, "quotes": d["quotes"]}) + "\n")
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score_quotes.py"), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.mark.slow
def test_polnear_direct_quotes(polnear_scores):
    d = polnear_scores["direct"]
    assert d["recall"] >= TARGET_DIRECT_RECALL, polnear_scores
    assert d["speaker_acc_on_found"] >= TARGET_SPEAKER, polnear_scores


@pytest.mark.slow
def test_polnear_all_attributions(polnear_scores):
    assert polnear_scores["all"]["recall"] >= FLOOR_ALL_RECALL, polnear_scores
    assert polnear_scores["precision_all"] >= 0.85, polnear_scores
