"""Strategic developments that are no agreement: weapons shot down or seized,
arrests, looting and destruction of property, bases set up, armed groups
changing.
"""

from __future__ import annotations

import re

from ..model import Event
from . import taxonomy as t
from .actors import actor_before
from .clause import Clause
from .emit import emit
from .kinds import EventKind
from .numbers import count_before, parse_numbers
from .places import event_places
from .protests import CROWD, PROTESTS_SPOKEN_OF

_DISRUPTED = re.compile(
    r"\b(?:shot\s+down|intercept(?:ed|s|ing)?|downed|neutrali[sz]ed|destroyed\s+in\s+the\s+air|"
    r"defused|(?:seized|confiscated)\s+(?:\w+\s+){0,3}(?:weapons|arms|ammunition|explosives|"
    r"rockets|missiles|drones)|"
    # "air defence systems destroyed nine drones", "air defence was activated"
    r"air\s+defen[cs]es?\s+(?:\w+\s+){0,3}?(?:destroyed|repelled|engaged|(?:was\s+|were\s+)?"
    r"activated|went\s+into\s+action)|"
    r"destroyed\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|all)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:drones|missiles|rockets|uavs|shaheds))\b",
    re.IGNORECASE,
)
_COUNTED_DOWN = re.compile(r"\d[\d,]*\s+(?:of\s+them\s+)?(?:were|was|had\s+been|have\s+been)\s+$")
_WEAPONS = re.compile(
    r"\b(?:drones?|missiles?|rockets?|uavs?|shaheds?|projectiles|weapons|arms|ammunition|"
    r"explosives|bombs?|mines?|landmines?|ieds?|(?:explosive|improvised)\s+devices?)\b",
    re.IGNORECASE,
)
# Words that report an arrest (the battles kind reads them too: a raid that arrests).
ARREST_WORDS = re.compile(
    r"\b(?:(?<!cardiac )(?<!heart )(?<!respiratory )arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|"
    r"taken\s+into\s+custody|rounded\s+up|apprehended)\b",
    re.IGNORECASE,
)
_PROTESTERS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies))\b", re.IGNORECASE)
# What makes an arrest ACLED's, not a police blotter's: who was held, who held
# them, or why ("detained a journalist", "FSB officers arrested", "for a poem").
_POLITICAL = re.compile(
    r"\b(?:activists?|journalists?|reporters?|photographers?|opposition|dissidents?|"
    r"politicians?|lawmakers?|mayors?|officials?|critics?|bloggers?|spy|spies|espionage|treason|"
    r"sabotage|saboteurs?|collaborat\w+|agents?|terror\w*|extremis\w+|militants?|insurgents?|"
    r"fighters|soldiers|troops|forces|army|military|security\s+services?|intelligence|SBU|FSB|"
    r"occupiers?|occupation|Palestinians|Hamas|partisans|prisoners\s+of\s+war|political|regime|"
    r"junta|coup|poems?|posts?|Facebook|Telegram|Twitter|social\s+media|anti-?war|war|"
    r"separatis\w+|rebels?|human\s+rights|refugees?|migrants?|border|raids?|crackdown)\b",
    re.IGNORECASE,
)
_OTHERS = {
    t.LOOTING: r"loot(?:ed|ing)|ransack(?:ed|ing)|pillag\w+|torch(?:ed|ing)\s+(?:\w+\s+){0,2}"
    r"(?:homes|houses|villages?)|burn(?:ed|t)\s+(?:down\s+)?(?:\w+\s+){0,2}(?:homes|houses|"
    r"villages?)|demolish(?:ed|ing)\s+(?:\w+\s+){0,2}(?:homes|houses)",
    t.HEADQUARTERS: r"(?:set\s+up|established|built|opened)\s+(?:a\s+|an\s+|its\s+|their\s+)?"
    r"(?:new\s+)?(?:military\s+)?(?:base|headquarters|outpost|command\s+post)",
    t.CHANGE_TO_GROUP: r"(?:merged\s+with|joined\s+forces\s+with|split\s+from|formed\s+a\s+new\s+"
    r"(?:armed\s+)?(?:group|coalition|alliance|militia)|declared\s+(?:its\s+)?dissolution)",
}
_OTHER_PATTERNS = {
    sub: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for sub, words in _OTHERS.items()
}


def _disrupted(clause: Clause) -> list[Event]:
    text = clause.text
    match = _DISRUPTED.search(text)
    air_defence = match and match.group().lower().startswith("air def")
    if not match or not (air_defence or _WEAPONS.search(text)) or clause.unreal(match.start()):
        return []
    # "40 were shot down" counts the 40, not the 50 launched before them.
    counted = _COUNTED_DOWN.search(text, max(0, match.start() - 24), match.start())
    downed = counted and count_before(text, match.start())
    numbers = (
        [downed] if downed else [f for s, _, f in parse_numbers(text) if s > match.start() - 60]
    )
    # Weapons shot down over no place named were shot down over the war's country.
    theatre = clause.article.theatre
    where = event_places(clause, *match.span()) or ([(theatre, 3)] if theatre else [])
    return emit(
        clause,
        DISRUPTED.layer,
        t.STRATEGIC,
        t.DISRUPTED,
        *match.span(),
        places=where,
        actor1=actor_before(clause, match.start()),
        figures={"weapon_count": numbers[0]} if numbers else {},
    )


_MASS_ARREST = 10  # so many held at once is political, whoever they are
_HELD = re.compile(
    r"\s+(?:\w+\s+)?(?:people|persons|men|women|residents|civilians|suspects|members|"
    r"supporters|students|workers|youths|villagers)\b",
    re.IGNORECASE,
)


def _arrests(clause: Clause) -> list[Event]:
    text = clause.text
    match = ARREST_WORDS.search(text)
    held_at_a_protest = _PROTESTERS.search(text) and not PROTESTS_SPOKEN_OF.search(text)
    if not match or held_at_a_protest or clause.unreal(match.start()):
        return []  # protesters arrested: a protest with intervention
    found = parse_numbers(text)
    numbers = [f for s, _, f in found if abs(s - match.start()) < 60]
    held = [f.value for s, e, f in found if _HELD.match(text, e) and text[s - 1 : s] != "$"]
    if not _POLITICAL.search(text) and not any(n >= _MASS_ARREST for n in held):
        return []  # "arrested after his pickup truck was pulled over": a crime's
    return emit(
        clause,
        ARRESTS.layer,
        t.STRATEGIC,
        t.ARRESTS,
        *match.span(),
        actor1=actor_before(clause, match.start()),
        figures={"arrested": numbers[0]} if numbers else {},
    )


def _others(clause: Clause) -> list[Event]:
    for sub_type, pattern in _OTHER_PATTERNS.items():
        match = pattern.search(clause.text)
        if match and sub_type == t.LOOTING and CROWD.search(clause.text):
            continue  # "demonstrators looted shops": the riot's
        if match and not clause.unreal(match.start()):
            return emit(
                clause,
                OTHERS.layer,
                t.STRATEGIC,
                sub_type,
                *match.span(),
                actor1=actor_before(clause, match.start()),
            )
    return []


DISRUPTED = EventKind(
    layer="disrupted",
    label="Weapons shot down or seized",
    colour="#2c7fb8",
    event_types=((t.STRATEGIC, t.DISRUPTED),),
    extract=_disrupted,
    fields=(("weapon_count", "float"), ("weapon_count_hedge", "str")),
    figures=(("weapon_count", "Weapons", "weapon_count_hedge"),),
    description="Drones and missiles shot down, weapons seized",
)
ARRESTS = EventKind(
    layer="arrests",
    label="Arrests",
    colour="#636363",
    event_types=((t.STRATEGIC, t.ARRESTS),),
    extract=_arrests,
    fields=(("arrested", "float"), ("arrested_hedge", "str")),
    figures=(("arrested", "Arrested", "arrested_hedge"),),
    description="Arrests and detentions",
)
OTHERS = EventKind(
    layer="developments",
    label="Other strategic developments",
    colour="#a6761d",
    event_types=tuple(
        (t.STRATEGIC, sub) for sub in (t.LOOTING, t.HEADQUARTERS, t.CHANGE_TO_GROUP, t.OTHER)
    ),
    extract=_others,
    description="Looting and destruction of property, bases set up, armed groups changing",
)
