"""One symbol per layer, shared by the web map and the QGIS styles."""

from __future__ import annotations

# name: (legend label, colour)
SYMBOLS = {
    "places": ("Places named", "#3b6fb6"),
    "strikes": ("Strikes", "#d7301f"),
    "talks": ("Talks", "#1a9850"),
    "exchanges": ("Prisoner exchanges", "#7b3294"),
    "casualties": ("Reported tolls", "#444444"),
    "frontline": ("Front line", "#e66101"),
    "occupation": ("Occupied area", "#b2182b"),
}

# QGIS label expressions: names for places, figures where they help.
LABELS = {
    "places": '"name"',
    "casualties": "coalesce(\"toll_hedge\" || ' ', '') || format_number(\"toll\", 0)"
    " || ' ' || \"toll_kind\"",
    "frontline": "'reported ' || coalesce(format_number(\"claimed_length_km\", 0), 'n/a')"
    " || ' km / measured ' || format_number(\"measured_length_km\", 0) || ' km'",
    "occupation": "'reported ' || coalesce(to_string(\"claimed_share_pct\"), 'n/a')"
    " || '% / computed ' || coalesce(to_string(\"computed_share_pct\"), 'n/a') || '%'",
}


def rgb(colour: str, alpha: int = 255) -> str:
    """ "#d7301f" → "215,48,31,255", QGIS' colour notation."""
    return ",".join(str(int(colour[i : i + 2], 16)) for i in (1, 3, 5)) + f",{alpha}"
