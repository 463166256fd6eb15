"""Small demo reports (written for these tests) as Extraction objects, for the API,
XSS, store-backend and browser tests. Offsets are computed from the text, so every item's
evidence really is at `start:end`.

One report is hostile: its title, text, publisher, URL and item fields carry script
tags, event handlers and javascript: links (see XSS_*).
"""
from __future__ import annotations

from sitrep.models import (
    Actor,
    ActorRef,
    Article,
    Event,
    Extraction,
    Fatalities,
    Figure,
    Place,
    Quote,
    Sentence,
    Source,
)

XSS_TITLE = "Breaking <script>window.__xss_title=1;alert('title')</script><img src=x onerror=\"window.__xss_img=1\">"
XSS_SCRIPT = "<script>window.__xss_text=1;alert('text')</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss_onerror=1;alert('img')\">"
XSS_LINK = "<a href=\"javascript:window.__xss_link=1;alert('link')\">read more</a>"
XSS_PUBLISHER = "<b onmouseover=\"window.__xss_pub=1\">Hostile Wire</b>"
XSS_URL = "javascript:window.__xss_url=1;alert('url')"
XSS_SOURCE = "<svg onload=\"window.__xss_src=1\">monitor</svg>"
XSS_PLACE = "Aleppo<img src=x onerror=\"window.__xss_place=1\">"


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def _sentence_of(text: str, start: int) -> str:
    a = text.rfind(". ", 0, start)
    a = 0 if a < 0 else a + 2
    b = text.find(". ", start)
    b = len(text) if b < 0 else b + 1
    return text[a:b]


def _sentences(text: str) -> list[Sentence]:
    out, a = [], 0
    while a < len(text):
        b = text.find(". ", a)
        b = len(text) if b < 0 else b + 1
        out.append(Sentence(a, b, text[a:b]))
        a = b + 1
    return out


def aleppo() -> Extraction:
    text = ("Government forces shelled the Sakhour district of Aleppo on Monday, killing 12 civilians, "
            "the Syrian Observatory for Human Rights said. About 3,000 people fled toward western Aleppo "
            "overnight, according to the United Nations. \"We have nowhere left to go,\" said Amal, a teacher.")
    art = Article(id="demo-aleppo", title="Shelling hits east Aleppo", published="2016-12-07",
                  source="Example Wire", text=text, url="https://example.org/aleppo")
    s, e = _span(text, "shelled")
    ks, ke = _span(text, "12 civilians")
    fs, fe = _span(text, "About 3,000 people")
    ps, pe = _span(text, "Aleppo")
    qs, qe = _span(text, "We have nowhere left to go,")
    ss, se = _span(text, "Syrian Observatory for Human Rights")
    return Extraction(
        article=art, sentences=_sentences(text),
        places=[Place("Aleppo", ps, pe, lat=36.2021, lon=37.1343, geonameid=170063, country="SY",
                      feature="city", sentence=_sentence_of(text, ps))],
        actors=[Actor("a1", "Syrian government forces", "state_forces", "SYR", [[0, 17]])],
        events=[Event("Explosions/Remote violence", "Shelling/artillery/missile attack", None,
                      actor1=ActorRef("Syrian government forces", "state_forces", "SYR"),
                      actor2=ActorRef("civilians", "civilians"), place="Aleppo", lat=36.2021, lon=37.1343,
                      date_start="2016-12-05", date_end="2016-12-05", fatalities=Fatalities(12, 12, 12),
                      source="Syrian Observatory for Human Rights", start=s, end=e,
                      sentence=_sentence_of(text, s), trigger="shelled")],
        figures=[Figure("killed", 12, 12, 12, place="Aleppo", date_start="2016-12-05", date_end="2016-12-05",
                        source="Syrian Observatory for Human Rights", start=ks, end=ke,
                        sentence=_sentence_of(text, ks), text="12"),
                 Figure("fled", 3000, 3000, 3000, qualifier="about", place="Aleppo", date_start="2016-12-06",
                        date_end="2016-12-06", source="United Nations", start=fs, end=fe,
                        sentence=_sentence_of(text, fs), text="3,000")],
        quotes=[Quote("We have nowhere left to go,", qs, qe, "Amal", "teacher", sentence=_sentence_of(text, qs))],
        sources=[Source("Syrian Observatory for Human Rights", "monitor", None, ss, se, cue="said",
                        sentence=_sentence_of(text, ss))],
    )


def mosul() -> Extraction:
    text = ("Iraqi forces clashed with Islamic State fighters in eastern Mosul on Tuesday. "
            "The International Organization for Migration said 70,000 people had been displaced since October.")
    art = Article(id="demo-mosul", title="Fighting in eastern Mosul", published="2016-12-08",
                  source="Daily Example", text=text)
    s, e = _span(text, "clashed")
    fs, fe = _span(text, "70,000 people")
    ps, pe = _span(text, "Mosul")
    return Extraction(
        article=art, sentences=_sentences(text),
        places=[Place("Mosul", ps, pe, lat=36.335, lon=43.1189, geonameid=99072, country="IQ", feature="city")],
        events=[Event("Battles", "Armed clash", None, actor1=ActorRef("Iraqi forces", "state_forces", "IRQ"),
                      actor2=ActorRef("Islamic State", "rebels"), place="Mosul", lat=36.335, lon=43.1189,
                      date_start="2016-12-06", date_end="2016-12-06", source=None, start=s, end=e,
                      sentence=_sentence_of(text, s), trigger="clashed")],
        figures=[Figure("displaced", 70000, 70000, 70000, kind="stock", place="Mosul", date_start="2016-10-01",
                        date_end="2016-12-08", source="International Organization for Migration",
                        start=fs, end=fe, sentence=_sentence_of(text, fs), text="70,000")],
    )


def taiz() -> Extraction:
    text = "An air strike on a market in Taiz killed eight people on Saturday, medics said."
    art = Article(id="demo-taiz", title="Air strike on Taiz market", published="2016-12-11",
                  source="Example Wire", text=text)
    s, e = _span(text, "air strike")
    ks, ke = _span(text, "eight people")
    ps, pe = _span(text, "Taiz")
    return Extraction(
        article=art, sentences=_sentences(text),
        places=[Place("Taiz", ps, pe, lat=13.5795, lon=44.0209, country="YE", feature="city")],
        events=[Event("Explosions/Remote violence", "Air/drone strike", None, place="Taiz", lat=13.5795,
                      lon=44.0209, date_start="2016-12-10", date_end="2016-12-10", fatalities=Fatalities(8, 8, 8),
                      certainty="asserted", source="medics", start=s, end=e, sentence=text, trigger="air strike")],
        figures=[Figure("killed", 8, 8, 8, place="Taiz", date_start="2016-12-10", date_end="2016-12-10",
                        source="medics", start=ks, end=ke, sentence=text, text="eight")],
    )


def hostile() -> Extraction:
    """A report whose every field tries to run script in whoever displays it."""
    text = (f"Clashes were reported near the city {XSS_SCRIPT} late on Friday. "
            f"Witnesses posted photos {XSS_IMG} of the damage. "
            f"Full story: {XSS_LINK} and more.")
    art = Article(id="demo-hostile", title=XSS_TITLE, published="2016-12-09", source=XSS_PUBLISHER,
                  text=text, url=XSS_URL)
    s, e = _span(text, "Clashes")
    ss, se = _span(text, XSS_SCRIPT)
    ims, ime = _span(text, XSS_IMG)
    ls, le = _span(text, XSS_LINK)
    return Extraction(
        article=art, sentences=_sentences(text),
        places=[Place(XSS_PLACE, ss, se, lat=36.25, lon=37.2, country="SY")],
        events=[Event("Battles", "Armed clash", None, actor1=ActorRef(XSS_IMG, "rebels"),
                      actor2=ActorRef(XSS_SCRIPT, "state_forces"), place=XSS_PLACE, lat=36.25, lon=37.2,
                      date_start="2016-12-09", date_end="2016-12-09", source=XSS_SOURCE, start=s, end=e,
                      sentence=_sentence_of(text, s), trigger="Clashes")],
        figures=[Figure("injured", 4, 4, 4, place=XSS_PLACE, date_start="2016-12-09", source=XSS_SOURCE,
                        start=ims, end=ime, sentence=_sentence_of(text, ims), text=XSS_IMG)],
        quotes=[Quote(XSS_LINK, ls, le, XSS_PUBLISHER, sentence=_sentence_of(text, ls))],
        sources=[Source(XSS_SOURCE, "witness", None, ims, ime)],
    )


def demo_extractions(include_hostile: bool = True) -> list[Extraction]:
    out = [aleppo(), mosul(), taiz()]
    if include_hostile:
        out.append(hostile())
    return out


def build_demo_store(target: str, include_hostile: bool = True):
    """A Store at `target` (SQLite path or PostgreSQL URL) holding the demo reports."""
    from sitrep.store import Store
    store = Store(target)
    for ex in demo_extractions(include_hostile):
        store.add(ex)
    return store


class LiveServer:
    """uvicorn serving `app` on 127.0.0.1 at a free port, in a thread (stop() when done)."""

    def __init__(self, app):
        import socket
        import threading

        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> LiveServer:
        import time
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


CHROMIUM = __import__("os").environ.get("SITREP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
XSS_FLAGS = ["__xss_title", "__xss_img", "__xss_text", "__xss_onerror", "__xss_link", "__xss_pub",
             "__xss_url", "__xss_src", "__xss_place"]


def chromium_browser():
    """A generator for a pytest fixture: Debian's headless Chromium under Playwright, or a skip."""
    from pathlib import Path

    import pytest
    if not Path(CHROMIUM).exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}: apt-get install -y chromium "
                    "(scripts/ci_system_deps.sh) or set SITREP_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install 'sitrep[test]'")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, url: str):
    """A page at `url` that records dialogs (dismissed), console errors and requests."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.dialogs, pg.errors, pg.requests = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.goto(url)
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    return ctx, pg


def xss_ran(pg) -> list[str]:
    """The XSS_FLAGS some injected script set (none, if the page is safe)."""
    return pg.evaluate("flags => flags.filter(f => window[f] !== undefined)", XSS_FLAGS)
