"""The page in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Serves the demo database with uvicorn on 127.0.0.1, loads the page, checks the markers
render, clicks an event and checks its evidence is highlighted in the article view, brushes
the timeline, and opens the hostile report to check nothing in it ran. Screenshots go to
tests/artifacts/. Skips with the reason when chromium or playwright is missing.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from webdemo import LiveServer, build_demo_store, chromium_browser, open_page, xss_ran

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def browser():
    yield from chromium_browser()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from sitrep.api import create_app
    db = tmp_path_factory.mktemp("web") / "demo.db"
    build_demo_store(str(db)).close()
    live = LiveServer(create_app(str(db))).start()
    yield live
    live.stop()


@pytest.fixture()
def page(browser, server):
    ctx, pg = open_page(browser, server.url + "/")
    yield pg
    ctx.close()


def test_markers_render_and_clicking_an_event_highlights_its_evidence(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    markers = page.locator("path.marker-events")
    assert markers.count() == 4
    # the base map (vendored TopoJSON) drew country shapes
    page.wait_for_selector("path.country", state="attached", timeout=10000)
    assert page.locator("path.country").count() > 100

    page.locator("path[data-key='demo-mosul:events:0']").click()
    mark = page.locator("#article-view mark.selected")
    mark.first.wait_for(timeout=10000)
    assert mark.first.inner_text() == "clashed"
    assert "Daily Example" in page.locator("#detail").inner_text()
    assert page.locator("path[data-key='demo-mosul:events:0']").get_attribute("class").split().count("selected") == 1
    page.screenshot(path=str(ARTIFACTS / "browser_map_mosul.png"), full_page=True)

    # the table is another way in; the figure's source (who said it) is shown with it
    page.locator("#f-kind").select_option("figures")
    page.wait_for_selector("path.marker-figures")
    page.locator("#items-body tr[data-key='demo-aleppo:figures:1']").click()
    # wait for the figure's evidence to replace the event's (the event's mark is still there at first)
    page.wait_for_function("() => { const m = document.querySelector('#article-view mark.selected');"
                           " return m !== null && m.innerText !== 'clashed'; }", timeout=10000)
    assert page.locator("#article-view mark.selected").first.inner_text() == "About 3,000 people"
    detail = page.locator("#detail").inner_text()
    assert "United Nations" in detail and "Example Wire" in detail
    page.screenshot(path=str(ARTIFACTS / "browser_figure_evidence.png"), full_page=True)

    # nothing was fetched from anywhere but this server
    assert all(u.startswith(server.url) or u.startswith("data:") for u in page.requests), page.requests
    assert not [e for e in page.errors if "Content Security Policy" in e], page.errors


def test_timeline_brush_narrows_the_dates(page):
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 3
    # the demo events run 2016-12-05 .. 12-10: brush the left half of the axis
    page.mouse.move(box["x"] + 20, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.getElementById('f-since').value !== ''")
    since, until = page.locator("#f-since").input_value(), page.locator("#f-until").input_value()
    assert "2016-12-01" <= since <= until <= "2016-12-10"
    page.wait_for_function("n => document.querySelectorAll('path.marker-events').length < n", arg=4)
    assert 1 <= page.locator("#items-body tr").count() < 4


def test_hostile_report_renders_inert(page):
    page.locator("path[data-key='demo-hostile:events:0']").hover()
    page.locator("path[data-key='demo-hostile:events:0']").click()
    page.locator("#article-view mark.selected").first.wait_for(timeout=10000)
    # its markup shows as text...
    view = page.locator("#article-view").inner_text()
    assert "<script>window.__xss_text=1" in view and "onerror=" in view
    assert "<script>" in page.locator("#detail").inner_text() or "<img" in page.locator("#detail").inner_text()
    # ...and nothing of it became an element or ran
    for sel in ("#article-view", "#detail", "#items-body", ".leaflet-tooltip-pane"):
        assert page.locator(f"{sel} script, {sel} img, {sel} svg[onload], {sel} b").count() == 0, sel
    assert page.locator("a[href^='javascript']").count() == 0
    page.locator("#items-body tr[data-key='demo-hostile:events:0']").hover()
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert xss_ran(page) == []
    page.screenshot(path=str(ARTIFACTS / "browser_hostile_report.png"), full_page=True)


def test_demo_database_of_the_bundled_samples_shows_the_map(browser, tmp_path):
    """`make demo`'s database (the bundled samples through the whole pipeline) on the map."""
    from sitrep.api import create_app
    from sitrep.ingest import ingest
    from sitrep.store import Store

    samples = Path(__file__).parents[1] / "sitrep" / "samples"
    store = Store(str(tmp_path / "samples.db"))
    ingest([str(samples)], store)
    events = store.items("events", limit=200)
    located = [e for e in events if isinstance(e.get("lat"), float) and isinstance(e.get("lon"), float)]
    assert located, "the samples produced no event with coordinates"
    live = LiveServer(create_app(store)).start()
    try:
        ctx, pg = open_page(browser, live.url + "/")
        try:
            assert pg.locator("path.marker-events").count() == len(located)
            first = located[0]
            # markers of one place overlap: send the click to this one (Leaflet finds it by target)
            pg.locator(f"path[data-key='{first['article_id']}:events:{first['idx']}']").dispatch_event("click")
            pg.locator("#article-view mark.selected").first.wait_for(timeout=10000)
            text = store.article(first["article_id"])["text"]
            shown = "".join(pg.locator("#article-view mark.selected").all_inner_texts())
            assert shown.split() == text[first["start"]:first["end"]].split()
            pg.screenshot(path=str(ARTIFACTS / "browser_demo_samples.png"), full_page=True)
        finally:
            ctx.close()
    finally:
        live.stop()
        store.close()
