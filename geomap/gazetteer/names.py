"""Name keys: the one normalisation shared by the index and the recogniser."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "ʻ": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_]+")
# The combining marks that NFKD splits off letters (accents, breves, diaereses).
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff'’ʻʼ]+$")
_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff\u0300-\u036f'’ʼ.\- ]*$")


def name_key(name: str) -> str:
    """Fold a place name to its lookup key: no accents, lower case, one space.

    >>> name_key("Zaporizhzhia"), name_key("Kyiv’s"), name_key("Abu-Dhabi"), name_key("Dnipró")
    ('zaporizhzhia', "kyiv's", 'abu dhabi', 'dnipro')
    >>> name_key("Mariupol’"), name_key("Azovstal'")  # a soft sign's apostrophe at the end
    ('mariupol', 'azovstal')
    """
    if name.isascii():
        if name.isalpha():  # one plain word, the commonest case
            return name.lower()
        if name.replace(" ", "").isalpha():  # plain words and spaces: "New  York"
            return " ".join(name.split()).lower()
        return _SEPARATORS.sub(" ", name.replace("`", "'")).strip(" .'").lower()
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", name.translate(_APOSTROPHES)))
    return _SEPARATORS.sub(" ", folded).strip(" .'").lower()


@dataclass(frozen=True, slots=True)
class NameSets:
    """What the recogniser knows about names, as name keys (see :func:`name_key`)."""

    tail_words: frozenset[str]  # lower-case words inside names: "nuclear", "plant"
    folded: frozenset[str]  # romanisation-folded keys (fold_key) of Cyrillic countries' places
    zone: frozenset[str]  # those countries' names and demonyms, their regions' and towns'
    demonyms: dict[str, str]  # "iraqi" → the id of the place it names
    common_words: frozenset[str]  # frequent English words: "police", "march"
    first_names: frozenset[str]  # people's first names: "paul", "tim"
    acronyms: frozenset[str]  # areas' acronyms: "eu", "drc"
    abbreviations: frozenset[str]  # "calif", "n.m": names only with their full stop
    areas: frozenset[str]  # names of a country, region, sea, facility...
    big: frozenset[str]  # own names of towns of 100,000 people or more
    countries: frozenset[str]  # names of a country
    major: frozenset[str]  # names of a country, continent, curated region, sea, facility


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


def is_cyrillic(name: str) -> bool:
    """True for names written in Cyrillic script ("Запоріжжя", "Новомихайлівка").

    >>> is_cyrillic("Запоріжжя"), is_cyrillic("Zaporizhzhia")
    (True, False)
    """
    return bool(_CYRILLIC_NAME.match(name))


# -- romanisation folding ------------------------------------------------------------------

# Ukrainian and Russian letters as the national and the BGN/PCGN systems write
# them; only where the two disagree does folding below make them meet.
_CYRILLIC = str.maketrans(
    {
        **dict(zip("абвгґдезиіїйклмнопрстуфыэ", "abvhgdezyiiiklmnoprstufye", strict=True)),
        "є": "ie",
        "ё": "e",
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ю": "iu",
        "я": "ia",
        "ь": "",
        "ъ": "",
    }
)
# Rewrites applied in order to a name key; each says which spellings it makes meet.
_FOLDS = [
    (re.compile(r"'"), ""),  # Mar'inka, Marinka; Pokrovs'k, Pokrovsk
    (re.compile(r"szcz"), "shch"),  # Polish
    (re.compile(r"sz"), "sh"),  # Polish
    (re.compile(r"cz"), "ch"),  # Polish
    (re.compile(r"w"), "v"),  # German and Polish: Charkiw, Lwow
    (re.compile(r"kh|gh"), "h"),  # Kharkiv, Harkiv
    (re.compile(r"g"), "h"),  # Russian г: Gorlovka, Horlivka; Vugledar, Vuhledar
    (re.compile(r"c(?!h)"), "ts"),  # Donieck, Donetsk
    (re.compile(r"[yj]"), "i"),  # Kryvyi, Krivij; Yasynuvata, Iasynuvata
    (re.compile(r"i+"), "i"),  # Avdiivka, Avdiyivka; Khmelnytskyi, Khmelnitsky
    (re.compile(r"ie|ye"), "e"),  # Sievierodonetsk, Severodonetsk
    (re.compile(r"([bdfhklmnprstvz])\1+"), r"\1"),  # Odessa, Odesa; Zaporizhzhia
    (re.compile(r"zhzh"), "zh"),
    (re.compile(r"ov(?=ka\b|sk\b|\b)"), "iv"),  # Novoselovka, Novoselivka; Lvov, Lviv
    (re.compile(r"oe\b|oie\b"), "e"),  # Pokrovskoe, Pokrovske; Mirnoye, Myrne
    (re.compile(r"ovo\b"), "ove"),  # Kalinovo, Kalynove
    (re.compile(r"aia\b"), "a"),  # Lozovaya, Lozova
    (re.compile(r"\b(?:persh[aeiy]+|perv[aoy]+[ieya]*)\b"), "persha"),  # Persha, Pervaya
    (re.compile(r"\b(?:druh[aeiy]+|druh[eo]|vtor[aoy]+[ieya]*)\b"), "druha"),  # Druha, Vtoraya
]


def fold_key(name: str) -> str:
    """The key under which the romanisations of one Ukrainian or Russian name
    meet (Cyrillic is transliterated first). Exact keys (:func:`name_key`) come
    first; this is the fallback for a spelling the gazetteer does not list.

    >>> fold_key("Zaporizhzhia") == fold_key("Zaporizhia") == fold_key("Запоріжжя")
    True
    >>> fold_key("Novomikhaylovka") == fold_key("Новомихайлівка")
    True
    >>> fold_key("Kharkiv") == fold_key("Kherson")
    False
    """
    key = name_key(name.lower().translate(_CYRILLIC))
    for pattern, replacement in _FOLDS:
        key = pattern.sub(replacement, key)
    return key
