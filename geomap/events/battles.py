"""Battles: armed clashes between organised armed groups.

A trigger is a word of fighting on the ground: fighting, clashes, battles,
assaults, offensives and counter-attacks, storming, advancing on a place,
breaking through lines, sieges, ambushes. Captures of territory are the
``control`` kind's; strikes from afar are the ``strikes`` kind's.
"""

from __future__ import annotations

import re

from ..model import Event
from . import taxonomy as t
from .actors import actor_after, actor_before, actors_between, paired_before, passive_agent
from .civilians import SNIPER_FIRE, reports_attack
from .clause import Clause
from .dates import MONTH_RE
from .developments import ARREST_WORDS
from .emit import emit
from .kinds import EventKind
from .numbers import fatalities
from .places import event_places
from .protests import CROWD, MOB

_FIGHTING = re.compile(
    r"\b(?:fighting|fought|fights?\s+(?:for|in|over|around)|clash(?:es|ed)|battl(?:e|es|ed|ing)|"
    r"combat|fire-?fights?|gun-?fights?|gun\s+battles?|skirmish(?:es)?|exchanges?\s+of\s+fire|"
    r"(?:exchang|trad)(?:ed|ing)\s+(?:heavy\s+|gun\s+|artillery\s+)?fire|"
    r"(?<!sexual )(?<!sexually )(?<!indecent )(?<!aggravated )(?<!physical )(?<!verbal )"
    r"(?:assaults?|assaulted|assaulting)|"
    # a defence ministry's words: "defeated manpower and hardware of the AFU near X"
    r"defeated\s+(?:the\s+)?(?:manpower|enemy|formations|units|personnel)|"
    # the noun, not the adjective ("an offensive message", "offensive operations")
    r"(?:counter-?)?offensives?(?!\s+(?!(?:on|against|in|into|towards?|near|around|to|at|by|"
    r"from|of|that|which|was|is|has|had|have|will|would|could|may|might|and|began|begun|"
    r"continues|appears|seems)\b|[a-z]+ed\b)[a-z])|"
    r"counter-?attack(?:s|ed)?|"
    r"storm(?:ed|ing)|ambush(?:ed|es)?|besieg\w+|sieges?|encircl\w+|surrounded|"
    # "pushed deeper into Russia's Kursk region", "advanced to within 10 km of Pokrovsk"
    r"advanc(?:e|es|ed|ing)\s+(?:(?:deeper|further|farther)\s+)?(?:on|towards?|into|in|near|"
    r"around|westwards?|eastwards?|to\s+within)|"
    r"push(?:ed|ing)?\s+(?:(?:deeper|further|farther)\s+)?(?:into|towards?|forward|on)|"
    r"pressing\s+(?:towards?|on)|"
    r"(?:broke|break(?:s|ing)?)\s+(?:through|defen[cs]e\s+lines?)|breakthrough|"
    r"repel(?:led|s)?|repuls(?:ed|e)|"
    r"ground\s+(?:attacks?|operations?)|(?:troops|forces|fighters|units)\s+(?:had\s+)?entered|"
    r"(?:troops|forces|soldiers|fighters|militants|gunmen|commandos)\s+(?:\w+\s+)?raid(?:ed|ing)|"
    r"attacks?\s+of\s+the\s+occupiers|(?<!air )(?<!police )(?<!helicopter )(?<!drone )raids?|"
    r"(?:military|security|ground)\s+operations?\s+in|(?:ground\s+)?incursions?\s+(?:into|in)|"
    # armed men killing, or shooting at, men in arms: "militants killed three
    # soldiers", "gunmen opened fire on a police checkpoint"
    r"(?:militants|gunm[ae]n|insurgents|rebels|jihadists|fighters|separatists|militi\w+)\s+"
    r"(?:\w+\s+){0,2}?(?:killed|opened\s+fire\s+(?:on|at))\s+(?:\w+\s+){0,3}?(?:soldiers|"
    r"troops|police\w*|officers|gendarmes|servicemen|peacekeepers|checkpoints?|bases?|"
    r"positions|patrols?|convoys?)|"
    # and the other way round: "Nigerian troops killed 20 insurgents in Borno", or
    # one army's men another's: "its forces killed 40 Russian soldiers"
    r"(?:troops|soldiers|forces|army|police|servicemen|commandos)\s+(?:\w+\s+){0,2}?"
    r"killed\s+(?:\w+\s+){0,3}?(?:militants|gunm[ae]n|insurgents|rebels|jihadists|"
    r"fighters|terrorists|bandits|soldiers|troops|servicemen)|"
    # sniper fire, when it hits men in arms (on civilians: the civilians kind's)
    rf"{SNIPER_FIRE})\b",
    re.IGNORECASE,
)
# "attack(s)" is a battle when ground forces make it, and no weapon is named.
_GROUND_ATTACK = re.compile(r"\battack(?:s|ed|ing)?\b", re.IGNORECASE)
_GROUND_WORDS = re.compile(
    r"\b(?:infantry|assault\w*|storm(?:s|ed|ing)?|advanc\w+|tanks|armou?red|positions|ground|capture|"
    r"seize|push(?:ed|es|ing)?|gunmen|militants|insurgents|rebels|main\s+attack|bases?|"
    # men in arms who attack, or are attacked: "Hamas fighters attacked Israeli troops"
    r"(?:fighters|troops|soldiers|forces)\s+(?:\w+\s+){0,2}?attack\w*|"
    r"attack\w*\s+(?:\w+\s+){0,2}?(?:fighters|troops|soldiers)|"
    # "an army camp", "an ENDF camp": a state force's, by its acronym
    r"(?:military|army|(?-i:[A-Z]{2,6}))\s+(?:bases?|camps?|posts?)|checkpoints?|outposts?|"
    r"barracks|convoys?|"
    r"police\s+(?:stations?|posts?)|"
    r"patrols?)\b",
    re.I,
)
# "gunmen attacked a church": an attack on civilians (the civilians kind's), not a clash.
_CIVILIAN_TARGET = re.compile(
    r"\s+(?:on\s+)?(?:\w+\s+){0,3}?(?:civilians|villagers|residents|worshippers|churchgoers|"
    r"farmers|passengers|pupils|students|churche?s?|mosques?|schools?|markets?|weddings?|"
    r"funerals?|homes?|hospitals?|camps?\s+for\s+(?:displaced|refugees)|"
    r"(?:displacement|refugee|IDP)\s+camps?)\b",
    re.I,
)
# "fighters attacked the village, killing 12 civilians": only civilians fell, so
# the attack was on them (the civilians kind's), unless men in arms fell too.
_CIVILIANS_FELL = re.compile(
    r"\b(?:kill|wound|injur)\w*\s+(?:\w+\s+){0,3}?(?:civilians|villagers|residents|"
    r"worshippers|farmers)\b",
    re.I,
)
_ARMED_FELL = re.compile(r"\b(?:soldiers|troops|fighters|militants|servicemen|police\w*)\b", re.I)
_WEAPON_WORDS = re.compile(
    r"\b(?:missiles?|rockets?|drones?|shell\w*|artillery|(?:air\s*)?strikes?|bomb\w*|mortars?)\b",
    re.I,
)
_COMBAT = re.compile(
    r"fighting|fought|clash|battles|street|counter-?attack|storm|gun|fire-?fight|repel|skirmish",
    re.IGNORECASE,
)
_NOT_BATTLE = re.compile(
    r"\b(?:battle\s+(?:against|with)\s+(?:cancer|covid|inflation|corruption)|"
    r"legal\s+battle|political\s+battle|court\s+battle|battleground\s+states?|"
    r"battle\s+tanks?|fighting\s+vehicles?|combat[-\s](?:ready|capable|training)|"
    r"combat\s+(?:capabilit\w+|readiness|service|"
    r"vehicles?|aircraft|experience|units?)|battles?\s+(?:a\s+|the\s+)?(?:blaze|fire|flames)|"
    r"firefighters|battle\s+over\s+(?:infrastructure|\w+\s+rights)|battlefields?|"
    # "air defences repelled an attack": drones or missiles met in the air
    r"air\s+defen[cs]es?\s+(?:\w+\s+){0,2}?(?:repelled|repulsed|engaged|fought)|"
    # sport: "Ultimate fighting star", "hard fought battles and exciting for the fans"
    r"(?:ultimate|cage|prize)\s+fight\w*|fighting\s+(?:star|champion\w*|fans?)|"
    r"fans|match(?:es)?|games?|tournament|championship|league|season|playoffs?)\b",
    re.IGNORECASE,
)


# "forces were trying to advance", "attempted to storm": an attack that was made.
_ATTEMPT = re.compile(
    r"\b(?:tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|efforts?|bids?)\s+to\s+$", re.IGNORECASE
)


def _attempted(clause: Clause, trigger: re.Match) -> bool:
    """True for an assault that was attempted ("tried to storm the town"):
    ACLED codes the attempt as a clash, whatever came of it; "will try to"
    stays a plan."""
    attempt = _ATTEMPT.search(clause.text, max(0, trigger.start() - 24), trigger.start())
    return bool(attempt) and not clause.unreal(attempt.start())


# "a key focus of Russia's offensive": the campaign, not a clash, unless it is
# launched, resumed or pressed ("continuing its offensive into Donetsk").
_CAMPAIGN = re.compile(
    r"(?:['’]s|\bits|\btheir)\s+(?:[\w-]+\s+)?(?:counter-?)?offensives?\b", re.IGNORECASE
)
_CAMPAIGN_MOVES = re.compile(
    r"\b(?:launch\w*|beg[au]n|start\w*|mount\w*|resum\w*|continu\w*|step\w*|intensif\w*|"
    r"press(?:ed|es|ing)?|push(?:ed|es|ing)?|renew\w*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# "after fighting for six months in Ukraine", "months of fighting": the war
# described over its months, not a clash on a day.
_MONTHS_AFTER = re.compile(
    r"\s+(?:(?:[\w'’-]+\s+){0,3}?(?:for|over)\s+(?:\w+\s+){0,2}(?:weeks|months|years)\b|"
    # "has been fighting the army since April 2023": the war, told from its start
    rf"(?:[\w'’-]+\s+){{0,3}}?since\s+(?:(?:early|late|mid-?)\s*)?(?:{MONTH_RE}|\d{{4}}\b|"
    r"the\s+(?:start|beginning|outbreak|war|invasion|conflict)\b))",
    re.I,
)
_MONTHS_BEFORE = re.compile(r"\b(?:months|years)\s+of\s+(?:\w+\s+)?$", re.I)


def _sniper_on_civilians(clause: Clause, trigger: re.Match) -> bool:
    """True for sniper fire that hit civilians ("a woman was shot by a sniper"):
    the civilians kind's attack, not a clash."""
    return "sniper" in trigger.group().lower() and reports_attack(clause.text)


_ASSAULT = re.compile(r"storm|raid|attack|assault|ambush", re.IGNORECASE)


def _assault_on_people(clause: Clause, trigger: re.Match) -> bool:
    """True for an assault whose dead the sentence names and who were not men in
    arms ("stormed the town, killing 15 residents": the civilians kind's attack)."""
    return (
        bool(_ASSAULT.search(trigger.group()))
        and reports_attack(clause.text)
        and not _ARMED_FELL.search(clause.text, trigger.end())
    )


def _raid_on_people(clause: Clause, trigger: re.Match) -> bool:
    """True for a raid the sentence says arrested or detained people ("arrested
    15 Palestinians in raids across Hebron": the arrests kind's), or killed
    people who were not armed men ("two Palestinians were shot dead during a
    raid": the civilians kind's), not a clash."""
    if "raid" not in trigger.group().lower():
        return False
    return bool(ARREST_WORDS.search(clause.text)) or reports_attack(clause.text)


def _described(clause: Clause, trigger: re.Match) -> bool:
    """True for fighting told by the months or years it lasted."""
    text = clause.text
    return bool(
        _MONTHS_AFTER.match(text, trigger.end())
        or _MONTHS_BEFORE.search(text, max(0, trigger.start() - 30), trigger.start())
    )


def _campaign(clause: Clause, trigger: re.Match) -> bool:
    """True for a side's offensive named as its campaign ("Moscow's offensive")."""
    text = clause.text
    named = _CAMPAIGN.search(text, max(0, trigger.start() - 30), trigger.end())
    return bool(named) and not _CAMPAIGN_MOVES.search(
        text, max(0, named.start() - 40), named.start()
    )


def extract(clause: Clause) -> list[Event]:
    """The armed clashes ``clause`` reports."""
    text = clause.text
    trigger = _FIGHTING.search(text)
    if trigger is None:
        ground = _GROUND_ATTACK.search(text)
        if (
            not ground
            or not _GROUND_WORDS.search(text)
            or _WEAPON_WORDS.search(text)
            or _CIVILIAN_TARGET.match(text, ground.end())
            or (
                (_CIVILIANS_FELL.search(text) or reports_attack(text))
                and not _ARMED_FELL.search(text, ground.end())
            )
        ):
            return []
        trigger = ground
    if _NOT_BATTLE.search(text) or CROWD.search(text) or MOB.search(text):
        return []  # (tested once a trigger is found: most sentences have none)
    while trigger is not None and (
        (clause.unreal(trigger.start()) and not _attempted(clause, trigger))
        or _campaign(clause, trigger)
        or _described(clause, trigger)
        or _raid_on_people(clause, trigger)
        or _assault_on_people(clause, trigger)
        or _sniper_on_civilians(clause, trigger)
        # "killed five militants in an airstrike": a strike (the strikes kind's)
        or ("killed" in trigger.group().lower() and _WEAPON_WORDS.search(text))
    ):
        trigger = _FIGHTING.search(text, trigger.end())
    if trigger is None:
        return []
    start, end = trigger.span()
    # "fighting between the army and the RSF", "Russian and Ukrainian forces clashed"
    sides = actors_between(clause, end) or paired_before(clause, start)
    agent = passive_agent(clause, end)  # "were attacked by Russian forces"
    if agent and not sides:
        sides = (agent, actor_before(clause, start, skip=agent))
    actor1 = (sides and sides[0]) or actor_before(clause, start) or actor_before(clause, end)
    # the other side: named after the trigger, or in it ("killed 40 Russian soldiers")
    actor2 = sides[1] if sides else (actor_after(clause, start, skip=actor1) if actor1 else None)
    killed = fatalities(text)
    # Only fighting itself is put at the place of the sentences before.
    fallback = bool(_COMBAT.match(trigger.group()))
    return emit(
        clause,
        KIND.layer,
        t.BATTLES,
        t.ARMED_CLASH,
        start,
        end,
        places=None if fallback else event_places(clause, start, end, fallback=False),
        actor1=actor1,
        actor2=actor2,
        figures={"fatalities": killed} if killed else {},
    )


KIND = EventKind(
    layer="battles",
    label="Battles",
    colour="#8c510a",
    event_types=((t.BATTLES, t.ARMED_CLASH),),
    extract=extract,
    fields=(("fatalities", "int"),),
    figures=(("fatalities", "Fatalities", None),),
    description="Armed clashes on the ground",
)
