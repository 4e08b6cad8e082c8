"""geopy geocoders: the offline gazetteer as one, and opt-in online ones.

:class:`OfflineGeocoder` implements geopy's ``Geocoder`` interface over the
compiled gazetteer, so code written against geopy can use it, and any geopy
geocoder (Nominatim, ...) can stand in for it. Online geocoders are only used
when asked for by name; their answers are cached on disk and rate-limited
with geopy's ``RateLimiter``, and a network failure falls back to the
offline gazetteer with a warning.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path

from geopy.exc import GeopyError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .cache import cache_dir
from .errors import UnknownGeocoder
from .gazetteer.index import Gazetteer
from .model import Place
from .resolve import Resolver

log = logging.getLogger(__name__)
USER_AGENT = "geomap (https://pypi.org/project/geomap/)"


def place_to_location(place: Place) -> Location:
    """A geopy ``Location`` whose ``raw`` keeps every field of the place."""
    raw = {field: getattr(place, field) for field in Place.__slots__}
    label = ", ".join(p for p in (place.name, place.admin1, place.country_code) if p)
    return Location(label, (place.lat, place.lon), raw)


class OfflineGeocoder(Geocoder):
    """geopy geocoder over geomap's offline gazetteer. Never touches the network.

    >>> from geomap.gazetteer.index import MemoryGazetteer
    >>> g = MemoryGazetteer([(Place("t:1", "Kyiv", "populated_place", 50.45, 30.52, "UA",
    ...                             population=2952301), ["Kiev"])])
    >>> OfflineGeocoder(g).geocode("Kiev").point[:2]
    (50.45, 30.52)
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__()
        self.resolver = Resolver(gazetteer)

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int = 10, **_ignored):
        """Ranked candidates for ``query``: the best one, or a list (None if none)."""
        ranked = self.resolver.rank(str(query).strip())
        locations = [place_to_location(c.place) for c in ranked[:limit]]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one=True, **_ignored):  # pragma: no cover - geopy API
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")


class CachedGeocoder:
    """Wraps an online geopy geocoder with a disk cache, a rate limit and a fallback.

    The cache is an SQLite file written in transactions, so an interrupted run
    never leaves it corrupt.
    """

    def __init__(
        self,
        geocoder: Geocoder,
        fallback: OfflineGeocoder,
        *,
        cache_path: Path | None = None,
        min_delay_seconds: float = 1.0,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        self.name = type(geocoder).__name__.lower()
        self.fallback = fallback
        self._geocode = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=1,
            swallow_exceptions=False,
        )
        path = cache_path or cache_dir() / "online-geocoder-cache.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answer (service TEXT, query TEXT, "
            "result TEXT, PRIMARY KEY (service, query))"
        )

    def geocode(self, query: str, *, exactly_one: bool = True, **kwargs):
        row = self._db.execute(
            "SELECT result FROM answer WHERE service=? AND query=?", (self.name, query)
        ).fetchone()
        if row:
            data = json.loads(row[0])
            return (
                Location(data["address"], (data["lat"], data["lon"]), data["raw"]) if data else None
            )
        try:
            location = self._geocode(query, exactly_one=True, **kwargs)
        except (GeopyError, OSError) as err:
            log.warning(
                "online geocoder failed for %r (%s); using the offline gazetteer", query, err
            )
            return self.fallback.geocode(query, exactly_one=exactly_one)
        data = (
            None
            if location is None
            else {
                "address": location.address,
                "lat": location.latitude,
                "lon": location.longitude,
                "raw": location.raw,
            }
        )
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO answer VALUES (?,?,?)",
                (self.name, query, json.dumps(data, sort_keys=True)),
            )
        return location


ONLINE_GEOCODERS = ("nominatim", "photon", "arcgis")


def get_geocoder(name: str, gazetteer: Gazetteer):
    """The geocoder called ``name``: ``offline`` (default) or an online geopy service."""
    offline = OfflineGeocoder(gazetteer)
    if name == "offline":
        return offline
    if name not in ONLINE_GEOCODERS:
        raise UnknownGeocoder(
            f"unknown geocoder {name!r}; use one of: offline, {', '.join(ONLINE_GEOCODERS)}"
        )
    from geopy.geocoders import get_geocoder_for_service

    service = get_geocoder_for_service(name)(
        user_agent=os.environ.get("GEOMAP_USER_AGENT", USER_AGENT), timeout=10
    )
    return CachedGeocoder(service, offline)
