"""Events and claims, in ACLED's vocabulary, from the sentences of a document.

Each kind of event is one module, registered once in :mod:`.registry`; the
shared helpers read a sentence's places (:mod:`.places`), dates
(:mod:`.dates`), numbers (:mod:`.numbers`) and actors (:mod:`.actors`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from ..gazetteer.vocabulary import SITE_KINDS, PlaceKind
from ..model import Document, Event, Place, ResolvedMention, Sentence
from .agreements import merge_ceasefires, merge_exchanges
from .clause import article_context, make_clause, mentions_by_sentence
from .dates import YEAR, undated
from .places import contains
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
    age = 0
    for number, sentence in enumerate(sentences):
        if _not_a_report(doc, sentence):
            continue
        clause = make_clause(
            doc, sentences, number, by_sentence.get(sentence.start, ()), article, previous
        )
        if clause is None:
            continue
        found = [event for kind in KINDS if kind.extract for event in kind.extract(clause)]
        # A strike's toll stays with the strike: no separate toll for it.
        if any("fatalities" in e.figures for e in found if not _is_claim(e)):
            found = [e for e in found if e.layer != "casualties"]
        events.extend(found)
        towns = [e for e in found if e.place is not None and e.place.kind in SITE_KINDS]
        if towns:
            previous, age = (towns[-1].place, towns[-1].geo_precision), 0
        elif (age := age + 1) > _REMEMBERED:
            previous = None
    merged = merge_ceasefires(merge_exchanges(_one_per_place(events, doc.date)))
    return _without_summaries(_placed_or_dated(merged, doc.date))


# A video's caption ("00:49 Firefighters battle a blaze ... – video").
_CAPTION = re.compile(r"^\d{1,2}:\d{2}\s|[–—-]\s*video\s*$", re.IGNORECASE)


def _not_a_report(doc: Document, sentence: Sentence) -> bool:
    """True for the headline (its lead reports the same) and a video's caption."""
    return bool(doc.title and sentence.text == doc.title.strip()) or bool(
        _CAPTION.search(sentence.text)
    )


def _one_per_place(events: list[Event], article_date: dt.date | None) -> list[Event]:
    """An article's vaguely dated report (week or month) of an event of one
    kind at one place that it also dates to the day is that same event; so is
    a report that states no time of an event of the kind at the place that
    the article dates elsewhere ("Kaushal said that at Kremenchuk, Russia used
    an anti-ship missile" after the strike's own report). "Another strike on
    X" is a new one."""
    no_time = undated(article_date) if article_date else None
    by_day = {
        (e.layer, e.sub_event_type, e.place.id)
        for e in events
        if e.place is not None and e.time_precision == 1
    }
    dated = {
        (e.layer, e.sub_event_type, e.place.id)
        for e in events
        if e.place is not None and (e.event_date, e.time_precision) != no_time
    }

    def repeats(e: Event) -> bool:
        if e.place is None or e.time_precision in (None, 1) or _ANOTHER.search(e.quote):
            return False
        if (e.layer, e.sub_event_type, e.place.id) in by_day:
            return True
        key = (e.layer, e.sub_event_type, e.place.id)
        return (e.event_date, e.time_precision) == no_time and key in dated

    return [e for e in events if not repeats(e)]


_ANOTHER = re.compile(
    r"\b(?:another|a\s+(?:second|third|new|fresh|further))\s+(?:[\w-]+\s+)?(?:strike|attack|"
    r"blast|explosion|missile|rocket|drone|round|wave|assault|bomb\w*|shelling|clash)",
    re.IGNORECASE,
)


def _placed_or_dated(events: list[Event], article_date: dt.date | None) -> list[Event]:
    """Events with a town or region of their own, or a time: "Russian air
    attacks on Ukraine's grid have slowed" names neither, and describes the
    war rather than reports an event in it; so does what happens "at various
    points in the war" or "repeatedly", when no time is given. ACLED dates an
    event to its month at least: one dated only to a year ("the failed push
    for Kyiv last year") is background mentioned in passing. Claims are kept."""
    no_time = undated(article_date) if article_date else (None, None)

    def described(e: Event) -> bool:
        if (e.event_date, e.time_precision) != no_time:
            return e.time_precision == YEAR
        return bool(_HABITUAL.search(e.quote)) or (
            e.place is not None and e.place.kind in _WHOLE_WAR
        )

    return [e for e in events if _is_claim(e) or not described(e)]


# Words that make a sentence a description of what keeps happening.
_HABITUAL = re.compile(
    r"\b(?:at\s+various\s+(?:points|times)|repeatedly|regularly|routinely|frequently|"
    r"time\s+and\s+again)\b",
    re.IGNORECASE,
)


_WHOLE_WAR = {PlaceKind.COUNTRY, PlaceKind.REGION}
_REGION_KINDS = {PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION}


def _without_summaries(events: list[Event]) -> list[Event]:
    """A report of an event in a whole region or country that the article also
    reports, the same days, at towns in it ("two people were killed by shelling
    in the Kherson region on Wednesday"; "a man was killed in Kherson city ...
    after forces shelled Komyshany") sums those up: it is not another event."""
    towns = [e for e in events if e.place is not None and e.place.kind in SITE_KINDS]

    def sums_up(e: Event) -> bool:
        return (
            not _is_claim(e)
            and e.place is not None
            and e.place.kind in _REGION_KINDS
            and any(
                (t.layer, t.sub_event_type) == (e.layer, e.sub_event_type)
                and contains(e.place, t.place)
                and _same_days(e, t)
                and e.actor1 == t.actor1
                for t in towns
            )
        )

    return [e for e in events if not sums_up(e)]


def _same_days(one: Event, other: Event) -> bool:
    """True when two events' dates agree at the coarser one's precision."""
    if one.event_date is None or other.event_date is None:
        return False
    slack = 0 if max(one.time_precision or 1, other.time_precision or 1) == 1 else 6
    return abs((one.event_date - other.event_date).days) <= slack


def _is_claim(event: Event) -> bool:
    from .registry import BY_LAYER

    return BY_LAYER[event.layer].claim
