"""The seed's map in a real browser (Debian's Chromium, driven by Playwright),
with every network request refused."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from geomap.events.registry import KINDS
from geomap.testing import CHROMIUM, CHROMIUM_ARGS
from geomap.writers.symbols import SYMBOLS


def _browser_or_skip():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing under CI: .ci/run must install chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("playwright is missing under CI: it is in the test extras")
        pytest.skip("playwright not installed (pip install -e '.[test]')")
    return sync_playwright


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_playwright = _browser_or_skip()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
        )
        # Offline: refuse every request that leaves the file.
        context.route(
            "**/*",
            lambda route: (
                route.abort()
                if not route.request.url.startswith(("file:", "data:"))
                else route.continue_()
            ),
        )
        yield context
        context.close()


def open_map(browser, path: Path):
    page = browser.new_page()
    errors, dialogs = [], []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("window.geomap !== undefined", timeout=10000)
    return page, errors, dialogs


def test_the_map_asks_nothing_of_the_network(browser, seed_build):
    """No tiles, fonts or libraries from elsewhere: every request stays in the file."""
    _, _, out = seed_build
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((out / "map.html").as_uri())
    page.wait_for_function("window.geomap !== undefined", timeout=10000)
    page.mouse.wheel(0, -400)  # zooming in would fetch tiles, were there any
    page.wait_for_timeout(300)
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    page.close()


def test_a_dense_layer_is_drawn_in_clusters(browser, tmp_path):
    """More strikes than the cluster threshold: grouped, each counted, no error."""
    from shapely.geometry import Point

    from geomap.layers import Feature, make_layer
    from geomap.writers.map import CLUSTER_THRESHOLD, write_map

    strikes = [
        Feature(
            Point(30 + n % 20 * 0.05, 48 + n // 20 * 0.05),
            {
                "id": f"s{n:04}",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Air/drone strike",
                "location": f"Place {n}",
                "geo_precision": 1,
                "event_date": "2026-01-01",
                "time_precision": 1,
                "notes": "Drones hit the town overnight.",
                "source": "Test",
                "doc_id": "doc",
            },
        )
        for n in range(CLUSTER_THRESHOLD + 50)
    ]
    path = write_map([make_layer("strikes", strikes)], [], tmp_path / "map.html")
    page, errors, _ = open_map(browser, path)
    assert errors == []
    assert page.locator(".marker-cluster").count() > 0
    assert count_drawn(page, "strikes") == len(strikes)
    page.close()


def count_drawn(page, name):
    """Features of layer ``name`` drawn now (a region's outline counts each item on it)."""
    return page.evaluate("(name) => window.geomap.drawn(name)", name)


def load(layers_dir: Path, name: str) -> list[dict]:
    return json.loads((layers_dir / f"{name}.geojson").read_text())["features"]


def drawable(layers_dir: Path, name: str) -> int:
    """What the map should draw of a layer: features with a geometry, less the
    places that the regions layer draws as outlines."""
    regions = {f["properties"]["id"] for f in load(layers_dir, "regions")}
    return sum(
        1
        for f in load(layers_dir, name)
        if f["geometry"] and not (name == "places" and f["properties"]["id"] in regions)
    )


def toggle(page, name):
    page.locator(".gm-layer", has_text=SYMBOLS[name][0]).locator("input").click()


def click_popup(page, name):
    """Open the popup of the first drawn feature of ``name``; return its text."""
    page.evaluate(
        "(name) => { window.geomap.map.closePopup(); let done = false;"
        " window.geomap.layers[name].eachLayer(l => { if (done) return; done = true;"
        " const at = l.getBounds ? l.getBounds().getCenter() : l.getLatLng();"
        " l.fire('click', {latlng: at}, true); }); }",
        name,
    )
    return page.locator(".leaflet-popup-content").last.inner_text()


def test_seed_map_in_chromium(browser, seed_build, tmp_path):
    report, layers_dir, out = seed_build
    page, errors, dialogs = open_map(browser, out / "map.html")
    assert page.evaluate("typeof L !== 'undefined' && L.version") == "1.9.3"
    legend = page.inner_text(".gm-legend-box")
    for name in report.layers:
        expected = drawable(layers_dir, name)
        if expected:
            assert f"({expected})" in legend, (name, legend)
            assert count_drawn(page, name) == expected
    # Clicking a strike (with the other layers hidden) opens a popup with its quote.
    for name in report.layers:
        if name != "strikes" and count_drawn(page, name):
            toggle(page, name)
    x, y = page.evaluate("""() => { let p = null; window.geomap.layers.strikes.eachLayer(l => {
        if (!p && l.feature.properties.weapon_count) {
            p = window.geomap.map.latLngToContainerPoint(l.getLatLng()); } });
        const box = window.geomap.map.getContainer().getBoundingClientRect();
        return [p.x + box.left, p.y + box.top]; }""")
    page.mouse.click(x, y)
    popup = page.inner_text(".leaflet-popup-content")
    strikes = load(layers_dir, "strikes")
    assert any(f["properties"]["notes"].split(" | ")[0] in popup for f in strikes), popup
    assert "Source: Reuters" in popup and "Explosions/Remote violence" in popup
    for name in report.layers:
        if name != "strikes" and drawable(layers_dir, name) and count_drawn(page, name) == 0:
            toggle(page, name)
    # The front line and the occupied area compare what was reported with the
    # shipped sketch, which says it is one: in the legend and in the popup.
    assert "Front line (sketch, 2026-02-01) (1)" in legend, legend
    for name, expected in (
        (
            "frontline",
            r"reported 1,200 km / sketch length \d[\d,]* km \(geomap's sketch of "
            r"2026-02-01, not a measurement\)",
        ),
        ("occupation", r"reported 20% of Ukraine / sketch 1\d(\.\d+)?%"),
    ):
        text = click_popup(page, name)
        assert re.search(expected, text), (name, text)
    # Hiding a layer removes its features from the map.
    toggle(page, "strikes")
    assert count_drawn(page, "strikes") == 0
    assert count_drawn(page, "talks") == report.layers["talks"]
    assert errors == [] and dialogs == []
    toggle(page, "strikes")
    page.evaluate("""() => { window.geomap.layers.strikes.eachLayer(l => {
        if (l.feature && l.feature.properties.weapon_count) {
            l.fire("click", {latlng: l.getLatLng()}, true); } }); }""")  # for the picture
    page.wait_for_timeout(500)
    shot = tmp_path / "map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000  # a drawn map, not a blank page


DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "dev-articles.jsonl"
EVENT_LAYERS = [k.layer for k in KINDS if not k.claim and not k.assembled]
CLAIM_LAYERS = [k.layer for k in KINDS if k.claim]


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory, gazetteer):
    """The 40 real articles of ../shared/eval/events, built once."""
    if not DEV.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DEV} is missing under CI")
        pytest.skip(f"{DEV} not found (the shared evaluation set lies beside the repo)")
    from geomap.pipeline import build

    root = tmp_path_factory.mktemp("dev-build")
    build([DEV], layers_dir=root / "l", out_dir=root / "o", gazetteer=gazetteer)
    return root / "l", root / "o"


@pytest.fixture
def dev_map(browser, dev_build):
    layers_dir, out = dev_build
    page, errors, dialogs = open_map(browser, out / "map.html")
    yield page, layers_dir
    assert errors == [] and dialogs == []
    page.close()


def test_the_first_view_holds_most_precise_events_not_the_world(dev_map):
    page, layers_dir = dev_map
    points = [
        f["geometry"]["coordinates"]
        for name in EVENT_LAYERS
        for f in load(layers_dir, name)
        if f["properties"]["geo_precision"] in (1, 2)
    ]
    assert len(points) > 50
    south, west, north, east = page.evaluate(
        "() => { const b = window.geomap.map.getBounds();"
        " return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }"
    )
    inside = sum(1 for lon, lat in points if south <= lat <= north and west <= lon <= east)
    assert inside / len(points) > 0.5, (inside, len(points))
    assert east - west < 60 and north - south < 40  # a theatre, not the world
    if os.environ.get("GEOMAP_SCREENSHOT"):  # `make screenshot` refreshes the README's
        page.screenshot(path=os.environ["GEOMAP_SCREENSHOT"])
    page.click(".gm-fit-all")
    page.wait_for_timeout(400)
    wide = page.evaluate(
        "() => { const b = window.geomap.map.getBounds(); return b.getEast() - b.getWest(); }"
    )
    assert wide > east - west  # "Show everything" widens the view


def test_a_region_level_event_is_drawn_as_its_region(dev_map):
    page, layers_dir = dev_map
    regions = {f["properties"]["id"] for f in load(layers_dir, "regions")}
    at_region = [
        (name, f["properties"])
        for name in EVENT_LAYERS
        for f in load(layers_dir, name)
        if f["properties"]["geo_precision"] == 3 and f["properties"]["location_id"] in regions
    ]
    assert at_region, "the dev set has events placed at a region"
    name, props = at_region[0]
    drawn_as = page.evaluate(
        """([name, id]) => { let kind = null; window.geomap.layers[name].eachLayer(l => {
            const members = l.geomapEntry ? l.geomapEntry.shown.map(r => r.props.id) : [];
            if (members.includes(id)) kind = l instanceof L.Polygon ? "polygon" : "other"; });
            return kind; }""",
        [name, props["id"]],
    )
    assert drawn_as == "polygon"
    assert count_drawn(page, name) == drawable(layers_dir, name)


def test_places_are_labelled_with_their_names(dev_map):
    page, layers_dir = dev_map
    names = {f["properties"]["name"] for f in load(layers_dir, "places")}
    labels = page.locator(".gm-label").all_inner_texts()
    assert len(labels) >= 10
    assert set(labels) <= names
    page.evaluate("() => { window.geomap.map.zoomIn(2, {animate: false}); }")
    page.wait_for_timeout(300)
    assert page.locator(".gm-label").count() >= 1


def test_the_claims_panel_lists_every_claim(dev_map):
    page, layers_dir = dev_map
    claims = [
        f for name in CLAIM_LAYERS for f in load(layers_dir, name) if f["properties"]["notes"]
    ]
    items = page.locator(".gm-claim")
    assert items.count() == len(claims) > 0
    assert f"Claims ({len(claims)})" in page.inner_text(".gm-claims")
    texts = items.all_inner_texts()
    for claim in claims:
        quote = claim["properties"]["notes"].split(" | ")[0]
        assert any(quote in t for t in texts), quote
    # Claims with no geometry are listed too ("70% of Sievierodonetsk").
    assert any(f["geometry"] is None for f in claims)
    # A claim with a place zooms there (from the whole world).
    page.click(".gm-fit-all")
    world_zoom = page.evaluate("() => window.geomap.map.getZoom()")
    (south, west), (north, east) = page.evaluate(
        "() => window.geomap.claims.filter(c => c.where)[0].where"
    )
    page.locator(".gm-claim-placed").first.click()
    page.wait_for_timeout(800)
    assert page.evaluate("() => window.geomap.map.getZoom()") > world_zoom
    assert page.evaluate(
        "([lat, lon]) => window.geomap.map.getBounds().contains([lat, lon])",
        [(south + north) / 2, (west + east) / 2],
    )


def test_each_filter_hides_what_it_should(dev_map):
    page, layers_dir = dev_map
    strikes = load(layers_dir, "strikes")
    shelling = "Explosions/Remote violence / Shelling/artillery/missile attack"
    shelled = [f for f in strikes if f["properties"]["sub_event_type"].startswith("Shelling")]
    assert shelled
    before = count_drawn(page, "strikes")
    page.click(".gm-types summary")
    page.locator(f".gm-subtype input[value='{shelling}']").click()
    assert count_drawn(page, "strikes") == before - len(shelled)
    shown = page.evaluate("() => window.geomap.records('strikes')")
    assert not [p for p in shown if p["sub_event_type"].startswith("Shelling")]
    page.locator(f".gm-subtype input[value='{shelling}']").click()
    assert count_drawn(page, "strikes") == before
    # Dates: the end of the range moved back hides everything after it.
    last = int(page.get_attribute(".gm-date-to", "max"))
    set_end = (
        "(i) => { const to = document.querySelector('.gm-date-to'); to.value = i;"
        " to.dispatchEvent(new Event('input')); }"
    )
    page.evaluate(set_end, last // 2)
    until = page.inner_text(".gm-date-text").split(" to ")[1]
    for name in EVENT_LAYERS:
        for p in page.evaluate("(n) => window.geomap.records(n)", name):
            assert p["event_date"] and p["event_date"] <= until, (name, p["event_date"])
    assert count_drawn(page, "strikes") < before
    page.evaluate(set_end, last)
    assert count_drawn(page, "strikes") == before
    # The play button replays the dates: the range restarts, then grows.
    page.click(".gm-play")
    page.wait_for_timeout(1600)
    page.click(".gm-play")  # pause
    step = int(page.eval_on_selector(".gm-date-to", "e => e.value"))
    assert 1 <= step < last
    assert count_drawn(page, "strikes") < before
    page.evaluate(set_end, last)
    # Articles: one chosen, only its reports stay.
    doc = strikes[0]["properties"]["doc_id"]
    page.select_option(".gm-article-filter", doc)
    for name in EVENT_LAYERS:
        for p in page.evaluate("(n) => window.geomap.records(n)", name):
            assert doc in p["doc_ids"].split(" | ")
    assert 0 < count_drawn(page, "strikes") < before
    page.select_option(".gm-article-filter", "")
    # Sources: the one publisher keeps everything.
    page.select_option(".gm-source-filter", "The Guardian")
    assert count_drawn(page, "strikes") == before


def test_hostile_article_fires_nothing(browser, hostile_build):
    _, out = hostile_build
    page, errors, dialogs = open_map(browser, out / "map.html")
    page.evaluate(
        "() => { window.geomap.layers.strikes.eachLayer("
        "l => l.fire('click', {latlng: l.getLatLng()}, true)); }"
    )
    popup = page.inner_text(".leaflet-popup-content")
    assert "<img src=x onerror=alert(1)>" in popup
    assert page.locator(".leaflet-popup-content img").count() == 0
    assert errors == [] and dialogs == []
