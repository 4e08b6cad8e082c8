"""Reported tolls: killed, wounded and casualties as a report gives them,
kept as claims (who reported them, who disputes them), not as events.

The toll is placed where the victims fell ("killed in Gaza", "two Israeli
soldiers were wounded in Gaza City"), else by whose they are (a demonym or
country in "55,000 Ukrainian soldiers"), else at the country named last
before the figure, else at the article's country.
"""

from __future__ import annotations

import re

from ..gazetteer.vocabulary import PlaceKind
from ..model import Event, Figure, Place
from .actors import actor_before, disputed_by, reported_by
from .clause import HAZARD, Clause, stated_dates, tells_of_violence
from .dates import DAY
from .kinds import EventKind
from .numbers import INCLUDING, KILLED, TOLL_KIND, one_victim, parse_numbers
from .places import event_places

TOLL = "Reported toll"
_VICTIMS = re.compile(
    r"^\s*(?P<who>(?:[A-Z][\w-]*\s+)?(?:soldiers|troops|civilians|people|children|women|"
    r"servicemen|service\s+members|fighters|militants|combatants|Palestinians|Israelis|"
    r"residents|personnel|police(?:men)?|officers|gendarmes|peacekeepers|guards|villagers|"
    r"farmers|students|workers|journalists))\b"
)
_SUFFERED = re.compile(
    r"\b(?:suffered|suffering|sustained|lost|losing)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
_NOT_PEOPLE = re.compile(
    r"\s*(?:\w+\s+)?(?:drones?|missiles?|rockets?|km|miles|years?|months?|days?|hours?|%|"
    r"tanks?|aircraft|vehicles|birds|ducks|turkeys|geese|chickens|poultry|pigs|cattle|cows|"
    r"sheep|goats|fish|dogs|animals|livestock|kilos|kilograms|kg|tonnes|tons)",
    re.IGNORECASE,
)


def _victims_place(
    clause: Clause, start: int, end: int, figure_start: int
) -> tuple[Place, int] | None:
    where = [
        p
        for p in event_places(clause, figure_start, figure_start, fallback=False)
        if p[0].kind != PlaceKind.COUNTRY
    ]
    if where:
        return where[0]  # "killed in Gaza", "two Israeli soldiers were wounded in Gaza City"
    inside = [rm for rm in clause.mentions if start <= clause.offset(rm) < end]
    if inside:
        return inside[0].place, inside[0].place.geo_precision
    before = [
        rm
        for rm in clause.mentions
        if clause.offset(rm) < figure_start and rm.place.kind == PlaceKind.COUNTRY
    ]
    if before:
        return before[-1].place, before[-1].place.geo_precision
    if clause.article.theatre:
        return clause.article.theatre, 3  # a war's toll with no place named: the war's country
    return None


def _reported(clause: Clause) -> tuple:
    date = clause.doc.date
    return date, DAY if date else None


def extract(clause: Clause) -> list[Event]:
    """The first toll ``clause`` states."""
    text = clause.text
    if HAZARD.search(text):
        return []
    for match in KILLED.finditer(text):
        if match.group("word").lower() == "executed":
            continue  # a court's executions are no war's toll
        kind = TOLL_KIND[re.sub(r"\s+", " ", match.group("word").lower())]
        candidates = [
            (s, e, f)
            for s, e, f in parse_numbers(text)
            if (-5 <= match.start() - e <= 80 or 0 <= s - match.end() <= 4)
            and not _NOT_PEOPLE.match(text[e:])
        ]
        one = None if candidates else one_victim(text, match)  # "a woman was killed in X"
        if not candidates and not one:
            continue
        # "More than 500 people, including 120 children, have been killed": the 500
        subset = INCLUDING.search(text, max(0, match.start() - 80), match.start())
        whole = [c for c in candidates if subset and c[1] <= subset.start()]
        start, end, figure = one or min(
            whole or candidates, key=lambda c: abs(c[1] - match.start())
        )
        victims = None if one else _VICTIMS.match(text[end:])
        place = _victims_place(clause, end, end + victims.end() if victims else end, start)
        if place is None or not tells_of_violence(clause.doc.text):
            continue
        # Who fell, as written; unnamed when the number names no people (the
        # actor before it is who killed them), unless it is who "suffered" them.
        who = figure.text if one else (victims.group("who") if victims else None)
        actor = actor_before(clause, start)
        if who is None and _SUFFERED.search(text, max(0, start - 40), start):
            who, actor = actor, None  # "Russia had suffered nearly 1.2 million casualties"
        # A toll is as of its report: the article's day, unless a date is given.
        when = (stated_dates(clause, *match.span()) or [_reported(clause)])[0]
        return [
            clause.event(
                KIND.layer,
                TOLL,
                kind,
                place,
                when,
                actor1=actor,
                actor2=who,
                figures={"toll": Figure(figure.value, kind, figure.hedge, figure.text)},
                details={"toll_kind": kind, **({"victims": who} if who else {})},
                reported_by=reported_by(text),
                disputed_by=disputed_by(clause),
            )
        ]
    return []


KIND = EventKind(
    layer="casualties",
    label="Reported tolls",
    colour="#444444",
    event_types=((TOLL, "killed"), (TOLL, "wounded"), (TOLL, "casualties")),
    extract=extract,
    claim=True,
    fields=(
        ("toll", "float"),
        ("toll_hedge", "str"),
        ("toll_kind", "str"),
        ("victims", "str"),
        ("disputed_by", "str"),
        ("fatalities", "int"),
    ),
    figures=(("toll", "Toll", "toll_hedge"),),
    qgis_label="coalesce(\"toll_hedge\" || ' ', '') || format_number(\"toll\", 0)"
    " || ' ' || \"toll_kind\"",
    description="Killed, wounded and casualties as reports give them",
)
