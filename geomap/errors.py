"""One root error; every message says what failed, why, and how to fix it."""


class GeomapError(Exception):
    """Base class of every error geomap raises on purpose."""


class UnreadableDocument(GeomapError, ValueError):
    """An input file is not an article geomap can read (binary, empty, ...)."""


class NoDocuments(GeomapError, FileNotFoundError):
    """The sources named no readable article."""


class GazetteerError(GeomapError, RuntimeError):
    """The offline gazetteer could not be built or opened."""


class UnknownGeocoder(GeomapError, ValueError):
    """A geocoder name that geomap does not know."""
