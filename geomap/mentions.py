"""Recognise place mentions in a document, with character offsets.

The recogniser is gazetteer-driven: the gazetteer's compiled finder lists
every known name or alternate spelling that starts with a capital, and the
longest one whose words are joined as a name's are wins. Facility words
continue a name ("the Zaporizhzhia nuclear power plant"); a region word after
it ("the Donetsk region", "Kursk oblast") says a region is meant but stays out
of the name. Matches that look like people ("Kirill Dmitriev", "Paul said",
"Dr. Moll"), bodies ("Aberdeen University"), eponyms ("Marburg virus"),
sentence-initial common words ("Police said") or calendar words are dropped.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from .gazetteer.index import Gazetteer
from .gazetteer.matcher import CONNECTORS as _CONNECTORS
from .gazetteer.names import fold_key, name_key
from .gazetteer.vocabulary import DISTRICT_WORDS, REGION_WORDS
from .model import Document, Hint, Mention

_WORD = r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’.\-]*[^\W_])?"
_WORD_AT = re.compile(_WORD)
_JOINED_WORD = re.compile(rf"[ \-‐–]({_WORD})")  # the next word, one space or dash on
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’\-]*)(\.?)[ \-‐–]$")  # "Gino D. |Bassett"
_PATRONYMICS = frozenset({"bin", "ibn", "bint", "ben"})  # "son of", in Arabic names
_MAX_WORDS = 6
_MAX_TAIL = 4  # lower-case words that may continue a name ("nuclear power plant")
# After a name, these describe ("the Donbas city": a city in the Donbas) unless
# the two are a place's own name ("Mexico city"), not only an alternate one.
_SETTLEMENT_WORDS = frozenset({"city", "town", "village"})
_JOINERS_IN_WORDS = frozenset("'’.-_")
_POSSESSIVE = ("'s", "’s")
# Capitals at a sentence's start, then the punctuation of a dateline.
_DATELINE = re.compile(r"[A-Z][A-Z.'’&\-]*(?: [A-Z][A-Z.'’&\-]*)*(?:,| \(| ?[—–]| --? |:)")
_AFTER_COMMA = re.compile(r", ([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2})")
_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})  # Saint, Mount, Fort, Point
_LIST_STARTS = (",", " and ", " & ")  # what a list of regions goes on with
_CALENDAR = frozenset(
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday god allah "
    "christmas easter ramadan".split()
)
_TITLES = frozenset(
    "mr mrs ms dr president minister general gen senator sen rep governor gov mayor "
    "king queen prince princess sheikh pope lt col colonel captain capt sergeant "
    "judge chancellor premier ayatollah commander envoy spokesman spokeswoman "
    "secretary lord sir lady professor prof chief ambassador officer emir".split()
)
# Words that are whole names of regions somewhere ("Centre", France; "Western",
# Ghana) but in news are directions or adjectives.
_LOCATIVE = re.compile(r"\b(?:in|near|outside|around|across|throughout) $")
_GENERIC = frozenset(
    "north south east west central centre center northern southern eastern western "
    "upper lower middle federal capital coast gulf island islands valley interior "
    "national metropolitan border highlands lowlands midlands plateau mountain "
    "oriental occidental littoral maritime".split()
)
_REGION_WORDS = {w for w in REGION_WORDS if " " not in w}
# Capitalised words for a kind of settlement, written before its name ("Kibbutz
# Be'eri"): no first name, so the name after them is no surname.
_SETTLEMENT_BEFORE = frozenset({"kibbutz", "moshav", "village", "town", "camp"})
# Capitalised words after a place's name that make it part of a body's name
# ("Aberdeen University"; "Buffalo Science Magnet School" is caught by the
# capital after a small town's name): the place is not where the text is.
# Newspapers are not among them: "the Washington Post" still names Washington.
_ORGANISATION_WORDS = frozenset(
    "university college school elementary academy institute hospital clinic zoo "
    "museum united rovers fc inc llc ltd corp corporation company".split()
)
# Lower-case words after a place's name that make it an eponym ("Marburg virus"),
# a unit named after it ("the Aidar battalion") or a river ("the Dnipro river").
_EPONYM_WORDS = frozenset(
    "virus ebolavirus fever disease flu syndrome encephalitis battalion brigade regiment "
    "river".split()
)
# Plural weapons after a name that is no country's make it the weapon's ("Grad
# rockets", "Iskander missiles"); "the Kharkiv drone attack" stays a place.
_WEAPONS_AFTER = frozenset("rockets missiles launchers drones howitzers systems".split())
_NAME = r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?"
_REGION_LIST = re.compile(
    rf"(?:,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME}\s+(?:regions|oblasts|provinces|states|"
    r"governorates|districts|counties|prefectures)\b"
)


# A name that modifies a front or a plural of towns, or follows "the region
# of", is the region's ("the entire Luhansk front", "the region of Luhansk").
_OF_A_REGION_AFTER = frozenset("front cities towns villages settlements".split())
_REGION_OF = re.compile(r"\b(?:region|province|oblast)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# Words before a place's name, and after it, that say a place is meant.
_PLACE_BEFORE_WORDS = (
    r"in|near|outside|around|at|of|from|to|towards?|hit|shelled|struck|attacked|"
    r"captured|liberated|recaptured|took|retook|entered|village|town|settlement"
)
_PLACE_AFTER_WORDS = r"region|oblast|district|raion|village|town|settlement"
_PLACE_BEFORE = re.compile(rf"\b(?:{_PLACE_BEFORE_WORDS})\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_AFTER = re.compile(rf"\s*\(|\s+(?:{_PLACE_AFTER_WORDS})\b")
# Where a name in a spelling no source lists may start (Recogniser._folded_at
# judges it): a capitalised word of five letters or more. (The capital comes
# first, and the test that no letter is before it after, so that the regex
# engine can skip to a capital.)
_FOLD_CANDIDATE = re.compile(r"[A-Z](?<!\w.)[a-z'’]{4}")


@functools.lru_cache(maxsize=65536)
def _folded(surface: str) -> str:
    return fold_key(surface)


class _Token(NamedTuple):
    start: int
    end: int
    text: str


def _token(match: re.Match, group: int = 0) -> _Token:
    """A word from a match, its possessive ("Kyiv's") trimmed."""
    start, end = match.span(group)
    word = match.group(group)
    if word[-2:] in _POSSESSIVE and len(word) > 2:
        end -= 2
        word = word[:-2]
    return _Token(start, end, word)


def _next_word(text: str, token: _Token) -> _Token | None:
    """The word joined to ``token`` by one space or dash ("St. Louis": or by
    the full stop of an abbreviation and a space), if any."""
    end = token.end
    if end < len(text) and text[end] == "." and token.text.lower() in _ABBREVIATIONS:
        end += 1
    if end < len(text) and text[end] in " -‐–":
        match = _JOINED_WORD.match(text, end)
        if match:
            return _token(match, 1)
    return None


def _last_word(text: str, first: _Token, end: int) -> _Token | None:
    """The last word of the name from ``first`` to ``end``, if its words are
    joined as a name's are: one space or dash apart, each capitalised or a
    connector ("Bay of Bengal"), six at most. A name may end inside a word at a
    dash ("Kyiv-based") and takes an acronym's last full stop ("U.S.")."""
    token = first
    for count in range(_MAX_WORDS):
        if end > token.end and text.startswith(_POSSESSIVE, token.end):
            # "People's", in "Donetsk People's Republic"
            token = _Token(token.start, token.end + 2, text[token.start : token.end + 2])
        if end <= token.end:
            if end == token.end or text[end : token.end] == ".":
                return token
            if text[end] in "-‐–":
                return _Token(token.start, end, text[token.start : end])
            return None
        token = _next_word(text, token)
        if token is None or count + 1 == _MAX_WORDS:
            return None
        if not (
            token.text[:1].isupper()
            or token.text in _CONNECTORS
            or _articled(token.text)
            or _elided(token.text)
        ):
            return None
    return None


def _articled(word: str) -> bool:
    """True for a capitalised word behind a connector and a dash ("al-Balah" in
    "Deir al-Balah", "ez-Zor"): the Arabic article, as English news writes it."""
    connector, dash, rest = word.partition("-")
    return bool(dash) and connector in _CONNECTORS and rest[:1].isupper()


def _elided(word: str) -> bool:
    """True for a capitalised word behind an elided article ("d'Ivoire")."""
    return len(word) > 2 and word[0] in "dl" and word[1] in "'’" and word[2].isupper()


def _previous_word(text: str, start: int) -> tuple[_Token, bool] | None:
    """The word joined to the one at ``start``, and whether it is an initial ("D.")."""
    if start < 2 or text[start - 1] not in " -‐–":
        return None
    # Searched from the last space before, not from 40 characters back: a regex
    # search tries every position, and this runs for every possible surname.
    begin = max(text.rfind(" ", max(0, start - 40), start - 1) + 1, 0)
    match = _PREVIOUS_WORD.search(text, begin, start)
    if match is None:
        return None
    word = match.group(1)
    if word[-2:] in _POSSESSIVE:
        return None  # "Russia's Dmitriev": a possessive ends a name
    if match.group(2):  # a full stop between: only an initial or a title joins
        if len(word) == 1 and word.isupper():
            return _Token(match.start(1), match.end(1), word), True
        if word.lower() not in _TITLES:  # "Dr. Moll"
            return None
    return _Token(match.start(1), match.end(1), word), False


def _after_locative(text: str, start: int) -> bool:
    """True after "in", "near", "outside"...: where a name is a place's."""
    return bool(_LOCATIVE.search(text, max(0, start - 12), start))


def _after_region_of(text: str, start: int) -> bool:
    """True after "the region of" ("the region of Luhansk")."""
    begin = max(0, start - 24)
    # The regex search tries every position: first the cheap test for its "of".
    return "of" in text[begin:start].lower() and bool(_REGION_OF.search(text, begin, start))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


# A line no longer than this may be a headline, written in Title Case or in capitals.
_HEADLINE = 200
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class Recogniser:
    """Finds place mentions using a :class:`~geomap.gazetteer.index.Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.names = gazetteer.names
        self.finder = gazetteer.finder

    def expect(self, docs: Iterable[Document]) -> None:
        """Ready the finder for ``docs``, when they are a sequence: the documents
        to come, which may pay for loading its compiled automaton now."""
        if isinstance(docs, Sequence):
            self.finder.expect(sum(len(doc.text) for doc in docs))

    def __call__(self, doc: Document) -> list[Mention]:
        return list(self.iter_mentions(doc))

    def sentence_cased(self, doc: Document) -> Document:
        """``doc`` with each headline-short line written in Title Case or in
        capitals ("Russian Forces Capture Village Near Pokrovsk", "MISSILE
        STRIKE ON KYIV") rewritten as a sentence would be, for its names to be
        judged as a sentence's: common words in lower case, other words
        capitalised. Every word keeps its length, so offsets hold; ``doc``
        itself when no line is so written."""
        lines = doc.text.splitlines(keepends=True)
        rewritten = [self._line_cased(line) if len(line) <= _HEADLINE else line for line in lines]
        return doc if rewritten == lines else dataclasses.replace(doc, text="".join(rewritten))

    def _line_cased(self, line: str) -> str:
        # Title Case capitalises every word of four letters or more.
        words = _LONG_WORD.findall(line)
        if len(words) < 3 or not all(word[0].isupper() for word in words):
            return line  # sentence case: its capitals say which words are names
        in_capitals = all(word.isupper() for word in words)
        # The words of known names keep a capital (a lone common word, "Police",
        # only when it is a big place's or a region's name); the rest lose it.
        named = set()
        for start, ends in self.finder.find(line).items():
            key = name_key(line[start : ends[0]])
            if " " in key or self._capital_kept(key):
                named.update(range(start, ends[0]))

        def recase(match: re.Match) -> str:
            word = match.group()
            if match.start() in named or name_key(word) in self.names.demonyms:
                cased = word.capitalize() if in_capitals else word
            else:
                cased = word.lower()
            return cased if len(cased) == len(word) else word

        return _ANY_WORD.sub(recase, line)

    def _capital_kept(self, key: str) -> bool:
        """True when a one-word name stays a name in a headline's capitals."""
        names = self.names
        return (
            key in names.countries
            or key in names.big
            or key in names.areas
            or key not in names.common_words
        )

    def iter_mentions(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        found: list[Mention] = []
        people: set[str] = set()
        resume = 0
        # The compiled finder lists every known name that starts with a capital;
        # only these candidates are judged here, in the order of the text.
        candidates = self.finder.find(text)
        for start in sorted(candidates):
            if start < resume:
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] in _JOINERS_IN_WORDS):
                continue  # "iPhone", "U.S.": inside a word
            first = _token(_WORD_AT.match(text, start))
            if text.startswith("$", first.end):
                continue  # "US$460 million": a currency
            match = self._match_at(doc, first, candidates[start])
            if match is None:
                continue
            mention, end, verdict = match
            if verdict == "person":
                if mention.key not in self.names.big and " " not in mention.key:
                    people.add(mention.key)  # a big city's name is not struck out
            elif verdict == "place":
                found.append(mention)
            resume = end
        if any(m.key in self.names.zone for m in found):
            found.extend(self._folded_mentions(doc, found))
            found.sort(key=lambda m: m.start)
        # "Kirill Dmitriev ... Dmitriev said": once a surname, always a surname.
        yield from (m for m in found if m.key not in people)

    def _folded_mentions(self, doc: Document, found: list[Mention]) -> list[Mention]:
        """Names in a spelling no source lists (see :meth:`_folded_at`), where
        the words around them say a place is meant and no other name stands."""
        spans = sorted((m.start, m.end) for m in found)
        starts = [match.start() for match in _FOLD_CANDIDATE.finditer(doc.text)]
        extra = []
        for start in starts:
            at = bisect.bisect_right(spans, (start, len(doc.text))) - 1
            if at >= 0 and spans[at][1] > start:
                continue  # inside a name already found
            mention = self._folded_at(doc, _token(_WORD_AT.match(doc.text, start)))
            if mention is not None:
                extra.append(mention)
        return extra

    def _folded_at(self, doc: Document, first: _Token) -> Mention | None:
        """A spelling no source lists, of a name of a Cyrillic-script country's
        place ("Kreminna" written "Kremina", "Novomikhaylovka"), where the words
        around it say a place is meant: after "in", "near", "village of"..., or
        before a region ("X, Zaporizhzhia", "X (Polohy district"). One or two
        words, matched under :func:`~geomap.gazetteer.names.fold_key`."""
        text = doc.text
        if (
            len(first.text) < 5
            or first.text.lower() in self.names.common_words
            or not (
                _PLACE_BEFORE.search(text, max(0, first.start - 16), first.start)
                or _PLACE_AFTER.match(text, first.end)
                or self._region_follows(text, first.end)
            )
        ):
            return None
        nxt = _next_word(text, first)
        for last in ([nxt] if nxt and nxt.text[:1].isupper() else []) + [first]:
            surface = text[first.start : last.end]
            if _folded(surface) in self.names.folded:
                return Mention(doc.doc_id, first.start, last.end, surface, name_key(surface))
        return None

    def _match_at(self, doc: Document, first: _Token, ends: list[int]):
        """The longest name from ``first`` among the finder's ``ends``:
        (mention, end of what it consumed, verdict), or None."""
        text = doc.text
        best = None
        for end in ends:
            last = first if end == first.end else _last_word(text, first, end)
            key = name_key(text[first.start : last.end]) if last else None
            if key in self.names.demonyms:
                best = (last, key, Hint.DEMONYM)
            elif key and self.finder.knows(key):
                best = (last, key, None)
            if best:
                break
        if best is None:
            return None
        last, key, hint = best
        # Capitals outside the dateline: a headline, or an acronym. Only the
        # acronyms of countries and regions (US, UAE, EU, NSW) are names, and
        # names an acronym starts ("DR Congo").
        if (
            first.text.isupper()
            and len(first.text) > 1
            and last.start == first.start
            and first.start >= doc.dateline_end
            and key not in self.names.countries
            and key not in self.names.acronyms
            and not self._dateline_at(text, first.start)
        ):
            return None
        if key in self.names.abbreviations:
            if last.text.endswith("."):  # "N.M."
                return self._accept(doc, first, last, key, hint)
            if not text.startswith(".", last.end):
                return None  # "Pa", "Ind" without the full stop of "Pa.", "Ind."
            stop = _Token(last.start, last.end + 1, f"{last.text}.")  # "Calif."
            return self._accept(doc, first, stop, key, hint)
        if (
            last.start == first.start
            and hint is None
            and self._plain_word(text, key, last)
            and not self._region_follows(text, last.end)
        ):
            return None
        return self._accept(doc, first, last, key, hint)

    def _plain_word(self, text: str, key: str, word: _Token) -> bool:
        """True when a one-word name is used as a plain word here ("March",
        "No", "Police said")."""
        if key in _CALENDAR:
            return True
        if len(key.replace(".", "")) <= 2 and not word.text.isupper():
            return True  # "No", "Of": two letters name a place only as "US", "UK"
        if key in self.names.areas:
            return False
        if key in _TITLES:
            return True  # "the Pope"
        if key in self.names.first_names and key not in self.names.big:
            return not _after_locative(text, word.start)  # "Paul said", but "in Chester"
        return key in self.names.common_words and (
            key not in self.names.big or _sentence_initial(text, word.start)
        )

    @staticmethod
    def _dateline_at(text: str, start: int) -> bool:
        """True for a dateline further in ("…photo.\n\nRALEIGH, N.C. (AP) -")."""
        return _sentence_initial(text, start) and bool(_DATELINE.match(text, start))

    def _plain_start(self, text: str, word: _Token) -> bool:
        """True for a common word that starts a sentence ("Will Kyiv hold?")."""
        return word.text.lower() in self.names.common_words and _sentence_initial(text, word.start)

    def _accept(self, doc: Document, first: _Token, last: _Token, key: str, hint: str | None):
        """(mention, end of what it consumed, verdict) for a name from ``first``
        to ``last``, once extended by the words that may follow it."""
        text = doc.text
        consumed = last
        nxt = _next_word(text, last)
        if hint is None:
            # Lower-case words that continue a name: "Zaporizhzhia nuclear power plant".
            token, folded, after = last, key, nxt
            for _ in range(_MAX_TAIL):
                if after is None or after.text not in self.names.tail_words:
                    break
                if after.text in _REGION_WORDS:
                    break  # "Sagaing region": a hint, below, not part of the name
                token, folded = after, f"{folded} {after.text}"
                after = _next_word(text, token)
                if self.finder.knows(folded) and (
                    token.text not in _SETTLEMENT_WORDS or self._own_name(folded)
                ):
                    last, key, consumed, nxt = token, folded, token, after
            if nxt is not None:
                word = nxt.text.lower().rstrip("'’")
                if word.endswith("s") and word[:-1] in _REGION_WORDS:
                    word = word[:-1]  # "the Donetsk and Luhansk regions"
                if word in _REGION_WORDS:
                    hint = Hint.DISTRICT if word in DISTRICT_WORDS else Hint.REGION
                    consumed = nxt
            listed = text.startswith(_LIST_STARTS, last.end)  # cheap test before the regex
            if hint is None and listed and _REGION_LIST.match(text, last.end):
                hint = Hint.REGION  # "the Kharkiv, Sumy and Chernihiv regions"
            if hint is None and (
                (nxt is not None and nxt.text.lower() in _OF_A_REGION_AFTER)
                or _after_region_of(text, first.start)
            ):
                hint = Hint.REGION  # "the Luhansk front", "the two Luhansk cities"
        verdict = self._verdict(text, first, last, key, hint, nxt)
        if verdict == "other":
            return None, consumed.end, verdict
        # A region word is the name's only when the two are a known name ("Nyanza
        # Province", matched above); in "the Donetsk region" the name is "Donetsk".
        mention = Mention(
            doc.doc_id, first.start, last.end, text[first.start : last.end], key, hint
        )
        return mention, consumed.end, verdict

    def _own_name(self, key: str) -> bool:
        """True when ``key`` is some place's own name, not only another's
        alternate name."""
        return any(candidate.primary for candidate in self.gazetteer.lookup(key))

    def _region_follows(self, text: str, end: int) -> bool:
        """True when a comma and a country's or a region's name follow ``end``."""
        if not text.startswith(", ", end):  # the cheap test first: it runs for most names
            return False
        match = _AFTER_COMMA.match(text, end)
        if match is None:
            return False
        words = match.group(1).split(" ")
        return any(
            name_key(" ".join(words[:n])) in self.names.areas for n in range(len(words), 0, -1)
        )

    def _after_forename(self, text: str, first: _Token, key: str, area: bool) -> bool:
        """True when the name at ``first`` follows a first name, an initial or a
        title, so is a surname: "Kirill Dmitriev", "Gino D. Bassett", "Dewly Nelson"."""
        previous = _previous_word(text, first.start)
        if previous is None:
            return False
        prev, initial = previous
        if initial:
            return True
        word = prev.text.lower()
        if prev.text in _PATRONYMICS:  # "Mohammed bin Salman": a father's name
            before = _previous_word(text, prev.start)
            return before is not None and before[0].text[:1].isupper()
        if not prev.text[:1].isupper() or word in _GENERIC or word in _SETTLEMENT_BEFORE:
            return False  # "Western Mosul", "Kibbutz Be'eri"
        if len(word) > 4 and word.endswith(("ing", "ed", "ly")):
            return False  # "Neighbouring Lysychansk", "Besieged Mariupol": no first name
        if word in _TITLES:
            return True
        if word in self.names.first_names and (
            # "Will Steele said": a small town's name after a first name is a
            # surname even at a sentence's start.
            not (area or key in self.names.big) or not self._plain_start(text, prev)
        ):
            return True
        return not (
            word in self.names.common_words and (area or _sentence_initial(text, prev.start))
        )

    def _verdict(
        self,
        text: str,
        first: _Token,
        last: _Token,
        key: str,
        hint: str | None,
        nxt: _Token | None,
    ) -> str:
        """``"place"``, ``"person"`` (a surname) or ``"other"``; ``nxt`` is the
        word joined to the name, if any."""
        if hint == Hint.DEMONYM:
            return "place"
        if self._region_follows(text, last.end):
            return "place"  # "Frederick, Maryland": a town, whatever else the name is
        if nxt is not None and nxt.text.lower() in (
            _ORGANISATION_WORDS if nxt.text[:1].isupper() else _EPONYM_WORDS
        ):
            return "other"
        if nxt is not None and nxt.text in _WEAPONS_AFTER and key not in self.names.countries:
            return "other"
        if " " not in key and key in _GENERIC and hint is None:
            return "other"  # "West", "Central": a region's name only with a region word
        area = key in self.names.areas
        if key in self.names.major or (area and " " in key):
            return "place"
        if self._after_forename(text, first, key, area):
            return "person"
        if area:
            return "place"
        if key in self.names.first_names and nxt and nxt.text[:1].isupper():
            return "other"  # "Julia Peters": a first name, not the town of Julia
        # A small town's name before another capitalised word is likely part
        # of a person's or a body's name.
        if key not in self.names.big and nxt and nxt.text[:1].isupper() and hint is None:
            return "other"
        return "place"
