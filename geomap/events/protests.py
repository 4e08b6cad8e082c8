"""Protests and riots: demonstrations, peaceful or not, and mob violence.

A protest is peaceful unless the authorities intervene (dispersed, tear gas,
arrests: "Protest with intervention") or kill or shoot protesters
("Excessive force against protesters"), in its sentence or in the next one
when that goes on about the crowd ("... Police used tear gas to disperse
them"). A crowd that turns violent itself (rioting, clashing with police,
burning, stoning) makes a riot: a "Violent demonstration", or "Mob violence"
without a cause, as in lynchings. Labour strikes are protests, as ACLED codes
them.
"""

from __future__ import annotations

import re

from ..model import Event, Figure
from . import taxonomy as t
from .actors import actor_before
from .clause import Clause
from .emit import emit
from .kinds import EventKind
from .numbers import fatalities

_PROTEST = re.compile(
    r"\b(?:protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors|ed|ing)|rall(?:y|ies|ied)|"
    r"marched|marches|vigils?|sit-?ins?|took\s+to\s+the\s+streets|went\s+on\s+strike|"
    r"(?:general|labou?r|hunger)\s+strikes?|walk-?outs?|"
    # a crowd gathered for a cause: "200 people gathered in Kyiv to demand..."
    r"gathered\s+(?:[\w,]+\s+){0,8}?(?:to\s+(?:demand|protest|denounce|condemn|call\s+for)|"
    r"demanding|calling\s+for|chanting))\b",
    re.IGNORECASE,
)
# A crowd in the sentence: force used on it, or by it, is a protest's or a
# riot's, not a strike or a battle ("police fired on protesters", "protesters
# stormed the parliament").
CROWD = re.compile(
    r"\b(?:protest\w*|demonstrat(?:ion|ions|ors)|rall(?:y|ies)|crowds?|marchers|rioters|mobs?)\b",
    re.IGNORECASE,
)
_EXCESSIVE = re.compile(
    r"\b(?:live\s+(?:ammunition|fire|rounds)|opened\s+fire|shot\s+(?:dead|at)|killed|"
    r"killing|beaten\s+to\s+death)\b",
    re.IGNORECASE,
)
_INTERVENTION = re.compile(
    r"\b(?:dispers\w+|tear\s*gas|water\s+cannons?|rubber\s+bullets|stun\s+grenades|arrest\w*|"
    r"detain\w*|batons?|beat(?:en)?|broke\s+up|crack(?:ed)?\s*down|crackdown|pepper\s+spray|"
    # force on the crowd: "security forces attacked protesters"
    r"(?:attack\w*|assault\w*|charg\w*|clubb\w*|whipp\w*)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:protesters|demonstrators|crowds?|marchers|rall(?:y|ies)))\b",
    re.IGNORECASE,
)
# What a protest is about ("demanding the release of detained activists",
# "against the killing of a student"), up to the clause's end.
# Whom a vigil or a funeral mourns is what it is about too ("a vigil for
# soldiers killed in the Makiivka attack").
_CAUSE = re.compile(
    r"\b(?:demand\w*|call(?:s|ed|ing)?\s+for|urg\w*|against|to\s+protest|protesting|"
    r"vigils?|funerals?|burials?|mourn\w*|commemorat\w*|in\s+memory\s+of)\b[^,;.]*",
    re.IGNORECASE,
)
_RIOT = re.compile(
    r"\b(?:riot(?:s|ed|ing|ers)?|rampag\w+|clash(?:ed|es)\s+with\s+(?:police|security)|"
    r"thr(?:ew|owing|own)\s+(?:stones|rocks|bricks|petrol\s+bombs|molotov)|stone-?throwing|"
    r"torched|set\s+(?:fire\s+to|ablaze)|set\s+(?:\w+\s+){1,2}(?:on\s+fire|ablaze)|"
    r"burn(?:ed|t|ing)\s+(?:\w+\s+)?(?:tyres|tires|cars|vehicles|buildings|shops|barricades)|"
    r"looted|looting|vandalis\w+|vandaliz\w+|stormed\s+(?:the\s+)?(?:parliament|"
    r"building|offices?|compound|embassy)|"
    # force by the crowd: "protesters attacked police officers"
    r"(?:protesters|demonstrators|crowds?|marchers)\s+(?:\w+\s+){0,2}?(?:attacked|assaulted|"
    r"pelted|beat)\s+(?:\w+\s+)?(?:police\w*|security|officers|soldiers|troops))\b",
    re.IGNORECASE,
)
# Protesters shot or beaten: an excessive force event (this kind's), not an
# attack on civilians.
PROTESTERS = re.compile(r"\b(?:protesters|demonstrators|marchers|mourners)\b", re.IGNORECASE)
# A mob's violence ("a mob lynched a man"), or a brawl between crowds ("rival
# supporters clashed with sticks and machetes"): the riots kind's, not an attack
# on civilians nor a battle between armed groups.
MOB = re.compile(
    r"\b(?:mobs?|lynch(?:ed|ing|ings)?|vigilantes?|"
    r"(?:rival|opposing)\s+(?:\w+\s+)?(?:supporters|factions|fans|camps)\s+clash\w*|"
    r"(?:supporters|youths|fans|students|traders)\s+(?:\w+\s+){0,5}?clash(?:ed|es)|"
    r"clash(?:ed|es)\s+(?:\w+\s+){0,3}?with\s+(?:sticks|machetes|stones|clubs|knives))\b",
    re.IGNORECASE,
)
# Protests spoken of, not held: "detained over their coverage of protests".
_SPOKEN_OF = (
    r"(?:coverage|reporting|footage|images|videos?|photos?|role|part|participation|involvement)"
    r"\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+)?(?:protests|demonstrations|rallies)"
)
PROTESTS_SPOKEN_OF = re.compile(rf"\b{_SPOKEN_OF}\b", re.IGNORECASE)
_NOT_A_PROTEST = re.compile(
    r"\b(?:demonstrat(?:ed|es|ing)\s+(?:that|how|the|its|their|a|an)|diplomatic\s+protest|"
    rf"{_SPOKEN_OF}|"
    r"lodged\s+a\s+protest|summoned|rall(?:y|ies|ied)\s+(?:\w+\s+)?(?:support|behind|around|"
    r"allies|troops|markets?|shares|stocks|prices)|"
    # a crowd that celebrates: "fans marched through Madrid to celebrate the title"
    r"(?:marched|rallied|gathered|paraded|took\s+to\s+the\s+streets)\s+(?:[\w,]+\s+){0,5}?"
    r"to\s+celebrate)\b",
    re.IGNORECASE,
)


# The crowd named again in the next sentence by a word that reports no protest
# of its own ("Police used tear gas to disperse them", "fired into the crowd"),
# or by what only a crowd is met with ("Police fired tear gas").
_CROWD_AGAIN = re.compile(
    r"\b(?:them|crowds?|marchers|gathering|tear\s*gas|water\s+cannons?|rubber\s+bullets|"
    r"stun\s+grenades|pepper\s+spray)\b|^\W*(?:Some|Many|Others|Several|A\s+few)\b",
    re.IGNORECASE,
)


# What a crowd did "to protest": "Farmers blocked roads near Warsaw to protest
# against grain imports" (a purpose, told after the protest itself).
_DONE_TO_PROTEST = re.compile(
    r"\b(?:blocked|blockaded|marched|gathered|rallied|assembled|staged|occupied|camped|"
    r"walked\s+out|went\s+on\s+strike|took\s+to\s+the\s+streets)\b[^.;]*\bto\s+$",
    re.IGNORECASE,
)


def _next_about_the_crowd(clause: Clause) -> str:
    """The next sentence, when it goes on about this protest's crowd (and
    reports no protest of its own, which would be an event of its own), or ""."""
    for sentence in clause.following[:1]:
        if _CROWD_AGAIN.search(sentence.text) and not _PROTEST.search(sentence.text):
            return sentence.text
    return ""


def _protests(clause: Clause) -> list[Event]:
    text = clause.text
    match = _PROTEST.search(text)
    if not match or _NOT_A_PROTEST.search(text) or _RIOT.search(text) or MOB.search(text):
        return []
    if clause.unreal(match.start()) and not _DONE_TO_PROTEST.search(text, 0, match.start()):
        return []
    after = _next_about_the_crowd(clause)
    killed = fatalities(text) or fatalities(after)
    if _RIOT.search(after):  # "... Some threw stones and set tyres on fire": a riot
        return _riot(clause, match, t.VIOLENT_DEMONSTRATION, killed)
    # What was done to the protest, not what it was about.
    done = f"{_CAUSE.sub(' ', text)} {after}"
    if _EXCESSIVE.search(done):
        sub_type = t.EXCESSIVE_FORCE
    elif _INTERVENTION.search(done):
        sub_type = t.PROTEST_WITH_INTERVENTION
    else:
        sub_type = t.PEACEFUL_PROTEST
    # Who used the force, when the sentence names them: the first actor of an
    # excessive force event, as ACLED codes it ("Sudanese troops shot dead ...").
    used = (_EXCESSIVE if sub_type == t.EXCESSIVE_FORCE else _INTERVENTION).search(text)
    force = used and actor_before(clause, used.start())
    actors = (force, "Protesters") if sub_type == t.EXCESSIVE_FORCE else ("Protesters", force)
    return emit(
        clause,
        PROTESTS.layer,
        t.PROTESTS,
        sub_type,
        *match.span(),
        actor1=actors[0],
        actor2=actors[1],
        figures={"fatalities": killed} if killed else {},
    )


def _riots(clause: Clause) -> list[Event]:
    text = clause.text
    mob = MOB.search(text)
    match = mob or _RIOT.search(text)
    if not match or clause.unreal(match.start()):
        return []
    if (
        not mob
        and not _PROTEST.search(text)
        and not re.search(r"\b(?:riot\w*|crowds?)\b", text, re.I)
    ):
        return []  # looting or burning by fighters is no riot
    return _riot(
        clause, match, t.MOB_VIOLENCE if mob else t.VIOLENT_DEMONSTRATION, fatalities(text)
    )


def _riot(clause: Clause, trigger: re.Match, sub_type: str, killed: Figure | None) -> list[Event]:
    """The riot of ``sub_type`` whose trigger is ``trigger``, with its dead."""
    return emit(
        clause,
        RIOTS.layer,
        t.RIOTS,
        sub_type,
        *trigger.span(),
        actor1="Rioters",
        figures={"fatalities": killed} if killed else {},
    )


PROTESTS = EventKind(
    layer="protests",
    label="Protests",
    colour="#1b9e77",
    event_types=tuple((t.PROTESTS, sub) for sub in t.SUB_EVENT_TYPES[t.PROTESTS]),
    extract=_protests,
    fields=(("fatalities", "int"),),
    figures=(("fatalities", "Fatalities", None),),
    description="Peaceful protests, protests met with force",
)
RIOTS = EventKind(
    layer="riots",
    label="Riots",
    colour="#d95f02",
    event_types=tuple((t.RIOTS, sub) for sub in t.SUB_EVENT_TYPES[t.RIOTS]),
    extract=_riots,
    fields=(("fatalities", "int"),),
    figures=(("fatalities", "Fatalities", None),),
    description="Violent demonstrations and mob violence",
)
