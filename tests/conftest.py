"""Shared fixtures. Tests that need ../shared (real reports, gold, scorers) skip with a
clear reason when it is absent; in CI it sits beside the clone and they run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
SEED = SHARED / "seed" / "000_27822b3222cb0826.txt"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"


def need_shared(*parts: str) -> Path:
    """Path under ../shared, or skip the test saying what is missing."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared not present ({p} missing): real-report tests run where ../shared sits beside the repo")
    return p


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return need_shared()


@pytest.fixture(scope="session")
def nlp():
    from sitrep.extractors.parse import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def seed_extraction() -> dict:
    """The seed report extracted once per session (published 2016-12-07, as the gold says)."""
    from sitrep.pipeline import extract_articles
    from sitrep.readers import iter_inputs

    need_shared("seed", SEED.name)
    ex = next(extract_articles(iter_inputs([str(SEED)], published="2016-12-07")))
    return ex.to_dict()


@pytest.fixture(scope="session")
def seed_scores(seed_extraction, tmp_path_factory) -> dict:
    """score.py's figures for the seed extraction, computed with the shared scorer."""
    import importlib.util

    gold = need_shared("gold", "seed.gold.json")
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score(json.loads(gold.read_text(encoding="utf-8")), seed_extraction)
