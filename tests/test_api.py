"""The JSON API through FastAPI's TestClient: filters, paging, sorting, errors, tokens,
body limits, ingesting a report over POST, the OpenAPI description and security headers."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from webdemo import build_demo_store

from sitrep.api import create_app
from sitrep.errors import SitrepError

TOKEN = "test-token-123"
REPORT = ("Shelling in Douma\n\nSyrian government forces shelled the town of Douma on Monday, killing nine "
          "civilians, a local monitor said. About 2,000 people fled to nearby villages, aid workers said.")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "demo.db"
    build_demo_store(str(path)).close()
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, token=TOKEN))


def _ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [r["article_id"] for r in resp.json()["items"]]


@pytest.mark.parametrize("path, params, expected", [
    ("/api/events", {}, ["demo-aleppo", "demo-mosul", "demo-hostile", "demo-taiz"]),
    ("/api/events", {"type": "Battles"}, ["demo-mosul", "demo-hostile"]),
    ("/api/events", {"type": "armed clash", "place": "mosul"}, ["demo-mosul"]),
    ("/api/events", {"actor": "Iraqi"}, ["demo-mosul"]),
    ("/api/events", {"source": "medics"}, ["demo-taiz"]),
    ("/api/events", {"since": "2016-12-09"}, ["demo-hostile", "demo-taiz"]),
    ("/api/events", {"until": "2016-12-05"}, ["demo-aleppo"]),
    ("/api/events", {"bbox": "42,12,46,15"}, ["demo-taiz"]),
    ("/api/events", {"article_id": "demo-mosul"}, ["demo-mosul"]),
    ("/api/events", {"sort": "-date_start"}, ["demo-taiz", "demo-hostile", "demo-mosul", "demo-aleppo"]),
    ("/api/figures", {"category": "killed"}, ["demo-aleppo", "demo-taiz"]),
    ("/api/figures", {"bbox": "35,30,40,40", "category": "fled"}, ["demo-aleppo"]),
    ("/api/quotes", {"actor": "amal"}, ["demo-aleppo"]),
    ("/api/places", {"place": "taiz"}, ["demo-taiz"]),
    ("/api/actors", {"actor": "government"}, ["demo-aleppo"]),
    ("/api/sources", {"source": "observatory"}, ["demo-aleppo"]),
])
def test_filters(client, path, params, expected):
    assert _ids(client.get(path, params=params)) == expected


def test_pagination_walks_every_item_once(client):
    full = client.get("/api/figures").json()["items"]
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/figures", params={"limit": 2, "offset": offset}).json()
        assert page["limit"] == 2 and page["offset"] == offset
        seen += page["items"]
        offset = page["next_offset"]
    assert seen == full and len(full) == 5


def test_figures_get_their_place_coordinates(client):
    fig = client.get("/api/figures", params={"place": "mosul"}).json()["items"][0]
    assert (fig["lat"], fig["lon"]) == (36.335, 43.1189)
    assert fig["source"] == "International Organization for Migration"
    assert fig["publisher"] == "Daily Example"


def test_items_carry_evidence_and_article(client):
    ev = client.get("/api/events", params={"place": "aleppo", "limit": 1}).json()["items"][0]
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert art["article"]["text"][ev["start"]:ev["end"]] == "shelled"
    assert ev["sentence"] in art["article"]["text"]
    assert art["events"][ev["idx"]]["trigger"] == "shelled"


@pytest.mark.parametrize("path, params, status", [
    ("/api/events", {"since": "yesterday"}, 422),
    ("/api/events", {"bbox": "1,2,3"}, 422),
    ("/api/events", {"bbox": "10,50,20,40"}, 422),
    ("/api/events", {"limit": 0}, 422),
    ("/api/events", {"limit": 100000}, 422),
    ("/api/events", {"offset": -1}, 422),
    ("/api/events", {"sort": "date_start; DROP TABLE events"}, 422),
    ("/api/events", {"sort": "nonexistent"}, 422),
    ("/api/quotes", {"category": "killed"}, 422),
    ("/api/actors", {"bbox": "0,0,1,1"}, 422),
    ("/api/articles/does-not-exist", {}, 404),
    ("/api/timeline", {"kind": "quotes"}, 422),
])
def test_bad_requests_are_refused_with_a_reason(client, path, params, status):
    r = client.get(path, params=params)
    assert r.status_code == status
    assert r.json()["detail"]


def test_timeline_counts_per_day(client):
    days = client.get("/api/timeline", params={"kind": "events"}).json()["days"]
    assert days == [{"date": d, "count": 1} for d in ("2016-12-05", "2016-12-06", "2016-12-09", "2016-12-10")]
    days = client.get("/api/timeline", params={"kind": "figures", "category": "killed"}).json()["days"]
    assert [d["date"] for d in days] == ["2016-12-05", "2016-12-10"]


def test_articles_stats_and_search(client):
    arts = client.get("/api/articles").json()["items"]
    assert [a["id"] for a in arts] == ["demo-taiz", "demo-hostile", "demo-mosul", "demo-aleppo"]
    assert "text" not in arts[0]
    assert client.get("/api/articles", params={"source": "example wire"}).json()["items"][0]["id"] == "demo-taiz"
    stats = client.get("/api/stats").json()
    assert stats["counts"]["events"] == 4 and stats["backend"] == "sqlite" and stats["writes_enabled"] is True
    assert [r["id"] for r in client.get("/api/search", params={"q": "market"}).json()["items"]] == ["demo-taiz"]


def test_openapi_describes_the_api(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/figures", "/api/quotes", "/api/places", "/api/actors", "/api/articles",
                 "/api/articles/{article_id}", "/api/situation", "/api/timeline"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"place", "bbox", "since", "until", "type", "category", "actor", "source", "limit", "offset", "sort"} <= params
    assert set(spec["paths"]["/api/articles"]["post"]["requestBody"]["content"]) >= {"text/plain", "application/json"}


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/api/events", "/static/app.js", "/api/articles/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/").headers["content-type"].startswith("text/html")


# ---- writing --------------------------------------------------------------------------------------
def test_write_without_token_is_refused_with_401(client):
    r = client.post("/api/articles", content=REPORT, headers={"Content-Type": "text/plain"})
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    r = client.post("/api/articles", content=REPORT, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    r = client.post("/api/articles", content=REPORT, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401


def test_writes_are_disabled_when_no_token_is_configured(db):
    r = TestClient(create_app(db)).post("/api/articles", content=REPORT,
                                        headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert "SITREP_API_TOKEN" in r.json()["detail"]


def test_request_body_limit(db):
    small = TestClient(create_app(db, token=TOKEN, max_body=1000))
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    assert small.post("/api/articles", content="x" * 1001, headers=auth).status_code == 413

    def chunks():  # no Content-Length: counted while streaming
        for _ in range(20):
            yield b"y" * 100

    assert small.post("/api/articles", content=chunks(), headers=auth).status_code == 413


@pytest.mark.parametrize("body, content_type, status", [
    (b"", "text/plain", 422),
    (b"\xff\xfe\x00bad", "text/plain", 400),
    (b"{not json", "application/json", 422),
    (b'{"title": "no text"}', "application/json", 422),
    (b"GIF89a", "image/gif", 415),
])
def test_bad_bodies_are_refused(client, body, content_type, status):
    r = client.post("/api/articles", content=body,
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type})
    assert r.status_code == status, r.text


def test_post_ingests_a_report_and_returns_its_extraction(tmp_path):
    client = TestClient(create_app(str(tmp_path / "post.db"), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/articles", content=REPORT, params={"published": "2016-12-07", "source": "Test Wire"},
                    headers={**auth, "Content-Type": "text/plain; charset=utf-8"})
    assert r.status_code == 201, r.text
    ex = r.json()
    assert ex["stored"] is True
    assert ex["article"]["title"] == "Shelling in Douma"
    assert ex["article"]["published"] == "2016-12-07" and ex["article"]["source"] == "Test Wire"
    assert "killing nine civilians" in ex["article"]["text"]
    for kind in ("places", "times", "actors", "figures", "events", "quotes", "sources"):
        assert isinstance(ex[kind], list)
    text = ex["article"]["text"]
    for item in ex["figures"] + ex["events"] + ex["places"]:
        assert 0 <= item["start"] < item["end"] <= len(text)

    again = client.post("/api/articles", content=REPORT, params={"published": "2016-12-07", "source": "Test Wire"},
                        headers={**auth, "Content-Type": "text/plain"})
    assert again.status_code == 200 and again.json()["stored"] is False
    stored = client.get(f"/api/articles/{ex['article']['id']}").json()
    assert stored["article"]["text"] == text
    assert len(stored["events"]) == len(ex["events"])


def test_post_accepts_json_and_html(tmp_path):
    client = TestClient(create_app(str(tmp_path / "post.db"), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    record = {"id": "r-1", "title": "Clashes near Idlib", "published": "2017-03-02", "source": "JSON Wire",
              "text": "Rebels clashed with government troops near Idlib on Wednesday, residents said."}
    r = client.post("/api/articles", content=json.dumps(record), headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "r-1" and r.json()["article"]["source"] == "JSON Wire"

    html = ("<html><head><title>Flooding displaces thousands</title></head><body><nav>Home | World</nav>"
            "<article><h1>Flooding displaces thousands</h1><p>Floods forced about 4,000 families from their "
            "homes in Beledweyne this week, the regional governor said on Thursday. Aid agencies said "
            "shelters in the town were full and that more rain was expected over the weekend.</p>"
            "<p>The river burst its banks on Monday after days of heavy rain upstream in Ethiopia, "
            "residents said.</p></article></body></html>")
    r = client.post("/api/articles", content=html, params={"published": "2018-05-03"},
                    headers={**auth, "Content-Type": "text/html"})
    assert r.status_code == 201, r.text
    body = r.json()["article"]["text"]
    assert "4,000 families" in body and "Home | World" not in body


def test_read_token_protects_reads_but_not_the_page(db):
    client = TestClient(create_app(db, token=TOKEN, read_token_required=True))
    assert client.get("/api/events").status_code == 401
    assert client.get("/api/events", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/static/app.js").status_code == 200


def test_read_token_without_a_token_is_a_configuration_error(db):
    with pytest.raises(SitrepError):
        create_app(db, read_token_required=True)


def test_situation_of_a_place(client):
    r = client.get("/api/situation", params={"place": "Mosul", "since": "2016-12-01", "until": "2016-12-31"})
    assert r.status_code == 200, r.text
    sit = r.json()
    assert sit["place"] == "Mosul" and sit["since"] == "2016-12-01"
    assert all(k in sit for k in ("events", "series", "control", "n_reports"))
    assert client.get("/api/situation").status_code == 422
