"""Shared fixtures: the real offline gazetteer (built once per machine) and a
small in-memory one with the known traps."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import settings

from geomap.documents import read_document
from geomap.gazetteer import MemoryGazetteer, open_gazetteer
from geomap.model import Place

# The same examples on every run: a red CI is a bug, never a roll of the dice.
settings.register_profile("geomap", derandomize=True, print_blob=True)
settings.load_profile("geomap")


def pytest_configure(config):
    """Builds in tests never see the snapshots a developer fetched with
    ``geomap frontline fetch``: they compare with the shipped sketch."""
    import os
    import tempfile

    os.environ["GEOMAP_DOWNLOADS_DIR"] = tempfile.mkdtemp(prefix="geomap-downloads-")


# Run by Debian's Python inside the QGIS test, not imported here.
collect_ignore = ["qgis_check.py"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def gazetteer():
    """The real gazetteer compiled from the PyPI data packages."""
    return open_gazetteer()


@pytest.fixture(scope="session")
def seed_doc():
    return read_document(SEED)


@pytest.fixture(scope="session")
def seed_result(gazetteer, seed_doc):
    from geomap.analysis import analyse

    return analyse(seed_doc, gazetteer)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, gazetteer):
    """The seed built once into a temporary folder: (report, layers dir, output dir)."""
    from geomap.pipeline import build

    root = tmp_path_factory.mktemp("seed-build")
    report = build(
        [SEED],
        layers_dir=root / "layers",
        out_dir=root / "output",
        gazetteer=gazetteer,
    )
    return report, root / "layers", root / "output"


@pytest.fixture(scope="session")
def memory_gazetteer():
    """tests/data/gazetteer.csv: a handful of places, including the traps."""
    entries = []
    with (DATA / "gazetteer.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            kind = row["kind"]
            entries.append(
                (
                    Place(
                        row["id"],
                        row["name"],
                        kind,
                        float(row["lat"]),
                        float(row["lon"]),
                        row["country_code"] or None,
                        row["admin1"] or None,
                        row["admin1_code"] or None,
                        population=int(row["population"]),
                        geo_precision=1 if kind == "populated_place" else 3,
                    ),
                    [a for a in row["aliases"].split("|") if a],
                )
            )
    return MemoryGazetteer(
        entries,
        demonyms={
            "ukrainian": "c:UA",
            "russian": "c:RU",
            "belarusian": "c:BY",
            "sudanese": "c:SD",
            "turkish": "c:TR",
            "american": "c:US",
            "french": "c:FR",
        },
        common_words={"police", "the", "both"},
        capitals={"p:kyiv", "p:dc", "p:moscow", "p:khartoum", "p:paris"},
    )


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory, gazetteer):
    """geomap.testing.HOSTILE built into a temporary folder: (layers dir, output dir)."""
    from geomap.pipeline import build
    from geomap.testing import HOSTILE

    root = tmp_path_factory.mktemp("hostile")
    source = root / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    build(
        [source],
        layers_dir=root / "layers",
        out_dir=root / "out",
        gazetteer=gazetteer,
        sketches=False,
    )
    return root / "layers", root / "out"
