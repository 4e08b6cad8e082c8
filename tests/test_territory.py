"""The line of contact and the occupied share, on synthetic countries whose
answers are known (a square half occupied, a river, a border strip, a coast,
slivers), and on Ukraine's real outline with a synthetic occupied area."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from shapely.geometry import LineString, Polygon, box

from geomap.errors import GeomapError
from geomap.geometry import geodesic_area_km2, geodesic_length_km
from geomap.territory import (
    MEASURED,
    Snapshot,
    line_of_contact,
    measure,
    read_snapshots,
    snapshot_on,
)
from geomap.testing import write_area

COUNTRY = box(30.0, 48.0, 32.0, 50.0)  # a square country, about 148 km by 222 km
MERIDIAN_31 = geodesic_length_km(LineString([(31.0, 48.0), (31.0, 50.0)]))  # 222.4 km


def snapshot(area, as_of="2026-02-01"):
    return Snapshot(area, as_of, "test")


def test_a_square_half_occupied_along_a_meridian():
    ref = measure(snapshot(box(31.0, 47.0, 33.0, 51.0)), "XX", COUNTRY)
    assert ref.geometry_kind == MEASURED
    assert ref.length_km == pytest.approx(MERIDIAN_31, abs=0.5)
    assert ref.length_km_1km == pytest.approx(MERIDIAN_31, abs=0.5)
    # Clipped to the country; the meridian halves a square in longitude exactly.
    assert ref.share_pct == pytest.approx(50.0, abs=0.05)
    assert ref.area_km2 == pytest.approx(geodesic_area_km2(COUNTRY) / 2, rel=0.001)
    assert "outline" in ref.share_of


def test_the_share_is_of_the_stated_area_when_known():
    ref = measure(
        snapshot(box(31.0, 47.0, 33.0, 51.0)),
        "XX",
        COUNTRY,
        country_area_km2=2 * geodesic_area_km2(COUNTRY),
        country_name="Squareland",
    )
    assert ref.share_pct == pytest.approx(25.0, abs=0.05)
    assert ref.share_of_outline_pct == pytest.approx(50.0, abs=0.05)
    assert "Squareland's area in GeoNames" in ref.share_of


def test_a_front_that_follows_a_river_is_the_river_bank():
    # A winding river; the occupied side begins at its east bank, and the
    # water (like the land west of it) is held.
    ys = [47.9 + i * 0.0025 for i in range(881)]
    bank = [(31.01 + 0.05 * math.sin(2 * math.pi * (y - 48.0) / 0.1), y) for y in ys]
    occupied = Polygon([*bank, (33.0, 50.1), (33.0, 47.9)])
    expected = geodesic_length_km(LineString(bank).intersection(COUNTRY))
    ref = measure(snapshot(occupied), "XX", COUNTRY)
    assert ref.length_km == pytest.approx(expected, rel=0.005)
    assert expected > MERIDIAN_31 * 1.2  # the river's bends count
    assert ref.length_km_1km < ref.length_km  # at 1 km the small bends go


def test_a_strip_along_the_state_border_is_measured_on_its_inner_edge_only():
    # 0.1° deep along the eastern border: the border itself is no front.
    inner_edge = geodesic_length_km(LineString([(31.9, 48.0), (31.9, 50.0)]))
    ref = measure(snapshot(box(31.9, 47.0, 33.0, 51.0)), "XX", COUNTRY)
    assert ref.length_km == pytest.approx(inner_edge, abs=0.5)


def test_the_coast_is_no_front():
    # An occupied strip along the southern coast: three inner sides, not the shore.
    occupied = box(30.5, 47.0, 31.5, 48.3)
    inner = LineString([(30.5, 48.0), (30.5, 48.3), (31.5, 48.3), (31.5, 48.0)])
    ref = measure(snapshot(occupied), "XX", COUNTRY)
    assert ref.length_km == pytest.approx(geodesic_length_km(inner), abs=0.5)


def test_slivers_where_polygon_and_outline_disagree_do_not_count():
    # The occupied polygon stops 150-250 m short of the outline's east border and
    # south coast: the thin "held" strips left there are no front line.
    occupied = box(31.0, 48.0015, 31.997, 50.1)
    ref = measure(snapshot(occupied), "XX", COUNTRY)
    assert ref.length_km == pytest.approx(MERIDIAN_31, abs=1.0)
    # Without the opening, the strips would add the border and the coast.
    naive = geodesic_length_km(line_of_contact(occupied, COUNTRY, sliver_m=1.0))
    assert naive > MERIDIAN_31 + 250


def test_an_occupied_enclave_counts_all_round():
    enclave = box(30.8, 48.8, 31.2, 49.2)
    ref = measure(snapshot(enclave), "XX", COUNTRY)
    assert ref.length_km == pytest.approx(geodesic_length_km(enclave.exterior), rel=0.005)


def test_an_area_outside_the_country_is_refused():
    with pytest.raises(GeomapError, match="does not overlap"):
        measure(snapshot(box(40.0, 10.0, 41.0, 11.0)), "XX", COUNTRY)


def test_the_date_comes_from_as_of_a_property_or_the_file_name(tmp_path):
    named = write_area(tmp_path / "deepstatemap_data_20260201.geojson", COUNTRY)
    (one,) = read_snapshots(named)
    assert (one.as_of, one.source) == ("2026-02-01", "DeepStateMap")
    dated = write_area(tmp_path / "mine.geojson", COUNTRY, date="2025-11-30", source="my map")
    assert read_snapshots(dated)[0].as_of == "2025-11-30"
    assert read_snapshots(dated)[0].source == "my map"
    given = read_snapshots(dated, as_of=dt.date(2024, 1, 2))[0]
    assert given.as_of == "2024-01-02"


def test_a_folder_is_read_oldest_first_and_claims_take_the_snapshot_on_or_before(tmp_path):
    for day in ("20250101", "20260201", "20260301"):
        write_area(tmp_path / f"area_{day}.geojson", COUNTRY)
    snapshots = read_snapshots(tmp_path)
    assert [s.as_of for s in snapshots] == ["2025-01-01", "2026-02-01", "2026-03-01"]
    assert snapshot_on(snapshots, dt.date(2026, 2, 5)).as_of == "2026-02-01"
    assert snapshot_on(snapshots, dt.date(2026, 3, 1)).as_of == "2026-03-01"
    assert snapshot_on(snapshots, dt.date(2024, 6, 1)) is None
    assert snapshot_on(snapshots, None).as_of == "2026-03-01"


def test_an_undated_file_in_a_folder_is_refused_with_its_name(tmp_path):
    write_area(tmp_path / "area_20260201.geojson", COUNTRY)
    write_area(tmp_path / "undated.geojson", COUNTRY)
    with pytest.raises(GeomapError, match=r"no date for undated\.geojson"):
        read_snapshots(tmp_path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "cannot read the occupied area"),
        ('{"type": "FeatureCollection", "features": []}', "no Polygon or MultiPolygon"),
        ('{"type": "Polygon", "coordinates": [[[0, 0], [1]]]}', "a broken polygon"),
        ("[1, 2]", "not a GeoJSON object"),
        (b"\xff\xfe\x00binary", "cannot read the occupied area"),
    ],
)
def test_broken_files_give_one_reason(tmp_path, content, reason):
    path = tmp_path / "area.geojson"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(GeomapError, match=reason) as info:
        read_snapshots(path)
    assert "\n" not in str(info.value)


def test_ukraine_with_a_synthetic_occupied_east():
    """The real outline: everything east of 36°E occupied. The line of contact
    is the meridian where it crosses the country; the share is that area
    over GeoNames' 603,700 km²."""
    from geomap.outlines import country_area_km2, country_outline

    outline = country_outline("UA")
    occupied = box(36.0, 40.0, 45.0, 55.0)
    ref = measure(snapshot(occupied), "UA", outline, country_area_km2=country_area_km2("UA"))
    meridian = LineString([(36.0, 40.0), (36.0, 55.0)]).intersection(outline)
    assert ref.length_km == pytest.approx(geodesic_length_km(meridian), rel=0.01)
    east = geodesic_area_km2(outline.intersection(occupied))
    assert ref.share_pct == pytest.approx(100 * east / 603_700, abs=0.01)
    assert "603,700 km²" in ref.share_of
