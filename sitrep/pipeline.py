"""The pipeline: read ─► clean ─► parse ─► annotate ─► extract.

`annotate(parsed)` runs every annotator/extractor stage, in order, on one shared parse.
Each stage is a plain function `stage(parsed, ex) -> list[item]`: it reads the parse and
the items earlier stages put on the `Extraction`, and returns its own items. Stages are
listed once, in `STAGES`, so they can be timed or tested alone.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from . import clean
from .errors import InputError, NotEnglishError
from .extractors import actors, events, figures, lexical, places, quotes, sources, times, truecase
from .extractors.parse import Parsed, parse_articles
from .models import Article, Extraction

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


def figures_only(article: Article) -> bool:
    """A report in a language sitrep reads lexically (Spanish, French, Portuguese): it is
    kept with its figures only (`sitrep/extractors/lexical.py`); every other stage needs the English
    parse. English (and too-short-to-tell) reports get the full extraction."""
    return (article.language or "en") in lexical.languages()


def annotate(parsed: Parsed) -> Extraction:
    ex = Extraction(article=parsed.article, sentences=parsed.sentences, entities=[])
    if figures_only(parsed.article):
        ex.figures = lexical.extract_lexical_figures(parsed, ex)
        return ex
    ex.entities = parsed.entities
    for name, stage in STAGES:
        setattr(ex, name, stage(parsed, ex))
    return ex


def prepare(items: Iterable[Article | InputError],
            on_error: Callable[[InputError], None] | None = None) -> Iterator[Article]:
    """Clean and validate a stream of read results; bad inputs go to `on_error`.

    Readers yield InputError objects instead of raising so that one bad file never stops
    a batch; empty reports and reports in a language sitrep cannot read are caught here,
    after cleaning. Spanish, French and Portuguese reports pass, for figures only."""
    for item in items:
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
            continue
        try:
            article = truecase.delivered_case(clean.clean_article(truecase.restore_article(item)))
            clean.validate_article(article)
        except NotEnglishError as exc:
            if exc.language not in lexical.languages():
                if on_error is None:
                    raise
                on_error(exc)
                continue
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - one report that breaks cleaning costs itself only
            if on_error is None:
                raise
            on_error(_failed(item, "could not be cleaned", exc))
            continue
        yield article


def _failed(article: Article, stage: str, exc: Exception) -> InputError:
    """One line naming the report and what failed on it (a bug to report, not the user's)."""
    name = article.path or article.input_id or article.url or article.id or "<report>"
    if article.input_id and article.path and article.input_id not in article.path:
        name = f"{article.path} (id {article.input_id})"
    return InputError(name, f"{stage} ({type(exc).__name__}: {' '.join(str(exc).split())[:120]}): skipped")


def extract_articles(articles: Iterable[Article | InputError], *, n_process: int = 1,
                     batch_size: int | None = None,
                     on_error: Callable[[InputError], None] | None = None) -> Iterator[Extraction]:
    """Clean, parse (batched) and annotate a stream of articles; order is kept."""
    for parsed in parse_articles(prepare(articles, on_error), n_process=n_process, batch_size=batch_size):
        try:
            yield annotate(parsed)
        except Exception as exc:  # noqa: BLE001 - an extractor failing on one report costs that report only
            if on_error is None:
                raise
            on_error(_failed(parsed.article, "extraction failed", exc))
