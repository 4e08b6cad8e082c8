"""Name keys: the one normalisation shared by the index and the recogniser."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "ʻ": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_]+")
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff'’ʻʼ]+$")


def name_key(name: str) -> str:
    """Fold a place name to its lookup key: no accents, lower case, one space.

    >>> name_key("Zaporizhzhia"), name_key("Kyiv’s"), name_key("Abu-Dhabi"), name_key("Dnipró")
    ('zaporizhzhia', "kyiv's", 'abu dhabi', 'dnipro')
    """
    if name.isascii():
        return _SEPARATORS.sub(" ", name.replace("`", "'")).strip(" .").lower()
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", folded).strip(" .").lower()


@dataclass(frozen=True, slots=True)
class NameSets:
    """What the recogniser knows about names, as name keys (see :func:`name_key`)."""

    keys: frozenset[str]  # every name and alternate spelling of a place
    partial: frozenset[str]  # leading words of longer names, no name themselves: "abu"
    tail_words: frozenset[str]  # lower-case words inside names: "nuclear", "plant"
    demonyms: dict[str, str]  # "iraqi" → the id of the place it names
    common_words: frozenset[str]  # frequent English words: "police", "march"
    first_names: frozenset[str]  # people's first names: "paul", "tim"
    acronyms: frozenset[str]  # areas' acronyms: "eu", "drc"
    abbreviations: frozenset[str]  # "calif", "n.m": names only with their full stop
    areas: frozenset[str]  # names of a country, region, sea, facility...
    big: frozenset[str]  # own names of towns of 100,000 people or more
    countries: frozenset[str]  # names of a country
    major: frozenset[str]  # names of a country, continent, curated region, sea, facility


def partial_names(keys: Iterable[str]) -> frozenset[str]:
    """The runs of leading words of multi-word keys that are no key themselves:
    what a name may start with, for matching names word by word.

    >>> sorted(partial_names(["abu dhabi", "kyiv", "bay of bengal", "new york", "new york city"]))
    ['abu', 'bay', 'bay of', 'new']
    """
    keys = set(keys)
    partial = set()
    for key in keys:
        words = key.split(" ")
        partial.update(" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset(partial - keys)


def is_acronym(name: str) -> bool:
    """True for a name written as an acronym.

    >>> is_acronym("EU"), is_acronym("U.A.E."), is_acronym("Eu"), is_acronym("A1")
    (True, True, False, False)
    """
    letters = name.replace(".", "")
    return letters.isupper() and letters.isalpha()


def is_latin(name: str) -> bool:
    """True for names written in Latin script (the ones English news uses)."""
    return bool(_LATIN.match(name))
