"""Name keys: the one normalisation shared by the index and the recogniser."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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


def word_prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every key and every run of its leading words: what a name may start
    with, for matching names word by word.

    >>> sorted(word_prefixes(["abu dhabi", "kyiv", "bay of bengal"]))
    ['abu', 'abu dhabi', 'bay', 'bay of', 'bay of bengal', 'kyiv']
    """
    prefixes = set()
    for key in keys:
        words = key.split(" ")
        prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(prefixes)


def is_latin(name: str) -> bool:
    """True for names written in Latin script (the ones English news uses)."""
    return bool(_LATIN.match(name))
