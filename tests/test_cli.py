"""The command line: extract prints the contract, batches keep ids, listings filter and
format, bad options fail with a clear message."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "sitrep" / "samples"


def test_extract_json_prints_the_contract(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Clashes in Kadugli leave five dead\n\nFive people were killed on Monday when "
                      "fighters attacked a checkpoint in Kadugli, the army said.\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(report), "--published", "2023-06-14", "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["article"]["title"] == "Clashes in Kadugli leave five dead"
    assert d["article"]["published"] == "2023-06-14"
    assert set(d) >= {"article", "places", "times", "actors", "figures", "events", "quotes", "sources"}
    monday = [t for t in d["times"] if t["text"] == "Monday"]
    assert monday and monday[0]["date_start"] == "2023-06-12"


def test_extract_jsonl_keeps_each_input_id(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "doc-7", "title": "Flood", "text": "Floods displaced 300 families in Beledweyne on Sunday.",
             "published": "2023-05-15"},
            {"id": "doc-9", "title": "Raid", "text": "Gunmen abducted 12 villagers near Kaduna on Friday.",
             "published": "2023-05-15"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = runner.invoke(app, ["extract", "--jsonl", str(src)])
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert [d["id"] for d in out] == ["doc-7", "doc-9"]


def test_invalid_published_is_refused_naming_the_option(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("A headline here today\n\nSome text about clashes.\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(report), "--published", "next-ish tuesday"])
    assert res.exit_code == 2
    assert "--published" in res.output


def test_ingest_samples_then_list_in_every_format(tmp_path):
    db = str(tmp_path / "s.db")
    res = runner.invoke(app, ["ingest", str(SAMPLES), "--db", db])
    assert res.exit_code == 0, res.output
    assert "added" in res.output
    again = runner.invoke(app, ["ingest", str(SAMPLES), "--db", db])
    assert " 0 added" in again.output  # re-ingest is a no-op

    res = runner.invoke(app, ["articles", "--db", db, "--format", "json"])
    arts = json.loads(res.stdout)
    assert len(arts) >= 6 and all(a["id"] for a in arts)

    res = runner.invoke(app, ["figures", "--db", db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and {"category", "low", "best", "high", "source"} <= set(rows[0])

    killed = runner.invoke(app, ["figures", "--db", db, "--category", "killed", "--format", "json"])
    assert all(f["category"] == "killed" for f in json.loads(killed.stdout))

    res = runner.invoke(app, ["search", "shelling", "--db", db, "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)

    bad = runner.invoke(app, ["figures", "--db", db, "--format", "xml"])
    assert bad.exit_code == 2 and "--format" in bad.output


def test_listing_a_missing_database_says_so(tmp_path):
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert "no such database" in res.output


def test_user_actor_dictionary_names_a_local_militia(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Militia raid in Djugu leaves six dead\n\nFighters of the Zaire Defence Front attacked "
                      "a camp in Djugu on Monday, killing six people, local officials said.\n", encoding="utf-8")
    actors_csv = tmp_path / "actors.csv"
    actors_csv.write_text("name,kind,country,aliases,source_kind,stance\n"
                          "Zaire Defence Front,identity_militia,COD,ZDF,,\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(report), "--published", "2023-06-14", "--json",
                              "--actors", str(actors_csv)])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout[res.stdout.index("{"):])
    zdf = [a for a in d["actors"] if a["name"] == "Zaire Defence Front"]
    assert zdf and zdf[0]["kind"] == "identity_militia" and zdf[0]["country"] == "COD"


def test_missing_actor_dictionary_is_a_clear_error(tmp_path):
    res = runner.invoke(app, ["extract", "-", "--actors", str(tmp_path / "nope.csv")], input="text")
    assert res.exit_code == 2 and "--actors" in res.output and "no such file" in res.output
