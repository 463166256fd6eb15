"""sitrep's parse applies the model's attribute rules by table lookup
(sitrep/extractors/attribute_rules.py) and its lemmatizer through a memo by word form
(sitrep/extractors/lemma_memo.py). It must give every token the POS, morphology and
lemma the stock spaCy pipeline gives it: compared token by token on real text."""
from __future__ import annotations

import json

import pytest
from conftest import ROOT, need_shared

from sitrep.extractors import attribute_rules, lemma_memo
from sitrep.readers import iter_inputs

# Sentences that reach the rules with two-token patterns, regular expressions, dependency
# tests and whitespace tokens (a pattern's token may be the second of its match).
RULE_CASES = [
    "Y'all gonna see it, ain't nothin' wrong.  Let's go, c'mon!",
    "There is a checkpoint; there's another one. They got worse and he gets it.",
    "But he said it was I who did it, and you, and it. Gotta go. Which one? That one.",
    "Do you have it? I did.\n\n  \tThe army has withdrawn.",
]


@pytest.fixture(scope="module")
def stock():
    import spacy

    from sitrep.config import settings
    return spacy.load(settings().model)


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _assert_same(stock, nlp, texts: list[str]) -> int:
    n = 0
    for a, b in zip(stock.pipe(texts), nlp.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b), a.text[:80]
        n += len(a)
    return n


def test_sitrep_pipeline_uses_the_table(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler), "load_nlp should apply the attribute rules by table lookup"


def test_sitrep_pipeline_memoises_lemmas(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert "pipe" in vars(lemmatizer), "load_nlp should run the lemmatizer through lemma_memo"
    list(nlp.pipe(["The gunmen were fleeing the burning villages."]))
    assert lemmatizer.sitrep_memo, "the memo should hold the forms it has lemmatised"


def test_memoised_lemmas_match_stock_when_seen_again(stock, nlp):
    # the second pass reads every lemma from the memo, including forms the attribute
    # rules lemmatise first (the memo must not overwrite them)
    texts = ["They're saying he'd been shelled; the shellings were heavier and she's fled.",
             "Militias are fighting. A militia fought. He's fighting, wasn't he?"]
    lemma_memo.forget(nlp)
    assert _assert_same(stock, nlp, texts) > 0
    assert _assert_same(stock, nlp, texts) > 0


def test_a_lookup_lemmatizer_is_left_as_it_is():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert lemma_memo.speed_up(nlp) is False
    assert "pipe" not in vars(nlp.get_pipe("lemmatizer"))


@pytest.mark.parametrize("text", RULE_CASES)
def test_rule_cases_match_stock(stock, nlp, text):
    variants = [text, text.upper(), text.lower()]
    assert _assert_same(stock, nlp, variants) > 0


def test_bundled_samples_match_stock(stock, nlp):
    texts = [a.text for a in iter_inputs([str(ROOT / "sitrep" / "samples")])]
    assert len(texts) >= 5
    assert _assert_same(stock, nlp, texts) > 2000


def test_real_reports_match_stock(stock, nlp):
    path = need_shared("data", "geo", "lgl.dev.jsonl")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:120]
    assert _assert_same(stock, nlp, texts + [t.upper() for t in texts[:20]]) > 40_000


def test_a_pattern_beyond_the_table_keeps_the_stock_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert attribute_rules.speed_up(nlp) is False
    assert "match" not in vars(ruler)
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"LOWER": "strike"}]], {"POS": "NOUN"})
    assert attribute_rules.RuleTable(ruler2).by["LOWER"]
