"""Render the layers as one interactive Leaflet page with folium.

The page is lean (Leaflet, and MarkerCluster for dense layers; no jQuery,
Bootstrap or icon fonts), self-contained by default (the libraries are
inlined from the ``xstatic-leaflet`` packages, so it opens offline), safe
(article text travels as escaped JSON and reaches the DOM only through
``textContent``) and deterministic (element ids are fixed).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from shapely.geometry import mapping

from ..errors import GeomapError
from ..events.registry import BY_LAYER
from ..geometry import great_circle_km, round_coordinates
from ..layers import Layer
from ..model import Document
from .symbols import FIGURES, SYMBOLS

STATIC = Path(__file__).parent / "static"
CLUSTER_THRESHOLD = 200
CDN = "https://cdn.jsdelivr.net/npm"
FIRST_VIEW_SHARE = 0.6  # the first view holds at least this share of precise events
FIRST_VIEW_MIN_KM = 150.0
_CELL_DEG = 2.0


def feature_collection(layer: Layer) -> dict:
    """The layer as GeoJSON for the page: coordinates to 6 decimals, empty properties
    left out (the layer files keep them; the page need not carry them)."""
    features = []
    for feature in layer.features:
        if feature.geometry is None:
            continue  # a claim with nothing to draw: it stays in the layer files
        geometry = mapping(feature.geometry)
        properties = {k: v for k, v in feature.properties.items() if v is not None}
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": round_coordinates(geometry["coordinates"], 6),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


REGION_WEIGHT = 0.5  # an event placed at a region counts half a precise one


def _weighted_points(layers: Sequence[Layer]) -> list[tuple[float, float, float]]:
    """(lon, lat, weight) of the events that say where they happened: a precise
    one (geo precision 1 or 2) weighs 1, one placed at a named region
    :data:`REGION_WEIGHT`, one placed at a country nothing. Without events, the
    precise places; without those, every point."""
    regions = {
        f.properties["id"] for layer in layers if layer.name == "regions" for f in layer.features
    }
    events, places, every = [], [], []
    for layer in layers:
        for feature in layer.features:
            geometry = feature.geometry
            if geometry is None or geometry.geom_type != "Point":
                continue
            xy = (geometry.x, geometry.y)
            every.append((*xy, 1.0))
            precise = feature.properties.get("geo_precision") in (1, 2)
            if layer.name == "places":
                if precise:
                    places.append((*xy, 1.0))
            elif precise:
                events.append((*xy, 1.0))
            elif feature.properties.get("location_id") in regions:
                events.append((*xy, REGION_WEIGHT))
    return events or places or every


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Between two (lon, lat) points."""
    return great_circle_km(a[1], a[0], b[1], b[0])


def _cell(x: float, y: float) -> tuple[int, int]:
    return math.floor(x / _CELL_DEG), math.floor(y / _CELL_DEG)


def first_view(layers: Sequence[Layer]) -> list[list[float]] | None:
    """The map's first view, [[south, west], [north, east]]: the densest area of
    the events that say where they happened (see :func:`_weighted_points`),
    widened until it holds :data:`FIRST_VIEW_SHARE` of their weight.

    The seed is the 2° cell whose 3×3 neighbourhood weighs most; the view
    takes the events nearest its centre. Deterministic: ties go to the lowest
    cell.
    """
    points = _weighted_points(layers)
    if not points:
        return None
    cells: Counter = Counter()
    for x, y, w in points:
        cells[_cell(x, y)] += w

    def around(cell):
        return sum(
            cells.get((cell[0] + dx, cell[1] + dy), 0) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
        )

    seed = min(cells, key=lambda c: (-around(c), c))
    members = [(x, y, w) for x, y, w in points if _cell(x, y) == seed]
    weight = sum(w for _, _, w in members)
    centre = (
        sum(x * w for x, _, w in members) / weight,
        sum(y * w for _, y, w in members) / weight,
    )
    by_distance = sorted((_km(centre, (x, y)), x, y, w) for x, y, w in points)
    goal, held, radius = FIRST_VIEW_SHARE * sum(w for _, _, w in points), 0.0, 0.0
    for distance, _, _, w in by_distance:
        held, radius = held + w, distance
        if held >= goal - 1e-9:
            break
    radius = max(radius, FIRST_VIEW_MIN_KM)
    chosen = [(x, y) for d, x, y, _ in by_distance if d <= radius]
    xs, ys = [x for x, _ in chosen], [y for _, y in chosen]
    return [[round(min(ys), 4), round(min(xs), 4)], [round(max(ys), 4), round(max(xs), 4)]]


def _where(feature) -> list[list[float]] | None:
    """Where a claim is, as bounds: its geometry's, else its place's point."""
    if feature.geometry is not None:
        west, south, east, north = feature.geometry.bounds
        return [[round(south, 4), round(west, 4)], [round(north, 4), round(east, 4)]]
    lat, lon = feature.properties.get("latitude"), feature.properties.get("longitude")
    return [[lat, lon], [lat, lon]] if lat is not None and lon is not None else None


def _number(value: float) -> str:
    """1200.0 → "1,200"; 19.29 → "19.29"; 1200000.0 → "1,200,000"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def claims(layers: Sequence[Layer]) -> list[dict]:
    """Every claim of the claim layers (front-line lengths, shares, tolls), drawn or
    not, for the map's claims panel: its figures with their hedges, summary,
    quote, source, date and where to zoom."""
    listed = []
    for layer in layers:
        kind = BY_LAYER.get(layer.name)
        if kind is None or not kind.claim:
            continue
        for feature in layer.features:
            p = feature.properties
            if not p.get("notes"):
                continue  # a line drawn where no article reports a figure: no claim
            figures = [
                [label, " ".join(filter(None, (p.get(hedge) if hedge else None, _number(p[name]))))]
                for name, label, hedge in kind.figures
                if p.get(name) is not None
            ]
            listed.append(
                {
                    "id": p["id"],
                    "layer": layer.name,
                    "kind": kind.label,
                    "title": p.get("name") or p.get("location") or kind.label,
                    "figures": figures,
                    "summary": p.get("summary"),
                    "quote": (p.get("notes") or "").split(" | ")[0] or None,
                    "source": p.get("sources") or p.get("source"),
                    "date": p.get("event_date"),
                    "where": _where(feature),
                }
            )
    return listed


def geometry_note(layer: Layer) -> str | None:
    """What a claim layer's geometry is, for its legend entry: "sketch, 2026-02-01"."""
    kinds = sorted(
        {
            ", ".join(filter(None, (p.get("geometry_kind"), p.get("as_of"))))
            for p in (f.properties for f in layer.features if f.geometry is not None)
            if p.get("geometry_kind")
        }
    )
    return "; ".join(kinds) or None


def script_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, no ``<!--``."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _inline(tag: str, path: Path) -> str:
    body = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
    body = body.replace("//# sourceMappingURL=", "// ")
    return f"<{tag}>{body}</{tag}>"


def render_map(
    layers: Sequence[Layer],
    *,
    title: str,
    as_of: str,
    outline: dict | None = None,
    self_contained: bool = True,
    tiles: str | None = None,
) -> str:
    """Return the map page as HTML text: ``outline`` drawn under the layers,
    and ``tiles`` (see :func:`tile_layer`) under those when asked for."""
    import folium
    from branca.element import Element, MacroElement
    from jinja2 import Template

    payload = {
        "title": title,
        "as_of": as_of,
        "outline": outline,
        "view": first_view(layers),
        "claims": claims(layers),
        "layers": [
            {
                "name": layer.name,
                "label": SYMBOLS[layer.name][0],
                "color": SYMBOLS[layer.name][1],
                "figures": FIGURES.get(layer.name, []),
                "note": geometry_note(layer),
                "geometry": layer.geometry_type,
                "claim": layer.name in BY_LAYER and BY_LAYER[layer.name].claim,
                "cluster": len(layer.features) > CLUSTER_THRESHOLD,
                "geojson": feature_collection(layer),
            }
            for layer in layers
            if layer.features
        ],
    }
    fmap = folium.Map(
        location=[30, 20], zoom_start=3, tiles=None, control_scale=False, prefer_canvas=True
    )
    # The map's own zoom range (tiles would give it one): MarkerCluster needs it.
    fmap.options.update(min_zoom=2, max_zoom=18)
    # Only Leaflet is needed: CircleMarkers and our own controls use no icon fonts.
    fmap.default_js, fmap.default_css = [], []
    fmap._id = "geomap"
    if tiles:
        layer = tile_layer(tiles)
        layer._id = "tiles"
        layer.add_to(fmap)

    class Markup(Element):
        """Markup put into the page as it is, never a template's source: article
        text (a title, a quote) may hold "{{ ... }}", and Jinja would run it."""

        _template = Template("{{ this.markup }}")

        def __init__(self, markup: str) -> None:
            super().__init__()
            self.markup = markup

    class GeomapLayers(MacroElement):
        """The call that draws the layers, after the map's own script. Not a
        macro: branca renders a macro's output again as a template."""

        def __init__(self, payload: str) -> None:
            super().__init__()
            self._name = "GeomapLayers"
            self._id = "layers"
            self.payload = payload

        def render(self, **kwargs) -> None:
            script = f"geomapDraw({self._parent.get_name()}, {self.payload});"
            self.get_root().script.add_child(Markup(script), name=self.get_name())

    GeomapLayers(script_json(payload)).add_to(fmap)
    figure = fmap.get_root()
    figure._id = "page"
    header = figure.header
    from xstatic.pkg import leaflet as xstatic_leaflet
    from xstatic.pkg import leaflet_markercluster as xstatic_cluster

    leaflet, cluster = Path(xstatic_leaflet.BASE_DIR), Path(xstatic_cluster.BASE_DIR)
    if self_contained:
        parts = [
            _inline("style", leaflet / "leaflet.css"),
            _inline("script", leaflet / "leaflet.js"),
        ]
        if any(spec["cluster"] for spec in payload["layers"]):
            parts += [
                _inline("style", cluster / "MarkerCluster.css"),
                _inline("style", cluster / "MarkerCluster.Default.css"),
                _inline("script", cluster / "leaflet.markercluster.js"),
            ]
    else:
        parts = [
            f'<link rel="stylesheet" href="{CDN}/leaflet@1.9.3/dist/leaflet.css"/>',
            f'<script src="{CDN}/leaflet@1.9.3/dist/leaflet.js"></script>',
            f'<link rel="stylesheet" href="{CDN}/leaflet.markercluster@1.4.1/dist/'
            'MarkerCluster.css"/>',
            f'<link rel="stylesheet" href="{CDN}/leaflet.markercluster@1.4.1/dist/'
            'MarkerCluster.Default.css"/>',
            f'<script src="{CDN}/leaflet.markercluster@1.4.1/dist/'
            'leaflet.markercluster.js"></script>',
        ]
    parts += [_inline("style", STATIC / "geomap.css"), _inline("script", STATIC / "geomap.js")]
    for number, part in enumerate(parts):
        header.add_child(Markup(part), name=f"asset{number}")
    header.add_child(Markup(f"<title>{_escape(title)}</title>"), name="title")
    return figure.render()


def tile_layer(tiles: str):
    """The folium tile layer of ``tiles``: a provider's name as folium and
    ``xyzservices`` know it ("OpenStreetMap", "Esri.WorldImagery"), or a URL
    template with {z}, {x} and {y} (a tile server of your own). Raises
    :class:`~geomap.errors.GeomapError` for anything else.

    Tiles are opt-in: each one the browser draws is a request to their server,
    which learns what area the reader looks at. Without them the page asks
    nothing of the network and draws country outlines instead."""
    import folium

    template = all(f"{{{axis}}}" in tiles for axis in "zxy")
    if template and not tiles.startswith(("https://", "http://", "file://")):
        raise GeomapError(f"tiles: {tiles!r} is no http(s):// or file:// URL")
    try:
        return folium.TileLayer(
            tiles,
            name="Tiles",
            attr=_escape(f"Tiles: {urlsplit(tiles).netloc or 'local files'}") if template else None,
        )
    except ValueError as err:
        raise GeomapError(
            f"tiles: no tile provider is called {tiles!r} (try OpenStreetMap, or a URL "
            "template with {z}, {x} and {y})"
        ) from err


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def map_title(documents: Sequence[Document]) -> tuple[str, str]:
    """The map's title and "as of" line."""
    dates = sorted(d.date for d in documents if d.date)
    count = len(documents)
    title = (
        documents[0].title
        if count == 1 and documents[0].title
        else (f"geomap: {count} article{'s' if count != 1 else ''}")
    )
    if not dates:
        return title, "Article dates unknown"
    span = (
        dates[0].isoformat()
        if dates[0] == dates[-1]
        else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
    )
    return title, f"As of {dates[-1].isoformat()} (articles dated {span})"


def basemap(layers: Sequence[Layer]) -> dict | None:
    """Country outlines around the data: the map's basemap when tiles cannot load."""
    from shapely import total_bounds

    from ..outlines import outlines_near

    geometries = [f.geometry for layer in layers for f in layer.features if f.geometry]
    if not geometries:
        return None
    return outlines_near(tuple(float(v) for v in total_bounds(geometries)))


def write_map(
    layers: Sequence[Layer],
    documents: Sequence[Document],
    path: Path,
    *,
    self_contained: bool = True,
    tiles: str | None = None,
) -> Path:
    """Render the map of ``layers`` found in ``documents`` and write it to ``path``."""
    title, as_of = map_title(documents)
    page = render_map(
        layers,
        title=title,
        as_of=as_of,
        outline=basemap(layers),
        self_contained=self_contained,
        tiles=tiles,
    )
    path.write_text(page, encoding="utf-8")
    return path
