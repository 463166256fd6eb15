"""sitrep: conflict and crisis reports in, sourced and queryable situation data out.

Public API (everything else is internal):

    sitrep.extract(text, published="2016-12-07", source="LA Times") -> Extraction
    sitrep.extract_articles(articles) -> Iterator[Extraction]
    sitrep.read(path) -> Iterator[Article]
    sitrep.Store("sitrep.db")
"""
from __future__ import annotations

from .errors import ConfigError, InputError, NotEnglishError, SitrepError, StoreError
from .models import Article, Extraction

__version__ = "0.1.0"


def extract(text: str, *, published: str | None = None, source: str | None = None,
            title: str | None = None, url: str | None = None, id: str | None = None) -> Extraction:
    """Extract the contract from one report given as plain text. `published` is normalised
    to YYYY-MM-DD ("Wed, 23 Nov 2016 10:00:00 GMT" too); one that names no day raises
    ConfigError, rather than dating events by a string that is no date."""
    from .pipeline import extract_articles
    from .readers import article_from_text, parse_published

    if published is not None:
        published = parse_published(published)
    art = article_from_text(text, published=published, source=source, title=title, url=url, input_id=id)
    return next(extract_articles([art]))


def extract_articles(articles, **kw):
    from .pipeline import extract_articles as _run
    return _run(articles, **kw)


def read(path, **kw):
    from .readers import read_path
    return read_path(path, **kw)


def __getattr__(name):  # Store pulls in SQLAlchemy: import it only when asked for
    if name == "Store":
        from .store import Store
        return Store
    raise AttributeError(name)


__all__ = ["extract", "extract_articles", "read", "Store", "Article", "Extraction",
           "SitrepError", "InputError", "NotEnglishError", "ConfigError", "StoreError"]
