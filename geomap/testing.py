"""Helpers for tests of code that uses geomap (like ``geopandas.testing``)."""

from __future__ import annotations

import datetime as dt

from .documents import parse_article
from .model import Document


def article(text: str, date: str = "2026-02-05", doc_id: str = "t") -> Document:
    """A document from inline text, dated like the seed unless told otherwise.

    >>> article("Drones hit Odesa.").date.isoformat()
    '2026-02-05'
    """
    return parse_article(text, doc_id=doc_id, date=dt.date.fromisoformat(date))
