"""`sitrep eval reports DIR`: whole annotated reports extracted and scored with the shared
score.py, summed over reports, with the calibration table. Gold in the seed's layout
(`<doc>.gold.json` beside `<doc>.txt`) written here; the span files of the annotated tune
reports read their texts from ../shared."""
from __future__ import annotations

import json

from conftest import SHARED, need_shared
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()

REPORT = ("KANDAHAR, Afghanistan - A roadside bomb killed four soldiers in Helmand province on Monday, officials "
          "said.\n\nIf the road stays closed, the fighting could spread to nearby villages, an elder said.")


def gold(events: list[dict]) -> dict:
    return {"doc": "helmand", "published": "2017-03-07", "events": events,
            "not_events": [{"why": "hypothetical", "evidence": "the fighting could spread to nearby villages"}],
            "figures": [{"category": "killed", "low": 4, "high": 4, "unit": "people",
                         "evidence": "killed four soldiers"}]}


BOMB = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
        "plover": "ASSAULT", "place": "Helmand", "date_start": "2017-03-06",
        "evidence": "A roadside bomb killed four soldiers in Helmand province"}


def run(folder, *extra: str) -> dict:
    need_shared("eval", "score.py")
    res = runner.invoke(app, ["eval", "reports", str(folder), "--shared", str(SHARED), "--json", *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_a_report_found_whole_scores_full_typed_precision_and_recall(tmp_path):
    (tmp_path / "helmand.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "helmand.gold.json").write_text(json.dumps(gold([BOMB])), encoding="utf-8")
    res = run(tmp_path)
    assert res["reports"] == 1
    assert res["events.typed"]["tp"] == 1 and res["events.typed"]["gold"] == 1
    assert res["events.typed"]["precision"] == 1.0
    assert res["events.place_acc"] == 1.0 and res["events.date_acc"] == 1.0
    assert res["events.false_on_not_events"] == 0
    # every claimed mention sits in a confidence bin, right or wrong
    assert sum(b["mentions"] for b in res["calibration"]) == res["events.typed"]["pred"]
    assert sum(b["right"] for b in res["calibration"]) == 1


def test_a_gold_event_of_another_type_is_a_miss_and_a_false_claim(tmp_path):
    (tmp_path / "helmand.txt").write_text(REPORT, encoding="utf-8")
    wrong = dict(BOMB, event_type="Battles", sub_event_type="Armed clash")
    (tmp_path / "helmand.gold.json").write_text(json.dumps(gold([wrong])), encoding="utf-8")
    res = run(tmp_path)
    assert res["events.typed"]["tp"] == 0 and res["events.typed"]["recall"] == 0.0
    assert res["events.detect"]["tp"] == 1


def test_a_gold_file_without_its_text_is_named_in_the_error(tmp_path):
    need_shared("eval", "score.py")
    (tmp_path / "lost.gold.json").write_text(json.dumps(gold([BOMB])), encoding="utf-8")
    res = runner.invoke(app, ["eval", "reports", str(tmp_path), "--shared", str(SHARED)])
    assert res.exit_code == 2
    assert "lost.gold.json" in res.output and "lost.txt" in res.output


def test_the_annotated_tune_reports_score_with_their_calibration_table(tmp_path):
    need_shared("data", "geo")
    from pathlib import Path
    tune = Path(__file__).parent / "annotations" / "reports" / "tune"
    res = run(tune, "--workers", "2")
    assert res["reports"] == len(list(tune.glob("*.json")))
    typed = res["events.typed"]
    assert typed["gold"] > 100 and 0 < typed["tp"] <= typed["pred"]
    assert [b["confidence"] for b in res["calibration"]] == sorted(b["confidence"] for b in res["calibration"])


def _span_file(folder, corpus: str, events: list[dict]) -> None:
    report = {"id": "synth-W1-01", "corpus": corpus, "published": None, "events": events}
    (folder / "synth-W1-01.json").write_text(json.dumps(report), encoding="utf-8")


def test_a_report_the_project_wrote_is_read_from_the_repository(tmp_path):
    from sitrep.annotations import corpus_texts
    texts = corpus_texts(tmp_path, {"repo:tests/annotations/written/W.jsonl"})  # no ../shared needed for it
    text = texts[("repo:tests/annotations/written/W.jsonl", "synth-W1-01")]["text"]
    first = text.split()[0]
    _span_file(tmp_path, "repo:tests/annotations/written/W.jsonl",
               [{"event_type": "Battles", "sub_event_type": "Armed clash", "span": [0, len(first)]}])
    res = run(tmp_path)
    assert res["reports"] == 1 and res["events.typed"]["gold"] == 1


def test_a_missing_written_corpus_is_named_in_the_error(tmp_path):
    need_shared("eval", "score.py")
    _span_file(tmp_path, "repo:tests/annotations/written/nowhere.jsonl", [])
    res = runner.invoke(app, ["eval", "reports", str(tmp_path), "--shared", str(SHARED)])
    assert res.exit_code == 2
    assert "nowhere.jsonl" in res.output and "repository checkout" in res.output
