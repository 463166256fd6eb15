"""The small public API: extract, extract_articles, read, Store and the error family."""
from __future__ import annotations

import pytest

import sitrep

REPORT = ("Rebels shell Ariha market\n\nRebel artillery hit the market in Ariha on Tuesday, killing "
          "seven civilians, the Syrian Observatory for Human Rights said.\n")


def test_public_names():
    assert set(sitrep.__all__) >= {"extract", "extract_articles", "read", "Store", "SitrepError"}
    assert issubclass(sitrep.InputError, sitrep.SitrepError)
    assert issubclass(sitrep.NotEnglishError, sitrep.InputError)


def test_read_then_extract_then_store(tmp_path):
    path = tmp_path / "ariha.txt"
    path.write_text(REPORT, encoding="utf-8")
    import sitrep.readers  # noqa: F401  (importing the internal module must not shadow sitrep.read)
    articles = list(sitrep.read(path, published="2019-05-08"))
    assert len(articles) == 1 and articles[0].published == "2019-05-08"
    ex = next(sitrep.extract_articles(articles))  # cleaning (title, boilerplate) happens here
    assert ex.article.title == "Rebels shell Ariha market" and ex.article.id
    assert any(f.category == "killed" and f.low == 7 for f in ex.figures)
    with sitrep.Store(str(tmp_path / "s.db")) as store:
        assert store.add(ex) and store.counts()["figures"] == len(ex.figures)


def test_extract_is_deterministic():
    a = sitrep.extract(REPORT, published="2019-05-08").to_dict()
    b = sitrep.extract(REPORT, published="2019-05-08").to_dict()
    assert a == b


def test_extract_of_empty_text_is_an_input_error():
    with pytest.raises(sitrep.InputError):
        sitrep.extract("   \n", published="2019-05-08")


def test_extract_normalises_a_written_publication_date_and_refuses_one_with_no_day():
    text = "Gunmen killed five people in Kano on Monday, police said."
    ex = sitrep.extract(text, published="Wed, 23 Nov 2016 10:00:00 GMT")
    assert ex.article.published == "2016-11-23"
    assert [e.date_start for e in ex.events if e.event_type] == ["2016-11-21"]  # the Monday before
    with pytest.raises(sitrep.errors.ConfigError, match="Wed Nov 23"):
        sitrep.extract(text, published="Wed Nov 23")
