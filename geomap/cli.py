"""geomap's command line: a thin layer over :mod:`geomap.pipeline`."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .errors import GeomapError


def _fail(err: Exception) -> click.ClickException:
    return click.ClickException(str(err).splitlines()[0] if str(err) else type(err).__name__)


class _OneLineErrors(click.Group):
    """A bug still ends in one line (and exit code 1), not a traceback; set
    ``GEOMAP_DEBUG=1`` to see the traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:  # the last line of defence
            if os.environ.get("GEOMAP_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(err).__name__}: {_fail(err).message} "
                "(please report it; GEOMAP_DEBUG=1 shows the traceback)"
            ) from err


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geomap")
def cli() -> None:
    """Turn news reports about armed conflict into maps: places, strikes, talks,
    exchanges, tolls, front lines and occupied areas, geocoded offline."""


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--layers",
    "layers_dir",
    default=Path("layers"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the GeoJSON layers and geomap.gpkg.",
)
@click.option(
    "--out",
    "out_dir",
    default=Path("output"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for map.html.",
)
@click.option(
    "--occupied",
    type=click.Path(exists=True, path_type=Path),
    help="A GeoJSON (Multi)Polygon of occupied territory (e.g. a DeepStateMap daily "
    "file), or a folder of dated ones: claims are compared with the measured line of "
    "contact and share of the snapshot on or before their date.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date of the --occupied file, when neither its name nor its properties say.",
)
@click.option(
    "--frontline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A GeoJSON LineString to compare front-line claims with, instead of the "
    "sketch geomap ships.",
)
@click.option(
    "--geocoder",
    default="offline",
    show_default=True,
    help="offline (the embedded gazetteer), or an online geopy service "
    "(nominatim, photon, arcgis): cached, rate-limited, opt-in.",
)
@click.option(
    "--self-contained/--cdn",
    default=True,
    show_default=True,
    help="Inline Leaflet into map.html so it opens without internet.",
)
@click.option(
    "--tiles",
    metavar="PROVIDER|URL",
    callback=lambda ctx, param, value: _checked_tiles(value),
    help="Draw web map tiles under the layers: a provider (OpenStreetMap, "
    "Esri.WorldImagery) or a URL template with {z}, {x} and {y}. Off by default: "
    "the map then asks nothing of the network (each tile tells its server where "
    "you look) and draws country outlines.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Analyse articles on a local Dask cluster of N processes.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Analyse articles on an existing dask.distributed cluster.",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse per-article results from earlier builds.",
)
def build(
    sources,
    layers_dir,
    out_dir,
    occupied,
    as_of,
    frontline,
    geocoder,
    self_contained,
    tiles,
    workers,
    scheduler,
    cache,
):
    """Build the layers and the map from article files or folders (default: seeds/).

    Reads .txt, .md, .html, .json and .jsonl articles; skips broken files with a
    reason; exits non-zero with a one-line reason when nothing could be built.

    Example: geomap build seeds/ --layers layers --out output --workers 2
    """
    from .pipeline import build as run_build

    try:
        report = run_build(
            list(sources) or ["seeds"],
            layers_dir=layers_dir,
            out_dir=out_dir,
            occupied=occupied,
            as_of=as_of.date() if as_of else None,
            frontline=frontline,
            geocoder=geocoder,
            self_contained=self_contained,
            tiles=tiles,
            workers=workers,
            scheduler=scheduler,
            cache=cache,
            progress=_progress,
        )
    except (GeomapError, OSError) as err:
        raise _fail(err) from err
    _echo_skipped(report.skipped)
    counts = ", ".join(f"{name} {count}" for name, count in report.layers.items())
    click.echo(
        f"read {report.documents} article(s) ({report.cached} from cache), "
        f"skipped {len(report.skipped)}; features: {counts}"
    )
    done = "wrote" if report.written else "unchanged, so not rewritten:"
    files = f"{len(report.outputs) - 1} files in {layers_dir}/ and {out_dir / 'map.html'}"
    click.echo(f"{done} {files}")


def _checked_tiles(tiles: str | None) -> str | None:
    """``--tiles`` checked before any article is read."""
    if tiles:
        from .writers.map import tile_layer

        try:
            tile_layer(tiles)
        except GeomapError as err:
            raise click.BadParameter(str(err).removeprefix("tiles: ")) from err
    return tiles


def _echo_skipped(reasons: list[str]) -> None:
    for reason in reasons:
        click.echo(f"skipped: {reason}", err=True)


def _progress(items):
    """A progress bar on a terminal; nothing in pipes and logs."""
    if not sys.stderr.isatty():
        return items
    return _bar(items)


def _bar(items):
    with click.progressbar(items, label="articles", file=sys.stderr) as bar:
        yield from bar


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "geojson"]),
    default="jsonl",
    show_default=True,
    help="One JSON line per document, or one GeoJSON collection.",
)
@click.option(
    "--adjectives/--no-adjectives",
    default=True,
    show_default=True,
    help='Report "Iraqi" in "Iraqi forces" as Iraq (GeoWebNews counts them; most corpora do not).',
)
def geoparse(files, fmt, adjectives):
    """Print the place names in articles with offsets and coordinates.

    FILES are articles, folders, or JSONL files of {"doc_id", "text"} lines
    (one output line per input line, same doc_id).

    Example: geomap geoparse ../shared/eval/geowebnews.jsonl > pred.jsonl
    """
    from .documents import read_documents
    from .gazetteer import open_gazetteer
    from .geoparse import as_feature_collection
    from .geoparse import geoparse as run_geoparse

    try:
        gazetteer = open_gazetteer()
        docs, skipped = read_documents(files)
        _echo_skipped(skipped)
        results = run_geoparse(docs, gazetteer, adjectives=adjectives)
        if fmt == "jsonl":
            for result in results:
                click.echo(json.dumps(result, ensure_ascii=False))
        else:
            click.echo(json.dumps(as_feature_collection(results), ensure_ascii=False))
    except (GeomapError, OSError) as err:
        raise _fail(err) from err


@cli.command()
@click.argument("name")
@click.option("--limit", default=10, show_default=True, help="How many candidates to list.")
@click.option(
    "--geocoder",
    default="offline",
    show_default=True,
    help="offline, or an online geopy service (nominatim, photon, arcgis).",
)
def geocode(name, limit, geocoder):
    """List ranked candidates for one place name, best first.

    Example: geomap geocode Zaporozhye
    """
    from .gazetteer import open_gazetteer
    from .geocoders import get_geocoder

    try:
        service = get_geocoder(geocoder, open_gazetteer())
        found = service.geocode(name, exactly_one=False, limit=limit)
    except (GeomapError, OSError) as err:
        raise _fail(err) from err
    if not found:
        raise click.ClickException(f"no place called {name!r} in the gazetteer")
    for location in found if isinstance(found, list) else [found]:
        raw = location.raw
        click.echo(
            f"{location.latitude:.5f}\t{location.longitude:.5f}\t"
            f"{raw.get('kind', '')}\t{location.address}\t{raw.get('id', '')}"
        )


class _MeasureByDefault(click.Group):
    """``geomap frontline FILE`` runs ``measure``; ``geomap frontline fetch`` fetches."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["measure", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=_MeasureByDefault)
def frontline() -> None:
    """Measure an occupied area or a line, or fetch DeepStateMap's snapshot of a day.

    Example: geomap frontline deepstatemap_data_20260201.geojson

    Example: geomap frontline fetch --date 2026-02-01
    """


@frontline.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date to measure: the file's own, or in a folder the snapshot on or before it.",
)
@click.option("--country", help="ISO code of the country (default: the one the area lies in).")
def measure(path, as_of, country):
    """Print the line of contact's length (full and at 1 km resolution), the
    occupied area and its share as one JSON object.

    PATH is a GeoJSON (Multi)Polygon of occupied territory, a folder of dated
    ones, or a GeoJSON LineString (then only its length is measured).

    Example: geomap frontline deepstatemap_data_20260201.geojson
    """
    from .frontline import References, read_user_line
    from .gazetteer import open_gazetteer
    from .territory import read_snapshots

    day = as_of.date() if as_of else None
    try:
        gazetteer = open_gazetteer()
        try:
            snapshots = read_snapshots(path, as_of=day if path.is_file() else None)
            refs = References(gazetteer, snapshots=snapshots)
        except GeomapError as polygon_error:
            if not path.is_file():
                raise
            try:
                line = read_user_line(path, country_code=country)
            except GeomapError:
                raise polygon_error from None
            refs = References(gazetteer, lines=[line])
        code = (country or "").upper() or next(iter(sorted(refs.countries())), None)
        ref = refs.for_claim(code, day)
        if ref is None:
            raise GeomapError(f"{path}: nothing to measure for {code or 'this area'} on {day}")
    except (GeomapError, OSError) as err:
        raise _fail(err) from err
    click.echo(json.dumps(ref.summary(), ensure_ascii=False, sort_keys=True))


@frontline.command()
@click.option(
    "--date",
    "day",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day of the snapshot (the archive starts in July 2024).",
)
def fetch(day):
    """Download DeepStateMap's occupied area of DATE into your cache (opt-in;
    the only command that goes online). Later builds compare claims with it.

    Example: geomap frontline fetch --date 2026-02-01
    """
    from .deepstate import LICENCE
    from .deepstate import fetch as run_fetch

    click.echo(LICENCE, err=True)
    try:
        path = run_fetch(day.date())
    except (GeomapError, OSError) as err:
        raise _fail(err) from err
    click.echo(f"saved {path}")


def main() -> None:  # the console script
    # A run keeps most of what it allocates to its end (modules, compiled
    # patterns, the index's name sets): at the default thresholds the cycle
    # collector walked those over and over, a fifth of a seed build. The library
    # leaves the collector alone; the program tunes it, as mypy does.
    gc.set_threshold(100_000, 50, 100)
    try:
        cli(prog_name="geomap")
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if isinstance(code, str):
        print(code, file=sys.stderr)
    _exit_now(code if isinstance(code, int) else 0 if code is None else 1)


def _exit_now(code: int) -> NoReturn:
    """Exit without the interpreter's teardown, as mypy's ``hard_exit`` does.

    By now every output is written, closed and swapped in, and any cluster is
    closed; what remains is freeing pandas, GDAL and the index's name sets
    object by object, a fifth of a second of a seed build for memory the
    system takes back anyway."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone ("| head")
            stream.flush()
    os._exit(code)
