/* sitrep page: map (Leaflet, vendored), timeline with a date brush, filters, table and an
 * evidence view. Everything that comes from a report is untrusted: it is only ever put
 * into the page as text (textContent / createTextNode / DOM nodes handed to Leaflet),
 * never as markup, and a URL becomes a link only when it is http(s). */
"use strict";
(function () {
  const PAGE = 200;
  const KINDS_SHOWN = ["events", "figures", "quotes", "sources", "places", "times"];
  const COLUMNS = {
    events: [["date", (it) => it.date_start || it.published], ["type", eventType],
             ["actor 1", (it) => actorName(it.actor1)], ["actor 2", (it) => actorName(it.actor2)],
             ["place", (it) => placeName(it.place)], ["fatalities", (it) => fatal(it), "num"],
             ["certainty", (it) => it.certainty], ["source", (it) => it.source],
             ["publisher", (it) => it.publisher], ["report", (it) => it.article_title]],
    figures: [["date", (it) => it.date_start || it.published], ["category", (it) => it.category],
              ["low", (it) => it.low, "num"], ["best", (it) => it.best, "num"], ["high", (it) => it.high, "num"],
              ["unit", (it) => it.unit], ["place", (it) => placeName(it.place)],
              ["certainty", (it) => it.certainty], ["source", (it) => it.source],
              ["publisher", (it) => it.publisher], ["report", (it) => it.article_title]],
  };

  const state = {
    kind: "events", offset: 0, items: [], selectedKey: null, markers: new Map(),
    token: sessionStorage.getItem("sitrep-token") || null, articles: new Map(), days: [],
  };
  const $ = (id) => document.getElementById(id);

  // ---- small safe DOM helpers ----------------------------------------------------------
  function text(v) { return v === null || v === undefined ? "" : String(v); }
  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined && content !== null) e.textContent = text(content);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeHref(url) {
    if (typeof url !== "string" || !url) return null;
    try {
      const u = new URL(url, window.location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) { return null; }
  }
  function linkOrText(url, label) {
    const href = safeHref(url);
    if (!href) return el("span", "url", url);
    const a = el("a", null, label || url);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    return a;
  }
  function actorName(a) { return a && typeof a === "object" ? a.name : a; }
  function placeName(p) { return p && typeof p === "object" ? p.name : p; }
  function eventType(it) { return it.sub_event_type || it.event_type || it.plover; }
  function fatal(it) {
    const f = it.fatalities;
    if (!f || typeof f !== "object") return f;
    if (f.low !== null && f.high !== null && f.low !== f.high && f.low !== undefined) return `${f.low}–${f.high ?? ""}`;
    return f.best ?? f.low;
  }
  function keyOf(it, kind) { return `${it.article_id}:${kind}:${it.idx}`; }
  function status(msg) { $("status").textContent = msg || ""; }

  // ---- API -------------------------------------------------------------------------------
  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    });
    const headers = { Accept: "application/json" };
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    const res = await fetch(url, { headers, credentials: "same-origin" });
    if (res.status === 401) {
      $("token-form").hidden = false;
      throw new Error("this server needs an API token");
    }
    if (!res.ok) {
      let detail = res.statusText;
      try { const body = await res.json(); detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail); } catch (e) { /* keep statusText */ }
      throw new Error(`${res.status}: ${detail}`);
    }
    return res.json();
  }

  // ---- filters ---------------------------------------------------------------------------
  function filterParams(withDates) {
    const f = new FormData($("filters"));
    const kind = f.get("kind") === "figures" ? "figures" : "events";
    const p = { place: f.get("place"), actor: kind === "events" ? f.get("actor") : "", source: f.get("source") };
    const t = text(f.get("type")).trim();
    if (t) { if (kind === "events") p.type = t; else p.category = t.toLowerCase(); }
    if (withDates) { p.since = f.get("since"); p.until = f.get("until"); }
    if (f.get("inview") && map) {
      const b = map.getBounds();
      const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
      p.bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
                clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
    }
    return { kind, params: p };
  }

  // ---- map -------------------------------------------------------------------------------
  let map = null;
  let markerLayer = null;
  function initMap() {
    if (typeof L === "undefined") { status("map library missing"); return; }
    map = L.map("map", { attributionControl: false, worldCopyJump: true, minZoom: 2, maxZoom: 14 })
      .setView([30, 20], 3);
    markerLayer = L.featureGroup().addTo(map);
    fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((topo) => {
      L.geoJSON(topoFeatures(topo, "countries"), {
        interactive: false,
        style: () => ({ className: "country", fillOpacity: 1, weight: 0.6 }),
      }).addTo(map).bringToBack();
    }).catch(() => status("base map not available"));
  }

  // TopoJSON (delta-encoded, quantised arcs) -> GeoJSON features: the base map ships as TopoJSON.
  function topoFeatures(topo, name) {
    const sc = topo.transform.scale, tr = topo.transform.translate;
    const arcs = topo.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map((p) => { x += p[0]; y += p[1]; return [x * sc[0] + tr[0], y * sc[1] + tr[1]]; });
    });
    const arcPoints = (i) => (i < 0 ? arcs[~i].slice().reverse() : arcs[i]);
    const ring = (ids) => {
      const pts = [];
      ids.forEach((id, k) => { const a = arcPoints(id); for (let j = k ? 1 : 0; j < a.length; j++) pts.push(a[j]); });
      return pts;
    };
    return topo.objects[name].geometries.map((g) => {
      let geometry = null;
      if (g.type === "Polygon") geometry = { type: "Polygon", coordinates: g.arcs.map(ring) };
      else if (g.type === "MultiPolygon") geometry = { type: "MultiPolygon", coordinates: g.arcs.map((p) => p.map(ring)) };
      return { type: "Feature", properties: {}, geometry };
    }).filter((f) => f.geometry);
  }

  function tooltipNode(it, kind) {
    const box = el("div", "tip");
    if (kind === "events") {
      box.appendChild(el("strong", null, eventType(it) || "event"));
      box.appendChild(el("span", null, [placeName(it.place), it.date_start].filter(Boolean).join(" · ")));
    } else {
      box.appendChild(el("strong", null, `${it.best ?? it.low ?? "?"} ${it.category || ""}`));
      box.appendChild(el("span", null, [placeName(it.place), it.date_start || it.published].filter(Boolean).join(" · ")));
    }
    if (it.source) box.appendChild(el("div", null, `according to ${it.source}`));
    return box;
  }

  function drawMarkers(items, kind, fit) {
    if (!map) return;
    markerLayer.clearLayers();
    state.markers.clear();
    items.forEach((it) => {
      if (typeof it.lat !== "number" || typeof it.lon !== "number") return;
      const f = kind === "events" ? (it.fatalities && it.fatalities.best) || 0 : it.best || it.low || 0;
      const m = L.circleMarker([it.lat, it.lon], {
        radius: 5 + Math.min(9, Math.log10(1 + f) * 3), className: `marker marker-${kind}`, weight: 1,
      });
      m.bindTooltip(tooltipNode(it, kind), { direction: "top" });
      m.on("click", () => selectItem(it, kind, { fromMap: true }));
      m.addTo(markerLayer);
      const path = m.getElement && m.getElement();
      if (path) path.setAttribute("data-key", keyOf(it, kind));
      state.markers.set(keyOf(it, kind), m);
    });
    if (fit && state.markers.size) map.fitBounds(markerLayer.getBounds().pad(0.2), { maxZoom: 9 });
  }

  // ---- timeline with a date brush ----------------------------------------------------------
  const DAY = 86400000;
  const SVG_NS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, String(v)));
    return e;
  }
  function dayNum(iso) { const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`); return Number.isNaN(t) ? null : Math.floor(t / DAY); }
  function isoOf(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  const brush = { start: null, rect: null, scale: null };
  function drawTimeline() {
    const node = $("timeline");
    clear(node);
    const days = state.days.map((d) => ({ n: dayNum(d.date), count: d.count })).filter((d) => d.n !== null);
    const width = node.clientWidth || 600, height = node.clientHeight || 110;
    node.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!days.length) {
      const t = svg("text", { x: 10, y: 20, class: "tick" }); t.textContent = "no dated items";
      node.appendChild(t); brush.scale = null; return;
    }
    const lo = days[0].n - 1, hi = days[days.length - 1].n + 1;
    const pad = 28, plotH = height - 20, max = Math.max(...days.map((d) => d.count));
    const x = (n) => pad + ((n - lo) / (hi - lo)) * (width - 2 * pad);
    brush.scale = { lo, hi, x, inv: (px) => lo + ((px - pad) / (width - 2 * pad)) * (hi - lo) };
    const f = new FormData($("filters"));
    const since = f.get("since") ? dayNum(f.get("since")) : null, until = f.get("until") ? dayNum(f.get("until")) : null;
    const bw = Math.max(1, (width - 2 * pad) / (hi - lo) - 1);
    days.forEach((d) => {
      const h = Math.max(1, (d.count / max) * (plotH - 6));
      const inRange = (since === null || d.n >= since) && (until === null || d.n <= until) && (since !== null || until !== null);
      const r = svg("rect", { x: x(d.n) - bw / 2, y: plotH - h, width: bw, height: h, class: inRange ? "bar in-range" : "bar" });
      const title = svg("title"); title.textContent = `${isoOf(d.n)}: ${d.count}`; r.appendChild(title);
      node.appendChild(r);
    });
    node.appendChild(svg("line", { x1: pad, x2: width - pad, y1: plotH, y2: plotH, class: "axis" }));
    const ticks = Math.min(6, hi - lo);
    for (let i = 0; i <= ticks; i++) {
      const n = Math.round(lo + ((hi - lo) * i) / ticks);
      const t = svg("text", { x: x(n), y: height - 4, class: "tick", "text-anchor": "middle" });
      t.textContent = isoOf(n); node.appendChild(t);
    }
    brush.rect = svg("rect", { x: 0, y: 0, width: 0, height: plotH, class: "brush" });
    node.appendChild(brush.rect);
  }
  function initBrush() {
    const node = $("timeline");
    const px = (ev) => { const b = node.getBoundingClientRect(); return (ev.clientX - b.left) * ((node.viewBox.baseVal.width || b.width) / b.width); };
    node.addEventListener("pointerdown", (ev) => {
      if (!brush.scale) return;
      brush.start = px(ev); node.setPointerCapture(ev.pointerId);
      brush.rect.setAttribute("x", brush.start); brush.rect.setAttribute("width", 0);
    });
    node.addEventListener("pointermove", (ev) => {
      if (brush.start === null) return;
      const cur = px(ev);
      brush.rect.setAttribute("x", Math.min(cur, brush.start));
      brush.rect.setAttribute("width", Math.abs(cur - brush.start));
    });
    node.addEventListener("pointerup", (ev) => {
      if (brush.start === null) return;
      const a = brush.start, b = px(ev); brush.start = null;
      if (Math.abs(b - a) < 3) return;
      const s = brush.scale;
      const d0 = Math.max(s.lo, Math.round(s.inv(Math.min(a, b)))), d1 = Math.min(s.hi, Math.round(s.inv(Math.max(a, b))));
      $("f-since").value = isoOf(d0); $("f-until").value = isoOf(d1);
      state.offset = 0; loadItems(false);
    });
    $("timeline-clear").addEventListener("click", () => {
      $("f-since").value = ""; $("f-until").value = ""; state.offset = 0; loadItems(false);
    });
  }

  // ---- table -----------------------------------------------------------------------------
  function drawTable(items, kind, nextOffset) {
    const head = $("items-head"), body = $("items-body");
    clear(head); clear(body);
    COLUMNS[kind].forEach(([name]) => head.appendChild(el("th", null, name)));
    items.forEach((it) => {
      const tr = el("tr");
      tr.dataset.key = keyOf(it, kind);
      COLUMNS[kind].forEach(([, get, cls]) => tr.appendChild(el("td", cls || null, get(it))));
      tr.addEventListener("click", () => selectItem(it, kind, { fromTable: true }));
      body.appendChild(tr);
    });
    const first = items.length ? state.offset + 1 : 0;
    $("table-label").textContent = `${kind} ${first}–${state.offset + items.length}`;
    $("page-prev").disabled = state.offset === 0;
    $("page-next").disabled = nextOffset === null || nextOffset === undefined;
  }

  // ---- selection and evidence -----------------------------------------------------------
  async function selectItem(it, kind, how) {
    const key = keyOf(it, kind);
    state.selectedKey = key;
    document.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
    const row = document.querySelector(`tr[data-key="${CSS.escape(key)}"]`);
    if (row) { row.classList.add("selected"); if (!how || !how.fromTable) row.scrollIntoView({ block: "nearest" }); }
    state.markers.forEach((m, k) => {
      const e = m.getElement && m.getElement();
      if (e) e.classList.toggle("selected", k === key);
      if (k === key) m.bringToFront();
    });
    showDetail(it, kind);
    // a shareable link to this piece of evidence
    history.replaceState(null, "", `#article=${encodeURIComponent(it.article_id)}&kind=${kind}&idx=${Number(it.idx)}`);
    try {
      let ex = state.articles.get(it.article_id);
      if (!ex) { ex = await api(`/api/articles/${encodeURIComponent(it.article_id)}`); state.articles.set(it.article_id, ex); }
      if (state.selectedKey !== key) return;
      renderArticle(ex, kind, it.idx);
    } catch (e) { status(String(e.message || e)); }
  }

  function showDetail(it, kind) {
    const box = $("detail");
    clear(box);
    const title = kind === "events" ? eventType(it) || "event"
      : kind === "figures" ? `${it.best ?? it.low ?? "?"} ${it.category || ""} (${it.unit || "people"})`
      : kind === "quotes" ? `quote by ${it.speaker || "unknown"}` : kind.replace(/s$/, "");
    box.appendChild(el("h2", null, title));
    const dl = el("dl");
    const row = (k, v) => { if (v === null || v === undefined || v === "") return; dl.appendChild(el("dt", null, k)); const dd = el("dd"); if (v instanceof Node) dd.appendChild(v); else dd.textContent = text(v); dl.appendChild(dd); };
    if (kind === "events") {
      row("actors", [actorName(it.actor1), actorName(it.actor2)].filter(Boolean).join(" → "));
      row("fatalities", fatal(it));
      row("PLOVER", it.plover);
    }
    if (kind === "figures") {
      row("range", `${it.low ?? "?"} – ${it.high ?? "open"}`);
      row("qualifier", it.qualifier);
      row("kind", it.kind);
    }
    if (kind === "quotes") row("channel", it.channel);
    row("place", placeName(it.place));
    row("coordinates", typeof it.lat === "number" ? `${it.lat.toFixed(4)}, ${it.lon.toFixed(4)}` : null);
    row("date", [it.date_start, it.date_end !== it.date_start ? it.date_end : null].filter(Boolean).join(" – "));
    row("certainty", it.certainty);
    row("source (who said it)", it.source || it.speaker || "the report itself");
    row("publisher", it.publisher);
    row("published", it.published);
    row("report", it.article_title);
    if (it.url) row("link", linkOrText(it.url));
    box.appendChild(dl);
    if (it.sentence) box.appendChild(el("blockquote", "sentence", it.sentence));
  }

  // The article text cut at every evidence boundary: each piece is a text node, pieces
  // covered by items are <mark>s; the selected item's pieces are marked "selected".
  function renderArticle(ex, selKind, selIdx) {
    const view = $("article-view");
    clear(view);
    const art = ex.article || {};
    const body = art.text || "";
    view.appendChild(el("h3", null, art.title || "(untitled report)"));
    const meta = el("div", "meta");
    meta.appendChild(document.createTextNode([art.source, art.published].filter(Boolean).join(" · ")));
    if (art.url) { meta.appendChild(document.createTextNode(" · ")); meta.appendChild(linkOrText(art.url)); }
    view.appendChild(meta);
    const legend = el("div", "legend");
    KINDS_SHOWN.forEach((k) => legend.appendChild(el("span", `k-${k}`, k)));
    view.appendChild(legend);

    const spans = [];
    KINDS_SHOWN.forEach((k) => (ex[k] || []).forEach((item, idx) => {
      const s = item.start, e = item.end;
      if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= body.length) spans.push({ k, idx, s, e, item });
    }));
    const cuts = new Set([0, body.length]);
    spans.forEach((sp) => { cuts.add(sp.s); cuts.add(sp.e); });
    const points = [...cuts].sort((a, b) => a - b);
    const textNode = el("div", "article-text");
    let firstSelected = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = body.slice(a, b);
      const covering = spans.filter((sp) => sp.s <= a && sp.e >= b);
      if (!covering.length) { textNode.appendChild(document.createTextNode(piece)); continue; }
      covering.sort((x, y) => (x.e - x.s) - (y.e - y.s));
      const m = el("mark", covering.map((sp) => `k-${sp.k}`).filter((c, j, arr) => arr.indexOf(c) === j).join(" "), piece);
      const selected = covering.some((sp) => sp.k === selKind && sp.idx === selIdx);
      if (selected) { m.classList.add("selected"); m.dataset.selected = `${selKind}:${selIdx}`; if (!firstSelected) firstSelected = m; }
      const inner = covering[0];
      m.title = `${inner.k.replace(/s$/, "")}${inner.item.source ? ` · according to ${inner.item.source}` : ""}`;
      m.addEventListener("click", () => {
        const it = itemOf(ex, inner.k, inner.idx);
        if (inner.k === "events" || inner.k === "figures") selectItem(it, inner.k, { fromText: true });
        else { showDetail(it, inner.k); renderArticle(ex, inner.k, inner.idx); }
      });
      textNode.appendChild(m);
    }
    view.appendChild(textNode);
    if (firstSelected) firstSelected.scrollIntoView({ block: "center" });
  }

  function itemOf(ex, kind, idx) {
    const art = ex.article || {};
    return Object.assign({}, (ex[kind] || [])[idx], { article_id: art.id, idx, article_title: art.title,
      publisher: art.source, published: art.published, url: art.url });
  }

  // #article=ID[&kind=events&idx=N]: open a report (and select one of its items) on load.
  async function openFromHash() {
    const p = new URLSearchParams(window.location.hash.slice(1));
    const id = p.get("article");
    if (!id) return;
    const kind = p.get("kind"), idx = Number.parseInt(p.get("idx"), 10);
    try {
      const ex = await api(`/api/articles/${encodeURIComponent(id)}`);
      state.articles.set(id, ex);
      if (KINDS_SHOWN.includes(kind) && Number.isInteger(idx) && (ex[kind] || [])[idx]) {
        if (kind === "events" || kind === "figures") { await selectItem(itemOf(ex, kind, idx), kind, { fromHash: true }); return; }
        showDetail(itemOf(ex, kind, idx), kind);
        renderArticle(ex, kind, idx);
        return;
      }
      renderArticle(ex, null, null);
    } catch (e) { status(String(e.message || e)); }
  }

  // ---- loading ---------------------------------------------------------------------------
  async function loadItems(fit) {
    const { kind, params } = filterParams(true);
    state.kind = kind;
    status("loading…");
    try {
      const [page, tl] = await Promise.all([
        api(`/api/${kind}`, Object.assign({ limit: PAGE, offset: state.offset }, params)),
        api("/api/timeline", Object.assign({ kind }, filterParams(false).params)),
      ]);
      state.items = page.items;
      state.days = tl.days;
      drawMarkers(page.items, kind, fit);
      drawTable(page.items, kind, page.next_offset);
      drawTimeline();
      status("");
    } catch (e) { status(String(e.message || e)); }
  }

  async function loadCounts() {
    try {
      const s = await api("/api/stats");
      const c = s.counts || {};
      $("counts").textContent = `${c.articles || 0} reports · ${c.events || 0} events · ${c.figures || 0} figures · ${c.quotes || 0} quotes`;
    } catch (e) { status(String(e.message || e)); }
  }

  function init() {
    initMap();
    initBrush();
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.offset = 0; loadItems(true); });
    $("filters").addEventListener("reset", () => setTimeout(() => { state.offset = 0; loadItems(true); }, 0));
    $("f-kind").addEventListener("change", () => { state.offset = 0; loadItems(true); });
    $("page-prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadItems(false); });
    $("page-next").addEventListener("click", () => { state.offset += PAGE; loadItems(false); });
    $("token-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      state.token = $("token-input").value || null;
      if (state.token) sessionStorage.setItem("sitrep-token", state.token);
      $("token-form").hidden = true;
      loadCounts(); loadItems(true);
    });
    window.addEventListener("resize", () => drawTimeline());
    loadCounts();
    loadItems(true).then(openFromHash).then(() => { document.body.dataset.ready = "1"; });
  }
  document.addEventListener("DOMContentLoaded", init);
}());
