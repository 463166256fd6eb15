"""Hostile reports: title and text with <script>, onerror= handlers and javascript: links.

The API hands them back as data (verbatim JSON strings, never HTML); the page's code never
turns data into markup and its CSP forbids inline script; in a real browser, the posted
report renders as text and nothing in it runs (the browser part skips without Chromium).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webdemo import (
    XSS_IMG,
    XSS_LINK,
    XSS_PUBLISHER,
    XSS_SCRIPT,
    XSS_TITLE,
    XSS_URL,
    LiveServer,
    build_demo_store,
    chromium_browser,
    open_page,
    xss_ran,
)

from sitrep.api import create_app

TOKEN = "xss-token"
WEB = Path(__file__).parents[1] / "sitrep" / "web"
HOSTILE_TEXT = (f"Shelling killed 14 people in Aleppo on Monday {XSS_SCRIPT}, activists said. "
                f"Photos {XSS_IMG} showed the damage. More: {XSS_LINK}.")


@pytest.fixture(scope="module")
def posted(tmp_path_factory):
    """A store with the demo reports plus the hostile report ingested over POST."""
    db = str(tmp_path_factory.mktemp("xss") / "xss.db")
    build_demo_store(db).close()
    client = TestClient(create_app(db, token=TOKEN))
    r = client.post("/api/articles", content=HOSTILE_TEXT,
                    params={"title": XSS_TITLE, "source": XSS_PUBLISHER, "published": "2016-12-07", "url": XSS_URL},
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"})
    assert r.status_code == 201, r.text
    return db, client, r


def test_api_returns_hostile_fields_as_data(posted):
    _db, client, r = posted
    assert r.headers["content-type"].startswith("application/json")
    ex = r.json()
    assert ex["article"]["title"] == XSS_TITLE
    assert ex["article"]["source"] == XSS_PUBLISHER
    assert ex["article"]["url"] == XSS_URL
    assert XSS_SCRIPT in ex["article"]["text"] and XSS_IMG in ex["article"]["text"] and XSS_LINK in ex["article"]["text"]
    stored = client.get(f"/api/articles/{ex['article']['id']}")
    assert stored.headers["content-type"].startswith("application/json")
    assert stored.json()["article"]["title"] == XSS_TITLE
    listed = client.get("/api/events", params={"article_id": "demo-hostile"}).json()["items"][0]
    assert listed["actor1"]["name"] == XSS_IMG and listed["actor2"]["name"] == XSS_SCRIPT


def test_hostile_filter_values_are_only_data(posted):
    _db, client, _r = posted
    for value in ("<script>alert(1)</script>", "' OR '1'='1", "x'); DROP TABLE events; --"):
        r = client.get("/api/events", params={"place": value, "actor": value})
        assert r.status_code == 200 and r.json()["items"] == []
    assert client.get("/api/stats").json()["counts"]["events"] >= 4


def test_error_messages_are_json_not_html(posted):
    _db, client, _r = posted
    r = client.get("/api/events", params={"since": "<script>alert(1)</script>"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")


def test_page_has_no_inline_script_and_a_strict_csp(posted):
    _db, client, _r = posted
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    html = r.text
    assert all(re.search(r'\bsrc="/static/', tag) for tag in re.findall(r"<script[^>]*>", html))
    assert not re.search(r"<script[^>]*>\s*[^<\s]", html)  # no inline script bodies
    assert not re.search(r"\son[a-z]+\s*=", html)  # no inline event handlers
    assert not re.search(r"\sstyle\s*=", html)


def test_page_code_never_turns_data_into_markup():
    js = (WEB / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "bindPopup(", ".setContent("):
        assert sink not in js, sink
    # tooltips get DOM nodes, never strings (Leaflet puts strings in as HTML)
    assert re.findall(r"bindTooltip\((?:\(\) => )?(\w+)\(", js) == ["tooltipNode"]
    # an href is set behind the http(s) check, or to a blob the page made itself (downloads)
    assert js.count(".href = ") == 2 and "const href = safeHref(url);" in js
    assert js.count("a.href = URL.createObjectURL(new Blob(") == 1
    assert 'u.protocol === "http:" || u.protocol === "https:"' in js


@pytest.fixture(scope="module")
def browser():
    yield from chromium_browser()


@pytest.mark.browser
def test_posted_hostile_report_renders_inert_in_chromium(posted, browser):
    db, _client, r = posted
    article_id = r.json()["article"]["id"]
    live = LiveServer(create_app(db)).start()
    try:
        ctx, page = open_page(browser, f"{live.url}/#article={article_id}")
        try:
            page.locator("#article-view .article-text").wait_for(timeout=10000)
            view = page.locator("#article-view").inner_text()
            assert XSS_SCRIPT in view and "onerror=" in view and "javascript:" in view
            assert XSS_TITLE in page.locator("#article-view h3").inner_text()
            for sel in ("#article-view", "#detail", "#items-body"):
                assert page.locator(f"{sel} script, {sel} img, {sel} svg, {sel} b").count() == 0, sel
            assert page.locator("a[href^='javascript']").count() == 0
            page.locator("#article-view").hover()
            page.wait_for_timeout(200)
            assert page.dialogs == [] and xss_ran(page) == []
        finally:
            ctx.close()
    finally:
        live.stop()
