"""The page in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Serves a store of the demo reports (plus a second outlet's report of the Aleppo shelling,
a hypothetical attack and a 2009 incident a report recalls), fused, with uvicorn on
127.0.0.1, and checks what an analyst sees: incidents by default with a legend that matches
them, the switch to each report's mentions, the certainty filter, the search box, the
downloads, the offline base map zoomed to Aleppo, the timeline's range and brush, a phone's
width, deep links, and the hostile report rendered inert. Screenshots of each go to
tests/artifacts/ (git-ignored). The first paint with 10,000 incidents is measured and
printed (a figure, not an assertion). Skips with the reason when chromium or playwright
is missing.
"""
from __future__ import annotations

import csv
import io
import json
import random
import time
from pathlib import Path

import pytest
from webdemo import LiveServer, chromium_browser, demo_extractions, open_page, xss_ran

from sitrep.fuse import fuse_store
from sitrep.models import ActorRef, Article, Event, Extraction, Fatalities, Place
from sitrep.store import Store

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
ALEPPO = Place("Aleppo", 0, 6, lat=36.2021, lon=37.1343, geonameid=170063, country="SY", admin1="Ḩalab",
               feature="city")


def _report(rid: str, text: str, published: str, event: Event, source: str = "Second Wire") -> Extraction:
    s = text.index(event.trigger or text.split()[1])
    event.start, event.end, event.sentence = s, s + len(event.trigger or ""), text
    return Extraction(article=Article(id=rid, title=f"Report {rid}", published=published, source=source, text=text),
                      places=[ALEPPO], events=[event])


def page_reports() -> list[Extraction]:
    again = Event("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", place="Aleppo",
                  lat=36.2021, lon=37.1343, date_start="2016-12-05", date_end="2016-12-05",
                  actor1=ActorRef("Syrian government forces", "state_forces", "SYR"),
                  actor2=ActorRef("civilians", "civilians"), fatalities=Fatalities(12, 12, 12),
                  source="Syrian Observatory for Human Rights", trigger="shelling")
    maybe = Event("Violence against civilians", "Attack", "ASSAULT", place="Aleppo", lat=36.2021, lon=37.1343,
                  date_start="2016-12-08", date_end="2016-12-08", certainty="hypothetical", trigger="slaughtered")
    old = Event("Battles", "Armed clash", "ASSAULT", place="Aleppo", lat=36.2021, lon=37.1343,
                date_start="2009-03-02", date_end="2009-03-02", timing="background", trigger="fought")
    return demo_extractions() + [
        _report("again", "Government shelling killed 12 civilians in Sakhour, Aleppo, on Monday.", "2016-12-06", again),
        _report("maybe", "If the army comes to us, we will be slaughtered, residents said.", "2016-12-08", maybe),
        _report("old", "Rebels and the army fought here in March 2009, residents recalled.", "2016-12-09", old),
    ]


@pytest.fixture(scope="module")
def browser():
    yield from chromium_browser()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(str(tmp_path_factory.mktemp("web") / "page.db"))
    s.add_many(page_reports())
    fuse_store(s)
    yield s
    s.close()


@pytest.fixture(scope="module")
def server(store):
    from sitrep.api import create_app
    live = LiveServer(create_app(store)).start()
    yield live
    live.stop()


@pytest.fixture()
def page(browser, server):
    ctx, pg = open_page(browser, server.url + "/")
    ctx.set_default_timeout(90000)  # a machine shared by several test runs can be slow; never wrong
    yield pg
    ctx.close()


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"browser_{name}.png"), full_page=True)


def markers(pg) -> int:
    return int(pg.locator("#map").get_attribute("data-markers"))


def wait_markers(pg, layer: str) -> None:
    pg.wait_for_function("l => document.getElementById('map').dataset.layer === l", arg=layer)


def apply(pg) -> None:
    """Apply the filters and wait for the layer to load (the status line empties)."""
    pg.locator("button:has-text('Apply')").click()
    pg.wait_for_function("() => document.getElementById('status').textContent === ''")


# ---- layers and legend --------------------------------------------------------------------
def test_incidents_by_default_and_the_switch_to_mentions(page, store):
    incidents = store.incidents(certainty=("asserted", "claimed"), timing=("current", "background"), min_confidence=0.5)
    mentions = store.items("events", certainty=("asserted", "claimed"), timing=("current", "background"),
                           min_confidence=0.5)
    assert len(incidents) < len(mentions)  # two outlets' reports of the Aleppo shelling are one incident
    assert page.locator("#map").get_attribute("data-layer") == "incidents"
    assert markers(page) == len(incidents) == page.locator("path.marker-incidents").count()
    assert f"of {len(incidents)}" in page.locator("#table-label").inner_text()
    shot(page, "incidents")
    page.locator("input[name=layer][value=mentions]").check()
    wait_markers(page, "mentions")
    assert markers(page) == len(mentions) == page.locator("path.marker-mentions").count()
    assert f"of {len(mentions)}" in page.locator("#table-label").inner_text()
    shot(page, "mentions")


def _legend(pg) -> dict[str, str]:
    return dict(pg.evaluate("[...document.querySelectorAll('#legend .legend-row')]"
                            ".map(r => [r.dataset.key, r.dataset.colour])"))


def _marker_colours(pg) -> set[str]:
    return set(pg.evaluate("[...document.querySelectorAll('path.marker')].map(p => p.dataset.colour)"))


def test_legend_is_present_and_matches_the_layer(page):
    legend = page.locator("#legend")
    assert legend.is_visible() and "Event family" in legend.inner_text() and "fatalities" in legend.inner_text()
    assert set(_legend(page).values()) == _marker_colours(page) and _legend(page)
    assert page.locator("#legend .legend-sizes svg circle").count() == 4
    page.locator("input[name=layer][value=figures]").check()
    wait_markers(page, "figures")
    assert "Figure category" in legend.inner_text()
    categories = set(page.evaluate("[...document.querySelectorAll('#items-body tr td:nth-child(2)')]"
                                   ".map(td => td.textContent)"))
    assert set(_legend(page)) <= categories and len(set(_legend(page).values())) == len(_legend(page)) >= 3
    assert set(_legend(page).values()) == _marker_colours(page)
    shot(page, "legend_figures")


def test_certainty_filter_changes_the_count(page):
    n = markers(page)
    page.locator("#f-certainty input[value=hypothetical]").check()
    page.wait_for_function("n => +document.getElementById('map').dataset.markers > n", arg=n)
    assert markers(page) == n + 1  # "If the army comes to us, we will be slaughtered"
    page.locator("#f-certainty input[value=asserted]").uncheck()
    page.wait_for_function("n => +document.getElementById('map').dataset.markers < n", arg=n)
    assert markers(page) == 1
    shot(page, "certainty_filter")


# ---- search and downloads ----------------------------------------------------------------------
def test_search_box_finds_a_report(page):
    page.fill("#search-input", "market OR bakery")
    page.press("#search-input", "Enter")
    hit = page.locator(".search-hit[data-id='demo-taiz']")
    hit.wait_for(timeout=10000)
    assert page.locator(".search-hit").count() == 1
    assert hit.locator("mark").first.inner_text().lower() == "market"  # the snippet's match, marked
    hit.click()
    page.wait_for_function("() => document.querySelector('#article-view h3')?.textContent === 'Air strike on Taiz market'")
    shot(page, "search")


def test_download_gives_a_csv_and_a_geojson_of_the_selection(page):
    page.fill("#f-place", "Aleppo")
    apply(page)
    shown = markers(page)
    assert 0 < shown < 5
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert info.value.suggested_filename == "sitrep-incidents.csv"
    assert len(rows) == shown and {"id", "place", "date_start", "fatalities_best", "lat", "lon"} <= set(rows[0])
    with page.expect_download() as info:
        page.locator("#download-geojson").click()
    gj = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == shown
    assert {f["properties"]["id"] for f in gj["features"]} == {r["id"] for r in rows}
    assert all(f["geometry"]["type"] == "Point" for f in gj["features"])
    shot(page, "download")


# ---- the base map ---------------------------------------------------------------------------------
def test_zoom_to_aleppo_shows_place_labels_and_admin1_lines(page, server):
    page.fill("#f-place", "Aleppo")
    apply(page)
    page.wait_for_function("() => document.querySelectorAll('path.admin1').length > 0", timeout=15000)
    page.wait_for_function("() => document.querySelectorAll('.place-label').length > 2", timeout=15000)
    labels = page.locator(".place-label").all_inner_texts()
    assert "Aleppo" in labels
    page.wait_for_function("() => document.querySelectorAll('.region-label').length > 0", timeout=15000)
    regions = page.locator(".region-label").all_inner_texts()
    assert set(regions) & {"Aleppo", "Idlib", "Hatay", "Kilis", "Gaziantep", "Raqqa", "Ar-Raqqah", "Al-Raqqah"}, regions
    assert page.evaluate("window.L !== undefined") and page.locator("path.country").count() > 100
    assert page.locator("path.river").count() >= 1  # the Euphrates, the Orontes
    shot(page, "zoom_aleppo")
    page.locator("#map").screenshot(path=str(ARTIFACTS / "browser_zoom_aleppo_map.png"))
    assert all(u.startswith(server.url) or u.startswith("data:") or u.startswith("blob:") for u in page.requests)


# ---- the timeline -----------------------------------------------------------------------------------
def test_timeline_opens_on_the_data_and_brushes_a_range(page):
    tl = page.locator("#timeline")
    start, end = tl.get_attribute("data-view-start"), tl.get_attribute("data-view-end")
    assert "2016-11-15" <= start <= "2016-12-05" and "2016-12-10" <= end <= "2016-12-31"  # not 2009
    earlier = page.locator("#timeline-earlier")
    assert earlier.is_visible() and "1 earlier" in earlier.inner_text()
    shot(page, "timeline")
    box = tl.bounding_box()
    y = box["y"] + box["height"] / 3
    page.mouse.move(box["x"] + 12, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.getElementById('f-since').value !== ''")
    since, until = page.locator("#f-since").input_value(), page.locator("#f-until").input_value()
    assert start <= since <= until <= "2016-12-09"
    page.wait_for_function("() => +document.getElementById('map').dataset.markers < 5")
    assert 1 <= markers(page) < 5
    page.locator("#timeline-clear").click()
    page.wait_for_function("() => document.getElementById('f-since').value === ''")
    earlier.click()  # the far outlier stays reachable
    page.wait_for_function("() => document.getElementById('timeline').dataset.viewStart < '2010'")
    shot(page, "timeline_all_dates")


# ---- a phone ------------------------------------------------------------------------------------------
def _overlaps(boxes: list[dict]) -> list[tuple]:
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] \
                    and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]:
                out.append((a, b))
    return out


BOXES = "sel => [...document.querySelectorAll(sel)].map(e => { const r = e.getBoundingClientRect(); " \
        "return {x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent}; }).filter(b => b.width > 0)"


def test_phone_width_has_no_overlapping_labels(browser, server):
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    try:
        pg.goto(server.url + "/")
        pg.wait_for_selector("body[data-ready='1']", timeout=20000)
        ticks = pg.evaluate(BOXES, "#timeline text.tick")
        assert len(ticks) >= 2 and _overlaps(ticks) == []
        assert pg.evaluate("document.documentElement.scrollWidth") <= 375 + 1  # nothing runs off the side
        pg.fill("#f-place", "Aleppo")
        pg.locator("button:has-text('Apply')").click()
        pg.wait_for_function("() => document.querySelectorAll('.place-label').length > 2", timeout=15000)
        labels = pg.evaluate(BOXES, ".place-label span, .region-label span")
        assert _overlaps(labels) == []
        # three incidents, one of them from 2009: the timeline still opens on December 2016
        assert pg.locator("#timeline").get_attribute("data-view-start") >= "2016-11-01"
        assert pg.locator("#timeline-earlier").is_visible()
        ticks = pg.evaluate(BOXES, "#timeline text.tick")
        assert _overlaps(ticks) == []
        filters = pg.evaluate(BOXES, "#filters > label, #filters > fieldset, #filters > .actions")
        assert _overlaps(filters) == []
        pg.screenshot(path=str(ARTIFACTS / "browser_phone.png"), full_page=True)
    finally:
        ctx.close()


# ---- deep links and the evidence panel ---------------------------------------------------------------------
def test_deep_link_opens_the_evidence_without_scrolling_the_page(browser, server):
    ctx, pg = open_page(browser, server.url + "/#article=demo-aleppo&kind=events&idx=0")
    try:
        pg.locator("#article-view mark.selected").first.wait_for(timeout=10000)
        assert pg.locator("#article-view mark.selected").first.inner_text() == "shelled"
        assert pg.evaluate("window.scrollY") == 0 and pg.locator("#filters").is_visible()
        shot(pg, "deep_link")
    finally:
        ctx.close()


def test_detail_panel_follows_the_layer(page):
    page.locator("#items-body tr").first.click()
    page.locator("#detail ol.mentions li").first.wait_for(timeout=10000)
    page.locator("#article-view mark.selected").first.wait_for(timeout=10000)
    page.locator("input[name=layer][value=figures]").check()
    wait_markers(page, "figures")
    assert page.locator("#detail ol.mentions").count() == 0 and page.locator("#detail .hint").count() == 1
    assert page.locator("#article-view").inner_text() == ""
    page.locator("#items-body tr").first.click()
    assert "in " in page.locator("#detail h2").inner_text()
    shot(page, "figure_series_detail")


def test_an_incident_shows_every_reports_sentence(page):
    page.locator("#items-body tr", has_text="Shelling").first.click()
    items = page.locator("#detail ol.mentions li")
    items.first.wait_for(timeout=10000)
    assert items.count() == 2  # Example Wire and Second Wire
    assert "Second Wire" in page.locator("#detail").inner_text() and "Example Wire" in page.locator("#detail").inner_text()
    page.locator("#article-view mark.selected").first.wait_for(timeout=10000)
    shot(page, "incident_evidence")


def test_hostile_report_renders_inert(page):
    page.locator("input[name=layer][value=mentions]").check()
    wait_markers(page, "mentions")
    page.locator("path[data-key='demo-hostile:events:0']").dispatch_event("click")
    page.locator("#article-view mark.selected").first.wait_for(timeout=10000)
    view = page.locator("#article-view").inner_text()
    assert "<script>window.__xss_text=1" in view and "onerror=" in view
    assert "<script>" in page.locator("#detail").inner_text() or "<img" in page.locator("#detail").inner_text()
    for sel in ("#article-view", "#detail", "#items-body", ".leaflet-tooltip-pane", "#search-results"):
        assert page.locator(f"{sel} script, {sel} img, {sel} svg[onload], {sel} b").count() == 0, sel
    assert page.locator("a[href^='javascript']").count() == 0
    page.fill("#search-input", "Witnesses")
    page.press("#search-input", "Enter")
    page.locator(".search-hit").first.wait_for(timeout=10000)
    page.locator("#items-body tr[data-key='demo-hostile:events:0']").hover()
    page.wait_for_timeout(300)
    assert page.dialogs == [] and xss_ran(page) == []
    assert not [e for e in page.errors if "Content Security Policy" in e], page.errors
    shot(page, "hostile_report")


def test_demo_database_of_the_bundled_samples_shows_the_map(browser, tmp_path):
    """`make demo`'s database (the bundled samples through the whole pipeline) on the map."""
    from sitrep.api import create_app
    from sitrep.ingest import ingest

    samples = Path(__file__).parents[1] / "sitrep" / "samples"
    store = Store(str(tmp_path / "samples.db"))
    ingest([str(samples)], store)
    fuse_store(store)
    shown = [i for i in store.incidents(certainty="asserted,claimed", timing="current,background", min_confidence=0.5)
             if i.get("lat") is not None]
    assert shown, "the samples produced no incident with coordinates"
    live = LiveServer(create_app(store)).start()
    try:
        ctx, pg = open_page(browser, live.url + "/")
        try:
            assert markers(pg) == len(shown)
            pg.locator(f"path[data-key='incident:{shown[0]['id']}']").dispatch_event("click")
            pg.locator("#article-view mark.selected").first.wait_for(timeout=10000)
            first = shown[0]["id"]
            rec = store.incident(first)
            text = store.article(rec["mentions"][0]["article_id"])["text"]
            shown_text = "".join(pg.locator("#article-view mark.selected").all_inner_texts())
            assert shown_text and shown_text.split()[0] in text
            pg.screenshot(path=str(ARTIFACTS / "browser_demo_samples.png"), full_page=True)
        finally:
            ctx.close()
    finally:
        live.stop()
        store.close()


# ---- first paint with 10,000 incidents ------------------------------------------------------------------
def _many_incidents(n: int) -> list[Extraction]:
    """n reports of n different incidents: the reports of one day lie in cells of their own
    (1.5 by 2 degrees), farther apart than fusion would ever merge."""
    rnd = random.Random(7)
    out = []
    for i in range(n):
        day = f"2016-{1 + i % 12:02d}-{1 + (i // 12) % 28:02d}"
        cell = i // 336  # 336 days in the cycle above: the reports of one day are cells 0, 1, 2 ...
        lat, lon = 28 + (cell % 6) * 1.5 + rnd.random() * 0.6, 33 + (cell // 6) * 2 + rnd.random() * 0.8
        text = f"Report {i}: shelling hit village {i}."
        ev = Event("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", place=f"Village {i}",
                   lat=lat, lon=lon, date_start=day, date_end=day,
                   fatalities=Fatalities(i % 50, i % 50, i % 50), sentence=text, start=10, end=18)
        out.append(Extraction(article=Article(id=f"b{i:05d}", title=f"Report {i}", published=day, text=text),
                              events=[ev]))
    return out


def test_first_paint_with_10000_incidents(browser, tmp_path):
    from sitrep.api import create_app
    store = Store(str(tmp_path / "big.db"))
    exs = _many_incidents(10000)
    for k in range(0, len(exs), 1000):
        store.add_many(exs[k:k + 1000])
    fuse_store(store)
    n = len(store.incidents(summary=True))
    assert n == 10000  # every report its own incident
    live = LiveServer(create_app(store)).start()
    try:
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = ctx.new_page()
        figures = []
        for _ in range(3):
            t0 = time.perf_counter()
            pg.goto(live.url + "/")
            pg.wait_for_function("() => document.body.dataset.firstPaintMs !== undefined", timeout=60000)
            marks = pg.evaluate("Object.fromEntries(performance.getEntriesByType('mark')"
                                ".map(m => [m.name, Math.round(m.startTime)]))")
            figures.append({"first_paint_ms": int(pg.evaluate("document.body.dataset.firstPaintMs")),
                            "wall_ms": round((time.perf_counter() - t0) * 1000), **marks})
        assert markers(pg) == n
        pg.screenshot(path=str(ARTIFACTS / "browser_10000_incidents.png"))
        print(f"\nfirst paint with {n} incidents (ms after navigation start): {figures}")
        (ARTIFACTS / "first_paint.json").write_text(json.dumps({"incidents": n, "first_paint_ms": figures}))
        ctx.close()
    finally:
        live.stop()
        store.close()
