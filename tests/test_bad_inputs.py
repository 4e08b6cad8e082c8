"""Hostile and broken input: clear reasons, nothing lost, nothing half-written."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.analysis import analyse
from geomap.cli import cli
from geomap.documents import decode, iter_documents, parse_article
from geomap.errors import UnreadableDocument
from geomap.mentions import Recogniser
from geomap.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "data" / "bad"
SEED = ROOT / "seeds" / "000_9ab0ee95aa5900ab.txt"


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    """tests/data/bad plus the inputs too big or too odd to commit."""
    folder = tmp_path_factory.mktemp("bad")
    shutil.copytree(BAD, folder, dirs_exist_ok=True)
    line = "Drones hit Odesa and shelling hit Kharkiv on Monday, officials said. "
    (folder / "huge.txt").write_text(line * (15 * 2**20 // len(line) + 1))
    one_line = " ".join(SEED.read_text().split())
    (folder / "one-line.txt").write_text((one_line * (2**20 // len(one_line) + 1))[: 2**20])
    (folder / "run-on.txt").write_text("Shelling near Kherson " * 5_000)
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Drones hit Odesa.")
    unreadable.chmod(0)
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "itself").symlink_to(folder / "sub")
    (folder / "no-articles").mkdir()
    (folder / "no-articles" / "notes.csv").write_text("a,b\n")
    yield folder
    unreadable.chmod(0o644)


EXPECTED_SKIPS = {
    "empty.txt": "empty file",
    "whitespace.txt": "empty file",
    "image.txt": "binary data, not text",
    "random.md": "binary data, not text",
    "broken.json": "not JSON",
    "huge.txt": "MB is more than the 10 MB limit",
    "loop-a.txt": "cannot read",
    "loop-b.txt": "cannot read",
}


def test_every_bad_input_is_read_or_skipped_with_its_name(bad_folder):
    skipped, read = {}, {}
    for item in iter_documents([bad_folder, bad_folder / "missing.txt"]):
        if isinstance(item, UnreadableDocument):
            name = Path(str(item).split(":")[0]).name
            skipped[name] = str(item)
            assert "\n" not in str(item)
        else:
            read[Path(item.path).name] = item
    for name, reason in EXPECTED_SKIPS.items():
        assert reason in skipped[name], (name, skipped.get(name))
        assert str(bad_folder / name) in skipped[name]
    assert skipped["missing.txt"].endswith("missing.txt: no such file or folder")
    assert read["utf16-bom.txt"].text.startswith("Russian missiles struck Kharkiv")
    assert "café" in read["latin1.txt"].text
    assert "Drones hit Odesa" in read["invalid-utf8.txt"].text
    assert read["page.html"].text == "Drones hit Odesa on Monday, officials said."
    for name in ("cyrillic.txt", "arabic.txt", "numbers.txt", "one-line.txt"):
        assert name in read
    # chmod 000 stops everyone but root; either way the file is accounted for
    assert "unreadable.txt" in read or "cannot read" in skipped["unreadable.txt"]


def test_build_over_bad_inputs_succeeds_and_reports(bad_folder, tmp_path, gazetteer):
    result = CliRunner().invoke(
        cli,
        ["build", str(bad_folder), "--layers", str(tmp_path / "l"), "--out", str(tmp_path / "o")],
    )
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "Traceback" not in result.output
    strikes = json.loads((tmp_path / "l" / "strikes.geojson").read_text())["features"]
    assert {f["properties"]["location"] for f in strikes} >= {"Kharkiv", "Odesa"}
    page = (tmp_path / "o" / "map.html").read_text()
    assert "Fake Paris" not in page and 'alert("x")' not in page


def test_build_with_no_articles_fails_in_one_line(bad_folder, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(bad_folder / "no-articles"),
            "--layers",
            str(tmp_path / "l"),
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: no readable")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere")])
    assert result.output == (
        f"Error: no readable article in {tmp_path / 'nowhere'} "
        f"({tmp_path / 'nowhere'}: no such file or folder)\n"
    )


# -- properties -----------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=400) | st.lists(
    st.sampled_from(
        [
            "Kyiv",
            "Odesa's",
            "Abu Dhabi",
            "the Donetsk region",
            "Zaporizhzhia plant",
            "Russian",
            "drones",
            "hit",
            "killed",
            "about 20%",
            "1,200 km",
            "on Monday",
            ",",
            ".",
            " ",
            "\n",
            "Mr",
            "Washington-based",
            "U.S.",
            "KYIV",
            "-",
            "'s",
        ]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=TEXT)
def test_arbitrary_text_never_crashes_and_offsets_hold(gazetteer, raw):
    doc = parse_article(raw, doc_id="h", date=None) if raw.strip() else None
    if doc is None:
        return
    result = analyse(doc, gazetteer)
    for r in result.resolved:
        assert doc.text[r.mention.start : r.mention.end] == r.mention.surface
        assert -90 <= r.place.lat <= 90 and -180 <= r.place.lon <= 180
    for event in result.events:
        assert doc.text[event.quote_start : event.quote_end] == event.quote
        if event.place:
            assert -90 <= event.place.lat <= 90 and -180 <= event.place.lon <= 180


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_refuse(data):
    try:
        text = decode(data, name="x")
    except UnreadableDocument as err:
        assert str(err).startswith("x: ")
    else:
        assert isinstance(text, str)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=TEXT)
def test_recogniser_mentions_do_not_overlap(gazetteer, raw):
    if not raw.strip():
        return
    doc = parse_article(raw, doc_id="h", date=None)
    mentions = Recogniser(gazetteer)(doc)
    for left, right in itertools.pairwise(mentions):
        assert left.end <= right.start


# -- interrupted and concurrent builds ----------------------------------------------------------


def _geomap(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "geomap", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture
def corpus(tmp_path, gazetteer):
    """A folder of 300 articles and a finished build of the seed beside it."""
    folder = tmp_path / "many"
    folder.mkdir()
    text = SEED.read_text()
    for n in range(300):
        (folder / f"a{n:03}.txt").write_text(text.replace("Abu Dhabi", f"Abu Dhabi {n}"))
    build([SEED], layers_dir=tmp_path / "layers", out_dir=tmp_path / "output", gazetteer=gazetteer)
    return folder


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_build_leaves_previous_outputs(corpus, tmp_path, sig):
    before = _snapshot(tmp_path / "layers"), _snapshot(tmp_path / "output")
    process = _geomap("build", str(corpus), "--no-cache", cwd=tmp_path)
    time.sleep(2.0)
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert b"Traceback" not in err
    assert (_snapshot(tmp_path / "layers"), _snapshot(tmp_path / "output")) == before


def test_concurrent_builds_do_not_corrupt(tmp_path, gazetteer):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    first = _geomap("build", "seeds", cwd=tmp_path)
    second = _geomap("build", "seeds", cwd=tmp_path)
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    alone = tmp_path / "alone"
    build(
        [SEED],
        layers_dir=alone / "layers",
        out_dir=alone / "output",
        gazetteer=gazetteer,
    )
    assert _snapshot(tmp_path / "layers") == _snapshot(alone / "layers")
    assert not list((tmp_path / "layers").glob(".geomap-build-*"))


# -- online geocoder opted in -------------------------------------------------------------


def test_online_geocoder_failures_fall_back_offline(tmp_path, gazetteer, caplog):
    from geopy.exc import GeocoderTimedOut, GeocoderUnavailable
    from geopy.location import Location

    from geomap.geocoders import CachedGeocoder, OfflineGeocoder

    class Flaky:
        """Answers Kyiv, times out on Odesa, and is down for everything else."""

        calls = 0

        def geocode(self, query, exactly_one=True, **kwargs):
            Flaky.calls += 1
            if query == "Kyiv":
                return Location("Kyiv, Ukraine", (50.45, 30.52), {"osm": 1})
            if query == "Odesa":
                raise GeocoderTimedOut("timed out")
            raise GeocoderUnavailable("network unreachable")

    cache = tmp_path / "cache.sqlite"
    online = CachedGeocoder(
        Flaky(), OfflineGeocoder(gazetteer), cache_path=cache, min_delay_seconds=0
    )
    assert online.geocode("Kyiv").latitude == 50.45
    with caplog.at_level("WARNING"):
        odesa = online.geocode("Odesa")
    assert abs(odesa.latitude - 46.48) < 0.2  # the offline answer
    assert "using the offline gazetteer" in caplog.text
    calls = Flaky.calls
    again = CachedGeocoder(
        Flaky(), OfflineGeocoder(gazetteer), cache_path=cache, min_delay_seconds=0
    )
    assert again.geocode("Kyiv").latitude == 50.45 and Flaky.calls == calls  # from the cache
    assert os.path.getsize(cache) > 0
