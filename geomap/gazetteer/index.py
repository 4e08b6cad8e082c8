"""Read-only lookups: the gazetteer contract, the compiled index behind it, and
an in-memory one for tests and examples."""

from __future__ import annotations

import gc
import json
import marshal
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import fields, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Protocol

from ..errors import GazetteerError
from ..model import Candidate, Place
from .matcher import NameFinder, bounded_words, load_compiled, stretch_count
from .names import NameSets, fold_key, is_acronym, is_latin, name_key
from .vocabulary import CYRILLIC_COUNTRIES, SITE_KINDS, PlaceKind, PlaceRow, name_classes


def finder_path(index: Path) -> Path:
    """Where the compiled finder of the index at ``index`` lives: beside it."""
    return index.with_name(f"{index.stem}.names.pickle")


class Gazetteer(Protocol):
    """Everything geomap asks of a gazetteer."""

    names: NameSets
    capitals: frozenset[str]
    """Ids of the places that are their country's capital."""
    path: Path | None
    """The index file, which names the gazetteer's version; None when held in memory."""
    finder: NameFinder
    """Finds every known name in a text (the recogniser's candidates), and
    knows which name keys name a place."""

    def lookup(self, name: str, *, limit: int = 50) -> list[Candidate]:
        """Places whose name or alternate name has the key ``name_key(name)``;
        failing that, those of Cyrillic-script countries whose names meet it
        under :func:`~geomap.gazetteer.names.fold_key` (as alternate names)."""

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""

    def country(self, country_code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code, or None."""

    def capital(self, country_code: str) -> Place | None:
        """The country's capital city, or None."""


# How many stretches of text (see matcher.stretch_count) the name finder looks
# up in the index before it loads its compiled automaton: about where the two
# cost the same. Loading it takes ~0.3 s, and the index's lookups ~0.1 s per
# million characters of news more than the automaton's search; news has about
# 63,000 stretches per million characters (matcher.STRETCHES_PER_CHARACTER).
# So a build of a few articles never pays for the load, and a text of one long
# run of capitals is the automaton's; so are many articles known up front
# (NameFinder.expect).
COMPILED_FINDER_AFTER = 125_000


class _IndexedWords:
    """The name finder's words looked up in the index's ``finder`` table:
    answers as the compiled automaton's ``iter`` and ``get`` would."""

    def __init__(self, con: sqlite3.Connection, max_blanks: int) -> None:
        self._con = con
        self._max_blanks = max_blanks

    def iter(self, searched: str) -> list[tuple[int, int]]:
        """(end, value) of every finder word in ``searched``, in order."""
        ends = bounded_words(searched, self._max_blanks)
        rows = self._con.execute(
            "SELECT word, value FROM finder WHERE word IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ends)),),
        )
        return sorted((end, value) for word, value in rows for end in ends[word])

    def cost(self, searched: str) -> int:
        return stretch_count(searched, self._max_blanks)

    def get(self, word: str, default: int) -> int:
        row = self._con.execute("SELECT value FROM finder WHERE word = ?", (word,)).fetchone()
        return row[0] if row else default


# A place row's kind, by its stored value (a dict: calling the enum costs a
# microsecond, for each of the dozens of candidates a name's lookup returns).
_KINDS = {kind.value: kind for kind in PlaceKind}


def _place(row: PlaceRow | tuple) -> Place:
    (
        pid,
        name,
        kind,
        lat,
        lon,
        cc,
        admin1,
        admin1_code,
        pop,
        gid,
        admin2_code,
        minor,
        admin2,
        capital,
    ) = row
    kind = _KINDS[kind]
    return Place(
        id=pid,
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        country_code=cc,
        admin1=admin1,
        admin1_code=admin1_code,
        population=pop,
        geonameid=gid,
        geo_precision=1 if kind in SITE_KINDS else 3,
        admin2_code=admin2_code,
        minor=bool(minor),
        admin2=admin2,
        capital=bool(capital),
    )


class SqliteGazetteer:
    """The compiled offline gazetteer (see :mod:`geomap.gazetteer.build`)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        try:
            self._con = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            # Mapped pages make a first lookup of a name as cheap as a repeated one.
            self._con.execute("PRAGMA mmap_size = 268435456")
            meta = dict(self._con.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as err:
            raise GazetteerError(
                f"cannot open the gazetteer index {self.path} ({err}); "
                "delete it and run `geomap build` again to rebuild it"
            ) from err
        self.schema_version = int(meta["schema_version"])
        self._finder_blanks = int(meta["finder_blanks"])
        self.sources = json.loads(meta["sources"])
        # The meta table has one marshalled set (or dict) per field.
        self.names = NameSets(**{f.name: marshal.loads(meta[f.name]) for f in fields(NameSets)})
        # Countries and capitals are asked for once per article: held in dicts.
        # The condition is the partial index's, written out, so SQLite uses it.
        self._countries: dict[str, Place] = {}
        self._capitals: dict[str, Place] = {}
        for row in self._con.execute(
            "SELECT * FROM place INDEXED BY place_anchor "
            "WHERE kind = 'country' OR capital ORDER BY id"
        ):
            place = _place(row)
            table = self._countries if place.kind == PlaceKind.COUNTRY else self._capitals
            table.setdefault(place.country_code, place)
        self.capitals = frozenset(p.id for p in self._capitals.values())
        # The name sets hold a million strings and live as long as the process:
        # out of the garbage collector's sight, it stops walking them on every
        # full collection (that halved the first pass over a corpus).
        gc.freeze()
        self.lookup = lru_cache(maxsize=65536)(self._lookup)

    @cached_property
    def finder(self) -> NameFinder:
        """The name finder: its words looked up in the index at first, the
        compiled automaton stored beside the index once the texts searched
        pay for loading it (see :data:`COMPILED_FINDER_AFTER`)."""
        return NameFinder(
            _IndexedWords(self._con, self._finder_blanks),
            compiled=self._compiled_finder,
            compile_after=COMPILED_FINDER_AFTER,
        )

    def _compiled_finder(self):
        """The automaton stored beside the index (compiled now if missing)."""
        path = finder_path(self.path)
        if not path.exists():
            NameFinder.from_words(self._con.execute("SELECT word, value FROM finder")).save_to(path)
        return load_compiled(path)

    def _lookup(self, name: str, *, limit: int = 50) -> list[Candidate]:
        key = name_key(name)
        if key:
            rows = self._rows("candidates", key)
            if rows:
                return [Candidate(_place(r[:-1]), bool(r[-1])) for r in rows[:limit]]
        folded = fold_key(name)
        if folded not in self.names.folded:
            return []
        return [Candidate(_place(r[:-1]), False) for r in self._rows("folded", folded)[:limit]]

    def _rows(self, table: str, key: str) -> list[tuple]:
        row = self._con.execute(f"SELECT rows FROM {table} WHERE key = ?", (key,)).fetchone()
        return marshal.loads(row[0]) if row else []

    def get(self, place_id: str) -> Place | None:
        row = self._con.execute("SELECT * FROM place WHERE id = ?", (place_id,)).fetchone()
        return _place(row) if row else None

    def country(self, country_code: str) -> Place | None:
        """The country record for an ISO 3166-1 alpha-2 code."""
        return self._countries.get(country_code)

    def capital(self, country_code: str) -> Place | None:
        """The capital city of a country, when GeoNames names one."""
        return self._capitals.get(country_code)

    def close(self) -> None:
        self._con.close()


class MemoryGazetteer:
    """A gazetteer held in memory, for tests and examples.

    >>> from geomap.model import Place
    >>> g = MemoryGazetteer([(Place("t:1", "Kyiv", "populated_place", 50.45, 30.52, "UA",
    ...                             population=2952301), ["Kiev"])])
    >>> [c.place.name for c in g.lookup("Kiev")]
    ['Kyiv']
    """

    path = None

    def __init__(
        self,
        entries: Iterable[tuple[Place, Iterable[str]]],
        *,
        demonyms: dict[str, str] | None = None,
        common_words: Iterable[str] = (),
        first_names: Iterable[str] = (),
        capitals: Iterable[str] = (),
    ) -> None:
        self._places: dict[str, Place] = {}
        self._by_key: dict[str, list[Candidate]] = {}
        self._folded: dict[str, list[Candidate]] = {}
        acronyms = set()
        capitals = frozenset(capitals)
        for place, aliases in entries:
            if place.id in capitals:
                place = replace(place, capital=True)
            self._places[place.id] = place
            for number, name in enumerate([place.name, *aliases]):
                self._by_key.setdefault(name_key(name), []).append(Candidate(place, number == 0))
                if place.country_code in CYRILLIC_COUNTRIES:
                    self._folded.setdefault(fold_key(name), []).append(Candidate(place, False))
                if number and is_acronym(name):
                    acronyms.add(name_key(name))
        keys = frozenset(k for k in self._by_key if is_latin(k))
        demonyms = dict(demonyms or {})
        classes = name_classes(
            {
                k: [(c.place.kind, c.place.population, c.primary) for c in cs]
                for k, cs in self._by_key.items()
            }
        )
        self.names = NameSets(
            tail_words=frozenset(w for k in keys for w in k.split(" ")[1:]),
            folded=frozenset(self._folded),
            zone=frozenset(
                k
                for k, cs in self._by_key.items()
                if any(c.place.country_code in CYRILLIC_COUNTRIES for c in cs)
            )
            | frozenset(demonyms),
            demonyms=demonyms,
            common_words=frozenset(common_words),
            first_names=frozenset(name_key(n) for n in first_names),
            acronyms=frozenset(acronyms),
            abbreviations=frozenset(),
            **classes,
        )
        self.capitals = frozenset(capitals)
        self.finder = NameFinder.build(keys, demonyms)

    def lookup(self, name: str, *, limit: int = 50) -> list[Candidate]:
        found = self._by_key.get(name_key(name)) or self._folded.get(fold_key(name), [])
        return sorted(found, key=lambda c: (-c.place.population, c.place.id))[:limit]

    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def country(self, country_code: str) -> Place | None:
        return next(
            (
                p
                for p in self._places.values()
                if p.kind == PlaceKind.COUNTRY and p.country_code == country_code
            ),
            None,
        )

    def capital(self, country_code: str) -> Place | None:
        return next(
            (
                p
                for p in self._places.values()
                if p.id in self.capitals and p.country_code == country_code
            ),
            None,
        )
