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
from .model import Candidate, Document, Mention, ResolvedMention

KIND_BONUS = {
    "country": 4.0,
    "continent": 4.0,
    "region": 6.0,
    "facility": 6.0,
    "sea": 6.0,
    "admin1": -1.0,
    "admin2": -1.0,
    "populated_place": 0.0,
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
AREA_KINDS = {"admin1", "admin2", "region"}
# Context moves two candidates apart by at most this much, so a candidate
# further behind the best on its own can never win.
_MAX_CONTEXT_SWING = CONTEXT_BONUS + ADMIN1_BONUS + FOREIGN_COUNTRY_PENALTY


class _Context:
    """What the other mentions of a document say: their countries and regions."""

    __slots__ = ("admin1s", "countries", "own_admin1", "own_country")

    def __init__(self, countries: Counter, admin1s: Counter, own=(None, None)) -> None:
        self.countries, self.admin1s = countries, admin1s
        self.own_country, self.own_admin1 = own

    def has_country(self, code: str | None) -> bool:
        return self.countries.get(code, 0) > (code == self.own_country)

    def has_admin1(self, code: str | None) -> bool:
        return self.admin1s.get(code, 0) > (code == self.own_admin1)


def _base_score(candidate: Candidate, kind_hint: str | None, capitals: Collection[str]) -> float:
    """The score a candidate has on its own, before the document's context."""
    place = candidate.place
    score = math.log10(max(place.population, 0) + 10) + KIND_BONUS.get(place.kind, 0.0)
    if kind_hint == "admin1" and place.kind in AREA_KINDS:
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
    if place.kind == "country":
        if rival_region and not context.has_country(place.country_code):
            score -= FOREIGN_COUNTRY_PENALTY
    elif context.has_country(place.country_code):
        score += CONTEXT_BONUS
    if place.kind != "country" and context.admin1s and context.has_admin1(place.admin1_code):
        score += ADMIN1_BONUS
    return score


def _reason(candidate: Candidate, kind_hint: str | None, context: _Context, capitals) -> str:
    place = candidate.place
    parts = [f"{place.kind} pop {place.population:,}"]
    if kind_hint == "admin1" and place.kind in AREA_KINDS:
        parts.append("named with a region word")
    if place.id in capitals:
        parts.append("capital")
    if place.kind != "country" and context.has_country(place.country_code):
        parts.append(f"{place.country_code} in context")
    return "; ".join(parts)


def _own_scores(
    candidates: Sequence[Candidate], kind_hint: str | None, capitals: Collection[str]
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


def rank(
    candidates: Sequence[Candidate],
    *,
    kind_hint: str | None = None,
    countries: Counter | None = None,
    admin1s: Counter | None = None,
    capitals=frozenset(),
) -> list[Candidate]:
    """Candidates best first, by the same score :class:`Resolver` uses."""
    context = _Context(countries or Counter(), admin1s or Counter())
    rival = _rival_region(candidates, context)
    scored = _own_scores(candidates, kind_hint, capitals)
    # Stable: equals keep the order of their scores on their own, as in Resolver.
    scored.sort(key=lambda pair: -(pair[0] + _context_score(pair[1], context, rival)))
    return [candidate for _, candidate in scored]


def _seats(candidates: Sequence[Candidate]) -> set[str]:
    """Ids of the towns among ``candidates`` that share the name of a region,
    also among them, that they are in."""
    regions = {c.place.admin1_code for c in candidates if c.place.kind == "admin1"}
    return {
        c.place.id
        for c in candidates
        if c.place.kind == "populated_place" and c.place.admin1_code in regions
    }


def _rival_region(candidates: Iterable[Candidate], context: _Context) -> bool:
    return any(
        c.place.kind in AREA_KINDS and context.has_country(c.place.country_code) for c in candidates
    )


class Resolver:
    """Resolves the mentions of one document at a time against a gazetteer.

    The candidates a name may mean, and their scores on their own, are worked
    out once per name and kept: news repeats its place names.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.capitals = getattr(gazetteer, "capitals", frozenset())
        self._shortlists: dict[tuple[str, str | None], list[tuple[float, Candidate]]] = {}

    def shortlist(self, mention: Mention) -> list[tuple[float, Candidate]]:
        """(score on its own, candidate), best first, of the candidates that
        the document's context could still make win."""
        cache_key = (mention.key, mention.kind_hint)
        found = self._shortlists.get(cache_key)
        if found is None:
            if mention.kind_hint == "demonym":
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
                place.admin1_code if place and place.kind != "country" else None,
            )
        countries = Counter(country for country, _ in votes.values() if country)
        admin1s = Counter(admin1 for _, admin1 in votes.values() if admin1)
        resolved: list[ResolvedMention] = []
        for mention, shortlist in zip(mentions, shortlists, strict=True):
            if not shortlist:
                continue
            if mention.kind_hint == "demonym":
                place = shortlist[0][1].place
                resolved.append(ResolvedMention(mention, place, 0.0, "demonym of the country"))
                continue
            context = _Context(countries, admin1s, votes[(mention.key, mention.kind_hint)])
            rival = _rival_region((c for _, c in shortlist), context)
            # The first of equals wins: the shortlist is in the order rank() breaks ties.
            score, best = max(
                ((base + _context_score(c, context, rival), c) for base, c in shortlist),
                key=lambda pair: pair[0],
            )
            reason = _reason(best, mention.kind_hint, context, self.capitals)
            resolved.append(ResolvedMention(mention, best.place, round(score, 3), reason))
        return resolved


def resolve(
    doc: Document, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[ResolvedMention]:
    """Resolve the mentions of one document (see :class:`Resolver`)."""
    return Resolver(gazetteer)(doc, mentions)
