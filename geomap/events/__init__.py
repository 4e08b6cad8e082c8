"""Events and claims, in ACLED's vocabulary, from the sentences of a document.

Each kind of event is one module, registered once in :mod:`.registry`; the
shared helpers read a sentence's places (:mod:`.places`), dates
(:mod:`.dates`), numbers (:mod:`.numbers`) and actors (:mod:`.actors`);
:mod:`.records` turns an article's reports into one record per event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..gazetteer.vocabulary import SITE_KINDS
from ..model import Document, Event, Place, ResolvedMention, Sentence
from .clause import article_context, make_clause, mentions_by_sentence
from .records import is_claim, one_record_per_event
from .registry import KINDS

__all__ = ["extract_events"]

_REMEMBERED = 2  # sentences a town stays "the city" for the sentences after it


def extract_events(
    doc: Document,
    sentences: Sequence[Sentence],
    resolved: Sequence[ResolvedMention],
    *,
    country_of: Callable[[str], Place | None] | None = None,
    front_of: Callable[[str], Place | None] | None = None,
) -> list[Event]:
    """All events and claims in ``doc``, sentence by sentence, every kind.

    ``country_of`` maps an ISO code to the country's place (the gazetteer's
    ``country``); with it, a toll with no place named is put in the country the
    article is about even when the article never names that country.
    ``front_of`` maps it to the place that stands for the line of contact
    there (:func:`geomap.fronts.line_of_contact`), where ceasefires hold.

    >>> import datetime as dt
    >>> from geomap.model import Mention, Place
    >>> text = "Drones hit Odesa on Tuesday, killing two people."
    >>> doc = Document("d", text, date=dt.date(2026, 2, 5))
    >>> odesa = Place("t:1", "Odesa", "populated_place", 46.48, 30.73, "UA", population=10**6)
    >>> rm = ResolvedMention(Mention("d", 11, 16, "Odesa", "odesa"), odesa, 1.0, "")
    >>> [(e.sub_event_type, e.event_date.isoformat(), e.figures["fatalities"].value)
    ...  for e in extract_events(doc, [Sentence("d", 0, len(text), text)], [rm])]
    [('Air/drone strike', '2026-02-03', 2.0)]
    """
    article = article_context(doc, resolved, country_of, front_of)
    by_sentence = mentions_by_sentence(sentences, resolved)
    events: list[Event] = []
    previous: tuple[Place, int] | None = None
    area: tuple[Place, int] | None = None  # the last events' region or country, no town named
    stated = None  # the last date a sentence stated: what "the next day" follows
    age = 0
    for number, sentence in enumerate(sentences):
        if _not_a_report(doc, sentence):
            continue
        clause = make_clause(
            doc,
            sentences,
            number,
            by_sentence.get(sentence.start, ()),
            article,
            previous,
            stated,
            area,
        )
        if clause is None:
            continue
        if clause.dates:
            stated = (clause.dates[-1].date, clause.dates[-1].precision)
        found = [event for kind in KINDS if kind.extract for event in kind.extract(clause)]
        # A strike's toll stays with the strike: no separate toll for it.
        if any("fatalities" in e.figures for e in found if not is_claim(e)):
            found = [e for e in found if e.layer != "casualties"]
        events.extend(found)
        placed = [e for e in found if e.place is not None and not is_claim(e)]
        towns = [e for e in placed if e.place.kind in SITE_KINDS]
        if towns:
            previous, area, age = (towns[-1].place, towns[-1].geo_precision), None, 0
        elif placed:
            previous, area, age = None, (placed[-1].place, placed[-1].geo_precision), 0
        elif (age := age + 1) > _REMEMBERED:
            previous = area = None
    return one_record_per_event(events, doc.date)


# A video's caption ("00:49 Firefighters battle a blaze ... – video").
_CAPTION = re.compile(r"^\d{1,2}:\d{2}\s|[–—-]\s*video\s*$", re.IGNORECASE)


def _not_a_report(doc: Document, sentence: Sentence) -> bool:
    """True for the headline (its lead reports the same) and a video's caption."""
    return bool(doc.title and sentence.text == doc.title.strip()) or bool(
        _CAPTION.search(sentence.text)
    )
