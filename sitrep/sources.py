"""Sources stage (issue 5): who the report attributes claims to. Not built yet: empty."""
from __future__ import annotations

from .models import Extraction, Source
from .parse import Parsed


def find_sources(parsed: Parsed, ex: Extraction) -> list[Source]:
    return []
