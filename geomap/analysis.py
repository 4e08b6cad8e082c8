"""One article through the pipeline: document → mentions → resolved places →
events and claims, as one :class:`DocumentResult`.

:func:`analyse_many` is the one loop over articles: a serial build runs it
over the articles that are not cached, and each Dask worker runs it over its
batch (as spaCy's ``Language.pipe`` serves one process or many).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from .events import extract_events
from .fronts import line_of_contact
from .gazetteer.index import Gazetteer
from .gazetteer.vocabulary import PlaceKind
from .geoparse import places_of
from .mentions import Recogniser
from .model import Document, Event, ResolvedMention, Sentence
from .resolve import Resolver
from .text import split_sentences

Relocate = Callable[[list[ResolvedMention]], list[ResolvedMention]]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything geomap found in one document."""

    document: Document
    sentences: list[Sentence]
    resolved: list[ResolvedMention]
    events: list[Event]


def analyse(
    doc: Document,
    gazetteer: Gazetteer,
    *,
    recogniser: Recogniser | None = None,
    resolver: Resolver | None = None,
    relocate: Relocate | None = None,
) -> DocumentResult:
    """Run one document through recognition, resolution and extraction.

    ``relocate`` may move the resolved places (an online geocoder's points)
    before events are placed.
    """
    recogniser = recogniser or Recogniser(gazetteer)
    resolver = resolver or Resolver(gazetteer)
    # A headline in Title Case or capitals is read as a sentence would be, and
    # quoted as written.
    judged = recogniser.sentence_cased(doc)
    sentences = split_sentences(doc.text, doc_id=doc.doc_id)
    resolved = places_of(doc, recogniser, resolver, judged=judged)
    if relocate:
        resolved = relocate(resolved)
    events = extract_events(
        judged,
        sentences if judged is doc else split_sentences(judged.text, doc_id=doc.doc_id),
        resolved,
        country_of=gazetteer.country,
        front_of=partial(line_of_contact, gazetteer),
    )
    if judged is not doc:
        events = [replace(e, quote=doc.text[e.quote_start : e.quote_end]) for e in events]
    return DocumentResult(doc, sentences, resolved, events)


def analyse_many(
    docs: Iterable[Document], gazetteer: Gazetteer, *, relocate: Relocate | None = None
) -> Iterator[DocumentResult]:
    """:func:`analyse` each document in turn, with one recogniser and resolver,
    whose per-name caches the documents share."""
    recogniser, resolver = Recogniser(gazetteer), Resolver(gazetteer)
    recogniser.expect(docs)
    for doc in docs:
        yield analyse(doc, gazetteer, recogniser=recogniser, resolver=resolver, relocate=relocate)


def relocator(geocoder: str, gazetteer: Gazetteer) -> Relocate | None:
    """For an online ``geocoder``, a step that moves each resolved place to the
    point that service gives its name; None for ``offline``."""
    if geocoder == "offline":
        return None
    from .geocoders import get_geocoder

    service = get_geocoder(geocoder, gazetteer)

    def relocate(resolved: list[ResolvedMention]) -> list[ResolvedMention]:
        moved = []
        for rm in resolved:
            location = service.geocode(rm.mention.surface)
            if location is not None and rm.place.kind != PlaceKind.FACILITY:
                place = replace(rm.place, lat=location.latitude, lon=location.longitude)
                rm = replace(rm, place=place, reason=f"{rm.reason}; point from {geocoder}")
            moved.append(rm)
        return moved

    return relocate
