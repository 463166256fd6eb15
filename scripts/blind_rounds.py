#!/usr/bin/env python3
"""Rebuild tests/annotations/reports/blind_rounds.csv: how right sitrep's claims were on
reports its rules had never been tuned on.

    python scripts/blind_rounds.py            # needs ../shared and the git history

Each blind round of docs/rounds.md ("Blind annotation") was scored once with the system
as it stood when the round arrived, before anyone read its errors. This script checks out
that commit (a temporary git worktree), extracts the round's reports with it, in a child
process that imports sitrep from the checkout, and scores every mention that commit claims
or nearly claims (asserted or claimed, not generic, any confidence) against today's gold
with the shared scorer, as `sitrep eval reports` bins its calibration table. One row per
mention: round, commit, report, span, the confidence that commit's model gave it (before
any map to unseen reports: that map is what these rows fit), right (1/0).

Those rows are the only evidence of how a confidence fitted on the tune reports (in-sample
for the hand rules as well as for the model) holds up on unseen reports;
`sitrep.calibration` fits the map from one to the other (`train_event_model.py
--confidence`). Rounds whose commit shipped no confidence model (C, D) are left out.

The written rounds (W onwards: reports written for the project, real places, invented
incidents) are in too. They were first kept out, as not real reports; but they are the only
rounds scored by the systems of the last stops, whose model differs from the ones of rounds
E-V. Scored round by round with the map fitted on the other rounds, adding them moved the
log-loss on the real rounds from 242.4 to 245.5 and on the written ones from 574.1 to 557.2,
left the claims (>= 0.5) the same (596 against 595 right, of 796 against 795) and made the
mentions at >= 0.8 right more often (real rounds 108 of 117 against 141 of 155, written 182
of 212 against 221 of 273).
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from sitrep.calibration import BLIND_ROUNDS_CSV, COLUMNS, round_of
from sitrep.evaluate import find_shared, gold_reports, scored_mentions, shared_scorer

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "tests/annotations/reports"
# round (annotator letter) -> the commit it was first scored with (docs/rounds.md)
ARRIVAL = {"E": "9ad410d", "F": "9ad410d", "G": "25ebdc0", "H": "25ebdc0", "I": "99cd91b",
           "J": "8e21dac", "K": "ce93c68", "L": "ce93c68", "M": "ae88c07", "N": "b0a94aa",
           "O": "47c97ae", "P": "b290208", "Q": "26cab57", "R": "911ab6e",
           "S": "5f22aae", "T": "e0d0563", "U": "67c396c", "V": "23d0ba5",
           # written rounds (docs/rounds.md, "Written rounds"): the systems of the last stops
           "W": "daaeda9", "X": "98d9d6f", "Y": "5f2c735", "Z": "0d2f45e", "AA": "f32f07d", "AB": "86cba72",
           "AC": "174af71", "AD": "d014af6", "AE": "7a68872",
           "AF": "adb65a3", "AG": "d35e9b6", "AH": "33fb0e4", "AI": "1e0329c",
           "AJ": "d4819de", "AK": "63a902b", "AL": "9940108", "AM": "25d27ba", "AN": "ed848f8",
           "AO": "f8994b7", "AP": "60e3682", "AQ": "32bb976", "AR": "ef2a4cd",
           "AS": "2dcfdf8", "AT": "bb45399", "AU": "5569890", "AV": "c513a3c", "AW": "ef56f5d",
           "AX": "e928b0d", "AY": "4583388", "AZ": "5b4cd81", "BA": "ab50860", "BB": "f447ac6",
           "BC": "d9a3675", "BD": "8a14420", "BE": "226d799", "BF": "abbb368", "BH": "9b6f544", "BG": "8645f6d",
           "BI": "17b6f83", "BJ": "58e00f4", "BK": "6423db8", "BL": "7b9f1a9", "BM": "1630b33",
           "BN": "b4f8721",
           "BO": "dfaafc9"}

_CHILD = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import sitrep
assert sitrep.__file__.startswith(sys.argv[1]), sitrep.__file__
from sitrep.evaluate import gold_reports, extract_records
from sitrep.extractors import event_confidence as ec
shipped = ec.weights()
pairs = gold_reports(Path(sys.argv[2]), Path(sys.argv[3]))
if shipped and "unseen" in shipped:  # the model's own probability: the map is what is fitted
    with ec.weights_in_use({k: v for k, v in shipped.items() if k != "unseen"}):
        preds = extract_records([rec for _, rec in pairs])
else:
    preds = extract_records([rec for _, rec in pairs])
json.dump(preds, open(sys.argv[4], "w"))
"""


def round_of_report(path: Path) -> str:
    return round_of(json.loads(path.read_text(encoding="utf-8")).get("annotator", ""))


def extract_at(commit: str, golds: Path, shared: Path, work: Path) -> dict:
    tree, out = work / f"tree-{commit}", work / f"pred-{golds.name}.json"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
    subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(golds), str(shared), str(out)], check=True,
                   cwd=work)
    return json.loads(out.read_text(encoding="utf-8"))


def mention_rows(rnd: str, commit: str, pairs: list, preds: dict, sc) -> list[list]:
    return [[rnd, commit, gold["id"], *sc.span_of(m), m["confidence"], int(ok)]
            for gold, _rec in pairs for m, ok in scored_mentions(gold, preds[gold["id"]], sc)
            if m.get("confidence") is not None]


def main() -> int:
    shared = find_shared(None)
    sc = shared_scorer("score", shared)
    rows: list[list] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        try:
            for rnd, commit in sorted(ARRIVAL.items()):
                golds = work / f"round-{rnd}"
                golds.mkdir()
                for f in sorted([*REPORTS.glob("tune/*.json"), *REPORTS.glob("blind/*.json")]):
                    if round_of_report(f) == rnd:
                        (golds / f.name).write_bytes(f.read_bytes())
                preds = extract_at(commit, golds, shared, work)
                rows += mention_rows(rnd, commit, gold_reports(golds, shared), preds, sc)
                print(rnd, commit, len(preds), "reports", file=sys.stderr)
        finally:
            for tree in work.glob("tree-*"):
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
            subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)
    rows.sort(key=lambda r: (r[0], r[2], r[3], r[4], r[5]))
    with BLIND_ROUNDS_CSV.open("w", encoding="utf-8", newline="") as f:
        f.write("# written by scripts/blind_rounds.py; see its docstring and docs/rounds.md\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(rows)
    print(f"{len(rows)} mentions -> {BLIND_ROUNDS_CSV.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
