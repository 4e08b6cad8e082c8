"""End-to-end benchmark: first run, start-up, throughput, many records, big maps.

Prints, each next to its target and, where one exists, next to geotext (and
flashgeotext) measured in the same run on the same texts, as a ratio:

* the first run on a fresh machine: the index build's seconds and peak memory;
* start-up: ``geomap geocode`` with the index built, and a warm ``geomap build seeds``
  into empty folders (with ``--no-cache``, then again with its results cached, as
  ``make map`` runs it), and once more into the same folders, where nothing changed
  and no output is rewritten;
* ``geomap geoparse`` MB/s per core after start-up, on the two shared corpora ×8;
* ``geomap build`` of a JSONL of one-sentence records (real sentences of the
  shared corpora, one a record), in records/s on one core;
* ``geomap build`` of N articles (the shared texts and the seed, each copy with
  its own id and date), in articles/s on 1 and 2 Dask workers;
* the size of maps with 10,000 and 50,000 events and their time to
  interactive in Chromium.

Usage: python bench/build.py [--articles 10000] [--records 20000] [--eval-dir ../shared/eval]
       python bench/build.py --maps-only
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
GEOMAP = [PYTHON, "-m", "geomap"]
CORPORA = ("geowebnews.jsonl", "geovirus.jsonl")


def corpus_texts(eval_dir: Path) -> list[str]:
    """The seed and the shared corpora's texts."""
    texts = [(ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt").read_text().split("\n", 1)[1]]
    for name in CORPORA:
        path = eval_dir / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines()]
    return texts


def write_articles(folder: Path, count: int, texts: list[str]) -> None:
    """``count`` dated article files, each a copy of one of ``texts``."""
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2026, 1, 1)
    for n in range(count):
        date = start + dt.timedelta(days=n % 60)
        (folder / f"article{n:05}.txt").write_text(
            f"date {date.isoformat()}\n{texts[n % len(texts)]}\n", encoding="utf-8"
        )


def write_records(path: Path, count: int, texts: list[str]) -> list[str]:
    """A JSONL of ``count`` one-sentence records, real sentences of ``texts``;
    return the sentences."""
    from geomap.text import split_sentences

    sentences = [s.text for t in texts for s in split_sentences(t) if 40 <= len(s.text) <= 300]
    chosen = [sentences[n % len(sentences)] for n in range(count)]
    with path.open("w", encoding="utf-8") as out:
        for n, sentence in enumerate(chosen):
            record = {"doc_id": f"r{n}", "date": "2026-02-05", "text": sentence}
            out.write(json.dumps(record) + "\n")
    return chosen


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def first_run(work: Path) -> tuple[float, float]:
    """(seconds, peak MB) of compiling the index into an empty cache."""
    script = (
        "import json, resource, time; t = time.perf_counter()\n"
        "from geomap.gazetteer import open_gazetteer; open_gazetteer()\n"
        "print(json.dumps([time.perf_counter() - t,"
        " resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))"
    )
    env = {**os.environ, "GEOMAP_CACHE_DIR": str(work / "cold-cache")}
    out = subprocess.run(
        [PYTHON, "-c", script], check=True, capture_output=True, env=env, text=True
    )
    seconds, peak_mb = json.loads(out.stdout.strip().splitlines()[-1])
    return seconds, peak_mb


def cpu_seconds(command: list[str]) -> float:
    """CPU seconds (user and system) that ``command`` takes, its output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def geoparse_speed(texts: list[str], work: Path) -> float:
    """Texts per CPU second after start-up for ``geomap geoparse``: the command
    itself on a JSONL of ``texts``, less its start-up (the same command on one
    text), best of two runs."""
    many, one = work / "geoparse-many.jsonl", work / "geoparse-one.jsonl"
    with many.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            out.write(json.dumps({"doc_id": str(n), "text": text}) + "\n")
    one.write_text(json.dumps({"doc_id": "0", "text": texts[0]}) + "\n", encoding="utf-8")
    startup = min(cpu_seconds([*GEOMAP, "geoparse", str(one)]) for _ in range(3))
    total = min(cpu_seconds([*GEOMAP, "geoparse", str(many)]) for _ in range(2))
    return (len(texts) - 1) / (total - startup)


def peer_speeds(texts: list[str]) -> dict[str, float | None]:
    """Texts per CPU second for the two baselines, in this process once imported."""
    speeds: dict[str, float | None] = {}
    try:
        from geotext import GeoText

        start = time.process_time()
        for text in texts:
            GeoText(text)
        speeds["geotext"] = len(texts) / (time.process_time() - start)
    except ImportError:
        speeds["geotext"] = None
    try:
        from flashgeotext.geotext import GeoText as FlashGeoText

        finder = FlashGeoText()
        start = time.process_time()
        for text in texts:
            finder.extract(input_text=text)
        speeds["flashgeotext"] = len(texts) / (time.process_time() - start)
    except ImportError:
        speeds["flashgeotext"] = None
    return speeds


def big_map(events: int, folder: Path) -> tuple[float, float | None]:
    """(MB of HTML, seconds to interactive in Chromium) for a map of ``events``
    strikes, a tenth of them placed at one of Ukraine's regions (drawn as the
    region's outline), with 2,000 labelled places and the regions layer."""
    import gzip

    from shapely.geometry import Point, shape

    from geomap.layers import Feature, make_layer
    from geomap.outlines import SHAPES
    from geomap.writers.map import write_map

    rng = random.Random(events)
    extract = json.loads(gzip.decompress((SHAPES / "admin1.geojson.gz").read_bytes()))
    oblasts = [f for f in extract["features"] if f["properties"]["c"] == "UA"]
    regions = [
        Feature(
            shape(f["geometry"]),
            {"id": f"r{n}", "name": f["properties"]["n"], "kind": "admin1", "mention_count": 1},
        )
        for n, f in enumerate(oblasts)
    ]
    places = [
        Feature(
            Point(rng.uniform(22, 40), rng.uniform(44, 52)),
            {
                "id": f"p{n:05}",
                "name": f"Place {n}",
                "kind": "populated_place",
                "geo_precision": 1,
                "population": rng.randint(500, 3_000_000),
                "mention_count": rng.randint(1, 20),
            },
        )
        for n in range(2_000)
    ]

    def strike(n: int) -> Feature:
        at_region = n % 10 == 0
        region = regions[n % len(regions)]
        point = region.geometry.representative_point() if at_region else None
        return Feature(
            point or Point(rng.uniform(22, 40), rng.uniform(44, 52)),
            {
                "id": f"{n:06}",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "location": region.properties["name"] if at_region else f"Place {n}",
                "location_id": region.properties["id"] if at_region else f"p{n % 2000:05}",
                "geo_precision": 3 if at_region else 1,
                "event_date": (dt.date(2026, 1, 1) + dt.timedelta(days=n % 60)).isoformat(),
                "time_precision": 1,
                "notes": f"Drones hit place {n} overnight, officials said.",
                "source": "Bench",
                "doc_id": f"doc{n % 500}",
            },
        )

    layers = [
        make_layer("places", places),
        make_layer("regions", regions),
        make_layer("strikes", [strike(n) for n in range(events)]),
    ]
    path = write_map(layers, [], folder / f"map-{events}.html")
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


def build_seconds(sources: Path, work: Path, name: str, *options: str, cache=False) -> float:
    """Wall seconds of ``geomap build sources``, analysing every article
    unless ``cache`` (then the results of the run before are reused)."""
    return timed(
        [
            *GEOMAP,
            "build",
            str(sources),
            "--cache" if cache else "--no-cache",
            "--layers",
            str(work / f"{name}-l"),
            "--out",
            str(work / f"{name}-o"),
            *options,
        ],
        cwd=ROOT,
    )


def fmt(value, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def ratio(ours, peer) -> str:
    return "" if ours is None or not peer else f"{ours / peer:.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--maps-only", action="store_true", help="only the big maps")
    args = parser.parse_args()
    if args.maps_only:
        with tempfile.TemporaryDirectory() as tmp:
            for n in (10_000, 50_000):
                size, seconds = big_map(n, Path(tmp))
                print(
                    f"map of {n:,} events: {size:.1f} MB, {fmt(seconds)} s to interactive"
                    f" (target for 50,000: ≤ 5 s)"
                )
        return
    texts = corpus_texts(args.eval_dir)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cold_s, cold_mb = first_run(work)
        warm = min(timed([*GEOMAP, "geocode", "Kyiv"]) for _ in range(3))
        # Each into empty folders, so that every output is written.
        seed = min(build_seconds(ROOT / "seeds", work, f"seed{n}") for n in range(3))
        build_seconds(ROOT / "seeds", work, "seed", cache=True)  # fills the cache
        seed_cached = min(
            build_seconds(ROOT / "seeds", work, f"seed-cached{n}", cache=True) for n in range(3)
        )
        # Into the folders written before: nothing changed, nothing is written.
        seed_unchanged = min(
            build_seconds(ROOT / "seeds", work, "seed", cache=True) for _ in range(3)
        )
        corpus = texts[1:] * 8
        megabytes = sum(len(t.encode()) for t in corpus) / 1e6
        per_text = {"geomap": geoparse_speed(corpus, work), **peer_speeds(corpus)}
        mb_s = {k: v and v * megabytes / len(corpus) for k, v in per_text.items()}
        records = work / "records.jsonl"
        sentences = write_records(records, args.records, texts)
        record_rate = args.records / build_seconds(records, work, "records")
        record_peers = peer_speeds(sentences)
        write_articles(work / "articles", args.articles, texts)
        builds = {
            workers: args.articles
            / build_seconds(work / "articles", work, f"a{workers}", "--workers", str(workers))
            for workers in (1, 2)
        }
        maps = {n: big_map(n, work) for n in (10_000, 50_000)}

    rows = [
        ("first run: index build, s", fmt(cold_s, 1), "≤ 60 (aim 30)", ""),
        ("first run: peak memory, MB", fmt(cold_mb, 0), "≤ 1,200", ""),
        ("start-up: geocode one name, s", fmt(warm), "< 1", ""),
        ("warm build of seeds/, s", fmt(seed), "≤ 1.5", ""),
        ("  again, results cached (the default), s", fmt(seed_cached), "≤ 1.5", ""),
        ("  again, nothing changed: no output rewritten, s", fmt(seed_unchanged), "", ""),
        (f"geoparse MB/s per core, {megabytes:.1f} MB", fmt(mb_s["geomap"]), "≥ 5 (aim 10)", ""),
        (
            "  geotext, same texts",
            fmt(mb_s["geotext"]),
            "peer",
            ratio(mb_s["geomap"], mb_s["geotext"]),
        ),
        (
            "  flashgeotext, same texts",
            fmt(mb_s["flashgeotext"]),
            "peer",
            ratio(mb_s["geomap"], mb_s["flashgeotext"]),
        ),
        (
            f"build of {args.records:,} one-sentence records, records/s",
            fmt(record_rate, 0),
            "≥ 500",
            "",
        ),
        (
            "  geotext on the same sentences, records/s",
            fmt(record_peers["geotext"], 0),
            "peer",
            ratio(record_rate, record_peers["geotext"]),
        ),
        (f"build of {args.articles:,} articles, 1 worker, articles/s", fmt(builds[1]), "≥ 40", ""),
        (
            f"build of {args.articles:,} articles, 2 workers, articles/s",
            fmt(builds[2]),
            "10,000 in ≤ 120 s = ≥ 83",
            "",
        ),
        (
            "map of 10,000 events: MB / s to interactive",
            f"{maps[10_000][0]:.1f} / {fmt(maps[10_000][1])}",
            "",
            "",
        ),
        (
            "map of 50,000 events: MB / s to interactive",
            f"{maps[50_000][0]:.1f} / {fmt(maps[50_000][1])}",
            "≤ 5 s",
            "",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target, versus in rows:
        print(f"{name:<{width}}  {value:>14}  {target:<26} {versus}")
    print()
    verdicts = [
        ("first run ≤ 60 s", cold_s <= 60),
        ("first run ≤ 1.2 GB", cold_mb <= 1200),
        ("start-up < 1 s", warm < 1),
        ("warm seed build ≤ 1.5 s", seed <= 1.5),
        ("warm seed build, results cached, ≤ 1.5 s", seed_cached <= 1.5),
        ("geoparse ≥ 5 MB/s per core", mb_s["geomap"] >= 5),
        ("≥ 500 one-sentence records/s", record_rate >= 500),
        ("build ≥ 40 articles/s on one core", builds[1] >= 40),
        ("10,000 articles ≤ 2 min on 2 workers", builds[2] * 120 >= 10_000),
        (
            "50,000-event map interactive ≤ 5 s",
            maps[50_000][1] is not None and maps[50_000][1] <= 5,
        ),
    ]
    for name, met in verdicts:
        print(f"target {name}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
