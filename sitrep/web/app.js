/* sitrep page: the situation on a map (Leaflet, vendored; offline Natural Earth base map),
 * a timeline with a date brush, filters, a table, full-text search and the evidence of
 * every item. Layers: incidents (fused events, the default), reports' mentions (each
 * report's events), figures (series by category); the control timeline under the chart.
 * Everything that comes from a report is untrusted: it is only ever put into the page as
 * text (textContent / createTextNode / DOM nodes handed to Leaflet), never as markup, and
 * a URL becomes a link only when it is http(s). */
"use strict";
(function () {
  const PAGE = 200;
  const CAP = { incidents: 20000, mentions: 5000, figures: 5000 };
  const KINDS_SHOWN = ["events", "figures", "quotes", "sources", "places", "times"];
  const FAMILIES = [  // fused events' `family` (data/event_families.csv); PLOVER-only ones are "plover:X"
    ["armed", "Armed violence (battles, explosions)", "#c4302b"],
    ["violence_against_civilians", "Violence against civilians", "#7b3fa0"],
    ["demonstrations", "Demonstrations (protests, riots)", "#e08a00"],
    ["strategic", "Strategic developments", "#2e7d9a"],
    ["plover", "Other (PLOVER only)", "#6b7780"],
  ];
  const CATEGORIES = [  // figure categories (design.md), each its own colour
    ["killed", "#b2182b"], ["injured", "#ef8a62"], ["missing", "#8c6bb1"], ["arrested", "#4d4d4d"],
    ["displaced", "#2166ac"], ["fled", "#67a9cf"], ["evacuated", "#1b9e77"], ["sheltered", "#66a61e"],
    ["relocated", "#a6761d"], ["homeless", "#e7298a"], ["refugees", "#d95f02"], ["returned", "#7570b3"],
    ["besieged", "#e6ab02"], ["population", "#999999"], ["in_need", "#fdb863"], ["aid_delivered", "#1a9850"],
    ["homes_destroyed", "#542788"], ["homes_damaged", "#b2abd2"],
  ];
  const SIZE_STEPS = [0, 10, 100, 1000];

  const state = {
    layer: "incidents", items: [], offset: 0, selectedKey: null, markers: new Map(),
    token: sessionStorage.getItem("sitrep-token") || null, articles: new Map(), loadSeq: 0,
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
    a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
    return a;
  }
  function status(msg) { $("status").textContent = msg || ""; }
  // Scroll `node` into view inside its own scrolling box only: the window never moves
  // (scrollIntoView scrolled the whole page and hid the filters on a deep link).
  function scrollWithin(box, node, center) {
    const top = node.offsetTop - box.offsetTop;
    if (center) box.scrollTop = Math.max(0, top - box.clientHeight / 2);
    else if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - node.offsetHeight) box.scrollTop = top;
  }

  // ---- what an item is -------------------------------------------------------------------
  const actorName = (a) => (a && typeof a === "object" ? a.name : a);
  const placeName = (p) => (p && typeof p === "object" ? p.name : p);
  const eventType = (it) => it.sub_event_type || it.event_type || it.plover;
  function familyOf(it) { const f = it.family || ""; return f.startsWith("plover:") || !f ? "plover" : f; }
  function colourOf(it, layer) {
    if (layer === "figures") return (CATEGORIES.find(([c]) => c === it.category) || [null, "#555"])[1];
    return (FAMILIES.find(([f]) => f === familyOf(it)) || FAMILIES[4])[2];
  }
  function sizeOf(it, layer) {
    const v = layer === "figures" ? it.best ?? it.low : (it.fatalities && (it.fatalities.best ?? it.fatalities.low));
    return radiusFor(typeof v === "number" ? v : 0);
  }
  function radiusFor(n) { return 4 + Math.min(14, Math.sqrt(Math.log10(1 + n)) * 7); }
  function range(lo, best, hi) {
    if (lo === null || lo === undefined) return best ?? "";
    if (hi === null || hi === undefined) return `${lo}+`;
    return lo === hi ? `${lo}` : `${lo}–${hi}`;
  }
  const fatal = (it) => { const f = it.fatalities; return f && typeof f === "object" ? range(f.low, f.best, f.high) : f; };
  function keyOf(it, layer) { return layer === "incidents" ? `incident:${it.id}` : layer === "figures" ? `series:${it.id}` : `${it.article_id}:events:${it.idx}`; }
  function dateOf(it) { return it.date_start || it.period_start || it.published || null; }

  const COLUMNS = {
    incidents: [["date", (it) => it.date_start], ["type", eventType], ["actor 1", (it) => it.actor1],
                ["actor 2", (it) => it.actor2], ["place", (it) => it.place], ["fatalities", fatal, "num"],
                ["reports", (it) => it.n_reports, "num"], ["certainty", (it) => it.certainty]],
    mentions: [["date", (it) => it.date_start || it.published], ["type", eventType],
               ["actor 1", (it) => actorName(it.actor1)], ["actor 2", (it) => actorName(it.actor2)],
               ["place", (it) => placeName(it.place)], ["fatalities", fatal, "num"], ["certainty", (it) => it.certainty],
               ["timing", (it) => it.timing], ["source", (it) => it.source], ["publisher", (it) => it.publisher]],
    figures: [["period", (it) => it.period_start], ["category", (it) => it.category], ["place", (it) => it.place],
              ["range", (it) => range(it.low, it.best, it.high), "num"], ["best", (it) => it.best, "num"],
              ["unit", (it) => it.unit], ["sources", (it) => (it.values || []).length, "num"],
              ["contested", (it) => (it.contested ? "contested" : "")]],
  };

  // ---- API -------------------------------------------------------------------------------
  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    });
    const headers = { Accept: "application/json" };
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    const res = await fetch(url, { headers, credentials: "same-origin" });
    if (res.status === 401) { $("token-form").hidden = false; throw new Error("this server needs an API token"); }
    if (!res.ok) {
      let detail = res.statusText;
      try { const body = await res.json(); detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail); } catch (e) { /* keep statusText */ }
      throw new Error(`${res.status}: ${detail}`);
    }
    return res.json();
  }

  // ---- filters ---------------------------------------------------------------------------
  function layerOf() { const f = new FormData($("filters")); return ["mentions", "figures"].includes(f.get("layer")) ? f.get("layer") : "incidents"; }
  function filterParams() {
    const f = new FormData($("filters")), layer = layerOf();
    const p = { place: f.get("place"), since: f.get("since"), until: f.get("until") };
    if (layer === "figures") { p.category = f.get("category"); return p; }
    p.type = text(f.get("type")).trim(); p.plover = f.get("plover");
    p.certainty = f.getAll("certainty").join(",") || "any";
    p.timing = f.getAll("timing").join(",") || "any";
    p.min_confidence = f.get("min_confidence") || "0";
    if (layer === "mentions") { p.actor = f.get("actor"); p.source = f.get("source"); }
    if (f.get("inview") && map) {
      const b = map.getBounds(), c = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
      p.bbox = [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)]
        .map((v) => v.toFixed(4)).join(",");
    }
    return p;
  }
  function showFilterGroups(layer) {
    document.querySelectorAll(".for-mentions").forEach((e) => { e.hidden = layer !== "mentions"; });
    document.querySelectorAll(".for-events").forEach((e) => { e.hidden = layer === "figures"; });
    document.querySelectorAll(".for-figures").forEach((e) => { e.hidden = layer !== "figures"; });
    $("f-plover").closest("label").hidden = layer === "figures";
    $("f-type").closest("label").hidden = layer === "figures";
  }

  // ---- map -------------------------------------------------------------------------------
  let map = null, markerLayer = null, basemap = null, legend = null;
  const svgRenderer = L.svg(), canvasRenderer = L.canvas({ padding: 0.2 });
  function initMap() {
    map = L.map("map", { attributionControl: false, worldCopyJump: true, minZoom: 2, maxZoom: 12, preferCanvas: false })
      .setView([30, 20], 3);
    markerLayer = L.featureGroup().addTo(map);
    basemap = window.SitrepBasemap.attach(map, status);
    legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => { const d = el("div", "legend-box"); d.id = "legend"; L.DomEvent.disableClickPropagation(d); return d; };
    legend.addTo(map);
  }

  function tooltipNode(it, layer) {
    const box = el("div", "tip");
    if (layer === "figures") {
      box.appendChild(el("strong", null, `${range(it.low, it.best, it.high)} ${it.category || ""}`));
      box.appendChild(el("span", null, [it.place, it.period_start].filter(Boolean).join(" · ")));
    } else {
      box.appendChild(el("strong", null, eventType(it) || "event"));
      box.appendChild(el("span", null, [placeName(it.place), it.date_start].filter(Boolean).join(" · ")));
      if (layer === "incidents") box.appendChild(el("div", null, `${it.n_reports || 1} report(s) · fatalities ${fatal(it) || "none given"}`));
      else if (it.source) box.appendChild(el("div", null, `according to ${it.source}`));
    }
    return box;
  }

  // Many markers draw on one canvas (10,000 incidents paint in well under a second); a few
  // hundred stay SVG paths, each a DOM node carrying its key.
  function drawMarkers(items, layer, fit) {
    markerLayer.clearLayers();
    state.markers.clear();
    const located = items.filter((it) => typeof it.lat === "number" && typeof it.lon === "number");
    const renderer = located.length > 1500 ? canvasRenderer : svgRenderer;
    located.sort((p, q) => sizeOf(q, layer) - sizeOf(p, layer)).forEach((it) => {
      const colour = colourOf(it, layer), key = keyOf(it, layer);
      const m = L.circleMarker([it.lat, it.lon], {
        renderer, radius: sizeOf(it, layer), className: `marker marker-${layer}`, weight: 1,
        color: "#222", fillColor: colour, fillOpacity: 0.75,
      });
      m.bindTooltip(() => tooltipNode(it, layer), { direction: "top" });
      m.on("click", () => selectItem(it, layer, { fromMap: true }));
      m.addTo(markerLayer);
      const path = m.getElement && m.getElement();
      if (path) { path.setAttribute("data-key", key); path.setAttribute("data-colour", colour); }
      state.markers.set(key, m);
    });
    $("map").dataset.markers = String(located.length);
    $("map").dataset.layer = layer;
    if (fit && located.length) map.fitBounds(markerLayer.getBounds().pad(0.2), { maxZoom: 8 });
    drawLegend(located, layer);
  }

  // The legend names exactly what the map draws: the colours of its markers, and circle sizes.
  function drawLegend(items, layer) {
    const box = $("legend");
    clear(box);
    box.dataset.layer = layer;
    box.appendChild(el("strong", null, layer === "figures" ? "Figure category" : "Event family"));
    const used = new Set(items.map((it) => (layer === "figures" ? it.category : familyOf(it))));
    const entries = layer === "figures" ? CATEGORIES.map(([c, col]) => [c, c.replace(/_/g, " "), col])
      : FAMILIES;
    entries.filter(([k]) => used.has(k)).forEach(([k, label, colour]) => {
      const row = el("div", "legend-row");
      row.dataset.key = k; row.dataset.colour = colour;
      const sw = el("span", "swatch"); sw.dataset.colour = colour;
      row.appendChild(sw); row.appendChild(el("span", null, label));
      box.appendChild(row);
    });
    box.appendChild(el("strong", null, layer === "figures" ? "Circle: best value" : "Circle: fatalities (best)"));
    const sizes = el("div", "legend-sizes");
    SIZE_STEPS.forEach((n) => {
      const s = el("span", "size"); const dot = el("span", `dot r${Math.round(radiusFor(n))}`);
      s.appendChild(dot); s.appendChild(el("span", null, n === 0 ? "none" : n.toLocaleString("en")));
      sizes.appendChild(s);
    });
    box.appendChild(sizes);
    paintSwatches(box);
  }
  // Colours go on as SVG fills (no inline styles: the CSP forbids them).
  function paintSwatches(box) {
    box.querySelectorAll(".swatch").forEach((sw) => {
      const s = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      s.setAttribute("width", "12"); s.setAttribute("height", "12");
      const c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      c.setAttribute("cx", "6"); c.setAttribute("cy", "6"); c.setAttribute("r", "5"); c.setAttribute("fill", sw.dataset.colour);
      s.appendChild(c); sw.appendChild(s);
    });
    box.querySelectorAll(".dot").forEach((d) => {
      const r = Number(d.className.match(/r(\d+)/)[1]);
      const s = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      s.setAttribute("width", String(2 * r + 2)); s.setAttribute("height", String(2 * r + 2));
      const c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      c.setAttribute("cx", String(r + 1)); c.setAttribute("cy", String(r + 1)); c.setAttribute("r", String(r));
      c.setAttribute("fill", "#bbb"); c.setAttribute("stroke", "#222");
      s.appendChild(c); d.appendChild(s);
    });
  }

  // ---- timeline and control timeline -------------------------------------------------------
  let timeline = null;
  function daysOf(items) {
    const counts = new Map();
    items.forEach((it) => { const d = dateOf(it); if (d) counts.set(d.slice(0, 10), (counts.get(d.slice(0, 10)) || 0) + 1); });
    return [...counts].map(([date, count]) => ({ date, count }));
  }
  function drawTimeline() {
    const f = new FormData($("filters"));
    timeline.draw(daysOf(state.allDated || []), { since: f.get("since"), until: f.get("until") });
  }
  function outlierButton(id, n, word) {
    const b = $(id);
    b.hidden = !n;
    b.textContent = id === "timeline-earlier" ? `◀ ${n} ${word}` : `${n} ${word} ▶`;
  }
  async function loadControl() {
    const box = $("control");
    try {
      const res = await api("/api/control");
      clear(box);
      box.hidden = !res.items.length;
      if (!res.items.length) return;
      box.appendChild(el("strong", null, "Control changes"));
      const list = el("ul");
      res.items.forEach((c) => list.appendChild(el("li", null,
        `${c.date || "?"} ${c.place || "?"}: held by ${c.holder || "unknown"}${c.previous_holder ? ` (from ${c.previous_holder})` : ""}${c.held_until ? ` until ${c.held_until}` : ""}`)));
      box.appendChild(list);
    } catch (e) { status(String(e.message || e)); }
  }

  // ---- table -----------------------------------------------------------------------------
  function drawTable() {
    const layer = state.layer, head = $("items-head"), body = $("items-body");
    clear(head); clear(body);
    COLUMNS[layer].forEach(([name]) => head.appendChild(el("th", null, name)));
    const page = state.items.slice(state.offset, state.offset + PAGE);
    page.forEach((it) => {
      const tr = el("tr");
      tr.dataset.key = keyOf(it, layer);
      COLUMNS[layer].forEach(([, get, cls]) => tr.appendChild(el("td", cls || null, get(it))));
      tr.addEventListener("click", () => selectItem(it, layer, { fromTable: true }));
      body.appendChild(tr);
    });
    const first = page.length ? state.offset + 1 : 0;
    const cut = state.items.length >= CAP[layer] ? ` (the first ${CAP[layer]}: narrow the filters)` : "";
    $("table-label").textContent = `${layer} ${first}–${state.offset + page.length} of ${state.items.length}${cut}`;
    $("page-prev").disabled = state.offset === 0;
    $("page-next").disabled = state.offset + PAGE >= state.items.length;
  }

  // ---- selection and evidence -----------------------------------------------------------
  function markSelected(key, how) {
    document.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
    const row = document.querySelector(`tr[data-key="${CSS.escape(key)}"]`);
    if (row) { row.classList.add("selected"); if (!how || !how.fromTable) scrollWithin(row.closest(".table-scroll"), row); }
    state.markers.forEach((m, k) => {
      const e = m.getElement && m.getElement();
      if (e) e.classList.toggle("selected", k === key);
      if (k === key && m.bringToFront) m.bringToFront();
    });
  }
  async function selectItem(it, layer, how) {
    const key = keyOf(it, layer);
    state.selectedKey = key;
    markSelected(key, how);
    if (layer === "incidents") return selectIncident(it, key);
    if (layer === "figures") { showSeries(it); clear($("article-view")); return null; }
    showDetail(it, "events");
    history.replaceState(null, "", `#article=${encodeURIComponent(it.article_id)}&kind=events&idx=${Number(it.idx)}`);
    return openArticle(it.article_id, "events", it.idx, key);
  }
  async function openArticle(articleId, kind, idx, key) {
    try {
      let ex = state.articles.get(articleId);
      if (!ex) { ex = await api(`/api/articles/${encodeURIComponent(articleId)}`); state.articles.set(articleId, ex); }
      if (key && state.selectedKey !== key) return;
      renderArticle(ex, kind, idx);
    } catch (e) { status(String(e.message || e)); }
  }
  async function selectIncident(it, key) {
    const box = $("detail");
    clear(box);
    box.appendChild(el("h2", null, `${eventType(it) || "incident"}${it.place ? ` in ${it.place}` : ""}`));
    try {
      const rec = await api(`/api/incidents/${encodeURIComponent(it.id)}`);
      if (state.selectedKey !== key) return;
      showIncident(rec);
      const first = (rec.mentions || [])[0];
      if (first) await openArticle(first.article_id, "events", first.idx, key);
    } catch (e) { status(String(e.message || e)); }
  }
  function detailList(rows) {
    const dl = el("dl");
    rows.forEach(([k, v]) => {
      if (v === null || v === undefined || v === "") return;
      dl.appendChild(el("dt", null, k));
      const dd = el("dd");
      if (v instanceof Node) dd.appendChild(v); else dd.textContent = text(v);
      dl.appendChild(dd);
    });
    return dl;
  }
  function showIncident(rec) {
    const box = $("detail");
    box.appendChild(detailList([
      ["date", [rec.date_start, rec.date_end !== rec.date_start ? rec.date_end : null].filter(Boolean).join(" – ")],
      ["actors", [rec.actor1, rec.actor2].filter(Boolean).join(" → ")], ["fatalities", fatal(rec)],
      ["certainty", rec.certainty], ["place", [rec.place, rec.admin1, rec.country].filter(Boolean).join(", ")],
      ["reports", `${rec.n_reports} (${rec.n_independent_reports ?? rec.n_reports} independent), ${rec.n_sources} sources`],
    ]));
    const list = el("ol", "mentions");
    (rec.mentions || []).forEach((m) => {
      const li = el("li");
      li.appendChild(el("div", "who", [m.source || "the report itself", m.publisher, m.published].filter(Boolean).join(" · ")));
      li.appendChild(el("blockquote", "sentence", m.sentence));
      li.addEventListener("click", () => openArticle(m.article_id, "events", m.idx, state.selectedKey));
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  function showSeries(s) {
    const box = $("detail");
    clear(box);
    box.appendChild(el("h2", null, `${s.category} in ${s.place}, ${s.period_start || ""}${s.contested ? " (contested)" : ""}`));
    box.appendChild(detailList([["range", range(s.low, s.best, s.high)], ["best (conservative)", s.best],
                                ["unit", s.unit], ["kind", s.kind], ["period", `${s.period_start} – ${s.period_end}`]]));
    const list = el("ol", "mentions");
    (s.values || []).forEach((v) => {
      const li = el("li");
      li.appendChild(el("div", "who", `${v.source || "unattributed"}${v.publisher ? ` via ${v.publisher}` : ""}: ${range(v.low, v.best, v.high)}`));
      li.appendChild(el("blockquote", "sentence", v.sentence));
      if (v.article_id) li.addEventListener("click", () => openArticle(v.article_id, "figures", v.idx, state.selectedKey));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function showDetail(it, kind) {
    const box = $("detail");
    clear(box);
    const title = kind === "events" ? eventType(it) || "event"
      : kind === "figures" ? `${it.best ?? it.low ?? "?"} ${it.category || ""} (${it.unit || "people"})`
      : kind === "quotes" ? `quote by ${it.speaker || "unknown"}` : kind.replace(/s$/, "");
    box.appendChild(el("h2", null, title));
    box.appendChild(detailList([
      ["actors", kind === "events" ? [actorName(it.actor1), actorName(it.actor2)].filter(Boolean).join(" → ") : null],
      ["fatalities", kind === "events" ? fatal(it) : null], ["PLOVER", it.plover],
      ["range", kind === "figures" ? `${it.low ?? "?"} – ${it.high ?? "open"}` : null],
      ["place", placeName(it.place)],
      ["coordinates", typeof it.lat === "number" ? `${it.lat.toFixed(4)}, ${it.lon.toFixed(4)}` : null],
      ["date", [it.date_start, it.date_end !== it.date_start ? it.date_end : null].filter(Boolean).join(" – ") || "unknown"],
      ["certainty", it.certainty], ["timing", it.timing],
      ["confidence", typeof it.confidence === "number" ? it.confidence.toFixed(2) : null],
      ["source (who said it)", it.source || it.speaker || "the report itself"],
      ["publisher", it.publisher], ["published", it.published], ["report", it.article_title],
      ["link", it.url ? linkOrText(it.url) : null],
    ]));
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
    meta.appendChild(document.createTextNode([art.source, art.published || "undated"].filter(Boolean).join(" · ")));
    if (art.url) { meta.appendChild(document.createTextNode(" · ")); meta.appendChild(linkOrText(art.url)); }
    view.appendChild(meta);
    const key = el("div", "legend");
    KINDS_SHOWN.forEach((k) => key.appendChild(el("span", `k-${k}`, k)));
    view.appendChild(key);
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
      const covering = spans.filter((sp) => sp.s <= a && sp.e >= b);
      if (!covering.length) { textNode.appendChild(document.createTextNode(body.slice(a, b))); continue; }
      const m = markOf(ex, covering, body.slice(a, b), selKind, selIdx);
      if (m.classList.contains("selected") && !firstSelected) firstSelected = m;
      textNode.appendChild(m);
    }
    view.appendChild(textNode);
    if (firstSelected) scrollWithin(view, firstSelected, true);
  }
  function markOf(ex, covering, piece, selKind, selIdx) {
    covering.sort((x, y) => (x.e - x.s) - (y.e - y.s));
    const m = el("mark", covering.map((sp) => `k-${sp.k}`).filter((c, j, arr) => arr.indexOf(c) === j).join(" "), piece);
    if (covering.some((sp) => sp.k === selKind && sp.idx === selIdx)) { m.classList.add("selected"); m.dataset.selected = `${selKind}:${selIdx}`; }
    const inner = covering[0];
    m.title = `${inner.k.replace(/s$/, "")}${inner.item.source ? ` · according to ${inner.item.source}` : ""}`;
    m.addEventListener("click", () => { showDetail(itemOf(ex, inner.k, inner.idx), inner.k); renderArticle(ex, inner.k, inner.idx); });
    return m;
  }
  function itemOf(ex, kind, idx) {
    const art = ex.article || {};
    return Object.assign({}, (ex[kind] || [])[idx], { article_id: art.id, idx, article_title: art.title,
      publisher: art.source, published: art.published, url: art.url });
  }
  function resetEvidence() {
    state.selectedKey = null;
    clear($("detail")); clear($("article-view"));
    $("detail").appendChild(el("p", "hint", "Click an incident, a report's event or a figure on the map or in the table to see the sentences it comes from and who said it."));
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
      const known = KINDS_SHOWN.includes(kind) && Number.isInteger(idx) && (ex[kind] || [])[idx];
      if (known) showDetail(itemOf(ex, kind, idx), kind);
      renderArticle(ex, known ? kind : null, known ? idx : null);
    } catch (e) { status(String(e.message || e)); }
  }

  // ---- search ----------------------------------------------------------------------------
  async function runSearch(q) {
    const box = $("search-results");
    clear(box);
    box.hidden = !q;
    if (!q) return;
    try {
      const res = await api("/api/search", { q, limit: 50 });
      box.appendChild(el("strong", null, `${res.items.length} report(s) for ${q}`));
      const list = el("ol");
      res.items.forEach((r) => {
        const li = el("li", "search-hit");
        li.dataset.id = r.id;
        li.appendChild(el("div", "title", r.title || "(untitled report)"));
        li.appendChild(el("div", "meta", [r.source, r.published].filter(Boolean).join(" · ")));
        li.appendChild(snippetNode(r.snippet || ""));
        li.addEventListener("click", () => { state.selectedKey = `report:${r.id}`; openArticle(r.id, null, null, state.selectedKey); });
        list.appendChild(li);
      });
      box.appendChild(list);
    } catch (e) { status(String(e.message || e)); }
  }
  // The snippet's [matches] become <mark>s, built as text nodes (never parsed as HTML).
  function snippetNode(snippet) {
    const p = el("p", "snippet");
    snippet.split(/(\[[^\]]*\])/).forEach((part) => {
      if (part.startsWith("[") && part.endsWith("]")) p.appendChild(el("mark", null, part.slice(1, -1)));
      else p.appendChild(document.createTextNode(part));
    });
    return p;
  }

  // ---- downloads of what is shown ---------------------------------------------------------
  function csvCell(v) {
    let s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;  // a spreadsheet must not run a report's text as a formula
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  function flat(it) {
    const o = {};
    Object.entries(it).forEach(([k, v]) => {
      if (k === "values" || k === "mentions") o[k] = JSON.stringify(v);
      else if (v && typeof v === "object" && !Array.isArray(v)) Object.entries(v).forEach(([k2, v2]) => { o[`${k}_${k2}`] = v2; });
      else o[k] = Array.isArray(v) ? v.join("; ") : v;
    });
    return o;
  }
  function save(name, type, body) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([body], { type }));
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
  function downloadCsv() {
    const rows = state.items.map(flat), cols = [];
    rows.forEach((r) => Object.keys(r).forEach((k) => { if (!cols.includes(k)) cols.push(k); }));
    const lines = [cols.map(csvCell).join(",")].concat(rows.map((r) => cols.map((c) => csvCell(r[c])).join(",")));
    save(`sitrep-${state.layer}.csv`, "text/csv;charset=utf-8", lines.join("\r\n") + "\r\n");
  }
  function downloadGeojson() {
    const features = state.items.filter((it) => typeof it.lat === "number" && typeof it.lon === "number").map((it) => {
      const props = flat(it); delete props.lat; delete props.lon;
      return { type: "Feature", geometry: { type: "Point", coordinates: [it.lon, it.lat] }, properties: props };
    });
    save(`sitrep-${state.layer}.geojson`, "application/geo+json",
      JSON.stringify({ type: "FeatureCollection", name: `sitrep-${state.layer}`, features }));
  }

  // ---- loading ---------------------------------------------------------------------------
  const ENDPOINT = { incidents: "/api/incidents", mentions: "/api/events", figures: "/api/series" };
  async function fetchLayer(layer, params) {
    if (layer === "figures") return (await api(ENDPOINT.figures, params)).items;
    if (layer === "mentions") return (await api(ENDPOINT.mentions, Object.assign({ limit: CAP.mentions }, params))).items;
    const page = await api(ENDPOINT.incidents, Object.assign({ limit: CAP.incidents, columns: "1" }, params));
    if (!page.columns) return page.items || [];
    const cols = page.columns;  // rows as arrays (half the bytes): back to objects
    return page.rows.map((r) => { const o = {}; for (let i = 0; i < cols.length; i++) o[cols[i]] = r[i]; return o; });
  }
  async function loadItems(fit) {
    const layer = layerOf(), seq = ++state.loadSeq;
    if (layer !== state.layer) resetEvidence();  // never keep the previous layer's item in the panel
    state.layer = layer; state.offset = 0;
    showFilterGroups(layer);
    status("loading…");
    try {
      const params = filterParams();
      const undated = Object.assign({}, params, { since: "", until: "" });
      const [items, all] = await Promise.all([fetchLayer(layer, params), params.since || params.until ? fetchLayer(layer, undated) : null]);
      if (seq !== state.loadSeq) return;
      performance.mark("sitrep:data");
      state.items = items; state.allDated = all || items;
      drawMarkers(items, layer, fit);
      performance.mark("sitrep:markers");
      drawTable();
      drawTimeline();
      performance.mark("sitrep:drawn");
      status("");
    } catch (e) { status(String(e.message || e)); }
  }
  async function loadCounts() {
    try {
      const s = await api("/api/stats");
      const c = s.counts || {};
      $("counts").textContent = `${c.articles || 0} reports · ${c.events || 0} event mentions · ${c.figures || 0} figures`;
    } catch (e) { status(String(e.message || e)); }
  }
  function fillCategories() {
    const sel = $("f-category");
    CATEGORIES.forEach(([c]) => { const o = el("option", null, c.replace(/_/g, " ")); o.value = c; sel.appendChild(o); });
  }

  function init() {
    fillCategories();
    initMap();
    resetEvidence();
    timeline = window.SitrepTimeline.create($("timeline"), {
      earlier: (n) => outlierButton("timeline-earlier", n, "earlier"),
      later: (n) => outlierButton("timeline-later", n, "later"),
      onBrush: (since, until) => { $("f-since").value = since; $("f-until").value = until; loadItems(false); },
    });
    const widen = () => { timeline.showAll(true); drawTimeline(); };
    $("timeline-earlier").addEventListener("click", widen);
    $("timeline-later").addEventListener("click", widen);
    $("timeline-clear").addEventListener("click", () => { $("f-since").value = ""; $("f-until").value = ""; timeline.showAll(false); loadItems(false); });
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); loadItems(true); });
    $("filters").addEventListener("reset", () => setTimeout(() => loadItems(true), 0));
    $("filters").addEventListener("change", (ev) => { if (ev.target.type !== "search" && ev.target.type !== "date") loadItems(ev.target.name === "layer"); });
    $("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); runSearch($("search-input").value.trim()); });
    $("download-csv").addEventListener("click", downloadCsv);
    $("download-geojson").addEventListener("click", downloadGeojson);
    $("page-prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); drawTable(); });
    $("page-next").addEventListener("click", () => { state.offset += PAGE; drawTable(); });
    $("token-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      state.token = $("token-input").value || null;
      if (state.token) sessionStorage.setItem("sitrep-token", state.token);
      $("token-form").hidden = true;
      loadCounts(); loadItems(true);
    });
    window.addEventListener("resize", () => drawTimeline());
    loadItems(true).then(() => {
      // first paint: the markers are on screen (measured by the browser test); what is
      // not on the first screen loads after it
      requestAnimationFrame(() => { document.body.dataset.firstPaintMs = String(Math.round(performance.now())); });
      return Promise.all([openFromHash(), loadCounts(), loadControl()]);
    }).then(() => { document.body.dataset.ready = "1"; basemap.loadDetail(); });
  }
  document.addEventListener("DOMContentLoaded", init);
}());
