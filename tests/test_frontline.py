"""Claims compared with real geometry: ``geomap build --occupied``, ``geomap
frontline FILE``, the opt-in fetch (with a fake transport), the shipped sketch
and the claims that have no geometry."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from shapely.geometry import LineString, box, mapping

from geomap import deepstate
from geomap.cli import cli
from geomap.errors import GeomapError
from geomap.geometry import geodesic_area_km2, geodesic_length_km
from geomap.testing import build_with_cli, write_area

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt"


def features(tmp_path: Path, layer: str) -> list[dict]:
    return json.loads((tmp_path / "l" / f"{layer}.geojson").read_text())["features"]


@pytest.fixture(scope="module")
def ukraine():
    from geomap.outlines import country_outline

    return country_outline("UA")


def east_of(ukraine, lon: float):
    """A synthetic occupied area: Ukraine east of a meridian."""
    return ukraine.intersection(box(lon, 40.0, 45.0, 55.0))


def meridian_in(ukraine, lon: float) -> float:
    return geodesic_length_km(LineString([(lon, 40), (lon, 55)]).intersection(ukraine))


def share_east_of(ukraine, lon: float) -> float:
    return 100 * geodesic_area_km2(east_of(ukraine, lon)) / 603_700


def test_build_with_an_occupied_area_measures_line_and_share(tmp_path, gazetteer, ukraine):
    occupied = write_area(
        tmp_path / "east_20260201.geojson", east_of(ukraine, 36), source="test map"
    )
    result = build_with_cli(tmp_path, SEED, "--occupied", str(occupied))
    assert result.exit_code == 0, result.output
    (front,) = features(tmp_path, "frontline")
    props = front["properties"]
    meridian = meridian_in(ukraine, 36)
    assert props["geometry_kind"] == "measured"
    assert props["claimed_length_km"] == 1200  # the report's figure is kept
    assert props["measured_length_km"] == pytest.approx(meridian, rel=0.01)
    assert props["measured_length_km_1km"] == pytest.approx(meridian, rel=0.01)
    assert props["sketch_length_km"] is None
    assert props["summary"].startswith(
        f"reported 1,200 km / measured {props['measured_length_km']:,.0f} km "
        f"({props['measured_length_km_1km']:,.0f} km at 1 km resolution), test map 2026-02-01"
    )
    (occupied_share,) = [
        f for f in features(tmp_path, "occupation") if f["properties"]["claim_kind"] == "occupied"
    ]
    props = occupied_share["properties"]
    assert occupied_share["geometry"]["type"] == "MultiPolygon"
    assert props["claimed_share_pct"] == 20
    assert props["computed_share_pct"] == pytest.approx(share_east_of(ukraine, 36), abs=0.01)
    assert props["share_of"] == "603,700 km², Ukraine's area in GeoNames"
    assert props["as_of"] == "2026-02-01" and props["area_source"] == "test map"


def test_a_folder_of_snapshots_compares_each_claim_with_its_date(tmp_path, gazetteer, ukraine):
    folder = tmp_path / "areas"
    folder.mkdir()
    write_area(folder / "area_20240101.geojson", east_of(ukraine, 37))
    write_area(folder / "area_20260201.geojson", east_of(ukraine, 36))
    write_area(folder / "area_20260301.geojson", east_of(ukraine, 35))  # after the report
    result = build_with_cli(tmp_path, SEED, "--occupied", str(folder))
    assert result.exit_code == 0, result.output
    (front,) = features(tmp_path, "frontline")
    assert front["properties"]["as_of"] == "2026-02-01"  # the report is of 2026-02-05
    claims = {
        f["properties"]["claim_kind"]: f["properties"] for f in features(tmp_path, "occupation")
    }
    now, then = share_east_of(ukraine, 36), share_east_of(ukraine, 37)
    assert claims["occupied"]["computed_share_pct"] == pytest.approx(now, abs=0.01)
    # "gained about 1.5% ... since early 2024": 2024-01-01 against 2026-02-01.
    gained = claims["gained since early 2024"]
    assert gained["computed_change_pct"] == pytest.approx(now - then, abs=0.02)
    assert "2024-01-01 to 2026-02-01" in gained["summary"]


def test_without_geometry_the_sketch_is_labelled_a_sketch(tmp_path, gazetteer):
    result = build_with_cli(tmp_path, SEED)
    assert result.exit_code == 0, result.output
    (front,) = features(tmp_path, "frontline")
    props = front["properties"]
    assert (props["geometry_kind"], props["name"]) == ("sketch", "Front line (sketch)")
    assert props["measured_length_km"] is None and props["measured_length_km_1km"] is None
    assert 500 < props["sketch_length_km"] < 1000
    assert "sketch length" in props["summary"] and "measured" not in props["summary"]
    (share,) = [
        f["properties"]
        for f in features(tmp_path, "occupation")
        if f["properties"]["claim_kind"] == "occupied"
    ]
    assert share["computed_share_pct"] is None and 15 < share["sketch_share_pct"] < 25


def test_any_article_about_ukraine_gets_the_sketch(tmp_path, gazetteer):
    source = tmp_path / "report.txt"
    source.write_text("date 2025-06-01\nRussian drones struck Kharkiv overnight, officials said.")
    assert build_with_cli(tmp_path, source).exit_code == 0
    (front,) = features(tmp_path, "frontline")
    assert front["geometry"]["type"] == "MultiLineString"
    assert front["properties"]["claimed_length_km"] is None  # nothing reported, line drawn


def test_claims_without_geometry_stay_claims(tmp_path, gazetteer):
    source = tmp_path / "report.txt"
    source.write_text(
        "date 2022-06-20\nRussia controls about 70% of Sievierodonetsk, the governor said."
    )
    assert build_with_cli(tmp_path, source).exit_code == 0
    (claim,) = features(tmp_path, "occupation")
    props = claim["properties"]
    assert claim["geometry"] is None
    assert props["claimed_share_pct"] == 70 and props["location"]
    # The town itself (48.95 N, 38.49 E), whatever GeoNames' spelling.
    town = LineString([(props["longitude"], props["latitude"]), (38.49, 48.95)])
    assert geodesic_length_km(town) < 10
    assert "Sievierodonetsk" in props["notes"] and props["computed_share_pct"] is None


def test_occupied_and_frontline_together_are_refused(tmp_path, gazetteer):
    occupied = write_area(tmp_path / "a_20260201.geojson", box(36, 47, 38, 49))
    line = tmp_path / "line.geojson"
    line.write_text(json.dumps(mapping(LineString([(36, 46), (36, 50)]))))
    result = build_with_cli(tmp_path, SEED, "--occupied", str(occupied), "--frontline", str(line))
    assert (result.exit_code, result.output) == (
        1,
        "Error: give --occupied or --frontline, not both\n",
    )


def test_a_broken_occupied_file_fails_in_one_line_and_writes_nothing(tmp_path, gazetteer):
    broken = tmp_path / "area.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [')
    result = build_with_cli(tmp_path, SEED, "--occupied", str(broken))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {broken}: cannot read the occupied area")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "l").exists() and not (tmp_path / "o").exists()


def test_frontline_command_prints_the_measurements(tmp_path, gazetteer, ukraine):
    path = write_area(tmp_path / "deepstatemap_data_20260201.geojson", east_of(ukraine, 36))
    result = CliRunner().invoke(cli, ["frontline", str(path)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    meridian = meridian_in(ukraine, 36)
    assert figures["country_code"] == "UA" and figures["as_of"] == "2026-02-01"
    assert figures["source"] == "DeepStateMap"
    assert figures["line_length_km"] == pytest.approx(meridian, rel=0.01)
    assert figures["share_pct"] == pytest.approx(share_east_of(ukraine, 36), abs=0.01)
    assert set(figures) >= {"line_length_km_1km", "occupied_area_km2", "share_of"}


def test_frontline_command_measures_a_line_too(tmp_path, gazetteer):
    line = LineString([(35.0, 47.0), (37.0, 48.5), (38.0, 50.0)])
    path = tmp_path / "line.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": mapping(line)}))
    result = CliRunner().invoke(cli, ["frontline", str(path)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["geometry_kind"] == "line"
    assert figures["line_length_km"] == pytest.approx(geodesic_length_km(line), abs=0.1)


def test_frontline_command_rejects_what_is_neither(tmp_path):
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "Point", "coordinates": [30, 50]}))
    result = CliRunner().invoke(cli, ["frontline", str(path)])
    assert result.exit_code == 1
    assert "no Polygon or MultiPolygon" in result.output and result.output.count("\n") == 1


def fake_archive(body: bytes, calls: list):
    def transport(url: str) -> bytes:
        calls.append(url)
        return body

    return transport


def test_fetch_saves_the_day_and_later_builds_use_it(tmp_path, gazetteer, monkeypatch, ukraine):
    monkeypatch.setenv("GEOMAP_DOWNLOADS_DIR", str(tmp_path / "downloads"))
    body = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {}, "geometry": mapping(east_of(ukraine, 36))}
            ],
        }
    ).encode()
    calls = []
    monkeypatch.setattr(deepstate, "http_get", fake_archive(body, calls))
    result = CliRunner().invoke(cli, ["frontline", "fetch", "--date", "2026-02-01"])
    assert result.exit_code == 0, result.output
    assert calls == [
        "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data/"
        "deepstatemap_data_20260201.geojson"
    ]
    assert "not under an open licence" in result.output
    saved = tmp_path / "downloads" / "deepstatemap_data_20260201.geojson"
    assert saved.read_bytes() == body
    assert build_with_cli(tmp_path, SEED, "--no-cache").exit_code == 0
    (front,) = features(tmp_path, "frontline")
    assert front["properties"]["geometry_kind"] == "measured"
    assert front["properties"]["summary"].endswith("DeepStateMap 2026-02-01")


def test_a_broken_download_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_DOWNLOADS_DIR", str(tmp_path / "downloads"))
    monkeypatch.setattr(deepstate, "http_get", fake_archive(b"<html>rate limited</html>", []))
    result = CliRunner().invoke(cli, ["frontline", "fetch", "--date", "2026-02-01"])
    assert result.exit_code == 1
    assert "cannot read the occupied area" in result.output
    assert list((tmp_path / "downloads").iterdir()) == []


def test_the_real_transport_reports_a_failure_in_one_line(monkeypatch):
    import urllib.request

    def refuse(*args, **kwargs):
        raise OSError("network unreachable")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    reason = r"cannot download \S+/deepstatemap_data_20260201\.geojson \(network unreachable\)"
    with pytest.raises(GeomapError, match=reason):
        deepstate.fetch(dt.date(2026, 2, 1))
