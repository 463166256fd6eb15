"""Bench: ingest throughput with 1 and 2 workers, local process pool vs Ray.

    .venv/bin/python bench/scale.py [--data ../shared/data/geo/lgl.dev.jsonl] [--limit N]
                                    [--workers 1 2] [--engines local ray] [--repeat R] [--json OUT]

Each configuration runs in a fresh Python process (so one run's caches, memory and Ray
processes never leak into the next) and ingests the reports into a new SQLite store.
Per run it prints: articles/s over the whole ingest (wall clock, including each worker
loading spaCy; for Ray excluding `ray.init` and 5 s for the fresh local cluster to finish
booting, which a cluster pays once), the worker CPU
seconds per article (the figure that does not depend on how busy the machine is), the
peak RSS of each worker process (VmHWM from /proc, or ru_maxrss), and the store bytes
per article. Then the speedup of 2 workers over 1 for each engine (with --repeat, the
configurations run in interleaved rounds and the fastest run of each counts, which
filters out bursts of load from other users of the machine).

The wall-clock speedup is only meaningful on an otherwise idle machine; the CPU-bound
estimate (2 x CPU per article with 1 worker / CPU per article with 2 workers, driver,
pickling and Ray's own daemons included) says what 2 idle cores would give whatever else is running.

Targets (issue 9): 2 workers >= 1.7x the articles/s of 1 worker; peak RSS per worker
<= 1 GB. The machine load (os.getloadavg) before and after each run is printed, because
wall-clock speedups on a shared machine mean little without it.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/data/geo/lgl.dev.jsonl"
TARGET_SPEEDUP = 1.7
TARGET_RSS = 1 << 30
SETTLE_SECONDS = 5.0


def _cpu_self() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _cpu_children() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(p) for p in fh.read().split()]
    except OSError:
        pass
    return out


def _status(pid: int) -> dict[str, int]:
    vals = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    vals[line.split(":")[0]] = int(line.split()[1]) * 1024
    except OSError:
        pass
    return vals


class ChildPeakRss(threading.Thread):
    """Samples the peak RSS (VmHWM) of this process's direct children (pool workers)."""

    def __init__(self, interval: float = 0.25):
        super().__init__(daemon=True)
        self.interval, self.peaks, self._stop_event = interval, {}, threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            for pid in _children(os.getpid()):
                hwm = _status(pid).get("VmHWM")
                if hwm:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), hwm)
            self._stop_event.wait(self.interval)

    def stop(self) -> dict[int, int]:
        self._stop_event.set()
        self.join()
        return self.peaks


def _db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def run_one(engine: str, workers: int, data: str, shard_size: int) -> dict:
    """One configuration, in this (fresh) process; returns the measurements."""
    from sitrep.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="sitrep-scale-"))
    db = tmp / "bench.db"
    store = Store(db)
    load0 = os.getloadavg()
    res: dict = {"engine": engine, "workers": workers}
    if engine == "local":
        from sitrep.ingest import ingest
        sampler = ChildPeakRss()
        sampler.start()
        cpu0, cpuc0 = _cpu_self(), _cpu_children()
        rep = ingest([data], store, workers=workers)
        peaks = sampler.stop()
        cpu_self, cpu_kids = _cpu_self() - cpu0, _cpu_children() - cpuc0
        if workers <= 1:  # extraction runs in this process
            res["worker_peak_rss"] = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024]
            res["worker_cpu_seconds"] = cpu_self
        else:
            res["worker_peak_rss"] = sorted(peaks.values(), reverse=True)[:workers]
            res["worker_cpu_seconds"] = cpu_kids
        res["driver_cpu_seconds"] = cpu_self if workers > 1 else 0.0
        res["seconds"] = rep.seconds
    else:
        import ray

        from sitrep.ray_engine import connect, ingest_ray
        cpuc0 = _cpu_children()
        connect(num_cpus=workers, log_to_driver=False)
        # A freshly started local Ray goes on booting after ray.init returns (prestarted
        # idle workers, agents importing Python); a real cluster is up before a job
        # starts, so let it settle rather than bill that CPU to the first shards.
        time.sleep(SETTLE_SECONDS)
        cpu0 = _cpu_self()
        rep = ingest_ray([data], store, workers=workers, shard_size=shard_size)
        res["driver_cpu_seconds"] = _cpu_self() - cpu0
        res["seconds"] = rep.seconds
        res["startup_seconds"] = rep.startup_seconds
        res["worker_peak_rss"] = [w.get("peak_rss_bytes", 0) for w in rep.workers]
        res["worker_cpu_seconds"] = sum(w.get("cpu_seconds", 0) for w in rep.workers)
        ray.shutdown()
        # Ray's own processes (GCS, raylet, agents; reaped at shutdown), start to end:
        # an overhead the local engine does not have.
        res["ray_daemons_cpu_seconds"] = _cpu_children() - cpuc0
    res.update(read=rep.read, added=rep.added, errors=len(rep.errors), load_before=load0, load_after=os.getloadavg())
    res["articles_per_s"] = rep.read / rep.seconds if rep.seconds else 0.0
    res["cpu_s_per_article"] = res["worker_cpu_seconds"] / rep.read if rep.read else None
    store.close()
    res["store_bytes_per_article"] = _db_bytes(db) / rep.read if rep.read else None
    for p in tmp.iterdir():
        p.unlink()
    tmp.rmdir()
    return res


def _limited_copy(data: Path, limit: int | None) -> tuple[str, Path | None]:
    if not limit:
        return str(data), None
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-scale-in-")) / data.name
    with data.open(encoding="utf-8") as src, tmp.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return str(tmp), tmp


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=None, help="only the first N reports")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--engines", nargs="+", default=["local", "ray"], choices=["local", "ray"])
    ap.add_argument("--shard-size", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of every configuration, interleaved; the fastest run of each counts")
    ap.add_argument("--json", help="also write the measurements here")
    ap.add_argument("--run", nargs=2, metavar=("ENGINE", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.run:  # child: one configuration
        print(json.dumps(run_one(args.run[0], int(args.run[1]), args.data, args.shard_size)))
        return 0

    data = Path(args.data)
    if not data.exists():
        print(f"skipped: {data} not found (../shared absent?)")
        return 0
    if "ray" in args.engines:
        try:
            import ray  # noqa: F401
        except ImportError:
            print("ray not installed (pip install 'sitrep[ray]'): benching the local engine only")
            args.engines = [e for e in args.engines if e != "ray"]
    # Build the caches every worker reads (the gazetteer index, rebuilt when its data
    # changes) once, outside the timed runs, so no run pays a one-off build.
    subprocess.run([sys.executable, "-c", "from sitrep.pipeline import extract_articles; "
                    "from sitrep.models import Article; list(extract_articles([Article(text="
                    "'Fighting in Aleppo killed 3 people on Monday.', published='2016-12-07')]))"],
                   cwd=ROOT, check=False)
    path, tmp = _limited_copy(data, args.limit)
    print(f"data: {data} ({'first ' + str(args.limit) if args.limit else 'all'} reports); "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    results = []
    try:
        for engine, w in [(e, w) for _ in range(args.repeat) for e in args.engines for w in args.workers]:
            cmd = [sys.executable, __file__, "--data", path, "--shard-size", str(args.shard_size),
                   "--run", engine, str(w)]
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
            if proc.returncode or not line.startswith("{"):
                print(f"{engine} x{w}: FAILED\n{proc.stderr[-2000:]}")
                continue
            r = json.loads(line)
            results.append(r)
            rss = ", ".join(f"{b / 2**20:.0f}" for b in r["worker_peak_rss"])
            print(f"{engine:5s} x{w}: {r['read']} articles in {r['seconds']:.1f}s = "
                  f"{r['articles_per_s']:.2f} articles/s; worker CPU {r['cpu_s_per_article']:.3f} s/article; "
                  f"driver CPU {r['driver_cpu_seconds']:.1f}s"
                  + (f" + Ray daemons {r['ray_daemons_cpu_seconds']:.1f}s" if "ray_daemons_cpu_seconds" in r else "")
                  + (f"; workers up after {r['startup_seconds']:.1f}s" if "startup_seconds" in r else "")
                  + f"; peak RSS per worker [{rss}] MiB; "
                  f"store {r['store_bytes_per_article'] / 1024:.1f} KiB/article; "
                  f"load {r['load_before'][0]:.1f} -> {r['load_after'][0]:.1f}", flush=True)
    finally:
        if tmp:
            tmp.unlink()
            tmp.parent.rmdir()
    ok = True
    for engine in args.engines:
        by_w: dict[int, dict] = {}  # fastest run per worker count
        for r in results:
            if r["engine"] == engine and r["articles_per_s"] > by_w.get(r["workers"], {}).get("articles_per_s", 0):
                by_w[r["workers"]] = r
        if 1 in by_w and 2 in by_w and by_w[1]["articles_per_s"]:
            speedup = by_w[2]["articles_per_s"] / by_w[1]["articles_per_s"]
            # What 2 idle cores would give: all CPU the run spent (workers + driver) per
            # article, against the 1-worker run; independent of other users of the machine.
            cpu = {w: (r["worker_cpu_seconds"] + r["driver_cpu_seconds"] + r.get("ray_daemons_cpu_seconds", 0))
                   / r["read"] for w, r in by_w.items()}
            cpu_bound = 2 * cpu[1] / cpu[2]
            print(f"{engine}: speedup 2 vs 1 workers = {speedup:.2f}x wall clock (target >= {TARGET_SPEEDUP}x: "
                  f"{'met' if speedup >= TARGET_SPEEDUP else 'NOT met'}); CPU per article "
                  f"{cpu[1]:.3f}s (1 worker) vs {cpu[2]:.3f}s (2 workers, driver included): "
                  f"{cpu_bound:.2f}x on 2 idle cores")
            ok &= speedup >= TARGET_SPEEDUP
    peak = max((b for r in results for b in r["worker_peak_rss"]), default=0)
    print(f"largest worker peak RSS {peak / 2**20:.0f} MiB (target <= 1024 MiB: "
          f"{'met' if peak <= TARGET_RSS else 'NOT met'})")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0 if ok and peak <= TARGET_RSS else 1


if __name__ == "__main__":
    sys.exit(main())
