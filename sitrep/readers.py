"""Read stage: files, folders, globs and stdin in; one `Article` per report out.

`iter_inputs(specs)` is the entry point. It expands each spec (a file, a folder walked
recursively in name order, a glob, or "-" for stdin) lazily, so a folder of millions of
files streams in bounded memory, and dispatches on the file name:

    .txt                  plain text (the first line is the headline: see clean.py)
    .html .htm            one page through trafilatura (title, author, date, body)
    .xml .rss .atom       an RSS/Atom feed through feedparser, one Article per entry
    .warc .warc.gz        a web archive through warcio, one Article per HTML response
    .jsonl .jsonl.gz      one record a line: id, text or html, title, published, source, url
                          (`text` is kept verbatim: Article.keep_offsets)
    anything else         sniffed: gzip, WARC, JSONL, feed, HTML, else plain text

Bad inputs never raise out of the iterator: an `InputError` is *yielded* in place of the
article, its message one line naming the file and the problem, so the caller reports it
and carries on with the next input. Metadata given by the caller (`published`, `source`)
only fills what the input itself lacks.
"""
from __future__ import annotations

import codecs
import datetime as dt
import glob
import gzip
import io
import json
import os
import re
import struct
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import IO

from .config import settings
from .errors import ConfigError, InputError
from .models import Article

FEED_EXTENSIONS = (".xml", ".rss", ".atom")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
WARC_EXTENSIONS = (".warc", ".warc.gz")
JSONL_EXTENSIONS = (".jsonl", ".jsonl.gz", ".ndjson")
TEXT_EXTENSIONS = (".txt", ".text")

# A folder is walked in name order; a single directory with more entries than this is
# streamed in the order the file system returns them instead (sorting would hold every
# name in memory at once).
SORT_LIMIT = 100_000
# Bytes looked at to sniff a format or spot a binary file.
SNIFF_BYTES = 8192

_GLOB_CHARS = re.compile(r"[*?\[]")
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|title)[\s>]", re.I)
_FEED_SNIFF = re.compile(rb"<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_BINARY_MAGIC = {
    b"%PDF-": "a PDF document: convert it to text first (e.g. pdftotext) and pass the .txt",
    b"PK\x03\x04": "a ZIP archive (or a Word/ODF document): unpack or convert it to text first",
    b"\x89PNG": "a PNG image, not a report",
    b"\xff\xd8\xff": "a JPEG image, not a report",
    b"GIF8": "a GIF image, not a report",
}
_DATE_NUMERIC = re.compile(r"^\D*(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})(?!\d)")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WRITTEN_DATE = re.compile(rf"\b(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}})\b")
_MONTHS = {m: i for i, m in enumerate(("jan feb mar apr may jun jul aug sep oct nov dec").split(), 1)}
_SLASH_DATE = re.compile(r"^\D{0,20}\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_FULL_DATE = (rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")
# "Published: 12 March 2024" header lines of text exports (cut from the body: metadata)
_DATE_HEADER = re.compile(rf"^(?:published|posted|date|dated|updated)\s*(?:on)?\s*:?\s*(?P<date>{_FULL_DATE})"
                          rf"[^\n]{{0,40}}$", re.I | re.M)
# A wire dateline carrying a full date: "EL FASHER, Sudan, 14 May 2024 —", "Edmonton, Ky.
# (November 28, 2016) –" (kept in the body: it is the first sentence's place and time).
_DATELINE_DATE = re.compile(rf"^[A-Z][\w.'’ -]{{1,40}}(?:,[\w.'’ -]{{1,30}})?,?\s*\(?(?P<date>{_FULL_DATE})\)?"
                            rf"\s*(?:\([A-Z][\w ]{{1,20}}\)\s*)?[—–-]", re.M)


# ---------------------------------------------------------------------------- dates

def parse_published(value: str, path: str | None = None) -> str:
    """Normalise a publication date to ISO `YYYY-MM-DD`.

    Accepts ISO dates and datetimes ("2016-12-07", "2016-12-07T10:00:00Z"), numeric
    year-month-day in other separators ("2016/12/07") and written dates ("7 December
    2016", "Dec 7, 2016"). Raises `InputError` naming `path` when one is given (a date
    read from an input), else `ConfigError` (a date given as an option).
    """
    text = str(value).strip()
    parsed: dt.date | None = None
    problem = "give it as YYYY-MM-DD (e.g. 2016-12-07)"
    if text:
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            parsed = None
        if parsed is None and (m := _DATE_NUMERIC.match(text)):
            parsed = _ymd(int(m[1]), int(m[2]), int(m[3]))
        if parsed is None and (m := _WRITTEN_DATE.search(text)):
            parsed = _written_date(m.group(0))
        if parsed is None and (m := _SLASH_DATE.search(text)):
            a, b, year = int(m[1]), int(m[2]), int(m[3])
            if a > 12 >= b:
                parsed = _ymd(year, b, a)
            elif b > 12 >= a:
                parsed = _ymd(year, a, b)
            elif a <= 12 and b <= 12 and a != b:
                problem = "ambiguous day and month: give it as YYYY-MM-DD (e.g. 2016-12-07)"
            else:
                parsed = _ymd(year, a, b)
        if parsed is None and not problem.startswith("ambiguous") and re.search(r"[A-Za-z]{3}", text) \
                and re.search(r"\d", text):
            parsed = _dateparser_date(text)
    if parsed is not None and 1800 <= parsed.year <= dt.date.today().year + 1:
        return parsed.isoformat()
    problem = f"invalid published date {text!r}: {problem}"
    if path is not None:
        raise InputError(path, problem)
    raise ConfigError(problem)


def _ymd(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _written_date(text: str) -> dt.date | None:
    """ "Nov 22, 2016", "22 November 2016", "Sept. 3 2016" without dateparser."""
    words = re.sub(r"[.,]", " ", text).split()
    if words[0].isdigit():
        words = [words[1], words[0], words[2]]
    month = _MONTHS.get(words[0][:3].lower())
    return _ymd(int(words[2]), month, int(words[1])) if month else None


def _dateparser_date(text: str) -> dt.date | None:
    import dateparser  # slow to import: only for written-out dates

    found = dateparser.parse(text, settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    return found.date() if found else None


def _lenient_date(value) -> str | None:
    """A date read from page/feed/archive metadata: normalised, or None when unusable
    (a wrong date in someone's markup is not the user's mistake)."""
    if not value:
        return None
    try:
        return parse_published(value, path="")
    except InputError:
        return None


# ---------------------------------------------------------------------------- articles

def article_from_text(text, *, published=None, source=None, title=None, url=None, input_id=None,
                      path=None) -> Article:
    """A report given as plain text. The headline, when `title` is not given, is taken
    off the first line by `clean.clean_article`."""
    return Article(title=title or "", text=text, published=published, source=source, url=url,
                   input_id=input_id, path=path)


def text_file_article(text: str, *, published=None, source=None, path=None) -> Article:
    """A plain-text report file: the publication date is read from a "Published: ..."
    header line (then cut) or the wire dateline of the first lines; the caller's date
    only fills in when the file states none."""
    head = text[:1500]
    own_date = None
    m = _DATE_HEADER.search(head)
    if m and m.group("date"):
        own_date = _lenient_date(m.group("date"))
        if own_date:
            text = text[:m.start()] + text[m.end():].lstrip("\n") if m.start() == 0 else \
                text[:m.start()].rstrip("\n") + "\n\n" + text[m.end():].lstrip("\n")
    if not own_date:
        m = _DATELINE_DATE.search(head)
        if m:
            own_date = _lenient_date(m.group("date"))
    return article_from_text(text, published=own_date or published, source=source, path=path)


def article_from_html(html: str, *, published=None, source=None, title=None, url=None, input_id=None,
                      path=None) -> Article | InputError:
    """A web page: trafilatura keeps the article body and reads title, author and date."""
    import trafilatura

    name = path or url or input_id
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # trafilatura/lxml raise a zoo of parser errors on bad markup
        doc = None
        fallback_reason = f"{type(exc).__name__}"
    else:
        fallback_reason = "no article found"
    body = (doc.text or "").strip() if doc is not None else ""
    page_title = (doc.title or "").strip() if doc is not None else ""
    if not body:
        body = html_fragment_to_text(html)
        page_title = page_title or _html_title(html)
    if not body:
        return InputError(name, f"HTML page has no readable text ({fallback_reason}): is it an article page?")
    title = title or page_title
    body = _drop_repeated_title(body, title)
    authors = _split_authors(doc.author) if doc is not None and doc.author else []
    site = (doc.sitename or doc.hostname) if doc is not None else None
    return Article(title=title or "", text=body, authors=authors,
                   published=published or _lenient_date(doc.date if doc is not None else None),
                   source=source or site, url=url or (doc.url if doc is not None else None),
                   input_id=input_id, path=path)


_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
               "section", "article", "pre", "dd", "dt", "figcaption", "table")
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "select")


def html_fragment_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry, a page trafilatura gave up on), one block
    element a paragraph; scripts, styles, navigation and footers dropped."""
    import lxml.etree
    import lxml.html

    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in list(root.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    text = root.text_content()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _html_title(html: str) -> str:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    return " ".join(m[1].split()) if m else ""


def _drop_repeated_title(body: str, title: str | None) -> str:
    """Pages repeat the headline as the first line of the body: keep it once, as title."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if _squash(first) == _squash(title) and rest.strip():
        return rest.lstrip("\n")
    return body


def _squash(s: str) -> str:
    return re.sub(r"\W+", "", s).lower()


def _split_authors(value: str) -> list[str]:
    parts = re.split(r"\s*(?:;|\||,|\band\b|&)\s*", value)
    return [p.strip() for p in parts if p.strip() and len(p.split()) <= 5]


# ---------------------------------------------------------------------------- decoding

def decode_bytes(data: bytes, name: str, *, html: bool = False) -> str | InputError:
    """Bytes to text: UTF-8 (with or without BOM), a UTF-16/32 BOM, a declared HTML
    charset, then charset detection. Binary data and undecodable bytes become errors."""
    if not data.strip():
        return InputError(name, "empty file: nothing to read")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked_text(data.decode(enc), name)
            except UnicodeDecodeError:
                return InputError(name, f"undecodable bytes: starts with a {enc} byte-order mark but is not {enc}")
    head = data[:SNIFF_BYTES]
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return InputError(name, f"binary file: {what}")
    if b"\x00" in head:
        return InputError(name, "binary file (contains NUL bytes): not a text report")
    try:
        return _checked_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET.search(head)
        if m:
            try:
                return _checked_text(data.decode(m[1].decode("ascii")), name)
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        try:
            return _checked_text(data.decode(best.encoding), name)
        except (LookupError, UnicodeDecodeError):
            pass
    return InputError(name, "undecodable bytes: not UTF-8 and no other text encoding fits; "
                            "re-save the file as UTF-8")


def _checked_text(text: str, name: str) -> str | InputError:
    if not text.strip():
        return InputError(name, "empty file: only whitespace")
    sample = text[:SNIFF_BYTES]
    bad = len(_CONTROL_CHARS.findall(sample))
    if bad > max(2, len(sample) // 100):
        return InputError(name, "binary or garbled file: too many control characters to be text")
    return text


# ---------------------------------------------------------------------------- expansion

def _display(path: str | os.PathLike) -> str:
    return os.fspath(path)


def expand_specs(specs: Iterable[str]) -> Iterator[str | InputError]:
    """Paths of the files named by `specs` (files, folders, globs, "-"), lazily."""
    for spec in specs:
        spec = os.fspath(spec)
        if spec == "-":
            yield "-"
        elif os.path.isdir(spec):
            yield from _walk(spec)
        elif os.path.lexists(spec):
            yield spec
        elif _GLOB_CHARS.search(spec):
            matched = False
            for hit in sorted(glob.iglob(spec, recursive=True)):
                matched = True
                yield from (_walk(hit) if os.path.isdir(hit) else (hit,))
            if not matched:
                yield InputError(spec, "no file matches this pattern")
        else:
            yield InputError(spec, "no such file or folder: check the path")


def _walk(top: str) -> Iterator[str | InputError]:
    """Every file under `top`, depth first, entries in name order; hidden files and
    folders (".git", ".DS_Store") skipped. One directory listing is held per level."""
    stack: list[Iterator[os.DirEntry]] = []
    try:
        stack.append(_listing(top))
    except OSError as exc:
        yield InputError(top, f"cannot list folder: {exc.strerror or exc}")
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            if is_dir and entry.is_symlink():
                continue  # linked folders are not followed (a link loop would never end)
        except OSError:
            is_dir = False
        if is_dir:
            try:
                stack.append(_listing(entry.path))
            except OSError as exc:
                yield InputError(entry.path, f"cannot list folder: {exc.strerror or exc}")
        else:
            yield entry.path


def _listing(folder: str) -> Iterator[os.DirEntry]:
    it = os.scandir(folder)
    first: list[os.DirEntry] = []
    for entry in it:
        first.append(entry)
        if len(first) > SORT_LIMIT:  # too many to sort in memory: stream the rest as listed
            return _chain_close(first, it)
    it.close()
    first.sort(key=lambda e: e.name)
    return iter(first)


def _chain_close(first: list, it) -> Iterator[os.DirEntry]:
    try:
        yield from first
        first.clear()
        yield from it
    finally:
        it.close()


# ---------------------------------------------------------------------------- dispatch

def iter_inputs(specs: list[str], *, published: str | None = None, source: str | None = None,
                max_bytes: int | None = None) -> Iterator[Article | InputError]:
    """Articles (or InputErrors, yielded not raised) for every input named by `specs`."""
    specs = [specs] if isinstance(specs, (str, os.PathLike)) else list(specs)
    if published is not None:
        try:
            published = parse_published(published)
        except ConfigError:
            for spec in specs or ["-"]:
                yield InputError(os.fspath(spec), f"not read: invalid --published date {published!r}; "
                                                  "give it as YYYY-MM-DD (e.g. 2016-12-07)")
            return
    limit = settings().max_bytes if max_bytes is None else max_bytes
    for path in expand_specs(specs):
        if isinstance(path, InputError):
            yield path
            continue
        try:
            yield from _read_one(path, published=published, source=source, max_bytes=limit)
        except InputError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001 - a reader bug must cost this file, never the run
            yield InputError(_display(path), f"could not be read ({_why(exc)}): skipped")


def read_path(path, *, published=None, source=None, max_bytes=None, errors: str = "raise") -> Iterator[Article]:
    """Articles of one path (file, folder, glob or "-"). With errors="raise" (the default)
    the first bad input raises its InputError; with errors="skip" bad inputs are skipped."""
    for item in iter_inputs([os.fspath(path)], published=published, source=source, max_bytes=max_bytes):
        if isinstance(item, InputError):
            if errors == "raise":
                raise item
            continue
        yield item


def _kind_of(name: str) -> str | None:
    low = name.lower()
    for kind, exts in (("warc", WARC_EXTENSIONS), ("jsonl", JSONL_EXTENSIONS), ("feed", FEED_EXTENSIONS),
                       ("html", HTML_EXTENSIONS), ("text", TEXT_EXTENSIONS)):
        if low.endswith(exts):
            return kind
    return None


def _sniff(head: bytes) -> str:
    start = head.lstrip()[:512]
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        line = head.lstrip().split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(line), dict):
                return "jsonl"
        except (ValueError, RecursionError):
            pass
    if _FEED_SNIFF.search(head[:2048]):
        return "feed"
    if _HTML_SNIFF.search(head[:4096]):
        return "html"
    return "text"


def _read_one(path: str, *, published, source, max_bytes) -> Iterator[Article | InputError]:
    if path == "-":
        name = "<stdin>"
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield InputError(name, f"input larger than the {_mb(max_bytes)} limit: split it or raise SITREP_MAX_BYTES")
            return
        kind = _sniff(_gunzip_head(data))
        try:
            if data[:2] == b"\x1f\x8b" and kind not in ("warc", "jsonl"):
                data = _gunzip(data, max_bytes, name)
            yield from _read_bytes(data, name, kind, published=published, source=source, max_bytes=max_bytes)
        except InputError as exc:
            yield exc
        return
    name = _display(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        yield InputError(name, "no such file (broken link?): check the path")
        return
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
        return
    if not os.path.isfile(path):
        yield InputError(name, "not a regular file (device, socket or pipe): give a file or folder")
        return
    kind = _kind_of(name)
    streaming = kind in ("warc", "jsonl")  # containers: the size limit applies per record
    if st.st_size == 0:
        yield InputError(name, "empty file: nothing to read")
        return
    if not streaming and st.st_size > max_bytes:
        yield InputError(name, f"file too large ({_mb(st.st_size)} > {_mb(max_bytes)} limit): "
                               "is it really one report? raise SITREP_MAX_BYTES to accept it")
        return
    try:
        fh = open(path, "rb")
    except PermissionError:
        yield InputError(name, "permission denied: make the file readable (chmod +r) or run as its owner")
        return
    except OSError as exc:
        yield InputError(name, f"cannot open: {exc.strerror or exc}")
        return
    with fh:
        try:
            if kind is None:
                head = fh.read(SNIFF_BYTES)
                fh.seek(0)
                kind = _sniff(_gunzip_head(head))
                if kind in ("warc", "jsonl"):
                    streaming = True
                elif st.st_size > max_bytes:
                    yield InputError(name, f"file too large ({_mb(st.st_size)} > {_mb(max_bytes)} limit)")
                    return
            if streaming:
                reader = _read_warc if kind == "warc" else _read_jsonl
                yield from reader(fh, name, published=published, source=source, max_bytes=max_bytes)
            else:
                data = fh.read(max_bytes + 1)
                if data[:2] == b"\x1f\x8b":
                    data = _gunzip(data, max_bytes, name)
                yield from _read_bytes(data, name, kind, published=published, source=source,
                                       max_bytes=max_bytes)
        except InputError as exc:
            yield exc
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(name, f"read failed ({_why(exc)})")


def _read_bytes(data: bytes, name: str, kind: str, *, published, source, max_bytes) -> Iterator[Article | InputError]:
    if kind in ("warc", "jsonl"):
        reader = _read_warc if kind == "warc" else _read_jsonl
        yield from reader(io.BytesIO(data), name, published=published, source=source, max_bytes=max_bytes)
        return
    if kind == "feed":
        yield from _read_feed(data, name, published=published, source=source)
        return
    text = decode_bytes(data, name, html=kind == "html")
    if isinstance(text, InputError):
        yield text
    elif kind == "html":
        yield _guarded(name, article_from_html, text, published=published, source=source, path=name)
    else:
        yield text_file_article(text, published=published, source=source, path=name)


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


def _gunzip_head(head: bytes) -> bytes:
    if head[:2] != b"\x1f\x8b":
        return head
    try:
        return gzip.GzipFile(fileobj=io.BytesIO(head)).read(SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return head


def _gunzip(data: bytes, max_bytes: int, name: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(name, f"corrupt gzip data ({_why(exc)})") from None
    if len(out) > max_bytes:
        raise InputError(name, f"decompressed size over the {_mb(max_bytes)} limit")
    return out


# ---------------------------------------------------------------------------- feeds

def _read_feed(data: bytes, name: str, *, published, source) -> Iterator[Article | InputError]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo"):
            why = str(feed.get("bozo_exception", "")).splitlines()[0][:120] if feed.get("bozo_exception") else ""
            yield InputError(name, f"not a readable RSS/Atom feed ({why or 'parse error'})")
        else:
            yield InputError(name, "not an RSS/Atom feed (no entries found): is it another XML format?")
        return
    feed_title = feed.feed.get("title")
    feed_title = feed_title.strip() or None if isinstance(feed_title, str) else None
    for n, entry in enumerate(feed.entries, 1):
        ename = f"{name}#{n}"
        yield _guarded(ename, _feed_entry, entry, ename, name, feed_title=feed_title, published=published,
                       source=source)


def _feed_entry(entry, ename: str, name: str, *, feed_title, published, source) -> Article | InputError:
    """The Article of one feed entry (its HTML content or summary as the body)."""
    html = ""
    if entry.get("content"):
        html = "\n".join(c.get("value", "") for c in entry.content)
    html = html or entry.get("summary", "") or entry.get("description", "")
    body = html_fragment_to_text(html) if "<" in html else html.strip()
    if not body.strip():
        return InputError(ename, f"feed entry {entry.get('title', '')!r} has no text (only a link?)")
    date = None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            date = dt.date(*entry[key][:3]).isoformat()
            break
    authors = [a.get("name", "").strip() for a in entry.get("authors", []) if a.get("name")]
    if not authors and entry.get("author"):
        authors = _split_authors(entry.author)
    title = (entry.get("title") or "").strip()
    return Article(title=title, text=_drop_repeated_title(body, title), authors=authors,
                   published=date or published, source=feed_title or source, url=entry.get("link"),
                   input_id=entry.get("id") or None, path=name)


# ---------------------------------------------------------------------------- WARC

def _read_warc(fh: IO[bytes], name: str, *, published, source, max_bytes) -> Iterator[Article | InputError]:
    """One Article per HTML response record. A record that cannot be read is one error
    naming its URL (or offset); a stream that breaks off ends the file with one error naming
    the offset reached, after every record before it was yielded."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n_html, offset = 0, 0
    try:
        records = ArchiveIterator(fh)
        for n, record in enumerate(records, 1):
            where = _warc_where(record, name, n)
            item = _guarded(where, _warc_record, record, where, name, published=published, source=source,
                            max_bytes=max_bytes)
            offset = records.get_record_offset() + records.get_record_length()  # after the payload was read
            if item is not None:
                n_html += 1
                yield item
    except ArchiveLoadFailed as exc:
        why = str(exc).split(",")[0].splitlines()[0][:80]
        yield InputError(name, f"not a readable WARC file ({why}): is it complete and really a WARC?")
        return
    except STREAM_ERRORS as exc:
        yield InputError(f"{name}@{offset}", f"WARC file truncated or corrupt after byte {offset} ({_why(exc)}): "
                                             f"the {n_html} pages before it were read")
        return
    if n_html == 0:
        yield InputError(name, "WARC file has no HTML response records")


def _warc_where(record, name: str, n: int) -> str:
    try:
        url = record.rec_headers.get_header("WARC-Target-URI")
    except Exception:  # noqa: BLE001 - a mangled header block: name the record by its number
        url = None
    return f"{name}#{url}" if url else f"{name}#record-{n}"


def _warc_record(record, where: str, name: str, *, published, source, max_bytes) -> Article | InputError | None:
    """The Article of one WARC record; None for a record that is not an HTML page."""
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    payload = record.content_stream().read(max_bytes + 1)
    if ctype and "html" not in ctype.lower():
        return None
    if not ctype and _sniff(payload[:SNIFF_BYTES]) != "html":
        return None
    if len(payload) > max_bytes:
        return InputError(where, f"record larger than the {_mb(max_bytes)} limit: skipped")
    m = re.search(r"charset=([\w.:-]+)", ctype)
    text = None
    if m:
        try:
            text = payload.decode(m[1])
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_bytes(payload, where, html=True)
    if isinstance(text, InputError):
        return text
    art = article_from_html(text, url=url, path=name)
    if isinstance(art, Article):
        art.published = art.published or _lenient_date(record.rec_headers.get_header("WARC-Date")) or published
        art.source = art.source or source
    return art


# ---------------------------------------------------------------------------- JSONL

def _read_jsonl(fh: IO[bytes], name: str, *, published, source, max_bytes) -> Iterator[Article | InputError]:
    """One Article (or InputError) per line. Lines are read at most `max_bytes` at a time,
    so an over-long line (a gzip bomb inflating to one 1 GiB line) is skipped without ever
    being held in memory; a stream that breaks off (truncated or corrupt gzip) ends the file
    with one error naming the line reached, after every record before it was yielded."""
    stream: IO[bytes] = fh
    if fh.read(2) == b"\x1f\x8b":
        fh.seek(0)
        stream = gzip.GzipFile(fileobj=fh)
    else:
        fh.seek(0)
    n_records, lineno = 0, 0
    lines = _bounded_lines(stream, max_bytes)
    while True:
        try:
            raw = next(lines, None)
        except STREAM_ERRORS as exc:
            yield InputError(f"{name}:{lineno + 1}", f"stream broken off ({_why(exc)}): "
                                                     f"the {n_records} records before it were read")
            return
        if raw is None:
            break
        lineno += 1
        if raw is _TOO_LONG:
            n_records += 1
            yield InputError(f"{name}:{lineno}", f"record larger than the {_mb(max_bytes)} limit: skipped")
            continue
        if not raw.strip():
            continue
        n_records += 1
        yield _guarded(f"{name}:{lineno}", _jsonl_record, raw, f"{name}:{lineno}", name,
                       published=published, source=source)
    if n_records == 0:
        yield InputError(name, "empty file: no JSON lines")


# Errors a decompressing or parsing stream raises when its bytes are cut short or corrupt.
STREAM_ERRORS = (OSError, EOFError, zlib.error, ValueError, OverflowError, struct.error)
_TOO_LONG = b"\0too long"  # sentinel: a line over the limit (identity-compared)
_SKIP_CHUNK = 1 << 20


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes]:
    """Lines of `stream`, each read at most `limit + 1` bytes at a time; a longer line is
    read past in 1 MB pieces and yielded as `_TOO_LONG`."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
        yield _TOO_LONG


def _jsonl_record(raw: bytes, where: str, name: str, *, published, source) -> Article | InputError:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(where, f"not UTF-8 text (byte {exc.start + 1} of the line): re-save the file as UTF-8")
    try:
        record = json.loads(line)
    except RecursionError:
        return InputError(where, "JSON nested too deeply to be a report record")
    except ValueError as exc:
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        return InputError(where, f"not valid JSON ({detail}): fix or remove the line")
    if not isinstance(record, dict):
        return InputError(where, "JSON line is not an object with a text or html field")
    return article_from_record(record, where=where, path=name, published=published, source=source)


def _guarded(where: str, make, *args, **kw) -> Article | InputError:
    """`make(*args, **kw)`, with any failure turned into one InputError naming `where`:
    one odd record is reported and the rest of its file is still read."""
    try:
        return make(*args, **kw)
    except InputError as exc:
        return exc
    except RecursionError:
        return InputError(where, "nested too deeply to read: skipped")
    except Exception as exc:  # noqa: BLE001 - a reader bug or a library's parse error: one record, not the run
        return InputError(where, f"could not be read ({_why(exc)}): skipped")


def _why(exc: BaseException) -> str:
    """A one-line description of an exception, for an InputError."""
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def article_from_record(record: dict, *, where: str | None = None, path: str | None = None,
                        published: str | None = None, source: str | None = None) -> Article | InputError:
    """One JSONL record (`id`, `text` or `html`, `title`, `published`, `source`, `url`).

    The record's `text` is taken as the body verbatim: when there is no `title`, the
    first line is used as the title only if it reads like a headline, and it stays in
    the text (a corpus's offsets and headline quotes point into it).
    """
    rid = record.get("id")
    where = where or path or (str(rid) if isinstance(rid, (str, int)) and rid != "" else "<record>")
    problem = record_type_problem(record)
    if problem:
        return InputError(where, f"{problem}: fix or drop the record")
    input_id = str(rid) if rid is not None else None
    date_value = record.get("published") or record.get("date")
    date = None
    if date_value:
        try:
            date = parse_published(str(date_value), path=where)
        except InputError as exc:
            return InputError(where, f"{exc.problem}; fix or drop the record's published field")
    meta = dict(published=date or published, source=record.get("source") or source,
                title=(record.get("title") or "").strip() or None, url=record.get("url"),
                input_id=input_id, path=path)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        art = article_from_text(text, **meta)
        art.keep_offsets = True
        if not art.title:
            from .clean import headline_of  # the clean stage owns what a headline looks like

            art.title = headline_of(text) or ""
        return art
    if isinstance(html, str) and html.strip():
        return article_from_html(html, **meta)
    return InputError(where, "record has no text or html field (or it is empty)")


# The type each record field may have (JSON null is always allowed). An id may be a number
# (corpora number their records); every other field is text, so a list or object in
# `source` is refused instead of being stored as a list on one backend and refused by the
# other.
RECORD_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str, int), "text": (str,), "html": (str,), "title": (str,), "published": (str,), "date": (str,),
    "source": (str,), "url": (str,), "authors": (list,),
}
_JSON_TYPE_NAMES = {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "a list",
                    dict: "an object"}


def record_type_problem(record: dict) -> str | None:
    """What is wrong with the types of a record's fields (the first field found), or None."""
    for name, types in RECORD_FIELD_TYPES.items():
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, types):
            want = " or ".join(_JSON_TYPE_NAMES[t] for t in types)
            got = _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
            return f"field {name!r} must be {want}, got {got}"
        if name == "authors" and not all(isinstance(a, str) for a in value):
            return "field 'authors' must be a list of strings"
    return None
