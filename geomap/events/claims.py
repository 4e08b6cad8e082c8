"""Claims about the war as a whole: the front line's length and the share of a
territory that one side holds. Their layers are assembled with a geometry
(the measured line, the occupied area: see :mod:`geomap.frontline`)."""

from __future__ import annotations

import datetime as dt
import re

from ..gazetteer.vocabulary import PlaceKind
from ..model import Event
from .actors import actor_after, actor_before, reported_by
from .clause import Clause
from .dates import DAY, month_number
from .kinds import EventKind
from .numbers import parse_area_km2, parse_length_km, parse_percent

CLAIM = "Claim"
FRONT_LINE_LENGTH = "Front line length"
_FRONT = re.compile(r"\bfront[\s-]?lines?\b|\bline\s+of\s+contact\b|\bfront\b", re.IGNORECASE)
# A share is of territory only when the sentence says it is held.
_HELD = re.compile(
    r"\b(?P<verb>occup\w*|controls?|controlled|control|holds?|held|seiz\w*|captur\w*|"
    r"gain\w*|regain\w*|taken|took|annex\w*|lost|recaptur\w*|liberat\w*)\b",
    re.IGNORECASE,
)
# ... and not of people, votes or money.
_NOT_TERRITORY = re.compile(
    r"\b(?:casualt\w+|losses|killed|dead|deaths|wounded|injur\w+|votes?|voters|polls?|"
    r"population|people|gdp|economy|budget|exports?|imports?|electricity|energy|power|"
    r"market|shares?|stake|inflation|prices?|supplies|ammunition|troops|soldiers)\b",
    re.IGNORECASE,
)
_OWNER_AFTER = re.compile(r"['’]s\b")
# An area held is the object of the verb: "holds about 600 square kilometres",
# "controls an area of around 8,000 sq km", "captured 4,168 km²".
_HELD_AREA = re.compile(
    r"\b(?:occup\w*|controls?|controlled|holds?|held|seiz\w*|captur\w*|gain\w*|regain\w*|"
    r"taken|took|lost|recaptur\w*|liberat\w*)\s+(?:(?:an?\s+)?(?:area|territory)\s+of\s+)?"
    r"(?:some\s+|around\s+|about\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"\bsince\s+(?:(?P<part>early|late|mid)-?\s*|the\s+(?:start|beginning)\s+of\s+|"
    r"(?P<month>[a-z]+)\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PART_MONTH = {"early": 1, "mid": 7, "late": 10}


def _since_date(since: re.Match) -> dt.date:
    """When a period that began "early 2024", "mid-2023", "March 2024" began."""
    month = _PART_MONTH.get((since.group("part") or "").lower())
    if month is None:
        month = month_number(since.group("month") or "") or 1
    return dt.date(int(since.group("year")), month, 1)


def frontline_claims(clause: Clause) -> list[Event]:
    """A length of the front line."""
    text = clause.text
    if not _FRONT.search(text):
        return []
    length = parse_length_km(text)
    if length is None:
        return []
    date = clause.doc.date
    theatre = clause.article.theatre
    return [
        clause.event(
            FRONTLINE.layer,
            CLAIM,
            FRONT_LINE_LENGTH,
            (theatre, 3) if theatre and theatre.kind == PlaceKind.COUNTRY else None,
            (date, DAY if date else None),
            figures={"claimed_length_km": length[2]},
            reported_by=reported_by(text),
        )
    ]


def share_claims(clause: Clause) -> list[Event]:
    """Shares and areas of a country, region or town that one side holds
    ("Russia controls 70% of Sievierodonetsk", "gained 1.5% since early 2024",
    "holds about 600 square kilometres of Russia's Kursk region")."""
    text = clause.text
    verb = _HELD.search(text)
    if not verb:
        return []
    events = []
    held = [(s, e, f, "claimed_share_pct") for s, e, f in parse_percent(text)] + [
        (s, e, f, "claimed_area_km2") for s, e, f in parse_area_km2(text)
    ]
    for start, end, figure, name in held:
        # What the share is of: the words right after it, or a noun just before.
        if _NOT_TERRITORY.search(text[end : end + 30]) or _NOT_TERRITORY.search(
            text[max(0, start - 12) : start]
        ):
            continue
        if name == "claimed_area_km2" and not _HELD_AREA.search(text, max(0, start - 60), start):
            continue  # "Soledar - a settlement smaller than 5.5 sq miles": a size, not a hold
        after = [
            rm
            for rm in clause.mentions
            if end <= clause.offset(rm) <= end + 40 and rm.place.kind != PlaceKind.CONTINENT
        ]
        # "of Russia's Kursk region": the region, not its owner
        if len(after) > 1 and _OWNER_AFTER.match(
            text, after[0].mention.end - clause.sentence.start
        ):
            after = after[1:]
        place = after[0].place if after else None
        if place is None and re.match(
            r"(?:\s+of)?\s+(?:the\s+|its\s+)?(?:country|territory)\b", text[end:]
        ):
            place = clause.article.theatre
        if place is None and re.match(r"(?:\s+of)?\s+the\s+(?:city|town)\b", text[end:]):
            # "half of the city": the town the article was just talking about
            earlier = clause.previous_place or (
                (clause.article.main_place, 1) if clause.article.main_place else None
            )
            place = earlier[0] if earlier else None
        if place is None and name == "claimed_area_km2":
            place = clause.article.theatre  # "gained 1,500 square kilometres": the war's
        if place is None:
            continue
        word = verb.group("verb").lower()
        since = _SINCE.search(text, end)
        details = {}
        gain = word.startswith(("gain", "captur", "took", "taken", "seiz"))
        if gain and since:
            kind = f"gained {since.group()}"
            details["since"] = _since_date(since).isoformat()
        elif gain and name == "claimed_area_km2":
            kind = "gained"  # "captured 4,168 km² in 2024": what was taken, not what is held
        elif word.startswith(("lost", "recaptur", "liberat", "regain")):
            kind = "lost"
        else:
            kind = "occupied"
        events.append(
            clause.event(
                OCCUPATION.layer,
                CLAIM,
                kind,
                (place, 3 if place.kind not in (PlaceKind.POPULATED_PLACE,) else 1),
                (clause.doc.date, DAY if clause.doc.date else None),
                actor1=actor_before(clause, verb.start()) or actor_after(clause, verb.end()),
                figures={name: figure},
                reported_by=reported_by(text),
                details=details,
            )
        )
    return events


FRONTLINE = EventKind(
    layer="frontline",
    label="Front line",
    colour="#e66101",
    event_types=((CLAIM, FRONT_LINE_LENGTH),),
    extract=frontline_claims,
    geometry="MultiLineString",
    claim=True,
    assembled=True,
    fields=(
        ("id", "str"),
        ("name", "str"),
        ("country_code", "str"),
        ("geometry_kind", "str"),
        ("as_of", "str"),
        ("line_source", "str"),
        ("claimed_length_km", "float"),
        ("claimed_hedge", "str"),
        ("measured_length_km", "float"),
        ("measured_length_km_1km", "float"),
        ("sketch_length_km", "float"),
        ("summary", "str"),
        ("event_date", "str"),
        ("time_precision", "int"),
        ("source", "str"),
        ("notes", "str"),
        ("doc_id", "str"),
        ("quote_start", "int"),
        ("quote_end", "int"),
    ),
    figures=(
        ("claimed_length_km", "Reported km", "claimed_hedge"),
        ("measured_length_km", "Measured km", None),
        ("measured_length_km_1km", "Measured km, 1 km resolution", None),
        ("sketch_length_km", "Sketch km (not measured)", None),
    ),
    qgis_label='"summary"',
    description="The front line, its reported length beside the measured one",
)
OCCUPATION = EventKind(
    layer="occupation",
    label="Occupied area",
    colour="#b2182b",
    event_types=((CLAIM, "occupied"), (CLAIM, "lost")),
    extract=share_claims,
    geometry="MultiPolygon",
    claim=True,
    assembled=True,
    fields=(
        ("id", "str"),
        ("name", "str"),
        ("location", "str"),
        ("country_code", "str"),
        ("latitude", "float"),
        ("longitude", "float"),
        ("geometry_kind", "str"),
        ("as_of", "str"),
        ("area_source", "str"),
        ("claimed_share_pct", "float"),
        ("claimed_area_km2", "float"),
        ("claimed_hedge", "str"),
        ("claim_kind", "str"),
        ("computed_share_pct", "float"),
        ("sketch_share_pct", "float"),
        ("computed_change_pct", "float"),
        ("share_of", "str"),
        ("area_km2", "float"),
        ("summary", "str"),
        ("event_date", "str"),
        ("time_precision", "int"),
        ("actor1", "str"),
        ("notes", "str"),
        ("doc_id", "str"),
        ("source", "str"),
        ("quote_start", "int"),
        ("quote_end", "int"),
    ),
    figures=(
        ("claimed_share_pct", "Reported %", "claimed_hedge"),
        ("claimed_area_km2", "Reported km²", "claimed_hedge"),
        ("computed_share_pct", "Computed %", None),
        ("area_km2", "Computed km²", None),
        ("sketch_share_pct", "Sketch % (not measured)", None),
        ("computed_change_pct", "Computed change, points", None),
    ),
    qgis_label='"summary"',
    description="Shares and areas of a territory one side holds, reported beside computed",
)
