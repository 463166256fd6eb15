"""Fixing what was stored: an undated report is named at ingest, `ingest --update` gives it
its date (re-extracted, items replaced in one transaction), and `sitrep eval` leaves no
prediction files behind."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import Store

runner = CliRunner()
REPORT = ("Shelling in Aleppo\n\nTwelve people were killed when shells hit a market in the Sakhour district "
          "of Aleppo on Monday, SANA said.\n")


@pytest.fixture()
def report(tmp_path) -> Path:
    p = tmp_path / "undated [draft].txt"  # brackets: the warning prints the name as written
    p.write_text(REPORT, encoding="utf-8")
    return p


def test_an_undated_report_is_named_at_ingest_and_its_events_say_the_date_is_unknown(report, tmp_path):
    db = str(tmp_path / "u.db")
    res = runner.invoke(app, ["ingest", str(report), "--db", db])
    assert res.exit_code == 0, res.output
    assert "undated" in res.output and "undated [draft].txt" in res.output and "--update --published" in res.output
    table = runner.invoke(app, ["events", "--db", db])
    assert "unknown" in table.stdout
    dated = tmp_path / "dated.txt"
    dated.write_text(REPORT.replace("Aleppo on Monday", "Aleppo on Monday, 5 December 2016"), encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(dated), "--db", db, "--published", "2016-12-07"])
    assert "undated " + str(dated) not in res.output


def test_ingest_update_redates_a_stored_report(report, tmp_path):
    db = str(tmp_path / "u.db")
    assert runner.invoke(app, ["ingest", str(report), "--db", db]).exit_code == 0
    with Store(db) as s:
        before = s.items("events", certainty="any")
        assert before and all(e["date_start"] is None for e in before)
        assert runner.invoke(app, ["fuse", "--db", db]).exit_code == 0
        assert s.incidents()
    again = runner.invoke(app, ["ingest", str(report), "--db", db, "--published", "2016-12-07"])
    assert " 0 added" in again.output and "1 already stored" in again.output  # without --update: a no-op
    res = runner.invoke(app, ["ingest", str(report), "--db", db, "--published", "2016-12-07", "--update"])
    assert res.exit_code == 0, res.output
    assert "1 updated" in res.output and "0 already stored" in res.output
    with Store(db) as s:
        assert s.counts()["articles"] == 1 and s.check_integrity() == []
        art = s.articles()[0]
        assert art["published"] == "2016-12-07"
        events = s.items("events")
        assert [e["date_start"] for e in events] == ["2016-12-05"] * len(events)  # "Monday" before the 7th
        assert len(s.items("figures")) == 1  # replaced, not added twice
        assert [r["id"] for r in s.search("Sakhour")] == [art["id"]]  # full text kept, once
        assert s.incidents() == []  # fused views emptied: the next fuse rebuilds them
    assert runner.invoke(app, ["fuse", "--db", db]).exit_code == 0
    with Store(db) as s:
        assert [i["date_start"] for i in s.incidents()] == ["2016-12-05"]


def test_update_is_one_transaction(report, tmp_path, monkeypatch):
    """A failure while the new items are written leaves the old version whole."""
    from sitrep.ingest import ingest
    db = str(tmp_path / "u.db")
    with Store(db) as s:
        ingest([str(report)], s)
        old = s.extraction(s.articles()[0]["id"]).to_dict()

        def broken(conn, pending):
            raise RuntimeError("disk full")
        monkeypatch.setattr(s, "_flush_items", broken)
        with pytest.raises(RuntimeError):
            ingest([str(report)], s, published="2016-12-07", update=True)
        monkeypatch.undo()
        assert s.extraction(old["article"]["id"]).to_dict() == old


def test_update_with_the_ray_engine_is_refused_plainly(report, tmp_path):
    res = runner.invoke(app, ["ingest", str(report), "--db", str(tmp_path / "u.db"), "--engine", "ray", "--update"])
    assert res.exit_code == 2 and "--update" in res.output


def test_eval_leaves_no_prediction_files(tmp_path, monkeypatch):
    """`sitrep eval` writes its predictions into a folder it removes (or --keep's)."""
    from sitrep import evaluate
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text(json.dumps({"id": "t1", "title": "Floods", "text": "Floods displaced 300 families in "
                                  "Beledweyne on Sunday.", "published": "2023-05-15"}) + "\n", encoding="utf-8")
    seen: list[Path] = []

    def fake_score(task, corpus_path, pred, shared_dir):
        seen.append(Path(pred))
        assert Path(pred).exists() and json.loads(Path(pred).read_text().splitlines()[0])["id"] == "t1"
        return {"f1": 1.0}
    monkeypatch.setattr(evaluate, "find_shared", lambda shared: tmp_path)
    monkeypatch.setattr(evaluate, "score", fake_score)
    res = runner.invoke(app, ["eval", "figures", str(corpus)])
    assert res.exit_code == 0, res.output
    assert seen and not seen[0].exists() and not seen[0].parent.exists()
    keep = tmp_path / "kept"
    res = runner.invoke(app, ["eval", "figures", str(corpus), "--keep", str(keep)])
    assert res.exit_code == 0 and (keep / "tiny.predictions.jsonl").exists()
