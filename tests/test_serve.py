"""`sitrep serve` as an operator runs it: the start-up line names the store without its
password; binding beyond loopback with no read token is refused unless --public; and on
PostgreSQL, connections killed under the server (every backend terminated) and, where
this machine's cluster may be restarted (SITREP_TEST_PG_RESTART=1, set by .ci/run, which
runs alone), a real `pg_ctlcluster restart`, never give a 500: requests while it is down
answer 503 with Retry-After, and the first requests after it is back are answered."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import httpx
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner
from webdemo import build_demo_store

from sitrep.cli import app as cli


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def served(pg_url):
    """`sitrep serve` on a throwaway PostgreSQL database holding the demo reports."""
    build_demo_store(pg_url).close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", pg_url, "--port", str(port),
                             "--extract-workers", "0"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env={**os.environ, "SITREP_API_TOKEN": "serve-token"})
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("sitrep serve did not start: " + (proc.stderr.read() if proc.stderr else ""))
    try:
        yield base, pg_url, proc
    finally:
        proc.terminate()
        proc.wait(60)


def _statuses(base: str, n: int = 8) -> list[int]:
    out = []
    for path in ("/api/events", "/api/stats", "/api/search?q=aleppo", "/api/figures")[:n] * 2:
        try:
            out.append(httpx.get(base + path, timeout=20).status_code)
        except httpx.HTTPError:
            out.append(0)
    return out


def test_serve_names_the_store_without_its_password(served):
    base, url, proc = served
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    password = sa.engine.make_url(url).password
    assert "sitrep serving postgresql://sitrep:***@" in err and f":{password}@" not in err


def test_connections_killed_under_the_server_are_replaced_without_a_500(served):
    base, url, _proc = served
    assert _statuses(base) == [200] * 8
    db = url.rsplit("/", 1)[1]
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:  # what a server restart does to the pool: every connection gone
        # the pool's connections only: an autovacuum worker on the new database runs as the
        # superuser, and terminating it is refused ("must be a superuser")
        killed = conn.execute(sa.text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                      "WHERE datname = :db AND usename = current_user AND pid <> pg_backend_pid()"),
                              {"db": db}).scalar()
    engine.dispose()
    assert killed >= 1
    assert _statuses(base) == [200] * 8


def _cluster() -> list[str] | None:
    if os.environ.get("SITREP_TEST_PG_RESTART") != "1" or not shutil.which("pg_lsclusters"):
        return None
    row = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout.split()
    return row[:2] if len(row) >= 2 else None


def test_postgresql_restarted_under_serve_gives_no_500(served, pg_server):
    cluster = _cluster()
    if cluster is None:
        pytest.skip("restarting the PostgreSQL cluster is opt-in (SITREP_TEST_PG_RESTART=1, set by .ci/run, "
                    "which runs alone): other test runs on this machine share the server")
    base, _url, _proc = served
    assert _statuses(base) == [200] * 8
    subprocess.run(["pg_ctlcluster", *cluster, "stop", "-m", "fast"], check=True)
    try:
        down = _statuses(base, 2)
        assert set(down) <= {503}, down
    finally:
        subprocess.run(["pg_ctlcluster", *cluster, "start"], check=True)
    for _ in range(50):  # the cluster accepts connections a moment after it starts
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
            break
        time.sleep(0.2)
    assert _statuses(base) == [200] * 8
    pg_server.dispose()  # the fixtures' own pooled connections died with the server too


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_binding_beyond_loopback_without_a_read_token_needs_public(tmp_path, host):
    db = str(tmp_path / "s.db")
    build_demo_store(db).close()
    result = CliRunner().invoke(cli, ["serve", "--db", db, "--host", host], env={"SITREP_API_READ_TOKEN": ""})
    assert result.exit_code == 2 and "--public" in result.output and "SITREP_API_READ_TOKEN" in result.output
