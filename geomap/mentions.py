"""Recognise place mentions in a document, with character offsets.

The recogniser is gazetteer-driven: runs of capitalised words are matched,
longest first, against every name and alternate spelling in the gazetteer,
then extended by region words ("the Donetsk region", "Kursk oblast") and
facility words ("the Zaporizhzhia nuclear power plant"). Matches that look
like people ("Kirill Dmitriev"), sentence-initial common words ("Police
said") or calendar words are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .gazetteer.build import REGION_WORDS
from .gazetteer.index import Gazetteer
from .gazetteer.names import name_key
from .model import Document, Mention

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’.\-]*[^\W_])?")
_CONNECTORS = frozenset(
    "of de del la le du des da al el on upon am an der di do dos das and y en sur ul "
    "bin ibn the".split()
)
_MAX_WORDS = 6
_CAPITALISED = re.compile(r"(?<![\w'’.\-])(?:[A-Z]\.){2,}|(?<![\w'’.\-])[^\W\d_a-z][\w'’]*")
_PREVIOUS = re.compile(r"[^\W\d_][\w'’.\-]*\s+$")  # the word before a candidate
_WINDOW = _MAX_WORDS + 6  # words looked at from there: the name, facility and region words
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
_GENERIC = frozenset(
    "north south east west central centre center northern southern eastern western "
    "upper lower middle federal capital coast gulf island islands valley interior "
    "national metropolitan border highlands lowlands midlands plateau mountain "
    "oriental occidental littoral maritime".split()
)
_REGION_WORDS = {w for w in REGION_WORDS if " " not in w}
_NAME = r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?"
_REGION_LIST = re.compile(
    rf"(?:,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME}\s+(?:regions|oblasts|provinces|states|"
    r"governorates|districts|counties|prefectures)\b"
)
_SMALL_PLACE = 100_000
# Kinds whose names are rarely someone's name.
_SURE_KINDS = {"country", "admin1", "continent", "region", "facility", "sea"}


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def upper_initial(self) -> bool:
        return self.text[:1].isupper()


def _tokens(text: str, start: int = 0, limit: int | None = None) -> list[_Token]:
    """Words from ``start`` (``limit`` of them at most), possessives trimmed."""
    tokens = []
    for match in _TOKEN.finditer(text, start):
        begin, end = match.span()
        word = match.group()
        if word.endswith(("'s", "’s")) and len(word) > 2:
            end -= 2
        elif (word.endswith(("'", "’", ".")) and not word.endswith(".", 1)) or word[-1] in "'’":
            end -= 1
        tokens.append(_Token(begin, end, text[begin:end]))
        if limit is not None and len(tokens) >= limit:
            break
    return tokens


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """True when two tokens are separated by one space or hyphen only."""
    gap = text[left.end : right.start]
    return gap in (" ", "-", "‐", "–") and left.end - left.start == len(left.text)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


class Recogniser:
    """Finds place mentions using a :class:`~geomap.gazetteer.index.Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.keys = gazetteer.keys
        self.demonyms = gazetteer.demonyms
        self.common = gazetteer.common_words
        self.first_words = gazetteer.first_words
        self.tail_words = gazetteer.tail_words

    def __call__(self, doc: Document) -> list[Mention]:
        return list(self.iter_mentions(doc))

    def iter_mentions(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        found: list[Mention] = []
        people: set[str] = set()
        resume = 0
        # Only capitalised words can start a name; most are rejected by one set
        # lookup of their first word, and only the rest are tokenised in a window.
        for word in _CAPITALISED.finditer(text):
            start = word.start()
            if start < resume or not self._may_start_name(word.group()):
                continue
            previous = _PREVIOUS.search(text, max(0, start - 40), start)
            tokens = _tokens(text, previous.start() if previous else start, _WINDOW)
            i = 1 if previous else 0
            match = self._match_at(doc, tokens, i) if tokens[i].start == start else None
            if match is None:
                continue
            mention, next_i, verdict = match
            if verdict == "person":
                people.add(mention.key)
            elif verdict == "place":
                found.append(mention)
            resume = tokens[next_i - 1].end
        # "Kirill Dmitriev ... Dmitriev said": once a surname, always a surname.
        yield from (m for m in found if m.key not in people)

    def _may_start_name(self, word: str) -> bool:
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        key = word.lower().rstrip(".") if word.isascii() else name_key(word)
        return key in self.first_words or key in self.demonyms

    def _match_at(self, doc: Document, tokens: list[_Token], i: int):
        text = doc.text
        token = tokens[i]
        in_dateline = token.start < doc.dateline_end
        # Capitals outside the dateline: a headline, or an acronym. Only country
        # acronyms (US, UK, UAE) are names.
        if (
            token.text.isupper()
            and len(token.text) > 1
            and not in_dateline
            and not any(c.place.kind == "country" for c in self.gazetteer.lookup(token.text))
        ):
            return None
        # Longest run of joined words that is a known name.
        best = None
        j = i
        run = [token]
        while (
            j + 1 < len(tokens) and len(run) < _MAX_WORDS and _joined(text, run[-1], tokens[j + 1])
        ):
            nxt = tokens[j + 1]
            if not (nxt.upper_initial or nxt.text in _CONNECTORS):
                break
            run.append(nxt)
            j += 1
        for n in range(len(run), 0, -1):
            if not run[n - 1].upper_initial:
                continue
            surface = text[run[0].start : run[n - 1].end]
            key = name_key(surface)
            if key in self.demonyms:
                best = (n, key, "demonym")
                break
            if key in self.keys:
                best = (n, key, None)
                break
        if best is None and "-" in token.text:
            # "Kyiv-based", "Russian-controlled": the first part may be the name.
            head = token.text.split("-")[0]
            key = name_key(head)
            if key in self.demonyms or key in self.keys:
                end = token.start + len(head)
                hint = "demonym" if key in self.demonyms else None
                return self._accept(doc, tokens, i, i, token.start, end, key, hint)
        if best is None:
            return None
        n, key, hint = best
        last = i + n - 1
        start, end = token.start, tokens[last].end
        return self._accept(doc, tokens, i, last, start, end, key, hint)

    def _accept(self, doc, tokens, i, last, start, end, key, hint):
        text = doc.text
        next_i = last + 1
        if hint is None:
            # Lower-case words that continue a name: "Zaporizhzhia nuclear power plant".
            tail = 0
            while (
                last + tail + 1 < len(tokens)
                and tail < 4
                and tokens[last + tail + 1].text in self.tail_words
                and _joined(text, tokens[last + tail], tokens[last + tail + 1])
            ):
                tail += 1
            for extra in range(tail, 0, -1):
                longer = name_key(text[start : tokens[last + extra].end])
                if longer in self.keys:
                    key, end, next_i = longer, tokens[last + extra].end, last + extra + 1
                    last += extra
                    break
            if next_i < len(tokens) and _joined(text, tokens[last], tokens[next_i]):
                word = tokens[next_i].text.lower().rstrip("'’")
                if word in _REGION_WORDS or (word.endswith("s") and word[:-1] in _REGION_WORDS):
                    hint, end, next_i = "admin1", tokens[next_i].end, next_i + 1
            if hint is None and _REGION_LIST.match(text, end):
                hint = "admin1"  # "the Kharkiv, Sumy and Chernihiv regions"
        mention = Mention(doc.doc_id, start, end, text[start:end], key, hint)
        return mention, next_i, self._verdict(doc, tokens, i, next_i, mention)

    def _verdict(self, doc: Document, tokens, i, next_i, mention: Mention) -> str:
        """``"place"``, ``"person"`` (a surname) or ``"other"``."""
        key = mention.key
        if key in _CALENDAR:
            return "other"
        if len(key.replace(".", "")) <= 2 and not mention.surface.isupper():
            return "other"  # "No", "Of": two letters name a place only as "US", "UK"
        if mention.kind_hint == "demonym":
            return "place"
        candidates = self.gazetteer.lookup(key, limit=50)
        if not candidates:
            return "other"
        sure = any(c.place.kind in _SURE_KINDS for c in candidates)
        # A region's population does not make its name any less a common word.
        big = (
            max((c.place.population for c in candidates if c.place.kind != "admin1"), default=0)
            >= _SMALL_PLACE
        )
        single_word = " " not in key
        text = doc.text
        if single_word and key in _GENERIC and mention.kind_hint != "admin1":
            return "other"  # "West", "Central": a region's name only with a region word
        common_word = single_word and key in self.common and not sure
        if common_word and (_sentence_initial(text, mention.start) or not big):
            return "other"
        if sure:
            return "place"
        # A town's name after a first name or a title is a surname
        # ("Kirill Dmitriev"); a small town's name before another
        # capitalised word is likely part of a person's or body's name.
        prev = tokens[i - 1] if i > 0 else None
        if prev and _joined(text, prev, tokens[i]) and prev.upper_initial:
            word = prev.text.lower()
            if word in _TITLES or not (word in self.common and _sentence_initial(text, prev.start)):
                return "person"
        nxt = tokens[next_i] if next_i < len(tokens) else None
        if not big and nxt and nxt.upper_initial and _joined(text, tokens[next_i - 1], nxt):
            return "other" if nxt.text.lower() in self.common else "person"
        return "place"
