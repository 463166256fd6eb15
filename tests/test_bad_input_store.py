"""Bad inputs during `sitrep ingest`: each gets a one-line error naming the file and the
problem, the good inputs beside it are stored, and nothing already stored is lost."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import Store

runner = CliRunner()

FIRST = ("Clashes near Kadugli kill six\n\nFighting between the army and rebels near Kadugli on Sunday "
         "killed six soldiers, the army said.\n")
SECOND = ("Floods displace families in Beledweyne\n\nFloods displaced 3,000 families in Beledweyne on "
          "Saturday, local officials said.\n")
FRENCH = ("Des combats près de Goma\n\nDes combats entre l'armée et les rebelles ont fait six morts "
          "dimanche près de Goma, selon des sources locales qui ont parlé à la presse.\n")
# A language sitrep neither parses nor reads lexically (sitrep/extractors/lexical.py reads es/fr/pt).
GERMAN = ("Kämpfe bei Goma\n\nBei Kämpfen zwischen der Armee und den Rebellen sind am Sonntag in der "
          "Nähe von Goma sechs Menschen ums Leben gekommen, teilten örtliche Quellen mit.\n")


def _sparse(path, size):
    with open(path, "wb") as fh:
        fh.truncate(size)


BAD_INPUTS = {
    "empty": ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    "binary": ("photo.txt", lambda p: p.write_bytes(bytes(range(256)) * 64), "binary"),
    "huge": ("huge.txt", lambda p: _sparse(p, 50 * 1024 * 1024), "too large"),
    "undecodable": ("mojibake.txt", lambda p: p.write_bytes(bytes(range(0x80, 0x100)) * 40), "undecodable"),
    "broken_html": ("broken.html", lambda p: p.write_bytes(b"<html><body><div><p>"), "no readable text"),
    "not_english": ("goma.txt", lambda p: p.write_text(GERMAN, encoding="utf-8"), "not English"),
}


@pytest.fixture()
def stored(tmp_path):
    """A store that already holds one article, and what it holds."""
    db = tmp_path / "s.db"
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(tmp_path / "first.txt"), "--db", str(db), "--published", "2023-06-12"])
    assert res.exit_code == 0, res.output
    store = Store(str(db))
    before = {aid: store.extraction(aid).to_dict() for aid in store.ids()}
    assert len(before) == 1
    return db, before


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_named_and_nothing_stored_is_lost(tmp_path, stored, kind):
    db, before = stored
    name, make, problem = BAD_INPUTS[kind]
    folder = tmp_path / "batch"
    folder.mkdir()
    make(folder / name)
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2023-06-12"])
    assert res.exit_code == 0, res.output  # something could be read: not a failure
    lines = [line for line in res.output.splitlines() if name in line]
    assert len(lines) == 1, res.output  # one line, naming the file
    assert problem in lines[0]
    store = Store(str(db))
    assert store.check_integrity() == []
    for aid, d in before.items():
        assert store.extraction(aid).to_dict() == d  # untouched
    assert store.counts()["articles"] == 2  # the good report beside it was stored


def test_nothing_readable_exits_non_zero_and_keeps_the_store(tmp_path, stored):
    db, before = stored
    (tmp_path / "empty.txt").write_bytes(b"")
    res = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert res.exit_code == 1
    assert "empty.txt" in res.output and "missing.txt" in res.output
    assert Store(str(db)).ids() == set(before)


def test_strict_fails_on_any_bad_input_but_keeps_the_good_ones(tmp_path, stored):
    db, _ = stored
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "second.txt"),
                              "--db", str(db), "--published", "2023-06-12", "--strict"])
    assert res.exit_code == 1
    assert Store(str(db)).counts()["articles"] == 2


def test_invalid_published_is_refused_before_anything_is_written(tmp_path, stored):
    db, before = stored
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(tmp_path / "second.txt"), "--db", str(db), "--published", "31/31/2023"])
    assert res.exit_code == 2 and "--published" in res.output
    assert Store(str(db)).ids() == set(before)


def test_french_report_is_kept_with_figures_only_and_named(tmp_path, stored):
    """Spanish/French/Portuguese reports are not skipped: displacement
    monitors read them for their figures. They are stored with the figures the lexical
    reader finds (method "lexical") and nothing that needs the English parse; the ingest
    names the file in one line so nobody mistakes it for a fully extracted report."""
    db, before = stored
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "goma.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--published", "2023-06-12"])
    assert res.exit_code == 0, res.output
    lines = [line for line in res.output.splitlines() if "goma.txt" in line]
    assert len(lines) == 1, res.output
    assert "figures only" in lines[0] and "'fr'" in lines[0] and "not English" in lines[0]
    store = Store(str(db))
    assert store.counts()["articles"] == 3
    fr = [store.extraction(a) for a in store.ids() if a not in before]
    fr = next(ex for ex in fr if ex.article.language == "fr")
    assert [(f.category, f.best, f.unit, f.method) for f in fr.figures] == [("killed", 6, "people", "lexical")]
    assert fr.events == [] and fr.places == [] and fr.quotes == [] and fr.actors == []
