"""The pipeline as library functions; the CLI is a thin layer over these.

documents → mentions → resolved places → events and claims → layers →
GeoJSON / GeoPackage / HTML.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import DocumentResult, analyse_many, relocator
from .cache import ResultCache, cache_dir
from .documents import read_documents
from .errors import GeomapError, NoDocuments
from .frontline import (
    References,
    frontline_features,
    occupation_features,
    read_sketches,
    read_user_line,
)
from .gazetteer import Gazetteer, open_gazetteer
from .layers import LAYER_ORDER, Layer, event_layers, make_layer, places_layer, regions_layer
from .outlines import region_outline
from .territory import read_snapshots
from .writers.publish import write_outputs


@dataclass(slots=True)
class BuildReport:
    """What a build read, skipped and published; ``written`` is False when the
    outputs already held what it would have written (and were left alone)."""

    documents: int = 0
    cached: int = 0
    skipped: list[str] = field(default_factory=list)
    layers: dict[str, int] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)
    written: bool = True


def assemble(results: Sequence[DocumentResult], references: References) -> list[Layer]:
    """All layers, in the fixed order of :data:`geomap.layers.LAYER_ORDER`."""
    places = places_layer(
        (rm, r.sentences, r.document.source) for r in results for rm in r.resolved
    )
    events = [e for r in results for e in r.events]
    regions = regions_layer(
        ((rm, r.document.source) for r in results for rm in r.resolved), events, region_outline
    )
    countries = {f.properties["country_code"] for f in places.features}
    extra = {
        "frontline": frontline_features(events, references, countries),
        "occupation": occupation_features(events, references),
    }
    by_name = {"places": places, "regions": regions, **event_layers(events, extra)}
    return [by_name.get(name) or make_layer(name, []) for name in LAYER_ORDER]


def references(
    gazetteer: Gazetteer,
    *,
    occupied: Path | None = None,
    as_of: dt.date | None = None,
    frontline: Path | None = None,
    sketches: bool = True,
) -> References:
    """What claims are compared with: the user's occupied areas (a file or a
    folder of dated files) or line if given; else the snapshots fetched with
    ``geomap frontline fetch``, and the shipped sketches where none covers a
    country (``sketches``)."""
    if occupied and frontline:
        raise GeomapError("give --occupied or --frontline, not both")
    if occupied:
        return References(gazetteer, snapshots=read_snapshots(occupied, as_of=as_of))
    if frontline:
        return References(gazetteer, lines=[read_user_line(frontline)])
    from .deepstate import downloaded

    return References(
        gazetteer,
        snapshots=downloaded(),
        lines=read_sketches(gazetteer) if sketches else (),
    )


def build(
    sources: Sequence[str | os.PathLike],
    *,
    layers_dir: Path = Path("layers"),
    out_dir: Path = Path("output"),
    gazetteer: Gazetteer | None = None,
    occupied: Path | None = None,
    as_of: dt.date | None = None,
    frontline: Path | None = None,
    sketches: bool = True,
    geocoder: str = "offline",
    self_contained: bool = True,
    tiles: str | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    cache: bool = True,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> BuildReport:
    """Read every article under ``sources`` and write layers and the map.

    Broken inputs are skipped with a reason (in the report); the outputs are
    replaced atomically, so a failed build leaves the previous ones intact,
    and outputs that would come out the same are not rewritten. Claims are
    compared with ``occupied`` areas, a ``frontline`` or the shipped
    ``sketches`` (see :func:`references`). Per-article results are
    cached (``cache``); with ``workers`` > 1 or a ``scheduler`` address the
    articles are analysed on Dask, with the same output as a serial build.
    The map draws ``tiles`` under its layers only when asked (see
    :func:`~geomap.writers.map.tile_layer`).
    Raises :class:`~geomap.errors.NoDocuments` when nothing could be read.
    """
    gazetteer = gazetteer or open_gazetteer()
    compare_with = references(
        gazetteer, occupied=occupied, as_of=as_of, frontline=frontline, sketches=sketches
    )
    parallel = workers > 1 or scheduler is not None
    if parallel and geocoder != "offline":
        raise GeomapError("online geocoding runs in one process: drop --workers/--scheduler")
    if parallel and gazetteer.path is None:
        raise GeomapError("Dask workers open the gazetteer from its index file: pass an index")
    documents, skipped = read_documents(sources)
    if not documents:
        reasons = "; ".join(skipped[:3]) or "no .txt, .md, .html, .json or .jsonl files"
        raise NoDocuments(f"no readable article in {', '.join(map(str, sources))} ({reasons})")
    store = (
        ResultCache(cache_dir() / "results", gazetteer_id=gazetteer.path.name)
        if cache and gazetteer.path is not None and geocoder == "offline"
        else None
    )
    results, cached = _analyse_all(
        documents,
        gazetteer,
        store,
        geocoder=geocoder,
        workers=workers,
        scheduler=scheduler,
        progress=progress,
    )
    results.sort(key=lambda r: r.document.doc_id)
    layers = assemble(results, compare_with)
    published = write_outputs(
        layers,
        [r.document for r in results],
        layers_dir=layers_dir,
        out_dir=out_dir,
        self_contained=self_contained,
        tiles=tiles,
    )
    return BuildReport(
        documents=len(results),
        cached=cached,
        skipped=skipped,
        layers={layer.name: len(layer.features) for layer in layers},
        outputs=published.paths,
        written=published.written,
    )


def _analyse_all(
    documents: list,
    gazetteer: Gazetteer,
    store: ResultCache | None,
    *,
    geocoder: str,
    workers: int,
    scheduler: str | None,
    progress,
) -> tuple[list[DocumentResult], int]:
    """Results for every document, and how many came from ``store``: the rest are
    analysed here (one worker) or on Dask."""
    results: dict[int, DocumentResult] = {}
    todo = []
    for number, doc in enumerate(documents):
        found = store.get(doc) if store else None
        if found is not None:
            results[number] = found
        else:
            todo.append(number)
    cached = len(results)
    fresh_docs = [documents[n] for n in todo]
    if not fresh_docs:  # all cached: no index to load, no cluster to start
        fresh = []
    elif workers > 1 or scheduler is not None:
        from .parallel import analyse_on_dask

        fresh = analyse_on_dask(
            fresh_docs,
            index=gazetteer.path,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
        )
    else:
        relocate = relocator(geocoder, gazetteer)
        stream = progress(fresh_docs) if progress else fresh_docs
        fresh = list(analyse_many(stream, gazetteer, relocate=relocate))
    for number, result in zip(todo, fresh, strict=True):
        results[number] = result
        if store:
            store.put(documents[number], result)
    return [results[n] for n in range(len(documents))], cached
