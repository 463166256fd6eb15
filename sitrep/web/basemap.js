/* sitrep base map, offline: countries (world-atlas TopoJSON, Natural Earth 1:50m), and from
 * Natural Earth 1:10m, built by scripts/build_basemap.py: admin-1 outlines with their names,
 * rivers, and populated places with labels. Everything is vendored under /static/vendor;
 * nothing comes from a tile server. Layers appear as one zooms in (admin-1 from zoom 5,
 * rivers from 6, town labels by rank, region names from 6), and only the features in view
 * are drawn.
 * Exposes window.SitrepBasemap.attach(map). */
"use strict";
(function () {
  const VENDOR = "/static/vendor";
  const ADMIN1_ZOOM = 5, RIVER_ZOOM = 6, LABEL_ZOOM = 5;

  function getJSON(path) { return fetch(VENDOR + path).then((r) => { if (!r.ok) throw new Error(path); return r.json(); }); }

  // TopoJSON (delta-encoded, quantised arcs) -> GeoJSON features (the countries ship so).
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

  // build_basemap.py's line layers: [x0, y0, dx1, dy1, ...] in 1/scale degrees -> [[lat, lon], ...]
  function decodeLines(layer) {
    const s = layer.scale;
    return layer.features.map((f) => ({
      props: f.p, bbox: f.b,
      lines: f.g.map((g) => {
        const out = [];
        let x = 0, y = 0;
        for (let i = 0; i < g.length; i += 2) { x += g[i]; y += g[i + 1]; out.push([y / s, x / s]); }
        return out;
      }),
    }));
  }

  function intersects(b, bounds) {
    return !(b[2] < bounds.getWest() || b[0] > bounds.getEast() || b[3] < bounds.getSouth() || b[1] > bounds.getNorth());
  }

  // A label as a DOM node (text only): Leaflet places it; CSS styles it.
  function labelIcon(text, cls) {
    const span = document.createElement("span");
    span.textContent = text;
    return L.divIcon({ className: cls, html: span, iconSize: null });
  }

  // Town labels by rank (0: world cities ... 10: small towns), more as one zooms in, never
  // two overlapping: each label takes its box on screen, a later one that would cross a
  // taken box is left out (the same rule keeps a phone's map readable).
  function placeLabels(map, places, regions, layer) {
    layer.clearLayers();
    const z = map.getZoom();
    if (z < LABEL_ZOOM) return;
    const maxRank = Math.min(10, z - 1), bounds = map.getBounds().pad(0.05), taken = [];
    const free = (box) => {
      if (taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1])) return false;
      taken.push(box);
      return true;
    };
    places.forEach(([name, lon, lat, rank]) => {
      if (rank > maxRank || !bounds.contains([lat, lon])) return;
      const p = map.latLngToContainerPoint([lat, lon]);
      if (!free([p.x - 3, p.y - 14, p.x + 8 + name.length * 6.6, p.y + 6])) return;
      L.circleMarker([lat, lon], { pane: "labels", radius: 2, className: "place-dot", interactive: false }).addTo(layer);
      L.marker([lat, lon], { pane: "labels", icon: labelIcon(name, "place-label"), interactive: false, keyboard: false })
        .addTo(layer);
    });
    // Region (admin-1) names at their label points, where the towns leave room.
    if (z < ADMIN1_ZOOM + 1 || !regions) return;
    regions.forEach((f) => {
      const at = f.props.label;
      if (!at || !f.props.name || !bounds.contains([at[1], at[0]])) return;
      const p = map.latLngToContainerPoint([at[1], at[0]]), w = f.props.name.length * 6.4;
      if (!free([p.x - w / 2, p.y - 7, p.x + w / 2, p.y + 7])) return;
      L.marker([at[1], at[0]], { pane: "labels", icon: labelIcon(f.props.name, "region-label"), interactive: false,
                                 keyboard: false }).addTo(layer);
    });
  }

  function linesInView(map, features, layer, cls, minZoom, keep) {
    layer.clearLayers();
    if (map.getZoom() < minZoom) return;
    const bounds = map.getBounds().pad(0.2);
    features.forEach((f) => {
      if (!intersects(f.bbox, bounds) || (keep && !keep(f))) return;
      L.polyline(f.lines, { pane: "basemap", className: cls, interactive: false, smoothFactor: 1.5 }).addTo(layer);
    });
  }

  function attach(map, onStatus) {
    const pane = map.createPane("basemap");
    pane.style.zIndex = 350;  // under the markers (overlayPane 400), over the tiles (none)
    const labelsPane = map.createPane("labels");
    labelsPane.style.zIndex = 450;
    labelsPane.style.pointerEvents = "none";
    const admin1Layer = L.layerGroup().addTo(map);
    const riverLayer = L.layerGroup().addTo(map);
    const labelLayer = L.layerGroup().addTo(map);
    const data = { admin1: null, rivers: null, places: null };
    const redraw = () => {
      if (data.admin1) linesInView(map, data.admin1, admin1Layer, "admin1", ADMIN1_ZOOM);
      if (data.rivers) linesInView(map, data.rivers, riverLayer, "river", RIVER_ZOOM,
        (f) => f.props.rank <= map.getZoom() + 1);
      if (data.places) placeLabels(map, data.places, data.admin1, labelLayer);
    };
    getJSON("/world-atlas/countries-50m.json").then((topo) => {
      L.geoJSON(topoFeatures(topo, "countries"), {
        pane: "basemap", interactive: false,
        style: () => ({ className: "country", fillOpacity: 1, weight: 0.8 }),
      }).addTo(map).bringToBack();
    }).catch(() => onStatus("base map not available"));
    // The detail layers load once the page has drawn (they are not needed at world zoom).
    const loadDetail = () => Promise.all([
      getJSON("/natural-earth/admin1.json").then((d) => { data.admin1 = decodeLines(d); }),
      getJSON("/natural-earth/rivers.json").then((d) => { data.rivers = decodeLines(d); }),
      getJSON("/natural-earth/places.json").then((d) => { data.places = d; }),
    ]).then(redraw).catch(() => onStatus("base map details not available"));
    map.on("moveend zoomend", redraw);
    return { loadDetail, redraw, data };
  }

  window.SitrepBasemap = { attach, topoFeatures, decodeLines };
}());
