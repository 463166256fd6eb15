#!/usr/bin/env python3
"""Case robustness: lower- and upper-cased copies of real reports scored as the cased ones are.

    python scripts/case_eval.py geo [--corpus trnews lgl geowebnews] [--case asis lower upper] [--limit N]
    python scripts/case_eval.py reports DIR [--case asis lower upper]

`geo` scores places on the shared geoparsing dev corpora (../shared/eval/score_geo.py:
tagging F1, acc@161 km on the toponyms found); `reports` scores a folder of annotated
reports (tests/annotations/reports/tune/) with ../shared/eval/score.py, summed over the
reports as score_reports.py does (events typed F1, figures exact F1, place accuracy).

A copy keeps its original's id and every offset (`evaluate.case_copy` changes case
character for character). It goes through the real reader, clean stage and pipeline; the
prediction's body is then given back the original's case (`evaluate.with_source_case`)
because the shared scorers find gold spans by their text: the copy is scored against the
original's gold, unchanged. Reads ../shared at run time; writes nothing into the repo.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from sitrep.evaluate import case_copy, extract_corpus, find_shared, reader_view, score, with_source_case

GEO = {"trnews": "geo/trnews.dev.jsonl", "lgl": "geo/lgl.dev.jsonl", "geowebnews": "geo/geowebnews.dev.jsonl"}


def copy_record(record: dict, case: str) -> dict:
    """The reader's view of `record`, its title and text in `case` (asis: unchanged)."""
    view = reader_view(record)
    if case != "asis":
        view["text"] = case_copy(view["text"], case)
        view["title"] = case_copy(view["title"], case)
    return view


def extract_copies(records: list[dict], case: str, tmp: Path) -> dict[str, dict]:
    """Extractions of the `case` copies of `records` by id, bodies in the original's case."""
    src = tmp / f"{case}.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(copy_record(r, case), ensure_ascii=False) + "\n")
    out = tmp / f"{case}.pred.jsonl"
    extract_corpus(src, out, on_error=lambda m: print(f"skipped: {m}", file=sys.stderr))
    texts = {str(r["id"]): r["text"] for r in records}
    preds = {}
    for line in out.open(encoding="utf-8"):
        pred = json.loads(line)
        pred["article"]["text"] = with_source_case(pred["article"]["text"], texts[str(pred["id"])])
        preds[str(pred["id"])] = pred
    return preds


def run_geo(shared: Path, args) -> dict:
    results = {}
    for name in args.corpus:
        corpus = shared / "data" / GEO[name]
        records = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
        records = records[: args.limit] if args.limit else records
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            gold = tmp / "gold.jsonl"
            gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            for case in args.case:
                t0 = time.perf_counter()
                preds = extract_copies(records, case, tmp)
                pred_path = tmp / f"{case}.scored.jsonl"
                pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds.values()),
                                     encoding="utf-8")
                s = score("geo", gold, pred_path, shared)
                results[f"{name}/{case}"] = {"tagging_f1": s["tagging"]["f1"], "P": s["tagging"]["precision"],
                                             "R": s["tagging"]["recall"],
                                             "acc161_found": s["resolution_on_found"]["acc161"],
                                             "end_to_end_acc161": s["end_to_end_acc161"],
                                             "docs": s["docs"], "seconds": round(time.perf_counter() - t0, 1)}
                print(json.dumps({f"{name}/{case}": results[f"{name}/{case}"]}), flush=True)
    return results


def _shared_score(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


PRF = ("events.typed", "events.detect", "figures.exact")
ACC = ("events.place_acc", "events.date_acc", "events.actor1_acc")


def sum_scores(per_report: list[dict]) -> dict:
    """score.py's per-report figures summed as score_reports.py sums them: tp/pred/gold
    added up, accuracies weighted by each report's matched typed events."""
    out: dict = {"docs": len(per_report)}
    for k in PRF:
        tp, npred, ngold = (sum(s[k][part] for s in per_report) for part in ("tp", "pred", "gold"))
        p, r = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
        out[k] = {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                  "tp": tp, "pred": npred, "gold": ngold}
    for k in ACC:
        have = [(s[k], s["events.typed"]["tp"]) for s in per_report if s.get(k) is not None]
        w = sum(n for _, n in have)
        out[k] = round(sum(v * n for v, n in have) / w, 3) if w else None
    out["events.false_on_not_events"] = sum(s["events.false_on_not_events"] for s in per_report)
    return out


def run_reports(shared: Path, args) -> dict:
    from sitrep.annotations import gold_files

    sc = _shared_score(shared)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pairs = list(gold_files(Path(args.dir), shared, tmp))
        records = [dict(rec, id=gold["id"], published=gold.get("published")) for gold, rec in pairs]
        for case in args.case:
            preds = extract_copies(records, case, tmp)
            results[case] = sum_scores([sc.score(gold, preds[gold["id"]]) for gold, _ in pairs])
            print(json.dumps({case: results[case]}), flush=True)
    return results


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=["geo", "reports"])
    ap.add_argument("dir", nargs="?", help="reports: a folder of annotated reports")
    ap.add_argument("--corpus", nargs="+", default=list(GEO), choices=list(GEO))
    ap.add_argument("--case", nargs="+", default=["asis", "lower", "upper"], choices=["asis", "lower", "upper"])
    ap.add_argument("--limit", type=int, default=0, help="geo: the first N reports of each corpus")
    ap.add_argument("--shared", default=None)
    args = ap.parse_args(argv)
    shared = find_shared(args.shared)
    if args.task == "reports" and not args.dir:
        ap.error("reports needs a folder of annotated reports")
    {"geo": run_geo, "reports": run_reports}[args.task](shared, args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
