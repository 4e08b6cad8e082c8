"""Where the text says which area a place is in.

"Novoselivka, Zaporizhzhia", "Bakhmut, Donetsk Oblast", "Stepove (Polohy
district, Zaporizhzhia region)", "Vasylivka in the Zaporizhzhia region",
"the Kherson region village of Bilozerka", "the Luhansk town of Kremina",
"Donetsk's Bakhmut": each links a
mention to the mention of the area (region, district or country) it lies in.
The resolver then takes, of the namesakes, one in that area.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Hint, Mention

# What may stand between a place and its area, the area second; a direction
# may come before the area ("Desna in the northern Chernihiv region").
_DIRECTION = r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?[ \t]+|central[ \t]+)?"
_COMMA = re.compile(rf",[ \t]*{_DIRECTION}")
_PARENTHESIS = re.compile(r"[ \t]*\([ \t]*")
_IN = re.compile(rf",?[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?{_DIRECTION}")
# ... and the area first.
_POSSESSIVE = re.compile(r"['’]s[ \t]+")
_AREA_NOUN = re.compile(
    r"(?:[ \t]+(?:region|oblast|province|district|raion|rayon|county)['’]?s?)?[ \t]+"
    r"(?:village|town|city|settlement|hamlet)[ \t]+of[ \t]+"
)
# No link's words are longer ("Oblast in the north-western ").
_LONGEST_GAP = 48
# A region word after a name (part of the mention's span, not of its name);
# also Myanmar's "township", which is no region word elsewhere ("Washington
# Township" is a town).
_REGION_WORD = re.compile(
    r"[ \t]+(?:region|oblast|province|district|raion|rayon|county|governorate|state|township|"
    r"lga)s?\b",
    re.IGNORECASE,
)
# "Kharkiv, Sumy, Chernihiv and Kyiv": a list goes on to "and" past more names.
_LIST_GOES_ON = re.compile(
    r"(?:[ \t]*,[ \t]*[A-Z][\w'’\-]*(?:[ \t][A-Z][\w'’\-]*)*)*,?[ \t]+(?:and|or|&)[ \t]+[A-Z]"
)
# "shelled Kamianske, Zaporizhzhia.": a pair that ends the sentence is an
# address, as incident logs write it, not the start of a list.
_SENTENCE_ENDS = re.compile(r"[ \t]*(?:[.;!?\n]|$)")
# "Police in Lebanon, Pennsylvania, said": a pair the sentence goes on after,
# between commas, is an address too (a list would go on to "and" or a name).
_CLAUSE_GOES_ON = re.compile(r",[ \t]+(?!(?:and|or|nor)\b)[a-z]")


@dataclass(frozen=True, slots=True)
class Link:
    """Mention ``child`` lies in the area mention ``area`` names. ``explicit``
    when a region word, parentheses or a noun ("the X region village of")
    says so, or a comma pair ends the sentence or a clause ("Lebanon,
    Pennsylvania, said"); a bare comma in the running text, or a possessive,
    is weaker. ``how`` the text links them."""

    child: int
    area: int
    explicit: bool
    how: str  # "comma", "parenthesis", "in", "possessive" or "noun"


def _after_region_word(text: str, mention: Mention) -> int:
    """Where the words after ``mention`` go on, past a region word ("Oblast")."""
    match = _REGION_WORD.match(text, mention.end)
    return match.end() if match else mention.end


def _address_ends(text: str, at: int) -> bool:
    """True when a comma pair that ends at ``at`` is an address: the sentence
    ends there, or goes on after a comma in lower case."""
    return bool(_SENTENCE_ENDS.match(text, at) or _CLAUSE_GOES_ON.match(text, at))


def find_links(text: str, mentions: Sequence[Mention]) -> list[Link]:
    """Every place-in-area link between consecutive mentions of ``text``.

    >>> from geomap.model import Mention
    >>> text = "Shelling hit Stepove (Polohy district, Zaporizhzhia region)."
    >>> ms = [Mention("d", 13, 20, "Stepove", "stepove"),
    ...       Mention("d", 22, 28, "Polohy", "polohy", Hint.DISTRICT),
    ...       Mention("d", 39, 51, "Zaporizhzhia", "zaporizhzhia", Hint.REGION)]
    >>> [(link.child, link.area) for link in find_links(text, ms)]
    [(0, 1), (1, 2), (0, 2)]
    """
    links = []
    for number in range(len(mentions) - 1):
        place, area = mentions[number], mentions[number + 1]
        if area.start - place.end > _LONGEST_GAP:
            continue
        gap = text[_after_region_word(text, place) : area.start]
        hinted = area.kind_hint in (Hint.REGION, Hint.DISTRICT)
        if _COMMA.fullmatch(gap):
            after = _after_region_word(text, area)
            if not _LIST_GOES_ON.match(text, after):
                explicit = hinted or _address_ends(text, after)
                links.append(Link(number, number + 1, explicit, "comma"))
        elif _PARENTHESIS.fullmatch(gap):
            links.append(Link(number, number + 1, True, "parenthesis"))
        elif _IN.fullmatch(gap) and (
            hinted or not place.kind_hint or place.kind_hint == Hint.DISTRICT
        ):  # "Bakhmut in the Donetsk region", "the Nikopol district of Dnipropetrovsk"
            links.append(Link(number, number + 1, hinted, "in"))
        elif _POSSESSIVE.fullmatch(gap):
            links.append(Link(number + 1, number, False, "possessive"))
        elif _AREA_NOUN.fullmatch(text, place.end, area.start):
            links.append(Link(number + 1, number, True, "noun"))
    # "X (District, Region)": the place lies in the region too.
    for first, second in itertools.pairwise(links):
        if (
            first.area == second.child
            and first.area == first.child + 1
            and _PARENTHESIS.fullmatch(
                text[_after_region_word(text, mentions[first.child]) : mentions[first.area].start]
            )
        ):
            links.append(Link(first.child, second.area, True, "parenthesis"))
    return links
