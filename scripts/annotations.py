#!/usr/bin/env python3
"""Annotated reports (docs/annotation.md).

    python scripts/annotations.py freeze DRAFT_DIR OUT_DIR [--shared ../shared]
        check every draft (items with "evidence") and write span files (items with "span")
    python scripts/annotations.py gold SPAN_DIR OUT_DIR [--shared ../shared]
        rebuild seed-style gold files (with evidence) from span files, for score_reports.py
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.annotations import corpus_texts, freeze, gold_files
from sitrep.errors import SitrepError
from sitrep.evaluate import find_shared


def _freeze(drafts: Path, out: Path, shared: Path) -> int:
    files = sorted(drafts.glob("*.json"))
    loaded = [(f, json.loads(f.read_text(encoding="utf-8"))) for f in files]
    texts = corpus_texts(shared, {d["corpus"] for _, d in loaded})
    failed = 0
    out.mkdir(parents=True, exist_ok=True)
    for f, d in loaded:
        rec = texts.get((d["corpus"], d["id"]))
        try:
            if rec is None:
                raise SitrepError(f"{f}: {d['id']} is not in {d['corpus']}")
            frozen = freeze(d, rec["text"], str(f))
        except SitrepError as exc:
            print(exc, file=sys.stderr)
            failed += 1
            continue
        (out / f"{d['id']}.json").write_text(json.dumps(frozen, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = {k: len(frozen.get(k, [])) for k in ("events", "not_events", "optional_events", "figures")}
        print(f"{d['id']}: {n}")
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["freeze", "gold"])
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", default=None)
    a = ap.parse_args(argv)
    shared = find_shared(a.shared)
    if a.command == "freeze":
        return _freeze(a.src, a.out, shared)
    a.out.mkdir(parents=True, exist_ok=True)
    n = sum(1 for _ in gold_files(a.src, shared, a.out))
    print(f"{n} gold files in {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
