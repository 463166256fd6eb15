"""`gazetteer.import_geonames` adds a GeoNames dump (plain or zip) to the index: districts
and neighbourhoods with their alternate names, placed within their city."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.extractors import gazetteer

SAMPLE = Path(__file__).parents[1] / "data" / "geonames_sample.txt"


@pytest.fixture(scope="session")
def built_index():
    return gazetteer.ensure_index()


def _snapshot(src, dst):
    """A consistent copy even while another process writes to the index."""
    import sqlite3
    with sqlite3.connect(f"file:{src}?mode=ro", uri=True) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


@pytest.fixture()
def index_copy(built_index, tmp_path):
    return _snapshot(built_index, tmp_path / "gazetteer.sqlite")


def _lookup(index, name):
    return gazetteer.Gazetteer(index).lookup([gazetteer.norm_name(name)]).get(gazetteer.norm_name(name), [])


def test_import_plain_file_adds_kept_feature_classes(index_copy):
    # 4 of the 5 rows: the shop (feature class S, code SHOP) is not a place sitrep keeps
    assert gazetteer.import_geonames(SAMPLE, index_copy) == 4


def test_imported_neighbourhood_is_a_district_within_its_city(index_copy):
    gazetteer.import_geonames(SAMPLE, index_copy)
    hits = _lookup(index_copy, "Testiya Quarter")  # an alternate name
    assert len(hits) == 1
    e = hits[0]
    assert (e.feature, e.country, e.admin1, e.within) == ("district", "SY", "SY.09", "Aleppo")
    assert e.geonameid == 9900001 and abs(e.lat - 36.2105) < 1e-6


@pytest.mark.parametrize("name,feature", [
    ("Nahiyat Testun", "district"),   # ADM3
    ("Testabad", "city"),             # PPL
    ("Mount Testani", "landmark"),    # T/MT by its alternate name
])
def test_imported_feature_kinds(index_copy, name, feature):
    gazetteer.import_geonames(SAMPLE, index_copy)
    assert [e.feature for e in _lookup(index_copy, name)] == [feature]


def test_import_from_zip_and_reimport_is_idempotent(index_copy, tmp_path):
    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(SAMPLE, "SY.txt")
        zf.writestr("readme.txt", "not data")
    assert gazetteer.import_geonames(z, index_copy) == 4
    assert gazetteer.import_geonames(z, index_copy) == 4
    assert len(_lookup(index_copy, "Hayy Testiya")) == 1


def test_import_keeps_curated_names_of_existing_places(index_copy, tmp_path):
    # a dump that re-lists Syria must not drop "Syrian" (a demonym sitrep added)
    f = tmp_path / "SY.txt"
    f.write_text("163843\tSyria\tSyria\tSyrie\t35\t38\tA\tPCLI\tSY\t\t00\t\t\t\t22933531\t\t514\tAsia/Damascus\t2024-01-01\n",
                 encoding="utf-8")
    assert gazetteer.import_geonames(f, index_copy) == 1
    assert [e.country for e in _lookup(index_copy, "Syrian")] == ["SY"]
    assert [e.country for e in _lookup(index_copy, "Syrie")] == ["SY"]


def test_import_rejects_a_file_that_is_not_geonames(index_copy, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some text\nwith no tabs at all\n", encoding="utf-8")
    with pytest.raises(InputError):
        gazetteer.import_geonames(bad, index_copy)
    with pytest.raises(InputError):
        gazetteer.import_geonames(tmp_path / "missing.txt", index_copy)


def test_index_opens_fast(built_index):
    import time
    t = time.perf_counter()
    g = gazetteer.Gazetteer(built_index)
    g.lookup([gazetteer.norm_name("Aleppo")])
    assert time.perf_counter() - t < 1.0


def test_rebuilt_index_imports_its_dumps_again(built_index, index_copy, monkeypatch):
    import sqlite3
    gazetteer.import_geonames(SAMPLE, index_copy)
    con = sqlite3.connect(index_copy)
    con.execute("UPDATE meta SET value='outdated' WHERE key='schema'")
    con.commit()
    con.close()
    # a rebuild (stood in for by a copy of the pristine index) must bring the dump back
    monkeypatch.setattr(gazetteer, "build_index", lambda path: _snapshot(built_index, path))
    assert gazetteer.ensure_index(index_copy) == index_copy
    assert len(_lookup(index_copy, "Hayy Testiya")) == 1
    assert gazetteer._meta(index_copy, "imports") == f'["{SAMPLE.resolve()}"]'
