"""Assemble thematic layers from resolved mentions and extracted events.

A :class:`Layer` is a name, a geometry type, a fixed schema and a list of
features (shapely geometry + properties). Features are sorted by ``id`` and
ids derive from content, so the same inputs give the same layers.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from .events import taxonomy as t
from .events.kinds import EventKind
from .events.registry import BY_LAYER, KINDS
from .model import Event, Hint, Place, ResolvedMention, Sentence
from .text import sentence_at

LIST_SEPARATOR = " | "
MAX_QUOTES = 20  # per place: enough to judge it, not a copy of the corpus

# Property name → type ("str", "int", "float"); the order is the column order.
_PROVENANCE = {
    "doc_id": "str",
    "source": "str",
    "notes": "str",
    "quote_start": "int",
    "quote_end": "int",
    "sources": "str",
    "doc_ids": "str",
    "report_count": "int",
    "reported_by": "str",
    "disputed_by": "str",
}
_EVENT = {
    "id": "str",
    "event_type": "str",
    "sub_event_type": "str",
    "event_date": "str",
    "time_precision": "int",
    "location": "str",
    "location_id": "str",
    "country_code": "str",
    "admin1": "str",
    "admin2": "str",
    "geo_precision": "int",
    "actor1": "str",
    "actor2": "str",
}
PLACES = {
    "id": "str",
    "name": "str",
    "kind": "str",
    "country_code": "str",
    "admin1": "str",
    "admin2": "str",
    "geo_precision": "int",
    "geonameid": "int",
    "population": "int",
    "mention_count": "int",
    "mentioned_as": "str",
    "quotes": "str",
    "doc_ids": "str",
    "sources": "str",
    "reason": "str",
}


def _schema(kind: EventKind) -> dict[str, str]:
    """A kind's columns: its own (an assembled layer's are all its own), else
    those of every event layer with its own between them."""
    own = dict(kind.fields)
    return own if kind.assembled else {**_EVENT, **own, **_PROVENANCE}


REGIONS = {
    "id": "str",
    "name": "str",
    "kind": "str",
    "country_code": "str",
    "admin1_code": "str",
    "geonameid": "int",
    "mention_count": "int",
    "reports_at_region": "int",
    "reports_inside": "int",
    "mentioned_as": "str",
    "doc_ids": "str",
    "sources": "str",
}
SCHEMAS: dict[str, dict[str, str]] = {
    "places": PLACES,
    "regions": REGIONS,
    **{kind.layer: _schema(kind) for kind in KINDS},
}
GEOMETRY = {
    "places": "Point",
    "regions": "MultiPolygon",
    **{kind.layer: kind.geometry for kind in KINDS},
}
LAYER_ORDER = tuple(SCHEMAS)


@dataclass(frozen=True, slots=True)
class Feature:
    geometry: BaseGeometry
    properties: dict


@dataclass(slots=True)
class Layer:
    """One thematic layer: what becomes one GeoJSON file and one GeoPackage table."""

    name: str
    features: list[Feature] = field(default_factory=list)

    @property
    def schema(self) -> dict[str, str]:
        return SCHEMAS[self.name]

    @property
    def geometry_type(self) -> str:
        return GEOMETRY[self.name]


def stable_id(*parts: object) -> str:
    """A short id derived from content, so it survives re-runs and re-ordering."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:16]


def conform(layer_name: str, properties: dict) -> dict:
    """Order properties as in the schema, fill missing ones with None, cast types."""
    out = {}
    for name, kind in SCHEMAS[layer_name].items():
        value = properties.get(name)
        if value is not None:
            value = {"str": str, "int": int, "float": float}[kind](value)
        out[name] = value
    return out


def make_layer(name: str, features: Iterable[Feature]) -> Layer:
    """A layer with conformed properties, sorted by id."""
    conformed = [Feature(f.geometry, conform(name, f.properties)) for f in features]
    return Layer(name, sorted(conformed, key=lambda f: f.properties["id"]))


def places_layer(
    resolved: Iterable[tuple[ResolvedMention, Sequence[Sentence], str | None]],
) -> Layer:
    """One point per distinct place, with every spelling and quote that names it.

    ``resolved`` yields (resolved mention, sentences of its document, source).
    Demonyms ("Ukrainian") are not place mentions and are left out.
    """
    groups: dict[str, list] = defaultdict(list)
    for item in resolved:
        if item[0].mention.kind_hint != Hint.DEMONYM:
            groups[item[0].place.id].append(item)
    features = []
    for place_id, items in groups.items():
        place = items[0][0].place
        quotes: dict[str, None] = {}
        for rm, sentences, _ in items:
            sentence = sentence_at(sentences, rm.mention.start)
            if sentence and len(quotes) < MAX_QUOTES:
                quotes[sentence.text] = None
        spellings = sorted({rm.mention.surface for rm, _, _ in items})
        features.append(
            Feature(
                Point(place.lon, place.lat),
                {
                    "id": place_id,
                    "name": place.name,
                    "kind": place.kind,
                    "country_code": place.country_code,
                    "admin1": place.admin1,
                    "admin2": place.admin2,
                    "geo_precision": place.geo_precision,
                    "geonameid": place.geonameid,
                    "population": place.population or None,
                    "mention_count": len(items),
                    "mentioned_as": LIST_SEPARATOR.join(spellings),
                    "quotes": LIST_SEPARATOR.join(quotes),
                    "doc_ids": LIST_SEPARATOR.join(
                        sorted({rm.mention.doc_id for rm, _, _ in items})
                    ),
                    "sources": LIST_SEPARATOR.join(sorted({s for _, _, s in items if s})),
                    "reason": items[0][0].reason,
                },
            )
        )
    return make_layer("places", features)


def regions_layer(
    resolved: Iterable[tuple[ResolvedMention, str | None]],
    events: Sequence[Event],
    outline: Callable[[Place], BaseGeometry | None],
) -> Layer:
    """The regions the articles name (first-level regions and composites such as
    Donbas), each as its outline, with how often it is named, how many event
    reports are placed at the region as a whole and how many at places inside it.

    ``resolved`` yields (resolved mention, source); ``outline`` gives a region's
    shape, or None for a place that is no region (or has no shape): it is left out.
    """
    groups: dict[str, list] = defaultdict(list)
    for rm, source in resolved:
        if rm.mention.kind_hint != Hint.DEMONYM:
            groups[rm.place.id].append((rm, source))
    points = [(e.place.lon, e.place.lat, e.place.id) for e in events if e.place is not None]
    xs = [x for x, _, _ in points]
    ys = [y for _, y, _ in points]
    features = []
    for place_id, items in groups.items():
        place = items[0][0].place
        shape = outline(place)
        if shape is None:
            continue
        inside = shapely.contains_xy(shape, xs, ys) if points else [False] * len(points)
        features.append(
            Feature(
                shape,
                {
                    "id": place_id,
                    "name": place.name,
                    "kind": place.kind,
                    "country_code": place.country_code,
                    "admin1_code": place.admin1_code,
                    "geonameid": place.geonameid,
                    "mention_count": len(items),
                    "reports_at_region": sum(1 for _, _, pid in points if pid == place_id),
                    "reports_inside": sum(
                        1
                        for hit, (_, _, pid) in zip(inside, points, strict=True)
                        if hit and pid != place_id
                    ),
                    "mentioned_as": LIST_SEPARATOR.join(
                        sorted({rm.mention.surface for rm, _ in items})
                    ),
                    "doc_ids": LIST_SEPARATOR.join(sorted({rm.mention.doc_id for rm, _ in items})),
                    "sources": LIST_SEPARATOR.join(sorted({s for _, s in items if s})),
                },
            )
        )
    return make_layer("regions", features)


def event_layers(
    events: Iterable[Event], extra: dict[str, list[Feature]] | None = None
) -> dict[str, Layer]:
    """Point layers from events.

    Reports of the same event (same layer, type, place and day, by the same
    hands: an actor one report names and another leaves out is the same)
    become one feature that lists every quote and source, with the figures of
    the first report that gives each figure. Two actors' strikes or attacks are
    two events (ACLED codes Russian and Ukrainian shelling of Donetsk twice).
    """
    merged: dict[tuple, list[Event]] = defaultdict(list)
    for event in events:
        if event.place is None or BY_LAYER[event.layer].assembled:
            continue  # claims on lines and areas are assembled with their geometry
        key = (
            event.layer,
            event.sub_event_type,
            event.place.id,
            event.event_date.isoformat() if event.event_date else "",
            event.time_precision,
        )
        merged[key].append(event)
    features: dict[str, list[Feature]] = defaultdict(list)
    for key, reports in merged.items():
        groups: list[list[Event]] = []
        for event in sorted(reports, key=lambda e: (e.doc_id, e.quote_start)):
            same = next((g for g in groups if _same_hands(g, event)), None)
            if same is None:
                groups.append([event])
            else:
                same.append(event)
        for number, group in enumerate(groups):
            features[key[0]].append(_event_feature(group, apart=number))
    for name, extra_features in (extra or {}).items():
        features[name].extend(extra_features)
    return {name: make_layer(name, feats) for name, feats in features.items()}


# One-sided violence, whose actor1 is who did it (a clash's sides are named
# in either order, so its reports merge whatever they name).
_ONE_SIDED = frozenset({t.EXPLOSIONS, t.VIOLENCE_AGAINST_CIVILIANS})


def _same_hands(group: list[Event], event: Event) -> bool:
    """True unless ``event`` is one-sided violence by an actor other than one
    the reports in ``group`` name. (A clash's sides, and the parties to talks
    and exchanges, are named in any order.)"""
    if event.actor1 is None or event.event_type not in _ONE_SIDED:
        return True
    return all(e.actor1 in (None, event.actor1) for e in group)


def _event_feature(group: list[Event], apart: int = 0) -> Feature:
    """One feature for the reports of one event: the first report's fields, each
    figure and detail from the first report that gives it, every quote and source.
    ``apart`` numbers the events of other hands at the same place and day, whose
    ids take their actor."""
    first = group[0]
    place = first.place
    figures: dict = {}
    details: dict = {}
    for event in group:
        for name, figure in event.figures.items():
            figures.setdefault(name, figure)
        for name, value in event.details.items():
            details.setdefault(name, value)
    quotes = list(dict.fromkeys(e.quote for e in group))
    props = {
        "id": stable_id(
            first.layer,
            first.sub_event_type,
            place.id,
            first.event_date,
            first.time_precision,
            *([first.actor1] if apart else []),
        ),
        "event_type": first.event_type,
        "sub_event_type": first.sub_event_type,
        "event_date": first.event_date.isoformat() if first.event_date else None,
        "time_precision": first.time_precision,
        "location": place.name,
        "location_id": place.id,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "geo_precision": first.geo_precision,
        "actor1": next((e.actor1 for e in group if e.actor1), None),
        "actor2": next((e.actor2 for e in group if e.actor2), None),
        "doc_id": first.doc_id,
        "source": first.source,
        "notes": LIST_SEPARATOR.join(quotes),
        "quote_start": first.quote_start,
        "quote_end": first.quote_end,
        "sources": LIST_SEPARATOR.join(sorted({e.source for e in group if e.source})),
        "doc_ids": LIST_SEPARATOR.join(sorted({e.doc_id for e in group})),
        "report_count": len(group),
        "reported_by": next((e.reported_by for e in group if e.reported_by), None),
        "disputed_by": next((e.disputed_by for e in group if e.disputed_by), None),
        **details,
    }
    for name, figure in figures.items():
        props[name] = figure.value
        props[f"{name}_hedge"] = figure.hedge
    if "toll" in figures and figures["toll"].unit == "killed":
        props["fatalities"] = int(figures["toll"].value)
    return Feature(Point(place.lon, place.lat), props)
