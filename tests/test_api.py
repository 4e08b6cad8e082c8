"""The library's face: a cheap import, the declared names, one ranking."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import geomap
from geomap.geocoders import OfflineGeocoder
from geomap.mentions import Recogniser
from geomap.resolve import Resolver
from geomap.testing import article

HEAVY = ("folium", "geopandas", "pyogrio", "shapely", "dask", "geomap.gazetteer.build")


def loaded_after(code: str) -> set[str]:
    """The heavy modules that are imported once ``code`` has run in a fresh interpreter."""
    script = f"import sys\n{code}\nimport json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return {
        m for m in json.loads(out.stdout.splitlines()[-1]) if m.split(".")[0] in HEAVY or m in HEAVY
    }


def test_import_geomap_loads_no_heavy_library():
    assert loaded_after("import geomap") == set()


def test_geoparse_runs_without_the_map_stack_or_the_compiler(gazetteer):
    code = (
        "import geomap\n"
        "from geomap.testing import article\n"
        "next(geomap.geoparse([article('Drones hit Odesa.')], geomap.open_gazetteer()))"
    )
    assert loaded_after(code) == set()


@pytest.mark.parametrize("name", geomap.__all__)
def test_every_public_name_resolves(name):
    assert getattr(geomap, name) is not None
    assert name in dir(geomap)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = geomap.nothing


@pytest.mark.parametrize("name", ["Zaporozhye", "Donetsk", "Washington", "Georgia", "Kharkiv"])
def test_geocode_and_the_resolver_agree_on_a_name_alone(gazetteer, name):
    """One scoring path: the geocoder's first candidate is what the resolver
    picks for the same name standing alone in a document."""
    doc = article(f"{name}.")
    (resolved,) = Resolver(gazetteer)(doc, Recogniser(gazetteer)(doc))
    best = OfflineGeocoder(gazetteer).geocode(name)
    assert best.raw["id"] == resolved.place.id
