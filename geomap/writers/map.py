"""Render the layers as one interactive Leaflet page with folium.

The page is lean (Leaflet, and MarkerCluster for dense layers; no jQuery,
Bootstrap or icon fonts), self-contained by default (the libraries are
inlined from the ``xstatic-leaflet`` packages, so it opens offline), safe
(article text travels as escaped JSON and reaches the DOM only through
``textContent``) and deterministic (element ids are fixed).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from shapely.geometry import mapping

from ..geometry import round_coordinates
from ..layers import Layer
from ..model import Document
from .symbols import FIGURES, SYMBOLS

STATIC = Path(__file__).parent / "static"
CLUSTER_THRESHOLD = 200
CDN = "https://cdn.jsdelivr.net/npm"


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
) -> str:
    """Return the map page as HTML text."""
    import folium
    from branca.element import Element, MacroElement
    from jinja2 import Template

    payload = {
        "title": title,
        "as_of": as_of,
        "outline": outline,
        "layers": [
            {
                "name": layer.name,
                "label": SYMBOLS[layer.name][0],
                "color": SYMBOLS[layer.name][1],
                "figures": FIGURES.get(layer.name, []),
                "note": geometry_note(layer),
                "geometry": layer.geometry_type,
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
    # Only Leaflet is needed: CircleMarkers and our own controls use no icon fonts.
    fmap.default_js, fmap.default_css = [], []
    fmap._id = "geomap"
    tiles = folium.TileLayer("OpenStreetMap", name="OpenStreetMap")
    tiles._id = "tiles"
    tiles.add_to(fmap)

    class GeomapLayers(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            "geomapDraw({{ this._parent.get_name() }}, {{ this.payload }});"
            "{% endmacro %}"
        )

        def __init__(self, payload: str) -> None:
            super().__init__()
            self._name = "GeomapLayers"
            self._id = "layers"
            self.payload = payload

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
        header.add_child(Element(part), name=f"asset{number}")
    title_element = Element(f"<title>{_escape(title)}</title>")
    header.add_child(title_element, name="title")
    return figure.render()


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
    layers: Sequence[Layer], documents: Sequence[Document], path: Path, *, self_contained=True
) -> Path:
    """Render the map of ``layers`` found in ``documents`` and write it to ``path``."""
    title, as_of = map_title(documents)
    page = render_map(
        layers, title=title, as_of=as_of, outline=basemap(layers), self_contained=self_contained
    )
    path.write_text(page, encoding="utf-8")
    return path
