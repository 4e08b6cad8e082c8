"""The offline gazetteer: compiled once from PyPI data packages, then read-only.

:func:`open_gazetteer` is the door: it opens the index for the installed data
packages, compiling it first (:mod:`.build`) when this machine has none.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..cache import cache_dir
from ..errors import GazetteerError
from .index import Gazetteer, MemoryGazetteer, SqliteGazetteer
from .vocabulary import SCHEMA_VERSION, source_versions

__all__ = [
    "Gazetteer",
    "MemoryGazetteer",
    "SqliteGazetteer",
    "index_path",
    "open_gazetteer",
    "remove_older_indexes",
]


def index_path() -> Path:
    """The index file for the installed data packages and this schema."""
    versions = "-".join(f"{v}" for v in source_versions().values())
    return cache_dir() / f"gazetteer-s{SCHEMA_VERSION}-{versions}.sqlite"


def open_gazetteer(path: str | os.PathLike | None = None) -> SqliteGazetteer:
    """Open the offline gazetteer, compiling it first when it is missing.

    The index is keyed on the schema version and the data packages' versions,
    so upgrading either builds a fresh one.
    """
    target = Path(path) if path else index_path()
    if not target.exists():
        from .build import build_index  # the compiler, only on a machine's first run

        try:
            build_index(target)
        except (OSError, ImportError, KeyError, ValueError) as err:
            raise GazetteerError(
                f"cannot build the gazetteer index at {target} ({err}); "
                "check that geomap's data packages are installed (pip install geomap) "
                "and that GEOMAP_CACHE_DIR is writable"
            ) from err
        if path is None:
            remove_older_indexes(target.parent)
    return SqliteGazetteer(target)


_INDEX_FILE = re.compile(r"gazetteer-s(\d+)-.*\.(?:sqlite|names\.pickle)")


def remove_older_indexes(folder: Path) -> list[Path]:
    """Delete the indexes (and their compiled finders) of older schemas in
    ``folder``, ~350 MB each, which this version of geomap and newer ones
    never read; return what was deleted. (An older geomap installed elsewhere
    builds its own again.) Indexes of this schema built from other versions
    of the data packages stay: another environment may use them."""
    removed = []
    for path in sorted(folder.glob("gazetteer-s*")):
        match = _INDEX_FILE.fullmatch(path.name)
        if match and int(match.group(1)) < SCHEMA_VERSION:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
