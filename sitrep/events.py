"""Events stage (issue 6): typed, sourced events. Not built yet: empty."""
from __future__ import annotations

from .models import Event, Extraction
from .parse import Parsed


def extract_events(parsed: Parsed, ex: Extraction) -> list[Event]:
    return []
