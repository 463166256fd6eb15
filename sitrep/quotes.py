"""Quotes stage (issue 5): direct and indirect speech with speakers. Not built yet: empty."""
from __future__ import annotations

from .models import Extraction, Quote
from .parse import Parsed


def find_quotes(parsed: Parsed, ex: Extraction) -> list[Quote]:
    return []
