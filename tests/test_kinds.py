"""Each event kind, and the helpers that place and date events, on the small
in-memory gazetteer (tests/data/gazetteer.csv): no compiled index needed."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.analysis import analyse
from geomap.events import taxonomy as t
from geomap.events.registry import BY_LAYER, KINDS
from geomap.layers import SCHEMAS
from geomap.testing import article

THURSDAY = "2026-02-05"


def events(memory_gazetteer, text, layer=None, date=THURSDAY):
    found = analyse(article(text, date=date), memory_gazetteer).events
    return [e for e in found if layer is None or e.layer == layer]


def one(memory_gazetteer, text, layer, date=THURSDAY):
    (event,) = events(memory_gazetteer, text, layer, date)
    return event


# -- the registry ------------------------------------------------------------------------


def test_every_acled_type_has_a_kind():
    declared = {pair for kind in KINDS for pair in kind.event_types}
    for event_type, subs in t.SUB_EVENT_TYPES.items():
        for sub in subs:
            if sub != t.OTHER:
                assert (event_type, sub) in declared, (event_type, sub)


def test_every_kind_has_a_layer_with_its_fields():
    for kind in KINDS:
        assert BY_LAYER[kind.layer] is kind
        for name, _ in kind.fields:
            assert name in SCHEMAS[kind.layer]


# -- strikes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Russian drones hit Odesa on Monday.", t.AIR_DRONE),
        ("Russian missiles struck Kharkiv on Monday.", t.SHELLING),
        ("Russian forces shelled Bakhmut overnight.", t.SHELLING),
        ("A roadside bomb exploded in Kherson on Monday.", t.REMOTE_EXPLOSIVE),
        ("Russian forces detonated a mine near Kherson on Monday.", t.REMOTE_EXPLOSIVE),
        ("A tractor ran over a mine near Izium on Monday, killing two.", t.REMOTE_EXPLOSIVE),
        ("A suicide bomber blew himself up in Khartoum on Monday.", t.SUICIDE_BOMB),
        ("A grenade was thrown at a checkpoint in Kherson, wounding two.", t.GRENADE),
        ("Troops used chlorine gas in an attack on Bakhmut.", t.CHEMICAL),
        ("A cruise missile airstrike hit Mykolaiv.", t.SHELLING),
    ],
)
def test_a_strike_is_coded_by_its_weapon(memory_gazetteer, text, sub):
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.event_type, strike.sub_event_type) == (t.EXPLOSIONS, sub)


@pytest.mark.parametrize(
    "text",
    [
        "Odesa, a port far from the front, was struck on Monday.",
        "A hospital in Kharkiv was hit again on Monday, the governor said.",
    ],
)
def test_a_place_that_was_struck_is_a_strike(memory_gazetteer, text):
    strike = one(memory_gazetteer, text, "strikes")
    assert strike.place.name in ("Odesa", "Kharkiv")
    assert strike.event_date == dt.date(2026, 2, 2)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Russian missiles hit Ukrainian cities on Monday, killing five people.", "Ukraine"),
        ("Ukrainian drones struck Russian territory on Monday.", "Russia"),
    ],
)
def test_a_strike_on_a_countrys_cities_is_in_that_country(memory_gazetteer, text, country):
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.place.name, strike.geo_precision) == (country, 3)
    assert strike.event_date == dt.date(2026, 2, 2)


def test_shelling_of_a_countrys_positions_is_not_placed_in_that_country(memory_gazetteer):
    text = "Ukrainian forces shelled Russian positions near Kherson on Monday."
    assert one(memory_gazetteer, text, "strikes").place.name == "Kherson"


def test_weapons_counted_in_one_list_are_one_wave(memory_gazetteer):
    text = "Russia launched 90 missiles and 100 drones at Kyiv on Monday."
    count = one(memory_gazetteer, text, "strikes").figures["weapon_count"]
    assert (count.value, count.text) == (190, "90 missiles and 100 drones")


def test_a_missile_that_was_intercepted_struck_nothing(memory_gazetteer):
    text = "Russia fired a ballistic missile at Odesa on Monday; it was intercepted."
    assert events(memory_gazetteer, text, "strikes") == []
    assert one(memory_gazetteer, text, "disrupted").place.name == "Odesa"


def test_the_weapons_shot_down_are_counted_not_those_launched(memory_gazetteer):
    text = "Russia launched 50 drones at Kyiv on Monday; 40 were shot down, the air force said."
    assert one(memory_gazetteer, text, "disrupted").figures["weapon_count"].value == 40


def test_a_supplied_weapon_that_is_fired_strikes(memory_gazetteer):
    text = "Ukraine fired US-made missiles at a depot near Moscow on Monday, Russia said."
    assert one(memory_gazetteer, text, "strikes").sub_event_type == t.SHELLING
    promised = "France promised to deliver more US-made missiles to Kyiv on Monday."
    assert events(memory_gazetteer, promised, "strikes") == []


def test_explosions_heard_while_air_defences_work_are_no_strike(memory_gazetteer):
    heard = "Explosions were heard in Kyiv on Monday as air defences engaged targets."
    assert events(memory_gazetteer, heard, "strikes") == []
    assert one(memory_gazetteer, heard, "disrupted").place.name == "Kyiv"
    hit = "Explosions were heard in Kyiv on Monday as air defences engaged; a missile hit a house."
    assert one(memory_gazetteer, hit, "strikes").place.name == "Kyiv"


def test_a_strike_on_three_towns_is_three_events(memory_gazetteer):
    found = events(
        memory_gazetteer, "Missiles hit Kharkiv, Odesa and Mykolaiv on Monday.", "strikes"
    )
    assert sorted(e.place.name for e in found) == ["Kharkiv", "Mykolaiv", "Odesa"]
    assert {e.event_date for e in found} == {dt.date(2026, 2, 2)}


def test_supplied_weapons_are_no_strike(memory_gazetteer):
    text = "France pledged more howitzers and missiles to Kyiv on Monday."
    assert events(memory_gazetteer, text, "strikes") == []


# -- the event's place -------------------------------------------------------------------


def test_an_adjective_of_origin_is_never_the_place(memory_gazetteer):
    strike = one(memory_gazetteer, "Kharkiv was shelled by Russian artillery on Monday.", "strikes")
    assert strike.place.name == "Kharkiv" and strike.actor1 == "Russia"


@pytest.mark.parametrize(
    "origin", ["Belarus", "Russia's Donetsk region", "Russian-occupied Donetsk", "occupied Donetsk"]
)
def test_where_a_weapon_came_from_is_not_the_place(memory_gazetteer, origin):
    text = f"Rockets fired from {origin} hit Kyiv on Monday."
    assert one(memory_gazetteer, text, "strikes").place.name == "Kyiv"


def test_a_capital_that_speaks_is_no_place(memory_gazetteer):
    text = "Moscow claimed its missiles struck Odesa on Monday."
    assert one(memory_gazetteer, text, "strikes").place.name == "Odesa"


def test_a_town_the_gazetteer_lacks_in_a_region_is_precision_two(memory_gazetteer):
    text = "Gunmen killed three villagers in Kabkabiya, Kharkiv Oblast, on Tuesday."
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.place.name, attack.geo_precision) == ("Kharkiv Oblast", 2)
    region = "Shelling hit the Kharkiv region on Tuesday."
    assert one(memory_gazetteer, region, "strikes").geo_precision == 3


def test_near_a_town_is_precision_two(memory_gazetteer):
    strike = one(memory_gazetteer, "Shelling hit villages near Bakhmut on Monday.", "strikes")
    assert (strike.place.name, strike.geo_precision) == ("Bakhmut", 2)
    km = one(memory_gazetteer, "Drones struck 20 km from Izium on Monday.", "strikes")
    assert (km.place.name, km.geo_precision) == ("Izium", 2)
    suburbs = "Warplanes struck the southern suburbs of Kyiv on Monday."
    assert one(memory_gazetteer, suburbs, "strikes").geo_precision == 2


def test_an_unnamed_village_in_a_region_is_precision_two(memory_gazetteer):
    text = "A village in the Kharkiv region was shelled on Monday."
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.place.kind, strike.geo_precision) == ("admin1", 2)


def test_a_region_named_with_a_town_qualifies_it(memory_gazetteer):
    text = "On 3 April 2023, Russian forces shelled Robotyne, Zaporizhzhia, wounding two civilians."
    strike = one(memory_gazetteer, text, "strikes", date="2023-04-05")
    assert strike.place.name == "Robotyne" and strike.geo_precision == 1
    assert (strike.event_date, strike.time_precision) == (dt.date(2023, 4, 3), 1)


def test_a_sentence_that_points_back_takes_the_previous_place(memory_gazetteer):
    text = "Missiles hit Kherson on Monday. Shelling resumed in the city on Tuesday."
    found = events(memory_gazetteer, text, "strikes")
    later = [e for e in found if e.event_date == dt.date(2026, 2, 3)]
    assert [(e.place.name, e.geo_precision) for e in later] == [("Kherson", 2)]


def test_a_possibility_is_no_event(memory_gazetteer):
    assert events(memory_gazetteer, "Russia could strike Kyiv with missiles.") == []
    assert events(memory_gazetteer, "Russia threatened to capture Kharkiv.", "control") == []
    foreseen = "Analysts say a Russian offensive on Kharkiv could come this summer."
    assert events(memory_gazetteer, foreseen) == []


def test_a_day_after_is_the_day_before_the_date_it_hangs_from(memory_gazetteer):
    text = (
        "Russia said on Friday it had struck a port near Odesa, a day after Ukrainian "
        "drones hit Kherson."
    )
    found = {e.place.name: e.event_date for e in events(memory_gazetteer, text, "strikes")}
    assert found["Kherson"] == dt.date(2026, 1, 29)  # the Thursday before Friday 30 January


def test_a_sentence_that_names_no_place_goes_on_in_the_region_or_country_before(
    memory_gazetteer,
):
    # Not at the town the rest of the article names most, in another country.
    text = (
        "Jihadists killed 50 soldiers in an attack on an army post in northern Sudan on "
        "Saturday. Residents said the assailants also executed a dozen civilians around "
        "the town. In neighbouring Russia, drones struck Moscow on Sunday, and Russian "
        "officials in Moscow said more drones hit Moscow overnight."
    )
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.place.name, attack.geo_precision) == ("Sudan", 3)
    assert attack.event_date == dt.date(2026, 1, 31)


def test_a_death_at_a_town_of_the_region_struck_is_that_strike_there(memory_gazetteer):
    text = (
        "In the Zaporizhzhia region, Russian troops launched 390 strikes on 10 settlements "
        "on Monday. A 72-year-old woman was killed in Robotyne."
    )
    (strike,) = events(memory_gazetteer, text, "strikes")
    assert (strike.place.name, strike.actor1) == ("Robotyne", "Russia")
    assert strike.event_date == dt.date(2026, 2, 2) and strike.figures["fatalities"].value == 1
    assert events(memory_gazetteer, text, "casualties") == []


def test_weapons_launched_from_listed_regions_are_downed_where_they_flew(memory_gazetteer):
    text = (
        "Ukraine's air force said it downed 45 of 61 drones launched overnight from "
        "Russia's Kharkiv and Donetsk regions."
    )
    downed = one(memory_gazetteer, text, "disrupted")
    assert downed.place.name == "Ukraine" and downed.actor1 == "Ukraine"


def test_a_possibility_ends_with_its_clause(memory_gazetteer):
    text = (
        "Negotiators met in Istanbul on Friday to discuss a ceasefire, while protesters "
        "in Kyiv demanded a deal."
    )
    (protest,) = events(memory_gazetteer, text, "protests")
    assert protest.place.name == "Kyiv"
    after = "Russia could strike Kyiv, while drones hit Odesa on Monday."
    assert [e.place.name for e in events(memory_gazetteer, after, "strikes")] == ["Odesa"]


def test_a_capital_after_in_is_where_not_who(memory_gazetteer):
    # "Kyiv demanded" alone is the government; "protesters in Kyiv" are in the city.
    text = "Protesters in Kyiv demanded a deal on Friday."
    assert one(memory_gazetteer, text, "protests").place.name == "Kyiv"


@pytest.mark.parametrize(
    "text",
    ["In 1945 Soviet troops captured Kyiv.", "The film depicts the 1982 siege of Kharkiv."],
)
def test_history_is_no_event(memory_gazetteer, text):
    assert events(memory_gazetteer, text) == []


def test_a_capture_completed_is_a_capture(memory_gazetteer):
    text = "On 20 May 2023, Russian forces completed the capture of Bakhmut."
    taken = one(memory_gazetteer, text, "control")
    assert (taken.place.name, taken.event_date) == ("Bakhmut", dt.date(2023, 5, 20))
    assert events(memory_gazetteer, "The capture of Bakhmut is Moscow's objective.") == []


def test_the_next_day_follows_the_day_stated_before(memory_gazetteer):
    text = "On 26 January 2023, Russian missiles struck Kyiv. The next day, drones hit Odesa."
    odesa = next(e for e in events(memory_gazetteer, text, "strikes") if e.place.name == "Odesa")
    assert (odesa.event_date, odesa.time_precision) == (dt.date(2023, 1, 27), 1)
    alone = one(memory_gazetteer, "The next day, drones hit Odesa.", "strikes")
    assert alone.time_precision == 2  # no day before it: the article's week


def test_a_year_beside_a_day_leaves_the_day(memory_gazetteer):
    text = "Russian forces shelled Kherson on 3 April 2023, the worst attack since 2022."
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.event_date, strike.time_precision) == (dt.date(2023, 4, 3), 1)


# -- battles and control -------------------------------------------------------------------


def test_fighters_who_attack_a_village_and_kill_only_civilians_fought_no_battle(
    memory_gazetteer,
):
    text = "RSF fighters attacked the village of El Fasher on Monday, killing 12 civilians."
    assert events(memory_gazetteer, text, "battles") == []
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.sub_event_type, attack.place.name) == (t.ATTACK, "El Fasher")
    both = "RSF fighters attacked El Fasher on Monday, killing 12 civilians and three soldiers."
    assert one(memory_gazetteer, both, "battles").sub_event_type == t.ARMED_CLASH


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Russia and Ukraine exchanged 390 prisoners each in Belarus on Monday.", "Belarus"),
        ("Ukraine and Russia swapped 84 prisoners of war on Monday, Kyiv said.", "Ukraine"),
    ],
)
def test_a_swap_is_where_it_took_place_not_where_it_was_told(memory_gazetteer, text, where):
    swap = one(memory_gazetteer, text, "exchanges")
    assert (swap.place.name, swap.event_date) == (where, dt.date(2026, 2, 2))


def test_arrests_across_a_region_are_placed_in_it(memory_gazetteer):
    text = "Israeli forces arrested 25 Palestinians in overnight raids across the West Bank."
    arrests = one(memory_gazetteer, text, "arrests")
    assert (arrests.place.name, arrests.geo_precision) == ("West Bank", 3)


def test_homes_torched_by_armed_men_are_property_destruction(memory_gazetteer):
    text = "Settlers attacked the village of Jenin on Monday, torching homes and cars."
    assert one(memory_gazetteer, text, "developments").sub_event_type == t.LOOTING


def test_a_clash_said_to_be_in_a_country_is_placed_there(memory_gazetteer):
    text = "Jihadists killed 15 soldiers in an attack on an army post in northern Sudan on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.place.name, clash.geo_precision) == ("Sudan", 3)
    assert clash.figures["fatalities"].value == 15


def test_fighting_is_an_armed_clash(memory_gazetteer):
    clash = one(memory_gazetteer, "Heavy fighting continued around Bakhmut on Tuesday.", "battles")
    assert (clash.event_type, clash.sub_event_type) == (t.BATTLES, t.ARMED_CLASH)
    assert clash.place.name == "Bakhmut" and clash.event_date == dt.date(2026, 2, 3)


@pytest.mark.parametrize(
    ("text", "sub", "taken_by", "taken_from"),
    [
        ("Russian forces captured Soledar on Monday.", t.NON_STATE_OVERTAKES, "Russia", "Ukraine"),
        ("Ukrainian forces recaptured Izium on Monday.", t.GOVERNMENT_REGAINS, "Ukraine", None),
        ("Soledar fell to Russian forces on Monday.", t.NON_STATE_OVERTAKES, "Russia", "Ukraine"),
        ("Ukraine said it had withdrawn from Soledar.", t.NON_STATE_OVERTAKES, None, "Ukraine"),
        ("Ukraine lost control of Soledar on Monday.", t.NON_STATE_OVERTAKES, None, "Ukraine"),
        # an invader's loss is the country's own forces' gain
        ("Russian troops lost control of Izium.", t.GOVERNMENT_REGAINS, "Ukraine", "Russia"),
        ("Russian forces withdrew from Izium.", t.GOVERNMENT_REGAINS, "Ukraine", "Russia"),
        ("Russian forces took Soledar on Monday.", t.NON_STATE_OVERTAKES, "Russia", "Ukraine"),
        (
            "Russian troops have taken the town of Soledar.",
            t.NON_STATE_OVERTAKES,
            "Russia",
            "Ukraine",
        ),
        ("Ukrainian forces took back Izium on Monday.", t.GOVERNMENT_REGAINS, "Ukraine", None),
    ],
)
def test_control_says_who_took_the_place_from_whom(
    memory_gazetteer, text, sub, taken_by, taken_from
):
    text = f"{text} Ukraine said so."
    change = one(memory_gazetteer, text, "control")
    assert (change.event_type, change.sub_event_type) == (t.BATTLES, sub)
    assert change.details.get("taken_by") == taken_by
    assert change.details.get("taken_from") == taken_from
    assert change.place.name in ("Soledar", "Izium")


def test_a_country_that_says_its_forces_acted_is_the_actor(memory_gazetteer):
    text = "Russia's defence ministry said its forces had captured Soledar on Monday."
    assert one(memory_gazetteer, text, "control").details["taken_by"] == "Russia"


def test_an_armed_group_overtakes_territory(memory_gazetteer):
    change = one(memory_gazetteer, "The RSF took control of El Fasher on Sunday.", "control")
    assert change.sub_event_type == t.NON_STATE_OVERTAKES and change.actor1 == "RSF"


def test_a_handover_is_a_non_violent_transfer(memory_gazetteer):
    change = one(memory_gazetteer, "The army handed over control of Khartoum on Monday.", "control")
    assert (change.event_type, change.sub_event_type) == (t.STRATEGIC, t.NON_VIOLENT_TRANSFER)


def test_a_base_handed_over_goes_to_whom_it_was_handed(memory_gazetteer):
    text = (
        "French troops withdrew from their base near Khartoum on Monday, handing it over "
        "to the Sudanese army."
    )
    change = one(memory_gazetteer, text, "control")
    assert (change.sub_event_type, change.actor1, change.actor2) == (
        t.NON_VIOLENT_TRANSFER,
        "Sudan",
        "France",
    )


def test_a_landmine_defused_is_a_weapon_disrupted(memory_gazetteer):
    text = "On Monday, army engineers defused a landmine near Kherson."
    assert one(memory_gazetteer, text, "disrupted").place.name == "Kherson"


def test_the_sides_of_a_passive_clash_and_of_soldiers_killed(memory_gazetteer):
    passive = "Ukrainian positions near Bakhmut were attacked by Russian forces on Monday."
    clash = one(memory_gazetteer, passive, "battles")
    assert clash.place.name == "Bakhmut" and clash.actor1 == "Russia"
    assert clash.actor2 != "Russia"
    killed = "Ukraine said its forces killed 40 Russian soldiers near Bakhmut on Monday."
    clash = one(memory_gazetteer, killed, "battles")
    assert (clash.actor1, clash.actor2) == ("Ukraine", "Russia")
    assert clash.figures["fatalities"].value == 40
    # the victims' demonym is not who struck
    strike = "Russian troops killed two Ukrainian soldiers in a drone strike near Izium on Monday."
    assert one(memory_gazetteer, strike, "strikes").actor1 == "Russia"


def test_the_articles_country_is_where_its_places_are_not_whose_forces_act(memory_gazetteer):
    text = (
        "Russian drones struck Khartoum on Sunday. Russian forces also shelled the outskirts "
        "of Khartoum, Russian media reported. More than 2,000 people have been killed "
        "since the war began."
    )
    toll = one(memory_gazetteer, text, "casualties")
    assert toll.place.name == "Sudan" and toll.geo_precision == 3


def test_a_toll_is_placed_where_the_victims_fell_not_by_whose_they_are(memory_gazetteer):
    text = "Two Ukrainian soldiers were wounded in shelling in Kherson on Monday."
    assert one(memory_gazetteer, text, "casualties").place.name == "Kherson"
    war = "About 55,000 Ukrainian soldiers have been killed in the war, Zelenskiy said."
    assert one(memory_gazetteer, war, "casualties").place.name == "Ukraine"


# -- civilians, protests, riots --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Soldiers executed five civilians in Bakhmut on Monday.", t.ATTACK),
        ("Gunmen abducted a priest in Kherson on Monday.", t.ABDUCTION),
        ("Soldiers raped women in Kherson, investigators said.", t.SEXUAL_VIOLENCE),
    ],
)
def test_violence_against_civilians(memory_gazetteer, text, sub):
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.event_type, attack.sub_event_type) == (t.VIOLENCE_AGAINST_CIVILIANS, sub)
    assert attack.details["civilian_targeting"] == "Civilian targeting"


def test_civilians_killed_by_a_strike_stay_a_strike(memory_gazetteer):
    text = "A missile strike on Odesa killed five civilians on Monday."
    assert events(memory_gazetteer, text, "civilians") == []
    assert one(memory_gazetteer, text, "strikes").figures["fatalities"].value == 5


@pytest.mark.parametrize(
    ("text", "layer", "sub"),
    [
        ("Thousands protested in Paris on Saturday.", "protests", t.PEACEFUL_PROTEST),
        (
            "About 200 people gathered in Kyiv to demand the release of prisoners of war.",
            "protests",
            t.PEACEFUL_PROTEST,
        ),
        ("Police fired tear gas at protesters in Paris.", "protests", t.PROTEST_WITH_INTERVENTION),
        ("Security forces shot dead 12 protesters in Khartoum.", "protests", t.EXCESSIVE_FORCE),
        ("Rioters torched cars in Lyon on Friday.", "riots", t.VIOLENT_DEMONSTRATION),
        ("A mob lynched a man in Khartoum on Friday.", "riots", t.MOB_VIOLENCE),
    ],
)
def test_protests_and_riots(memory_gazetteer, text, layer, sub):
    event = one(memory_gazetteer, text, layer)
    assert event.sub_event_type == sub
    assert event.event_type == (t.PROTESTS if layer == "protests" else t.RIOTS)


@pytest.mark.parametrize(
    "text",
    [
        "Relatives gathered in Kyiv on Monday for the funeral.",
        "Officials gathered in Kyiv on Monday to discuss reconstruction.",
        "The coal mine near Bakhmut was flooded on Monday.",
        "That house in Kharkiv is mine, she said.",
    ],
)
def test_a_gathering_or_a_mine_alone_is_no_event(memory_gazetteer, text):
    assert events(memory_gazetteer, text) == []


def test_a_crowd_storming_or_clashing_fights_no_battle(memory_gazetteer):
    for text in (
        "Protesters stormed the parliament building in Khartoum as police opened fire.",
        "Demonstrators clashed with police in Paris on Monday.",
    ):
        assert events(memory_gazetteer, text, "battles") == []
        assert one(memory_gazetteer, text, "riots").sub_event_type == t.VIOLENT_DEMONSTRATION


def test_abductions_by_unknown_assailants_and_captives_rescued(memory_gazetteer):
    taken = "Unknown assailants abducted 20 passengers from a bus near Khartoum on Monday."
    assert one(memory_gazetteer, taken, "civilians").sub_event_type == t.ABDUCTION
    rescued = "Troops rescued 50 kidnapped students near Khartoum on Monday."
    assert events(memory_gazetteer, rescued, "civilians") == []


def test_devices_that_explode_are_remote_explosives_but_a_car_on_fire_is_not(memory_gazetteer):
    pagers = "Pagers used by militia members exploded across Sudan on Monday, killing 12 people."
    assert one(memory_gazetteer, pagers, "strikes").sub_event_type == t.REMOTE_EXPLOSIVE
    car = "A car exploded in Lyon on Monday after an engine fire."
    assert events(memory_gazetteer, car, "strikes") == []


def test_a_mob_or_a_crowd_that_kills_or_loots_is_one_riot(memory_gazetteer):
    lynching = "A mob lynched a man accused of blasphemy in Khartoum on Friday."
    assert [e.layer for e in events(memory_gazetteer, lynching)] == ["riots"]
    looting = "Demonstrators set fire to cars and looted shops in Lyon on Friday."
    assert [e.layer for e in events(memory_gazetteer, looting)] == ["riots"]


def test_force_on_a_crowd_is_an_intervention_and_force_by_it_a_riot(memory_gazetteer):
    on_crowd = "Security forces attacked protesters in Khartoum on Monday."
    assert one(memory_gazetteer, on_crowd, "protests").sub_event_type == (
        t.PROTEST_WITH_INTERVENTION
    )
    by_crowd = "Protesters attacked police officers in Khartoum on Monday."
    assert [(e.layer, e.sub_event_type) for e in events(memory_gazetteer, by_crowd)] == [
        ("riots", t.VIOLENT_DEMONSTRATION)
    ]


def test_a_protest_whose_crowd_then_throws_stones_is_a_riot(memory_gazetteer):
    text = (
        "Hundreds of protesters gathered outside the embassy in Kyiv on Saturday. "
        "Some threw stones and set tyres on fire, and police fired tear gas."
    )
    found = events(memory_gazetteer, text)
    assert [(e.layer, e.sub_event_type, e.place.name) for e in found] == [
        ("riots", t.VIOLENT_DEMONSTRATION, "Kyiv")
    ]


def test_tear_gas_in_the_next_sentence_is_an_intervention_on_the_protest(memory_gazetteer):
    text = "Hundreds of people demonstrated in Paris on Monday. Police fired tear gas."
    assert one(memory_gazetteer, text, "protests").sub_event_type == t.PROTEST_WITH_INTERVENTION
    calm = "Hundreds of people demonstrated in Paris on Monday. Police watched."
    assert one(memory_gazetteer, calm, "protests").sub_event_type == t.PEACEFUL_PROTEST


def test_a_protest_burning_tyres_and_throwing_stones_is_a_riot(memory_gazetteer):
    text = "Residents protested in Lyon on Monday, burning tyres and throwing stones at police."
    assert [(e.layer, e.sub_event_type) for e in events(memory_gazetteer, text)] == [
        ("riots", t.VIOLENT_DEMONSTRATION)
    ]


def test_a_road_named_after_two_towns_is_not_in_the_first(memory_gazetteer):
    near = "Gunmen abducted 12 passengers on the Kharkiv-Izium highway near Izium on Monday."
    abduction = one(memory_gazetteer, near, "civilians")
    assert (abduction.place.name, abduction.geo_precision) == ("Izium", 2)
    road = "Russian drones hit a truck on the Kharkiv-Izium road on Monday."
    strike = one(memory_gazetteer, road, "strikes")
    assert (strike.place.name, strike.geo_precision) == ("Kharkiv", 2)


def test_armed_men_ambushing_a_bus_attack_civilians_unless_it_carries_soldiers(
    memory_gazetteer,
):
    bus = "Gunmen ambushed a bus near Khartoum on Monday, killing three people."
    attack = one(memory_gazetteer, bus, "civilians")
    assert (attack.sub_event_type, attack.figures["fatalities"].value) == (t.ATTACK, 3)
    assert events(memory_gazetteer, bus, "battles") == []
    troops = "Gunmen ambushed a bus carrying soldiers near Khartoum on Monday."
    assert [e.layer for e in events(memory_gazetteer, troops)] == ["battles"]


def test_forces_firing_on_a_crowd_attack_civilians_but_on_protesters_use_excessive_force(
    memory_gazetteer,
):
    aid = "Two civilians were killed when troops fired on a crowd waiting for aid in Khartoum."
    assert [(e.layer, e.sub_event_type) for e in events(memory_gazetteer, aid)] == [
        ("civilians", t.ATTACK)
    ]
    protest = "Russian troops shot dead 12 protesters in Kharkiv on Monday."
    (event,) = events(memory_gazetteer, protest)
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        t.EXCESSIVE_FORCE,
        "Russia",
        "Protesters",
    )


def test_a_vigil_for_the_killed_is_a_peaceful_protest(memory_gazetteer):
    text = "About 200 people gathered in Moscow to hold a vigil for soldiers killed in Bakhmut."
    assert one(memory_gazetteer, text, "protests").sub_event_type == t.PEACEFUL_PROTEST


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        ("Russian forces captured the town of Zolochiv in Kharkiv Oblast on Monday.", "control"),
        ("Russian artillery shelled Kharkiv Oblast's Bohodukhiv district on Monday.", "strikes"),
    ],
)
def test_a_town_the_gazetteer_lacks_puts_its_event_in_the_region_at_precision_2(
    memory_gazetteer, text, layer
):
    event = one(memory_gazetteer, text, layer)
    assert (event.place.name, event.geo_precision) == ("Kharkiv Oblast", 2)


def test_talks_that_collapsed_agreed_nothing(memory_gazetteer):
    assert events(memory_gazetteer, "Talks between the two sides in Istanbul collapsed.") == []
    held = "Talks between the two sides were held in Istanbul on Monday."
    assert one(memory_gazetteer, held, "talks").place.name == "Istanbul"


def test_armed_men_killing_a_villages_people_attack_civilians_not_fight(memory_gazetteer):
    people = (
        "Fighters attacked a village in Sudan's western Darfur on Monday, killing at least "
        "40 people."
    )
    (attack,) = events(memory_gazetteer, people)
    assert (attack.sub_event_type, attack.place.name, attack.geo_precision) == (
        t.ATTACK,
        "Darfur",
        2,  # a village there, not named
    )
    soldiers = "Fighters attacked the town of El Fasher, killing 40 people, including soldiers."
    assert [e.layer for e in events(memory_gazetteer, soldiers)] == ["battles"]


def test_the_datelines_country_is_not_who_acted(memory_gazetteer):
    text = "KHARTOUM, Sudan (AP) — Gunmen shot dead five villagers in El Fasher on Monday."
    assert one(memory_gazetteer, text, "civilians").actor1 != "Sudan"


def test_the_area_a_town_is_described_in_is_not_the_events_place(memory_gazetteer):
    text = (
        "El Fasher, the last major city in Darfur still held by the army, came under "
        "shelling on Monday."
    )
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.place.name, strike.geo_precision) == ("El Fasher", 1)


def test_strikes_that_hit_named_towns_are_strikes_there_but_labour_strikes_are_not(
    memory_gazetteer,
):
    towns = "The strikes hit the towns of Kherson and Mykolaiv on Monday."
    assert [e.place.name for e in events(memory_gazetteer, towns, "strikes")] == [
        "Kherson",
        "Mykolaiv",
    ]
    assert events(memory_gazetteer, "A wave of strikes hit Paris transport on Monday.") == []


def test_a_funeral_for_one_killed_in_a_strike_is_no_strike_and_no_force(memory_gazetteer):
    text = (
        "Thousands of people marched in Kyiv on Monday at the funeral of a commander "
        "killed in a strike last week."
    )
    assert [(e.layer, e.sub_event_type) for e in events(memory_gazetteer, text)] == [
        ("protests", t.PEACEFUL_PROTEST)
    ]


def test_who_backs_a_group_is_not_who_acts(memory_gazetteer):
    text = "Rebels backed by Russia seized the town of Izium on Thursday."
    assert one(memory_gazetteer, text, "control").actor1 == "rebels"


def test_sniper_fire_is_a_clash_on_soldiers_and_an_attack_on_civilians(memory_gazetteer):
    soldier = "A Ukrainian soldier was killed by a Russian sniper near Kherson on Monday."
    clash = one(memory_gazetteer, soldier, "battles")
    assert (clash.place.name, clash.sub_event_type) == ("Kherson", t.ARMED_CLASH)
    assert (clash.actor1, clash.actor2) == ("Russia", "Ukraine")  # the sniper's side first
    assert clash.figures["fatalities"].value == 1
    civilian = "A woman was shot dead by a Russian sniper in Kherson on Tuesday."
    attack = one(memory_gazetteer, civilian, "civilians")
    assert (attack.sub_event_type, attack.actor1) == (t.ATTACK, "Russia")
    assert attack.figures["fatalities"].value == 1
    assert events(memory_gazetteer, civilian, "battles") == []


def test_an_assault_that_kills_only_residents_is_an_attack_not_a_clash(memory_gazetteer):
    stormed = "Gunmen stormed the town of Izium overnight, killing 15 residents."
    attack = one(memory_gazetteer, stormed, "civilians")
    assert (attack.sub_event_type, attack.actor1) == (t.ATTACK, "gunmen")
    assert attack.figures["fatalities"].value == 15
    assert events(memory_gazetteer, stormed, "battles") == []
    # men in arms fell too: a clash
    base = "Militants stormed a military base near Izium, killing 15 soldiers."
    assert one(memory_gazetteer, base, "battles").figures["fatalities"].value == 15


def test_a_toll_is_the_whole_not_the_part_it_includes(memory_gazetteer):
    strike = (
        "At least 12 people, including three children, were killed when a Russian missile "
        "struck Kharkiv on Monday."
    )
    killed = one(memory_gazetteer, strike, "strikes").figures["fatalities"]
    assert (killed.value, killed.hedge) == (12, "at least")
    war = "More than 500 people, including 120 children, have been killed in Sudan, officials said."
    assert one(memory_gazetteer, war, "casualties").figures["toll"].value == 500


def test_gangs_that_kill_people_in_an_attack_on_a_town_attack_civilians(memory_gazetteer):
    text = "Gang members killed at least 70 people in an attack on the town of Kherson."
    assert [(e.layer, e.actor1) for e in events(memory_gazetteer, text)] == [("civilians", "gangs")]
    chief = "Armed men killed a village chief near Khartoum on Monday."
    assert one(memory_gazetteer, chief, "civilians").figures["fatalities"].value == 1


def test_civilians_killed_in_fighting_are_the_clashs_dead(memory_gazetteer):
    text = "Fighting between the army and the RSF in Khartoum killed 15 civilians on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert clash.figures["fatalities"].value == 15
    assert events(memory_gazetteer, text, "civilians") == []


def test_executions_count_their_dead_and_name_their_killers(memory_gazetteer):
    text = "Bandits executed five villagers near Khartoum on Tuesday, witnesses said."
    attack = one(memory_gazetteer, text, "civilians")
    assert attack.actor1 == "bandits" and attack.figures["fatalities"].value == 5


def test_hostages_taken_are_an_abduction(memory_gazetteer):
    for text in (
        "Gunmen took 20 passengers hostage near Khartoum on Sunday.",
        "Militants seized dozens of hostages in Izium on Monday.",
    ):
        abduction = one(memory_gazetteer, text, "civilians")
        assert abduction.sub_event_type == t.ABDUCTION, text
        assert abduction.actor1 in ("gunmen", "militants")


def test_captured_servicemen_in_a_protests_cause_take_no_town(memory_gazetteer):
    text = "Residents of Kherson held a rally demanding the return of captured servicemen."
    assert [e.layer for e in events(memory_gazetteer, text)] == ["protests"]


def test_the_army_that_said_it_fought_is_the_countrys(memory_gazetteer):
    text = "KHARTOUM (AP) - The army said it had repelled an RSF attack on Khartoum on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2) == ("Sudan", "RSF")


def test_an_attack_on_a_police_station_is_a_clash_of_the_group_named(memory_gazetteer):
    text = (
        "Fighters of the Arakan Army said they had attacked a police station in Kherson, "
        "near the border with Russia, on Monday, killing three policemen."
    )
    clash = one(memory_gazetteer, text, "battles")
    assert clash.place.name == "Kherson" and clash.actor1 == "Arakan Army"
    assert clash.actor2 != "Russia"  # a border's country is where, not who
    assert clash.figures["fatalities"].value == 3


# -- strategic developments ------------------------------------------------------------------


def test_talks_at_their_venue(memory_gazetteer):
    talks = one(memory_gazetteer, "Ukraine and Russia held talks in Istanbul on Monday.", "talks")
    assert talks.place.name == "Istanbul" and talks.sub_event_type == t.AGREEMENT
    assert talks.details["parties"] == "Ukraine, Russia"
    truce = "Sudan's army and the RSF agreed to a ceasefire in talks in Istanbul on Monday."
    assert one(memory_gazetteer, truce, "talks").details["parties"] == "Sudan, RSF"


def test_a_bloc_summit_is_no_agreement(memory_gazetteer):
    assert (
        events(memory_gazetteer, "Leaders met at the G7 summit in Paris on Monday.", "talks") == []
    )


def test_drones_shot_down(memory_gazetteer):
    shot = one(
        memory_gazetteer, "Air defences shot down 20 drones over Kyiv overnight.", "disrupted"
    )
    assert (shot.event_type, shot.sub_event_type) == (t.STRATEGIC, t.DISRUPTED)
    assert shot.figures["weapon_count"].value == 20 and shot.place.name == "Kyiv"


def test_arrests(memory_gazetteer):
    arrest = one(memory_gazetteer, "Police arrested 15 people in Moscow on Sunday.", "arrests")
    assert arrest.sub_event_type == t.ARRESTS and arrest.figures["arrested"].value == 15
    critic = "Security services detained a blogger in Moscow for a Telegram post."
    assert one(memory_gazetteer, critic, "arrests").place.name == "Moscow"
    blotter = "A man was arrested in Lyon after his pickup truck was pulled over."
    assert events(memory_gazetteer, blotter, "arrests") == []  # a crime's, not ACLED's


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Fighters looted shops in Khartoum on Monday.", t.LOOTING),
        ("The militia set up a new base in El Fasher.", t.HEADQUARTERS),
    ],
)
def test_other_developments(memory_gazetteer, text, sub):
    assert one(memory_gazetteer, text, "developments").sub_event_type == sub


# -- claims -----------------------------------------------------------------------------------


def test_a_share_of_casualties_is_no_occupation(memory_gazetteer):
    text = "Drones account for 70% of Russian casualties in Ukraine, officials said."
    assert events(memory_gazetteer, text, "occupation") == []


def test_an_area_held_is_a_claim_of_the_region_not_its_owner(memory_gazetteer):
    text = "Russia says it controls about 8,000 square kilometres of Ukraine's Zaporizhzhia region."
    claim = one(memory_gazetteer, text, "occupation")
    assert (claim.place.name, claim.sub_event_type, claim.actor1) == (
        "Zaporizhzhia Oblast",
        "occupied",
        "Russia",
    )
    area = claim.figures["claimed_area_km2"]
    assert (area.value, area.hedge) == (8000, "about")
    gained = "Russian forces captured 1,500 sq miles of Ukraine in 2024, analysts said."
    claim = one(memory_gazetteer, gained, "occupation")
    assert claim.sub_event_type == "gained"
    assert claim.figures["claimed_area_km2"].value == pytest.approx(3885, abs=1)
    size = "The capture of Kherson, a city smaller than 5.5 sq miles, would not end the war."
    assert events(memory_gazetteer, size, "occupation") == []


def test_a_share_of_a_town_is_kept_with_its_place(memory_gazetteer):
    claim = one(memory_gazetteer, "Russia controls 70% of Bakhmut, officials said.", "occupation")
    assert claim.place.name == "Bakhmut" and claim.figures["claimed_share_pct"].value == 70


# -- rules added on the dev set's lessons (general, not per document) ----------------------


def test_talks_in_the_city_are_in_the_town_named_before(memory_gazetteer):
    text = "Missiles struck Kyiv on Thursday, hours after his talks in the city with Guterres."
    assert one(memory_gazetteer, text, "talks").place.name == "Kyiv"
    before = "Missiles struck Kyiv on Thursday. It followed talks in the city with Guterres."
    assert one(memory_gazetteer, before, "talks").place.name == "Kyiv"


def test_one_meeting_named_twice_is_one_talks(memory_gazetteer):
    text = "Delegations of Ukraine and Russia met in Istanbul on Monday for peace talks."
    assert one(memory_gazetteer, text, "talks").place.name == "Istanbul"


def test_meetings_of_officials_are_talks_at_their_venue(memory_gazetteer):
    talks = one(
        memory_gazetteer,
        "Russia's envoy held a rare meeting in Istanbul on Wednesday with her Ukrainian "
        "counterpart.",
        "talks",
    )
    assert (talks.place.name, talks.event_date.isoformat()) == ("Istanbul", "2026-02-04")
    (first, second) = events(
        memory_gazetteer,
        "After meeting the French president in Paris on Monday, he travelled to Lyon on "
        "Tuesday for discussions with officials.",
        "talks",
    )
    assert [first.place.name, second.place.name] == ["Paris", "Lyon"]


def test_air_defence_at_work_is_disrupted_weapons_use(memory_gazetteer):
    found = events(
        memory_gazetteer,
        "Air defence systems destroyed nine drones over the Kharkiv region on Monday.",
        "disrupted",
    )
    assert [e.place.name for e in found] == ["Kharkiv Oblast"]
    assert (
        events(memory_gazetteer, "Russia destroyed a drone factory in Kharkiv.", "disrupted") == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Officials said a major offensive on Bakhmut was expected within weeks.",
        "They used to carry out raids on Soledar at night.",
        "Russia is preparing a new offensive on Izium, the general said.",
        "The fleet has three combat-ready ships near Odesa.",
        "The businessman, hit with western sanctions in Kyiv, spoke on Monday.",
    ],
)
def test_foreseen_habitual_and_figurative_are_no_events(memory_gazetteer, text):
    assert [e for e in events(memory_gazetteer, text) if e.layer in ("battles", "strikes")] == []


def test_a_clock_and_a_controlled_compound_are_no_places(memory_gazetteer):
    strike = one(
        memory_gazetteer,
        "A missile struck the Moscow-controlled part of Donetsk at 1:00 am in Moscow on Monday.",
        "strikes",
    )
    assert strike.place.name == "Donetsk"


def test_one_in_one_town_and_another_in_the_next(memory_gazetteer):
    found = events(
        memory_gazetteer,
        "Two people were killed by shelling on Monday, one in Kharkiv and another in Soledar.",
        "strikes",
    )
    assert sorted(e.place.name for e in found) == ["Kharkiv", "Soledar"]


def test_the_east_of_the_country_is_the_articles_country(memory_gazetteer):
    text = (
        "Ukraine says the war goes on. Russia has unleashed artillery barrages against "
        "positions in the south and east of the country on Monday."
    )
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.place.name, strike.geo_precision) == ("Ukraine", 3)


def test_a_day_of_the_month_is_no_weapon_count(memory_gazetteer):
    strike = one(
        memory_gazetteer, "The 5 January strike on Odesa's market shocked the city.", "strikes"
    )
    assert "weapon_count" not in strike.figures


def test_shares_of_a_place_next_to_troops_and_of_the_city(memory_gazetteer):
    found = events(
        memory_gazetteer,
        "About 95% of Kharkiv Oblast is under the control of Russian troops while about half "
        "of Donetsk Oblast is also occupied.",
        "occupation",
    )
    assert sorted(e.figures["claimed_share_pct"].value for e in found) == [50.0, 95.0]
    (city,) = events(
        memory_gazetteer,
        "Fighting raged in Bakhmut on Monday. Half of the city has been captured, the mayor said.",
        "occupation",
    )
    assert city.place.name == "Bakhmut"


# -- hedges, attempts, other events, repeats, ceasefires ----------------------------------------


def test_a_hedged_report_is_an_event_and_an_attempt_is_a_clash(memory_gazetteer):
    hedged = "Russian and Ukrainian forces have probably been fighting near Bakhmut since Monday."
    assert one(memory_gazetteer, hedged, "battles").place.name == "Bakhmut"
    tried = "Russian forces were trying to advance on Soledar on Tuesday, Ukraine said."
    clash = one(memory_gazetteer, tried, "battles")
    assert (clash.sub_event_type, clash.place.name) == (t.ARMED_CLASH, "Soledar")
    assert events(memory_gazetteer, "Russia will try to storm Bakhmut.", "battles") == []


def test_forces_ordered_to_withdraw_lost_the_place(memory_gazetteer):
    text = "Russian troops entered Bakhmut on Saturday after Ukrainian forces were ordered to "
    change = one(memory_gazetteer, text + "withdraw from Soledar.", "control")
    assert change.place.name == "Soledar" and change.details.get("taken_from") == "Ukraine"


def test_the_place_of_another_event_that_dates_this_one_is_not_its_place(memory_gazetteer):
    text = (
        "The mayor of Kharkiv urged residents to leave as Russian forces stepped up their "
        "shelling of the Ukrainian city after the capture of Izium on Sunday."
    )
    strike = one(memory_gazetteer, text, "strikes")
    assert strike.place.name == "Kharkiv"
    capture = one(memory_gazetteer, text, "control")
    assert (capture.place.name, capture.details.get("taken_by")) == ("Izium", "Russia")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Missiles struck Odesa, which the president visited last August.", THURSDAY),
        ("Missiles struck Odesa, which he visited in August, on Monday.", "2026-02-02"),
        ("Kharkiv, which missiles struck on Monday, is Ukraine's second city.", "2026-02-02"),
    ],
)
def test_a_relative_clauses_date_is_its_own(memory_gazetteer, text, when):
    assert one(memory_gazetteer, text, "strikes").event_date.isoformat() == when


def test_an_undated_repeat_is_the_dated_event(memory_gazetteer):
    text = (
        "A missile struck Kherson on Monday, killing two. Analysts said that at Kherson, "
        "Russia used an old anti-ship missile. Another missile hit Kherson, officials said."
    )
    found = events(memory_gazetteer, text, "strikes")
    assert sorted(e.event_date.isoformat() for e in found) == ["2026-02-02", THURSDAY]
    assert "Another" in next(e for e in found if e.event_date.isoformat() == THURSDAY).quote


def test_a_strike_told_of_a_day_later_is_the_same_strike(memory_gazetteer):
    text = (
        "Missiles struck Odesa on Tuesday, killing two. "
        "On Wednesday Russia acknowledged it had targeted the centre of Odesa. "
        "On Thursday Ukraine said Russian forces had shelled Kherson."
    )
    found = events(memory_gazetteer, text, "strikes")
    assert sorted((e.place.name, e.event_date.isoformat()) for e in found) == [
        ("Kherson", THURSDAY),  # told of, with no strike before it: the day it was told
        ("Odesa", "2026-02-03"),
    ]


def test_towns_listed_around_their_regions(memory_gazetteer):
    text = (
        "Heavy fighting continued on Monday around the town of Soledar, Donetsk oblast, "
        "and on the approaches to Izium, Kharkiv oblast."
    )
    found = events(memory_gazetteer, text, "battles")
    assert sorted(e.place.name for e in found) == ["Izium", "Soledar"]


def test_a_ceasefire_holds_along_the_line_of_contact(memory_gazetteer):
    from geomap.events import extract_events
    from geomap.model import Place

    front = Place("f:ua", "line of contact", "region", 47.7, 36.4, "UA", geo_precision=3)
    text = (
        "Ukraine says the war goes on. Russia's troops began observing a ceasefire along the "
        "entire line of contact on Friday. Russian forces shelled Kherson before the "
        "ceasefire came into effect. The UN called for a ceasefire in Ukraine."
    )
    result = analyse(article(text), memory_gazetteer)
    found = extract_events(
        result.document,
        result.sentences,
        result.resolved,
        front_of={"UA": front}.get,
    )
    (ceasefire,) = [e for e in found if e.layer == "talks"]
    assert ceasefire.place is front and ceasefire.geo_precision == 3
    assert ceasefire.event_date == dt.date(2026, 2, 6) - dt.timedelta(days=7)
    # without a known line: the article's country
    (fallback,) = [e for e in events(memory_gazetteer, text) if e.layer == "talks"]
    assert fallback.place.name == "Ukraine"


def test_the_war_described_is_no_event_but_a_dated_one_is(memory_gazetteer):
    described = "Ukraine's grid holds up. Russian air attacks on Ukraine have slowed."
    assert events(memory_gazetteer, described, "strikes") == []
    dated = "Ukraine's grid holds up. Russian drones struck targets across Ukraine on Monday."
    strike = one(memory_gazetteer, dated, "strikes")
    assert (strike.place.name, strike.event_date) == ("Ukraine", dt.date(2026, 2, 2))
    town = one(memory_gazetteer, "Russian air attacks on Kharkiv have slowed.", "strikes")
    assert town.place.name == "Kharkiv"


def test_a_ship_named_after_a_city_and_a_town_located_from_another(memory_gazetteer):
    sunk = "Ukraine said on Monday a missile sank the Moskva ship near Odesa."
    assert one(memory_gazetteer, sunk, "strikes").place.name == "Odesa"
    located = "A hotel in Mykolaiv, 50km south of Kherson, was hit on Monday, killing two."
    assert one(memory_gazetteer, located, "strikes").place.name == "Mykolaiv"


def test_an_officials_region_gives_way_to_the_town_named_before(memory_gazetteer):
    text = (
        "Russian missiles struck Izium on Monday. Later, the governor of the Kharkiv region "
        "said a Russian airstrike had hit a school."
    )
    found = events(memory_gazetteer, text, "strikes")
    assert [(e.place.name, e.geo_precision) for e in found] == [("Izium", 1), ("Izium", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "The four oblasts that Moscow unilaterally annexed in September are Russia's, he said.",
        "Pushilin said the order only covered offensive operations near Donetsk.",
        "Airstrikes were failing to help the troops in Kharkiv, the Pentagon said.",
    ],
)
def test_a_capital_annexing_offensive_operations_and_failing_strikes(memory_gazetteer, text):
    coded = [e for e in events(memory_gazetteer, text) if e.layer in ("battles", "strikes")]
    assert [e for e in coded if e.place.name in ("Moscow", "Donetsk", "Kharkiv")] == []


def test_a_regions_toll_that_sums_up_its_towns_is_no_other_event(memory_gazetteer):
    summary = "Two people were killed by Russian shelling in the Donetsk region on Monday."
    towns = " Russian forces shelled Bakhmut and Soledar on Monday, killing a man."
    found = events(memory_gazetteer, summary + towns, "strikes")
    assert sorted(e.place.name for e in found) == ["Bakhmut", "Soledar"]
    # told alone, or by other hands, the region's strikes are an event of their own
    alone = events(memory_gazetteer, summary, "strikes")
    assert [e.place.name for e in alone] == ["Donetsk Oblast"]
    other = " Ukrainian forces shelled Bakhmut on Monday."
    assert "Donetsk Oblast" in {e.place.name for e in events(memory_gazetteer, summary + other)}


def test_sirens_shelters_and_disputed_claims_are_no_events(memory_gazetteer):
    sirens = "In Kharkiv, air raid sirens are rarely followed by attacks."
    assert events(memory_gazetteer, sirens, "strikes") == []
    shelter = "The mayor of Kharkiv urged residents to stay in bomb shelters on Monday."
    assert events(memory_gazetteer, shelter, "strikes") == []
    disputed = (
        "Ukraine said on Thursday fighting continued in Soledar, dismissing claims made by "
        "the Russian mercenary group Wagner that its forces had taken control of the town."
    )
    assert events(memory_gazetteer, disputed, "control") == []
    assert one(memory_gazetteer, disputed, "battles").place.name == "Soledar"


def test_the_country_invaded_is_not_who_took_the_town(memory_gazetteer):
    text = "Shortly after Russia invaded Ukraine its troops seized Kherson on Monday."
    change = one(memory_gazetteer, text, "control")
    assert (change.sub_event_type, change.details.get("taken_by")) == (
        t.NON_STATE_OVERTAKES,
        "Russia",
    )


def test_a_town_in_a_curated_region_and_a_helicopter_raid(memory_gazetteer):
    text = (
        "An operation in the Jenin refugee camp on Monday, one of the deadliest raids in "
        "the West Bank, killed ten."
    )
    assert one(memory_gazetteer, text, "battles").place.name == "Jenin"
    raid = "A helicopter raid hit Kharkiv on Monday."
    assert events(memory_gazetteer, raid, "battles") == []
    assert one(memory_gazetteer, raid, "strikes").sub_event_type == t.AIR_DRONE


def test_opening_fire_is_a_strike_and_criticism_is_not(memory_gazetteer):
    fire = "The governor said Russian troops opened fire on Izium 14 times on Monday."
    assert one(memory_gazetteer, fire, "strikes").place.name == "Izium"
    criticised = "The envoy has come under fire for a meeting held in Moscow on Monday."
    assert events(memory_gazetteer, criticised, "strikes") == []


def test_the_main_attack_near_two_towns_is_two_clashes(memory_gazetteer):
    text = "On Monday the focus of Russia's main attack was near the towns of Izium and Soledar."
    found = events(memory_gazetteer, text, "battles")
    assert sorted(e.place.name for e in found) == ["Izium", "Soledar"]
    assert {e.geo_precision for e in found} == {2}


def test_an_event_dated_only_to_a_year_is_background(memory_gazetteer):
    text = "Russian missiles struck Kyiv last year, and drones hit Odesa on Monday."
    assert [e.place.name for e in events(memory_gazetteer, text, "strikes")] == ["Odesa"]


@pytest.mark.parametrize(
    "text",
    [
        "If Soledar falls, the whole Donetsk region could fall to Russian forces on Monday.",
        "The governor of the Donetsk region, a key focus of Russia's offensive, spoke on Monday.",
    ],
)
def test_a_condition_and_a_sides_campaign_are_no_clash(memory_gazetteer, text):
    assert [e for e in events(memory_gazetteer, text) if e.layer in ("battles", "control")] == []


def test_a_campaign_pressed_on_is_a_clash(memory_gazetteer):
    text = "Russia is continuing its offensive into the Donetsk region on Monday."
    assert one(memory_gazetteer, text, "battles").place.name == "Donetsk Oblast"


def test_what_keeps_happening_and_a_border_are_no_events(memory_gazetteer):
    habit = "Although far from the front, Kharkiv has come under fire at various points."
    assert events(memory_gazetteer, habit, "strikes") == []
    dated = "Kharkiv has repeatedly come under fire on Monday."
    assert one(memory_gazetteer, dated, "strikes").place.name == "Kharkiv"
    border = "On Monday a drone exploded at a refinery five miles from the border with Ukraine."
    assert "Ukraine" not in {e.place.name for e in events(memory_gazetteer, border) if e.place}


def test_an_articles_reports_of_one_ceasefire_are_one(memory_gazetteer):
    text = (
        "A ceasefire came into force in Kherson on Friday. Shelling hit Odesa on Saturday, "
        "while the ceasefire held in Kherson on Sunday."
    )
    ceasefires = [e for e in events(memory_gazetteer, text, "talks")]
    assert {(e.place.name, e.event_date, e.details["agreement"]) for e in ceasefires} == {
        ("Kherson", dt.date(2026, 1, 30), "ceasefire")
    }


def test_talks_expected_to_continue_are_not_yet_held(memory_gazetteer):
    text = "Ships sailed on Monday, with UN-backed talks expected to continue in Istanbul."
    assert events(memory_gazetteer, text, "talks") == []
    held = "Talks were held in Istanbul on Monday."
    assert one(memory_gazetteer, held, "talks").place.name == "Istanbul"


def test_a_name_that_starts_like_a_verb_is_no_ground_attack(memory_gazetteer):
    text = "Pushilin, the leader in Donetsk, praised the soldiers who survived the attack."
    assert events(memory_gazetteer, text, "battles") == []


def test_artillery_fire_reported_from_a_town_is_a_strike(memory_gazetteer):
    text = "Citing witnesses in Donetsk, Reuters reported outgoing artillery fire on Monday."
    assert one(memory_gazetteer, text, "strikes").place.name == "Donetsk"


def test_strikes_on_the_countrys_own_positions_are_in_that_country(memory_gazetteer):
    text = (
        "Ukraine says the war goes on. On Monday Russian artillery struck multiple Ukrainian "
        "positions, the ministry said."
    )
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.place.name, strike.geo_precision) == ("Ukraine", 3)
    theirs = "Ukraine says the war goes on. On Monday Ukrainian artillery struck Russian positions."
    assert events(memory_gazetteer, theirs, "strikes") == []


def test_a_place_in_a_clause_after_the_trigger_is_not_its_place(memory_gazetteer):
    text = (
        "Missiles struck Kharkiv on Monday. The city suffered the worst shelling of the war "
        "on Tuesday, as worries grow in Kyiv that Russia is mounting another attack."
    )
    later = [e for e in events(memory_gazetteer, text, "strikes") if e.event_date.day == 3]
    assert [e.place.name for e in later] == ["Kharkiv"]


def test_there_was_and_inside_a_country_point_to_no_earlier_place(memory_gazetteer):
    text = (
        "Missiles hit Kharkiv on Monday. He said there was consultation before strikes, "
        "and that explosions inside Belarus on Tuesday were not claimed."
    )
    later = [e for e in events(memory_gazetteer, text, "strikes") if e.event_date.day != 2]
    assert "Kharkiv" not in {e.place.name for e in later}
    pointing = "Missiles hit Kharkiv on Monday. Shelling resumed there on Tuesday."
    found = events(memory_gazetteer, pointing, "strikes")
    assert [e.place.name for e in found if e.event_date.day == 3] == ["Kharkiv"]


def test_an_officials_region_is_not_where_a_ceasefire_holds(memory_gazetteer):
    text = (
        "Ukraine says the war goes on. Despite the ceasefire order, the governor of the "
        "Kharkiv region said on Friday that Russian troops opened fire on Izium."
    )
    (ceasefire,) = events(memory_gazetteer, text, "talks")
    assert ceasefire.place.name == "Ukraine"


def test_an_airstrike_on_a_town_struck_by_missiles_that_day_is_the_missile_strike(memory_gazetteer):
    text = "Russia launched airstrikes on Kyiv on Sunday. Missiles hit Kyiv on Sunday, killing one."
    found = events(memory_gazetteer, text, "strikes")
    assert [(e.place.name, e.sub_event_type) for e in found] == [("Kyiv", t.SHELLING)]
    front = "Russia launched airstrikes on Bakhmut on Sunday. Artillery shelled Bakhmut on Sunday."
    subs = {e.sub_event_type for e in events(memory_gazetteer, front, "strikes")}
    assert subs == {t.AIR_DRONE, t.SHELLING}
    drones = "Russian drones struck Kyiv on Sunday. Missiles hit Kyiv on Sunday."
    subs = {e.sub_event_type for e in events(memory_gazetteer, drones, "strikes")}
    assert subs == {t.AIR_DRONE, t.SHELLING}


def test_what_a_protest_is_about_is_not_what_was_done_to_it(memory_gazetteer):
    about = "Protesters gathered in Kyiv on Monday to demand the release of detained activists."
    assert one(memory_gazetteer, about, "protests").sub_event_type == t.PEACEFUL_PROTEST
    done = (
        "Police used tear gas on protesters demanding the release of activists in Kyiv on Monday."
    )
    assert one(memory_gazetteer, done, "protests").sub_event_type == t.PROTEST_WITH_INTERVENTION


@pytest.mark.parametrize(
    ("after", "sub", "killed"),
    [
        ("Police used tear gas to disperse them.", t.PROTEST_WITH_INTERVENTION, None),
        ("Police fired live rounds into the crowd, killing two.", t.EXCESSIVE_FORCE, 2),
        ("The crowd sang and went home.", t.PEACEFUL_PROTEST, None),
        ("Separately, police arrested two kidnappers.", t.PEACEFUL_PROTEST, None),
    ],
)
def test_what_the_next_sentence_does_to_the_crowd(memory_gazetteer, after, sub, killed):
    protest = one(memory_gazetteer, f"Thousands marched in Paris on Saturday. {after}", "protests")
    assert protest.sub_event_type == sub
    assert (protest.figures["fatalities"].value if killed else None) == killed


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        (
            "Two men were shot dead by Russian troops during a raid in Bakhmut on Monday.",
            "civilians",
        ),
        (
            "Partisans clashed with Russian troops during a raid in Bakhmut on Monday, "
            "and two gunmen were shot dead.",
            "battles",
        ),
    ],
)
def test_a_raid_with_deaths_is_one_event(memory_gazetteer, text, layer):
    # Either people were killed (an attack on civilians) or armed men fought: not both.
    coded = [e.layer for e in events(memory_gazetteer, text) if e.layer in ("civilians", "battles")]
    assert coded == [layer]


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Ukrainian forces clashed near Bakhmut on Monday.",
        "Fighting between Russian and Ukrainian troops raged in Bakhmut on Monday.",
    ],
)
def test_a_clashs_two_sides_named_together(memory_gazetteer, text):
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2) == ("Russia", "Ukraine")


@pytest.mark.parametrize(
    ("text", "sub", "taken_by", "taken_from"),
    [
        (
            "Russian forces said they had liberated Soledar in Ukraine's Donetsk region.",
            t.NON_STATE_OVERTAKES,
            "Russia",
            "Ukraine",
        ),
        (
            "Russian forces were pushed out of Izium, Ukraine's general staff said.",
            t.GOVERNMENT_REGAINS,
            "Ukraine",
            "Russia",
        ),
        (
            "Ukrainian troops recaptured Izium in Ukraine on Friday.",
            t.GOVERNMENT_REGAINS,
            "Ukraine",
            None,
        ),
    ],
)
def test_who_retook_a_place_and_from_whom(memory_gazetteer, text, sub, taken_by, taken_from):
    change = one(memory_gazetteer, text, "control")
    assert (change.sub_event_type, change.actor1, change.actor2) == (sub, taken_by, taken_from)


@pytest.mark.parametrize(
    "text",
    [
        "The air force said it destroyed 52 of 90 drones over Kyiv overnight.",
        "Debris fell on houses in Kharkiv overnight as air defences worked, injuring two.",
        "Explosions were reported in Odesa on Monday as air defences repelled an attack.",
    ],
)
def test_air_defence_at_work_is_no_strike_no_clash_no_capture(memory_gazetteer, text):
    coded = {e.layer for e in events(memory_gazetteer, text)}
    assert not coded & {"strikes", "battles", "control"}, coded


def test_journalists_held_over_protests_they_covered_is_an_arrest(memory_gazetteer):
    text = "Police detained two journalists in Istanbul on Friday over their coverage of protests."
    assert events(memory_gazetteer, text, "protests") == []
    assert one(memory_gazetteer, text, "arrests").place.name == "Istanbul"


def test_a_public_execution_is_an_attack(memory_gazetteer):
    attack = one(
        memory_gazetteer, "The Taliban executed a man in Khartoum on Tuesday.", "civilians"
    )
    assert (attack.sub_event_type, attack.actor1) == (t.ATTACK, "Taliban")


def test_an_armed_group_and_an_army_named_together_are_both_sides(memory_gazetteer):
    text = "M23 rebels and the Russian army exchanged fire near Bakhmut on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2) == ("M23", "Russia")


def test_a_wars_toll_is_no_clashs_and_the_army_is_the_theatres(memory_gazetteer):
    text = (
        "Fighting between the army and the RSF continued in Khartoum on Monday, residents said."
        "\n\nThe war, which began in April 2023, has killed more than 14,000 people."
    )
    clash = one(memory_gazetteer, text, "battles")
    assert "fatalities" not in clash.figures
    assert (clash.actor1, clash.actor2) == ("Sudan", "RSF")


def test_an_attack_on_a_camp_of_the_displaced_is_on_civilians(memory_gazetteer):
    text = "RSF fighters attacked a displacement camp near Khartoum on Monday, killing 40 people."
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.sub_event_type, attack.figures["fatalities"].value) == (t.ATTACK, 40)
    assert events(memory_gazetteer, text, "battles") == []


def test_fighters_who_kill_civilians_in_a_town_attack_civilians(memory_gazetteer):
    text = "On 12 May 2024, RSF fighters attacked El Fasher, killing 14 civilians."
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.place.name, attack.sub_event_type, attack.actor1) == (
        "El Fasher",
        t.ATTACK,
        "RSF",
    )
    hit = "A hotel in Odesa was hit on Monday, killing 21 civilians."
    assert events(memory_gazetteer, hit, "civilians") == []


def test_jihadists_killing_villagers_in_an_attack_on_a_day_are_no_strike(memory_gazetteer):
    """No weapon, and "an attack on Tuesday" names a day, not a target."""
    text = "Suspected jihadists killed at least 15 villagers in an attack on Tuesday near Khartoum."
    assert events(memory_gazetteer, text, "strikes") == []
    attack = one(memory_gazetteer, text, "civilians")
    assert attack.sub_event_type == t.ATTACK and attack.figures["fatalities"].value == 15


@pytest.mark.parametrize(
    "text",
    [
        "Ultimate fighting star Conor McGregor faces criminal charges in Paris.",
        "Both games in Lyon were hard fought battles and exciting for the fans.",
        "A hoodie with an offensive message was pulled from shops in Paris.",
        "The incident in Paris was captured on video by a bystander.",
        "Unemployment in Lyon fell to 7 percent, and a job in Paris fell through.",
        "The two inmates have been captured in Paris, police said.",
        "Officials seized the food supply at a restaurant in Lyon.",
        "He took over from Bruce Forsyth as the presenter in Lyon.",
        "The guide took Paris tourists to the river, and took Lyon by surprise.",
        "Lyon's team took Paris by storm on Monday, winning 3-0.",
        "The senator took Washington State in the primary on Monday.",
        "The two fans were taken to hospital in Lyon on Monday.",
        "Lyon was hit by power cuts on Monday, and Paris was hit with new fines.",
        "Paris was hit hard on Monday as prices rose.",
        "Kyiv has been the worst hit by the flu, with 40 cases reported.",
        "The mayor of Lyon came under fire from officials for not sending aid.",
        "A gas explosion destroyed a house in Lyon on Monday.",
        "It was a three-run blast that won the series in Washington.",
        "After an attack on a guard in Paris, the prisoner was moved.",
        "A bullet ricocheted off a wall and hit a woman in Lyon, a court heard.",
        "A search ship launched the drones off Odesa to search for the wreck.",
        "They first met when they were both living in Paris.",
        "He had a cardiac arrest in Lyon on Monday.",
        "Brooks was arrested in Lyon on Saturday and is held on a $200,000 bond.",
        "A case of rape was opened at a police station in Lyon and later withdrawn in court.",
        "The jet disappeared with 239 people on board, en route to Paris.",
    ],
)
def test_everyday_news_is_no_political_violence(memory_gazetteer, text):
    found = [e for e in events(memory_gazetteer, text) if e.layer != "casualties"]
    assert found == [], [(e.layer, e.sub_event_type, e.quote) for e in found]


def test_an_epidemics_toll_is_no_conflicts(memory_gazetteer):
    outbreak = (
        "Health officials in Lyon confirmed the outbreak on Monday. "
        "Over 1,200 people have died in Lyon in the past three months. "
        "And 40 birds were found dead."
    )
    assert events(memory_gazetteer, outbreak) == []
    war = "Fighting went on near Bakhmut. Over 1,200 people have died in Bakhmut since May."
    assert one(memory_gazetteer, war, "casualties").figures["toll"].value == 1200


def test_gunmen_killed_in_a_battle_are_no_attack_on_civilians(memory_gazetteer):
    text = "Two soldiers and 16 gunmen were killed in the battle near Khartoum on Monday."
    assert events(memory_gazetteer, text, "civilians") == []
    assert one(memory_gazetteer, text, "battles").figures["fatalities"].value == 18


def test_pushing_deeper_into_a_region_is_a_battle(memory_gazetteer):
    text = "Ukrainian troops pushed deeper into the Kharkiv region on Saturday."
    assert one(memory_gazetteer, text, "battles").place.name == "Kharkiv Oblast"


def test_fighters_attacking_troops_and_an_incursion_are_battles(memory_gazetteer):
    clash = one(memory_gazetteer, "Hamas fighters attacked Israeli troops near Jenin.", "battles")
    assert (clash.place.name, clash.actor1) == ("Jenin", "Hamas")
    incursion = "Ukrainian troops launched a ground incursion into Kharkiv on Tuesday."
    assert one(memory_gazetteer, incursion, "battles").actor1 == "Ukraine"


def test_the_group_whose_commander_was_killed_is_no_actor(memory_gazetteer):
    text = "Israel said it killed a Hamas commander in a strike on Jenin on Friday."
    assert one(memory_gazetteer, text, "strikes").actor1 != "Hamas"


def test_a_named_group_is_the_actor_not_its_generic_noun(memory_gazetteer):
    named = "On Monday RSF militants attacked a checkpoint near Khartoum."
    assert one(memory_gazetteer, named, "battles").actor1 == "RSF"
    generic = "On Monday militants attacked a checkpoint near Khartoum."
    assert one(memory_gazetteer, generic, "battles").actor1 == "militants"


def test_gunmen_killing_a_chief_and_militants_killing_soldiers(memory_gazetteer):
    chief = "On 3 March 2023, unknown gunmen killed a village chief near Khartoum."
    attack = one(memory_gazetteer, chief, "civilians")
    assert (attack.sub_event_type, attack.place.name) == (t.ATTACK, "Khartoum")
    soldiers = "On 3 March 2023, militants killed three soldiers near Khartoum."
    clash = one(memory_gazetteer, soldiers, "battles")
    assert (clash.sub_event_type, clash.actor1, clash.figures["fatalities"].value) == (
        t.ARMED_CLASH,
        "militants",
        3,
    )
    assert events(memory_gazetteer, soldiers, "civilians") == []


@pytest.mark.parametrize(
    "text",
    [
        "On 20 January 2023, militants attacked an army base near Khartoum, killing 7 soldiers.",
        "On 20 January 2023, gunmen attacked a checkpoint in Khartoum.",
        "On 20 January 2023, soldiers raided Jenin.",
    ],
)
def test_attacks_on_armed_men_and_raids_are_clashes(memory_gazetteer, text):
    clash = one(memory_gazetteer, text, "battles")
    assert clash.sub_event_type == t.ARMED_CLASH
    assert clash.event_date == dt.date(2023, 1, 20)
    assert clash.place.name in ("Khartoum", "Jenin")


def test_the_towns_after_a_colon_are_where_the_fighting_is(memory_gazetteer):
    text = (
        "On 10 January 2023, Russian forces tried to advance in two areas on the Donetsk "
        "front: around Bakhmut and further north around Soledar."
    )
    clashes = events(memory_gazetteer, text, "battles")
    assert sorted(e.place.name for e in clashes) == ["Bakhmut", "Soledar"]
    near = "On 10 January 2023, Ukrainian forces recaptured Izium, near Kharkiv."
    assert [e.place.name for e in events(memory_gazetteer, near, "control")] == ["Izium"]


def test_fighting_told_by_its_months_is_no_clash(memory_gazetteer):
    text = "On Thursday, Wagner's inmates were pardoned after fighting for six months in Bakhmut."
    assert events(memory_gazetteer, text, "battles") == []
    assert events(memory_gazetteer, "After months of fighting around Bakhmut, talks began.") == []
    assert one(memory_gazetteer, "Fighting raged in Bakhmut for three days.", "battles")


def test_fighting_between_two_sides_names_both(memory_gazetteer):
    text = "Fighting between Sudan's army and the Rapid Support Forces raged in Khartoum on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2, clash.place.name) == ("Sudan", "RSF", "Khartoum")


def test_troops_exchanging_fire_fight_a_clash(memory_gazetteer):
    text = "On 13 September 2022, Russian and Ukrainian troops exchanged fire near Bakhmut."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.sub_event_type, clash.place.name) == (t.ARMED_CLASH, "Bakhmut")


def test_sides_that_exchanged_fire_fought_and_freed_no_one(memory_gazetteer):
    text = (
        "Sudanese troops and militants exchanged fire near El Fasher on Monday; "
        "four soldiers were killed."
    )
    assert events(memory_gazetteer, text, "exchanges") == []
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2) == ("Sudan", "militants")
    assert clash.figures["fatalities"].value == 4


@pytest.mark.parametrize(
    "text, leader",
    [
        ("Russian and Belarusian aircraft struck Kherson on Monday.", "Russia"),
        ("Belarusian and Russian aircraft struck Kherson on Monday.", "Belarus"),
    ],
)
def test_of_two_sides_striking_together_the_first_named_leads(memory_gazetteer, text, leader):
    assert one(memory_gazetteer, text, "strikes").actor1 == leader


def test_a_state_force_named_by_its_acronym_is_its_country(memory_gazetteer):
    assert one(memory_gazetteer, "The SAF shelled El Fasher on Monday.", "strikes").actor1 == (
        "Sudan"
    )
    text = "Militants attacked an SAF camp near El Fasher on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.sub_event_type, clash.actor1, clash.actor2) == (
        t.ARMED_CLASH,
        "militants",
        "Sudan",
    )


def test_separatists_killing_gendarmes_fight_a_clash(memory_gazetteer):
    text = "Separatists killed two gendarmes in Kherson on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.figures["fatalities"].value) == ("separatists", 2)


def test_who_suffered_a_toll_are_its_victims_not_who_inflicted_it(memory_gazetteer):
    text = "Russia had suffered nearly 1.2 million casualties during the war, a think tank said."
    toll = one(memory_gazetteer, text, "casualties")
    assert (toll.actor1, toll.actor2) == (None, "Russia")


def test_a_toll_that_names_no_victims_does_not_make_the_killers_them(memory_gazetteer):
    text = "Separatists killed two in Kherson on Monday, officials said."
    toll = one(memory_gazetteer, text, "casualties")
    assert (toll.actor1, toll.actor2, toll.figures["toll"].value) == ("separatists", None, 2)


@pytest.mark.parametrize(
    "later, actor",
    [
        ("Later, a Russian strike on a school in Mykolaiv killed two people.", "Russia"),
        ("The strikes also hit Mykolaiv.", "Russia"),  # those told of, and by whom
    ],
)
def test_a_strike_told_without_its_weapon_is_of_the_kind_named_before(
    memory_gazetteer, later, actor
):
    text = f"Russian drones hit Odesa on Monday. {later}"
    strike = next(
        e for e in events(memory_gazetteer, text, "strikes") if e.place.name == "Mykolaiv"
    )
    assert (strike.sub_event_type, strike.actor1) == (t.AIR_DRONE, actor)


def test_forces_that_struck_a_town_may_have_shelled_it(memory_gazetteer):
    text = "Russian drones hit Odesa on Monday. Separately, Russian forces struck Kherson."
    strike = next(e for e in events(memory_gazetteer, text, "strikes") if e.place.name == "Kherson")
    assert strike.sub_event_type == t.SHELLING


@pytest.mark.parametrize(
    "then, layer",
    [
        ("The group said it had captured Soledar.", "control"),
        ("The militants killed three soldiers in Soledar.", "battles"),
    ],
)
def test_the_group_is_the_one_the_sentence_before_names(memory_gazetteer, then, layer):
    text = f"Hamas fighters attacked Bakhmut on Monday. {then}"
    (event,) = [e for e in events(memory_gazetteer, text, layer) if e.place.name == "Soledar"]
    assert event.actor1 == "Hamas"


def test_settlers_attacking_farmers_attack_civilians(memory_gazetteer):
    text = "Israeli settlers attacked Palestinian farmers near Jenin on Monday, injuring two."
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.sub_event_type, attack.actor1, attack.place.name) == (
        t.ATTACK,
        "settlers",
        "Jenin",
    )


def test_the_military_that_reports_a_raid_is_no_side_of_it(memory_gazetteer):
    text = (
        "Russian troops raided a hospital in Kherson on Monday, killing five fighters, "
        "the military said."
    )
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2) == ("Russia", None)


def test_soldiers_killed_by_a_strike_did_not_make_it(memory_gazetteer):
    text = "Dozens of Russian soldiers were killed when a strike hit a camp near Kherson on Monday."
    assert one(memory_gazetteer, text, "strikes").actor1 is None


def test_an_explosion_at_a_mosque_is_a_bomb_not_a_shell(memory_gazetteer):
    text = "An explosion at a mosque in Kherson killed 20 worshippers on Monday."
    assert one(memory_gazetteer, text, "strikes").sub_event_type == t.REMOTE_EXPLOSIVE
    text = "A missile caused an explosion at a market in Kherson on Monday."
    assert one(memory_gazetteer, text, "strikes").sub_event_type == t.SHELLING


def test_a_capital_named_in_a_universitys_name_is_where_not_who(memory_gazetteer):
    text = (
        "On Monday, students protested at the University of Kyiv demanding the release "
        "of detained colleagues."
    )
    assert one(memory_gazetteer, text, "protests").place.name == "Kyiv"


def test_rival_supporters_brawling_riot_rather_than_fight_a_battle(memory_gazetteer):
    text = "Rival supporters clashed with sticks and machetes in Kherson on Monday, injuring seven."
    assert events(memory_gazetteer, text, "battles") == []
    assert one(memory_gazetteer, text, "riots").sub_event_type == t.MOB_VIOLENCE


def test_explosives_dropped_from_a_drone_are_a_drone_strike_and_its_wounded_are_there(
    memory_gazetteer,
):
    text = (
        "On 3 February 2026, Russian forces dropped explosives from a drone on Kherson. "
        "1 civilian was injured."
    )
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.sub_event_type, strike.place.name) == (t.AIR_DRONE, "Kherson")
    toll = one(memory_gazetteer, text, "casualties")
    assert (toll.place.name, toll.event_date) == ("Kherson", dt.date(2026, 2, 3))


def test_partisans_blowing_up_a_railway_set_off_a_remote_explosive(memory_gazetteer):
    text = "On 3 February 2026, partisans blew up a railway line near Kherson."
    assert one(memory_gazetteer, text, "strikes").sub_event_type == t.REMOTE_EXPLOSIVE


def test_a_country_named_where_with_a_bearing_is_not_who_acted(memory_gazetteer):
    text = "Fighting in eastern Sudan intensified as drones hit El Fasher on Monday."
    assert one(memory_gazetteer, text, "strikes").actor1 is None


def test_a_country_in_a_groups_name_is_not_who_acted(memory_gazetteer):
    text = (
        "The Islamic Resistance in Iraq said it attacked a US base in northeastern Sudan "
        "with drones on Monday."
    )
    assert one(memory_gazetteer, text, "strikes").actor1 == "Islamic Resistance in Iraq"


def test_government_forces_are_the_theatres(memory_gazetteer):
    text = "Rebels clashed with government forces near El Fasher on Monday."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2) == ("rebels", "Sudan")


def test_gunmen_who_assassinated_a_former_commander_attacked_a_civilian(memory_gazetteer):
    text = "Unknown gunmen assassinated a former commander in Khartoum on Monday."
    assert one(memory_gazetteer, text, "civilians").sub_event_type == t.ATTACK


@pytest.mark.parametrize(
    "text",
    [
        "The RSF has been fighting the army since April 2023 in Khartoum.",
        "The RSF has besieged El Fasher for weeks.",
    ],
)
def test_fighting_told_by_how_long_it_has_lasted_is_the_war_not_an_event(memory_gazetteer, text):
    assert events(memory_gazetteer, text, "battles") == []


def test_the_attack_named_again_is_the_one_reported_whatever_its_kind(memory_gazetteer):
    text = (
        "Gunmen attacked a village near El Fasher on Monday, killing 40 civilians. "
        "The attack on the village near El Fasher came after the army left."
    )
    (attack,) = events(memory_gazetteer, text)
    assert attack.sub_event_type == t.ATTACK


def test_a_town_taken_is_taken_from_its_country_though_the_article_does_not_name_it(
    memory_gazetteer,
):
    change = one(memory_gazetteer, "Russia captured Soledar on Monday.", "control")
    assert (change.actor1, change.actor2) == ("Russia", "Ukraine")


@pytest.mark.parametrize(
    "headline, sub",
    [
        ("Ukraine retakes Izium, military says", t.GOVERNMENT_REGAINS),
        ("Russia takes control of Soledar, defence ministry says", t.NON_STATE_OVERTAKES),
    ],
)
def test_a_headlines_present_tense_reports_a_change_of_control(memory_gazetteer, headline, sub):
    assert one(memory_gazetteer, headline, "control").sub_event_type == sub


@pytest.mark.parametrize(
    "headline, killed",
    [
        ("Russian drone hit a bus in Kherson on Monday, 1 killed, 5 injured - governor", 1),
        ("Russian airstrike on house in Kherson kills 12, medics say", 12),
    ],
)
def test_a_headlines_dead_are_counted(memory_gazetteer, headline, killed):
    assert one(memory_gazetteer, headline, "strikes").figures["fatalities"].value == killed


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of fans marched through Kyiv to celebrate the title win on Monday.",
        "A gas explosion destroyed a building in Lyon on Monday, killing three residents.",
    ],
)
def test_a_celebration_and_an_accident_are_no_conflict_events(memory_gazetteer, text):
    assert events(memory_gazetteer, text) == []


def test_trying_to_break_through_defences_is_a_clash(memory_gazetteer):
    text = "On Monday, Russian forces tried to break through Ukrainian defences near Bakhmut."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.place.name) == ("Russia", "Bakhmut")


def test_a_border_is_a_bearing_and_where_hostages_were_taken_is_not_the_place(
    memory_gazetteer,
):
    text = (
        "On Monday, gunmen stormed villages near the Kherson border, including Soledar, "
        "taking hostages back into Kharkiv."
    )
    assert {e.place.name for e in events(memory_gazetteer, text)} == {"Soledar"}


def test_sabotage_groups_are_men_not_a_bomb(memory_gazetteer):
    text = (
        "Russian forces pushed towards Kyiv on Monday as explosions rocked the capital, and "
        "officials said enemy sabotage groups had entered the city."
    )
    assert {e.sub_event_type for e in events(memory_gazetteer, text, "strikes")} == {t.SHELLING}


def test_the_speaker_who_says_on_a_day_that_it_struck_did_it(memory_gazetteer):
    text = "The Russian military said on Monday that it had struck targets in Kherson."
    assert one(memory_gazetteer, text, "strikes").actor1 == "Russia"


def test_a_crowd_that_blocked_roads_to_protest_protested(memory_gazetteer):
    text = "Farmers blocked roads with tractors near Kyiv on Monday to protest against imports."
    assert one(memory_gazetteer, text, "protests").sub_event_type == t.PEACEFUL_PROTEST


def test_supporters_clashing_with_police_riot(memory_gazetteer):
    text = "Supporters of the jailed opposition leader clashed with police in Khartoum on Monday."
    assert events(memory_gazetteer, text, "battles") == []
    assert one(memory_gazetteer, text, "riots").place.name == "Khartoum"


def test_security_forces_are_the_theatres_and_the_army_that_reports_is_not_who_acted(
    memory_gazetteer,
):
    text = "Security forces killed three protesters in Khartoum on Monday."
    assert one(memory_gazetteer, text, "protests").actor1 == "Sudan"
    text = "The army said a drone hit Khartoum on Monday."
    assert one(memory_gazetteer, text, "strikes").actor1 is None


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Moscow launched 100 drones at Odesa on Monday.", "Russia"),  # its forces' deed
        ("Moscow claimed on Monday that its troops had repelled attacks near Bakhmut.", "Russia"),
        ("Moscow claims a strike killed 53 prisoners near Kherson on Monday.", None),  # a claim
    ],
)
def test_a_capital_that_acts_is_its_country(memory_gazetteer, text, actor):
    (event,) = events(memory_gazetteer, text)
    assert event.actor1 == actor


def test_an_ambush_between_two_towns_is_one_event_near_the_first(memory_gazetteer):
    text = "On Monday, rebels ambushed an army convoy on the road between Kherson and Mykolaiv."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.place.name, clash.geo_precision) == ("Kherson", 2)


def test_villages_surrounding_a_town_are_near_it(memory_gazetteer):
    text = "On Monday, clashes erupted in villages surrounding Bakhmut."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.place.name, clash.geo_precision) == ("Bakhmut", 2)


def test_armed_men_are_who_acted(memory_gazetteer):
    text = "On Monday, armed men stormed a police station in Kherson, killing two officers."
    assert one(memory_gazetteer, text, "battles").actor1 == "armed men"


def test_a_raid_that_killed_and_abducted_is_an_attack_with_its_dead(memory_gazetteer):
    text = "On Monday, militants raided Kherson, killing 9 farmers and abducting 4 women."
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.sub_event_type, attack.figures["fatalities"].value) == (t.ATTACK, 9)


def test_a_district_placed_at_its_town_is_precision_2(memory_gazetteer):
    text = "On Monday, militants killed 9 farmers in a village in Kherson district."
    assert one(memory_gazetteer, text, "civilians").geo_precision == 2


@pytest.mark.parametrize(
    "text, actor",
    [
        ("On Monday, ADF rebels killed 17 civilians with machetes near Kherson.", "ADF"),
        ("On Monday, Fano militia clashed with soldiers in Kherson.", "Fano militia"),
    ],
)
def test_armed_groups_by_their_short_names(memory_gazetteer, text, actor):
    (event,) = events(memory_gazetteer, text)
    assert event.actor1 == actor


def test_a_defence_ministrys_defeated_manpower_is_a_clash_with_the_afu(memory_gazetteer):
    text = "On Monday, Russian units defeated manpower and hardware of the AFU near Bakhmut."
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.actor1, clash.actor2, clash.place.name) == ("Russia", "Ukraine", "Bakhmut")


def test_a_strike_in_a_clause_of_its_own_after_another_is_one_too(memory_gazetteer):
    text = (
        "Russian shelling killed two people in Kherson on Monday, and Ukrainian forces "
        "struck a command post near Izium."
    )
    strikes = {e.place.name: e for e in events(memory_gazetteer, text, "strikes")}
    assert set(strikes) == {"Kherson", "Izium"}
    assert (strikes["Izium"].actor1, strikes["Kherson"].figures["fatalities"].value) == (
        "Ukraine",
        2,
    )
    text = "Russian missiles hit Kharkiv on Monday, and the city was left without power."
    assert one(memory_gazetteer, text, "strikes").place.name == "Kharkiv"


def test_another_clauses_weapon_is_not_this_strikes(memory_gazetteer):
    text = "Russia launched missiles at Kyiv on Monday, and Ukrainian drones hit a depot in Moscow."
    kinds = {e.place.name: e.sub_event_type for e in events(memory_gazetteer, text, "strikes")}
    assert kinds == {"Kyiv": t.SHELLING, "Moscow": t.AIR_DRONE}


def test_an_offensive_braced_for_has_not_happened(memory_gazetteer):
    text = "On Monday, Ukraine was bracing for a Russian offensive on Kharkiv."
    assert events(memory_gazetteer, text, "battles") == []


def test_the_strikes_named_again_are_those_reported(memory_gazetteer):
    text = (
        "Russian drones struck Kherson on Monday, killing two people. The strikes came as "
        "fighting raged around a hospital in Kherson, where troops exchanged fire for a day."
    )
    (strike,) = events(memory_gazetteer, text, "strikes")
    assert strike.sub_event_type == t.AIR_DRONE
    assert one(memory_gazetteer, text, "battles").place.name == "Kherson"


def test_the_dateline_is_where_the_reporter_filed_not_the_war(memory_gazetteer):
    text = (
        "ISTANBUL, Nov 8 (Reuters) - Fighting raged in Khartoum and El Fasher on Wednesday. "
        "Air strikes hit several towns across the country on Wednesday."
    )
    strike = one(memory_gazetteer, text, "strikes", date="2023-11-08")
    assert (strike.place.name, strike.geo_precision) == ("Sudan", 3)


def test_a_note_tells_its_event_then_its_toll_and_what_came_of_it(memory_gazetteer):
    """ACLED's notes and terse logs: the event, then sentences that name no time."""
    note = "On 3 April 2023, Russian forces shelled Kherson. 1 civilian was killed."
    strike = one(memory_gazetteer, note, "strikes")
    assert strike.figures["fatalities"].value == 1
    assert events(memory_gazetteer, note, "casualties") == []
    retaken = (
        "On 10 June 2023, Ukrainian forces clashed with Russian forces near Izium. "
        "Ukrainian forces regained control of Izium."
    )
    taken = one(memory_gazetteer, retaken, "control")
    assert (taken.event_date, taken.time_precision) == (dt.date(2023, 6, 10), 1)
    tally = "On 3 April 2023, Russian forces shelled Kherson. 300 people have died since May."
    assert one(memory_gazetteer, tally, "casualties").figures["toll"].value == 300
    assert "fatalities" not in one(memory_gazetteer, tally, "strikes").figures


def test_a_sentence_that_names_no_time_goes_on_telling_of_the_day_before(memory_gazetteer):
    text = (
        "Russian troops shelled Kherson 39 times on Monday. Residential buildings came under "
        "fire in Mykolaiv, where a firefighter was killed."
    )
    found = {e.place.name: e for e in events(memory_gazetteer, text, "strikes")}
    assert (found["Mykolaiv"].event_date, found["Mykolaiv"].time_precision) == (
        dt.date(2026, 2, 2),
        1,
    )
    # The war described stays a description, whatever day the sentence before told of.
    described = (
        "Russian drones struck Kharkiv on Monday. Russian air attacks on Ukraine have slowed."
    )
    assert [e.place.name for e in events(memory_gazetteer, described, "strikes")] == ["Kharkiv"]


def test_each_bullet_of_a_list_is_its_own_sentence(memory_gazetteer):
    text = (
        "Key takeaways:\n"
        "- Ukrainian forces withdrew from Soledar on Monday\n"
        "- Positional fighting continued near Bakhmut on Tuesday"
    )
    taken = one(memory_gazetteer, text, "control")
    assert (taken.place.name, taken.event_date, taken.quote) == (
        "Soledar",
        dt.date(2026, 2, 2),
        "Ukrainian forces withdrew from Soledar on Monday",
    )
    clash = one(memory_gazetteer, text, "battles")
    assert (clash.place.name, clash.event_date) == ("Bakhmut", dt.date(2026, 2, 3))


def test_a_headline_is_not_reported_twice(memory_gazetteer):
    text = "Russian strikes kill two in Kherson\n\nRussian missiles hit Kherson on Monday."
    assert article(text).title == "Russian strikes kill two in Kherson"
    (strike,) = events(memory_gazetteer, text, "strikes")
    assert strike.event_date == dt.date(2026, 2, 2)


def test_whose_ship_was_hit_and_ships_seized_are_no_actor_or_capture(memory_gazetteer):
    hit = "The Houthis fired missiles at a Turkish-owned ship near Odesa on Monday."
    assert one(memory_gazetteer, hit, "strikes").actor1 == "Houthis"
    assert events(memory_gazetteer, "Russian forces seized a tanker near Odesa.", "control") == []


def test_a_strike_whose_drones_were_all_shot_down_is_a_downing(memory_gazetteer):
    text = "On 9 May 2023, a Russian drone attack targeted Kyiv. All drones were shot down."
    assert events(memory_gazetteer, text, "strikes") == []
    assert one(memory_gazetteer, text, "disrupted").place.name == "Kyiv"


def test_what_air_defence_let_through_struck(memory_gazetteer):
    text = (
        "Air defences shot down 20 of 25 drones on Monday, but one hit an apartment "
        "block in Kharkiv, killing a woman."
    )
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.place.name, strike.sub_event_type) == ("Kharkiv", t.AIR_DRONE)
    assert strike.figures["fatalities"].value == 1 and "weapon_count" not in strike.figures
    all_down = "Air defences shot down all 25 drones over Kharkiv on Monday."
    assert events(memory_gazetteer, all_down, "strikes") == []


def test_an_exchange_that_names_only_sides_is_in_the_wars_country(memory_gazetteer):
    text = (
        "Drones hit Khartoum on Monday. Turkey has been mediating between the RSF and "
        "Moscow for months, and a prisoner swap involving 900 detainees took place in April."
    )
    swap = one(memory_gazetteer, text, "exchanges")
    assert (swap.place.name, swap.geo_precision) == ("Sudan", 3)
    assert swap.figures["prisoners_total"].value == 900


def test_listed_towns_may_say_what_they_are(memory_gazetteer):
    text = "Missiles hit Kharkiv and the town of Izium on Monday."
    assert {e.place.name for e in events(memory_gazetteer, text, "strikes")} == {"Kharkiv", "Izium"}
    what = (
        "Most of the missiles were intercepted by Ukrainian and French air defences, but "
        "some struck, damaging a school in Kharkiv and a restaurant in Izium on Monday."
    )
    found = events(memory_gazetteer, what, "strikes")
    assert {e.place.name for e in found} == {"Kharkiv", "Izium"}
    assert {e.actor1 for e in found} == {None}  # the defenders are not who struck


def test_a_shooting_attack_that_kills_people_is_an_attack_on_civilians(memory_gazetteer):
    text = "A shooting attack in Kyiv killed seven people on Tuesday, police said."
    attack = one(memory_gazetteer, text, "civilians")
    assert attack.sub_event_type == t.ATTACK and attack.figures["fatalities"].value == 7


def test_strikes_a_crowd_denounces_are_its_cause_not_a_strike_where_it_is(memory_gazetteer):
    rally = "Thousands of Hamas supporters rallied in Khartoum on Friday to denounce the strikes."
    assert [e.layer for e in events(memory_gazetteer, rally)] == ["protests"]
    placed = "Ukraine condemned the Russian missile strikes on Kharkiv on Monday, which killed 5."
    assert one(memory_gazetteer, placed, "strikes").place.name == "Kharkiv"


def test_a_weapon_hit_is_not_the_weapon_that_struck(memory_gazetteer):
    lancet = "A Russian drone destroyed a Ukrainian howitzer near Bakhmut on Monday."
    assert one(memory_gazetteer, lancet, "strikes").sub_event_type == t.AIR_DRONE
    shells = "A headquarters in Kherson had been struck with 30 shells overnight."
    assert one(memory_gazetteer, shells, "strikes").sub_event_type == t.SHELLING
    cluster = "Russian troops fired cluster munitions at Kherson on Monday."
    assert one(memory_gazetteer, cluster, "strikes").sub_event_type == t.SHELLING


def test_one_protest_a_day_takes_the_worst_it_met(memory_gazetteer):
    text = (
        "On 4 March 2023, police fired tear gas at protesters in Khartoum. "
        "2 protesters were killed."
    )
    protest = one(memory_gazetteer, text, "protests")
    assert protest.sub_event_type == t.EXCESSIVE_FORCE
    assert protest.figures["fatalities"].value == 2


def test_one_feature_a_day_at_a_place_of_a_type_by_the_same_hands(memory_gazetteer):
    from geomap.layers import event_layers

    def strikes(text):
        found = events(memory_gazetteer, text, "strikes")
        return [f.properties for f in event_layers(found)["strikes"].features]

    (strike,) = strikes(
        "Russian drones hit Odesa on Monday. Later on Monday a drone struck a port "
        "building in Odesa, killing two people."
    )
    assert strike["actor1"] == "Russia" and strike["fatalities"] == 2
    assert strike["report_count"] == 2
    # other hands, or another day: another event
    two_sides = strikes("Russian drones hit Odesa on Monday. Ukrainian drones hit Odesa on Monday.")
    assert sorted(s["actor1"] for s in two_sides) == ["Russia", "Ukraine"]
    assert len({s["id"] for s in two_sides}) == 2
    assert (
        len(strikes("Russian drones hit Odesa on Monday. Russian drones hit Odesa on Tuesday."))
        == 2
    )


def test_the_strike_told_again_at_a_town_of_its_region_is_placed_there(memory_gazetteer):
    text = (
        "A Russian air strike on a village in the Kharkiv region killed at least 50 "
        "people, officials said on Thursday. The strike on the village near Izium took "
        "place early on Tuesday."
    )
    from geomap.layers import event_layers

    found = events(memory_gazetteer, text, "strikes")
    (strike,) = [f.properties for f in event_layers(found)["strikes"].features]
    assert (strike["location"], strike["event_date"]) == ("Izium", "2026-02-03")
    assert strike["sub_event_type"] == t.AIR_DRONE and strike["actor1"] == "Russia"
    assert strike["fatalities"] == 50 and strike["report_count"] == 2


def test_one_toll_for_two_towns_is_shared_between_them(memory_gazetteer):
    text = "Russian missiles killed at least 41 people in Odesa and Kherson on Monday."
    strikes = events(memory_gazetteer, text, "strikes")
    killed = {e.place.name: e.figures["fatalities"] for e in strikes}
    assert {name: f.value for name, f in killed.items()} == {"Odesa": 21, "Kherson": 20}
    assert {f.hedge for f in killed.values()} == {"at least"}


def test_a_toll_belongs_to_the_strike_of_its_clause(memory_gazetteer):
    text = (
        "Russian missiles struck Odesa on Monday, killing two people, "
        "while shelling continued in Kherson."
    )
    killed = {
        e.place.name: e.figures.get("fatalities") for e in events(memory_gazetteer, text, "strikes")
    }
    assert killed["Odesa"].value == 2 and killed["Kherson"] is None


def test_a_toll_is_not_lost_to_drones_shot_down_in_the_same_sentence(memory_gazetteer):
    text = (
        "Air defences shot down two Russian drones over the capital Kyiv during the night, "
        "and later Russian missiles hit Odesa on Monday, killing two people."
    )
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.place.name, strike.figures["fatalities"].value) == ("Odesa", 2)
    assert events(memory_gazetteer, text, "casualties") == []


def test_dozens_killed_are_twelve_as_acled_codes_them(memory_gazetteer):
    text = "On 30 September 2022, police opened fire on protesters in Khartoum, killing dozens."
    protest = one(memory_gazetteer, text, "protests")
    assert protest.figures["fatalities"].value == 12


def test_war_crimes_named_are_an_accusation_not_an_event(memory_gazetteer):
    text = "Guterres toured Kyiv suburbs where Moscow is alleged to have committed war crimes."
    assert events(memory_gazetteer, text, "civilians") == []
    acts = "On 3 March 2022, Russian soldiers executed five civilians near Kyiv."
    assert one(memory_gazetteer, acts, "civilians").sub_event_type == t.ATTACK


def test_gunmen_shooting_at_a_concert_hall_attack_civilians(memory_gazetteer):
    text = "On 22 March 2024, gunmen opened fire at a concert hall in Moscow, killing 145 people."
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.sub_event_type, attack.figures["fatalities"].value) == (t.ATTACK, 145)
    assert events(memory_gazetteer, text, "strikes") == []
    checkpoint = "On 2 May 2024, gunmen opened fire on a police checkpoint in Khartoum."
    assert one(memory_gazetteer, checkpoint, "battles").sub_event_type == t.ARMED_CLASH
    assert events(memory_gazetteer, checkpoint, "civilians") == []


def test_a_raid_that_arrests_is_an_arrest(memory_gazetteer):
    text = "On 22 November 2023, Israeli forces arrested 15 Palestinians in raids across Jenin."
    assert one(memory_gazetteer, text, "arrests").figures["arrested"].value == 15
    assert events(memory_gazetteer, text, "battles") == []


def test_gunmen_attacking_a_church_attack_civilians_and_fight_no_one(memory_gazetteer):
    text = "On 5 June 2022, gunmen attacked a church in Khartoum, killing 40 worshippers."
    attack = one(memory_gazetteer, text, "civilians")
    assert (attack.sub_event_type, attack.figures["fatalities"].value) == (t.ATTACK, 40)
    assert events(memory_gazetteer, text, "battles") == []
    assert events(memory_gazetteer, "Police raided a newspaper's offices in Khartoum.") == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("On 2023-04-03, Russian forces shelled Kharkiv.", (dt.date(2023, 4, 3), 1)),
        (
            "During the week of 3 April 2023, Russian forces shelled Kharkiv.",
            (dt.date(2023, 4, 3), 2),
        ),
    ],
)
def test_dates_as_incident_logs_write_them(memory_gazetteer, text, when):
    strike = one(memory_gazetteer, text, "strikes")
    assert (strike.event_date, strike.time_precision) == when


def test_a_town_located_from_another_in_a_longer_sentence(memory_gazetteer):
    text = (
        "A hotel in Mykolaiv, 50km south of Kherson, was hit on Monday, killing two, "
        "a spokesman in Izium said."
    )
    assert one(memory_gazetteer, text, "strikes").place.name == "Mykolaiv"


def test_troops_killing_insurgents_fight_a_battle(memory_gazetteer):
    text = "Sudanese troops killed 20 rebels near Khartoum on Monday, the army said."
    clash = one(memory_gazetteer, text, "battles")
    assert clash.place.name == "Khartoum"
    assert clash.figures["fatalities"].value == 20
    # killed from the air: a strike, not also a battle
    strike = "Israeli forces killed five militants in an airstrike on Jenin on Monday."
    assert events(memory_gazetteer, strike, "battles") == []
    assert one(memory_gazetteer, strike, "strikes").sub_event_type == "Air/drone strike"
