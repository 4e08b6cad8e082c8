"""Opt-in download of DeepStateMap's daily occupied area of Ukraine from the
public archive ``github.com/cyterat/deepstate-map-data``.

Nothing calls this but ``geomap frontline fetch``: builds and tests never
download. DeepStateMap's data are not openly licensed, so geomap never ships
them; a fetched file stays in the user's cache (:func:`downloads_dir`), where
later builds find it and compare claims with the snapshot of their date.
"""

from __future__ import annotations

import datetime as dt
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .cache import cache_dir
from .errors import GeomapError
from .territory import Snapshot, read_snapshots

ARCHIVE = (
    "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data/"
    "deepstatemap_data_{day}.geojson"
)
LICENCE = (
    "DeepStateMap's data are not under an open licence: DeepState allows their use "
    "by volunteer, charitable and defence-of-Ukraine users, and other uses need "
    "their permission (see https://deepstatemap.live). geomap keeps the file in your "
    "cache only; do not redistribute it."
)
TIMEOUT_S = 60


def downloads_dir() -> Path:
    """Where fetched snapshots live: ``$GEOMAP_DOWNLOADS_DIR``, else the cache."""
    if os.environ.get("GEOMAP_DOWNLOADS_DIR"):
        return Path(os.environ["GEOMAP_DOWNLOADS_DIR"])
    return cache_dir() / "deepstatemap"


def downloaded() -> list[Snapshot]:
    """The snapshots fetched so far, oldest first (none if nothing was fetched)."""
    folder = downloads_dir()
    if not folder.is_dir() or not any(folder.glob("*.geojson")):
        return []
    return read_snapshots(folder)


def http_get(url: str) -> bytes:
    """The body at ``url`` (the real transport; tests pass a fake one)."""
    request = urllib.request.Request(url, headers={"User-Agent": f"geomap/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise GeomapError(f"cannot download {url} ({err})") from err


def fetch(date: dt.date, *, transport: Callable[[str], bytes] | None = None) -> Path:
    """Download the snapshot of ``date`` into :func:`downloads_dir` and return its
    path. The file is checked (a dated occupied-area polygon) before it replaces
    anything; a broken download leaves nothing behind."""
    name = f"deepstatemap_data_{date:%Y%m%d}.geojson"
    url = ARCHIVE.format(day=f"{date:%Y%m%d}")
    body = (transport or http_get)(url)
    folder = downloads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{name}.part{os.getpid()}"
    try:
        partial.write_bytes(body)
        read_snapshots(partial, as_of=date)  # raises with a reason if it is no polygon
        target = folder / name
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
