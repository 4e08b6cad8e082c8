"""The seed's map in a real browser (Debian's Chromium, driven by Playwright),
with every network request refused."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

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


def count_drawn(page, name):
    return page.evaluate(
        "(name) => { let n = 0; const group = window.geomap.layers[name];"
        " if (group) group.eachLayer(l => { if (l._map) n++; }); return n; }",
        name,
    )


def test_seed_map_in_chromium(browser, seed_build, tmp_path):
    report, layers_dir, out = seed_build
    page, errors, dialogs = open_map(browser, out / "map.html")
    assert page.evaluate("typeof L !== 'undefined' && L.version") == "1.9.3"
    control = page.inner_text(".leaflet-control-layers")
    for name in report.layers:
        data = json.loads((layers_dir / f"{name}.geojson").read_text())
        drawable = sum(1 for f in data["features"] if f["geometry"])
        if drawable:
            assert f"({drawable})" in control, (name, control)
            assert count_drawn(page, name) == drawable
    # Clicking a strike (with the other layers hidden) opens a popup with its quote.
    for name in report.layers:
        if name != "strikes" and count_drawn(page, name):
            page.locator(".leaflet-control-layers label", has_text=SYMBOLS[name][0]).click()
    x, y = page.evaluate("""() => { let p = null; window.geomap.layers.strikes.eachLayer(l => {
        if (!p && l.feature.properties.weapon_count) {
            p = window.geomap.map.latLngToContainerPoint(l.getLatLng()); } });
        const box = window.geomap.map.getContainer().getBoundingClientRect();
        return [p.x + box.left, p.y + box.top]; }""")
    page.mouse.click(x, y)
    popup = page.inner_text(".leaflet-popup-content")
    strikes = json.loads((layers_dir / "strikes.geojson").read_text())["features"]
    assert any(f["properties"]["notes"].split(" | ")[0] in popup for f in strikes), popup
    assert "Source: Reuters" in popup and "Explosions/Remote violence" in popup
    for name in report.layers:
        if name != "strikes" and report.layers[name] and count_drawn(page, name) == 0:
            page.locator(".leaflet-control-layers label", has_text=SYMBOLS[name][0]).click()
    # The front line and the occupied area compare what was reported with the
    # shipped sketch, which says it is one: in the legend and in the popup.
    assert "Front line (sketch, 2026-02-01) (1)" in control, control
    for name, expected in (
        (
            "frontline",
            r"reported 1,200 km / sketch length \d[\d,]* km \(geomap's sketch of "
            r"2026-02-01, not a measurement\)",
        ),
        ("occupation", r"reported 20% of Ukraine / sketch 1\d(\.\d+)?%"),
    ):
        page.evaluate(
            "(name) => { window.geomap.map.closePopup(); "
            "window.geomap.layers[name].eachLayer(l => l.fire('click', "
            "{latlng: l.getBounds().getCenter()}, true)); }",
            name,
        )
        text = page.locator(".leaflet-popup-content").last.inner_text()
        assert re.search(expected, text), (name, text)
    # Hiding a layer removes its features from the map.
    page.get_by_text(SYMBOLS["strikes"][0] + " (").click()
    assert count_drawn(page, "strikes") == 0
    assert count_drawn(page, "talks") == report.layers["talks"]
    assert errors == [] and dialogs == []
    page.get_by_text(SYMBOLS["strikes"][0] + " (").click()
    page.evaluate("""() => { window.geomap.layers.strikes.eachLayer(l => {
        if (l.feature.properties.weapon_count) {
            l.fire("click", {latlng: l.getLatLng()}, true); } }); }""")  # for the picture
    page.wait_for_timeout(500)
    shot = tmp_path / "map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000  # a drawn map, not a blank page
    if os.environ.get("GEOMAP_SCREENSHOT"):  # `make screenshot` refreshes the README's
        shutil.copyfile(shot, os.environ["GEOMAP_SCREENSHOT"])


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
