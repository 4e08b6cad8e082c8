"""Extract events and claims from sentences, in ACLED's vocabulary.

Each extractor reads one sentence with its resolved place mentions and date
expressions and returns :class:`~geomap.model.Event` records that keep the
quote, its offsets and the figures with their hedges. The rules are lexical
and general (no article-specific phrases); their vocabulary is listed in the
pattern constants below.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..gazetteer.vocabulary import PlaceKind
from ..model import Document, Event, Figure, Place, ResolvedMention, Sentence
from ..text import sentence_at
from .dates import DAY, WEEK, DateMention, day_span, find_dates
from .numbers import parse_length_km, parse_numbers, parse_percent

MAX_SENTENCE = 2000  # characters; longer "sentences" are not read for events
REMOTE = "Explosions/Remote violence"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
STRATEGIC = "Strategic developments"
AGREEMENT = "Agreement"
DISRUPTED = "Disrupted weapons use"

_AIR_WORDS = (
    r"air\s*strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+attacks?|"
    r"drone\s+(?:attacks?|strikes?)|attack\s+drones|(?:kamikaze|suicide|exploding)\s+"
    r"drones|drones?|uavs?|shaheds?|bomb(?:s|ed|ing|ings)?|bombardments?|warplanes?|"
    r"fighter\s+jets?|glide\s+bombs?|helicopters?"
)
_SHELL_WORDS = (
    r"shell(?:s|ed|ing)?|artillery|missile\s+(?:attacks?|strikes?)|missiles?|"
    r"rockets?|mortars?|ballistic|cruise\s+missiles?|barrages?|grads?|howitzers?"
)
_TRIGGER = re.compile(rf"\b(?:{_AIR_WORDS}|{_SHELL_WORDS}|strikes?|struck)\b", re.IGNORECASE)
_NOMINAL = re.compile(
    r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+attacks?|"
    r"drone\s+(?:attacks?|strikes?)|attack\s+drones|missile\s+(?:attacks?|strikes?)|"
    r"rocket\s+(?:attacks?|fire)|shelling|artillery\s+fire|bombings?|bombardments?|"
    r"strikes?|barrages?)\b",
    re.IGNORECASE,
)
_ACTION = re.compile(
    r"\b(?:strikes?|struck|hit|hits|attack(?:s|ed|ing)?|launch(?:ed|es)?|deployed|fired|"
    r"targeted|target(?:ing|s)|pounded|bombed|shelled|shelling|bombing|raids?|slammed|"
    r"rained|dropped)\b",
    re.IGNORECASE,
)
_NOT_VIOLENCE = re.compile(
    r"\b(?:strikes?\s+(?:a|an|the)\s+(?:deal|balance|chord|note|tone)|hunger\s+strikes?|"
    r"general\s+strikes?|strike\s+action|labou?r\s+strikes?|on\s+strike|lucky\s+strike|"
    r"(?:workers|unions?)\b[^.]*\bstrikes?)",
    re.IGNORECASE,
)
_AIR = re.compile(rf"\b(?:{_AIR_WORDS})\b", re.IGNORECASE)
# Without a weapon named, "strikes" is violence when armed forces or a toll are too.
_ARMED = re.compile(
    r"\b(?:forces|troops|army|military|militants|rebels|militia|jets?|"
    r"killed|killing|wounded|injured|dead)\b",
    re.IGNORECASE,
)
_SHELL = re.compile(rf"\b(?:{_SHELL_WORDS})\b", re.IGNORECASE)
_DISRUPTED = re.compile(
    r"\b(?:shot\s+down|intercept(?:ed|s)?|downed|neutrali[sz]ed|repelled|destroyed\s+"
    r"(?:\w+\s+){0,3}(?:drones?|missiles?|rockets?|uavs?))\b",
    re.IGNORECASE,
)
_TALKS = re.compile(
    r"\b(?:(?:peace\s+|ceasefire\s+|truce\s+)?talks|negotiations|summit|peace\s+conference)\b",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(
    r"\b(?:exchang\w*|swap\w*|releas\w*|return\w*|freed|handed\s+over|repatriat\w*)\b",
    re.IGNORECASE,
)
_CAPTIVES = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?P<noun>prisoners?(?:\s+of\s+war)?|pows?|captives|detainees|"
    r"hostages|civilians|soldiers|servicemen|bodies)\b",
    re.IGNORECASE,
)
_CASUALTY = re.compile(
    r"\b(?P<word>killed|killing|dead|deaths?|died|casualties|wounded|injured|injuring|"
    r"fatalities|death\s+toll|losses|lives)\b",
    re.IGNORECASE,
)
_TOLL_KIND = {
    "killed": "killed",
    "killing": "killed",
    "dead": "killed",
    "death": "killed",
    "deaths": "killed",
    "died": "killed",
    "fatalities": "killed",
    "death toll": "killed",
    "lives": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "injuring": "wounded",
    "casualties": "casualties",
    "losses": "casualties",
}
_VICTIMS = re.compile(
    r"^\s*(?P<who>(?:[A-Z][\w-]*\s+)?(?:soldiers|troops|civilians|people|children|women|"
    r"servicemen|service\s+members|fighters|militants|combatants|Palestinians|Israelis|"
    r"residents|personnel|police(?:men)?|officers))\b"
)
_FRONT = re.compile(r"\bfront[\s-]?lines?\b|\bline\s+of\s+contact\b|\bfront\b", re.IGNORECASE)
_OCCUPY = re.compile(
    r"\b(?P<verb>occup\w*|controls?|controlled|holds?|held|seiz\w*|captur\w*|gain\w*|"
    r"taken|took|annex\w*|lost|recaptur\w*|liberat\w*)\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?(?:\w+\s+)?\d{4}\b", re.IGNORECASE)
_SPEAKER = re.compile(
    # "Zelenskiy said", "Lebanon's health ministry said", "the regional governor said"
    r"(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w'’.-]*))*"
    r"(?:\s+[a-z][\w-]*){0,2}|\bthe\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
    r"\s*,?\s+(?:said|says|told|reported|claimed|estimated|announced|stated)\b"
)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|"
    r"[A-Z][\w'’.-]*))*)"
)
_DISPUTE = re.compile(
    r"^(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:has\s+|have\s+)?"
    r"(?:dismissed|denied|rejected|disputed|contested|refuted)\b[^.]*\b(?:report|figures?|"
    r"claims?|toll|estimates?|numbers?|data)\b"
)
_LOCATIVE = re.compile(
    r"\b(?:in|on|at|near|outside|around|across|over|against|into|targeting|toward|towards|to|"
    r"inside|within|hit|hits|struck|attacked|shelled|bombed|targeted|pounded|raided)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PERIOD_START = re.compile(
    r"\b(?:since|began|begun|started|starting|beginning)\b[\w\s,]*$", re.IGNORECASE
)
_SOURCE_OF = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_VENUE = re.compile(r"\b(?:in|at|hosted\s+by)\s+(?:the\s+)?$", re.IGNORECASE)
_NEAR = re.compile(
    r"\b(?:near|outside|around|close\s+to|on\s+the\s+outskirts\s+of)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_SPECIFICITY = {
    PlaceKind.FACILITY: 0,
    PlaceKind.POPULATED_PLACE: 1,
    PlaceKind.ADMIN2: 2,
    PlaceKind.ADMIN1: 2,
    PlaceKind.REGION: 2,
    PlaceKind.SEA: 3,
    PlaceKind.COUNTRY: 4,
    PlaceKind.CONTINENT: 5,
}
_OF_WHICH = re.compile(
    r"(?:(?:about|some|nearly|around|at\s+least)\s+)?\d[\d,]*\s+of\s+"
    r"(?:which|them|those)\s+(?:were|was|are)\s+[\w-]+(?:\s+[\w-]+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Document
    sentence: Sentence
    mentions: Sequence[ResolvedMention]  # of this sentence
    dates: Sequence[DateMention]  # offsets relative to the sentence
    next_sentences: Sequence[Sentence]
    theatre: Place | None  # the country the article is mostly about


def extract_events(
    doc: Document,
    sentences: Sequence[Sentence],
    resolved: Sequence[ResolvedMention],
    *,
    country_of: Callable[[str], Place | None] | None = None,
) -> list[Event]:
    """All events and claims in ``doc``.

    ``country_of`` maps an ISO code to the country's place (the gazetteer's
    ``country``); with it, a toll with no place named is put in the country the
    article is about even when the article never names that country.

    >>> from geomap.model import Mention, Place
    >>> text = "Drones hit Odesa on Tuesday, killing two people."
    >>> doc = Document("d", text, date=dt.date(2026, 2, 5))
    >>> odesa = Place("t:1", "Odesa", "populated_place", 46.48, 30.73, "UA", population=10**6)
    >>> rm = ResolvedMention(Mention("d", 11, 16, "Odesa", "odesa"), odesa, 1.0, "")
    >>> [(e.sub_event_type, e.event_date.isoformat(), e.figures["fatalities"].value)
    ...  for e in extract_events(doc, [Sentence("d", 0, len(text), text)], [rm])]
    [('Air/drone strike', '2026-02-03', 2.0)]
    """
    events: list[Event] = []
    theatre = _theatre(doc, resolved, country_of)
    by_sentence: dict[int, list[ResolvedMention]] = {}
    for rm in resolved:
        sentence = sentence_at(sentences, rm.mention.start)
        if sentence:
            by_sentence.setdefault(sentence.start, []).append(rm)
    for number, sentence in enumerate(sentences):
        if len(sentence.text) > MAX_SENTENCE:
            continue  # a table or a run-on scrape, not a sentence a reporter wrote
        mentions = by_sentence.get(sentence.start, [])
        ctx = _Context(
            doc,
            sentence,
            mentions,
            find_dates(sentence.text, doc.date),
            sentences[number + 1 : number + 3],
            theatre,
        )
        strikes = _strikes(ctx)
        events.extend(strikes)
        for extractor in (_disrupted, _talks, _exchanges, _frontline_claims, _occupation_claims):
            events.extend(extractor(ctx))
        if not any("fatalities" in e.figures for e in strikes):
            events.extend(_casualties(ctx))  # a strike's toll stays with the strike
    return _merge_exchanges(events)


def _theatre(
    doc: Document,
    resolved: Sequence[ResolvedMention],
    country_of: Callable[[str], Place | None] | None,
) -> Place | None:
    """The country an article is mostly about: the dateline's, else the one its
    place names lie in most often (the first named wins a tie)."""
    codes = [rm.place.country_code for rm in resolved if rm.place.country_code]
    if not codes:
        return None
    dateline = [rm.place.country_code for rm in resolved if rm.mention.start < doc.dateline_end]
    votes = Counter(codes)
    best = (
        dateline[0]
        if dateline and dateline[0]
        else max(votes, key=lambda c: (votes[c], -codes.index(c)))
    )
    named = next(
        (
            rm.place
            for rm in resolved
            if rm.place.kind == PlaceKind.COUNTRY and rm.place.country_code == best
        ),
        None,
    )
    return named or (country_of(best) if country_of else None)


def _merge_exchanges(events: list[Event]) -> list[Event]:
    """An article's figures for one day's swap ("314 prisoners", "157 each", "three
    civilians returned to the Kursk region") describe one exchange: give every
    report of it all the figures and the most specific place any of them names,
    so the layer merges them into one feature."""
    exchanges = [e for e in events if e.layer == "exchanges"]
    others = [e for e in events if e.layer != "exchanges"]
    by_day: dict = {}
    for event in exchanges:
        by_day.setdefault((event.event_date, event.time_precision), []).append(event)
    for group in by_day.values():
        where = min(group, key=lambda e: (_SPECIFICITY.get(e.place.kind, 5), e.quote_start))
        figures: dict[str, Figure] = {}
        for event in group:
            for name, figure in event.figures.items():
                figures.setdefault(name, figure)
        others.extend(
            replace(e, place=where.place, geo_precision=where.geo_precision, figures=figures)
            for e in group
        )
    return others


# -- helpers -------------------------------------------------------------------------------


def _rel(ctx: _Context, rm: ResolvedMention) -> int:
    return rm.mention.start - ctx.sentence.start


def _choose_place(
    ctx: _Context, anchor: int, *, exclude: set[str] = frozenset(), locative_only: bool = False
) -> tuple[Place, int] | None:
    """The place an event at ``anchor`` (sentence offset) happened: a place after a
    locative word ("in", "on", "near") if any, the most specific first, then the nearest."""
    options = []
    for rm in ctx.mentions:
        if rm.place.id in exclude:
            continue
        start = _rel(ctx, rm)
        before = ctx.sentence.text[max(0, start - 40) : start]
        locative = bool(_LOCATIVE.search(before)) and not _SOURCE_OF.search(before)
        if locative_only and not locative:
            continue
        options.append(
            (
                not locative,
                _SPECIFICITY.get(rm.place.kind, 5),
                abs(start - anchor),
                start,
                rm,
                before,
            )
        )
    if not options:
        return None
    *_, rm, before = min(options, key=lambda o: o[:4])
    precision = rm.place.geo_precision
    if precision == 1 and _NEAR.search(before):
        precision = 2
    return rm.place, precision


def _most_specific(ctx: _Context) -> tuple[Place, int] | None:
    """The most specific place the sentence names (the first of equals)."""
    if not ctx.mentions:
        return None
    rm = min(ctx.mentions, key=lambda r: (_SPECIFICITY.get(r.place.kind, 5), r.mention.start))
    return rm.place, rm.place.geo_precision


def _actor_before(ctx: _Context, anchor: int, *, skip: str | None = None) -> str | None:
    """The country named (or its demonym) closest before ``anchor``: who acted.

    A country inside the phrase that reports it ("Ukrainian officials said") is
    the source, not the actor."""
    speaker = _speaker_match(ctx.sentence.text, anchor)
    best = None
    for rm in ctx.mentions:
        start = _rel(ctx, rm)
        if speaker and speaker.start("who") <= start < speaker.end("who"):
            continue
        if start < anchor and rm.place.kind == PlaceKind.COUNTRY and rm.place.name != skip:
            best = rm.place.name
    return best


def _parties(ctx: _Context, *, exclude: str | None = None) -> list[str]:
    """Countries acting together: "Ukraine and Russia" if the sentence pairs two,
    else every country it names, in order."""
    countries = [
        rm for rm in ctx.mentions if rm.place.kind == PlaceKind.COUNTRY and rm.place.name != exclude
    ]
    text = ctx.sentence.text
    for left, right in itertools.pairwise(countries):
        gap = text[left.mention.end - ctx.sentence.start : _rel(ctx, right)]
        if gap in (" and ", " & ") and left.place.id != right.place.id:
            return [left.place.name, right.place.name]
    return list(dict.fromkeys(rm.place.name for rm in countries))


def _date_groups(dates: Sequence[DateMention], text: str) -> list[list[DateMention]]:
    """ "on Wednesday and Thursday" is one group of two dates."""
    groups: list[list[DateMention]] = []
    for date in dates:
        if groups and re.fullmatch(
            r"\s*(?:,|and|or|,\s*and)\s*", text[groups[-1][-1].end : date.start]
        ):
            groups[-1].append(date)
        else:
            groups.append([date])
    return groups


def _dates_for(ctx: _Context, start: int, end: int) -> list[tuple[dt.date | None, int | None]]:
    """The dates of an event whose trigger is at ``[start, end)``: the nearest date
    expression of the sentence, else the article's date at week precision."""
    # "since April 2023", "the war began in 2022": when a period started, not the event.
    dates = [
        d
        for d in ctx.dates
        if not _PERIOD_START.search(ctx.sentence.text[max(0, d.start - 30) : d.start])
    ]
    groups = _date_groups(dates, ctx.sentence.text)
    if groups:
        nearest = min(groups, key=lambda g: min(abs(g[0].start - end), abs(start - g[-1].end)))
        return [(d.date, d.precision) for d in nearest]
    return [(ctx.doc.date, WEEK if ctx.doc.date else None)]


def _speaker_match(text: str, anchor: int = 0) -> re.Match | None:
    """Who says so: the nearest "X said" before ``anchor``, else the first after it."""
    matches = list(_SPEAKER.finditer(text)) + list(_ACCORDING.finditer(text))
    before = [m for m in matches if m.start() < anchor]
    if before:
        return max(before, key=lambda m: m.start())
    return min(matches, key=lambda m: m.start(), default=None)


def _speaker(text: str, anchor: int = 0) -> str | None:
    match = _speaker_match(text, anchor)
    if not match:
        return None
    who = re.sub(r"^the\s+", "", match.group("who").strip(), flags=re.IGNORECASE)
    return who if who.lower() not in {"it", "he", "she", "they", "officials"} else None


def _disputed_by(ctx: _Context) -> str | None:
    for sentence in ctx.next_sentences:
        match = _DISPUTE.search(sentence.text)
        if match:
            return re.sub(r"^the\s+", "", match.group("who"), flags=re.IGNORECASE)
    return None


def _event(
    ctx: _Context,
    layer: str,
    event_type: str,
    sub_type: str,
    place: Place | None,
    precision: int,
    date: dt.date | None,
    time_precision: int | None,
    **extra,
) -> Event:
    s = ctx.sentence
    return Event(
        layer=layer,
        event_type=event_type,
        sub_event_type=sub_type,
        doc_id=ctx.doc.doc_id,
        source=ctx.doc.source,
        quote=s.text,
        quote_start=s.start,
        quote_end=s.end,
        place=place,
        geo_precision=precision,
        event_date=date,
        time_precision=time_precision,
        **extra,
    )


def _count_before(text: str, position: int, *, max_gap: int = 12) -> Figure | None:
    """The figure written at most ``max_gap`` characters before ``position``
    ("183 attack drones", "5 people were killed")."""
    base = max(0, position - max_gap - 30)
    found = [
        f for _, end, f in parse_numbers(text[base:position]) if base + end >= position - max_gap
    ]
    return found[-1] if found else None


# -- extractors ----------------------------------------------------------------------------


def _strikes(ctx: _Context) -> list[Event]:
    text = ctx.sentence.text
    violent = _AIR.search(text) or _SHELL.search(text) or _ARMED.search(text)
    if _NOT_VIOLENCE.search(text) or not violent:
        return []
    if not (_ACTION.search(text) or _NOMINAL.search(text)):
        return []
    triggers = list(_NOMINAL.finditer(text))
    if not triggers:
        first = _TRIGGER.search(text)
        triggers = [first] if first and _ACTION.search(text) else []
    events: list[Event] = []
    seen: set[tuple] = set()
    for trigger in triggers:
        if _DISRUPTED.search(text[trigger.end() : trigger.end() + 30]) or _DISRUPTED.search(
            text[max(0, trigger.start() - 30) : trigger.start()]
        ):
            continue  # "drones were shot down": not a strike
        place = _choose_place(ctx, trigger.end())
        if place is None:
            continue
        window = text[max(0, trigger.start() - 60) : trigger.end() + 60]
        sub_type = (
            AIR
            if _AIR.search(trigger.group())
            or (not _SHELL.search(trigger.group()) and _AIR.search(window))
            else SHELLING
        )
        figures: dict[str, Figure] = {}
        count = _count_before(text, trigger.start())
        if count:
            figures["weapon_count"] = count
        detail = _OF_WHICH.search(text, trigger.end())
        actor1 = _actor_before(ctx, trigger.start(), skip=place[0].name)
        actor2 = place[0].name if place[0].kind == PlaceKind.COUNTRY else None
        fatalities = _fatalities(text)
        if fatalities:
            figures["fatalities"] = fatalities
        for date, time_precision in _dates_for(ctx, trigger.start(), trigger.end()):
            key = (sub_type, place[0].id, date)
            if key in seen:
                continue
            seen.add(key)
            event_figures = dict(figures)
            if detail and "weapon_count" in figures:
                event_figures["weapon_count"] = Figure(
                    figures["weapon_count"].value,
                    figures["weapon_count"].unit,
                    figures["weapon_count"].hedge,
                    detail.group(),
                )
            events.append(
                _event(
                    ctx,
                    "strikes",
                    REMOTE,
                    sub_type,
                    place[0],
                    place[1],
                    date,
                    time_precision,
                    actor1=actor1,
                    actor2=actor2,
                    figures=event_figures,
                    reported_by=_speaker(text, trigger.start()),
                )
            )
    return events


def _fatalities(text: str) -> Figure | None:
    for match in _CASUALTY.finditer(text):
        if _TOLL_KIND[match.group("word").lower()] != "killed":
            continue
        after = parse_numbers(text[match.end() : match.end() + 20])
        if after and after[0][0] <= 3:
            return after[0][2]
        before = _count_before(text, match.start(), max_gap=25)
        if before:
            return before
    return None


def _disrupted(ctx: _Context) -> list[Event]:
    text = ctx.sentence.text
    match = _DISRUPTED.search(text)
    if not match or not re.search(
        r"\b(?:drones?|missiles?|rockets?|uavs?|shaheds?)\b", text, re.IGNORECASE
    ):
        return []
    place = _choose_place(ctx, match.start())
    if place is None:
        return []
    figures = {}
    numbers = [f for s, _, f in parse_numbers(text) if s > match.start() - 60]
    if numbers:
        figures["weapon_count"] = numbers[0]
    return [
        _event(
            ctx,
            "strikes",
            STRATEGIC,
            DISRUPTED,
            place[0],
            place[1],
            date,
            precision,
            actor1=place[0].name if place[0].kind == PlaceKind.COUNTRY else None,
            figures=figures,
            reported_by=_speaker(text),
        )
        for date, precision in _dates_for(ctx, match.start(), match.end())
    ]


def _talks(ctx: _Context) -> list[Event]:
    text = ctx.sentence.text
    events = []
    for match in _TALKS.finditer(text):
        venue = _venue(ctx, match.end())
        if venue is None:
            continue
        parties = _parties(ctx, exclude=venue[0].name)
        date, precision = _dates_for(ctx, match.start(), match.end())[-1]
        start = day_span(text, date) if date and precision == DAY else date
        days = (
            {"days": Figure(float((date - start).days + 1), "days")}
            if date and start and date != start
            else {}
        )
        events.append(
            _event(
                ctx,
                "talks",
                STRATEGIC,
                AGREEMENT,
                venue[0],
                venue[1],
                start,
                precision,
                actor1=parties[0] if parties else None,
                actor2=parties[1] if len(parties) > 1 else None,
                figures=days,
            )
        )
    return events


def _venue(ctx: _Context, after: int) -> tuple[Place, int] | None:
    """Where talks were held: "talks in Abu Dhabi", "talks ... took place in Turkey"."""
    for rm in ctx.mentions:
        start = _rel(ctx, rm)
        if (
            after <= start <= after + 80
            and rm.place.kind != PlaceKind.CONTINENT
            and _VENUE.search(ctx.sentence.text[after:start])
        ):
            return rm.place, rm.place.geo_precision
    return None


def _exchanges(ctx: _Context) -> list[Event]:
    text = ctx.sentence.text
    verb = _EXCHANGE.search(text)
    if not verb:
        return []
    figures: dict[str, Figure] = {}
    for start, end, figure in parse_numbers(text):
        noun = _CAPTIVES.match(text[end : end + 40])
        if not noun:
            continue
        word = noun.group("noun").lower()
        tail = text[end : end + 60]
        if word == "civilians":
            name = "civilians"
        elif re.match(r"^[^.,;]*?\beach\b", tail):
            name = "prisoners_each"
        else:
            name = "prisoners_total"
        figures.setdefault(
            name, Figure(figure.value, word, figure.hedge, text[start : end + noun.end()])
        )
    if not figures:
        return []
    place = _most_specific(ctx)
    if place is None:
        return []
    parties = _parties(ctx)
    return [
        _event(
            ctx,
            "exchanges",
            STRATEGIC,
            AGREEMENT,
            place[0],
            place[1],
            date,
            precision,
            actor1=parties[0] if parties else None,
            actor2=parties[1] if len(parties) > 1 else None,
            figures=figures,
            reported_by=_speaker(text),
        )
        for date, precision in _dates_for(ctx, verb.start(), verb.end())[:1]
    ]


def _casualties(ctx: _Context) -> list[Event]:
    text = ctx.sentence.text
    events = []
    for match in _CASUALTY.finditer(text):
        kind = _TOLL_KIND[match.group("word").lower()]
        candidates = [
            (s, e, f)
            for s, e, f in parse_numbers(text)
            if -5 <= match.start() - e <= 80 or 0 <= s - match.end() <= 4
        ]
        candidates = [
            c
            for c in candidates
            if not re.match(
                r"\s*(?:\w+\s+)?(?:drones?|missiles?|rockets?|km|miles|"
                r"years?|months?|days?|hours?|%)",
                text[c[1] :],
            )
        ]
        if not candidates:
            continue
        start, end, figure = min(candidates, key=lambda c: abs(c[1] - match.start()))
        victims = _VICTIMS.match(text[end:])
        subject = victims.group("who") if victims else _actor_before(ctx, start)
        place = _victims_place(ctx, end, end + victims.end() if victims else end, start)
        if place is None:
            continue
        events.append(
            _event(
                ctx,
                "casualties",
                "Reported toll",
                kind,
                place[0],
                place[1],
                *_dates_for(ctx, match.start(), match.end())[0],
                actor1=_actor_before(ctx, start),
                actor2=subject,
                figures={"toll": Figure(figure.value, kind, figure.hedge, figure.text)},
                reported_by=_speaker(text),
                disputed_by=_disputed_by(ctx),
            )
        )
        break  # one toll per sentence: the first one stated
    return events


def _victims_place(
    ctx: _Context, start: int, end: int, figure_start: int
) -> tuple[Place, int] | None:
    """Whose toll it is: a demonym or country in "55,000 Ukrainian soldiers", else
    where they died ("killed in Gaza"), else the country named last before the
    figure ("Russia had suffered 1.2 million"), else the article's country."""
    inside = [rm for rm in ctx.mentions if start <= _rel(ctx, rm) < end]
    before = [
        rm
        for rm in ctx.mentions
        if _rel(ctx, rm) < figure_start and rm.place.kind == PlaceKind.COUNTRY
    ]
    if inside:
        return inside[0].place, inside[0].place.geo_precision
    where = _choose_place(ctx, figure_start, locative_only=True)
    if where:
        return where  # "killed in Gaza"
    if before:
        return before[-1].place, before[-1].place.geo_precision
    if ctx.theatre:
        return ctx.theatre, 3  # a war's toll, with no place named: the war's country
    return _choose_place(ctx, figure_start)


def _frontline_claims(ctx: _Context) -> list[Event]:
    text = ctx.sentence.text
    if not _FRONT.search(text):
        return []
    length = parse_length_km(text)
    if length is None:
        return []
    return [
        _event(
            ctx,
            "frontline",
            "Claim",
            "Front line length",
            None,
            3,
            ctx.doc.date,
            DAY if ctx.doc.date else None,
            figures={"claimed_length_km": length[2]},
            reported_by=_speaker(text),
        )
    ]


def _occupation_claims(ctx: _Context) -> list[Event]:
    text = ctx.sentence.text
    verb = _OCCUPY.search(text)
    if not verb:
        return []
    events = []
    for _, end, figure in parse_percent(text):
        country = None
        for rm in ctx.mentions:
            rel = _rel(ctx, rm)
            if end <= rel <= end + 40 and rm.place.kind == PlaceKind.COUNTRY:
                country = rm.place
                break
        if country is None:
            continue
        since = _SINCE.search(text, end)
        word = verb.group("verb").lower()
        if word.startswith(("gain", "captur", "took", "taken", "seiz")) and since:
            kind = f"gained {since.group()}"
        elif word.startswith(("lost", "recaptur", "liberat")):
            kind = "lost"
        else:
            kind = "occupied"
        events.append(
            _event(
                ctx,
                "occupation",
                "Claim",
                kind,
                country,
                3,
                ctx.doc.date,
                DAY if ctx.doc.date else None,
                actor1=_actor_before(ctx, verb.start()),
                figures={"claimed_share_pct": figure},
            )
        )
    return events
