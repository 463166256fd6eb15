/* sitrep timeline: counts over time with a date brush.
 * - It opens on the range that holds the data: the dates within six median absolute
 *   deviations of the median, padded; items outside (a report recalling 2009 in a 2016
 *   crisis) are counted in "N earlier" / "N later" buttons that widen the view to every date.
 * - Bars are days, weeks, months or years, whichever keeps them readable at this width.
 * - Ticks fall on calendar boundaries at a step wide enough for their labels; a label that
 *   would still touch its neighbour is left out (so a 375 px phone never overlaps them).
 * Exposes window.SitrepTimeline.create(svg, {earlier, later, onBrush}). */
"use strict";
(function () {
  const DAY = 86400000, NS = "http://www.w3.org/2000/svg";
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const PAD = 10, AXIS_H = 18, CHAR_PX = 6.2, GAP_PX = 10;

  const dayNum = (iso) => { const t = Date.parse(`${String(iso).slice(0, 10)}T00:00:00Z`); return Number.isNaN(t) ? null : Math.floor(t / DAY); };
  const dateOf = (n) => new Date(n * DAY);
  const isoOf = (n) => dateOf(n).toISOString().slice(0, 10);
  const svg = (tag, attrs) => { const e = document.createElementNS(NS, tag); Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, String(v))); return e; };

  // The range holding the data: the dates within six median absolute deviations (at least
  // 30 days) of the median date, items weighted by their counts; a date farther out is an
  // outlier (a 2009 incident a 2016 report recalls), counted but not drawn until asked.
  // Median-based, so it holds with three items as with thousands.
  function weightedMedian(pairs) {
    const sorted = pairs.slice().sort((p, q) => p[0] - q[0]);
    const total = sorted.reduce((a, p) => a + p[1], 0);
    let c = 0;
    for (const [v, w] of sorted) { c += w; if (c >= total / 2) return v; }
    return sorted[sorted.length - 1][0];
  }
  function focusRange(days) {
    const m = weightedMedian(days.map((d) => [d.n, d.count]));
    const mad = weightedMedian(days.map((d) => [Math.abs(d.n - m), d.count]));
    const fence = Math.max(30, 6 * mad);
    const core = days.filter((d) => Math.abs(d.n - m) <= fence);
    const a = core[0].n, b = core[core.length - 1].n;
    const pad = Math.max(2, Math.round((b - a) * 0.04));
    return [a - pad, b + pad];
  }

  // Bar unit and tick step for a span of `span` days drawn `width` px wide.
  const UNITS = [["day", 1], ["week", 7], ["month", 30.44], ["year", 365.25]];
  function barUnit(span, width) { return UNITS.find(([, d]) => width / (span / d) >= 3) || UNITS[3]; }
  function unitStart(n, unit) {
    const d = dateOf(n);
    if (unit === "day") return n;
    if (unit === "week") return n - ((d.getUTCDay() + 6) % 7);  // Monday
    if (unit === "month") return dayNum(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-01`);
    return dayNum(`${d.getUTCFullYear()}-01-01`);
  }
  function nextUnit(n, unit, k) {
    const d = dateOf(n);
    if (unit === "day") return n + k;
    if (unit === "week") return n + 7 * k;
    if (unit === "month") return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1) / DAY);
    return Math.floor(Date.UTC(d.getUTCFullYear() + k, 0, 1) / DAY);
  }

  const STEPS = [["day", 1], ["day", 2], ["week", 1], ["week", 2], ["month", 1], ["month", 2], ["month", 3],
                 ["month", 6], ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 25]];
  function label(n, unit, first) {
    const d = dateOf(n), y = d.getUTCFullYear(), m = MONTHS[d.getUTCMonth()];
    if (unit === "year") return String(y);
    if (unit === "month") return first || d.getUTCMonth() === 0 ? `${m} ${y}` : m;
    return first || (d.getUTCMonth() === 0 && d.getUTCDate() <= 7) ? `${d.getUTCDate()} ${m} ${y}` : `${d.getUTCDate()} ${m}`;
  }
  function ticks(a, b, width) {
    for (const [unit, k] of STEPS) {
      const out = [];
      for (let n = nextUnit(unitStart(a, unit), unit, 0); n <= b; n = nextUnit(n, unit, k)) if (n >= a) out.push(n);
      const widest = Math.max(...out.map((n, i) => label(n, unit, i === 0).length), 4) * CHAR_PX;
      if (out.length && (width / ((b - a) / ((out[1] || b) - out[0]))) >= widest + GAP_PX) {
        return out.map((n, i) => ({ n, text: label(n, unit, i === 0) }));
      }
    }
    return [{ n: a, text: label(a, "year", true) }];
  }

  function create(node, opts) {
    const st = { days: [], full: false, view: null, x: null, inv: null };

    function draw(rawDays, selection) {
      while (node.firstChild) node.removeChild(node.firstChild);
      const days = rawDays.map((d) => ({ n: dayNum(d.date), count: d.count })).filter((d) => d.n !== null)
        .sort((p, q) => p.n - q.n);
      st.days = days;
      const width = node.clientWidth || 600, height = node.clientHeight || 110;
      node.setAttribute("viewBox", `0 0 ${width} ${height}`);
      if (!days.length) {
        const t = svg("text", { x: PAD, y: 20, class: "tick" }); t.textContent = "no dated items"; node.appendChild(t);
        st.x = null; opts.earlier(0); opts.later(0); return;
      }
      const [fa, fb] = focusRange(days);
      const [a, b] = st.full ? [days[0].n - 1, days[days.length - 1].n + 1] : [fa, fb];
      st.view = [a, b];
      node.dataset.viewStart = isoOf(a); node.dataset.viewEnd = isoOf(b);
      const plotW = width - 2 * PAD, plotH = height - AXIS_H;
      const x = (n) => PAD + ((n - a) / (b - a)) * plotW;
      st.x = x; st.inv = (px) => a + ((px - PAD) / plotW) * (b - a);
      const [unit] = barUnit(b - a, plotW);
      const bins = new Map();
      let before = 0, after = 0;
      days.forEach((d) => {
        if (d.n < a) { before += d.count; return; }
        if (d.n > b) { after += d.count; return; }
        const k = unitStart(d.n, unit); bins.set(k, (bins.get(k) || 0) + d.count);
      });
      opts.earlier(st.full ? 0 : before); opts.later(st.full ? 0 : after);
      const max = Math.max(1, ...bins.values());
      const since = selection.since ? dayNum(selection.since) : null, until = selection.until ? dayNum(selection.until) : null;
      bins.forEach((count, k) => {
        const x0 = x(Math.max(a, k)), x1 = x(Math.min(b, nextUnit(k, unit, 1)));
        const h = Math.max(1, (count / max) * (plotH - 6));
        const inRange = (since !== null || until !== null) && (since === null || k >= since) && (until === null || k <= until);
        const r = svg("rect", { x: x0 + 0.5, y: plotH - h, width: Math.max(1, x1 - x0 - 1), height: h,
                                class: inRange ? "bar in-range" : "bar", "data-start": isoOf(k) });
        const title = svg("title"); title.textContent = `${unit} of ${isoOf(k)}: ${count}`; r.appendChild(title);
        node.appendChild(r);
      });
      node.appendChild(svg("line", { x1: PAD, x2: width - PAD, y1: plotH, y2: plotH, class: "axis" }));
      drawTicks(ticks(a, b, plotW), x, width, height);
      if (since !== null || until !== null) {
        const s0 = x(Math.max(a, since ?? a)), s1 = x(Math.min(b, (until ?? b) + 1));
        node.appendChild(svg("rect", { x: s0, y: 0, width: Math.max(1, s1 - s0), height: plotH, class: "brush" }));
      }
    }

    function drawTicks(list, x, width, height) {
      let lastEnd = -Infinity;
      list.forEach((t) => {
        const tx = x(t.n);
        node.appendChild(svg("line", { x1: tx, x2: tx, y1: height - AXIS_H, y2: height - AXIS_H + 4, class: "tick-mark" }));
        const text = svg("text", { x: tx, y: height - 4, class: "tick", "text-anchor": "start" });
        text.textContent = t.text;
        node.appendChild(text);
        const w = text.getComputedTextLength ? text.getComputedTextLength() : t.text.length * CHAR_PX;
        if (tx < lastEnd + 4 || tx + w > width) node.removeChild(text);  // never two labels touching
        else lastEnd = tx + w;
      });
    }

    // Drag to select a date range; a click without a drag does nothing.
    const px = (ev) => { const r = node.getBoundingClientRect(); return (ev.clientX - r.left) * ((node.viewBox.baseVal.width || r.width) / r.width); };
    let start = null, rect = null;
    node.addEventListener("pointerdown", (ev) => {
      if (!st.x) return;
      start = px(ev);
      rect = svg("rect", { x: start, y: 0, width: 0, height: (node.clientHeight || 110) - AXIS_H, class: "brush" });
      node.appendChild(rect);
      node.setPointerCapture(ev.pointerId);
    });
    node.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      const p = px(ev);
      rect.setAttribute("x", Math.min(start, p)); rect.setAttribute("width", Math.abs(p - start));
    });
    node.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const p = px(ev), s = start; start = null;
      if (Math.abs(p - s) < 4) { rect.remove(); return; }
      const [v0, v1] = st.view;
      const a = Math.max(v0, Math.floor(st.inv(Math.min(s, p)))), b = Math.min(v1, Math.floor(st.inv(Math.max(s, p))));
      opts.onBrush(isoOf(a), isoOf(Math.max(a, b)));
    });

    return {
      draw,
      showAll(all) { st.full = all; },
      get full() { return st.full; },
    };
  }

  window.SitrepTimeline = { create, focusRange, ticks, dayNum, isoOf };
}());
