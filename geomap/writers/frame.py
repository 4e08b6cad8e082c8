"""Layers as GeoDataFrames with fixed column types, shared by the file writers."""

from __future__ import annotations

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
