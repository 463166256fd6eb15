"""The pipeline: read ─► clean ─► parse ─► annotate ─► extract.

`annotate(parsed)` runs every annotator/extractor stage, in order, on one shared parse.
Each stage is a plain function `stage(parsed, ex) -> list[item]`: it reads the parse and
the items earlier stages put on the `Extraction`, and returns its own items. Stages are
listed once, in `STAGES`, so they can be timed or tested alone.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from . import actors, events, figures, places, quotes, sources, times
from .clean import clean_article
from .models import Article, Extraction
from .parse import Parsed, parse_articles

Stage = Callable[[Parsed, Extraction], list]

# (field of Extraction the stage fills, the stage). Order matters: later stages read
# the items of earlier ones (figures take places, times and sources; events take all).
STAGES: list[tuple[str, Stage]] = [
    ("times", times.resolve_times),
    ("places", places.find_places),
    ("actors", actors.find_actors),
    ("sources", sources.find_sources),
    ("quotes", quotes.find_quotes),
    ("figures", figures.extract_figures),
    ("events", events.extract_events),
]


def annotate(parsed: Parsed) -> Extraction:
    ex = Extraction(article=parsed.article, sentences=parsed.sentences, entities=parsed.entities)
    for name, stage in STAGES:
        setattr(ex, name, stage(parsed, ex))
    return ex


def extract_articles(articles: Iterable[Article], *, n_process: int = 1,
                     batch_size: int | None = None) -> Iterator[Extraction]:
    """Clean, parse (batched) and annotate a stream of articles; order is kept."""
    cleaned = (clean_article(a) for a in articles)
    for parsed in parse_articles(cleaned, n_process=n_process, batch_size=batch_size):
        yield annotate(parsed)
