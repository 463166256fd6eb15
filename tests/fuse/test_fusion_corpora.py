"""Fusion of every shared corpus of reports (../shared/data/**/*.jsonl, every record, and
the seed; not the NGEC synthetic training aid, whose 4,500 templated stories are no stream
of reports): stored in two orders, or fused in three steps, it gives the same fused
events, figure series and control changes, with the same ids, none twice. Slow: extracts
about 1,900 reports once (two workers), then fuses three stores of them.

"Two orders" reverses the order of the reports, not of the versions of one URL: a report
stored again under its URL supersedes the version stored before it (store.py), so the
later version arriving first is another history, not another order of the same one."""
from __future__ import annotations

import pytest
from conftest import SEED, SHARED, need_shared

from sitrep.fuse import control_of, fuse_store, fused_events_of, links_of, series_of
from sitrep.ingest import ingest
from sitrep.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractions(tmp_path_factory) -> list:
    """Every record of every shared corpus and the seed, extracted and stored once; their
    extractions in the store's publication order."""
    need_shared("data")
    need_shared("seed", SEED.name)
    files = sorted(str(p) for p in (SHARED / "data").rglob("*.jsonl") if not p.name.startswith("ngec_synthetic"))
    with Store(tmp_path_factory.mktemp("corpora") / "corpora.db") as store:
        ingest([str(SEED)], store, published="2016-12-07")
        ingest(files, store, workers=2)
        ids = [a["id"] for a in store.unfused_articles()]
        return [store.extraction(aid) for aid in ids]


def _fused(exs: list, path, steps: int = 1) -> dict:
    with Store(path) as store:
        size = -(-len(exs) // steps)
        for i in range(0, len(exs), size):
            store.add_many(exs[i:i + size])
            fuse_store(store)
        links = [(lk["article_id"], lk["original_id"], lk["relation"]) for lk in links_of(store)]
        return {"events": fused_events_of(store), "series": series_of(store), "control": control_of(store),
                "links": links}


@pytest.fixture(scope="module")
def fused_once(extractions, tmp_path_factory) -> dict:
    return _fused(extractions, tmp_path_factory.mktemp("once") / "once.db")


def _reversed_keeping_versions(exs: list) -> list:
    """The reports in reverse order; the versions of one URL stay in their own order."""
    by_url: dict[str, list] = {}
    for ex in exs:
        by_url.setdefault(ex.article.url or ex.article.id, []).append(ex)
    return [ex for versions in reversed(by_url.values()) for ex in versions]


def test_every_shared_corpus_fuses_with_unique_ids(extractions, fused_once):
    assert len(extractions) > 1500
    for view in ("events", "series", "control"):
        ids = [r["id"] for r in fused_once[view]]
        assert ids and len(ids) == len(set(ids)), view
    # the corpora hold copies (kili_facts and idmc repeat excerpts): they are linked
    assert fused_once["links"]


def test_stored_in_the_other_order_the_corpora_fuse_to_the_same_items(extractions, fused_once, tmp_path):
    assert _fused(_reversed_keeping_versions(extractions), tmp_path / "reversed.db") == fused_once


def test_fused_in_three_steps_the_corpora_fuse_to_what_one_fuse_gives(extractions, fused_once, tmp_path):
    assert _fused(extractions, tmp_path / "steps.db", steps=3) == fused_once
