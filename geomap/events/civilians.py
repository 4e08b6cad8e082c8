"""Violence against civilians: attacks on unarmed people, abductions and
forced disappearances, sexual violence.

Only violence done to people directly: civilians killed by a strike are the
strike's (ACLED codes the explosion), so a sentence that names a weapon of
remote violence gives no attack here.
"""

from __future__ import annotations

import re

from ..model import Event
from . import taxonomy as t
from .actors import actor_before, actor_of
from .clause import Clause
from .emit import emit
from .kinds import EventKind
from .numbers import fatalities
from .protests import MOB, PROTESTERS

# Armed men who are no army's (each kind of attack below adds its own), and men
# in arms, whose fall makes a fight, not an attack on civilians.
_ARMED_MEN = r"gunm[ae]n|assailants?|attackers?|militants|fighters|jihadists|insurgents|bandits"
_IN_ARMS = r"soldiers|troops|police\w*|officers|servicemen"
_VIOLENCE = {
    t.SEXUAL_VIOLENCE: r"rap(?:e|ed|ing)|sexual\s+(?:violence|assault|abuse)|sexually\s+"
    r"(?:assaulted|abused)",
    t.ABDUCTION: r"abduct(?:ed|ion|ions|ing)|kidnapp?(?:ed|ing|ings)?|forcibly\s+"
    r"(?:deported|transferred|disappeared|removed)|forced\s+(?:deportation|disappearances?)|"
    r"disappeared|taken\s+hostage|hostage-?taking|"
    r"(?:seiz(?:ed|ing)|t(?:ook|aking)|abducting)\s+(?:\w+\s+){0,3}?hostages?|"
    r"deport(?:ed|ation)\s+of\s+(?:\w+\s+)?"
    r"(?:children|civilians|residents)|filtration\s+camps?",
    t.ATTACK: r"executed\s+(?:\w+\s+){0,2}(?:civilians|prisoners|villagers|residents|men|women|"
    r"man|woman|boy|girl)|"
    r"massacre(?:d|s)?|tortur(?:e|ed|ing)|"
    r"summar(?:y|ily)\s+(?:killed|executed|killings?)|shot\s+dead|gunned\s+down|"
    r"kill(?:ed|ing)\s+(?:\w+\s+){0,3}(?:civilians|villagers|residents|worshippers|farmers)|"
    r"beheaded|lynched|assassinated|"
    r"attacked\s+(?:\w+\s+){0,2}(?:civilians|villagers|residents|worshippers|farmers|herders|"
    r"shepherds|passers-?by|pedestrians|motorists|families|journalists|aid\s+workers)|"
    r"attacked\s+(?:\w+\s+){0,2}?(?:displacement|refugee|IDP|displaced\s+people's)\s+camps?|"
    # armed men killing someone not in arms: "gunmen killed a village chief"
    rf"(?:{_ARMED_MEN}|gangs?|gang\s+members|armed\s+men)\s+"
    r"(?:(?!(?:were|was|been|are|is)\b)\w+\s+){0,2}?(?:killed|shot\s+dead|"
    r"murdered|stabbed|hacked\s+to\s+death|executed)(?!\s+(?:\w+\s+){0,3}?"
    rf"(?:{_IN_ARMS}|fighters|militants))|"
    # forces firing on unarmed people: "troops fired on a crowd waiting for aid" (on
    # a protest's crowd: the protests kind's)
    r"(?:forces|troops|soldiers|police|gunm[ae]n|militants|fighters|assailants)\s+"
    r"(?:\w+\s+){0,2}?(?:opened\s+fire|fired|shot)\s+(?:on|at|into)\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+)?(?:crowds?|civilians|people|residents|villagers|passers-?by)"
    r"(?!\s+(?:of\s+)?(?:protest|demonstrat|rall|march))|"
    # armed men storming a village and killing or shooting at its people:
    # "fighters attacked a village, killing at least 40 people"
    rf"(?:{_ARMED_MEN}|militia\w*|armed\s+men|forces)\s+"
    r"(?:\w+\s+){0,2}?(?:attacked|raided|stormed)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?(?:villages?|towns?|hamlets?|neighbou?rhoods?)\b"
    r"(?=[^.;]*?\b(?:kill(?:ed|ing)|fir(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:at|on)|shoot(?:ing)?)\s+"
    r"(?:\w+\s+){0,3}?(?:people|civilians|villagers|residents|women|children)\b)"
    rf"(?![^.;]*?\b(?:{_IN_ARMS})\b)|"
    # armed men falling on people going about their lives: "gunmen ambushed a bus"
    rf"(?:{_ARMED_MEN}|gangs?|armed\s+men)\s+"
    r"(?:\w+\s+){0,2}?(?:ambushed|attacked|raided|stormed)\s+"
    r"(?:\w+\s+){0,3}?(?:bus(?:es)?|minibus(?:es)?|passengers|travell?ers|motorists|"
    r"worshippers|churche?s?|mosques?|schools?|markets?|weddings?|funerals?)"
    r"(?!\s+(?:\w+\s+){0,2}?"
    rf"(?:{_IN_ARMS}))|"
    # "a shooting attack in Jaffa killed seven people", "a stabbing attack"
    r"(?:shooting|stabbing|knife|ramming|gun)\s+attacks?|"
    # a shooting: "gunmen opened fire at a concert hall"
    r"(?:gunm[ae]n|assailants|attackers|shooters?)\s+(?:\w+\s+){0,2}?opened\s+fire\s+(?:on|at|in)"
    r"(?!\s+(?:\w+\s+){0,3}?"
    rf"(?:{_IN_ARMS}|checkpoints?|bases?|positions|patrols?|convoys?))",
}
# Sniper fire: an attack on civilians, or a clash when it hits men in arms ("a
# soldier was killed by a Russian sniper": the battles kind's).
SNIPER_FIRE = (
    r"(?:killed|shot|wounded|injured)(?=\s+by\s+(?:an?\s+)?(?:[\w-]+\s+)?snipers?)|"
    r"snipers?\s+(?:\w+\s+)?(?:killed|shot|wounded|opened\s+fire)|sniper\s+fire"
)
_VIOLENCE[t.ATTACK] += f"|{SNIPER_FIRE}"
_SNIPER = re.compile(rf"\b(?:{SNIPER_FIRE})\b", re.IGNORECASE)
_MEN_IN_ARMS = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|fighters?|militants?|combatants?|marines?|"
    r"police(?:m[ae]n|\s+officers?)?)\b",
    re.IGNORECASE,
)
_PATTERNS = {
    sub: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for sub, words in _VIOLENCE.items()
}
# Rape and abduction are ACLED's when armed men or a state's forces do them; a
# police blotter's or a court's case is not ("a case of rape was opened", "the
# jet disappeared").
_NEEDS_PERPETRATOR = (t.SEXUAL_VIOLENCE, t.ABDUCTION)
_PERPETRATOR = re.compile(
    r"\b(?:soldiers|troops|forces|servicemen|militants|fighters|gunm[ae]n|armed\s+(?:men|groups?)|"
    r"assailants?|attackers?|(?:unknown|unidentified)\s+(?:men|people|persons)|gangs?|"
    r"rebels|militia\w*|occupiers|occupying|insurgents|jihadists|bandits|kidnappers|abductors|"
    r"captors|army|military|security\s+(?:forces|services?|agents|officers)|intelligence|"
    r"police\s+(?:sweep|raid|custody|crackdown)|forcibly|deport\w+|filtration)\b",
    re.IGNORECASE,
)
# "two gunmen were shot dead": armed men fell, in a fight (the battles kind's).
_ARMED_SHOT = re.compile(
    r"\b(?:gunm[ae]n|militants|fighters|insurgents|rebels|soldiers|troops|police\w*|"
    r"servicemen|attackers|assailants)\s+(?:\w+\s+){0,2}?(?:were|was)\s+(?:\w+\s+)?"
    r"(?:shot\s+dead|gunned\s+down)",
    re.IGNORECASE,
)
# "rescued 50 kidnapped students": the captives freed, not an abduction.
_FREED_BEFORE = re.compile(
    r"\b(?:rescued|freed|released|returned|reunited|recovered)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\b(?:missiles?|rockets?|drones?|shell\w*|artillery|air\s*strikes?|bomb\w*|mortars?|"
    r"strikes?|struck|hit|explosions?|blasts?)\b",
    re.IGNORECASE,
)


# Civilians killed in fighting are the clash's dead (ACLED codes the battle).
_FIGHTING = re.compile(
    r"\b(?:fighting|clash(?:es|ed)|battles?|cross-?fire|exchanges?\s+of\s+fire)\b", re.IGNORECASE
)


def reports_attack(text: str) -> bool:
    """True when ``text`` tells of people attacked directly (shot dead,
    executed...), not by a strike and not armed men: what this kind codes as
    an attack."""
    return (
        bool(_PATTERNS[t.ATTACK].search(text))
        and not _REMOTE.search(text)
        and not _ARMED_SHOT.search(text)
        and not (_SNIPER.search(text) and _MEN_IN_ARMS.search(text))
    )


def extract(clause: Clause) -> list[Event]:
    """The violence against civilians ``clause`` reports."""
    text = clause.text
    if _REMOTE.search(text) or MOB.search(text):
        return []  # a strike's victims are the strike's; a lynching is a mob's (riots)
    kinds = list(_PATTERNS.items())
    if _PATTERNS[t.ABDUCTION].search(text) and fatalities(text):
        # "killing 9 farmers and abducting 4 women": an attack, with its dead
        kinds.sort(key=lambda kind: kind[0] == t.ABDUCTION)
    for sub_type, pattern in kinds:
        match = pattern.search(text)
        if match and sub_type == t.ABDUCTION and _FREED_BEFORE.search(text, 0, match.start()):
            continue
        if (
            match
            and sub_type == t.ATTACK
            and (not reports_attack(text) or _FIGHTING.search(text) or PROTESTERS.search(text))
        ):
            continue  # armed men shot dead, civilians in fighting, protesters shot: not here
        if match and not clause.unreal(match.start()):
            # ... or who the trigger names itself: "Bandits killed 12 farmers"
            actor = actor_of(clause, *match.span()) or actor_before(clause, match.end())
            if sub_type in _NEEDS_PERPETRATOR and not (actor or _PERPETRATOR.search(text)):
                continue
            killed = fatalities(text)
            return emit(
                clause,
                KIND.layer,
                t.VIOLENCE_AGAINST_CIVILIANS,
                sub_type,
                *match.span(),
                actor1=actor,
                actor2="Civilians",
                figures={"fatalities": killed} if killed else {},
                details={"civilian_targeting": "Civilian targeting"},
            )
    return []


KIND = EventKind(
    layer="civilians",
    label="Violence against civilians",
    colour="#e7298a",
    event_types=tuple(
        (t.VIOLENCE_AGAINST_CIVILIANS, sub)
        for sub in t.SUB_EVENT_TYPES[t.VIOLENCE_AGAINST_CIVILIANS]
    ),
    extract=extract,
    fields=(("fatalities", "int"), ("civilian_targeting", "str")),
    figures=(("fatalities", "Fatalities", None),),
    description="Attacks on civilians, abductions, sexual violence",
)
