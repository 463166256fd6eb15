"""`sitrep eval`: run the extractor over a labelled corpus and score it with the shared
scorers, printing the figures beside the published baselines for the same task.

The extractor sees only what a reader would have (id, title, text, published); labels stay
in the corpus file and are read only by the scorer.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import ConfigError

# task -> (scorer file, baselines printed beside our figures: (label, metric, value)).
TASKS: dict[str, tuple[str, list[tuple[str, str, float]]]] = {
    "geo": ("score_geo.py", [
        ("Mordecai3, TR-News (gold spans given)", "acc161", 0.873),
        ("Mordecai3, GeoWebNews (gold spans given)", "acc161", 0.941),
        ("Mordecai3, LGL (gold spans given)", "acc161", 0.827),
        ("spaCy NER + most populous match, TR-News", "acc161", 0.25),
    ]),
    "figures": ("score_figures.py", [("IDETECT displacement project", "quantity F1", 0.75)]),
    "types": ("score_types.py", [
        ("TF-IDF + logistic regression (held-out half)", "weighted F1", 0.56),
        ("best CASE 2021 system (fine-tuned transformer)", "weighted F1", 0.839),
    ]),
    "quotes": ("score_quotes.py", []),
    "plover": ("score_plover.py", [
        ("wordllama 256-d vectors + logistic regression (held-out)", "accuracy", 0.33),
    ]),
}


def find_shared(explicit: str | None = None) -> Path:
    """The ../shared folder with eval/ and data/: explicit, $SITREP_SHARED, or beside the repo/cwd."""
    import os

    candidates = [explicit, os.environ.get("SITREP_SHARED"), "../shared",
                  str(Path(__file__).resolve().parents[2] / "shared")]
    for c in candidates:
        if c and (Path(c) / "eval").is_dir():
            return Path(c).resolve()
    raise ConfigError("cannot find the shared eval folder: pass --shared PATH or set SITREP_SHARED")


def reader_view(record: dict) -> dict:
    """Only the fields a reader would have: never the labels."""
    return {"id": record["id"], "title": record.get("title") or "", "text": record["text"],
            "published": record.get("published") or record.get("date")}


def extract_corpus(corpus: Path, out: Path, *, workers: int = 1,
                   on_error: Callable[[str], None] | None = None) -> int:
    """Extract every record of a labelled corpus into `out` (JSONL keeping each id)."""
    from .ingest import run_extraction
    from .readers import iter_inputs

    with tempfile.TemporaryDirectory() as tmp:
        view = Path(tmp) / "reader_view.jsonl"
        with corpus.open(encoding="utf-8") as src, view.open("w", encoding="utf-8") as dst:
            for line in src:
                if line.strip():
                    dst.write(json.dumps(reader_view(json.loads(line))) + "\n")
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for ex in run_extraction(iter_inputs([str(view)]), workers=workers,
                                     on_error=on_error or (lambda m: None)):
                fh.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
                n += 1
    return n


def score(task: str, corpus: Path, pred: Path, shared: Path) -> dict:
    scorer = shared / "eval" / TASKS[task][0]
    res = subprocess.run([sys.executable, str(scorer), str(corpus), str(pred), "--json"],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise ConfigError(f"{scorer.name} failed: {res.stderr.strip()[-400:]}")
    return json.loads(res.stdout)


def score_seed(shared: Path, pred: Path) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"),
                          str(shared / "gold" / "seed.gold.json"), str(pred), "--json"],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise ConfigError(f"score.py failed: {res.stderr.strip()[-400:]}")
    return json.loads(res.stdout)


# ---------------------------------------------------------------------------- case copies

from .extractors.truecase import with_source_case  # noqa: E402,F401 (re-exported for case copies)


def case_copy(text: str, case: str) -> str:
    """A lower- or upper-case copy of a report ("lower" | "upper") in which every offset
    of the original points at the same character (`truecase.in_case`)."""
    from .extractors.truecase import in_case

    return in_case(text, case)


def shared_scorer(name: str, shared: Path | None = None):
    """A scorer module of ../shared/eval, imported from its file."""
    import importlib.util

    shared = shared or find_shared()
    sys.path.insert(0, str(shared / "eval"))
    spec = importlib.util.spec_from_file_location(f"shared_{name}", shared / "eval" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def case_labels() -> dict[str, str]:
    """ACLED sub-event type (lower case) -> CASE 2021 label, as the shared scorer maps them."""
    return dict(shared_scorer("score_types").ACLED_TO_CASE)


# ---------------------------------------------------------------------------- annotated reports

def gold_reports(folder: Path, shared: Path) -> list[tuple[dict, dict]]:
    """(gold, record) for every annotated report of `folder`, in the seed gold's form.

    Either span files (docs/annotation.md: `corpus`, `id`, items with `span`; the text is
    read from the shared corpus they name) or `<doc>.gold.json` files, each with its
    report's text beside it as `<doc>.txt` (the seed's layout)."""
    from .annotations import reports_with_records, to_gold

    golds = sorted(folder.glob("*.gold.json"))
    if golds:
        out = []
        for g in golds:
            doc = g.name[: -len(".gold.json")]
            txt = g.with_name(f"{doc}.txt")
            if not txt.exists():
                raise ConfigError(f"{g}: no report text beside it ({txt.name})")
            gold = json.loads(g.read_text(encoding="utf-8"))
            gold.setdefault("id", doc)
            out.append((gold, {"id": gold["id"], "title": "", "text": txt.read_text(encoding="utf-8"),
                               "published": gold.get("published")}))
        return out
    return [(to_gold(r, rec["text"]), dict(reader_view(rec), published=r.get("published")))
            for r, rec in reports_with_records(folder, shared)]


def extract_records(records: list[dict], *, workers: int = 1) -> dict[str, dict]:
    """Extractions (as JSON dicts) of reader-view records, by their ids, read through the
    real readers like any JSONL input."""
    with tempfile.TemporaryDirectory() as tmp:
        src, pred = Path(tmp) / "reports.jsonl", Path(tmp) / "pred.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        extract_corpus(src, pred, workers=workers)
        return {d["id"]: d for d in map(json.loads, pred.open(encoding="utf-8"))}


_SUMMED = ("events.typed", "events.detect", "figures.exact", "quotes.attributed")
_WEIGHTED = ("events.place_acc", "events.date_acc", "events.actor1_acc")


def score_reports(pairs: list[tuple[dict, dict]], preds: dict[str, dict], shared: Path) -> dict:
    """score.py on every report, micro-averaged as score_reports.py does (tp/pred/gold
    summed; event accuracies weighted by matched events), with the calibration table of
    the claimed mentions (confidence bin -> share right)."""
    sc = shared_scorer("score", shared)
    tot = {k: [0, 0, 0] for k in _SUMMED}
    acc = {k: [0.0, 0] for k in _WEIGHTED}
    false_not, bins = 0, {}
    for gold, _rec in pairs:
        pred = preds.get(gold["id"]) or {"article": {"text": ""}, "events": []}
        s = sc.score(gold, pred)
        for k in tot:
            tot[k] = [a + s[k][b] for a, b in zip(tot[k], ("tp", "pred", "gold"), strict=True)]
        for k in acc:
            if s.get(k) is not None:
                w = s["events.typed"]["tp"]
                acc[k] = [acc[k][0] + s[k] * w, acc[k][1] + w]
        false_not += s.get("events.false_on_not_events") or 0
        calibration_bins(gold, pred, sc, bins)
    out: dict = {"reports": len(pairs)}
    for k, (tp, npred, ngold) in tot.items():
        p, r = (tp / npred if npred else 0.0), (tp / ngold if ngold else 0.0)
        f1 = round(2 * p * r / (p + r), 3) if p + r else 0.0
        out[k] = {"precision": round(p, 3), "recall": round(r, 3), "f1": f1, "tp": tp, "pred": npred, "gold": ngold}
    for k, (v, w) in acc.items():
        out[k] = round(v / w, 3) if w else None
    out["events.false_on_not_events"] = false_not
    out["calibration"] = calibration_table(bins)
    return out


def scored_mentions(gold: dict, pred: dict, sc) -> list[tuple[dict, bool]]:
    """Every mention the prediction claims, whatever its confidence (which is its
    incident's), with whether it is right (a typed match with a gold event); a wrong one
    inside an optional event's span is neither and left out."""
    text = pred["article"]["text"]
    claimed = [dict(m, confidence=e.get("confidence")) for e in pred.get("events", [])
               for m in sc.claimed_mentions([dict(e, confidence=None)])]
    right = {id(p) for _, p in sc.pair(gold.get("events", []), claimed, text, sc.event_type_ok)}
    optional = [sc.locate(text, o["evidence"]) for o in gold.get("optional_events", [])]
    return [(m, id(m) in right) for m in claimed
            if id(m) in right or not any(sc.overlaps(o, sc.span_of(m)) for o in optional)]


def calibration_bins(gold: dict, pred: dict, sc, bins: dict) -> None:
    """Count the scored mentions (`scored_mentions`) right or wrong by confidence bin."""
    for m, ok in scored_mentions(gold, pred, sc):
        b = min(int((m.get("confidence") or 0.0) * 10), 9)
        n, hits = bins.get(b, (0, 0))
        bins[b] = (n + 1, hits + ok)


def calibration_table(bins: dict) -> list[dict]:
    return [{"confidence": f"{b / 10:.1f}-{(b + 1) / 10:.1f}", "mentions": n, "right": ok,
             "share_right": round(ok / n, 3) if n else None} for b, (n, ok) in sorted(bins.items())]
