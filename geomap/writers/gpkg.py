"""Write every layer into one GeoPackage."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..layers import Layer
from .frame import to_frame


def write_gpkg(layers: Iterable[Layer], path: Path) -> Path:
    """Write each layer as a table of ``path``; the file is finished when this returns."""
    import pyogrio

    for layer in layers:
        pyogrio.write_dataframe(
            to_frame(layer),
            path,
            driver="GPKG",
            layer=layer.name,
            geometry_type=layer.geometry_type,
            promote_to_multi=layer.geometry_type.startswith("Multi"),
            append=False,
            # No timestamps: the same layers give the same file.
            dataset_options={"METADATA_TABLES": "NO"} if not path.exists() else None,
            layer_options={"SPATIAL_INDEX": "YES"},
        )
    return path
