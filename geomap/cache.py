"""What geomap keeps between runs: the cache folder, and per-article results.

A result is cached under a digest of the article (text, date, metadata), of
geomap's own code and data files, and of the gazetteer index it was resolved
with, so adding one article to a folder of thousands analyses only that one,
and upgrading anything analyses everything again.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from .model import Document

T = TypeVar("T")


def cache_dir() -> Path:
    """Where geomap keeps what it compiles and caches: ``$GEOMAP_CACHE_DIR`` or
    the user cache dir."""
    if os.environ.get("GEOMAP_CACHE_DIR"):
        return Path(os.environ["GEOMAP_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap"))


def compiled(name: str, build: Callable[[], T]) -> T:
    """``build()``'s result, kept in the cache folder as ``name`` (which carries
    the versions it depends on), so it is built once per machine. Written
    atomically; an unreadable copy is built again."""
    path = cache_dir() / name
    found = _load(path)
    if found is not _MISSING:
        return found
    value = build()
    _store(path, value)
    return value


_MISSING = object()  # what _load gives for no file (None may be a value kept)


def _load(path: Path):
    """What ``path`` holds, or ``_MISSING`` when it is missing or unreadable."""
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return _MISSING


def _store(path: Path, value) -> None:
    """Pickle ``value`` to ``path`` atomically: a reader sees the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(out.name, path)


@cache
def code_digest() -> str:
    """A digest of geomap's own source and data files: any change invalidates results."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".gz", ".js", ".css") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Per-article results on disk, one pickle file each, written atomically."""

    def __init__(self, folder: Path, *, gazetteer_id: str) -> None:
        self.folder = folder / code_digest()
        self.gazetteer_id = gazetteer_id

    def _path(self, doc: Document) -> Path:
        fields = [
            doc.doc_id,
            doc.text,
            doc.date.isoformat() if doc.date else None,
            doc.title,
            doc.source,
            doc.url,
            doc.dateline,
            doc.dateline_end,
            self.gazetteer_id,
        ]
        key = hashlib.sha256(json.dumps(fields).encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, doc: Document):
        """The cached result for ``doc``, or None (missing or unreadable: analyse again)."""
        found = _load(self._path(doc))
        return None if found is _MISSING else found

    def put(self, doc: Document, result) -> None:
        """Store ``result`` for ``doc``."""
        _store(self._path(doc), result)
