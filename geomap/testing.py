"""Helpers for tests of code that uses geomap (like ``geopandas.testing``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .documents import parse_article
from .model import Document

# Debian's Chromium, and the flags that keep it quiet on a machine with no network.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# An article that tries every way out of a string: tags, a closing script tag,
# an event handler, quotes, backticks, a template literal and backslashes.
HOSTILE = (
    "date 2026-02-05\nKYIV, Feb 5 - Drones hit Odesa on Monday, killing 3 people, "
    "officials said: \"</script><script>alert('x')</script><img src=x onerror=alert(1)> "
    '`${alert(2)}` \\u0022 back\\slash {{ 7*191 }} {% print(1) %}".\n'
)


def article(text: str, date: str = "2026-02-05", doc_id: str = "t") -> Document:
    """A document from inline text, dated like the seed unless told otherwise.

    >>> article("Drones hit Odesa.").date.isoformat()
    '2026-02-05'
    """
    return parse_article(text, doc_id=doc_id, date=dt.date.fromisoformat(date))


def write_area(path: Path, geometry, **properties) -> Path:
    """Write ``geometry`` (a shapely area) as a one-feature GeoJSON collection, the
    shape of an occupied-area file (``geomap build --occupied``)."""
    from shapely.geometry import mapping

    feature = {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def build_with_cli(folder: Path, source: Path, *options: str):
    """Run ``geomap build SOURCE OPTIONS`` through click's ``CliRunner``, its
    layers into ``folder/l`` and its map into ``folder/o``; return click's result."""
    from click.testing import CliRunner

    from .cli import cli

    command = ["build", str(source), "--layers", str(folder / "l"), "--out", str(folder / "o")]
    return CliRunner().invoke(cli, [*command, *options])
