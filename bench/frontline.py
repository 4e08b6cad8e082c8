"""Front-line benchmark: the line of contact and the occupied share on cases
whose answers are known, and on a real occupied-area file if you give one.

Synthetic cases (a square country half occupied, a winding river, a strip
along the state border, a coast, slivers where polygon and outline disagree,
and Ukraine's real outline occupied east of 36°E): the known answer, geomap's
figure, and what a naive boundary (no sliver opening) would give.

With FILE (e.g. DeepStateMap's ``deepstatemap_data_20260201.geojson``, which
geomap never ships: fetch it yourself), it runs ``geomap frontline FILE`` and
``geomap build seeds --occupied FILE`` and prints the figures next to the
issue's targets (1,302 km, 1,185 km at 1 km, 19.29%), then how the choices
move them: the sliver width, the resolution, the denominator.

Usage: python bench/frontline.py [FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

from shapely.geometry import LineString, Polygon, box

from geomap.geometry import geodesic_area_km2, geodesic_length_km
from geomap.outlines import country_area_km2, country_outline
from geomap.territory import (
    Snapshot,
    length_at_resolution,
    line_of_contact,
    measure,
    read_snapshots,
)

ROOT = Path(__file__).resolve().parent.parent
GEOMAP = [sys.executable, "-m", "geomap"]
SQUARE = box(30.0, 48.0, 32.0, 50.0)
TARGET_KM, TARGET_KM_1KM, TARGET_SHARE = 1302.0, 1185.0, 19.29  # DeepStateMap, 2026-02-01


def _river():
    ys = [47.9 + i * 0.0025 for i in range(881)]
    bank = [(31.01 + 0.05 * math.sin(2 * math.pi * (y - 48.0) / 0.1), y) for y in ys]
    return Polygon([*bank, (33.0, 50.1), (33.0, 47.9)]), LineString(bank).intersection(SQUARE)


def cases():
    """(name, country, occupied, the known line, the known share of the outline)."""
    half = box(31.0, 47.0, 33.0, 51.0)
    river, bank = _river()
    strip = box(31.9, 47.0, 33.0, 51.0)
    coast = box(30.5, 47.0, 31.5, 48.3)
    sliver = box(31.0, 48.0015, 31.997, 50.1)
    ukraine = country_outline("UA")
    east = box(36.0, 40.0, 45.0, 55.0)

    def share(country, occupied):
        return 100 * geodesic_area_km2(country.intersection(occupied)) / geodesic_area_km2(country)

    meridian = LineString([(31.0, 48.0), (31.0, 50.0)])
    return [
        ("square, half occupied", SQUARE, half, meridian, 50.0),
        ("winding river", SQUARE, river, bank, share(SQUARE, river)),
        ("strip along the border", SQUARE, strip, LineString([(31.9, 48), (31.9, 50)]), 5.0),
        (
            "strip along the coast",
            SQUARE,
            coast,
            LineString([(30.5, 48.0), (30.5, 48.3), (31.5, 48.3), (31.5, 48.0)]),
            share(SQUARE, coast),
        ),
        ("slivers (150-250 m)", SQUARE, sliver, meridian, share(SQUARE, sliver)),
        (
            "Ukraine east of 36°E",
            ukraine,
            ukraine.intersection(east),
            LineString([(36.0, 40.0), (36.0, 55.0)]).intersection(ukraine),
            share(ukraine, east),
        ),
    ]


def synthetic() -> None:
    print("Synthetic cases (known answer beside geomap's figure)")
    print(
        f"{'case':26} {'known km':>9} {'geomap km':>10} {'at 1 km':>8} {'naive km':>9} "
        f"{'known %':>8} {'geomap %':>9}"
    )
    for name, country, occupied, line, known_share in cases():
        ref = measure(Snapshot(occupied, "", name), "XX", country)
        naive = geodesic_length_km(line_of_contact(occupied, country, sliver_m=1.0))
        print(
            f"{name:26} {geodesic_length_km(line):9.1f} {ref.length_km:10.1f} "
            f"{ref.length_km_1km:8.1f} {naive:9.1f} {known_share:8.2f} "
            f"{ref.share_of_outline_pct:9.2f}"
        )


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def real(path: Path) -> None:
    print(f"\n{path.name}")
    out = subprocess.run(
        [*GEOMAP, "frontline", str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    figures = json.loads(out)
    full, coarse, share = (
        figures["line_length_km"],
        figures["line_length_km_1km"],
        figures["share_pct"],
    )
    print(f"geomap frontline: {out.strip()}")
    print(
        f"line {full:,.0f} km (target within 10% of {TARGET_KM:,.0f}: "
        f"{verdict(abs(full - TARGET_KM) <= 0.1 * TARGET_KM)}); at 1 km {coarse:,.0f} km "
        f"(within 10% of {TARGET_KM_1KM:,.0f}: "
        f"{verdict(abs(coarse - TARGET_KM_1KM) <= 0.1 * TARGET_KM_1KM)})"
    )
    print(
        f"share {share:.2f}% (target within 0.35 of {TARGET_SHARE}: "
        f"{verdict(abs(share - TARGET_SHARE) <= 0.35)}); of the outline "
        f"{figures['share_of_outline_pct']:.2f}%"
    )
    with tempfile.TemporaryDirectory() as tmp:
        build = [*GEOMAP, "build", "seeds", "--occupied", str(path), "--no-cache"]
        subprocess.run(
            [*build, "--layers", f"{tmp}/l", "--out", f"{tmp}/o"],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        front = json.loads(Path(tmp, "l", "frontline.geojson").read_text())["features"]
        shares = json.loads(Path(tmp, "l", "occupation.geojson").read_text())["features"]
    for feature in front + shares:
        print(f"build seeds --occupied: {feature['properties']['summary']}")

    print("\nWhat moves the figures")
    (snapshot,) = read_snapshots(path)
    outline = country_outline("UA")
    occupied = snapshot.area.intersection(outline)
    for sliver in (1.0, 250.0, 500.0, 1000.0):
        line = line_of_contact(occupied, outline, sliver_m=sliver)
        print(f"  sliver opening {sliver:6.0f} m: line {geodesic_length_km(line):7,.0f} km")
    line = line_of_contact(occupied, outline)
    for metres in (100.0, 500.0, 1000.0, 2000.0, 5000.0):
        print(f"  resolution {metres:6.0f} m: line {length_at_resolution(line, metres):7,.0f} km")
    area = geodesic_area_km2(occupied)
    raw = geodesic_area_km2(snapshot.area)
    print(f"  occupied area: {raw:,.0f} km² as drawn, {area:,.0f} km² clipped to the outline")
    for label, denominator in (
        ("GeoNames' area", country_area_km2("UA")),
        ("603,550 km² (the issue's)", 603_550.0),
        ("the Natural Earth outline", geodesic_area_km2(outline)),
    ):
        print(f"  share of {label} ({denominator:,.0f} km²): {100 * area / denominator:.2f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="a real occupied-area GeoJSON")
    args = parser.parse_args()
    synthetic()
    if args.file:
        real(args.file)
    else:
        print("\n(no FILE: give an occupied-area GeoJSON to measure the real figures)")


if __name__ == "__main__":
    main()
