#!/usr/bin/env python3
"""Write sitrep/samples/field_reports.warc.gz: a small web archive with two HTML news
pages (fictional reports written for the demo) as WARC response records.

    .venv/bin/python scripts/make_sample_warc.py

The output is deterministic (fixed record ids and dates), so re-running it leaves the
committed file unchanged.
"""
from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parents[1] / "sitrep" / "samples" / "field_reports.warc.gz"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Frontline Dispatch</title>
<meta property="og:site_name" content="Frontline Dispatch">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/video">Video</a> <a href="/login">Log in</a></nav>
<div class="promo">Advertisement</div>
<article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{paragraphs}
</article>
<aside><h3>Most read</h3><ul>
<li><a href="/a">Ten photographs that defined the year</a></li>
<li><a href="/b">How satellite images are changing war reporting</a></li>
</ul></aside>
<footer><p>Copyright 2023 Frontline Dispatch. All rights reserved.</p></footer>
</body></html>
"""

REPORTS = [
    {
        "url": "https://frontlinedispatch.example/world/2023/01/kharkiv-missile-strike",
        "date": "2023-01-21T10:15:00Z",
        "published": "2023-01-20T18:00:00+02:00",
        "title": "Missile strike on Kharkiv apartment block kills five",
        "author": "Olena Marchenko",
        "paragraphs": [
            "KHARKIV, Ukraine — A Russian missile hit a five-storey apartment block in the centre of "
            "Kharkiv on Friday afternoon, killing five people and injuring at least 16, the regional "
            "governor said.",
            "\u201cRescuers are still working at the site, and there may be more people under the "
            "rubble,\u201d the governor, Oleh Syniehubov, wrote on Telegram. He said two children were "
            "among the injured.",
            "Russia\u2019s Defence Ministry said its forces had struck \u201cmilitary infrastructure\u201d "
            "in the Kharkiv region and did not mention the apartment building.",
            "Emergency services said about 40 residents had been evacuated from neighbouring buildings "
            "because of the risk of collapse. City officials opened a shelter in a nearby school.",
        ],
    },
    {
        "url": "https://frontlinedispatch.example/world/2023/09/timbuktu-blockade",
        "date": "2023-09-08T08:00:00Z",
        "published": "2023-09-07T21:30:00+00:00",
        "title": "Attack on Niger river boat near Timbuktu kills dozens",
        "author": "Moussa Traor\u00e9",
        "paragraphs": [
            "BAMAKO, Mali — Militants attacked a passenger boat on the Niger River near the town of "
            "Gourma-Rharous on Thursday, killing 49 civilians and 15 soldiers, Mali\u2019s transitional "
            "government said.",
            "The government blamed an al-Qaida-linked group, JNIM, which has imposed a blockade on "
            "Timbuktu since August. \u201cThe terrorists opened fire with rockets on a boat carrying "
            "families,\u201d a government spokesman, Col. Abdoulaye Maiga, said in a statement read on "
            "state television.",
            "The government said around 50 attackers were killed in the army\u2019s response. The figures "
            "could not be independently verified.",
            "The U.N. said more than 33,000 people had fled the Timbuktu region since the blockade began, "
            "many of them to Mauritania.",
        ],
    },
]


def main() -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for _n, report in enumerate(REPORTS):
        paragraphs = "\n".join(f"<p>{p}</p>" for p in report["paragraphs"])
        html = PAGE.format(title=report["title"], author=report["author"], published=report["published"],
                           paragraphs=paragraphs).encode("utf-8")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                           ("Content-Length", str(len(html)))], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            report["url"], "response", payload=io.BytesIO(html), http_headers=http,
            warc_headers_dict={
                "WARC-Date": report["date"],
                "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, report['url'])}>",
            })
        writer.write_record(record)
    OUT.write_bytes(buf.getvalue())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(REPORTS)} responses)")


if __name__ == "__main__":
    main()
