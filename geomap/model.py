"""The records that flow through the pipeline.

documents → mentions → resolved places → events and claims → layers.
Every record is a frozen dataclass; stages never mutate what they receive.
``Place`` and ``Candidate`` are the exception that proves it: the gazetteer
makes thousands per second, and a frozen dataclass is five times slower to
make, so they are plain slotted dataclasses that nothing assigns to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Hint(StrEnum):
    """What the words around a place name say it is."""

    REGION = "admin1"  # "the Donetsk region", "the Kharkiv, Sumy and Chernihiv regions"
    DISTRICT = "admin2"  # "the Pokrovsk district", "Polohy raion"
    DEMONYM = "demonym"  # "Ukrainian": an adjective or people, naming a country


@dataclass(frozen=True, slots=True)
class Document:
    """One article, with the text every offset downstream refers to.

    ``dateline_end`` is the offset where the dateline ("KYIV, Feb 5 -") stops,
    0 when there is none.
    """

    doc_id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None
    dateline_end: int = 0
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name as written, at ``text[start:end]`` of its document.

    ``kind_hint`` says what the surrounding words suggest (a :class:`Hint`),
    ``None`` when the name stands alone.
    """

    doc_id: str
    start: int
    end: int
    surface: str
    key: str
    kind_hint: Hint | None = None


@dataclass(slots=True)
class Place:
    """A gazetteer entry: where a name points to.

    ``id`` is stable across builds (``geonames:703448``, ``geomap:donbas``).
    ``geo_precision`` follows ACLED: 1 a town itself, 3 a region or country
    (the point is representative only). ``admin1_code`` and ``admin2_code``
    are GeoNames' (``UA.05``, ``UA.05.1402``). ``minor`` marks a village that
    only a national dump lists (below cities500's 500 people): it is taken only
    where the text's context points to its country or region.
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None = None
    admin1_code: str | None = None
    population: int = 0
    geonameid: int | None = None
    geo_precision: int = 1
    admin2_code: str | None = None
    minor: bool = False
    admin2: str | None = None
    capital: bool = False  # its country's capital city


@dataclass(slots=True)
class Candidate:
    """One place a name may refer to, as the gazetteer returns it."""

    place: Place
    primary: bool
    """True when the name is the place's own name, not an alternate spelling."""


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A mention with the place it was resolved to and why."""

    mention: Mention
    place: Place
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: the quote every output feature carries."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A reported number with its hedge: "about 55,000" → 55000, "about"."""

    value: float
    unit: str | None = None
    hedge: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """An event or claim coded in ACLED's vocabulary, with its provenance.

    ``layer`` names the thematic layer of its kind (see
    :mod:`geomap.events.registry`). ``figures`` are reported numbers, each a
    column of the layer (with its hedge in ``<name>_hedge``); ``details`` are
    the layer's other columns ("taken_by", "parties").
    """

    layer: str
    event_type: str
    sub_event_type: str
    doc_id: str
    source: str | None
    quote: str
    quote_start: int
    quote_end: int
    place: Place | None
    geo_precision: int
    event_date: dt.date | None
    time_precision: int | None
    actor1: str | None = None
    actor2: str | None = None
    figures: dict[str, Figure] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)
    reported_by: str | None = None
    disputed_by: str | None = None
