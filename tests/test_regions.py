"""Region shapes: the committed Natural Earth extract, the joins on GeoNames
ids, the composites (Donbas, Crimea), the regions layer and region shares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shapely.geometry import Point, box, mapping

from geomap.geometry import geodesic_area_km2
from geomap.model import Place
from geomap.outlines import region_outline

ROOT = Path(__file__).resolve().parent.parent


def region(place_id: str, name: str, kind: str = "admin1", **fields) -> Place:
    return Place(place_id, name, kind, 0.0, 0.0, "UA", **fields)


DONETSK_OBLAST = region("geonames:709716", "Donetsk Oblast", geonameid=709716)
LUHANSK_OBLAST = region("geonames:702657", "Luhansk Oblast", geonameid=702657)
DONETSK, LUHANSK, SEVASTOPOL, SIMFEROPOL = (
    Point(37.80, 48.00),
    Point(39.31, 48.57),
    Point(33.52, 44.60),
    Point(34.10, 44.95),
)


def test_an_oblast_has_its_outline():
    shape = region_outline(DONETSK_OBLAST)
    assert shape.contains(DONETSK) and not shape.contains(LUHANSK)
    assert geodesic_area_km2(shape) == pytest.approx(26_517, rel=0.03)  # Donetsk Oblast


def test_the_admin1_code_joins_when_the_geonames_id_does_not():
    by_code = region("geonames:0", "Luhansk Oblast", admin1_code="UA.14")
    assert region_outline(by_code).contains(LUHANSK)


def test_composites_are_the_union_of_their_regions():
    donbas = region_outline(region("geomap:donbas", "Donbas", kind="region"))
    assert donbas.contains(DONETSK) and donbas.contains(LUHANSK)
    both = geodesic_area_km2(region_outline(DONETSK_OBLAST)) + geodesic_area_km2(
        region_outline(LUHANSK_OBLAST)
    )
    assert geodesic_area_km2(donbas) == pytest.approx(both, rel=0.01)


def test_every_region_of_the_extract_is_a_valid_polygon():
    """A region that rounding folded onto itself once broke a build's union."""
    import gzip

    from shapely.geometry import shape

    data = json.loads(gzip.decompress((ROOT / "geomap/shapes/admin1.geojson.gz").read_bytes()))
    shapes = [shape(f["geometry"]) for f in data["features"]]
    assert len(shapes) == 4596
    assert [
        s for s in shapes if not s.is_valid or s.geom_type not in ("Polygon", "MultiPolygon")
    ] == []


def test_crimea_and_sevastopol_are_ukraines_in_the_extract():
    """Natural Earth tags them Russia's; the extract files them by ISO 3166-2."""
    import gzip

    data = json.loads(gzip.decompress((ROOT / "geomap/shapes/admin1.geojson.gz").read_bytes()))
    countries = {f["properties"]["iso"]: f["properties"]["c"] for f in data["features"]}
    assert countries["UA-43"] == countries["UA-40"] == "UA"
    assert len({k for k, v in countries.items() if v == "UA"}) == 27
    crimea = region_outline(region("geomap:crimea", "Crimea", kind="region"))
    assert crimea.contains(SIMFEROPOL) and crimea.contains(SEVASTOPOL)


def test_towns_countries_and_unknown_regions_have_no_region_outline():
    assert region_outline(Place("geonames:1", "Kharkiv", "populated_place", 50, 36, "UA")) is None
    assert region_outline(Place("c:UA", "Ukraine", "country", 49, 32, "UA")) is None
    assert region_outline(region("geonames:123", "Nowhere Oblast", geonameid=123)) is None


def test_the_extract_script_retags_crimea_and_drops_ambiguous_codes():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "extract_regions", ROOT / "scripts" / "extract_regions.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    def feature(iso, country, a1, gn_id, square):
        return {
            "type": "Feature",
            "properties": {
                "iso_3166_2": iso,
                "iso_a2": country,
                "gn_a1_code": a1,
                "gn_id": gn_id,
                "name": iso,
            },
            "geometry": mapping(square),
        }

    collection = {
        "features": [
            feature("UA-43", "RU", "UA.11", 703883, box(33, 44.5, 36, 46)),
            feature("HU-BU", "HU", "HU.05", -99, box(19, 47, 19.2, 47.6)),
            feature("HU-PE", "HU", "HU.05", 3046431, box(18.9, 47, 20, 47.7)),
        ]
    }
    regions = {f["properties"]["iso"]: f["properties"] for f in script.regions(collection)}
    assert regions["UA-43"]["c"] == "UA" and regions["UA-43"]["g"] == 703883
    assert regions["HU-BU"]["g"] is None  # no GeoNames id
    assert regions["HU-BU"]["a"] is None and regions["HU-PE"]["a"] is None  # shared code


def test_the_regions_layer_draws_each_region_named_with_its_counts(seed_build):
    _, layers_dir, _ = seed_build
    regions = {
        f["properties"]["name"]: f
        for f in json.loads((layers_dir / "regions.geojson").read_text())["features"]
    }
    donetsk = regions["Donetsk Oblast"]
    assert donetsk["geometry"]["type"] == "MultiPolygon"
    from shapely.geometry import shape

    assert shape(donetsk["geometry"]).contains(DONETSK)
    props = donetsk["properties"]
    assert props["mention_count"] >= 1 and "Donetsk" in props["mentioned_as"]
    assert props["reports_at_region"] >= 1  # "the fiercest battles in the eastern Donetsk region"
    assert "Donbas" in regions and shape(regions["Donbas"]["geometry"]).contains(LUHANSK)


def test_a_regions_share_is_computed_within_its_outline(tmp_path, gazetteer):
    from click.testing import CliRunner

    from geomap.cli import cli
    from geomap.outlines import country_outline

    oblast = region_outline(LUHANSK_OBLAST)
    east = box(39.0, 40.0, 45.0, 55.0)
    occupied = country_outline("UA").intersection(east)
    area = tmp_path / "area_20220701.geojson"
    area.write_text(
        json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(occupied)})
    )
    source = tmp_path / "report.txt"
    source.write_text("date 2022-07-02\nRussia controls about 95% of the Luhansk region.")
    out = ["--layers", str(tmp_path / "l"), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, ["build", str(source), "--occupied", str(area), *out])
    assert result.exit_code == 0, result.output
    (claim,) = json.loads((tmp_path / "l" / "occupation.geojson").read_text())["features"]
    # The occupied part (clipped to the country) within the region's outline.
    expected = 100 * geodesic_area_km2(oblast.intersection(occupied)) / geodesic_area_km2(oblast)
    assert claim["properties"]["computed_share_pct"] == pytest.approx(expected, abs=0.05)
    assert "the outline of Luhansk Oblast" in claim["properties"]["share_of"]
    assert claim["geometry"]["type"] == "MultiPolygon"


def test_a_reported_area_is_set_beside_the_computed_one(tmp_path, gazetteer):
    from click.testing import CliRunner

    from geomap.cli import cli
    from geomap.outlines import country_outline

    oblast = region_outline(LUHANSK_OBLAST)
    occupied = country_outline("UA").intersection(box(39.0, 40.0, 45.0, 55.0))
    area = tmp_path / "area_20220701.geojson"
    area.write_text(
        json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(occupied)})
    )
    source = tmp_path / "report.txt"
    source.write_text(
        "date 2022-07-02\nRussia says it controls about 20,000 square kilometres of the "
        "Luhansk region."
    )
    out = ["--layers", str(tmp_path / "l"), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, ["build", str(source), "--occupied", str(area), *out])
    assert result.exit_code == 0, result.output
    (claim,) = json.loads((tmp_path / "l" / "occupation.geojson").read_text())["features"]
    props = claim["properties"]
    assert (props["claimed_area_km2"], props["claimed_hedge"]) == (20_000, "about")
    assert props["claimed_share_pct"] is None and props["actor1"] == "Russia"
    computed = geodesic_area_km2(oblast.intersection(occupied))
    assert props["area_km2"] == pytest.approx(computed, rel=0.01)
    assert props["summary"].startswith("reported 20,000 km² of Luhansk Oblast / computed ")
    assert props["name"] == "Occupied area of Luhansk Oblast"
    assert claim["geometry"]["type"] == "MultiPolygon"
