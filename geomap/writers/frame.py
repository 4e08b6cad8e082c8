"""Layers as GeoDataFrames with fixed column types, and the one pyogrio call the
file writers share."""

from __future__ import annotations

from pathlib import Path

from ..layers import Layer

_DTYPES = {"str": "object", "int": "Int64", "float": "Float64"}


def to_frame(layer: Layer):
    """A GeoDataFrame in EPSG:4326 with one dtype per column, even when empty."""
    import geopandas as gpd
    import pandas as pd

    columns = {
        name: pd.Series([f.properties[name] for f in layer.features], dtype=_DTYPES[kind])
        for name, kind in layer.schema.items()
    }
    return gpd.GeoDataFrame(
        columns, geometry=gpd.GeoSeries([f.geometry for f in layer.features], crs="EPSG:4326")
    )


def write_layer(layer: Layer, path: Path, *, driver: str, **options) -> None:
    """Write ``layer`` with pyogrio in its declared geometry type, even when empty."""
    import pyogrio

    pyogrio.write_dataframe(
        to_frame(layer),
        path,
        driver=driver,
        layer=layer.name,
        geometry_type=layer.geometry_type,
        promote_to_multi=layer.geometry_type.startswith("Multi"),
        **options,
    )


def table_frame(rows: list[dict], types: dict[str, str]):
    """A DataFrame of ``rows`` with the column types ``types`` (name → "str",
    "int", "float"), in that order, even when empty."""
    import pandas as pd

    return pd.DataFrame(
        {
            name: pd.Series([row[name] for row in rows], dtype=_DTYPES[kind])
            for name, kind in types.items()
        }
    )
