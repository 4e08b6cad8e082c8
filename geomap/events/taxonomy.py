"""ACLED's taxonomy: event types, their sub-event types and disorder types.

The strings are ACLED's own (codebook 2023), so layers join with ACLED exports.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"

AIR_DRONE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
SUICIDE_BOMB = "Suicide bomb"
GRENADE = "Grenade"
CHEMICAL = "Chemical weapon"

ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
SEXUAL_VIOLENCE = "Sexual violence"

PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"

VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"

AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE_TO_GROUP = "Change to group/activity"
DISRUPTED = "Disrupted weapons use"
HEADQUARTERS = "Headquarters or base established"
LOOTING = "Looting/property destruction"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: (ARMED_CLASH, GOVERNMENT_REGAINS, NON_STATE_OVERTAKES),
    EXPLOSIONS: (AIR_DRONE, SHELLING, REMOTE_EXPLOSIVE, SUICIDE_BOMB, GRENADE, CHEMICAL),
    VIOLENCE_AGAINST_CIVILIANS: (ATTACK, ABDUCTION, SEXUAL_VIOLENCE),
    PROTESTS: (PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, EXCESSIVE_FORCE),
    RIOTS: (VIOLENT_DEMONSTRATION, MOB_VIOLENCE),
    STRATEGIC: (
        AGREEMENT,
        ARRESTS,
        CHANGE_TO_GROUP,
        DISRUPTED,
        HEADQUARTERS,
        LOOTING,
        NON_VIOLENT_TRANSFER,
        OTHER,
    ),
}

# ACLED's disorder types, by event type.
DISORDER_TYPES = {
    BATTLES: "Political violence",
    EXPLOSIONS: "Political violence",
    VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    RIOTS: "Political violence; Demonstrations",
    PROTESTS: "Demonstrations",
    STRATEGIC: "Strategic developments",
}


def disorder_type(event_type: str) -> str | None:
    """ACLED's disorder type of an event type (None for geomap's claims).

    >>> disorder_type("Protests"), disorder_type("Claim")
    ('Demonstrations', None)
    """
    return DISORDER_TYPES.get(event_type)
