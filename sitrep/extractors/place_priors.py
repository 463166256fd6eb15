"""Priors of a gazetteer entry alone, before the report is read: its feature class,
population and how it was matched. Used by recognition (is this a place whatever the
tagger says?) and resolution (the score's prior parts).

Every weight and threshold of the places stage is a row of data/place_weights.csv (name,
value, why), read once into `W`."""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from ..errors import ConfigError
from ..vocab import DATA_DIR, read_table
from .gazetteer import Entry

STRONG_FEATURES = {"country", "admin1", "continent", "region", "water", "landmark"}
# a city matched by its own name is a place whatever the tagger says from this size on
STRONG_CITY_POPULATION = 100_000


@dataclass(frozen=True)
class PlaceWeights:
    """The rows of data/place_weights.csv by name (log-score points unless the row says
    otherwise; each row's `why` explains it)."""
    prior_country: float
    prior_continent: float
    prior_admin1: float
    prior_region: float
    prior_water: float
    prior_landmark: float
    prior_city: float
    prior_district: float
    prior_admin2: float
    population: float
    alternate_name: float
    short_form: float
    alt_of_named_town: float
    dotted_initials: float
    dotted_initials_population: float
    acronym_for_a_town: float
    admin_word_county: float
    admin_word_region: float
    curated: float
    national_capital: float
    city_over_its_region: float
    city_over_region_population: float
    city_share_of_region: float
    city_over_foreign_region_population: float
    city_in_report: float
    district_without_its_city: float
    qualifier: float
    local_country_penalty: float
    local_town: float
    country_cue: float
    country_cue_max: float
    country_cue_min: float
    report_country_base: float
    report_country_share: float
    named_region: float
    county_pair: float
    report_region: float
    near_km: float
    near_weight: float
    support_cap: float
    holds_admin1: float
    holds_country: float
    admin1_in_country: float
    runner_up_support: float
    runner_up_gap: float
    tentative_support: float
    clear_margin: float
    confirm_min: float
    max_passes: float


def load_weights(name: str = "place_weights.csv") -> PlaceWeights:
    """The weights table, every row a field of PlaceWeights and every field a row."""
    rows = {r["name"]: r["value"] for r in read_table(name)}
    fields = {f.name for f in dataclasses.fields(PlaceWeights)}
    if set(rows) != fields:
        missing, unknown = sorted(fields - set(rows)), sorted(set(rows) - fields)
        raise ConfigError(f"{DATA_DIR / name}: rows do not match the places stage's weights "
                          f"(missing: {', '.join(missing) or 'none'}; unknown: {', '.join(unknown) or 'none'})")
    try:
        return PlaceWeights(**{k: float(v) for k, v in rows.items()})
    except ValueError as exc:
        raise ConfigError(f"{DATA_DIR / name}: a value is not a number ({exc})") from exc


W = load_weights()
FEATURE_PRIOR = {"country": W.prior_country, "continent": W.prior_continent, "admin1": W.prior_admin1,
                 "region": W.prior_region, "water": W.prior_water, "landmark": W.prior_landmark,
                 "city": W.prior_city, "district": W.prior_district, "admin2": W.prior_admin2}
# how the name matched: by the entry's own name, an abbreviation, a demonym or an alternate name
KIND_PRIOR = {"name": 0.0, "abbr": 0.0, "demonym": 0.0, "alt": W.alternate_name}


def _prior(e: Entry) -> float:
    return FEATURE_PRIOR.get(e.feature, 0.0) + W.population * math.log10(e.population + 1) + KIND_PRIOR.get(e.kind, 0.0)


def _strong(e: Entry) -> bool:
    """A candidate that is a place whatever the tagger says: a country, region, demonym,
    curated district or a city of 100,000+ matched by its own name."""
    return e.feature in STRONG_FEATURES or e.kind == "demonym" or (e.source == "sitrep") \
        or (e.feature == "city" and e.population >= STRONG_CITY_POPULATION and e.kind != "alt")
