"""The pipeline as library functions; the CLI is a thin layer over these.

documents → mentions → resolved places → events and claims → layers →
GeoJSON / GeoPackage / HTML.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .documents import iter_documents
from .errors import GeomapError, NoDocuments, UnreadableDocument
from .events.extract import extract_events
from .frontline import (
    FrontLine,
    frontline_features,
    load_reference_lines,
    occupation_features,
    read_user_line,
)
from .gazetteer.index import Gazetteer, cache_dir, open_gazetteer
from .geoparse import geoparse  # noqa: F401  (part of the library API)
from .layers import LAYER_ORDER, Layer, event_layers, make_layer, places_layer
from .mentions import Recogniser
from .model import Document, Event, ResolvedMention, Sentence
from .resolve import Resolver
from .text import split_sentences

DEFAULT_REFERENCE_LINES = Path("seeds") / "frontlines"
# GeoPackages record a "last change" time; a fixed one keeps builds byte-identical.
_FIXED_TIMESTAMP = "2000-01-01T00:00:00Z"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything geomap found in one document."""

    document: Document
    sentences: list[Sentence]
    resolved: list[ResolvedMention]
    events: list[Event]


@dataclass(slots=True)
class BuildReport:
    """What a build read, skipped and wrote."""

    documents: int = 0
    cached: int = 0
    skipped: list[str] = field(default_factory=list)
    layers: dict[str, int] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)


def analyse(
    doc: Document,
    gazetteer: Gazetteer,
    *,
    recogniser: Recogniser | None = None,
    resolver: Resolver | None = None,
    relocate: Callable[[list[ResolvedMention]], list[ResolvedMention]] | None = None,
) -> DocumentResult:
    """Run one document through recognition, resolution and extraction."""
    recogniser = recogniser or Recogniser(gazetteer)
    resolver = resolver or Resolver(gazetteer)
    sentences = split_sentences(doc.text, doc_id=doc.doc_id)
    resolved = resolver(doc, recogniser(doc))
    if relocate:
        resolved = relocate(resolved)
    events = extract_events(doc, sentences, resolved, country_of=gazetteer.country)
    return DocumentResult(doc, sentences, resolved, events)


def assemble(
    results: Sequence[DocumentResult], gazetteer: Gazetteer, fronts: Sequence[FrontLine]
) -> list[Layer]:
    """All layers, in the fixed order of :data:`geomap.layers.LAYER_ORDER`."""
    places = places_layer(
        (rm, r.sentences, r.document.source) for r in results for rm in r.resolved
    )
    events = [e for r in results for e in r.events]
    countries = {f.properties["country_code"] for f in places.features}
    extra = {
        "frontline": frontline_features(events, fronts, countries),
        "occupation": occupation_features(events, fronts, gazetteer),
    }
    by_name = {"places": places, **event_layers(events, extra)}
    return [by_name.get(name) or make_layer(name, []) for name in LAYER_ORDER]


def front_lines(
    gazetteer: Gazetteer, *, frontline: Path | None, reference_lines: Path | None
) -> list[FrontLine]:
    """The user's line if given, else the reference lines shipped in ``seeds/``."""
    if frontline:
        return [read_user_line(frontline)]
    if reference_lines and reference_lines.is_dir():
        return load_reference_lines(reference_lines, gazetteer)
    return []


def build(
    sources: Sequence[str | os.PathLike],
    *,
    layers_dir: Path = Path("layers"),
    out_dir: Path = Path("output"),
    gazetteer: Gazetteer | None = None,
    frontline: Path | None = None,
    reference_lines: Path | None = DEFAULT_REFERENCE_LINES,
    geocoder: str = "offline",
    self_contained: bool = True,
    workers: int = 1,
    scheduler: str | None = None,
    cache: bool = True,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> BuildReport:
    """Read every article under ``sources`` and write layers and the map.

    Broken inputs are skipped with a reason (in the report); the outputs are
    replaced atomically, so a failed build leaves the previous ones intact.
    Per-article results are cached (``cache``); with ``workers`` > 1 or a
    ``scheduler`` address the articles are analysed on Dask, with the same
    output as a serial build. Raises :class:`~geomap.errors.NoDocuments` when
    nothing could be read.
    """
    gazetteer = gazetteer or open_gazetteer()
    parallel = workers > 1 or scheduler is not None
    if parallel and geocoder != "offline":
        raise GeomapError("online geocoding runs in one process: drop --workers/--scheduler")
    report = BuildReport()
    documents = []
    items = iter_documents(sources)
    for item in items:
        if isinstance(item, UnreadableDocument):
            report.skipped.append(str(item))
        else:
            documents.append(item)
    if not documents:
        reasons = "; ".join(report.skipped[:3]) or "no .txt, .md, .html, .json or .jsonl files"
        raise NoDocuments(f"no readable article in {', '.join(map(str, sources))} ({reasons})")
    results = _analyse_all(
        documents,
        gazetteer,
        report,
        geocoder=geocoder,
        workers=workers,
        scheduler=scheduler,
        cache=cache,
        progress=progress,
    )
    report.documents = len(results)
    results.sort(key=lambda r: r.document.doc_id)
    layers = assemble(
        results,
        gazetteer,
        front_lines(gazetteer, frontline=frontline, reference_lines=reference_lines),
    )
    report.layers = {layer.name: len(layer.features) for layer in layers}
    report.outputs = write_outputs(
        layers,
        [r.document for r in results],
        layers_dir=layers_dir,
        out_dir=out_dir,
        self_contained=self_contained,
    )
    return report


def _analyse_all(
    documents: list[Document],
    gazetteer: Gazetteer,
    report: BuildReport,
    *,
    geocoder: str,
    workers: int,
    scheduler: str | None,
    cache: bool,
    progress,
) -> list[DocumentResult]:
    """Results for every document: from the cache where it has them, else analysed
    here (one worker) or on Dask."""
    from .batch import ResultCache, analyse_on_dask

    index = getattr(gazetteer, "path", None)
    store = (
        ResultCache(cache_dir() / "results", gazetteer_id=index.name)
        if cache and index is not None and geocoder == "offline"
        else None
    )
    results: dict[int, DocumentResult] = {}
    todo = []
    for number, doc in enumerate(documents):
        found = store.get(doc) if store else None
        if found is not None:
            results[number] = found
        else:
            todo.append(number)
    report.cached = len(results)
    if workers > 1 or scheduler is not None:
        fresh = analyse_on_dask(
            [documents[n] for n in todo],
            index=index,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
        )
    else:
        relocate = _relocator(geocoder, gazetteer)
        recogniser, resolver = Recogniser(gazetteer), Resolver(gazetteer)
        fresh = [
            analyse(
                documents[n],
                gazetteer,
                recogniser=recogniser,
                resolver=resolver,
                relocate=relocate,
            )
            for n in (progress(todo) if progress else todo)
        ]
    for number, result in zip(todo, fresh, strict=True):
        results[number] = result
        if store:
            store.put(documents[number], result)
    return [results[n] for n in range(len(documents))]


def _relocator(geocoder: str, gazetteer: Gazetteer):
    if geocoder == "offline":
        return None
    from .geocoders import get_geocoder

    service = get_geocoder(geocoder, gazetteer)

    def relocate(resolved: list[ResolvedMention]) -> list[ResolvedMention]:
        moved = []
        for rm in resolved:
            location = service.geocode(rm.mention.surface)
            if location is not None and rm.place.kind != "facility":
                place = replace(rm.place, lat=location.latitude, lon=location.longitude)
                rm = replace(rm, place=place, reason=f"{rm.reason}; point from {geocoder}")
            moved.append(rm)
        return moved

    return relocate


def map_title(documents: Sequence[Document]) -> tuple[str, str]:
    """The map's title and "as of" line."""
    dates = sorted(d.date for d in documents if d.date)
    count = len(documents)
    title = (
        documents[0].title
        if count == 1 and documents[0].title
        else (f"geomap: {count} article{'s' if count != 1 else ''}")
    )
    if not dates:
        return title, "Article dates unknown"
    span = (
        dates[0].isoformat()
        if dates[0] == dates[-1]
        else f"{dates[0].isoformat()} to {dates[-1].isoformat()}"
    )
    return title, f"As of {dates[-1].isoformat()} (articles dated {span})"


def write_outputs(
    layers: Sequence[Layer],
    documents: Sequence[Document],
    *,
    layers_dir: Path,
    out_dir: Path,
    self_contained: bool = True,
) -> list[Path]:
    """Write the GeoJSON files, the GeoPackage and the map, each replaced atomically.

    Everything is written into a staging folder first and moved into place only
    when all of it succeeded, under a lock, so concurrent builds into one folder
    do not interleave.
    """
    title, as_of = map_title(documents)
    layers_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    with _build_lock(layers_dir):
        # Under the lock, a leftover staging folder is a killed build's: drop it.
        for stale in layers_dir.glob(".geomap-build-*"):
            shutil.rmtree(stale, ignore_errors=True)
        with tempfile.TemporaryDirectory(dir=layers_dir, prefix=".geomap-build-") as tmp:
            staged = _write_staging(
                layers, Path(tmp), title=title, as_of=as_of, self_contained=self_contained
            )
            written = []
            for path in sorted(Path(tmp).iterdir()):  # layers, their styles, the package
                if path != staged[-1]:
                    os.replace(path, layers_dir / path.name)
                    written.append(layers_dir / path.name)
            map_tmp = out_dir / f".map.html.{os.getpid()}"
            shutil.move(staged[-1], map_tmp)  # out/ may be on another file system
            os.replace(map_tmp, out_dir / "map.html")
    return [*written, out_dir / "map.html"]


def _write_staging(
    layers: Sequence[Layer], staging: Path, *, title: str, as_of: str, self_contained: bool
) -> list[Path]:
    """Write every output into ``staging``; the map is last."""
    from .writers.geojson import write_geojson
    from .writers.gpkg import write_gpkg
    from .writers.map import write_map

    staged = [write_geojson(layer, staging / f"{layer.name}.geojson") for layer in layers]
    with _fixed_gdal_date():
        staged.append(write_gpkg(layers, staging / "geomap.gpkg"))
    staged.append(
        write_map(
            layers,
            staging / "map.html",
            title=title,
            as_of=as_of,
            outline=_basemap(layers),
            self_contained=self_contained,
        )
    )
    return staged


def _basemap(layers: Sequence[Layer]) -> dict | None:
    """Country outlines around the data: the map's basemap when tiles cannot load."""
    from shapely import total_bounds

    from .outlines import outlines_near

    geometries = [f.geometry for layer in layers for f in layer.features if f.geometry]
    if not geometries:
        return None
    return outlines_near(tuple(float(v) for v in total_bounds(geometries)))


@contextlib.contextmanager
def _fixed_gdal_date():
    import pyogrio

    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _FIXED_TIMESTAMP})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})


@contextlib.contextmanager
def _build_lock(folder: Path):
    """Serialise builds writing into the same folder."""
    import fcntl

    with open(folder / ".geomap.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
