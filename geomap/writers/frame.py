"""Layers and tables as pyogrio column arrays with fixed types: the calls the
file writers share."""

from __future__ import annotations

from pathlib import Path

from ..layers import Layer


def _columns(rows: list[dict], types: dict[str, str]) -> tuple[list, list]:
    """Column arrays of ``rows`` with the types ``types`` (name → "str", "int",
    "float"), in that order, and which values are missing."""
    import numpy as np

    columns, masks = [], []
    for name, kind in types.items():
        values = [row[name] for row in rows]
        masks.append(np.array([v is None for v in values], dtype=bool))
        if kind == "int":
            columns.append(np.array([0 if v is None else v for v in values], dtype=np.int64))
        elif kind == "float":
            columns.append(np.array([np.nan if v is None else v for v in values], dtype=float))
        else:
            columns.append(np.array(values, dtype=object))
    return columns, masks


def write_layer(layer: Layer, path: Path, *, driver: str, **options) -> None:
    """Write ``layer`` with pyogrio in its declared geometry type, even when empty.

    Through pyogrio's array interface: a layer is a few columns, and building a
    GeoDataFrame for each cost more than writing it."""
    import numpy as np
    import shapely
    from pyogrio.raw import write

    columns, masks = _columns([f.properties for f in layer.features], layer.schema)
    geometry = np.array([f.geometry for f in layer.features], dtype=object)
    write(
        path,
        shapely.to_wkb(geometry) if len(geometry) else geometry,
        columns,
        list(layer.schema),
        field_mask=masks,
        layer=layer.name,
        driver=driver,
        geometry_type=layer.geometry_type,
        crs="EPSG:4326",
        promote_to_multi=layer.geometry_type.startswith("Multi"),
        **options,
    )


def write_table(rows: list[dict], types: dict[str, str], path: Path, *, layer: str) -> None:
    """Append ``rows`` to the GeoPackage at ``path`` as an attribute table (no geometry)."""
    from pyogrio.raw import write

    columns, masks = _columns(rows, types)
    write(path, None, columns, list(types), field_mask=masks, layer=layer, driver="GPKG")
