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
