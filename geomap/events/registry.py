"""The one table of event kinds. Layers, writers and the map read it.

To add a kind: write its module (an extractor and an
:class:`~geomap.events.kinds.EventKind`) and list it here, in the order its
layer should come in the files and the legend.
"""

from __future__ import annotations

from . import (
    agreements,
    battles,
    civilians,
    claims,
    control,
    developments,
    protests,
    strikes,
    tolls,
)
from .kinds import EventKind

KINDS: tuple[EventKind, ...] = (
    strikes.KIND,
    battles.KIND,
    control.KIND,
    civilians.KIND,
    protests.PROTESTS,
    protests.RIOTS,
    agreements.TALKS,
    agreements.EXCHANGES,
    developments.DISRUPTED,
    developments.ARRESTS,
    developments.OTHERS,
    tolls.KIND,
    claims.FRONTLINE,
    claims.OCCUPATION,
)
BY_LAYER: dict[str, EventKind] = {kind.layer: kind for kind in KINDS}


def kind_of(layer: str) -> EventKind:
    """The kind whose layer is ``layer``; an unknown name lists the known ones."""
    try:
        return BY_LAYER[layer]
    except KeyError:
        raise KeyError(
            f"no event kind has the layer {layer!r}; known: {', '.join(BY_LAYER)}"
        ) from None
