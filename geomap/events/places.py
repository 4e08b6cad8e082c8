"""Where an event happened: the place its clause puts it, never where an actor
or a weapon came from.

Of the places a sentence names, the event's is the one the words around the
trigger point to: after "in", "at", "near", "outside", "the city of", as the
object of "shelled", "captured", "strikes on"; the most specific first, then
the nearest to the trigger. A demonym, a country that acts ("Russia's
defence ministry", "Russian forces") or reports, and the origin of a weapon
("fired from Belarus") are never the place. A region named with a town
("Bakhmut, Donetsk region") qualifies it and is no place of its own. Towns
listed together ("Kharkiv, Sumy and Odesa") are each a place of the event.

Precision (ACLED's ``geo_precision``): 1 for the named town or site; 2 near
it ("near", "outskirts", "N km from"), for a village the text leaves unnamed
in a named region, or for the previous sentence's place when this one names
none; 3 for a region or a country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..gazetteer.vocabulary import SITE_KINDS, SUBNATIONAL_KINDS, PlaceKind
from ..model import Hint, Place, ResolvedMention
from .actors import BORDER_WITH, in_speaker_phrase, is_actor
from .clause import Clause

# The words before a place's name that make it where something happened.
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|near|outside|around|across|over|inside|within|throughout|towards?|into|"
    r"onto|of|against|targeting|to|hit|hits|struck|strikes?|shelled|shelling|bombed|bombing|"
    r"pounded|pounding|attacked|attacks?|targeted|raided|captured|capture|capturing|seized|seizing|"
    r"recaptured|recapturing|retook|retaken|retaking|liberated|liberating|liberation|entered|"
    r"besieged|encircled|surrounded|took|taken|fell|hitting|striking|targeting|attacking|"
    r"fall|stormed|storming|assault|approaches|outskirts|regained|reclaimed|from|toured|"
    r"visited|visiting)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# Between "from" and a place's name: whose it is ("from Russia's Kursk region",
# "from occupied Crimea").
_OWNED = r"(?:[\w-]+['’]s\s+)?(?:[\w-]*occupied\s+)?$"
# The words before a place's name that make it where something came from.
_ORIGIN = re.compile(
    r"(?<!km )(?<!kilometres )(?<!kilometers )(?<!miles )(?<!away )\bfrom\s+(?:the\s+)?"
    r"(?:territory\s+of\s+|direction\s+of\s+|side\s+of\s+)?" + _OWNED,
    re.IGNORECASE,
)
# "withdrew from", "pushed out of": there the event happened all the same.
_AWAY_FROM = re.compile(
    r"\b(?:withdr[ae]w\w*|retreat\w*|pull\w*\s+out|pushed\s+out|driven\s+out|expelled|fled|"
    r"evacuated|ousted)\s+(?:\w+\s+){0,3}(?:from|of)\s+(?:the\s+)?" + _OWNED,
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:towns?|villages?|cities)\s+of\s+)?$", re.IGNORECASE
)
_NEAR = re.compile(
    r"\b(?:near|nearby|outside|around|surrounding|close\s+to|outskirts\s+of|approaches\s+to|"
    r"(?:(?:southern|northern|eastern|western)\s+)?(?:suburbs?|environs)\s+of|"
    r"\d+\s?(?:km|kilometres?|kilometers?|miles?)\s+(?:\w+\s+){0,2}(?:from|of|away\s+from)|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
    r"(?:villages?|towns?|settlements?|areas?)\s+(?:around|near))\s+(?:the\s+)?"
    r"(?:(?:towns?|villages?|cit(?:y|ies)|settlements?)\s+of\s+)?$",
    re.IGNORECASE,
)
# "the city", "there": words that point to a place the sentence does not name.
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:city|town|village|plant|factory|steelworks|port|area|"
    r"settlement|site|facility|complex|region|oblast|province|front|building|district|"
    r"capital)\b"
    # "there" that points, not "there was"; "inside" that ends a clause, not "inside Russia"
    r"|\bthere\b(?!\s+(?:was|were|is|are|has|have|had|will|would|could|may|might)\b)"
    r"|\binside\b(?=\s*(?:[,.;:]|$))",
    re.IGNORECASE,
)
# "the war in Ukraine", "Russia's invasion of Ukraine": framing, not where.
_FRAMING = re.compile(
    r"\b(?:war|invasion|conflict|aggression|occupation|annexation|intervention|operation)\s+"
    r"(?:in|of|on|against)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A country is where something happened only right after its preposition
# ("in eastern Ukraine", "across the south of Ukraine").
_COUNTRY_LOCATIVE = re.compile(
    r"\b(?:in|into|across|on|at|over|inside|throughout|against|of|from)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+-)?[a-z]+\s+(?:of\s+)?){0,2}$"
)
# A capitalised word that carries a name on ("Vladimir Putin"), unless it is a
# region word ("Kharkiv Oblast") or starts a sentence.
_NAME_GOES_ON = re.compile(
    r"\s+(?!(?:Oblast|Region|Province|Raion|Rayon|District|Governorate|State|County|Krai)\b)"
    r"[A-Z][a-z]"
)
_LISTED_AFTER = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)")
# "1:00 am in Moscow", "midnight Kyiv time": a clock, not a place.
_CLOCK_BEFORE = re.compile(
    r"\b(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|midnight|noon)\s+(?:local\s+time\s+)?"
    r"(?:in\s+)?$",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(r"^\s+time\b")
# "after the capture of Lysychansk": another event, named to date this one; its
# place is not this event's.
_OTHER_EVENT = re.compile(
    r"\b(?:after|before|since|following|until|ahead\s+of|amid)\s+(?:the\s+|its\s+|their\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:capture|fall|liberation|recapture|withdrawal|retreat|attack|strike|"
    r"shelling|bombing|battle|siege|loss|seizure|occupation|annexation|invasion)\s+"
    r"(?:of|on|in|at|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# Ships are often named after places.
_VESSELS = (
    r"(?:ship|cruiser|warship|flagship|vessel|frigate|submarine|tanker|corvette|destroyer|tug)"
)
_VESSEL_BEFORE = re.compile(rf"\b{_VESSELS}\s+$", re.IGNORECASE)
_VESSEL_AFTER = re.compile(rf"\s+{_VESSELS}\b", re.IGNORECASE)
_CLOSE = 40  # characters between a trigger and a place its own words name
# Where people were taken, not where the event was.
_TAKEN_TO = re.compile(
    r"\b(?:back\s+(?:in)?to|(?:taken|taking|took|brought|bringing|carried|carrying|"
    r"evacuated|transferred|rushed)\s+(?:[\w'’-]+\s+){0,4}?(?:in)?to)\s+(?:the\s+)?"
    r"(?:(?:a\s+)?hospitals?\s+in\s+)?$",
    re.IGNORECASE,
)
# "the Gaza border", not "the Belgorod border region", which is a place.
_BORDER_AFTER = re.compile(
    r"\s+(?:border|frontier)\b(?!\s+(?:regions?|areas?|towns?|villages?|districts?|zones?|"
    r"cit(?:y|ies)|settlements?|communities|guards?|posts?|crossings?|checkpoints?))",
    re.IGNORECASE,
)
_DISTANCE_FROM = re.compile(
    r",\s+(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+|just\s+)?\d[\d.,]*\s?"
    r"(?:km|kilometres?|kilometers?|miles?)\s+(?:\(\d+\s*\w+\)\s+)?(?:[\w-]+\s+)?(?:of|from)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)
_WHERE_IT_LIES = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:city|town|capital|village|port|hub|"
    r"stronghold)\s+(?:in|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?",
    re.IGNORECASE,
)
_WIDE = {PlaceKind.COUNTRY: True, PlaceKind.SEA: True, PlaceKind.REGION: True}
# Between the places of one list: "Kharkiv, Sumy and Odesa", "one in Kharkiv and
# another in Soledar", "Kyiv as well as Lviv".
# A town's region may come between ("Soledar, Donetsk oblast, and on the
# approaches to Kremina").
# So may a bearing ("around Bakhmut, further south around Avdiivka and north around Lyman").
_AT = r"(?:in|at|near|on|around|towards)\s+(?:the\s+)?(?:approaches\s+to\s+|outskirts\s+of\s+)?"
_BEARING = r"(?:further\s+)?(?:north|south|east|west)\w*\s+"
# What was hit there: "damaging a school in Gedera and a restaurant in Tel Aviv".
_WHAT_IN = r"(?:an?|the|another)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+"
# And what a listed town is ("the capital Sanaa and the port city of Hodeidah").
_DESCRIBED = (
    r"(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:city|town|village|port|capital|settlement)\s+(?:of\s+)?"
)
_LIST_GAP = re.compile(
    r"^(?:,\s*[A-Z][\w'’-]+\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince)\b)?"
    r"(?:,\s*|\s*,?\s+(?:and|or|&|as\s+well\s+as)\s+(?:(?:another|the\s+other|one\s+more|"
    rf"also)\s+)?(?:{_BEARING})?(?:{_WHAT_IN}{_AT}|{_AT})?(?:{_DESCRIBED})?|,\s*{_BEARING}{_AT}|"
    r"\s*/\s*)$"
)
# A region whose towns follow a colon: "on the Donbas front: around Bakhmut, ...".
_COLON_LIST = re.compile(
    r"^(?:\s+[a-z]+){0,2}\s*:\s*(?:(?:in|at|near|around|towards)\s+(?:the\s+)?)?$"
)
# "in the east of the country", "across the country": the article's country.
_THE_COUNTRY = re.compile(
    r"\b(?:in|across|throughout|of|around)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+|"
    r"(?:north|south|east|west)\w*\s+and\s+(?:north|south|east|west)\w*\s+of\s+the\s+|"
    r"rest\s+of\s+the\s+)?country\b",
    re.IGNORECASE,
)
_SPECIFICITY = {
    PlaceKind.FACILITY: 0,
    PlaceKind.POPULATED_PLACE: 1,
    PlaceKind.ADMIN3: 2,
    PlaceKind.ADMIN2: 2,
    PlaceKind.ADMIN1: 3,
    PlaceKind.REGION: 3,
    PlaceKind.SEA: 4,
    PlaceKind.COUNTRY: 5,
    PlaceKind.CONTINENT: 6,
}


def specificity(place: Place) -> int:
    """0 for a named site, rising to 6 for a continent."""
    return _SPECIFICITY.get(place.kind, 6)


def framing(before: str) -> bool:
    """True when the words before a country's name frame a war ("the war in")."""
    return bool(_FRAMING.search(before))


def contains(area: Place, place: Place) -> bool:
    """True when ``area`` (a region or a country) holds ``place``."""
    if area.id == place.id:
        return False
    if area.kind == PlaceKind.COUNTRY:
        return place.country_code == area.country_code and place.kind != PlaceKind.COUNTRY
    if area.kind == PlaceKind.ADMIN1:
        return place.admin1_code == area.admin1_code and specificity(place) < 3
    if area.kind == PlaceKind.ADMIN2:
        return bool(area.admin2_code) and place.admin2_code == area.admin2_code
    if area.kind == PlaceKind.REGION:  # a curated region that is one admin1 ("West Bank")
        return (
            bool(area.admin1)
            and place.country_code == area.country_code
            and place.admin1 == area.admin1
            and specificity(place) < 3
        )
    return False


def _candidates(clause: Clause) -> list[ResolvedMention]:
    """The mentions of ``clause`` that may be where something happened."""
    text = clause.text
    found = []
    origin_end = None  # where the last origin named ends
    for rm in clause.mentions:
        start = clause.offset(rm)
        before = text[max(0, start - 48) : start]
        if is_actor(clause, rm) or rm.place.kind == PlaceKind.CONTINENT:
            continue
        if rm.mention.start < clause.doc.dateline_end:
            continue  # "GOMA, Congo (Reuters) -": where the reporter filed from
        if (_ORIGIN.search(before) and not _AWAY_FROM.search(before)) or (
            origin_end is not None and _LISTED_AFTER.fullmatch(text, origin_end, start)
        ):
            # "drones launched from Russia", "from Russia's Kursk and Oryol regions":
            # where they came from
            origin_end = start + len(rm.mention.surface)
            continue
        if _TAKEN_TO.search(before):
            continue  # "taking hostages back into Gaza", "taken to hospital in Kyiv"
        if BORDER_WITH.search(before) or _BORDER_AFTER.match(text, start + len(rm.mention.surface)):
            # "five miles from the border with Ukraine", "near the Gaza border": a
            # bearing, not the place
            continue
        if (
            rm.place.kind == PlaceKind.COUNTRY
            and rm.mention.kind_hint != Hint.DEMONYM  # "Ukrainian cities" (see is_actor)
            and (not _COUNTRY_LOCATIVE.search(before) or _FRAMING.search(before))
        ):
            continue  # a country is a place after "in", "across", "on"..., not "the war in"
        if _NAME_GOES_ON.match(text, start + len(rm.mention.surface)):
            continue  # "Vladimir Putin", "Kyiv Independent": part of another name
        if _VESSEL_BEFORE.search(before) or _VESSEL_AFTER.match(
            text, start + len(rm.mention.surface)
        ):
            continue  # "the Moskva ship", "the cruiser Moskva": a ship's name
        if _CLOCK_BEFORE.search(before) or _CLOCK_AFTER.match(
            text[start + len(rm.mention.surface) :]
        ):
            continue  # "at 1:00 am in Moscow", "10pm Kyiv time"
        if in_speaker_phrase(clause, rm) and (
            rm.place.kind == PlaceKind.COUNTRY or rm.place.capital
        ):
            continue  # "Moscow said", "according to Ukraine's general staff"
        found.append(rm)
    # "Serhiivka, 50km south of Odesa", "El Fasher, the last city in Darfur held
    # by the army": Odesa and Darfur say where the town is.
    found = [
        rm
        for rm in found
        if not any(
            pattern.fullmatch(
                text, clause.offset(other) + len(other.mention.surface), clause.offset(rm)
            )
            for other in clause.mentions
            if other.mention.end <= rm.mention.start and other.place.kind in SITE_KINDS
            for pattern in (_DISTANCE_FROM, _WHERE_IT_LIES)
        )
    ]
    # A region or country named with a place it holds qualifies that place.
    return [
        rm
        for rm in found
        if not any(contains(rm.place, other.place) for other in found if other is not rm)
    ]


def event_places(
    clause: Clause,
    start: int,
    end: int,
    *,
    fallback: bool = True,
    within: tuple[int, int] | None = None,
) -> list[tuple[Place, int]]:
    """Where the event whose trigger is ``clause.text[start:end]`` happened:
    (place, geo precision) for the place its words point to, and for each
    place listed with it. ``within`` (characters before the trigger, after
    it) keeps only places that close. Without a place of its own, the
    previous sentence's (precision 2 at best) when ``fallback`` and the
    sentence points back to it ("the city", "there"); else none."""
    candidates = _candidates(clause)
    if within is not None:
        candidates = [
            rm for rm in candidates if start - within[0] <= clause.offset(rm) <= end + within[1]
        ]
    text = clause.text
    candidates = [
        rm
        for rm in candidates
        if not _of_other_event(text, clause.offset(rm), start)
        and not _in_other_clause(text, clause.offset(rm), start, end)
    ]
    if not candidates:
        return _fallback(clause) if fallback else []
    reporting = [rm for rm in candidates if in_speaker_phrase(clause, rm)]

    def distance(rm: ResolvedMention) -> int:
        at = clause.offset(rm)
        return max(at - end if at >= end else start - (at + len(rm.mention.surface)), 0)

    def after_locative(rm: ResolvedMention) -> bool:
        at = clause.offset(rm)
        return bool(_LOCATIVE.search(text, max(0, at - 48), at))

    def named_by_trigger(rm: ResolvedMention) -> bool:
        """True for the place the trigger's own words name: close, after "in", "near"..."""
        return after_locative(rm) and distance(rm) <= _CLOSE

    def rank(rm: ResolvedMention) -> tuple:
        return (
            rm in reporting,  # "Kharkiv's governor said": a place only if no other
            _starts_a_route(clause, rm),  # "on the Abuja-Kaduna highway near Kaduna"
            not after_locative(rm),
            distance(rm) > _CLOSE,  # the place the trigger's own words name
            clause.offset(rm) < start,  # its object ("shelled Kharkiv") before its subject
            specificity(rm.place),
            distance(rm),
        )

    # A country, a sea or a curated region is where something happened only
    # when the trigger's own words name it ("missiles fired at Ukraine").
    candidates = [
        rm
        for rm in candidates
        if not _WIDE.get(rm.place.kind) or named_by_trigger(rm) or _across_the_area(clause, rm, end)
    ]
    if not candidates:
        return _fallback(clause) if fallback else []
    best = min(candidates, key=rank)
    if (best in reporting or _in_title(clause, best)) and _within(
        clause.previous_place, best.place
    ):
        # "Lviv's governor acknowledged the strike": the town the sentences
        # before named, in the governor's region.
        place, precision = clause.previous_place
        return [(place, max(precision, 2))]
    best = _colon_listed(clause, candidates, best)
    chosen = _listed_with(clause, candidates, best)
    first = min(chosen, key=lambda rm: rm.mention.start)
    if len(chosen) > 1 and _BETWEEN_BEFORE.search(
        text, max(0, clause.offset(first) - 40), clause.offset(first)
    ):
        # "on the road between Goma and Sake": one place between them, by the first
        return [(first.place, max(_precision(clause, first), 2))]
    # "near the towns of X and Y": the list's first words hold for all of it.
    head = _precision(clause, min(chosen, key=lambda rm: rm.mention.start))
    return [(rm.place, max(_precision(clause, rm), min(head, 2))) for rm in chosen]


# "in northern Burkina Faso", "across the West Bank": where, said of a whole
# country or region.
_IN_THE_AREA = re.compile(
    r"\b(?:in|across|throughout)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?$",
    re.IGNORECASE,
)
_WIDE_REACH = 90  # how far after its trigger "in <country>" still says where


def _across_the_area(clause: Clause, rm: ResolvedMention, end: int) -> bool:
    """True for a country, a sea or a wide region named with "in" or "across"
    not far after the trigger, which ends at ``end``, in the same run of words:
    "Jihadists killed 15 soldiers in an attack on an army post in northern
    Burkina Faso" (not "attacks aimed at the city, one of the main towns in the
    Donbas region", which says where the city is)."""
    at = clause.offset(rm)
    return (
        _WIDE.get(rm.place.kind, False)
        and end <= at <= end + _WIDE_REACH
        and "," not in clause.text[end:at]
        and bool(_IN_THE_AREA.search(clause.text, max(0, at - 24), at))
    )


# An official's title names where they govern, not where the event was:
# "the governor of the Luhansk region", "Lviv's governor", "Kharkiv regional
# administration".
_TITLE_BEFORE = re.compile(
    r"\b(?:governor|mayor|head|chief|administration|council|prosecutor)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TITLE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:regional|city|military|oblast|civil|state)\s+)*(?:governor|mayor|"
    r"administration|council|prosecutor)\b",
    re.IGNORECASE,
)


def _in_title(clause: Clause, rm: ResolvedMention) -> bool:
    """True for a place named in an official's title ("the mayor of X", "X's governor")."""
    start = clause.offset(rm)
    after = clause.text[start + len(rm.mention.surface) :]
    return bool(
        _TITLE_BEFORE.search(clause.text, max(0, start - 40), start) or _TITLE_AFTER.match(after)
    )


def _within(previous: tuple[Place, int] | None, area: Place) -> bool:
    """True when the previous sentence's place lies in the region of ``area``."""
    return (
        previous is not None
        and previous[0].id != area.id
        and bool(area.admin1_code)
        and previous[0].admin1_code == area.admin1_code
    )


# Where a clause after the trigger's begins: "..., as worries grow in Kyiv that".
# Not ", and", which also joins the towns of one list ("Kharkiv, Sumy, and Odesa").
_NEXT_CLAUSE = re.compile(r",\s+(?:as|while|whereas|but)\s|;\s|\s+(?:while|whereas)\s")


def own_clause(text: str, start: int, end: int) -> str:
    """The clause of ``text`` that holds ``text[start:end]``, between the
    clause breaks around it: "Missiles struck Mykolaiv, killing two," of
    "..., while shelling continued in Donbas"."""
    before = [m.end() for m in _NEXT_CLAUSE.finditer(text, 0, start)]
    after = _NEXT_CLAUSE.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def _in_other_clause(text: str, at: int, start: int, end: int) -> bool:
    """True when the place at ``text[at:]`` is in a clause that follows the
    trigger's (at ``text[start:end]``): "The city ... experienced the worst
    shelling, as worries grow in Kyiv". A place before the trigger may be its
    main clause's subject ("Lysychansk is the next focus, as Moscow has
    launched airstrikes")."""
    return at >= end and bool(_NEXT_CLAUSE.search(text, end, at))


def _of_other_event(text: str, at: int, trigger: int) -> bool:
    """True when the place at ``text[at:]`` is that of another event the
    sentence names to say when ("shelled the city after the fall of X"),
    unless the trigger is that other event's own word."""
    match = _OTHER_EVENT.search(text, max(0, at - 80), at)
    return bool(match) and not match.start() <= trigger < at


def _colon_listed(
    clause: Clause, candidates: Sequence[ResolvedMention], best: ResolvedMention
) -> ResolvedMention:
    """The first town of the list a colon opens after the region ``best``
    ("three areas on the Donbas front: around Bakhmut, ..."), else ``best``."""
    if best.place.kind in SITE_KINDS:
        return best
    end = best.mention.end - clause.sentence.start
    after = [rm for rm in candidates if clause.offset(rm) >= end and rm.place.kind in SITE_KINDS]
    first = min(after, key=clause.offset, default=None)
    if first is not None and _COLON_LIST.match(clause.text[end : clause.offset(first)]):
        return first
    return best


def _listed_with(
    clause: Clause, candidates: Sequence[ResolvedMention], best: ResolvedMention
) -> list[ResolvedMention]:
    """``best`` and the places listed with it ("Kharkiv, Sumy and Odesa"), of
    the same level (towns with towns, regions with regions)."""
    level = min(specificity(best.place), 3)
    ordered = sorted(candidates, key=lambda rm: rm.mention.start)
    index = ordered.index(best)
    chosen = [best]
    for step in (-1, 1):
        at = index
        while 0 <= at + step < len(ordered):
            left, right = sorted((ordered[at], ordered[at + step]), key=lambda r: r.mention.start)
            gap = clause.text[left.mention.end - clause.sentence.start : clause.offset(right)]
            other = ordered[at + step]
            if not _LIST_GAP.match(gap) or min(specificity(other.place), 3) != level:
                break
            chosen.append(other)
            at += step
    # One event per place: a name repeated in the list counts once.
    unique = {}
    for rm in sorted(chosen, key=lambda r: r.mention.start):
        unique.setdefault(rm.place.id, rm)
    return list(unique.values())


def _precision(clause: Clause, rm: ResolvedMention) -> int:
    """The ACLED geo precision of an event placed at ``rm``."""
    precision = (
        1
        if rm.place.kind in SITE_KINDS
        else (2 if rm.place.kind in (PlaceKind.ADMIN2, PlaceKind.ADMIN3) else 3)
    )
    before = clause.text[max(0, clause.offset(rm) - 40) : clause.offset(rm)]
    if precision < 3 and (_NEAR.search(before) or _starts_a_route(clause, rm)):
        return 2
    if precision == 1 and rm.mention.kind_hint in (Hint.DISTRICT, Hint.REGION):
        return 2  # "in Konduga LGA": the district, placed at its town
    if rm.place.kind in SUBNATIONAL_KINDS and _UNNAMED_VILLAGE.search(before):
        return 2  # "a village in the Kharkiv region": a town there, not named
    if rm.place.kind in SUBNATIONAL_KINDS and (
        _town_unknown_before(clause, rm, before)
        or _UNKNOWN_AREA_AFTER.match(clause.text, clause.offset(rm) + len(rm.mention.surface))
    ):
        return 2  # "Kabkabiya, North Darfur", "Balochistan's Kech district": a town
        # or district there that the gazetteer does not know
    return precision


# A road named after the towns at its ends: "the Abuja-Kaduna highway".
_ROUTE_AFTER = re.compile(
    r"[-‐–][A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?\s+(?i:highway|road|expressway|motorway|railway|"
    r"rail\s+line|route|pipeline)\b"
)


def _starts_a_route(clause: Clause, rm: ResolvedMention) -> bool:
    """True when ``rm`` is the first town of a road's name ("the Abuja-Kaduna
    highway"): somewhere along the road, not in the town."""
    return bool(_ROUTE_AFTER.match(clause.text, clause.offset(rm) + len(rm.mention.surface)))


def _town_unknown_before(clause: Clause, rm: ResolvedMention, before: str) -> bool:
    """True when a capitalised name that no mention stands for comes just
    before ``rm`` and a comma ("the village of Kabkabiya, North Darfur"), or
    "in" after a settlement word ("the town of Shasha in North Kivu")."""
    town = _NAME_AND_COMMA.search(before)
    if town is None:
        return False
    at = clause.offset(rm) - len(before) + town.start(town.lastgroup)
    return not any(clause.offset(other) == at for other in clause.mentions)


_AREA_WORD = r"(?:township|district|county|village|town|municipality|commune)"
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
# "the village of Kabkabiya, ", "in Kani township, ", "the town of Shasha in ".
_NAME_AND_COMMA = re.compile(
    rf"\b(?:of|in|near|at)\s+(?P<name>{_NAME})(?:\s+{_AREA_WORD})?,\s+$"
    rf"|\b(?:town|village|city|settlement|hamlet)\s+of\s+(?P<named>{_NAME})\s+in\s+"
    r"(?:the\s+)?$"
)
_UNKNOWN_AREA_AFTER = re.compile(rf"['’]s\s+[A-Z][\w'’-]+\s+{_AREA_WORD}\b")


_UNNAMED_VILLAGE = re.compile(
    r"\b(?:an?|two|three|several|the)\s+(?:\w+\s+)?(?:villages?|towns?|settlements?|"
    r"hamlets?)\s+(?:in|of|across)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}$",
    re.IGNORECASE,
)


def _fallback(clause: Clause) -> list[tuple[Place, int]]:
    """For a sentence that names no place: the article's country where it says
    "the country" or strikes that country's own positions or towns ("its
    artillery struck multiple Ukrainian positions", in an article about
    Ukraine); the previous sentence's place, else the article's main place,
    precision 2 at best."""
    theatre = clause.article.theatre
    if (
        theatre is not None
        and theatre.kind == PlaceKind.COUNTRY
        and (_THE_COUNTRY.search(clause.text) or _targets_its_own(clause, theatre))
    ):
        return [(theatre, 3)]
    named = any(rm.mention.start >= clause.doc.dateline_end for rm in clause.mentions)
    if named and not _ANAPHOR.search(clause.text):
        return []  # it names only actors and origins: no place to infer
    if clause.previous_place is not None:
        place, precision = clause.previous_place
    elif clause.previous_area is not None:  # the lead's "in northern Burkina Faso"
        place, precision = clause.previous_area
    elif clause.article.main_place is not None:
        place, precision = clause.article.main_place, 1
    else:
        return []
    return [(place, max(precision, 2 if place.kind in SITE_KINDS else 3))]


# "struck multiple Ukrainian positions", "attacks on Ukrainian cities": the
# country whose positions or towns were hit.
_TARGET_BEFORE = re.compile(
    r"\b(?:struck|hit|hitting|shelled|shelling|attacked|targeted|targeting|pounded|bombed|on|"
    r"against|at)\s+(?:the\s+|multiple\s+|several\s+|many\s+|dozens\s+of\s+|\w+\s+of\s+)?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:positions|strongholds|cities|towns|villages|territory|"
    r"infrastructure|targets)\b"
)


def _targets_its_own(clause: Clause, country: Place) -> bool:
    """True when the sentence strikes ``country``'s positions or towns, named
    by its demonym ("Ukrainian positions")."""
    text = clause.text
    for rm in clause.mentions:
        start = clause.offset(rm)
        if (
            rm.place.id == country.id
            and _TARGET_BEFORE.search(text, max(0, start - 30), start)
            and _TARGET_AFTER.match(text, start + len(rm.mention.surface))
        ):
            return True
    return False
