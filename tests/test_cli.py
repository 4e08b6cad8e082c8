"""The command line, through click's CliRunner (exit codes and exact messages)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from geomap.cli import cli
from geomap.testing import build_with_cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt"


def test_build_writes_layers_and_map(tmp_path, gazetteer):
    result = build_with_cli(tmp_path, SEED)
    assert result.exit_code == 0, result.output
    assert "read 1 article(s) (" in result.output and "skipped 0" in result.output
    assert (tmp_path / "l" / "places.geojson").exists()
    assert (tmp_path / "l" / "geomap.gpkg").exists()
    assert (tmp_path / "o" / "map.html").exists()


def test_a_build_with_nothing_changed_leaves_the_outputs_alone(tmp_path, gazetteer):
    """Re-running on the same articles writes nothing; a changed article, an
    output edited or deleted, or another option writes everything again."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("date 2026-02-05\nDrones hit Odesa on Monday.")
    assert build_with_cli(tmp_path, source).exit_code == 0
    outputs = [*sorted((tmp_path / "l").glob("[!.]*")), tmp_path / "o" / "map.html"]
    stamps = {path: path.stat().st_mtime_ns for path in outputs}

    def rebuilt(*options: str) -> bool:
        result = build_with_cli(tmp_path, source, *options)
        assert result.exit_code == 0, result.output
        return result.output.splitlines()[-1].startswith("wrote ")

    assert not rebuilt()
    assert {path: path.stat().st_mtime_ns for path in outputs} == stamps
    (source / "b.txt").write_text("date 2026-02-06\nShelling hit Kherson on Tuesday.")
    assert rebuilt()
    strikes = json.loads((tmp_path / "l" / "strikes.geojson").read_text())["features"]
    assert {f["properties"]["location"] for f in strikes} == {"Odesa", "Kherson"}
    assert not rebuilt()
    (tmp_path / "l" / "strikes.geojson").write_text("{}")  # a user's edit
    assert rebuilt() and json.loads((tmp_path / "l" / "strikes.geojson").read_text())["features"]
    (tmp_path / "o" / "map.html").unlink()
    assert rebuilt() and (tmp_path / "o" / "map.html").exists()
    assert rebuilt("--cdn")
    assert not rebuilt("--cdn")


def test_build_skips_bad_files_with_a_reason(tmp_path, gazetteer):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "good.txt").write_text("Drones hit Odesa on Monday.")
    result = build_with_cli(tmp_path, tmp_path / "in")
    assert result.exit_code == 0, result.output
    assert f"skipped: {tmp_path / 'in' / 'empty.txt'}: empty file" in result.output


def test_build_with_nothing_readable_fails_in_one_line(tmp_path, gazetteer):
    (tmp_path / "in").mkdir()
    result = build_with_cli(tmp_path, tmp_path / "in")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no readable article in ")
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "l" / "places.geojson").exists()


def test_tiles_are_opt_in(tmp_path, gazetteer):
    """By default the map asks no tile server for anything; --tiles adds one,
    by provider name or as a URL template of the analyst's own server."""
    map_html = tmp_path / "o" / "map.html"
    assert build_with_cli(tmp_path, SEED).exit_code == 0
    assert "{z}" not in map_html.read_text()
    for tiles, url, attribution in [
        ("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "OpenStreetMap"),
        (
            "http://localhost:8080/{z}/{x}/{y}.png",
            "http://localhost:8080/{z}/{x}/{y}.png",
            "Tiles: localhost:8080",
        ),
    ]:
        result = build_with_cli(tmp_path, SEED, "--tiles", tiles)
        assert result.exit_code == 0, result.output
        page = map_html.read_text()
        assert json.dumps(url) in page and attribution in page


def test_unknown_tiles_fail_before_anything_is_read(tmp_path, gazetteer):
    for tiles, reason in [
        ("Nowhere.Tiles", "no tile provider is called 'Nowhere.Tiles'"),
        ("ftp://tiles.example/{z}/{x}/{y}.png", "is no http(s):// or file:// URL"),
    ]:
        result = CliRunner().invoke(
            cli, ["build", str(SEED), "--layers", str(tmp_path / "l"), "--tiles", tiles]
        )
        assert result.exit_code == 2
        assert reason in result.output and "Traceback" not in result.output
        assert not (tmp_path / "l").exists()


def test_geoparse_jsonl_keeps_doc_ids(tmp_path, gazetteer):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps({"doc_id": d, "text": t})
            for d, t in [
                ("a", "Talks were held in Abu Dhabi."),
                ("b", "No places here."),
                ("c", "Shelling hit Kharkiv."),
            ]
        )
        + "\n"
    )
    result = CliRunner().invoke(cli, ["geoparse", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["doc_id"] for line in lines] == ["a", "b", "c"]
    (abu_dhabi,) = lines[0]["toponyms"]
    assert (abu_dhabi["start"], abu_dhabi["end"], abu_dhabi["name"]) == (19, 28, "Abu Dhabi")
    assert abs(abu_dhabi["lat"] - 24.45) < 0.2
    assert lines[1]["toponyms"] == []


def test_geoparse_can_leave_adjectives_out(tmp_path, gazetteer):
    article = tmp_path / "a.txt"
    article.write_text("Iraqi forces entered Mosul.")
    names = {}
    for flag in ("--adjectives", "--no-adjectives"):
        result = CliRunner().invoke(cli, ["geoparse", str(article), flag])
        assert result.exit_code == 0, result.output
        names[flag] = [t["name"] for t in json.loads(result.output)["toponyms"]]
    assert names == {"--adjectives": ["Iraqi", "Mosul"], "--no-adjectives": ["Mosul"]}


def test_geoparse_geojson(gazetteer):
    result = CliRunner().invoke(cli, ["geoparse", str(SEED), "--format", "geojson"])
    data = json.loads(result.output)
    assert data["type"] == "FeatureCollection"
    assert any(f["properties"]["name"] == "Abu Dhabi" for f in data["features"])


def test_geocode_lists_candidates(gazetteer):
    result = CliRunner().invoke(cli, ["geocode", "Zaporozhye", "--limit", "3"])
    assert result.exit_code == 0
    first = result.output.splitlines()[0].split("\t")
    assert first[3].startswith("Zaporizhzhya") and first[4] == "geonames:687700"


def test_geocode_unknown_name_and_unknown_service(gazetteer):
    result = CliRunner().invoke(cli, ["geocode", "Qxzzyville"])
    assert (result.exit_code, result.output) == (
        1,
        "Error: no place called 'Qxzzyville' in the gazetteer\n",
    )
    result = CliRunner().invoke(cli, ["geocode", "Kyiv", "--geocoder", "bing-maps"])
    assert result.output == (
        "Error: unknown geocoder 'bing-maps'; use one of: offline, nominatim, photon, arcgis\n"
    )


def test_every_command_has_help_with_an_example():
    for name in cli.commands:
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output, name


def test_importing_geomap_is_cheap():
    import subprocess
    import sys

    code = (
        "import sys, geomap, geomap.pipeline, geomap.cli; "
        "print(sorted(m for m in ('folium', 'geopandas', 'pyogrio', 'pandas') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_console_script_delivers_its_output_and_exit_code(tmp_path, gazetteer):
    # main() ends without the interpreter's teardown: all it printed must still
    # reach the pipe, and each outcome keep click's exit code.
    import subprocess
    import sys

    records = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"id": f"r{n}", "text": "Drones hit Odesa and Kharkiv."}) for n in range(300)
    ]
    records.write_text("\n".join(lines), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "geomap", "geoparse", str(records)], capture_output=True, text=True
    )
    assert run.returncode == 0
    parsed = [json.loads(line) for line in run.stdout.splitlines()]
    assert [p["doc_id"] for p in parsed] == [f"r{n}" for n in range(300)]
    assert all(t["name"] == "Kharkiv" for t in parsed[-1]["toponyms"][1:])
    failed = subprocess.run(
        [sys.executable, "-m", "geomap", "build", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
    )
    assert failed.returncode == 1
    assert failed.stderr.strip().startswith("Error: no readable article")
