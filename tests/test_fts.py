"""Full-text search over stored reports; user queries are data, never FTS or SQL syntax."""
from __future__ import annotations

import pytest

from sitrep.models import Article, Extraction
from sitrep.store import Store


@pytest.fixture()
def store(tmp_path):
    s = Store(str(tmp_path / "fts.db"))
    for i, (title, text) in enumerate([
        ("Shelling in Ariha", "Artillery shells hit the market in Ariha, killing four civilians."),
        ("Floods in Beledweyne", "Thousands displaced as the Shabelle river burst its banks."),
    ]):
        s.add(Extraction(article=Article(id=f"a{i}", title=title, text=text, published=f"2020-01-0{i + 1}")))
    return s


def test_search_matches_stemmed_words_in_body_and_title(store):
    assert [r["id"] for r in store.search("shells river")] == []  # every word must match
    assert [r["id"] for r in store.search("shelled market")] == ["a0"]  # porter: shelled ~ shells
    assert [r["id"] for r in store.search("displacing")] == ["a1"]  # porter stemming
    assert "[" in store.search("Ariha")[0]["snippet"]


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b)", "title:x OR", "'; DROP TABLE articles; --", "*", "a AND"])
def test_hostile_queries_are_searched_as_words(store, query):
    store.search(query)  # no FTS syntax error, no SQL executed
    assert store.counts()["articles"] == 2
