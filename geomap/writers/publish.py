"""Publish a build: every output written into a staging folder, then moved into
place under a lock, so a failed build leaves the previous outputs as they were
and concurrent builds into one folder do not interleave.

Outputs that would come out the same are left as they are: a record in the
layers folder keeps a digest of what the last build's outputs were made from
and each file's checksum, and a build whose digest and files still match writes
nothing (a folder re-run with no change costs no writing, and a file a user
edited or deleted is written again).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..layers import Layer
from ..model import Document

RECORD = ".geomap-published.json"
# The libraries whose versions change the bytes written (GDAL comes with pyogrio).
_WRITER_PACKAGES = (
    "branca",
    "folium",
    "jinja2",
    "numpy",
    "pyogrio",
    "shapely",
    "xstatic-leaflet",
    "xstatic-leaflet-markercluster",
)


@dataclass(frozen=True, slots=True)
class Published:
    """The outputs of a build, the map last, and whether this build wrote them
    (False: they already held what it would have written)."""

    paths: list[Path]
    written: bool


def write_outputs(
    layers: Sequence[Layer],
    documents: Sequence[Document],
    *,
    layers_dir: Path,
    out_dir: Path,
    self_contained: bool = True,
    tiles: str | None = None,
) -> Published:
    """Write the GeoJSON files, their styles, the GeoPackage and the map, each
    replaced atomically, unless they already hold what would be written."""
    layers_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    digest = made_from(layers, documents, self_contained=self_contained, tiles=tiles)
    with _build_lock(layers_dir):
        unchanged = _unchanged(layers_dir, out_dir, digest)
        if unchanged is not None:
            return Published(unchanged, written=False)
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
            paths = [*written, out_dir / "map.html"]
            _record(layers_dir, digest, paths)
    return Published(paths, written=True)


def made_from(
    layers: Sequence[Layer],
    documents: Sequence[Document],
    *,
    self_contained: bool,
    tiles: str | None,
) -> str:
    """A digest of everything the outputs are made from: the layers' features,
    the map's title, the options, and the code and libraries that write them."""
    from importlib.metadata import PackageNotFoundError, version

    from ..cache import code_digest
    from .map import map_title

    def installed(package: str) -> str | None:
        try:
            return version(package)
        except PackageNotFoundError:
            return None

    digest = hashlib.sha256()
    context = [
        code_digest(),
        [installed(package) for package in _WRITER_PACKAGES],
        map_title(documents),
        self_contained,
        tiles,
    ]
    digest.update(json.dumps(context).encode("utf-8"))
    for layer in layers:
        digest.update(f"\x00{layer.name}\x00".encode())
        for feature in layer.features:
            digest.update(feature.geometry.wkb if feature.geometry is not None else b"")
            properties = json.dumps(feature.properties, sort_keys=True, default=str)
            digest.update(properties.encode("utf-8"))
    return digest.hexdigest()


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record(layers_dir: Path, digest: str, paths: Sequence[Path]) -> None:
    """Keep, atomically, what ``paths`` were made from and their checksums."""
    record = {"made_from": digest, "files": {p.name: _checksum(p) for p in paths}}
    tmp = layers_dir / f"{RECORD}.{os.getpid()}"
    tmp.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, layers_dir / RECORD)


def _unchanged(layers_dir: Path, out_dir: Path, digest: str) -> list[Path] | None:
    """The published outputs, the map last, when the last build's were made
    from ``digest`` and are all still as it wrote them; else None."""
    try:
        record = json.loads((layers_dir / RECORD).read_text(encoding="utf-8"))
        if record["made_from"] != digest:
            return None
        files = dict(record["files"])
        paths = [layers_dir / name for name in sorted(files) if name != "map.html"]
        paths.append(out_dir / "map.html")
        if len(paths) != len(files) or any(_checksum(p) != files[p.name] for p in paths):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no record, a broken one, or a file gone: write everything
    return paths


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
