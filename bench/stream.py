"""Bench: a crisis-news stream that repeats itself, ingested, fused and exported.

    .venv/bin/python bench/stream.py [--texts 2340] [--workers 2] [--work DIR]

Builds the stream of issue 19 from every text under ../shared/data/ with 200+ characters
(deduplicated, taken in turn from each corpus so all of them are in it; --texts caps the
number, 2,340 by default, 0 takes all 5,632): each text comes in four editions, the
original and three with a line "(Edition N.)" appended, one after the other, as a wire
story's versions do. A text without a date gets one from its place in the stream (200
reports a day). That is 9,360 reports by default.

Steps, each a `sitrep` command in its own process (as a user runs them), timed:
1. ingest the stream in quarters (`--workers 2`), the last quarter in two parts: all but
   the last 1,000 reports, then `sitrep fuse`, then the last 1,000;
2. `sitrep fuse` of the last 1,000 reports (incremental), then `sitrep fuse --rebuild`
   (the whole store, from nothing): each the fastest of --repeat runs from the same store;
3. the copy check: five stored reports with events or figures are sent again with one
   line more ("(Edition 5.)"); fused events, figure series and control changes must not grow;
4. `sitrep export --no-fuse` in every format.
Prints ingest articles/s per quarter, store size per report, the fuse times (target: the
last 1,000 reports in under a fifth of the whole-store fuse), export time per format,
each step's peak RSS and the load average beside every figure. Exits non-zero when a
step fails or a check does not hold.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SITREP = [str(Path(sys.executable).parent / "sitrep")]
FORMATS = ("csv", "jsonl", "parquet", "geojson", "hxl", "acled")
FUSED = ("fused_events", "figure_series", "control_changes")


def texts(limit: int) -> list[dict]:
    """Every text of 200+ characters under ../shared/data, deduplicated, one corpus after
    another in turn (sorted paths), up to `limit` (0: all)."""
    files = sorted((SHARED / "data").rglob("*.jsonl"))
    if not files:
        sys.exit("../shared/data not found: the stream is built from its corpora")
    corpora = []
    for f in files:
        rows = [json.loads(line) for line in f.open(encoding="utf-8") if line.strip()]
        corpora.append([(f.stem, r) for r in rows if len(r.get("text") or "") >= 200])
    out, seen = [], set()
    for i in range(max(map(len, corpora))):
        for rows in corpora:
            if i < len(rows) and rows[i][1]["text"] not in seen:
                seen.add(rows[i][1]["text"])
                out.append(rows[i])
    return out[:limit] if limit else out


def stream(limit: int) -> list[dict]:
    out = []
    for n, (corpus, r) in enumerate(texts(limit)):
        date = (r.get("published") or r.get("date") or "")[:10]
        if not date[:4].isdigit():
            date = (dt.date(2016, 1, 1) + dt.timedelta(days=4 * n // 200)).isoformat()
        base = {"title": r.get("title") or r.get("headline") or "", "published": date, "source": corpus}
        rid = f"{corpus}:{r['id']}"
        out.append(dict(base, id=rid, text=r["text"]))
        out += [dict(base, id=f"{rid}:e{k}", text=r["text"].rstrip() + f"\n\n(Edition {k}.)") for k in (1, 2, 3)]
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def run(args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB of the process and its workers, output) of a sitrep command."""
    t0 = time.perf_counter()
    p = subprocess.Popen(SITREP + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"sitrep {' '.join(args)} failed ({p.returncode}):\n{out[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, out


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FUSED + ("articles",)}


def store_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def backup(src: Path, dst: Path) -> None:
    for p in dst.parent.glob(dst.name + "*"):
        p.unlink()
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def ingest(db: Path, path: Path, workers: int) -> tuple[float, float]:
    secs, rss, _ = run(["ingest", str(path), "--db", str(db), "--workers", str(workers)])
    return secs, rss


def report_ingest(db: Path, n: int, seconds: float, rss: float, label: str) -> str:
    stored = counts(db)["articles"]
    line = (f"ingest {label}: {n} reports in {seconds:.0f} s = {n / seconds:.1f} articles/s; store "
            f"{store_bytes(db) / 1e6:.1f} MB = {store_bytes(db) / stored / 1e3:.1f} kB per report ({stored} stored); "
            f"peak RSS {rss:.0f} MB ({load()})")
    print(line, flush=True)
    return line


def ingest_stream(rows: list[dict], work: Path, db: Path, workers: int, last: int, reuse: bool) -> None:
    """Ingest the stream in quarters, the last quarter in two parts with a fuse between.
    With `reuse`, the ingest of an earlier run of the same stream in `work` is reused: its
    store of the first parts (unfused) and its figures; the last reports are copied from
    its store (extractions, not extracted again) and their ingest figures reprinted."""
    q = len(rows) // 4
    parts = [rows[:q], rows[q:2 * q], rows[2 * q:3 * q], rows[3 * q:len(rows) - last]]
    saved, saved_last, log = work / "ingested.db", work / "ingested-last.db", work / "ingested.json"
    if reuse and saved_last.exists() and log.exists() and json.loads(log.read_text())["reports"] == len(rows):
        logged = json.loads(log.read_text())
        print("\n".join(logged["lines"]) + f"\n  (reused from {saved} and {saved_last})", flush=True)
        backup(saved, db)
        fuse(db, f"the first {counts(db)['articles']} reports")
        copy_reports(saved_last, db, {r["id"] for r in rows[len(rows) - last:]})
        return
    lines = []
    for i, part in enumerate(parts):
        secs, rss = ingest(db, write_jsonl(work / f"part{i}.jsonl", part), workers)
        if i < 3:
            lines.append(report_ingest(db, len(part), secs, rss, f"quarter {i + 1}"))
    q4 = [secs, rss]
    backup(db, saved)
    fuse(db, f"the first {counts(db)['articles']} reports")
    secs, rss = ingest(db, write_jsonl(work / "last.jsonl", rows[len(rows) - last:]), workers)
    lines.append(report_ingest(db, len(rows) - 3 * q, q4[0] + secs, max(q4[1], rss),
                               f"quarter 4 (the last {last} after a fuse)"))
    backup(db, saved_last)
    log.write_text(json.dumps({"reports": len(rows), "lines": lines}))


def copy_reports(src: Path, dst: Path, input_ids: set[str]) -> None:
    """Store in `dst` the extractions `src` holds of the given inputs (as ingest stored them)."""
    sys.path.insert(0, str(ROOT))
    from sitrep.store import Store
    with Store(str(src)) as a, Store(str(dst)) as b:
        ids = [r["id"] for r in a.unfused_articles(everything=True) if not b.has(r["id"])]
        exs = [a.extraction(i) for i in ids]
        b.add_many([e for e in exs if e.article.input_id in input_ids])


def fuse(db: Path, what: str, *extra: str, times: int = 1) -> float:
    """Run `sitrep fuse` (`times` times from the same store, keeping the fastest: the
    machine is shared); print its command time and its own (in-process) time; return the
    latter."""
    before = db.parent / "before-fuse.db"
    if times > 1:
        backup(db, before)
    best = None
    for n in range(times):
        if n:
            backup(before, db)
        secs, rss, out = run(["fuse", "--db", str(db), *extra])
        own = float(out.split(" in ", 1)[1].split("s:", 1)[0])
        print(f"fuse of {what}: {own:.1f} s ({secs:.1f} s for the command), peak RSS {rss:.0f} MB ({load()})\n"
              f"  {out.strip()}", flush=True)
        best = own if best is None else min(best, own)
    for p in db.parent.glob(before.name + "*"):
        p.unlink()
    return best


def copy_check(db: Path, work: Path) -> bool:
    """Five stored reports with events or figures, sent again as one more edition."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT id, title, text, published, source FROM articles WHERE id IN "
            "(SELECT article_id FROM events UNION SELECT article_id FROM figures) ORDER BY id LIMIT 5").fetchall()
    before = counts(db)
    copies = [{"id": f"copy-{i}", "title": t, "text": x.rstrip() + "\n\n(Edition 5.)", "published": p, "source": s}
              for i, (_, t, x, p, s) in enumerate(rows)]
    run(["ingest", str(write_jsonl(work / "copies.jsonl", copies)), "--db", str(db)])
    run(["fuse", "--db", str(db)])
    after = counts(db)
    ok = all(after[t] == before[t] for t in FUSED) and after["articles"] == before["articles"] + len(copies)
    print(f"copy check ({len(copies)} reports sent again): " + ", ".join(
        f"{t} {before[t]} -> {after[t]}" for t in FUSED) + (" ok" if ok else " FAILED"), flush=True)
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=int, default=2340, help="texts in the stream (0: every one); 4 reports each")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--last", type=int, default=1000, help="reports added (and fused) last, at most a quarter")
    ap.add_argument("--work", type=Path, default=None, help="keep the store and files here (default: a temp dir)")
    ap.add_argument("--reuse", action="store_true", help="reuse the ingested stores of an earlier run in --work")
    ap.add_argument("--repeat", type=int, default=2, help="timed fuses: the fastest of this many runs")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitrep-stream-") as tmp:
        work = a.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        db = work / "stream.db"
        for p in work.glob("stream.db*"):
            p.unlink()
        rows = stream(a.texts)
        print(f"stream: {len(rows)} reports ({len(rows) // 4} texts x 4 editions), {os.cpu_count()} CPUs, {load()}",
              flush=True)
        if not 0 < a.last <= len(rows) // 4:
            sys.exit(f"--last {a.last}: between 1 and a quarter of the stream ({len(rows) // 4})")
        ingest_stream(rows, work, db, a.workers, a.last, a.reuse)
        last = fuse(db, f"the last {a.last} reports", times=a.repeat)
        whole = fuse(db, f"the whole store ({counts(db)['articles']} reports, --rebuild)", "--rebuild", times=a.repeat)
        print(f"last {a.last} / whole store = {last / whole:.3f} (fastest of {a.repeat} each; target < 0.2)",
              flush=True)
        ok = copy_check(db, work) and last / whole < 0.2
        for fmt in FORMATS:
            secs, rss, _ = run(["export", "--db", str(db), "--format", fmt, "--out", str(work / f"export-{fmt}"),
                                "--no-fuse"])
            print(f"export {fmt}: {secs:.1f} s, peak RSS {rss:.0f} MB ({load()})", flush=True)
        print("fused views: " + ", ".join(f"{t} {n}" for t, n in counts(db).items()))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
