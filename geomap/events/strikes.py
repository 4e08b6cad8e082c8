"""Explosions/Remote violence: air and drone strikes, shelling, artillery and
missiles, remote explosives, suicide bombs, grenades, chemical weapons.

A trigger is a weapon or strike word; the sub-event type is the weapon's
(a missile strike is shelling even when the text calls it an "airstrike",
as ACLED codes it); an explosion with no weapon named is shelling, a "blast"
a remote explosive. Where a strike deliberately hits civilians ACLED still
codes the explosion, so civilians killed by strikes stay here.
"""

from __future__ import annotations

import re

from ..model import Event, Figure
from . import taxonomy as t
from .actors import actor_before, actor_of
from .civilians import reports_attack
from .clause import HAZARD, Clause
from .emit import emit
from .kinds import EventKind
from .numbers import count_before, fatalities
from .places import event_places, own_clause
from .protests import CROWD

_WEAPONS = {
    t.SUICIDE_BOMB: r"suicide\s+(?:bomb\w*|attack\w*|blast)|"
    r"blew\s+(?:himself|herself|themselves)\s+up",
    t.CHEMICAL: r"chemical\s+(?:weapons?|attacks?|munitions?)|chlorine|sarin|poison\s+gas|"
    r"nerve\s+agent",
    t.GRENADE: r"(?:hand\s+)?grenades?",
    t.REMOTE_EXPLOSIVE: r"ieds?|improvised\s+explosive|roadside\s+bombs?|car\s+bombs?|"
    r"landmines?|land\s+mines?|anti-?(?:tank|personnel)\s+mines?|explosive\s+devices?|"
    r"booby[\s-]traps?|sabotage(?!\s+(?:groups?|units?|teams?|squads?))|blasts?|"
    r"bomb\s+(?:exploded|went\s+off)|"
    # sabotage: "partisans blew up a railway line"
    r"(?:blew|blown|blowing)\s+up\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:railways?|rail|"
    r"bridges?|pipelines?|tracks?|dams?|pylons?|trains?|power\s+lines?)|"
    # a mine, where "mine" is no pronoun and no pit: "detonated a mine", "mine blast"
    r"(?:detonated|planted|laid|stepped\s+on|triggered|ran\s+over)\s+(?:a\s+|an\s+)?"
    r"(?:\w+\s+)?mines?|mines?\s+(?:exploded|went\s+off|blasts?|explosions?)|"
    # "pagers used by Hezbollah members exploded": a device made into a bomb
    r"(?:devices?|pagers|radios|walkie-talkies|packages?|parcels?)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:exploded|blew\s+up|detonated)",
    t.SHELLING: r"shell(?:s|ed|ing)?|artillery|missiles?|rockets?|mortars?|ballistic|"
    r"barrages?|grads?|himars|mlrs|howitzers?|kalibrs?|iskanders?|s-300s?|"
    r"multiple\s+rocket\s+launchers?|explosions?|bombardments?|shelled|cluster\s+munitions?",
    # "air raid sirens", "bomb shelters": a warning and a refuge, no weapon
    t.AIR_DRONE: r"air\s*strikes?|airstrikes?|air\s+raids?(?!\s+(?:warning|siren|alert|alarm|"
    r"shelter))|air\s+attacks?|aerial\s+\w+|drones?|uavs?|shaheds?|geran\w*|warplanes?|"
    r"fighter\s+jets?|jets?|aircraft|glide\s+bombs?|barrel\s+bombs?|helicopters?|bombers?|"
    r"bombs?(?!\s+shelter)|bombed|bombing",
}
_WEAPON = {sub: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for sub, words in _WEAPONS.items()}
_ANY_WEAPON = re.compile("|".join(p.pattern for p in _WEAPON.values()), re.IGNORECASE)
# A strike named without a weapon ("strikes on Kyiv", "struck Sumy") is one when
# armed forces, a toll or an attack verb go with it.
_NOT_A_TARGET = r"(?!\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+night)\b)"
_STRIKE = re.compile(
    rf"\b(?:strikes?|struck|hit|hits|pounded|pounding|targeted|attacks?\s+(?:on|against){_NOT_A_TARGET}|"
    r"came\s+under\s+(?:\w+\s+){0,2}fire|under\s+(?:\w+\s+){0,2}fire|opened\s+fire|"
    r"fired\s+(?:at|on|upon)|artillery\s+fire|rocket\s+fire)\b",
    re.I,
)
# "The strikes hit the towns of Nabatieh and Tyre": strikes that hit a place.
_STRIKES_HIT = re.compile(r"strikes?\s+(?:also\s+)?(?:hit|struck|pounded|targeted)\b", re.I)
_STRIKE_ON = re.compile(
    r"strikes?\s+(?:on|against|at)\b|attacks?\s+(?:on|against)\b|(?:came\s+)?under\s+|opened|"
    rf"fired|{_STRIKES_HIT.pattern}",
    re.IGNORECASE,
)
# A place "was struck" or "was hit", with nothing else named: a strike (not "hit
# by power cuts", "hit with sanctions", "hit hard by inflation").
_PASSIVE_HIT = re.compile(
    r"\b(?:was|were|been|being|is|are|got)\s+(?:(?:again|also|then|\w+ly)\s+)?"
    r"(?:struck|hit|targeted|pounded)\b(?!\s+(?:by|with|hard|hardest|badly|the\s+hardest)\b)",
    re.IGNORECASE,
)
_ARMED = re.compile(
    r"\b(?:forces|troops|army|military|militants|rebels|militia|killed|killing|wounded|"
    r"injured|dead|destroyed|damaged)\b",
    re.IGNORECASE,
)
_NOT_VIOLENCE = re.compile(
    r"\b(?:strikes?\s+(?:a|an|the)\s+(?:deal|balance|chord|note|tone)|hunger\s+strikes?|"
    r"general\s+strikes?|strike\s+action|labou?r\s+strikes?|on\s+strike|lucky\s+strike|"
    r"salt\s+mines?|coal\s+mines?|gold\s+mines?|mining|(?:workers|unions?)\b[^.]*\bstrikes?|"
    r"under\s+fire\s+(?:(?:for|over)\b|from\s+(?:\w+\s+){0,3}?(?:officials|critics|lawmakers|"
    r"politicians|campaigners|activists|parents|residents|opposition|unions?|media)\b)|"
    r"\w+-run\s+blast|home\s+runs?|"
    r"gas\s+(?:explosions?|blasts?|leaks?)|(?:accidental|industrial)\s+(?:explosions?|blasts?)|"
    r"shelled\s+(?:\w+\s+)?(?:pistachios|nuts|peanuts|almonds|walnuts|eggs|shrimps?|prawns|peas)|"
    r"(?:cyber|heart|panic|asthma|shark|dog|verbal|personal)[\s-]?attacks?|"
    # drones that search, survey or film
    r"drones?\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:search\w*|survey\w*|map(?:s|ping)?|film\w*|"
    r"photograph\w*)|(?:search|survey|delivery|camera|hobby)\s+drones?|launched\s+the\s+drones|"
    r"hit\s+(?:\w+\s+){0,2}(?:with|by)\s+(?:\w+\s+){0,2}(?:sanctions|tariffs|fines?|charges))",
    re.IGNORECASE,
)
_SHOT_DOWN = re.compile(
    r"\b(?:shot\s+down|intercept\w*|downed|neutrali[sz]ed|repelled|destroyed\s+in\s+the\s+air|"
    # "the air force destroyed 52 of 90 drones": air defence at work
    r"destroyed\s+(?:\d[\d,]*|all|most)\s+(?:of\s+(?:the\s+)?(?:\d[\d,]*\s+)?)?(?:\w+\s+)?"
    r"(?:drones?|missiles?|uavs?|shaheds?|rockets?))\b",
    re.IGNORECASE,
)
# "Explosions were heard as air defences engaged targets": the defence at work
# (the disrupted kind's), not a strike that hit.
_HEARD_DEFENCE = re.compile(
    r"\b(?:explosions?|blasts?)\s+(?:\w+\s+){0,2}?(?:heard|reported)\b(?=.*\bair\s+defen[cs]es?\b)"
    r"|\bair\s+defen[cs]es?\b.*\b(?:explosions?|blasts?)\s+(?:\w+\s+){0,2}?(?:heard|reported)\b",
    re.IGNORECASE,
)
_HARM = re.compile(
    r"\b(?:hit|hits|struck|killed|killing|damaged|destroyed|wounded|wounding|injured|injuring)\b",
    re.IGNORECASE,
)


def _only_defence_heard(text: str) -> bool:
    """True when explosions were only heard while air defences worked, and
    nothing is said to have been hit."""
    return bool(_HEARD_DEFENCE.search(text)) and not _HARM.search(text)


# "fired a missile at Israel; it was intercepted": nothing hit (the downing is the event).
_ALL_DOWNED_AFTER = re.compile(
    r"\b(?:it|they|both|all(?:\s+of\s+them)?)\s+(?:was|were|had\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?(?:shot\s+down|intercepted|downed)\b",
    re.IGNORECASE,
)
# What air defence let through: "..., but one hit an apartment block in Kharkiv".
_GOT_THROUGH = re.compile(
    r"\b(?:but|and|while|though)\s+(?:that\s+)?(?:one|two|three|four|five|several|some|"
    r"others|the\s+rest|[\w-]+\s+of\s+them)\s+(?:still\s+|later\s+)?(?P<hit>hit|struck|"
    r"landed\s+(?:on|in)|slammed\s+into|crashed\s+into)\b",
    re.IGNORECASE,
)
_OF_WHICH = re.compile(
    r"(?:(?:about|some|nearly|around|at\s+least)\s+)?\d[\d,]*\s+of\s+"
    r"(?:which|them|those)\s+(?:were|was|are)\s+[\w-]+(?:\s+[\w-]+)?",
    re.IGNORECASE,
)
# Ground attacks are battles, not strikes ("Russian attacks intensified to capture").
# Fighting on the ground, and shootings ("gunmen opened fire"): no remote violence.
_GROUND = re.compile(
    r"\b(?:capture|seize|storm(?:s|ed|ing)?|advance\w*|assault\w*|offensive|infantry|"
    r"push\w*\s+(?:into|towards)|gunm[ae]n|assailants|shooters?|jihadists|insurgents|bandits|"
    r"bullets?|gunshots?|gunfire|shootings?|stabb\w+|knife|arson)\b",
    re.IGNORECASE,
)


# Weapons that are supplied, made or sold are no strike ("howitzers promised by
# Berlin", "US-supplied Himars", "sales of F-16 fighter jets").
_SUPPLY = re.compile(
    r"\b(?:suppl(?:y|ies|ied|ying)|deliver(?:y|ies|ed|ing)?|donat\w+|provid\w+|pledg\w+|"
    r"promis\w+|sell\w*|sold|sales?|buy\w*|bought|purchas\w+|arms\s+(?:deal|package)|"
    r"aid|packages?|shipments?|manufactur\w+|produc\w+|procur\w+|stockpiles?|arsenal|"
    r"systems?\s+(?:arrived|were\s+delivered))\b|-(?:supplied|made|built|provided)\b",
    re.IGNORECASE,
)
# What makes a weapon's mention a strike: an attack noun, or an attack verb.
_ATTACK = re.compile(
    r"\b(?:shelling|shelled|bombardments?|bombed|bombing|air\s*strikes?|airstrikes?|air\s+raids?|"
    r"barrages?|explosions?|blasts?|exploded|strikes?|struck|hit|hits|attack\w*|targeted|"
    r"targeting|launched|fired|opened\s+fire|under\s+(?:\w+\s+){0,2}fire|"
    r"(?:artillery|rocket|mortar|tank|outgoing|incoming)\s+fire|pounded|pounding|rained|"
    r"landed|killed|killing|destroyed|damaged|"
    r"wounded|wounding|injured|injuring|razed|sank|sunk|blew\s+(?:\w+\s+)?up|detonat\w+|"
    r"went\s+off|thrown|hurled|used|dropp(?:ed|ing)|explosives)\b",
    re.IGNORECASE,
)


def sub_type_of(words: str, window: str) -> str | None:
    """The sub-event type of a strike: its trigger's weapon, else the
    weapon named around it; a missile wins over an "airstrike"."""
    for text in (words, window):
        found = [sub for sub, pattern in _WEAPON.items() if pattern.search(text)]
        if found:
            return found[0]
    return None


# "fired US-made ATACMS missiles": a supplied weapon, used.
_FIRED_BEFORE = re.compile(
    r"\b(?:fired|launched|used|struck\s+with|hit\s+with|attacked\s+with)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)


# Strikes a crowd or a government speaks out against ("rallied to denounce the
# strikes"), or that killed the mourned ("the funeral of a commander killed in
# a strike"): told of as a cause, reported (if at all) where they hit.
_DENOUNCED = re.compile(
    r"\b(?:denounc\w*|condemn\w*|protest\w*\s+(?:against|over)|rall\w*\s+against|"
    r"(?:outrage|anger|fury)\s+(?:over|at)|mourn\w*|"
    r"(?:funerals?|burials?|vigils?)\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,5}?(?:killed|died)\s+"
    r"(?:in|during|by))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _denounced(clause: Clause, weapon: re.Match) -> bool:
    """True for strikes spoken out against that the words after do not place
    ("rallied to denounce the strikes"; not "condemned the strikes on Kharkiv")."""
    text = clause.text
    return bool(_DENOUNCED.search(text, max(0, weapon.start() - 80), weapon.start())) and not any(
        weapon.end() <= clause.offset(rm) <= weapon.end() + 40 for rm in clause.mentions
    )


# A weapon that was hit, not fired: "a Lancet drone destroyed a Ukrainian howitzer".
_HIT_BEFORE = re.compile(
    r"\b(?:destroy(?:ed|ing)|hit|hitting|struck|striking|targeted|targeting|damaged|"
    r"eliminated|knocked\s+out)\s+(?!(?:with|by|using)\b)(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _hit(text: str, weapon: re.Match) -> bool:
    """True for a weapon named as what a strike hit ("destroyed a howitzer")."""
    return bool(_HIT_BEFORE.search(text, max(0, weapon.start() - 40), weapon.start()))


def _artillery_used_near(text: str, start: int, end: int) -> bool:
    """True when a missile, rocket or gun that was fired, not hit, is named
    near the trigger at ``text[start:end]`` (see :func:`_near`; explosions and
    bombardments say nothing of the weapon)."""
    return any(
        not _hit(text, m) and not m.group().lower().startswith(("explosion", "bombardment"))
        for m in _WEAPON[t.SHELLING].finditer(text, *_near(text, start, end))
    )


# Between clauses: "Russia launched missiles at Kyiv, and Ukrainian drones hit Ryazan".
_AND_CLAUSE = re.compile(r",\s+and\s+")
# ... whose subject is a new one, named: "..., and the Israeli army said it struck".
_AND_A_NEW_SUBJECT = re.compile(r",\s+and\s+(?=(?:the\s+)?[A-Z])")


def _near(text: str, start: int, end: int) -> tuple[int, int]:
    """The span within 60 characters of ``text[start:end]`` and in its clause:
    the weapon of another clause is not this trigger's."""
    low, high = max(0, start - 60), min(len(text), end + 60)
    for joint in _AND_CLAUSE.finditer(text, low, high):
        if joint.end() <= start:
            low = joint.end()
        elif joint.start() >= end:
            return low, joint.start()
    return low, high


def _strikes_told_after(clause: Clause, triggers: list[re.Match]) -> list[re.Match]:
    """Strikes told without a weapon, each in a clause of its own with a
    subject of its own, after the weapons' ("Russian shelling killed two in
    Kherson, and Ukrainian forces struck a command post near Oleshky")."""
    text = clause.text
    found = []
    for joint in _AND_A_NEW_SUBJECT.finditer(text, triggers[0].end()):
        if any(m.start() >= joint.end() for m in triggers):
            continue  # the clause names its weapon, which is its trigger
        strike = _STRIKE.search(text, joint.end())
        if (
            strike is not None
            and not _GROUND.search(text, joint.end(), strike.end())
            and actor_before(clause, strike.start())
            and event_places(clause, *strike.span(), fallback=False, within=(0, 80))
        ):
            found.append(strike)
    return found


# "An explosion at a mosque in Quetta": a bomb set where people gather.
_EXPLOSION_AT_VENUE = re.compile(
    r"explosions?\s+(?:at|inside|in|outside)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:mosques?|churche?s?|markets?|shrines?|schools?|weddings?|funerals?|rall(?:y|ies)|"
    r"bus\s+(?:stations?|stops?)|stadiums?|caf[eé]s?|restaurants?|hotels?|police\s+stations?)\b",
    re.IGNORECASE,
)


def _bomb_where_people_gather(text: str, trigger: re.Match) -> bool:
    """True for an explosion at a mosque, a market, a wedding... when the
    sentence names no weapon but the explosion."""
    return bool(_EXPLOSION_AT_VENUE.match(text, trigger.start())) and all(
        m.group().lower().startswith("explosion") for m in _ANY_WEAPON.finditer(text)
    )


def _supplied(text: str, start: int, end: int) -> bool:
    """True when the weapon at ``text[start:end]`` is supplied, made or sold,
    not fired."""
    return bool(
        _SUPPLY.search(text, max(0, start - 50), min(len(text), end + 40))
    ) and not _FIRED_BEFORE.search(text, max(0, start - 60), start)


# What may stand between "attacks on" and the place attacked ("attacks on the
# city of Kharkiv").
_ON_THE_PLACE = re.compile(
    r"\s+(?:the\s+)?(?:(?:\w+\s+){0,2}(?:cit(?:y|ies)|towns?|villages?|ports?|regions?|capital|"
    r"provinces?|districts?|oblasts?)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


# Between two counts of weapons of one wave: "90 missiles and 100 drones".
_AND_MORE = re.compile(r",?\s+(?:and|plus|as\s+well\s+as)\s+")


def _weapon_count(text: str, trigger: re.Match, triggers: list[re.Match]) -> Figure | None:
    """How many weapons ``trigger`` counts ("183 drones"), with those counted
    after it in one list ("90 missiles and 100 drones": 190)."""
    count = count_before(text, trigger.start())
    following = [m for m in triggers if m.start() > trigger.end()]
    joined = _AND_MORE.match(text, trigger.end())
    if count is None or not following or joined is None:
        return count
    more = count_before(text, following[0].start())
    # The next count comes right after the "and", a few words before its weapon.
    if more is None or following[0].start() - joined.end() > len(more.text) + 20:
        return count
    return Figure(
        count.value + more.value,
        count.unit,
        count.hedge,
        f"{count.text} {text[trigger.start() : following[0].end()]}",
    )


def _place_hit(clause: Clause) -> bool:
    """True when a place named before it "was struck" ("Vinnytsia, a city far
    from the front, was struck on Thursday")."""
    hit = _PASSIVE_HIT.search(clause.text)
    return hit is not None and any(clause.offset(rm) < hit.start() for rm in clause.mentions)


def _aimed_at_a_place(clause: Clause, strike: re.Match) -> bool:
    """True unless an "attack on" or "strikes hit" is aimed at something that
    is no place ("an attack on a guard in Paris", "strikes hit the economy";
    "attacks on Kharkiv", "the strikes hit the town of Tyre" are a strike's)."""
    hit = _STRIKES_HIT.match(clause.text, strike.start())
    if not hit and not strike.group().lower().startswith("attack"):
        return True
    end = hit.end() if hit else strike.end()
    return any(
        _ON_THE_PLACE.fullmatch(clause.text, end, clause.offset(rm))
        and not (
            hit and _NOUN_AFTER.match(clause.text, clause.offset(rm) + len(rm.mention.surface))
        )
        for rm in clause.mentions
        if clause.offset(rm) >= end
    )


# A lower-case noun after the place's name: the place names what was hit
# ("strikes hit Paris transport": labour strikes), not where.
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|on|in|at|near|overnight|early|late|again|during|after|before|with|as|"
    r"killing|wounding|injuring|for|from|today|yesterday|while|but)\b)[a-z]"
)


def extract(clause: Clause) -> list[Event]:
    """The strikes ``clause`` reports."""
    text = clause.text
    if not _ATTACK.search(text) or _NOT_VIOLENCE.search(text) or _only_defence_heard(text):
        return []  # (the cheap test first: most sentences tell of no attack)
    triggers = [
        m
        for m in _ANY_WEAPON.finditer(text)
        if not _supplied(text, *m.span()) and not _denounced(clause, m) and not _hit(text, m)
    ]
    if not triggers:
        strike = _STRIKE.search(text)
        if (
            not strike
            or _denounced(clause, strike)
            or reports_attack(text)  # "gang members killed 70 people in an attack on the town"
            or _GROUND.search(text)
            or CROWD.search(text)  # "fired on protesters": force against a protest
            or HAZARD.search(text)  # "the worst hit by the flu"
            or not (
                _ARMED.search(text)
                or (_STRIKE_ON.match(text, strike.start()) and _aimed_at_a_place(clause, strike))
                or actor_before(clause, strike.start())
                or _place_hit(clause)
            )
        ):
            return []
        triggers = [strike]
    else:
        triggers += _strikes_told_after(clause, triggers)
    # "drones were shot down", "could strike": no strike
    downed = [m for m in triggers if _SHOT_DOWN.search(text[max(0, m.start() - 40) : m.end() + 40])]
    triggers = [
        m
        for m in triggers
        if m not in downed
        and not _ALL_DOWNED_AFTER.search(text, m.end())
        and not clause.unreal(m.start())
    ]
    through = _GOT_THROUGH.search(text, downed[0].end()) if downed and not triggers else None
    if through and not clause.unreal(through.start()):
        triggers = [through]  # "shot down 20 of 25 drones, but one hit": that one struck
    if not triggers:
        return []
    events: list[Event] = []
    seen: set[tuple] = set()
    where = None  # a trigger that names no place of its own strikes where the last one did
    # With strikes in several clauses, a toll is the one in the strike's own clause
    # ("..., killing two, while shelling continued in Donbas"), else the first's.
    parts = [own_clause(text, *m.span()) for m in triggers]
    tolls = [fatalities(part) for part in parts] if len({*parts}) > 1 else [None] * len(parts)
    if not any(tolls):
        tolls[0] = fatalities(text)
    for trigger, killed in zip(triggers, tolls, strict=True):
        start, end = trigger.span()
        window = text[slice(*_near(text, start, end))]
        sub_type = sub_type_of(trigger.group(), window) or t.SHELLING
        if sub_type == t.SHELLING and _WEAPON[t.SHELLING].search(text) is None:
            sub_type = sub_type_of(text, text) or t.SHELLING
        if sub_type == t.AIR_DRONE and _artillery_used_near(text, start, end):
            sub_type = t.SHELLING  # "missiles ... airstrikes": the missile is what hit
        if _bomb_where_people_gather(text, trigger):
            sub_type = t.REMOTE_EXPLOSIVE
        figures: dict[str, Figure] = {}
        # (what got through is not what was launched)
        count = _weapon_count(text, trigger, triggers) if trigger.re is not _GOT_THROUGH else None
        if count:
            detail = _OF_WHICH.search(text, end)
            figures["weapon_count"] = (
                Figure(count.value, count.unit, count.hedge, detail.group()) if detail else count
            )
        if killed:
            figures["fatalities"] = killed
        details = (
            {"weapon_detail": figures["weapon_count"].text} if "weapon_count" in figures else {}
        )
        places = event_places(clause, start, end, fallback=where is None) or where or []
        where = places or where
        for event in emit(
            clause,
            KIND.layer,
            t.EXPLOSIONS,
            sub_type,
            start,
            end,
            places=places,
            actor1=actor_of(clause, start, end),
            figures=figures,
            details=details,
        ):
            key = (event.sub_event_type, event.place.id, event.event_date)
            if key not in seen:
                seen.add(key)
                events.append(event)
    return events


KIND = EventKind(
    layer="strikes",
    label="Strikes and explosions",
    colour="#d7301f",
    event_types=tuple((t.EXPLOSIONS, sub) for sub in t.SUB_EVENT_TYPES[t.EXPLOSIONS]),
    extract=extract,
    fields=(
        ("weapon_count", "float"),
        ("weapon_count_hedge", "str"),
        ("weapon_detail", "str"),
        ("fatalities", "int"),
    ),
    figures=(
        ("weapon_count", "Weapons", "weapon_count_hedge"),
        ("fatalities", "Fatalities", None),
    ),
    description="Air and drone strikes, shelling, missiles, remote explosives, bombs",
)
