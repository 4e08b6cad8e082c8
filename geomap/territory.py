"""Occupied territory from dated polygons: the occupied part of a country, its
share of the country and its line of contact.

A :class:`Snapshot` is what a user's file holds (a DeepStateMap daily file,
an analyst's own polygon). :func:`measure` turns it into a :class:`Reference`,
the geometry that reported figures are compared with. The method:

1. The polygons are unioned, made valid and clipped to the country's outline
   (Natural Earth 10m, see :mod:`geomap.outlines`).
2. The share is the occupied area over the country's area as GeoNames
   records it (603,700 km² for Ukraine: the stated territory, which is what
   "20% of Ukraine" counts against); the share of the outline is given too.
   Areas are geodesic (pyproj, WGS 84).
3. The line of contact is the occupied area's boundary where it faces the
   held mainland, the largest part of what the outline keeps once the
   occupied area is cut away. The state border and the coast face nothing
   held, so they drop out; the river front stays in.
4. Slivers: where the polygon and the outline draw a border or a coast a
   little apart, thin strips of "held" land are left between them. A
   morphological opening of the held land by :data:`SLIVER_M` (in a local
   equal-area projection) removes every strip narrower than twice that
   before the held mainland is chosen, so those strips add no line.
5. Lengths are geodesic, at full resolution and after a Douglas–Peucker
   simplification at :data:`RESOLUTION_M` (about 1 km).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import MultiLineString, MultiPolygon, shape
from shapely.geometry.base import BaseGeometry

from .errors import GeomapError
from .geometry import geodesic_area_km2, geodesic_length_km, pieces

SLIVER_M = 500.0  # held strips narrower than twice this are outline disagreements
RESOLUTION_M = 1000.0  # "the line at about 1 km resolution"
_DENSIFY_DEG = 0.01
_ON_EDGE_M = 1.0  # a boundary this close to the outline's edge lies on it
MEASURED = "measured"  # from an occupied-area polygon
LINE = "line"  # a user's line: measured length, area cut by the line
SKETCH = "sketch"  # the shipped sketch: neither length nor area is a measurement

# Who publishes the archives whose files are known by name (prefix → source).
ARCHIVES = {"deepstatemap_data_": "DeepStateMap"}
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """An occupied (or controlled) area on one date, as a user's file gives it."""

    area: BaseGeometry  # a valid (Multi)Polygon in lon/lat
    as_of: str  # ISO date, or "" when the file does not say
    source: str
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """The geometry that claims about one country on one date are compared with.

    ``geometry_kind`` says what the figures are: :data:`MEASURED` from an
    occupied-area polygon, :data:`LINE` from a user's line, :data:`SKETCH`
    from the shipped sketch (its figures are no measurements).
    """

    country_code: str
    as_of: str
    source: str
    geometry_kind: str
    line: BaseGeometry | None
    length_km: float | None
    length_km_1km: float | None
    area: MultiPolygon | None = None
    area_km2: float | None = None
    share_pct: float | None = None
    share_of: str | None = None  # the denominator, in words
    share_of_outline_pct: float | None = None

    def summary(self) -> dict:
        """The figures as one JSON-ready dict (``geomap frontline FILE``)."""
        return {
            "country_code": self.country_code,
            "as_of": self.as_of or None,
            "source": self.source,
            "geometry_kind": self.geometry_kind,
            "line_length_km": self.length_km,
            "line_length_km_1km": self.length_km_1km,
            "line_parts": len(getattr(self.line, "geoms", [self.line])) if self.line else 0,
            "occupied_area_km2": self.area_km2,
            "share_pct": self.share_pct,
            "share_of": self.share_of,
            "share_of_outline_pct": self.share_of_outline_pct,
        }


def read_snapshots(path: Path, *, as_of: dt.date | None = None) -> list[Snapshot]:
    """The snapshots in a GeoJSON file, or in every ``*.geojson``/``*.json`` file of
    a folder, oldest first. A file's date is ``as_of``, else its ``as_of`` or
    ``date`` property, else a date in its name (``…_20260201.geojson``)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".geojson", ".json"))
        if not files:
            raise GeomapError(f"{path}: no .geojson files of occupied areas in this folder")
    else:
        files = [path]
    snapshots = [_read_snapshot(p, as_of) for p in files]
    undated = [s.source for s in snapshots if not s.as_of]
    if len(snapshots) > 1 and undated:
        raise GeomapError(
            f"{path}: no date for {undated[0]}: name it …_YYYYMMDD.geojson or give it an "
            "as_of property"
        )
    return sorted(snapshots, key=lambda s: (s.as_of, s.source))


def _read_snapshot(path: Path, as_of: dt.date | None) -> Snapshot:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise GeomapError(f"{path}: cannot read the occupied area ({err})") from err
    if not isinstance(data, dict):
        raise GeomapError(f"{path}: not a GeoJSON object")
    features = data.get("features") if data.get("type") == "FeatureCollection" else [data]
    polygons, props = [], {}
    for feature in features or []:
        if not isinstance(feature, dict):
            continue
        geometry = feature.get("geometry", feature) if feature.get("type") == "Feature" else feature
        if isinstance(geometry, dict) and geometry.get("type") in ("Polygon", "MultiPolygon"):
            try:
                polygons.append(shapely.force_2d(shape(geometry)))
            except (ValueError, TypeError, AttributeError, IndexError) as err:
                raise GeomapError(f"{path}: a broken polygon ({err})") from err
            props = props or (feature.get("properties") or {})
    if not polygons:
        raise GeomapError(f"{path}: no Polygon or MultiPolygon: export the occupied area as one")
    area = shapely.make_valid(shapely.union_all([shapely.make_valid(p) for p in polygons]))
    area = _polygons(area)
    if area.is_empty:
        raise GeomapError(f"{path}: the occupied area is empty")
    date = as_of.isoformat() if as_of else _date_of(props, path.name)
    publisher = next((v for k, v in ARCHIVES.items() if path.name.startswith(k)), path.name)
    source = str(props.get("source") or publisher)
    code = props.get("country_code")
    return Snapshot(area, date, source, str(code).upper() if code else None)


def _date_of(props: dict, name: str) -> str:
    for value in (props.get("as_of"), props.get("date"), name):
        found = _FILE_DATE.search(str(value or ""))
        if found:
            try:
                return dt.date(*map(int, found.groups())).isoformat()
            except ValueError:
                continue
    return ""


def snapshot_on(snapshots: Sequence[Snapshot], date: dt.date | None) -> Snapshot | None:
    """The snapshot nearest ``date`` on or before it (None if all are later); the
    newest when ``date`` is None. A single snapshot is the one the user chose: it
    is used whatever its date (the layers show the date)."""
    if len(snapshots) == 1 or (snapshots and date is None):
        return snapshots[-1]
    day = date.isoformat() if date else ""
    return max((s for s in snapshots if s.as_of <= day), key=lambda s: s.as_of, default=None)


def _polygons(geometry: BaseGeometry) -> MultiPolygon:
    """The polygonal part of ``geometry`` (clipping leaves stray lines and points)."""
    return MultiPolygon(pieces(geometry, "Polygon"))


def _projection(geometry: BaseGeometry):
    """To and from a Lambert equal-area projection centred on ``geometry``, in metres."""
    import numpy as np
    from pyproj import Transformer

    centre = geometry.centroid
    crs = f"+proj=laea +lat_0={centre.y:.4f} +lon_0={centre.x:.4f} +datum=WGS84 +units=m"
    there = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    back = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def forward(geom):
        # Densified first: a long straight edge in lon/lat is a curve once projected.
        geom = shapely.segmentize(geom, _DENSIFY_DEG)
        return shapely.transform(geom, lambda xy: np.column_stack(there.transform(*xy.T)))

    def inverse(geom):
        return shapely.transform(geom, lambda xy: np.column_stack(back.transform(*xy.T)))

    return forward, inverse


def line_of_contact(
    occupied: BaseGeometry, country: BaseGeometry, *, sliver_m: float = SLIVER_M
) -> MultiLineString:
    """The boundary of ``occupied`` (within ``country``) that faces the held
    mainland, in lon/lat. See the module's docstring for the method."""
    forward, inverse = _projection(country)
    land = forward(country)
    taken = forward(occupied).intersection(land)
    held = _polygons(land.difference(taken))
    opened = _polygons(held.buffer(-sliver_m).buffer(sliver_m))
    if opened.is_empty or taken.is_empty:
        return MultiLineString()
    mainland = max(opened.geoms, key=lambda part: part.area)
    # Facing the mainland (within the opening's reach of it), and never the
    # outline's own edge: the state border and the coast are no front.
    front = taken.boundary.intersection(mainland.buffer(sliver_m))
    front = front.difference(land.boundary.buffer(_ON_EDGE_M))
    return _lines(inverse(shapely.line_merge(_lines(front))))


def _lines(geometry: BaseGeometry) -> MultiLineString:
    return MultiLineString([p for p in pieces(geometry, "LineString") if p.length > 0])


def length_at_resolution(line: BaseGeometry, metres: float = RESOLUTION_M) -> float:
    """The geodesic length (km) of ``line`` simplified at about ``metres``."""
    if line.is_empty:
        return 0.0
    forward, inverse = _projection(line)
    return geodesic_length_km(inverse(forward(line).simplify(metres)))


def share_of_country(
    area_km2: float,
    outline_km2: float,
    *,
    country_area_km2: float | None = None,
    country_name: str | None = None,
) -> tuple[float, str]:
    """The share (%, 2 decimals) of ``area_km2`` in the country, and its
    denominator in words: the stated area when known, else the outline's."""
    if country_area_km2:
        words = f"{country_area_km2:,.0f} km², {country_name or 'the country'}'s area in GeoNames"
        return round(100.0 * area_km2 / country_area_km2, 2), words
    return round(100.0 * area_km2 / outline_km2, 2), f"{outline_km2:,.0f} km², its outline"


def measure(
    snapshot: Snapshot,
    country_code: str,
    outline: BaseGeometry,
    *,
    country_area_km2: float | None = None,
    country_name: str | None = None,
) -> Reference:
    """Area, share and line of contact of ``snapshot`` in one country."""
    occupied = _polygons(snapshot.area.intersection(outline))
    if occupied.is_empty:
        raise GeomapError(
            f"{snapshot.source}: the occupied area does not overlap {country_code}'s outline"
        )
    area_km2 = geodesic_area_km2(occupied)
    outline_km2 = geodesic_area_km2(outline)
    share, share_of = share_of_country(
        area_km2, outline_km2, country_area_km2=country_area_km2, country_name=country_name
    )
    line = line_of_contact(occupied, outline)
    return Reference(
        country_code,
        snapshot.as_of,
        snapshot.source,
        MEASURED,
        line,
        round(geodesic_length_km(line), 1),
        round(length_at_resolution(line), 1),
        occupied,
        round(area_km2),
        share,
        share_of,
        round(100.0 * area_km2 / outline_km2, 2),
    )


def within_region(ref: Reference, region: BaseGeometry, name: str) -> Reference | None:
    """``ref`` narrowed to a region: the occupied part of it and its share of the
    region's outline (None when ``ref`` has no occupied area)."""
    if ref.area is None:
        return None
    part = _polygons(ref.area.intersection(region))
    region_km2 = geodesic_area_km2(region)
    part_km2 = geodesic_area_km2(part) if not part.is_empty else 0.0
    return dataclasses.replace(
        ref,
        area=part if not part.is_empty else None,
        area_km2=round(part_km2),
        share_pct=round(100.0 * part_km2 / region_km2, 2),
        share_of=f"{region_km2:,.0f} km², the outline of {name}",
        share_of_outline_pct=None,
    )
