#!/usr/bin/env python3
"""Developer loop for the event layer: the shared dev corpora parsed once (spaCy DocBin
cache under $SITREP_DEV_CACHE, default ~/.cache/sitrep/dev), then every annotating stage
re-run and scored in-process with the shared scorers, in seconds instead of minutes.

    python scripts/devloop.py case            CASE 2021 dev: weighted F1 (score_types.py)
    python scripts/devloop.py plover          PLOVER GSR dev: accuracy (score_plover.py)
    python scripts/devloop.py ngec [--heldout] NGEC synthetic stories (held-out templates)
    python scripts/devloop.py reports DIR     annotated reports (score_reports.py's sums)
    python scripts/devloop.py seed            the seed report (score.py)

Parsing is the only cached step: a change to any stage shows at once. Not a substitute
for `sitrep eval` (which reads and cleans through the real readers): use both."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from sitrep.evaluate import find_shared, reader_view, shared_scorer
from sitrep.pipeline import annotate
from sitrep.readers import iter_inputs
from sitrep.training import f1_table, heldout_template, parsed_records

CACHE = Path(os.environ.get("SITREP_DEV_CACHE", Path.home() / ".cache" / "sitrep" / "dev"))


def extract(records: list[dict], label: str) -> dict[str, dict]:
    out = {}
    for p in parsed_records(records, label):
        d = annotate(p).to_dict()
        d["id"] = p.article.input_id
        out[p.article.input_id] = d
    return out


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def run_case(shared: Path, args) -> dict:
    gold = _jsonl(shared / "data/events/case2021.dev.jsonl")
    preds = extract([reader_view(g) for g in gold], "case")
    st = shared_scorer("score_types", shared)
    seen = [(g["label"], st.predicted(preds.get(g["id"]))) for g in gold if g["label"] in st.SEEN]
    return f1_table(seen, detail=args.verbose)


def run_plover(shared: Path, args) -> dict:
    gold = _jsonl(shared / "data/events/plover_gsr.dev.jsonl")
    preds = extract([reader_view(g) for g in gold], "plover")
    sp = shared_scorer("score_plover", shared)
    pairs = [(g["event_plover2021"].upper(), sp.top_plover(preds.get(g["id"], {})) or "NONE") for g in gold]
    return f1_table(pairs, detail=args.verbose)


def run_ngec(shared: Path, args) -> dict:
    rows = _jsonl(shared / "data/events/ngec_synthetic.jsonl")
    rows = [r for r in rows if heldout_template(r["headline_template"]) == args.heldout]
    if args.limit:
        rows = rows[: args.limit]
    preds = extract([reader_view(g) for g in rows], "ngec-heldout" if args.heldout else "ngec-train")
    sp = shared_scorer("score_plover", shared)
    pairs = [(g["label"].upper(), sp.top_plover(preds.get(g["id"], {})) or "NONE") for g in rows]
    return f1_table(pairs, detail=args.verbose)


def run_reports(shared: Path, args) -> dict:
    from sitrep.evaluate import gold_reports, score_reports

    pairs = gold_reports(Path(args.dir), shared)
    preds = extract([rec for _g, rec in pairs], "reports")
    out = score_reports(pairs, preds, shared)
    sc = shared_scorer("score", shared)
    if args.errors:
        for gold, _rec in pairs:
            print_errors(sc, gold, preds[gold["id"]])
    if args.verbose:
        per = {g["id"]: sc.score(g, preds[g["id"]])["events.typed"] for g, _ in pairs}
        out["per_doc"] = {d: (s["tp"], s["pred"], s["gold"]) for d, s in per.items()}
    return out


def _label(e: dict) -> str:
    v = e.get("sub_event_type") or e.get("plover") or "?"
    return "/".join(v) if isinstance(v, list) else v


def print_errors(sc, gold: dict, pred: dict) -> None:
    """Each gold event with the claimed prediction that matched it (or MISSED), then every
    counted prediction that matched none, marked when it overlaps a not_event."""
    text = pred["article"]["text"]
    claimed = sc.claimed_mentions(pred.get("events", []))
    typed = sc.pair(gold["events"], claimed, text, sc.event_type_ok)
    found = {id(g): p for g, p in typed}
    used = {id(p) for _, p in typed}
    print(f"\n=== {gold['id']} (published {gold.get('published')})")
    for g in gold["events"]:
        p = found.get(id(g))
        mark = "ok " if p else "MISSED"
        extra = f" -> place {p.get('place')!r} date {p.get('date_start')} conf {p.get('confidence')}" if p else ""
        if not p:
            gspan = sc.locate(text, g["evidence"])
            near = [e for e in pred.get("events", []) for m in (e.get("mentions") or [[e["start"], e["end"]]])
                    if sc.overlaps(gspan, m)]
            extra = " <- " + ("; ".join(f"{_label(e)} {e.get('certainty')}/{e.get('timing')} c={e.get('confidence')}"
                                         for e in near) or "nothing")
        print(f"  {mark} {_label(g):34s} {g['evidence'][:90]!r}{extra}")
        if p and (g.get("place") and not sc.names_match(g["place"], p.get("place"))):
            print(f"        place gold {g['place']!r} pred {p.get('place')!r}")
        if p and g.get("date_start") and (p.get("date_start") or "")[:10] != g["date_start"]:
            print(f"        date gold {g['date_start']} pred {p.get('date_start')}")
    opt = [sc.locate(text, o["evidence"]) for o in gold.get("optional_events", [])]
    nots = [(sc.locate(text, o["evidence"]), o.get("why")) for o in gold.get("not_events", [])]
    for p in claimed:
        if id(p) in used:
            continue
        span = sc.span_of(p)
        if any(sc.overlaps(s, span) for s in opt):
            continue
        why = next((w for s, w in nots if sc.overlaps(s, span)), None)
        tag = f"NOT_EVENT({why})" if why else "FALSE"
        snippet = text[p["start"]:p["end"]][:90].replace("\n", " ")
        status = f"[{p.get('certainty')}/{p.get('timing')}]"
        print(f"  {tag:10s} {_label(p):34s} {snippet!r} {status} {p.get('rule', '')[:80]}")


def run_seed(shared: Path, args) -> dict:
    from sitrep.pipeline import extract_articles
    sc = shared_scorer("score", shared)
    arts = iter_inputs([str(shared / "seed/000_27822b3222cb0826.txt")], published="2016-12-07")
    pred = next(extract_articles(arts)).to_dict()
    gold = json.loads((shared / "gold/seed.gold.json").read_text())
    if args.errors:
        print_errors(sc, dict(gold, id="seed"), pred)
    return {k: v for k, v in sc.score(gold, pred).items() if k.startswith(("events", "figures.exact"))}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=["case", "plover", "ngec", "reports", "seed"])
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--heldout", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--errors", action="store_true", help="reports: list every miss and false event")
    ap.add_argument("--shared", default=None)
    args = ap.parse_args(argv)
    shared = find_shared(args.shared)
    run = {"case": run_case, "plover": run_plover, "ngec": run_ngec, "reports": run_reports, "seed": run_seed}
    print(json.dumps(run[args.task](shared, args), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
