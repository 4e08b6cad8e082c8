"""Publish a build: every output written into a staging folder, then moved into
place under a lock, so a failed build leaves the previous outputs as they were
and concurrent builds into one folder do not interleave."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..layers import Layer
from ..model import Document


def write_outputs(
    layers: Sequence[Layer],
    documents: Sequence[Document],
    *,
    layers_dir: Path,
    out_dir: Path,
    self_contained: bool = True,
    tiles: str | None = None,
) -> list[Path]:
    """Write the GeoJSON files, their styles, the GeoPackage and the map, each
    replaced atomically; return the paths written, the map last."""
    layers_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    with _build_lock(layers_dir):
        # Under the lock, a leftover staging folder is a killed build's: drop it.
        for stale in layers_dir.glob(".geomap-build-*"):
            shutil.rmtree(stale, ignore_errors=True)
        with tempfile.TemporaryDirectory(dir=layers_dir, prefix=".geomap-build-") as tmp:
            staged_map = _write_staging(
                layers, documents, Path(tmp), self_contained=self_contained, tiles=tiles
            )
            written = []
            for path in sorted(Path(tmp).iterdir()):  # layers, their styles, the package
                if path != staged_map:
                    os.replace(path, layers_dir / path.name)
                    written.append(layers_dir / path.name)
            map_tmp = out_dir / f".map.html.{os.getpid()}"
            shutil.move(staged_map, map_tmp)  # out/ may be on another file system
            os.replace(map_tmp, out_dir / "map.html")
    return [*written, out_dir / "map.html"]


def _write_staging(
    layers: Sequence[Layer],
    documents: Sequence[Document],
    staging: Path,
    *,
    self_contained: bool,
    tiles: str | None,
) -> Path:
    """Write every output into ``staging``; return the map's path."""
    from .acled import write_csv
    from .geojson import write_geojson
    from .gpkg import write_gpkg
    from .map import write_map

    for layer in layers:
        write_geojson(layer, staging / f"{layer.name}.geojson")
    write_csv(layers, staging / "events.csv")
    write_gpkg(layers, staging / "geomap.gpkg")
    return write_map(
        layers, documents, staging / "map.html", self_contained=self_contained, tiles=tiles
    )


@contextlib.contextmanager
def _build_lock(folder: Path):
    """Serialise builds writing into the same folder."""
    import fcntl

    with open(folder / ".geomap.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
