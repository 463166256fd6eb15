"""The API under load: N clients (default 64) against `sitrep serve` on loopback for a
fixed time (default 60 s), a share of them writing (default 30% of requests POST a new
report, the rest read listings, search, stats and timelines), on SQLite and PostgreSQL.

    .venv/bin/python bench/api_load.py [--clients 64] [--writes 0.3] [--seconds 60] [--ramp 5]
                                       [--backend sqlite|postgresql|both] [--extract-workers 1]

Each backend gets a fresh store holding the bundled samples and its own `sitrep serve`
(loopback only, the write token set). Every client loops: pick read or write, send, time
it (no pause between requests: a closed loop). The clients start one by one over --ramp
seconds, then all run for --seconds. Reported for the time all clients run, and apart for
the ramp-up: read and write count, p50 and p99 latency and errors (any answer but 2xx, or
no answer in 120 s), the same per request kind; and whether every accepted write (ramp-up
included) is stored exactly once (the store's article count grew by the number of distinct
accepted reports, each readable).
PostgreSQL: SITREP_BENCH_PG_URL or SITREP_TEST_PG_URL (a throwaway database is created
and dropped); skipped when neither is reachable.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-load-token"
TOWNS = ["Ariha", "Saraqib", "Binnish", "Maarat al-Numan", "Jisr al-Shughur", "Idlib", "Douma", "Harasta",
         "Taiz", "Mosul", "Tal Afar", "Sinjar", "Gao", "Kidal", "Timbuktu", "Mopti"]
READS = [("/api/events", {"limit": 50}), ("/api/figures", {"limit": 50}), ("/api/stats", {}),
         ("/api/articles", {"limit": 20}), ("/api/search", {"q": "shelling"}),
         ("/api/search", {"q": "displaced OR fled"}),
         ("/api/timeline", {"kind": "events"}), ("/api/places", {"limit": 50}), ("/api/events", {"place": "Syria"})]


def report(n: int) -> str:
    rnd = random.Random(n)
    town, other = rnd.sample(TOWNS, 2)
    killed, fled = rnd.randint(2, 40), rnd.randint(100, 5000)
    return (f"Shelling hits {town} (report {n})\n\nShelling hit the market in {town} on Monday, killing {killed} "
            f"civilians, rescuers said. About {fled} people fled towards {other}, aid workers said on Tuesday. "
            f"Government forces and rebels clashed near {other} overnight, a local monitor said.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def _new_stats() -> dict:
    return {"read": [], "write": [], "read_errors": [], "write_errors": [], "by_request": {}}


async def client_loop(http, base: str, start_at: float, steady_from: float, deadline: float, write_share: float,
                      seq, out: dict) -> None:
    """One client: starts at `start_at`, then loops until `deadline`; a request begun before
    `steady_from` (while clients are still starting) is counted under "ramp"."""
    import aiohttp

    rnd = random.Random()
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    while time.monotonic() < deadline:
        stats = out["steady"] if time.monotonic() >= steady_from else out["ramp"]
        write = rnd.random() < write_share
        t0 = time.perf_counter()
        body = None
        try:
            if write:
                n = next(seq)
                req = http.post(base + "/api/articles", data=report(n).encode(),
                                headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
            else:
                path, params = rnd.choice(READS)
                req = http.get(base + path, params=params)
            async with req as r:
                status = r.status
                body = await r.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            status = type(exc).__name__
        ms = (time.perf_counter() - t0) * 1000
        kind = "write" if write else "read"
        stats[kind].append(ms)
        stats["by_request"].setdefault("POST /api/articles" if write else f"GET {path} {params}", []).append(ms)
        if not isinstance(status, int) or status >= 300:
            stats[f"{kind}_errors"].append(status)
        elif write:
            out["accepted"].append(json.loads(body)["article"]["id"])


def start_server(db: str, port: int, extract_workers: int) -> subprocess.Popen:
    env = {**os.environ, "SITREP_API_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port), "--extract-workers", str(extract_workers)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"sitrep serve did not start: {proc.stderr.read() if proc.stderr else ''}")


async def run_load(base: str, clients: int, seconds: float, write_share: float, ramp: float) -> dict:
    """The clients, each a loop over one keep-alive connection of an aiohttp session (its
    C-accelerated client keeps up with the server on one core; httpx's pool, tried first,
    spent a whole core on 60 requests a second and its queueing showed as latency). They
    start one after another over `ramp` seconds (as a load tool's spawn rate does: 64
    first requests in the same millisecond queue behind each other for half a second),
    then all of them run for `seconds`."""
    import aiohttp

    out: dict = {"steady": _new_stats(), "ramp": _new_stats(), "accepted": []}
    seq = iter(range(uuid.uuid4().int % 10**9, 10**12))
    connector = aiohttp.TCPConnector(limit=clients, keepalive_timeout=15)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as http:
        t0 = time.monotonic()
        steady_from, deadline = t0 + ramp, t0 + ramp + seconds
        await asyncio.gather(*(client_loop(http, base, t0 + ramp * i / clients, steady_from, deadline, write_share,
                                           seq, out) for i in range(clients)))
    return out


def _print_stats(stats: dict, label: str, per_request: bool) -> None:
    print(f"  {label}")
    for kind in ("read", "write"):
        ms, errors = stats[kind], stats[f"{kind}_errors"]
        kinds = sorted({str(e) for e in errors})
        mean = statistics.fmean(ms) if ms else float("nan")
        print(f"    {kind}s: {len(ms)}  p50 {pct(ms, 0.5):.0f} ms  p99 {pct(ms, 0.99):.0f} ms  mean {mean:.0f} ms  "
              f"errors {len(errors)} {kinds if kinds else ''}")
    if per_request:
        for name, ms in sorted(stats["by_request"].items(), key=lambda kv: -pct(kv[1], 0.99)):
            print(f"      {name}: {len(ms)}  p50 {pct(ms, 0.5):.0f} ms  p99 {pct(ms, 0.99):.0f} ms")


def bench_backend(name: str, db: str, args) -> None:
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(ROOT / "sitrep" / "samples"), "--db", db],
                   check=True, capture_output=True)
    port = free_port()
    proc = start_server(db, port, args.extract_workers)
    base = f"http://127.0.0.1:{port}"
    try:
        for path, params in READS:  # first use loads caches (gazetteer scopes): not what is measured
            httpx.get(base + path, params=params, timeout=120)
        httpx.post(base + "/api/articles", content=report(0), timeout=600,  # waits for the workers' warm-up
                   headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
        before = httpx.get(base + "/api/stats").json()["counts"]["articles"]
        out = asyncio.run(run_load(base, args.clients, args.seconds, args.writes, args.ramp))
        after = httpx.get(base + "/api/stats", timeout=60).json()["counts"]["articles"]
        accepted = set(out["accepted"])
        readable = sum(httpx.get(f"{base}/api/articles/{aid}", timeout=60).status_code == 200 for aid in accepted)
    finally:
        proc.terminate()
        proc.wait(30)
    load = os.getloadavg()[0]
    print(f"{name}: {args.clients} clients, {args.writes:.0%} writes, {args.seconds:.0f} s after a {args.ramp:.0f} s "
          f"ramp-up, extract workers {args.extract_workers}, load {load:.2f}")
    _print_stats(out["steady"], f"all {args.clients} clients running ({args.seconds:.0f} s):", per_request=True)
    _print_stats(out["ramp"], f"ramp-up (clients starting over {args.ramp:.0f} s):", per_request=False)
    once = after - before == len(accepted) == readable and len(out["accepted"]) == len(accepted)
    print(f"  accepted writes {len(out['accepted'])} ({len(accepted)} distinct), articles {before} -> {after}, "
          f"readable {readable}: {'every accepted write stored once' if once else 'MISMATCH'}")


def pg_database():
    """A throwaway database on the test server (url, drop function), or None."""
    import sqlalchemy as sa

    url = os.environ.get("SITREP_BENCH_PG_URL") or os.environ.get("SITREP_TEST_PG_URL")
    if not url:
        return None
    admin = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    name = "sitrep_bench_" + uuid.uuid4().hex[:10]
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.SQLAlchemyError as exc:
        print(f"postgresql: skipped ({type(exc).__name__})")
        return None

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.rsplit("/", 1)[0] + "/" + name, drop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--writes", type=float, default=0.3, help="share of requests that POST a report")
    ap.add_argument("--seconds", type=float, default=60, help="seconds with every client running")
    ap.add_argument("--ramp", type=float, default=5, help="seconds over which the clients start, one by one")
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--extract-workers", type=int, default=1)
    args = ap.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            bench_backend("sqlite", str(Path(tmp) / "load.db"), args)
    if args.backend in ("postgresql", "both"):
        made = pg_database()
        if made:
            url, drop = made
            try:
                bench_backend("postgresql", url, args)
            finally:
                drop()


if __name__ == "__main__":
    main()
