"""Front lines and occupied areas: reported figures next to measured ones.

A front line is a dated ``LineString``: either a reference line shipped in
``seeds/frontlines/`` (an ordered list of settlements, geocoded by geomap's
own gazetteer) or a user's GeoJSON line (``--frontline FILE``). Lengths and
areas are geodesic (pyproj, WGS 84). The occupied area is the part of the
country's outline on the far side of the line from its capital.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, shape
from shapely.ops import split

from .errors import GeomapError
from .gazetteer.index import Gazetteer
from .gazetteer.names import name_key
from .gazetteer.vocabulary import PlaceKind
from .geometry import geodesic_area_km2, geodesic_length_km
from .layers import Feature, stable_id
from .model import Event
from .outlines import country_outline


@dataclass(frozen=True, slots=True)
class FrontLine:
    """A line of contact: the measured part and the anchors that close it."""

    country_code: str
    as_of: str
    source: str
    line: LineString
    closing_line: LineString  # with anchors beyond the coast/border, used to cut areas
    name: str = "Front line"


def _metadata(lines: list[str]) -> dict[str, str]:
    meta = {}
    for line in lines:
        if line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
    return meta


def read_reference_line(path: Path, gazetteer: Gazetteer) -> FrontLine:
    """Geocode a settlement list (see ``seeds/frontlines/*.csv``) into a line."""
    text = path.read_text(encoding="utf-8").splitlines()
    meta = _metadata(text)
    country = meta.get("country_code", "")
    points, closing = [], []
    for row in csv.DictReader(line for line in text if not line.startswith("#")):
        if row.get("lat") and row.get("lon"):
            closing.append((float(row["lon"]), float(row["lat"])))
            continue
        admin1 = name_key(row.get("admin1") or "")
        options = [
            c.place
            for c in gazetteer.lookup(row["settlement"], limit=200)
            if c.place.country_code == country and c.place.kind == PlaceKind.POPULATED_PLACE
        ]
        options.sort(
            key=lambda p: (not name_key(p.admin1 or "").startswith(admin1), -p.population, p.id)
        )
        if not options:
            raise GeomapError(
                f"{path}: settlement {row['settlement']!r} is not in the "
                "gazetteer; fix its spelling or give lat/lon"
            )
        point = (options[0].lon, options[0].lat)
        points.append(point)
        closing.append(point)
    if len(points) < 2:
        raise GeomapError(f"{path}: a front line needs at least two settlements")
    return FrontLine(
        country,
        meta.get("as_of", ""),
        meta.get("source", str(path)),
        LineString(points),
        LineString(closing),
    )


def read_user_line(path: Path, *, country_code: str | None = None) -> FrontLine:
    """A front line from a GeoJSON file (a LineString feature or geometry)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GeomapError(f"{path}: cannot read the front line ({err})") from err
    features = data.get("features", [data]) if isinstance(data, dict) else []
    for feature in features:
        geometry = feature.get("geometry", feature) if isinstance(feature, dict) else None
        if isinstance(geometry, dict) and geometry.get("type") in ("LineString", "MultiLineString"):
            line = shape(geometry)
            if line.geom_type == "MultiLineString":
                line = LineString([c for part in line.geoms for c in part.coords])
            props = feature.get("properties") or {}
            return FrontLine(
                country_code or str(props.get("country_code") or ""),
                str(props.get("as_of") or ""),
                str(props.get("source") or Path(path).name),
                line,
                line,
                str(props.get("name") or "Front line"),
            )
    raise GeomapError(f"{path}: no LineString in this GeoJSON; export the front line as a line")


def load_reference_lines(folder: Path, gazetteer: Gazetteer) -> list[FrontLine]:
    """Every reference line in ``folder`` (newest ``as_of`` first)."""
    lines = [read_reference_line(p, gazetteer) for p in sorted(folder.glob("*.csv"))]
    return sorted(lines, key=lambda f: f.as_of, reverse=True)


def _extend(line: LineString, degrees: float) -> LineString:
    coords = list(line.coords)

    def beyond(a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        norm = (dx * dx + dy * dy) ** 0.5 or 1.0
        return (b[0] + dx / norm * degrees, b[1] + dy / norm * degrees)

    return LineString([beyond(coords[1], coords[0]), *coords, beyond(coords[-2], coords[-1])])


def occupied_area(front: FrontLine, outline, capital: Point):
    """The part of ``outline`` beyond ``front`` as seen from ``capital`` (None if the
    line does not cut the country in two)."""
    minx, miny, maxx, maxy = outline.bounds
    frame = box(minx - 3, miny - 3, maxx + 3, maxy + 3)
    pieces = list(split(frame, _extend(front.closing_line, 30.0)).geoms)
    if len(pieces) < 2:
        return None
    far = [p for p in pieces if not p.contains(capital)]
    beyond = outline.intersection(MultiPolygon([p for p in far if isinstance(p, Polygon)]))
    if beyond.is_empty:
        return None
    if beyond.geom_type == "Polygon":
        beyond = MultiPolygon([beyond])
    elif beyond.geom_type != "MultiPolygon":
        beyond = MultiPolygon([g for g in getattr(beyond, "geoms", []) if g.geom_type == "Polygon"])
    return beyond


def _latest_claim(events: Iterable[Event], layer: str) -> Event | None:
    claims = [e for e in events if e.layer == layer]
    return max(
        claims, key=lambda e: (e.event_date or dt.date.min, e.doc_id, e.quote_start), default=None
    )


def frontline_features(
    events: Sequence[Event], fronts: Sequence[FrontLine], countries: set[str]
) -> list[Feature]:
    """One feature per front line of a country the articles talk about, with the
    reported length (latest claim) next to the measured one."""
    claim = _latest_claim(events, "frontline")
    features = []
    for front in fronts:
        if front.country_code and front.country_code not in countries:
            continue
        figure = claim.figures["claimed_length_km"] if claim else None
        features.append(
            Feature(
                front.line,
                {
                    "id": stable_id("frontline", front.country_code, front.as_of, front.source),
                    "name": front.name,
                    "as_of": front.as_of or None,
                    "source": claim.source if claim else None,
                    "claimed_length_km": figure.value if figure else None,
                    "claimed_hedge": figure.hedge if figure else None,
                    "measured_length_km": round(geodesic_length_km(front.line), 1),
                    "notes": claim.quote if claim else None,
                    "doc_id": claim.doc_id if claim else None,
                    "quote_start": claim.quote_start if claim else None,
                    "quote_end": claim.quote_end if claim else None,
                    "line_source": front.source,
                },
            )
        )
    return features


def occupation_features(
    events: Sequence[Event], fronts: Sequence[FrontLine], gazetteer: Gazetteer
) -> list[Feature]:
    """One feature per occupation claim; where a front line and the country's
    outline are available, the occupied area as a polygon with its computed share."""
    features = []
    areas: dict[str, tuple] = {}
    for claim in (e for e in events if e.layer == "occupation"):
        country = claim.place
        code = country.country_code if country else None
        if code and code not in areas:
            areas[code] = _occupied(code, fronts, gazetteer)
        polygon, share, area_km2, as_of = areas.get(code, (None, None, None, None))
        figure = claim.figures["claimed_share_pct"]
        occupied = claim.sub_event_type == "occupied"
        features.append(
            Feature(
                polygon if occupied else None,
                {
                    "id": stable_id("occupation", claim.doc_id, claim.quote_start, figure.value),
                    "name": f"{'Occupied' if occupied else 'Change in'} area of {country.name}",
                    "country_code": code,
                    "as_of": as_of if occupied else None,
                    "claimed_share_pct": figure.value,
                    "claimed_hedge": figure.hedge,
                    "claim_kind": claim.sub_event_type,
                    "computed_share_pct": share if occupied else None,
                    "area_km2": area_km2 if occupied else None,
                    "notes": claim.quote,
                    "doc_id": claim.doc_id,
                    "source": claim.source,
                    "quote_start": claim.quote_start,
                    "quote_end": claim.quote_end,
                },
            )
        )
    return features


def _occupied(code: str, fronts: Sequence[FrontLine], gazetteer: Gazetteer):
    front = next((f for f in fronts if f.country_code == code), None)
    capital = gazetteer.capital(code)
    outline = country_outline(code) if front and capital else None
    if outline is None:
        return None, None, None, None
    area = occupied_area(front, outline, Point(capital.lon, capital.lat))
    if area is None:
        return None, None, None, None
    occupied_km2 = geodesic_area_km2(area)
    share = round(100.0 * occupied_km2 / geodesic_area_km2(outline), 1)
    return area.simplify(0.005), share, round(occupied_km2), front.as_of
