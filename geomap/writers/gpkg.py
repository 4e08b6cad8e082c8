"""Write every layer into one GeoPackage, with a default QGIS style per layer."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from ..layers import Layer
from .acled import COLUMN_TYPES, event_rows
from .frame import write_layer, write_table
from .styles import qml

# The table QGIS reads styles from. A style is applied on load when catalog and
# schema are '' (not NULL), the geometry column matches and useAsDefault is 1.
_LAYER_STYLES = """
CREATE TABLE layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256),
    f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256),
    styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN,
    description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME
)"""
# GeoPackages record when each table and style last changed; a fixed time keeps
# the files byte-identical for identical layers.
# The GeoPackage's own format: milliseconds and Z.
FIXED_TIME = "2000-01-01T00:00:00.000Z"
# The package is written in a staging folder and published whole (see
# :mod:`.publish`): a crash leaves a file nobody reads, so SQLite need neither
# sync each commit to disk nor keep a journal. That halves the writing time.
_GDAL_OPTIONS = {
    "OGR_CURRENT_DATE": FIXED_TIME,
    "OGR_SQLITE_SYNCHRONOUS": "OFF",
    "OGR_SQLITE_JOURNAL": "OFF",
}


def write_gpkg(layers: Sequence[Layer], path: Path) -> Path:
    """Write each layer as a table of ``path`` and its style into ``layer_styles``,
    and every event as a row of the ``events`` table (ACLED's columns)."""

    with _gdal_options():
        for layer in layers:
            write_layer(
                layer,
                path,
                driver="GPKG",
                dataset_options={"METADATA_TABLES": "NO"} if not path.exists() else None,
                layer_options={"SPATIAL_INDEX": "YES"},
            )
        write_table(event_rows(layers), COLUMN_TYPES, path, layer="events")
    with contextlib.closing(sqlite3.connect(path)) as con, con:
        con.execute(_LAYER_STYLES)
        # Registered as an attribute table, as QGIS registers its own: once the
        # package holds one (``events``), QGIS reads only the tables registered.
        con.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change) "
            "VALUES ('layer_styles', 'attributes', 'layer_styles', ?)",
            (FIXED_TIME,),
        )
        con.executemany(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
            "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
            "owner, ui, update_time) VALUES ('', '', ?, 'geom', ?, ?, '', 1, ?, '', '', ?)",
            [
                (layer.name, layer.name, qml(layer), f"geomap style for {layer.name}", FIXED_TIME)
                for layer in layers
            ],
        )
    return path


@contextlib.contextmanager
def _gdal_options():
    import pyogrio

    pyogrio.set_gdal_config_options(_GDAL_OPTIONS)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(dict.fromkeys(_GDAL_OPTIONS))
