"""Front lines and occupied areas: reported figures beside the geometry they are
compared with.

Each claim is compared with a :class:`~geomap.territory.Reference` for its
country and date, which :class:`References` takes from, in this order:

1. occupied-area snapshots (``--occupied FILE|DIR``, or the files that
   ``geomap frontline fetch`` saved): the measured line of contact and share,
   from the snapshot nearest the claim's date on or before it;
2. a user's line (``--frontline FILE``): its measured length, and the area
   beyond it as seen from the capital;
3. the sketch shipped in ``geomap/sketches/``: a sketch length and a sketch
   share, never called measured.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import split

from .errors import GeomapError
from .fronts import SKETCHES, read_sketch_points
from .gazetteer.index import Gazetteer
from .gazetteer.vocabulary import PlaceKind
from .geometry import geodesic_area_km2, geodesic_length_km, pieces
from .layers import Feature, stable_id
from .model import Event
from .outlines import country_area_km2, country_of, country_outline, region_outline
from .territory import (
    LINE,
    MEASURED,
    SKETCH,
    Reference,
    Snapshot,
    length_at_resolution,
    measure,
    share_of_country,
    snapshot_on,
    within_region,
)


@dataclass(frozen=True, slots=True)
class DrawnLine:
    """A front line drawn as a line: a user's, or the shipped sketch."""

    country_code: str
    as_of: str
    source: str
    line: LineString
    closing_line: LineString  # with anchors beyond the coast/border, to cut areas
    geometry_kind: str  # LINE or SKETCH


def read_sketch(path: Path, gazetteer: Gazetteer) -> DrawnLine:
    """Geocode a settlement list (see ``geomap/sketches/*.csv``) into a line."""
    sketch = read_sketch_points(path, gazetteer)
    return DrawnLine(
        sketch.meta.get("country_code", ""),
        sketch.meta.get("as_of", ""),
        "geomap's sketch",
        LineString(sketch.points),
        LineString(sketch.closing),
        SKETCH,
    )


def read_sketches(gazetteer: Gazetteer, folder: Path = SKETCHES) -> list[DrawnLine]:
    """Every sketch shipped with geomap."""
    return [read_sketch(p, gazetteer) for p in sorted(folder.glob("*.csv"))]


def read_user_line(path: Path, *, country_code: str | None = None) -> DrawnLine:
    """A front line from a GeoJSON file (a LineString feature or geometry)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise GeomapError(f"{path}: cannot read the front line ({err})") from err
    features = data.get("features", [data]) if isinstance(data, dict) else []
    for feature in features:
        geometry = feature.get("geometry", feature) if isinstance(feature, dict) else None
        if isinstance(geometry, dict) and geometry.get("type") in ("LineString", "MultiLineString"):
            try:
                line = shape(geometry)
            except (ValueError, TypeError, AttributeError, IndexError) as err:
                raise GeomapError(f"{path}: a broken line ({err})") from err
            if line.geom_type == "MultiLineString":
                line = LineString([c for part in line.geoms for c in part.coords])
            props = feature.get("properties") or {}
            code = country_code or props.get("country_code") or country_of(line) or ""
            return DrawnLine(
                str(code).upper(),
                str(props.get("as_of") or ""),
                str(props.get("source") or Path(path).name),
                line,
                line,
                LINE,
            )
    raise GeomapError(f"{path}: no LineString in this GeoJSON; export the front line as a line")


def _extend(line: LineString, degrees: float) -> LineString:
    coords = list(line.coords)

    def beyond(a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        norm = (dx * dx + dy * dy) ** 0.5 or 1.0
        return (b[0] + dx / norm * degrees, b[1] + dy / norm * degrees)

    return LineString([beyond(coords[1], coords[0]), *coords, beyond(coords[-2], coords[-1])])


def cut_area(line: LineString, outline: BaseGeometry, capital: Point) -> MultiPolygon | None:
    """The part of ``outline`` beyond ``line`` as seen from ``capital`` (None if the
    line does not cut the country in two)."""
    minx, miny, maxx, maxy = outline.bounds
    frame = box(minx - 3, miny - 3, maxx + 3, maxy + 3)
    sides = list(split(frame, _extend(line, 30.0)).geoms)
    if len(sides) < 2:
        return None
    far = [p for p in sides if not p.contains(capital)]
    beyond = outline.intersection(MultiPolygon([p for p in far if isinstance(p, Polygon)]))
    parts = pieces(beyond, "Polygon")
    return MultiPolygon(parts) if parts else None


class References:
    """What claims are compared with, per country and date (see the module's
    docstring). Snapshots are measured when a claim first needs them, once."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        snapshots: Sequence[Snapshot] = (),
        lines: Sequence[DrawnLine] = (),
    ) -> None:
        self._gazetteer = gazetteer
        self._snapshots: dict[str, list[Snapshot]] = {}
        if snapshots:
            # One file or one archive: a country for the files that do not name one.
            default = snapshots[-1].country_code or country_of(snapshots[-1].area)
            for snapshot in snapshots:
                code = snapshot.country_code or default
                if code:
                    self._snapshots.setdefault(code, []).append(snapshot)
        self._lines = {line.country_code: line for line in lines if line.country_code}
        self._measured: dict[tuple[str, str, str], Reference] = {}

    def countries(self) -> set[str]:
        return set(self._snapshots) | set(self._lines)

    def for_claim(self, country_code: str | None, date: dt.date | None) -> Reference | None:
        """The reference for a claim about ``country_code`` made on ``date`` (the
        newest when ``date`` is None); None when there is nothing to compare with."""
        if not country_code:
            return None
        if country_code in self._snapshots:
            snapshot = snapshot_on(self._snapshots[country_code], date)
            return self._measure(country_code, snapshot) if snapshot else None
        line = self._lines.get(country_code)
        return self._from_line(line) if line else None

    def _measure(self, code: str, snapshot: Snapshot) -> Reference:
        key = (code, snapshot.as_of, snapshot.source)
        if key not in self._measured:
            outline = country_outline(code)
            if outline is None:
                raise GeomapError(f"{snapshot.source}: no outline for country {code!r}")
            country = self._gazetteer.country(code)
            self._measured[key] = measure(
                snapshot,
                code,
                outline,
                country_area_km2=country_area_km2(code),
                country_name=country.name if country else None,
            )
        return self._measured[key]

    def _from_line(self, drawn: DrawnLine) -> Reference:
        key = (drawn.country_code, drawn.as_of, drawn.source)
        if key not in self._measured:
            self._measured[key] = _line_reference(drawn, self._gazetteer)
        return self._measured[key]


def _line_reference(drawn: DrawnLine, gazetteer: Gazetteer) -> Reference:
    code = drawn.country_code
    capital = gazetteer.capital(code)
    outline = country_outline(code) if capital else None
    area = (
        cut_area(drawn.closing_line, outline, Point(capital.lon, capital.lat)) if outline else None
    )
    share = share_of = area_km2 = None
    if area is not None:
        country = gazetteer.country(code)
        area_km2 = geodesic_area_km2(area)
        share, share_of = share_of_country(
            area_km2,
            geodesic_area_km2(outline),
            country_area_km2=country_area_km2(code),
            country_name=country.name if country else None,
        )
    return Reference(
        code,
        drawn.as_of,
        drawn.source,
        drawn.geometry_kind,
        drawn.line,
        round(geodesic_length_km(drawn.line), 1),
        round(length_at_resolution(drawn.line), 1),
        area.simplify(0.005) if area is not None else None,
        round(area_km2) if area_km2 is not None else None,
        share,
        share_of,
    )


def _km(value: float) -> str:
    return f"{value:,.0f} km"


def _where_from(ref: Reference) -> str:
    if ref.geometry_kind == SKETCH:
        return f"geomap's sketch of {ref.as_of}, not a measurement"
    return f"{ref.source} {ref.as_of}".strip()


def length_summary(claimed: float | None, ref: Reference | None) -> str:
    """ "reported 1,200 km / measured 1,302 km (1,185 km at 1 km resolution),
    DeepStateMap 2026-02-01", or with "sketch length" for the sketch."""
    reported = f"reported {_km(claimed)}" if claimed is not None else "reported n/a"
    if ref is None or ref.length_km is None:
        return f"{reported}; no line to compare with"
    if ref.geometry_kind == SKETCH:
        return f"{reported} / sketch length {_km(ref.length_km)} ({_where_from(ref)})"
    resolution = (
        f" ({_km(ref.length_km_1km)} at 1 km resolution)"
        if ref.geometry_kind == MEASURED and ref.length_km_1km is not None
        else ""
    )
    return f"{reported} / measured {_km(ref.length_km)}{resolution}, {_where_from(ref)}"


def frontline_features(
    events: Sequence[Event], references: References, countries: set[str]
) -> list[Feature]:
    """One feature per front-line claim, its line the reference for its country
    and date; and one line for each other country the articles name that has
    a reference, so the line is drawn even where no length is reported."""
    claims = sorted(
        (e for e in events if e.layer == "frontline"), key=lambda e: (e.doc_id, e.quote_start)
    )
    fallback = next(iter(sorted(countries & references.countries())), None)
    features, claimed = [], set()
    for claim in claims:
        code = (claim.place.country_code if claim.place else None) or fallback
        ref = references.for_claim(code, claim.event_date)
        figure = claim.figures["claimed_length_km"]
        claimed.add(code)
        features.append(_frontline_feature(code, ref, claim, figure.value, figure.hedge))
    for code in sorted((countries & references.countries()) - claimed):
        ref = references.for_claim(code, None)
        if ref is not None:
            features.append(_frontline_feature(code, ref, None, None, None))
    return features


def _frontline_feature(code, ref: Reference | None, claim: Event | None, value, hedge) -> Feature:
    kind = ref.geometry_kind if ref else None
    line = ref.line if ref else None
    return Feature(
        MultiLineString([line]) if isinstance(line, LineString) else line,
        {
            "id": stable_id(
                "frontline",
                code,
                claim.doc_id if claim else "",
                claim.quote_start if claim else "",
                ref.as_of if ref else "",
            ),
            "name": "Front line (sketch)" if kind == SKETCH else "Front line",
            "country_code": code,
            "geometry_kind": kind,
            "as_of": ref.as_of if ref else None,
            "line_source": ref.source if ref else None,
            "claimed_length_km": value,
            "claimed_hedge": hedge,
            "measured_length_km": ref.length_km if kind in (MEASURED, LINE) else None,
            "measured_length_km_1km": ref.length_km_1km if kind in (MEASURED, LINE) else None,
            "sketch_length_km": ref.length_km if kind == SKETCH else None,
            "summary": length_summary(value, ref),
            "event_date": claim.event_date.isoformat() if claim and claim.event_date else None,
            "time_precision": claim.time_precision if claim else None,
            "source": claim.source if claim else None,
            "notes": claim.quote if claim else None,
            "doc_id": claim.doc_id if claim else None,
            "quote_start": claim.quote_start if claim else None,
            "quote_end": claim.quote_end if claim else None,
        },
    )


def share_summary(claimed: float, ref: Reference | None, of: str) -> str:
    """ "reported 20% / computed 19.29% of 603,700 km² (…), DeepStateMap 2026-02-01"."""
    reported = f"reported {claimed:g}% of {of}"
    if ref is None or ref.share_pct is None:
        return f"{reported}; no area to compare with"
    if ref.geometry_kind == SKETCH:
        return f"{reported} / sketch {ref.share_pct:g}% ({_where_from(ref)})"
    return f"{reported} / computed {ref.share_pct:g}% of {ref.share_of}, {_where_from(ref)}"


def area_summary(claimed: float, ref: Reference, of: str) -> str:
    """ "reported 600 km² of Kursk Oblast / computed 480 km², DeepStateMap 2026-02-01"."""
    reported = f"reported {claimed:,.0f} km² of {of}"
    if ref.area_km2 is None:
        return f"{reported}; no area to compare with"
    if ref.geometry_kind == SKETCH:
        return f"{reported} / sketch {ref.area_km2:,.0f} km² ({_where_from(ref)})"
    return f"{reported} / computed {ref.area_km2:,.0f} km², {_where_from(ref)}"


def change_summary(claimed: float, change: float | None, then: Reference | None, now) -> str:
    reported = f"reported a change of {claimed:g} points"
    if change is None:
        return f"{reported}; no earlier snapshot to compare with"
    return f"{reported} / computed {change:+.2f} points, {_where_from(then)} to {now.as_of}"


def occupation_features(events: Sequence[Event], references: References) -> list[Feature]:
    """One feature per share claim. A claim on a country's occupied share has the
    reference's occupied area as its geometry and the computed share beside
    the reported one (or the computed km² beside a reported area: "holds 600
    square kilometres of the Kursk region"); a claimed change ("gained 1.5% since early 2024") is
    computed where snapshots on both dates exist. A region's share ("99% of
    the Luhansk region") is computed within the region's outline. Other claims
    (a town's share) keep their place, quote and source, with no geometry."""
    features = []
    for claim in sorted(
        (e for e in events if e.layer == "occupation"), key=lambda e: (e.doc_id, e.quote_start)
    ):
        place = claim.place
        share = claim.figures.get("claimed_share_pct")
        area = claim.figures.get("claimed_area_km2")
        figure = share or area
        is_country = place is not None and place.kind == PlaceKind.COUNTRY
        region = region_outline(place) if place is not None and not is_country else None
        code = place.country_code if place else None
        ref = references.for_claim(code, claim.event_date) if is_country or region else None
        if region is not None and ref is not None:
            ref = within_region(ref, region, place.name)
        props = {
            "id": stable_id("occupation", claim.doc_id, claim.quote_start, figure.value),
            "name": _claim_name(
                claim.sub_event_type, place.name if place else "?", "share" if share else "area"
            ),
            "location": place.name if place else None,
            "country_code": code,
            "latitude": place.lat if place else None,
            "longitude": place.lon if place else None,
            "claimed_share_pct": share.value if share else None,
            "claimed_area_km2": area.value if area else None,
            "claimed_hedge": figure.hedge,
            "claim_kind": claim.sub_event_type,
            "event_date": claim.event_date.isoformat() if claim.event_date else None,
            "time_precision": claim.time_precision,
            "actor1": claim.actor1,
            "notes": claim.quote,
            "doc_id": claim.doc_id,
            "source": claim.source,
            "quote_start": claim.quote_start,
            "quote_end": claim.quote_end,
        }
        geometry = None
        since = claim.details.get("since")
        if claim.sub_event_type == "occupied" and ref is not None:
            geometry = ref.area
            props |= _share_props(ref)
            props["summary"] = (
                share_summary(share.value, ref, place.name)
                if share
                else area_summary(area.value, ref, place.name)
            )
        elif area:
            props["summary"] = (
                f"reported {area.value:,.0f} km² ({claim.sub_event_type})"
                f"{' of ' + place.name if place else ''}; no area to compare with"
            )
        elif since and ref is not None and ref.geometry_kind == MEASURED:
            then = references.for_claim(code, dt.date.fromisoformat(since))
            change = (
                round(ref.share_pct - then.share_pct, 2)
                if then is not None and then.as_of and then.as_of <= since
                else None
            )
            props |= {"computed_change_pct": change, "geometry_kind": MEASURED}
            props["as_of"] = ref.as_of
            props["summary"] = change_summary(figure.value, change, then, ref)
        else:
            props["summary"] = (
                f"reported {figure.value:g}% ({claim.sub_event_type})"
                f"{' of ' + place.name if place else ''}; no geometry to compare with"
            )
        features.append(Feature(geometry, props))
    return features


def _claim_name(kind: str, place: str, what: str = "share") -> str:
    """ "Occupied share of Ukraine", "Share of Ukraine gained since early 2024",
    "Occupied area of Kursk Oblast" (``what``: "share" or "area")."""
    if kind == "occupied":
        return f"Occupied {what} of {place}"
    return f"{what.capitalize()} of {place} {kind}"


def _share_props(ref: Reference) -> dict:
    measured = ref.geometry_kind != SKETCH
    return {
        "geometry_kind": ref.geometry_kind,
        "as_of": ref.as_of or None,
        "area_source": ref.source,
        "computed_share_pct": ref.share_pct if measured else None,
        "sketch_share_pct": ref.share_pct if not measured else None,
        "share_of": ref.share_of,
        "area_km2": ref.area_km2,
    }
