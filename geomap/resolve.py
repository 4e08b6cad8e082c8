"""Resolve mentions to places, using the whole document as context.

Each candidate gets a score: the size of the place (log population), its
kind (a country or a curated region beats a village of the same name), the
"region" words around the mention, whether the name is the place's own or an
alternate spelling, whether it is a capital, and whether its country is
talked about elsewhere in the document. The best score wins; its reason is
kept with the result.

Where the text says which area a place is in ("Novoselivka, Zaporizhzhia",
see :mod:`geomap.containers`), only the namesakes in that area compete. A
village that only a national dump lists (``Place.minor``), or a small town
named by an alternate name only, needs its country in the document's
context; a minor village never beats a listed town unless the area named
with it says so.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence

from .containers import find_links
from .gazetteer.index import Gazetteer
from .gazetteer.vocabulary import (
    BIG_PLACE,
    CYRILLIC_COUNTRIES,
    MAX_CANDIDATES,
    SITE_KINDS,
    SUBNATIONAL_KINDS,
    PlaceKind,
)
from .geometry import great_circle_km
from .model import Candidate, Document, Hint, Mention, Place, ResolvedMention

# The areas "X in Y" names as a region when Y is no town's name.
_REGIONS = frozenset({PlaceKind.ADMIN1, PlaceKind.ADMIN2})
KIND_BONUS = {
    PlaceKind.COUNTRY: 4.0,
    PlaceKind.CONTINENT: 4.0,
    PlaceKind.REGION: 6.0,
    PlaceKind.FACILITY: 6.0,
    PlaceKind.SEA: 6.0,
    PlaceKind.ADMIN1: -1.0,
    PlaceKind.ADMIN2: -1.0,
    PlaceKind.ADMIN3: -2.0,
    PlaceKind.POPULATED_PLACE: 0.0,
}
HINT_BONUS = 8.0  # "the Donetsk region" → the region, not the city
# "the Pokrovsk district" → the raion, "the Kharkiv region" → the oblast, not
# the raion: the region word's level.
LEVEL_BONUS = 1.0
_LEVEL_KINDS = {
    Hint.REGION: frozenset({PlaceKind.ADMIN1, PlaceKind.REGION}),
    Hint.DISTRICT: frozenset({PlaceKind.ADMIN2, PlaceKind.ADMIN3}),
}
# The kinds of area a place may be said to be in ("X, Region"), and how far
# from a curated region's point its places may lie.
AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION})
REGION_RADIUS_KM = 250.0
# A name that is a place's own, against one another place has only as an alternate:
# "Pokrovsk" is the Ukrainian town, not Engels (Pokrovsk until 1931), thrice its size.
PRIMARY_BONUS = 1.0
CAPITAL_BONUS = 2.0  # "Washington" → the capital
CONTEXT_BONUS = 2.0  # "Donetsk" in a text about Ukraine → the Ukrainian city
# "Riverdale" in a text that names New Jersey or Newark → the one there;
# "Washington" in a text that names Seattle → the state.
ADMIN1_BONUS = 1.5
# "Georgia" in a text about Atlanta → the US state: a country the other
# mentions do not name loses to a region, of the same name, of one they do.
FOREIGN_COUNTRY_PENALTY = 4.0
# "New York", "Kharkiv": a city named like the region it is in is what a bare
# name means; the region needs a region word ("the Kharkiv region").
SEAT_BONUS = 2.0
# "Serhiivka, 50km south of Odesa" → the Serhiivka near Odesa: a small town
# within NEAR_KM of a town named within NEAR_CHARS of it.
NEAR_KM, NEAR_CHARS, NEAR_BONUS = 75.0, 500, 1.5
_NEAR_DEGREES = NEAR_KM / 111.0  # of latitude: no town further north or south is near
MINOR_PENALTY = 0.5  # a village that only a national dump lists is the less likely
# A town smaller than this, named by one of its alternate names only, needs its
# country in the document, as a minor village does ("Salah", "Chagas", "Nova").
SMALL_TOWN = 10_000
# An army, or what it fires, after a demonym ("Russian forces", "Iranian
# drones"): where its country's forces fight says nothing of where the places
# named with them lie, so such a demonym casts no vote for its country.
_ARMED_AFTER = re.compile(
    r"[ \-](?:(?:military|armed|special|air|naval|ground|occupying|occupation)\s)?"
    r"(?:forces?|troops|army|military|soldiers|servicemen|units?|fighters|drones?|missiles?|"
    r"rockets?|artillery|shell(?:s|ing)|strikes?|airstrikes?|attacks?|jets|warplanes|"
    r"aircraft|bombers|navy|offensive|assaults?|invasion|occupiers)\b"
)


def names_an_army(text: str, mention: Mention) -> bool:
    """True for a demonym of an army or of what it fires ("Russian forces",
    "Israeli warplanes"): who acts, which says nothing of where."""
    return mention.kind_hint == Hint.DEMONYM and bool(_ARMED_AFTER.match(text, mention.end))


# Context moves two candidates apart by at most this much, so a candidate
# further behind the best on its own can never win.
_MAX_CONTEXT_SWING = CONTEXT_BONUS + ADMIN1_BONUS + NEAR_BONUS + FOREIGN_COUNTRY_PENALTY


class _Context:
    """What the other mentions of a document say: their countries, regions and towns."""

    __slots__ = (
        "_towns",
        "admin1s",
        "admit_minor",
        "armies",
        "countries",
        "own_admin1",
        "own_country",
        "towns",
    )

    def __init__(
        self,
        countries: Counter | None = None,
        admin1s: Counter | None = None,
        own=(None, None),
        *,
        towns: Callable[[], Sequence[Place]] = tuple,
        admit_minor: bool = False,
        armies: Collection[str] = (),
    ) -> None:
        countries, admin1s = countries or Counter(), admin1s or Counter()
        self.countries, self.admin1s = countries, admin1s
        self.armies = armies  # the countries whose forces the text names
        self.own_country, self.own_admin1 = own
        self._towns, self.towns = towns, None
        self.admit_minor = admit_minor

    def near_town(self, place: Place) -> bool:
        """True when ``place`` is a small town or a site within :data:`NEAR_KM`
        of a town that another name close by in the text means (``towns``,
        asked for once, when first needed)."""
        if place.kind not in SITE_KINDS or place.population >= BIG_PLACE:
            return False
        if self.towns is None:
            self.towns = self._towns()
        lat, lon = place.lat, place.lon
        for town in self.towns:  # a loop, not any(): this runs for every candidate
            if (
                abs(town.lat - lat) < _NEAR_DEGREES
                and great_circle_km(lat, lon, town.lat, town.lon) <= NEAR_KM
            ):
                return True
        return False

    def has_country(self, code: str | None) -> bool:
        return self.countries.get(code, 0) > (code == self.own_country)

    def has_admin1(self, code: str | None) -> bool:
        return self.admin1s.get(code, 0) > (code == self.own_admin1)

    def admits(self, place) -> bool:
        """False for a place whose country (or, in the Cyrillic-script
        countries, a neighbour's) the document does not talk about, where that
        is what decides (see :func:`_needs_context`): "Ukrainian troops held
        Robotyne" talks about Ukraine, though its troops cast no vote."""
        if self.admit_minor:
            return True
        codes = [place.country_code]
        if place.country_code in CYRILLIC_COUNTRIES:
            codes = CYRILLIC_COUNTRIES
        return any(self.has_country(code) or code in self.armies for code in codes)


def _needs_context(candidate: Candidate) -> bool:
    """True for a minor village, and for a small town that the name is only
    an alternate name of ("Nova" for Nova Mambone, 2,482 people): either is
    meant only where the document talks about its country."""
    place = candidate.place
    return place.minor or (
        not candidate.primary
        and place.kind == PlaceKind.POPULATED_PLACE
        and place.population < SMALL_TOWN
    )


def _size(population: int) -> float:
    """How much a place's size says: log population, with the differences
    among villages (under 1,000 people) shrunk to a quarter, so that context,
    not a few hundred people, tells namesake villages apart.

    >>> round(_size(1_000_000), 2), round(_size(600), 2), round(_size(0), 2)
    (6.0, 2.95, 2.5)
    """
    size = math.log10(max(population, 0) + 10)
    return size if size >= 3.0 else 3.0 - (3.0 - size) / 4


def _base_score(candidate: Candidate, kind_hint: Hint | None, capitals: Collection[str]) -> float:
    """The score a candidate has on its own, before the document's context."""
    place = candidate.place
    score = _size(place.population) + KIND_BONUS.get(place.kind, 0.0)
    if place.minor:
        score -= MINOR_PENALTY
    if kind_hint in _LEVEL_KINDS and place.kind in SUBNATIONAL_KINDS:
        score += HINT_BONUS
        if place.kind in _LEVEL_KINDS[kind_hint]:
            score += LEVEL_BONUS
    if candidate.primary:
        score += PRIMARY_BONUS
    if place.id in capitals:
        score += CAPITAL_BONUS
    return score


def _context_score(candidate: Candidate, context: _Context, rival_region: bool) -> float:
    """What the document's context adds to a candidate's score; ``rival_region``
    says that another candidate is a region of a country in context."""
    place = candidate.place
    score = 0.0
    if place.kind == PlaceKind.COUNTRY and rival_region:
        if not context.has_country(place.country_code):
            score -= FOREIGN_COUNTRY_PENALTY
    elif context.has_country(place.country_code):
        # a town of a country in context, or that country named otherwise ("the
        # Republic of Congo ... the government of Congo")
        score += CONTEXT_BONUS
    if (
        place.kind != PlaceKind.COUNTRY
        and context.admin1s
        and context.has_admin1(place.admin1_code)
    ):
        score += ADMIN1_BONUS
    if context.near_town(place):
        score += NEAR_BONUS
    return score


def _reason(candidate: Candidate, kind_hint: Hint | None, context: _Context, capitals) -> str:
    place = candidate.place
    parts = [f"{place.kind} pop {place.population:,}"]
    if kind_hint in (Hint.REGION, Hint.DISTRICT) and place.kind in SUBNATIONAL_KINDS:
        parts.append("named with a region word")
    if place.id in capitals:
        parts.append("capital")
    if place.kind != PlaceKind.COUNTRY and context.has_country(place.country_code):
        parts.append(f"{place.country_code} in context")
    return "; ".join(parts)


def _own_scores(
    candidates: Sequence[Candidate], kind_hint: Hint | None, capitals: Collection[str]
) -> list[tuple[float, Candidate]]:
    """(score on its own, candidate) for each candidate, best first."""
    seats = _seats(candidates) if kind_hint is None else set()
    return sorted(
        (
            (
                _base_score(c, kind_hint, capitals) + (SEAT_BONUS if c.place.id in seats else 0.0),
                c,
            )
            for c in candidates
        ),
        key=lambda pair: (-pair[0], pair[1].place.id),
    )


def _ranked(
    scored: Sequence[tuple[float, Candidate]], context: _Context
) -> list[tuple[float, Candidate]]:
    """(score, candidate), best first: each score on its own (``scored``, in the
    order :func:`_own_scores` breaks ties) plus what the context adds; minor
    villages that the context does not admit, or that a big city of their name
    outranks, are left out. The one scoring path of the resolver and of
    :meth:`Resolver.rank`."""
    rival = _rival_region((c for _, c in scored), context)
    # "Dnipro": no village of that name beats the city, whatever the context.
    big = any(not c.place.minor and c.place.population >= BIG_PLACE for _, c in scored)
    total = [
        (base + _context_score(c, context, rival), c)
        for base, c in scored
        if not _needs_context(c) or (not big and context.admits(c.place))
    ]
    # Stable: the first of equals keeps winning.
    return sorted(total, key=lambda pair: -pair[0])


def inside(place: Place, area: Place) -> bool:
    """True when ``place`` lies in ``area`` (a country, first- or second-level
    region, or a curated region), as far as the gazetteer's codes tell."""
    if place.id == area.id or area.kind not in AREA_KINDS:
        return False
    if area.kind == PlaceKind.COUNTRY:
        return place.country_code == area.country_code
    if area.kind == PlaceKind.ADMIN1:
        return place.admin1_code == area.admin1_code and place.kind != PlaceKind.ADMIN1
    if area.kind == PlaceKind.ADMIN2:
        return bool(area.admin2_code) and place.admin2_code == area.admin2_code
    return (
        place.country_code == area.country_code
        and great_circle_km(place.lat, place.lon, area.lat, area.lon) <= REGION_RADIUS_KM
    )


def _seats(candidates: Sequence[Candidate]) -> set[str]:
    """Ids of the towns among ``candidates`` that share the name of a region,
    also among them, that they are in."""
    regions = {c.place.admin1_code for c in candidates if c.place.kind == PlaceKind.ADMIN1}
    return {
        c.place.id
        for c in candidates
        if c.place.kind == PlaceKind.POPULATED_PLACE and c.place.admin1_code in regions
    }


def _rival_region(candidates: Iterable[Candidate], context: _Context) -> bool:
    return any(
        c.place.kind in SUBNATIONAL_KINDS and context.has_country(c.place.country_code)
        for c in candidates
    )


class _TownsInText:
    """The towns first guessed for a document's mentions, by their place in the text."""

    def __init__(self, mentions: Sequence[Mention], firsts: dict[str, Place]) -> None:
        self.towns = [
            (m.start, m.key, firsts[m.key])
            for m in mentions
            if m.key in firsts and firsts[m.key].kind in SITE_KINDS
        ]
        self.starts = [start for start, _, _ in self.towns]

    def around(self, mentions: Sequence[Mention]) -> list[Place]:
        """The towns of other names within :data:`NEAR_CHARS` of any of
        ``mentions`` (the mentions of one name)."""
        found = {}
        for mention in mentions:
            low = bisect.bisect_left(self.starts, mention.start - NEAR_CHARS)
            high = bisect.bisect_right(self.starts, mention.start + NEAR_CHARS)
            found.update(
                (place.id, place) for _, key, place in self.towns[low:high] if key != mention.key
            )
        return list(found.values())


class Resolver:
    """Resolves the mentions of one document at a time against a gazetteer.

    The candidates a name may mean, and their scores on their own, are worked
    out once per name and kept: news repeats its place names.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.capitals = gazetteer.capitals
        self._scored: dict[tuple[str, str | None], list[tuple[float, Candidate]]] = {}
        self._shortlists: dict[tuple[str, str | None], list[tuple[float, Candidate]]] = {}

    def scored(self, mention: Mention) -> list[tuple[float, Candidate]]:
        """(score on its own, candidate) of every candidate of ``mention``, best first."""
        cache_key = (mention.key, mention.kind_hint)
        found = self._scored.get(cache_key)
        if found is None:
            if mention.kind_hint == Hint.DEMONYM:
                place = self.gazetteer.get(self.gazetteer.names.demonyms[mention.key])
                found = [(0.0, Candidate(place, True))] if place else []
            else:
                found = _own_scores(
                    self.gazetteer.lookup(mention.key, limit=MAX_CANDIDATES),
                    mention.kind_hint,
                    self.capitals,
                )
            if len(self._scored) > 100_000:
                self._scored.clear()
                self._shortlists.clear()
            self._scored[cache_key] = found
        return found

    def shortlist(self, mention: Mention) -> list[tuple[float, Candidate]]:
        """Of :meth:`scored`, the candidates that the document's context could
        still make win: the minor villages, and the places close behind the best."""
        cache_key = (mention.key, mention.kind_hint)
        found = self._shortlists.get(cache_key)
        if found is None:
            scored = self.scored(mention)
            best = next((score for score, c in scored if not c.place.minor), None)
            found = self._shortlists[cache_key] = (
                scored
                if best is None
                else [p for p in scored if p[1].place.minor or p[0] >= best - _MAX_CONTEXT_SWING]
            )
        return found

    def rank(
        self, name: str, *, kind_hint: Hint | None = None, limit: int = MAX_CANDIDATES
    ) -> list[Candidate]:
        """Every candidate for ``name`` (up to ``limit``), best first, scored as
        :meth:`__call__` scores a mention that stands alone (minor villages last).

        >>> from geomap.gazetteer.index import MemoryGazetteer
        >>> from geomap.model import Place
        >>> town = "populated_place"
        >>> g = MemoryGazetteer([
        ...     (Place("t:1", "Donetsk", town, 48.0, 37.8, "UA", population=901645), []),
        ...     (Place("t:2", "Donetsk", town, 48.3, 39.9, "RU", population=50850), [])])
        >>> [c.place.country_code for c in Resolver(g).rank("Donetsk")]
        ['UA', 'RU']
        """
        scored = _own_scores(self.gazetteer.lookup(name, limit=limit), kind_hint, self.capitals)
        return [candidate for _, candidate in _ranked(scored, _Context(admit_minor=True))]

    def __call__(self, doc: Document, mentions: Sequence[Mention]) -> list[ResolvedMention]:
        """Resolve every mention of ``doc``; a mention no place fits is dropped.

        First the areas the text names places in decide those places. Then two
        passes: the first ranks each other mention on its own; the countries
        (and first-level regions) of those winners are the document's context,
        and the second pass ranks each mention again with the votes of the
        *other* mentions ("Odessa, Texas" → the US town).
        """
        placed = self._placed_in_areas(doc.text, mentions)
        shortlists = [self.shortlist(m) for m in mentions]  # cached per name
        # One vote per name, however often it is repeated: a name must not
        # confirm its own first guess ("Santa Ana" fifteen times).
        votes: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
        armies: set[str] = set()
        firsts: dict[str, Place] = {}  # each name's first guess (or placed) town
        for number, (mention, shortlist) in enumerate(zip(mentions, shortlists, strict=True)):
            listed = [c for _, c in shortlist if not c.place.minor]
            if number in placed:
                place = placed[number][0].place if placed[number] else None
            else:
                place = listed[0].place if listed else None
            if place is not None:
                firsts.setdefault(mention.key, place)
            if names_an_army(doc.text, mention):
                votes.setdefault((mention.key, mention.kind_hint), (None, None))
                if place is not None:
                    armies.add(place.country_code)
                continue  # "Russian forces shelled Pokrovsk": no vote for Russia
            votes[(mention.key, mention.kind_hint)] = (
                place.country_code if place else None,
                place.admin1_code if place and place.kind != PlaceKind.COUNTRY else None,
            )
        countries = Counter(country for country, _ in votes.values() if country)
        admin1s = Counter(admin1 for _, admin1 in votes.values() if admin1)
        towns = _TownsInText(mentions, firsts)
        # One place per name in a document, but where an area named with one of
        # its mentions decides that one: each name is ranked once.
        names: dict[tuple[str, str | None], list[Mention]] = {}
        for number, mention in enumerate(mentions):
            if number not in placed:
                names.setdefault((mention.key, mention.kind_hint), []).append(mention)
        chosen: dict[tuple[str, str | None], tuple[Place, float, str]] = {}
        for name, group in names.items():
            shortlist = self.shortlist(group[0])
            if name[1] == Hint.DEMONYM:
                if shortlist:
                    chosen[name] = (shortlist[0][1].place, 0.0, "demonym of the country")
                continue
            context = _Context(
                countries,
                admin1s,
                votes[name],
                towns=functools.partial(towns.around, group),
                armies=armies,
            )
            ranked = _ranked(shortlist, context)
            if ranked:
                score, best = ranked[0]
                reason = _reason(best, name[1], context, self.capitals)
                chosen[name] = (best.place, round(score, 3), reason)
        resolved: list[ResolvedMention] = []
        for number, mention in enumerate(mentions):
            if number in placed:
                if placed[number] is None:
                    continue  # no place of its name lies where the text says
                candidate, reason = placed[number]
                resolved.append(ResolvedMention(mention, candidate.place, 0.0, reason))
            elif (mention.key, mention.kind_hint) in chosen:
                resolved.append(ResolvedMention(mention, *chosen[(mention.key, mention.kind_hint)]))
        return resolved

    def _placed_in_areas(
        self, text: str, mentions: Sequence[Mention]
    ) -> dict[int, tuple[Candidate, str] | None]:
        """The mentions that the areas named with them decide ("X, Region",
        "X (District, Region)", "X in the Y region", "Y's X"), and the areas
        themselves: mention number → (candidate, reason).

        For each link the area's best candidate that holds one of the place's
        namesakes wins, and the place's candidates narrow to those inside it;
        a later link narrows them further. A bare comma never turns a big city
        into a namesake village ("Dnipro, Zaporizhzhia and Kherson" is a list).
        """
        allowed: dict[int, list[tuple[float, Candidate]]] = {}
        areas: dict[int, Candidate] = {}
        nowhere: set[int] = set()  # "Kani township, Sagaing region": no Kani in Sagaing
        # The innermost link first: "(Polohy district, Zaporizhzhia region)"
        # settles Polohy before Stepove is placed in it.
        for link in sorted(find_links(text, mentions), key=lambda k: -k.child):
            if Hint.DEMONYM in (mentions[link.child].kind_hint, mentions[link.area].kind_hint):
                continue
            children = allowed.get(link.child) or self.scored(mentions[link.child])
            if not children:
                continue
            own_best = next((c for _, c in children if not c.place.minor), None)
            options = allowed.get(link.area) or self.scored(mentions[link.area])
            if (
                (
                    mentions[link.area].kind_hint in (Hint.REGION, Hint.DISTRICT)
                    # a town's address ("near Boni, Mopti."), as incident logs write
                    # one, in an area that may be a region
                    or (
                        link.explicit
                        and link.how == "comma"
                        and any(a.place.kind in _REGIONS for _, a in options)
                        and all(c.place.kind in SITE_KINDS for _, c in children)
                    )
                    or (
                        link.how == "in"
                        and all(a.place.kind in _REGIONS for _, a in options)
                        and all(c.place.kind in SITE_KINDS for _, c in children)
                    )
                )
                and link.child not in allowed
                and options
                and own_best is not None
                and all(
                    c.place.country_code != a.place.country_code
                    for _, c in children
                    for _, a in options
                )
            ):
                # A region word, an address, or an area that can only be a
                # region or a country ("Palma in Cabo Delgado"), says where; the
                # gazetteer's places of that name all lie in other countries:
                # none is meant.
                nowhere.add(link.child)
                continue
            for _, area in options:
                within = [(s, c) for s, c in children if inside(c.place, area.place)]
                if not within:
                    continue
                if (
                    not link.explicit
                    and own_best is not None
                    and own_best.place.population >= BIG_PLACE
                    and not inside(own_best.place, area.place)
                ):
                    break
                allowed[link.child] = within
                areas[link.area] = area
                break
        placed = {}
        for number, within in allowed.items():
            best = min(within, key=lambda pair: (pair[1].place.minor, -pair[0]))[1]
            placed[number] = (best, f"{best.place.kind}, in the area named with it")
        # An area that is itself in an area was chosen among its allowed candidates.
        for number, area in areas.items():
            placed[number] = (area, f"{area.place.kind}, the area a place is said to be in")
        for number in nowhere - placed.keys():
            placed[number] = None
        return placed


def resolve(
    doc: Document, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[ResolvedMention]:
    """Resolve the mentions of one document (see :class:`Resolver`)."""
    return Resolver(gazetteer)(doc, mentions)
