"""Geodesic measures (pyproj, WGS 84), distances, the pieces of a geometry and
coordinate rounding, shared by the resolver, the layers, the front line and the
writers."""

from __future__ import annotations

import math
from functools import cache


@cache
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def geodesic_length_km(line) -> float:
    """Length of a (multi)line on the WGS 84 ellipsoid, in km.

    >>> from shapely.geometry import LineString
    >>> round(geodesic_length_km(LineString([(30.0, 50.0), (31.0, 50.0)])), 1)
    71.7
    """
    return _geod().geometry_length(line) / 1000.0


def geodesic_area_km2(geometry) -> float:
    """Area of a (multi)polygon on the WGS 84 ellipsoid, in km².

    >>> from shapely.geometry import box
    >>> round(geodesic_area_km2(box(30.0, 50.0, 31.0, 51.0)))
    7892
    """
    area, _ = _geod().geometry_area_perimeter(geometry)
    return abs(area) / 1e6


def round_coordinates(value, digits: int):
    """GeoJSON coordinates (nested lists or tuples) rounded to ``digits`` decimals.

    >>> round_coordinates(((30.1234567, 50.0), (31.0, 49.9999999)), 6)
    [[30.123457, 50.0], [31.0, 50.0]]
    """
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, list | tuple):
        return [round_coordinates(v, digits) for v in value]
    return value


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on a sphere of the Earth's mean radius, in km: for "within N km"
    (the resolver, the map's first view), where pyproj's ellipsoid is not needed.

    >>> round(great_circle_km(50.45, 30.52, 49.99, 36.23))  # Kyiv to Kharkiv
    409
    """
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def pieces(geometry, geom_type: str) -> list:
    """The non-empty ``geom_type`` pieces ("Polygon", "LineString") of ``geometry``,
    however nested: what an intersection or a repair leaves of that type.

    >>> from shapely.geometry import GeometryCollection, Point, box
    >>> [p.bounds for p in pieces(GeometryCollection([Point(0, 0), box(0, 0, 1, 1)]), "Polygon")]
    [(0.0, 0.0, 1.0, 1.0)]
    """
    import shapely

    found = []
    for part in shapely.get_parts(geometry):
        if part.geom_type == geom_type:
            if not part.is_empty:
                found.append(part)
        elif part.geom_type.startswith("Multi") or part.geom_type == "GeometryCollection":
            found.extend(pieces(part, geom_type))
    return found
