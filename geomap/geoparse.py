"""Geoparsing alone: documents → mentions → resolved places → JSON records.

Kept apart from :mod:`geomap.pipeline` so that ``geomap geoparse`` starts
without loading the map and layer stack (shapely, numpy, folium).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from .gazetteer.index import Gazetteer
from .mentions import Recogniser
from .model import Document, Hint, ResolvedMention
from .resolve import Resolver


def geoparse(
    documents: Iterable[Document], gazetteer: Gazetteer, *, adjectives: bool = True
) -> Iterator[dict]:
    """Toponyms with offsets and coordinates, one dict per document (the
    format ``../shared/eval/score.py`` reads). ``adjectives=False`` leaves out
    demonyms used as adjectives ("Iraqi forces")."""
    recogniser, resolver = Recogniser(gazetteer), Resolver(gazetteer)
    recogniser.expect(documents)
    for doc in documents:
        resolved = places_of(doc, recogniser, resolver)
        if not adjectives:
            resolved = [r for r in resolved if r.mention.kind_hint != Hint.DEMONYM]
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


def places_of(
    doc: Document, recogniser: Recogniser, resolver: Resolver, *, judged: Document | None = None
) -> list[ResolvedMention]:
    """The places ``doc`` names, resolved. A headline in Title Case or in
    capitals is read as a sentence would be (``judged``, by default
    :meth:`~geomap.mentions.Recogniser.sentence_cased`); each name stays as
    written."""
    judged = judged or recogniser.sentence_cased(doc)
    resolved = resolver(judged, recogniser(judged))
    if judged is doc:
        return resolved
    return [
        replace(r, mention=replace(r.mention, surface=doc.text[r.mention.start : r.mention.end]))
        for r in resolved
    ]


def as_feature_collection(results: Iterable[dict]) -> dict:
    """:func:`geoparse` records as one GeoJSON FeatureCollection, a point per toponym.

    >>> as_feature_collection([{"doc_id": "a", "toponyms": [{"name": "Kyiv", "lat": 50.45,
    ...     "lon": 30.52, "start": 0, "end": 4}]}])["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [30.52, 50.45]}
    """
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [t["lon"], t["lat"]]},
            "properties": {
                "doc_id": r["doc_id"],
                **{k: v for k, v in t.items() if k not in ("lat", "lon")},
            },
        }
        for r in results
        for t in r["toponyms"]
    ]
    return {"type": "FeatureCollection", "features": features}
