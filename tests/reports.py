"""Small English conflict reports generated from templates, for store and ingest tests.

Written for the tests (no real article text): each report differs in place, numbers and
date, so every one has its own content hash."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

TOWNS = ["Ariha", "Saraqib", "Maarat al-Numan", "Jisr al-Shughur", "Kafr Nabl", "Khan Shaykhun",
         "Dael", "Nawa", "Tafas", "Inkhil"]


def report(i: int) -> tuple[str, str]:
    town = TOWNS[i % len(TOWNS)]
    day = dt.date(2019, 1, 1) + dt.timedelta(days=i)
    title = f"Shelling hits {town} as families flee, report {i}"
    body = (
        f"{title}\n\n"
        f"Government artillery shelled the town of {town} on {day:%B} {day.day}, {day.year}, killing {3 + i % 17} "
        f"civilians, a local monitor said.\n\n"
        f"More than {1000 + 37 * i:,} people fled toward the Turkish border in the following days, "
        f"according to aid groups working in the area.\n\n"
        f"\"We left with nothing,\" said one resident of {town}, who asked not to be named.\n"
    )
    return f"report_{i:04d}.txt", body


def write_reports(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        name, body = report(i)
        p = folder / name
        p.write_text(body, encoding="utf-8")
        paths.append(p)
    return paths
