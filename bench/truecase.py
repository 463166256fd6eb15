"""Cost of case restoration (sitrep/extractors/truecase.py) against the spaCy parse.

    .venv/bin/python bench/truecase.py [--corpus PATH.jsonl] [--n 82] [--repeat 3]

On the reports of --corpus (default ../shared/data/geo/trnews.dev.jsonl) prints, in ms per
report (best of --repeat runs): the inspection every report pays (`restore_case` on the
cased text, which only counts letters and returns it), the restoration of lower- and
upper-cased copies (gazetteer lookups included; the word tables are loaded before timing,
their one-off load is printed apart), and the bare spaCy parse of the cased reports, with
each cost as a share of the parse.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.extractors.gazetteer import get_gazetteer  # noqa: E402
from sitrep.extractors.parse import load_nlp  # noqa: E402
from sitrep.extractors.truecase import in_case, lexicon, restore_case  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "geo" / "trnews.dev.jsonl"


def best_ms(fn, texts: list[str], repeat: int) -> float:
    """Best of `repeat` runs of fn over every text, in ms per text."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return 1000 * best / len(texts)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=82)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        sys.exit(f"corpus {args.corpus} not found: pass --corpus PATH.jsonl")
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")][: args.n]
    nlp = load_nlp()
    t0 = time.perf_counter()
    lexicon()
    get_gazetteer()
    load_s = time.perf_counter() - t0
    parse = best_ms(lambda t: nlp(t), texts, args.repeat)
    inspect = best_ms(restore_case, texts, args.repeat)
    rows = [("inspect cased text", inspect)]
    for case in ("lower", "upper"):
        copies = [in_case(t, case) for t in texts]
        assert all(restore_case(c) is not c for c in copies), f"a {case} copy was not restored"
        rows.append((f"restore {case}-case copy", best_ms(restore_case, copies, args.repeat)))
    chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} reports of {args.corpus.name}, {chars:.0f} characters on average")
    print(f"spaCy parse: {parse:.1f} ms/report; word tables loaded once in {load_s:.2f} s")
    for name, ms in rows:
        print(f"{name:26s} {ms:8.3f} ms/report  {100 * ms / parse:6.2f}% of the parse")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
