"""Build the page's offline base map layers from Natural Earth (public domain) data files.

    python3 scripts/build_basemap.py --admin1 ne_10m_admin_1_states_provinces.geojson \
        --places ne_10m_populated_places_simple.json --rivers ne_10m_rivers_lake_centerlines.json \
        --out sitrep/web/vendor/natural-earth

Inputs (GeoJSON, as Natural Earth publishes them, v4-v5):
- admin-1 states and provinces, 1:10m (ne_10m_admin_1_states_provinces): the regions' outlines;
- populated places, simple, 1:10m (ne_10m_populated_places_simple): labelled towns and cities;
- rivers and lake centre lines, 1:10m (ne_10m_rivers_lake_centerlines).
Countries come from the vendored world-atlas TopoJSON (Natural Earth 1:50m) already.

Each layer is simplified (Douglas-Peucker, `--tolerance` degrees), its coordinates quantised
to 1/`--scale` degree and delta-encoded, so the three files weigh about 3 MB together (the
inputs weigh 80 MB) and the page decodes them in a few lines (app.js `decodeLines`).
Output: {"scale": S, "features": [{"p": {properties}, "b": [w, s, e, n], "g": [[x0, y0, dx1,
dy1, ...], ...]}]} per line layer, and [[name, lon, lat, rank, country], ...] for places.
Deterministic: the same inputs give the same bytes.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def _perp(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker (iterative: long coastlines would overflow recursion)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        far, at = 0.0, None
        for k in range(i + 1, j):
            d = _perp(points[k], points[i], points[j])
            if d > far:
                far, at = d, k
        if at is not None and far > tolerance:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def encode(line: list, scale: int) -> list[int] | None:
    """A line as [x0, y0, dx1, dy1, ...] in 1/scale degrees; None when it collapses."""
    out, last, n = [], None, 0
    for x, y in line:
        q = (round(x * scale), round(y * scale))
        if q == last:
            continue
        out += list(q) if last is None else [q[0] - last[0], q[1] - last[1]]
        last, n = q, n + 1
    return out if n >= 2 else None


def lines_of(geometry: dict) -> list[list]:
    t, c = geometry["type"], geometry["coordinates"]
    if t == "LineString":
        return [c]
    if t in ("MultiLineString", "Polygon"):
        return list(c)
    if t == "MultiPolygon":
        return [ring for poly in c for ring in poly]
    return []


def line_layer(path: Path, props, tolerance: float, scale: int, keep=lambda p: True) -> dict:
    features = []
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        p = f.get("properties") or {}
        if not f.get("geometry") or not keep(p):
            continue
        parts = [e for e in (encode(simplify(ln, tolerance), scale) for ln in lines_of(f["geometry"])) if e]
        if not parts:
            continue
        xs = [x for ln in lines_of(f["geometry"]) for x, _ in ln]
        ys = [y for ln in lines_of(f["geometry"]) for _, y in ln]
        features.append({"p": props(p), "b": [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3),
                                              round(max(ys), 3)], "g": parts})
    features.sort(key=lambda f: (json.dumps(f["p"], sort_keys=True), f["b"]))
    return {"scale": scale, "features": features}


def admin1_props(p: dict) -> dict:
    lon, lat = p.get("longitude"), p.get("latitude")
    return {"name": p.get("name_en") or p.get("name") or "", "country": p.get("iso_a2") or "",
            "label": [round(lon, 3), round(lat, 3)] if lon is not None and lat is not None else None}


def river_props(p: dict) -> dict:
    return {"name": p.get("name") or "", "rank": int(p.get("scalerank") or 10)}


def places(path: Path) -> list[list]:
    """[name, lon, lat, rank, country] by rank (0: world cities ... 10: small towns)."""
    out = []
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"][:2]
        out.append([p.get("name") or p.get("nameascii") or "", round(lon, 4), round(lat, 4),
                    int(p.get("scalerank") or 10), p.get("iso_a2") or p.get("adm0_a3") or ""])
    return sorted(out, key=lambda r: (r[3], r[0], r[1], r[2]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--admin1", type=Path, required=True)
    ap.add_argument("--places", type=Path, required=True)
    ap.add_argument("--rivers", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("sitrep/web/vendor/natural-earth"))
    ap.add_argument("--tolerance", type=float, default=0.01, help="simplification, in degrees (~1 km)")
    ap.add_argument("--scale", type=int, default=1000, help="quantisation: 1/scale degree")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    layers = {
        "admin1.json": line_layer(a.admin1, admin1_props, a.tolerance, a.scale),
        "rivers.json": line_layer(a.rivers, river_props, a.tolerance, a.scale,
                                  keep=lambda p: p.get("featurecla") != "Lake Centerline"),
        "places.json": places(a.places),
    }
    for name, data in layers.items():
        (a.out / name).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                                  encoding="utf-8")
        print(f"{a.out / name}: {(a.out / name).stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
