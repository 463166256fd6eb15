"""Figures stage (issue 3): people counts as low/best/high ranges. Not built yet: empty."""
from __future__ import annotations

from .models import Extraction, Figure
from .parse import Parsed


def extract_figures(parsed: Parsed, ex: Extraction) -> list[Figure]:
    return []
