"""A store that can be read however it is kept, and is never damaged further: opening
writes nothing (unless a migration is needed, and then it says so); --read-only, read-only
files on a read-only mount and SELECT-only PostgreSQL roles serve every read command and
the API; a foreign, corrupt or damaged file is refused with one line and left byte for
byte as it was; `sitrep check` says what it found; no command prints a password."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import PG_URL
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from webdemo import build_demo_store

from sitrep.api import create_app
from sitrep.cli import app as cli
from sitrep.store import SCHEMA_VERSION, Store

SAMPLES = str(Path(__file__).resolve().parents[1] / "sitrep" / "samples" / "crisis_wire_feed.xml")
READ_COMMANDS = [["articles"], ["events"], ["figures"], ["places"], ["quotes"], ["actors"], ["sources"],
                 ["times"], ["search", "aleppo"], ["check"]]
API_READS = ["/api/stats", "/api/articles", "/api/events", "/api/figures", "/api/timeline", "/api/search?q=aleppo"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def one_line(result) -> str:
    """The output of a refused command: one line, no traceback."""
    text = result.output.strip()
    assert result.exit_code != 0 and result.exception is None or isinstance(result.exception, SystemExit), text
    assert "Traceback" not in text and len(text.splitlines()) == 1, text
    return text


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("safety") / "demo.db"
    build_demo_store(str(path)).close()
    return path


def test_opening_and_reading_a_current_store_writes_nothing(demo_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    before = digest(copy)
    for args in READ_COMMANDS:
        result = run(*args, "--db", str(copy))
        assert result.exit_code == 0, (args, result.output)
    assert digest(copy) == before


@pytest.mark.parametrize("how", ["flag", "env"])
def test_read_only_serves_every_read_and_refuses_ingest_in_one_line(demo_db, tmp_path, how):
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    before = digest(copy)
    flag, env = (["--read-only"], None) if how == "flag" else ([], {"SITREP_READ_ONLY": "1"})
    for args in READ_COMMANDS[:-1]:
        result = run(*flag, *args, "--db", str(copy), env=env)
        assert result.exit_code == 0, (args, result.output)
    assert "read-only" in one_line(run(*flag, "ingest", SAMPLES, "--db", str(copy), env=env))
    assert digest(copy) == before


@pytest.fixture()
def read_only_mount(tmp_path):
    """A tmpfs holding a copy of the demo store, remounted read-only (needs root and mount)."""
    mnt = tmp_path / "ro"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root and mount privileges, as in CI)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_a_store_on_a_read_only_mount_serves_every_read(demo_db, read_only_mount):
    db = read_only_mount / "demo.db"
    shutil.copy(demo_db, db)
    before = digest(db)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    for args in READ_COMMANDS:
        result = run(*args, "--db", str(db))
        assert result.exit_code == 0, (args, result.output)
    client = TestClient(create_app(str(db), token="t"))
    for path in API_READS:
        assert client.get(path).status_code == 200, path
    r = client.post("/api/articles", content="Some report text.", headers={"Authorization": "Bearer t"})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert digest(db) == before and sorted(os.listdir(read_only_mount)) == ["demo.db"]


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as fh:  # the pages after the schema, overwritten
        fh.seek(size // 3)
        fh.write(b"\xff" * (size // 3))


def _foreign(path: Path) -> None:
    import sqlite3

    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("spoil, said", [
    (lambda p: p.write_bytes(b"%PDF-1.7 not a database at all\n" * 50), "not a sitrep store"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + os.urandom(4096)), "damaged"),
    (_foreign, "not a sitrep store"),
    (_damage, "damaged"),
], ids=["garbage", "garbled-header", "foreign-sqlite", "damaged-pages"])
def test_a_corrupt_or_foreign_file_is_refused_in_one_line_and_left_unchanged(demo_db, tmp_path, spoil, said):
    db = tmp_path / "spoilt.db"
    shutil.copy(demo_db, db)
    spoil(db)
    before = digest(db)
    assert said in one_line(run("ingest", SAMPLES, "--db", str(db)))
    for args in (["articles"], ["events"], ["search", "aleppo"]):
        result = run(*args, "--db", str(db))
        if result.exit_code:  # a read may miss the damaged pages; when it does not, one line
            assert said in one_line(result)
    checked = run("check", "--db", str(db))
    assert checked.exit_code == 1 and "Traceback" not in checked.output and said.split()[0] in checked.output
    assert digest(db) == before


def test_check_says_a_sound_store_is_ok(demo_db):
    result = run("check", "--db", str(demo_db))
    assert result.exit_code == 0 and "ok (schema" in result.output


def test_an_old_store_is_migrated_with_a_notice_and_refused_read_only(demo_db, tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(demo_db, db)
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(SCHEMA_VERSION - 1)})
    engine.dispose()
    before = digest(db)
    assert "read-only" in one_line(run("--read-only", "articles", "--db", str(db)))
    assert digest(db) == before
    notices: list[str] = []
    with Store(str(db), on_notice=notices.append) as store:
        assert store.schema_version() == SCHEMA_VERSION
    assert notices == [f"{db}: migrating the store from schema {SCHEMA_VERSION - 1} to {SCHEMA_VERSION}"]


# ---------------------------------------------------------------------------- PostgreSQL

def _psql_admin(sql: str, database: str = "postgres") -> bool:
    """Run SQL as the postgres superuser (root in CI); False when that is not possible."""
    if not shutil.which("psql") or os.geteuid() != 0:
        return False
    port = str(sa.engine.make_url(PG_URL).port or 5432)
    res = subprocess.run(["su", "postgres", "-c", f'psql -X -q -p {port} -d {database} -v ON_ERROR_STOP=1 -c "{sql}"'],
                         capture_output=True, text=True)
    return res.returncode == 0


@pytest.fixture()
def select_only_url(pg_url):
    """The demo store in a throwaway database, and a URL for a role that may only SELECT."""
    build_demo_store(pg_url).close()
    role, password = "sitrep_reader_" + uuid.uuid4().hex[:8], uuid.uuid4().hex
    if not _psql_admin(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"):
        pytest.skip("cannot create a PostgreSQL role (needs root and the postgres superuser, as in CI)")
    db = pg_url.rsplit("/", 1)[1]
    engine = sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        for grant in (f'GRANT CONNECT ON DATABASE "{db}" TO {role}', f"GRANT USAGE ON SCHEMA public TO {role}",
                      f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"):
            conn.execute(sa.text(grant))
    engine.dispose()
    url = sa.engine.make_url(pg_url).set(username=role, password=password).render_as_string(hide_password=False)
    yield url, password
    _psql_admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'")
    _psql_admin(f"DROP OWNED BY {role}", database=db)
    _psql_admin(f"DROP ROLE {role}")


def test_a_select_only_role_serves_every_read(select_only_url):
    url, password = select_only_url
    outputs = []
    for args in READ_COMMANDS[:-1]:
        result = run(*args, "--db", url)
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.output)
    refused = run("ingest", SAMPLES, "--db", url)
    assert "read-only" in one_line(refused)
    client = TestClient(create_app(url, token="t"))
    for path in API_READS:
        assert client.get(path).status_code == 200, path
    r = client.post("/api/articles", content="Some report text.", headers={"Authorization": "Bearer t"})
    assert r.status_code == 403
    assert password not in "".join(outputs) + refused.output + r.text


def test_no_command_prints_a_password(pg_url, tmp_path):
    build_demo_store(pg_url).close()
    password = sa.engine.make_url(pg_url).password
    assert password
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": 5}\n{"id": "y", "title": "T", "text": "Shelling hit Aleppo on Monday, '
                   'killing four civilians, rescuers said."}\n', encoding="utf-8")
    wrong = sa.engine.make_url(pg_url).set(password="wrong-" + password).render_as_string(hide_password=False)
    missing = pg_url.rsplit("/", 1)[0] + "/no_such_database_here"
    results = [run("ingest", str(bad), "--db", pg_url), run("articles", "--db", pg_url),
               run("check", "--db", pg_url), run("search", "x" * 100, "--db", pg_url),
               run("events", "--db", wrong), run("articles", "--db", missing),
               run("serve", "--db", pg_url, "--host", "0.0.0.0")]
    text = "\n".join(r.output for r in results)
    assert f":{password}@" not in text and f"wrong-{password}" not in text
    assert text.count(":***@") >= 4, text  # the URL is named, its password starred
