"""Places stage (issue 4): toponyms resolved to gazetteer entries. Not built yet: empty."""
from __future__ import annotations

from .models import Extraction, Place
from .parse import Parsed


def find_places(parsed: Parsed, ex: Extraction) -> list[Place]:
    return []
