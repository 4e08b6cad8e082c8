"""One record per event: what an article's reports add up to.

The extractors read one sentence at a time; an article reports one event in
several sentences, sums some up for a whole region, and describes the war as
well as reporting events in it. :func:`one_record_per_event` keeps what an
analyst would code once (GUIDELINES: "code each distinct event once per
article").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace

from ..gazetteer.vocabulary import SITE_KINDS, PlaceKind
from ..model import Event, Place
from . import taxonomy as t
from .agreements import merge_ceasefires, merge_exchanges
from .dates import DAY, YEAR, undated
from .emit import share_toll
from .places import contains
from .registry import BY_LAYER
from .strikes import KIND as STRIKE_KIND
from .strikes import sub_type_of


def one_record_per_event(events: list[Event], article_date: dt.date | None) -> list[Event]:
    """The article's events, each once: repeats dropped, an exchange's and a
    ceasefire's reports given one date and place, descriptions and summaries
    left out (see the functions below)."""
    # What an event carries when its sentence states no time (see clause.event_dates).
    no_time = undated(article_date) if article_date else (None, None)
    placed = _placed_by_back_references(events, no_time)
    merged = merge_ceasefires(merge_exchanges(_one_per_place(placed, no_time)))
    told = _one_protest_a_day(_told_after(merged, no_time, article_date))
    typed = _missiles_called_airstrikes(_weaponless_strikes_as_before(told))
    return _without_summaries(_placed_or_dated(typed, no_time))


# A protest's sub-types, from the mildest: one protest takes the worst it met.
_FORCE = {sub: rank for rank, sub in enumerate(t.SUB_EVENT_TYPES[t.PROTESTS])}


def _one_protest_a_day(events: list[Event]) -> list[Event]:
    """An article's reports of a protest at one place on one stated day are
    one protest (ACLED codes one per place and day), of the worst sub-type they
    report, with the fatalities one of them gives: "police fired tear gas at
    protesters in Khartoum. 2 protesters were killed" is excessive force."""
    protests: dict[tuple, Event] = {}
    kept: list[Event | tuple] = []  # events, and each protest's key where it first stood
    for e in events:
        if e.layer != "protests" or e.place is None or e.time_precision != DAY:
            kept.append(e)
            continue
        key = (e.place.id, e.event_date)
        first = protests.get(key)
        if first is None:
            protests[key] = e
            kept.append(key)
            continue
        worst = max((first, e), key=lambda x: _FORCE.get(x.sub_event_type, 0))
        protests[key] = replace(
            first, sub_event_type=worst.sub_event_type, figures={**e.figures, **first.figures}
        )
    return [protests[k] if isinstance(k, tuple) else k for k in kept]


def _told_after(events: list[Event], no_time: tuple, article_date: dt.date | None) -> list[Event]:
    """What a sentence that names no time adds to the events of the sentence
    right before it, as ACLED's notes and terse reports tell an event: "On 3
    April 2023, Russian forces shelled Huliaipole, Zaporizhzhia. 1 civilian
    was killed." The death toll of a sentence that names no place either is
    those events' fatalities (shared among them), not a toll of its own; an
    event at one of their places takes their date ("Ukrainian forces regained
    control of Neskuchne"), and so does one at a town or region of its own,
    which goes on telling of that day ("Russian troops shelled the Kherson
    region on Friday. Buildings came under fire in Kherson"). A strike whose
    weapons "were all shot down" is no strike: the downing is the event."""
    out: list[Event] = []
    for event in events:
        before = [e for e in out if 0 < event.quote_start - e.quote_end <= 2 and not is_claim(e)]
        if not before:
            out.append(event)
            continue
        region = _in_region_before(event, before)
        told_when = (event.event_date, event.time_precision)
        if region is not None and told_when in (
            (article_date, DAY),  # a toll's day when it states none: its report's
            (region.event_date, region.time_precision),
        ):
            # "In the Zaporizhzhia region, Russian troops launched 390 strikes. A woman
            # was killed in Huliaipole.": one of those strikes, at the town, with its dead
            out.append(
                replace(
                    region,
                    place=event.place,
                    geo_precision=event.geo_precision,
                    quote=event.quote,
                    quote_start=event.quote_start,
                    quote_end=event.quote_end,
                    figures={"fatalities": event.figures["toll"]},
                )
            )
            continue
        if _placeless_toll(event, article_date):
            toll = event.figures["toll"]
            takers = [e for e in before if _counts_dead(e) and "fatalities" not in e.figures]
            if toll.unit == "killed" and takers:
                shared = share_toll(takers, toll)
                out = [shared[takers.index(e)] if e in takers else e for e in out]
                continue
            if toll.unit != "killed":  # "1 civilian was injured": where and when it was
                first = before[0]
                event = replace(
                    event,
                    place=first.place,
                    geo_precision=first.geo_precision,
                    event_date=first.event_date,
                    time_precision=first.time_precision,
                )
        if (
            (event.event_date, event.time_precision) == no_time
            and not is_claim(event)
            and not _ANOTHER_TIME.match(event.quote)
        ):
            dated = [e for e in before if e.place == event.place and e.time_precision == DAY]
            if not dated and _goes_on(event):
                dated = [e for e in before if e.time_precision == DAY]
            if dated:
                event = replace(event, event_date=dated[0].event_date, time_precision=DAY)
        if event.layer == "disrupted" and _ALL_DOWN.search(event.quote):
            out = [e for e in out if not (e in before and e.layer == "strikes")]
        out.append(event)
    return out


def _in_region_before(event: Event, before: list[Event]) -> Event | None:
    """For a death toll at a town, the event the sentence right before
    reported in the town's region, if one that counts its dead did."""
    toll = event.figures.get("toll")
    if toll is None or toll.unit != "killed" or event.place is None:
        return None
    if event.place.kind not in SITE_KINDS:
        return None
    return next(
        (
            e
            for e in before
            if _counts_dead(e) and "fatalities" not in e.figures and _in_region_of(event.place, e)
        ),
        None,
    )


def _in_region_of(place: Place, event: Event) -> bool:
    """True when ``event`` was placed at a region (not a country) that holds ``place``."""
    return (
        event.place is not None
        and event.place.kind in _REGION_KINDS
        and contains(event.place, place)
    )


def _goes_on(event: Event) -> bool:
    """True for violence at a town or region of its own, which a sentence that
    names no time tells as part of the day the sentence before told of. (A
    swap's or a ceasefire's reports are dated together, as one event.)"""
    return _counts_dead(event) and event.place is not None and event.place.kind not in _WHOLE_WAR


# "All drones were shot down", "all of them were intercepted".
_ALL_DOWN = re.compile(
    r"\ball\s+(?:of\s+them|\w+\s+)?(?:\w+\s+)?(?:were|was|have\s+been)\s+"
    r"(?:shot\s+down|intercepted|destroyed|downed)\b",
    re.IGNORECASE,
)


def _placeless_toll(event: Event, article_date: dt.date | None) -> bool:
    """True for a toll put at the article's country for want of a place, as
    of the article's day (a sentence that states neither)."""
    toll = event.figures.get("toll")
    return (
        toll is not None
        and not _TALLY.search(event.quote)
        and event.place is not None
        and event.place.kind == PlaceKind.COUNTRY
        and (event.event_date, event.time_precision) == (article_date, DAY)
    )


# "Later, ...", "Meanwhile, ...": another time, or another event.
_ANOTHER_TIME = re.compile(
    r"^\W*(?:later|earlier|meanwhile|separately|elsewhere|previously|afterwards)\b", re.I
)
# A toll over a span is a tally, not one event's: "since the war began",
# "in the previous 24 hours", "so far", "the war, which began in April 2023,
# has killed more than 14,000 people".
_TALLY = re.compile(
    r"\b(?:since|so\s+far|in\s+total|overall|altogether|to\s+date|"
    r"(?:previous|past|last)\s+(?:24\s+hours|\w+\s+(?:days|weeks|months))|a\s+day|"
    r"(?:began|started|erupted|broke\s+out)\s+in|"
    r"(?:war|conflict|insurgency|fighting|violence)\b[^.;]{0,60}?\bha(?:s|ve)\s+(?:\w+\s+)?killed)\b",
    re.IGNORECASE,
)


def _counts_dead(event: Event) -> bool:
    """True for an event whose layer records fatalities."""
    return "fatalities" in dict(BY_LAYER[event.layer].fields)


def is_claim(event: Event) -> bool:
    """True for a reported figure (a toll, a share, a length), not an event."""
    return BY_LAYER[event.layer].claim


def _one_per_place(events: list[Event], no_time: tuple) -> list[Event]:
    """An article's vaguely dated report (week or month) of an event of one
    kind at one place that it also dates to the day is that same event; so is
    a report that states no time of an event of the kind at the place that
    the article dates elsewhere ("Kaushal said that at Kremenchuk, Russia used
    an anti-ship missile" after the strike's own report). "Another strike on
    X" is a new one."""
    by_day = {
        (e.layer, e.sub_event_type, e.place.id)
        for e in events
        if e.place is not None and e.time_precision == DAY
    }
    dated = {
        (e.layer, e.sub_event_type, e.place.id)
        for e in events
        if e.place is not None and (e.event_date, e.time_precision) != no_time
    }
    dated_anyhow = {key[::2] for key in dated}
    dated_places = {key[2] for key in dated}
    # The days each event is told to have happened on, not the day it was told.
    days = defaultdict(set)
    for e in events:
        if e.place is not None and e.time_precision == DAY and not _TOLD_LATER.search(e.quote):
            days[(e.layer, e.sub_event_type, e.place.id)].add(e.event_date)

    def repeats(e: Event) -> bool:
        if e.place is None or _ANOTHER.search(e.quote):
            return False
        key = (e.layer, e.sub_event_type, e.place.id)
        if e.time_precision == DAY and _TOLD_LATER.search(e.quote):
            # "On Friday Russia acknowledged it had targeted Vinnytsia", after
            # the strike of Thursday: the day it was told of, not another strike.
            return any(0 < (e.event_date - day).days <= 7 for day in days[key])
        untimed = (e.event_date, e.time_precision) == no_time
        named_again = _BACK_REFERENCE.match(e.quote) if untimed else None
        if named_again and (
            (e.layer, e.place.id) in dated_anyhow
            or (
                named_again.group("what").lower().startswith("attack")
                and e.place.id in dated_places
            )
        ):
            # "The strikes came as...": those reported, whatever they were; "The
            # attack on the village came after...": the one reported there, of any kind
            return True
        if e.time_precision in (None, DAY):
            return False
        return key in by_day or (untimed and key in dated)

    return [e for e in events if not repeats(e)]


def _placed_by_back_references(events: list[Event], no_time: tuple) -> list[Event]:
    """A sentence that opens on "the strike" and puts it at a town in the
    region where an earlier sentence put an event of its kind tells where (and
    when) that event was, not of another: "A military air strike on a village
    in the Sagaing region killed 53 people ... The strike on Pazigyi village
    in Kanbalu township took place early on Tuesday". The earlier report takes
    the town, and the day if the later one states it; the later one is told
    as that event, so that the layer merges the two reports."""
    out: list[Event] = []
    for e in events:
        earlier = None
        if e.place is not None and not is_claim(e) and _BACK_REFERENCE.match(e.quote):
            earlier = next(
                (x for x in reversed(out) if x.layer == e.layer and _in_region_of(e.place, x)),
                None,
            )
        if earlier is None:
            out.append(e)
            continue
        when = {}
        if (e.event_date, e.time_precision) != no_time:
            when = {"event_date": e.event_date, "time_precision": e.time_precision}
        placed = replace(earlier, place=e.place, geo_precision=e.geo_precision, **when)
        out[out.index(earlier)] = placed
        out.append(
            replace(
                e,
                sub_event_type=placed.sub_event_type,
                event_date=placed.event_date,
                time_precision=placed.time_precision,
                geo_precision=placed.geo_precision,
                actor1=e.actor1 or placed.actor1,
            )
        )
    return out


# A sentence that opens on "the strikes" speaks of strikes already reported.
_BACK_REFERENCE = re.compile(
    r"^\W*The\s+(?:[\w-]+\s+)?(?P<what>strikes?|attacks?|shelling|bombardment|raids?|assault|"
    r"blasts?|explosions?)\b"
)
# An act told on a day, in the past perfect: it happened before the telling.
_TOLD_LATER = re.compile(
    r"\b(?:said|says|acknowledged|admitted|claimed|confirmed|announced|reported)\b"
    r"(?:\s+[\w’'-]+){0,6}?\s+had\s+(?:been\s+)?[a-z]+ed\b",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    r"\b(?:another|a\s+(?:second|third|new|fresh|further))\s+(?:[\w-]+\s+)?(?:strike|attack|"
    r"blast|explosion|missile|rocket|drone|round|wave|assault|bomb\w*|shelling|clash)",
    re.IGNORECASE,
)


# "airstrikes", "air raids": what reporters call a missile strike too.
_GENERIC_AIR = re.compile(r"\bair\s*(?:strikes?|raids?|attacks?)\b", re.IGNORECASE)
_MISSILES = re.compile(
    r"\b(?:missiles?|rockets?|kalibrs?|iskanders?|cruise|ballistic|s-300s?)\b", re.IGNORECASE
)
_AIRCRAFT = re.compile(
    r"\b(?:drones?|uavs?|shaheds?|jets?|warplanes?|aircraft|helicopters?|bombers?|bombs?)\b",
    re.IGNORECASE,
)


def _weaponless_strikes_as_before(events: list[Event]) -> list[Event]:
    """A "strike" told without its weapon ("an Israeli strike on a school")
    is of the kind the article last named for a strike by the same hands
    ("Israeli airstrikes killed ..."), and "the strikes" are the article's
    last strikes with a weapon, by their hands, rather than shelling by no
    one. (The verb says less: forces that "struck Kherson" may have shelled it.)"""
    out = list(events)
    # actor → (actor, sub-type) of its last strike with a weapon; None → the last's
    last_named: dict[str | None, tuple[str | None, str]] = {}
    for n in sorted(range(len(out)), key=lambda n: out[n].quote_start):
        e = out[n]
        if e.layer != STRIKE_KIND.layer:
            continue
        if sub_type_of(e.quote, e.quote) is not None:
            last_named[e.actor1] = last_named[None] = (e.actor1, e.sub_event_type)
        elif (
            _STRIKE_NOUN.search(e.quote)
            and (e.actor1 is not None or _BACK_REFERENCE.match(e.quote))
            and e.actor1 in last_named
        ):
            actor, sub_type = last_named[e.actor1]
            out[n] = replace(e, sub_event_type=sub_type, actor1=actor)
    return out


_STRIKE_NOUN = re.compile(r"\b(?:an?|the|[A-Z]\w+)\s+strikes?\b")


def _missiles_called_airstrikes(events: list[Event]) -> list[Event]:
    """An "airstrike" on a place the article reports struck by missiles the
    same day is that missile strike: ACLED codes it as shelling whatever the
    text calls it. An airstrike by named drones or aircraft stays one, and so
    does one on a place under artillery fire (the front: both happen)."""
    shelled = {
        (e.place.id, e.event_date)
        for e in events
        if e.place is not None and e.sub_event_type == t.SHELLING and _MISSILES.search(e.quote)
    }
    return [
        e
        for e in events
        if not (
            e.sub_event_type == t.AIR_DRONE
            and e.place is not None
            and (e.place.id, e.event_date) in shelled
            and _GENERIC_AIR.search(e.quote)
            and not _AIRCRAFT.search(e.quote)
        )
    ]


def _placed_or_dated(events: list[Event], no_time: tuple) -> list[Event]:
    """Events with a town or region of their own, or a time: "Russian air
    attacks on Ukraine's grid have slowed" names neither, and describes the
    war rather than reports an event in it; so does what happens "at various
    points in the war" or "repeatedly", when no time is given. ACLED dates an
    event to its month at least: one dated only to a year ("the failed push
    for Kyiv last year") is background mentioned in passing. Claims are kept."""

    def described(e: Event) -> bool:
        if (e.event_date, e.time_precision) != no_time:
            return e.time_precision == YEAR
        return bool(_HABITUAL.search(e.quote)) or (
            e.place is not None and e.place.kind in _WHOLE_WAR
        )

    return [e for e in events if is_claim(e) or not described(e)]


# Words that make a sentence a description of what keeps happening.
_HABITUAL = re.compile(
    r"\b(?:at\s+various\s+(?:points|times)|repeatedly|regularly|routinely|frequently|"
    r"time\s+and\s+again)\b",
    re.IGNORECASE,
)


_WHOLE_WAR = {PlaceKind.COUNTRY, PlaceKind.REGION}
_REGION_KINDS = {PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION}


def _without_summaries(events: list[Event]) -> list[Event]:
    """A report of an event in a whole region that the article also reports,
    the same days and by the same hands, at towns in it ("two people were killed by shelling
    in the Kherson region on Wednesday"; "a man was killed in Kherson city ...
    after forces shelled Komyshany") sums those up: it is not another event."""
    towns = [e for e in events if e.place is not None and e.place.kind in SITE_KINDS]

    def sums_up(e: Event) -> bool:
        return not is_claim(e) and any(
            (t.layer, t.sub_event_type) == (e.layer, e.sub_event_type)
            and _in_region_of(t.place, e)
            and _same_days(e, t)
            and e.actor1 == t.actor1
            for t in towns
        )

    return [e for e in events if not sums_up(e)]


def _same_days(one: Event, other: Event) -> bool:
    """True when two events' dates agree at the coarser one's precision."""
    if one.event_date is None or other.event_date is None:
        return False
    slack = 0 if max(one.time_precision or DAY, other.time_precision or DAY) == DAY else 6
    return abs((one.event_date - other.event_date).days) <= slack
