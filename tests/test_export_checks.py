"""The exports pass the checks of the tools analysts open them in: HXL validated by
libhxl's core schema, GeoJSON read by geopandas, Parquet read by pandas; the ACLED file
holds only incidents a report claims happened."""
from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest

from sitrep.export import export
from sitrep.fuse import fuse_store
from sitrep.models import ActorRef, Article, Event, Extraction, Place
from sitrep.query import EventFilter
from sitrep.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "sitrep" / "samples"
TABLES = ["articles", "places", "times", "actors", "figures", "events", "quotes", "sources", "fused_events",
          "figure_series", "control_changes", "fused_event_members", "report_links"]


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Store:
    """The bundled samples through the whole pipeline (real evidence: line breaks, ranges)."""
    from sitrep.ingest import ingest
    store = Store(str(tmp_path_factory.mktemp("checks") / "samples.db"))
    ingest([str(SAMPLES)], store)
    fuse_store(store)
    yield store
    store.close()


def _hxl_problems(path: Path) -> list[tuple[str, str, str]]:
    hxl = pytest.importorskip("hxl", reason="libhxl is a test dependency: pip install -r requirements-test.lock")
    problems = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = hxl.data(hxl.input.make_input(str(path), hxl.input.InputOptions(allow_local=True)))
        hxl.schema(callback=problems.append).validate(source)
    return [(str(p.rule.tag_pattern), p.message, str(p.value)) for p in problems]


def test_hxl_files_pass_libhxls_core_schema(samples, tmp_path):
    paths = export(samples, "hxl", tmp_path)
    for p in paths:
        problems = _hxl_problems(p)
        # The core schema's outlier test is statistics, not format: a "hundreds" range's
        # 999 beside single-digit tolls is flagged, rightly kept.
        assert [x for x in problems if x[1] != "Possible numeric outlier"] == [], p.name
    header, tags = list(csv.reader((tmp_path / "events.hxl.csv").open(encoding="utf-8")))[:2]
    tag = dict(zip(header, tags, strict=True))
    assert tag["time_precision"] == "#meta+precision+time" and tag["geo_precision"] == "#meta+precision+geo"
    for p in paths:  # one line, no padding, in every cell
        for row in list(csv.reader(p.open(encoding="utf-8")))[2:]:
            assert all(c == " ".join(c.split()) for c in row), row


def test_geojson_is_read_by_geopandas(samples, tmp_path):
    gpd = pytest.importorskip("geopandas", reason="geopandas is a test dependency")
    p, = export(samples, "geojson", tmp_path)
    frame = gpd.read_file(p)
    assert len(frame) > 0 and set(frame.geom_type) == {"Point"}
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    assert {"layer", "event_type", "place", "date_start", "fatalities_best", "certainty"} <= set(frame.columns)
    events = frame[frame["layer"] == "events"]
    assert len(events) and events["certainty"].isin(["asserted", "claimed"]).all()
    assert frame.total_bounds[1] >= -90 and frame.total_bounds[3] <= 90


def test_parquet_tables_are_read_by_pandas(samples, tmp_path):
    pd = pytest.importorskip("pandas", reason="pandas is a test dependency")
    export(samples, "parquet", tmp_path)
    frames = {name: pd.read_parquet(tmp_path / f"{name}.parquet") for name in TABLES}
    counts = samples.counts()
    for kind in ("articles", "figures", "events", "places"):
        assert len(frames[kind]) == counts[kind], kind
    assert str(frames["figures"]["best"].dtype) == "Int64" or frames["figures"]["best"].dtype.kind == "i"
    assert frames["events"]["lat"].dtype.kind == "f"
    assert len(frames["fused_events"]) > 0


# ---- the ACLED file: only what reports claim happened -------------------------------------------
HOMS = Place("Homs", 0, 4, lat=34.72682, lon=36.72339, geonameid=169577, country="SY", admin1="Homs",
             feature="city")


def _event(sentence: str, day: str, **kw) -> Event:
    return Event("Violence against civilians", "Attack", "ASSAULT", place="Homs", lat=HOMS.lat, lon=HOMS.lon,
                 date_start=day, date_end=day, sentence=sentence, geo_precision="city",
                 actor1=ActorRef("Military Forces of Syria", "state_forces", "SYR"),
                 actor2=ActorRef("Civilians (Syria)", "civilians", "SYR"), **kw)


@pytest.fixture(scope="module")
def claims(tmp_path_factory) -> Store:
    store = Store(str(tmp_path_factory.mktemp("claims") / "claims.db"))
    cases = [
        ("asserted", _event("Soldiers shot two farmers in Homs on Monday.", "2016-12-05")),
        ("claimed", _event("Activists said soldiers shot a shepherd in Homs.", "2016-12-06", certainty="claimed")),
        ("hypothetical", _event("If the army comes to us, we will be slaughtered.", "2016-12-07",
                                certainty="hypothetical")),
        ("generic", _event("Civilians have been killed in Homs for years.", "2016-12-08", timing="generic")),
        ("unsure", _event("Soldiers may have shot a driver near Homs.", "2016-12-09", confidence=0.2)),
        ("sure", _event("Soldiers shot a driver in Homs on Friday.", "2016-12-10", confidence=0.9)),
    ]
    for name, ev in cases:
        store.add(Extraction(article=Article(id=name, title=name, published=ev.date_start, source="Example Wire",
                                             text=ev.sentence), places=[HOMS], events=[ev]))
    fuse_store(store)
    yield store
    store.close()


def _acled_dates(store: Store, tmp_path: Path, events: EventFilter | None = None) -> list[str]:
    p, = export(store, "acled", tmp_path, events)
    return sorted(r["event_date"] for r in csv.DictReader(p.open(encoding="utf-8")))


def test_acled_file_holds_only_claimed_incidents(claims, tmp_path):
    assert _acled_dates(claims, tmp_path) == ["2016-12-05", "2016-12-06", "2016-12-10"]


def test_every_candidate_is_exported_only_when_asked(claims, tmp_path):
    assert len(_acled_dates(claims, tmp_path, EventFilter.everything())) == 6


@pytest.mark.parametrize("fmt", ["geojson", "hxl"])
def test_map_and_hxl_exports_hold_the_same_incidents(claims, tmp_path, fmt):
    import json
    paths = export(claims, fmt, tmp_path)
    if fmt == "geojson":
        dates = [f["properties"]["date_start"] for f in json.loads(paths[0].read_text())["features"]]
    else:
        rows = list(csv.DictReader((tmp_path / "events.hxl.csv").open(encoding="utf-8")))[1:]
        dates = [r["date_start"] for r in rows]
    assert sorted(dates) == ["2016-12-05", "2016-12-06", "2016-12-10"]


def test_export_command_takes_the_event_filters(claims, tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app
    res = CliRunner().invoke(app, ["export", "-f", "acled", "-o", str(tmp_path), "--db", claims.target,
                                   "--certainty", "hypothetical", "--timing", "any", "--min-confidence", "0"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader((tmp_path / "acled.csv").open(encoding="utf-8")))
    assert [r["event_date"] for r in rows] == ["2016-12-07"]
