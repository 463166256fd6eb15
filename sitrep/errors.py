"""One exception family. Every message names the input and says what to do."""
from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input could not be read or is not a report: names the file and the problem."""

    def __init__(self, path: str | None, problem: str):
        self.path = path or "<input>"
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class NotEnglishError(InputError):
    """The report is in a language sitrep does not extract from (yet)."""

    def __init__(self, path: str | None, language: str):
        self.language = language
        super().__init__(path, f"written in {language!r}, not English (sitrep extracts English reports only)")


class ConfigError(SitrepError):
    """A setting (model name, database URL, date option) is wrong or missing."""


class StoreError(SitrepError):
    """The database could not be opened, migrated or written."""


class QueryError(SitrepError):
    """A filter or search query cannot be understood: names the value and what is allowed."""


class StoreUnavailable(StoreError):
    """The store cannot answer now: disk full, server down or restarting, too busy, a query
    over its time limit. Worth retrying later (the API answers 503 with Retry-After)."""


class StoreDamaged(StoreError):
    """The file is not a sitrep store, or its pages are damaged: nothing is written to it."""


class StoreReadOnly(StoreError):
    """The store was opened read-only, or these credentials may only read it."""


class FusionError(SitrepError):
    """Fusing the stored reports failed on one item (named); nothing of that fuse was
    written, so the store holds the fused views of the fuse before."""
