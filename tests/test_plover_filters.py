"""Events filtered by PLOVER category and mode, from the command line and the API (issue
15): an arrest (COERCE, arrest) and an air strike (ASSAULT, aerial) stored side by side,
each filter lists one of them; a mode on a kind without one is a clear error."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import sitrep
from sitrep.api import create_app
from sitrep.cli import app

runner = CliRunner()
REPORTS = [("arrest", "Police arrested 12 opposition activists in Kampala on Monday."),
           ("strike", "Warplanes bombed the town of Saraqeb on Monday, killing five people.")]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("plover") / "plover.db")
    with sitrep.Store(path) as store:
        for rid, text in REPORTS:
            store.add(sitrep.extract(text, published="2023-05-16", id=rid))
    return path


def listed(db: str, *options: str) -> list[dict]:
    res = runner.invoke(app, ["events", "--db", db, "--format", "json", *options])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


@pytest.mark.parametrize("options, plover, mode", [
    (["--plover", "COERCE"], "COERCE", "arrest"),
    (["--plover", "assault"], "ASSAULT", "aerial"),
    (["--mode", "arrest"], "COERCE", "arrest"),
    (["--plover", "ASSAULT", "--mode", "aerial"], "ASSAULT", "aerial"),
])
def test_the_events_listing_filters_on_plover_and_mode(db, options, plover, mode):
    rows = listed(db, *options)
    assert [(r["plover"], r["mode"]) for r in rows] == [(plover, mode)]


def test_a_category_and_a_mode_that_never_meet_list_nothing(db):
    assert listed(db, "--plover", "COERCE", "--mode", "aerial") == []
    assert len(listed(db)) == 2


def test_the_api_filters_events_on_plover_and_mode(db):
    client = TestClient(create_app(db))
    rows = client.get("/api/events", params={"mode": "aerial"}).json()["items"]
    assert [r["plover"] for r in rows] == ["ASSAULT"]
    rows = client.get("/api/events", params={"plover": "coerce", "mode": "arrest"}).json()["items"]
    assert [r["sub_event_type"] for r in rows] == ["Arrests"]
    bad = client.get("/api/figures", params={"mode": "aerial"})
    assert bad.status_code in (400, 422) and "mode" in bad.text


# On the map: both places are in the gazetteer (the listing's "Saraqeb" is not).
MAPPED = [REPORTS[0], ("strike", "Warplanes bombed the town of Saraqib in Idlib province on Monday, killing five "
                                 "people.")]


def exported_events(db: str, out, *options: str) -> list[dict]:
    res = runner.invoke(app, ["export", "--db", db, "--format", "geojson", "--out", str(out), *options])
    assert res.exit_code == 0, res.output
    feats = json.loads((out / "sitrep.geojson").read_text())["features"]
    return [f["properties"] for f in feats if f["properties"]["layer"] == "events"]


@pytest.mark.parametrize("fuse", [[], ["--no-fuse"]])  # incidents, or mentions before any fuse
@pytest.mark.parametrize("options, expected", [
    ([], [("ASSAULT", "aerial"), ("COERCE", "arrest")]),
    (["--plover", "coerce"], [("COERCE", "arrest")]),
    (["--mode", "aerial"], [("ASSAULT", "aerial")]),
    (["--plover", "COERCE", "--mode", "aerial"], []),
])
def test_the_map_export_carries_and_filters_plover_and_mode(tmp_path, fuse, options, expected):
    path = str(tmp_path / "export.db")
    with sitrep.Store(path) as store:
        for rid, text in MAPPED:
            store.add(sitrep.extract(text, published="2023-05-16", id=rid))
    props = exported_events(path, tmp_path / "out", *fuse, *options)
    assert sorted((p["plover"], p["mode"]) for p in props) == expected
    assert {p["record"] for p in props} <= {"event_mention" if fuse else "fused_event"}


def test_plover_filters_on_a_table_dump_are_refused_with_the_reason(db, tmp_path):
    res = runner.invoke(app, ["export", "--db", db, "--format", "csv", "--out", str(tmp_path), "--plover", "AID"])
    assert res.exit_code == 2 and "every stored row" in res.output


@pytest.mark.parametrize("params, expected", [
    ({}, ["aerial", "arrest"]),
    ({"mode": "AERIAL"}, ["aerial"]),
    ({"plover": "coerce", "mode": "arrest"}, ["arrest"]),
    ({"plover": "coerce", "mode": "aerial"}, []),
])
def test_the_api_incidents_filter_on_their_consensus_mode(tmp_path, params, expected):
    path = str(tmp_path / "incidents.db")
    with sitrep.Store(path) as store:
        for rid, text in MAPPED:
            store.add(sitrep.extract(text, published="2023-05-16", id=rid))
    assert runner.invoke(app, ["fuse", "--db", path]).exit_code == 0
    client = TestClient(create_app(path))
    for full in ("false", "true"):
        res = client.get("/api/incidents", params={**params, "full": full})
        assert res.status_code == 200, res.text
        ids = [r["id"] for r in res.json()["items"]]
        with sitrep.Store(path) as store:
            modes = sorted(r["mode"] for r in store.incidents() if r["id"] in ids)
        assert modes == expected
