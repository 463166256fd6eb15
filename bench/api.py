"""API latency on a 100k-event database, SQLite and PostgreSQL.

    .venv/bin/python bench/api.py [--events 100000] [--requests 50] [--pg URL] [--keep DIR]

Builds a synthetic store (reports of 50 events each, stored with `Store.add`, so the rows,
columns and indexes are exactly what ingest writes), then times filtered requests through
the FastAPI app (Starlette's TestClient: routing, validation, the query, JSON encoding) and
prints the median and 95th percentile wall time of each, and the mean CPU time per request
(this process plus, for PostgreSQL, the server backends: the figure that does not depend
on how busy the machine is). Target: a filtered events query answers in
< 100 ms median on both backends. PostgreSQL: --pg URL, else $SITREP_TEST_PG_URL, else
postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test (scripts/start_postgres.sh); the
bench creates a throwaway database there and drops it. Skipped (said so) if unreachable.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.models import ActorRef, Article, Event, Extraction, Fatalities, Figure, Place  # noqa: E402

EVENTS_PER_REPORT = 50
PLACES = [("Aleppo", 36.2021, 37.1343, "SY"), ("Homs", 34.7308, 36.7094, "SY"), ("Idlib", 35.9306, 36.6339, "SY"),
          ("Douma", 33.5718, 36.4027, "SY"), ("Raqqa", 35.9528, 39.0079, "SY"), ("Deir ez-Zor", 35.3359, 40.1408, "SY"),
          ("Mosul", 36.335, 43.1189, "IQ"), ("Fallujah", 33.3494, 43.7836, "IQ"), ("Ramadi", 33.4258, 43.2992, "IQ"),
          ("Kirkuk", 35.4681, 44.3922, "IQ"), ("Taiz", 13.5795, 44.0209, "YE"), ("Aden", 12.7794, 45.0367, "YE"),
          ("Sanaa", 15.3547, 44.2067, "YE"), ("Hodeidah", 14.7978, 42.9545, "YE"), ("Benghazi", 32.1167, 20.0667, "LY"),
          ("Sirte", 31.2089, 16.5887, "LY"), ("Maiduguri", 11.8464, 13.1603, "NG"), ("Kabul", 34.5281, 69.1723, "AF"),
          ("Kandahar", 31.6133, 65.7101, "AF"), ("Mogadishu", 2.0371, 45.3438, "SO"), ("Juba", 4.8594, 31.5713, "SS"),
          ("Donetsk", 48.0159, 37.8029, "UA"), ("Gao", 16.2717, -0.0447, "ML"), ("Bangui", 4.3612, 18.555, "CF")]
TYPES = [("Battles", "Armed clash", None), ("Explosions/Remote violence", "Shelling/artillery/missile attack", None),
         ("Explosions/Remote violence", "Air/drone strike", None), ("Violence against civilians", "Attack", None),
         ("Protests", "Peaceful protest", None), ("Strategic developments", "Arrests", None),
         (None, None, "ACCUSE"), (None, None, "CONSULT")]
ACTORS = [("Government forces", "state_forces"), ("Rebel fighters", "rebels"), ("Islamic State", "rebels"),
          ("Local militia", "political_militia"), ("Protesters", "protesters"), ("Civilians", "civilians"),
          ("Coalition aircraft", "external_forces"), ("Police", "state_forces"), ("Tribal militia", "identity_militia")]
SOURCES = ["Syrian Observatory for Human Rights", "SANA", "United Nations", "local medics", "the ministry", None,
           "residents", "Reuters", "the army", "activists"]
CATEGORIES = ["killed", "injured", "displaced", "arrested", "evacuated"]


def synthetic_reports(n_events: int, seed: int = 7):
    """Extractions of EVENTS_PER_REPORT events each (two years of dates, 24 places)."""
    rng = random.Random(seed)
    for r in range(max(1, n_events // EVENTS_PER_REPORT)):
        day = rng.randrange(730)
        published = _iso(day)
        text = f"Synthetic report {r}. " + " ".join(f"Event sentence {i} of report {r}."
                                                     for i in range(EVENTS_PER_REPORT))
        places, events, figures = [], [], []
        for i in range(EVENTS_PER_REPORT):
            name, lat, lon, cc = rng.choice(PLACES)
            et, sub, plover = rng.choice(TYPES)
            a1, a2 = rng.sample(ACTORS, 2)
            d = max(0, day - rng.randrange(4))
            start = text.index(f"Event sentence {i} of")
            end = start + len(f"Event sentence {i}")
            deaths = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 30])
            events.append(Event(et, sub, plover, actor1=ActorRef(a1[0], a1[1]), actor2=ActorRef(a2[0], a2[1]),
                                place=name, lat=lat + rng.uniform(-.05, .05), lon=lon + rng.uniform(-.05, .05),
                                date_start=_iso(d), date_end=_iso(d),
                                fatalities=Fatalities(deaths, deaths, deaths) if deaths is not None else None,
                                source=rng.choice(SOURCES), start=start, end=end,
                                sentence=f"Event sentence {i} of report {r}.", trigger="Event"))
            if i % 5 == 0:
                places.append(Place(name, start, end, lat=lat, lon=lon, country=cc))
                figures.append(Figure(rng.choice(CATEGORIES), deaths or 1, deaths or 1, deaths or 1, place=name,
                                      date_start=_iso(d), date_end=_iso(d), source=rng.choice(SOURCES),
                                      start=start, end=end))
        yield Extraction(article=Article(id=f"bench{r:06d}", title=f"Synthetic report {r}", text=text,
                                         published=published, source=f"Outlet {r % 13}"),
                         places=places, events=events, figures=figures)


def _iso(day: int) -> str:
    import datetime as dt
    return (dt.date(2016, 1, 1) + dt.timedelta(days=day)).isoformat()


REQUESTS = [
    ("events type+dates", "/api/events",
     {"type": "Battles", "since": "2016-06-01", "until": "2016-08-31", "limit": 100}),
    ("events bbox+dates", "/api/events",
     {"bbox": "35,32,41,37.5", "since": "2017-01-01", "until": "2017-03-31", "limit": 100}),
    ("events place", "/api/events", {"place": "aleppo", "limit": 100}),
    ("events actor+type", "/api/events", {"actor": "islamic state", "type": "Air/drone strike", "limit": 100}),
    ("events unfiltered p.50", "/api/events", {"limit": 100, "offset": 5000}),
    ("events sorted -fatal.", "/api/events", {"type": "Battles", "sort": "-fatalities", "limit": 100}),
    ("figures cat+bbox", "/api/figures", {"category": "killed", "bbox": "35,32,41,37.5", "limit": 100}),
    ("timeline type", "/api/timeline", {"kind": "events", "type": "Battles"}),
]


def build(target: str, n_events: int) -> float:
    from sitrep.store import Store
    t0 = time.perf_counter()
    with Store(target) as store:
        for ex in synthetic_reports(n_events):
            store.add(ex)
        counts = store.counts()
    assert counts["events"] == (n_events // EVENTS_PER_REPORT) * EVENTS_PER_REPORT, counts
    return time.perf_counter() - t0


def _proc_cpu(pids: list[int]) -> float:
    """CPU seconds (user + system) used so far by these processes (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def time_requests(target: str, n: int, server_pids=None) -> list[tuple]:
    """Per query: median and p95 wall ms, mean CPU ms per request (this process, plus the
    database server's backends when `server_pids` lists them), rows returned."""
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    out = []
    with TestClient(create_app(target)) as client:
        for label, path, params in REQUESTS:
            r = client.get(path, params=params)  # warm-up (and check)
            assert r.status_code == 200, r.text
            body = r.json()
            rows = len(body.get("items", body.get("days", [])))
            pids = server_pids() if server_pids else []
            cpu0, srv0 = time.process_time(), _proc_cpu(pids)
            times = []
            for _ in range(n):
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200
            cpu = (time.process_time() - cpu0 + _proc_cpu(pids) - srv0) * 1000 / n
            times.sort()
            out.append((label, statistics.median(times), times[int(0.95 * (len(times) - 1))], cpu, rows))
    return out


def report(backend: str, build_s: float, rows: list) -> None:
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{backend}: built in {build_s:.0f}s; load average now {load} on {os.cpu_count()} CPUs")
    print(f"  {'request':24} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>7} {'rows':>6}")
    for label, med, p95, cpu, n in rows:
        flag = "" if med < 100 else "  <-- over 100 ms"
        print(f"  {label:24} {med:10.1f} {p95:8.1f} {cpu:7.1f} {n:6d}{flag}")
    meds = [r[1] for r in rows if r[0].startswith("events")]
    print(f"  filtered events queries: median of medians {statistics.median(meds):.1f} ms "
          f"(CPU ms = mean CPU per request, client + database; wall times grow with machine load)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=50, help="timed requests per query")
    ap.add_argument("--pg", default=os.environ.get("SITREP_TEST_PG_URL",
                                                   "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test"))
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--keep", help="keep the SQLite database in this folder")
    args = ap.parse_args()
    print(f"{args.events} events ({args.events // EVENTS_PER_REPORT} reports), "
          f"{args.requests} timed requests per query, through the FastAPI app")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = str(folder / "bench_api.db")
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
        build_s = build(db, args.events)
        report("SQLite", build_s, time_requests(db, args.requests))

    if args.no_pg:
        return 0
    import sqlalchemy as sa

    from sitrep.store import _url
    try:
        admin = sa.create_engine(_url(args.pg), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:
        print(f"\nPostgreSQL: skipped, no server at {args.pg.rpartition('@')[2]} ({type(exc).__name__}); "
              "run scripts/start_postgres.sh")
        return 0
    name = "sitrep_bench_" + uuid.uuid4().hex[:8]
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        url = f"{args.pg.rsplit('/', 1)[0]}/{name}"
        build_s = build(url, args.events)
        from sitrep.store import Store
        with Store(url) as store, store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("ANALYZE"))  # fresh statistics, as autovacuum gives a long-lived server

        def backends() -> list[int]:
            with admin.connect() as conn:
                return [r[0] for r in conn.execute(sa.text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = :n"), {"n": name})]

        report("PostgreSQL", build_s, time_requests(url, args.requests, backends))
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
