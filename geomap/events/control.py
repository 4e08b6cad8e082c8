"""Territorial control: who took a place from whom.

"captured", "took control of", "fell to" are a capture; "liberated",
"recaptured", "retook", "pushed back" a recapture; "withdrew from" and
"lost control of" are a loss for whoever withdrew or lost. ACLED's
sub-event types follow: a place retaken by the forces of the country it
lies in is "Government regains territory"; a place taken by an armed group,
or by a foreign state's forces (Russian forces taking a Ukrainian town), is
"Non-state actor overtakes territory"; a place handed over without fighting
is a strategic development, "Non-violent transfer of territory".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event, Hint, Place
from . import taxonomy as t
from .actors import actor_after, actor_before, is_armed_group
from .clause import Clause
from .emit import emit
from .kinds import EventKind

_TAKE = re.compile(
    # not "evade capture", "took over from Bruce Forsyth as the presenter"
    r"\b(?:(?<!evade )(?<!evaded )(?<!evading )(?<!escape )(?<!escaped )(?<!escaping )"
    r"(?<!avoid )(?<!avoided )(?<!avoiding )"
    r"captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|(?:took|taken|takes?|taking|gained|seized|"
    r"claimed|established)\s+(?:full\s+|complete\s+)?control\s+of|"
    r"took\s+over(?!\s+(?:from|as)\b)|overr(?:an|un)|"
    # not "fell to 41 percent", "a job fell through", "fell ill"
    r"fell(?!\s+(?:through|by|for|ill|in\s+love|short|silent|asleep|off|from|into|behind|apart|down|"
    r"out|under|back|victim|prey|sharply|slightly|to\s+(?:[$€£]?\d|a\s+|its\s+|their\s+|the\s+"
    r"lowest)))(?:\s+to)?|fall\s+of|conquer(?:ed|ing)|annexed)\b",
    re.IGNORECASE,
)
# A bare "took" or "taken" is a capture only with a place for its object ("took
# Bakhmut", "have taken the town of Soledar", "taken the entire city"): not
# "taken to hospital", "took part", "took Russian journalists on a tour".
_TAKE_BARE = re.compile(r"\b(?:took|taken|take|takes|taking)\s+", re.IGNORECASE)
_SETTLEMENT_OBJECT = re.compile(
    r"(?:the\s+)?(?:(?:entire|whole|rest\s+of\s+the|key|strategic|embattled|besieged|"
    r"frontline|small|eastern|southern|northern|western|nearby|neighbouring)\s+)?"
    r"(?:city|town|village|settlement|port)(?:\s+of\s+|\b)",
    re.IGNORECASE,
)
# What may follow the place a bare "took" takes: not a noun it qualifies ("took
# Kyiv residents"), nor "by surprise".
_AFTER_PLACE_TAKEN = re.compile(
    r"\s*(?:$|[,.;:)–—]|\s(?:on|in|at|after|from|and|last|this|early|late|overnight|earlier|"
    r"during|following|before|within|without|with|amid|as|while|despite|by(?!\s+surprise)|"
    r"for|since|until|itself))",
    re.IGNORECASE,
)
_RETAKE = re.compile(
    r"\b(?:recaptur(?:e|ed|es|ing)|retook|retaken|retakes?|regain(?:ed|s|ing)?|reclaim\w*|"
    r"liberat(?:e|ed|es|ing|ion\s+of)|freed(?!\s+(?:\w+\s+){0,3}?(?:children|people|"
    r"prisoners|hostages|captives|detainees|slaves|women|men))|won\s+back|"
    r"pushed\s+(?:\w+\s+){0,3}(?:back|out)|drove\s+(?:\w+\s+){0,3}out|driven\s+out|"
    r"expelled\s+(?:\w+\s+){0,3}from|clawing\s+back|clawed\s+back|"
    r"took\s+back|taken\s+back|counter-?offensive\s+to\s+recapture)\b",
    re.IGNORECASE,
)
_WITHDRAW = re.compile(
    r"\b(?:(?:withdr(?:ew|awn|awing|aw)|withdrawal|retreat(?:ed|ing)?|pulled\s+out|"
    r"abandon(?:ed|ing))\s+(?:\w+\s+){0,3}(?:from|of)|"
    r"(?:lost|los(?:es|ing|e))\s+(?:full\s+|complete\s+)?control\s+(?:of|over))\b",
    re.IGNORECASE,
)
_HANDED_OVER = re.compile(
    r"\b(?:handed\s+(?:over\s+)?control|handover\s+of|transferred\s+control|"
    r"handed\s+over\s+(?:the\s+)?(?:town|city|village|territory|region|base)|"
    # "withdrew from their base in Gao, handing it over to the Malian army"
    r"hand(?:ed|ing)\s+(?:it|them|the\s+\w+)\s+over\s+to)\b",
    re.IGNORECASE,
)
# Shares ("controls 70% of") are claims; "occupied" before a place's name is an
# adjective ("the occupied Kherson region"), not a capture.
_NOT_A_CAPTURE = re.compile(
    r"\b(?:captur\w*|seiz\w*)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:soldiers?|troops|fighters|"
    r"servicem[ae]n|service\s+members|personnel|hostages|sailors|crews?|pilots?|officers?|"
    r"commanders?|militants|rebels|insurgents|combatants|journalists?|activists|children|women|"
    r"prisoners|weapons|tanks|equipment|documents|ammunition|volunteers|pows?|defenders|men|"
    r"civilians|people|ships?|vessels?|tankers?|boats?|freighters?|aircraft|planes?|vehicles?|"
    r"trucks?|cargo|assets|him|her|them|his|their|us|me|the\s+heat|the\s+moment|images?|"
    r"footage|attention|imagination|hearts?|votes?|market|share|arsenal|rifles|guns|shotguns|"
    r"explosives|drugs|food|supplies|supply|goods|cash|money|cocaine|heroin|cannabis|"
    r"contraband|phones|computers|property|passports)\b|"
    # "captured on video": a camera's
    r"captur\w*\s+(?:on|by)\s+(?:\w+\s+)?(?:video|camera|film|cctv|tape)",
    re.IGNORECASE,
)
# ... nor people captured, nor an adjective or an aim ("the liberated city",
# "the capture of X is Moscow's objective"); "after the capture of X" and
# "completed the capture of X" are captures.
# "soldiers were captured", "two soldiers captured in fighting": people,
# where "troops captured Soledar" is a town taken.
_PEOPLE_BEFORE = re.compile(
    r"\b(?:soldiers|troops|prisoners|fighters|defenders|volunteers|men|pows|civilians|people|"
    r"inmates|suspects|fugitives|escapees|accomplices?|smugglers|poachers|who)\s+"
    r"(?:(?:\w+\s+){0,2}?(?:were|was|been|being|are|is)\s+(?:\w+\s+)?)?$",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NO_OBJECT = re.compile(r"\s+(?:in|by|during|near|at|while|after|on|when|last|and)\b")
_ADJECTIVE_BEFORE = re.compile(
    r"(?<!after )(?<!following )(?<!completed )(?<!completing )(?<!announced )(?<!confirmed )"
    r"\b(?:the|a|an)\s+$|-$",
    re.IGNORECASE,
)
# How far from its verb a change of control names its place: "captured X",
# "X fell", "recaptured 53 villages in occupied Kherson region".
_REACH = (60, 90)


def _country_of(clause: Clause, place: Place) -> str | None:
    """The name of the country ``place`` lies in (see :class:`~.clause.Article`)."""
    return clause.article.country_name(place.country_code)


def _change(
    verb: str, actor: str | None, home: str | None, *, retaker: bool = False
) -> tuple[str, str | None, str | None]:
    """(ACLED sub-event type, who took the place, who lost it) for ``verb``
    done by ``actor`` to a place of the country called ``home``; ``retaker``
    says that ``actor`` is who did the retaking, not who was pushed out."""
    if verb == "retake":
        if actor is None or home is None or actor == home:
            return t.GOVERNMENT_REGAINS, actor or home, None
        if retaker:
            # "Russian forces liberated Kurakhivka": a foreign army's word for a capture
            return t.NON_STATE_OVERTAKES, actor, home
        return t.GOVERNMENT_REGAINS, home, actor  # "Russian forces were pushed out of Kharkiv"
    if verb == "withdraw":
        # Whoever withdrew lost the place: an invader's to the country's own
        # forces; its own forces' to an invader, who is not named.
        if actor is None or actor == home:
            return t.NON_STATE_OVERTAKES, None, actor or home
        return t.GOVERNMENT_REGAINS, home, actor
    if actor is not None and actor == home and not is_armed_group(actor):
        return t.GOVERNMENT_REGAINS, actor, None  # a government taking its own ground
    return t.NON_STATE_OVERTAKES, actor, home if home != actor else None


def extract(clause: Clause) -> list[Event]:
    """The changes of territorial control ``clause`` reports: the first
    handover, recapture, capture or withdrawal it states."""
    found = _first_change(clause)
    if found is None:
        return []
    verb, match = found
    start, end = match.span()
    actor = actor_before(clause, start)
    if match.group().lower().startswith("fell"):
        actor = actor_after(clause, end) or actor  # "fell to Russian forces"
    events = []
    for event in emit(clause, KIND.layer, t.BATTLES, t.ARMED_CLASH, start, end, within=_REACH):
        if verb == "handover":  # "..., handing it over to the Malian army"
            event_type, sub_type, taken_by, taken_from = (
                t.STRATEGIC,
                t.NON_VIOLENT_TRANSFER,
                actor_after(clause, end, skip=actor),
                actor,
            )
        else:
            event_type = t.BATTLES
            sub_type, taken_by, taken_from = _change(
                verb, actor, _country_of(clause, event.place), retaker=_by_subject(clause, match)
            )
        sides = {"taken_by": taken_by, "taken_from": taken_from}
        events.append(
            replace(
                event,
                event_type=event_type,
                sub_event_type=sub_type,
                actor1=taken_by,
                actor2=taken_from,
                details={k: v for k, v in sides.items() if v},
            )
        )
    return events


# A passive retaking ("Russian forces were pushed out"): the actor before it lost.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _by_subject(clause: Clause, match: re.Match) -> bool:
    """True when the actor before ``match`` did it: it is not said in the passive."""
    return not _PASSIVE_BEFORE.search(clause.text, max(0, match.start() - 24), match.start())


_VERBS = (
    ("handover", _HANDED_OVER),
    ("retake", _RETAKE),
    ("take", _TAKE),
    ("take", _TAKE_BARE),
    ("withdraw", _WITHDRAW),
)


def _first_change(clause: Clause) -> tuple[str, re.Match] | None:
    """(verb, match) of the first kind of change the sentence states, in the
    order handover, recapture, capture, withdrawal. People are captured
    ("soldiers were captured"); they are not withdrawn, they withdraw."""
    for verb, pattern in _VERBS:
        for match in pattern.finditer(clause.text):
            before = clause.text[max(0, match.start() - 40) : match.start()]
            if (
                not clause.unreal(match.start())
                and not _NOT_A_CAPTURE.match(clause.text, match.start())
                and (verb == "withdraw" or not _captured_people(clause.text, match, before))
                and not _ADJECTIVE_BEFORE.search(before)
                and not (match.group()[:4].lower() == "fell" and _FALLEN_THING.search(before))
                and (pattern is not _TAKE_BARE or _taken_by_force(clause, match))
            ):
                return verb, match
    return None


# What falls without a place falling: "debris fell on houses in the Kyiv region".
_FALLEN_THING = re.compile(
    r"\b(?:debris|fragments|wreckage|shrapnel|rubble|parts|pieces|shells?|rockets?|missiles?|"
    r"bombs?|drones?|munitions?|ash|snow|rain)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
# Who takes a place by force: without them a bare "took" is a team's, a
# candidate's or a company's ("the Lakers took Denver by storm").
_ARMED_TAKERS = re.compile(
    r"\b(?:forces|troops|army|soldiers|fighters|militants|rebels|insurgents|jihadists|"
    r"units|militia\w*|paratroopers|marines|brigades?|battalions?|mercenaries)\b",
    re.IGNORECASE,
)


def _taken_by_force(clause: Clause, match: re.Match) -> bool:
    """True when a bare "took" at ``match`` takes a place (see :func:`_place_taken`)
    and armed men, a country or an armed group did it."""
    return _place_taken(clause, match.end()) and bool(
        _ARMED_TAKERS.search(clause.text, 0, match.start()) or actor_before(clause, match.start())
    )


def _place_taken(clause: Clause, at: int) -> bool:
    """True when what a bare "took" takes, at ``at``, is a place: a place's
    name, "the town of" one, or "the entire city" the sentences before named."""
    settlement = _SETTLEMENT_OBJECT.match(clause.text, at)
    if settlement and not settlement.group().endswith(" "):
        return True
    at = settlement.end() if settlement else at
    return any(
        clause.offset(rm) == at
        and rm.mention.kind_hint != Hint.DEMONYM
        and _AFTER_PLACE_TAKEN.match(clause.text, at + len(rm.mention.surface))
        for rm in clause.mentions
    )


def _captured_people(text: str, match: re.Match, before: str) -> bool:
    """True when the people before the verb are who was captured, not who
    captured: a passive, or the verb with no object after it."""
    people = _PEOPLE_BEFORE.search(before)
    return bool(people) and bool(_PASSIVE.search(before) or _NO_OBJECT.match(text, match.end()))


KIND = EventKind(
    layer="control",
    label="Territory taken or retaken",
    colour="#542788",
    event_types=(
        (t.BATTLES, t.GOVERNMENT_REGAINS),
        (t.BATTLES, t.NON_STATE_OVERTAKES),
        (t.STRATEGIC, t.NON_VIOLENT_TRANSFER),
    ),
    extract=extract,
    fields=(("taken_by", "str"), ("taken_from", "str")),
    description="Captures, recaptures and withdrawals: who took a place from whom",
)
