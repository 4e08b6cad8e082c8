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
from collections.abc import Sequence

from .gazetteer.index import Gazetteer
from .model import Candidate, Document, Mention, ResolvedMention

KIND_BONUS = {
    "country": 4.0,
    "continent": 4.0,
    "region": 6.0,
    "facility": 6.0,
    "sea": 6.0,
    "admin1": -1.0,
    "populated_place": 0.0,
}
HINT_BONUS = 8.0  # "the Donetsk region" → the region, not the city
PRIMARY_BONUS = 0.5  # "Zaporizhzhia" the city (alternate) vs the village (own name)
CAPITAL_BONUS = 2.0  # "Washington" → the capital
CONTEXT_BONUS = 2.0  # "Donetsk" in a text about Ukraine → the Ukrainian city
ADMIN1_BONUS = 1.5  # "Riverdale" in a text that names New Jersey → the one there
AREA_KINDS = {"admin1", "region"}


def _score(
    candidate: Candidate,
    mention: Mention,
    countries: Counter,
    capitals,
    admin1s: Counter | None = None,
) -> float:
    place = candidate.place
    score = math.log10(max(place.population, 0) + 10) + KIND_BONUS.get(place.kind, 0.0)
    if mention.kind_hint == "admin1" and place.kind in AREA_KINDS:
        score += HINT_BONUS
    if candidate.primary:
        score += PRIMARY_BONUS
    if place.id in capitals:
        score += CAPITAL_BONUS
    if place.kind != "country" and place.country_code in countries:
        score += CONTEXT_BONUS
    if admin1s and place.kind != "admin1" and place.admin1_code in admin1s:
        score += ADMIN1_BONUS
    return score


def _reason(candidate: Candidate, mention: Mention, countries: Counter, capitals) -> str:
    place = candidate.place
    parts = [f"{place.kind} pop {place.population:,}"]
    if mention.kind_hint == "admin1" and place.kind in AREA_KINDS:
        parts.append("named with a region word")
    if place.id in capitals:
        parts.append("capital")
    if place.kind != "country" and place.country_code in countries:
        parts.append(f"{place.country_code} in context")
    return "; ".join(parts)


def rank(
    candidates: Sequence[Candidate],
    *,
    kind_hint: str | None = None,
    countries: Counter | None = None,
    admin1s: Counter | None = None,
    capitals=frozenset(),
) -> list[Candidate]:
    """Candidates best first, by the same score :func:`resolve` uses."""
    mention = Mention("", 0, 0, "", "", kind_hint)
    countries = countries or Counter()
    return sorted(
        candidates,
        key=lambda c: (-_score(c, mention, countries, capitals, admin1s), c.place.id),
    )


def resolve(
    doc: Document, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[ResolvedMention]:
    """Resolve every mention of ``doc``; a mention no place fits is dropped.

    Two passes: the first ranks each mention on its own; the countries (and
    first-level regions) of those winners are the document's context, and the
    second pass ranks each mention again with the votes of the *other* mentions
    ("Odessa, Texas" → the US town).
    """
    capitals = getattr(gazetteer, "capitals", frozenset())
    options: list[list[Candidate]] = []
    votes: list[tuple[str | None, str | None]] = []
    for mention in mentions:
        if mention.kind_hint == "demonym":
            place = gazetteer.get(gazetteer.demonyms[mention.key])
            options.append([Candidate(place, True)] if place else [])
        else:
            options.append(gazetteer.lookup(mention.key))
        first = rank(options[-1], kind_hint=mention.kind_hint, capitals=capitals)[:1]
        place = first[0].place if first else None
        votes.append(
            (
                place.country_code if place else None,
                place.admin1_code if place and place.kind == "admin1" else None,
            )
        )
    countries = Counter(country for country, _ in votes if country)
    admin1s = Counter(admin1 for _, admin1 in votes if admin1)
    resolved: list[ResolvedMention] = []
    for mention, candidates, (country, admin1) in zip(mentions, options, votes, strict=True):
        if not candidates:
            continue
        if mention.kind_hint == "demonym":
            resolved.append(
                ResolvedMention(mention, candidates[0].place, 0.0, "demonym of the country")
            )
            continue
        # Context is what the *other* mentions say.
        other_countries = +(countries - Counter([country] if country else []))
        other_admin1s = +(admin1s - Counter([admin1] if admin1 else []))
        best = rank(
            candidates,
            kind_hint=mention.kind_hint,
            countries=other_countries,
            admin1s=other_admin1s,
            capitals=capitals,
        )[0]
        resolved.append(
            ResolvedMention(
                mention,
                best.place,
                round(_score(best, mention, other_countries, capitals, other_admin1s), 3),
                _reason(best, mention, other_countries, capitals),
            )
        )
    return resolved
