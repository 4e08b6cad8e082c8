"""Strategic developments / Agreement: talks held, deals and ceasefires
signed, and prisoner exchanges.

Talks are placed at their venue ("talks in Abu Dhabi", "met in Istanbul"),
the days they lasted kept ("a second day of talks" began the day before).
An exchange's figures ("314 prisoners", "157 each", "three civilians")
are gathered across the article's sentences about the same day's swap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from ..gazetteer.vocabulary import SITE_KINDS, PlaceKind
from ..model import Event, Figure, Place
from . import taxonomy as t
from .actors import actor_before, in_speaker_phrase, is_actor, parties, reported_by
from .clause import Clause, event_dates
from .dates import DAY, day_span
from .kinds import EventKind
from .numbers import parse_numbers
from .places import framing, specificity

_TALKS = re.compile(
    r"\b(?:(?:peace\s+|ceasefire\s+|truce\s+|trilateral\s+|bilateral\s+)?talks|negotiations|"
    r"summit|peace\s+conference|signed\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:deal|agreement|accord|"
    r"ceasefire|truce|treaty)|signing\s+ceremony|(?:deal|agreement|accord|ceasefire|truce)\s+"
    r"(?:was\s+|were\s+)?(?:signed|agreed|reached|brokered|declared|announced)|"
    r"agreed\s+(?:to|on)\s+(?:a\s+)?(?:ceasefire|truce|deal)|"
    # meetings of officials: "held a rare meeting in Ankara", "met Netanyahu in Jerusalem"
    r"(?:held|hold|holds|holding)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}meetings?|"
    r"(?:after|before|during)\s+(?:a\s+|his\s+|her\s+|their\s+)?meeting|met\s+(?:with\s+)?|"
    r"(?:for|held)\s+discussions\s+with)\b",
    re.IGNORECASE,
)
# People who "met" held talks when officials are among them ("Wang Yi met
# Lavrov"), not anyone ("first met when they were both living in New Orleans").
_OFFICIALS = re.compile(
    r"\b(?:president|minister|envoys?|delegat\w+|officials?|leaders?|chancellor|premier|"
    r"secretary|diplomats?|ambassadors?|negotiators?|commanders?|spokes\w+|king|emir|"
    r"prince|sheikh|government|representatives?|counterparts?)\b",
    re.IGNORECASE,
)
# Where talks were held: "talks in Abu Dhabi", "talks ... took place in Turkey".
_VENUE_AFTER = re.compile(
    r"\b(?:(?:in|at|hosted\s+by)\s+(?:the\s+)?|(?:city|town|capital|region|province)\s+of\s+)$",
    re.IGNORECASE,
)
_VENUE_BEFORE = re.compile(
    r"\b(?:(?:in|at|(?:travell?ed|flew|went|came|returned)\s+to|visit(?:ed|ing)|arrived\s+in)"
    r"\s+(?:the\s+)?|(?:city|town|capital)\s+of\s+)$",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(
    r"\b(?:exchang\w*|swap\w*|releas\w*|return\w*|freed|handed\s+over|repatriat\w*)\b"
    # Sides that "exchanged fire" or "traded blows" fought; nobody was freed.
    r"(?!\s+(?:of\s+)?(?:heavy\s+|artillery\s+|gun\s+|small-arms\s+|mortar\s+)?"
    r"(?:fire|gunfire|shots|blows|strikes|accusations|threats|barbs|words)\b)",
    re.IGNORECASE,
)
_CAPTIVES = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?P<noun>prisoners?(?:\s+of\s+war)?|pows?|captives|detainees|"
    r"hostages|civilians|soldiers|servicemen|bodies)\b",
    re.IGNORECASE,
)

# Captives are alive: "four soldiers were killed" counts the dead.
_FELL = re.compile(
    r"\s+(?:\w+\s+)?(?:(?:were|was|have\s+been|had\s+been)\s+)?"
    r"(?:killed|died|dead|wounded|injured|hurt|missing)\b",
    re.IGNORECASE,
)


def _venue(clause: Clause, start: int, end: int) -> tuple[Place, int] | None:
    """Where talks were held: a place named with "in" or "at" within 80
    characters after the trigger, else just before it, else the town named
    before (in the sentence, or the one before) when they were "in the city"."""
    for rm in clause.mentions:
        at = clause.offset(rm)
        if (
            end <= at <= end + 80
            and rm.place.kind != PlaceKind.CONTINENT
            and _VENUE_AFTER.search(clause.text[end:at])
        ):
            return rm.place, rm.place.geo_precision
    for rm in reversed(clause.mentions):
        at = clause.offset(rm)
        before = clause.text[max(0, at - 24) : at]
        if (
            at < start
            and rm.place.kind != PlaceKind.CONTINENT
            and start - at < 80
            and _VENUE_BEFORE.search(before)
            and not framing(before)
        ):
            return rm.place, rm.place.geo_precision
    # "his talks in the city": the town named before, in this sentence or the last.
    if _VENUE_BACK.match(clause.text, end):
        towns = [
            rm.place
            for rm in clause.mentions
            if clause.offset(rm) < start and rm.place.kind in SITE_KINDS
        ]
        place = towns[-1] if towns else (clause.previous_place or (None,))[0]
        if place is not None:
            return place, place.geo_precision
    return None


_VENUE_BACK = re.compile(r"\s+(?:in|at)\s+the\s+(?:city|capital|town)\b", re.IGNORECASE)


# Summits of blocs and allies are diplomacy, not talks about a conflict.
_BLOC = re.compile(
    r"\b(?:G7|G20|Nato|EU|European\s+Union|Brics|Asean|Davos|Commonwealth|UN\s+General\s+"
    r"Assembly)\b[^.]{0,30}\b(?:summit|meeting|talks)\b|\b(?:summit|meeting)\s+of\s+"
    r"(?:world\s+leaders|Nato|the\s+EU|G7|G20)\b",
    re.IGNORECASE,
)


# Talks that came to nothing agreed nothing: "talks in Jeddah collapsed".
_FAILED = re.compile(
    r"\b(?:collapsed|broke\s+down|(?:have|has|had)\s+failed|failed\s+to\s+(?:reach|produce|"
    r"yield)|stalled|ended\s+without|were\s+(?:suspended|called\s+off))\b",
    re.IGNORECASE,
)


def _talks(clause: Clause) -> list[Event]:
    text = clause.text
    if _BLOC.search(text) or _FAILED.search(text):
        return []
    events, venues = [], set()
    for match in _TALKS.finditer(text):
        if clause.unreal(match.start()):
            continue
        if match.group().lower().startswith("met") and not _OFFICIALS.search(text):
            continue
        venue = _venue(clause, *match.span())
        # "met in Brussels for peace talks": two words for one meeting.
        if venue is None or venue[0].id in venues:
            continue
        venues.add(venue[0].id)
        together = parties(clause, exclude=venue[0].name)
        date, precision = event_dates(clause, *match.span())[-1]
        start = day_span(text, date) if date and precision == DAY else date
        details = {"parties": ", ".join(together[:2])} if together else {}
        if date and start and date != start:
            details["end_date"] = date.isoformat()
        events.append(
            clause.event(
                TALKS.layer,
                t.STRATEGIC,
                t.AGREEMENT,
                venue,
                (start, precision),
                actor1=together[0] if together else None,
                actor2=together[1] if len(together) > 1 else None,
                details=details,
                reported_by=reported_by(text, match.start()),
            )
        )
    return events


CEASEFIRE = "ceasefire"  # the talks layer's ``agreement`` for one
_CEASEFIRE = re.compile(r"\b(?:ceasefires?|cease-fires?|truces?|armistice)\b", re.IGNORECASE)
# What makes a ceasefire news: it was declared, held, broken or ended; "calls
# for a ceasefire" is none of these.
_CEASEFIRE_STATUS = re.compile(
    r"\b(?:declared|announced|began|begins|observ\w+|(?:came|come|comes|coming)\s+into\s+"
    r"(?:force|effect)|(?:took|takes)\s+(?:effect|hold)|in\s+(?:force|effect|place)|held|"
    r"holding|broke|broken|violat\w+|breach\w*|ended|ends|drew\s+to\s+an\s+end|expired|"
    r"agreed|signed|order|ordered|collapsed|extended|unilateral)\b",
    re.IGNORECASE,
)
_ALONG_THE_FRONT = re.compile(
    r"\b(?:along|on|across)\s+(?:the\s+)?(?:entire\s+|whole\s+)?(?:line\s+of\s+contact|contact\s+line|"
    r"front\s*-?\s*lines?)\b",
    re.IGNORECASE,
)


def _ceasefires(clause: Clause) -> list[Event]:
    """A ceasefire declared, holding, broken or ended: where the sentence puts
    it, and a ceasefire in a country at war ("in Ukraine", "along the entire
    line of contact", or nowhere named) along its line of contact where
    geomap knows one, else in the article's country."""
    text = clause.text
    match = _CEASEFIRE.search(text)
    if not match or not _CEASEFIRE_STATUS.search(text) or clause.unreal(match.start()):
        return []
    start, end = match.span()
    article = clause.article
    along = _ALONG_THE_FRONT.search(text)
    # Only a place named with the ceasefire itself ("a ceasefire in Gaza"): the
    # sentence's other places are often those of the strikes it dates by it,
    # or an official's ("the governor of the Luhansk region said").
    where = [] if along else _ceasefire_in(clause, end)
    whole_war = [
        (place, precision)
        for place, precision in where
        if place.kind != PlaceKind.COUNTRY
        or not (article.front and article.front.country_code == place.country_code)
    ]
    if not whole_war:
        war = article.front or article.theatre
        whole_war = [(war, 3)] if war else []
    together = parties(clause)
    return [
        clause.event(
            TALKS.layer,
            t.STRATEGIC,
            t.AGREEMENT,
            place,
            when,
            actor1=together[0] if together else actor_before(clause, start),
            actor2=together[1] if len(together) > 1 else None,
            details={"agreement": CEASEFIRE},
            reported_by=reported_by(text, start),
        )
        for place in whole_war
        for when in event_dates(clause, start, end)
    ]


# "a ceasefire in Gaza", "a truce for the whole of Sudan"
_HELD_IN = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:in|across|for|throughout|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}",
    re.IGNORECASE,
)


def _ceasefire_in(clause: Clause, end: int) -> list[tuple[Place, int]]:
    """The place a ceasefire is said to hold in, named right after the word."""
    for rm in clause.mentions:
        at = clause.offset(rm)
        if at >= end and _HELD_IN.fullmatch(clause.text, end, at) and not is_actor(clause, rm):
            return [(rm.place, rm.place.geo_precision)]
    return []


def merge_ceasefires(events: Sequence[Event]) -> list[Event]:
    """An article's reports of a ceasefire at one place ("came into force at
    noon", "on Orthodox Christmas", "Putin's announced ceasefire") are one
    ceasefire: each takes the date of the first report that gives a day, so
    the layer merges them into one feature."""
    first: dict[str, Event] = {}
    for event in events:
        if event.details.get("agreement") == CEASEFIRE and event.place is not None:
            held = first.get(event.place.id)
            if held is None or (held.time_precision != DAY and event.time_precision == DAY):
                first[event.place.id] = event
    return [
        replace(
            e,
            event_date=first[e.place.id].event_date,
            time_precision=first[e.place.id].time_precision,
        )
        if e.details.get("agreement") == CEASEFIRE and e.place is not None
        else e
        for e in events
    ]


def _agreements(clause: Clause) -> list[Event]:
    """Talks held, else a ceasefire, that ``clause`` reports."""
    return _talks(clause) or _ceasefires(clause)


def _exchanges(clause: Clause) -> list[Event]:
    text = clause.text
    verb = _EXCHANGE.search(text)
    if not verb or clause.unreal(verb.start()):
        return []
    figures: dict[str, Figure] = {}
    for start, end, figure in parse_numbers(text):
        noun = _CAPTIVES.match(text[end : end + 40])
        if not noun or _FELL.match(text, end + noun.end()):
            continue
        word = noun.group("noun").lower()
        if word == "civilians":
            name = "civilians"
        elif re.match(r"^[^.,;]*?\beach\b", text[end : end + 60]):
            name = "prisoners_each"
        else:
            name = "prisoners_total"
        figures.setdefault(
            name, Figure(figure.value, word, figure.hedge, text[start : end + noun.end()])
        )
    if not figures:
        return []
    # Where the swap took place ("exchanged 390 prisoners each in Belarus"), else
    # the most specific place named, not who told of it ("Kyiv said") nor a
    # side ("between the Houthis and Riyadh"), else the war's country.
    where = _venue(clause, *verb.span())
    if where is None:
        named = [
            r
            for r in clause.mentions
            if not in_speaker_phrase(clause, r) and not is_actor(clause, r)
        ]
        if not named and clause.article.theatre is not None:
            where = (clause.article.theatre, 3)
        elif named or clause.mentions:
            rm = min(
                named or clause.mentions, key=lambda r: (specificity(r.place), r.mention.start)
            )
            where = (rm.place, rm.place.geo_precision)
        else:
            return []
    together = parties(clause)
    date, precision = event_dates(clause, verb.start(), verb.end())[0]
    return [
        clause.event(
            EXCHANGES.layer,
            t.STRATEGIC,
            t.AGREEMENT,
            where,
            (date, precision),
            actor1=together[0] if together else None,
            actor2=together[1] if len(together) > 1 else None,
            figures=figures,
            details={"figures": "; ".join(f.text for f in figures.values())},
            reported_by=reported_by(text),
        )
    ]


def merge_exchanges(events: Sequence[Event]) -> list[Event]:
    """An article's figures for one day's swap ("314 prisoners", "157 each",
    "three civilians returned to the Kursk region") describe one exchange:
    give every report of it all the figures and the most specific place any
    of them names, so the layer merges them into one feature."""
    by_day: dict[tuple[dt.date | None, int | None], list[Event]] = {}
    others = []
    for event in events:
        if event.layer == EXCHANGES.layer:
            by_day.setdefault((event.event_date, event.time_precision), []).append(event)
        else:
            others.append(event)
    for group in by_day.values():
        where = min(group, key=lambda e: (specificity(e.place), e.quote_start))
        figures: dict[str, Figure] = {}
        for event in group:
            for name, figure in event.figures.items():
                figures.setdefault(name, figure)
        text = "; ".join(f.text for f in figures.values())
        others.extend(
            replace(
                e,
                place=where.place,
                geo_precision=where.geo_precision,
                figures=figures,
                details={**e.details, "figures": text},
            )
            for e in group
        )
    return others


TALKS = EventKind(
    layer="talks",
    label="Talks and agreements",
    colour="#1a9850",
    event_types=((t.STRATEGIC, t.AGREEMENT),),
    extract=_agreements,
    fields=(("end_date", "str"), ("parties", "str"), ("agreement", "str")),
    description="Talks held, deals and ceasefires signed, at their venue",
)
EXCHANGES = EventKind(
    layer="exchanges",
    label="Prisoner exchanges",
    colour="#7b3294",
    event_types=((t.STRATEGIC, t.AGREEMENT),),
    extract=_exchanges,
    fields=(
        ("prisoners_total", "float"),
        ("prisoners_each", "float"),
        ("civilians", "float"),
        ("figures", "str"),
    ),
    figures=(
        ("prisoners_total", "Prisoners exchanged", None),
        ("prisoners_each", "Prisoners each side", None),
        ("civilians", "Civilians", None),
    ),
    description="Prisoner exchanges, with the figures of every report",
)
