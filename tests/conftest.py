"""Shared fixtures. Tests that need ../shared (real reports, gold, scorers) skip with a
clear reason when it is absent; in CI it sits beside the clone and they run."""
from __future__ import annotations

import contextlib
import json
import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
SEED = SHARED / "seed" / "000_27822b3222cb0826.txt"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"


def written_report(round_name: str, rid: str) -> dict:
    """One written report of the project (tests/annotations/written/<round>.jsonl), extracted
    (its `article.text` is what the offsets of its events and places count in)."""
    from sitrep.evaluate import extract_records

    path = ROOT / "tests" / "annotations" / "written" / f"{round_name}.jsonl"
    rec = next(r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"] == rid)
    return extract_records([{"id": "r", "title": "", "text": rec["text"], "published": rec["date"]}])["r"]


def need_shared(*parts: str) -> Path:
    """Path under ../shared, or skip the test saying what is missing."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared not present ({p} missing): real-report tests run where ../shared sits beside the repo")
    return p


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return need_shared()


@pytest.fixture(scope="session")
def nlp():
    from sitrep.extractors.parse import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def seed_extraction() -> dict:
    """The seed report extracted once per session (published 2016-12-07, as the gold says)."""
    from sitrep.pipeline import extract_articles
    from sitrep.readers import iter_inputs

    need_shared("seed", SEED.name)
    ex = next(extract_articles(iter_inputs([str(SEED)], published="2016-12-07")))
    return ex.to_dict()


@pytest.fixture(scope="session")
def seed_scores(seed_extraction, tmp_path_factory) -> dict:
    """score.py's figures for the seed extraction, computed with the shared scorer."""
    import importlib.util

    gold = need_shared("gold", "seed.gold.json")
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score(json.loads(gold.read_text(encoding="utf-8")), seed_extraction)


# ---- PostgreSQL: the server at SITREP_TEST_PG_URL, a throwaway database per test
PG_URL = os.environ.get("SITREP_TEST_PG_URL", "postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test")


def _redacted(url: str) -> str:
    head, _, tail = url.rpartition("@")
    return (head.split("://")[0] + "://***@" + tail) if head else url


@pytest.fixture(scope="session")
def pg_server():
    """An admin engine on the PostgreSQL server, or a skip with the reason."""
    try:
        import psycopg  # noqa: F401
        import sqlalchemy as sa
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        pytest.skip(f"psycopg not installed: {exc}")
    from sitrep.store import _url
    engine = sa.create_engine(_url(PG_URL), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3},
                              pool_pre_ping=True)  # test_serve may restart the server under it
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:
        engine.dispose()
        pytest.skip(f"no PostgreSQL server reachable at {_redacted(PG_URL)} "
                    f"(run scripts/start_postgres.sh or set SITREP_TEST_PG_URL): {type(exc).__name__}")
    yield engine
    engine.dispose()


@contextlib.contextmanager
def _throwaway_pg_database(admin):
    import sqlalchemy as sa
    name = "sitrep_t_" + uuid.uuid4().hex[:12]
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        _drop_database(admin, name)


def _drop_database(admin, name: str, attempts: int = 20) -> None:
    """DROP DATABASE ... WITH (FORCE), retried: an autovacuum worker (a superuser process,
    which a non-superuser may not terminate) can be visiting a freshly written database."""
    import time

    import sqlalchemy as sa
    for attempt in range(attempts):
        try:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except sa.exc.ProgrammingError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.25)


@pytest.fixture()
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    with _throwaway_pg_database(pg_server) as url:
        yield url
