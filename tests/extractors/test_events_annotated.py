"""Events on 20 real violence reports from the shared geoparsing corpora (TR-News, LGL),
annotated for sitrep in the seed gold's format. The annotation file keeps only ids,
character spans and labels (`tests/annotations/events_reports.json`); the texts are read
from ../shared at test time and scored with ../shared/eval/score.py.

Run `pytest tests/extractors/test_events_annotated.py -s` to see events.typed F1 per report.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / "../shared"
ANNOTATIONS = Path(__file__).parents[1] / "annotations" / "events_reports.json"
TYPED_F1_TARGET = 0.70


@pytest.fixture(scope="module")
def shared():
    if not (SHARED / "eval" / "score.py").exists() or not (SHARED / "data" / "geo").exists():
        pytest.skip("../shared not present: the annotated reports' texts and score.py live there")
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def _texts(ids: set[str]) -> dict[str, dict]:
    out = {}
    for name in ("trnews.dev.jsonl", "lgl.dev.jsonl"):
        with open(SHARED / "data" / "geo" / name, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in ids:
                    out[row["id"]] = row
    return out


def _gold(report: dict, text: str) -> dict:
    def with_evidence(item: dict) -> dict:
        s, e = item["span"]
        d = {k: v for k, v in item.items() if k != "span"}
        d["evidence"] = text[s:e]
        return d
    return {"events": [with_evidence(e) for e in report["events"]],
            "optional_events": [with_evidence(e) for e in report["optional_events"]],
            "not_events": [with_evidence(e) for e in report["not_events"]]}


@pytest.fixture(scope="module")
def scored(shared):
    from sitrep.models import Article
    from sitrep.pipeline import extract_articles

    reports = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["reports"]
    rows = _texts({r["id"] for r in reports})
    missing = [r["id"] for r in reports if r["id"] not in rows]
    if missing:
        pytest.skip(f"../shared corpora lack annotated reports {missing}")
    arts = [Article(id=r["id"], input_id=r["id"], title="", text=rows[r["id"]]["text"]) for r in reports]
    results = []
    for report, ex in zip(reports, extract_articles(arts), strict=True):
        pred = ex.to_dict()
        gold = _gold(report, rows[report["id"]]["text"])
        results.append((report["id"], shared.score(gold, pred)))
    return results


def test_annotation_file_keeps_no_text():
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    assert len(data["reports"]) == 20
    for r in data["reports"]:
        for item in r["events"] + r["optional_events"] + r["not_events"]:
            assert "evidence" not in item and "text" not in item and len(item["span"]) == 2


def test_typed_f1_on_annotated_reports(scored):
    tp = npred = ngold = 0
    lines = []
    for doc, res in scored:
        typed = res["events.typed"]
        tp, npred, ngold = tp + typed["tp"], npred + typed["pred"], ngold + typed["gold"]
        lines.append(f"{doc:18s} typed F1 {typed['f1']:.3f}  (tp {typed['tp']}, pred {typed['pred']}, gold {typed['gold']})"
                     f"  false_on_not_events {res['events.false_on_not_events']}")
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("\n".join(lines) + f"\nALL (micro)        typed P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    assert f1 >= TYPED_F1_TARGET, "\n".join(lines)
