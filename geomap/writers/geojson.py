"""Write a layer as RFC 7946 GeoJSON (lon/lat, 6 decimals, right-hand rule)."""

from __future__ import annotations

from pathlib import Path

from ..layers import Layer
from .frame import write_layer
from .styles import qml


def write_geojson(layer: Layer, path: Path) -> Path:
    """Write ``layer`` to ``path`` with GDAL's RFC 7946 writer, via pyogrio, and its
    QGIS style beside it (``places.qml``), which QGIS applies when it opens the file."""
    write_layer(
        layer,
        path,
        driver="GeoJSON",
        layer_options={
            "RFC7946": "YES",
            "COORDINATE_PRECISION": "6",
            "WRITE_NAME": "NO",
            "WRITE_BBOX": "NO",
        },
    )
    path.with_suffix(".qml").write_text(qml(layer), encoding="utf-8")
    return path
