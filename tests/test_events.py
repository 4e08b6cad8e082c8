"""Events and claims: the seed's, and varied sentences for every type and number form."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.analysis import analyse
from geomap.events.dates import find_dates
from geomap.events.numbers import parse_length_km, parse_numbers, parse_percent
from geomap.geometry import great_circle_km as km
from geomap.testing import article

THURSDAY = dt.date(2026, 2, 5)


def events_of(text, gazetteer, layer=None, date="2026-02-05"):
    found = analyse(article(text, date=date), gazetteer).events
    return [e for e in found if layer is None or e.layer == layer]


# -- the seed ---------------------------------------------------------------------------


def seed_events(seed_result, layer):
    return [e for e in seed_result.events if e.layer == layer]


def test_seed_strikes(seed_result):
    strikes = seed_events(seed_result, "strikes")
    by_date = {(e.event_date, e.time_precision, e.place.name): e for e in strikes}
    tuesday = by_date[(dt.date(2026, 2, 3), 1, "Ukraine")]
    assert tuesday.sub_event_type == "Air/drone strike" and tuesday.geo_precision == 3
    assert tuesday.actor1 == "Russia"
    assert (dt.date(2026, 2, 4), 1, "Ukraine") in by_date
    thursday = [e for e in strikes if e.event_date == THURSDAY and "weapon_count" in e.figures]
    assert thursday[0].figures["weapon_count"].value == 183
    assert "110 of which were Shaheds" in thursday[0].figures["weapon_count"].text
    # "strikes on a Russian ... launch site": an adjective is never the place.
    assert all(e.place.country_code != "RU" for e in strikes)
    for event in strikes:
        assert event.event_type == "Explosions/Remote violence"
        assert seed_result.document.text[event.quote_start : event.quote_end] == event.quote


def test_seed_talks_in_abu_dhabi(seed_result):
    talks = [e for e in seed_events(seed_result, "talks") if e.place.name == "Abu Dhabi"]
    assert len(talks) == 1
    assert talks[0].event_date == dt.date(2026, 2, 4)
    assert talks[0].details["end_date"] == "2026-02-05"  # a second day of talks
    assert {talks[0].actor1, talks[0].actor2} == {"Ukraine", "Russia"}
    assert talks[0].sub_event_type == "Agreement"


def test_seed_prisoner_exchange(seed_result):
    exchanges = seed_events(seed_result, "exchanges")
    figures = {}
    for event in exchanges:
        figures.update({k: f.value for k, f in event.figures.items()})
    assert figures == {"prisoners_total": 314, "prisoners_each": 157, "civilians": 3}
    assert {e.place.name for e in exchanges} == {"Kursk Oblast"}


def test_seed_claims(seed_result):
    (front,) = seed_events(seed_result, "frontline")
    assert front.figures["claimed_length_km"].value == 1200
    assert front.figures["claimed_length_km"].hedge == "about"
    shares = {
        e.sub_event_type: e.figures["claimed_share_pct"].value
        for e in seed_events(seed_result, "occupation")
    }
    assert shares == {"occupied": 20.0, "gained since early 2024": 1.5}


def test_seed_tolls(seed_result):
    tolls = {e.figures["toll"].value: e for e in seed_events(seed_result, "casualties")}
    ukrainian = tolls[55000]
    assert ukrainian.figures["toll"].hedge == "about"
    assert "Zelenskiy" in ukrainian.reported_by
    assert ukrainian.place.country_code == "UA"
    assert ukrainian.time_precision == 2  # "this week"
    russian = tolls[1_200_000]
    assert russian.figures["toll"].hedge == "nearly"
    assert russian.place.country_code == "RU"
    assert russian.reported_by == "Center for Strategic and International Studies"
    assert russian.disputed_by == "Moscow"


# -- other wars, other phrasing -----------------------------------------------------------


def test_missile_strike_with_toll(gazetteer):
    (strike,) = events_of(
        "Russian missiles struck Kharkiv on Monday, killing at least 12 "
        "people, the regional governor said.",
        gazetteer,
        "strikes",
    )
    assert strike.sub_event_type == "Shelling/artillery/missile attack"
    assert strike.place.name == "Kharkiv" and strike.geo_precision == 1
    assert strike.event_date == dt.date(2026, 2, 2)
    assert strike.figures["fatalities"].value == 12
    assert strike.figures["fatalities"].hedge == "at least"
    assert strike.actor1 == "Russia"


def test_airstrike_in_gaza(gazetteer):
    (strike,) = events_of(
        "An Israeli airstrike on a house in Rafah killed five members of "
        "one family on Sunday, health officials said.",
        gazetteer,
        "strikes",
    )
    assert strike.sub_event_type == "Air/drone strike"
    assert strike.place.country_code == "PS"
    assert strike.event_date == dt.date(2026, 2, 1)
    assert strike.figures["fatalities"].value == 5


def test_shelling_in_sudan_last_week(gazetteer):
    (strike,) = events_of(
        "Sudan's paramilitary Rapid Support Forces shelled El Fasher last "
        "week, killing 30 civilians, according to local activists.",
        gazetteer,
        "strikes",
    )
    assert strike.place.name == "El Fasher"
    assert strike.time_precision == 2
    assert strike.reported_by == "local activists" or strike.reported_by is None


def test_drones_shot_down_is_disrupted_weapons_use(gazetteer):
    events = events_of(
        "Ukraine's air force said it shot down 150 of 183 drones launched by Russia overnight.",
        gazetteer,
    )
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
    assert events[0].event_type == "Strategic developments"
    assert events[0].figures["weapon_count"].value == 150


def test_talks_and_swap_in_istanbul(gazetteer):
    events = events_of(
        "The two sides met for talks in Istanbul on May 16 and agreed to swap "
        "1,000 prisoners each.",
        gazetteer,
        date="2025-06-01",
    )
    talks = [e for e in events if e.layer == "talks"]
    swap = [e for e in events if e.layer == "exchanges"]
    assert talks[0].place.name == "Istanbul" and talks[0].event_date == dt.date(2025, 5, 16)
    assert swap[0].figures["prisoners_each"].value == 1000


def test_hostage_release_is_an_exchange_not_a_place_called_hamas(gazetteer):
    events = events_of(
        "Hamas released 20 hostages and Israel freed nearly 2,000 Palestinian prisoners on Monday.",
        gazetteer,
        "exchanges",
    )
    assert events and events[0].figures["prisoners_total"].value == 20
    assert all(e.place.name != "Hamm" for e in events)


def test_front_line_in_miles(gazetteer):
    (claim,) = events_of("The front line stretches for roughly 600 miles.", gazetteer, "frontline")
    assert claim.figures["claimed_length_km"].value == pytest.approx(965.6, abs=0.1)
    assert claim.figures["claimed_length_km"].hedge == "roughly"


def test_occupation_as_a_fraction(gazetteer):
    (claim,) = events_of(
        "Russia controls a fifth of Ukraine's territory, analysts say.", gazetteer, "occupation"
    )
    assert claim.figures["claimed_share_pct"].value == 20
    assert claim.place.country_code == "UA"


def test_toll_killed_in_gaza_disputed(gazetteer):
    (toll,) = events_of(
        "More than 60,000 Palestinians have been killed in Gaza, the health "
        "ministry said. Israel disputed the figures.",
        gazetteer,
        "casualties",
    )
    assert toll.figures["toll"].value == 60000 and toll.figures["toll"].hedge == "more than"
    assert toll.disputed_by == "Israel"
    assert toll.place.country_code == "PS"


def test_no_violence_without_violence(gazetteer):
    """A labour strike is a peaceful protest (as ACLED codes it), no strike."""
    (protest,) = events_of("Workers went on strike in Lyon over pensions.", gazetteer)
    assert (protest.event_type, protest.sub_event_type) == ("Protests", "Peaceful protest")
    assert protest.place.name == "Lyon"
    assert events_of("The company hopes to strike a deal in Berlin.", gazetteer) == []


# -- dates and numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("on Thursday", "2026-02-05", 1),
        ("overnight on Tuesday", "2026-02-03", 1),
        ("late on Wednesday", "2026-02-04", 1),
        ("this week", "2026-02-02", 2),  # the week's Monday
        ("last week", "2026-01-26", 2),
        ("in the past week", "2026-02-02", 2),
        ("on New Year's Eve", "2025-12-31", 1),
        ("on New Years Eve", "2025-12-31", 1),
        ("on New Year’s Day", "2026-01-01", 1),
        ("at the close of January", "2026-01-27", 2),
        ("at the end of January", "2026-01-27", 2),
        ("in early December", "2025-12-04", 2),
        ("in mid-January 2026", "2026-01-15", 2),
        ("last month", "2026-01-01", 3),
        ("in October 2025", "2025-10-01", 3),
        ("last year", "2025-01-01", 4),
        ("on Feb. 3", "2026-02-03", 1),
        ("on 28 December", "2025-12-28", 1),
        ("yesterday", "2026-02-04", 1),
        ("overnight", "2026-02-05", 1),
        ("overnight on Tuesday", "2026-02-03", 1),
        ("overnight into Sunday", "2026-02-01", 1),
        ("two weeks ago", "2026-01-22", 2),
        ("over the past day", "2026-02-05", 1),
        ("in the previous 24 hours", "2026-02-05", 1),
        ("on Tuesday last week", "2026-01-27", 1),  # last week's Tuesday, not this one
        ("on 03/02/2026", "2026-02-03", 1),  # day first, as most of the world writes it
        ("on 03.02.2026", "2026-02-03", 1),
        ("on 02/13/2026", "2026-02-13", 1),  # month first, where the day cannot be
    ],
)
def test_relative_dates(text, date, precision):
    (found,) = find_dates(text, THURSDAY)
    assert (found.date.isoformat(), found.precision) == (date, precision)


def test_a_numeric_dates_figures_are_no_counts(memory_gazetteer):
    for day in ("On 03/02/2026", "On 2026-02-03"):
        (strike,) = [
            e
            for e in analyse(article(f"{day}, drones hit Kherson."), memory_gazetteer).events
            if e.layer == "strikes"
        ]
        assert strike.event_date == dt.date(2026, 2, 3) and "weapon_count" not in strike.figures


def test_may_the_verb_is_not_a_date():
    assert find_dates("Talks may resume.", THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "value", "hedge"),
    [
        ("about 55,000", 55000, "about"),
        ("nearly 1.2 million", 1_200_000, "nearly"),
        ("314 prisoners", 314, None),
        ("at least 12", 12, "at least"),
        ("three civilians", 3, None),
        ("more than 2,000", 2000, "more than"),
    ],
)
def test_numbers(text, value, hedge):
    (_, _, figure), *_ = parse_numbers(text)
    assert (figure.value, figure.hedge) == (value, hedge)


def test_the_dateline_is_where_the_reporter_filed_from_not_where_it_happened(gazetteer):
    text = (
        "Rebels advance in Congo\n\nGOMA, Congo, March 5 (Reuters) - M23 rebels seized the "
        "town of Nyanzale in North Kivu province on Monday, local sources said."
    )
    (taken,) = events_of(text, gazetteer, "control", date="2024-03-05")
    assert taken.place.kind == "admin1" and taken.place.country_code == "CD"
    assert taken.event_date == dt.date(2024, 3, 4)  # Monday, not the day it was filed
    assert km(taken.place.lat, taken.place.lon, -0.5, 29.3) < 150  # North Kivu, not Goma
    (blast,) = events_of("KYIV, Ukraine (AP) — Explosions rocked the capital.", gazetteer)
    assert blast.place.name == "Kyiv"  # with no other place, the dateline's


def test_a_year_is_not_a_count():
    assert parse_numbers("in 2024") == []


def test_a_victim_named_by_who_they_were_is_one_death_and_an_age_no_count(gazetteer):
    (strike,) = events_of(
        "A Russian missile strike on Dnipro killed a 12-year-old boy on Saturday.",
        gazetteer,
        "strikes",
    )
    assert strike.figures["fatalities"].value == 1
    (blast,) = events_of("A landmine exploded near Kupiansk, killing a farmer.", gazetteer)
    assert blast.figures["fatalities"].value == 1
    (family,) = events_of("A drone struck Kherson, killing a woman and her son.", gazetteer)
    assert "fatalities" not in family.figures  # two, not one: better none than too few


def test_lengths_prefer_the_first_unit():
    assert parse_length_km("about 1,200 km (746 miles)")[2].value == 1200
    assert parse_length_km("roughly 600 miles")[2].value == pytest.approx(965.606)


def test_percentages():
    assert [(f.value, f.hedge) for _, _, f in parse_percent("about 20%")] == [(20.0, "about")]
    assert parse_percent("1.5 percent")[0][2].value == 1.5
    assert parse_percent("a quarter of the land")[0][2].value == 25.0


def test_a_war_toll_with_no_place_named_goes_to_the_articles_country(gazetteer):
    text = (
        "KHARTOUM, Oct 28 (Reuters) - Drone strikes hit El Obeid on Monday. More than "
        "150,000 people have been killed since the war began in April 2023, according to "
        "U.S. estimates. The RSF denied the figures."
    )
    (toll,) = [
        e
        for e in events_of(text, gazetteer, "casualties", date="2025-10-28")
        if e.figures["toll"].value == 150_000
    ]
    assert toll.place.name == "Sudan" and toll.geo_precision == 3
    assert toll.figures["toll"].value == 150_000 and toll.figures["toll"].hedge == "more than"
    assert toll.event_date == dt.date(2025, 10, 28)  # the report, not "since April 2023"
    assert toll.reported_by == "U.S." and toll.disputed_by == "RSF"


def test_the_red_cross_is_not_a_place(gazetteer):
    events = events_of(
        "Hamas released three Israeli hostages on Sunday in exchange for 90 "
        "Palestinian prisoners, the Red Cross said.",
        gazetteer,
        "exchanges",
    )
    assert events and all(e.place.name != "Red Cross" for e in events)


def test_region_after_a_possessive_and_overnight(gazetteer):
    (strike,) = events_of(
        "Ukrainian drones attacked an oil refinery in Russia's Saratov region "
        "overnight, the regional governor said, the third such attack this "
        "month.",
        gazetteer,
        "strikes",
        date="2026-03-12",
    )
    assert strike.place.name == "Saratov Oblast" and strike.place.kind == "admin1"
    assert (strike.event_date, strike.time_precision) == (dt.date(2026, 3, 12), 1)
    assert strike.actor1 == "Ukraine" and strike.reported_by == "regional governor"


def test_speaker_with_a_lower_case_title(gazetteer):
    (strike,) = events_of(
        "Israeli warplanes struck the town of Nabatieh on Wednesday, killing "
        "at least seven people, Lebanon's health ministry said.",
        gazetteer,
        "strikes",
        date="2026-03-12",
    )
    assert strike.reported_by == "Lebanon's health ministry"
    assert strike.place.country_code == "LB" and strike.figures["fatalities"].value == 7


def test_plain_strikes_with_a_toll_and_the_reporting_side(gazetteer):
    text = (
        "Russia's defence ministry said on Wednesday that its troops advanced, while "
        "Ukrainian officials said a missile strike on the city of Sumy killed two people."
    )
    (strike,) = events_of(text, gazetteer, "strikes", date="2025-08-20")
    assert strike.place.name == "Sumy" and strike.figures["fatalities"].value == 2
    assert strike.reported_by == "Ukrainian officials"
    (camp,) = events_of(
        "Israeli strikes on Jabalia refugee camp in northern Gaza killed at "
        "least 18 people on Tuesday, medics said.",
        gazetteer,
        "strikes",
        date="2025-08-20",
    )
    assert camp.place.country_code == "PS" and camp.event_date == dt.date(2025, 8, 19)
    assert camp.figures["fatalities"].value == 18 and camp.actor1 == "Israel"


def test_a_weapon_named_after_a_town_is_no_place(gazetteer):
    # Grad is a town in Slovenia; "Grad rockets" are the weapon.
    text = "Russian forces attacked Nikopol with Grad rockets on Monday."
    assert [e.place.name for e in events_of(text, gazetteer, "strikes")] == ["Nikopol"]
    assert "Grad" not in {rm.mention.surface for rm in analyse(article(text), gazetteer).resolved}
    assert events_of("Shelling hit Grad, Slovenia, on Monday.", gazetteer, "strikes")
