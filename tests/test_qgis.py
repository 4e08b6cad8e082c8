"""The seed's layers in real QGIS (Debian's python3-qgis, run offscreen)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from geomap.layers import GEOMETRY, LAYER_ORDER, SCHEMAS
from geomap.writers.symbols import SYMBOLS

SYSTEM_PYTHON = "/usr/bin/python3"
CHECK = Path(__file__).parent / "qgis_check.py"
QGIS_TYPES = {"str": {"String"}, "int": {"Integer", "Integer64"}, "float": {"Real"}}
# ISO dates are text in the files; GDAL's GeoJSON reader recognises them as dates.
DATE_FIELDS = {"event_date", "end_date", "as_of"}


def _qgis_or_skip():
    found = (
        Path(SYSTEM_PYTHON).exists()
        and subprocess.run(
            [SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True
        ).returncode
        == 0
    )
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("QGIS is missing under CI: .ci/run must install python3-qgis")
        pytest.skip("QGIS not installed (apt-get install python3-qgis qgis-providers qgis)")


def _env(tmp_path: Path) -> dict:
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir(exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
    }


@pytest.fixture(scope="module")
def qgis_report(seed_build, tmp_path_factory):
    _qgis_or_skip()
    _, layers_dir, _ = seed_build
    out = tmp_path_factory.mktemp("qgis")
    done = subprocess.run(
        [SYSTEM_PYTHON, str(CHECK), str(layers_dir), str(out), *LAYER_ORDER],
        capture_output=True,
        text=True,
        env=_env(out),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), out


@pytest.mark.parametrize("source", ["geojson", "gpkg"])
def test_every_layer_loads_valid_with_our_style(qgis_report, seed_build, source):
    report, _ = qgis_report
    build_report, _, _ = seed_build
    _, layers_dir, _ = seed_build
    for name in LAYER_ORDER:
        seen = report[source][name]
        features = json.loads((layers_dir / f"{name}.geojson").read_text())["features"]
        assert seen["valid"], (source, name)
        # An empty GeoJSON file says no geometry type, so QGIS opens it as a table.
        assert seen["crs"] == "EPSG:4326" or (source == "geojson" and not features), name
        assert seen["count"] == build_report.layers[name]
        if source == "geojson" and not features:
            continue  # ... with no fields: the GeoPackage keeps its schema
        for field, kind in SCHEMAS[name].items():
            allowed = QGIS_TYPES[kind] | ({"Date"} if field in DATE_FIELDS else set())
            if source == "geojson" and all(f["properties"][field] is None for f in features):
                allowed = {"String"}  # GeoJSON has no schema: an empty column has no type
            assert seen["fields"][field] in allowed, (source, name, field)
        expected = "RuleRenderer" if GEOMETRY[name] == "Point" else "singleSymbol"
        assert seen["renderer"] == expected, (source, name)
        assert SYMBOLS[name][1] in seen["colours"], (source, name, seen["colours"])
    assert report[source]["places"]["labels"]
    assert report[source]["regions"]["labels"]
    assert report[source]["frontline"]["labels"]


def test_render_is_not_blank(qgis_report):
    report, out = qgis_report
    assert (out / "render.png").stat().st_size > 2000
    assert report["render_colours"] > 10


def test_qgis_process_runs_an_algorithm(qgis_report, seed_build):
    _, out = qgis_report
    _, layers_dir, _ = seed_build
    binary = shutil.which("qgis_process.bin") or "/usr/lib/qgis/qgis_process.bin"
    assert Path(binary).exists(), "qgis_process.bin not found (apt-get install qgis)"
    target = out / "buffer.geojson"
    done = subprocess.run(
        [
            binary,
            "run",
            "native:buffer",
            "--",
            f"INPUT={layers_dir / 'places.geojson'}",
            "DISTANCE=0.5",
            f"OUTPUT={target}",
        ],
        capture_output=True,
        text=True,
        env=_env(out),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    buffered = json.loads(target.read_text())
    assert len(buffered["features"]) == len(
        json.loads((layers_dir / "places.geojson").read_text())["features"]
    )
    assert buffered["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
