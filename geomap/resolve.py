"""Resolve mentions to places, using the whole document as context.

Each candidate gets a score: the size of the place (log population), its
kind (a country or a curated region beats a village of the same name), the
"region" words around the mention, whether the name is the place's own or an
alternate spelling, whether it is a capital, and whether its country is
talked about elsewhere in the document. The best score wins; its reason is
kept with the result.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from .gazetteer.index import Gazetteer
from .gazetteer.vocabulary import SUBNATIONAL_KINDS, PlaceKind
from .model import Candidate, Document, Hint, Mention, ResolvedMention

KIND_BONUS = {
    PlaceKind.COUNTRY: 4.0,
    PlaceKind.CONTINENT: 4.0,
    PlaceKind.REGION: 6.0,
    PlaceKind.FACILITY: 6.0,
    PlaceKind.SEA: 6.0,
    PlaceKind.ADMIN1: -1.0,
    PlaceKind.ADMIN2: -1.0,
    PlaceKind.POPULATED_PLACE: 0.0,
}
HINT_BONUS = 8.0  # "the Donetsk region" → the region, not the city
PRIMARY_BONUS = 0.5  # "Zaporizhzhia" the city (alternate) vs the village (own name)
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
# Context moves two candidates apart by at most this much, so a candidate
# further behind the best on its own can never win.
_MAX_CONTEXT_SWING = CONTEXT_BONUS + ADMIN1_BONUS + FOREIGN_COUNTRY_PENALTY


class _Context:
    """What the other mentions of a document say: their countries and regions."""

    __slots__ = ("admin1s", "countries", "own_admin1", "own_country")

    def __init__(
        self, countries: Counter | None = None, admin1s: Counter | None = None, own=(None, None)
    ) -> None:
        countries, admin1s = countries or Counter(), admin1s or Counter()
        self.countries, self.admin1s = countries, admin1s
        self.own_country, self.own_admin1 = own

    def has_country(self, code: str | None) -> bool:
        return self.countries.get(code, 0) > (code == self.own_country)

    def has_admin1(self, code: str | None) -> bool:
        return self.admin1s.get(code, 0) > (code == self.own_admin1)


def _base_score(candidate: Candidate, kind_hint: Hint | None, capitals: Collection[str]) -> float:
    """The score a candidate has on its own, before the document's context."""
    place = candidate.place
    score = math.log10(max(place.population, 0) + 10) + KIND_BONUS.get(place.kind, 0.0)
    if kind_hint == Hint.REGION and place.kind in SUBNATIONAL_KINDS:
        score += HINT_BONUS
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
    if place.kind == PlaceKind.COUNTRY:
        if rival_region and not context.has_country(place.country_code):
            score -= FOREIGN_COUNTRY_PENALTY
    elif context.has_country(place.country_code):
        score += CONTEXT_BONUS
    if (
        place.kind != PlaceKind.COUNTRY
        and context.admin1s
        and context.has_admin1(place.admin1_code)
    ):
        score += ADMIN1_BONUS
    return score


def _reason(candidate: Candidate, kind_hint: Hint | None, context: _Context, capitals) -> str:
    place = candidate.place
    parts = [f"{place.kind} pop {place.population:,}"]
    if kind_hint == Hint.REGION and place.kind in SUBNATIONAL_KINDS:
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
    order :func:`_own_scores` breaks ties) plus what the context adds. The one
    scoring path of the resolver and of :meth:`Resolver.rank`."""
    rival = _rival_region((c for _, c in scored), context)
    total = [(base + _context_score(c, context, rival), c) for base, c in scored]
    # Stable: the first of equals keeps winning.
    return sorted(total, key=lambda pair: -pair[0])


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


class Resolver:
    """Resolves the mentions of one document at a time against a gazetteer.

    The candidates a name may mean, and their scores on their own, are worked
    out once per name and kept: news repeats its place names.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.capitals = gazetteer.capitals
        self._shortlists: dict[tuple[str, str | None], list[tuple[float, Candidate]]] = {}

    def shortlist(self, mention: Mention) -> list[tuple[float, Candidate]]:
        """(score on its own, candidate), best first, of the candidates that
        the document's context could still make win."""
        cache_key = (mention.key, mention.kind_hint)
        found = self._shortlists.get(cache_key)
        if found is None:
            if mention.kind_hint == Hint.DEMONYM:
                place = self.gazetteer.get(self.gazetteer.names.demonyms[mention.key])
                found = [(0.0, Candidate(place, True))] if place else []
            else:
                scored = _own_scores(
                    self.gazetteer.lookup(mention.key), mention.kind_hint, self.capitals
                )
                found = [p for p in scored if p[0] >= scored[0][0] - _MAX_CONTEXT_SWING]
            if len(self._shortlists) > 100_000:
                self._shortlists.clear()
            self._shortlists[cache_key] = found
        return found

    def rank(
        self, name: str, *, kind_hint: Hint | None = None, limit: int = 200
    ) -> list[Candidate]:
        """Every candidate for ``name`` (up to ``limit``), best first, scored as
        :meth:`__call__` scores a mention that stands alone.

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
        return [candidate for _, candidate in _ranked(scored, _Context())]

    def __call__(self, doc: Document, mentions: Sequence[Mention]) -> list[ResolvedMention]:
        """Resolve every mention of ``doc``; a mention no place fits is dropped.

        Two passes: the first ranks each mention on its own; the countries (and
        first-level regions) of those winners are the document's context, and
        the second pass ranks each mention again with the votes of the *other*
        mentions ("Odessa, Texas" → the US town).
        """
        shortlists = [self.shortlist(m) for m in mentions]
        # One vote per name, however often it is repeated: a name must not
        # confirm its own first guess ("Santa Ana" fifteen times).
        votes: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
        for mention, shortlist in zip(mentions, shortlists, strict=True):
            place = shortlist[0][1].place if shortlist else None
            votes[(mention.key, mention.kind_hint)] = (
                place.country_code if place else None,
                place.admin1_code if place and place.kind != PlaceKind.COUNTRY else None,
            )
        countries = Counter(country for country, _ in votes.values() if country)
        admin1s = Counter(admin1 for _, admin1 in votes.values() if admin1)
        resolved: list[ResolvedMention] = []
        for mention, shortlist in zip(mentions, shortlists, strict=True):
            if not shortlist:
                continue
            if mention.kind_hint == Hint.DEMONYM:
                place = shortlist[0][1].place
                resolved.append(ResolvedMention(mention, place, 0.0, "demonym of the country"))
                continue
            context = _Context(countries, admin1s, votes[(mention.key, mention.kind_hint)])
            score, best = _ranked(shortlist, context)[0]
            reason = _reason(best, mention.kind_hint, context, self.capitals)
            resolved.append(ResolvedMention(mention, best.place, round(score, 3), reason))
        return resolved


def resolve(
    doc: Document, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[ResolvedMention]:
    """Resolve the mentions of one document (see :class:`Resolver`)."""
    return Resolver(gazetteer)(doc, mentions)
