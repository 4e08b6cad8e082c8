"""Reported figures: "about 1,200 km (746 miles)", "nearly 1.2 million", "a fifth of".

Every figure keeps its hedge word ("about", "nearly", "at least", ...) so a
map never shows a reporter's estimate as a count.
"""

from __future__ import annotations

import re

from ..model import Figure
from .dates import MONTH_RE

HEDGES = (
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "as many as",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "an estimated",
    "estimated",
    "close to",
    "just over",
    "just under",
    "under",
)
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "a dozen": 12,
    "dozens": 12,  # as ACLED codes it (its fatalities FAQ: "12 for dozens")
    "a thousand": 1000,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9, "k": 1e3}
FRACTIONS = {
    "half": 50.0,
    "a third": 100 / 3,
    "a quarter": 25.0,
    "a fifth": 20.0,
    "a tenth": 10.0,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "three quarters": 75.0,
    "one fifth": 20.0,
    "one third": 100 / 3,
    "one quarter": 25.0,
}
_HEDGE = "|".join(re.escape(h) for h in sorted(set(HEDGES), key=len, reverse=True))
_WORD = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w-])(?:{_WORD})(?![\w-]))"
    rf"(?:\s*(?P<scale>thousand|million|billion|mln|bn)\b)?",
    re.IGNORECASE,
)
_UNITS = {
    "km": 1.0,
    "kilometres": 1.0,
    "kilometers": 1.0,
    "kilometre": 1.0,
    "kilometer": 1.0,
    "miles": 1.609344,
    "mile": 1.609344,
    "mi": 1.609344,
}
LENGTH = re.compile(
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*-?\s*(?P<unit>km|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\b(?![²2])",
    re.IGNORECASE,
)
# An area: "about 600 square kilometres", "4,168 km²", "8,000 sq km", "1,000 square miles".
AREA = re.compile(
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?P<unit>square\s+(?:kilomet(?:re|er)s?|km|miles?)|sq\.?\s*(?:km|mi(?:les?)?)|km[²2])"
    r"(?![\w²])",
    re.IGNORECASE,
)
PERCENT = re.compile(
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?:(?P<number>\d+(?:\.\d+)?)\s*(?:%|per ?cent\b)|"
    rf"(?P<fraction>{'|'.join(sorted(FRACTIONS, key=len, reverse=True))})\s+of\b)",
    re.IGNORECASE,
)


def _value(number: str, scale: str | None) -> float:
    token = number.lower()
    value = float(_WORDS[token]) if token in _WORDS else float(number.replace(",", ""))
    if scale:
        value *= _SCALES[scale.lower()]
    return value


# "a 12-year-old boy", "aged 70": an age, not a count.
_AGE_AFTER = re.compile(
    r"\s*-?\s*(?:years?|months?|weeks?|days?)(?:\s*-?\s*old\b|-)", re.IGNORECASE
)
_AGE_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s*$")  # "Bruce Ivins, 62, died": an age
_DAY_OF_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{MONTH_RE}\s+$", re.IGNORECASE)


_NUMERIC_DATE = re.compile(r"\b\d{1,4}([/.-])\d{1,2}\1\d{2,4}\b")


def parse_numbers(text: str) -> list[tuple[int, int, Figure]]:
    """Every count in ``text`` as (start, end, figure).

    >>> [(f.value, f.hedge) for _, _, f in parse_numbers("about 55,000 and nearly 1.2 million")]
    [(55000.0, 'about'), (1200000.0, 'nearly')]
    >>> [f.value for _, _, f in parse_numbers("three civilians")]
    [3.0]
    >>> [f.value for _, _, f in parse_numbers("the 5 July strike on 12 houses, on May 3")]
    [12.0]
    >>> parse_numbers("a 12-year-old boy and a man aged 70, 15 years old; Ivins, 62, died")
    []
    """
    found = []
    dates = [m.span() for m in _NUMERIC_DATE.finditer(text)]
    for match in NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in dates):
            continue  # "on 13/03/2024", "2024-03-13": a day, not a count
        number = match.group("number")
        after = text[match.end() : match.end() + 1]
        if after == "%" or (
            len(number) == 4
            and number.isdigit()
            and 1900 <= int(number) <= 2100
            and not match.group("scale")
        ):
            continue  # a share or a year, not a count
        if _DAY_OF_MONTH_AFTER.match(text, match.end()) or _MONTH_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue  # "the 5 July strike", "on July 5": a day, not a count
        if (
            _AGE_AFTER.match(text, match.end())
            or _AGE_BEFORE.search(text, max(0, match.start() - 8), match.start())
            or (
                text.startswith(",", match.end())
                and _NAMED_BEFORE.search(text, max(0, match.start() - 30), match.start())
            )
        ):
            continue
        hedge = match.group("hedge")
        found.append(
            (
                match.start(),
                match.end(),
                Figure(
                    _value(number, match.group("scale")),
                    None,
                    hedge.lower() if hedge else None,
                    match.group(),
                ),
            )
        )
    return found


def parse_length_km(text: str) -> tuple[int, int, Figure] | None:
    """The first length in ``text``, in km; "1,200 km (746 miles)" is 1200 km, not two.

    >>> parse_length_km("roughly 600 miles of front")[2].value
    965.606
    """
    match = LENGTH.search(text)
    if not match:
        return None
    value = float(match.group("number").replace(",", "")) * _UNITS[match.group("unit").lower()]
    return _measured(match, round(value, 3), "km")


def _measured(match: re.Match, value: float, unit: str) -> tuple[int, int, Figure]:
    """(start, end, figure) of a measure ``match`` (a :data:`LENGTH`,
    :data:`AREA` or :data:`PERCENT` match with a ``hedge`` group) of ``value``."""
    hedge = match.group("hedge")
    return (
        match.start(),
        match.end(),
        Figure(value, unit, hedge.lower() if hedge else None, match.group()),
    )


def parse_area_km2(text: str) -> list[tuple[int, int, Figure]]:
    """Areas, in km²: "about 600 square kilometres", "1,000 square miles".

    >>> [(f.value, f.hedge) for _, _, f in parse_area_km2("about 600 sq km and 10 square miles")]
    [(600.0, 'about'), (25.9, None)]
    """
    found = []
    for match in AREA.finditer(text):
        value = float(match.group("number").replace(",", ""))
        if "mi" in match.group("unit").lower():
            value *= _SQUARE_MILE_KM2
        found.append(_measured(match, round(value, 1), "km²"))
    return found


_SQUARE_MILE_KM2 = 2.589988


def parse_percent(text: str) -> list[tuple[int, int, Figure]]:
    """Shares: "about 20%", "1.5 percent", "a fifth of".

    >>> [(f.value, f.hedge) for _, _, f in parse_percent("about 20% and a fifth of it")]
    [(20.0, 'about'), (20.0, None)]
    """
    found = []
    for match in PERCENT.finditer(text):
        if match.group("fraction"):
            value = FRACTIONS[match.group("fraction").lower()]
        else:
            value = float(match.group("number"))
        found.append(_measured(match, round(value, 3), "%"))
    return found


def count_before(text: str, position: int, *, max_gap: int = 12) -> Figure | None:
    """The figure written at most ``max_gap`` characters before ``position``
    ("183 attack drones", "5 people were killed").

    >>> count_before("Russia launched 183 attack drones", 23).value
    183.0
    """
    base = max(0, position - max_gap - 30)
    found = [
        f for _, end, f in parse_numbers(text[base:position]) if base + end >= position - max_gap
    ]
    return found[-1] if found else None


KILLED = re.compile(
    r"\b(?P<word>killed|killing|kills|dead|deaths?|died|casualties|wounded|injured|injuring|"
    r"fatalities|death\s+toll|losses|lives|executed|massacred)\b",
    re.IGNORECASE,
)
TOLL_KIND = {
    "killed": "killed",
    "killing": "killed",
    "kills": "killed",
    "dead": "killed",
    "death": "killed",
    "deaths": "killed",
    "died": "killed",
    "executed": "killed",
    "massacred": "killed",
    "fatalities": "killed",
    "death toll": "killed",
    "lives": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "injuring": "wounded",
    "casualties": "casualties",
    "losses": "casualties",
}


# One victim named by who they were ("killing a farmer", "an elderly woman
# was killed"), and no one else with them ("a woman and her son").
_PERSON = (
    r"(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:person|man|woman|child|boy|girl|baby|teenager|"
    r"civilian|resident|farmer|driver|volunteer|soldier|serviceman|policeman|officer|"
    r"journalist|doctor|medic|worker|pensioner|chief|elder|imam|priest|pastor|teacher|nurse|"
    r"guard)(?![\w-]|\s+and\b|,\s+(?:a|an|his|her|two)\b)"
)
_ONE_AFTER = re.compile(rf"\s+(?P<who>{_PERSON})", re.IGNORECASE)
_ONE_BEFORE = re.compile(
    rf"\b(?P<who>{_PERSON})\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?:shot|found|stabbed|beaten)\s+)?$",  # "was shot dead"
    re.IGNORECASE,
)


# "two soldiers and 16 gunmen were killed": the counts of a list add up.
_LISTED_WITH = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:soldiers|troops|servicemen|civilians|people|children|women|men|"
    r"gunmen|militants|fighters|rebels|insurgents|police(?:men)?|officers|residents|attackers)"
    r"\s*(?:,\s*and|,|and)\s+",
    re.IGNORECASE,
)


def _with_listed(text: str, at: int, last: Figure) -> Figure:
    """``last``, the count written before ``text[at:]``, plus the counts listed
    with it ("two soldiers and 16 gunmen")."""
    base = max(0, at - 120)
    counts = parse_numbers(text[base:at])
    if not counts or counts[-1][2] != last:
        return last
    total, hedge, start = last.value, last.hedge, counts[-1][0]
    for s, e, f in reversed(counts[:-1]):
        if not _LISTED_WITH.fullmatch(text, base + e, base + start):
            break
        total, hedge, start = total + f.value, hedge or f.hedge, s
    if total == last.value:
        return last
    return Figure(total, last.unit, hedge, text[base + start : base + counts[-1][1]])


def fatalities(text: str) -> Figure | None:
    """The number killed that ``text`` reports, if any ("killing at least 12").

    >>> fatalities("Missiles struck Kharkiv, killing at least 12 people.").value
    12.0
    >>> fatalities("A drone hit a car, killing a farmer.").value
    1.0
    >>> fatalities("killing a woman and her son") is None
    True
    >>> fatalities("Two soldiers and 16 gunmen were killed.").value
    18.0
    >>> fatalities("At least 12 people, including three children, were killed.").value
    12.0
    """
    for match in KILLED.finditer(text):
        if TOLL_KIND[re.sub(r"\s+", " ", match.group("word").lower())] != "killed":
            continue
        after = parse_numbers(text[match.end() : match.end() + 20])
        # "killing 12", not "1 killed, 5 injured"
        if after and after[0][0] <= 3 and not text[match.end()].startswith((",", ";")):
            return after[0][2]
        # "At least 12 people, including three children, were killed": the 12
        subset = INCLUDING.search(text, max(0, match.start() - 80), match.start())
        before = (subset and count_before(text, subset.start(), max_gap=25)) or count_before(
            text, match.start(), max_gap=25
        )
        if before:
            return _with_listed(text, match.start(), before)
        one = one_victim(text, match)
        if one:
            return one[2]
    return None


# A part of a toll named with it: ", including three children, were".
INCLUDING = re.compile(
    r",?\s+(?:including|among\s+them|of\s+whom)\s+[^,;]{1,40}?,?\s+"
    r"(?:were|was|have\s+been|had\s+been)\s+$",
    re.IGNORECASE,
)


def one_victim(text: str, word: re.Match) -> tuple[int, int, Figure] | None:
    """The one victim that the toll word ``word`` (a :data:`KILLED` match)
    names by who they were ("killing a farmer", "a 72-year-old woman was
    killed"): (start, end, a figure of 1), or None."""
    one = _ONE_AFTER.match(text, word.end()) or _ONE_BEFORE.search(
        text, max(0, word.start() - 60), word.start()
    )
    if one is None:
        return None
    return one.start("who"), one.end("who"), Figure(1.0, None, None, one.group("who"))
