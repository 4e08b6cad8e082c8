"""geomap: conflict reports → place mentions → events and claims → map layers.

The library in four calls (each loads what it needs on first use, so
``import geomap`` stays cheap)::

    import geomap
    geomap.build(["reports/"], layers_dir=Path("layers"), out_dir=Path("output"))
    places = next(geomap.geoparse([doc], geomap.open_gazetteer()))
    result = geomap.analyse(doc, geomap.open_gazetteer())
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
__all__ = ["__version__", "analyse", "build", "geoparse", "open_gazetteer"]

# Public name → the module that defines it, imported on first use.
_LAZY = {
    "analyse": "geomap.analysis",
    "build": "geomap.pipeline",
    "geoparse": "geomap.geoparse",
    "open_gazetteer": "geomap.gazetteer",
}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
