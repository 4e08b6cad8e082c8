"""geomap: conflict reports → place mentions → events and claims → map layers.

Import is cheap: heavy libraries (folium, geopandas, pyogrio) load only in
the functions that use them.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
