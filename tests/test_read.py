"""The read stage: every input format, metadata precedence, folders, globs, stdin, streaming."""
from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from sitrep.errors import ConfigError, InputError
from sitrep.models import Article
from sitrep.readers import SORT_LIMIT, article_from_record, iter_inputs, parse_published, read_path

SAMPLES = Path(__file__).resolve().parents[1] / "sitrep" / "samples"

REPORT = ("Shelling kills six in Maarat al-Numan, rescuers say\n\n"
          "MAARAT AL-NUMAN, Syria — Government shelling killed six civilians in Maarat al-Numan on "
          "Thursday, rescuers said, as thousands of families packed their belongings and headed north.\n\n"
          "\"The shells fell on the vegetable market at noon,\" said a rescue worker in the town.\n")

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Flooding displaces 2,000 in Beledweyne | River Post</title>
<meta name="author" content="Hodan Ali">
<meta property="article:published_time" content="2023-11-06T08:00:00Z">
<meta property="og:site_name" content="River Post"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Flooding displaces 2,000 in Beledweyne</h1>
<p>BELEDWEYNE, Somalia — Floodwaters from the Shabelle river swept through low-lying districts of
Beledweyne on Sunday, forcing about 2,000 families to leave their homes, local officials said.</p>
<p>"The water rose by almost a metre overnight," the district commissioner told reporters on Monday.
Aid agencies said they were sending boats and emergency shelter kits to the town.</p>
<p>The regional administration said two people had drowned and appealed for help from the federal
government and international donors.</p></article>
<aside><h2>Related</h2><ul><li><a href="/x">Drought talks open in Nairobi</a></li></ul></aside>
<footer>Copyright 2023 River Post</footer></body></html>"""

FEED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Field Notes</title>
  <id>urn:example:field-notes</id>
  <updated>2022-06-02T10:00:00Z</updated>
  <entry>
    <title>Clashes in Tigray border town leave 12 dead</title>
    <link href="https://fieldnotes.example/tigray-clashes"/>
    <id>urn:example:1</id>
    <published>2022-06-01T09:00:00Z</published>
    <author><name>Selam Tesfaye</name></author>
    <content type="html">&lt;p&gt;Fighting broke out on Tuesday in a town on the border of Tigray, killing 12 people, residents said.&lt;/p&gt;&lt;p&gt;Hundreds of families fled toward Shire.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Aid convoy reaches Mekelle</title>
    <link href="https://fieldnotes.example/mekelle-convoy"/>
    <id>urn:example:2</id>
    <updated>2022-06-02T09:00:00Z</updated>
    <summary>A convoy of 40 trucks carrying food reached Mekelle on Wednesday, the World Food Programme said.</summary>
  </entry>
</feed>"""


def articles(items) -> list[Article]:
    items = list(items)
    errors = [x for x in items if isinstance(x, InputError)]
    assert not errors, [str(e) for e in errors]
    return items


def test_plain_text_file_is_one_article_with_path(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text(REPORT, encoding="utf-8")
    [art] = articles(iter_inputs([str(f)]))
    assert art.path == str(f)
    assert "vegetable market" in art.text
    assert art.published is None


def test_html_page_gives_title_author_date_and_body_without_navigation(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    [art] = articles(iter_inputs([str(f)]))
    assert art.title == "Flooding displaces 2,000 in Beledweyne"
    assert art.authors == ["Hodan Ali"]
    assert art.published == "2023-11-06"
    assert art.source == "River Post"
    assert "2,000 families" in art.text
    assert "Drought talks" not in art.text and "Home" not in art.text.split("\n")[0]
    assert not art.text.startswith("Flooding displaces")  # headline kept once, as title


def test_atom_feed_gives_one_article_per_entry(tmp_path):
    f = tmp_path / "notes.atom"
    f.write_text(FEED_ATOM, encoding="utf-8")
    arts = articles(iter_inputs([str(f)]))
    assert [a.title for a in arts] == ["Clashes in Tigray border town leave 12 dead", "Aid convoy reaches Mekelle"]
    assert arts[0].published == "2022-06-01" and arts[1].published == "2022-06-02"
    assert arts[0].url == "https://fieldnotes.example/tigray-clashes"
    assert arts[0].authors == ["Selam Tesfaye"]
    assert arts[0].source == "Field Notes"
    assert arts[0].text.split("\n") == ["Fighting broke out on Tuesday in a town on the border of Tigray, "
                                        "killing 12 people, residents said.", "Hundreds of families fled toward Shire."]
    assert "40 trucks" in arts[1].text


def test_bundled_rss_feed_has_three_dated_entries():
    arts = articles(iter_inputs([str(SAMPLES / "crisis_wire_feed.xml")]))
    assert len(arts) == 3
    assert all(a.published and a.url and a.title and a.authors for a in arts)


def test_bundled_warc_gives_html_responses_with_url_and_date():
    arts = articles(iter_inputs([str(SAMPLES / "field_reports.warc.gz")]))
    assert [a.url for a in arts] == [
        "https://frontlinedispatch.example/world/2023/01/kharkiv-missile-strike",
        "https://frontlinedispatch.example/world/2023/09/timbuktu-blockade"]
    assert arts[0].title == "Missile strike on Kharkiv apartment block kills five"
    assert arts[0].published == "2023-01-20"  # the page's own date beats the crawl date
    assert "Most read" not in arts[0].text and "Copyright" not in arts[0].text


def test_warc_date_is_used_when_the_page_has_none(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = ("<html><body><article><p>" + "Fighting in the outskirts of Marib killed four fighters on "
            "Monday, a local official said. " * 4 + "</p></article></body></html>").encode()
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    writer.write_record(writer.create_warc_record(
        "https://example.org/marib", "response", payload=io.BytesIO(html),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": "2021-02-15T12:00:00Z"}))
    writer.write_record(writer.create_warc_record(
        "https://example.org/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")))
    f = tmp_path / "crawl.warc"
    f.write_bytes(buf.getvalue())
    [art] = articles(iter_inputs([str(f)], published="2000-01-01"))
    assert art.published == "2021-02-15"
    assert art.url == "https://example.org/marib"


def test_jsonl_records_keep_id_and_fields_and_gzip_works(tmp_path):
    records = [
        {"id": "r1", "title": "Raid on camp", "text": "Gunmen raided a camp near Maiduguri on Friday.",
         "published": "2019-07-05", "source": "Lake Chad Wire", "url": "https://x.example/1"},
        {"id": 2, "html": "<p>Police fired tear gas at protesters in Khartoum on Sunday, witnesses said.</p>"},
    ]
    body = "\n".join(json.dumps(r) for r in records) + "\n"
    plain, zipped = tmp_path / "in.jsonl", tmp_path / "in.jsonl.gz"
    plain.write_text(body, encoding="utf-8")
    zipped.write_bytes(gzip.compress(body.encode()))
    for f in (plain, zipped):
        a, b = articles(iter_inputs([str(f)], source="Fallback News"))
        assert (a.input_id, a.title, a.published, a.source, a.url) == (
            "r1", "Raid on camp", "2019-07-05", "Lake Chad Wire", "https://x.example/1")
        assert a.text == "Gunmen raided a camp near Maiduguri on Friday."
        assert b.input_id == "2" and "tear gas" in b.text and b.source == "Fallback News"


def test_jsonl_text_stays_verbatim_and_untitled_record_gets_headline_as_title():
    text = "Militants storm hotel in Mogadishu\nGunmen stormed a hotel in Mogadishu late on Friday, police said."
    art = article_from_record({"id": "x", "text": text})
    assert art.text == text  # corpus offsets point into the text: nothing is taken off it
    assert art.title == "Militants storm hotel in Mogadishu"


def test_caller_metadata_fills_only_what_the_input_lacks(tmp_path):
    dated = tmp_path / "dated.txt"
    dated.write_text("Protest in Bamako\n\nPublished: 5 June 2020\n\nThousands marched in Bamako on Friday.\n")
    undated = tmp_path / "undated.txt"
    undated.write_text(REPORT)
    by_name = {Path(a.path).name: a for a in articles(iter_inputs([str(tmp_path)], published="2016-12-07",
                                                                  source="Desk"))}
    assert by_name["dated.txt"].published == "2020-06-05"
    assert "Published:" not in by_name["dated.txt"].text
    assert by_name["undated.txt"].published == "2016-12-07"
    assert by_name["undated.txt"].source == "Desk"


def test_wire_dateline_date_is_the_publication_date(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text("Curfew imposed in Jos\n\nJOS, Nigeria, 12 July 2018 — Authorities imposed a curfew on Jos.\n")
    [art] = articles(iter_inputs([str(f)], published="2016-12-07"))
    assert art.published == "2018-07-12"
    assert art.text.startswith("Curfew imposed in Jos")  # the dateline stays in the body


def test_folder_is_walked_recursively_in_name_order_skipping_hidden(tmp_path):
    for rel in ("b/2.txt", "b/1.txt", "a.txt", "c/d/e.txt", ".hidden/x.txt", ".DS_Store"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Report {rel}\n\nSomething happened in Goma on Monday, officials said.\n")
    got = [Path(a.path).relative_to(tmp_path).as_posix() for a in articles(iter_inputs([str(tmp_path)]))]
    assert got == ["a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt"]


def test_linked_folder_loop_does_not_hang(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_text("Report title here\n\nText about Mosul, officials said.\n")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    got = [Path(a.path).name for a in articles(iter_inputs([str(tmp_path)]))]
    assert got == ["r.txt"]


def test_glob_expands_sorted_and_unmatched_glob_is_an_error(tmp_path):
    for name in ("z.txt", "m.txt", "skip.html"):
        (tmp_path / name).write_text("Title line here\n\nText of a report about Kabul, officials said.\n")
    got = [Path(a.path).name for a in articles(iter_inputs([str(tmp_path / "*.txt")]))]
    assert got == ["m.txt", "z.txt"]
    [err] = list(iter_inputs([str(tmp_path / "*.pdf")]))
    assert isinstance(err, InputError) and "no file matches" in str(err)


def test_folder_expansion_is_lazy(tmp_path, monkeypatch):
    """The first article comes out before later files are even opened."""
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Report {i}\n\nText about Juba number {i}, officials said.\n")
    it = iter_inputs([str(tmp_path)])
    first = next(it)
    assert Path(first.path).name == "0.txt"
    (tmp_path / "4.txt").unlink()  # still not read: the iterator reports it missing, not stale text
    rest = list(it)
    assert [Path(x.path).name for x in rest[:3]] == ["1.txt", "2.txt", "3.txt"]
    assert isinstance(rest[3], InputError) and "4.txt" in str(rest[3])


def test_huge_folder_streams_without_sorting_everything(tmp_path, monkeypatch):
    import sitrep.readers as read

    monkeypatch.setattr(read, "SORT_LIMIT", 3)
    for i in range(8):
        (tmp_path / f"{i:02d}.txt").write_text(f"Report {i}\n\nText about Bor number {i}, officials said.\n")
    names = sorted(Path(a.path).name for a in articles(iter_inputs([str(tmp_path)])))
    assert names == [f"{i:02d}.txt" for i in range(8)] and SORT_LIMIT >= 10_000


def test_stdin_is_read_and_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    [art] = articles(iter_inputs(["-"]))
    assert art.title == "Flooding displaces 2,000 in Beledweyne" and art.path == "<stdin>"


def test_unknown_extension_is_sniffed_as_html_or_text(tmp_path):
    (tmp_path / "page.php").write_text(PAGE)
    (tmp_path / "note.md").write_text(REPORT)
    by_name = {Path(a.path).name: a for a in articles(iter_inputs([str(tmp_path)]))}
    assert by_name["page.php"].title == "Flooding displaces 2,000 in Beledweyne"
    assert "vegetable market" in by_name["note.md"].text


def test_legacy_encodings_are_decoded(tmp_path):
    text = "Les réfugiés ont quitté Alep — the army’s “offensive” continued on Monday in Aleppo, officials said.\n"
    (tmp_path / "cp1252.txt").write_bytes(("Army advances in Aleppo\n\n" + text * 5).encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(("Army advances in Aleppo\n\n" + text).encode("utf-8-sig"))
    (tmp_path / "utf16.txt").write_bytes(("Army advances in Aleppo\n\n" + text).encode("utf-16"))
    for art in articles(iter_inputs([str(tmp_path)])):
        assert "army’s “offensive”" in art.text and not art.text.startswith("\ufeff"), art.path


@pytest.mark.parametrize("value,iso", [
    ("2016-12-07", "2016-12-07"),
    ("2016-12-07T23:10:00Z", "2016-12-07"),
    ("2016/12/07", "2016-12-07"),
    ("7 December 2016", "2016-12-07"),
    ("Dec 7, 2016", "2016-12-07"),
])
def test_parse_published_normalises_to_iso(value, iso):
    assert parse_published(value) == iso


@pytest.mark.parametrize("value", ["2016-13-45", "tomorrow-ish", "12/07/2016", "0001-01-01", ""])
def test_parse_published_rejects_bad_dates_clearly(value):
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        parse_published(value)
    with pytest.raises(InputError, match=r"^f\.jsonl:3: invalid published date"):
        parse_published(value, path="f.jsonl:3")


def test_read_path_raises_on_bad_input_or_skips(tmp_path):
    (tmp_path / "ok.txt").write_text(REPORT)
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match="empty"):
        list(read_path(tmp_path))
    assert len(list(read_path(tmp_path, errors="skip"))) == 1
