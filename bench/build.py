"""End-to-end benchmark: many articles, start-up, memory and big maps.

Assembles N articles (the shared evaluation texts and the seed, each copy with
its own id and date), then prints: geoparse MB/s per core next to geotext and
flashgeotext on the same texts; build articles/s with 1 and 2 Dask workers;
cold start (index build) and warm start; the seed's warm build time; peak RSS;
and the size and time to interactive in Chromium of maps with 10,000 and 50,000
events. Each target of issue "many articles" is marked met or not.

Usage: python bench/build.py [--articles 10000] [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def assemble(folder: Path, count: int, eval_dir: Path) -> list[str]:
    """Write ``count`` dated articles into ``folder``; return their texts."""
    texts = [(ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt").read_text().split("\n", 1)[1]]
    for name in ("geowebnews.jsonl", "geovirus.jsonl"):
        path = eval_dir / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines()]
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2026, 1, 1)
    for n in range(count):
        date = start + dt.timedelta(days=n % 60)
        (folder / f"article{n:05}.txt").write_text(
            f"date {date.isoformat()}\n{texts[n % len(texts)]}\n", encoding="utf-8"
        )
    return texts


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def geoparse_speeds(texts: list[str]) -> dict[str, float | None]:
    """MB/s per core after start-up, for geomap and the two baselines."""
    from geomap.gazetteer import open_gazetteer
    from geomap.geoparse import geoparse
    from geomap.testing import article

    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    docs = [article(t, doc_id=str(n)) for n, t in enumerate(texts)]
    gazetteer = open_gazetteer()
    speeds: dict[str, float | None] = {}
    start = time.perf_counter()
    for _ in geoparse(docs, gazetteer):
        pass
    speeds["geomap"] = megabytes / (time.perf_counter() - start)
    try:
        from geotext import GeoText

        start = time.perf_counter()
        for text in texts:
            GeoText(text)
        speeds["geotext"] = megabytes / (time.perf_counter() - start)
    except ImportError:
        speeds["geotext"] = None
    try:
        from flashgeotext.geotext import GeoText as FlashGeoText

        finder = FlashGeoText()
        start = time.perf_counter()
        for text in texts:
            finder.extract(input_text=text)
        speeds["flashgeotext"] = megabytes / (time.perf_counter() - start)
    except ImportError:
        speeds["flashgeotext"] = None
    return speeds


def big_map(events: int, folder: Path) -> tuple[float, float | None]:
    """(MB of HTML, seconds to interactive in Chromium) for a map of ``events`` strikes."""
    from shapely.geometry import Point

    from geomap.layers import Feature, make_layer
    from geomap.writers.map import write_map

    rng = random.Random(events)
    features = [
        Feature(
            Point(rng.uniform(22, 40), rng.uniform(44, 52)),
            {
                "id": f"{n:06}",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "location": f"Place {n}",
                "geo_precision": 1,
                "event_date": (dt.date(2026, 1, 1) + dt.timedelta(days=n % 60)).isoformat(),
                "time_precision": 1,
                "notes": f"Drones hit place {n} overnight, officials said.",
                "source": "Bench",
            },
        )
        for n in range(events)
    ]
    path = write_map(
        [make_layer("strikes", features)],
        folder / f"map-{events}.html",
        title="bench",
        as_of="bench",
    )
    size = path.stat().st_size / 1e6
    from geomap.testing import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        return size, None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route(
            "**/*", lambda r: r.abort() if not r.request.url.startswith("file:") else r.continue_()
        )
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.geomap !== undefined", timeout=120_000)
        seconds = time.perf_counter() - start
        browser.close()
    return size, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    geomap = [PYTHON, "-m", "geomap"]
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        texts = assemble(work / "articles", args.articles, args.eval_dir)
        cold_env = {**os.environ, "GEOMAP_CACHE_DIR": str(work / "cold-cache")}
        cold = timed(
            [PYTHON, "-c", "from geomap.gazetteer import open_gazetteer; open_gazetteer()"],
            env=cold_env,
        )
        warm = timed([*geomap, "geocode", "Kyiv"])
        seed = timed(
            [
                *geomap,
                "build",
                "seeds",
                "--no-cache",
                "--layers",
                str(work / "seed-l"),
                "--out",
                str(work / "seed-o"),
            ],
            cwd=ROOT,
        )
        builds = {}
        for workers in (1, 2):
            seconds = timed(
                [
                    *geomap,
                    "build",
                    str(work / "articles"),
                    "--no-cache",
                    "--workers",
                    str(workers),
                    "--layers",
                    str(work / f"l{workers}"),
                    "--out",
                    str(work / f"o{workers}"),
                ],
                cwd=ROOT,
            )
            builds[workers] = args.articles / seconds
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        speeds = geoparse_speeds(texts)
        maps = {n: big_map(n, work) for n in (10_000, 50_000)}

    def fmt(value, unit=""):
        return "n/a" if value is None else f"{value:,.2f}{unit}"

    rows += [
        ("geoparse MB/s per core (geomap)", fmt(speeds["geomap"]), "≥ 5"),
        ("geoparse MB/s per core (geotext)", fmt(speeds["geotext"]), "baseline"),
        ("geoparse MB/s per core (flashgeotext)", fmt(speeds["flashgeotext"]), "baseline"),
        (f"build articles/s, 1 worker ({args.articles} articles)", fmt(builds[1]), ""),
        (
            f"build articles/s, 2 workers ({args.articles} articles)",
            fmt(builds[2]),
            "10,000 in ≤ 120 s = ≥ 83",
        ),
        ("cold start: index build, s", fmt(cold), ""),
        ("warm start: geocode one name, s", fmt(warm), "< 1"),
        ("seed build warm, s", fmt(seed), "≤ 1.5"),
        ("peak RSS of one process, MB", fmt(rss_mb), "≤ 1,000"),
        (
            "map with 10,000 events: MB / s to interactive",
            f"{maps[10_000][0]:.1f} / {fmt(maps[10_000][1])}",
            "",
        ),
        (
            "map with 50,000 events: MB / s to interactive",
            f"{maps[50_000][0]:.1f} / {fmt(maps[50_000][1])}",
            "≤ 25 MB / ≤ 5 s",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>14}  {target}")
    print()
    verdicts = [
        ("geoparse ≥ 5 MB/s per core", speeds["geomap"] >= 5),
        ("10,000 articles ≤ 2 min on 2 cores", builds[2] * 120 >= 10_000),
        ("seed build ≤ 1.5 s warm", seed <= 1.5),
        ("peak RSS ≤ 1 GB", rss_mb <= 1000),
        ("50,000-event map ≤ 25 MB", maps[50_000][0] <= 25),
        (
            "50,000-event map interactive ≤ 5 s",
            maps[50_000][1] is not None and maps[50_000][1] <= 5,
        ),
    ]
    for name, met in verdicts:
        print(f"target {name}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
