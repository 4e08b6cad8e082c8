"""The one way an extractor makes events: one per place and date of its trigger."""

from __future__ import annotations

from dataclasses import replace

from ..model import Event, Figure, Place
from .actors import reported_by
from .clause import Clause, event_dates
from .places import event_places


def emit(
    clause: Clause,
    layer: str,
    event_type: str,
    sub_type: str,
    start: int,
    end: int,
    *,
    places: list[tuple[Place, int]] | None = None,
    within: tuple[int, int] | None = None,
    **extra,
) -> list[Event]:
    """Events of ``clause`` for the trigger at ``clause.text[start:end]``: one
    per place (:func:`~.places.event_places`, unless ``places`` are given)
    and per date (:func:`~.clause.event_dates`); ``within`` bounds how far
    from the trigger its place may be named. The reporter is the nearest "X
    said" unless ``extra`` names one."""
    where = event_places(clause, start, end, within=within) if places is None else places
    extra.setdefault("reported_by", reported_by(clause.text, start))
    return _shared_toll(
        [
            clause.event(layer, event_type, sub_type, place, when, **extra)
            for place in where
            for when in event_dates(clause, start, end)
        ]
    )


def _shared_toll(events: list[Event]) -> list[Event]:
    """One death toll for several places or days ("killing 40 people in Rafah
    and Khan Younis") divided among their events (see :func:`share_toll`)."""
    killed = events[0].figures.get("fatalities") if len(events) > 1 else None
    return events if killed is None else share_toll(events, killed)


def share_toll(events: list[Event], killed: Figure) -> list[Event]:
    """``events`` with the death toll ``killed`` divided evenly among them, the
    remainder to the first, as ACLED divides it: summing a layer counts each
    death once."""
    share, remainder = divmod(int(killed.value), len(events))
    return [
        replace(
            event,
            figures={
                **event.figures,
                "fatalities": replace(killed, value=float(share + (n < remainder))),
            },
        )
        for n, event in enumerate(events)
    ]
