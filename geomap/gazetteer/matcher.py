"""The compiled name finder: every name key in one Aho-Corasick automaton.

A regular expression finds the runs of capitalised words of a text (what a
name can start in); the automaton (``pyahocorasick``) finds, in one pass over
those runs, every known name with its offsets. The recogniser then judges
only these candidates. The automaton is compiled with the index and stored
beside it. Loading it takes a third of a second, more than a few articles
take to search without it: until then the same words are looked up in the
index (see :func:`bounded_words`), with the same results.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import pickle
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

# The connectors a run of capitalised words may hold ("Bay of Bengal", "Dar es
# Salaam"), among them the Arabic article in its spellings ("Deir ez-Zor").
CONNECTORS = frozenset(
    "of de del la le du des da al el es as ash ad ar az ed er esh et ez on upon am an der "
    "di do dos das and y en sur ul bin ibn the".split()
)
# The Arabic article, which news also writes in lower case before a name ("al-Bab").
ARTICLES = frozenset("al el ad an ar as ash at az ed en er es esh et ez".split())
_CAPITAL = "A-ZÀ-ÖØ-Þ\u0100-\u024f"
_WORD = rf"[{_CAPITAL}][\w'’.\-‐]*"  # "Port-au-Prince" is one word
_ELIDED = "[dl]['’]"  # "Côte d'Ivoire", "Val d'Oise"
# A capitalised word, then more joined by one space, a dash or ". " ("St. Louis"),
# with connectors between. (It starts with a capital so that the regex engine
# can skip to one: an optional article in front made the scan four times slower.)
_JOIN = rf"(?:[ \-‐–]|\.[ ])(?:(?:{'|'.join(sorted(CONNECTORS))})[ \-])*(?:{_ELIDED})?"
_RUN = re.compile(rf"{_WORD}(?:{_JOIN}{_WORD})*")
# An article before a run: "al-" of "al-Bab".
_ARTICLE = "|".join(sorted(ARTICLES))
_ARTICLE_BEFORE = re.compile(rf"(?<![\w-])(?:{_ARTICLE})-$")
_DASH_BEFORE_CAPITAL = re.compile(rf"-(?=[{_CAPITAL}])")
_ARTICLED_AT = re.compile(rf"(?:{_ARTICLE})-[{_CAPITAL}]")


def _fold_table() -> dict[int, str]:
    """One character for one: letters lower-cased without accents (as name keys
    fold them), digits kept, every other Latin-script or punctuation mark a
    space. Other scripts are left alone: they hold no Latin name."""
    table = {}
    for code in [*range(0x0000, 0x0250), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070)]:
        char = chr(code)
        if char.isalnum():
            base = unicodedata.normalize("NFKD", char)[0].lower()
            table[code] = base if base.isalnum() else char.lower()[:1]
        else:
            table[code] = " "
    return table


_FOLD = _fold_table()


def fold_text(text: str) -> str:
    """``text`` folded character for character, so offsets stay those of ``text``.

    >>> fold_text("Dnipró, St. Louis’s U.S.")
    'dnipro  st  louis s u s '
    """
    return text.translate(_FOLD)


def finder_words(names: Iterable[str], demonyms: Iterable[str] = ()) -> dict[str, int]:
    """What the finder looks for: each name key of places, ``names``, and of
    peoples, ``demonyms`` ("iraqi"), folded and between blanks (" st  louis "),
    with its value: its length, doubled, plus 1 when it names a place."""
    values: dict[str, int] = {}
    for keys, place in ((demonyms, 0), (names, 1)):
        for key in keys:
            word = f" {fold_text(key)} "
            values[word] = len(word) << 1 | place | values.get(word, 0)
    return values


def bounded_words(searched: str, max_blanks: int) -> dict[str, list[int]]:
    """Every stretch of ``searched`` that starts at a blank before a letter or
    digit, ends at a blank, and holds at most ``max_blanks`` blanks and no
    barrier between runs, with where each of its occurrences ends (its last
    blank): all that a finder word may match where a name starts.

    >>> bounded_words(" st  louis ", 3)
    {' st ': [3], ' st  ': [4], ' louis ': [10]}
    """
    found: dict[str, list[int]] = {}
    at = 0
    for segment in searched.split(_BARRIER):
        if segment.count(" ") == 2:  # one word, as most runs are: itself
            found.setdefault(segment, []).append(at + len(segment) - 1)
            at += len(segment) + len(_BARRIER)
            continue
        pieces = segment.split(" ")
        blanks = list(itertools.accumulate((len(p) + 1 for p in pieces[1:-1]), initial=0))
        for first, begin in enumerate(blanks):
            if not pieces[first + 1]:
                continue  # a blank next: a folded mark, where no name starts
            for end in blanks[first + 1 : first + max_blanks]:
                found.setdefault(segment[begin : end + 1], []).append(at + end)
        at += len(segment) + len(_BARRIER)
    return found


def stretch_count(searched: str, max_blanks: int) -> int:
    """How many stretches :func:`bounded_words` may list in ``searched`` (it
    leaves out those that start before a blank): what looking them up costs.

    >>> stretch_count(" st  louis ", 3), stretch_count(" kyiv \uffff lviv ", 3)
    (5, 2)
    """
    total = 0
    for segment in searched.split(_BARRIER):
        blanks = segment.count(" ")
        spans = min(max_blanks - 1, blanks - 1)  # how far past its first a stretch may end
        total += spans * blanks - spans * (spans + 1) // 2
    return total


class NameFinder:
    """Finds every known name in a text: ``find`` maps each start offset to the
    end offsets of the names that start there, longest first.

    ``words`` answers for the finder's words (see :func:`finder_words`): a
    compiled automaton, or anything with its ``iter`` and ``get``. When
    ``compiled`` is given, ``words`` also tells what searching a string costs
    (``cost``), and once the costs of the texts searched would pass
    ``compile_after``, ``compiled`` is called for the automaton, which takes over.
    """

    def __init__(
        self, words, *, compiled: Callable[[], object] | None = None, compile_after: int = 0
    ) -> None:
        self._words = words
        self._compiled = compiled
        self._left_before_compiled = compile_after
        # The recogniser asks about every candidate, and news repeats its names.
        self.knows = functools.lru_cache(maxsize=65536)(self._knows)

    @classmethod
    def build(cls, names: Iterable[str], demonyms: Iterable[str] = ()) -> NameFinder:
        """Compile the name keys (see :func:`~geomap.gazetteer.names.name_key`)
        of places, ``names``, and of peoples, ``demonyms`` ("iraqi"): both are found.

        >>> finder = NameFinder.build(["kyiv", "st. louis", "bay of bengal", "u.s"])
        >>> text = "From Kyiv's centre to St. Louis, the U.S. and the Bay of Bengal."
        >>> [text[start : ends[0]] for start, ends in sorted(finder.find(text).items())]
        ['Kyiv', 'St. Louis', 'U.S', 'Bay of Bengal']
        """
        return cls.from_words(finder_words(names, demonyms).items())

    @classmethod
    def from_words(cls, words: Iterable[tuple[str, int]]) -> NameFinder:
        """Compile the automaton of ``words``, pairs from :func:`finder_words`."""
        import ahocorasick

        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for word, value in words:
            automaton.add_word(word, value)
        automaton.make_automaton()
        return cls(automaton)

    def save_to(self, path: Path) -> NameFinder:
        """Write the compiled automaton of a finder made by :meth:`from_words`
        to ``path`` (atomically); return self."""
        tmp = Path(f"{path}.tmp{os.getpid()}")
        with tmp.open("wb") as stream:
            pickle.dump(self._words, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return self

    def use_compiled(self) -> None:
        """Load the compiled automaton now, if it is not yet searching (for a
        long run, or to time one)."""
        if self._compiled is not None:
            self._words, self._compiled = self._compiled(), None

    def expect(self, characters: int) -> None:
        """Texts of ``characters`` in all are to be searched: load the compiled
        automaton now if they would pay for it, rather than when the texts
        searched so far have."""
        if characters * STRETCHES_PER_CHARACTER > self._left_before_compiled:
            self.use_compiled()

    def find(self, text: str) -> dict[int, list[int]]:
        """Start offset → end offsets (exclusive, longest first) of every known
        name in ``text`` that starts with a capital at a word's start, or with
        an article before one ("al-Bab")."""
        # Only the runs of capitalised words are searched, joined by a barrier
        # (in no word, so no name spans two runs) into a string a fifth of the
        # text's length, folded; offsets are mapped back run by run.
        runs = [run.span() for run in _RUN.finditer(text)]
        if not runs:
            return {}
        articles = _articles(text)
        if articles:  # "al-Bab": the run starts at its article
            runs = [(articles.get(start, start), end) for start, end in runs]
        searched = fold_text(" " + _APART.join(text[start:end] for start, end in runs) + " ")
        if self._compiled is not None:
            # A long run of capitals (a list of names) costs the index more
            # than many articles do: the automaton searches it.
            self._left_before_compiled -= self._words.cost(searched)
            if self._left_before_compiled < 0:
                self.use_compiled()
        # Where each run starts in ``searched``, and what to add to an offset
        # there to make it one of ``text``.
        sizes = [end - start + len(_APART) for start, end in runs]
        placed = list(itertools.accumulate(sizes[:-1], initial=1))
        shifts = [start - at for (start, _), at in zip(runs, placed, strict=True)]
        found: dict[int, list[int]] = {}
        # A key " name " ends at the blank after the name: the name spans
        # [last - size + 2, last) in the searched string.
        for last, value in self._words.iter(searched):
            size = value >> 1
            begin = last - size + 2
            start = begin + shifts[bisect.bisect_right(placed, begin) - 1]
            if text[start].isupper() or _ARTICLED_AT.match(text, start):
                found.setdefault(start, []).append(start + size - 2)
        for ends in found.values():
            ends.sort(reverse=True)
        return found

    def _knows(self, key: str) -> bool:
        """True when the name key ``key`` names a place (up to the finder's
        folding: "st. louis" and "st louis" are one).

        >>> finder = NameFinder.build(["kyiv"], demonyms=["iraqi"])
        >>> finder.knows("kyiv"), finder.knows("iraqi"), finder.knows("lviv")
        (True, False, False)
        """
        return bool(self._words.get(f" {fold_text(key)} ", 0) & 1)


# How many stretches (see :func:`stretch_count`) news has per character.
STRETCHES_PER_CHARACTER = 0.063

# Between runs: a barrier that folding leaves alone and no word holds, between
# blanks, so that a name at a run's end or start is between blanks.
_BARRIER = "\uffff"
_APART = f" {_BARRIER} "


def load_compiled(path: Path):
    """The automaton that :meth:`NameFinder.save_to` wrote to ``path``."""
    with Path(path).open("rb") as stream:
        return pickle.load(stream)


def _articles(text: str) -> dict[int, int]:
    """Where a word behind an article and a dash starts → where its article
    starts ("al-Bab")."""
    found = {}
    for dash in _DASH_BEFORE_CAPITAL.finditer(text):
        # The article and the character before it, which must not be a letter.
        article = _ARTICLE_BEFORE.search(text, max(0, dash.start() - 4), dash.end())
        if article:
            found[dash.end()] = article.start()
    return found
