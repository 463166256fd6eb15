"""The parse's lemmas, looked up once per word form instead of computed per token.

spaCy's rule lemmatizer builds a Python `Token` for every token, asks its morphology as
a dict and walks the suffix rules. Its own cache keeps only the forms that need the
rules, so every singular noun, base verb and positive adjective pays the whole check
again: about 1.0 ms a report on TR-News dev once its tables are loaded (82 reports; the
first pass, which loads them, costs 7 ms a report), 2% of the parse.

Why our own: a rule lemma depends only on the token's form, coarse POS and morphology
(`Lemmatizer.rule_lemmatize` and the English `is_base_form` read nothing else), so
`lemmatize_doc` reads those three as arrays (`Doc.to_array`), asks the stock lemmatizer
once per new triple and writes the lemmas back in one `Doc.from_array`: 0.15 ms a report
on the same reports. Tokens that already have a lemma (the attribute rules set a few) keep
it unless the lemmatizer overwrites, as in spaCy. The output is the stock lemmatizer's,
token for token (tests/test_parse_rules.py compares every token of real reports). A
lemmatizer in another mode than "rule", or of a class this module does not know, is left
as it is.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

# Distinct (form, POS, morphology) triples kept before the memo starts again: a year of
# news holds a few hundred thousand, about 100 bytes each.
MEMO_LIMIT = 400_000


def speed_up(nlp: Language) -> bool:
    """Run the pipeline's lemmatizer through a memo by word form (same output); False
    when the pipeline has none, or one this module does not know."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or not _knows(lemmatizer):
        return False
    memo: dict[tuple[int, int, int], int] = {}

    def pipe(docs: Iterable[Doc], **_kwargs) -> Iterator[Doc]:
        for doc in docs:
            yield lemmatize_doc(lemmatizer, doc, memo)

    # Language.pipe reads `pipe` through the instance; a single `nlp(text)` keeps the
    # stock per-token loop, which gives the same lemmas.
    lemmatizer.pipe = pipe
    lemmatizer.sitrep_memo = memo  # for forget()
    return True


def forget(nlp: Language) -> None:
    """Empty the memo (the benchmark starts each timed run from unseen words)."""
    if "lemmatizer" in nlp.pipe_names:
        getattr(nlp.get_pipe("lemmatizer"), "sitrep_memo", {}).clear()


def _knows(lemmatizer: Lemmatizer) -> bool:
    """The stock rule lemmatizer, or the English one whose base-form test reads only POS
    and morphology."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    return type(lemmatizer) in (Lemmatizer, EnglishLemmatizer)


def lemmatize_doc(lemmatizer: Lemmatizer, doc: Doc, memo: dict) -> Doc:
    """Set each token's lemma as `lemmatizer` would, computing it once per new
    (form, POS, morphology) triple."""
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.errors import Errors

    if not len(doc):
        return doc
    if not lemmatizer._validated:  # as the stock __call__ checks
        lemmatizer._validate_tables(Errors.E1004)
    values = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = values[:, 3].copy()
    overwrite = lemmatizer.overwrite
    for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
        if lemma and not overwrite:
            continue
        key = (orth, pos, morph)
        found = memo.get(key)
        if found is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            found = memo[key] = doc.vocab.strings.add(lemmatizer.lemmatize(doc[i])[0])
        lemmas[i] = found
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))
    return doc
