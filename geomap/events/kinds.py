"""What an event kind declares: one record, registered once in
:mod:`geomap.events.registry`, that the layers, the writers and the map read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Event
from .clause import Clause


@dataclass(frozen=True, slots=True)
class EventKind:
    """One kind of event or claim and its thematic layer.

    ``fields`` are the layer's own columns (name → ``"str"``, ``"int"`` or
    ``"float"``) beside the columns every event layer has; ``figures`` are
    what its popups show: (property, label, property that holds the hedge).
    ``extract`` reads one sentence; kinds whose features are assembled with
    a geometry (the front line, the occupied area) have none of their own
    and set ``assembled``.
    """

    layer: str
    label: str
    colour: str
    event_types: tuple[tuple[str, str], ...]
    extract: Callable[[Clause], list[Event]] | None
    fields: tuple[tuple[str, str], ...] = ()
    figures: tuple[tuple[str, str, str | None], ...] = ()
    geometry: str = "Point"
    claim: bool = False
    assembled: bool = False
    qgis_label: str | None = None
    description: str = ""
