"""Geodesic measures (pyproj, WGS 84) and coordinate rounding shared by the
layers, the front line and the writers."""

from __future__ import annotations

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
