"""Ingest: read -> extract -> store for many inputs, with parallel workers.

The local engine uses a process pool: each worker loads the spaCy pipeline once and runs
clean + parse + annotate for its chunk (so extraction runs in parallel too, not only the
parse), and the parent writes the results in input order, a batch to a transaction. The
Ray engine (`sitrep.ray_engine`) runs the same stages on Ray actors.
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InputError
from .models import Article, Extraction, extraction_from_dict
from .pipeline import extract_articles
from .readers import iter_inputs
from .store import Store

# Articles written per transaction: a commit costs about as much CPU as the inserts of an
# article, so batching halves the writer's work; a crash loses at most one batch, which a
# re-run adds.
WRITE_BATCH = 16


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    updated: int = 0  # already stored, re-extracted and replaced (ingest --update)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)

    def count(self, new: bool) -> None:
        """One article written: `new` is what Store.add/add_many said of it."""
        self.read += 1
        if new:
            self.added += 1
        else:
            self.already_stored += 1

    def error_sink(self, on_error: Callable[[str], None] | None) -> Callable[[str], None]:
        """A callback that records a skipped input here and passes it on to `on_error`."""
        def error(msg: str) -> None:
            self.errors.append(msg)
            if on_error:
                on_error(msg)
        return error


def extract_batch(articles: list[Article]) -> list[dict | str]:
    """Worker body: extraction dicts for a batch, or an error message per bad article."""
    out: list[dict | str] = []
    errors: list[str] = []
    for ex in extract_articles(articles, on_error=lambda e: errors.append(str(e))):
        out.append(ex.to_dict())
    return out + errors


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _pool_extract(articles: Iterable[Article], workers: int, chunk: int) -> Iterator[dict | str]:
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    with ctx.Pool(workers) as pool:
        # imap keeps input order and holds only a few chunks in flight (bounded memory).
        for results in pool.imap(extract_batch, _chunks(articles, chunk)):
            yield from results


def run_extraction(items: Iterable[Article | InputError], *, workers: int = 1, chunk: int = 16,
                   on_error: Callable[[str], None]) -> Iterator[Extraction]:
    """Extract a stream of read results, in order, with `workers` processes."""
    def good():
        for item in items:
            if isinstance(item, InputError):
                on_error(str(item))
            else:
                yield item

    if workers <= 1:
        yield from extract_articles(good(), on_error=lambda e: on_error(str(e)))
        return
    for res in _pool_extract(good(), workers, chunk):
        if isinstance(res, str):
            on_error(res)
        else:
            yield extraction_from_dict(res)


def ingest(specs: list[str], store: Store, *, published: str | None = None, source: str | None = None,
           workers: int = 1, on_error: Callable[[str], None] | None = None,
           on_article: Callable[[Extraction, bool], None] | None = None, update: bool = False) -> IngestReport:
    """Read every input, extract, and store the results `WRITE_BATCH` articles to a
    transaction (a crash loses at most the batch being written; a re-run adds it).

    update: a report already stored is re-extracted with the metadata given now (a late
    --published, a --source) and replaces its stored row and items (`Store.replace`, one
    transaction each), instead of being skipped."""
    rep = IngestReport()
    t0 = time.perf_counter()
    error = rep.error_sink(on_error)
    store.verify()  # a damaged file is refused before anything is written into it
    items = iter_inputs(specs, published=published, source=source)
    loaded = False
    for batch in _chunks(run_extraction(items, workers=workers, on_error=error), WRITE_BATCH):
        # One article the store refuses is one error line; a store that cannot be written
        # at all (full, down, damaged, read-only) raises and ends the run.
        for ex, new in zip(batch, store.add_many(batch, on_error=lambda exc: error(str(exc))), strict=True):
            if new is None:
                continue
            rep.count(new)
            if update and not new and store.replace(ex):
                rep.already_stored -= 1
                rep.updated += 1
            if on_article:
                on_article(ex, new)
        if not loaded:
            _freeze_what_is_loaded()
            loaded = True
    rep.seconds = time.perf_counter() - t0
    return rep


def _freeze_what_is_loaded() -> None:
    """Set what is alive once the first batch is written aside from the garbage collector's
    full collections: by then the spaCy pipeline, the lexicons and the gazetteer are
    loaded, and they stay for the life of the process. A full collection walks every
    object alive and found nothing to free among these: it cost 1.1 ms an article on
    TR-News dev. Once a process: a later run, or a host that froze objects itself, finds
    them set aside already. (A frozen object is still freed when nothing refers to it;
    only a cycle among them would stay.)"""
    if not gc.get_freeze_count():
        gc.freeze()
