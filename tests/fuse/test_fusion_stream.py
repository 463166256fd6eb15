"""Fusion on a real stream (issue 19): repeats of one report are evidence for one item,
never a second one; the fused views keep unique ids; a fuse recomputes only what its new
reports touch; a failing fuse names the item, leaves the store as it was, and does not
stop an export."""
from __future__ import annotations

import json

import pytest
from conftest import SEED, need_shared
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.export import geojson
from sitrep.fuse import control_of, fuse_store, fused_events_of, series_of
from sitrep.models import ActorRef, Article, Event, Extraction, Figure, Place
from sitrep.store import Store, meta_table, view_members

runner = CliRunner()

# Two outlets repeat one withdrawal: the new holder of Aden is not named.
WITHDRAWAL_A = ("Hadi forces leave Aden\n\nEx-Yemeni president Abd Rabbuh Mansur Hadi says his forces "
                "have withdrawn from the port city of Aden.\n")
WITHDRAWAL_B = ("Yemen update\n\nEx-Yemeni president Abd Rabbuh Mansur Hadi says his forces have "
                "withdrawn from the port city of Aden. Talks continue.\n")


def test_two_reports_of_one_withdrawal_fuse_into_one_change_of_control(tmp_path):
    a, b, db = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "m.db"
    a.write_text(WITHDRAWAL_A)
    b.write_text(WITHDRAWAL_B)
    res = runner.invoke(app, ["ingest", str(a), str(b), "--db", str(db), "--published", "2016-12-07"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["fuse", "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(str(db)) as store:
        changes = control_of(store, place="Aden")
    assert len(changes) == 1, changes
    assert changes[0]["n_reports"] == 2 and changes[0]["holder"] is None
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "geojson", "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output


# ---- a copy of a report adds nothing ------------------------------------------------------
def _copy_text() -> str:
    """The seed re-headlined, with a credit line: another text (another article), the same story."""
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    return "Aleppo rebels near defeat as thousands flee\n\nBy a staff reporter\n" + body


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[str, dict]:
    """The seed's copy extracted as published the same day and the day after."""
    from sitrep.pipeline import extract_articles
    from sitrep.readers import iter_inputs

    need_shared("seed", SEED.name)
    path = tmp_path_factory.mktemp("copy") / "copy.txt"
    path.write_text(_copy_text(), encoding="utf-8")
    return {day: next(extract_articles(iter_inputs([str(path)], published=day))).to_dict()
            for day in ("2016-12-07", "2016-12-08")}


def _fused_counts(store) -> dict[str, int]:
    layers = [f["properties"]["layer"] for f in geojson(store)["features"]]
    return {"geojson features": len(layers), "geojson events": layers.count("events"),
            "fused events": len(fused_events_of(store)), "figure series": len(series_of(store)),
            "control changes": len(control_of(store))}


@pytest.fixture(scope="module")
def seed_alone(seed_extraction, tmp_path_factory) -> dict[str, int]:
    with Store(tmp_path_factory.mktemp("seed") / "seed.db") as store:
        store.add(seed_extraction)
        fuse_store(store)
        return _fused_counts(store)


@pytest.mark.parametrize("day", ["2016-12-07", "2016-12-08"])
@pytest.mark.parametrize("fused_between", [False, True], ids=["one-fuse", "fused-between"])
def test_the_seed_and_a_reheadlined_copy_export_what_the_seed_alone_does(seed_extraction, copies, seed_alone,
                                                                          tmp_path, day, fused_between):
    with Store(tmp_path / "copy.db") as store:
        store.add(seed_extraction)
        if fused_between:
            fuse_store(store)
        store.add(copies[day])
        fuse_store(store)
        assert len(store.read_report_links()) == 1  # the copy is linked, and adds nothing
        assert _fused_counts(store) == seed_alone
        # the copy is evidence: it is among the reports of the seed's events
        copy_id = copies[day]["article"]["id"]
        assert any(copy_id in e["reports"] for e in fused_events_of(store))


# ---- a failing fuse -----------------------------------------------------------------------
def test_a_failing_fuse_names_the_item_keeps_the_store_and_export_goes_on(seed_extraction, tmp_path):
    db = tmp_path / "bad.db"
    with Store(db) as store:
        store.add(seed_extraction)
        fuse_store(store)
        exported = geojson(store)["features"]
        before = (fused_events_of(store), series_of(store), control_of(store), store.fusion_state())
        # a malformed record (another tool's, or an older sitrep's): a toll that is not a number
        bad = Extraction(article=Article(id="bad", title="bad", published="2016-12-08", text="A bad record."),
                         events=[Event("Battles", "Armed clash", "ASSAULT", place="Aleppo",
                                       sentence="A bad record.")], figures=[Figure("killed", 3, 3, 3, place="Aleppo")])
        d = bad.to_dict()
        d["events"][0]["fatalities"] = "many"
        store.add(d)
        from sitrep.errors import FusionError
        with pytest.raises(FusionError, match="event bad#0"):
            fuse_store(store)
        assert (fused_events_of(store), series_of(store), control_of(store), store.fusion_state()) == before
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "geojson", "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    failed = [line for line in res.output.splitlines() if "fusion failed" in line]
    assert len(failed) == 1 and "event bad#0" in failed[0] and "exporting" in failed[0]
    # what the fuse before made is exported (the bad report has no place: no point of its own)
    assert json.loads((tmp_path / "out" / "sitrep.geojson").read_text())["features"] == exported
    res = runner.invoke(app, ["situation", "--db", str(db), "--place", "Aleppo", "--markdown"])
    assert res.exit_code == 0 and "fusion failed, summarising" in res.output


# ---- incremental: a fuse recomputes what its reports touch, and gets what one fuse gets ---------
ALEPPO = Place("Aleppo", 0, 6, lat=36.2021, lon=37.1343, country="SY", feature="city")
HOMS = Place("Homs", 0, 4, lat=34.7324, lon=36.7137, country="SY", feature="city")
ARMY = ActorRef("Syrian army", "state_forces", "SYR")
REBELS = ActorRef("rebels", "rebels", "SYR")


def _report(rid: str, place: Place, day: str, killed: int, outlet: str, holder: ActorRef | None = None,
            text: str | None = None) -> Extraction:
    sentence = text or f"{outlet} says {killed} people were killed in {place.name} on {day}."
    events = [Event("Battles", "Government regains territory", "ASSAULT", actor1=holder, actor2=REBELS,
                    place=place.name, lat=place.lat, lon=place.lon, date_start=day, date_end=day,
                    sentence=sentence)] if holder else []
    return Extraction(article=Article(id=rid, title=rid, published=day, source=outlet, text=sentence),
                      places=[place], events=events,
                      figures=[Figure("killed", killed, killed, killed, place=place.name, date_start=day,
                                      date_end=day, source=outlet, sentence=sentence)])


STREAM = [_report("a1", ALEPPO, "2016-12-05", 10, "AP", ARMY), _report("h1", HOMS, "2016-12-05", 4, "AFP", ARMY),
          _report("a2", ALEPPO, "2016-12-05", 12, "SANA"), _report("h2", HOMS, "2016-12-06", 5, "Reuters"),
          _report("a3", ALEPPO, "2016-12-06", 15, "BBC", ARMY)]


def _views(store) -> tuple:
    return (series_of(store), control_of(store),
            sorted((sorted(e["reports"]), e["date_start"], e["place"]) for e in fused_events_of(store)))


def test_a_fuse_recomputes_only_the_series_and_places_its_reports_touch(tmp_path):
    with Store(tmp_path / "inc.db") as inc, Store(tmp_path / "once.db") as once:
        for ex in STREAM[:4]:
            inc.add(ex)
        fuse_store(inc)
        inc.add(STREAM[4])  # Aleppo, 6 December: one series, one place's timeline
        rep = fuse_store(inc)
        # the Aleppo series of 6 December and Aleppo's timeline (two changes), nothing of Homs
        assert rep.articles == 1 and rep.figure_series == 1
        assert rep.control_changes == len(control_of(inc, place="Aleppo")) == 2
        assert {c["place"] for c in control_of(inc)} == {"Aleppo", "Homs"}
        for ex in STREAM:
            once.add(ex)
        fuse_store(once)
        assert _views(inc) == _views(once)


def test_a_store_fused_by_an_older_sitrep_is_fused_anew(tmp_path):
    with Store(tmp_path / "old.db") as store:
        for ex in STREAM:
            store.add(ex)
        fuse_store(store)
        expected = _views(store)
        with store.engine.begin() as conn:  # what an older fuse left: another version, no view members
            conn.execute(meta_table.update().where(meta_table.c.key == "fuse_version").values(value="1"))
            conn.execute(view_members.delete())
        store.add(_report("h3", HOMS, "2016-12-06", 6, "UN"))
        rep = fuse_store(store)
        assert rep.rebuilt and rep.articles == len(STREAM) + 1
        assert [s for s in series_of(store) if s["place"] == "Aleppo"] == \
            [s for s in expected[0] if s["place"] == "Aleppo"]
