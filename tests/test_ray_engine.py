"""The Ray engine stores exactly what the local engine stores, and survives a killed worker.

Runs a local Ray (num_cpus=2) over the first 50 reports of ../shared/data/geo/lgl.dev.jsonl.
Skipped when Ray (the `ray` extra) is not installed or ../shared is absent.
"""
from __future__ import annotations

import itertools
import os
import signal
import uuid
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'sitrep[ray]' to test the Ray engine")

import sqlalchemy as sa  # noqa: E402
from conftest import PG_URL, _drop_database  # noqa: E402

from sitrep.ingest import ingest  # noqa: E402
from sitrep.ray_engine import ACTOR_PREFIX, ingest_ray  # noqa: E402
from sitrep.store import Store, articles, item_tables  # noqa: E402

SHARED = Path(__file__).parents[1] / "../shared"
LGL = SHARED / "data/geo/lgl.dev.jsonl"
N_REPORTS = 50


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    if not LGL.exists():
        pytest.skip(f"../shared not present: {LGL} is needed for the Ray engine tests")
    path = tmp_path_factory.mktemp("ray_in") / "lgl50.jsonl"
    with LGL.open(encoding="utf-8") as src:
        path.write_text("".join(itertools.islice(src, N_REPORTS)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def stored_rows(store: Store) -> dict[str, list[tuple]]:
    """Every article and item row, in key order, without the ingestion timestamp."""
    out = {}
    with store.engine.connect() as conn:
        cols = [c for c in articles.c if c.name != "ingested_at"]
        out["articles"] = [tuple(r) for r in conn.execute(sa.select(*cols).order_by(articles.c.id))]
        for kind, table in item_tables.items():
            out[kind] = [tuple(r) for r in conn.execute(sa.select(table).order_by(*table.primary_key.columns))]
    return out


@pytest.fixture(scope="module")
def local_db(reports, tmp_path_factory) -> Path:
    """The 50 reports through the local engine (1 process): the reference store."""
    path = tmp_path_factory.mktemp("local") / "local.db"
    with Store(path) as store:
        rep = ingest([str(reports)], store, workers=1)
    assert rep.added > 0 and not rep.errors
    return path


@pytest.fixture(scope="module")
def local_rows(local_db) -> dict[str, list[tuple]]:
    with Store(local_db) as store:
        return stored_rows(store)


def test_ray_stores_the_same_rows_as_the_local_engine(reports, local_rows, local_ray, tmp_path):
    store = Store(tmp_path / "ray.db")
    rep = ingest_ray([str(reports)], store, workers=2, shard_size=8)
    assert not rep.errors
    assert rep.added == len(local_rows["articles"])
    assert len(rep.workers) == 2 and all(w["articles"] > 0 for w in rep.workers)
    rows = stored_rows(store)
    assert [r[0] for r in rows["articles"]] == [r[0] for r in local_rows["articles"]]
    for table in local_rows:
        assert rows[table] == local_rows[table], f"{table} rows differ between the local and Ray engines"

    again = ingest_ray([str(reports)], store, workers=2, shard_size=8)
    assert again.added == 0 and again.already_stored == rep.added
    assert stored_rows(store) == rows


def _kill_one_worker() -> int:
    """SIGKILL the process of one live extraction actor (a crashed worker, not a clean stop)."""
    for name in sorted(ray.util.list_named_actors()):
        if not name.startswith(ACTOR_PREFIX):
            continue
        try:
            pid = ray.get(ray.get_actor(name).pid.remote(), timeout=30)
        except (ValueError, ray.exceptions.RayError):
            continue
        os.kill(pid, signal.SIGKILL)
        return pid
    raise AssertionError("no live sitrep extraction actor to kill")


def test_killed_worker_then_rerun_loses_and_duplicates_nothing(reports, local_rows, local_ray, tmp_path):
    store = Store(tmp_path / "crash.db")
    killed: list[int] = []

    def kill_once(ex, new):
        if not killed:
            killed.append(_kill_one_worker())

    # retries=0: Ray does not restart the killed actor, so its shards are really lost.
    first = ingest_ray([str(reports)], store, workers=2, shard_size=4, retries=0, on_article=kill_once)
    assert killed, "the run finished before a worker could be killed"
    assert first.lost_shards >= 1 and any("re-run" in e for e in first.errors)
    n_total = len(local_rows["articles"])
    assert 0 < first.added < n_total
    assert store.check_integrity() == []  # no half-written article

    second = ingest_ray([str(reports)], store, workers=2, shard_size=4)
    assert not second.errors
    assert second.added == n_total - first.added
    assert second.already_stored == first.added
    assert stored_rows(store) == local_rows


@pytest.mark.slow
def test_ray_restarts_a_killed_worker_and_finishes_the_run(reports, local_rows, local_ray, tmp_path):
    store = Store(tmp_path / "restart.db")
    killed: list[int] = []

    def kill_once(ex, new):
        if not killed:
            killed.append(_kill_one_worker())

    rep = ingest_ray([str(reports)], store, workers=2, shard_size=4, retries=2, on_article=kill_once)
    assert killed and not rep.errors and rep.lost_shards == 0
    assert stored_rows(store) == local_rows




@pytest.fixture()
def pg_url():
    """A throwaway PostgreSQL database (dropped afterwards), or a skip saying why."""
    from sitrep.store import _url
    admin = sa.create_engine(_url(PG_URL), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = "sitrep_ray_" + uuid.uuid4().hex[:12]
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        pytest.skip(f"no PostgreSQL server usable at SITREP_TEST_PG_URL (run scripts/start_postgres.sh): "
                    f"{type(exc).__name__}")
    try:
        yield f"{PG_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        try:
            _drop_database(admin, name)  # retried: autovacuum may be visiting the freshly written database
        finally:
            admin.dispose()


@pytest.mark.postgres
def test_workers_write_postgresql_directly_and_a_rerun_fills_the_gap(reports, local_db, local_ray, pg_url):
    """Shared store: every actor writes its own articles; a crash, then a re-run."""
    store = Store(pg_url)
    killed: list[int] = []

    def kill_once(progress):
        # The workers write, so the driver sees shards, not articles: kill after the first.
        if not killed:
            killed.append(_kill_one_worker())

    first = ingest_ray([str(reports)], store, workers=2, shard_size=4, retries=0, on_shard=kill_once)
    assert killed and first.lost_shards >= 1
    assert store.check_integrity() == []  # a killed writer leaves whole articles or none
    # Articles of a lost shard may be stored already (one transaction each): count rows.
    stored_after_crash = len(store.ids())
    second = ingest_ray([str(reports)], store, workers=2, shard_size=4)
    assert not second.errors
    with Store(local_db) as local:
        want = {i: local.extraction(i).to_dict() for i in sorted(local.ids())}
    assert second.added == len(want) - stored_after_crash
    assert second.already_stored == stored_after_crash
    assert sorted(store.ids()) == sorted(want)
    assert store.check_integrity() == []
    for i, d in want.items():
        assert store.extraction(i).to_dict() == d, f"article {i} differs between the local and Ray engines"
    store.close()
