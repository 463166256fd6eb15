"""Full-text search syntax, the same on SQLite (FTS5) and PostgreSQL (tsquery): words (all
must occur), "phrases", prefix*, -word and OR; user text is never read as FTS or SQL."""
from __future__ import annotations

import pytest
from test_store_backends import target  # noqa: F401  (a fixture: an empty store on each backend)

from sitrep.models import Article, Extraction
from sitrep.query import parse_search
from sitrep.store import Store

REPORTS = [
    ("aleppo", "Shelling in Aleppo", "Artillery shells hit a bakery in east Aleppo, killing four civilians."),
    ("idlib", "Air strike in Idlib", "An air strike on a market in Idlib killed nine people on Monday."),
    ("homs", "Strike near Homs", "A strike hit the air base near Homs; the air was thick with smoke."),
    ("bomber", "Bomber in Kayseri", "A suicide bomber attacked a bus carrying soldiers in central Turkey."),
]


@pytest.fixture()
def store(target):  # noqa: F811
    s = Store(target)
    for rid, title, text in REPORTS:
        s.add(Extraction(article=Article(id=rid, title=title, text=text, published="2016-12-07")))
    yield s
    s.close()


@pytest.mark.parametrize("query, expected", [
    ("Aleppo OR Idlib", ["aleppo", "idlib"]),
    ("Aleppo Idlib", []),  # words: all must occur
    ('"air strike"', ["idlib"]),  # the phrase, not "air" and "strike" apart (Homs)
    ("air strike", ["homs", "idlib"]),
    ("Kays*", ["bomber"]),  # prefix
    ("strike -Homs", ["idlib"]),  # negation
    ('"air strike" OR bakery', ["aleppo", "idlib"]),
    ("bomb*", ["bomber"]),
    ("shelling", ["aleppo"]),  # stemmed: shelling ~ shells
])
def test_query_syntax_matches_on_both_backends(store, query, expected):
    assert sorted(r["id"] for r in store.search(query)) == expected


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b)", "title:x OR", "'; DROP TABLE articles; --", "*",
                                   "a AND", "OR OR", "-Aleppo", "x:* & !y", "(((", "\\"])
def test_hostile_queries_are_words_on_both_backends(store, query):
    store.search(query)  # no FTS or tsquery syntax error, no SQL run
    assert store.counts()["articles"] == len(REPORTS)


def test_snippets_bracket_the_matched_words(store):
    snippet = store.search("bomber")[0]["snippet"]
    assert "[" in snippet and "]" in snippet and "ombe" in snippet


@pytest.mark.parametrize("query, groups", [
    ("a b", [["a", "b"]]),
    ("a OR b c", [["a"], ["b", "c"]]),
    ('"a b" c*', [['"a b"', "c*"]]),
    ("al-Bab", [['"al Bab"']]),  # a hyphenated name is one phrase
    ("-x", []),  # a negation alone finds nothing rather than everything
    ("a or b", [["a", "or", "b"]]),  # lower-case or is a word
])
def test_parse_search(query, groups):
    def show(t):
        text = f'"{t.text}"' if t.phrase else t.text
        return ("-" if t.negated else "") + text + ("*" if t.prefix else "")
    assert [[show(t) for t in g] for g in parse_search(query)] == groups
