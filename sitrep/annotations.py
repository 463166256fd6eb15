"""Annotated whole reports (docs/annotation.md): drafts frozen into span files, span files
turned back into gold files the shared scorer reads.

A span file keeps a report's `id`, its corpus file under ../shared/data and character spans
into that record's `text`; the text itself never enters the repository. The exception is a
corpus named `repo:<path>`: reports the project wrote itself (no one's article), kept in the
repository. `gold_files` reads
the texts at run time and writes `<id>.gold.json` files in the seed gold's form (each item's
`evidence` is its text), ready for `../shared/eval/score_reports.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .errors import ConfigError, InputError
from .models import CERTAINTIES, TIMINGS
from .vocab import read_table

REPO_PREFIX = "repo:"
REPO_ROOT = Path(__file__).resolve().parents[1]
LISTS = ("events", "optional_events", "not_events", "figures", "optional_figures", "not_figures")
FIGURE_CATEGORIES = frozenset("""killed injured missing arrested displaced fled evacuated sheltered relocated
homeless refugees returned besieged population in_need aid_delivered homes_destroyed homes_damaged""".split())
PLOVER = frozenset("""AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST
SANCTION MOBILIZE COERCE ASSAULT""".split())
ACTOR_KINDS = frozenset("""state_forces rebels political_militia identity_militia rioters protesters civilians
external_forces government international_org ngo media other""".split())


def _acled_types() -> dict[str, str]:
    return {r["sub_event_type"]: r["event_type"] for r in read_table("event_types.csv") if r["event_type"]}


# ---- checking one item --------------------------------------------------------------
def _check_actor(a, where: str) -> list[str]:
    if a is None:
        return []
    if not isinstance(a, dict) or not a.get("name"):
        return [f"{where}: an actor is {{name, kind: [...], country}} or null"]
    bad = [k for k in a.get("kind") or [] if k not in ACTOR_KINDS]
    errs = [f"{where}: unknown actor kind {k!r}" for k in bad]
    if not a.get("kind"):
        errs.append(f"{where}: actor {a['name']!r} has no kind list")
    c = a.get("country")
    if c is not None and (not isinstance(c, str) or len(c) != 3 or not c.isupper()):
        errs.append(f"{where}: country {c!r} is not ISO 3166 alpha-3")
    return errs


def _check_date(v, where: str) -> list[str]:
    if v is None:
        return []
    import datetime as dt

    try:
        dt.date.fromisoformat(v)
        return []
    except (TypeError, ValueError):
        return [f"{where}: {v!r} is not an ISO date"]


def check_event(e: dict, where: str) -> list[str]:
    errs: list[str] = []
    sub, et = e.get("sub_event_type"), e.get("event_type")
    types = _acled_types()
    if et is not None or sub is not None:
        if types.get(sub) != et:
            errs.append(f"{where}: ({et!r}, {sub!r}) is not an ACLED event type and sub-event type pair")
    plover = e.get("plover")
    if (plover if isinstance(plover, list) else [plover])[0] not in PLOVER:
        errs.append(f"{where}: plover {plover!r} is not a PLOVER 2021 category")
    for k in ("actor1", "actor2"):
        errs += _check_actor(e.get(k), f"{where}.{k}")
    for k in ("date_start", "date_end"):
        errs += _check_date(e.get(k), f"{where}.{k}")
    if e.get("certainty", "asserted") not in CERTAINTIES:
        errs.append(f"{where}: certainty {e.get('certainty')!r}")
    if e.get("timing", "current") not in TIMINGS:
        errs.append(f"{where}: timing {e.get('timing')!r}")
    return errs


def check_figure(f: dict, where: str) -> list[str]:
    cats = f.get("category") if isinstance(f.get("category"), list) else [f.get("category")]
    errs = [f"{where}: unknown figure category {c!r}" for c in cats if c not in FIGURE_CATEGORIES]
    if not isinstance(f.get("low"), int):
        errs.append(f"{where}: low must be an integer")
    if f.get("high") is not None and not isinstance(f.get("high"), int):
        errs.append(f"{where}: high must be an integer or null")
    if f.get("unit") not in ("people", "households"):
        errs.append(f"{where}: unit is people or households")
    for k in ("date_start", "date_end"):
        errs += _check_date(f.get(k), f"{where}.{k}")
    return errs


# ---- texts ---------------------------------------------------------------------------
def corpus_path(shared: Path, corpus: str) -> Path:
    """Where a corpus file is: a path under shared/data, or, for `repo:<path>`, a file of the
    repository checkout (reports the project wrote itself, docs/rounds.md "Written rounds")."""
    if corpus.startswith(REPO_PREFIX):
        return REPO_ROOT / corpus[len(REPO_PREFIX):]
    return shared / "data" / corpus


def corpus_texts(shared: Path, corpora: set[str]) -> dict[tuple[str, str], dict]:
    """(corpus, id) -> record, for the corpus files named (see `corpus_path`)."""
    out = {}
    for corpus in sorted(corpora):
        path = corpus_path(shared, corpus)
        if not path.exists():
            where = "a repository checkout" if corpus.startswith(REPO_PREFIX) else "../shared beside the repository"
            raise ConfigError(f"{path}: corpus file not found (is {where}?)")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    out[(corpus, rec["id"])] = rec
    return out


def _locate(text: str, evidence: str, occurrence: int | None, where: str) -> list[int]:
    """The span of the n-th occurrence of `evidence`; without n, evidence must be unique."""
    i, seen = -1, 0
    while True:
        i = text.find(evidence, i + 1)
        if i < 0:
            raise InputError(where, f"evidence not found in the text: {evidence[:80]!r}")
        seen += 1
        if seen == (occurrence or 1):
            break
    if occurrence is None and text.find(evidence, i + 1) >= 0:
        raise InputError(where, f"evidence occurs more than once; add \"occurrence\": n: {evidence[:80]!r}")
    return [i, i + len(evidence)]


# ---- drafts -> span files -------------------------------------------------------------
def freeze(draft: dict, text: str, where: str) -> dict:
    """A draft (items with `evidence`) as a span file (items with `span`), checked."""
    out = {k: v for k, v in draft.items() if k not in LISTS}
    errs: list[str] = []
    for key in LISTS:
        items = []
        for n, item in enumerate(draft.get(key, [])):
            w = f"{where}: {key}[{n}]"
            item = dict(item)
            ev = item.pop("evidence", None)
            occ = item.pop("occurrence", None)
            if ev is None and "span" not in item:
                errs.append(f"{w}: neither evidence nor span")
                continue
            if ev is not None:
                try:
                    item["span"] = _locate(text, ev, occ, w)
                except InputError as exc:
                    errs.append(str(exc))
                    continue
            if key == "events":
                errs += check_event(item, w)
            elif key == "figures":
                errs += check_figure(item, w)
            items.append(item)
        out[key] = items
    if errs:
        raise InputError(where, f"{len(errs)} problem(s):\n" + "\n".join(errs))
    return out


# ---- span files -> gold files ----------------------------------------------------------
def load_reports(folder: Path) -> list[dict]:
    files = sorted(folder.glob("*.json"))
    if not files:
        raise ConfigError(f"{folder}: no annotated reports (*.json) here")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def to_gold(report: dict, text: str) -> dict:
    """The seed gold's form: each item's `evidence` is the text of its span."""
    gold = {"doc": f"{report['corpus']}#{report['id']}", "id": report["id"], "published": report.get("published")}
    for key in LISTS:
        items = []
        for item in report.get(key, []):
            s, e = item["span"]
            d = {k: v for k, v in item.items() if k != "span"}
            d["evidence"] = text[s:e]
            items.append(d)
        gold[key] = items
    return gold


def reports_with_records(folder: Path, shared: Path) -> list[tuple[dict, dict]]:
    """(span report, the shared corpus record it annotates) for every span file of `folder`."""
    reports = load_reports(folder)
    texts = corpus_texts(shared, {r["corpus"] for r in reports})
    out = []
    for r in reports:
        rec = texts.get((r["corpus"], r["id"]))
        if rec is None:
            raise ConfigError(f"{folder}: report {r['id']} is not in its corpus {r['corpus']}")
        out.append((r, rec))
    return out


def gold_files(folder: Path, shared: Path, out: Path) -> Iterator[tuple[dict, dict]]:
    """Write `<id>.gold.json` for every span file of `folder` into `out`; yield (gold, record)."""
    for r, rec in reports_with_records(folder, shared):
        gold = to_gold(r, rec["text"])
        (out / f"{r['id']}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        yield gold, rec
