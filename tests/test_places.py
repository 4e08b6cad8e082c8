"""Recognition and resolution: the seed's places where they are, the
non-places absent, and other wars and spellings."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from geomap.mentions import Recogniser
from geomap.resolve import resolve
from geomap.testing import article


def places_of(doc, gazetteer):
    return {r.mention.surface: r.place for r in resolve(doc, Recogniser(gazetteer)(doc), gazetteer)}


def km(place, lat, lon):
    return geodesic((place.lat, place.lon), (lat, lon)).km


@pytest.mark.parametrize(
    ("surface", "lat", "lon", "within_km"),
    [
        ("Kyiv", 50.450, 30.524, 25),
        ("Abu Dhabi", 24.45, 54.38, 25),
        ("Donetsk", 48.0, 37.8, 100),
        ("Zaporizhzhia nuclear power plant", 47.51, 34.59, 10),
        ("Kursk", 51.6, 36.3, 100),
        ("Crimea", 45.3, 34.4, 100),
    ],
)
def test_seed_places_are_where_they_are(seed_result, surface, lat, lon, within_km):
    found = {r.mention.surface: r.place for r in seed_result.resolved}
    assert surface in found, sorted(found)
    assert km(found[surface], lat, lon) < within_km


def test_seed_places_have_the_right_kind(seed_result):
    found = {r.mention.surface: r.place for r in seed_result.resolved}
    # "the Donetsk region": the region word picks the oblast and stays out of the name.
    assert found["Donetsk"].kind == "admin1"
    assert found["Donetsk"].country_code == "UA"
    assert found["Kursk"].kind == "admin1"
    assert found["Kursk"].country_code == "RU"
    assert found["Crimea"].kind == "region"
    assert found["Donbas"].name == "Donbas"
    assert found["Washington"].admin1 == "District of Columbia"
    assert found["Turkey"].kind == "country"
    assert found["Zaporizhzhia nuclear power plant"].kind == "facility"
    assert found["KYIV"].name == "Kyiv"  # the dateline


@pytest.mark.parametrize(
    "not_a_place",
    [
        "Witkoff",
        "Umerov",
        "Dmitriev",
        "Zelenskiy",
        "Reuters",
        "Rosatom",
        "Thursday",
        "X",
        "RIA",
        "Trump",
        "Steve",
        "Kirill",
    ],
)
def test_seed_people_and_bodies_are_not_places(seed_result, not_a_place):
    assert not_a_place not in {r.mention.surface for r in seed_result.resolved}


def test_offsets_index_the_text(seed_result):
    text = seed_result.document.text
    assert seed_result.resolved
    for r in seed_result.resolved:
        assert text[r.mention.start : r.mention.end] == r.mention.surface


@pytest.mark.parametrize(
    ("text", "surface", "lat", "lon", "within_km"),
    [
        ("Drones hit Odessa overnight, officials in Ukraine said.", "Odessa", 46.48, 30.73, 25),
        ("Shelling continued near Artemovsk in eastern Ukraine.", "Artemovsk", 48.59, 38.0, 25),
        ("Missiles struck Kiev and Zaporozhye on Monday.", "Zaporozhye", 47.85, 35.12, 25),
        ("Missiles struck Kiev and Zaporozhye on Monday.", "Kiev", 50.45, 30.52, 25),
        (
            "Israeli air strikes hit Khan Younis in the southern Gaza Strip.",
            "Khan Younis",
            31.34,
            34.30,
            25,
        ),
        (
            "Israeli air strikes hit Khan Younis in the southern Gaza Strip.",
            "Gaza Strip",
            31.42,
            34.36,
            50,
        ),
        (
            "The RSF attacked El Fasher, the capital of North Darfur state, Sudan's army said.",
            "El Fasher",
            13.63,
            25.35,
            25,
        ),
        (
            "The junta bombed villages in Myanmar's Sagaing region.",
            "Sagaing",
            24.0,
            95.5,
            250,
        ),
        ("Fighting raged around Goma in eastern Congo.", "Goma", -1.68, 29.22, 25),
        ("Hamas gunmen attacked Kibbutz Be'eri on Saturday.", "Be'eri", 31.42, 34.49, 10),
        ("Residents fled Aleppo after shelling, Syrian monitors said.", "Aleppo", 36.2, 37.16, 25),
        (
            "A strike hit a school in Kharkiv Oblast, Ukrainian officials said.",
            "Kharkiv Oblast",
            49.5,
            36.5,
            150,
        ),
    ],
)
def test_other_wars_and_spellings(gazetteer, text, surface, lat, lon, within_km):
    found = places_of(article(text), gazetteer)
    assert surface in found, sorted(found)
    assert km(found[surface], lat, lon) < within_km


def test_context_picks_the_namesake(gazetteer):
    ukraine = places_of(article("Drones hit Odessa, Ukraine's port."), gazetteer)
    texas = places_of(article("A storm hit Odessa, Texas, on Monday."), gazetteer)
    assert ukraine["Odessa"].country_code == "UA"
    assert texas["Odessa"].country_code == "US"


@pytest.mark.parametrize(
    "text",
    [
        # GeoNames gives Engels (Saratov, 196,000 people) its old name Pokrovsk:
        # a town's own name beats a bigger city's former one, and the attackers'
        # demonym votes for no country.
        "Russian forces advanced to within 10 km of Pokrovsk.",
        "Russian forces advanced to within 10 km of Pokrovsk, the Ukrainian military said.",
    ],
)
def test_the_attackers_country_does_not_move_the_town_they_attack(gazetteer, text):
    pokrovsk = places_of(article(text), gazetteer)["Pokrovsk"]
    assert km(pokrovsk, 48.28, 37.18) < 15


def test_a_demonym_that_is_no_army_still_votes(gazetteer):
    text = "Russian officials said the talks in Pokrovsk had failed."
    found = places_of(article(text), gazetteer)
    assert found["Russian"].country_code == "RU"
    assert found["Pokrovsk"].country_code == "RU"


def test_saint_abbreviated_is_the_towns_own_name(gazetteer):
    # GeoNames lists "St Andrews" as an alternate name of Saint Andrews, Fife,
    # and as the own name of a suburb of Sydney a third its size.
    text = "Phillips O'Brien, a professor at the University of St Andrews, said so."
    assert km(places_of(article(text), gazetteer)["St Andrews"], 56.34, -2.80) < 10


def test_a_place_and_its_state_between_commas_is_an_address(gazetteer):
    found = places_of(article("Police in Lebanon, Pennsylvania, said the storm hit."), gazetteer)
    assert km(found["Lebanon"], 40.34, -76.41) < 15
    # a list of cities is no address, with or without its last comma
    listed = places_of(article("Strikes hit Kharkiv, Donetsk, and Luhansk."), gazetteer)
    assert km(listed["Kharkiv"], 49.99, 36.23) < 25


def test_bare_donetsk_in_a_text_about_ukraine_is_the_ukrainian_city(gazetteer):
    found = places_of(article("Ukraine said shelling hit Donetsk."), gazetteer)
    assert found["Donetsk"].country_code == "UA"
    assert found["Donetsk"].kind == "populated_place"


def test_people_titles_and_sentence_starts_are_not_places(gazetteer):
    found = places_of(
        article(
            "Police said President Putin met Mr Xi. Both sides said Nice was calm. "
            "Sale of arms to Jordan rose in May."
        ),
        gazetteer,
    )
    assert "Police" not in found and "Putin" not in found and "Sale" not in found
    assert "May" not in found and "Xi" not in found
    assert found["Nice"].country_code == "FR"
    assert found["Jordan"].kind == "country"


def test_memory_gazetteer_traps(memory_gazetteer):
    found = places_of(
        article(
            "Police in Washington said Zaporizhzhia and Turkey were discussed in Kiev with Ukraine."
        ),
        memory_gazetteer,
    )
    assert found["Zaporizhzhia"].id == "p:zap-city"
    assert found["Washington"].id == "p:dc"
    assert found["Turkey"].id == "c:TR"
    assert found["Kiev"].id == "p:kyiv"
    assert "Police" not in found


def test_geocode_cli_ranks_the_city_first(gazetteer):
    from geomap.geocoders import OfflineGeocoder

    best = OfflineGeocoder(gazetteer).geocode("Zaporozhye")
    assert best.raw["country_code"] == "UA"
    assert geodesic(best.point, (47.85, 35.12)).km < 25
    assert OfflineGeocoder(gazetteer).geocode("Nowhereville Qxz") is None


def test_a_list_of_regions_is_regions(gazetteer):
    found = places_of(
        article("Drones were downed over the Kharkiv, Sumy and Chernihiv regions."), gazetteer
    )
    assert {found[n].kind for n in ("Kharkiv", "Sumy", "Chernihiv")} == {"admin1"}


@pytest.mark.parametrize(
    "text",
    [
        "The situation along the entire Luhansk front is extremely difficult.",
        "Both sides lost men in the battle for the two Luhansk cities.",
        "If the city falls, the entire region of Luhansk could fall under Russian control.",
    ],
)
def test_a_front_a_plural_of_towns_and_the_region_of_are_the_region(gazetteer, text):
    luhansk = places_of(article(text), gazetteer)["Luhansk"]
    assert luhansk.kind == "admin1" and km(luhansk, 48.6, 39.3) < 150
    city = places_of(article("Shelling hit Luhansk on Monday."), gazetteer)["Luhansk"]
    assert city.kind == "populated_place"


@pytest.mark.parametrize(
    ("text", "surface", "lat", "lon", "kind"),
    [
        ("Flooding hit Kent on Monday.", "Kent", 51.2, 0.7, "admin2"),
        ("Wildfires spread in Orange County, California.", "Orange County", 33.7, -117.8, "admin2"),
        ("The flight from St. Louis landed late.", "St. Louis", 38.63, -90.2, "populated_place"),
        ("He met officials in Frederick, Maryland.", "Frederick", 39.41, -77.41, "populated_place"),
        ("A caption.\n\nRALEIGH, N.C. (AP) - A report shows", "RALEIGH", 35.78, -78.64, None),
        ("EU leaders met in Brussels.", "EU", 48.7, 9.1, "region"),
        ("Storms hit Georgia, and flights from Atlanta stopped.", "Georgia", 32.9, -83.3, "admin1"),
        ("Russian troops left Georgia in 2008, Tbilisi said.", "Georgia", 42.1, 43.5, "country"),
        ("The United States said so.", "United States", 39.83, -98.58, "country"),
        ("A forum met in Dar es Salaam, Tanzania.", "Dar es Salaam", -6.82, 39.27, None),
        ("Sub-Saharan Africa suffered most.", "Africa", 7.2, 21.1, "continent"),
        ("Storms hit New York on Monday.", "New York", 40.71, -74.0, "populated_place"),
    ],
)
def test_counties_saints_datelines_acronyms_and_namesakes(gazetteer, text, surface, lat, lon, kind):
    found = places_of(article(text), gazetteer)
    assert surface in found, sorted(found)
    assert km(found[surface], lat, lon) < 100
    assert kind is None or found[surface].kind == kind


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Paul said the town was quiet.", "Paul"),
        ("Gino D. Bassett was charged on Friday.", "Bassett"),
        ("Julia Peters, the clinical director, said so.", "Julia"),
        ("Dr. Moll thinks the patients caught it there.", "Moll"),
        ("Aberdeen University researchers met on Monday.", "Aberdeen"),
        ("The Marburg virus spread.", "Marburg"),
        ("Dewly Nelson, a councillor, said Nelson was wrong.", "Nelson"),
        ("Aid worth US$460 million arrived.", "US"),
        ("Troops entered Western Mosul.", "Western"),
    ],
)
def test_people_bodies_and_eponyms_are_not_places(gazetteer, text, not_a_place):
    assert not_a_place not in places_of(article(text), gazetteer)


def test_western_mosul_is_mosul(gazetteer):
    assert (
        places_of(article("Troops entered Western Mosul."), gazetteer)["Mosul"].country_code == "IQ"
    )


def test_region_words_and_plurals_stay_out_of_names(gazetteer):
    found = places_of(
        article("Iraqis fled the Anbar province; Iraqi forces held Nineveh Province."), gazetteer
    )
    # A region word picks the region and stays out of the name, capitalised or not.
    assert found["Anbar"].kind == "admin1"
    assert found["Nineveh"].kind == "admin1"
    assert "Iraqis" not in found  # people
    assert found["Iraqi"].country_code == "IQ"  # "Iraqi forces": the country


def test_a_repeated_name_does_not_outvote_the_others(gazetteer):
    text = "Santa Ana police said. Santa Ana residents fled. Santa Ana schools closed. " * 2
    found = places_of(article(text + "The city is in Orange County, California."), gazetteer)
    assert found["Santa Ana"].country_code == "US"


def test_state_abbreviations_need_their_full_stop(gazetteer):
    found = places_of(article("SPRINGFIELD, Ill. (AP) - Officials in Pa said so."), gazetteer)
    assert found["Ill."].name == "Illinois"
    assert found["SPRINGFIELD"].admin1 == "Illinois"
    assert "Pa" not in found


def test_a_first_name_after_in_is_a_town(gazetteer):
    assert "Chester" in places_of(article("Rain fell in Chester on Monday."), gazetteer)
    assert "Chester" not in places_of(article("Chester said no."), gazetteer)


def test_a_city_in_a_region_is_not_the_city_an_alternate_name_calls_so(gazetteer):
    # GeoNames lists "Donbas City" among Donetsk's names; "the Donbas city" is
    # a city in the Donbas. "Mexico city" is Mexico City's own name.
    doc = article("Ukraine regained 20% of the Donbas city. Protesters marched in Mexico city.")
    found = places_of(doc, gazetteer)
    assert found["Donbas"].name == "Donbas"
    assert "Donbas city" not in found
    assert km(found["Mexico city"], 19.43, -99.13) < 25
