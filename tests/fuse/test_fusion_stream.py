"""Fusion on a real stream: repeats of one report are evidence for one item, never a
second one, and the fused views keep unique ids (issue 19)."""
from __future__ import annotations

from typer.testing import CliRunner

from sitrep.cli import app

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
    from sitrep.fuse import control_of
    from sitrep.store import Store
    with Store(str(db)) as store:
        changes = control_of(store, place="Aden")
    assert len(changes) == 1, changes
    assert changes[0]["n_reports"] == 2 and changes[0]["holder"] is None
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "geojson", "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
