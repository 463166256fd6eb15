"""Actors stage (issue 5): actor mentions with kind and country. Not built yet: empty."""
from __future__ import annotations

from .models import Actor, Extraction
from .parse import Parsed


def find_actors(parsed: Parsed, ex: Extraction) -> list[Actor]:
    return []
