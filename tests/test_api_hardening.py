"""The API never answers 500 to what a client sends: each request an operator's probe
turned into a 500 or a wrong status is answered here with the right one (422 naming the
field, 413, 429, 503 with Retry-After), on SQLite and PostgreSQL; a store that is full or
a database that went away answers 503 and comes back by itself; a real bug is a 500 with
an error id that the log line carries, and no secret."""
from __future__ import annotations

import json
import logging
import socket
import threading

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from test_store_backends import BACKENDS
from webdemo import build_demo_store

from sitrep.api import create_app

TOKEN = "hardening-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = ("Shelling in Douma\n\nSyrian government forces shelled the town of Douma on Monday, killing nine "
          "civilians, a local monitor said. About 2,000 people fled to nearby villages, aid workers said.")


@pytest.fixture(scope="module", params=BACKENDS)
def target(request, tmp_path_factory):
    """The demo store on each backend (PostgreSQL: a throwaway database, or a skip)."""
    if request.param == "sqlite":
        path = str(tmp_path_factory.mktemp("hard") / "demo.db")
    else:
        from conftest import _throwaway_pg_database

        ctx = _throwaway_pg_database(request.getfixturevalue("pg_server"))
        path = ctx.__enter__()
        request.addfinalizer(lambda: ctx.__exit__(None, None, None))
    build_demo_store(path).close()
    return path


@pytest.fixture(scope="module")
def client(target):
    return TestClient(create_app(target, token=TOKEN))


def _field(resp) -> list:
    """The location the first 422 error names."""
    return resp.json()["detail"][0]["loc"]


@pytest.mark.parametrize("path, params, status, field", [
    ("/api/events", {"offset": "9223372036854775808"}, 422, "offset"),
    ("/api/figures", {"offset": "9223372036854775808"}, 422, "offset"),
    ("/api/articles", {"offset": "9223372036854775808"}, 422, "offset"),
    ("/api/events", {"limit": "1e9"}, 422, "limit"),
    ("/api/events", {"since": "2016-13-99x"}, 422, "since"),
    ("/api/events", {"bbox": "nan,0,1,1"}, 422, "bbox"),
    ("/api/search", {"q": " ".join(f"w{i}" for i in range(40))}, 422, "q"),
    ("/api/search", {"q": "x" * 80}, 422, "q"),
    ("/api/quotes", {"category": "killed"}, 422, "category"),
    ("/api/events", {"sort": "nonexistent"}, 422, "sort"),
])
def test_bad_parameters_are_422_naming_the_field(client, path, params, status, field):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    assert field in _field(r)


@pytest.mark.parametrize("path, params", [
    ("/api/search", {"q": "fire\x00police"}),
    ("/api/search", {"q": "the " * 120}),
    ("/api/events", {"place": "a\x00b"}),
    ("/api/figures", {"source": "%_%"}),
])
def test_odd_but_valid_parameters_are_answered(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text


def test_undecodable_percent_escapes_are_answered(client):
    assert client.get("/api/events?actor=%ff%fe&place=%ed%b3%bf").status_code == 200


@pytest.mark.parametrize("param, field", [("place", "place"), ("source", "source"), ("actor", "actor1")])
@pytest.mark.parametrize("value", ["%", "%%", "_", "%a%"])
def test_like_wildcards_in_filters_match_nothing_but_themselves(client, param, field, value):
    every = client.get("/api/events").json()["items"]
    rows = client.get("/api/events", params={param: value}).json()["items"]
    assert every and all(value.lower() in _name(r.get(field)).lower() for r in rows), rows


def _name(value) -> str:
    return (value.get("name") if isinstance(value, dict) else value) or ""


@pytest.mark.parametrize("body, field", [
    ({"text": REPORT, "title": 5}, "title"),
    ({"text": REPORT, "title": ["a"]}, "title"),
    ({"text": REPORT, "title": {"a": 1}}, "title"),
    ({"text": REPORT, "source": ["a"]}, "source"),
    ({"text": REPORT, "published": 2016}, "published"),
    ({"text": REPORT, "authors": [1, 2]}, "authors"),
])
def test_post_fields_of_the_wrong_type_are_422_naming_the_field(client, body, field):
    r = client.post("/api/articles", content=json.dumps(body), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert field in _field(r)


def test_json_nested_100000_deep_is_422(client):
    body = '{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    r = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422 and "nested" in r.text


def test_a_lone_surrogate_in_a_post_is_stored_as_a_replacement_character(client):
    body = json.dumps({"text": REPORT.replace("Monday", "Monday \ud800"), "title": "Douma \udfff"})
    r = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code in (200, 201), r.text
    art = client.get(f"/api/articles/{r.json()['article']['id']}").json()["article"]
    assert "Monday \ufffd" in art["text"] and art["title"] == "Douma \ufffd"


def test_too_many_pending_writes_answer_503_with_retry_after(target):
    busy = TestClient(create_app(target, token=TOKEN, max_pending_writes=0))
    r = busy.post("/api/articles", content=REPORT, headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 503 and int(r.headers["Retry-After"]) > 0


def test_searches_beyond_the_limit_answer_429(target, monkeypatch):
    import sitrep.api

    monkeypatch.setattr(sitrep.api, "SEARCH_WAIT", 0.1)
    app = create_app(target, max_searches=1)
    release, entered = threading.Event(), threading.Event()
    real = app.state.store.search

    def slow_search(q, limit=20):
        entered.set()
        release.wait(10)
        return real(q, limit=limit)

    monkeypatch.setattr(app.state.store, "search", slow_search)
    client = TestClient(app)
    first = threading.Thread(target=lambda: client.get("/api/search", params={"q": "aleppo"}))
    first.start()
    assert entered.wait(10)
    r = client.get("/api/search", params={"q": "mosul"})
    release.set()
    first.join()
    assert r.status_code == 429 and r.headers["Retry-After"]


def test_a_bug_is_a_500_with_an_error_id_in_the_log_and_no_secret(target, monkeypatch, caplog):
    app = create_app(target)
    secret_url = "postgresql://sitrep:hunter2secret@db.example/x"

    def broken():
        raise RuntimeError(f"cannot reach {secret_url}")

    monkeypatch.setattr(app.state.store, "counts", broken)
    with caplog.at_level(logging.ERROR, logger="sitrep.api"):
        r = TestClient(app, raise_server_exceptions=False).get("/api/stats")
    assert r.status_code == 500
    error_id = r.json()["error_id"]
    assert "hunter2secret" not in r.text and "RuntimeError" not in r.text
    logged = "\n".join(rec.getMessage() for rec in caplog.records)
    assert error_id in logged and "hunter2secret" not in logged and "sitrep:***@" in logged


def test_disk_full_answers_503_and_writes_resume_when_space_returns(tmp_path):
    path = str(tmp_path / "full.db")
    build_demo_store(path).close()
    app = create_app(path, token=TOKEN)
    store = app.state.store
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_conn, _record):  # the file may not grow: SQLite answers "database or disk is full"
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    sa.event.listen(store.engine, "connect", cap)
    store.engine.dispose()
    client = TestClient(app)
    long_report = REPORT + " " + " ".join(f"Residents of village {i} said shelling continued." for i in range(400))
    r = client.post("/api/articles", content=long_report, headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 503, r.text
    assert int(r.headers["Retry-After"]) > 0 and "full" in r.json()["detail"]
    assert client.get("/api/events").status_code == 200  # reads go on
    sa.event.remove(store.engine, "connect", cap)
    store.engine.dispose()
    r = client.post("/api/articles", content=long_report, headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 201, r.text


class _Proxy:
    """A TCP proxy in front of PostgreSQL that can be cut and restored: the database as
    the server sees it going down and coming back, without touching the shared server."""

    def __init__(self, port: int):
        self.target = ("127.0.0.1", port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            server = socket.create_connection(self.target)
            self.conns += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self) -> None:
        self.up = False
        for s in self.conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.conns.clear()

    def close(self) -> None:
        self.cut()
        self.listener.close()


def test_postgresql_down_answers_503_and_a_restart_is_reconnected(pg_url):
    from sqlalchemy.engine import make_url

    build_demo_store(pg_url).close()
    url = make_url(pg_url)
    proxy = _Proxy(url.port or 5432)
    try:
        app = create_app(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
        client = TestClient(app)
        assert client.get("/api/events").status_code == 200
        proxy.cut()  # the server goes away: pooled connections die, new ones are refused
        down = [client.get("/api/events") for _ in range(3)]
        assert [r.status_code for r in down] == [503] * 3
        assert all(int(r.headers["Retry-After"]) > 0 for r in down)
        assert "sitrep:sitrep@" not in "".join(r.text for r in down)
        proxy.up = True  # back: the very first request is answered (stale connections pre-pinged away)
        assert [client.get("/api/events").status_code for _ in range(5)] == [200] * 5
    finally:
        proxy.close()


def test_host_header_outside_the_trusted_hosts_is_refused(target):
    client = TestClient(create_app(target, bind_host="127.0.0.1"))
    assert client.get("/api/stats").status_code == 200  # testserver is a loopback name here
    assert client.get("/api/stats", headers={"Host": "evil.example"}).status_code == 400
    listed = TestClient(create_app(target, trusted_hosts=["sitrep.example.org"]), base_url="http://sitrep.example.org")
    assert listed.get("/api/stats").status_code == 200


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_statement_over_the_time_limit_is_stopped_on_both_backends(backend, tmp_path, request):
    from sitrep.errors import StoreUnavailable
    from sitrep.store import Store

    target = str(tmp_path / "slow.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    slow = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500000000) "
            "SELECT count(*) FROM c") if backend == "sqlite" else "SELECT pg_sleep(30)"
    with Store(target, query_timeout=0.3) as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1
            with pytest.raises(StoreUnavailable, match="time limit"):
                conn.exec_driver_sql(slow)


def test_posted_reports_are_extracted_in_a_worker_process(tmp_path):
    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN, extract_workers=1)) as client:
        assert client.app.state.extractor.pool is not None
        r = client.post("/api/articles", content=REPORT, headers={**AUTH, "Content-Type": "text/plain"})
        assert r.status_code == 201, r.text
        assert client.get(f"/api/articles/{r.json()['article']['id']}").status_code == 200
