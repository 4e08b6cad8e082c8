"""Many articles: deduplicated, incremental, and the same on Dask as in one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import geomap.analysis
from geomap.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt"
REPORTS = {
    "a.txt": "date 2026-02-05\nKHARKIV, Feb 5 (Reuters) - Russian missiles struck Kharkiv on "
    "Monday, killing at least 12 people, the regional governor said.",
    "b.md": "date 2026-02-05\n# Kharkiv\n\nRussian missiles hit Kharkiv on Monday, killing 12 "
    "people. AFP",
    "c.json": json.dumps(
        {
            "title": "Talks",
            "date": "2026-02-04",
            "url": "https://example.org/c",
            "source": "AP",
            "text": "Ukraine and Russia met for talks in Istanbul on Tuesday.",
        }
    ),
}


def write_reports(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def layer(folder: Path, name: str) -> list[dict]:
    return json.loads((folder / f"{name}.geojson").read_text())["features"]


def test_one_event_reported_twice_is_one_feature(tmp_path, gazetteer):
    build(
        [write_reports(tmp_path / "in")],
        layers_dir=tmp_path / "l",
        out_dir=tmp_path / "o",
        gazetteer=gazetteer,
        sketches=False,
        cache=False,
    )
    (strike,) = layer(tmp_path / "l", "strikes")
    props = strike["properties"]
    assert props["location"] == "Kharkiv" and props["report_count"] == 2
    assert props["sources"] == "AFP | Reuters" and props["doc_ids"] == "a | b"
    (kharkiv,) = [
        f for f in layer(tmp_path / "l", "places") if f["properties"]["name"] == "Kharkiv"
    ]
    assert kharkiv["properties"]["doc_ids"] == "a | b"
    (talks,) = layer(tmp_path / "l", "talks")
    assert talks["properties"]["source"] == "AP"
    assert talks["properties"]["event_date"] == "2026-02-03"


def test_adding_an_article_analyses_only_that_one(tmp_path, gazetteer, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_reports(tmp_path / "in")

    def build_folder():
        return build(
            [folder],
            layers_dir=tmp_path / "l",
            out_dir=tmp_path / "o",
            gazetteer=gazetteer,
            sketches=False,
        )

    first = build_folder()
    assert (first.documents, first.cached) == (3, 0)
    calls = []
    real = geomap.analysis.analyse

    def counting(doc, *args, **kwargs):
        calls.append(doc.doc_id)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(geomap.analysis, "analyse", counting)
    (folder / "d.txt").write_text("date 2026-02-05\nDrones hit Odesa on Tuesday.")
    second = build_folder()
    assert (second.documents, second.cached) == (4, 3)
    assert calls == ["d"]


def test_a_rebuild_from_cache_loads_no_name_finder(tmp_path, gazetteer, monkeypatch):
    # The finder takes a quarter of a second to load: a rebuild of unchanged
    # sources (the usual `make map`) should not pay for it.
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_reports(tmp_path / "in")
    kwargs = dict(layers_dir=tmp_path / "l", out_dir=tmp_path / "o", sketches=False)
    build([folder], gazetteer=gazetteer, **kwargs)
    before = (tmp_path / "l" / "strikes.geojson").read_bytes()

    class NoFinder:
        def __getattr__(self, name):
            if name == "finder":
                raise AssertionError("the name finder was loaded")
            return getattr(gazetteer, name)

    report = build([folder], gazetteer=NoFinder(), **kwargs)
    assert (report.documents, report.cached) == (3, 3)
    assert (tmp_path / "l" / "strikes.geojson").read_bytes() == before


def test_dask_build_equals_serial_build(tmp_path, gazetteer):
    pytest.importorskip("dask.distributed")
    folder = write_reports(tmp_path / "in")
    for n in range(30):
        (folder / f"seed{n:02}.txt").write_text(SEED.read_text().replace("Kyiv", f"Kyiv {n}"))
    outputs = {}
    for mode, workers in (("serial", 1), ("dask", 2)):
        build(
            [folder],
            layers_dir=tmp_path / mode / "l",
            out_dir=tmp_path / mode / "o",
            gazetteer=gazetteer,
            workers=workers,
            cache=False,
        )
        outputs[mode] = {
            p.name: p.read_bytes()
            for p in (tmp_path / mode).rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
    assert outputs["serial"] and outputs["serial"] == outputs["dask"]
