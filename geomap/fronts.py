"""Where each war's line of contact runs, as the sketches shipped in
``geomap/sketches/`` draw it: their settlements geocoded, and one place that
stands for the whole line ("a ceasefire along the entire line of contact").

Light on purpose (no shapely): the extractors read it for every article.
"""

from __future__ import annotations

import csv
import itertools
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import GeomapError
from .gazetteer.index import Gazetteer
from .gazetteer.names import name_key
from .gazetteer.vocabulary import PlaceKind
from .geometry import great_circle_km
from .model import Place

SKETCHES = Path(__file__).parent / "sketches"


@dataclass(frozen=True, slots=True)
class Sketch:
    """A sketch's metadata, its settlements' (lon, lat) in order, and the same
    with the anchors beyond the coast and the border that close it."""

    meta: dict[str, str]
    points: list[tuple[float, float]]
    closing: list[tuple[float, float]]


def _metadata(lines: list[str]) -> dict[str, str]:
    meta = {}
    for line in lines:
        if line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
    return meta


def read_sketch_points(path: Path, gazetteer: Gazetteer) -> Sketch:
    """Geocode a settlement list (see ``geomap/sketches/*.csv``): each named
    settlement is the most populous town of that name in the sketch's
    country and the row's region."""
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
    return Sketch(meta, points, closing)


def _halfway(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The (lon, lat) halfway along a line of (lon, lat) points, by distance."""
    pairs = list(itertools.pairwise(points))
    legs = [great_circle_km(a[1], a[0], b[1], b[0]) for a, b in pairs]
    left = sum(legs) / 2
    for (a, b), leg in zip(pairs, legs, strict=True):
        if leg >= left:
            share = left / leg if leg else 0.0
            return (a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share)
        left -= leg
    return points[-1]


@cache
def _front_lines(gazetteer: Gazetteer) -> dict[str, Place]:
    found = {}
    for path in sorted(SKETCHES.glob("*.csv")):
        try:
            sketch = read_sketch_points(path, gazetteer)
        except GeomapError:
            continue  # a gazetteer without its towns (a small test one): no line
        code = sketch.meta.get("country_code", "")
        lon, lat = _halfway(sketch.points)
        found[code] = Place(
            f"geomap:line-of-contact-{code.lower()}",
            "line of contact",
            PlaceKind.REGION,
            round(lat, 4),
            round(lon, 4),
            code,
            geo_precision=3,
        )
    return found


def line_of_contact(gazetteer: Gazetteer, country_code: str) -> Place | None:
    """The place that stands for the line of contact of the war in the
    country ``country_code`` (the point halfway along its sketch, geo
    precision 3), or None where geomap ships no sketch for it."""
    return _front_lines(gazetteer).get(country_code)
