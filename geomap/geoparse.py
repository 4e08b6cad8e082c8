"""Geoparsing alone: documents → mentions → resolved places → JSON records.

Kept apart from :mod:`geomap.pipeline` so that ``geomap geoparse`` starts
without loading the map and layer stack (shapely, numpy, folium).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .gazetteer.index import Gazetteer
from .mentions import Recogniser
from .model import Document
from .resolve import Resolver


def geoparse(
    documents: Iterable[Document], gazetteer: Gazetteer, *, adjectives: bool = True
) -> Iterator[dict]:
    """Toponyms with offsets and coordinates, one dict per document (the
    format ``../shared/eval/score.py`` reads). ``adjectives=False`` leaves out
    demonyms used as adjectives ("Iraqi forces")."""
    recogniser, resolver = Recogniser(gazetteer), Resolver(gazetteer)
    for doc in documents:
        resolved = resolver(doc, recogniser(doc))
        if not adjectives:
            resolved = [r for r in resolved if r.mention.kind_hint != "demonym"]
        yield {
            "doc_id": doc.doc_id,
            "toponyms": [
                {
                    "start": r.mention.start,
                    "end": r.mention.end,
                    "name": r.mention.surface,
                    "lat": round(r.place.lat, 6),
                    "lon": round(r.place.lon, 6),
                    "geonameid": r.place.geonameid,
                    "kind": r.place.kind,
                    "place_id": r.place.id,
                }
                for r in resolved
            ],
        }
