"""Each export format opens in its reader: pyarrow (Parquet), json (JSON Lines, GeoJSON
validated by structure), csv (every table; HXL with its tag row under the header; ACLED
columns and fatality rules). The store is filled with extractions written here."""
from __future__ import annotations

import csv
import json

import pytest

from sitrep.export import ACLED_COLUMNS, acled_fatalities, acled_fatalities_of, export, geo_precision_code, time_fields
from sitrep.fuse import fuse_store
from sitrep.models import ActorRef, Article, Event, Extraction, Fatalities, Figure, Place, Source

ALEPPO = Place("Aleppo", 0, 6, lat=36.2021, lon=37.1343, geonameid=170063, country="SY", admin1="Aleppo",
               feature="city")
SHAAR = Place("al-Shaar", 10, 18, lat=36.2110, lon=37.1790, country="SY", admin1="Aleppo", feature="district",
              within="Aleppo")


def _report(rid, outlet, published, text, events=(), figures=(), places=(ALEPPO, SHAAR), sources=()):
    return Extraction(article=Article(id=rid, title=f"Report {rid}", published=published, source=outlet,
                                      url=f"http://{outlet.lower()}.example/{rid}", text=text),
                      places=list(places), events=list(events), figures=list(figures), sources=list(sources))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from sitrep.store import Store
    s = Store(tmp_path_factory.mktemp("export") / "export.db")
    shelling = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                    plover="ASSAULT", place="al-Shaar", lat=SHAAR.lat, lon=SHAAR.lon, date_start="2016-12-06",
                    date_end="2016-12-06", geo_precision="district")
    s.add(_report("r1", "AFP", "2016-12-06", "Government shelling killed at least 45 people in al-Shaar, Aleppo.",
                  events=[Event(**shelling, actor1=ActorRef("Syrian army", "state_forces", "SYR"),
                                actor2=ActorRef("civilians", "civilians"), fatalities=Fatalities(45, 45, None),
                                source="SOHR", sentence="Government shelling killed at least 45 people in al-Shaar.")],
                  figures=[Figure("killed", 45, 45, None, place="al-Shaar", date_start="2016-12-06",
                                  date_end="2016-12-06", source="SOHR", qualifier="at_least", text="at least 45",
                                  sentence="Government shelling killed at least 45 people in al-Shaar.")],
                  sources=[Source("SOHR", "monitor", "pro-opposition", 0, 4)]))
    s.add(_report("r2", "SANA", "2016-12-07", "Dozens of terrorists were killed in al-Shaar, Aleppo.",
                  events=[Event(**shelling, actor1=ActorRef("Syrian Arab Army", "state_forces", "SYR"),
                                fatalities=Fatalities(24, 24, 99), source="SANA",
                                sentence="Army artillery killed dozens of terrorists in al-Shaar.")],
                  figures=[Figure("killed", 24, 24, 99, place="al-Shaar", date_start="2016-12-06",
                                  date_end="2016-12-06", source="SANA", qualifier="vague", text="dozens",
                                  sentence="Army artillery killed dozens of terrorists in al-Shaar."),
                           Figure("displaced", 300, 300, 300, unit="households", place="Aleppo",
                                  date_start="2016-12-06", date_end="2016-12-06", source="SANA",
                                  sentence="300 families left Aleppo's eastern districts.", text="300")],
                  sources=[Source("SANA", "state_media", "pro-government", 0, 4)]))
    s.add(_report("r3", "AP", "2016-12-06", "Syrian troops took Sheikh Saeed, Aleppo.", places=[ALEPPO],
                  events=[Event("Battles", "Government regains territory", "ASSAULT",
                                actor1=ActorRef("Syrian troops", "state_forces"), actor2=ActorRef("rebels", "rebels"),
                                place="Aleppo", date_start="2016-12-05", date_end="2016-12-05",
                                sentence="Syrian troops took Sheikh Saeed on Monday.")]))
    fuse_store(s)
    yield s
    s.close()


TABLES = {"articles", "places", "times", "actors", "figures", "events", "quotes", "sources", "fused_events",
          "figure_series", "control_changes", "report_links", "fused_event_members"}


def test_csv_of_every_table_opens_in_csv(store, tmp_path):
    paths = export(store, "csv", tmp_path)
    assert {p.stem for p in paths} == TABLES
    rows = {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in paths}
    assert len(rows["articles"]) == 3 and len(rows["events"]) == 3
    assert len(rows["fused_events"]) == 2  # the two shelling reports are one event
    fused = next(r for r in rows["fused_events"] if r["sub_event_type"].startswith("Shelling"))
    assert json.loads(fused["fatalities"]) == {"low": 24, "best": 24, "high": 99}


def test_jsonl_of_every_table_opens_in_json(store, tmp_path):
    paths = export(store, "jsonl", tmp_path)
    assert {p.stem for p in paths} == TABLES
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").open(encoding="utf-8")]
    assert events[0]["actor1"]["kind"] == "state_forces"  # nested values stay nested
    series = [json.loads(line) for line in (tmp_path / "figure_series.jsonl").open(encoding="utf-8")]
    killed = next(s for s in series if s["category"] == "killed")
    assert killed["contested"] is True and len(killed["values"]) == 2


def test_parquet_opens_in_pyarrow(store, tmp_path):
    import pyarrow.parquet as pq
    paths = export(store, "parquet", tmp_path)
    assert {p.stem for p in paths} == TABLES
    t = pq.read_table(tmp_path / "figures.parquet")
    assert t.num_rows == 3 and str(t.schema.field("best").type) == "int64"
    assert sorted(t.column("category").to_pylist()) == ["displaced", "killed", "killed"]
    assert pq.read_table(tmp_path / "quotes.parquet").num_rows == 0  # empty tables still have a schema
    assert pq.read_table(tmp_path / "fused_events.parquet").column("n_reports").to_pylist() != []


def test_geojson_is_a_valid_feature_collection(store, tmp_path):
    p, = export(store, "geojson", tmp_path)
    gj = json.loads(p.read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and gj["features"]
    for f in gj["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())
    layers = {f["properties"]["layer"] for f in gj["features"]}
    assert layers == {"events", "figures"}
    shaar = next(f for f in gj["features"] if f["properties"]["layer"] == "events"
                 and f["properties"]["place"] == "al-Shaar")
    assert shaar["geometry"]["coordinates"] == [SHAAR.lon, SHAAR.lat] and shaar["properties"]["n_reports"] == 2


def test_hxl_csv_has_the_tag_row_under_the_header(store, tmp_path):
    paths = export(store, "hxl", tmp_path)
    assert {p.name for p in paths} == {"events.hxl.csv", "figures.hxl.csv", "figure_series.hxl.csv"}
    for p in paths:
        header, tags, *rows = list(csv.reader(p.open(encoding="utf-8")))
        assert len(header) == len(tags) and all(t.startswith("#") for t in tags)
        assert all(len(r) == len(header) for r in rows)
    header, tags, *rows = list(csv.reader((tmp_path / "events.hxl.csv").open(encoding="utf-8")))
    tag = dict(zip(header, tags, strict=True))
    assert tag["event_date"] == "#date+occurred" and tag["admin1"] == "#adm1+name"
    assert tag["latitude"] == "#geo+lat" and tag["longitude"] == "#geo+lon"
    assert tag["actor1"] == "#group+name+first" and tag["source"] == "#meta+source"
    # best value first, then +min and +max
    i = tags.index("#affected+killed")
    assert tags[i + 1:i + 3] == ["#affected+killed+min", "#affected+killed+max"]
    header, tags, *rows = list(csv.reader((tmp_path / "figures.hxl.csv").open(encoding="utf-8")))
    assert "#affected+displaced+hh" in tags  # households kept as stated, tagged +hh
    row = dict(zip(header, next(r for r in rows if r[header.index("category")] == "displaced"), strict=True))
    assert row["displaced_households"] == "300" and row["stance"] == "pro-government"


def test_acled_csv_follows_acled_columns_and_fatality_rules(store, tmp_path):
    p, = export(store, "acled", tmp_path)
    rows = list(csv.DictReader(p.open(encoding="utf-8")))
    assert list(rows[0]) == ACLED_COLUMNS
    shell = next(r for r in rows if r["sub_event_type"] == "Shelling/artillery/missile attack")
    # "at least 45" (SOHR) vs "dozens" (SANA): ACLED takes the lowest, dozens -> 12.
    assert shell["fatalities"] == "12"
    assert shell["event_date"] == "2016-12-06" and shell["time_precision"] == "1" and shell["geo_precision"] == "1"
    assert shell["country"] == "Syria" and shell["iso"] == "760" and shell["admin1"] == "Aleppo"
    assert shell["inter1"] == "State forces" and shell["latitude"] == "36.2110"
    assert "AFP" in shell["source"] and "SANA" in shell["source"]
    regain = next(r for r in rows if r["sub_event_type"] == "Government regains territory")
    assert regain["fatalities"] == "0" and regain["interaction"] == "State forces-Rebel group"


@pytest.mark.parametrize("value, text, expected", [
    (45, "killed at least 45 people", 45),
    (24, "dozens were killed", 12),
    (200, "hundreds of people died", 100),
    (3, "several people were killed", 3),
    (None, "the shelling caused casualties", 0),
    (10, "10 casualties, including four dead", 10),
    (None, "no toll was given", None),
])
def test_acled_fatality_words(value, text, expected):
    assert acled_fatalities_of(value, text) == expected


def test_acled_takes_the_lowest_credible_report():
    e = {"mentions": [{"fat_best": 30, "sentence": "30 killed", "certainty": "asserted"},
                      {"fat_best": 7, "sentence": "7 killed", "certainty": "denied"},
                      {"fat_best": 12, "sentence": "12 killed", "certainty": "claimed"}]}
    assert acled_fatalities(e) == 12


@pytest.mark.parametrize("event, expected", [
    ({"date_start": "2016-12-06", "date_end": "2016-12-06"}, ("2016-12-06", 1)),
    ({"date_start": "2016-12-05", "date_end": "2016-12-11"}, ("2016-12-08", 2)),
    ({"date_start": "2016-12-01", "date_end": "2016-12-31"}, ("2016-12-16", 3)),
    ({"date_start": "2016-01-01", "date_end": "2016-12-31"}, (None, None)),
])
def test_acled_time_precision(event, expected):
    assert time_fields(event) == expected


@pytest.mark.parametrize("precision, code", [("district", 1), ("city", 1), ("admin2", 2), ("admin1", 3),
                                             ("country", None)])
def test_acled_geo_precision(precision, code):
    assert geo_precision_code({"geo_precision": precision}) == code


def test_export_command_writes_the_files(store, tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app
    res = CliRunner().invoke(app, ["export", "--format", "acled", "--out", str(tmp_path), "--db", store.target])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "acled.csv").exists()
    res = CliRunner().invoke(app, ["export", "--format", "xlsx", "--out", str(tmp_path), "--db", store.target])
    assert res.exit_code == 2 and "csv, jsonl, parquet" in res.output
