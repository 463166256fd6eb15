"""Listings as an analyst uses them (CLI, API, `situation`): report text is never read as
Rich markup, sources and actors match their aliases, places are listed once with their
counts, a cut listing says so, events default to what reports claim happened, and place
filters mean containment in the gazetteer's hierarchy."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.fuse import fuse_store
from sitrep.models import ActorRef, Article, Event, Extraction, Figure, Place
from sitrep.store import Store

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "sitrep" / "samples"

ALEPPO = Place("Aleppo", 0, 6, lat=36.20124, lon=37.16117, geonameid=170063, country="SY", admin1="Ḩalab",
               feature="city")
SAKHOUR = Place("Sakhour", 0, 7, lat=36.215, lon=37.19, country="SY", feature="district")
IDLIB = Place("Idlib", 0, 5, lat=35.83333, lon=36.66667, geonameid=169387, country="SY", admin1="Idlib",
              feature="admin1")
GAZIANTEP = Place("Gaziantep", 0, 9, lat=37.05944, lon=37.3825, geonameid=314830, country="TR",
                  admin1="Gaziantep", feature="city")


def _event(place: Place, day: str, **kw) -> Event:
    kw.setdefault("source", "Syrian Arab News Agency")
    kw.setdefault("actor1", ActorRef("Military Forces of Syria", "state_forces", "SYR"))
    return Event("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", place=place.name,
                 lat=place.lat, lon=place.lon, date_start=day, date_end=day, sentence=f"Shells hit {place.name}.",
                 **kw)


def _report(rid: str, place: Place, events: list[Event], figures=(), title=None, text=None) -> Extraction:
    return Extraction(article=Article(id=rid, title=title or f"Report {rid}", published="2016-12-07",
                                      source="Example Wire", text=text or f"Shells hit {place.name}."),
                      places=[place], events=events, figures=list(figures))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("listings") / "l.db")
    with Store(path) as s:
        s.add(_report("aleppo", ALEPPO, [_event(ALEPPO, "2016-12-05")],
                      [Figure("killed", 12, 12, 12, place="Aleppo", source="Syrian Arab News Agency",
                              date_start="2016-12-05", sentence="SANA said 12 were killed.")]))
        s.add(_report("sakhour", SAKHOUR, [_event(SAKHOUR, "2016-12-06", confidence=0.9)]))
        s.add(_report("idlib", IDLIB, [_event(IDLIB, "2016-12-04", source="Syrian Observatory for Human Rights")]))
        s.add(_report("gaziantep", GAZIANTEP, [_event(GAZIANTEP, "2016-12-03", source="Turkish police",
                                                      actor1=ActorRef("Military Forces of Turkey", "state_forces"))]))
        # what a report does not claim happened: listed only when asked for
        s.add(_report("maybe", ALEPPO, [_event(ALEPPO, "2016-12-08", certainty="hypothetical"),
                                        _event(ALEPPO, "2016-12-09", timing="generic"),
                                        _event(ALEPPO, "2016-12-10", confidence=0.3)]))
        s.add(_report("markup", ALEPPO, [], title="[bold]Not bold[/bold] report",
                      text="A suicide bomber attacked a bus in central Turkey [sic], officials said."))
        fuse_store(s)
    return path


def _json(args: list[str]) -> list[dict]:
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


# ---- markup -----------------------------------------------------------------------------
def test_search_table_keeps_the_bracketed_matches_and_the_report_text(db):
    res = runner.invoke(app, ["search", "bomber", "--db", db])
    assert res.exit_code == 0, res.output
    assert "[bomber]" in res.stdout  # the snippet's match marks, not eaten as markup
    assert "[bold]Not bold[/bold]" in res.stdout and "[sic]" in res.stdout


def test_help_text_is_shown_as_written():
    res = runner.invoke(app, ["ingest", "--help"])
    assert "sitrep[ray]" in res.stdout


def test_search_syntax_is_documented_in_help():
    res = runner.invoke(app, ["search", "--help"])
    assert all(w in res.stdout for w in ("OR", '"a phrase"', "prefix*", "-word"))


# ---- aliases ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind, option, value, expected", [
    ("figures", "--source", "SANA", ["aleppo"]),
    ("events", "--source", "SANA", ["aleppo", "sakhour"]),
    ("events", "--source", "sohr", ["idlib"]),
    ("events", "--source", "Observatory", ["idlib"]),  # not an alias: a substring, as before
    ("events", "--actor", "SAA", ["aleppo", "sakhour", "idlib"]),  # ACLED-style name by its abbreviation
    ("events", "--actor", "Turkish army", ["gaziantep"]),
    ("events", "--source", "50%_", []),  # LIKE wildcards are text
])
def test_source_and_actor_match_aliases(db, kind, option, value, expected):
    rows = _json([kind, "--db", db, option, value, "--format", "json"])
    assert sorted(r["article_id"] for r in rows) == sorted(expected)


def test_readme_source_sana_example_on_a_real_extraction(tmp_path):
    report = tmp_path / "sana.txt"
    report.write_text("Shelling in Aleppo\n\nTwelve people were killed when shells hit a market in the Sakhour "
                      "district of Aleppo on Monday, SANA said.\n", encoding="utf-8")
    db = str(tmp_path / "sana.db")
    assert runner.invoke(app, ["ingest", str(report), "--db", db, "--published", "2016-12-07"]).exit_code == 0
    rows = _json(["figures", "--db", db, "--source", "SANA", "--format", "json"])
    assert [(r["category"], r["best"], r["source"]) for r in rows] == [("killed", 12, "Syrian Arab News Agency")]
    table = runner.invoke(app, ["figures", "--db", db, "--source", "SANA"])
    assert "Syrian Arab News" in table.stdout


# ---- places, cut listings ----------------------------------------------------------------------
def test_places_lists_each_place_once_with_its_mention_count(tmp_path):
    db = str(tmp_path / "samples.db")
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", db]).exit_code == 0
    rows = _json(["places", "--db", db, "--format", "json", "--limit", "1000"])
    keys = [(r["name"], r["geonameid"], r["country"], r["admin1"], r["feature"]) for r in rows]
    assert len(keys) == len(set(keys))
    syria = next(r for r in rows if r["name"] == "Syria")
    assert syria["mentions"] >= 3 and syria["reports"] >= 1
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    with Store(db) as s:
        assert sum(r["mentions"] for r in rows) == s.counts()["places"]


def test_a_cut_listing_says_so_and_how_to_see_more(db):
    res = runner.invoke(app, ["events", "--db", db, "--limit", "2"])
    assert res.exit_code == 0
    assert "more match" in res.output and "--offset 2" in res.output
    whole = runner.invoke(app, ["events", "--db", db, "--limit", "100"])
    assert "more match" not in whole.output


# ---- what events a listing shows -------------------------------------------------------------------
@pytest.mark.parametrize("options, dates", [
    ([], ["2016-12-03", "2016-12-04", "2016-12-05", "2016-12-06"]),
    (["--certainty", "hypothetical"], ["2016-12-08"]),
    (["--timing", "generic"], ["2016-12-09"]),
    (["--min-confidence", "0.2"], ["2016-12-03", "2016-12-04", "2016-12-05", "2016-12-06", "2016-12-10"]),
    (["--min-confidence", "0.95"], ["2016-12-03", "2016-12-04", "2016-12-05"]),  # null confidence passes
    (["--certainty", "any", "--timing", "any", "--min-confidence", "0"],
     ["2016-12-03", "2016-12-04", "2016-12-05", "2016-12-06", "2016-12-08", "2016-12-09", "2016-12-10"]),
])
def test_events_default_to_what_reports_claim_happened(db, options, dates):
    rows = _json(["events", "--db", db, "--format", "json", *options])
    assert sorted(r["date_start"] for r in rows) == dates


def test_an_unknown_certainty_is_a_clear_error(db):
    res = runner.invoke(app, ["events", "--db", db, "--certainty", "maybe"])
    assert res.exit_code == 2 and "certainty maybe" in res.output and "asserted" in res.output


# ---- containment ---------------------------------------------------------------------------------
PLACES = [
    ("Turkey", ["gaziantep"]),
    ("Syria", ["aleppo", "idlib", "sakhour"]),
    ("Aleppo", ["aleppo", "sakhour"]),  # the city holds its district
    ("Idlib", ["idlib"]),
    ("Gaziantep", ["gaziantep"]),
    ("Sudan", []),
]


@pytest.mark.parametrize("place, expected", PLACES)
def test_place_filter_is_containment_in_the_cli(db, place, expected):
    rows = _json(["events", "--db", db, "--place", place, "--format", "json"])
    assert sorted(r["article_id"] for r in rows) == expected


@pytest.mark.parametrize("place, expected", PLACES)
def test_place_filter_is_containment_in_the_api_and_situation(db, place, expected):
    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    client = TestClient(create_app(db))
    events = client.get("/api/events", params={"place": place}).json()["items"]
    assert sorted(r["article_id"] for r in events) == expected
    incidents = client.get("/api/incidents", params={"place": place}).json()["items"]
    sit = client.get("/api/situation", params={"place": place}).json()
    assert sorted(i["place"] for i in incidents) == sorted(e["place"]["name"] if isinstance(e["place"], dict)
                                                           else e["place"] for e in events)
    assert sorted(e["id"] for e in sit["events"]) == sorted(i["id"] for i in incidents)


def test_an_event_named_by_its_site_is_in_its_places_country(tmp_path):
    # "held in the Gaziantep Courthouse": the event's place is the site, at Gaziantep's point
    path = str(tmp_path / "site.db")
    with Store(path) as s:
        s.add(_report("site", GAZIANTEP, [replace(_event(GAZIANTEP, "2016-12-03"), place="Gaziantep Courthouse")]))
        fuse_store(s)
    for place, expected in [("Turkey", ["site"]), ("Syria", [])]:
        rows = _json(["events", "--db", path, "--place", place, "--format", "json"])
        assert [r["article_id"] for r in rows] == expected, place
        res = runner.invoke(app, ["situation", "--place", place, "--db", path, "--markdown"])
        assert res.exit_code == 0 and ("Gaziantep Courthouse" in res.stdout) == bool(expected), res.stdout


def test_situation_in_turkey_lists_no_syrian_incident(db):
    res = runner.invoke(app, ["situation", "--place", "Turkey", "--db", db, "--markdown"])
    assert res.exit_code == 0, res.output
    assert "Gaziantep" in res.stdout and "Aleppo" not in res.stdout and "Idlib" not in res.stdout


@pytest.mark.parametrize("params", [{}, {"place": "Syria"}, {"columns": "true"}])
def test_incident_rows_hold_what_a_map_and_table_show_and_nothing_of_fusions_own(db, params):
    # The page loads 10,000 of these at once: fusion's bookkeeping columns (radius_km,
    # place_keys, updated_at) and the JSON record stay out of every summary.
    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    page = TestClient(create_app(db)).get("/api/incidents", params=params).json()
    keys = page["columns"] if "columns" in page else sorted({k for row in page["items"] for k in row})
    assert page.get("rows") or page.get("items")
    assert {"id", "place", "lat", "lon", "date_start", "event_type", "fatalities"} <= set(keys)
    assert not {"data", "radius_km", "place_keys", "updated_at", "mentions"} & set(keys)
