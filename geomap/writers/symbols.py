"""One symbol per layer, shared by the web map and the QGIS styles: the event
kinds' own (see :mod:`geomap.events.registry`), and the places'."""

from __future__ import annotations

from ..events.registry import KINDS

PLACES = ("Places named", "#3b6fb6")
REGIONS = ("Regions named", "#7b6fa8")
# name: (legend label, colour)
SYMBOLS = {
    "places": PLACES,
    "regions": REGIONS,
    **{kind.layer: (kind.label, kind.colour) for kind in KINDS},
}

# QGIS label expressions: names for places, figures where they help.
LABELS = {
    "places": '"name"',
    "regions": '"name"',
    **{kind.layer: kind.qgis_label for kind in KINDS if kind.qgis_label},
}
# Figures shown in popups: (property, label, property holding its hedge).
FIGURES = {kind.layer: [list(f) for f in kind.figures] for kind in KINDS if kind.figures}


def rgb(colour: str, alpha: int = 255) -> str:
    """ "#d7301f" → "215,48,31,255", QGIS' colour notation."""
    return ",".join(str(int(colour[i : i + 2], 16)) for i in (1, 3, 5)) + f",{alpha}"
