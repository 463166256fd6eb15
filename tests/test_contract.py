"""The contract's closed vocabularies and item kinds are declared once (sitrep/models.py)
and hold for what the extractors produce and what the store and API serve."""
from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from sitrep import models
from sitrep.models import ITEM_KINDS, Extraction

SAMPLES = Path(__file__).resolve().parents[1] / "sitrep" / "samples"


def _literal_fields(cls) -> dict[str, tuple]:
    """Field name -> allowed values, for each field typed with a Literal (or Literal | None)."""
    out = {}
    for name, hint in typing.get_type_hints(cls).items():
        args = typing.get_args(hint) if typing.get_origin(hint) is not typing.Literal else (hint,)
        for a in args:
            if typing.get_origin(a) is typing.Literal:
                out[name] = typing.get_args(a) + ((None,) if type(None) in args else ())
    return out


@pytest.fixture(scope="module")
def sample_extractions() -> list[Extraction]:
    from sitrep.pipeline import extract_articles
    from sitrep.readers import iter_inputs

    return list(extract_articles(iter_inputs([str(p) for p in sorted(SAMPLES.glob("*.txt"))])))


def test_every_item_kind_is_an_extraction_field():
    fields = {f.name for f in dataclasses.fields(Extraction)}
    assert set(ITEM_KINDS) <= fields
    assert Extraction(article=models.Article()).to_dict().keys() >= set(ITEM_KINDS)


@pytest.mark.parametrize("cls", [models.Place, models.TimeMention, models.Figure, models.Quote, models.Event])
def test_literal_typed_fields_hold_their_vocabulary_on_the_samples(cls, sample_extractions):
    kind = {models.Place: "places", models.TimeMention: "times", models.Figure: "figures",
            models.Quote: "quotes", models.Event: "events"}[cls]
    vocab = _literal_fields(cls)
    assert vocab, f"{cls.__name__} declares no Literal vocabulary"
    items = [it for ex in sample_extractions for it in getattr(ex, kind)]
    assert items, f"the samples give no {kind}"
    for it in items:
        for name, allowed in vocab.items():
            assert getattr(it, name) in allowed, f"{kind}.{name} = {getattr(it, name)!r} not in {allowed}"


def test_the_store_has_a_table_and_the_api_a_listing_for_every_item_kind(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    from sitrep.store import ITEM_COLUMNS, Store, item_tables

    assert tuple(ITEM_COLUMNS) == ITEM_KINDS and tuple(item_tables) == ITEM_KINDS
    with Store(str(tmp_path / "s.db")) as store:
        client = TestClient(create_app(store))
        assert set(client.get("/api/stats").json()["counts"]) == {"articles", *ITEM_KINDS}
        for kind in ITEM_KINDS:
            assert client.get(f"/api/{kind}").json()["items"] == []
