"""Readers under hostile input: every case an operator hit (a record of the wrong type, a
lone surrogate, invalid UTF-8, a truncated or corrupt gzip stream, a WARC length of 20
digits, a NUL, JSON nested 100,000 deep, an over-long line) costs exactly that record: one
line naming the file and the record, no traceback, and every good record before and after
it is read and stored. Then random mutations of each input format (hypothesis): whatever
the bytes, reading yields only Articles and one-line InputErrors, and in JSONL a mutated
line costs only itself."""
from __future__ import annotations

import gzip
import io
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_backends import BACKENDS

from sitrep.errors import InputError
from sitrep.models import Article
from sitrep.readers import iter_inputs

BODY = ("Shelling hit the market in {town} on Monday, killing four civilians, rescuers said. "
        "Aid workers said about 200 families fled to nearby villages after the attack.")


def record(n: int, **extra) -> dict:
    return {"id": f"r{n}", "title": f"Shelling in town {n}", "published": f"2020-03-0{1 + n % 9}",
            "text": BODY.format(town=f"Ariha{n}"), **extra}


def line(rec: dict) -> bytes:
    return json.dumps(rec).encode() + b"\n"


def warc_bytes(pages: list[tuple[str, str]], *, gz: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, text in pages:
        html = f"<html><head><title>Report</title></head><body><article><p>{text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def split(items) -> tuple[list[Article], list[InputError]]:
    items = list(items)
    assert all(isinstance(x, (Article, InputError)) for x in items), items
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, InputError)]


def bad_warc() -> bytes:
    good = warc_bytes([("http://example.org/1", BODY.format(town="Idlib"))])
    bad = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/bad\r\n"
           b"Content-Length: 99999999999999999999\r\n\r\nshort")
    return good + bad


# (file name, content, the record the one error names, input ids of the good records read)
CASES = [
    ("title_number.jsonl", line(record(1)) + line(record(2, title=5)) + line(record(3)),
     "title_number.jsonl:2", ["r1", "r3"]),
    ("source_list.jsonl", line(record(1)) + line(record(2, source=["a"])) + line(record(3)),
     "source_list.jsonl:2", ["r1", "r3"]),
    ("bad_utf8.jsonl", line(record(1)) + b'{"id": "r2", "text": "caf\xe9 \xff\xfe"}\n' + line(record(3)),
     "bad_utf8.jsonl:2", ["r1", "r3"]),
    ("deep.jsonl", line(record(1)) + b"[" * 100_000 + b"]" * 100_000 + b"\n" + line(record(3)),
     "deep.jsonl:2", ["r1", "r3"]),
    ("deep_object.jsonl", line(record(1)) + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"\n" + line(record(3)),
     "deep_object.jsonl:2", ["r1", "r3"]),
    ("truncated.jsonl.gz", (lambda z: z[:len(z) // 2])(gzip.compress(b"".join(line(record(i)) for i in range(1, 200)))),
     "truncated.jsonl.gz:", None),
    ("garbage.jsonl.gz", b"\x1f\x8b\x08\x00" + os.urandom(64), "garbage.jsonl.gz", []),
    ("garbage_tail.jsonl.gz", gzip.compress(line(record(1)) + line(record(2))) + b"\x1f\x8bGARBAGE" * 3,
     "garbage_tail.jsonl.gz", ["r1", "r2"]),
    ("long_length.warc", bad_warc(), "long_length.warc", ["http://example.org/1"]),
    ("not_object.jsonl", line(record(1)) + b"[1, 2]\n" + line(record(3)), "not_object.jsonl:2", ["r1", "r3"]),
    ("no_text.jsonl", line(record(1)) + b'{"id": "r2", "text": 7}\n' + line(record(3)), "no_text.jsonl:2",
     ["r1", "r3"]),
]


@pytest.mark.parametrize("name, content, where, good", CASES, ids=[c[0] for c in CASES])
def test_a_bad_record_costs_only_itself(tmp_path, name, content, where, good):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "zz_after.txt").write_text("Report after\n\n" + BODY.format(town="Binnish"), encoding="utf-8")
    arts, errs = split(iter_inputs([str(tmp_path)]))
    assert len(errs) == 1, [str(e) for e in errs]
    msg = str(errs[0])
    assert where in msg and "\n" not in msg and "Traceback" not in msg, msg
    assert arts[-1].path.endswith("zz_after.txt")  # the next file is still read
    got = [a.input_id or a.url for a in arts[:-1]]
    if good is None:  # a truncated stream: every record before the break, in order
        assert got == [f"r{i}" for i in range(1, len(got) + 1)] and len(got) > 50
    else:
        assert got == good


def test_an_over_long_line_is_skipped_while_reading(tmp_path):
    big = json.dumps(record(2, text="x " * 60_000)).encode() + b"\n"
    (tmp_path / "long.jsonl").write_bytes(line(record(1)) + big + line(record(3)))
    arts, errs = split(iter_inputs([str(tmp_path / "long.jsonl")], max_bytes=50_000))
    assert [a.input_id for a in arts] == ["r1", "r3"]
    assert len(errs) == 1 and "long.jsonl:2" in str(errs[0]) and "limit" in str(errs[0])


def test_unstorable_characters_are_normalised_the_same_for_every_backend(tmp_path):
    from sitrep.clean import clean_article

    rec = record(1, text=BODY.format(town="Ariha") + " \ud800 and \x00 end", title="T\x00itle \udfff")
    (tmp_path / "odd.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    arts, errs = split(iter_inputs([str(tmp_path / "odd.jsonl")]))
    assert not errs
    art = clean_article(arts[0])
    assert "\x00" not in art.text + art.title and "\ufffd" in art.text and "\ufffd" in art.title
    assert len(art.text) == len(rec["text"])  # one character for one: offsets still point right
    art.text.encode("utf-8")  # storable as UTF-8


@pytest.fixture(params=BACKENDS)
def store_target(request, tmp_path):
    """An empty store on each backend (PostgreSQL: a throwaway database, or a skip)."""
    if request.param == "sqlite":
        return str(tmp_path / "fuzz.db")
    return request.getfixturevalue("pg_url")


def test_ingest_stores_every_good_record_around_the_bad_ones(tmp_path, store_target):
    from sitrep.ingest import ingest
    from sitrep.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for name, content, _where, _good in CASES:
        if name.endswith(".jsonl") and not name.startswith("deep"):
            (folder / name).write_bytes(content)
    nul = record(9, text=BODY.format(town="Saraqib") + " a NUL \x00 here and a lone \ud800 surrogate")
    (folder / "odd.jsonl").write_text(json.dumps(nul) + "\n", encoding="utf-8")
    errors: list[str] = []
    with Store(store_target) as store:
        rep = ingest([str(folder)], store, on_error=errors.append)
        stored = {a["input_id"] for a in store.articles(limit=100)}
        text = store.article(next(a["id"] for a in store.articles(limit=100) if a["input_id"] == "r9"))["text"]
    assert stored == {"r1", "r3", "r9"}  # r1/r3 repeat across files: one article each, several sightings
    assert rep.failed == len(errors) == 5 and all("\n" not in e for e in errors)
    assert "\x00" not in text and "\ufffd a NUL" not in text and "\ufffd here" in text


# ---------------------------------------------------------------------------- random mutations

def _jsonl(n: int = 4) -> bytes:
    return b"".join(line(record(i)) for i in range(1, n + 1))


SEEDS = {
    "report.txt": ("Shelling in Ariha\n\n" + BODY.format(town="Ariha")).encode(),
    "page.html": (b"<html><head><title>Shelling</title></head><body><article><p>"
                  + BODY.format(town="Ariha").encode() + b"</p></article></body></html>"),
    "feed.xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                 + b"".join(b"<item><title>Item %d</title><description>" % i + BODY.format(town=f"T{i}").encode()
                            + b"</description><pubDate>Mon, 02 Mar 2020 10:00:00 GMT</pubDate></item>"
                            for i in range(3)) + b"</channel></rss>"),
    "archive.warc": warc_bytes([(f"http://example.org/{i}", BODY.format(town=f"W{i}")) for i in range(3)]),
    "archive.warc.gz": warc_bytes([(f"http://example.org/{i}", BODY.format(town=f"W{i}")) for i in range(3)],
                                  gz=True),
    "records.jsonl": _jsonl(),
    "records.jsonl.gz": gzip.compress(_jsonl()),
}

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.integers(0, 0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=40)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 200)),
)


def mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for op, at, arg in ops:
        at = at % (len(buf) + 1)
        if op == "flip" and at < len(buf):
            buf[at] ^= arg
        elif op == "cut":
            del buf[at:]
        elif op == "insert":
            buf[at:at] = arg
        elif op == "delete":
            del buf[at:at + arg]
    return bytes(buf)


FUZZ = settings(max_examples=int(os.environ.get("SITREP_FUZZ_EXAMPLES", "60")), deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(SEEDS))
@FUZZ
@given(ops=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_inputs_never_raise(tmp_path, name, ops):
    from sitrep.pipeline import prepare

    path = tmp_path / name
    path.write_bytes(mutate(SEEDS[name], ops))
    errors: list[InputError] = []
    cleaned = list(prepare(iter_inputs([str(path)]), on_error=errors.append))
    assert all(isinstance(a, Article) for a in cleaned)
    for e in errors:
        assert name in str(e) and "\n" not in str(e)
    for a in cleaned:
        (a.text + a.title + (a.source or "")).encode("utf-8")  # every field storable


@FUZZ
@given(n=st.integers(0, 3), ops=st.lists(mutation, min_size=1, max_size=4))
def test_a_mutated_jsonl_line_costs_only_that_line(tmp_path, n, ops):
    lines = [line(record(i)) for i in range(1, 5)]
    bad = mutate(lines[n].rstrip(b"\n"), ops).replace(b"\n", b" ").replace(b"\r", b" ")
    lines[n] = bad + b"\n"
    path = tmp_path / "one_bad_line.jsonl"
    path.write_bytes(b"".join(lines))
    arts, errs = split(iter_inputs([str(path)]))
    others = [f"r{i}" for i in range(1, 5) if i != n + 1]
    assert [a.input_id for a in arts if a.input_id in others] == others
    assert len(errs) <= 1 and all(f"one_bad_line.jsonl:{n + 1}" in str(e) for e in errs)
