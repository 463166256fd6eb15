"""The same store tests on SQLite and on PostgreSQL, and the same answers from both.

PostgreSQL: the server at SITREP_TEST_PG_URL (default
postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test, what scripts/start_postgres.sh sets
up). Each test gets a throwaway database (the role needs CREATEDB), dropped afterwards.
With no server reachable the PostgreSQL cases skip and say why; SQLite always runs.
"""
from __future__ import annotations

import contextlib

import pytest
from conftest import _throwaway_pg_database
from webdemo import aleppo, build_demo_store, demo_extractions, hostile

from sitrep.models import Article, Event, Extraction, Figure, Place
from sitrep.store import Store

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path):
    """An empty store location on each backend, for tests that write."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request, tmp_path_factory):
    """The demo reports stored once per backend, for tests that only read."""
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            target = str(tmp_path_factory.mktemp("backends") / "demo.db")
        else:
            target = stack.enter_context(_throwaway_pg_database(request.getfixturevalue("pg_server")))
        store = build_demo_store(target)
        yield store
        store.close()


def _strip_volatile(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("ingested_at",)} for r in rows]


# ---- one backend at a time ------------------------------------------------------------------
def test_storing_twice_is_a_noop(target):
    with Store(target) as store:
        assert store.add(aleppo()) is True
        assert store.add(aleppo()) is False
        assert store.counts()["articles"] == 1
        assert store.counts()["events"] == 1
        assert store.check_integrity() == []


def test_extraction_round_trips(demo):
    for ex in demo_extractions():
        back = demo.extraction(ex.article.id)
        assert back is not None
        assert back.to_dict()["events"] == ex.to_dict()["events"]
        assert back.to_dict()["figures"] == ex.to_dict()["figures"]
        assert back.article.title == ex.article.title
        assert back.article.text == ex.article.text


@pytest.mark.parametrize("kind, filters, expected", [
    ("events", {}, ["demo-aleppo", "demo-mosul", "demo-hostile", "demo-taiz"]),
    ("events", {"event_type": "battles"}, ["demo-mosul", "demo-hostile"]),
    ("events", {"event_type": "AIR/DRONE STRIKE"}, ["demo-taiz"]),
    ("events", {"place": "mosul"}, ["demo-mosul"]),
    ("events", {"actor": "iraqi"}, ["demo-mosul"]),
    ("events", {"source": "observatory"}, ["demo-aleppo"]),
    ("events", {"since": "2016-12-06", "until": "2016-12-09"}, ["demo-mosul", "demo-hostile"]),
    ("events", {"bbox": (42.0, 12.0, 46.0, 15.0)}, ["demo-taiz"]),
    ("figures", {"category": "killed"}, ["demo-aleppo", "demo-taiz"]),
    ("figures", {"bbox": (42.0, 30.0, 45.0, 40.0)}, ["demo-mosul"]),
    ("figures", {"source": "united nations"}, ["demo-aleppo"]),
    ("quotes", {"actor": "amal"}, ["demo-aleppo"]),
    ("places", {"bbox": (36.0, 35.0, 38.0, 37.0)}, ["demo-aleppo", "demo-hostile"]),
    ("events", {"place": "' OR 1=1 --"}, []),
])
def test_filters(demo, kind, filters, expected):
    assert [r["article_id"] for r in demo.items(kind, **filters)] == expected


def test_paging_and_sorting(demo):
    everything = demo.items("events", limit=100)
    pages = demo.items("events", limit=3) + demo.items("events", limit=3, offset=3)
    assert pages == everything
    newest_first = demo.items("events", order="-date_start")
    assert [r["date_start"] for r in newest_first] == sorted((r["date_start"] for r in everything), reverse=True)
    by_fatalities = demo.items("events", order="-fatalities")
    # NULLs last on both backends
    assert [r["article_id"] for r in by_fatalities] == ["demo-aleppo", "demo-taiz", "demo-mosul", "demo-hostile"]


def test_search_finds_words_in_text_and_title(demo):
    assert [r["id"] for r in demo.search("market")] == ["demo-taiz"]
    assert [r["id"] for r in demo.search("Mosul fighting")] == ["demo-mosul"]
    assert demo.search("   ") == []


def test_hostile_text_is_stored_verbatim(demo):
    ex = hostile()
    back = demo.extraction(ex.article.id)
    assert back.article.title == ex.article.title
    assert back.article.source == ex.article.source
    assert demo.items("events", article_id=ex.article.id)[0]["actor1"]["name"] == ex.events[0].actor1.name


def test_revised_report_supersedes_the_old_one(target):
    with Store(target) as store:
        v1 = Extraction(article=Article(id="v1", title="t", text="first text", url="https://example.org/x"))
        v2 = Extraction(article=Article(id="v2", title="t", text="second text", url="https://example.org/x"))
        store.add(v1)
        store.add(v2)
        assert store.article("v2")["supersedes"] == "v1"
        assert store.article("v1")["supersedes"] is None
        assert store.counts()["articles"] == 2


# ---- both backends, same answers ---------------------------------------------------------------
def _many(n: int) -> list[Extraction]:
    """Extractions with ties and NULLs in every sorted column, to catch ordering differences."""
    out = []
    for i in range(n):
        text = f"Report {i}: shelling in town {i % 5} killed {i % 7} people."
        events = [Event("Explosions/Remote violence" if j % 2 else "Battles", None, None, place=f"Town {i % 5}",
                        lat=30 + (i % 5) if (i + j) % 4 else None, lon=40 + (i % 3) if (i + j) % 4 else None,
                        date_start=None if (i + j) % 6 == 0 else f"2016-12-{1 + (i + j) % 28:02d}",
                        start=10, end=18, sentence=text) for j in range(3)]
        figures = [Figure("killed", i % 7, i % 7, i % 7, place=f"Town {i % 5}", start=26, end=27,
                          date_start=None if i % 3 == 0 else f"2016-11-{1 + i % 28:02d}", sentence=text)]
        places = [Place(f"Town {i % 5}", 19, 25, lat=30 + (i % 5), lon=40 + (i % 3))]
        out.append(Extraction(article=Article(id=f"m{i:03d}", title=f"Report {i}", text=text,
                                              published=None if i % 9 == 0 else f"2016-12-{1 + i % 28:02d}",
                                              source=f"Outlet {i % 4}"),
                              events=events, figures=figures, places=places))
    return out


QUERIES = [
    ("events", {}), ("events", {"order": "-date_start"}), ("events", {"order": "lat"}),
    ("events", {"order": "-published"}), ("events", {"event_type": "battles", "since": "2016-12-10"}),
    ("events", {"bbox": (40.5, 31.0, 42.0, 33.0), "limit": 7, "offset": 3}),
    ("figures", {"order": "-best"}), ("figures", {"bbox": (39.0, 29.0, 41.0, 31.5)}),
    ("places", {"place": "town 3"}), ("events", {"until": "2016-12-05", "order": "-fatalities"}),
]


@pytest.mark.postgres
def test_sqlite_and_postgresql_give_the_same_results(tmp_path, pg_url):
    lite, pg = Store(str(tmp_path / "same.db")), Store(pg_url)
    try:
        for ex in _many(60):
            lite.add(ex)
            pg.add(ex)
        assert lite.counts() == pg.counts()
        for kind, q in QUERIES:
            q = {"limit": 500, **q}
            assert lite.items(kind, **q) == pg.items(kind, **q), (kind, q)
        assert _strip_volatile(lite.articles(limit=500)) == _strip_volatile(pg.articles(limit=500))
        assert lite.extraction("m007").to_dict() == pg.extraction("m007").to_dict()
        assert [r["id"] for r in lite.search("Report 12")] == [r["id"] for r in pg.search("Report 12")] == ["m012"]
    finally:
        lite.close()
        pg.close()


@pytest.mark.postgres
def test_the_api_answers_the_same_on_both_backends(tmp_path, pg_url):
    import warnings

    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    warnings.simplefilter("ignore", DeprecationWarning)
    lite_path = str(tmp_path / "api.db")
    for target in (lite_path, pg_url):
        store = build_demo_store(target)
        for ex in _many(30):
            store.add(ex)
        store.close()
    lite, pg = TestClient(create_app(lite_path)), TestClient(create_app(pg_url))
    requests = [("/api/events", {}), ("/api/events", {"type": "battles", "sort": "-date_start", "limit": 7}),
                ("/api/events", {"bbox": "35,30,45,40", "since": "2016-12-05", "offset": 3}),
                ("/api/figures", {"category": "killed", "bbox": "35,30,45,40"}), ("/api/places", {"place": "town"}),
                ("/api/quotes", {}), ("/api/articles", {"limit": 500}), ("/api/timeline", {"kind": "figures"}),
                ("/api/articles/demo-hostile", {}), ("/api/search", {"q": "market"})]
    for path, params in requests:
        a, b = lite.get(path, params=params), pg.get(path, params=params)
        assert a.status_code == b.status_code == 200, (path, a.text, b.text)
        ja, jb = a.json(), b.json()
        if path == "/api/articles/demo-hostile":
            ja["article"].pop("ingested_at"), jb["article"].pop("ingested_at")
        if path == "/api/search":  # snippets are each engine's own (FTS5 snippet / ts_headline)
            ja, jb = [r["id"] for r in ja["items"]], [r["id"] for r in jb["items"]]
        assert ja == jb, path
    assert pg.get("/api/stats").json()["backend"] == "postgresql"


def test_fusing_in_two_steps_gives_what_one_fuse_gives(target, tmp_path):
    """Incremental fusion (one transaction a fuse, LSH bands and view members in the
    store) on each backend: the same figure series and control timeline as one fuse."""
    from sitrep.fuse import control_of, fuse_store, fused_events_of, series_of
    exs = demo_extractions()
    with Store(target) as inc, Store(str(tmp_path / "once.db")) as once:
        inc.add_many(exs[:len(exs) // 2])
        fuse_store(inc)
        inc.add_many(exs[len(exs) // 2:])
        assert fuse_store(inc).articles == len(exs) - len(exs) // 2
        once.add_many(exs)
        fuse_store(once)
        assert series_of(inc) == series_of(once) and series_of(inc)
        assert control_of(inc) == control_of(once)
        assert sorted(sorted(e["reports"]) for e in fused_events_of(inc)) == \
            sorted(sorted(e["reports"]) for e in fused_events_of(once))
