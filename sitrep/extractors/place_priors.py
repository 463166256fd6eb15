"""Priors of a gazetteer entry alone, before the report is read: its feature class,
population and how it was matched. Used by recognition (is this a place whatever the
tagger says?) and resolution (the score's prior parts)."""
from __future__ import annotations

import math

from .gazetteer import Entry

STRONG_FEATURES = {"country", "admin1", "continent", "region", "water", "landmark"}
# log-score points
FEATURE_PRIOR = {"country": 3.0, "continent": 2.5, "admin1": 2.0, "region": 2.0, "water": 1.5,
                 "landmark": 1.5, "city": 0.0, "district": 0.5, "admin2": -1.5}
KIND_PRIOR = {"name": 0.0, "abbr": 0.0, "demonym": 0.0, "alt": -2.0}
POP_WEIGHT = 0.6


def _prior(e: Entry) -> float:
    return FEATURE_PRIOR.get(e.feature, 0.0) + POP_WEIGHT * math.log10(e.population + 1) + KIND_PRIOR.get(e.kind, 0.0)


def _strong(e: Entry) -> bool:
    """A candidate that is a place whatever the tagger says: a country, region, demonym,
    curated district or a city of 100,000+ matched by its own name."""
    return e.feature in STRONG_FEATURES or e.kind == "demonym" or (e.source == "sitrep") \
        or (e.feature == "city" and e.population >= 100_000 and e.kind != "alt")
