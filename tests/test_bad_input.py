"""Bad inputs: each becomes one clear InputError naming the file, and the other inputs
in the same run are still read."""
from __future__ import annotations

import os

import pytest

from sitrep.clean import clean_article, validate_article
from sitrep.errors import InputError, NotEnglishError
from sitrep.models import Article
from sitrep.readers import iter_inputs

GOOD = ("Shelling hits Ariha market\n\nARIHA, Syria — Shelling hit the market in Ariha on Monday, "
        "killing four civilians, rescuers said.\n")


def run(tmp_path, bad_name: str, content: bytes | None = None, **kw) -> tuple[list[Article], list[InputError]]:
    """Read a folder holding one good report and the bad input; split the results."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    if content is not None:
        (tmp_path / bad_name).write_bytes(content)
    out = list(iter_inputs([str(tmp_path)], **kw))
    arts = [x for x in out if isinstance(x, Article)]
    errs = [x for x in out if isinstance(x, InputError)]
    return arts, errs


def one_error(errs: list[InputError], name: str) -> str:
    assert len(errs) == 1, [str(e) for e in errs]
    msg = str(errs[0])
    assert name in msg and "\n" not in msg, msg
    return msg


def test_empty_file(tmp_path):
    arts, errs = run(tmp_path, "empty.txt", b"")
    assert "empty file" in one_error(errs, "empty.txt")
    assert len(arts) == 1


def test_whitespace_only_file(tmp_path):
    arts, errs = run(tmp_path, "blank.txt", b"  \n\n\t \n")
    assert "empty" in one_error(errs, "blank.txt") and len(arts) == 1


def test_binary_file(tmp_path):
    arts, errs = run(tmp_path, "photo.txt", bytes(range(256)) * 64)
    assert "binary file" in one_error(errs, "photo.txt") and len(arts) == 1


def test_pdf_is_refused_with_a_hint(tmp_path):
    arts, errs = run(tmp_path, "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    msg = one_error(errs, "report.pdf")
    assert "PDF" in msg and "pdftotext" in msg and len(arts) == 1


def test_50_mb_file_is_refused_quickly_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # sparse: 50 MB on paper, nothing written
        fh.truncate(50 * 1024 * 1024)
    arts, errs = run(tmp_path, "huge.txt")
    msg = one_error(errs, "huge.txt")
    assert "too large" in msg and "50.0 MB" in msg and "SITREP_MAX_BYTES" in msg
    assert len(arts) == 1


def test_size_limit_is_configurable(tmp_path):
    arts, errs = run(tmp_path, "medium.txt", b"Headline of it\n\n" + b"Words about Bor. " * 100, max_bytes=1000)
    assert "too large" in one_error(errs, "medium.txt") and len(arts) == 1


def test_undecodable_bytes(tmp_path):
    arts, errs = run(tmp_path, "mojibake.txt", bytes(range(0x80, 0x100)) * 40)
    msg = one_error(errs, "mojibake.txt")
    assert "undecodable" in msg and "UTF-8" in msg and len(arts) == 1


def test_broken_html_still_gives_text(tmp_path):
    broken = (b"<html><head><title>Clashes in Tripoli</title><body><div><p>Clashes between armed groups "
              b"in Tripoli killed <b>three people on Friday, <i>the health ministry said.</p></div><p>Residents "
              b"stayed indoors as gunfire echoed<table><tr><td>across the city")
    arts, errs = run(tmp_path, "broken.html", broken)
    assert not errs
    page = next(a for a in arts if a.path.endswith("broken.html"))
    assert "three people on Friday" in page.text and "gunfire" in page.text
    assert page.title == "Clashes in Tripoli"


def test_html_without_any_text_is_a_clear_error(tmp_path):
    arts, errs = run(tmp_path, "shell.html", b"<html><head><script>var x=1;</script></head><body><nav></nav></body></html>")
    assert "no readable text" in one_error(errs, "shell.html") and len(arts) == 1


def test_non_english_report_is_detected_and_skipped_with_a_message(tmp_path):
    french = ("Des combats à Goma font des milliers de déplacés\n\nGOMA, RD Congo — De violents combats entre "
              "l'armée et les rebelles ont forcé des milliers de familles à quitter leurs maisons autour de Goma "
              "lundi, selon les autorités locales, qui ont demandé une aide d'urgence.\n").encode()
    arts, errs = run(tmp_path, "goma_fr.txt", french)
    assert not errs
    reports = {a.path.rsplit("/", 1)[-1]: clean_article(a) for a in arts}
    validate_article(reports["good.txt"])  # English: fine
    with pytest.raises(NotEnglishError) as info:
        validate_article(reports["goma_fr.txt"])
    msg = str(info.value)
    assert "goma_fr.txt" in msg and "'fr'" in msg and "not English" in msg and "\n" not in msg


def test_body_empty_after_cleaning_is_an_error():
    art = clean_article(Article(text="Advertisement", path="ad.txt"))
    with pytest.raises(InputError, match=r"^ad\.txt: no report text left"):
        validate_article(art)


def test_missing_path_is_reported_and_others_still_read(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    out = list(iter_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "good.txt")]))
    assert isinstance(out[0], InputError) and "nope.txt" in str(out[0]) and "no such file" in str(out[0])
    assert isinstance(out[1], Article)


def test_broken_symlink_is_reported(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    arts, errs = run(tmp_path, "link.txt")
    assert "no such file" in one_error(errs, "link.txt") and len(arts) == 1


def test_unreadable_file_permission_denied(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    if os.geteuid() == 0:  # root reads anything: make open() fail as it would for a user
        import builtins

        import sitrep.readers as read

        def denied(path, *a, **kw):
            if str(path).endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return builtins.open(path, *a, **kw)
        monkeypatch.setattr(read, "open", denied, raising=False)
    else:
        locked.chmod(0)
    try:
        arts, errs = run(tmp_path, "locked.txt")
    finally:
        locked.chmod(0o644)
    msg = one_error(errs, "locked.txt")
    assert "permission denied" in msg and "chmod" in msg and len(arts) == 1


def test_invalid_published_option_names_each_input(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    out = list(iter_inputs([str(tmp_path / "good.txt")], published="2016-31-12"))
    assert len(out) == 1 and isinstance(out[0], InputError)
    msg = str(out[0])
    assert "good.txt" in msg and "'2016-31-12'" in msg and "YYYY-MM-DD" in msg and "--published" in msg


def test_invalid_published_in_a_record_skips_only_that_record(tmp_path):
    lines = ['{"id": "a", "text": "Fighting in Marib killed four on Monday.", "published": "2019-02-30"}',
             'not json at all',
             '{"id": "c", "text": "Aid reached Hodeidah on Tuesday.", "published": "2019-03-02"}',
             '{"id": "d", "title": "no body"}']
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n")
    out = list(iter_inputs([str(f)]))
    assert [type(x).__name__ for x in out] == ["InputError", "InputError", "Article", "InputError"]
    assert str(out[0]).startswith(f"{f}:1: invalid published date '2019-02-30'")
    assert str(out[1]).startswith(f"{f}:2: not valid JSON")
    assert out[2].input_id == "c" and out[2].published == "2019-03-02"
    assert str(out[3]).startswith(f"{f}:4: record has no text or html")


def test_corrupt_archive_and_feed_are_reported(tmp_path):
    (tmp_path / "bad.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip" * 10)
    (tmp_path / "bad.xml").write_bytes(b"<?xml version='1.0'?><notafeed><x>1</x></notafeed>")
    arts, errs = run(tmp_path, "unused")
    msgs = sorted(str(e) for e in errs)
    assert len(msgs) == 2 and len(arts) == 1
    assert "bad.warc.gz" in msgs[0] and "WARC" in msgs[0]
    assert "bad.xml" in msgs[1] and ("feed" in msgs[1])
